"""CLM017: essential treatment discouraged in a post that promotes an alternative (issue #14).

Each class is a relation on the parse (stop, refuse, replace, disparage); the near misses hold the same
words without the relation, or the relation in a post that promotes nothing. Every sentence is our own."""

from __future__ import annotations

import pytest

from hcsocial_lint import Linter, Settings


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Settings(plugins=False))


def discourages(linter: Linter, text: str) -> bool:
    return any(f.rule_id == "CLM017" for f in linter.lint_text(text).findings)


STOP = [
    "Ditch the blood pressure meds and start your mornings with our beet tonic.",
    "You should wean off your antidepressants once you start our mood tea.",
    "Your meds are holding you back. Give them up and join our cleanse.",
]

REFUSE = [
    "Personally I would never recommend chemotherapy. Our clinic offers gentle ozone therapy instead.",
    "You don't need insulin once you follow our sugar reset plan, $49 a month.",
]

REPLACE = [
    "Calm your joints without painkillers or surgery. Book an acupuncture session this week.",
    "Choose our herbal drops over antibiotics for ear infections.",
]

DISPARAGE = [
    "Antidepressants just numb you. Our magnesium blend lifts your mood naturally.",
    "Vaccines are poison. Boost your child's immunity with our elderberry gummies instead.",
]


@pytest.mark.parametrize("text", STOP + REFUSE + REPLACE + DISPARAGE)
def test_a_promoted_alternative_set_against_a_treatment_is_reported(linter, text):
    assert discourages(linter, text)


NEAR_MISSES = [
    # the relation, but nothing promoted
    "You don't need antibiotics for a cold. Rest, drink fluids and call us if it lasts a week.",
    "If your doctor agrees, some people can come off blood pressure pills after losing weight.",
    # promoted, but the treatment kept or supported
    "Keep taking your prescribed medication while you try our yoga classes.",
    "Never stop your antidepressants without talking to your doctor. Our pharmacists are here to help.",
    "Our vitamin D supplement is not a replacement for any medication your doctor prescribed.",
    # a question asked, not argued
    "Should I stop my statins before surgery? Ask our pre-op nurses.",
    # the prescription as a document
    "Our allergy spray is available without a prescription, $12.",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_the_same_words_without_the_relation_or_the_promotion_stay_clean(linter, text):
    assert not discourages(linter, text)


def test_a_public_health_body_is_not_reported():
    local = Linter(Settings(plugins=False, organisation={"kind": "public_health"}))
    text = "You don't need antibiotics for the flu. Get your flu shot at our free clinic."
    assert not discourages(local, text)


def test_the_message_names_the_treatment(linter):
    finding = next(f for f in linter.lint_text(STOP[0]).findings if f.rule_id == "CLM017")
    assert "meds" in finding.message.lower()
    assert finding.severity.value == "error"


SWITCHED = [
    "So many of our members have switched from blood thinners to our garlic extract.",
    "I switched from my steroid cream to @PureSkinBalm and never looked back.",
]


@pytest.mark.parametrize("text", SWITCHED)
def test_a_switch_away_from_a_treatment_to_what_is_promoted_is_reported(linter, text):
    assert discourages(linter, text)


@pytest.mark.parametrize("text", [
    "After two cycles Dana moved from chemotherapy to immunotherapy at our cancer center.",
    "Patients can now switch from clinic dialysis to our home dialysis program.",
    "Ready to switch to our new patient portal? Sign up today.",
])
def test_a_switch_between_treatments_or_to_a_service_is_not(linter, text):
    assert not discourages(linter, text)


@pytest.mark.parametrize("text", [
    "We've helped dozens of clients get off their statins with our gut protocol. Book below!",
    "Our detox program gets members off antidepressants in 60 days.",
])
def test_a_seller_boasting_it_takes_people_off_a_treatment_is_reported(linter, text):
    assert discourages(linter, text)


def test_coming_off_a_treatment_with_the_prescriber_and_nothing_promoted_is_not(linter):
    assert not discourages(linter, "Never get off your insulin without medical advice. Our diabetes nurses can help.")
