"""People the small model misses, found by the role a word plays in the sentence."""

from __future__ import annotations

import pytest

from hcsocial_lint.model import Post
from hcsocial_lint.rules.phi.identifiers import identifiers


def people(linter, text: str) -> dict[str, str]:
    """Each PERSON identifier's text -> the recognizers that found it."""
    analysis = next(linter.analyse([Post(text, text)], [linter.settings]))
    return {i.text: i.recognizer for i in identifiers(analysis) if i.kind == "PERSON"}


@pytest.mark.parametrize(("text", "name"), [
    ("Hi Themba, we loved having you at the walk on Saturday.", "Themba"),
    ("Thank you Hendo for the flowers!", "Hendo"),
    ("Nice shooting, Tex!", "Tex"),
    ("Tebogo is such a kind guy.", "Tebogo"),
    ("I asked Nosipho's mummy about the picnic.", "Nosipho"),
    ("It was so nice meeting you and Hamish at the fair.", "Hamish"),
    ("Womble knew the way because his map was right.", "Womble"),
])
def test_a_word_in_a_person_role_is_a_name(linter, text, name):
    found = people(linter, text)
    assert any(name in value for value in found), found


@pytest.mark.parametrize("text", [
    "Flu shots are available at every Riverside clinic this week.",
    "Ask your doctor whether the new vaccine is right for you.",
    "Paw Patrol and Friends are coming to the children's ward reading hour.",
    "Thank you for the kind words, everyone!",
])
def test_ordinary_sentences_gain_no_person(linter, text):
    assert not any("PersonRoleRecognizer" in r for r in people(linter, text).values()), people(linter, text)


def test_a_role_name_is_weak_evidence_on_its_own(linter):
    """One role cue makes a name the rules count, not one that escalates a finding by itself."""
    text = "Tebogo is such a kind guy."
    analysis = next(linter.analyse([Post(text, text)], [linter.settings]))
    [person] = [i for i in identifiers(analysis) if i.kind == "PERSON"]
    assert person.recognizer == "PersonRoleRecognizer"
    assert 0.4 <= person.score < 0.5
    assert "described as a 'guy'" in person.explanation


def test_the_role_recognizer_needs_a_parse(no_model_linter):
    assert not any("PersonRoleRecognizer" in r for r in people(no_model_linter, "Hi Themba, thanks for coming!").values())


def test_an_office_addressed_like_a_name_is_not_a_person(linter):
    text = "Mayor Diaz cut the ribbon on our new dialysis center. Thank you, Mayor!"
    assert not any(value == "Mayor" for value in people(linter, text))


def test_roster_names_written_in_full_are_found_in_one_pass():
    from hcsocial_lint.rules.phi.people import _roster_named

    staff = ("Tom Alvarez", "Ann Lee", "Ann Lee Smith", "Bob Ek")
    text = "Thanks Tom\n alvarez and Ann Lee Smith! Tom has trained Bob for years."
    assert _roster_named(text, staff) == frozenset({"Tom Alvarez", "Ann Lee", "Ann Lee Smith"})
    assert _roster_named(text, ()) == frozenset()
