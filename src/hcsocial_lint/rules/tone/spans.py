"""Text helpers shared by the tone, inducement and endorsement rules.

Rules of these families reason about *sentences* (is the gift tied to a visit in the same
sentence?) and need fixes that edit whole sentences or clauses. spaCy's sentences are used
when there are any, split again at line breaks (captions put one thought per line), so that
the model and no-model modes see the same units for the same text.
"""

from __future__ import annotations

import itertools

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from ...analysis import Analysis
from ...language.layout import first_prose_offset  # noqa: F401  (re-exported for the tone rules)
from ...language.voice import FIRST_PERSON  # noqa: F401
from ...vocabularies import first, has, matches, tagged_matches, tagged_terms  # noqa: F401

MONEY = regex.compile(r"(?<![\w$])\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(\s?[kK]\b)?")
_LINE_BREAK = regex.compile(r"\n")


@dataclass(frozen=True)
class Sentence:
    """A sentence (or caption line) of the post text: ``text[start:end]``, whitespace trimmed."""

    start: int
    end: int
    text: str

    def contains(self, start: int, end: int | None = None) -> bool:
        end = start if end is None else end
        return self.start <= start and end <= self.end


def sentences(analysis: Analysis) -> list[Sentence]:
    """The post's sentences, split at line breaks as well, trimmed, in order."""
    text = analysis.text
    bounds = [(s.start_char, s.end_char) for s in analysis.sentences] or [(0, len(text))]
    found: list[Sentence] = []
    for start, end in bounds:
        cursor = start
        for brk in [*(m.start() for m in _LINE_BREAK.finditer(text, start, end)), end]:
            piece_start, piece_end = cursor, brk
            while piece_start < piece_end and text[piece_start].isspace():
                piece_start += 1
            while piece_end > piece_start and text[piece_end - 1].isspace():
                piece_end -= 1
            if piece_end > piece_start:
                found.append(Sentence(piece_start, piece_end, text[piece_start:piece_end]))
            cursor = brk + 1
    return found


def sentence_of(sents: list[Sentence], offset: int) -> int:
    """Index of the sentence holding ``offset`` (the nearest one before it otherwise)."""
    best = 0
    for index, sentence in enumerate(sents):
        if sentence.start <= offset:
            best = index
        if sentence.start <= offset < sentence.end:
            return index
    return best


def money_values(text: str, start: int = 0, end: int | None = None) -> list[tuple[float, regex.Match]]:
    """Dollar amounts in ``text[start:end]``: ``$25`` -> 25.0, ``$10k`` -> 10000.0."""
    found = []
    for match in MONEY.finditer(text, start, len(text) if end is None else end):
        whole = float(match.group(1).replace(",", ""))
        if match.group(2):
            whole += float(match.group(2)) / (10 ** len(match.group(2)))
        if match.group(3):
            whole *= 1000
        found.append((whole, match))
    return found


def sentence_removal(text: str, sentence: Sentence) -> tuple[int, int]:
    """The span that deletes ``sentence`` with the spaces that separated it from its neighbours:
    the spaces after it when text follows on the same line, otherwise the spaces before it."""
    start, end = sentence.start, sentence.end
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    if after < len(text) and text[after] != "\n" and after > end:
        return start, after
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    if after >= len(text) or not text[after:].strip():
        while start > 0 and text[start - 1].isspace():
            start -= 1
    return start, end


def clause_start(text: str, sentence: Sentence, offset: int) -> int | None:
    """Start of a trailing clause joined by a connector (``and``, ``,``, ``—``, ``to``) before
    ``offset``, when at least three words of the sentence precede it; None otherwise."""
    match = _TRAILING_CONNECTOR.search(text, max(sentence.start, offset - _CONNECTOR_REACH), offset)
    if match is None:
        return None
    if sum(1 for _ in itertools.islice(_WORD.finditer(text, sentence.start, match.start()), 3)) < 3:
        return None
    return match.start()


# A connector and the spaces around it: only the characters just before the clause are read,
# so a long run of spaces costs one pass, not one per position.
_CONNECTOR_REACH = 40
_TRAILING_CONNECTOR = regex.compile(r"(?:\s*,)?\s*(?:\band\b|&|[—–-]|\bto\b|\bplus\b|,)\s*(?:you'?ll\s+|we'?ll\s+|they'?ll\s+)?$")
_WORD = regex.compile(r"\w+")


def sentence_end_punctuation(text: str, sentence: Sentence) -> int:
    """Offset where the sentence's closing punctuation and trailing emoji begin."""
    end = sentence.end
    while end > sentence.start and not (text[end - 1].isalnum() or text[end - 1] in ")\"'”’%"):
        end -= 1
    return end


def joined(items: Iterable[str]) -> str:
    items = list(dict.fromkeys(i for i in items if i))
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def iter_windows(sents: list[Sentence], index: int, before: int = 1, after: int = 1) -> Iterator[Sentence]:
    for i in range(max(0, index - before), min(len(sents), index + after + 1)):
        yield sents[i]
