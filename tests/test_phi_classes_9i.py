"""Issue #9: PHI classes read from the 12-07i blind set's first run (development data since; 12-07j stays
held out): a signature field that says no or a consent given only by voice is no authorization; a recovery
milestone's chip or coin is health; "your old therapist Dr. ..." in a reply is our care of the one
addressed; "our Thursday regular" is someone who keeps coming to us; a procedure done "for" someone
described singles them out. Near misses: "see you at the 5K", a colleague who "says thank you" through
us, an athletic trainer on our staff, an event of ours held at a school, and a year's totals ("380
babies delivered") that are no one's health. Then: the account a post comes from (front matter ``org``)
is the organisation, in its short name and its tags, and arriving there is arriving in our care; a phrase
of place after a name is no staff role; the kin of our clinician is not staff; what is said of a named
person ("a joy to have in our program") ties them to it; replies that confirm care of the one addressed
("your next cycle", "had your panel drawn with us", "keep coming to those groups", "your grandson").

Every sentence is new, written for this file; none is copied from a blind set or a real post.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from hcsocial_lint.model import Severity
from hcsocial_lint.rules.phi.options import authorization, authorization_not_in_force
from hcsocial_lint.sources import read_text_post


def _phi(linter, text: str, kind: str = "post", **metadata) -> list:
    post = read_text_post(text, linter.settings, kind=kind)
    if metadata:
        post = replace(post, metadata={**post.metadata, **metadata})
    analysis = next(linter.analyse([post], [linter.settings]))
    return [f for f in linter.check(analysis).findings if f.family == "phi" and f.rule_id != "PHI090"]


def _blocked(linter, text: str, kind: str = "post", **metadata) -> bool:
    return any(f.severity >= Severity.ERROR for f in _phi(linter, text, kind, **metadata))


# ------------------------------------------------------------------ authorization


@pytest.mark.parametrize("record", [
    {"signed": "no - she agreed on the phone", "ref": ""},
    {"signed": "No, form mailed Tuesday", "ref": "RB-0092"},
    {"signed": "yes, verbal consent at discharge", "ref": "RB-0093"},
    "RB-0094 (verbal OK only)",
])
def test_a_signature_that_says_no_or_a_spoken_consent_is_no_authorization(record):
    metadata = {"hipaa_authorization": record}
    assert authorization_not_in_force(metadata) is not None
    assert authorization(metadata) is None


@pytest.mark.parametrize("record", [
    {"signed": "2026-10-02", "ref": "RB-0095"},
    {"signed": "Nov 14", "ref": "RB-0096"},
    {"signed": "yes", "ref": "RB-0097"},
])
def test_a_signed_record_stays_in_force(record):
    assert authorization({"hipaa_authorization": record}) is not None


# ------------------------------------------------------------------ what is read as care or health


def test_a_recovery_chip_given_to_a_bed_is_health(linter):
    assert _blocked(linter, "Bed 4 got his 60-day coin this morning and the whole unit cheered 🥹")


def test_chips_handed_out_at_a_meeting_single_out_no_one(linter):
    assert not _blocked(linter, "Sobriety chips are handed out at every Thursday night meeting in our community room.")


def test_your_former_counselor_named_in_a_reply_confirms_care(linter):
    ids = {f.rule_id for f in _phi(linter, "@dre.walks good to hear from you! Your former counselor Dr. Ames has Friday "
                                           "slots open 😊", kind="comment-reply")}
    assert "PHI002" in ids


def test_advice_to_ask_your_counselor_is_no_care(linter):
    assert not _phi(linter, "Wondering whether group therapy fits you? Ask your counselor at your next session.")


def test_our_regular_over_89_is_singled_out(linter):
    assert _blocked(linter, "Big cheers for our Thursday 7am regular, who turned 95 last week and climbed the practice "
                            "stairs twice today!")


@pytest.mark.parametrize("text", [
    "Our regular hours resume Monday after the holiday.",
    "Heads up: our regular Saturday walk-in hours move to 9am.",
])
def test_regular_as_an_adjective_is_no_one(linter, text):
    assert not _phi(linter, text)


def test_a_procedure_for_someone_described_singles_them_out(linter):
    assert _blocked(linter, "Two facelifts and a blepharoplasty for a Channel 5 weekend anchor today 🤫 you'll never guess")


# ------------------------------------------------------------------ near misses


def test_see_you_at_our_event_is_no_care(linter):
    ids = {f.rule_id for f in _phi(linter, "Thanks Rhonda! Hope to see you at the Harvest Hustle 5K on Saturday!",
                                   kind="comment-reply")}
    assert "PHI002" not in ids


def test_see_you_at_your_next_visit_is_care(linter):
    ids = {f.rule_id for f in _phi(linter, "Thanks Rhonda! See you at your next cleaning!", kind="comment-reply")}
    assert "PHI002" in ids


def test_a_colleague_who_says_thank_you_through_us_is_staff(linter):
    findings = _phi(linter, "Roberto says thanks! We'll make sure he sees this, it made his whole week.",
                    kind="review-reply")
    assert not any(f.severity >= Severity.ERROR for f in findings)


def test_our_athletic_trainer_in_a_photo_is_staff(linter):
    assert not _blocked(linter, "Preseason physicals start Monday!\n[Photo: our athletic trainer, Coach Dee, on the "
                                "bike with ECG leads attached, smiling]")


def test_our_talk_at_a_school_is_where_we_go(linter):
    assert not _blocked(linter, "Ankle pain after practice? It could be a sprain. We're giving a free injury talk at "
                                "Ridgeway Academy on Monday at 4pm.")


def test_someone_from_a_school_treated_here_is_still_singled_out(linter):
    assert _blocked(linter, "The goalie from Ridgeway Academy had his concussion checked here Monday, he's cleared to "
                            "play!")


def test_a_years_totals_are_no_ones_health(linter):
    assert not _blocked(linter, "Rosewood by the numbers 💙 1,104 babies delivered and 6 sets of triplets this year. "
                                "Thank you for trusting our team!")


def test_one_familys_delivery_is_still_health(linter):
    assert _blocked(linter, "We delivered the Abernathy twins this morning! Mom and both girls are doing great.")


# ------------------------------------------------------------------ the posting account (front matter)


def test_the_accounts_names_are_its_full_name_and_lead_words():
    from hcsocial_lint.rules.phi.account import account_names

    assert account_names({"org": "Lakeshore Family Birth Center"}) == ("Lakeshore Family Birth Center", "Lakeshore")
    assert account_names({"account": "@BlueHeronRecovery"}) == ("BlueHeronRecovery",)
    assert account_names({"org": "Willow Creek Fertility (Boise)"}) == ("Willow Creek Fertility", "Willow Creek")
    assert account_names({"org": "Dr. Nadia Osei, MD"}) == ("Dr. Nadia Osei",)  # a person's account: no lead words
    assert account_names({"org": 42}) == ()


def test_the_accounts_short_name_is_not_a_person(linter):
    text = ("Lakeshore by the numbers 💙 380 babies delivered, 22 sets of twins, and our busiest night fell in March. "
            "Thank you for trusting our team! #LakeshoreBabies")
    assert not _blocked(linter, text, org="Lakeshore Family Birth Center")


def test_the_accounts_name_in_a_web_address_is_no_place_of_care(linter):
    text = ("Waits are hard, we know. Waits at all of our locations rise on weekday evenings; you can save a spot "
            "online at quickstop.example/wait. Our manager would welcome a call at (555) 010-2200.")
    assert "PHI002" not in {f.rule_id for f in _phi(linter, text, kind="review-reply", org="QuickStop Urgent Care")}


def test_arriving_at_the_account_is_arriving_in_our_care(linter):
    text = ("Meet Jonas 🌄 Eight months ago he came to Clear Path after losing his warehouse job to opioids. Today "
            "he's back at work. Swipe up to hear his story!")
    assert "PHI001" in {f.rule_id for f in _phi(linter, text, kind="story", org="Clear Path Recovery")
                        if f.severity >= Severity.ERROR}


def test_coming_to_the_account_to_volunteer_is_no_care(linter):
    assert not _blocked(linter, "Meet Jonas! He came to Clear Path to volunteer every Tuesday and the whole house "
                                "adores him.", org="Clear Path Recovery")


# ------------------------------------------------------------------ who a photo or a description is about


def test_a_phrase_of_place_after_a_name_is_no_staff_role(linter):
    assert _blocked(linter, "[Photo: Rosa, 7, in the dental chair grinning after her two fillings] Rosa's dad says "
                            "she has been flossing every night since!")


def test_a_schools_one_principal_is_singled_out(linter):
    assert _blocked(linter, "Our high school principal came in for stitches after the pep rally, back at work already!")


def test_the_kin_of_our_clinician_is_not_staff(linter):
    assert _blocked(linter, "It's a boy! Congrats to our own Dr. Osei's nephew's mom, who delivered on our unit at "
                            "3:10 this morning, 8 lb 1 oz!")
    assert _blocked(linter, "Dr. Abara has delivered babies here for 25 years, the Lindqvist triplets among them!")


# ------------------------------------------------------------------ replies


def test_what_is_said_of_a_named_person_ties_them_to_our_program(linter):
    ids = {f.rule_id for f in _phi(linter, "Denise, Kayla was a joy to have in our teen program! Tell her the whole "
                                           "anxiety team says hi.", kind="comment-reply")}
    assert "PHI004" in ids


@pytest.mark.parametrize("text", [
    "We're so sorry this year has been hard. Our nurse line will call you Monday about your next cycle.",
    "Hi Priya! Since you already had your thyroid panel drawn with us in May, we can go over it at your follow-up.",
    "So proud of you! Six months is huge. Keep coming to those Monday alumni groups!",
    "Thanks Carol! Your grandson was a champ, not one tear the whole time!",
    # ... and replies that tell the reviewer's history
    "Our pharmacist would not have called your other pharmacy if you hadn't filled the same hydrocodone script "
    "there on Monday.",
    "Records show you were booked for a cleaning on the 3rd and again on the 17th; neither time did anyone arrive.",
    "To be clear to other readers: the reviewer was intoxicated at both visits, which is why the session ended early.",
])
def test_a_reply_that_confirms_care_of_the_one_addressed(linter, text):
    assert "PHI002" in {f.rule_id for f in _phi(linter, text, kind="review-reply")}


@pytest.mark.parametrize("text", [
    "We're sorry your experience with us fell short. Please call our office manager at 555-0100.",
    "Thank you for your trust in us! Our front desk can help with any questions at 555-0100.",
    "If you have a fever and a rash, please call us before coming in.",
    "Everyone should know the signs of a stroke: face drooping, arm weakness, speech trouble. Call 911.",
    "The reviewer above asked about flu shots: they're free for kids at every location.",
])
def test_thanks_advice_and_answers_to_anyone_confirm_no_care(linter, text):
    assert "PHI002" not in {f.rule_id for f in _phi(linter, text, kind="review-reply")}


def test_our_care_of_a_towns_one_office_holder_bitten_by_a_dog(linter):
    assert _blocked(linter, "Quiet day at our Bramble Flats clinic, then we stitched up the postmaster after a dog bite "
                            "this morning! Get well soon!")


def test_a_pets_checkup_is_still_no_ones_phi(linter):
    assert not _blocked(linter, "Our oldest feline patient, a 19-year-old tabby, came in for her dental cleaning today!")
