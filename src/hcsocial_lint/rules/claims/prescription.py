"""Prescription products: benefit claims without risk information in the same post (CLM007,
fair balance) and promotion for uses outside the approved labeling (CLM008, off-label)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ...analysis import Analysis
from ...language.entities import proper_name_around
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from ...nlp.regex_budget import timed
from ...vocabularies import terms
from . import common
from .common import ClaimRule

RX = "claims_rx_drugs"
RISK = "claims_risk_info"
BENEFIT = "claims_benefit_cues"
SAFETY_CLAIM = regex.compile(
    r"(?<![\w-])(?:(?:completely|totally|perfectly|100\s?%|absolutely|entirely)\s+safe|non-?addictive|harmless|risk[- ]free"
    r"|(?:no|zero) (?:side effects|risks?|downtime|complications)|side[- ]effect[- ]free|safer than)(?![\w-])", regex.IGNORECASE)
FOR_USE = regex.compile(r"(?:\s*\([^)]{1,20}\))?\)?\s+(?:for|to treat|to help(?: with)?)\s+", regex.IGNORECASE)
NOT_PROMOTED = regex.compile(r"(?:stop|quit|ditch|skip|instead of|without|off|avoid|come off|get off)\s+(?:taking\s+)?"
                             r"(?:your\s+|the\s+|their\s+|her\s+|his\s+)?(?:[\w-]+\s+)?$", regex.IGNORECASE)
_NEGATING_BEFORE = frozenset({"no", "zero", "without", "free", "nor", "never"})
# Risk words that only name the kind of document, and the words that send the reader elsewhere.
_POINTER_ONLY_WORDS = regex.compile(r"risks?|warnings?|(?:important |full )?safety info(?:rmation)?|isi|(?:full )?prescribing "
                                    r"info(?:rmation)?|medication guide", regex.IGNORECASE)
_POINTER = regex.compile(r"\blink\b|\bbio\b|\bwebsite\b|\bvisit\b|\bsee\b|https?://|www\.|\[link\]|\.com\b", regex.IGNORECASE)
RISK_LINE = ("Important safety information: [list the most serious risks and contraindications, "
             "and link to full prescribing information].")
_PRONOUN = regex.compile(r"(?<![\w-])(?:it|them|this)(?![\w-])", regex.IGNORECASE)


def _risk_information(analysis: Analysis) -> bool:
    """Risk wording that is not itself negated ("no side effects" is a safety claim, not risk
    information) and that presents a risk, not only a pointer to one ("Risks & full prescribing
    info: link in bio" names no risk: FDA's guidance for space-limited posts asks for the most
    serious risks in the post itself, with the link as well)."""
    text = analysis.text
    for start, end, word in common.find(RISK, text):
        before = [t.lower_ for t in analysis.doc if t.idx < start][-3:]
        after = text[end:end + 6].lower()
        if any(previous in _NEGATING_BEFORE for previous in before) or after.startswith(("-free", " free")):
            continue
        if _POINTER_ONLY_WORDS.fullmatch(word) and _POINTER.search(text, *common.sentence_bounds(analysis, start)):
            continue
        return True
    return False


@lru_cache(maxsize=1)
def _benefit_pattern() -> regex.Pattern:
    """Benefit words, also inside hyphenated compounds ("weight-loss power", "wrinkle-smoothing")."""
    alternatives = sorted(terms(BENEFIT), key=len, reverse=True)
    return regex.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])", regex.IGNORECASE)


def _benefits(analysis: Analysis, start: int, end: int) -> list[tuple[int, int, str]]:
    found = [(m.start(), m.end(), m.group(0)) for m in _benefit_pattern().finditer(analysis.text, start, end)]
    # naming a disease next to the drug is an indication claim ("IV ketamine: the answer to depression")
    for vocabulary in ("claims_diseases", "claims_outbreaks"):
        found += common.find(vocabulary, analysis.text, start, end)
    return sorted(found)


def _benefit_near(analysis: Analysis, drug: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """Benefit language in the drug's sentence or the one next to it, or a "<drug> for <use>" frame."""
    index = common.sentence_index(analysis, drug[0])
    sentences = analysis.sentences
    window = sentences[max(0, index - 1): index + 2]
    for sentence in window:
        for start, end, text in _benefits(analysis, sentence.start_char, sentence.end_char):
            if drug[0] <= start < drug[1]:
                continue
            if common.context_of(analysis, start, end, ("negated", "question", "myth", "quoted")):
                continue  # "we never promise permanent results" is not a benefit claim
            return start, end, text
        found = SAFETY_CLAIM.search(analysis.text, sentence.start_char, sentence.end_char)
        if found:
            return found.start(), found.end(), found.group(0)
    frame = FOR_USE.match(analysis.text, drug[1])
    if frame:
        return frame.start(), frame.end(), frame.group(0).strip()
    return None


