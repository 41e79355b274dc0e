"""Declarative rule packs: YAML files of rules that extend typed checks (the Vale way).

A pack is validated when it is loaded. Any problem — unknown key, missing field, a
pattern that does not compile or that backtracks catastrophically on an attack string —
raises :class:`PackError` with one line naming the file, the rule and the key.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex
import yaml

from ..model import Example, Hit, RuleMeta, Severity
from .backtracking import PROBE_TIMEOUT, first_slow_probe, nested_repeat, probe_strings
from ..sources.bounded import BoundExceeded, load_bounded_yaml
from .base import RULE_ID_PATTERN



class PackError(Exception):
    """A rule pack that cannot be used, described in one line."""


class PatternTimeout(Exception):
    """A pack pattern exceeded the run-time regex timeout on a post."""

    def __init__(self, rule_id: str, source: str, seconds: float) -> None:
        super().__init__(f"{source}: rule {rule_id}: pattern took longer than {seconds:g}s; rule skipped for this post")
        self.rule_id = rule_id
        self.source = source


@dataclass(frozen=True)
class PackContext:
    """Where a rule comes from, for error messages: ``file: rules[3] (CLM001): key``."""

    path: str
    index: int
    rule_id: str = "?"
    probe: bool = True  # validate and probe patterns now (built-in packs: in the tests, and compiled on first use)

    def error(self, key: str, message: str) -> PackError:
        return PackError(f"{self.path}: rules[{self.index}] ({self.rule_id}): '{key}': {message}")


COMMON_KEYS = {
    "id", "name", "family", "severity", "check", "message", "citation", "url", "summary", "rationale",
    "fix_safety", "kinds", "examples", "needs_model", "category",
}


# ---------------------------------------------------------------------------------------------
# Reading and validating


def _require(spec: Mapping[str, Any], key: str, ctx: PackContext, kind: type | tuple[type, ...] = str) -> Any:
    if key not in spec:
        raise ctx.error(key, "is required")
    value = spec[key]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise ctx.error(key, f"must be a non-empty {getattr(kind, '__name__', 'value')}")
    return value


def _optional_str(spec: Mapping[str, Any], key: str, ctx: PackContext, default: str = "") -> str:
    value = spec.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise ctx.error(key, "must be a string")
    return value.strip()


def _string_list(spec: Mapping[str, Any], key: str, ctx: PackContext, required: bool = False) -> tuple[str, ...]:
    if key not in spec:
        if required:
            raise ctx.error(key, "is required")
        return ()
    value = spec[key]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ctx.error(key, "must be a list of non-empty strings")
    if required and not value:
        raise ctx.error(key, "must not be empty")
    return tuple(value)


def _probes_for(pattern: str, flags: int = 0) -> list[str]:
    """Attack strings built from the pattern itself (see :mod:`.backtracking`)."""
    return probe_strings(pattern, flags)


class LazyPattern:
    """A pattern of a shipped pack, compiled on first use and then behaving as the compiled one.

    Shipped packs are compiled and probed by the test suite; compiling their 150-odd patterns at
    start-up is a third of a second that `hclint rules` and a run served from the result cache
    never use."""

    __slots__ = ("pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: regex.Pattern | None = None

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def compile_pattern(pattern: str, ignorecase: bool, ctx: PackContext, key: str) -> regex.Pattern:
    """The compiled pattern, validated; a shipped pack's (``ctx.probe`` off) is a :class:`LazyPattern`."""
    flags = regex.IGNORECASE if ignorecase else 0
    if not ctx.probe:
        return LazyPattern(pattern, flags | regex.V0)  # type: ignore[return-value]
    try:
        compiled = regex.compile(pattern, flags | regex.V0)
    except (regex.error, TypeError, ValueError) as exc:
        raise ctx.error(key, f"invalid regular expression {pattern!r}: {exc}") from None
    if compiled.search("", timeout=PROBE_TIMEOUT) is not None and compiled.pattern:
        raise ctx.error(key, f"pattern {pattern!r} matches the empty string")
    if not ctx.probe:
        return compiled
    nested = nested_repeat(pattern, flags)
    if nested is not None:
        raise ctx.error(key, f"pattern {pattern!r} backtracks catastrophically: a repeated group is itself one unbounded "
                             f"repeat (a run like {nested[:12]!r} splits between them in exponentially many ways); "
                             "rewrite it without nested or overlapping repeats")
    slow = first_slow_probe(compiled, _probes_for(pattern, flags))
    if slow is not None:
        raise ctx.error(key, f"pattern {pattern!r} backtracks catastrophically (over {PROBE_TIMEOUT}s on a "
                             f"{len(slow)}-character probe starting {slow[:12]!r}); rewrite it without nested "
                             "or overlapping repeats")
    return compiled


def _examples(spec: Mapping[str, Any], ctx: PackContext) -> tuple[Example, ...]:
    raw = spec.get("examples", [])
    if not isinstance(raw, list):
        raise ctx.error("examples", "must be a list of {fail: ...} / {pass: ...} items")
    examples = []
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping):
            raise ctx.error(f"examples[{i}]", "must be a mapping with 'fail' or 'pass'")
        unknown = set(item) - {"fail", "pass", "fixed", "kind", "metadata"}
        if unknown:
            raise ctx.error(f"examples[{i}]", f"unknown key(s) {', '.join(sorted(unknown))}")
        if ("fail" in item) == ("pass" in item):
            raise ctx.error(f"examples[{i}]", "needs exactly one of 'fail' or 'pass'")
        expect = "fail" if "fail" in item else "pass"
        text = item[expect]
        if not isinstance(text, str) or not text:
            raise ctx.error(f"examples[{i}].{expect}", "must be a non-empty string")
        metadata = item.get("metadata", {}) or {}
        if not isinstance(metadata, Mapping):
            raise ctx.error(f"examples[{i}].metadata", "must be a mapping")
        kind = item.get("kind", "post")
        examples.append(Example(text=text, expect=expect, fixed=item.get("fixed"), kind=str(kind),
                                metadata=MappingProxyType(dict(metadata))))
    if not any(e.expect == "fail" for e in examples) or not any(e.expect == "pass" for e in examples):
        raise ctx.error("examples", "every rule needs at least one 'fail' and one 'pass' example")
    return tuple(examples)


