"""CLM015 (prescription-only medicine advertised to the public where the law forbids it) and CLM016 (weight-loss efficacy
claims), tested by class of sentence. Every sentence is written for the class it stands for."""

from __future__ import annotations

import pytest

from hcsocial_lint import Linter
from hcsocial_lint.config import Settings


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Settings(plugins=False))


def fired(linter: Linter, text: str, rule: str, kind: str = "post") -> bool:
    return any(f.rule_id == rule for f in linter.lint_text(text, kind=kind).findings)


@pytest.mark.parametrize("text", [
    "Half-price Dysport for new clients at our Glasgow studio, this week only.",  # discount, UK place
    "Struggling with streaming eyes every June? Our allergy jab is £60 and takes two minutes.",  # priced jab
    "Start your Wegovy journey today with 20% off the first pen. Prices in £.",  # discount on a GLP-1
    "Bored of the same old moods? Treat yourself to Botox with our NMC-registered nurse.",  # POM as the thing one gets
    "Grey Monday? Book Botox. Tired eyes? Book Botox.",  # no country sign at all: forbidden almost everywhere
    "Gummy smile? Botox. Jaw clenching? Botox. Lunchtime appointments at our studio.",  # the medicine as the answer
])
def test_uk_promotion_of_a_prescription_only_medicine(linter, text):
    assert fired(linter, text, "CLM015")


@pytest.mark.parametrize("text", [
    "Now offering Xeomin at our Denver office, $10 a unit. Call to book.",  # US price: lawful with fair balance
    "Botox for chronic migraine may be covered by Medicare. Ask your neurologist.",  # US insurance sign
    "Our nurse prescriber offers anti-wrinkle consultations in Leeds, £30.",  # the consultation, not the medicine
    "Should you buy Ozempic online? Ask your GP first.",  # asked
    "We never sell Mounjaro without a face-to-face consultation at our UK clinics.",  # negated
    "Myth: a 'skinny jab' bought online is the same as a prescription. Fact: it may be fake. NHS advice.",  # refuted
])
def test_not_an_advertisement_of_a_prescription_only_medicine(linter, text):
    assert not fired(linter, text, "CLM015")


@pytest.mark.parametrize(("country", "reported"), [("US", False), ("nz", False), ("GB", True), ("UK", True),
                                                   ("IE", True), ("CA", True)])
def test_the_declared_country_decides_where_the_rule_applies(country, reported):
    local = Linter(Settings(plugins=False, organisation={"country": country}))
    text = "Now offering Xeomin at our riverside office. Call to book."
    assert any(f.rule_id == "CLM015" for f in local.lint_text(text).findings) is reported


def test_a_declared_country_names_the_jurisdiction_in_the_message():
    local = Linter(Settings(plugins=False, organisation={"country": "IE"}))
    found = [f for f in local.lint_text("Tired eyes? Botox. Book at our Cork clinic.").findings if f.rule_id == "CLM015"]
    assert found and "in IE it may not be advertised" in found[0].message


@pytest.mark.parametrize("value", ["USA", "", 1, "U1"])
def test_a_country_that_is_not_an_iso_code_is_a_configuration_error(value):
    from hcsocial_lint.org_kind import parse_country

    with pytest.raises(ValueError, match="organisation.country"):
        parse_country({"country": value})


def test_public_health_bodies_do_not_advertise(linter):
    settings = Settings(plugins=False, organisation={"kind": "public-health"})
    local = Linter(settings)
    text = "Get your allergy jab at the NHS walk-in centre, £0 for under-16s."
    assert not any(f.rule_id == "CLM015" for f in local.lint_text(text).findings)


@pytest.mark.parametrize("text", [
    "These chewable drops help you shed pounds without giving up pizza. Shop now.",  # sold thing, sale
    "My morning shake keeps my cravings down and helps me lose weight.",  # first-person product
    "Clients drop over a stone in four weeks on our 30-day plan.",  # parse: loss verb + body measure
    "The strongest fat burner on the shelves.",  # an ad fragment
])
def test_weight_loss_efficacy_for_a_sold_thing(linter, text):
    kind = "ad" if text.startswith("The strongest") else "post"
    assert fired(linter, text, "CLM016", kind=kind)


@pytest.mark.parametrize("text", [
    "Swapping sugary drinks for water can help you lose weight over time.",  # advice, nothing sold
    "Two neighbours lost nearly 150 pounds between them by walking daily.",  # news; pounds is weight, not price
    "No tea or pill will make you lose weight on its own.",  # negated
    "Does apple cider vinegar burn fat? Our dietitians review the evidence.",  # asked
    "Ways to lose weight from the 1920s, ranked by how odd they are.",  # a list of ways, no sold thing
])
def test_not_a_weight_loss_claim(linter, text):
    assert not fired(linter, text, "CLM016")


def test_an_approved_medicine_with_its_risks_is_not_reported(linter):
    text = ("Our clinic prescribes a weekly injection that can help adults with obesity lose weight alongside diet "
            "and exercise. Side effects include nausea and, rarely, pancreatitis. Book a consultation.")
    assert not fired(linter, text, "CLM016")


@pytest.mark.parametrize("text", ["We now offer Mounjaro at our Galway clinic. Make an appointment today.",
                                  "Now stocking Wegovy pens in store."])
def test_a_prescription_only_medicine_the_poster_offers_is_advertised(linter, text):
    assert "CLM015" in {f.rule_id for f in linter.lint_text(text).findings}


def test_a_medicine_not_offered_is_not_advertised(linter):
    assert "CLM015" not in {f.rule_id for f in linter.lint_text("We do not offer Botox to anyone under 18.").findings}


def test_a_client_delighted_with_a_medicine_and_an_invitation_to_book_is_an_advertisement(linter):
    text = "Look how happy Priya is with her Dysport from our nurses! Why not treat yourself? Call to make your appointment."
    assert "CLM015" in {f.rule_id for f in linter.lint_text(text).findings}


def test_an_invitation_to_book_something_else_after_a_refusal_is_not(linter):
    text = "We do not offer Botox to under-18s. Book a consultation to talk about skincare instead."
    assert "CLM015" not in {f.rule_id for f in linter.lint_text(text).findings}


@pytest.mark.parametrize("text", ["Dysport for sweaty palms: one treatment keeps you dry for months. Book at our Cardiff clinic.",
                                  "Mounjaro consultations now open on Sundays at our Bristol pharmacy."])
def test_a_medicine_named_with_a_bare_booking_order_or_as_the_kind_of_visit_is_advertised(linter, text):
    assert "CLM015" in {f.rule_id for f in linter.lint_text(text).findings}


def test_booking_said_in_passing_is_not_an_invitation(linter):
    text = "Read our guide to Botox side effects before you book anything."
    assert "CLM015" not in {f.rule_id for f in linter.lint_text(text).findings}


def test_an_average_loss_is_a_weight_loss_claim(linter):
    text = "Clients on our SlimStart plan lose an average of 19 lbs in six weeks!"
    assert "CLM016" in {f.rule_id for f in linter.lint_text(text).findings}
