"""The typed checks a rule pack can extend: ``existence``, ``substitution``, ``conditional``.

- existence: any of ``patterns`` found is a finding (unless the match's context is one of
  ``skip_when``: negated, hedged, question, myth, quoted, approved — covered by a claim
  registered in ``[tool.hclint.claim] approved_claims`` — or named: a word of a law's or an
  organisation's name, "the Cures Act"); an optional ``suggest`` offers a
  replacement for the match.
- substitution: ``swap`` maps a pattern to its preferred wording; the fix replaces it. A pattern
  mapped to null (``~``) is still found but has no rewording that keeps the post honest: the
  suggestion is advice only.
- conditional: when any of ``if`` appears and none of ``then`` does, the first ``if`` match
  is a finding; an optional ``suggest.insert`` adds the missing text at the start or end.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from ..analysis import Analysis
from ..model import Applicability, Edit, Evidence, Hit, RuleMeta, Suggestion
from ..nlp.context import CONTEXT_TESTS
from .packs import COMMON_KEYS, PackContext, _optional_str, _string_list, compile_pattern, finditer, format_message, rule_meta


def _check_keys(spec: Mapping[str, Any], ctx: PackContext, own: set[str]) -> None:
    unknown = set(spec) - COMMON_KEYS - own
    if unknown:
        raise ctx.error(sorted(unknown)[0], f"unknown key for check '{spec.get('check')}'")


def _applicability(value: Any, ctx: PackContext, key: str) -> Applicability:
    try:
        return Applicability(value or "unsafe")
    except ValueError:
        raise ctx.error(key, "must be 'safe', 'unsafe' or 'display'") from None


def _is_approved_claim(analysis: Analysis, start: int, end: int) -> bool:
    """The match is covered by a claim the organisation registered with its substantiation
    (``[tool.hclint.claim] approved_claims``): one place decides, for packs and Python rules."""
    from .claims.common import approved_claim_at

    return approved_claim_at(analysis, start, end) is not None


def _is_inside_a_name(analysis: Analysis, start: int, end: int) -> bool:
    """The match is a word of a law's, an organisation's or an event's name ("the Cures Act")."""
    from ..language.entities import proper_name_around

    return proper_name_around(analysis.doc, start, end) is not None


# Contexts that need the settings or the language layer, not only the sentence.
ANALYSIS_CONTEXTS = {"approved": _is_approved_claim, "named": _is_inside_a_name}


def _skip_when(spec: Mapping[str, Any], ctx: PackContext) -> tuple[str, ...]:
    contexts = _string_list(spec, "skip_when", ctx)
    known = (*CONTEXT_TESTS, *ANALYSIS_CONTEXTS)
    for name in contexts:
        if name not in known:
            raise ctx.error("skip_when", f"unknown context {name!r} (known: {', '.join(known)})")
    return contexts


def _patterns(spec: Mapping[str, Any], key: str, ctx: PackContext, ignorecase: bool) -> tuple[regex.Pattern, ...]:
    return tuple(compile_pattern(p, ignorecase, ctx, f"{key}[{i}]") for i, p in enumerate(_string_list(spec, key, ctx, required=True)))


def _in_skipped_context(analysis: Analysis, start: int, end: int, contexts: tuple[str, ...]) -> str | None:
    if not contexts:
        return None
    sentence = analysis.sentence_at(start)
    for name in contexts:
        if name in ANALYSIS_CONTEXTS:
            if ANALYSIS_CONTEXTS[name](analysis, start, end):
                return name
        elif CONTEXT_TESTS[name](analysis.doc, sentence, start, end):
            return name
    return None


def _claimed_matches(rule, analysis: Analysis, patterns: Iterable[regex.Pattern]) -> Iterator[tuple[regex.Pattern, regex.Match]]:
    """Matches of ``patterns`` in order of the patterns, each place claimed once (an earlier
    pattern's match wins an overlap), leaving out matches in a ``skip_when`` context."""
    claimed = _Claimed()
    for pattern in patterns:
        for match in finditer(pattern, analysis.text, rule.timeout, rule.meta.id, rule.meta.source):
            start, end = match.span()
            if claimed.overlaps(start, end):
                continue
            if _in_skipped_context(analysis, start, end, rule.skip_when):
                continue
            claimed.add(start, end)
            yield pattern, match


