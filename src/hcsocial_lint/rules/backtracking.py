"""Probing a rule-pack pattern for catastrophic backtracking before it meets a post.

A pattern backtracks catastrophically when a repeated part can match the same text in many
ways (``(a+)+``, ``(a|aa)+``, ``(\\w+\\s?)+$``, ``(.*a){12}``) and the text then fails to
match at the end. Runs of single characters only find the simplest cases, so the probe
builds attack strings from the pattern itself, as ReDoS scanners do: for every repeated
group it takes the text the group's body matches (its literals and a member of each of its
character classes, shortest and longest), repeats it, puts what comes before the group in
front and a character that breaks the match (followed by the rest of the pattern, so that
the engine's "required literal" shortcut cannot skip the work) at the end. Counted repeats
such as ``{12}`` also get one copy short of the count, spread out with filler.

The probe is a filter, not a proof: a pattern that passes still runs under the
``regex-timeout`` budget on every post (:func:`hcsocial_lint.rules.packs.finditer`).
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Sequence
from typing import Any

import regex

try:  # the stdlib's own parser of regular-expression syntax (private, but stable since 3.11)
    from re import _constants as _c
    from re import _parser as _sre
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]

PROBE_TIMEOUT = 0.25  # seconds a pattern may take on one probe string at load time
PROBE_LENGTH = 10_000  # long enough that quadratic-or-worse backtracking exceeds the timeout
MAX_PROBES = 120
BREAKERS = ("!", "\u2603")  # characters that rule patterns almost never expect
FILLERS = ("x", " ")
_CANDIDATES = "a1 x.-_@#A!\u2603\t"
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
_CATEGORIES = {
    _c.CATEGORY_DIGIT: str.isdigit,
    _c.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdigit(),
    _c.CATEGORY_SPACE: str.isspace,
    _c.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
    _c.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
    _c.CATEGORY_NOT_WORD: lambda ch: not (ch.isalnum() or ch == "_"),
    _c.CATEGORY_LINEBREAK: lambda ch: ch == "\n",
    _c.CATEGORY_NOT_LINEBREAK: lambda ch: ch != "\n",
}


def _in_class(items: Sequence[tuple[Any, Any]], ch: str) -> bool:
    negate = any(op is _c.NEGATE for op, _ in items)
    found = False
    for op, av in items:
        if op is _c.LITERAL:
            found = found or ord(ch) == av
        elif op is _c.RANGE:
            found = found or av[0] <= ord(ch) <= av[1]
        elif op is _c.CATEGORY:
            found = found or _CATEGORIES.get(av, lambda _ch: False)(ch)
    return found != negate


def _class_member(items: Sequence[tuple[Any, Any]]) -> str:
    for ch in _CANDIDATES:
        if _in_class(items, ch):
            return ch
    for op, av in items:
        if op is _c.LITERAL:
            return chr(av)
        if op is _c.RANGE:
            return chr(av[0])
    return "a"


def _sample(items: Sequence[tuple[Any, Any]], longest: bool) -> str:
    """A text the parsed pattern ``items`` matches: repeats taken at their minimum
    (``longest=False``) or at least once, first branch of each alternation."""
    return "".join(_sample_item(op, av, longest) for op, av in items)


def _sample_item(op: Any, av: Any, longest: bool) -> str:
    if op is _c.LITERAL:
        return chr(av)
    if op is _c.NOT_LITERAL:
        return "a" if av != ord("a") else "b"
    if op is _c.ANY:
        return "a"
    if op is _c.IN:
        return _class_member(av)
    if op is _c.SUBPATTERN:
        return _sample(av[-1], longest)
    if op in _REPEATS:
        low, _, body = av
        return _sample(body, longest) * (max(low, 1) if longest else low)
    if op is _c.BRANCH:
        return _sample(av[1][0], longest)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sample(av, longest)
    return ""  # anchors, look-arounds, back-references: they consume nothing we can name


def _children(op: Any, av: Any) -> list[Sequence[tuple[Any, Any]]]:
    if op is _c.SUBPATTERN:
        return [av[-1]]
    if op in _REPEATS:
        return [av[2]]
    if op is _c.BRANCH:
        return list(av[1])
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return [av]
    return []


def _repeats(items: Sequence[tuple[Any, Any]]) -> Iterator[tuple[int, Any]]:
    """Every repeat that may run more than once, as (minimum count, body), at any depth."""
    for op, av in items:
        if op in _REPEATS and (av[1] is _c.MAXREPEAT or av[1] > 1):
            yield av[0], av[2]
        for child in _children(op, av):
            yield from _repeats(child)


def _pumps(body: Sequence[tuple[Any, Any]]) -> set[str]:
    """Texts one turn of a repeated body can match, several ways."""
    pumps = {_sample(body, False), _sample(body, True)}
    if len(body) == 1:
        op, av = body[0]
        for child in _children(op, av):
            pumps |= {_sample(child, False), _sample(child, True)}
    return {p for p in pumps if p}


def _structured_probes(pattern: str, flags: int) -> list[str]:
    parsed = list(_sre.parse(pattern, flags & (regex.IGNORECASE | regex.MULTILINE | regex.DOTALL | regex.VERBOSE)))
    probes: list[str] = []
    for index, (op, av) in enumerate(parsed):
        prefix = _sample(parsed[:index], False)
        rest = _sample(parsed[index + 1:], False)
        for low, body in _repeats([(op, av)]):
            for pump in sorted(_pumps(body)):
                run = pump * max(1, PROBE_LENGTH // len(pump))
                for breaker in BREAKERS:
                    probes.append(prefix + run + breaker)
                    if rest:
                        probes.append(prefix + run + breaker + rest)
                if low >= 2:
                    for filler in FILLERS:
                        spread = filler * max(1, PROBE_LENGTH // low)
                        probes.append(prefix + (spread + pump) * (low - 1) + BREAKERS[0])
    return probes


def _character_runs(pattern: str) -> list[str]:
    """Runs of the pattern's own literal characters and of common units, for syntax the
    stdlib parser does not read (``\\p{L}``, ``\\m``) and as a baseline for every pattern."""
    literals = {c for c in pattern if c in string.ascii_letters + string.digits + " -_.'@#"}
    probes = []
    for unit in sorted(literals | {"a", "1", " ", "a ", "ab", "x."}):
        run = unit * (PROBE_LENGTH // len(unit))
        probes.extend((run, run + "!", run + "\u2603"))
    return probes


def probe_strings(pattern: str, flags: int = 0) -> list[str]:
    """Attack strings for ``pattern``, structured ones first, without repeats, at most MAX_PROBES."""
    try:
        structured = _structured_probes(pattern, flags)
    except Exception:  # noqa: BLE001 - syntax only the regex module reads: fall back to runs
        structured = []
    unique = list(dict.fromkeys([*structured, *_character_runs(pattern)]))
    return unique[:MAX_PROBES]


def nested_repeat(pattern: str, flags: int = 0) -> str | None:
    """A repeated group whose body is, apart from optional parts, one unbounded repeat (``(\\d+)*``,
    ``(\\w+\\s?)+``, ``((?:cure\\s?)+)+``): the text of a run splits between the two repeats in
    exponentially many ways. Some engine versions optimise a few of these shapes away (regex 2026.12
    no longer times out on ``^(\\d+)*x$``), but a pack runs on whatever version a user has installed, so
    the shape is refused whatever today's timing says. Returns the offending group's text, or None."""
    try:
        parsed = list(_sre.parse(pattern, flags & (regex.IGNORECASE | regex.MULTILINE | regex.DOTALL | regex.VERBOSE)))
    except Exception:  # noqa: BLE001 - syntax only the regex module reads: the timing probe decides
        return None
    for _, body in _unbounded(parsed):
        items = list(body)
        while len(items) == 1 and items[0][0] is _c.SUBPATTERN:
            items = list(items[0][1][-1])
        required = [(op, av) for op, av in items if not (op in _REPEATS and av[0] == 0)]
        if len(required) == 1 and required[0][0] in _REPEATS and required[0][1][1] is _c.MAXREPEAT:
            return _sample(body, True) or pattern
    return None


def _unbounded(items: Sequence[tuple[Any, Any]]) -> Iterator[tuple[int, Any]]:
    for op, av in items:
        if op in _REPEATS and av[1] is _c.MAXREPEAT:
            yield av[0], av[2]
        for child in _children(op, av):
            yield from _unbounded(child)


def first_slow_probe(compiled: regex.Pattern, probes: Sequence[str], timeout: float = PROBE_TIMEOUT) -> str | None:
    """The first probe on which ``compiled`` exceeds ``timeout``, or None."""
    for probe in probes:
        try:
            for _ in compiled.finditer(probe, timeout=timeout):
                pass
        except TimeoutError:
            return probe
    return None
