"""The PHI rewrites go through presidio-anonymizer; the edits they yield must be exactly what it wrote."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hcsocial_lint.fixes import apply_edits
from hcsocial_lint.rules.phi.rewrite import Replacement, apply_with_anonymizer, fill_template, person_replacements, whole_text


@st.composite
def text_and_replacements(draw):
    text = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    pairs = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if b > a]
    values = draw(st.lists(st.text(max_size=8), min_size=len(pairs), max_size=len(pairs)))
    return text, [Replacement(a, b, v) for (a, b), v in zip(pairs, values)]


def naive(text: str, replacements: list[Replacement]) -> str:
    for item in sorted(replacements, key=lambda r: r.start, reverse=True):
        text = text[:item.start] + item.value + text[item.end:]
    return text


@settings(max_examples=150, deadline=None)
@given(text_and_replacements())
def test_anonymizer_output_equals_the_edits_applied(case):
    text, replacements = case
    new_text, edits = apply_with_anonymizer(text, replacements)
    assert new_text == naive(text, replacements)
    assert apply_edits(text, edits) == new_text


def test_overlapping_replacements_keep_the_first_and_widest():
    new_text, edits = apply_with_anonymizer("room 412 today", [Replacement(0, 8, ""), Replacement(5, 8, "X")])
    assert new_text == " today" and len(edits) == 1


def test_reply_template_covers_the_reply_not_the_blank_front_matter():
    text = "   \n\n  Your visit ran long.  \n"
    start, end = whole_text(text)
    assert text[start:end] == "Your visit ran long."
    assert fill_template("Call us{contact}.", "(555) 010-2000") == "Call us at (555) 010-2000."
    assert fill_template("Call us{contact}.", "") == "Call us."


# --------------------------------------------------------------------------- grammar of the generalised person


def _rewrite(text: str, name: str) -> str:
    start = text.index(name)
    replacements = person_replacements(text, start, start + len(name), "PERSON")
    return apply_with_anonymizer(text, replacements)[0]


@pytest.mark.parametrize("text, name, expected", [
    # a greeting, thanks or congratulation takes "to our patient", not a bare "a patient"
    ("Congrats Ines on your first 5K since the transplant!", "Ines",
     "Congrats to our patient on your first 5K since the transplant!"),
    ("Thank you so much Ravi for the lovely card to our ward team.", "Ravi",
     "Thank you so much to our patient for the lovely card to our ward team."),
    ("Kudos Ravi and family for sticking with physio.", "Ravi",
     "Kudos to our patient and family for sticking with physio."),
    # a greeting that ends on the name just loses it
    ("Happy birthday Ines! The rehab gym misses you.", "Ines", "Happy birthday! The rehab gym misses you."),
    # "Congrats Ines Duarte" read as one name: the interjection is not part of it
    ("Congrats Ines Duarte on walking again!", "Congrats Ines Duarte", "Congrats to our patient on walking again!"),
    # an attribution keeps the role and drops the name; without a role it says who, in general
    ('"The night nurses were so kind." - Ines, mother of two', "Ines", '"The night nurses were so kind." - Mother of two'),
    ('"The night nurses were so kind." \u2014 Ines\nBook a tour.', "Ines",
     '"The night nurses were so kind." \u2014 One of our patients\nBook a tour.'),
    # a possessive is "our patient's"
    ("We cheered as Ravi's cast came off this week.", "Ravi", "We cheered as our patient's cast came off this week."),
    ("Ravi's new knee is doing great.", "Ravi", "Our patient's new knee is doing great."),
])
def test_generalised_person_reads_as_written(text, name, expected):
    assert _rewrite(text, name) == expected
