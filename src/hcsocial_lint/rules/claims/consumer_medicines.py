"""Medicines and slimming products promoted to consumers: a prescription-only medicine advertised to
the UK public (CLM015) and weight-loss efficacy claims for a sold product or programme (CLM016).

Both read plain-phrase lexicons matched once per linter (``language/lexicons/claim_*.txt``) and the
assertion properties of the match (negated, asked, quoted, refuted), never the sentence's wording:

* CLM015: outside the United States and New Zealand a prescription-only medicine may not be
  advertised to the public at all, with or without an efficacy claim (UK Human Medicines
  Regulations 2012, reg. 284 and CAP Code 12.12; EU Directive 2001/83/EC art. 88). The rule needs
  the medicine and a sign that the post promotes it (a price, a code, booking, "available", an ad
  or story, the medicine as the thing the reader gets, or the medicine standing alone as the answer
  to a question). Where it applies comes from the organisation's declared ``country``; without one,
  a US sign (a dollar price, the FDA, Medicare) keeps the rule silent, since US law allows the same
  promotion with fair balance (CLM007).
* CLM016: a product, programme or injection said to make people lose weight, burn fat or curb
  appetite, in a post that sells it or about a sold thing, is an efficacy claim that needs evidence
  (FTC Act ss.5, 12; FTC "Gut Check", 2003; CAP Code 13.1, 13.10). A hedge excuses nothing; a post
  that gives the product's risks (an approved medicine on its label) and public-health bodies'
  posts are not reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ...analysis import Analysis
from ...language import TextSpan
from ...language.commerce import commercial_cues, lexicon_cues, promotional_post, sells
from ...model import Evidence, Example, Hit, RuleMeta, Severity
from ...org_kind import PRESCRIPTION_ADVERTISING_ALLOWED, is_public_health, organisation_country
from . import common
from .common import ClaimRule
from .prescription import _risk_information

POMS = "claim_prescription_only"
UK = "claim_uk_markers"
US = "claim_us_markers"
WEIGHT = "claim_weight_loss"
PRODUCTS = "promoter_products"
# verbs whose object is the thing the reader is invited to have: "they get Botox", "try the jab"
_CONSUMER_VERBS = frozenset({"get", "have", "try", "book", "want", "need", "love", "treat", "order", "buy", "start"})
# verbs whose object the poster offers: "we now offer Botox", "now stocking Mounjaro"
_SELLER_VERBS = frozenset({"offer", "sell", "stock"})
_OWN = frozenset({"our", "my", "we", "i", "us"})
# "lose over 2 stone", "shed 10 lbs", "drop a dress size": a loss verb whose object is a body measure
_LOSS_VERBS = frozenset({"lose", "drop", "shed", "burn", "melt", "blast", "torch"})
_ABOUT = frozenset({"over", "up", "nearly", "almost", "around", "about", "to"})
_MEANS = frozenset({"with", "using", "via", "on", "from", "by", "through"})
_AVERAGES = frozenset({"average", "mean", "median", "total", "minimum", "maximum"})
_MEASURES = frozenset({"weight", "stone", "pound", "lb", "lbs", "kg", "kilo", "kilogram", "inch", "fat", "size"})


def _asserted(analysis: Analysis, span: TextSpan) -> bool:
    return analysis.assertion(span).asserted


def _uk(analysis: Analysis) -> bool:
    return "£" in analysis.text or bool(lexicon_cues(analysis, UK))


def _us(analysis: Analysis) -> bool:
    return "$" in analysis.text or bool(lexicon_cues(analysis, US))


def _where_forbidden(analysis: Analysis) -> str | None:
    """Where the post's medicine advertising is forbidden ("in the UK"), or None where it is lawful."""
    country = organisation_country(analysis.settings)
    if country is not None:
        return None if country in PRESCRIPTION_ADVERTISING_ALLOWED else f"in {'the UK' if country == 'GB' else country}"
    if _uk(analysis):
        return "in the UK"
    if _us(analysis):
        return None
    return "outside the US and New Zealand"


