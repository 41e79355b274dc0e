"""Word lists as data: each ``*.txt`` file holds one term or phrase per line.

A comment is a ``#`` at the start of a line or after whitespace followed by a space
(``# note``, ``term  # note``), so a hashtag term such as ``#ad`` can be written as it is.

Rules read vocabularies by name; a term list lives in exactly one file so that a domain
fact (what counts as a health term, a care-relationship cue, ...) has one place.

A term may be a small regex, so a vocabulary's pattern is on the ``regex-timeout`` budget of
the linter running it, like every other pattern (``nlp.regex_budget``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex

from ..nlp.regex_budget import TimedPattern, budget_seconds, timed


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
def pattern(name: str) -> TimedPattern:
    """One case-insensitive regex matching any term of the vocabulary as whole words.

    A term may itself be a small regex (e.g. ``x-?rays?``); longest alternatives first.
    """
    alternatives = sorted(raw_terms(name), key=len, reverse=True)
    compiled = regex.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", regex.IGNORECASE)
    return timed(compiled, f"vocabulary {name}", name)


# Matching helpers shared by the rule families (moved from rules/tone/spans.py so that no family
# imports another's helpers).

def matches(name: str, text: str, start: int = 0, end: int | None = None) -> list[regex.Match]:
    """Matches of vocabulary ``name`` in ``text[start:end]`` (offsets into ``text``)."""
    return list(pattern(name).finditer(text, start, len(text) if end is None else end))


def first(name: str, text: str, start: int = 0, end: int | None = None) -> regex.Match | None:
    return pattern(name).search(text, start, len(text) if end is None else end)


def has(name: str, text: str, start: int = 0, end: int | None = None) -> bool:
    return pattern(name).search(text, start, len(text) if end is None else end) is not None


@lru_cache(maxsize=None)
def tagged_terms(name: str) -> tuple[tuple[str, str, TimedPattern], ...]:
    """A vocabulary whose lines read ``tag [tier] :: regex``: (tag, tier or "", compiled pattern)."""
    entries = []
    for line in terms(name):
        head, sep, body = line.partition("::")
        words = head.split()
        if not sep or not 1 <= len(words) <= 2:
            raise ValueError(f"vocabulary {name}: line {line!r} is not 'tag [tier] :: regex'")
        tag, tier = words[0], (words[1] if len(words) == 2 else "")
        compiled = regex.compile(r"(?<![\w-])(?:" + body.strip() + r")(?![\w-])", regex.IGNORECASE)
        entries.append((tag, tier, timed(compiled, f"vocabulary {name}", f"{tag} {tier}".strip())))
    return tuple(entries)


# Syntax that would not mean the same inside one alternation of several patterns: inline flags,
# numbered back-references and conditionals.
_NOT_COMBINABLE = regex.compile(r"\(\?[a-zA-Z^]|\\[1-9]|\(\?P=|\\g<|\(\?\(")


@lru_cache(maxsize=None)
def _any_tagged(name: str) -> regex.Pattern | None:
    """One alternation of every line of a tagged vocabulary: most posts match none of its lines,
    and one search says so faster than a scan per line. None when a line cannot be combined."""
    patterns = [compiled.pattern for _, _, compiled in tagged_terms(name)]
    if not patterns or any(_NOT_COMBINABLE.search(p) for p in patterns):
        return None
    return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE)


# Scans of a tagged vocabulary before its alternation is compiled: a run on a few drafts does
# not pay for compiling it (a cold start), a run on many posts soon does.
_COMBINE_AFTER = 32
_scans: dict[str, int] = {}


def _may_match(name: str, text: str, start: int, end: int) -> bool:
    """False only when no line of the vocabulary matches in ``text[start:end]``.

    A match of any one line is a match of the alternation at the same place, so a failed search
    proves there is none; a search that runs out of budget proves nothing and the lines are scanned."""
    if _scans.get(name, 0) < _COMBINE_AFTER:
        _scans[name] = _scans.get(name, 0) + 1
        return True
    combined = _any_tagged(name)
    if combined is None:
        return True
    try:
        return combined.search(text, start, end, timeout=budget_seconds()) is not None
    except TimeoutError:
        return True


def tagged_matches(name: str, text: str, start: int = 0, end: int | None = None) -> list[tuple[str, str, regex.Match]]:
    """Matches of a tagged vocabulary, overlaps resolved in favour of the longer match."""
    end = len(text) if end is None else end
    if not _may_match(name, text, start, end):
        return []
    found = [(tag, tier, m) for tag, tier, compiled in tagged_terms(name) for m in compiled.finditer(text, start, end)]
    found.sort(key=lambda item: (item[2].start(), -(item[2].end() - item[2].start())))
    kept: list[tuple[str, str, regex.Match]] = []
    for item in found:
        if any(k[2].start() < item[2].end() and item[2].start() < k[2].end() for k in kept):
            continue
        kept.append(item)
    return kept
