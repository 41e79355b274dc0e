"""Report formatters: pure functions ``(report, options) -> str`` that know nothing of rules.

``FORMATTERS`` holds the built-in formats; plug-ins contribute more through the
``hclint_formatters`` hook and the caller passes them to ``render`` as ``extra``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..model import Report
from .github import format_github
from .json_report import finding_from_dict, finding_to_dict, format_json, load_report_schema, report_to_dict
from .masking import mask_finding, mask_findings, mask_free_text, mask_report, masked_text
from .options import MASK_DEFAULTS, ReportOptions, mask_default
from .sarif import format_sarif, sarif_log
from .text import format_text

Formatter = Callable[[Report, ReportOptions], str]

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
}


class UnknownFormat(ValueError):
    """Raised by ``render`` for a format no built-in or plug-in provides."""


def render(report: Report, format_name: str, options: ReportOptions, extra: Mapping[str, Formatter] | None = None) -> str:
    """Format ``report`` as ``format_name``; ``extra`` formatters (from plug-ins) may add or replace formats."""
    formatters = {**FORMATTERS, **(extra or {})}
    try:
        formatter = formatters[format_name]
    except KeyError:
        raise UnknownFormat(f"unknown format {format_name!r} (known: {', '.join(sorted(formatters))})") from None
    return formatter(report, options)


__all__ = [
    "FORMATTERS", "MASK_DEFAULTS", "Formatter", "ReportOptions", "UnknownFormat", "finding_from_dict",
    "finding_to_dict", "format_github", "format_json", "format_sarif", "format_text", "load_report_schema",
    "mask_default", "mask_finding", "mask_findings", "mask_free_text", "mask_report", "masked_text", "render", "report_to_dict",
    "sarif_log",
]