def _stands_alone(tokens) -> bool:
    """The medicine is its whole sentence, as an order ("Book Botox.") or as the answer to a question
    before it ("Frown lines? Botox."); the tagger often reads such fragments' verbs as names."""
    sentence = tokens.root.sent
    words = [t for t in sentence if not t.is_punct and not t.is_space and not tokens.start <= t.i < tokens.end]
    if any(t.lower_ not in _CONSUMER_VERBS and t.lower_ not in _OWN | {"your", "some"} for t in words):
        return False
    if any(t.lower_ in _CONSUMER_VERBS for t in words):
        return True
    before = sentence.start - 1
    while before >= 0 and tokens.doc[before].is_space:
        before -= 1
    return before >= 0 and tokens.doc[before].text == "?"


_BOOKING_VERBS = frozenset({"book", "schedule", "make", "arrange", "request"})
_VISITS = frozenset({"appointment", "consultation", "session", "visit", "slot"})


def _invites_booking(analysis: Analysis) -> bool:
    """The post asks the reader to book ("make your appointment", "schedule a consultation") or to
    treat themselves: with a medicine named, that is an advertisement for it."""
    for token in analysis.doc:
        lemma = token.lemma_.lower()
        if lemma in _BOOKING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in _VISITS for c in token.children):
            return True
        if lemma == "book" and (token.pos_ == "VERB" or token.dep_ == "ROOT") and not any(
                c.dep_ == "mark" or c.dep_ == "dobj" and c.lemma_.lower() not in _VISITS for c in token.children):
            return True  # "Book at our Glasgow clinic", "DM to book"; not "before you book anything"
        if lemma == "treat" and any(c.dep_ == "dobj" and c.lower_ == "yourself" for c in token.children):
            return True
    return False


def _offered(analysis: Analysis, span: TextSpan, promoting: bool) -> bool:
    """The post promotes the medicine: it sells or invites booking (``promoting``), or the medicine
    is what the reader is to get."""
    if promoting:
        return True
    tokens = analysis.doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return False
    if _stands_alone(tokens):
        return True
    head = tokens.root
    if head.dep_ == "compound" and head.head.lemma_.lower() in _VISITS:
        return True  # "Botox appointments now open on Saturdays"
    while head.dep_ in {"conj", "appos", "compound"} and head.head.i != head.i:
        head = head.head
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "treat yourself to Botox"
    return head.dep_ in {"dobj", "pobj"} and verb.lemma_.lower() in _CONSUMER_VERBS | _SELLER_VERBS


