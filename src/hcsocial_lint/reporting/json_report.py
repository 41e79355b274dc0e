"""The machine-readable report: the single path from findings to JSON and back.

The shape is fixed by ``hcsocial_lint/schema/report.schema.json`` (shipped in the wheel);
``SCHEMA_VERSION`` changes whenever that shape does. The output is unmasked unless the
options ask for masking, because it goes to tools the user runs. Suggestions are always
included, whatever ``show_fixes`` says: this output is data, not a display.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from typing import Any

from ..model import Applicability, Edit, Evidence, Finding, Problem, Report, Severity, Suggestion, TextRange
from .masking import mask_report
from .options import ReportOptions

SCHEMA_VERSION = "1.0"
SCHEMA_RESOURCE = "schema/report.schema.json"
TOOL_NAME = "hclint"


def format_json(report: Report, options: ReportOptions) -> str:
    """The report as indented JSON; non-ASCII text stays readable rather than ``\\u``-escaped."""
    return json.dumps(report_to_dict(report, options), indent=2, ensure_ascii=False) + "\n"


def report_to_dict(report: Report, options: ReportOptions) -> dict[str, Any]:
    """The report as plain data valid against the shipped schema, masked if ``options.mask``."""
    shown = mask_report(report) if options.mask else report
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": options.tool_version},
        "masked": options.mask,
        "summary": summary_dict(report),
        "findings": [finding_to_dict(f) for f in shown.findings],
        "problems": [problem_to_dict(p) for p in shown.problems],
        "notices": list(dict.fromkeys(shown.notices)),
        "posts": [{"path": m.path, "record": m.record, "metrics": dict(m.metrics)} for m in report.post_metrics],
        **({"rewrites": [rewrite_to_dict(r, options.mask) for r in report.rewrites]} if report.rewrites else {}),
    }


def rewrite_to_dict(rewrite: Any, mask: bool) -> dict[str, Any]:
    """A post-level rewrite as plain data; its text is withheld when the report is masked."""
    return {"path": rewrite.path, "record": rewrite.record, **rewrite.to_dict(),
            **({"text": None} if mask else {})}


def summary_dict(report: Report) -> dict[str, int]:
    counts = {severity.value: 0 for severity in sorted(Severity, reverse=True)}
    for finding in report.findings:
        counts[finding.severity.value] += 1
    return {
        "findings": len(report.findings),
        **counts,
        "files_checked": report.files_checked,
        "posts_checked": report.posts_checked,
        "fixable": sum(1 for f in report.findings if f.fixable),
        "fixed": report.fixed,
        "problems": len(report.problems),
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One finding as plain data, exactly as it is (mask it first if it must not show PHI)."""
    r = finding.range
    return {
        "rule_id": finding.rule_id,
        "rule_name": finding.rule_name,
        "family": finding.family,
        "severity": finding.severity.value,
        "message": finding.message,
        "path": finding.path,
        "record": finding.record,
        "range": {
            "start": r.start, "end": r.end, "line": r.line, "column": r.column,
            "end_line": r.end_line, "end_column": r.end_column,
        },
        "matched_text": finding.matched_text,
        "category": finding.category,
        "citation": finding.citation,
        "url": finding.url,
        "score": finding.score,
        "metrics": dict(finding.metrics),
        "evidence": [_evidence_to_dict(e) for e in finding.evidence],
        "suggestions": [_suggestion_to_dict(s) for s in finding.suggestions],
    }


def finding_from_dict(data: Mapping[str, Any]) -> Finding:
    """The inverse of ``finding_to_dict``: ``finding_from_dict(finding_to_dict(f)) == f``."""
    return Finding(
        rule_id=data["rule_id"],
        rule_name=data["rule_name"],
        family=data["family"],
        severity=Severity(data["severity"]),
        message=data["message"],
        path=data["path"],
        range=TextRange(**{k: data["range"][k] for k in ("start", "end", "line", "column", "end_line", "end_column")}),
        matched_text=data["matched_text"],
        category=data["category"],
        citation=data["citation"],
        record=data.get("record"),
        url=data.get("url"),
        suggestions=tuple(_suggestion_from_dict(s) for s in data.get("suggestions", ())),
        evidence=tuple(Evidence(**e) for e in data.get("evidence", ())),
        score=data.get("score"),
        metrics=dict(data.get("metrics", {})),
    )


def problem_to_dict(problem: Problem) -> dict[str, str]:
    return {"path": problem.path, "message": problem.message, "code": problem.code}


def problem_from_dict(data: Mapping[str, Any]) -> Problem:
    return Problem(data["path"], data["message"], data.get("code", "E-INPUT"))


def load_report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``format_json``'s output, read from the installed package."""
    text = resources.files("hcsocial_lint").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)


def _evidence_to_dict(evidence: Evidence) -> dict[str, Any]:
    return {
        "kind": evidence.kind, "label": evidence.label, "text": evidence.text, "start": evidence.start,
        "end": evidence.end, "source": evidence.source, "score": evidence.score,
    }


def _suggestion_to_dict(suggestion: Suggestion) -> dict[str, Any]:
    return {
        "description": suggestion.description,
        "applicability": suggestion.applicability.value,
        "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in suggestion.edits],
    }


def _suggestion_from_dict(data: Mapping[str, Any]) -> Suggestion:
    return Suggestion(
        description=data["description"],
        edits=tuple(Edit(e["start"], e["end"], e["replacement"]) for e in data.get("edits", ())),
        applicability=Applicability(data["applicability"]),
    )