@dataclass(frozen=True)
class RxFairBalance(ClaimRule):
    honours_approved_claims = False  # a substantiated benefit still needs its risks alongside it

    meta: RuleMeta = field(default=RuleMeta(
        id="CLM007",
        name="rx-fair-balance",
        family="claim",
        severity=Severity.ERROR,
        message="'{drug}' is promoted with a benefit ('{benefit}') but the post gives no risk information",
        citation="FD&C Act 502(n), 21 U.S.C. 352(n); 21 CFR 202.1(e)(5) (fair balance); 21 U.S.C. 352(q)-(r) "
                 "(restricted devices); FDA draft guidance 'Internet/Social Media Platforms with Character Space "
                 "Limitations' (2014); FDA letters: Duchesnay/Diclegis Instagram (2015), Lilly Trulicity (2022), "
                 "Merz Xeomin 'paid partnership' reel (2024)",
        url="https://www.fda.gov/regulatory-information/search-fda-guidance-documents/internetsocial-media-platforms-character-space-limitations-presenting-risk-and-benefit-information",
        summary="Finds a prescription drug, neurotoxin, dermal filler or GLP-1 named with a benefit or safety claim "
                "in a promotional post that carries no risk information (side effects, warnings, safety "
                "information link).",
        rationale="A benefit claim for a prescription product must be balanced by its most important risks in the "
                  "same communication; a post that only sells the benefit is misleading. Naming the product with no "
                  "claim at all (a reminder post: 'Now offering Botox. Call to book.') needs no risk information.",
        fix_safety="Unsafe: the fix appends an 'Important safety information' line with a placeholder for the real "
                   "risks and a link to the full prescribing information, which a clinician must fill in.",
        examples=(
            Example("Smooth those frown lines in minutes with Botox! Now $11/unit.", "fail",
                    fixed="Smooth those frown lines in minutes with Botox! Now $11/unit. " + RISK_LINE),
            Example("Melt away stubborn pounds with Wegovy, prescribed online in 10 minutes.", "fail"),
            Example("Now offering Botox and Dysport at our Northside location. Call to book.", "pass"),
            Example("Mrs. Rao was treated with care at Apex HCG Hospitals and went home smiling.", "pass"),
            Example("Botox smooths frown lines for 3 to 4 months. Risks include bruising, headache and drooping eyelids; "
                    "see full Prescribing Information at the link.", "pass"),
        ),
        fixable=True,
    ))

    def find(self, analysis: Analysis) -> Iterator[Hit]:
        drugs = common.find(RX, analysis.text)
        if not drugs or _risk_information(analysis):
            return
        for drug in drugs:
            if common.context_of(analysis, drug[0], drug[1], ("negated", "question", "myth", "quoted")):
                continue
            if NOT_PROMOTED.search(analysis.text, max(0, drug[0] - 40), drug[0]):
                continue  # "stop your metformin" is advice (CLM010), not promotion
            if proper_name_around(analysis.doc, drug[0], drug[1]) is not None:
                continue  # "HCG Hospitals": a word of an organisation's name, not the drug
            if common.contains("claims_research_cues", analysis.text, *common.sentence_bounds(analysis, drug[0])):
                continue
            benefit = _benefit_near(analysis, drug)
            if benefit is None and not (analysis.post.metadata.get("image") and _before_after(analysis)):
                continue
            shown = benefit[2] if benefit else "before/after"
            tail = analysis.prose_bounds[1]
            yield common.hit(
                drug[0], drug[1], self.meta.message.format(drug=drug[2], benefit=shown), "RX-NO-RISK-INFO",
                evidence=(Evidence("pattern", "prescription product", drug[2], drug[0], drug[1], f"vocabulary:{RX}"),
                          Evidence("pattern", "benefit", shown, benefit[0] if benefit else None,
                                   benefit[1] if benefit else None, f"vocabulary:{BENEFIT}")),
                suggestions=(Suggestion("Add the most serious risks and a link to full safety information in the post",
                                        (Edit(tail, tail, " " + RISK_LINE),), Applicability.UNSAFE),),
            )
            return


