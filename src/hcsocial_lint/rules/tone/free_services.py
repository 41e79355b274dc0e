"""INC005: free services used as a lure ("FREE exam and x-rays for new patients", "first visit
free", "free knee brace for Medicare patients"). Free community health services run at a
health fair, library or county clinic are not lures and are skipped."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ...analysis import Analysis
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from ...nlp.context import is_myth_context, is_quoted
from .profile import federal_audience, is_recruiting, tone_profile
from .spans import first, has, iter_windows, matches, sentences

FREE = regex.compile(r"(?<![\w-])(?:free(?:\s+of\s+charge)?|complimentary|no[- ]charge|at\s+no\s+(?:cost|charge)|on\s+us)(?![\w-])",
                     regex.IGNORECASE)
FREE_AFTER = regex.compile(r"(?:\s+(?:is|are))?\s+(?:free(?:\s+of\s+charge)?|complimentary|on\s+us)(?![\w-])", regex.IGNORECASE)
THIRD_PARTY_BILLED = regex.compile(r"(?<![\w-])(?:(?:medicare|medicaid|insurance|your\s+plan)\s+(?:covers|pays|will\s+(?:cover|pay))"
                                   r"|we(?:'ll|\s+will)?\s+bill\s+(?:your\s+)?(?:insurance|medicare|medicaid)"
                                   r"|handle\s+(?:all\s+)?the\s+paperwork)(?![\w-])", regex.IGNORECASE)
REVIEW = regex.compile(r"(?<![\w-])reviews?(?![\w-])", regex.IGNORECASE)
GAP = 30  # characters between "free" and the service it modifies ("free 15-minute IV drip trial")


@dataclass(frozen=True)
class FreeServiceLure:
    meta: RuleMeta = field(default=RuleMeta(
        id="INC005",
        name="free-service-lure",
        family="tone",
        severity=Severity.WARNING,
        message="free service as a lure ('{match}'): say exactly what is free, that no insurer is billed for it, "
                "and what later costs apply{escalation}",
        citation="Beneficiary Inducements CMP, 42 U.S.C. 1320a-7a(a)(5) and (i)(6) (items or services free or "
                 "below fair market value); 22 Tex. Admin. Code §164.3(b)(5) (free-service claims when a third "
                 "party is billed); FTC v. LCA-Vision (LasikPlus), 2023",
        url="https://www.ftc.gov/news-events/news/press-releases/2023/01/ftc-order-requires-lasikplus-pay-its-bait-switch-eye-surgery-ads",
        summary="Finds free or complimentary clinical services and medical items offered to draw patients in "
                "(free exams, x-rays, consultations, first visits, trials, braces, genetic tests). Escalates to "
                "error when aimed at Medicare or Medicaid beneficiaries or when an insurer is billed. Free "
                "community services (health fairs, county clinics, library screenings, classes, support groups) "
                "and conveniences (parking, delivery, interpreters) are not flagged.",
        rationale="A free service is remuneration to the patient; when it lures federal-program beneficiaries "
                  "or a third party is billed for the 'free' item it is an inducement and a deceptive cost claim "
                  "(LasikPlus: free consultations behind 'as low as' pricing).",
        fix_safety="Unsafe: where 'free' directly modifies the service the fix deletes it, so the post no longer "
                   "promises a free service; elsewhere the suggestion is advice only.",
        examples=(
            Example("FREE exam and x-rays for all new patients! Call today.", "fail",
                    fixed="Exam and x-rays for all new patients! Call today."),
            Example("Medicare members: get a free hearing evaluation this month!", "fail"),
            Example("Free flu shot clinic this Saturday at the county health department.", "pass"),
            Example("Free parking is available in the Elm Street garage for all patients.", "pass"),
            Example("Feel free to bring your questions to your next appointment.", "pass"),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        if FREE.search(text) is None or is_recruiting(analysis):
            return
        sents = sentences(analysis)
        profile = tone_profile(analysis)
        audience_flag = federal_audience(analysis)
        for index, sentence in enumerate(sents):
            # community services are not lures; prizes, referral rewards and review incentives (in this or
            # a neighbouring sentence, the window INC004 and END005 read) are theirs to report
            if has("tone_community", text, sentence.start, sentence.end) or any(
                    has("tone_contest", text, s.start, s.end) or has("tone_referral", text, s.start, s.end)
                    or REVIEW.search(text, s.start, s.end) for s in iter_windows(sents, index, 1, 1)):
                continue
            hit = self._lure(analysis, sentence)
            if hit is None:
                continue
            cue, service, edit = hit
            window = list(iter_windows(sents, index, 1, 1))
            beneficiaries = any(has("tone_beneficiaries", text, s.start, s.end) for s in window)
            billed = any(THIRD_PARTY_BILLED.search(text, s.start, s.end) for s in window)
            escalate = (beneficiaries or billed or audience_flag is True) and audience_flag is not False
            reasons = [r for r, on in (("aimed at federal health-program beneficiaries", beneficiaries),
                                       ("while an insurer is billed", billed)) if on]
            suggestion = (Suggestion("Drop the 'free' offer (state the service and its real cost instead)", (edit,),
                                     Applicability.UNSAFE) if edit is not None else
                          Suggestion("State exactly what is free, that no insurer is billed for it, and what later "
                                     "costs may apply, or drop the offer", (), Applicability.DISPLAY))
            start, end = min(cue.start(), service.start()), max(cue.end(), service.end())
            yield Hit(
                start, end,
                message=self.meta.message.format(match=text[start:end],
                                                 escalation=f"; {' and '.join(reasons)}" if reasons else ""),
                severity=Severity.ERROR if escalate else None,
                category="INDUCEMENT",
                metrics=profile.metrics(),
                evidence=(Evidence("pattern", "free", cue.group(0), cue.start(), cue.end(), "free cue"),
                          Evidence("pattern", "service", service.group(0), service.start(), service.end(),
                                   "vocabulary:tone_services")),
                suggestions=(suggestion,),
            )

    @staticmethod
    def _lure(analysis: Analysis, sentence) -> tuple[regex.Match, regex.Match, Edit | None] | None:
        text = analysis.text
        for cue in FREE.finditer(text, sentence.start, sentence.end):
            if text[cue.end():cue.end() + 3].lower() == " to":  # "feel free to", "free to you"
                continue
            doc_sentence = analysis.sentence_at(cue.start())
            if is_quoted(analysis.doc, doc_sentence, cue.start(), cue.end()) or \
                    is_myth_context(analysis.doc, doc_sentence, cue.start(), cue.end()):
                continue
            service = first("tone_services", text, cue.end(), min(sentence.end, cue.end() + GAP))
            if service is not None and regex.search(r"[.!?;:]", text[cue.end():service.start()]) is None:
                return cue, service, _delete_free(analysis.post.original, sentence.start, cue, service)
            before = matches("tone_services", text, max(sentence.start, cue.start() - GAP), cue.start())
            if before and FREE_AFTER.match(text, before[-1].end()) is not None:
                return cue, before[-1], None
            if before and text[before[-1].end():cue.start()].strip() in {"", "is", "are"}:
                return cue, before[-1], None
        return None


def _delete_free(original: str, sentence_start: int, cue: regex.Match, service: regex.Match) -> Edit | None:
    """Delete a 'free' that directly modifies the service (at most two words between them)."""
    between = original[cue.end():service.start()]
    if len(between.split()) > 2 or cue.group(0).lower() in {"on us", "at no cost", "at no charge"}:
        return None
    end = cue.end()
    while end < len(original) and original[end] == " ":
        end += 1
    if cue.start() == sentence_start and end < len(original) and original[end].islower():
        return Edit(cue.start(), end + 1, original[end].upper())
    return Edit(cue.start(), end, "")
