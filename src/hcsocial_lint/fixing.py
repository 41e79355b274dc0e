"""``--fix`` and ``--diff`` on files: re-lint until stable, then write atomically.

Only plain-text, Markdown and HTML drafts are fixed in place. Exports (JSON, JSONL, CSV)
are never rewritten: re-serialising them could change formatting or quoting that other
tools depend on, so their findings are reported with their suggestions instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import ConfigError
from .fileio import FileWriteError, write_if_unchanged
from .fixes import FixOutcome, unified_diff
from .linter import Linter
from .model import Problem
from .sources.errors import InputError
from .sources.reading import encode_text, read_source

FIXABLE_SUFFIXES = {".md", ".markdown", ".mdx", ".txt", ".html", ".htm", ""}


@dataclass(frozen=True)
class FileFix:
    """What ``--fix``/``--diff`` did to one file. ``problems`` include refused fixes."""

    path: str
    applied: int
    diff: str = ""
    problems: tuple[Problem, ...] = ()


def file_format_for(path: Path) -> str:
    return "markdown" if path.suffix.lower() in {".md", ".markdown", ".mdx", ".html", ".htm"} else "text"


def refusal_problems(path: str, outcome: FixOutcome) -> tuple[Problem, ...]:
    """One line per refused fix: a rule proposed an edit outside the post's prose."""
    return tuple(
        Problem(path, f"fix for {f.rule_id} at line {f.range.line}, column {f.range.column} not applied: "
                      "it would edit text outside the post's prose (front matter, code or markup)", "E-FIX")
        for f in outcome.refused
    )


def fix_file(linter: Linter, path: Path, *, unsafe: bool, write: bool, kind: str | None = None) -> FileFix:
    """Apply fixes to one file. ``write=False`` only computes the diff (``--diff``)."""
    display = str(path)
    if path.suffix.lower() not in FIXABLE_SUFFIXES:
        return FileFix(display, 0)
    try:
        settings = linter.settings_for(display)
        decoded = read_source(path, settings)
        original_bytes = path.read_bytes()
    except ConfigError as exc:
        return FileFix(display, 0, problems=tuple(Problem(display, line, "E-CONFIG") for line in exc.errors))
    except InputError as exc:
        return FileFix(display, 0, problems=(Problem(display, str(exc)),))
    except OSError as exc:
        return FileFix(display, 0, problems=(Problem(display, f"cannot read: {exc.strerror or exc}"),))
    try:
        outcome = linter.fix_text(decoded.text, unsafe=unsafe, kind=kind, path=display,
                                  markdown=file_format_for(path) == "markdown")
    except InputError as exc:
        return FileFix(display, 0, problems=(Problem(display, str(exc), "E-FIX"),))
    except ValueError as exc:  # a rule proposed overlapping or out-of-range edits
        return FileFix(display, 0, problems=(Problem(display, f"fixes not applied: {exc}", "E-FIX"),))
    refused = refusal_problems(display, outcome)
    if outcome.text == decoded.text:
        return FileFix(display, 0, problems=refused)
    diff = unified_diff(display, decoded.text, outcome.text)
    if write:
        try:
            write_if_unchanged(path, original_bytes, encode_text(outcome.text, decoded))
        except FileWriteError as exc:
            return FileFix(display, 0, diff, (*refused, Problem(display, str(exc), "E-FIX")))
    return FileFix(display, len(outcome.applied), diff, refused)
