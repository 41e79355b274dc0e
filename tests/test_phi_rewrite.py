"""The PHI rewrites go through presidio-anonymizer; the edits they yield must be exactly what it wrote."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hcsocial_lint.fixes import apply_edits
from hcsocial_lint.rules.phi.rewrite import Replacement, apply_with_anonymizer, fill_template, whole_text


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
