"""Evidence for findings (which identifier, which health term, which care cue, which recognizer,
what score) and the de-identifying rewrite several PHI rules offer."""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Applicability, Evidence, Suggestion
from .assessment import Assessment, Tie
from .identifiers import Identifier
from .people import Person
from .rewrite import DEFAULT_REPLY_TEMPLATE, Replacement, apply_with_anonymizer, detail_replacement, fill_template, person_replacements, tidy, whole_text
from .signals import Cue, sensitive_reason

MAX_QUOTED = 3


def identifier_evidence(ident: Identifier) -> Evidence:
    return Evidence("identifier", ident.kind, ident.text, ident.start, ident.end,
                    ident.recognizer or "recognizer", round(ident.score, 3))


def cue_evidence(cue: Cue, kind: str) -> Evidence:
    label = cue.label
    reason = sensitive_reason(label)
    if kind == "health" and reason:
        kind = "sensitive"
    return Evidence(kind, label, cue.text, cue.start, cue.end, cue.source)


def role_evidence(person: Person) -> Evidence:
    return Evidence("context", "role", f"{person.role}: {person.reason}", None, None, "phi.people")


def authorization_evidence(reference: str) -> Evidence:
    return Evidence("authorization", "hipaa_authorization", reference, None, None, "front matter")


def quote(cues: Iterable[Cue | Identifier]) -> str:
    """"'chemo', 'ICU'" — at most a few, in text order, each once."""
    seen: list[str] = []
    for cue in sorted(cues, key=lambda c: c.start):
        text = cue.text.strip()
        if text.lower() not in {s.lower() for s in seen}:
            seen.append(text)
    shown = ", ".join(f"'{t}'" for t in seen[:MAX_QUOTED])
    return shown + (f" and {len(seen) - MAX_QUOTED} more" if len(seen) > MAX_QUOTED else "")


def tie_evidence(tie: Tie) -> tuple[Evidence, ...]:
    evidence = [identifier_evidence(m.identifier) for m in tie.mentions]
    evidence.append(role_evidence(tie.person))
    evidence += [cue_evidence(c, "health") for c in tie.health]
    evidence += [cue_evidence(c, "relationship") for c in tie.relationship]
    evidence += [identifier_evidence(d) for d in tie.details]
    return tuple(evidence)


def deidentify(assessment: Assessment, tie: Tie) -> Suggestion | None:
    """Replace every mention of the person with a generic phrase and drop their details."""
    text = assessment.text
    replacements: list[Replacement] = []
    for mention in tie.mentions:
        replacements += person_replacements(text, mention.start, mention.end, mention.identifier.kind)
    for detail in tie.details:
        item = detail_replacement(text, detail)
        if item is not None:
            replacements.append(item)
    _, edits = apply_with_anonymizer(text, tidy(replacements, text))
    if not edits:
        return None
    dropped = " and drop the date, room or age details" if tie.details else ""
    return Suggestion(f"Remove what identifies the person: generalise the name to 'a patient'{dropped}",
                      edits, Applicability.UNSAFE)


def drop_details(assessment: Assessment, details: Iterable[Identifier]) -> Suggestion | None:
    replacements = [r for r in (detail_replacement(assessment.text, d) for d in details) if r is not None]
    _, edits = apply_with_anonymizer(assessment.text, tidy(replacements, assessment.text))
    if not edits:
        return None
    return Suggestion("Drop the detail that singles the person out (room, date of care, age, place)", edits,
                      Applicability.UNSAFE)


AUTHORIZE = Suggestion(
    "Or keep the story only with the patient's written HIPAA authorization (45 CFR 164.508) and record it "
    "in the draft's front matter as `hipaa_authorization: <reference>`", (), Applicability.DISPLAY)


def reply_template(assessment: Assessment) -> Suggestion | None:
    """Replace the whole reply with the privacy-safe template (contact from organisation.contact)."""
    span = whole_text(assessment.text)
    if span is None:
        return None
    template = fill_template(assessment.options.reply_template, assessment.org.contact)
    if assessment.kind != "review-reply" and assessment.options.reply_template == DEFAULT_REPLY_TEMPLATE:
        # a comment may be a question, not feedback: the default reply opens to suit it
        template = template.replace("Thank you for your feedback.", "Thank you for reaching out.", 1)
    _, edits = apply_with_anonymizer(assessment.text, [Replacement(span[0], span[1], template)])
    return Suggestion("Replace the reply with a response that neither confirms nor denies care and moves the "
                      "conversation offline", edits, Applicability.UNSAFE)

