"""Procedures and medicines sold like goods (INC006 travel packages, TON006 time-limited offers, INC007
codes for prescription-only medicines), seller-run product rankings (END010) and results told as a
comparison (END003 through language.results). Sentences of each class, written for these tests."""

from __future__ import annotations

import pytest

from hcsocial_lint.model import Severity


def ids(linter, text):
    return {f.rule_id for f in linter.lint_text(text).findings}


@pytest.mark.parametrize("text", [
    "Veneers abroad: 10 days, 4-star hotel and airport transfers included, from £2,400.",
    "Summer package: liposuction plus a week's holiday on the coast, one price. Book a call.",
    "Tummy tuck with return flights and a luxury stay for recovery, all-inclusive deal.",
])
def test_procedure_sold_with_travel_perks(linter, text):
    found = [f for f in linter.lint_text(text).findings if f.rule_id == "INC006"]
    assert found and found[0].severity is Severity.ERROR


@pytest.mark.parametrize("text", [
    "Holiday special on flu shots for the whole family.",  # a seasonal sale, not a trip
    "Staying overnight after your gastric sleeve? Our patient team can suggest hotels nearby.",  # no offer
    "We will never sell surgery with flights or a hotel stay.",  # negated
    "Heading home after knee surgery? Ask a friend to drive you from the hospital.",  # no elective procedure
])
def test_no_travel_package(linter, text):
    assert "INC006" not in ids(linter, text)


@pytest.mark.parametrize("text", [
    "Cyber Monday: 2 ml of cheek filler at our Leeds clinic.",
    "Rhinoplasty consultations, limited places left for March!",
    "Botox this weekend only at the studio.",
])
def test_time_limited_procedure_offer(linter, text):
    assert "TON006" in ids(linter, text)


@pytest.mark.parametrize("text", [
    "Black Friday opening hours: the pharmacy closes at 6 pm.",  # no procedure
    "Thinking about dermal filler? Book a consultation and take your time to decide.",  # no deadline
])
def test_no_time_limited_procedure_offer(linter, text):
    assert "TON006" not in ids(linter, text)


@pytest.mark.parametrize("text", [
    "Month two on Ozempic, feeling great. My code ANNA20 gets you money off.",
    "Grab your Saxenda pens with promo code SLIM, link in bio.",
])
def test_discount_code_on_prescription_medicine(linter, text):
    assert "INC007" in ids(linter, text)


@pytest.mark.parametrize("text", [
    "Enter your zip code 30333 to find a Wegovy prescriber near you.",  # a zip code, not a discount
    "Our dress code for the Botox training day is smart casual.",  # not a discount code
    "Use code FALL15 for 15% off our multivitamins.",  # no prescription-only medicine
])
def test_no_discount_code_on_prescription_medicine(linter, text):
    assert "INC007" not in ids(linter, text)


@pytest.mark.parametrize("text", [
    "Our nutrition team rated these 7 collagen powders best for joints.",
    "We compared 20 magnesium supplements and ranked ours above the rest.",
])
def test_seller_ranking(linter, text):
    assert "END010" in ids(linter, text)


@pytest.mark.parametrize("text", [
    "We reviewed 12 studies on probiotic supplements and found the evidence is weak.",  # research, not products
    "Our pharmacists compared the top 10 cold remedies: none shortens a cold.",  # popular, not ranked
    "Independent testers rated these monitors the most accurate.",  # not the post's own voice
    "We make one of these five fibre supplements: our own brand ranked first in our tests.",  # disclosed
])
def test_no_seller_ranking(linter, text):
    assert "END010" not in ids(linter, text)


@pytest.mark.parametrize("text", [
    "Did more for me in three visits than two years of pills ever did. Thank you @backbasics!",
    "I made more progress in one week at the Spine Centre than in a year of physio.",
])
def test_comparative_result_is_atypical(linter, text):
    assert "END003" in ids(linter, text)


@pytest.mark.parametrize("text", [
    "Students made more progress in reading this year.",  # nobody's health result
    "Made great progress on the new wing today, and I am proud of our team.",  # no result cue
])
def test_no_comparative_result(linter, text):
    assert "END003" not in ids(linter, text)


@pytest.mark.parametrize(("text", "rule"), [
    ("Regulators said a clinic sold tummy tucks with flights and a hotel stay.", "INC006"),
    ("The watchdog fined a practice for paying patients $10 per 5-star review.", "END005"),
    ("A surgeon was ordered to stop giving gift cards to patients who referred friends.", "INC004"),
    ("Investigators found that the pharmacy gave Wegovy buyers the code SLIM10.", "INC007"),
])
def test_reported_offer_is_not_the_posts_own(linter, text, rule):
    assert rule not in ids(linter, text)


@pytest.mark.parametrize(("text", "rule"), [
    ("Tummy tuck with flights and a hotel stay, one price: book now.", "INC006"),
    ("We pay $10 for every 5-star review you leave us!", "END005"),
    ("We fined ourselves for being late, so here is a deal: Wegovy with code SLIM10.", "INC007"),
])
def test_own_offer_still_fires(linter, text, rule):
    assert rule in ids(linter, text)


@pytest.mark.parametrize("text", [
    "Grandpa is dying. Make his last days count with our hospice: call us today.",
    "My dad's last days were peaceful because we called early. Call our hospice team now.",
])
def test_fear_for_a_parent_named_by_kinship(linter, text):
    assert "TON005" in ids(linter, text)


@pytest.mark.parametrize("text", [
    "Talk with Mom about her wishes for her final days. Our guide can help: download it here.",  # no sale
    "Dad said the flu shot was painless. Get yours at our pharmacy.",  # no harm
    "The mother of a patient spoke about her last days. Call us with questions.",  # not close to the reader
])
def test_no_fear_for_a_parent(linter, text):
    assert "TON005" not in ids(linter, text)


def test_urgency_idiom_counts_only_when_selling(linter):
    assert "TON001" in ids(linter, "Our 12-week slimming plan starts Monday. If not now, when? Order today.")
    assert "TON001" not in ids(linter, "If not now, when? Get your flu shot at any county clinic.")
