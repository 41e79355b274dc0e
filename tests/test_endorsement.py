"""Endorsements: undisclosed connections (END001), buried disclosures (END002), atypical-results
testimonials (END003), and the review rules of rules/endorsement.yaml (END004-END006)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hcsocial_lint.config import settings_from_table
from hcsocial_lint.fixes import fix_until_stable
from hcsocial_lint.model import Applicability, Severity
from hcsocial_lint.rules.endorsement.disclosure import BuriedDisclosure
from hcsocial_lint.rules.endorsement.options import EndorsementOptions, parse_endorsement_options
from hcsocial_lint.sources import read_text_post


def findings(linter, rule_id, text, settings=None, metadata=None, kind=None, markdown=False):
    settings = settings or linter.settings
    post = read_text_post(text, settings, kind=kind, file_format="markdown" if markdown else "text")
    if metadata:
        post = replace(post, metadata={**post.metadata, **metadata})
    return [f for f in linter.lint_posts([post], [settings]).findings if f.rule_id == rule_id]


def fixed(linter, rule_id, text, unsafe=True):
    outcome = fix_until_stable(text, lambda t: findings(linter, rule_id, t), unsafe=unsafe)
    assert outcome.stable
    return outcome.text


INFLUENCER = "Obsessed with my lips after my visit to @GlowMedSpa! Use my code JENNA15 when you book."
LONG_CAPTION = ("Spent my Saturday at @PureGlowMedSpa for a chemical peel. The staff walked me through every step, "
                "the aftercare kit is lovely, and my skin looks so much brighter already. Round two next month! #ad")


# ------------------------------------------------------------------ END001 undisclosed connection

def test_undisclosed_code_fires_and_fix_puts_ad_first(linter):
    (finding,) = findings(linter, "END001", INFLUENCER)
    assert finding.severity is Severity.ERROR
    assert finding.suggestions[0].applicability is Applicability.UNSAFE
    result = fixed(linter, "END001", INFLUENCER)
    assert result == "#ad " + INFLUENCER
    assert not findings(linter, "END001", result) and not findings(linter, "END002", result)


@pytest.mark.parametrize("metadata", [{"paid_partnership": True}, {"disclosure": "#ad shown on screen"},
                                      {"paid_partnership": "yes"}])
def test_front_matter_flags_satisfy_the_disclosure(linter, metadata):
    assert not findings(linter, "END001", INFLUENCER, metadata=metadata)


@pytest.mark.parametrize("metadata", [{"paid_partnership": False}, {"disclosure": False}, {"disclosure": "no"}])
def test_negative_front_matter_flags_do_not_satisfy_it(linter, metadata):
    assert findings(linter, "END001", INFLUENCER, metadata=metadata)


def test_front_matter_in_a_markdown_draft_is_read(linter):
    draft = "---\npaid_partnership: true\n---\n" + INFLUENCER + "\n"
    assert not findings(linter, "END001", draft, markdown=True)
    draft = "---\nplatform: instagram\n---\n" + INFLUENCER + "\n"
    result = fix_until_stable(draft, lambda t: findings(linter, "END001", t, markdown=True), unsafe=True).text
    assert result == "---\nplatform: instagram\n---\n#ad " + INFLUENCER + "\n"  # front matter left intact


@pytest.mark.parametrize("text", [
    "#ad Paid partnership with @GlowMedSpa: use my code JENNA15 when you book.",
    "I work at @PeakDermatology, so I'm biased, but use my code PEAK10 for our new acne clinic!",
    "Thanks to @RevivIVLounge, who gave me this drip for free in exchange for my honest review. My code: REVIV5.",
])
def test_clear_disclosures_satisfy_it(linter, text):
    assert not findings(linter, "END001", text)


@pytest.mark.parametrize("text", [
    "Use code SPRING at checkout for our in-office skincare line.",  # the practice's own promotion
    "Our patient ambassadors greet families at the main entrance every weekday.",
    "I'm so proud of our team at @MercyGeneral! Link in bio to donate to our NICU fund.",
])
def test_non_endorsements_stay_clean(linter, text):
    assert not findings(linter, "END001", text)


def test_not_sponsored_is_not_a_disclosure(linter):
    assert findings(linter, "END001", "Not sponsored, I just love @GlowMedSpa! Use my code JENNA15.")


# ------------------------------------------------------------------ END002 buried disclosure

def test_disclosure_past_the_window_fires_and_moving_it_is_safe(linter):
    (finding,) = findings(linter, "END002", LONG_CAPTION)
    assert finding.severity is Severity.WARNING and "characters in" in finding.message
    assert finding.suggestions[0].applicability is Applicability.SAFE
    result = fixed(linter, "END002", LONG_CAPTION, unsafe=False)
    assert result == "#ad " + LONG_CAPTION.removesuffix(" #ad")
    assert not findings(linter, "END002", result)


def test_disclosure_window_is_configurable(linter):
    wide = settings_from_table({"plugins": False, "endorsement": {"disclosure_window": 400}})
    assert not findings(linter, "END002", LONG_CAPTION, settings=wide)


def test_disclosure_in_hashtag_soup_fires_even_when_short(linter):
    assert findings(linter, "END002", "Glow day at @DermaGlowStudio #facial #skincare #glow #ad #spa #selfcare")
    assert not findings(linter, "END002", "#ad Glow day at @DermaGlowStudio #facial #skincare #glow #spa")


def test_front_matter_flag_satisfies_placement(linter):
    assert not findings(linter, "END002", LONG_CAPTION, metadata={"paid_partnership": True})


def test_institutional_collaboration_is_not_a_buried_ad_label(linter):
    text = ("Following an increase in cases, further restrictions will be introduced across the region next week. "
            "These changes have been made in collaboration with local leaders and take effect on Tuesday.")
    assert not findings(linter, "END002", text)


@pytest.mark.parametrize(("table", "message"), [
    ({"disclosure_window": 0}, "'disclosure_window'"),
    ({"disclosure_window": "125"}, "'disclosure_window'"),
    ({"window": 125}, "'window'"),
])
def test_invalid_endorsement_options_are_rejected(table, message):
    with pytest.raises(ValueError, match=message):
        parse_endorsement_options(table)
    assert parse_endorsement_options({}) == EndorsementOptions(125)


def test_buried_disclosure_rule_raises_on_invalid_settings(linter):
    settings = settings_from_table({"plugins": False, "endorsement": {"disclosure_window": -3}})
    analysis = next(linter.analyse([read_text_post(LONG_CAPTION, settings)], [settings]))
    with pytest.raises(ValueError, match="tool.hclint.endorsement"):
        list(BuriedDisclosure().check(analysis))


# ------------------------------------------------------------------ END003 atypical results

def test_testimonial_without_typical_results_fires_and_fix_appends_statement(linter):
    text = "Success story: Tom reversed his type 2 diabetes in 90 days with our program!"
    (finding,) = findings(linter, "END003", text)
    assert finding.severity is Severity.ERROR
    result = fixed(linter, "END003", text)
    assert result.startswith(text + " Typical results: [") and not findings(linter, "END003", result)


def test_results_may_vary_alone_is_not_a_typical_results_statement(linter):
    assert findings(linter, "END003", "Hear from Carla: she lost 30 pounds in 30 days! Individual results may vary.")


def test_typical_results_statement_satisfies_it(linter):
    assert not findings(linter, "END003", "\"I lost 22 pounds.\" Dana, patient. On average, patients in our "
                                          "program lose 8% of body weight in 6 months.")


@pytest.mark.parametrize("text", [
    "Research shows people who lose 5 to 7% of body weight can cut their diabetes risk by half.",
    "\"The hygienists are so gentle!\" Thank you for the kind words.",
    "Our staff lost 500 pounds together in the Biggest Loser challenge!",
])
def test_education_and_non_outcome_praise_stay_clean(linter, text):
    assert not findings(linter, "END003", text)


# ------------------------------------------------------------------ END004-END006 reviews

@pytest.mark.parametrize(("rule_id", "text"), [
    ("END004", "New hires: part of onboarding is posting a review of our clinic on Google."),
    ("END004", "As a longtime client myself, I can say this is the best dental office in town!"),
    ("END005", "Give us five stars on Yelp and your next B12 shot is on us!"),
    ("END006", "Not happy? Please don't post; call the office manager instead."),
    ("END006", "Update your 1-star review to 5 stars and we'll take $50 off your balance."),
])
def test_review_rules_fire_as_critical(linter, rule_id, text):
    (finding,) = findings(linter, rule_id, text, kind="review-reply" if "longtime" in text else None)
    assert finding.severity is Severity.CRITICAL


@pytest.mark.parametrize("text", [
    "Reviews help other families find care. If you have a minute, please share your honest experience.",
    "We take every review seriously, including the critical ones. Call 555-0148 to talk with a manager.",
    "Employees: don't forget to complete the annual engagement survey by Friday.",
    "Leave a review and help other families find us!",
])
def test_honest_review_requests_stay_clean(linter, text):
    assert not [f for rule in ("END004", "END005", "END006", "END007") for f in findings(linter, rule, text)]


@pytest.mark.parametrize("text", [
    "Review us on Yelp and your next B12 shot is on us!",
    "Thanks so much for the review! Enjoy 15% off your next visit.",
    "Snap a photo when you check in on Facebook and we'll add a free scrub to your facial.",
])
def test_an_incentive_not_tied_to_sentiment_is_an_error(linter, text):
    (finding,) = findings(linter, "END005", text)
    assert finding.severity is Severity.ERROR
    assert "offered for" in finding.message


@pytest.mark.parametrize("text", [
    "Leave a glowing review this month and you'll be entered in our prize draw.",
    "Clients who rate us 5 stars get a free brow tint!",
])
def test_an_incentive_for_positive_reviews_is_critical(linter, text):
    (finding,) = findings(linter, "END005", text)
    assert finding.severity is Severity.CRITICAL


def test_review_gating_with_a_private_route_is_critical(linter):
    text = "Happy with your smile? Review us on Google! Anything less than happy? Text our care team directly."
    (finding,) = findings(linter, "END007", text)
    assert finding.severity is Severity.CRITICAL
    assert "Text" in finding.message


# ------------------------------------------------------------------ END001 from the parse: codes and discounts

@pytest.mark.parametrize("text", [
    "@sunveilskin 25% off this week babes!! i genuinely use it every morning",
    "i get my refills from @RapidRxUK and code 'LENA8' knocks £8 off your first box",
    "Click the link in my bio to book, and use the code jessglow for a discount on any peel",
])
def test_a_code_or_discount_in_one_persons_voice_is_a_connection(linter, text):
    (finding,) = findings(linter, "END001", text)
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize("text", [
    "Use code WINTER at checkout for 10% off our in-office sunscreen.",  # the practice's own promotion
    "I'm proud of our nurses! Read how we cut wait times in half.",
])
def test_the_organisations_own_offers_are_not_endorsements(linter, text):
    assert not findings(linter, "END001", text)


# ------------------------------------------------------------------ END008 solicited insider and paid endorsements

@pytest.mark.parametrize(("text", "severity"), [
    ("Employees: post the new spa video on your own TikTok and tag us!", Severity.ERROR),
    ("Hygienists, please rate us five stars on Google from your phones today.", Severity.CRITICAL),
    ("Our brand ambassadors earn a free facial for every three stories that tag the clinic.", Severity.ERROR),
])
def test_solicited_endorsements(linter, text, severity):
    (finding,) = findings(linter, "END008", text)
    assert finding.severity is severity


@pytest.mark.parametrize("text", [
    "Employees: when you post about the clinic, add #employee so readers know you work here.",
    "Team, share your ideas for the holiday party with Dana.",
    "Donate to our NICU fund and share the link with friends.",
])
def test_disclosed_or_non_endorsing_requests_are_clean(linter, text):
    assert not findings(linter, "END008", text)


# ------------------------------------------------------------------ END003 from the parse: a person's own result

@pytest.mark.parametrize("text", [
    "Six weeks in and I'm completely off my asthma inhaler. Thank you @breathewell!",
    "Migraine-free after a single session?? Yes!! Thank you @headclinic",
    "Rosa Delgado dropped 4 dress sizes on our program before her wedding!",
])
def test_a_persons_own_dramatic_result_is_a_testimonial(linter, text):
    assert findings(linter, "END003", text)


@pytest.mark.parametrize("text", [
    "Adults who lose 5% of their weight often see lower blood pressure.",  # a study finding, no experiencer
    "I didn't lose any weight on the diet, so I talked to my doctor.",  # negated
    "\"I lost 20 pounds in 6 months.\" Jo, patient. Typical results: patients lose 6% of body weight in 6 months.",
])
def test_general_negated_or_qualified_results_are_clean(linter, text):
    assert not findings(linter, "END003", text)


@pytest.mark.parametrize(("text", "flagged"), [
    ("We only text our Yelp link to clients who loved their facial.", True),
    ("Only 3 openings left this week; our patients love us on Google!", False),
    ("We read every review, not only the happy ones.", False),
])
def test_only_restricting_review_requests_to_happy_patients(linter, text, flagged):
    assert bool(findings(linter, "END007", text)) is flagged


def test_a_chance_to_win_for_a_five_star_rating_is_a_bought_review(linter):
    (finding,) = findings(linter, "END005", "Rate us five stars today and spin our prize wheel at checkout!")
    assert finding.severity is Severity.CRITICAL


def test_share_to_win_is_a_contest_not_a_paid_post(linter):
    assert not findings(linter, "END008", "Tag two friends below! One lucky winner gets a free lash lift.")


def test_a_cure_as_a_noun_is_nobodys_result(linter):
    assert not findings(linter, "END003", "My grandson is raising money for the search for a cure for ALS.")


def test_advice_to_lose_weight_is_not_a_result(linter):
    assert not findings(linter, "END003", "@wellnessweekly tips: 1. Shed a few pounds 2. Walk daily 3. Sleep more")
