"""SARIF 2.1.0 for GitHub code scanning and other dashboards.

Choices worth knowing:

- Columns count Unicode code points (``run.columnKind`` says so), as everywhere in hclint.
- URIs are relative to ``options.base_dir`` with ``uriBaseId`` ``%SRCROOT%`` and forward
  slashes; a path outside it becomes an absolute ``file:`` URI.
- A finding in a record of an export (JSON, JSONL, CSV) has the record number in
  ``result.properties.record``; its region's lines and columns count inside that record's
  text, not the file, and ``properties.regionScope`` is ``"record"`` to say so.
- ``partialFingerprints["hclint/v1"]`` hashes rule id, path, record, the *masked* matched
  text and the occurrence index, so it is stable across runs and never carries PHI.
- Fixes use character offsets and are given only for files that are one post, since
  hclint never rewrites exports; when masked they carry masked text.
- Files that could not be linted are ``toolExecutionNotifications`` and make
  ``executionSuccessful`` false.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from ..model import Finding, Problem, Report, RuleMeta, Severity
from .masking import mask_report, masked_text
from .options import ReportOptions

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "hclint"
INFORMATION_URI = "https://pypi.org/project/hcsocial-lint/"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "hclint/v1"
LEVELS = {Severity.CRITICAL: "error", Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_WINDOWS_ABSOLUTE = re.compile(r"^[A-Za-z]:/")


def format_sarif(report: Report, options: ReportOptions) -> str:
    return json.dumps(sarif_log(report, options), indent=2, ensure_ascii=False) + "\n"


def sarif_log(report: Report, options: ReportOptions) -> dict[str, Any]:
    """The SARIF log as plain data: one run, rules for every rule that has a finding."""
    shown = mask_report(report) if options.mask else report
    rule_ids = sorted({f.rule_id for f in report.findings})
    rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    first_finding = {}
    for finding in report.findings:
        first_finding.setdefault(finding.rule_id, finding)
    rules = [_rule(first_finding[rule_id], options.rules.get(rule_id)) for rule_id in rule_ids]
    fingerprints = _fingerprints(report.findings, options.base_dir)
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": TOOL_NAME,
            "version": options.tool_version,
            "informationUri": INFORMATION_URI,
            "rules": rules,
        }},
        "invocations": [_invocation(shown, options.base_dir)],
        "columnKind": "unicodeCodePoints",
        "results": [
            _result(finding, rule_index[finding.rule_id], fingerprint, options)
            for finding, fingerprint in zip(shown.findings, fingerprints)
        ],
        "properties": {"masked": options.mask},
    }
    if report.rewrites:  # post-level suggestions: one whole suggested post (or advice) per flagged post
        from .json_report import rewrite_to_dict

        run["properties"]["postRewrites"] = [
            {**rewrite_to_dict(r, options.mask), "path": relative_path(r.path, options.base_dir)} for r in report.rewrites]
    base_uri = _directory_uri(options.base_dir)
    if base_uri:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": base_uri}}
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def relative_path(path: str, base_dir: str | None) -> str:
    """``path`` with forward slashes, relative to ``base_dir`` when it lies inside it."""
    posix = path.replace("\\", "/")
    if _is_absolute(posix):
        base = (base_dir or "").replace("\\", "/").rstrip("/")
        if not base or not posix.startswith(base + "/"):
            return posix
        posix = posix[len(base) + 1:]
    while posix.startswith("./"):
        posix = posix[2:]
    return posix


def artifact_location(path: str, base_dir: str | None) -> dict[str, str]:
    """A SARIF artifactLocation: relative to ``%SRCROOT%`` when possible, else an absolute file URI."""
    relative = relative_path(path, base_dir)
    if _is_absolute(relative):
        return {"uri": _file_uri(relative)}
    return {"uri": quote(relative, safe="/"), "uriBaseId": SRCROOT}


def fingerprint(finding: Finding, uri: str, occurrence: int) -> str:
    """A stable identity for a finding that never includes the raw matched text."""
    record = "" if finding.record is None else str(finding.record)
    material = "\0".join((finding.rule_id, uri, record, masked_text(finding), str(occurrence)))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _fingerprints(findings: tuple[Finding, ...], base_dir: str | None) -> list[str]:
    seen: Counter[tuple[str, str, int | None, str]] = Counter()
    prints = []
    for finding in findings:
        uri = artifact_location(finding.path, base_dir)["uri"]
        key = (finding.rule_id, uri, finding.record, masked_text(finding))
        prints.append(fingerprint(finding, uri, seen[key]))
        seen[key] += 1
    return prints


def _rule(finding: Finding, meta: RuleMeta | None) -> dict[str, Any]:
    name = meta.name if meta else finding.rule_name
    short = (meta.summary or meta.message) if meta else finding.rule_name
    full = (meta.rationale or meta.summary or meta.message) if meta else short
    citation = meta.citation if meta else finding.citation
    url = meta.url if meta else finding.url
    default = meta.severity if meta else finding.severity
    family = meta.family if meta else finding.family
    help_parts = [full]
    if meta and meta.fix_safety:
        help_parts.append(f"Fix safety: {meta.fix_safety}")
    help_parts.append(f"Citation: {citation}")
    descriptor: dict[str, Any] = {
        "id": finding.rule_id,
        "name": name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": "\n\n".join(help_parts)},
        "defaultConfiguration": {"level": LEVELS[default]},
        "properties": {"tags": [family], "family": family, "citation": citation},
    }
    if url:
        descriptor["helpUri"] = url
    return descriptor


def _result(finding: Finding, rule_index: int, print_: str, options: ReportOptions) -> dict[str, Any]:
    r = finding.range
    location = artifact_location(finding.path, options.base_dir)
    properties: dict[str, Any] = {
        "family": finding.family,
        "severity": finding.severity.value,
        "category": finding.category,
    }
    if finding.record is not None:
        properties["record"] = finding.record
        properties["regionScope"] = "record"
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": location,
            "region": {"startLine": r.line, "startColumn": r.column, "endLine": r.end_line, "endColumn": r.end_column},
        }}],
        "partialFingerprints": {FINGERPRINT_KEY: print_},
        "properties": properties,
    }
    fixes = _fixes(finding, location) if options.show_fixes and finding.record is None else []
    if fixes:
        result["fixes"] = fixes
    return result


def _fixes(finding: Finding, location: Mapping[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "description": {"text": suggestion.description},
            "artifactChanges": [{
                "artifactLocation": dict(location),
                "replacements": [
                    {"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                     "insertedContent": {"text": e.replacement}}
                    for e in suggestion.edits
                ],
            }],
            "properties": {"applicability": suggestion.applicability.value},
        }
        for suggestion in finding.suggestions
        if suggestion.is_fix
    ]


def _invocation(report: Report, base_dir: str | None) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": not report.problems}
    if report.problems:
        invocation["toolExecutionNotifications"] = [_notification(p, base_dir) for p in report.problems]
    if report.notices:
        invocation["toolConfigurationNotifications"] = [
            {"level": "note", "message": {"text": notice}} for notice in dict.fromkeys(report.notices)
        ]
    return invocation


def _notification(problem: Problem, base_dir: str | None) -> dict[str, Any]:
    notification: dict[str, Any] = {
        "level": "error",
        "message": {"text": f"{problem.path}: {problem.message}"},
        "descriptor": {"id": problem.code},
    }
    if not problem.path.startswith("<"):
        notification["locations"] = [{"physicalLocation": {"artifactLocation": artifact_location(problem.path, base_dir)}}]
    return notification


def _is_absolute(posix_path: str) -> bool:
    return posix_path.startswith("/") or bool(_WINDOWS_ABSOLUTE.match(posix_path))


def _file_uri(posix_path: str) -> str:
    if _WINDOWS_ABSOLUTE.match(posix_path):
        return PureWindowsPath(posix_path).as_uri()
    return PurePosixPath(posix_path).as_uri()


def _directory_uri(base_dir: str | None) -> str | None:
    if not base_dir:
        return None
    posix = base_dir.replace("\\", "/")
    if not _is_absolute(posix):
        return None
    return _file_uri(posix).rstrip("/") + "/"
