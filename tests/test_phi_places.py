"""Places a state or larger are not Safe Harbor (B) identifiers (issue #9, part 1 and part 3).

45 CFR 164.514(b)(2)(i)(B) removes geographic subdivisions *smaller than a State*. A country, a
continent or a US state named in a post ("back from Peru", "the first case in Ohio") identifies no
one; a town, county or street still does. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from hcsocial_lint.rules.phi.identifiers import _national_first, state_or_larger

BLOCKING = {"error", "critical"}


def phi_errors(report):
    return [f for f in report.findings if f.family == "phi" and f.severity.value in BLOCKING]


@pytest.mark.parametrize("name", ["Peru", "the United States", "Ohio", "U.S.", "Africa", "New Mexico", "UK"])
def test_countries_continents_and_states_are_state_or_larger(name):
    assert state_or_larger(name)


@pytest.mark.parametrize("name", ["Dayton", "Briar County", "Elm Street", "Lakeview", "Springfield"])
def test_towns_counties_and_streets_are_smaller_than_a_state(name):
    assert not state_or_larger(name)


@pytest.mark.parametrize("text,span", [
    ("Health officials confirmed the first US case of the new strain today.", "the first US case"),
    ("The lab confirmed the first case in Oregon of the variant.", "the first case"),
])
def test_a_first_counted_over_a_country_or_state_is_a_count(text, span):
    start = text.index(span)
    assert _national_first(text, start, start + len(span))


@pytest.mark.parametrize("text,span", [
    ("Meet our first patient in the new wing!", "our first patient"),
    ("She was the first baby for us this year.", "the first baby"),
    ("We celebrate the first case in Millbrook of a full recovery.", "the first case"),
])
def test_a_first_within_our_walls_or_a_town_still_singles_out(text, span):
    start = text.index(span)
    assert not _national_first(text, start, start + len(span))


@pytest.mark.parametrize("text", [
    "The state health department and CDC confirm a traveler who returned from Peru and stayed at a "
    "federal quarantine site tested positive for measles. It is the 4th case reported in the US.",
    "Officials confirmed the first US case of the new flu strain in a patient who had been diagnosed "
    "after close contact with a traveler.",
])
def test_an_agency_announcing_a_case_from_a_country_is_not_blocked(linter, text):
    assert phi_errors(linter.lint_text(text)) == []


def test_a_town_named_with_age_sex_and_care_still_singles_out(linter):
    text = ("A 92-year-old woman from Millbrook was admitted to our ICU with pneumonia on Monday.")
    assert phi_errors(linter.lint_text(text)) != []


def test_media_outlets_joined_at_a_summit_are_not_patients(linter):
    text = ("Today, Friday, May 3: @SurgeonGen joins @WhiteHouse officials for the Vaccine Summit. @SurgeonGen joins "
            "Gannett, Vox, KTLA, and Telemundo to discuss today's summit and the plans for the COVID-19 vaccine.")
    assert phi_errors(linter.lint_text(text)) == []


def test_a_patient_named_at_a_summit_with_their_care_still_counts(linter):
    text = "At today's health summit, our patient Dana Wirth told how we treated her stage 3 breast cancer."
    assert phi_errors(linter.lint_text(text)) != []
