"""Word lists as data: each ``*.txt`` file holds one term or phrase per line (``#`` comments).

Rules read vocabularies by name; a term list lives in exactly one file so that a domain
fact (what counts as a health term, a care-relationship cue, ...) has one place.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex


@lru_cache(maxsize=None)
def terms(name: str) -> tuple[str, ...]:
    """The terms of vocabulary ``name`` (file ``<name>.txt``), lower-cased, in file order."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            found.append(line)
    return tuple(found)


@lru_cache(maxsize=None)
def pattern(name: str) -> regex.Pattern:
    """One case-insensitive regex matching any term of the vocabulary as whole words.

    A term may itself be a small regex (e.g. ``x-?rays?``); longest alternatives first.
    """
    alternatives = sorted(terms(name), key=len, reverse=True)
    return regex.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", regex.IGNORECASE)
