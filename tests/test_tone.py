"""Tone family: pressure selling (TON001), price-led messaging (TON002), crisis selling (TON003) and
the tone score (TON004), with their settings and rewrites."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hcsocial_lint.config import settings_from_table
from hcsocial_lint.fixes import fix_until_stable
from hcsocial_lint.model import Applicability, Severity
from hcsocial_lint.rules.tone.options import ToneOptions, parse_tone_options
from hcsocial_lint.rules.tone.score import SalesDrivenTone
from hcsocial_lint.sources import read_text_post


def lint(linter, text, settings=None, kind=None, metadata=None):
    settings = settings or linter.settings
    post = read_text_post(text, settings, kind=kind)
    if metadata:
        post = replace(post, metadata={**post.metadata, **metadata})
    return list(linter.lint_posts([post], [settings]).findings)


def rule_findings(linter, rule_id, text, **kwargs):
    return [f for f in lint(linter, text, **kwargs) if f.rule_id == rule_id]


def tone_settings(**options):
    return settings_from_table({"plugins": False, "tone": options})


# ------------------------------------------------------------------ TON001 pressure-urgency

@pytest.mark.parametrize("text", [
    "Only 2 openings left this month for veneer consultations. Don't miss out!",
    "Book now: our calendar for Invisalign is almost full!",
    "Today only! Walk in for your B12 shot.",
    "Offer ends at midnight on all HydraFacials.",
    "Spots are filling fast for our January weight-loss program.",
    "Stock up on our vitamin bundle before it sells out!",
])
def test_urgency_fires_as_a_warning(linter, text):
    found = rule_findings(linter, "TON001", text)
    assert found and all(f.severity is Severity.WARNING for f in found)


@pytest.mark.parametrize("text", [
    "Don't wait to call 911 if you notice signs of a stroke. Act F.A.S.T.",
    "If you have chest pain, don't wait: get emergency care right away.",
    "Last chance to register for Saturday's free CPR class at the community center!",
    "Apply today! We're hiring nurses and positions are filling fast.",
    "Call us to book your next cleaning. We'd love to see you!",
    "Today is the last day of our blood drive. Thank you, donors!",
    "Myth: you need to book now to get a good price on LASIK. Fact: take your time and compare.",
])
def test_public_health_urgency_and_friendly_calls_to_action_stay_clean(linter, text):
    assert not rule_findings(linter, "TON001", text)


def test_ambiguous_urgency_counts_only_when_the_post_sells(linter):
    assert not rule_findings(linter, "TON001", "Don't miss out on our free diabetes class on Tuesday.")
    assert rule_findings(linter, "TON001", "Don't miss out: 20% off all facials this week.")


def test_urgency_tied_to_a_crisis_escalates_to_error(linter):
    found = rule_findings(linter, "TON001", "The pandemic is here. Book now, our immunity drips are 20% off!")
    assert found and found[0].severity is Severity.ERROR


def test_urgency_rewrite_is_unsafe_neutral_availability_and_converges(linter):
    text = "Only 3 spots left this week for whitening. Book now before they're gone!"
    outcome = fix_until_stable(text, lambda t: rule_findings(linter, "TON001", t), unsafe=True)
    assert outcome.stable
    assert outcome.text == "Appointments are available this week for whitening. Book anytime!"
    assert not rule_findings(linter, "TON001", outcome.text)
    assert fix_until_stable(text, lambda t: rule_findings(linter, "TON001", t), unsafe=False).text == text


def test_urgency_rewrite_never_empties_a_one_sentence_post(linter):
    (finding,) = rule_findings(linter, "TON001", "Don't wait until your smile gets worse, 20% off whitening!")
    suggestion = finding.suggestions[0]
    assert suggestion.applicability is Applicability.DISPLAY and not suggestion.edits


def test_urgency_drops_a_governing_phrase_with_its_sentence_when_others_remain(linter):
    text = "Don't wait until your back pain gets worse. Call now for a $49 adjustment!"
    outcome = fix_until_stable(text, lambda t: rule_findings(linter, "TON001", t), unsafe=True)
    assert outcome.text == "Call anytime for a $49 adjustment!"


# ------------------------------------------------------------------ TON002 price-led messaging

@pytest.mark.parametrize("text", [
    "Veneers starting at $499 per tooth!",
    "BOGO Botox this weekend.",
    "Why pay more? Our LASIK beats every price in town.",
    "Black Friday pricing on CoolSculpting.",
])
def test_price_led_messaging_fires(linter, text):
    assert rule_findings(linter, "TON002", text)


@pytest.mark.parametrize("text", [
    "Behind these numbers is a great deal of pain and suffering.",
    "Check out these 5 moves for six-pack abs.",
    "Discounts are available for uninsured patients based on household income.",
    "Cash prices for common lab tests are posted in our lobby.",
])
def test_price_idioms_and_transparency_stay_clean(linter, text):
    assert not rule_findings(linter, "TON002", text)


# ------------------------------------------------------------------ TON003 crisis selling

@pytest.mark.parametrize("text", [
    "Quarantine special: at-home IV therapy, 2 for $250!",
    "Lost your job in the pandemic? Earn $4,000 a month selling immune shakes!",
    "Coronavirus fears? Our ozone sessions are buy one, get one this month.",
])
def test_crisis_selling_fires_as_error(linter, text):
    found = rule_findings(linter, "TON003", text)
    assert found and found[0].severity is Severity.ERROR


@pytest.mark.parametrize("text", [
    "CDC offers tips to slow the spread of #COVID19. Learn more at the link.",
    "Slow the spread of COVID-19 while working from home: clean and disinfect your desk.",
    "Protect yourself from COVID-19 when going shopping: order online if you can.",
    "Free COVID-19 testing at the county fairgrounds every Tuesday.",
])
def test_crisis_advice_without_an_offer_stays_clean(linter, text):
    assert not rule_findings(linter, "TON003", text)


# ------------------------------------------------------------------ TON004 tone score

SALESY = ("Shop our premium skincare bundles! VIP members get exclusive perks, luxury add-ons and rewards "
          "at checkout. Treat yourself!")
EDUCATIONAL = ("Sunscreen tip: use SPF 30 or higher and reapply every two hours. Our dermatologists recommend "
               "broad-spectrum protection for kids and adults, and shade at midday.")


def test_tone_score_is_reported_as_a_metric(linter):
    (finding,) = rule_findings(linter, "TON004", SALESY)
    score = finding.metrics["tone_score"]
    assert 0.6 <= score <= 1 and finding.severity is Severity.WARNING
    assert f"{score:.2f}" in finding.message


def test_other_tone_findings_carry_the_tone_score_too(linter):
    (finding,) = rule_findings(linter, "TON001", "Limited time: teeth whitening for the holidays.")
    assert 0 <= finding.metrics["tone_score"] <= 1


def test_tone_threshold_is_configurable(linter):
    (finding,) = rule_findings(linter, "TON004", SALESY)
    score = finding.metrics["tone_score"]
    assert not rule_findings(linter, "TON004", SALESY, settings=tone_settings(tone_threshold=min(1.0, score + 0.01)))
    assert rule_findings(linter, "TON004", SALESY, settings=tone_settings(tone_threshold=score - 0.001))


def test_educational_post_scores_below_any_reasonable_threshold(linter):
    assert not rule_findings(linter, "TON004", EDUCATIONAL)
    assert not rule_findings(linter, "TON004", EDUCATIONAL, settings=tone_settings(tone_threshold=0.05))


def test_tone_score_needs_several_selling_cues(linter):
    # one selling cue in a short post would score 0.5; it is not a sales-driven post
    assert not rule_findings(linter, "TON004", "Members get priority booking.", settings=tone_settings(tone_threshold=0.1))


@pytest.mark.parametrize(("table", "key"), [
    ({"tone_threshold": 0}, "tone_threshold"),
    ({"tone_threshold": 1.5}, "tone_threshold"),
    ({"tone_threshold": "high"}, "tone_threshold"),
    ({"nominal_item_value": -1}, "nominal_item_value"),
    ({"nominal_item_value": True}, "nominal_item_value"),
    ({"nominal_item_value": 20, "nominal_annual_value": 10}, "nominal_annual_value"),
    ({"nominal_value": 15}, "nominal_value"),
])
def test_invalid_tone_options_are_rejected_naming_the_key(table, key):
    with pytest.raises(ValueError, match=f"'{key}'"):
        parse_tone_options(table)


def test_valid_tone_options_are_read():
    assert parse_tone_options({}) == ToneOptions(15.0, 75.0, 0.6)
    assert parse_tone_options({"nominal_item_value": 20, "nominal_annual_value": 100, "tone_threshold": 0.7}) == \
        ToneOptions(20.0, 100.0, 0.7)


def test_a_rule_reading_invalid_options_raises_a_clear_error(linter):
    settings = tone_settings(tone_threshold=2)
    analysis = next(linter.analyse([read_text_post(SALESY, settings)], [settings]))
    with pytest.raises(ValueError, match="tool.hclint.tone.*'tone_threshold'"):
        list(SalesDrivenTone().check(analysis))


# ------------------------------------------------------------------ no-model mode

def test_tone_rules_run_without_a_model(no_model_linter):
    found = {f.rule_id for f in lint(no_model_linter, "Only 3 spots left! 20% off all facials. Book now!")}
    assert {"TON001", "TON002"} <= found
    assert not lint(no_model_linter, "Don't wait to call 911 if you notice signs of a stroke.")


# ------------------------------------------------------------------ TON005 fear appeals, read from the parse

@pytest.mark.parametrize(("text", "severity"), [
    ("Your son's headaches might be something serious. Schedule an MRI with us this week.", "error"),
    ("Don't let your mother's last days be spent in a hospital bed. Call our team to enroll.", "error"),
    ("Don't let a crooked smile ruin your wedding photos. Book your aligner consult with us!", "warning"),
])
def test_fear_used_to_sell_is_flagged(linter, text, severity):
    found = [f for f in linter.lint_text(text).findings if f.rule_id == "TON005"]
    assert [f.severity.value for f in found] == [severity]


@pytest.mark.parametrize("text", [
    "Keep your kids safe this summer: supervise them near water at all times.",  # advice, no sale
    "Flu can be serious for young children. Talk to your pediatrician about a flu shot.",  # no purchase from us
    "We help families whose parents are in their last days. Call us to learn about hospice benefits.",  # no 'your'
    "Don't let your kids skip sunscreen; reapply every two hours.",  # pressure with nothing sold
])
def test_public_health_and_plain_information_are_not_fear_selling(linter, text):
    assert not [f for f in linter.lint_text(text).findings if f.rule_id == "TON005"]
