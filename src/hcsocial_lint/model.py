"""The data that crosses layer boundaries: posts, findings, suggestions, rule metadata.

Everything here is a frozen dataclass so that a finding produced by a rule cannot be
altered by a formatter, and so that results can be cached, compared and serialised.
Offsets are Python ``str`` indices (code points), end exclusive; lines and columns
are 1-based and count code points, as SARIF's default ``columnKind`` does.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

EMPTY_MAPPING: Mapping[str, Any] = MappingProxyType({})


class Severity(enum.Enum):
    """How bad a finding is. Ordered: ``critical > error > warning > info``.

    The domain catalogue speaks of critical/high/medium/low; we map high to ``error``,
    medium to ``warning`` and low to ``info`` so that the words match other linters.
    """

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __lt__(self, other: Severity) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: Severity) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        normalised = str(value).strip().lower()
        aliases = {"high": "error", "medium": "warning", "low": "info", "note": "info", "warn": "warning"}
        normalised = aliases.get(normalised, normalised)
        try:
            return cls(normalised)
        except ValueError:
            choices = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {choices})") from None


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2, Severity.CRITICAL: 3}


class Applicability(enum.Enum):
    """Whether a suggestion may be applied automatically (the ruff model)."""

    SAFE = "safe"  # keeps the meaning; applied by --fix
    UNSAFE = "unsafe"  # may change the meaning; applied only with --unsafe-fixes
    DISPLAY = "display"  # shown to the writer, never applied (e.g. "rewrite the whole reply")


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` of the post with ``replacement``."""

    start: int
    end: int
    replacement: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid edit range {self.start}..{self.end}")


@dataclass(frozen=True)
class Suggestion:
    """A proposed rewrite: a human description plus the edits that carry it out."""

    description: str
    edits: tuple[Edit, ...] = ()
    applicability: Applicability = Applicability.UNSAFE

    @property
    def is_fix(self) -> bool:
        return bool(self.edits) and self.applicability is not Applicability.DISPLAY


# The evidence kind of a learned second opinion (rules/second_opinion.py): its label is a feature read off the
# post ("tuesday", "brother mateo"), not a category, so masking hides it as well.
MODEL_EVIDENCE = "model"


@dataclass(frozen=True)
class Evidence:
    """One reason a rule fired, in the spirit of Presidio's AnalysisExplanation.

    ``kind`` says what the piece of evidence is ("identifier", "health", "relationship",
    "pattern", "context"), ``label`` what was recognised (PERSON, "condition", ...),
    ``text``/``start``/``end`` where, ``source`` which recognizer or pattern, ``score``
    its confidence when the source gives one.
    """

    kind: str
    label: str
    text: str = ""
    start: int | None = None
    end: int | None = None
    source: str = ""
    score: float | None = None


