"""Sentence spans of a post's prose view, for dropping a whole offending sentence.

With a model, spaCy's sentences (trimmed as :func:`hcsocial_lint.language.clauses.sentences`
does), further split at line breaks, since a post's lines are separate statements. Without
a model, a punctuation-and-line splitter.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..language.clauses import sentences

if TYPE_CHECKING:
    from spacy.language import Language

_FALLBACK = re.compile(r"[^\n.!?]*(?:[.!?]+|\n|$)")


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for match in re.finditer(r"\n", text[start:end]):
        spans.append((cursor, start + match.start()))
        cursor = start + match.end()
    spans.append((cursor, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def sentence_spans(nlp: Language, prose: str, has_model: bool) -> list[tuple[int, int]]:
    if has_model:
        doc = nlp(prose)
        found = [(s.start_char, s.end_char) for s in sentences(doc)]
    else:
        found = [(m.start(), m.end()) for m in _FALLBACK.finditer(prose) if m.group(0).strip()]
    merged: list[tuple[int, int]] = []
    for start, end in found:  # the parser splits before "so you know…": keep such a tail with its sentence
        if merged and prose[start:start + 1].islower() and "\n" not in prose[merged[-1][1]:start] \
                and prose[:merged[-1][1]].rstrip()[-1:] not in ".!?":
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    out: list[tuple[int, int]] = []
    for start, end in merged:
        out.extend(_split_lines(prose, start, end))
    return out
