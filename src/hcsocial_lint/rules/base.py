"""The rule protocol: a rule has metadata and looks at one analysed post at a time.

Rules know nothing of files, formats or configuration files: they read an
:class:`~hcsocial_lint.analysis.Analysis` and yield :class:`~hcsocial_lint.model.Hit`\\ s.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol, runtime_checkable

from ..analysis import Analysis
from ..model import Hit, RuleMeta

RULE_ID_PATTERN = r"^[A-Z]{2,6}[0-9]{3}$"


@runtime_checkable
class Rule(Protocol):
    meta: RuleMeta

    def check(self, analysis: Analysis) -> Iterable[Hit]: ...


class SecondOpinionRule(Rule, Protocol):
    """A rule that speaks only where others are silent: the engine runs it after the other rules and
    drops its hits on a post where a rule whose id starts with one of ``defers_to`` reports at warning
    or above (the learned scorers of ``rules/second_opinion.py``)."""

    defers_to: tuple[str, ...]


class MeasuringRule(Rule, Protocol):
    """A rule that also measures every post it sees (reported as per-post metrics)."""

    def measure(self, analysis: Analysis) -> Mapping[str, float]: ...


def applies_to(meta: RuleMeta, kind: str) -> bool:
    return not meta.kinds or kind in meta.kinds