@dataclass(frozen=True)
class Hit:
    """What a rule reports about one post, before the engine places it in a file.

    Offsets are into ``Post.text``. ``category`` is what ``--mask`` shows instead of the
    matched text (e.g. ``PERSON`` or ``CURE-CLAIM``); it defaults to the rule's family.
    """

    start: int
    end: int
    message: str | None = None
    suggestions: tuple[Suggestion, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    severity: Severity | None = None
    category: str | None = None
    score: float | None = None
    metrics: Mapping[str, float] = field(default_factory=lambda: EMPTY_MAPPING, hash=False)


@dataclass(frozen=True)
class Example:
    """A rule example that doubles as a test: ``fail`` must fire, ``pass`` must not.

    ``fixed`` (optional) is the text expected after applying the rule's fixes
    (safe and unsafe) to a ``fail`` example. ``kind`` and ``metadata`` set the post's
    context (e.g. ``review-reply``).
    """

    text: str
    expect: str  # "fail" | "pass"
    fixed: str | None = None
    kind: str = "post"
    metadata: Mapping[str, Any] = field(default_factory=lambda: EMPTY_MAPPING, hash=False)


@dataclass(frozen=True)
class RuleMeta:
    """Everything a reader (and ``hclint rule ID``) needs to know about a rule."""

    id: str
    name: str
    family: str
    severity: Severity
    message: str
    citation: str
    summary: str = ""
    rationale: str = ""
    fix_safety: str = ""
    url: str | None = None
    examples: tuple[Example, ...] = ()
    fixable: bool = False
    kinds: tuple[str, ...] = ()  # post kinds the rule applies to; empty = all kinds
    needs_model: bool = False  # True when the rule is blind without a spaCy model
    source: str = "builtin"  # pack file or plug-in that provided the rule


@dataclass(frozen=True)
class TextRange:
    """A range in a post, with its place in the file that holds it."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Finding:
    """A rule's verdict on a piece of a post, placed in its file. Serialises to the JSON schema."""

    rule_id: str
    rule_name: str
    family: str
    severity: Severity
    message: str
    path: str
    range: TextRange
    matched_text: str
    category: str
    citation: str
    record: int | None = None
    url: str | None = None
    suggestions: tuple[Suggestion, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    score: float | None = None
    metrics: Mapping[str, float] = field(default_factory=lambda: EMPTY_MAPPING, hash=False)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.record or 0, self.range.line, self.range.column, self.rule_id)

    @property
    def fixable(self) -> bool:
        return any(s.is_fix for s in self.suggestions)

    def to_dict(self) -> dict[str, Any]:
        """This finding as an item of the JSON report's ``findings`` (see the report schema)."""
        from .reporting.json_report import finding_to_dict

        return finding_to_dict(self)


@dataclass(frozen=True)
class Problem:
    """A file or configuration that could not be linted (one line, never a traceback)."""

    path: str
    message: str
    code: str = "E-INPUT"  # E-INPUT, E-CONFIG, E-PACK, E-PLUGIN, E-RULE, E-FIX

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Suppression:
    """An inline ``hclint-disable`` comment: which rules, over which lines of the post text.

    ``selectors`` empty means every rule. ``comment_line`` is where the comment itself
    stands, so that an unused suppression can be reported there.
    """

    selectors: tuple[str, ...]
    first_line: int
    last_line: int
    comment_line: int
    comment_column: int = 1


@dataclass(frozen=True)
class Post:
    """One draft to lint.

    ``text`` is what rules read: the post with everything that is not prose (front matter,
    code, link URLs, HTML comments) replaced by spaces, so it has exactly the length and
    line structure of ``original``. Fixes edit ``original`` at the same offsets. Lines and
    columns are counted in ``original``; for a record of an export they are counted inside
    that record's text and ``record`` (1-based) says which record.

    ``protected`` holds the sorted, disjoint ``(start, end)`` spans of ``original`` that are
    not the post's prose (the spans blanked in ``text``). A fix that touches one is refused,
    since it would rewrite front matter, code or a link target the writer did not draft as
    prose.
    """

    text: str
    original: str
    path: str = "<text>"
    kind: str = "post"
    platform: str | None = None
    record: int | None = None
    file_format: str = "text"
    metadata: Mapping[str, Any] = field(default_factory=lambda: EMPTY_MAPPING, hash=False)
    suppressions: tuple[Suppression, ...] = ()
    protected: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if len(self.text) != len(self.original):
            raise ValueError("Post.text must have the length of Post.original")


@dataclass(frozen=True)
class PostMetrics:
    """Measurements of one post that are reported whether or not a rule fired (e.g. tone_score)."""

    path: str
    record: int | None
    metrics: Mapping[str, float] = field(default_factory=lambda: EMPTY_MAPPING, hash=False)


@dataclass(frozen=True)
class Report:
    """The result of one run: findings sorted by position, and inputs that could not be linted."""

    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...] = ()
    files_checked: int = 0
    posts_checked: int = 0
    fixed: int = 0
    notices: tuple[str, ...] = ()  # one-off remarks, e.g. what the no-model mode cannot detect
    post_metrics: tuple[PostMetrics, ...] = ()  # per-post measurements from rules with a measure()
    # (path, record) -> original text of each post with findings, so the text format can show context
    sources: Mapping[tuple[str, int | None], str] = field(default_factory=lambda: EMPTY_MAPPING, hash=False,
                                                          compare=False, repr=False)
    # post-level rewrites (``hcsocial_lint.rewriting.PostRewrite``), when asked for (--rewrites)
    rewrites: tuple[Any, ...] = field(default=(), hash=False, compare=False, repr=False)

    def to_dict(self, mask: bool = False) -> dict[str, Any]:
        """The whole report as the versioned JSON document (``--format json``)."""
        from . import __version__
        from .reporting import ReportOptions
        from .reporting.json_report import report_to_dict

        return report_to_dict(self, ReportOptions(mask=mask, color=False, tool_version=__version__))
