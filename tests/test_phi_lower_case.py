"""Issue #9, part 3 (singled out without a name), on posts written in lower case: a writer who does not
capitalise still names a place ("the bartender from murphy's pub", "the dude from crossfit eastside"), and the
description it makes picks out one person as the capitalised one does. A bare phrase after "from" that names
nothing ("from the gym", "from night shift") stays a common phrase.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

from hcsocial_lint.model import Severity
from hcsocial_lint.rules.phi.descriptions import written_in_lower_case


def _phi(linter, text: str) -> list:
    return [f for f in linter.lint_text(text).findings if f.family == "phi" and f.severity >= Severity.WARNING
            and f.rule_id != "PHI090"]


@pytest.mark.parametrize("text", [
    "lol shoutout to the dude from crossfit eastside who came in w rhabdo again after the big workout 💀",
    "when the bartender from murphy's pub on 5th st comes in for his 4th std test this year 🙃",
    "my 9am was the lunch lady from lincoln elementary and her a1c is through the roof lol",
    "so the birch avenue crossing guard came in today w a broken wrist, get well soon queen",
])
def test_a_lower_case_description_with_health_singles_someone_out(linter, text):
    assert _phi(linter, text), text


@pytest.mark.parametrize("text", [
    "ngl the nurse from night shift came in w a migraine again lol",  # our own staff, a common phrase
    "shoutout to everyone from lincoln elementary who came to the free flu clinic today, stay healthy out there",
])
def test_staff_and_groups_written_in_lower_case_stay_clean(linter, text):
    assert not _phi(linter, text), text


def test_lower_case_writing_is_a_property_of_the_post(linter):
    casual = next(linter.analyse([_post(linter, "ok so the new coffee machine on our floor is a game changer, "
                                                "no more walking to the lobby at 3am")], [linter.settings]))
    usual = next(linter.analyse([_post(linter, "Our new coffee machine on the Riverside floor is a game changer "
                                               "for the night shift.")], [linter.settings]))
    shouting = next(linter.analyse([_post(linter, "ok the new coffee machine on our floor is a GAME CHANGER, no "
                                                  "more walking to the lobby at 3am")], [linter.settings]))
    assert written_in_lower_case(casual.doc)
    assert not written_in_lower_case(usual.doc)
    assert written_in_lower_case(shouting.doc)  # capitals for shouting are not names


def _post(linter, text: str):
    from hcsocial_lint.sources import read_text_post

    return read_text_post(text, linter.settings)
