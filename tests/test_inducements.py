"""Patient inducements: gifts against the OIG nominal-value settings (INC001), clinical-prize contests
(INC002), advertised cost-sharing waivers (INC003), referral rewards (INC004), free-service lures (INC005)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hcsocial_lint.config import settings_from_table
from hcsocial_lint.fixes import fix_until_stable
from hcsocial_lint.model import Applicability, Severity
from hcsocial_lint.sources import read_text_post


def findings(linter, rule_id, text, settings=None, metadata=None):
    settings = settings or linter.settings
    post = read_text_post(text, settings)
    if metadata:
        post = replace(post, metadata={**post.metadata, **metadata})
    return [f for f in linter.lint_posts([post], [settings]).findings if f.rule_id == rule_id]


def nominal(**options):
    return settings_from_table({"plugins": False, "tone": options})


def fixed(linter, rule_id, text):
    outcome = fix_until_stable(text, lambda t: findings(linter, rule_id, t), unsafe=True)
    assert outcome.stable
    return outcome.text


# ------------------------------------------------------------------ INC001 gifts and nominal value

def test_gift_card_over_the_item_limit_fires(linter):
    (finding,) = findings(linter, "INC001", "Book your first cleaning and get a $50 Amazon gift card!")
    assert finding.severity is Severity.ERROR and "$50" in finding.message and "$15" in finding.message


def test_gift_card_within_the_item_limit_is_allowed(linter):
    assert not findings(linter, "INC001", "Book your first cleaning and get a $10 Amazon gift card!")


def test_item_limit_setting_changes_the_verdict(linter):
    text = "Book your first cleaning and get a $10 Amazon gift card!"
    (finding,) = findings(linter, "INC001", text, settings=nominal(nominal_item_value=5, nominal_annual_value=25))
    assert "$5 nominal value" in finding.message
    assert not findings(linter, "INC001", "Book a cleaning and get a $50 Amazon gift card!",
                        settings=nominal(nominal_item_value=60, nominal_annual_value=300))


def test_cash_equivalents_fire_whatever_the_amount(linter):
    text = "Every patient who keeps their appointments gets a $5 Visa card."
    (finding,) = findings(linter, "INC001", text, settings=nominal(nominal_item_value=100, nominal_annual_value=500))
    assert "cash" in finding.message


def test_yearly_limit_setting_changes_the_verdict(linter):
    text = "Every patient gets a $10 coffee card each month they keep their appointments."
    (finding,) = findings(linter, "INC001", text)
    assert "$120 a year" in finding.message and "$75" in finding.message
    assert not findings(linter, "INC001", text, settings=nominal(nominal_annual_value=150))


def test_stated_yearly_total_is_checked(linter):
    assert findings(linter, "INC001", "Every visit earns you a $10 coffee card. That's up to $120 a year!")


def test_high_value_items_fire_without_a_stated_price(linter):
    assert findings(linter, "INC001", "New patients receive free AirPods with any completed treatment plan!")


def test_gift_of_unstated_value_is_a_warning(linter):
    (finding,) = findings(linter, "INC001", "Every new patient who books this month receives a welcome gift!")
    assert finding.severity is Severity.WARNING


def test_cash_pay_audience_flag_lowers_errors_to_warnings(linter):
    text = "Book your first facial and get a $50 Amazon gift card!"
    (finding,) = findings(linter, "INC001", text, metadata={"audience_includes_federal_beneficiaries": False})
    assert finding.severity is Severity.WARNING


@pytest.mark.parametrize("text", [
    "$10k sign-on bonus for experienced ICU nurses! Apply today.",
    "Congratulations to our employee of the month, who wins a $50 gift card!",
    "Kids who come in for checkups pick a toothbrush and a sticker from our prize box!",
    "Our staff donated 300 gift cards to families at the shelter.",
    "E-gift cards for facials are available in any amount. Buy online!",
])
def test_nominal_items_staff_gifts_and_recruitment_stay_clean(linter, text):
    assert not findings(linter, "INC001", text)


def test_gift_removal_keeps_the_call_to_action(linter):
    text = "Schedule your wellness visit and take home a free Fitbit, our thank-you to you!"
    assert fixed(linter, "INC001", text) == "Schedule your wellness visit!"


# ------------------------------------------------------------------ INC002 contests

@pytest.mark.parametrize("text", [
    "Enter our Valentine's raffle for a chance to win 50 units of Botox!",
    "Every new patient who books this month is entered to win concert tickets!",
    "Refer a friend and get entered into a drawing for an iPad!",
])
def test_clinical_or_care_tied_contests_fire(linter, text):
    assert findings(linter, "INC002", text)


@pytest.mark.parametrize("text", [
    "Tag a friend who needs a dental checkup!",
    "Like and share to spread the word about flu shots!",
    "Vaccine equity is a collaboration, not a contest.",
    "Raffle at our foundation gala: proceeds support the NICU; prizes include a weekend getaway.",
    "Our Nurses Week photo contest is open to all staff.",
])
def test_engagement_posts_staff_and_charity_contests_stay_clean(linter, text):
    assert not findings(linter, "INC002", text)


# ------------------------------------------------------------------ INC003 cost-sharing waivers

@pytest.mark.parametrize("text", [
    "We waive all copays and deductibles for new patients!",
    "We accept your insurance as payment in full.",
    "Forget your deductible! Our office absorbs it.",
    "$0 out of pocket, every time.",
])
def test_advertised_waivers_are_critical(linter, text):
    found = findings(linter, "INC003", text)
    assert found and all(f.severity is Severity.CRITICAL for f in found)


@pytest.mark.parametrize("text", [
    "Annual wellness visits are covered by Medicare Part B with no copay or deductible.",
    "Medicaid covers dental cleanings for children at no cost to you.",
    "Flu shots are $0 with most insurance plans.",
    "Financial assistance is available on an individual basis; ask our billing office.",
    "No copay? Ask your plan what your visit will cost.",
])
def test_plan_benefits_and_financial_assistance_stay_clean(linter, text):
    assert not findings(linter, "INC003", text)


def test_waiver_rewrite_replaces_the_first_and_removes_the_rest(linter):
    text = "We accept your insurance as payment in full. You'll never see a bill from us! Call today."
    result = fixed(linter, "INC003", text)
    assert result == ("We accept most insurance; financial assistance is available on an individual basis. "
                      "Ask our billing office. Call today.")


# ------------------------------------------------------------------ INC004 referral rewards

def test_referral_reward_fires_and_brokering_is_critical(linter):
    (reward,) = findings(linter, "INC004", "Refer 3 friends and your next cleaning is free!")
    assert reward.severity is Severity.ERROR
    (broker,) = findings(linter, "INC004", "Partner with us: we pay a commission per patient you refer.")
    assert broker.severity is Severity.CRITICAL
    assert broker.suggestions[0].applicability is Applicability.DISPLAY


def test_thank_you_reward_in_the_next_sentence_counts(linter):
    assert findings(linter, "INC004", "Thanks for the referral! As a thank-you, enjoy a free facial on us.")


@pytest.mark.parametrize("text", [
    "No referral needed! You can book directly with our physical therapists.",
    "Employee referral bonus: refer an RN who joins our team and earn $1,500!",
    "Specialist referrals can take a few weeks; our coordinators will help you get scheduled.",
    "Thank you for your referral, we'll take great care of your friend!",
])
def test_clinical_and_recruitment_referrals_stay_clean(linter, text):
    assert not findings(linter, "INC004", text)


def test_referral_rewrite_thanks_without_value(linter):
    result = fixed(linter, "INC004", "Love your smile? Refer a friend and get a $25 credit!")
    assert result == "Love your smile? Thank you for recommending us to the people you care about."


# ------------------------------------------------------------------ INC005 free services as a lure

def test_free_service_lure_is_a_warning_and_escalates_for_beneficiaries(linter):
    (lure,) = findings(linter, "INC005", "FREE exam and x-rays for all new patients!")
    assert lure.severity is Severity.WARNING
    (federal,) = findings(linter, "INC005", "Free knee brace for Medicare patients! Call today.")
    assert federal.severity is Severity.ERROR
    (flagged,) = findings(linter, "INC005", "Free whitening for new patients!",
                          metadata={"audience_includes_federal_beneficiaries": True})
    assert flagged.severity is Severity.ERROR


@pytest.mark.parametrize("text", [
    "Free flu shot clinic Saturday at the county health department.",
    "Free blood pressure screenings at the public library every Monday.",
    "Free parking is available for all patients and visitors.",
    "Feel free to bring your questions to your next appointment.",
    "Interpreter services are available at no cost to patients.",
    "Share this post to be entered to win a free whitening treatment!",
])
def test_community_services_conveniences_and_prizes_are_not_lures(linter, text):
    assert not findings(linter, "INC005", text)


def test_free_lure_rewrite_drops_the_word_free(linter):
    assert fixed(linter, "INC005", "Free 15-minute IV drip trial for first-time guests.") == \
        "15-minute IV drip trial for first-time guests."


# ------------------------------------------------------------------ INC001 offer frames: gifts tied to choosing us

@pytest.mark.parametrize("text", [
    "Parents who bring their baby to all four of our well-child visits get a free crib!",
    "Switch your oxygen supplier to us and receive a $75 Visa card.",
    "Medicaid members: free grocery delivery every week when you fill your prescriptions at our pharmacy.",
    "Schedule your annual wellness visit with us by December and take home a holiday turkey.",
])
def test_gifts_tied_to_choosing_us_are_inducements(linter, text):
    (finding,) = findings(linter, "INC001", text)
    assert finding.severity is Severity.ERROR
    assert "tied by" in finding.message


@pytest.mark.parametrize("text", [
    "Bring a can of soup to your visit for our food bank; every can goes to families in need.",  # charity
    "Staff who complete their flu shot by Friday get a $25 cafeteria card.",  # staff incentive
    "Free rides to vaccination sites are available from the county; call 211 to book one.",  # outreach, no tie to us
    "Every child who comes in for a checkup picks a sticker and a toothbrush.",  # nominal items
])
def test_charity_staff_outreach_and_nominal_items_are_not_inducements(linter, text):
    assert not findings(linter, "INC001", text)


@pytest.mark.parametrize("text", [
    "Send a friend our way and you'll get a $30 account credit once they book.",
    "Recommend us to your neighbors: every new patient you send earns you a free whitening.",
])
def test_referral_rewards_read_as_offer_frames(linter, text):
    assert findings(linter, "INC004", text)


def test_an_employee_referral_bonus_for_hiring_is_not_a_patient_referral(linter):
    assert not findings(linter, "INC004", "Our nurses who refer a friend we hire earn a $1,000 bonus.")


def test_a_contest_beside_a_service_said_to_be_absent_raffles_no_care(linter):
    """"[Photo: a sack race at our booth; no screening going on]": the contest is a game, not a prize of care;
    a raffle for a free screening is still INC002's."""
    game = linter.lint_text("[Photo: kids in a sack race contest at our tent; no screening going on] Thanks for "
                            "coming to the block party!")
    assert not [f for f in game.findings if f.rule_id == "INC002"]
    raffle = linter.lint_text("Enter our raffle for a free skin screening at our tent!")
    assert [f for f in raffle.findings if f.rule_id == "INC002"]
