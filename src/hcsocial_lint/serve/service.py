"""What the server does, without HTTP: lint drafts and batches, apply chosen suggestions, document
rules, and show the organisation facts. One :class:`LintService` per server process.

The linter (its spaCy pipeline, Presidio analyzer and per-run state) is not documented as
thread-safe, so every call into it holds one lock: within a process, linting is serialised
and other requests (the page, health, rule docs) are served meanwhile. For parallel linting
run several worker processes (``hclint serve --workers N``), each with its own model.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .. import __version__
from ..config import POST_KINDS
from ..docs import rule_entry, rule_record
from ..fixes import EditableRegion, _overlaps, apply_edits
from ..linter import Linter
from ..model import Applicability, Edit, Finding, Post, Problem, Report
from ..reporting import ReportOptions, report_to_dict
from ..reporting.json_report import SCHEMA_VERSION
from ..sources import read_text_post
from ..sources.errors import InputError

DRAFT_PATH = "<draft>"
BATCH_PATH = "<batch>"


@dataclass(frozen=True)
class Draft:
    """One post to lint: its text and context."""

    text: str
    kind: str | None = None
    platform: str | None = None
    markdown: bool = False


@dataclass(frozen=True)
class Choice:
    """A suggestion the writer accepted: the finding (rule and range, as ``/v1/lint`` reported them
    on the same text) and the index of the suggestion among the finding's suggestions."""

    rule_id: str
    start: int
    end: int
    suggestion: int = 0


