"""Misused FDA status (CLM006): "FDA approved" for what FDA only cleared, registered, or never
reviewed (compounded drugs, supplements, devices, facilities), "FDA certified", and claims
that a compounded drug is "the same as" or a "generic" of a branded one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ...analysis import Analysis
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from ...vocabularies import terms
from . import common
from .common import ClaimRule

APPROVED = regex.compile(
    r"(?<![\w-])(?:fda[- ]?approved|approved by (?:the )?(?:u\.s\. )?(?:fda|food and drug administration)|fda[- ]approval)(?![\w-])",
    regex.IGNORECASE)
ENDORSED = regex.compile(
    r"(?<![\w-])(?:(?:fda|food and drug administration)[- ]?(?:certified|endorsed|sanctioned|accredited|backed|recommended)"
    r"|(?:certified|endorsed) by (?:the )?fda)(?![\w-])", regex.IGNORECASE)
REGISTERED = regex.compile(r"(?<![\w-])(?:fda[- ]?(?:registered|listed)|registered with (?:the )?fda)(?![\w-])", regex.IGNORECASE)
COMPOUNDED = regex.compile(r"(?<![\w-])(?:compound(?:ed|ing)|503[ab]|outsourcing facility)(?![\w-])", regex.IGNORECASE)
NEWS_VERB = regex.compile(r"(?<![\w-])the fda approved(?![\w-])", regex.IGNORECASE)
COMPOUNDED_DISCLAIMER = ("Compounded medications are not FDA-approved; FDA does not review them for safety, "
                         "effectiveness or quality.")
NON_APPROVED_TYPES = frozenset({"compounded", "supplement", "device", "service", "cosmetic", "unapproved"})
NEARBY_TOKENS = 7


def _brands_pattern() -> str:
    return "|".join(sorted(terms("claims_no_generic_brands"), key=len, reverse=True))


def _rx_pattern() -> str:
    return "|".join(sorted(terms("claims_rx_drugs"), key=len, reverse=True))


def _sameness_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    rx = _rx_pattern()
    brands = _brands_pattern()
    same = regex.compile(
        r"(?<![\w-])(?:(?:the\s+)?same\s+(?:[\w-]+\s+){0,2}?(?:ingredients?|medications?|medicines?|drugs?|formulas?|molecules?|results?|effects?|benefits?|weight\s+loss)\s+(?:as|in|found\s+in|used\s+in)"
        r"|(?:the\s+)?same\s+as|identical\s+to|just\s+like|equivalent\s+(?:to|of)|a\s+dupe\s+(?:for|of)|(?:a|the)\s+version\s+of)"
        r"\s+(?:the\s+)?(?:brand[- ]name\s+)?(?:" + rx + r")[®™]?(?![\w-])"
        r"|(?<![\w-])(?:" + rx + r")[®™]?\s*(?:dupes?|equivalents?|knock-?offs?)(?![\w-])", regex.IGNORECASE)
    generic = regex.compile(r"(?<![\w-])generic\s+(?:" + brands + r")(?![\w-])", regex.IGNORECASE)
    return same, generic


def _metadata_type(analysis: Analysis) -> str:
    return str(analysis.post.metadata.get("product_type", "")).strip().lower()


def _nearby(analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    """Character range of the few tokens around a match, within its sentence."""
    s, e = common.sentence_bounds(analysis, start)
    tokens = [t for t in analysis.doc if s <= t.idx < e]
    before = [t for t in tokens if t.idx < start][-NEARBY_TOKENS:]
    after = [t for t in tokens if t.idx >= end][:NEARBY_TOKENS]
    lo = before[0].idx if before else start
    hi = after[-1].idx + len(after[-1].text) if after else end
    return lo, hi


def _classify(analysis: Analysis, start: int, end: int) -> str | None:
    """What the 'FDA approved' wording describes, when FDA cannot have approved it."""
    if COMPOUNDED.search(analysis.text) or _metadata_type(analysis) == "compounded":
        return "compounded"
    if _metadata_type(analysis) in NON_APPROVED_TYPES:
        return _metadata_type(analysis)
    lo, hi = _nearby(analysis, start, end)
    if common.contains("claims_devices", analysis.text, lo, hi):
        return "device"
    if common.contains("claims_supplement_terms", analysis.text, lo, hi) or common.contains(
            "claims_unapproved_products", analysis.text, lo, hi):
        return "unapproved product"
    if common.contains("claims_fda_subjects", analysis.text, lo, hi):
        if common.contains("claims_rx_drugs", analysis.text, lo, hi):
            return None
        return "facility or service"
    return None


_REPLACEMENT = {
    "device": ("FDA-cleared", "Say 'FDA-cleared' (only if the device has 510(k) clearance for this use)"),
    "compounded": ("not FDA-approved", "State the real status: compounded drugs are not FDA-approved"),
    "supplement": ("not FDA-approved", "State the real status: FDA does not approve supplements"),
    "unapproved product": ("not FDA-approved", "State the real status: this product is not FDA-approved"),
}
PLACEHOLDER = "[state the accurate FDA status]"


@dataclass(frozen=True)
class FdaStatusMisuse(ClaimRule):
    meta: RuleMeta = field(default=RuleMeta(
        id="CLM006",
        name="fda-status-misuse",
        family="claim",
        severity=Severity.CRITICAL,
        message="{what}",
        citation="21 CFR 807.97 (510(k) clearance 'does not in any way denote official approval'); FD&C Act 502(a), "
                 "502(bb), 21 U.S.C. 352(a), 352(bb) (false or misleading advertising of compounded drugs); FTC "
                 "Health Products Compliance Guidance (2022) §on FDA approval; FDA warning letters to telehealth "
                 "firms (Sept 9 2025; Mar 3 2026)",
        url="https://www.ecfr.gov/current/title-21/chapter-I/subchapter-H/part-807/subpart-E/section-807.97",
        summary="Finds 'FDA approved' used for compounded drugs, supplements, devices (which are cleared), "
                "facilities or services; 'FDA certified/endorsed'; 'FDA registered' as a seal of quality; and "
                "'generic Ozempic' or 'same active ingredient as Wegovy' sameness claims.",
        rationale="FDA approves specific drugs and high-risk devices for specific uses. It does not approve "
                  "compounded drugs, supplements, clinics or most devices (those are cleared or registered), and it "
                  "certifies nothing. Implying approval or sameness with an approved brand misbrands the product; FDA "
                  "cited exactly these phrases in its 2025-2026 telehealth letters.",
        fix_safety="Unsafe: the fix replaces the status wording with the accurate one for what was described "
                   "('FDA-cleared' for a device, 'not FDA-approved' for compounded drugs and supplements, otherwise a "
                   "placeholder), or deletes 'FDA-certified'; check that the new status is true. Sameness claims get "
                   "the compounded-drug statement appended.",
        examples=(
            Example("Our compounded semaglutide is FDA-approved. Start for $199/month.", "fail",
                    fixed="Our compounded semaglutide is not FDA-approved. Start for $199/month."),
            Example("Our HydraFacial machine is FDA approved! Book today.", "fail",
                    fixed="Our HydraFacial machine is FDA-cleared! Book today."),
            Example("Visit our FDA-certified med spa!", "fail", fixed="Visit our med spa!"),
            Example("Same active ingredient as Ozempic, for a fraction of the price. Order online.", "fail"),
            Example("Paxlovid is an FDA-approved oral antiviral; our pharmacists check for drug interactions.", "pass"),
            Example("Compounded medications are not FDA-approved.", "pass"),
            Example("Our laser is cleared by the FDA for hair reduction.", "pass"),
        ),
        fixable=True,
    ))

    def _approved(self, analysis: Analysis) -> Iterator[Hit]:
        matches = list(APPROVED.finditer(analysis.text))
        # "Compounded semaglutide is not FDA-approved ... ask about FDA-approved options": once the
        # post denies approval, "FDA-approved" in another sentence is the contrast, not a claim
        denied = {common.sentence_index(analysis, m.start()) for m in matches
                  if common.context_of(analysis, m.start(), m.end(), ("negated",))}
        for found in matches:
            start, end = found.span()
            if denied and common.sentence_index(analysis, start) not in denied:
                continue
            if NEWS_VERB.match(analysis.text, max(0, start - 4)):  # "the FDA approved a new drug": news
                continue
            if common.context_of(analysis, start, end, common.ASSERTION_CONTEXTS):
                continue
            kind = _classify(analysis, start, end)
            if kind is None:
                continue
            replacement, description = _REPLACEMENT.get(kind, (PLACEHOLDER, "State the accurate FDA status"))
            yield common.hit(
                start, end, f"'{found.group(0)}' for a {kind}: FDA has not approved it",
                "FDA-STATUS",
                evidence=(Evidence("pattern", "FDA approval wording", found.group(0), start, end, "fda-approved"),
                          Evidence("context", kind, "", None, None, "nearby words / metadata product_type")),
                suggestions=(Suggestion(description, (Edit(start, end, replacement),), Applicability.UNSAFE),),
            )

    def _endorsed(self, analysis: Analysis) -> Iterator[Hit]:
        original = analysis.post.original
        for found in ENDORSED.finditer(analysis.text):
            start, end = found.span()
            if common.context_of(analysis, start, end, common.ASSERTION_CONTEXTS):
                continue
            cut = end
            while cut < len(original) and original[cut] in " \t":
                cut += 1
            yield common.hit(
                start, end, f"'{found.group(0)}': FDA does not certify or endorse products, clinics or services",
                "FDA-STATUS",
                evidence=(Evidence("pattern", "FDA endorsement wording", found.group(0), start, end, "fda-certified"),),
                suggestions=(Suggestion(f"Delete '{found.group(0)}'", (Edit(start, cut, ""),), Applicability.UNSAFE),),
            )

    def _registered(self, analysis: Analysis) -> Iterator[Hit]:
        for found in REGISTERED.finditer(analysis.text):
            start, end = found.span()
            if common.context_of(analysis, start, end, common.ASSERTION_CONTEXTS):
                continue
            yield common.hit(
                start, end, f"'{found.group(0)}' used as a mark of quality: registration is not FDA review or approval",
                "FDA-STATUS",
                evidence=(Evidence("pattern", "FDA registration wording", found.group(0), start, end, "fda-registered"),),
                suggestions=(common.display("Remove 'FDA-registered' or say plainly that registration is not approval"),),
                severity=Severity.ERROR,
            )

    def _sameness(self, analysis: Analysis) -> Iterator[Hit]:
        same, generic = _sameness_patterns()
        disclaimer_present = "not fda-approved" in analysis.text.lower() or "not fda approved" in analysis.text.lower()
        brands = common.find("claims_no_generic_brands", analysis.text)
        for found in [*generic.finditer(analysis.text), *same.finditer(analysis.text)]:
            start, end = found.span()
            if common.context_of(analysis, start, end, common.ASSERTION_CONTEXTS):
                continue
            if found.re is same and not COMPOUNDED.search(analysis.text) and "dupe" not in found.group(0).lower():
                # "Zepbound has the same active ingredient as Mounjaro" compares two approved brands
                s, _ = common.sentence_bounds(analysis, start)
                if any(s <= b[0] < start for b in brands):
                    continue
            suggestions = [common.display("Remove the sameness claim: a compounded drug is not the same as, or a "
                                          "generic of, an FDA-approved brand")]
            if not disclaimer_present:
                tail = analysis.prose_bounds[1]
                suggestions.insert(0, Suggestion("Add the compounded-drug statement",
                                                 (Edit(tail, tail, " " + COMPOUNDED_DISCLAIMER),), Applicability.UNSAFE))
            yield common.hit(
                start, end, f"'{found.group(0)}' implies sameness with an FDA-approved brand-name drug",
                "FDA-SAMENESS",
                evidence=(Evidence("pattern", "sameness claim", found.group(0), start, end, "sameness"),),
                suggestions=suggestions,
            )
            return

    def find(self, analysis: Analysis) -> Iterator[Hit]:
        yield from self._approved(analysis)
        yield from self._endorsed(analysis)
        yield from self._registered(analysis)
        yield from self._sameness(analysis)