@dataclass(frozen=True)
class PrescriptionOnlyAdvertised(ClaimRule):
    meta: RuleMeta = field(default=RuleMeta(
        id="CLM015",
        name="prescription-only-medicine-advertised",
        family="claim",
        severity=Severity.WARNING,
        message="'{medicine}' is a prescription-only medicine: {where} it may not be advertised to the public",
        citation="Human Medicines Regulations 2012 (SI 2012/1916), reg. 284; CAP Code 12.12; Directive 2001/83/EC "
                 "art. 88; ASA and ASAI rulings on botulinum toxin, weight-loss injection and hay fever injection "
                 "promotions (2018-2024)",
        url="https://www.asa.org.uk/advice-online/prescription-only-medicines.html",
        summary="Finds a prescription-only medicine (botulinum toxins, GLP-1 weight-loss injections, the steroid "
                "'hay fever jab') named in a post that promotes it to the public (a price, a code, booking, an ad, "
                "or the medicine as what the reader gets), unless the organisation's declared country (or, without "
                "one, a US sign in the post) allows such advertising.",
        rationale="UK law forbids advertising prescription-only medicines to the public whatever the ad claims: a "
                  "discount on 'Wegovy consultations' or a priced 'allergy jab' is an advertisement for the medicine. "
                  "A clinic may advertise a consultation or a treatment area ('anti-wrinkle treatment') without naming "
                  "the medicine. The same holds across the EU, Canada and Australia. In the US and New Zealand the same "
                  "promotion is lawful with fair balance (CLM007): declare `country = \"US\"` under "
                  "[tool.hclint.organisation], and without a declared country a dollar price, the FDA or Medicare in "
                  "the post keeps the rule silent. Negated, asked, quoted and refuted mentions are not promotion.",
        fix_safety="No automatic fix: rewording an ad to promote the consultation rather than the medicine needs a "
                   "person.",
        examples=(
            Example("Spring special: 15% off Botox at our Leeds clinic. Book now!", "fail"),
            Example("Beat the pollen this summer with our hay fever jab, just £55.", "fail"),
            Example("Use code SLIM10 for £10 off your first month of Mounjaro.", "fail"),
            Example("Feeling tired of frown lines? Treat yourself to Botox this Friday, £120.", "fail"),
            Example("Book an anti-wrinkle consultation with our nurse prescriber, £25.", "pass"),
            Example("Sweaty palms? Dysport. Crow's feet? Dysport. Ask at reception.", "fail"),
            Example("Now offering Botox and Dysport at our Northside location, from $11 a unit. Call to book.", "pass"),
            Example("We do not offer Botox to under-18s in any of our UK clinics.", "pass"),
            Example("Is Mounjaro right for you? Ask your GP, not an online shop.", "pass"),
        ),
    ))

    def find(self, analysis: Analysis) -> Iterator[Hit]:
        medicines = lexicon_cues(analysis, POMS)
        if not medicines or is_public_health(analysis.settings):
            return
        where = _where_forbidden(analysis)
        if where is None:
            return
        promoting = sells(analysis) or _invites_booking(analysis)
        for medicine in medicines:
            if not _asserted(analysis, medicine) or not _offered(analysis, medicine, promoting):
                continue
            yield common.hit(
                medicine.start, medicine.end, self.meta.message.format(medicine=medicine.text, where=where), "POM-ADVERTISED",
                evidence=(Evidence("lexicon", "prescription-only medicine", medicine.text, medicine.start,
                                   medicine.end, f"lexicon:{POMS}"),),
                suggestions=(common.display("Advertise the consultation or the treatment area, not the medicine; "
                                            "the prescriber decides on the medicine after a consultation."),),
            )
            return


def _loss_frames(analysis: Analysis) -> list[TextSpan]:
    """Loss verbs on the parse whose object is a body measure ("lost over 2 stone", "shed 10 lbs")."""
    found = []
    for token in analysis.doc:
        if token.lemma_.lower() not in _LOSS_VERBS or token.pos_ not in {"VERB", "AUX"}:
            continue
        obj = next((c for c in token.children if c.dep_ in {"dobj", "npadvmod", "attr"}), None)
        if obj is None:  # "drop over a stone", "lose up to 10 lbs"
            prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in _ABOUT), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None and obj.lemma_.lower() in _AVERAGES:  # "lose an average of 28 lbs"
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.lemma_.lower() in _MEASURES:
            end = obj.idx + len(obj.text)
            found.append(TextSpan(token.idx, end, "weight loss", analysis.text[token.idx:end], "parse"))
    return found


def _sells_beyond(analysis: Analysis, measures: list[TextSpan]) -> bool:
    """The post sells, not counting the weight itself read as money ("lost 30 pounds")."""
    if promotional_post(analysis):
        return True
    return any(not any(c.overlaps(m) or m.start <= c.start < m.end + 12 for m in measures)
               for c in commercial_cues(analysis))


def _promoted(analysis: Analysis, cue: TextSpan, measures: list[TextSpan]) -> str | None:
    """Why the weight-loss cue is a seller's claim: the post sells, or names a sold thing or the
    organisation's own programme near the cue (same or neighbouring sentence)."""
    if _sells_beyond(analysis, measures):
        return "the post sells"
    sentence = analysis.sentence_at(cue.start)
    lo, hi = sentence.start_char, sentence.end_char
    if sentence.start > 0:
        lo = analysis.doc[sentence.start - 1].sent.start_char
    if sentence.end < len(analysis.doc):
        hi = analysis.doc[sentence.end].sent.end_char
    product = next((p for p in lexicon_cues(analysis, PRODUCTS) if lo <= p.start < hi and _nominal(analysis, p)), None)
    if product is not None:
        return f"sold thing '{product.text}'"
    own = next((t for t in analysis.doc[sentence.start:sentence.end]
                if t.lower_ in {"our", "my"} and t.dep_ == "poss" and t.head.pos_ in {"NOUN", "PROPN"}
                and t.head.ent_type_ not in {"PERSON", "ORG"}), None)
    if own is not None:
        return f"the organisation's own '{own.text} {own.head.text}'"
    return None


