"""A time budget for every recognizer pattern, and a record of the ones that ran out.

Presidio runs its patterns with a 60-second timeout and, when one fires, logs a warning and
drops that pattern's matches: on one post a minute is a hang, and a dropped pattern is a
silent skip. Here each pattern of every ``PatternRecognizer`` (Presidio's and plug-ins') and
of every recognizer that offers its patterns through ``budget_patterns`` is wrapped in a
:class:`TimedPattern`: it gets ``regex-timeout`` seconds per post, keeps the matches found
before the budget ran out, and records the overrun so the linter reports it on one line.

Patterns compiled once per process (vocabularies, the recognizers' module-level patterns, the
staff roster) cannot hold one linter's record: :func:`timed` makes them :class:`TimedPattern`s
that take the budget of the linter running them, which the linter sets with
:meth:`Overruns.running` around each post's analysis and rules. Outside a linter they run
without a budget, as plain patterns.

Several rules scan a post for the same vocabulary ("health terms", "prescription drugs", a
name's honorific): a :func:`timed` pattern remembers its recent complete results per thread
(keyed by the text and the arguments), so a repeated scan of the same text is a look-up. A
scan cut short by the budget is never remembered.
"""

from __future__ import annotations

import copy
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer


@dataclass
class Overruns:
    """Overruns since the last :meth:`drain`; the linter drains it after each post's analysis."""

    seconds: float
    _found: list[str] = field(default_factory=list)

    def add(self, owner: str, pattern: str) -> None:
        """``owner`` says whose pattern it is: ``"recognizer UrlRecognizer"``, ``"vocabulary hype"``."""
        message = (f"{owner} (pattern {pattern!r}) took longer than {self.seconds:g}s "
                   "(regex-timeout); its matches after that point were not checked")
        if message not in self._found:
            self._found.append(message)

    def drain(self) -> list[str]:
        found, self._found = self._found, []
        return found

    @contextmanager
    def running(self) -> Iterator[None]:
        """Charge the patterns made by :func:`timed` to this record while the block runs."""
        token = _RUNNING.set(self)
        try:
            yield
        finally:
            _RUNNING.reset(token)


_RUNNING: ContextVar[Overruns | None] = ContextVar("hclint_regex_budget", default=None)

# Remembered results of the shared patterns: bounded, so a long run or a huge post cannot grow it.
_MEMO_ENTRIES = 4096
_MEMO_CHARS = 1_000_000
_MISSING = object()


class _Memo(threading.local):
    def __init__(self) -> None:
        self.found: dict[tuple, Any] = {}
        self.chars = 0

    def keep(self, key: tuple, text: str, value: Any) -> None:
        if len(self.found) >= _MEMO_ENTRIES or self.chars >= _MEMO_CHARS:
            self.found.clear()
            self.chars = 0
        self.found[key] = value
        self.chars += len(text)


_MEMO = _Memo()


def _memo_key(pattern: TimedPattern, method: str, text: str, args: tuple, kwargs: dict) -> tuple | None:
    if not isinstance(text, str):
        return None
    key = (pattern, method, text, args, tuple(sorted(kwargs.items())) if kwargs else ())
    try:
        hash(key)
    except TypeError:
        return None
    return key


