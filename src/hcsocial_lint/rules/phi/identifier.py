"""PHI003: a Safe Harbor identifier without the rest of a disclosure (at most a warning alone)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ...analysis import Analysis
from ...model import Applicability, Example, Hit, RuleMeta, Severity, Suggestion
from .assessment import Assessment, assess
from .explain import cue_evidence, deidentify, identifier_evidence, quote, role_evidence
from .identifiers import RECORD_KINDS, Identifier
from .rewrite import Replacement, apply_with_anonymizer

# Numbers that identify one person wherever they appear.
ALWAYS = frozenset({"US_SSN", "US_ITIN", "ACCOUNT_NUMBER", "IBAN_CODE", "CREDIT_CARD", "DEVICE_ID", "BIOMETRIC",
                    "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_NUMBER"})
# Numbers a practice also publishes about itself (its licence, its fax): only near a person.
NEAR_A_PERSON = frozenset({"LICENSE_NUMBER", "VEHICLE_ID", "US_DRIVER_LICENSE", "US_PASSPORT", "US_BANK_NUMBER",
                           "PHONE_NUMBER", "FAX_NUMBER", "EMAIL_ADDRESS"})
PRESIDIO_MIN = 0.5  # Presidio's generic number recognizers fire on many digit strings at low scores
_LABEL_BEFORE = regex.compile(
    r"(?:\(\s*)?\b(?:MRN|medical record(?: number| no\.?| #)?|chart(?: number| no\.?| #)|member(?: id| number)|subscriber id|"
    r"policy(?: number| no\.?)|(?:medicaid|medicare)(?: id| number)|account(?: number| no\.?| #)|acct\.?(?: no\.?| #)?|"
    r"serial(?: number| no\.?)?|s/n|ssn|social security(?: number)?|licen[cs]e(?: number| no\.?| #)?|plate)\s*[:#]?\s*$",
    regex.IGNORECASE)


@dataclass(frozen=True)
class SafeHarborIdentifier:
    meta: RuleMeta = field(default=RuleMeta(
        id="PHI003",
        name="safe-harbor-identifier",
        family="phi",
        severity=Severity.WARNING,
        message="a HIPAA Safe Harbor identifier appears in the post",
        citation="45 CFR 164.514(b)(2)(i)(A)-(R) (the eighteen Safe Harbor identifiers)",
        url="https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.514",
        summary="Finds identifiers that single out a person without the rest of a disclosure: medical record, "
                "health-plan, account and social security numbers, device serials, a phone or e-mail next to a "
                "person (warning), and a possible patient's name in a post about health that nothing ties to our "
                "care (info; warning for a sensitive category). A medical record or health-plan number next to "
                "health or care context is an error: such a number exists only because of care or payment.",
        rationale="Each of the eighteen Safe Harbor identifiers must be removed before health information counts as "
                  "de-identified. On its own an identifier is personal data hygiene; a medical record or health-plan "
                  "number together with health or care context is PHI by itself.",
        fix_safety="Unsafe: the fix deletes the number with its label, or generalises the name to 'a patient'.",
        examples=(
            Example("Throwback to little Oliver (MRN 004521) charming every nurse on the peds floor!", "fail"),
            Example("Found: a health insurance card (member ID XJH448812907) in our lobby. Call security.", "fail"),
            Example("Our nurse line is (555) 010-2000. Save it in your phone!", "pass"),
            Example("Reminder to staff: never post screenshots that show an MRN or a date of birth.", "pass"),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        assessment = assess(analysis)
        if assessment.authorization:
            return
        people = [p for p in assessment.people if p.may_be_patient]
        for ident in assessment.identifiers:
            if ident.kind in ALWAYS or (ident.kind in NEAR_A_PERSON and _near_person(assessment, ident, people)):
                if ident.recognizer in {"UsLicenseRecognizer", "UsBankRecognizer", "UsPassportRecognizer"} and ident.score < PRESIDIO_MIN:
                    continue
                if ident.kind in NEAR_A_PERSON and assessment.org.contact and _normal(ident.text) in _normal(assessment.org.contact):
                    continue
                yield self._identifier_hit(assessment, ident)
        if assessment.is_reply:
            return  # names in replies are PHI004's
        for tie in assessment.ties:
            if not tie.person.may_be_patient or tie.is_patient_of_ours or tie.own_sentence_health or not tie.health:
                continue
            sensitive = assessment.sensitive_of(tie.health)
            suggestion = deidentify(assessment, tie)
            yield Hit(
                tie.person.start, tie.person.end, category=tie.person.identifier.kind, score=tie.person.identifier.score,
                severity=Severity.WARNING if sensitive else Severity.INFO,
                message=(f"'{tie.person.text}' is named in a post about health ({quote(tie.health)}); make sure "
                         "nothing ties them to our care" + (f" ({quote(sensitive)} is a sensitive category)" if sensitive else "")),
                evidence=(identifier_evidence(tie.person.identifier), role_evidence(tie.person),
                          *(cue_evidence(c, "health") for c in tie.health)),
                suggestions=(suggestion,) if suggestion else (),
            )

    def _identifier_hit(self, assessment: Assessment, ident: Identifier) -> Hit:
        record = ident.kind in RECORD_KINDS
        escalate = record and assessment.has_health_context
        message = f"{ident.safe_harbor} '{ident.text}' identifies one person"
        if escalate:
            message += "; with the health or care context of this post it is PHI"
        return Hit(ident.start, ident.end, category=ident.kind, score=ident.score,
                   severity=Severity.ERROR if escalate else Severity.WARNING, message=message,
                   evidence=(identifier_evidence(ident),),
                   suggestions=tuple(s for s in (_remove(assessment.text, ident),) if s))


def _near_person(assessment: Assessment, ident: Identifier, people) -> bool:
    """A possible patient is named in the identifier's sentence."""
    sentence = assessment.analysis.sentence_at(ident.start)
    return any(sentence.start_char <= p.start < sentence.end_char for p in people)


def _normal(value: str) -> str:
    return regex.sub(r"\W", "", value.lower())


def _remove(text: str, ident: Identifier) -> Suggestion | None:
    start, end = ident.start, ident.end
    label = _LABEL_BEFORE.search(text[max(0, start - 40):start])
    if label:
        start -= len(text[max(0, ident.start - 40):ident.start]) - label.start()
    if text[start:start + 1] == "(" and text[end:end + 1] == ")":
        end += 1
    elif text[start:start + 1] != "(" and text[:start].rstrip().endswith("(") and text[end:end + 1] == ")":
        start = text[:start].rstrip().rfind("(")
        end += 1
    while start > 0 and text[start - 1] == " ":
        start -= 1
    _, edits = apply_with_anonymizer(text, [Replacement(start, end, "")])
    return Suggestion(f"Remove the {ident.safe_harbor.split(') ', 1)[-1]}", edits, Applicability.UNSAFE) if edits else None
