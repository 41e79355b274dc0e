"""Turn findings' suggestions into a rewritten post: pick, validate, apply, diff.

The applier is deliberately conservative, in the way ruff's is: a suggestion is applied
whole or not at all, a suggestion that collides with one already chosen waits for the
next pass (after re-linting, its offsets are recomputed against the new text), and the
run loop stops when the text stops changing or starts repeating itself.

Offsets are ``str`` indices into the text the findings were computed on, end exclusive.
An insertion is an edit with ``start == end``; it goes *before* the character at
``start``, so an insertion at either end of a replacement touches it without overlapping.

Whatever a rule proposes, an edit may only change the post's prose (its
:class:`EditableRegion`): a suggestion with an edit that reaches into front matter, code or
markup is refused whole and reported, never applied. Rules compute offsets; this module is
the one place that decides what a fix may touch.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from .model import Applicability, Edit, Finding, Post, Suggestion


@dataclass(frozen=True)
class EditableRegion:
    """The sorted, disjoint ``(start, end)`` spans of a text that fixes may change.

    A replacement must lie inside one span, so it can neither cover protected text nor
    bridge two pieces of prose across it. An insertion may stand anywhere in a span or at
    either of its ends: before a code block, yes; at offset 0 ahead of front matter, no.
    """

    spans: tuple[tuple[int, int], ...]

    @classmethod
    def whole(cls, text: str) -> EditableRegion:
        return cls(((0, len(text)),))

    @classmethod
    def around(cls, length: int, protected: Iterable[tuple[int, int]]) -> EditableRegion:
        """Everything in ``[0, length)`` outside the ``protected`` spans."""
        spans: list[tuple[int, int]] = []
        cursor = 0
        for start, end in sorted(protected):
            if start > cursor:
                spans.append((cursor, start))
            cursor = max(cursor, end)
        if cursor < length or not spans and not protected:
            spans.append((cursor, length))
        return cls(tuple(spans))

    @classmethod
    def of_post(cls, post: Post) -> EditableRegion:
        return cls.around(len(post.original), post.protected)

    def allows(self, edit: Edit) -> bool:
        if edit.start == edit.end:
            return any(start <= edit.start <= end for start, end in self.spans)
        return any(start <= edit.start and edit.end <= end for start, end in self.spans)


@dataclass(frozen=True)
class FixPlan:
    """The edits chosen for one pass, and which findings they fix, had to defer or refused.

    ``edits`` are in application order: sorted by ``(start, end)``, ties (insertions at
    one offset) in the order they were chosen. ``skipped`` holds findings whose fix
    collided with an earlier choice; a later pass may apply it. ``refused`` holds findings
    whose fix would edit outside the editable region; no pass applies it.
    """

    edits: tuple[Edit, ...] = ()
    applied: tuple[Finding, ...] = ()
    skipped: tuple[Finding, ...] = ()
    refused: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class FixOutcome:
    """The fixed text, the findings whose fixes went into it, those left pending or refused.

    ``stable`` is False when the loop of :func:`fix_until_stable` gave up (pass limit
    reached, or the fixes oscillated) while fixes were still on offer. ``refused`` lists
    findings (of any pass) whose fix would have edited protected text.
    """

    text: str
    applied: tuple[Finding, ...] = ()
    skipped: tuple[Finding, ...] = ()
    stable: bool = True
    refused: tuple[Finding, ...] = ()


def _edit_key(edit: Edit) -> tuple[int, int]:
    # Not Edit's own ordering: that would also sort by replacement and so reorder
    # insertions at one offset, whose given order is meaningful.
    return (edit.start, edit.end)


def _overlaps(a: Edit, b: Edit) -> bool:
    """True when the edits touch the same text, including one nested in the other.

    Strict inequalities make shared boundaries harmless: ``2..5`` and ``5..8`` are
    adjacent, an insertion at 5 sits next to both, two insertions at 5 coexist, while an
    insertion at 3 lands inside ``2..5`` and collides with it.
    """
    return a.start < b.end and b.start < a.end


def _ordered(edits: Iterable[Edit]) -> list[Edit]:
    """Sort into application order and reject overlaps (the sort is stable)."""
    ordered = sorted(edits, key=_edit_key)
    # Sorted by (start, end), if no edit overlaps its predecessor the ends never
    # decrease, so checking neighbours is enough to rule out every overlap.
    for previous, edit in zip(ordered, ordered[1:]):
        if _overlaps(previous, edit):
            raise ValueError(f"overlapping edits {previous.start}..{previous.end} and {edit.start}..{edit.end}")
    return ordered


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits to ``text``, every offset meaning a place in ``text``.

    Equivalent to applying them one by one from the end (so no edit shifts another's
    offsets) but done as one join of untouched slices and replacements, in linear time.
    Raises ``ValueError`` on overlapping edits or an edit past the end of ``text``.
    """
    ordered = _ordered(edits)
    beyond = next((e for e in ordered if e.end > len(text)), None)
    if beyond is not None:
        raise ValueError(f"edit {beyond.start}..{beyond.end} is outside a text of length {len(text)}")
    pieces: list[str] = []
    cursor = 0
    for edit in ordered:
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _allowed(unsafe: bool) -> frozenset[Applicability]:
    return frozenset({Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE})


