"""Claims about evidence and results: establishment claims without a source (CLM005) and
quantified outcome or timeline promises, before/after posts (CLM012)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ...analysis import Analysis
from ...language.commerce import lexicon_cues, sells
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from . import common, framed
from .common import ClaimRule

ESTABLISHMENT = "claims_establishment"
TIMELINES = "claims_timeline_promises"
SOURCE_PLACEHOLDER = " [Source: add the study or survey this claim relies on]"
TEST_RESULTS = regex.compile(r"(?<![\w-])(?:tests?|testing|tested|lab|labs|swabs?|screenings?|diagnostic)(?![\w-])",
                            regex.IGNORECASE)
_INDIRECT = frozenset({"what", "whether", "if", "how", "why"})
_BEFORE_AFTER = regex.compile(r"(?<![\w-])before[^a-z0-9\n]{0,12}(?:and|&|/|\+|to|vs\.?)?[^a-z0-9\n]{0,12}after(?![\w-])"
                              r"|(?<![\w-])before\s*:[^\n]{1,80}?(?<![\w-])after\s*:"
                              # "B&A" for before-and-after, not the letters of types: "influenza B & A", "vitamins B & A"
                              r"|(?<!\b(?:influenza|flu|hepatitis|hep|vitamins?|types?|strains?|groups?|grades?|parts?|"
                              r"plans?|blood|classes|categories|lanes?|rooms?|wards?)\s{1,3})(?<![\w-])b\s?&\s?a(?![\w-])",
                              regex.IGNORECASE)
_RESULTS_VARY = regex.compile(r"results?\s+(?:may\s+|will\s+|can\s+)?vary|individual results|not typical|typical results",
                              regex.IGNORECASE)
# what makes a before/after post about a health outcome rather than a renovated lobby
_OUTCOME_CONTEXT = ("claims_rx_drugs", "claims_unapproved_products", "claims_devices", "claims_diseases")
_OUTCOME_WORDS = regex.compile(
    r"(?<![\w-])(?:clients?|patients?|treatments?|sessions?|procedures?|results?|injectables?|weeks? of|months? of|"
    r"lbs|pounds|skin|face|lips?|body|tummy|belly|waist|jawline|smile|teeth|hair|weight|acne|cysts?|scars?|wrinkles|"
    r"dress sizes?)(?![\w-])", regex.IGNORECASE)


# A share of people ("65% of people", "8 in 10 women") claims proof only of what it says those people
# got from the product; "65% of people over 65 have had a first dose" is an uptake statistic.
_PEOPLE_SHARE = regex.compile(r"%|percent|\b(?:out of|in) (?:10|ten|5|five)\b", regex.IGNORECASE)
_PROOF_BY_ITSELF = regex.compile(r"recommend|approved|trusted|formulated|endorsed|prescribed|success|cure|response|"
                                 r"satisfaction|saw|see|got|get|reported|report|experienced|noticed|felt|lost|improved|"
                                 r"said|reduc|boost|increas|cuts?\b|lower|rais|doubl|tripl", regex.IGNORECASE)
_EFFECT_LEXICONS = ("claim_effects", "claim_effect_nouns")
_TARGET_LEXICONS = ("claim_targets_body", "claim_targets_conditions", "claim_targets_infections", "claim_targets_lay",
                    "claim_targets_outbreaks")
_OUTCOMES = regex.compile(r"(?<![\w-])(?:results?|improv\w*|better|relief|reliev\w*|less|fewer|lost|gain\w*|"
                          r"satisf\w*|recommend\w*|works?|worked|effective|faster|younger|clear(?:er)?)(?![\w-])",
                          regex.IGNORECASE)


def _states_a_benefit(analysis: Analysis, text: str, start: int, end: int) -> bool:
    """"87% of patients saw less pain" (an outcome, or an effect on a health target) claims proof of a
    benefit; "65% of people over 65 have had a first dose" reports uptake: no establishment claim.
    Other establishment wording ("studies show", "clinically proven") is a claim by itself."""
    if not _PEOPLE_SHARE.search(text) or _PROOF_BY_ITSELF.search(text):
        return True
    if _OUTCOMES.search(analysis.text, start, end):
        return True
    def within(names: tuple[str, ...]) -> bool:
        return any(start <= cue.start < end for name in names for cue in lexicon_cues(analysis, name))

    return within(_EFFECT_LEXICONS) and within(_TARGET_LEXICONS)


def _indirect_question(analysis: Analysis, start: int) -> bool:
    """"what the research shows", "whether studies show": the claim is not asserted."""
    before = [t for t in analysis.doc if t.idx < start and t.sent.start_char <= start][-3:]
    return any(t.lower_ in _INDIRECT for t in before)


_TRAILING_TAGS = regex.compile(r"(?:[ \t]+#\w+)+[ \t]*$")


@dataclass(frozen=True)
class UnsubstantiatedEstablishment(ClaimRule):
    meta: RuleMeta = field(default=RuleMeta(
        id="CLM005",
        name="unsubstantiated-establishment",
        family="claim",
        severity=Severity.WARNING,
        message="'{match}' claims a level of proof, but the post gives no source for it",
        citation="FTC Act §§5, 12; FTC Health Products Compliance Guidance (Dec 2022), §III (establishment claims "
                 "need the level of evidence they claim); NAD Similac '#1 Pediatrician Recommended' (2020); ERSP "
                 "referral of Garcinia Cambogia ZT ('clinically proven formula')",
        url="https://www.ftc.gov/business-guidance/resources/health-products-compliance-guidance",
        summary="Finds 'clinically proven', 'studies show', 'doctor recommended', '9 out of 10 doctors', "
                "'87% of patients', 'reduces X by 40%' and 'as seen on' in a promotional post that cites no "
                "source (link, journal, agency, named trial or reference).",
        rationale="An establishment claim promises a specific level of scientific support; the advertiser must have "
                  "exactly that support, and the reader should be able to check it. Claims the organisation has "
                  "registered with their substantiation ([tool.hclint.claim] approved_claims) are clean. Reported at "
                  "warning, or at error when the sentence is about a disease.",
        fix_safety="Unsafe: the fix inserts a '[Source: ...]' placeholder after the claim, to be replaced with the "
                   "real reference (or remove the establishment wording).",
        examples=(
            Example("Our collagen peptides are clinically proven to reduce wrinkles. Shop now!", "fail",
                    fixed="Our collagen peptides are clinically proven to reduce wrinkles." + SOURCE_PLACEHOLDER
                          + " Shop now!"),
            Example("9 out of 10 dermatologists recommend our SPF 50. Available in store.", "fail"),
            Example("Our serum is clinically proven to reduce fine lines (Lee et al., J Cosmet Dermatol 2023). Shop now!", "pass"),
            Example("Does 'clinically proven' mean anything on a label? Let's talk about it.", "pass"),
            Example("Claims that 9 out of 10 doctors recommend a brand usually come from tiny surveys.", "pass"),
            Example("Studies show our chewable probiotic relieves bloating in two weeks.", "fail"),
            Example("This week 72% of people over 50 in our county have had their flu vaccine.", "pass"),
        ),
        fixable=True,
    ))

    def find(self, analysis: Analysis) -> Iterator[Hit]:
        if not (common.promotional(analysis) or common.names_a_product(analysis)) or common.source_given(analysis):
            return
        seen: set[int] = set()
        for start, end, text in common.find(ESTABLISHMENT, analysis.text):
            index = common.sentence_index(analysis, start)
            if index in seen or _indirect_question(analysis, start) or common.covered_by_approved(analysis, start, end):
                continue
            if common.context_of(analysis, start, end, common.ASSERTION_CONTEXTS):
                continue
            s, e = common.sentence_bounds(analysis, start)
            if not _states_a_benefit(analysis, text, s, e):
                continue
            seen.add(index)
            core_end = s + len(analysis.post.original[s:e].rstrip())
            disease = (common.contains("claims_diseases", analysis.text, s, e)
                       or common.contains("claims_outbreaks", analysis.text, s, e))
            yield common.hit(
                start, end, self.meta.message.format(match=text), "ESTABLISHMENT-CLAIM",
                evidence=(Evidence("pattern", "establishment claim", text, start, end, f"vocabulary:{ESTABLISHMENT}"),),
                suggestions=(Suggestion("Cite the study, survey or trial that supports the claim",
                                        (Edit(core_end, core_end, SOURCE_PLACEHOLDER),), Applicability.UNSAFE),),
                # a disease claimed proven is an error where the post sells; a statement of a
                # regulator or an agency that "data has shown" something is reported as a warning
                severity=Severity.ERROR if disease and sells(analysis) else None,
            )


def _health_outcome_post(analysis: Analysis) -> bool:
    text = analysis.text
    return any(common.contains(v, text) for v in _OUTCOME_CONTEXT) or bool(_OUTCOME_WORDS.search(text))


@dataclass(frozen=True)
class ResultsTimelinePromise(ClaimRule):
    meta: RuleMeta = field(default=RuleMeta(
        id="CLM012",
        name="results-timeline-promise",
        family="claim",
        severity=Severity.ERROR,
        message="{what}: promised, quantified results set unjustified expectations",
        citation="Cal. Bus. & Prof. Code §651(b)(3)(A)-(C) (unjustified expectations; before/after images); "
                 "22 TAC §164.3 (Texas Medical Board advertising); FTC Health Products Compliance Guidance (2022); "
                 "FTC Endorsement Guides, 16 CFR 255.2(b) (atypical results)",
        url="https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=BPC&sectionNum=651",
        summary="Finds outcome promises on a timetable ('lose 20 lbs in 2 weeks', 'results in one session', "
                "'reverses aging in 28 days') and before/after posts that do not say results vary.",
        rationale="Numbers and timelines read as what every patient will get; regulators and boards treat them as "
                  "creating unjustified expectations unless they are typical and substantiated. A before/after post "
                  "needs at least 'individual results vary' (and real, authorized, unaltered images). Registered "
                  "approved claims are clean.",
        fix_safety="A timeline promise is replaced by a placeholder asking for typical results ('unsafe': it removes "
                   "the promise). For before/after posts the fix appends 'Individual results vary.', which keeps the "
                   "post's meaning ('safe').",
        examples=(
            Example("Lose 20 lbs in 2 weeks with our medical weight loss program!", "fail",
                    fixed="[typical results, with their source; individual results vary] with our medical weight loss program!"),
            Example("Before & after: 3 CoolSculpting sessions on this client's tummy!", "fail",
                    fixed="Before & after: 3 CoolSculpting sessions on this client's tummy! Individual results vary."),
            Example("No, you can't lose 20 pounds in a week safely.", "pass"),
            Example("Boost your immunity 500% with our elderberry drops.", "fail"),
            Example("Our fat-melting capsules burn 50% of belly fat.", "fail"),
            Example("Flu vaccines cut the risk of flu illness by 40% to 60% in a typical season.", "pass"),
            Example("Before and after our lobby renovation! New chairs and a kids' corner.", "pass"),
            Example("Before & after 3 sessions of microneedling. Individual results vary.", "pass"),
            Example("Flu season update: influenza B & A are both circulating; treatment for patients at high risk "
                    "should start early.", "pass"),
            Example("B&A of this client's lip filler after 2 weeks 💋", "fail"),
            Example("Our clients shed a whole stone in 21 days!", "fail"),
            Example("Kidney stones can take 2-4 weeks to pass; call us if the pain is severe.", "pass"),
        ),
        fixable=True,
    ))

    def _quantified(self, analysis: Analysis, seen: set[int]) -> Iterator[Hit]:
        """A promoter's effect stated as a number: "boosts your immunity 500%", "melts 50% of belly fat"."""
        amounts = [q for q in analysis.quantities if q.label in {"PERCENT", "QUANTITY"}]
        if not amounts:
            return
        for claim in framed.claims(analysis, "body", "disease", "outbreak"):
            if claim.tentative:
                continue  # a kind of substance, hedged, nothing sold: CLM003 reads it as a warning
            frame = claim.frame
            sentence = analysis.sentence_at(frame.effect.start)
            amount = next((q for q in amounts if sentence.start_char <= q.start < sentence.end_char), None)
            index = common.sentence_index(analysis, frame.effect.start)
            if amount is None or index in seen or common.covered_by_approved(analysis, frame.start, frame.end):
                continue
            seen.add(index)
            start, end = min(frame.claim_span.start, amount.start), max(frame.claim_span.end, amount.end)
            yield common.hit(
                start, end,
                self.meta.message.format(what=f"quantified result '{amount.text}' [{frame.describe()}]"),
                "RESULTS-PROMISE",
                evidence=(Evidence("frame", "effect", frame.effect.text, frame.effect.start, frame.effect.end, frame.how),
                          Evidence("frame", f"target ({frame.target_class})", frame.target.text, frame.target.start,
                                   frame.target.end, frame.target.source),
                          Evidence("pattern", "amount", amount.text, amount.start, amount.end, amount.source)),
                suggestions=(common.display("State typical results with their source, or remove the number"),),
            )

    def find(self, analysis: Analysis) -> Iterator[Hit]:
        seen: set[int] = set()
        yield from self._quantified(analysis, seen)
        for start, end, text in common.find(TIMELINES, analysis.text):
            index = common.sentence_index(analysis, start)
            if index in seen or common.covered_by_approved(analysis, start, end):
                continue
            if common.context_of(analysis, start, end, common.ALL_CONTEXTS):
                continue
            s, e = common.sentence_bounds(analysis, start)
            if TEST_RESULTS.search(analysis.text, s, e) and regex.match(r"(?i)results?", text):
                continue  # "test results in 15 minutes" is turnaround time, not an outcome
            seen.add(index)
            yield common.hit(
                start, end, self.meta.message.format(what=f"timeline promise '{text}'"), "RESULTS-PROMISE",
                evidence=(Evidence("pattern", "timeline promise", text, start, end, f"vocabulary:{TIMELINES}"),),
                suggestions=(Suggestion("Replace the promise with typical results and their source",
                                        (Edit(start, end, "[typical results, with their source; individual results vary]"),),
                                        Applicability.UNSAFE),),
            )
        if _RESULTS_VARY.search(analysis.text):
            return
        for found in _BEFORE_AFTER.finditer(analysis.text):
            if not _health_outcome_post(analysis):
                return
            if common.context_of(analysis, found.start(), found.end(), ("negated", "question", "myth", "quoted")):
                continue
            end = analysis.prose_bounds[1]
            tags = _TRAILING_TAGS.search(analysis.text, 0, end)
            if tags is not None and tags.start() > analysis.prose_bounds[0]:
                end = tags.start()  # "... 24 lbs! Individual results vary. #transformation", not after the tags
            yield common.hit(
                found.start(), found.end(),
                self.meta.message.format(what=f"before/after post '{found.group(0)}' without 'individual results vary'"),
                "BEFORE-AFTER",
                evidence=(Evidence("pattern", "before/after", found.group(0), found.start(), found.end(), "before/after"),),
                suggestions=(Suggestion("Add 'Individual results vary.' (and typical results, with real, authorized, "
                                        "unaltered images)", (Edit(end, end, " Individual results vary."),),
                                        Applicability.SAFE),),
            )
            return
