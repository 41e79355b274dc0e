"""What a formatter may vary on, and which formats mask PHI unless told otherwise."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..model import EMPTY_MAPPING, RuleMeta

# Where each format's output usually ends up decides whether it masks by default:
# text goes to the writer's own terminal; JSON goes to tools the user controls (documented
# as unmasked unless --mask); SARIF and GitHub annotations land in dashboards and CI logs
# that many people read, so they mask unless --no-mask.
MASK_DEFAULTS: Mapping[str, bool] = {"text": False, "json": False, "sarif": True, "github": True}

SourceKey = tuple[str, int | None]


@dataclass(frozen=True, kw_only=True)
class ReportOptions:
    """Everything a formatter may depend on besides the report itself.

    ``rules`` (rule id -> meta) lets SARIF describe each rule fully; ``base_dir`` makes
    SARIF and GitHub paths relative to the repository root. ``sources`` maps
    ``(path, record)`` to the post's original text so that the text format can show the
    whole line around a finding; without it only the matched text is shown.
    """

    mask: bool
    color: bool
    tool_version: str
    show_fixes: bool = True
    rules: Mapping[str, RuleMeta] = field(default_factory=lambda: EMPTY_MAPPING, hash=False)
    base_dir: str | None = None
    sources: Mapping[SourceKey, str] = field(default_factory=lambda: EMPTY_MAPPING, hash=False)


def mask_default(format_name: str) -> bool:
    """Whether ``format_name`` masks by default; formats we do not know (plug-ins) mask, to be safe."""
    return MASK_DEFAULTS.get(format_name, True)
