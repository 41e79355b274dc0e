"""The load-time backtracking probe: classic catastrophic patterns are refused, the patterns
of the shipped rule packs are accepted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import regex
import yaml

from hcsocial_lint.rules.backtracking import first_slow_probe, probe_strings
from hcsocial_lint.rules.packs import PackContext, PackError, compile_pattern

RULES = Path(__file__).resolve().parents[1] / "rules"

# Nested and overlapping quantifier families, each with a suffix that cannot match.
CATASTROPHIC = [
    r"(a+)+$",
    r"(a|a)+$",
    r"(a|aa)+$",
    r"(\w+\s?)+$",
    r"^(\w+\s?)*\.$",
    r"([a-zA-Z0-9]+\.?)+@",
    r"^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
    r"(.*a){12}",
    r"(?:(?:cure\s?)+)+!",
    r"^(([a-z])+.)+[A-Z]([a-z])+$",
    r"(x+x+)+y",
    r"^(\d+)*x$",
    r"(\s*\w+\s*)+:",
    r"(\w+)*@",
    r"(\d+|\d+\.\d+)+%",
    r"\b(?:(?:miracle|wonder)\s*)+\s*cure\b",
]


def _pack_patterns() -> Iterator[str]:
    def walk(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in {"patterns", "if", "then"} and isinstance(value, list):
                    yield from value
                elif key == "swap" and isinstance(value, dict):
                    yield from value
                else:
                    yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    for path in sorted(RULES.glob("*.yaml")):
        yield from walk(yaml.safe_load(path.read_text(encoding="utf-8")))


PACK_PATTERNS = sorted(set(_pack_patterns()))


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_patterns_are_refused(pattern):
    with pytest.raises(PackError, match="backtracks catastrophically"):
        compile_pattern(pattern, True, PackContext("team.yaml", 0, "TST001"), "patterns[0]")


def test_shipped_pack_patterns_are_numerous_and_accepted():
    assert len(PACK_PATTERNS) > 100
    slow = [p for p in PACK_PATTERNS if first_slow_probe(regex.compile(p, regex.I | regex.V0), probe_strings(p, regex.I))]
    assert slow == []


@pytest.mark.parametrize("pattern", [r"\bcures?\b", r"\b\d{1,3}\s?%\s+(?:off|discount)\b", r"(?:free|no[- ]cost)\s+\w+"])
def test_ordinary_patterns_are_accepted(pattern):
    assert compile_pattern(pattern, True, PackContext("team.yaml", 0, "TST001"), "patterns[0]")


def test_attack_strings_come_from_the_pattern_itself():
    probes = probe_strings(r"(?:(?:cure\s?)+)+!")
    assert any(p.startswith("cure cure") and not p.endswith("!") for p in probes)
    spread = probe_strings(r"(.*a){12}")
    assert any(p.count("a") == 11 for p in spread)  # one short of the count


def test_syntax_only_the_regex_module_reads_still_gets_probes():
    assert probe_strings(r"\p{L}+\m")


def test_a_nested_unbounded_repeat_is_refused_by_its_shape_whatever_the_engine_version():
    from hcsocial_lint.rules.backtracking import nested_repeat

    assert nested_repeat(r"^(\d+)*x$") and nested_repeat(r"^(\w+\s?)*\.$") and nested_repeat(r"((?:cure\s?)+)+!")
    assert nested_repeat(r"(?:\w+ )*cure") is None  # the space each turn needs separates the turns
    assert nested_repeat(r"(?:[\w-]+\s+){0,4}") is None  # bounded
