"""Human output for the writer's terminal, shaped like ruff's so editors can jump to it.

One finding reads::

    posts/emma.md:3:15: PHI001 [critical] Names a patient with a health condition
      |
    3 | Get well soon, Emma Lopez! Her asthma ...
      |                ^^^^^^^^^^
      why: identifier PERSON "Emma Lopez" (SpacyRecognizer 0.85); health condition "asthma"
      help: Remove the patient's name
      fix (unsafe): "Emma Lopez" -> "a patient"

A post that is one record of an export (JSON, JSONL, CSV) is located as
``path#RECORD:LINE:COL`` (``posts.jsonl#7:1:5``): the record number is 1-based and the
line and column count inside that record's text. The whole line is shown when
``options.sources`` holds the post; otherwise only the matched text. When masked, neither
is shown, only the category.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..model import Applicability, Edit, Evidence, Finding, Problem, Report, Severity, Suggestion
from .masking import mask_report
from .options import ReportOptions

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
SEVERITY_STYLE = {
    Severity.CRITICAL: "\x1b[1;35m",
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[33m",
    Severity.INFO: "\x1b[36m",
}
ERROR_STYLE = "\x1b[1;31m"
HELP_STYLE = "\x1b[36m"
CARET_STYLE = "\x1b[1;31m"
CONTEXT = 40  # characters kept either side of a range on a long line
LONG_LINE = 100


def format_text(report: Report, options: ReportOptions) -> str:
    """The whole report as terminal text, ending with a one-line summary."""
    style = _Styler(options.color)
    shown = mask_report(report) if options.mask else report
    blocks: list[str] = []
    notices = list(dict.fromkeys(shown.notices))
    if notices:
        blocks.append("\n".join(f"{style('note:', BOLD)} {notice}" for notice in notices))
    rewrites = {(r.path, r.record): r for r in report.rewrites}
    for i, finding in enumerate(shown.findings):
        blocks.append(_format_finding(finding, options, style))
        key = (finding.path, finding.record)
        following = shown.findings[i + 1] if i + 1 < len(shown.findings) else None
        if key in rewrites and (following is None or (following.path, following.record) != key):
            blocks.append(_format_rewrite(rewrites.pop(key), options.mask, style))  # under the post's findings
    blocks.extend(_format_rewrite(r, options.mask, style) for r in rewrites.values())
    if shown.problems:
        blocks.append("\n".join(_format_problem(p, style) for p in shown.problems))
    blocks.append(summary_line(report))
    return "\n\n".join(blocks) + "\n"


def _format_rewrite(rewrite, masked: bool, style) -> str:
    """The post-level rewrite under the post's findings: the whole suggested post, or why there is none."""
    where = rewrite.path + (f" record {rewrite.record}" if rewrite.record is not None else "")
    if rewrite.status == "rewritten":
        label = "safe: keeps the meaning" if rewrite.safe else "check before posting: changes the wording"
        head = f"{style(where, BOLD)}: suggested rewrite of the post ({label})"
        body = "    (hidden by --mask)" if masked else "\n".join("    " + line for line in rewrite.text.splitlines())
        return f"{head}\n{body}"
    reasons = "\n".join(f"    - {reason}" for reason in rewrite.reasons)
    return f"{style(where, BOLD)}: no rewrite offered (advice only): rewrite it yourself\n{reasons}"


def location(finding: Finding) -> str:
    """``path:line:col`` or, for a record of an export, ``path#record:line:col``."""
    where = finding.path if finding.record is None else f"{finding.path}#{finding.record}"
    return f"{where}:{finding.range.line}:{finding.range.column}"


def summary_line(report: Report) -> str:
    """One sentence with the counts a writer acts on: by severity, fixable, not linted."""
    findings = report.findings
    unlinted = len({p.path for p in report.problems})
    tail = f" {_count(unlinted, 'file')} could not be linted." if unlinted else ""
    fixed = f"Applied {_count(report.fixed, 'fix')}. " if report.fixed else ""
    if not findings:
        scope = f"{_count(report.posts_checked, 'post')} in {_count(report.files_checked, 'file')}"
        if unlinted:
            return f"{fixed}No findings in {scope};{tail}"
        return f"{fixed}All clear: {scope}, no findings."
    by_severity = ", ".join(
        f"{n} {severity.value}"
        for severity in sorted(Severity, reverse=True)
        if (n := sum(1 for f in findings if f.severity is severity))
    )
    files = len({f.path for f in findings})
    safe = sum(1 for f in findings if _has_fix(f, Applicability.SAFE))
    unsafe_only = sum(1 for f in findings if not _has_fix(f, Applicability.SAFE) and _has_fix(f, Applicability.UNSAFE))
    fixes = ""
    if safe:
        fixes = f"; {safe} fixable with --fix" + (f" ({unsafe_only} more with --unsafe-fixes)" if unsafe_only else "")
    elif unsafe_only:
        fixes = f"; {unsafe_only} fixable with --unsafe-fixes"
    return f"{fixed}Found {_count(len(findings), 'finding')} ({by_severity}) in {_count(files, 'file')}{fixes}.{tail}"


class _Styler:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if self.color and text else text