class LintService:
    """A loaded linter and the lock that serialises it."""

    def __init__(self, linter: Linter) -> None:
        self.linter = linter
        self._lock = threading.Lock()
        self._rules = {meta.id: meta for meta in linter.rule_metas}

    # ---------------------------------------------------------------- linting

    def warm_up(self) -> None:
        """Lint one short draft so that the first request does not pay for lazy set-up."""
        self.lint([Draft("Warm-up draft: our clinic opens at 9 on Monday.")], batch=False)

    def lint(self, drafts: Sequence[Draft], *, batch: bool, mask: bool = False) -> dict[str, Any]:
        """The JSON report (the shipped schema) of ``drafts``. In a batch each post is ``record`` N
        (1-based, in request order) of the path ``<batch>``; a single draft is ``<draft>``."""
        report = self._lint_report(drafts, batch=batch)
        return self.report_dict(report, mask=mask)

    def report_dict(self, report: Report, *, mask: bool = False) -> dict[str, Any]:
        options = ReportOptions(mask=mask, color=False, tool_version=__version__, rules=self._rules)
        return report_to_dict(report, options)

    def _lint_report(self, drafts: Sequence[Draft], *, batch: bool) -> Report:
        posts: list[Post] = []
        bad: list[Problem] = []
        settings = self.linter.settings
        for number, draft in enumerate(drafts, start=1):
            path = BATCH_PATH if batch else DRAFT_PATH
            try:
                post = self._post(draft, path)
            except InputError as exc:
                bad.append(Problem(f"{path}#{number}" if batch else path, str(exc)))
                continue
            posts.append(replace(post, record=number) if batch else post)
        with self._lock:
            report = self.linter.lint_posts(posts, [settings] * len(posts)) if posts else Report((), ())
        return replace(report, problems=(*bad, *report.problems), posts_checked=len(posts),
                       files_checked=1 if drafts else 0, notices=self.linter.notices)

    def _post(self, draft: Draft, path: str) -> Post:
        post = read_text_post(draft.text, self.linter.settings, kind=draft.kind, display_path=path,
                              file_format="markdown" if draft.markdown else "text")
        return replace(post, platform=draft.platform) if draft.platform else post

    # ---------------------------------------------------------------- fixing

    def fix_all(self, draft: Draft, *, unsafe: bool) -> dict[str, Any]:
        """Every fix ``hclint --fix`` would apply (``unsafe``: also the meaning-changing ones)."""
        with self._lock:
            outcome = self.linter.fix_text(draft.text, unsafe=unsafe, kind=draft.kind, path=DRAFT_PATH,
                                           markdown=draft.markdown)
        applied = [_finding_ref(f) for f in outcome.applied]
        not_applied = [{**_finding_ref(f), "reason": "it would edit text outside the post's prose"}
                       for f in outcome.refused]
        return self._fixed(draft, outcome.text, applied, not_applied)

    def fix_chosen(self, draft: Draft, choices: Sequence[Choice]) -> dict[str, Any]:
        """Apply the accepted suggestions, each whole or not at all, to the text they were found in."""
        post = self._post(draft, DRAFT_PATH)
        with self._lock:
            findings = self.linter.lint_posts([post], [self.linter.settings]).findings
        by_key: dict[tuple[str, int, int], Finding] = {(f.rule_id, f.range.start, f.range.end): f for f in findings}
        region = EditableRegion.of_post(post)
        chosen: list[Edit] = []
        applied: list[dict[str, Any]] = []
        not_applied: list[dict[str, Any]] = []
        for choice in choices:
            ref = {"rule_id": choice.rule_id, "start": choice.start, "end": choice.end, "suggestion": choice.suggestion}
            finding = by_key.get((choice.rule_id, choice.start, choice.end))
            reason = None
            if finding is None:
                reason = "no such finding in this text: lint it again and choose from the new findings"
            elif not 0 <= choice.suggestion < len(finding.suggestions):
                reason = f"the finding has {len(finding.suggestions)} suggestion(s)"
            else:
                suggestion = finding.suggestions[choice.suggestion]
                fresh = [e for e in suggestion.edits if e not in chosen]
                if suggestion.applicability is Applicability.DISPLAY or not suggestion.edits:
                    reason = "this suggestion is advice: rewrite the text by hand"
                elif not all(region.allows(e) for e in suggestion.edits):
                    reason = "it would edit text outside the post's prose"
                elif any(_overlaps(new, old) for new in fresh for old in chosen):
                    reason = "it overlaps another accepted suggestion: accept it again after this one"
                else:
                    chosen.extend(fresh)
                    applied.append(ref)
            if reason is not None:
                not_applied.append({**ref, "reason": reason})
        return self._fixed(draft, apply_edits(draft.text, chosen), applied, not_applied)

    def _fixed(self, draft: Draft, text: str, applied: list[dict[str, Any]],
               not_applied: list[dict[str, Any]]) -> dict[str, Any]:
        report = self._lint_report([replace(draft, text=text)], batch=False)
        return {"text": text, "changed": text != draft.text, "applied": applied, "not_applied": not_applied,
                "report": self.report_dict(report)}

    # ---------------------------------------------------------------- documentation and facts

    def rules(self) -> list[dict[str, Any]]:
        return [{**rule_entry(m), "summary": m.summary or m.message, "url": m.url} for m in self.linter.rule_metas]

    def rule(self, rule_id: str) -> dict[str, Any] | None:
        meta = self.linter.rule(rule_id)
        return rule_record(meta) if meta is not None else None

    def version(self) -> dict[str, Any]:
        model = self.linter.model
        return {"hclint": __version__, "api": "v1", "report_schema": SCHEMA_VERSION,
                "model": model.name, "model_version": model.version}

    def facts(self) -> dict[str, Any]:
        """Organisation facts from the server's configuration, for the page to show read-only."""
        settings = self.linter.settings
        claim = settings.family_options("claim")
        return {
            "organisation": _plain(settings.organisation),
            "approved_claims": _plain(claim.get("approved_claims", [])),
            "kinds": list(POST_KINDS),
            "config_file": settings.config_path.rsplit("/", 1)[-1] if settings.config_path else None,
        }


def _finding_ref(finding: Finding) -> dict[str, Any]:
    return {"rule_id": finding.rule_id, "start": finding.range.start, "end": finding.range.end}


def _plain(value: Any) -> Any:
    """Configuration values (frozen mappings, tuples) as JSON-ready data."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
