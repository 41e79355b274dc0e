"""PHI006: a patient story, testimonial or celebration needs the patient's written authorization."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ...analysis import Analysis
from ...model import Applicability, Example, Hit, RuleMeta, Severity, Suggestion
from .assessment import POST_KINDS, TITLE_WORDS, assess
from .explain import AUTHORIZE, authorization_evidence, cue_evidence, deidentify, identifier_evidence, quote, tie_evidence
from .names import is_given_name
from .options import authorization_not_in_force, authorization_scope


# A scope that allows more than a first name: "name, photo ...", "full name", "names Katie and Sam Brandt" (not a
# "first name", nor a "procedure name").
_NAME_ITEM = regex.compile(r"(?:(?P<before>[\w'’-]+)\s+)?names?\b")
_NOT_A_FULL_NAME = frozenset({"first", "given", "procedure", "drug", "product", "device", "clinic", "practice", "program",
                              "brand", "treatment", "surgery", "condition", "school", "team", "town", "city"})
_LAST_INITIAL = regex.compile(r"last initial")
_ADDRESS_ALLOWED = regex.compile(r"address|street|home")
_INITIAL = regex.compile(r"[A-Z]\.?")


# A scope that allows no identifier at all: "no name or other identifying details", "anonymous", "de-identified".
_NO_IDENTIFIERS = regex.compile(r"\b(?:no|without|not)\s+(?:\w+\s+){0,2}?(?:names?|identif\w+)\b|\banonym\w*|\bunnamed\b|"
                                r"\bde-?identified\b", regex.IGNORECASE)


_INITIALS = regex.compile(r"(?:[A-Z]\.\s?){1,3}[A-Z]?\.?")  # "M.K.", "J. R."
_PHOTO_IN_SCOPE = regex.compile(r"\b(?:photos?|pictures?|images?|video)\b", regex.IGNORECASE)


def beyond_scope(scope: str | None, identified) -> list:
    """The identifiers a post gives that its recorded authorization's scope does not list: a surname when the scope
    lists a first name only (with "last initial", an initial is covered), a street address when it lists none."""
    if not scope:
        return []
    if _NO_IDENTIFIERS.search(scope):  # "photos only; no name or other identifying details": any other identifier is beyond it
        return [i for i in identified if not (i.kind == "PHOTO" and _PHOTO_IN_SCOPE.search(scope)) and not (
                i.kind == "PERSON" and not is_given_name(i.text.split()[0].strip(".,")) and not _INITIALS.fullmatch(i.text))]
    found = []
    names = [m.group("before") for m in _NAME_ITEM.finditer(scope)]
    first_name_only = "first name" in scope and all(b in _NOT_A_FULL_NAME for b in names) and not any(
        w in scope for w in ("surname", "family name"))
    for identifier in identified:
        words = [w for w in identifier.text.split() if w.lower().strip(".") not in TITLE_WORDS]
        if identifier.kind == "PERSON" and first_name_only and len(words) > 1 and is_given_name(words[0]) and not (
                _LAST_INITIAL.search(scope) and _INITIAL.fullmatch(words[-1])):
            found.append(identifier)
        elif identifier.kind == "STREET_ADDRESS" and not _ADDRESS_ALLOWED.search(scope):
            found.append(identifier)
    return found


# A scope that excludes health information ("no clinical details", "not the diagnosis"), and words that say a scope
# covers some ("her knee replacement story", "NICU graduate status", "treatment journey").
_HEALTH_EXCLUDED = regex.compile(r"\b(?:no|not|without|excluding|excludes?)\s+(?:the\s+|any\s+|other\s+)?(?:clinical|medical|"
                                 r"health|diagnos\w*|treatment|condition|procedure)", regex.IGNORECASE)
_HEALTH_COVERED = regex.compile(r"\b(?:stor(?:y|ies)|health|medical|clinical|diagnos\w*|conditions?|treatments?|procedures?|"
                                r"surger(?:y|ies)|care|journey|recovery|experience|outcomes?|results?|before|after|"
                                r"transformation|status|graduate|testimonial|quote|statement|details?)\b", regex.IGNORECASE)


# A scope that says health is left out after naming it: "name and photo only; diagnosis and stage not covered".
_HEALTH_NOT_COVERED = regex.compile(r"\b(?:diagnos\w*|clinical|medical|health|treatments?|conditions?|stage|procedures?|details)\b"
                                    r"[^;.]{0,40}?\bnot\s+(?:covered|included|authori[sz]ed|listed|part of)", regex.IGNORECASE)
# The words a scope uses to name a sensitive category: such information is covered only where the scope names it
# (an authorization must describe the information "in a specific and meaningful fashion", 45 CFR 164.508(c)(1)(i)).
_SENSITIVE_NAMED = {
    "mental health": regex.compile(r"mental|depress|anxi|psych|behaviou?ral|counsel|therap|grief|bereave|suicid|eating", regex.I),
    "substance use": regex.compile(r"substance|addict|recovery|sobri|sober|alcohol|opioid|drug|methadone|rehab", regex.I),
    "HIV/STI": regex.compile(r"hiv|\bst[id]s?\b|sexual", regex.I),
    "reproductive health": regex.compile(r"reproduct|fertil|ivf|pregnan|obstet|birth|deliver|abortion|contracept|miscarr", regex.I),
    "genetic information": regex.compile(r"genetic|brca|dna|gene\b", regex.I),
}


# A sensitive cue that names a program ("our partial hospitalization program") is the status a scope covers when it
# lists "program-participant status" or "fact of being a patient".
_A_PROGRAM = regex.compile(r"\b(?:program|programme|group|services?|clinic|unit)\b", regex.IGNORECASE)
_STATUS_COVERED = regex.compile(r"\b(?:program\w*|participa\w*|status|enrol\w*|member\w*)\b", regex.IGNORECASE)


def health_beyond_scope(scope: str | None, health, sensitive=()) -> list:
    """The health information a post gives that its recorded authorization's scope leaves out: any, when the scope
    excludes it ("no clinical details", "diagnosis not covered") or lists identifiers "only" and no health at all
    ("first name and photo only"); and a sensitive category (``sensitive``: mental health, substance use, HIV/STI,
    reproductive, genetic) the scope does not name ("cardiac surgery recovery story" does not cover her
    depression). A health word the scope names is covered."""
    if not scope or not health and not sensitive:
        return []
    unnamed = [c for c in sensitive if c.text.lower() not in scope
               and (c.label not in _SENSITIVE_NAMED or not _SENSITIVE_NAMED[c.label].search(scope))
               and not (_A_PROGRAM.search(c.text) and _STATUS_COVERED.search(scope))]
    uncovered = [h for h in health if h.text.lower() not in scope]
    if _HEALTH_EXCLUDED.search(scope) or _HEALTH_NOT_COVERED.search(scope):
        return uncovered or unnamed
    if unnamed:
        return unnamed
    if regex.search(r"\bonly\b", scope) and not _HEALTH_COVERED.search(scope) and len(uncovered) == len(health):
        return uncovered
    return []


def _why_beyond(identifier, scope: str) -> str:
    if _NO_IDENTIFIERS.search(scope):
        return f"'{identifier.text}', where the scope allows no identifier"
    if identifier.kind == "PERSON":
        return f"the full name '{identifier.text}' where the scope lists a first name"
    return f"the address '{identifier.text}', which the scope does not list"


@dataclass(frozen=True)
class PatientStoryWithoutAuthorization:
    meta: RuleMeta = field(default=RuleMeta(
        id="PHI006",
        name="patient-story-without-authorization",
        family="phi",
        severity=Severity.ERROR,
        message="a story about an identifiable patient needs their written authorization",
        citation="45 CFR 164.508(a)(3) (authorization for marketing); HHS OCR, Cadia Healthcare Facilities (2025, "
                 "$182,000 for patient 'success stories' on social media)",
        url="https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.508",
        summary="Finds patient stories, testimonials, before/after posts, 'patient of the month', NICU graduations "
                "and other celebrations of an identifiable patient. Without an authorization reference in the "
                "front matter (`hipaa_authorization: <id>`) it is an error (critical for sensitive categories); "
                "with one it is an info reminder listing what the post identifies, so the author can check the "
                "authorization covers it. When the record gives its scope (`hipaa_authorization: {ref: ..., scope: "
                "...}`, or a reference with its scope in brackets) and the post goes beyond it (a surname where the scope "
                "lists a first name, a street address it does not list, health information when the scope excludes "
                "it or lists identifiers only), the reminder is a warning. A record that says the authorization is "
                "not in force (revoked, withdrawn, expired, not yet signed) authorizes nothing.",
        rationale="A testimonial or success story uses PHI for marketing, which needs the patient's written "
                  "authorization; the patient posting their own story does not authorize us to repeat it. Even "
                  "with an authorization, post only what it covers (minimum necessary, 45 CFR 164.502(b)).",
        fix_safety="Unsafe: the fix removes what identifies the patient, which turns a testimonial into an anonymous "
                   "story; the usual fix is to obtain the authorization and record it in the front matter.",
        examples=(
            Example("Patient story: after years of knee pain, Donna chose a knee replacement with our team. "
                    "Six weeks later she's dancing!", "fail"),
            Example("Meet our Patient of the Month, Isabella! She's been cavity-free for 3 years.", "fail"),
            Example("Patient story, shared with Donna's written authorization: after years of knee pain, Donna chose a "
                    "knee replacement with our team.", "fail", metadata={"hipaa_authorization": "AUTH-2025-0142"}),
            Example("Staff spotlight: Keisha Brown, RN, has worked in our NICU for 18 years!", "pass"),
            Example("Knee replacement can help people get back to the activities they love. Ask your doctor.", "pass"),
        ),
        fixable=True,
        kinds=POST_KINDS,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        assessment = assess(analysis)
        patients = [t for t in assessment.ties if t.person.may_be_patient and t.is_patient_of_ours]
        if assessment.authorization:
            if patients or assessment.detail_hits:
                yield self._reminder(assessment, patients)
            return
        # a record that is not in force (revoked, not yet signed) says the post is a story that needs one
        lapsed = authorization_not_in_force(analysis.post.metadata)
        framing = assessment.story or (assessment.celebration if patients else ())
        if not patients or not framing and not lapsed:
            return
        tie = patients[0]
        cue = min(framing, key=lambda c: abs(c.start - tie.person.start)) if framing else tie.person.identifier
        sensitive = assessment.sensitive_of(tie.health)
        suggestion = deidentify(assessment, tie)
        needs = ("their written authorization: the one recorded is not in force "
                 f"(hipaa_authorization {lapsed!r}); post it only once a signed authorization is in force" if lapsed else
                 "their written authorization: add `hipaa_authorization: <reference>` to the front matter once it is signed")
        severity, message = assessment.permitted(
            Severity.CRITICAL if sensitive else Severity.ERROR,
            f"a story about an identifiable patient ('{tie.person.text}'; {quote(framing or [cue])}) needs "
            + needs + (f"; {quote(sensitive)} is a sensitive category" if sensitive else ""))
        yield Hit(
            cue.start, cue.end, category="PATIENT-STORY", score=tie.person.identifier.score,
            severity=severity, message=message,
            evidence=(cue_evidence(cue, "story") if framing else authorization_evidence(lapsed), *tie_evidence(tie)),
            suggestions=tuple(s for s in (AUTHORIZE, suggestion) if s is not None),
        )

    def _reminder(self, assessment, patients) -> Hit:
        reference = assessment.authorization
        identified = [m.identifier for t in patients for m in t.mentions]
        identified += [h.detail for h in assessment.detail_hits]
        health = [c for t in patients for c in t.health] + [c for h in assessment.detail_hits for c in h.health]
        what = []
        if identified:
            what.append(f"identifiers {quote(identified)}")
        if health:
            what.append(f"health information {quote(health)}")
        anchor = identified[0] if identified else None
        start, end = (anchor.start, anchor.end) if anchor else (0, 0)
        evidence = [authorization_evidence(reference), *(identifier_evidence(i) for i in identified),
                    *(cue_evidence(c, "health") for c in health)]
        named = [p.identifier for p in assessment.people if p.may_be_patient and not p.provider]  # the story's subject
        scope = authorization_scope(assessment.analysis.post.metadata)
        beyond = beyond_scope(scope, [*identified, *(i for i in named if i not in identified)])
        sensitive = [c for c in assessment.sensitive_of(health) if assessment.personal(c)
                     and not assessment.offers_a_service(*assessment.sentence_of(c.start))]
        health_beyond = health_beyond_scope(scope, health, sensitive)
        if beyond or health_beyond:
            first = (beyond or health_beyond)[0]
            why = [_why_beyond(i, scope) for i in beyond]
            if health_beyond:
                why.append(f"health information {quote(health_beyond)}, which the scope does not cover")
            return Hit(
                first.start, first.end, severity=Severity.WARNING, category=beyond[0].kind if beyond else "HEALTH",
                message=(f"authorized story (hipaa_authorization: {reference}), but the post discloses more than "
                         f"what the recorded scope lists: {'; '.join(why)}"),
                evidence=tuple(evidence),
                suggestions=(Suggestion("Remove what the authorization does not cover, or record a signed authorization "
                                        "that covers it (45 CFR 164.508(b)(1), 164.502(b))", (), Applicability.DISPLAY),),
            )
        return Hit(
            start, end, severity=Severity.INFO, category=anchor.kind if anchor else "PATIENT-STORY",
            message=(f"authorized story (hipaa_authorization: {reference}): check the authorization covers "
                     f"{' and '.join(what)}, and post nothing it does not cover"),
            evidence=tuple(evidence),
            suggestions=(Suggestion("Check the signed authorization lists each of these; remove anything it does not "
                                    "cover (minimum necessary, 45 CFR 164.502(b))", (), Applicability.DISPLAY),),
        )
