"""Which rules run, and at which severity: ``select``/``ignore``/``severity`` selectors.

A selector names a rule by id (``PHI001``), id prefix (``PHI``, ``PHI0``), rule name
(``disclosure-triad``) or family (``phi``). When select and ignore both match a rule,
the more specific selector wins (an id beats a prefix, a longer prefix a shorter one,
any prefix a family), as in ruff.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from .model import RuleMeta, Severity


class SelectorError(ValueError):
    """A selector that names no rule, prefix or family."""


def specificity(selector: str, meta: RuleMeta) -> int:
    """How precisely ``selector`` names ``meta`` (0: it does not)."""
    if selector == meta.id or selector == meta.name:
        return 1000
    if selector.upper() == selector and meta.id.startswith(selector):
        return 100 + len(selector)
    if selector.lower() == meta.family.lower():
        return 10
    if selector.upper() == "ALL":
        return 1
    return 0


def best_match(selectors: Iterable[str], meta: RuleMeta) -> int:
    return max((specificity(s, meta) for s in selectors), default=0)


def is_enabled(meta: RuleMeta, select: Iterable[str], ignore: Iterable[str]) -> bool:
    select = tuple(select)
    chosen = best_match(select, meta) if select else 1
    if chosen == 0:
        return False
    return best_match(ignore, meta) < chosen if select else best_match(ignore, meta) == 0


def severity_for(meta: RuleMeta, overrides: Mapping[str, Severity]) -> Severity:
    best, severity = 0, meta.severity
    for selector, value in overrides.items():
        score = specificity(selector, meta)
        if score > best:
            best, severity = score, value
    return severity


def validate_selectors(selectors: Iterable[str], rules: Iterable[RuleMeta], where: str) -> None:
    """Unknown selectors are errors: a typo must not silently select or ignore nothing."""
    metas = list(rules)
    unknown = [s for s in selectors if not any(specificity(s, meta) for meta in metas)]
    if unknown:
        names = {n for meta in metas for n in (meta.id, meta.name, meta.family)}
        raise SelectorError("\n".join(
            f"{where}: unknown rule selector {s!r} (not a rule id, prefix, name or family)"
            + (f"; did you mean {close[0]!r}?" if (close := difflib.get_close_matches(s, names, n=1, cutoff=0.6)) else "")
            for s in unknown))
