"""Selling elective procedures and prescription medicines like consumer goods.

Three rules read the same notion, an *elective procedure* named in the post (lexicon
``elective_procedures``), or a *prescription-only medicine* (``prescription_only_medicines``), and ask
what it is sold with:

* INC006: travel and leisure perks bundled with it ("hotel + VIP transfer", "flights included",
  "holiday and treatment for one price"): surgery presented as a holiday;
* TON006: a time-limited or scarce promotion on it ("Black Friday", "limited spaces 14-16 May");
* INC007: a discount or affiliate code for a prescription-only medicine ("use my code X for money off
  your pen").

A perk counts only as the head of its noun phrase, so "holiday special" (a seasonal sale, TON002's
business) is not a holiday sold with surgery; every cue must be asserted (not negated, asked, quoted
or refuted) and not reported (``language.reported``), so "we never bundle flights with surgery" and a
news report of a clinic's package stay clean.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ...analysis import Analysis
from ...language.clauses import has_parse, token_at
from ...language.reported import is_reported
from ...language.spans import TextSpan
from ...language.voice import promo_codes
from ...model import Applicability, Evidence, Example, Hit, RuleMeta, Severity, Suggestion

GMC_COSMETIC = ("GMC, Guidance for doctors who offer cosmetic interventions (2016), paras 26-29 (no promotional "
                "tactics that encourage an ill-considered decision: no time-limited deals, no financial inducements, "
                "no procedures as prizes)")
CAP_COSMETIC = ("CAP Code rules 3.1, 3.31 and 12.1; ASA/CAP guidance 'Marketing of cosmetic interventions' "
                "(trivialising surgery, time-limited promotions)")
# Words that make a post an offer rather than an account of one.
SELLING_WORDS = frozenset({"package", "packages", "promotion", "promo", "price", "prices", "deal", "deals", "offer",
                           "offers", "include", "included", "includes", "including", "campaign", "vip", "book",
                           "apply", "save", "saving", "discount", "all-inclusive", "+"})
PERK_NOT_HEAD = frozenset({"compound", "amod", "nmod", "poss"})


def _asserted(analysis: Analysis, spans: tuple[TextSpan, ...]) -> tuple[TextSpan, ...]:
    return tuple(s for s in spans if analysis.assertion(s).asserted and not is_reported(analysis, s))


def procedures(analysis: Analysis) -> tuple[TextSpan, ...]:
    """Elective procedures the post asserts (not negated, asked, quoted or refuted)."""
    return _asserted(analysis, analysis.cues("elective_procedures"))


def _head_noun(analysis: Analysis, span: TextSpan) -> bool:
    """The perk heads its phrase: "a 5-star hotel", "holiday in the city", not "holiday special"."""
    doc = analysis.doc
    if not has_parse(doc):
        return True
    last = token_at(doc, max(span.start, span.end - 1))
    if last is None:
        return False
    if last.dep_ in PERK_NOT_HEAD and last.head.i > last.i and last.head.pos_ in {"NOUN", "PROPN"} and \
            last.head.lower_ not in {"transfer", "transfers", "stay", "package", "packages"}:
        return False
    return True


def _selling(analysis: Analysis) -> TextSpan | None:
    """The first sign that the post offers something for sale: an offer word, a price, a commercial cue."""
    for token in analysis.doc:
        if token.lower_ in SELLING_WORDS or token.lemma_.lower() in SELLING_WORDS:
            return TextSpan(token.idx, token.idx + len(token.text), "selling", token.text)
    for amount in analysis.quantities:
        if amount.label == "MONEY":
            return amount
    cues = analysis.cues("commercial_context")
    return cues[0] if cues else None


@dataclass(frozen=True)
class ProcedureTravelPackage:
    meta: RuleMeta = field(default=RuleMeta(
        id="INC006",
        name="procedure-travel-package",
        family="tone",
        severity=Severity.ERROR,
        message="'{procedure}' sold with travel or leisure perks ('{perk}'): surgery presented as a holiday",
        citation=CAP_COSMETIC + "; " + GMC_COSMETIC + "; Beneficiary Inducements CMP, 42 U.S.C. 1320a-7a(a)(5) "
                 "(items of value that influence the choice of a provider)",
        url="https://www.asa.org.uk/advice-online/cosmetic-interventions.html",
        summary="Finds an elective cosmetic or surgical procedure (a hair transplant, rhinoplasty, a BBL, filler, "
                "a gastric sleeve) offered together with travel or leisure perks (a hotel, flights, VIP or airport "
                "transfers, a holiday, a spa day), in a post that sells: a package, a price, an offer. A perk must "
                "head its phrase ('holiday in the city', not 'holiday special').",
        rationale="Bundling surgery with a holiday or luxury extras trivialises its risks and turns the decision "
                  "into a purchase of a trip; the ASA has repeatedly upheld complaints against such packages and "
                  "GMC guidance bars financial inducements for cosmetic interventions. Saying that a clinic is "
                  "near hotels, or giving travel advice for recovery, is not flagged.",
        fix_safety="No automatic fix. Describe the procedure, its risks and the consultation first; practical "
                   "travel information, if needed, should not be part of the price or the pitch.",
        examples=(
            Example("Rhinoplasty package: surgery, 4 nights in a 5-star hotel and VIP airport transfer, all for "
                    "one price. Book your consultation!", "fail"),
            Example("Hair transplant + hotel + flights included from £1,999. Apply now.", "fail"),
            Example("Our gastric sleeve deal includes a week's holiday by the sea.", "fail"),
            Example("Plan a week of rest after your tummy tuck; ask us about recovery and follow-up care.", "pass"),
            Example("Holiday special on flu shots for the whole family.", "pass"),
            Example("We never bundle hotels or flights with surgery: your consultation comes first.", "pass"),
            Example("The ASA banned a clinic's ad that sold rhinoplasty with a hotel and VIP transfers.", "pass"),
        ),
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        found = procedures(analysis)
        if not found:
            return
        perks = [p for p in _asserted(analysis, analysis.cues("travel_perks")) if _head_noun(analysis, p)]
        if not perks:
            return
        selling = _selling(analysis)
        if selling is None:
            return
        procedure, perk = found[0], perks[0]
        yield Hit(
            min(procedure.start, perk.start), max(procedure.end, perk.end) if abs(procedure.start - perk.start) < 200
            else perk.end,
            message=self.meta.message.format(procedure=procedure.text, perk=perk.text),
            category="INDUCEMENT",
            evidence=(Evidence("frame", "procedure", procedure.text, procedure.start, procedure.end,
                               "lexicon:elective_procedures"),
                      Evidence("frame", "travel perk", perk.text, perk.start, perk.end, "lexicon:travel_perks"),
                      Evidence("context", "offer", selling.text, selling.start, selling.end, "parse")),
            suggestions=(Suggestion("Sell the procedure on its own terms: what it involves, its risks and the "
                                    "consultation; leave hotels, flights and holidays out of the offer",
                                    (), Applicability.DISPLAY),),
        )


@dataclass(frozen=True)
class TimeLimitedProcedureOffer:
    meta: RuleMeta = field(default=RuleMeta(
        id="TON006",
        name="time-limited-procedure-offer",
        family="tone",
        severity=Severity.WARNING,
        message="time-limited promotion ('{deadline}') on '{procedure}': a decision about a procedure should not "
                "be rushed by a sale",
        citation=CAP_COSMETIC + "; " + GMC_COSMETIC + "; AMA Code of Medical Ethics Opinion 9.6.1",
        url="https://www.asa.org.uk/advice-online/cosmetic-interventions.html",
        summary="Finds a sale event, a closing date or limited places ('Black Friday', 'offer valid until', "
                "'limited spaces', 'this week only') in a post that names an elective cosmetic or surgical "
                "procedure.",
        rationale="The ASA upholds complaints against Black Friday and limited-availability promotions of liquid "
                  "BBLs, fillers and surgery abroad because they push people into an irreversible decision; GMC "
                  "guidance bars time-limited deals for cosmetic interventions. Clinic opening dates and "
                  "appointment availability without a deal are not flagged.",
        fix_safety="No automatic fix. Remove the deadline or scarcity; invite people to a consultation with time "
                   "to decide.",
        examples=(
            Example("Black Friday: lip filler appointments at our Leeds clinic, book yours.", "fail"),
            Example("Liquid BBL in Bristol, limited spaces on 3 and 4 June!", "fail"),
            Example("Our hair transplant promotion is valid until the end of May.", "fail"),
            Example("Dermal filler consultations are available Monday to Friday; take time to decide.", "pass"),
            Example("Black Friday hours: the pharmacy closes at 6 pm.", "pass"),
        ),
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        found = procedures(analysis)
        if not found:
            return
        deadlines = _asserted(analysis, analysis.cues("promotion_deadlines"))
        if not deadlines:
            return
        procedure, deadline = found[0], deadlines[0]
        yield Hit(
            deadline.start, deadline.end,
            message=self.meta.message.format(deadline=deadline.text, procedure=procedure.text),
            category="URGENCY",
            evidence=(Evidence("frame", "deadline", deadline.text, deadline.start, deadline.end,
                               "lexicon:promotion_deadlines"),
                      Evidence("frame", "procedure", procedure.text, procedure.start, procedure.end,
                               "lexicon:elective_procedures")),
            suggestions=(Suggestion("Remove the deadline or scarcity and invite people to a consultation with time "
                                    "to decide", (), Applicability.DISPLAY),),
        )


def discount_codes(analysis: Analysis) -> tuple[TextSpan, ...]:
    """Asserted discount codes (``language.voice.promo_codes``: "code SAVE10", "my code 'ANNA5'")."""
    return _asserted(analysis, promo_codes(analysis.doc))


@dataclass(frozen=True)
class PrescriptionMedicineCode:
    meta: RuleMeta = field(default=RuleMeta(
        id="INC007",
        name="prescription-medicine-discount-code",
        family="tone",
        severity=Severity.WARNING,
        message="discount code ('{code}') for a prescription-only medicine ('{medicine}'): an inducement to buy it",
        citation="UK Human Medicines Regulations 2012, reg. 284 (no advertising of prescription-only medicines to "
                 "the public); CAP Code 12.12; MHRA Blue Guide; FTC Endorsement Guides 16 CFR 255.5 (an affiliate "
                 "code is a material connection)",
        url="https://www.asa.org.uk/advice-online/prescription-only-medicines.html",
        summary="Finds a discount or affiliate code ('use my code X', 'code SAVE10 for money off') in a post that "
                "names a prescription-only medicine (Mounjaro, Wegovy, Botox).",
        rationale="A code that saves money on a prescription medicine advertises it to the public and invites "
                  "people to choose a medicine, and a supplier, on price; the ASA has upheld complaints against "
                  "influencers' codes for weight-loss injections. Naming a medicine without an offer is not "
                  "flagged here.",
        fix_safety="No automatic fix. Remove the code; say that the medicine needs a prescriber's assessment.",
        examples=(
            Example("Three months on Wegovy and loving it! Use my code JESS15 for 15% off your first order.", "fail"),
            Example("Get your Mounjaro pen with discount code SLIM10, link in bio.", "fail"),
            Example("Ask your doctor whether Wegovy is right for you; it needs a prescription.", "pass"),
            Example("Use code SPRING10 for 10% off our vitamin D gummies.", "pass"),
            Example("A report found influencers promoted Mounjaro with codes such as SLIM10.", "pass"),
        ),
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        medicines = _asserted(analysis, analysis.cues("prescription_only_medicines"))
        if not medicines:
            return
        codes = discount_codes(analysis)
        if not codes:
            return
        code, medicine = codes[0], medicines[0]
        yield Hit(
            code.start, code.end,
            message=self.meta.message.format(code=code.text, medicine=medicine.text),
            category="INDUCEMENT",
            evidence=(Evidence("frame", "discount code", code.text, code.start, code.end, "parse"),
                      Evidence("frame", "prescription-only medicine", medicine.text, medicine.start, medicine.end,
                               "lexicon:prescription_only_medicines")),
            suggestions=(Suggestion("Remove the code; a prescription medicine is chosen with a prescriber, not "
                                    "on a discount", (), Applicability.DISPLAY),),
        )