def _nominal(analysis: Analysis, span: TextSpan) -> bool:
    """The sold thing is named as the thing that acts or is used ("these gummies help", "with our
    shake"), not a verb ("drinking") nor a thing given up ("swap sugary drinks for water")."""
    tokens = analysis.doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return False
    root = tokens.root
    while root.dep_ in {"compound", "conj", "appos"} and root.head.i != root.i:
        root = root.head
    if root.pos_ not in {"NOUN", "PROPN"} or root.lower_.endswith("ing"):
        return False
    if root.dep_ in {"nsubj", "nsubjpass", "ROOT"}:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in _MEANS:
        return True
    return any(c.lower_ in {"these", "this", "our", "my"} for c in root.children if c.dep_ in {"det", "poss"})


@dataclass(frozen=True)
class WeightLossClaim(ClaimRule):
    meta: RuleMeta = field(default=RuleMeta(
        id="CLM016",
        name="weight-loss-efficacy-claim",
        family="claim",
        severity=Severity.WARNING,
        message="weight-loss claim ('{cue}') for {why}: efficacy claims for slimming products need evidence",
        citation="FTC Act §§5, 12; FTC 'Gut Check: A Reference Guide for Media on Spotting False Weight Loss "
                 "Claims' (2003); FTC Health Products Compliance Guidance (2022); CAP Code 13.1, 13.10, 13.10.1",
        url="https://www.ftc.gov/business-guidance/resources/gut-check-reference-guide-media-spotting-false-weight-loss-claims",
        summary="Finds weight-loss efficacy words (lose weight, lose a stone, fat burner, burn fat, suppress "
                "appetite, boost metabolism) asserted in a post that sells, or next to a sold thing (gummies, "
                "capsules, juice, a programme of injections), with no risk information.",
        rationale="Regulators treat slimming claims for products as efficacy claims needing competent scientific "
                  "evidence; the FTC's 'Gut Check' lists claims that are almost always false (lose weight without "
                  "diet or exercise, block fat absorption), and the UK CAP Code forbids claims of a precise loss in a "
                  "stated time. A hedge ('may help you lose weight') excuses nothing. A post that gives an approved "
                  "medicine's risks states its label use; advice to eat well and move more sells nothing.",
        fix_safety="No automatic fix: the claim needs evidence or removal, which a person decides.",
        examples=(
            Example("Our detox tea melts belly fat while you sleep. Order today!", "fail"),
            Example("These gummies curb your appetite and help you lose weight fast.", "fail"),
            Example("Drop a stone in a month with the Lean Start plan, only £49.", "fail"),
            Example("Regular walking and balanced meals can help you lose weight over time.", "pass"),
            Example("No supplement will make you lose weight without changes to diet and activity.", "pass"),
            Example("Can a tea really burn fat? We looked at the evidence.", "pass"),
        ),
    ))

    def find(self, analysis: Analysis) -> Iterator[Hit]:
        cues = sorted({*lexicon_cues(analysis, WEIGHT), *_loss_frames(analysis)}, key=lambda c: c.start)
        if not cues or is_public_health(analysis.settings) or _risk_information(analysis):
            return
        for cue in cues:
            if not _asserted(analysis, cue):
                continue
            if common.contains("claims_research_cues", analysis.text, *common.sentence_bounds(analysis, cue.start)):
                continue
            why = _promoted(analysis, cue, cues)
            if why is None:
                continue
            if analysis.text[max(0, cue.start - 1):cue.start] == "#" and why != "the post sells":
                continue  # a hashtag ("#weightloss") is a topic; it implies the claim only on a post that sells
            yield common.hit(
                cue.start, cue.end, self.meta.message.format(cue=cue.text, why=why), "WEIGHT-LOSS-CLAIM",
                evidence=(Evidence("lexicon", "weight-loss effect", cue.text, cue.start, cue.end, f"lexicon:{WEIGHT}"),),
                suggestions=(common.display("Remove the weight-loss claim or state only what your evidence shows, "
                                            "with the diet and activity it needs."),),
            )
            return
