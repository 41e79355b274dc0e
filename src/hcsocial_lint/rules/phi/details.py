"""PHI007: a room, date of care, age over 89, hometown or unique characteristic that singles a patient out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ...analysis import Analysis
from ...model import Applicability, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from .assessment import POST_KINDS, assess
from .explain import cue_evidence, drop_details, identifier_evidence, quote, role_evidence


@dataclass(frozen=True)
class LocationTimeDetail:
    meta: RuleMeta = field(default=RuleMeta(
        id="PHI007",
        name="location-time-detail",
        family="phi",
        severity=Severity.ERROR,
        message="a detail singles out a patient (room, date of care, age over 89, place, unique characteristic)",
        citation="45 CFR 164.514(b)(2)(i)(B), (C), (R) and 164.514(b)(2)(ii) (actual knowledge that what remains "
                 "could identify the person)",
        url="https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.514",
        summary="Finds room, bed and bay numbers, dates of admission, surgery, discharge or visit (\"last "
                "Tuesday\", \"discharged today\"), ages over 89, hometowns and news-event places, and unique "
                "characteristics (\"the only patient in the state with...\") that point at one patient, and "
                "quasi-identifiers that combine in one sentence (an age, a sex and a place, facility or time). Counts "
                "and totals are not individuals. Critical when the patient is also named.",
        rationale="A post need not name anyone to identify them: the Westerly Hospital physician was disciplined for a "
                  "post about a trauma patient that gave enough detail for the town to know who it was. Dates of "
                  "care, ages over 89 and geographic units smaller than a state are Safe Harbor identifiers.",
        fix_safety="Unsafe: the fix drops the detail ('in room 412', 'on March 3') or generalises it ('an older "
                   "patient'); check the post still makes sense and that nothing else (a news event) identifies them.",
        examples=(
            Example("Shout-out to the patient in room 412 who taught our night shift to play cribbage!", "fail",
                    fixed="Shout-out to the patient who taught our night shift to play cribbage!"),
            Example("Our oldest patient ever, a 104-year-old grandmother, had her cataract surgery today!", "fail"),
            Example("Room 204 of the Education Center is hosting our CPR class this Thursday at 6 p.m.", "pass"),
            Example("Our 100-year-old hospital building is getting a new roof this summer.", "pass"),
            Example("A 58-year-old man from Orchard County was admitted to our ICU on Sunday with severe flu.", "fail"),
            Example("Flu admissions this week: 212 from Orchard County and 96 from Eastvale.", "pass"),
        ),
        fixable=True,
        kinds=POST_KINDS,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        assessment = assess(analysis)
        if assessment.authorization:
            return
        for hit in assessment.detail_hits:
            detail = hit.detail
            sensitive = assessment.sensitive_of(hit.health)
            named = hit.tie is not None
            severity = Severity.CRITICAL if named or sensitive else Severity.ERROR
            why = []
            if hit.health:
                why.append(f"health information ({quote(hit.health)})")
            if hit.care:
                why.append(f"our care ({quote(hit.care)})")
            evidence: list[Evidence] = [identifier_evidence(detail)]
            if hit.tie is not None:
                evidence += [identifier_evidence(hit.tie.person.identifier), role_evidence(hit.tie.person)]
            else:
                evidence.append(Evidence("context", "person pointed at", hit.pointer, hit.pointer_span[0],
                                         hit.pointer_span[1], "vocabulary:phi_person_nouns"))
            evidence += [cue_evidence(c, "health") for c in hit.health]
            evidence += [cue_evidence(c, "relationship") for c in hit.care]
            suggestion = drop_details(assessment, [detail])
            advice = Suggestion("Speak about the service in general instead of this patient's room, date, age or "
                                "place", (), Applicability.DISPLAY)
            who = f"'{hit.pointer}'" + (" (named)" if named else "")
            severity, message = assessment.permitted(
                severity, f"{detail.safe_harbor} '{detail.text}' singles out {who} together with {' and '.join(why)}"
                + (f"; {quote(sensitive)} is a sensitive category" if sensitive else ""))
            yield Hit(
                detail.start, detail.end, severity=severity, category=detail.kind, score=detail.score,
                message=message,
                evidence=tuple(evidence),
                suggestions=tuple(s for s in (suggestion, advice) if s is not None),
            )