_BEFORE_AFTER = timed(regex.compile(r"before\W{0,12}(?:and|&|/|\+|to)?\W{0,12}after", regex.IGNORECASE),
                      "claims", "before-and-after")


def _before_after(analysis: Analysis) -> bool:
    return bool(_BEFORE_AFTER.search(analysis.text))


@lru_cache(maxsize=1)
def _off_label_table() -> tuple[tuple[regex.Pattern, regex.Pattern, str], ...]:
    rows = []
    for line in terms("claims_off_label"):
        if "=>" not in line:
            raise ValueError(f"claims_off_label.txt: line without '=>': {line!r}")
        products, uses = (part.strip() for part in line.split("=>", 1))
        rows.append((regex.compile(r"(?<![\w-])(?:" + products + r")(?![\w-])", regex.IGNORECASE),
                     regex.compile(r"(?<![\w-])(?:" + uses + r")(?![\w-])", regex.IGNORECASE), line))
    return tuple(rows)


@dataclass(frozen=True)
class OffLabelPromotion(ClaimRule):
    meta: RuleMeta = field(default=RuleMeta(
        id="CLM008",
        name="off-label-promotion",
        family="claim",
        severity=Severity.ERROR,
        message="'{drug}' is promoted for {use}, a use outside its FDA-approved labeling",
        citation="FD&C Act 502(a), (f); 21 CFR 201.128 and 801.4 (intended use); FTC Act §§5, 12; NAD, Drip "
                 "Hydration ketamine-IV claims for depression and PTSD (2024)",
        url="https://www.ecfr.gov/current/title-21/chapter-I/subchapter-C/part-201/subpart-F/section-201.128",
        summary="Finds a prescription product promoted to the public for a use it is not approved for: Ozempic or "
                "Mounjaro for weight loss, IV ketamine for depression or PTSD, Botox for TMJ or a lip flip, LDN for "
                "autoimmune disease, metformin or rapamycin for anti-aging, HCG for weight loss, and similar.",
        rationale="Clinicians may prescribe off-label, but advertising a product's effect for an unapproved use "
                  "to consumers makes that use an intended use the labeling does not support (misbranding) and is "
                  "an unsubstantiated health claim. Research recruitment and questions are not promotion.",
        fix_safety="No automatic fix: describe only the approved indication, or invite a consultation without "
                   "naming the product for the unapproved use.",
        examples=(
            Example("Ozempic for weight loss, no diabetes required! Get your prescription through our app.", "fail"),
            Example("IV ketamine infusions for depression and PTSD. Book a consult at our clinic.", "fail"),
            Example("Botox isn't approved for TMJ, and we won't market it that way.", "pass"),
            Example("Ketamine-assisted therapy is being studied for depression; ask us about clinical trials.", "pass"),
        ),
    ))

    def find(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        sentences = analysis.sentences
        for index, sentence in enumerate(sentences):
            s, e = sentence.start_char, sentence.end_char
            if common.contains("claims_research_cues", text, s, e):
                continue
            for products, uses, _ in _off_label_table():
                for drug in products.finditer(text, s, e):
                    areas = [(s, e)]
                    if index + 1 < len(sentences) and _PRONOUN.search(sentences[index + 1].text):
                        areas.append((sentences[index + 1].start_char, sentences[index + 1].end_char))
                    for lo, hi in areas:
                        for use in uses.finditer(text, lo, hi):
                            if use.start() < drug.end() and drug.start() < use.end():
                                continue
                            if common.context_of(analysis, use.start(), use.end(), common.ASSERTION_CONTEXTS) or \
                                    common.context_of(analysis, drug.start(), drug.end(), ("negated",)):
                                continue
                            yield common.hit(
                                drug.start(), drug.end(),
                                self.meta.message.format(drug=drug.group(0), use=f"'{use.group(0)}'"), "OFF-LABEL",
                                evidence=(Evidence("pattern", "prescription product", drug.group(0), drug.start(),
                                                   drug.end(), "vocabulary:claims_off_label"),
                                          Evidence("pattern", "unapproved use", use.group(0), use.start(), use.end(),
                                                   "vocabulary:claims_off_label")),
                                suggestions=(common.display("Describe the approved indication only, or invite a "
                                                            "consultation without promoting the unapproved use"),),
                            )
                            return
