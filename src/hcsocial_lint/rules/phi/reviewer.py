"""The name a reviewer or commenter posted under, as the reply's front matter gives it (``reviewer``,
``reviewer_display_name``, ``reviewer_name``, ``commenter``).

OCR's reply cases (Igbinadolor 2022, New Vision Dental 2022) turned on unmasking: a reply that gave the real or
full name of someone who had posted under a moniker. A reply that greets the reviewer by the name they chose to
post under ("Thanks, Mike!" to "Mike R.") adds no name of ours; it is still better left out, but it unmasks no
one. A name the display name does not hold ("Mr. Jenkins" to "Pat J.") is a name we supplied.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import regex

REVIEWER_KEYS = ("reviewer", "reviewer_display_name", "reviewer_name", "commenter")
_WORD = regex.compile(r"[^\W\d_]+")
_COURTESY = frozenset({"mr", "mrs", "ms", "mx", "miss", "dr", "dra"})


def posted_as(metadata: Mapping[str, Any]) -> frozenset[str]:
    """The words of the names the reviewer posted under, lower-cased: "Mike R." gives {"mike", "r"}, a handle
    "@sam.runs.far" gives {"sam", "runs", "far"}."""
    return frozenset(word.lower() for key in REVIEWER_KEYS if isinstance(metadata.get(key), str)
                     for word in _WORD.findall(metadata[key]))


def only_the_posted_name(name: str, metadata: Mapping[str, Any]) -> bool:
    """Every word of ``name`` (titles aside) is a word of the name the reviewer posted under."""
    posted = posted_as(metadata)
    words = {w.lower() for w in _WORD.findall(name)} - _COURTESY
    return bool(posted) and bool(words) and words <= posted
