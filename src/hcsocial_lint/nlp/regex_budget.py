"""A time budget for every recognizer pattern, and a record of the ones that ran out.

Presidio runs its patterns with a 60-second timeout and, when one fires, logs a warning and
drops that pattern's matches: on one post a minute is a hang, and a dropped pattern is a
silent skip. Here each pattern of every ``PatternRecognizer`` (Presidio's and plug-ins') and
of every recognizer that offers its patterns through ``budget_patterns`` is wrapped in a
:class:`TimedPattern`: it gets ``regex-timeout`` seconds per post, keeps the matches found
before the budget ran out, and records the overrun so the linter reports it on one line.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, PatternRecognizer


@dataclass
class Overruns:
    """Overruns since the last :meth:`drain`; the linter drains it after each post's analysis."""

    seconds: float
    _found: list[str] = field(default_factory=list)

    def add(self, recognizer: str, pattern: str) -> None:
        message = (f"recognizer {recognizer} (pattern {pattern!r}) took longer than {self.seconds:g}s "
                   "(regex-timeout); its matches after that point were not checked")
        if message not in self._found:
            self._found.append(message)

    def drain(self) -> list[str]:
        found, self._found = self._found, []
        return found


class TimedPattern:
    """A compiled pattern whose searches stop at the budget instead of the caller's timeout."""

    def __init__(self, compiled: regex.Pattern, recognizer: str, name: str, overruns: Overruns) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern
        self._recognizer, self._name, self._overruns = recognizer, name, overruns

    def finditer(self, text: str, *args: Any, timeout: float | None = None, **kwargs: Any) -> Iterator[regex.Match]:
        try:
            yield from self.compiled.finditer(text, *args, timeout=self._overruns.seconds, **kwargs)
        except TimeoutError:
            self._overruns.add(self._recognizer, self._name)

    def search(self, text: str, *args: Any, timeout: float | None = None, **kwargs: Any) -> regex.Match | None:
        try:
            return self.compiled.search(text, *args, timeout=self._overruns.seconds, **kwargs)
        except TimeoutError:
            self._overruns.add(self._recognizer, self._name)
            return None


def budget_recognizers(recognizers: Iterable[EntityRecognizer], seconds: float) -> Overruns:
    """Put every pattern of ``recognizers`` on a ``seconds`` budget; returns the shared record.

    A ``PatternRecognizer`` gets copies of its patterns (Presidio shares them between
    instances through class attributes), pre-compiled with the flags it will ask for, so its
    own compile step keeps them. Other recognizers take part by defining
    ``budget_patterns(wrap)``, where ``wrap(compiled, name)`` returns the timed pattern.
    """
    overruns = Overruns(seconds)
    for recognizer in recognizers:
        if isinstance(recognizer, PatternRecognizer):
            flags = recognizer.global_regex_flags
            timed = []
            for pattern in recognizer.patterns:
                pattern = copy.copy(pattern)
                pattern.compiled_regex = TimedPattern(regex.compile(pattern.regex, flags=flags), recognizer.name,
                                                      pattern.name, overruns)
                pattern.compiled_with_flags = flags
                timed.append(pattern)
            recognizer.patterns = timed
        budget = getattr(recognizer, "budget_patterns", None)
        if callable(budget):
            budget(lambda compiled, name, owner=recognizer.name: TimedPattern(compiled, owner, name, overruns))
    return overruns