def _chosen_suggestion(finding: Finding, allowed: frozenset[Applicability]) -> Suggestion | None:
    """The finding's first suggestion that is a fix we may apply, if any."""
    return next((s for s in finding.suggestions if s.is_fix and s.applicability in allowed), None)


def select_fixes(findings: Sequence[Finding], unsafe: bool, region: EditableRegion | None = None) -> FixPlan:
    """Choose one fix per finding so that no two chosen edits overlap.

    Findings are taken in ``(range.start, rule_id)`` order so the plan does not depend on
    the order rules ran in. An edit identical to one already chosen (two rules proposing
    the same rewrite) is not a collision: it is applied once and both findings count as
    fixed. A suggestion whose own edits overlap is a rule bug and raises ``ValueError``.
    A suggestion with an edit that ``region`` does not allow is refused (see
    :class:`EditableRegion`); without a region every offset is allowed.
    """
    allowed = _allowed(unsafe)
    chosen: list[Edit] = []
    chosen_set: set[Edit] = set()
    applied: list[Finding] = []
    skipped: list[Finding] = []
    refused: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.range.start, f.rule_id)):
        suggestion = _chosen_suggestion(finding, allowed)
        if suggestion is None:
            continue
        if region is not None and not all(region.allows(e) for e in suggestion.edits):
            refused.append(finding)
            continue
        try:
            _ordered(suggestion.edits)
        except ValueError as exc:
            raise ValueError(f"rule {finding.rule_id} proposed a fix with {exc}") from None
        fresh = [e for e in suggestion.edits if e not in chosen_set]
        if any(_overlaps(new, old) for new in fresh for old in chosen):
            skipped.append(finding)
            continue
        chosen.extend(fresh)
        chosen_set.update(fresh)
        applied.append(finding)
    return FixPlan(tuple(sorted(chosen, key=_edit_key)), tuple(applied), tuple(skipped), tuple(refused))


def fix_text(text: str, findings: Sequence[Finding], unsafe: bool, region: EditableRegion | None = None) -> FixOutcome:
    """One pass: select fixes for ``findings`` (computed on ``text``) and apply them."""
    plan = select_fixes(findings, unsafe, region)
    return FixOutcome(apply_edits(text, plan.edits), plan.applied, plan.skipped, refused=plan.refused)


def fix_until_stable(
    text: str,
    lint: Callable[[str], Sequence[Finding]],
    unsafe: bool,
    max_passes: int = 10,
    region_of: Callable[[str], EditableRegion] | None = None,
) -> FixOutcome:
    """Lint, fix, re-lint, until no fix changes the text (at most ``max_passes`` fixes).

    Re-linting is what lets deferred (overlapping) fixes land and lets a rule see the
    result of another rule's fix. Two rules that undo each other would loop forever, so
    the loop also stops, without applying the pass, when the text would return to an
    earlier state; it then reports ``stable=False`` and the pass's findings as skipped.
    Fixes that leave the text as it was are not counted as applied. ``region_of`` gives
    each pass's text its editable region (recomputed, since fixes move the prose).
    """
    if max_passes < 0:
        raise ValueError("max_passes must not be negative")
    seen = {text}
    applied: list[Finding] = []
    refused: dict[tuple[str, str, int | None, int, int], Finding] = {}
    passes = 0
    while True:
        region = region_of(text) if region_of is not None else None
        plan = select_fixes(lint(text), unsafe, region)
        for finding in plan.refused:  # a finding refused again on a later pass is reported once
            refused.setdefault((finding.rule_id, finding.path, finding.record, finding.range.line,
                                finding.range.column), finding)
        outcome = partial(FixOutcome, refused=tuple(refused.values()))
        if not plan.edits:
            return outcome(text, tuple(applied), (), stable=True)
        pending = plan.applied + plan.skipped
        if passes >= max_passes:
            return outcome(text, tuple(applied), pending, stable=False)
        fixed = apply_edits(text, plan.edits)
        if fixed == text:
            return outcome(text, tuple(applied), (), stable=True)
        if fixed in seen:
            return outcome(text, tuple(applied), pending, stable=False)
        seen.add(fixed)
        applied.extend(plan.applied)
        text = fixed
        passes += 1


_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def _diff_lines(text: str) -> list[str]:
    """Split after each ``\\n`` only, as git and patch do.

    ``str.splitlines`` would also break at U+2028, form feeds and lone CRs, which can
    occur inside a social post and would give diff lines that patch cannot read. A CRLF
    line keeps its ``\\r`` so the diff shows the file's real line endings.
    """
    return _LINE.findall(text)


_NO_EOL = "\\ No newline at end of file\n"


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff from ``before`` to ``after`` with git-style ``a/`` ``b/`` headers.

    Returns "" when the texts are equal. A last line without a newline is followed by
    the usual ``\\ No newline at end of file`` marker, so the diff stays one line per line.
    """
    if before == after:
        return ""
    out: list[str] = []
    for line in difflib.unified_diff(_diff_lines(before), _diff_lines(after), f"a/{path}", f"b/{path}"):
        if line.endswith("\n"):  # headers always do: difflib ends them with lineterm
            out.append(line)
        else:
            out.append(line + "\n" + _NO_EOL)
    return "".join(out)
