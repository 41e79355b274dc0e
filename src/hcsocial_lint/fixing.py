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
from .fixes import fix_until_stable, unified_diff
from .linter import Linter
from .model import Finding, Problem
from .sources import read_text_post
from .sources.errors import InputError
from .sources.reading import encode_text, read_source

FIXABLE_SUFFIXES = {".md", ".markdown", ".mdx", ".txt", ".html", ".htm", ""}


@dataclass(frozen=True)
class FileFix:
    path: str
    applied: int
    diff: str = ""
    problem: Problem | None = None


def file_format_for(path: Path) -> str:
    return "markdown" if path.suffix.lower() in {".md", ".markdown", ".mdx", ".html", ".htm"} else "text"


def fix_file(linter: Linter, path: Path, *, unsafe: bool, write: bool, kind: str | None = None) -> FileFix:
    """Apply fixes to one file. ``write=False`` only computes the diff (``--diff``)."""
    display = str(path)
    if path.suffix.lower() not in FIXABLE_SUFFIXES:
        return FileFix(display, 0)
    try:
        settings = linter.settings_for(display)
    except ConfigError:
        return FileFix(display, 0)  # nothing is fixed under a broken configuration; the lint pass reports it
    try:
        decoded = read_source(path, settings)
        original_bytes = path.read_bytes()
    except InputError as exc:
        return FileFix(display, 0, problem=Problem(display, str(exc)))
    except OSError as exc:
        return FileFix(display, 0, problem=Problem(display, f"cannot read: {exc.strerror or exc}"))
    file_format = file_format_for(path)

    def lint(text: str) -> list[Finding]:
        post = read_text_post(text, settings, kind=kind, display_path=display, file_format=file_format)
        return list(linter.lint_posts([post], [settings]).findings)

    try:
        outcome = fix_until_stable(decoded.text, lint, unsafe=unsafe)
    except InputError as exc:
        return FileFix(display, 0, problem=Problem(display, str(exc), "E-FIX"))
    except ValueError as exc:  # a rule proposed overlapping or out-of-range edits
        return FileFix(display, 0, problem=Problem(display, f"fixes not applied: {exc}", "E-FIX"))
    if outcome.text == decoded.text:
        return FileFix(display, 0)
    diff = unified_diff(display, decoded.text, outcome.text)
    if write:
        try:
            write_if_unchanged(path, original_bytes, encode_text(outcome.text, decoded))
        except FileWriteError as exc:
            return FileFix(display, 0, diff, Problem(display, str(exc), "E-FIX"))
    return FileFix(display, len(outcome.applied), diff)