def _format_finding(finding: Finding, options: ReportOptions, style: _Styler) -> str:
    header = (
        f"{style(_printable(location(finding)), BOLD)}: {style(finding.rule_id, BOLD)} "
        f"{style(f'[{finding.severity.value}]', SEVERITY_STYLE[finding.severity])} {_printable(finding.message)}"
    )
    source = None if options.mask else options.sources.get((finding.path, finding.record))
    lines = [header, *_excerpt(finding, source, options.mask, style)]
    if finding.evidence:
        lines.append(f"  {style('why:', HELP_STYLE)} " + _printable("; ".join(_evidence(e) for e in finding.evidence)))
    for suggestion in finding.suggestions:
        lines.append(f"  {style('help:', HELP_STYLE)} {_printable(suggestion.description)}")
        if options.show_fixes and suggestion.is_fix:
            edits = _printable(_edits(suggestion.edits, finding, source, options.mask))
            lines.append(f"  {style(_fix_label(suggestion), HELP_STYLE)} {edits}")
    return "\n".join(lines)


def _excerpt(finding: Finding, source: str | None, masked: bool, style: _Styler) -> list[str]:
    if masked:
        return [f"  matched: {_printable(finding.matched_text)} (masked)"]
    start, end = finding.range.start, finding.range.end
    if source is not None and 0 <= start <= end <= len(source):
        line_start = source.rfind("\n", 0, start) + 1
        line_end = source.find("\n", start)
        line_end = len(source) if line_end == -1 else line_end
        text, number = source[line_start:line_end], str(finding.range.line)
        first, last = start - line_start, min(end, line_end) - line_start
    elif finding.matched_text.strip():
        text, number = finding.matched_text.split("\n", 1)[0], ""
        first, last = 0, len(text)
    else:
        return []
    text = _printable(text.rstrip("\r").replace("\t", " "))
    last = min(max(last, first + 1), max(len(text), first + 1))
    shown, first, last = _window(text, first, last)
    pad, carets = _width(shown[:first]), max(_width(shown[first:last]), 1)
    gutter, bar = " " * len(number), style("|", DIM)
    lines = [f"  {number} {bar} {shown}", f"  {gutter} {bar} {' ' * pad}{style('^' * carets, CARET_STYLE)}"]
    return [f"  {gutter} {bar}", *lines] if number else lines


def _width(text: str) -> int:
    """Terminal columns: emoji and CJK take two, combining marks none, so carets line up."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _printable(text: str) -> str:
    """Post text may hold control characters (even ANSI escapes); never send them to a terminal."""
    return "".join("\ufffd" if unicodedata.category(c) == "Cc" and c != "\n" else c for c in text)


def _window(text: str, first: int, last: int) -> tuple[str, int, int]:
    """Clip a long line around ``[first, last)`` so the carets stay on screen."""
    if len(text) <= LONG_LINE:
        return text, first, last
    left, right = max(0, first - CONTEXT), min(len(text), last + CONTEXT)
    prefix = "…" if left else ""
    suffix = "…" if right < len(text) else ""
    shift = len(prefix) - left
    return f"{prefix}{text[left:right]}{suffix}", first + shift, last + shift


def _evidence(evidence: Evidence) -> str:
    # "health" + "health term" reads as "health term", not "health health term"
    if evidence.label and evidence.kind.casefold() not in evidence.label.casefold():
        parts = [evidence.kind, evidence.label]
    else:
        parts = [evidence.label or evidence.kind]
    if evidence.text:
        parts.append(f'"{evidence.text}"')
    origin = " ".join(p for p in (evidence.source, _score(evidence.score)) if p)
    if origin:
        parts.append(f"({origin})")
    return " ".join(parts)


def _score(score: float | None) -> str:
    return "" if score is None else f"{score:.2f}"


def _fix_label(suggestion: Suggestion) -> str:
    return f"fix ({suggestion.applicability.value}):"


def _edits(edits: Sequence[Edit], finding: Finding, source: str | None, masked: bool) -> str:
    return ", ".join(_edit(edit, finding, source, masked) for edit in edits)


def _edit(edit: Edit, finding: Finding, source: str | None, masked: bool) -> str:
    new = f'"{edit.replacement}"'
    if edit.start == edit.end:
        return f"insert {new} {_insertion_point(edit.start, finding)}"
    old = _old_text(edit, finding, source, masked)
    return f'"{old}" -> {new}' if old is not None else f"characters {edit.start}-{edit.end} -> {new}"


def _insertion_point(offset: int, finding: Finding) -> str:
    if offset == finding.range.start:
        return "before the match"
    if offset == finding.range.end:
        return "after the match"
    return f"at character {offset} of the post"


def _old_text(edit: Edit, finding: Finding, source: str | None, masked: bool) -> str | None:
    start, end = finding.range.start, finding.range.end
    if masked:
        return finding.matched_text if edit.start < end and start < edit.end else None
    if start <= edit.start and edit.end <= end:
        return finding.matched_text[edit.start - start:edit.end - start]
    if source is not None and edit.end <= len(source):
        return source[edit.start:edit.end]
    return None


def _format_problem(problem: Problem, style: _Styler) -> str:
    return f"{style(_printable(problem.path), BOLD)}: {style('error:', ERROR_STYLE)} {_printable(problem.message)}"


def _has_fix(finding: Finding, applicability: Applicability) -> bool:
    return any(s.is_fix and s.applicability is applicability for s in finding.suggestions)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}es" if noun.endswith("x") else f"{n} {noun}s"

