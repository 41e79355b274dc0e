"""Cost linear in document length (issue #11): position look-ups are indexed, not walks of the Doc.

A rule that walks the whole document per match makes a long post cost (matches x length). The
look-ups below are bisections over indexes computed once per parse; the timing test is a ratio
between a short and a long document of the same mix, not a wall-clock limit.
"""

from __future__ import annotations

import time

from hcsocial_lint.language.clauses import sentence_of, sentence_starts, sentences, token_at
from hcsocial_lint.nlp.doc_index import doc_text

# Our own sentences: ordinary service lines mixed with lines that raise findings in every family.
_MIX = [
    "Our clinic offers flu shots every weekday from nine to five.",
    "Dr. Rivera explains how to keep blood pressure in check at home.",
    "Our herbal tonic cures arthritis and stops migraines for good!",
    "Tom Baker, 61, went home after his hip replacement on 2/9/2026.",
    "Book your checkup this week and get a free gift card, today only!",
    "Thanks @rosie_m for the five-star review of your cataract surgery!",
    "Wash your hands often and stay home when you feel unwell.",
]


def _document(sentences_wanted: int) -> str:
    lines = [_MIX[i % len(_MIX)] for i in range(sentences_wanted)]
    return "\n\n".join(" ".join(lines[i:i + 3]) for i in range(0, len(lines), 3))


def test_position_lookups_agree_with_a_walk_of_the_doc(linter):
    doc = linter.model.nlp(_document(40))
    spans = sentences(doc)
    assert spans is sentences(doc)  # computed once per parse
    assert sentence_starts(doc) == [s.start_char for s in spans]
    text = doc_text(doc)
    for offset in range(0, len(text), 7):
        walked = next((t for t in doc if t.idx <= offset < t.idx + len(t.text)), None)
        if walked is None:
            walked = next((t for t in doc if t.idx > offset), None)
        assert token_at(doc, offset) == walked
        holding = [s for s in spans if s.start_char <= offset]
        assert sentence_of(doc, offset) == (holding[-1] if holding else spans[0])


def _seconds_per_character(linter, text: str) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        linter.lint_text(text)
        best = min(best, time.perf_counter() - started)
    return best / len(text)


def test_a_long_post_costs_about_the_same_per_character_as_a_short_one(linter):
    linter.lint_text(_document(10))  # warm the matchers
    short = _seconds_per_character(linter, _document(150))
    long = _seconds_per_character(linter, _document(1200))
    assert long / short < 2.0, f"8x the length cost {long / short:.1f}x per character"