class TimedPattern:
    """A compiled pattern whose searches stop at the budget instead of the caller's timeout.

    Bound to one :class:`Overruns`, or, with ``overruns=None``, to the one running (see :func:`timed`).
    """

    def __init__(self, compiled: regex.Pattern, owner: str, name: str, overruns: Overruns | None = None,
                 *, remember: bool = False) -> None:
        self._compiled: regex.Pattern | None = compiled
        self._flags = 0
        self.pattern = compiled.pattern
        self._owner, self._name, self._overruns = owner, name, overruns
        self._remember = remember

    @classmethod
    def lazy(cls, source: str, flags: int, owner: str, name: str, overruns: Overruns | None = None) -> TimedPattern:
        """A pattern compiled on its first search: a recognizer whose patterns a post never
        reaches (the URL recognizer on a post without a dot) does not pay for compiling them."""
        timed = cls.__new__(cls)
        timed._compiled, timed._flags, timed.pattern = None, flags, source
        timed._owner, timed._name, timed._overruns, timed._remember = owner, name, overruns, False
        return timed

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern, self._flags)
        return self._compiled

    def _budget(self) -> Overruns | None:
        return self._overruns if self._overruns is not None else _RUNNING.get()

    def finditer(self, text: str, *args: Any, timeout: float | None = None, **kwargs: Any) -> Iterator[regex.Match]:
        key = _memo_key(self, "finditer", text, args, kwargs) if self._remember else None
        if key is not None:
            found = _MEMO.found.get(key)
            if found is None:
                found, complete = self._scan(text, args, kwargs)
                if complete:
                    _MEMO.keep(key, text, found)
            return iter(found)
        return self._finditer(text, args, kwargs)

    def _finditer(self, text: str, args: tuple, kwargs: dict) -> Iterator[regex.Match]:
        budget = self._budget()
        if budget is None:
            yield from self.compiled.finditer(text, *args, **kwargs)
            return
        try:
            yield from self.compiled.finditer(text, *args, timeout=budget.seconds, **kwargs)
        except TimeoutError:
            budget.add(self._owner, self._name)

    def _scan(self, text: str, args: tuple, kwargs: dict) -> tuple[tuple[regex.Match, ...], bool]:
        """Every match, and whether the scan finished within the budget."""
        budget = self._budget()
        if budget is None:
            return tuple(self.compiled.finditer(text, *args, **kwargs)), True
        found: list[regex.Match] = []
        try:
            found.extend(self.compiled.finditer(text, *args, timeout=budget.seconds, **kwargs))
        except TimeoutError:
            budget.add(self._owner, self._name)
            return tuple(found), False
        return tuple(found), True

    def findall(self, text: str, *args: Any, **kwargs: Any) -> list[Any]:
        return [m.group() if not self.compiled.groups else m.groups() if self.compiled.groups > 1 else m.group(1)
                for m in self.finditer(text, *args, **kwargs)]

    def _once(self, method: str, text: str, args: tuple, kwargs: dict) -> regex.Match | None:
        kwargs.pop("timeout", None)
        key = _memo_key(self, method, text, args, kwargs) if self._remember else None
        if key is not None:
            found = _MEMO.found.get(key, _MISSING)
            if found is not _MISSING:
                return found
        budget = self._budget()
        if budget is None:
            found = getattr(self.compiled, method)(text, *args, **kwargs)
        else:
            try:
                found = getattr(self.compiled, method)(text, *args, timeout=budget.seconds, **kwargs)
            except TimeoutError:
                budget.add(self._owner, self._name)
                return None
        if key is not None:
            _MEMO.keep(key, text, found)
        return found

    def search(self, text: str, *args: Any, **kwargs: Any) -> regex.Match | None:
        return self._once("search", text, args, kwargs)

    def match(self, text: str, *args: Any, **kwargs: Any) -> regex.Match | None:
        return self._once("match", text, args, kwargs)

    def fullmatch(self, text: str, *args: Any, **kwargs: Any) -> regex.Match | None:
        return self._once("fullmatch", text, args, kwargs)

    def _whole(self, method: str, text: str, args: tuple, kwargs: dict, unchanged: Any) -> Any:
        """``sub``/``subn``/``split`` on the budget: on an overrun the text comes back as it was."""
        kwargs.pop("timeout", None)
        budget = self._budget()
        if budget is None:
            return getattr(self.compiled, method)(*args, text, **kwargs) if method != "split" \
                else self.compiled.split(text, *args, **kwargs)
        try:
            if method == "split":
                return self.compiled.split(text, *args, timeout=budget.seconds, **kwargs)
            return getattr(self.compiled, method)(*args, text, timeout=budget.seconds, **kwargs)
        except TimeoutError:
            budget.add(self._owner, self._name)
            return unchanged

    def sub(self, repl: Any, text: str, *args: Any, **kwargs: Any) -> str:
        return self._whole("sub", text, (repl,), dict(kwargs, **_count(args)), text)

    def subn(self, repl: Any, text: str, *args: Any, **kwargs: Any) -> tuple[str, int]:
        return self._whole("subn", text, (repl,), dict(kwargs, **_count(args)), (text, 0))

    def split(self, text: str, *args: Any, **kwargs: Any) -> list[str]:
        return self._whole("split", text, args, kwargs, [text])


def _count(args: tuple) -> dict:
    """``sub(repl, text, count)``: the positional count passed on by keyword."""
    return {"count": args[0]} if args else {}


def budget_seconds() -> float | None:
    """The budget, in seconds, of the linter running now (None outside a linter)."""
    budget = _RUNNING.get()
    return budget.seconds if budget is not None else None


def timed(compiled: regex.Pattern, owner: str, name: str) -> TimedPattern:
    """A pattern compiled once per process, on the budget of the linter running it, that
    remembers its recent results (see the module's docstring)."""
    return TimedPattern(compiled, owner, name, remember=True)


def budget_recognizers(recognizers: Iterable[EntityRecognizer], seconds: float) -> Overruns:
    """Put every pattern of ``recognizers`` on a ``seconds`` budget; returns the shared record.

    A ``PatternRecognizer`` gets copies of its patterns (Presidio shares them between
    instances through class attributes), set up with the flags it will ask for (and compiled
    on first use), so its own compile step keeps them. Other recognizers take part by defining
    ``budget_patterns(wrap)``, where ``wrap(compiled, name)`` returns the timed pattern.
    """
    from presidio_analyzer import PatternRecognizer

    overruns = Overruns(seconds)
    for recognizer in recognizers:
        if isinstance(recognizer, PatternRecognizer):
            flags = recognizer.global_regex_flags
            timed = []
            for pattern in recognizer.patterns:
                pattern = copy.copy(pattern)
                pattern.compiled_regex = TimedPattern.lazy(pattern.regex, flags, f"recognizer {recognizer.name}",
                                                           pattern.name, overruns)
                pattern.compiled_with_flags = flags
                timed.append(pattern)
            recognizer.patterns = timed
        budget = getattr(recognizer, "budget_patterns", None)
        if callable(budget):
            budget(lambda compiled, name, owner=f"recognizer {recognizer.name}": TimedPattern(compiled, owner, name, overruns))
    return overruns
