"""What each hook must return, checked where a plug-in's value enters hclint.

A plug-in is code we did not write: it may return ``None`` where a list is due, a rule
without ``meta``, a formatter that raises, a rule whose hits point outside the post. Each
of these is caught at the boundary, turned into one line naming the plug-in, and the bad
piece is left out; everything else runs. The checks live here, once, so the engine and the
command line never call plug-in output unchecked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Edit, Hit, Report, RuleMeta, Suggestion


class PluginFailure(Exception):
    """A plug-in's piece that cannot be used, described in one line that names it."""


@dataclass(frozen=True)
class Accepted:
    """The usable part of one plug-in's answer to one hook, and one line per piece left out."""

    value: Any
    problems: tuple[str, ...] = ()


def _type_name(value: Any) -> str:
    return type(value).__name__


def _items(plugin: str, hook: str, value: Any, what: str) -> tuple[list[Any] | None, list[str]]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        return None, [f"plug-in '{plugin}': {hook} returned {_type_name(value)}, not a list of {what}; skipped"]
    try:
        return list(value), []
    except Exception as exc:  # noqa: BLE001 - a generator from a plug-in may raise while we read it
        return None, [f"plug-in '{plugin}': {hook} failed while listing its {what}: {type(exc).__name__}: {exc}; skipped"]


def _is_rule(item: Any) -> bool:
    return isinstance(getattr(item, "meta", None), RuleMeta) and callable(getattr(item, "check", None))


def _is_recognizer(item: Any) -> bool:
    from presidio_analyzer import EntityRecognizer

    return isinstance(item, EntityRecognizer)


_SEQUENCE_HOOKS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "hclint_rules": ("rules (objects with a RuleMeta 'meta' and a 'check' method)", _is_rule),
    "hclint_rule_packs": ("paths", lambda item: isinstance(item, str | Path)),
    "hclint_recognizers": ("Presidio EntityRecognizer objects", _is_recognizer),
}
_MAPPING_HOOKS = {"hclint_check_types": "check factories", "hclint_formatters": "formatters"}


def _option_tables(plugin: str, value: Any) -> Accepted:
    def keys_ok(keys: Any) -> bool:
        return not isinstance(keys, str | bytes | Mapping) and isinstance(keys, Iterable) and all(
            isinstance(k, str) for k in keys)

    if not isinstance(value, Mapping):
        return Accepted({}, (f"plug-in '{plugin}': hclint_option_tables returned {_type_name(value)}, "
                             "not a mapping of table to keys; skipped",))
    kept = {t: tuple(k) for t, k in value.items() if isinstance(t, str) and t and keys_ok(k)}
    problems = tuple(f"plug-in '{plugin}': hclint_option_tables entry {t!r} is not a table name with a list of keys; skipped"
                     for t in value if t not in kept)
    return Accepted(kept, problems)


def accept(plugin: str, hook: str, value: Any) -> Accepted:
    """Keep what ``plugin`` returned from ``hook`` that has the promised shape."""
    if hook in _SEQUENCE_HOOKS:
        what, valid = _SEQUENCE_HOOKS[hook]
        items, problems = _items(plugin, hook, value, what)
        if items is None:
            return Accepted([], tuple(problems))
        kept = [item for item in items if valid(item)]
        problems += [f"plug-in '{plugin}': {hook} returned {_type_name(item)} {item!r:.60}, not one of its {what}; skipped"
                     for item in items if not valid(item)]
        return Accepted(kept, tuple(problems))
    if hook == "hclint_option_tables":
        return _option_tables(plugin, value)
    if hook in _MAPPING_HOOKS:
        what = _MAPPING_HOOKS[hook]
        if not isinstance(value, Mapping):
            return Accepted({}, (f"plug-in '{plugin}': {hook} returned {_type_name(value)}, not a mapping of name to {what}; skipped",))
        kept = {k: v for k, v in value.items() if isinstance(k, str) and k and callable(v)}
        problems = tuple(f"plug-in '{plugin}': {hook} entry {k!r} is not a name with a callable; skipped"
                         for k in value if k not in kept)
        return Accepted(kept, problems)
    return Accepted(value)


