"""INC003: advertised waivers of copays and deductibles ("we waive your copay", "insurance
accepted as payment in full", "no out-of-pocket cost").

A waiver for documented financial need is lawful only when it is not advertised, so any
advertisement of a waiver is the violation. A plan's own benefit ("flu shots are $0 with most
insurance plans", "covered by Medicare Part B with no copay") is not a waiver and is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ...analysis import Analysis
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from ...nlp.context import is_myth_context, is_negated, is_question, is_quoted
from .profile import tone_profile
from .spans import has, matches, sentence_removal, sentences

REWRITE = ("We accept most insurance; financial assistance is available on an individual basis. "
           "Ask our billing office.")


@dataclass(frozen=True)
class CostSharingWaiver:
    meta: RuleMeta = field(default=RuleMeta(
        id="INC003",
        name="cost-sharing-waiver-advertised",
        family="tone",
        severity=Severity.CRITICAL,
        message="advertised waiver of cost sharing ('{match}'): copays and deductibles may be waived only for "
                "individual financial need, never as an advertised offer",
        citation="42 U.S.C. 1320a-7a(i)(6)(A) (waiver not 'offered as part of any advertisement or solicitation'); "
                 "42 U.S.C. 1320a-7a(a)(5); OIG Special Advisory Bulletin on inducements (Aug 2002); "
                 "22 Tex. Admin. Code §164.3 (advertising that copayments or deductibles may be waived is deceptive)",
        url="https://www.law.cornell.edu/uscode/text/42/1320a-7a",
        summary="Finds posts that advertise waiving, writing off or covering patients' copays, deductibles or "
                "out-of-pocket costs, accepting insurance 'as payment in full', or 'no cost to you' without saying "
                "a health plan covers it.",
        rationale="Routine, advertised waivers of cost sharing are remuneration to beneficiaries and misstate "
                  "the charges billed to insurers; the financial-need exception is lost once a waiver is "
                  "advertised. Stating a plan's own benefit or explaining what a copay is stays clean.",
        fix_safety="Unsafe: the fix replaces the waiver sentence with 'We accept most insurance; financial "
                   "assistance is available on an individual basis. Ask our billing office.' and deletes any other "
                   "waiver sentence, which changes the offer on purpose.",
        examples=(
            Example("We waive all copays and deductibles for new patients!", "fail", fixed=REWRITE),
            Example("Your deductible is on us this month. Schedule your MRI today.", "fail",
                    fixed=REWRITE + " Schedule your MRI today."),
            Example("Flu shots are $0 with most insurance plans, including Medicare Part B.", "pass"),
            Example("What's the difference between a copay and a deductible? Our billing team can explain.", "pass"),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        waivers = matches("tone_waiver", text)
        claims = matches("tone_no_cost", text)
        if not waivers and not claims:
            return
        sents = sentences(analysis)
        profile = tone_profile(analysis)
        first_done = False
        for sentence in sents:
            found = [m for m in waivers if sentence.contains(m.start(), m.end())]
            if not found:
                doc_sentence = analysis.sentence_at(sentence.start)
                found = [m for m in claims if sentence.contains(m.start(), m.end())
                         and not has("tone_plan_coverage", text, sentence.start, sentence.end)
                         and not is_question(analysis.doc, doc_sentence, m.start(), m.end())]
            found = [m for m in found if not (m in waivers and _denied(analysis, m, True))
                     and not is_quoted(analysis.doc, analysis.sentence_at(m.start()), m.start(), m.end())
                     and not is_myth_context(analysis.doc, analysis.sentence_at(m.start()), m.start(), m.end())]
            if not found:
                continue
            match = found[0]
            original = analysis.post.original
            if not first_done:
                edit = Edit(sentence.start, sentence.end, REWRITE)
                description = "Replace the waiver with: " + REWRITE
                first_done = True
            else:
                start, end = sentence_removal(original, sentence)
                edit = Edit(start, end, "")
                description = "Remove this waiver sentence"
            yield Hit(
                match.start(), match.end(),
                message=self.meta.message.format(match=match.group(0)),
                category="COST-SHARING-WAIVER",
                metrics=profile.metrics(),
                evidence=(Evidence("pattern", "waiver", match.group(0), match.start(), match.end(),
                                   "vocabulary:tone_waiver/tone_no_cost"),),
                suggestions=(Suggestion(description, (edit,), Applicability.UNSAFE),),
            )


NOT_WAIVED = regex.compile(r"(?:\bnot|n't|\bnever|\bcannot)\s+(?:\w+\s+)?waive", regex.IGNORECASE)
ANSWERED_NO = regex.compile(r"\s*(?:(?:a|answer)\s*[:.]\s*)?(?:no|nope|we\s+don'?t|we\s+do\s+not|we\s+can'?t|we\s+cannot)\b",
                            regex.IGNORECASE)


def _denied(analysis: Analysis, match: regex.Match, waiver: bool) -> bool:
    """The waiver is denied ("we never waive copays") or asked and answered no, as in an FAQ
    ("Do you waive copays? No, we're required to bill them"): the post refuses it."""
    doc_sentence = analysis.sentence_at(match.start())
    if is_negated(analysis.doc, doc_sentence, match.start(), match.end()) or \
            waiver and NOT_WAIVED.search(match.group(0)) is not None:
        # the waiver vocabulary's few-word gap can swallow the negation itself ("we never waive"); a
        # no-cost claim is made of one ("you'll never see a bill")
        return True
    if not is_question(analysis.doc, doc_sentence, match.start(), match.end()):
        return False
    mark = analysis.text.find("?", match.end())
    return mark != -1 and ANSWERED_NO.match(analysis.text, mark + 1) is not None
