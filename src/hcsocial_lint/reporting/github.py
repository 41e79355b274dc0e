"""GitHub Actions workflow commands, which GitHub turns into annotations on the pull request.

``::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=T::MESSAGE`` with GitHub's
escaping (``%``, CR, LF in the message; also ``:`` and ``,`` in properties). Columns are
given only for a single-line range, as GitHub only honours them there. A finding inside a
record of an export has no line in the file to point at, so it is annotated on the file
and its message starts with ``record N, line L, column C:``. CI logs are widely readable,
so this format masks PHI by default.
"""

from __future__ import annotations

from ..model import Finding, Problem, Report, Severity
from .masking import mask_report
from .options import ReportOptions
from .sarif import relative_path

COMMANDS = {Severity.CRITICAL: "error", Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def format_github(report: Report, options: ReportOptions) -> str:
    """One workflow command per finding, then one per problem."""
    shown = mask_report(report) if options.mask else report
    lines = [_finding_command(f, options) for f in shown.findings]
    lines.extend(_problem_command(p, options) for p in shown.problems)
    return "".join(f"{line}\n" for line in lines)


def escape_data(text: str) -> str:
    """Escape a command's message the way the Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value; ``:`` and ``,`` would otherwise end it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def _finding_command(finding: Finding, options: ReportOptions) -> str:
    r = finding.range
    properties: dict[str, object] = {"file": relative_path(finding.path, options.base_dir)}
    message = finding.message
    if finding.record is None:
        single_line = r.line == r.end_line
        properties["line"] = r.line
        if single_line:
            properties["col"] = r.column
        properties["endLine"] = r.end_line
        if single_line:
            properties["endColumn"] = r.end_column
    else:
        message = f"record {finding.record}, line {r.line}, column {r.column}: {message}"
    properties["title"] = f"{finding.rule_id} {finding.rule_name}"
    helps = [f"help: {s.description}" for s in finding.suggestions]
    return command(COMMANDS[finding.severity], properties, "\n".join([message, *helps]))


def _problem_command(problem: Problem, options: ReportOptions) -> str:
    if problem.path.startswith("<"):
        return command("error", {"title": f"hclint {problem.code}"}, f"{problem.path}: {problem.message}")
    return command("error", {"file": relative_path(problem.path, options.base_dir)}, problem.message)
