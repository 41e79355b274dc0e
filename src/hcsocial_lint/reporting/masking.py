"""The one place that hides PHI before a finding reaches an output.

A rule's message, a suggestion's description or an edit's replacement may quote the
post, so hiding ``matched_text`` alone is not enough: every quoted piece of the matched
text or of the evidence is replaced by a ``[CATEGORY]`` placeholder wherever it appears.
Findings of the same post share their secrets, because one finding's message may quote
what another finding matched. Matching ignores case and treats any run of whitespace as
equal, so "EMMA  Lopez" is hidden as well as "Emma Lopez"; it takes whole words only, so
hiding "refer" leaves "referring" readable.

Problems and notices are masked too. They are not findings, so no rule says what in them
is PHI; but whatever of the input they quote (a front-matter value, an export's field, a
CSV header) is quoted, so every quoted literal and every long unquoted number (an MRN, a
phone number; not a line, record, column or offset number) is replaced by ``[INPUT]``,
on top of the report's secrets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from ..model import MODEL_EVIDENCE, Edit, Evidence, Finding, Report, Suggestion

Secrets = Mapping[str, str]  # text to hide -> placeholder that replaces it
FALLBACK_PLACEHOLDER = "[REDACTED]"
INPUT_PLACEHOLDER = "[INPUT]"
_QUOTED = re.compile(r"'(?:[^'\\\n]|\\.)*'" + r'|"(?:[^"\\\n]|\\.)*"')
# A long number, unless our own messages put it there as a position ("line 12034").
_LONG_NUMBER = re.compile(r"(?<![\w.])(?<!line )(?<!record )(?<!column )(?<!offset )\d[\d-]{4,}(?![\w.])")
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


def evidence_placeholder(evidence: Evidence, finding: Finding) -> str:
    """What replaces a piece of evidence: its label names a category ("[HEALTH-TERM]"), except a learned
    opinion's, whose label is itself words of the post ("tuesday", "brother mateo") and so is hidden too."""
    if evidence.kind == MODEL_EVIDENCE:
        return placeholder("model feature")
    return placeholder(evidence.label or finding.category or finding.family)


def secrets_of(finding: Finding) -> dict[str, str]:
    """The texts a finding could leak (evidence, a learned opinion's feature words, the matched text), each
    with its placeholder."""
    secrets: dict[str, str] = {}
    for evidence in finding.evidence:
        quoted = (evidence.text, evidence.label) if evidence.kind == MODEL_EVIDENCE else (evidence.text,)
        for text in filter(None, map(_normalise, quoted)):
            secrets.setdefault(text, evidence_placeholder(evidence, finding))
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
    return replace_secrets(text, secrets, lambda _quoted, label: label)


def replace_secrets(text: str, secrets: Secrets, replacement: Callable[[str, str], str]) -> str:
    """``text`` with each occurrence of a secret (as :func:`redact` finds them) replaced by
    ``replacement(occurrence, placeholder)``: the one definition of what masking hides, shared
    by the result cache, which stores where each occurrence came from instead of the text."""
    if not text or not secrets:
        return text
    alternatives: dict[str, tuple[str, str]] = {}  # key -> (regex, placeholder)
    for secret in sorted(secrets, key=len, reverse=True):
        alternatives.setdefault(_key(secret), (_whole_words(secret), secrets[secret]))
    for secret in sorted(secrets, key=len, reverse=True):
        for word in _name_parts(secret):
            alternatives.setdefault(_key(word), (_whole_words(word), secrets[secret]))
    ordered = sorted(alternatives.items(), key=lambda item: len(item[0]), reverse=True)
    pattern = re.compile("|".join(regex for _, (regex, _) in ordered), re.IGNORECASE)
    return pattern.sub(lambda match: replacement(
        match.group(0), alternatives.get(_key(match.group(0)), ("", FALLBACK_PLACEHOLDER))[1]), text)


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
    """The report with every finding, problem and notice masked (``sources`` are dropped)."""
    secrets = report_secrets(report)
    return replace(
        report,
        findings=mask_findings(report.findings),
        problems=tuple(replace(p, message=mask_input_text(p.message, secrets)) for p in report.problems),
        notices=tuple(mask_input_text(n, secrets) for n in report.notices),
        sources={},
    )


def report_secrets(report: Report) -> dict[str, str]:
    """The secrets of every finding of the report, for text that belongs to no one finding."""
    secrets: dict[str, str] = {}
    for finding in report.findings:
        for text, label in secrets_of(finding).items():
            secrets.setdefault(text, label)
    return secrets


def mask_input_text(text: str, secrets: Secrets) -> str:
    """A problem's or notice's text with the secrets, quoted literals and long numbers hidden."""
    text = redact(text, secrets)
    text = _QUOTED.sub(INPUT_PLACEHOLDER, text)
    return _LONG_NUMBER.sub(INPUT_PLACEHOLDER, text)


def mask_free_text(text: str, report: Report) -> str:
    """Text shown beside a report (a ``--diff``) with every secret of the report hidden."""
    return redact(text, report_secrets(report))


def _mask_evidence(evidence: Evidence, finding: Finding) -> Evidence:
    hidden = evidence_placeholder(evidence, finding)
    if evidence.kind == MODEL_EVIDENCE:
        return replace(evidence, label=hidden, text=hidden if evidence.text else "")
    if not evidence.text:
        return evidence
    return replace(evidence, text=hidden)


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


def _whole_words(secret: str) -> str:
    """``secret`` as a regex that matches it only as whole words, any whitespace between them.

    The boundary is required only on a side where the secret begins or ends with a word
    character: "#covid19" or "(555) 123-4567" still match after a space or a bracket."""
    body = r"\s+".join(re.escape(word) for word in secret.split())
    before = r"(?<!\w)" if re.match(r"\w", secret) else ""
    after = r"(?!\w)" if re.search(r"\w$", secret) else ""
    return f"{before}{body}{after}"
