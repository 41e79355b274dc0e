"""The one place that hides PHI before a finding reaches an output.

A rule's message, a suggestion's description or an edit's replacement may quote the
post, so hiding ``matched_text`` alone is not enough: every quoted piece of the matched
text or of the evidence is replaced by a ``[CATEGORY]`` placeholder wherever it appears.
Findings of the same post share their secrets, because one finding's message may quote
what another finding matched. Matching ignores case and treats any run of whitespace as
equal, so "EMMA  Lopez" is hidden as well as "Emma Lopez".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..model import Edit, Evidence, Finding, Report, Suggestion

Secrets = Mapping[str, str]  # text to hide -> placeholder that replaces it
FALLBACK_PLACEHOLDER = "[REDACTED]"
# Capitalised words that start a matched phrase without naming anyone ("Our patient Emma").
_NOT_NAMES = frozenset(
    "a an the our my your his her their its we i this that these those dr mr mrs ms mx miss prof".split()
)


def placeholder(label: str) -> str:
    """``"person"`` -> ``"[PERSON]"``, ``"health term"`` -> ``"[HEALTH-TERM]"``."""
    cleaned = "-".join(label.upper().split())
    return f"[{cleaned}]" if cleaned else FALLBACK_PLACEHOLDER


def masked_text(finding: Finding) -> str:
    """What is shown instead of the finding's matched text, e.g. ``[PERSON]``."""
    return placeholder(finding.category or finding.family)


def secrets_of(finding: Finding) -> dict[str, str]:
    """The texts a finding could leak (evidence and matched text), each with its placeholder."""
    secrets: dict[str, str] = {}
    for evidence in finding.evidence:
        text = _normalise(evidence.text)
        if text:
            secrets.setdefault(text, placeholder(evidence.label or finding.category or finding.family))
    matched = _normalise(finding.matched_text)
    if matched:
        secrets[matched] = masked_text(finding)
    return secrets


def redact(text: str, secrets: Secrets) -> str:
    """Replace every occurrence of every secret in ``text``; the longest secret wins an overlap.

    A capitalised word of a longer secret (the "Emma" of "Emma Lopez") is hidden too, as a
    whole word, since a message may quote only a first name.
    """
    if not text or not secrets:
        return text
    alternatives: dict[str, tuple[str, str]] = {}  # key -> (regex, placeholder)
    for secret in sorted(secrets, key=len, reverse=True):
        alternatives.setdefault(_key(secret), (_flexible(secret), secrets[secret]))
    for secret in sorted(secrets, key=len, reverse=True):
        for word in _name_parts(secret):
            alternatives.setdefault(_key(word), (rf"(?<!\w){re.escape(word)}(?!\w)", secrets[secret]))
    ordered = sorted(alternatives.items(), key=lambda item: len(item[0]), reverse=True)
    pattern = re.compile("|".join(regex for _, (regex, _) in ordered), re.IGNORECASE)
    return pattern.sub(lambda match: alternatives.get(_key(match.group(0)), ("", FALLBACK_PLACEHOLDER))[1], text)


def mask_finding(finding: Finding, shared: Secrets | None = None) -> Finding:
    """A copy of ``finding`` with its matched text, evidence texts and every quotation of them hidden.

    ``shared`` adds secrets from other findings of the same post; the finding's own
    placeholders take precedence over them.
    """
    secrets = {**(shared or {}), **secrets_of(finding)}
    return replace(
        finding,
        matched_text=masked_text(finding),
        message=redact(finding.message, secrets),
        evidence=tuple(_mask_evidence(e, finding) for e in finding.evidence),
        suggestions=tuple(_mask_suggestion(s, secrets) for s in finding.suggestions),
    )


def mask_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Mask each finding with the secrets of every finding of the same post, keeping the order."""
    findings = tuple(findings)
    per_post: dict[tuple[str, int | None], dict[str, str]] = {}
    for finding in findings:
        per_post.setdefault((finding.path, finding.record), {}).update(secrets_of(finding))
    return tuple(mask_finding(f, per_post[(f.path, f.record)]) for f in findings)


def mask_report(report: Report) -> Report:
    """The report with every finding masked; problems and notices carry no post text and stay."""
    return replace(report, findings=mask_findings(report.findings))


def _mask_evidence(evidence: Evidence, finding: Finding) -> Evidence:
    if not evidence.text:
        return evidence
    return replace(evidence, text=placeholder(evidence.label or finding.category or finding.family))


def _mask_suggestion(suggestion: Suggestion, secrets: Secrets) -> Suggestion:
    return replace(
        suggestion,
        description=redact(suggestion.description, secrets),
        edits=tuple(Edit(e.start, e.end, redact(e.replacement, secrets)) for e in suggestion.edits),
    )


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _key(text: str) -> str:
    return _normalise(text).casefold()


def _name_parts(secret: str) -> list[str]:
    words = [word.strip(".,;:!?'\"()[]") for word in secret.split()]
    if len(words) < 2:
        return []
    return [w for w in words if len(w) > 1 and w[0].isupper() and w.casefold() not in _NOT_NAMES]


def _flexible(secret: str) -> str:
    return r"\s+".join(re.escape(word) for word in secret.split())
