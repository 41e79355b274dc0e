"""Layout of a post's text: where its prose begins and ends.

Front matter, code and markup are blanked to spaces in ``Post.text`` (offsets stay those of the
file), so "the start of the post" for a disclosure or an inserted "#ad", and "the end" for an
appended line, are the first and past-the-last visible characters, never offset 0 or the end of the
file, which may be inside front matter or a closing code block.
"""

from __future__ import annotations


def prose_bounds(text: str) -> tuple[int, int]:
    """The first and past-the-last visible character of ``text`` (both ``len(text)`` when blank)."""
    stripped = text.strip()
    if not stripped:
        return len(text), len(text)
    start = len(text) - len(text.lstrip())
    return start, start + len(stripped)


def first_prose_offset(text: str) -> int:
    """Where the prose starts."""
    return prose_bounds(text)[0]
