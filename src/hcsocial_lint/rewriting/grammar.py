"""Grammar repair around the places a rewrite edited, and only there.

A rewrite that drops a sentence or substitutes a phrase can leave a double space, a space
before a full stop, a lower-case sentence start or "a" before a vowel sound. These repairs
are computed on the rewritten text and limited to a few characters either side of each
edit's boundary, so whatever the writer wrote elsewhere (lower-case brand names, "iPhone",
spacing in a list) is left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from ..language.articles import article_repairs
from ..model import Edit

WINDOW = 8  # characters either side of an edit boundary that repairs may touch
_SENTENCE_END = ".!?"


def apply_tracked(text: str, edits: Sequence[Edit]) -> tuple[str, list[int]]:
    """Apply non-overlapping ``edits``; return the new text and each edit's boundaries in it."""
    pieces: list[str] = []
    boundaries: list[int] = []
    cursor = 0
    length = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        piece = text[cursor:edit.start]
        pieces.append(piece)
        length += len(piece)
        boundaries.append(length)
        pieces.append(edit.replacement)
        length += len(edit.replacement)
        boundaries.append(length)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), boundaries


def _near(position: int, boundaries: Iterable[int]) -> bool:
    return any(abs(position - b) <= WINDOW for b in boundaries)


def _sentence_start(text: str, index: int) -> bool:
    """True when the word at ``index`` opens a sentence: start of text or line, or after . ! ?"""
    j = index - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n" or (text[j] in _SENTENCE_END and j < index - 1)


_WORD_START = re.compile(r"(?<![\w@#/.'’-])([a-z])([a-z]*)\b")


def _agreement(doc) -> list[tuple[int, int, str]]:
    """From the parse: "a" before a plural head ("a long-lasting results") goes; "there's" before
    a plural subject becomes "there are"; a singular verb put after a plural subject ("Our creams
    often helps") agrees with it."""
    found = []
    for token in doc:
        if token.lower_ in {"a", "an"} and token.dep_ == "det" and token.head.tag_ in {"NNS", "NNPS"} \
                and token.head.i > token.i:
            found.append((token.idx, token.idx + len(token.text_with_ws), ""))
        if token.lower_ == "there" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in {"'s", "’s"}:
            subject = next((t for t in doc[token.i + 2:token.i + 6] if t.dep_ in {"attr", "nsubj"}), None)
            if subject is not None and subject.tag_ == "NNS":
                verb = doc[token.i + 1]
                found.append((verb.idx, verb.idx + len(verb.text), " are"))
        if token.tag_ == "VBZ" and token.lower_ not in {"'s", "’s"}:
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.tag_ in {"NNS", "NNPS"} and subject.lower_ not in {"news", "series"}:
                found.append((token.idx, token.idx + len(token.text), _plural_verb(token)))
    return found


_PLURAL_FORMS = {"is": "are", "has": "have", "was": "were", "does": "do"}


def _plural_verb(token) -> str:
    """"helps" -> "help", "is" -> "are", keeping a capital."""
    word = _PLURAL_FORMS.get(token.lower_, token.lemma_)
    return word[:1].upper() + word[1:] if token.text[:1].isupper() else word


def repairs(text: str, boundaries: Sequence[int], protected: Sequence[tuple[int, int]] = (),
            parse: Callable | None = None) -> list[Edit]:
    """Edits that tidy ``text`` near ``boundaries`` without touching ``protected`` spans."""

    def allowed(start: int, end: int) -> bool:
        return _near(start, boundaries) and not any(s < max(end, start + 1) and start < e for s, e in protected)

    found: dict[tuple[int, int], Edit] = {}

    def add(start: int, end: int, replacement: str) -> None:
        if allowed(start, end) and not any(s < end and start < e for s, e in found):
            found[(start, end)] = Edit(start, end, replacement)

    for match in re.finditer(r"[ \t]+(?=[.,!?;:])", text):  # space before punctuation
        add(match.start(), match.end(), "")
    for match in re.finditer(r"(?<=\S)[ \t]{2,}(?=\S)", text):  # doubled spaces inside a line
        add(match.start(), match.end(), " ")
    for match in re.finditer(r"(?m)^[ \t]+(?=\S)|(?<=\S)[ \t]+$", text):  # spaces left at a line's edge
        add(match.start(), match.end(), "")
    for match in re.finditer(r"([.!?])(\s*[.,;:])+(?!\.)", text):  # "sentence. ." or "done.,"
        add(match.start(), match.end(), match.group(1))
    for match in re.finditer(r"^[ \t]*[,;:.\u2013\u2014][ \t]*", text, re.M):  # a line that now opens with punctuation
        add(match.start(), match.end(), "")
    if parse is not None:
        for start, end, word in _agreement(parse(text)):
            add(start, end, word)
    for start, end, word in article_repairs(text):
        add(start, end, word)
    for match in _WORD_START.finditer(text):
        if _sentence_start(text, match.start()) and match.group(0) not in {"iphone", "ipad", "ebay"}:
            add(match.start(1), match.end(1), match.group(1).upper())
    return sorted(found.values(), key=lambda e: (e.start, e.end))


def tidy(text: str, boundaries: Sequence[int], protected: Sequence[tuple[int, int]] = (),
         parse: Callable | None = None) -> str:
    """``text`` with :func:`repairs` applied (up to three times, since one repair can reveal the next:
    a line edge's space, then the dash after it, then the capital)."""
    for _ in range(3):
        edits = repairs(text, boundaries, protected, parse)
        if not edits:
            break
        text, _ = apply_tracked(text, edits)
    return text
