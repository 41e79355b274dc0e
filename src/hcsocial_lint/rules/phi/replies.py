"""Replies to reviews and comments: confirming care, naming the reviewer, arguing with them.

In a reply, "you" is a real person. Saying they visited, were treated, owe a bill or were never
seen tells the world something about their care (OCR: Elite Dental 2019, Igbinadolor 2022, New
Vision Dental 2022, Manasa 2023). The fix replaces the whole reply with a response that thanks,
confirms nothing and moves the conversation offline (contact from ``organisation.contact``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ...analysis import Analysis
from ...model import Applicability, Example, Hit, RuleMeta, Severity, Suggestion
from .assessment import REPLY_KINDS, assess
from .explain import cue_evidence, identifier_evidence, quote, reply_template, role_evidence
from .rewrite import apply_with_anonymizer, person_replacements
from .reviewer import only_the_posted_name

OCR_CASES = ("HHS OCR: Elite Dental Associates (2019), Dr. U. Phillip Igbinadolor, D.M.D. & Associates (2022), "
             "New Vision Dental (2022), Manasa Health Center (2023)")
TEMPLATE_SAFETY = ("Unsafe: the fix replaces the whole reply with a template that thanks the reviewer, neither "
                   "confirms nor denies care, and gives the contact in `organisation.contact` (set "
                   "`[tool.hclint.phi] reply_template` to use your own wording). Read it before posting.")


@dataclass(frozen=True)
class ReviewReplyConfirmsCare:
    meta: RuleMeta = field(default=RuleMeta(
        id="PHI002",
        name="review-reply-confirms-care",
        family="phi",
        severity=Severity.CRITICAL,
        message="this reply confirms or details the reviewer's care: that alone is PHI",
        citation="45 CFR 164.502(a); " + OCR_CASES,
        url="https://www.hhs.gov/about/news/2022/12/14/hhs-office-for-civil-rights-settles-five-investigations.html",
        summary="In a reply to a review or comment, finds words that confirm or deny the reviewer was a patient, or "
                "mention their visit, treatment, results, insurance or bill (\"your visit\", \"we saw you\", "
                "\"you were never a patient here\", \"your balance\"), or health words addressed to them.",
        rationale="A reply that says someone visited, was treated, owes money, or was never seen discloses their "
                  "relationship with the practice without any name; OCR has fined practices for each of these. "
                  "Privacy disclaimers (\"we can't discuss your care online\") and hypotheticals are not flagged.",
        fix_safety=TEMPLATE_SAFETY,
        kinds=REPLY_KINDS,
        examples=(
            Example("We're sorry you were unhappy, but your x-rays showed two cavities and your insurance had lapsed.",
                    "fail", kind="review-reply"),
            Example("You were never a patient here, so this review is fake.", "fail", kind="review-reply"),
            Example("Thank you for your feedback. To protect everyone's privacy we don't discuss individual care "
                    "online; please call our office.", "pass", kind="review-reply"),
            Example("For privacy reasons we can't confirm or discuss whether you were seen here. Please call us.",
                    "pass", kind="review-reply"),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        assessment = assess(analysis)
        cues = assessment.reply_cues
        if not cues:
            return
        first = cues[0]
        sensitive = assessment.sensitive_of(cues)
        extra = f"; {quote(sensitive)} is a sensitive category" if sensitive else ""
        template = reply_template(assessment)
        yield Hit(
            first.start, first.end, severity=Severity.CRITICAL, category="CARE-CONFIRMATION",
            message=f"this reply confirms or details the reviewer's care ({quote(cues)}){extra}: that alone is PHI",
            evidence=tuple(cue_evidence(c, "relationship" if "health" not in c.label else "health") for c in cues),
            suggestions=(template,) if template else (),
        )


@dataclass(frozen=True)
class ReviewReplyNamesReviewer:
    meta: RuleMeta = field(default=RuleMeta(
        id="PHI004",
        name="review-reply-names-reviewer",
        family="phi",
        severity=Severity.CRITICAL,
        message="this reply names or addresses the reviewer: it ties a real person to our practice",
        citation="45 CFR 164.502(a); 45 CFR 164.514(b)(2)(i)(A) (names); " + OCR_CASES,
        url="https://www.hhs.gov/about/news/2022/12/14/hhs-office-for-civil-rights-settles-five-investigations.html",
        summary="In a reply to a review, finds the reviewer's (or anyone's) name, initials or @handle: \"Dear Mrs. "
                "Smith\", \"Thanks, Brenda!\", \"R.T., we remember you\". In a comment reply, a name counts when "
                "the reply also mentions care or health. A name that is only the one the reviewer posted under "
                "(front matter `reviewer: \"Mike R.\"`) is a warning: it unmasks no one.",
        rationale="Addressing a reviewer by name confirms we know who they are; unmasking a reviewer who used an alias "
                  "was central to the Igbinadolor penalty and New Vision Dental settlement. Staff and public "
                  "figures named in a reply are not the reviewer.",
        fix_safety=TEMPLATE_SAFETY + " A second suggestion only removes the name.",
        kinds=REPLY_KINDS,
        examples=(
            Example("Thank you, Brenda! We loved seeing you and the kids last week.", "fail", kind="review-reply"),
            Example("Mr. Jenkins, our records show you missed three appointments.", "fail", kind="review-reply"),
            Example("Thanks for the kind words! We're proud of our whole team.", "pass", kind="review-reply"),
            Example("Hi Jen! Our visiting hours are 8 a.m. to 8 p.m.", "pass", kind="comment-reply"),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        assessment = assess(analysis)
        template = reply_template(assessment)
        for person in assessment.named_in_reply:
            if assessment.kind == "comment-reply" and not _about_care(assessment, person):
                continue  # naming a commenter who asked about opening hours discloses nothing
            removal = _remove_name(assessment.text, person)
            posted = only_the_posted_name(person.text, analysis.post.metadata)
            yield Hit(
                person.start, person.end, severity=Severity.WARNING if posted else Severity.CRITICAL,
                category=person.identifier.kind,
                message=(f"this reply addresses the reviewer by the name they posted under ('{person.text}'): it unmasks "
                         "no one, but a reply that names no one is safer") if posted else
                        f"this reply names or addresses '{person.text}': it ties a real person to our practice",
                evidence=(identifier_evidence(person.identifier), role_evidence(person)),
                score=person.identifier.score,
                suggestions=tuple(s for s in (template, removal) if s is not None),
            )


@dataclass(frozen=True)
class ReviewReplyRetaliatory:
    meta: RuleMeta = field(default=RuleMeta(
        id="PHI005",
        name="review-reply-retaliatory",
        family="phi",
        severity=Severity.ERROR,
        message="this reply argues with or threatens the reviewer",
        citation="45 CFR 164.502(a); HHS OCR, Dr. U. Phillip Igbinadolor, D.M.D. & Associates (2022: a reply "
                 "arguing with a reviewer treated as willful neglect)",
        summary="In a reply to a review or comment, finds argumentative, demeaning or threatening language: \"get a "
                "life\", \"disgruntled\", \"non-compliant\", \"our attorney will be in touch\", \"this review is fake\".",
        rationale="Arguing the facts in public nearly always pulls in the reviewer's care details, and OCR treated such "
                  "a reply as willful neglect. A brief, neutral reply that moves the conversation offline is safe.",
        fix_safety=TEMPLATE_SAFETY,
        kinds=REPLY_KINDS,
        examples=(
            Example("Please stop posting lies about our practice. Our attorney will be in touch.", "fail",
                    kind="review-reply"),
            Example("We take concerns like this seriously. Please contact us directly so we can look into it.", "pass",
                    kind="review-reply"),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        assessment = assess(analysis)
        cues = assessment.retaliation
        if not cues:
            return
        template = reply_template(assessment)
        yield Hit(
            cues[0].start, cues[0].end, category="RETALIATION",
            message=f"this reply argues with or threatens the reviewer ({quote(cues)}): keep replies brief and neutral",
            evidence=tuple(cue_evidence(c, "context") for c in cues),
            suggestions=(template,) if template else (),
        )


def _about_care(assessment, person) -> bool:
    """The reply confirms someone's care, puts health words in the named person's sentence, ties health to them on
    the parse ("Hope Ava's ear infection clears up fast", however the sentence is split), or names them as one of our
    patients with their health ("Jonah was a delight to have in our day program. The anxiety team misses him")."""
    if assessment.reply_cues:
        return True
    sentence = assessment.analysis.sentence_at(person.start)
    if any(sentence.start_char <= h.start < sentence.end_char for h in assessment.health) and not assessment.offers_a_service(
            sentence.start_char, sentence.end_char):
        return True  # not "@jay Hepatitis B vaccine is available at every van stop": a service offered to anyone
    return any(person in tie.mentions and (tie.is_patient_of_ours and tie.health or any(
        not assessment.offers_a_service(*assessment.sentence_of(h.start)) for h in tie.own_sentence_health))
        for tie in assessment.ties)  # or the reply ties them to our care with their health: "Mia loved our teen program ..."


def _remove_name(text: str, person) -> Suggestion | None:
    """Take the name out of a salutation or an address ("Thank you, Brenda!" -> "Thank you!")."""
    replacements = person_replacements(text, person.start, person.end, person.identifier.kind, generalise=False)
    if not replacements:
        return None
    _, edits = apply_with_anonymizer(text, replacements)
    return Suggestion("Remove the name from the reply (the rest may still confirm care)", edits, Applicability.UNSAFE)
