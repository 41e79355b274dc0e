"""Issue #9: does a post speak of an individual (``rules.phi.individual``)? PHI is information about one
person, so the PHI second opinion (PHI090) does not read a post that speaks of no one: a shipment, a district's
totals, advice to everyone, a list of tagged accounts. A count's place ("40 from Eastvale") is not a person.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

from hcsocial_lint.rules import second_opinion
from hcsocial_lint.rules.phi.assessment import assess
from hcsocial_lint.rules.phi.individual import speaks_of_an_individual
from hcsocial_lint.sources import read_text_post


def _analysis(linter, text: str, kind: str = "post"):
    return next(linter.analyse([read_text_post(text, linter.settings, kind=kind)], [linter.settings]))


def _speaks(linter, text: str, kind: str = "post") -> bool:
    return speaks_of_an_individual(assess(_analysis(linter, text, kind)))


@pytest.mark.parametrize("text", [
    "Our pharmacy unpacked its first shipment of shingles vaccine this morning. Appointments open Monday.",
    "Another 212 patients recovered and went home today\n\n40 from Eastvale\n31 from Pine Hollow\n22 from Marlow",
    "Flu shots are free for everyone over 65 at the county fairgrounds this Saturday.",
    "Great turnout at the vaccine clinic! @CountyHealthDept @RiverCityNews @MarlowFireRescue",
    "Dr. Okafor said flu admissions across the region doubled this month.",
    "So proud of our patient, who rang the bell on the last day of radiation with us!",  # de-identified
])
def test_no_one_in_particular(linter, text):
    assert not _speaks(linter, text)


@pytest.mark.parametrize("text", [
    "She came in on Sunday with a broken wrist and left with a purple cast.",
    "The crossing guard from Elm Street is recovering after last week's fall.",
    "A 6 month old came in last night struggling to breathe.",
    "Marisol Vega finished her last round of chemo with us on Friday!",
    "Shout-out to the patient in room 12 who taught our night shift to knit.",
    "Welcome back to the choir, we missed you during your long stay on the cardiac floor!",
])
def test_someone_in_particular(linter, text):
    assert _speaks(linter, text)


def test_a_reply_is_to_one_person(linter):
    assert _speaks(linter, "Thanks for the kind words, we are glad the new schedule works better.", kind="review-reply")


def test_the_second_opinion_reads_only_posts_about_someone(linter):
    shipment = "Our pharmacy team unpacked the first boxes of the new RSV vaccine today and we are thrilled."
    assert not second_opinion.PHI.readable(_analysis(linter, shipment))
    story = "Our pharmacy team gave her the new RSV vaccine today after her lung transplant and she was thrilled."
    assert second_opinion.PHI.readable(_analysis(linter, story))
