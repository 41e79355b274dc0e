"""Word lists as data: each ``*.txt`` file holds one term or phrase per line.

A comment is a ``#`` at the start of a line or after whitespace followed by a space
(``# note``, ``term  # note``), so a hashtag term such as ``#ad`` can be written as it is.

Rules read vocabularies by name; a term list lives in exactly one file so that a domain
fact (what counts as a health term, a care-relationship cue, ...) has one place.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex


_COMMENT = regex.compile(r"(?:^|\s)#(?:\s.*)?$")


@lru_cache(maxsize=None)
def raw_terms(name: str) -> tuple[str, ...]:
    """The terms of vocabulary ``name`` (file ``<name>.txt``) as written, in file order.

    Use these to build regular expressions: lower-casing would turn escapes such as ``\\S``
    into different ones."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        line = _COMMENT.sub("", line).strip()
        if line:
            found.append(line)
    return tuple(found)


@lru_cache(maxsize=None)
def terms(name: str) -> tuple[str, ...]:
    """The terms of vocabulary ``name`` lower-cased, for membership tests on words."""
    return tuple(term.lower() for term in raw_terms(name))


@lru_cache(maxsize=None)
def pattern(name: str) -> regex.Pattern:
    """One case-insensitive regex matching any term of the vocabulary as whole words.

    A term may itself be a small regex (e.g. ``x-?rays?``); longest alternatives first.
    """
    alternatives = sorted(raw_terms(name), key=len, reverse=True)
    return regex.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", regex.IGNORECASE)
