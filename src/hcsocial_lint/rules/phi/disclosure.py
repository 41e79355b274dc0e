"""PHI001: an identifiable person tied to their health and to our care of them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ...analysis import Analysis
from ...model import Example, Hit, RuleMeta, Severity
from .assessment import POST_KINDS, Tie, assess
from .explain import AUTHORIZE, deidentify, quote, tie_evidence
from .identifiers import STRONG
from .people import PATIENT


@dataclass(frozen=True)
class DisclosureTriad:
    meta: RuleMeta = field(default=RuleMeta(
        id="PHI001",
        name="disclosure-triad",
        family="phi",
        severity=Severity.CRITICAL,
        message="an identifiable person is tied to health information and to our care: this discloses PHI",
        citation="45 CFR 160.103 (protected health information); 45 CFR 164.502(a) (uses and disclosures); "
                 "45 CFR 164.508(a)(3) (authorization for marketing)",
        url="https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.502",
        summary="Finds a post that identifies a person (name, nickname, initials, @handle, #NameStrong) and ties "
                "them to our care (\"our patient\", \"came in for\", \"discharged\", \"in our NICU\" with a "
                "diagnosis) or to health information about them. Staff, volunteers, public figures in the "
                "news, guests and the author's own relatives are not treated as patients, and names that are brands, "
                "platforms, microbes, drugs or places are not people. A tie is read from the sentence that names the "
                "person and the sentences that refer back to them, never from co-occurrence in the post.",
        rationale="That an identifiable person is or was our patient is itself PHI, and so is anything about their "
                  "health we learned in caring for them; posting it needs their written authorization. Severity "
                  "follows the combination: identifier + health in the same sentence is a warning (an error for a "
                  "sensitive category), identifier + care is an error, identifier + care + health is critical. OCR: Elite Dental "
                  "(2019), New Vision Dental (2022), Cadia Healthcare (2025, $182,000 for patient 'success stories').",
        fix_safety="Unsafe: the fix replaces the person with 'a patient' and drops dates, rooms and ages tied to "
                   "them, which changes what the post says; whether the rest still identifies them (a small town, "
                   "a news event) needs a human. Alternatively get written authorization and add "
                   "`hipaa_authorization` to the front matter.",
        examples=(
            Example("So proud of our patient Emma Lopez, who finished chemo at our clinic this week!", "fail"),
            Example("Get well soon, Mr. Hargrove! Our cardiac team is rooting for you after your bypass surgery.",
                    "fail", fixed="Get well soon! Our cardiac team is rooting for you after your bypass surgery."),
            Example("Chemotherapy side effects can often be managed; talk with your care team.", "pass"),
            Example("Meet Dr. Maria Chen, who joins our oncology team this month.", "pass"),
            Example("My grandmother had breast cancer twice, and that's why I walk every year.", "pass"),
            Example("The Moderna and Novavax boosters are both available at our clinic for people with asthma.", "pass"),
            Example("So proud of our patient Emma Lopez, who finished chemo at our clinic this week!", "pass",
                    metadata={"hipaa_authorization": "AUTH-2025-0142"}),
        ),
        fixable=True,
        kinds=POST_KINDS,
        needs_model=False,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        assessment = assess(analysis)
        if assessment.authorization:
            return  # PHI006 lists what the authorization must cover
        for tie in assessment.ties:
            severity, message = _grade(tie, assessment.sensitive_of(tie.health))
            if severity is None:
                continue
            if tie.person.identifier.score < STRONG:
                severity = Severity.WARNING
                message += " (the name is uncertain: one capitalised word at the start of a sentence)"
            severity, message = assessment.permitted(severity, message)
            person = tie.person
            suggestion = deidentify(assessment, tie)
            yield Hit(
                person.start, person.end, message=message, severity=severity,
                evidence=tie_evidence(tie), category=person.identifier.kind, score=person.identifier.score,
                suggestions=tuple(s for s in (suggestion, AUTHORIZE) if s is not None),
            )


def _grade(tie: Tie, sensitive) -> tuple[Severity | None, str]:
    who = f"'{tie.person.text}'"
    if tie.person.role == PATIENT:
        care = f"called our patient ({tie.person.reason.split('(', 1)[-1].rstrip(')')})"
    else:
        care = f"tied to our care ({quote(tie.relationship)})" if tie.relationship else ""
    extra = f"; {quote(sensitive)} is a sensitive category" if sensitive else ""
    if tie.is_patient_of_ours and tie.health:
        return Severity.CRITICAL, (f"{who} is {care}, and the post gives health information about them "
                                   f"({quote(tie.health)}){extra}: this discloses PHI")
    if tie.is_patient_of_ours:
        return Severity.ERROR, f"{who} is {care}: that someone is our patient is itself PHI"
    if tie.own_sentence_health:
        handle = tie.person.identifier.kind == "SOCIAL_HANDLE"  # tagged accounts are mostly agencies and reporters
        severity = Severity.ERROR if sensitive and not handle else Severity.WARNING
        return severity, (f"{who} is named with health information ({quote(tie.own_sentence_health)}){extra}; "
                          "nothing ties them to our care, but in our post it may read as what we know from caring for them")
    return None, ""
