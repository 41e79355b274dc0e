"""Layout of a post's text: where its prose begins.

Front matter is blanked to spaces in ``Post.text`` (offsets stay those of the file), so "the start of
the post" for a disclosure or an inserted "#ad" is the first non-space character.
"""

from __future__ import annotations


def first_prose_offset(text: str) -> int:
    """Where the prose starts (front matter is blanked to spaces in ``Post.text``)."""
    for index, char in enumerate(text):
        if not char.isspace():
            return index
    return len(text)
