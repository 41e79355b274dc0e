"""A named person's own illness, then our wish for them: a hospital speaking about its patient
(issue #9, part 2: a health state predicated of the person, tied by a sentence that refers back).

Sentences written for these tests; none is copied from a real post.
"""

from __future__ import annotations

import pytest

BLOCKING = {"error", "critical"}


def phi_errors(report):
    return [f for f in report.findings if f.family == "phi" and f.severity.value in BLOCKING]


@pytest.mark.parametrize("text", [
    "Mr. Omar Haddad, a 59-year-old, won the battle against #COVID19. We wish him a healthy life ahead.",
    "Ms. Grace Okoye beat sepsis after three weeks with us. Wishing her a speedy recovery at home!",
    "Mrs. Helen Brooks has recovered from pneumonia and is going home today. We wish her well.",
])
def test_a_named_persons_illness_and_our_wish_for_them_is_a_tie_to_care(linter, text):
    assert phi_errors(linter.lint_text(text)) != []


@pytest.mark.parametrize("text", [
    # the person made it public themselves: a verb of saying governs the health words
    "Singer Maya Cole says she has lupus. We wish her many healthy years.",
    # an official's illness wished well: a public figure, not our patient
    "Governor Alvarez tested positive for COVID-19 and has mild symptoms. We wish him a speedy recovery.",
    # a wish with no illness of the person's own
    "Our nurse Dana Pike ran the marathon for diabetes research. We wish her a happy retirement.",
    # a wish to no one in particular
    "Flu season is here. We wish them a safe and healthy winter, so book your shot today.",
])
def test_a_wish_without_the_persons_own_illness_from_our_care_is_not_a_block(linter, text):
    assert phi_errors(linter.lint_text(text)) == []
