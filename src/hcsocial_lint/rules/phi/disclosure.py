"""The disclosure combination (identifier + health information + care relationship) and the
review-reply confirmation, the two PHI rules OCR enforcement turns on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ...analysis import Analysis, Entity
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from ...vocabularies import pattern

PERSON_TYPES = ("PERSON", "SOCIAL_HANDLE")
DIRECT_IDENTIFIERS = ("EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "MEDICAL_RECORD_NUMBER", "US_DRIVER_LICENSE")
REPLY_TEMPLATE = (
    "Thank you for your feedback. To protect everyone's privacy we don't discuss individual care online. "
    "Please contact our office{contact} so we can hear more."
)


def _names_in_organisation(analysis: Analysis) -> set[str]:
    """Staff, facility and public-figure names from configuration: not patients."""
    org = analysis.settings.organisation
    names: set[str] = set()
    for key in ("staff", "facilities", "public_figures"):
        value = org.get(key, ())
        if isinstance(value, str):
            value = [value]
        names.update(str(v).strip().lower() for v in value)
    return names


def person_identifiers(analysis: Analysis) -> list[Entity]:
    known = _names_in_organisation(analysis)
    found = []
    for entity in analysis.entities_of(*PERSON_TYPES, *DIRECT_IDENTIFIERS):
        lowered = entity.text.strip().lower().lstrip("@")
        if lowered in known or any(lowered and lowered in name.split() for name in known):
            continue
        found.append(entity)
    return found


def _matches(analysis: Analysis, vocabulary: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in pattern(vocabulary).finditer(analysis.text)]


@dataclass(frozen=True)
class DisclosureTriad:
    meta: RuleMeta = field(default=RuleMeta(
        id="PHI001",
        name="disclosure-triad",
        family="phi",
        severity=Severity.CRITICAL,
        message="{who} is tied to health information ({health}) and to our care ({care}): this discloses PHI",
        citation="45 CFR 160.103 (definition of PHI); 45 CFR 164.502(a) (uses and disclosures)",
        url="https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.502",
        summary="Finds a post that names or otherwise identifies a person, mentions health information, "
                "and ties that person to care by the organisation.",
        rationale="The fact that an identifiable person is or was a patient, together with anything about their "
                  "health, is protected health information; posting it without written authorization is an "
                  "impermissible disclosure (OCR: Elite Dental 2019, Cadia Healthcare 2025).",
        fix_safety="Unsafe: the fix replaces the identifier with 'a patient', which changes what the post says; "
                   "the health and care details still need a human decision.",
        examples=(
            Example("So proud of our patient Emma Lopez, who finished chemo at our clinic this week!", "fail"),
            Example("Chemotherapy side effects can often be managed; talk with your care team.", "pass"),
            Example("Dr. Maria Chen joins our oncology team this month.", "pass"),
        ),
        fixable=True,
        needs_model=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        health = _matches(analysis, "health_terms")
        care = _matches(analysis, "care_relationship")
        if not health or not care:
            return
        for entity in person_identifiers(analysis):
            evidence = (
                Evidence("identifier", entity.entity_type, entity.text, entity.start, entity.end, entity.recognizer, entity.score),
                Evidence("health", "health term", health[0][2], health[0][0], health[0][1], "vocabulary:health_terms"),
                Evidence("relationship", "care relationship", care[0][2], care[0][0], care[0][1], "vocabulary:care_relationship"),
            )
            message = self.meta.message.format(who=f"'{entity.text}'", health=health[0][2], care=care[0][2])
            yield Hit(
                entity.start, entity.end, message=message, evidence=evidence, category=entity.entity_type,
                score=entity.score,
                suggestions=(
                    Suggestion("Replace the identifier with 'a patient' (and remove health and visit details)",
                               (Edit(entity.start, entity.end, "a patient"),), Applicability.UNSAFE),
                ),
            )


@dataclass(frozen=True)
class ReviewReplyConfirmsCare:
    meta: RuleMeta = field(default=RuleMeta(
        id="PHI002",
        name="review-reply-confirms-care",
        family="phi",
        severity=Severity.CRITICAL,
        message="this reply confirms the reviewer's care with us ('{cue}'): that alone is PHI",
        citation="45 CFR 164.502(a); HHS OCR settlements: Elite Dental Associates (2019), New Vision Dental (2022), "
                 "Manasa Health Center (2023); Dr. U. Phillip Igbinadolor CMP (2022)",
        url="https://www.hhs.gov/about/news/2022/12/14/hhs-office-for-civil-rights-settles-five-investigations.html",
        summary="In a reply to a review or comment, finds words that confirm the reviewer was seen, treated or billed.",
        rationale="Replying that someone visited, was treated, or owes a bill confirms they are a patient, even "
                  "without naming them; OCR has fined practices for exactly this.",
        fix_safety="Unsafe: the fix replaces the whole reply with a privacy-safe template; review it before posting.",
        kinds=("review-reply", "comment-reply"),
        examples=(
            Example("Sorry your visit on Tuesday was frustrating; your x-rays showed we had to wait.", "fail", kind="review-reply"),
            Example("Thank you for your feedback. We don't discuss individual care online; please call our office.",
                    "pass", kind="review-reply"),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        care = _matches(analysis, "care_relationship")
        if not care:
            return
        start, end, cue = care[0]
        contact = analysis.settings.organisation.get("contact")
        template = REPLY_TEMPLATE.format(contact=f" at {contact}" if contact else "")
        original = analysis.post.original
        yield Hit(
            start, end, message=self.meta.message.format(cue=cue), category="CARE-CONFIRMATION",
            evidence=tuple(Evidence("relationship", "care relationship", c, s, e, "vocabulary:care_relationship")
                           for s, e, c in care),
            suggestions=(Suggestion("Replace the reply with a template that neither confirms nor denies care",
                                    (Edit(0, len(original.rstrip()), template),), Applicability.UNSAFE),),
        )
