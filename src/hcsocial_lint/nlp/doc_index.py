"""Positions in a parse, looked up by bisection and computed once per ``Doc``.

Context tests run once per match, and a post can hold thousands of matches ("free" x 1000
took 12 s when each test walked the whole Doc to find the match's tokens). Token and line
boundaries are therefore computed once, kept in ``doc.user_data`` (so they live and die with
the parse, like the rest of a post's analysis), and every lookup is ``O(log n)``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_KEY = "hclint.doc_index"
T = TypeVar("T")


def memo(doc: Doc, key: Any, compute: Callable[[], T]) -> T:
    """``compute()`` once per ``doc`` and ``key``."""
    cache = doc.user_data.setdefault(_KEY, {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def doc_text(doc: Doc) -> str:
    """``doc.text``, which spaCy rebuilds from the tokens on every access."""
    return memo(doc, "text", lambda: doc.text)


def token_starts(doc: Doc) -> list[int]:
    return memo(doc, "token_starts", lambda: [t.idx for t in doc])


def token_ends(doc: Doc) -> list[int]:
    return memo(doc, "token_ends", lambda: [t.idx + len(t.text) for t in doc])


def tokens_overlapping(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens that share at least one character with ``[start, end)``, in order."""
    first = bisect_right(token_ends(doc), start)
    last = bisect_left(token_starts(doc), end)
    return [doc[i] for i in range(first, last)]


def tokens_starting_before(doc: Doc, offset: int) -> int:
    """How many tokens start before ``offset``."""
    return bisect_left(token_starts(doc), offset)


def tokens_ending_by(doc: Doc, offset: int) -> int:
    """How many tokens end at or before ``offset``."""
    return bisect_right(token_ends(doc), offset)


def line_span(doc: Doc, offset: int) -> tuple[int, int]:
    """``(start, end)`` of the ``\\n``-separated line holding ``offset`` (end excludes the ``\\n``)."""
    text = doc_text(doc)
    breaks = memo(doc, "newlines", lambda: [i for i, c in enumerate(text) if c == "\n"])
    at = bisect_left(breaks, offset)
    start = breaks[at - 1] + 1 if at > 0 else 0
    end = breaks[at] if at < len(breaks) else len(text)
    return start, end
