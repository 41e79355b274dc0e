"""END003: testimonials of dramatic results without what patients generally achieve."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ...analysis import Analysis
from ...language.commerce import commercial_cues
from ...language.results import personal_results
from ...language.spans import TextSpan
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from ...nlp.context import is_myth_context, is_question
from ...language.voice import FIRST_PERSON
from ...vocabularies import has, matches
from .disclosure import connection_signals

TYPICAL_STATEMENT = " Typical results: [what most patients achieve, with its source]. Individual results vary."
QUOTED = regex.compile(r"[\"“]([^\"“”]{3,400})[\"”]|(?<![\w])'([^']{3,400})'(?![\w])")
PROVIDER_TIE = regex.compile(r"(?<![\w@])@\w{2,}|(?<![\w-])(?:program|protocol|clinic|team|you\s+guys|with\s+us|dr\.?\s+\w+"
                             r"|treatments?|sessions?|injections?|adjustments?)(?![\w-])", regex.IGNORECASE)


def _testimonial(analysis: Analysis) -> regex.Match | None:
    """A marker that the post quotes or presents a consumer's own account."""
    text = analysis.text
    marker = matches("endorsement_testimonial", text)
    if marker:
        return marker[0]
    for quote in QUOTED.finditer(text):
        inner = quote.group(1) or quote.group(2)
        if FIRST_PERSON.search(inner):
            return quote
    first_person = FIRST_PERSON.search(text)
    if first_person is not None and (PROVIDER_TIE.search(text) or commercial_cues(analysis)
                                     or connection_signals(analysis) or analysis.cues("promoter_products")):
        # one person's account in a post that names the provider or a sold thing ("these drops"), sells
        # ("shop at the link in bio", "DM me", "book now") or shows a connection (a code): a testimonial
        # used to promote
        return first_person
    return None


@dataclass(frozen=True)
class AtypicalResultsTestimonial:
    meta: RuleMeta = field(default=RuleMeta(
        id="END003",
        name="atypical-results-testimonial",
        family="endorsement",
        severity=Severity.ERROR,
        message="testimonial of a dramatic result ('{outcome}') without the results patients generally achieve",
        citation="FTC Endorsement Guides, 16 CFR 255.2(b) (consumer endorsements imply typical results; disclose "
                 "generally expected performance); AMA Code of Medical Ethics Opinion 9.6.1 (testimonials that do "
                 "not reflect results patients generally receive are deceptive)",
        url="https://www.ecfr.gov/current/title-16/chapter-I/subchapter-B/part-255",
        summary="Finds testimonials, reviews and success stories (quoted first-person accounts, 'patient review', "
                "'success story', a first-person post that names a provider or a product, sells or shows a "
                "connection) that report a dramatic outcome (pounds or sizes lost, pain 'completely gone' or gone "
                "after one visit, off medications, years younger, 'miracle') with no statement of typical results. "
                "'Individual results may vary' alone does not count.",
        rationale="A consumer's result is read as what others can expect; unless the post says what patients "
                  "generally achieve, an unusual result misleads (FTC v. Regenerative Medical Group, 2018). A real "
                  "patient's story also needs HIPAA authorization (see the PHI rules).",
        fix_safety="Unsafe: the fix appends 'Typical results: [what most patients achieve, with its source]. "
                   "Individual results vary.' The bracketed part must be filled in with substantiated figures "
                   "before posting.",
        examples=(
            Example("\"I lost 62 pounds in 4 months on the Slim Clinic program!\" Maria, patient", "fail",
                    fixed="\"I lost 62 pounds in 4 months on the Slim Clinic program!\" Maria, patient."
                          + TYPICAL_STATEMENT),
            Example("Patient review: 'After one adjustment my migraines were completely gone!'", "fail"),
            Example("\"I lost 22 pounds over 6 months.\" Dana, patient. In our program, patients lose an average of "
                    "8% of body weight over 6 months; individual results vary.", "pass"),
            Example("What patients say: 'Friendly front desk, short wait, and Dr. Ruiz really listened.'", "pass"),
            Example("Research shows people who lose 5 to 7% of body weight cut their diabetes risk by half.", "pass"),
            Example("Three weeks on the shots and I've already dropped 11 lbs!! Obsessed.", "fail"),
            Example("Honestly, that one session changed my life and my panic attacks are gone.", "fail"),
            Example("Made more progress in two sessions with @calmclinic than in ten years of counselling, when I "
                    "tried everything.", "fail"),
            Example("Our physiotherapy team helps patients make more progress after knee surgery.", "pass"),
            Example("My eczema is completely gone since starting the Dermaroot balm. Shop at the link in bio!",
                    "fail"),
            Example("From a size 18 to a size 10 in four months 😱 ask me how! #transformation", "fail"),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        outcomes = [m for m in matches("endorsement_outcomes", text)
                    if not is_myth_context(analysis.doc, analysis.sentence_at(m.start()), m.start(), m.end())
                    and not is_question(analysis.doc, analysis.sentence_at(m.start()), m.start(), m.end())]
        if has("endorsement_typical", text):
            return
        marker = _testimonial(analysis) if outcomes else None
        if marker is not None:
            outcome = TextSpan(outcomes[0].start(), outcomes[0].end(), "outcome", outcomes[0].group(0),
                               "vocabulary:endorsement_outcomes")
            context = TextSpan(marker.start(), marker.end(), "testimonial", marker.group(0),
                               "vocabulary:endorsement_testimonial")
        else:
            # a person's own account of a dramatic result is a testimonial by itself (language.results)
            personal = personal_results(analysis)
            if not personal:
                return
            outcome, context = personal[0].result, personal[0].experiencer
        end = analysis.prose_bounds[1]
        insertion = ("." if analysis.post.original[:end][-1:].isalnum() else "") + TYPICAL_STATEMENT
        yield Hit(
            outcome.start, outcome.end,
            message=self.meta.message.format(outcome=outcome.text),
            category="ATYPICAL-RESULTS",
            evidence=(Evidence("pattern", "dramatic outcome", outcome.text, outcome.start, outcome.end, outcome.source),
                      Evidence("context", "testimonial", context.text, context.start, context.end, context.source)),
            suggestions=(Suggestion("Append what patients generally achieve (fill in the figures and source)",
                                    (Edit(end, end, insertion),), Applicability.UNSAFE),),
        )
