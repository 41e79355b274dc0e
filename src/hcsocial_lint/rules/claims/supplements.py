"""Dietary-supplement structure/function claims without the DSHEA disclaimer (CLM013)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ...analysis import Analysis
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from ...nlp.regex_budget import TimedPattern, timed
from ...vocabularies import raw_terms
from . import common
from .common import ClaimRule

SUPPLEMENTS = "claims_supplement_terms"
STRUCTURE_FUNCTION = "claims_structure_function"
DISCLAIMER = "claims_dshea_disclaimer"
# The two sentences of 21 CFR 101.93(c), in the order of the vocabulary lines that recognise them.
DSHEA_SENTENCES = ("These statements have not been evaluated by the Food and Drug Administration.",
                   "This product is not intended to diagnose, treat, cure, or prevent any disease.")
DSHEA = "*" + " ".join(DSHEA_SENTENCES)
MAX_GAP = 10
NOT_SUPPLEMENT_CONTEXT = ("claims_rx_drugs", "claims_devices", "claims_diseases", "claims_outbreaks")
# "healthy blood sugar levels already within the normal range": the qualifier 21 CFR 101.93(g)(2) uses to
# keep a claim about a biomarker a structure/function claim; only supplement (and food) labels speak so.
NORMAL_RANGE = regex.compile(r"(?<![\w-])already\s+(?:with)?in\s+(?:the\s+|a\s+)?(?:normal|healthy)\s+range(?![\w-])",
                             regex.IGNORECASE)


def _missing_sentences(text: str) -> list[str]:
    """The DSHEA disclaimer's sentences the text lacks (each recognised by one vocabulary line): 21 CFR
    101.93(c) requires both, "not evaluated by FDA" and "not intended to diagnose, treat, cure, or
    prevent any disease"."""
    return [sentence for sentence, line in zip(DSHEA_SENTENCES, _disclaimer_patterns())
            if not line.search(text)]


@lru_cache(maxsize=1)
def _disclaimer_patterns() -> tuple[TimedPattern, ...]:
    """The disclaimer vocabulary's lines, compiled once per process."""
    return tuple(timed(regex.compile(line, regex.IGNORECASE), f"vocabulary {DISCLAIMER}", line)
                 for line in raw_terms(DISCLAIMER))


@dataclass(frozen=True)
class SupplementDisclaimer(ClaimRule):
    meta: RuleMeta = field(default=RuleMeta(
        id="CLM013",
        name="supplement-disclaimer-missing",
        family="claim",
        severity=Severity.WARNING,
        message="structure/function claim '{claim}' for a supplement without the DSHEA disclaimer",
        citation="21 U.S.C. 343(r)(6) (DSHEA); 21 CFR 101.93(b)-(c) (disclaimer wording and placement)",
        url="https://www.ecfr.gov/current/title-21/chapter-I/subchapter-B/part-101/subpart-F/section-101.93",
        summary="Finds a supplement offered for sale with a structure/function claim ('supports healthy "
                "digestion', 'promotes restful sleep', '= stronger nails') and the DSHEA disclaimer missing, or "
                "missing one of its two sentences ('These statements have not been evaluated by the Food and Drug "
                "Administration.' and 'This product is not intended to diagnose, treat, cure, or prevent any "
                "disease.').",
        rationale="A supplement may describe its effect on the body's normal structure or function only with the "
                  "statutory disclaimer. The disclaimer does not make a disease claim lawful: those are CLM003.",
        fix_safety="Unsafe: the fix appends the statutory disclaimer, which is right only if the product is a dietary "
                   "supplement and the claim is a structure/function claim; confirm both before posting.",
        examples=(
            Example("Our Daily Greens powder supports healthy digestion. Shop now!", "fail",
                    fixed="Our Daily Greens powder supports healthy digestion. Shop now! " + DSHEA),
            Example("Magnesium glycinate promotes restful sleep. $19.99 at our pharmacy counter.", "fail"),
            Example("Our Vitamin D3 softgels support healthy bones.* Shop now. " + DSHEA, "pass"),
            Example("Vitamin D is important for bone health; ask your doctor before taking high doses.", "pass"),
            Example("Our Glow caps = stronger hair and nails. $24 at the front desk.", "fail"),
            Example("Our turmeric capsules support healthy joints. Shop now! *These statements have not been evaluated "
                    "by the FDA.", "fail",
                    fixed="Our turmeric capsules support healthy joints. Shop now! *These statements have not been "
                          "evaluated by the FDA. This product is not intended to diagnose, treat, cure, or prevent any "
                          "disease."),
            Example("Our new porcelain caps strengthen chipped teeth. Book today.", "pass"),
        ),
        fixable=True,
    ))

    def find(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        missing = _missing_sentences(text)
        if not missing:
            return
        metadata_supplement = str(analysis.post.metadata.get("product_type", "")).lower() == "supplement"
        if not common.promotional(analysis) and not NORMAL_RANGE.search(text):
            return
        sentences = analysis.sentences
        for index, sentence in enumerate(sentences):
            s, e = sentence.start_char, sentence.end_char
            products = common.find(SUPPLEMENTS, text, s, e)
            qualified = [(m.start(), m.end(), m.group(0)) for m in NORMAL_RANGE.finditer(text, s, e)]
            products = products + qualified
            if not products and index > 0:
                # "Meet our new pre-workout supplement. Clinically shown to boost endurance."
                previous = sentences[index - 1]
                products = common.find(SUPPLEMENTS, text, previous.start_char, previous.end_char)
                products = [(s, s, p[2]) for p in products] if products else []
            if not products and not metadata_supplement:
                continue
            excluded = NOT_SUPPLEMENT_CONTEXT if not qualified else tuple(v for v in NOT_SUPPLEMENT_CONTEXT
                                                                           if v != "claims_diseases")
            if any(common.contains(v, text, s, e) for v in excluded):
                continue  # a drug, a device, or a disease claim (CLM003/CLM004), not a structure/function claim
            for start, end, claim in common.find(STRUCTURE_FUNCTION, text, s, e):
                near = any(abs(common.token_gap(analysis, min(p[1], end), max(p[0], start))) <= MAX_GAP for p in products)
                if products and not near:
                    continue
                if common.context_of(analysis, start, end, ("negated", "question", "myth", "quoted")):
                    continue
                tail = analysis.prose_bounds[1]
                addition = DSHEA if len(missing) == len(DSHEA_SENTENCES) else " ".join(missing)
                yield common.hit(
                    start, end, self.meta.message.format(claim=claim), "SUPPLEMENT-CLAIM",
                    evidence=(Evidence("pattern", "structure/function claim", claim, start, end,
                                       f"vocabulary:{STRUCTURE_FUNCTION}"),
                              Evidence("pattern", "supplement", products[0][2] if products else "product_type",
                                       products[0][0] if products else None, products[0][1] if products else None,
                                       f"vocabulary:{SUPPLEMENTS}")),
                    suggestions=(Suggestion("Add the DSHEA disclaimer", (Edit(tail, tail, " " + addition),),
                                            Applicability.UNSAFE),),
                )
                return
