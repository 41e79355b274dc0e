"""JSON and YAML parsing with bounds, so that no input file can crash, hang or exhaust a run.

The standard parsers trust their input: ``json`` recurses once per nesting level (a file of
a thousand ``[`` raises :class:`RecursionError`) and refuses integers over 4,300 digits with a
bare :class:`ValueError`; PyYAML expands aliases without limit (600 bytes of "billion
laughs" front matter build a structure of billions of nodes) and follows a self-referencing
alias into a :class:`RecursionError`. Posts and their front matter never need any of that,
so each bound is checked before or while parsing and turns into a :class:`BoundExceeded`
with a one-line reason that callers report like any other bad input.
"""

from __future__ import annotations

import json
from typing import Any

import regex
import yaml

MAX_NESTING = 64  # levels of [ { in a JSON record, or of block/flow nodes in front matter
MAX_DIGITS = 1000  # digits of one JSON number (Python refuses more than 4,300 anyway)
MAX_FRONT_MATTER_CHARS = 65_536  # front matter is a few settings, not a document

# A JSON string (escapes included) or a bracket; everything else is skipped in one step.
_JSON_NESTING_TOKEN = regex.compile(r'"(?:[^"\\]++|\\.)*+"?|[\[\]{}]')


class BoundExceeded(ValueError):
    """Input beyond one of this module's bounds; ``str()`` is the one-line reason."""


def check_json_nesting(text: str, limit: int = MAX_NESTING) -> None:
    """Refuse ``text`` when its brackets nest deeper than ``limit`` (strings are skipped).

    Linear in the text and checked before :func:`json.loads`, whose recursion would
    otherwise end in a RecursionError deep in the interpreter.
    """
    depth = 0
    for token in _JSON_NESTING_TOKEN.finditer(text):
        char = token.group()[0]
        if char in "[{":
            depth += 1
            if depth > limit:
                line = text.count("\n", 0, token.start()) + 1
                raise BoundExceeded(f"JSON nested more than {limit} levels deep (line {line})")
        elif char in "]}":
            depth -= 1


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise BoundExceeded(f"a number of {len(digits.lstrip('-')):,} digits (more than {MAX_DIGITS:,})")
    return int(digits)


def _bounded_float(digits: str) -> float:
    if len(digits) > MAX_DIGITS:
        raise BoundExceeded(f"a number of {len(digits):,} characters (more than {MAX_DIGITS:,})")
    return float(digits)


def load_json(text: str) -> Any:
    """:func:`json.loads` within the nesting and number bounds.

    Raises :class:`json.JSONDecodeError` for malformed JSON and :class:`BoundExceeded` for
    JSON that is well formed but beyond a bound.
    """
    check_json_nesting(text)
    return json.loads(text, parse_int=_bounded_int, parse_float=_bounded_float)


class BoundedSafeLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases and with a nesting limit.

    Refusing aliases outright (rather than counting expansions) is what a post's front
    matter and a rule pack can afford: ``kind``, ``platform``, a rule's ``id`` and patterns
    never need ``&anchor``/``*alias``, and a refusal names the line, which an expansion count
    could not. ``what`` names the document in messages; ``first_line`` is the file line of the
    document's first line (front matter starts after its ``---``).
    """

    def __init__(self, stream: str, what: str = "front matter", first_line: int = 2) -> None:
        super().__init__(stream)
        self._depth = 0
        self._what, self._first_line = what, first_line

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"alias *{event.anchor} is not allowed in {self._what} (anchors and aliases are refused)",
                event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise yaml.composer.ComposerError(
                    None, None, f"{self._what} nested more than {MAX_NESTING} levels deep", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        value = super().construct_yaml_int(node)
        if value.bit_length() > MAX_DIGITS * 10 // 3:  # about MAX_DIGITS decimal digits
            raise BoundExceeded(f"a number of more than {MAX_DIGITS:,} digits "
                                f"(line {node.start_mark.line + self._first_line})")
        return value


BoundedSafeLoader.add_constructor("tag:yaml.org,2002:int", BoundedSafeLoader.construct_yaml_int)


def load_front_matter_yaml(source: str) -> Any:
    """Parse front matter with :func:`load_bounded_yaml`; over-long front matter is refused."""
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise BoundExceeded(f"front matter is {len(source):,} characters, over the {MAX_FRONT_MATTER_CHARS:,} limit")
    return load_bounded_yaml(source, "front matter", first_line=2)


def load_bounded_yaml(source: str, what: str, first_line: int = 1) -> Any:
    """Parse one YAML document with :class:`BoundedSafeLoader` (front matter, rule packs).

    Raises :class:`yaml.YAMLError` for malformed YAML, an alias or too deep a nesting, and
    :class:`BoundExceeded` for a value PyYAML recognises but cannot build (``2026-13-45`` as
    a date, an integer too long for Python), instead of letting a bare ValueError escape.
    """
    loader = BoundedSafeLoader(source, what, first_line)
    try:
        return loader.get_single_data()
    except BoundExceeded:
        raise
    except (ValueError, OverflowError) as exc:
        reason = " ".join(str(exc).split()[:20]) or type(exc).__name__
        raise BoundExceeded(f"a value that cannot be read ({reason})") from None
    finally:
        loader.dispose()