def check_hits(hits: Any, text_length: int) -> list[Hit]:
    """A rule's hits, or ValueError naming the first that is not a Hit inside the post.

    Offsets outside the text would put findings on lines that do not exist and let ``--fix``
    cut text it never saw; a rule that produces one is not trusted for the rest of the run."""
    checked = []
    for hit in hits:
        if not isinstance(hit, Hit):
            raise ValueError(f"yielded {_type_name(hit)} {hit!r:.60}, not a Hit")
        if not (isinstance(hit.start, int) and isinstance(hit.end, int) and 0 <= hit.start <= hit.end <= text_length):
            raise ValueError(f"yielded a hit at {hit.start!r}..{hit.end!r}, outside the post (0..{text_length})")
        for suggestion in hit.suggestions:
            if not isinstance(suggestion, Suggestion) or not all(
                isinstance(e, Edit) and e.end <= text_length for e in suggestion.edits
            ):
                raise ValueError(f"yielded a suggestion whose edits fall outside the post (0..{text_length})")
        checked.append(hit)
    return checked


def check_metrics(metrics: Any) -> Mapping[str, float]:
    """A rule's ``measure()`` result: names to numbers, or ValueError."""
    if not isinstance(metrics, Mapping) or not all(
        isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool) for k, v in metrics.items()
    ):
        raise ValueError(f"measure() returned {_type_name(metrics)}, not a mapping of names to numbers")
    return metrics


def guarded_formatter(name: str, plugin: str, formatter: Callable[[Report, Any], Any]) -> Callable[[Report, Any], str]:
    """``formatter`` with its failures turned into a PluginFailure naming it."""

    def call(report: Report, options: Any) -> str:
        try:
            rendered = formatter(report, options)
        except Exception as exc:  # noqa: BLE001 - a plug-in may fail in any way
            raise PluginFailure(f"plug-in '{plugin}': formatter '{name}' failed: {type(exc).__name__}: {exc}") from None
        if not isinstance(rendered, str):
            raise PluginFailure(f"plug-in '{plugin}': formatter '{name}' returned {_type_name(rendered)}, not text")
        return rendered

    return call


def guard_recognizer(recognizer: Any, plugin: str, report: Callable[[str], None]) -> Any:
    """Make a plug-in's Presidio recognizer fail alone: Presidio calls ``analyze`` for every
    post inside one analyzer call, so an exception or a malformed result would stop every
    post. On its first failure the recognizer is reported through ``report`` and returns no
    results for the rest of the run."""
    from presidio_analyzer import RecognizerResult

    original = recognizer.analyze
    name = getattr(recognizer, "name", type(recognizer).__name__)
    failed = False

    def analyze(text: str, entities: Any, nlp_artifacts: Any = None, *args: Any, **kwargs: Any) -> list[Any]:
        nonlocal failed
        if failed:
            return []
        try:
            results = original(text, entities, nlp_artifacts, *args, **kwargs)
            if results is None:
                return []
            results = list(results)
            for result in results:
                if not isinstance(result, RecognizerResult) or not 0 <= result.start <= result.end <= len(text):
                    raise PluginFailure(f"returned {_type_name(result)} {result!r:.60}, not a RecognizerResult inside the post")
        except Exception as exc:  # noqa: BLE001 - a plug-in may fail in any way
            failed = True
            detail = str(exc) if isinstance(exc, PluginFailure) else f"failed: {type(exc).__name__}: {exc}"
            report(f"plug-in '{plugin}': recognizer {name} {detail}; disabled for the rest of the run")
            return []
        return results

    recognizer.analyze = analyze
    return recognizer


__all__ = ["Accepted", "PluginFailure", "accept", "check_hits", "check_metrics", "guard_recognizer", "guarded_formatter"]