class _Claimed:
    """Disjoint claimed spans, sorted, so an overlap test is a bisection rather than a scan
    of every earlier match (a pattern may match thousands of times in one post)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)  # claimed spans starting before ``end``
        return before > 0 and self._ends[before - 1] > start

    def add(self, start: int, end: int) -> None:
        at = bisect_left(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)


@dataclass(frozen=True)
class _Suggest:
    replace: str | None
    insert: str | None
    at: str
    description: str
    applicability: Applicability


def _suggest(spec: Mapping[str, Any], ctx: PackContext, allowed: set[str]) -> _Suggest | None:
    raw = spec.get("suggest")
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise ctx.error("suggest", "must be a mapping")
    unknown = set(raw) - allowed - {"description", "applicability"}
    if unknown:
        raise ctx.error("suggest", f"unknown key(s) {', '.join(sorted(unknown))}")
    at = raw.get("at", "end")
    if at not in {"start", "end"}:
        raise ctx.error("suggest.at", "must be 'start' or 'end'")
    description = raw.get("description")
    if not isinstance(description, str) or not description:
        raise ctx.error("suggest.description", "is required")
    for key in ("replace", "insert"):
        if key in raw and not isinstance(raw[key], str):
            raise ctx.error(f"suggest.{key}", "must be a string")
    return _Suggest(raw.get("replace"), raw.get("insert"), at, description,
                    _applicability(raw.get("applicability"), ctx, "suggest.applicability"))


def _match_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@dataclass(frozen=True)
class ExistenceRule:
    meta: RuleMeta
    patterns: tuple[regex.Pattern, ...]
    skip_when: tuple[str, ...]
    suggestion: _Suggest | None
    category: str
    timeout: float

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for pattern, match in _claimed_matches(self, analysis, self.patterns):
            start, end = match.span()
            suggestions = ()
            if self.suggestion and self.suggestion.replace is not None:
                replacement = _match_case(match.group(0), match.expand(self.suggestion.replace))
                suggestions = (Suggestion(format_message(self.suggestion.description, match=match.group(0), replacement=replacement),
                                          (Edit(start, end, replacement),), self.suggestion.applicability),)
            elif self.suggestion:
                suggestions = (Suggestion(format_message(self.suggestion.description, match=match.group(0)), (),
                                          Applicability.DISPLAY),)
            yield Hit(start, end, message=format_message(self.meta.message, match=match.group(0)),
                      suggestions=suggestions, category=self.category,
                      evidence=(Evidence("pattern", self.category, match.group(0), start, end, pattern.pattern),))


@dataclass(frozen=True)
class SubstitutionRule:
    meta: RuleMeta
    swaps: tuple[tuple[regex.Pattern, str | None], ...]
    skip_when: tuple[str, ...]
    applicability: Applicability
    category: str
    timeout: float

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        templates = dict(self.swaps)
        for pattern, match in _claimed_matches(self, analysis, templates):
            start, end = match.span()
            if templates[pattern] is None:
                yield Hit(start, end, message=format_message(self.meta.message, match=match.group(0), replacement=""),
                          suggestions=(Suggestion(f"Remove '{match.group(0)}' or rewrite the sentence: no rewording "
                                                  "keeps it honest", (), Applicability.DISPLAY),),
                          category=self.category,
                          evidence=(Evidence("pattern", self.category, match.group(0), start, end, pattern.pattern),))
                continue
            replacement = _match_case(match.group(0), match.expand(templates[pattern]))
            yield Hit(start, end,
                      message=format_message(self.meta.message, match=match.group(0), replacement=replacement),
                      suggestions=(Suggestion(f"Replace '{match.group(0)}' with '{replacement}'",
                                              (Edit(start, end, replacement),), self.applicability),),
                      category=self.category,
                      evidence=(Evidence("pattern", self.category, match.group(0), start, end, pattern.pattern),))


@dataclass(frozen=True)
class ConditionalRule:
    meta: RuleMeta
    first: tuple[regex.Pattern, ...]
    second: tuple[regex.Pattern, ...]
    skip_when: tuple[str, ...]
    suggestion: _Suggest | None
    category: str
    timeout: float

    def _first_match(self, patterns: Iterable[regex.Pattern], analysis: Analysis) -> regex.Match | None:
        found = [m for p in patterns for m in finditer(p, analysis.text, self.timeout, self.meta.id, self.meta.source)
                 if not _in_skipped_context(analysis, m.start(), m.end(), self.skip_when)]
        return min(found, key=lambda m: m.start()) if found else None

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        trigger = self._first_match(self.first, analysis)
        if trigger is None:
            return
        if any(finditer(p, analysis.text, self.timeout, self.meta.id, self.meta.source) for p in self.second):
            return
        suggestions = ()
        if self.suggestion and self.suggestion.insert is not None:
            start, end = analysis.prose_bounds
            at = start if self.suggestion.at == "start" else end
            edit = Edit(at, at, self.suggestion.insert)
            suggestions = (Suggestion(self.suggestion.description, (edit,), self.suggestion.applicability),)
        yield Hit(trigger.start(), trigger.end(), message=format_message(self.meta.message, match=trigger.group(0)),
                  suggestions=suggestions, category=self.category,
                  evidence=(Evidence("pattern", self.category, trigger.group(0), trigger.start(), trigger.end(),
                                     trigger.re.pattern),))


def _category(spec: Mapping[str, Any], ctx: PackContext, meta: RuleMeta) -> str:
    return _optional_str(spec, "category", ctx) or meta.name.upper()


def existence(spec: Mapping[str, Any], ctx: PackContext, timeout: float) -> ExistenceRule:
    _check_keys(spec, ctx, {"patterns", "ignorecase", "skip_when", "suggest"})
    suggestion = _suggest(spec, ctx, {"replace"})
    meta = rule_meta(spec, ctx, fixable=bool(suggestion and suggestion.replace is not None
                                             and suggestion.applicability is not Applicability.DISPLAY))
    return ExistenceRule(meta, _patterns(spec, "patterns", ctx, bool(spec.get("ignorecase", True))),
                         _skip_when(spec, ctx), suggestion, _category(spec, ctx, meta), timeout)


def substitution(spec: Mapping[str, Any], ctx: PackContext, timeout: float) -> SubstitutionRule:
    _check_keys(spec, ctx, {"swap", "ignorecase", "skip_when", "applicability"})
    swap = spec.get("swap")
    if not isinstance(swap, Mapping) or not swap or not all(isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in swap.items()):
        raise ctx.error("swap", "must be a non-empty mapping of pattern: replacement (or null)")
    applicability = _applicability(spec.get("applicability"), ctx, "applicability")
    meta = rule_meta(spec, ctx, fixable=applicability is not Applicability.DISPLAY)
    ignorecase = bool(spec.get("ignorecase", True))
    swaps = tuple((compile_pattern(k, ignorecase, ctx, f"swap[{k!r}]"), v) for k, v in swap.items())
    return SubstitutionRule(meta, swaps, _skip_when(spec, ctx), applicability, _category(spec, ctx, meta), timeout)


def conditional(spec: Mapping[str, Any], ctx: PackContext, timeout: float) -> ConditionalRule:
    _check_keys(spec, ctx, {"if", "then", "ignorecase", "skip_when", "suggest"})
    suggestion = _suggest(spec, ctx, {"insert", "at"})
    meta = rule_meta(spec, ctx, fixable=bool(suggestion and suggestion.insert is not None
                                             and suggestion.applicability is not Applicability.DISPLAY))
    ignorecase = bool(spec.get("ignorecase", True))
    return ConditionalRule(meta, _patterns(spec, "if", ctx, ignorecase), _patterns(spec, "then", ctx, ignorecase),
                           _skip_when(spec, ctx), suggestion, _category(spec, ctx, meta), timeout)


CHECK_TYPES = {"existence": existence, "substitution": substitution, "conditional": conditional}
