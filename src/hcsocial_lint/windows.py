"""Long posts are linted in bounded windows, so that cost and memory stay those of a post.

spaCy refuses texts over ``nlp.max_length`` (a million characters, error E088), its parse
and Presidio's recognizers grow faster than linearly on long unbroken texts, and a rule that
reasons about a sentence's neighbours has no use for a 900 KB one-line "sentence". A post
longer than ``max-post-chars`` is therefore cut into consecutive windows of at most that
many characters, at the best break available: a blank line (paragraphs), else a line break,
else the end of a sentence, else a space; a text without any of those is cut hard. Each
window is analysed as a post of its own; the hits of its rules are shifted back by the
window's start (:func:`shift_hit`), so findings, fixes and evidence point into the file.

What this costs: a rule sees one window at a time, so a cue and its counterpart in different
windows (a benefit claim and its risk line, a paid-partnership post and its ``#ad``) are
judged apart. Windows are only used beyond the limit, which is far above any platform's
post length.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from .model import Evidence, Hit, Suggestion

# Break points from best to worst; each pattern is searched backwards ((?r)) so the last
# break before the limit wins and windows stay as long as allowed.
_BREAKS = (
    regex.compile(r"(?r)(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)"),
    regex.compile(r"(?r)\r\n|\r|\n"),
    regex.compile(r"(?r)[.!?\u2026][\"'\u201d\u2019)\]]*[ \t]+"),
    regex.compile(r"(?r)[ \t]+"),
)


@dataclass(frozen=True)
class Window:
    """``text[start:end]`` of a post, linted on its own."""

    start: int
    end: int


def split_windows(text: str, limit: int) -> tuple[Window, ...]:
    """Consecutive windows covering ``text``, none longer than ``limit`` characters.

    A break is only taken in the last three quarters of a window, so a break near its
    start cannot produce a run of tiny windows; the search is linear in the text.
    """
    if limit < 1:
        raise ValueError(f"window limit must be positive, not {limit}")
    if len(text) <= limit:
        return (Window(0, len(text)),)
    windows: list[Window] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, limit)
        windows.append(Window(start, end))
        start = end
    windows.append(Window(start, len(text)))
    return tuple(windows)


def _cut(text: str, start: int, limit: int) -> int:
    lowest, highest = start + max(1, limit // 4), start + limit
    for pattern in _BREAKS:
        found = pattern.search(text, lowest, highest)
        if found is not None:
            end = found.end()
            # the search cannot see past ``highest``: a "\r" found there may be half of a CRLF
            return end - 1 if text[end - 1] == "\r" and text.startswith("\n", end) else end
    cut = highest
    if cut - 1 > start and text[cut - 1] == "\r" and text[cut] == "\n":  # keep a CRLF pair together, if the window can spare it
        cut -= 1
    return cut


def shift_hit(hit: Hit, offset: int) -> Hit:
    """``hit`` found in a window starting at ``offset``, with every position moved into the post."""
    if offset == 0:
        return hit
    return replace(
        hit,
        start=hit.start + offset,
        end=hit.end + offset,
        suggestions=tuple(_shift_suggestion(s, offset) for s in hit.suggestions),
        evidence=tuple(_shift_evidence(e, offset) for e in hit.evidence),
    )


def _shift_suggestion(suggestion: Suggestion, offset: int) -> Suggestion:
    return replace(suggestion, edits=tuple(replace(e, start=e.start + offset, end=e.end + offset)
                                           for e in suggestion.edits))


def _shift_evidence(evidence: Evidence, offset: int) -> Evidence:
    return replace(evidence,
                   start=None if evidence.start is None else evidence.start + offset,
                   end=None if evidence.end is None else evidence.end + offset)