def rule_meta(spec: Mapping[str, Any], ctx: PackContext, fixable: bool) -> RuleMeta:
    rule_id = _require(spec, "id", ctx)
    if not re.match(RULE_ID_PATTERN, rule_id):
        raise ctx.error("id", f"{rule_id!r} is not a rule id like 'CLM001' (2-6 capitals and 3 digits)")
    try:
        severity = Severity.parse(_require(spec, "severity", ctx))
    except ValueError as exc:
        raise ctx.error("severity", str(exc)) from None
    kinds = _string_list(spec, "kinds", ctx)
    return RuleMeta(
        id=rule_id,
        name=_require(spec, "name", ctx),
        family=_require(spec, "family", ctx),
        severity=severity,
        message=_require(spec, "message", ctx),
        citation=_require(spec, "citation", ctx),
        summary=_optional_str(spec, "summary", ctx),
        rationale=_optional_str(spec, "rationale", ctx),
        fix_safety=_optional_str(spec, "fix_safety", ctx, "No automatic fix." if not fixable else ""),
        url=_optional_str(spec, "url", ctx) or None,
        examples=_examples(spec, ctx),
        fixable=fixable,
        kinds=kinds,
        needs_model=bool(spec.get("needs_model", False)),
        source=ctx.path,
    )


def read_pack(path: Path, shipped: bool = False) -> tuple[Mapping[str, Any], list[Mapping[str, Any]]]:
    """The pack header and its rule specs, or a PackError naming the file.

    A ``shipped`` pack (hclint's own, read by the test suite through the bounded loader) is read
    with libyaml's safe loader when PyYAML has it: several times faster at every start-up."""
    try:
        text = path.read_text(encoding="utf-8")
        c_loader = getattr(yaml, "CSafeLoader", None)
        data = yaml.load(text, Loader=c_loader) if shipped and c_loader is not None \
            else load_bounded_yaml(text, "a rule pack")
    except BoundExceeded as exc:
        raise PackError(f"{path}: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackError(f"{path}: invalid YAML{where}: {problem}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read rule pack: {exc}") from None
    if not isinstance(data, Mapping):
        raise PackError(f"{path}: a rule pack must be a mapping with 'pack' and 'rules'")
    unknown = set(data) - {"pack", "description", "rules"}
    if unknown:
        raise PackError(f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))}")
    if not isinstance(data.get("pack"), str):
        raise PackError(f"{path}: 'pack' (the pack's name) is required")
    rules = data.get("rules")
    if not isinstance(rules, list) or not all(isinstance(r, Mapping) for r in rules):
        raise PackError(f"{path}: 'rules' must be a list of mappings")
    return data, rules


CheckFactory = Callable[[Mapping[str, Any], PackContext, float], Any]


def load_pack(path: Path, check_types: Mapping[str, CheckFactory], regex_timeout: float,
              probe: bool = True) -> list[Any]:
    """Build every rule of one pack file; the first invalid rule fails the whole pack.

    ``probe=False`` skips the validation of the patterns and compiles them on first use: for
    packs shipped with hclint, whose patterns the test suite compiles and probes, so that
    start-up (e.g. in a pre-commit hook) stays fast."""
    _, specs = read_pack(path, shipped=not probe)
    rules = []
    for index, spec in enumerate(specs):
        ctx = PackContext(str(path), index, str(spec.get("id", "?")), probe)
        check = _require(spec, "check", ctx)
        if check not in check_types:
            raise ctx.error("check", f"unknown check {check!r} (known: {', '.join(sorted(check_types))})")
        try:
            rule = check_types[check](spec, ctx, regex_timeout)
        except PackError:
            raise
        except Exception as exc:  # noqa: BLE001 - a check type from a plug-in may fail in any way
            raise ctx.error("check", f"check type {check!r} failed: {type(exc).__name__}: {exc}") from None
        if not isinstance(getattr(rule, "meta", None), RuleMeta) or not callable(getattr(rule, "check", None)):
            raise ctx.error("check", f"check type {check!r} returned {type(rule).__name__}, not a rule")
        rules.append(rule)
    return rules


def pack_files(paths: Iterable[Path]) -> list[Path]:
    """YAML files named directly or found in the named folders, sorted for determinism."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file()))
        else:
            files.append(path)
    return files


def finditer(compiled: regex.Pattern, text: str, timeout: float, rule_id: str, source: str) -> list[regex.Match]:
    try:
        return list(compiled.finditer(text, timeout=timeout))
    except TimeoutError:
        raise PatternTimeout(rule_id, source, timeout) from None


def format_message(template: str, **values: str) -> str:
    """Fill ``{match}``-style fields; unknown fields are left as written."""

    class _Keep(dict):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    try:
        return string.Formatter().vformat(template, (), _Keep(values))
    except (ValueError, IndexError):
        return template

