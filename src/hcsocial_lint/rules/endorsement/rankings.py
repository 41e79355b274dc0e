"""END010: a seller's own ranking or rating of products presented as an expert review.

"Our experts rated these 5 joint supplements above the rest", "we tested 40 probiotic brands: here are
the top 3": the seller is the reviewer, and nothing says so. Read from the parse: a rating verb (rate,
rank, review, test, compare, score) whose subject is the post's own voice ("we", "our experts", "our
team") and whose object is a kind of product (lexicon ``product_categories``), in a post that ranks
("top", "best", "higher", "above", "#1"). A negated or asked rating, or a post that says the
seller makes one of the products ("our own", "we make", "we sell"), does not count.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ...analysis import Analysis
from ...language.clauses import has_parse
from ...language.reported import is_reported
from ...language.spans import TextSpan
from ...model import Applicability, Evidence, Example, Hit, RuleMeta, Severity, Suggestion

RATING_LEMMAS = frozenset({"rate", "rank", "review", "test", "compare", "score", "evaluate"})
# The small model sometimes lemmatises these wrongly ("rated" -> "rat"): the forms count too.
RATING_FORMS = frozenset(f"{stem}{end}" for stem in ("rate", "rank", "review", "test", "compare", "score", "evaluate")
                         for end in ("", "s", "d", "ed")) - {"rateed", "compareed", "scoreed", "evaluateed"}
OWN_VOICE = frozenset({"we", "us"})
OWN_POSSESSIVE = frozenset({"our"})
RANKING_WORDS = frozenset({"top", "best", "higher", "highest", "above", "first", "#1", "winner", "winners", "ahead",
                           "better"})
SELF_DISCLOSED = ("our own", "we make", "we sell", "we manufacture", "our brand", "made by us", "we own")


def _own_subject(verb) -> object | None:
    for child in verb.children:
        if child.dep_ not in {"nsubj", "nsubjpass", "agent"}:
            continue
        if child.lower_ in OWN_VOICE:
            return child
        if any(t.lower_ in OWN_POSSESSIVE and t.dep_ == "poss" for t in child.children):
            return child
    return None


def _object(verb, products: tuple[TextSpan, ...]):
    """The verb's direct object (or a conjunct of it) when a product word heads it: "rated these 5 joint
    supplements", not "reviewed 12 studies on probiotic supplements"."""
    for child in verb.children:
        if child.dep_ not in {"dobj", "nsubjpass"}:
            continue
        for noun in (child, *[c for c in child.children if c.dep_ == "conj"]):
            if any(p.start <= noun.idx < p.end for p in products):
                return noun
    return None


def _ranks(verb, obj) -> bool:
    """A ranking word in the sentence, outside the object's own left modifiers ("the top 10 cold remedies"
    names popular products; "rated these higher", "here are the top 3" ranks them)."""
    before_object = {t.i for t in obj.subtree if t.i < obj.i}
    return any(t.lower_ in RANKING_WORDS and t.i not in before_object for t in verb.sent)


@dataclass(frozen=True)
class SellerRanking:
    meta: RuleMeta = field(default=RuleMeta(
        id="END010",
        needs_model=True,
        name="seller-run-product-ranking",
        family="endorsement",
        severity=Severity.WARNING,
        message="the post ranks or rates products itself ('{verb}' by '{who}') without saying whether it sells "
                "one of them",
        citation="16 CFR 465.6 (company-controlled review websites or entities that purport to give independent "
                 "opinions); FTC Endorsement Guides 16 CFR 255.5 (material connections); CAP Code 3.45 and 3.3 "
                 "(comparisons and omissions)",
        url="https://www.ecfr.gov/current/title-16/chapter-I/subchapter-D/part-465",
        summary="Finds a rating or ranking of products whose rater is the post's own voice ('we rated', 'our "
                "experts ranked', 'our team tested') and whose object is a kind of product (supplements, brands, "
                "creams, devices), in a post that ranks them (top, best, higher, above). It is silent when the "
                "post says the products include its own.",
        rationale="A 'top 5' list or an expert rating made by a company that sells one of the products reads as "
                  "an independent review; the 2024 FTC rule bars misrepresenting a company-controlled review "
                  "entity as independent. Reviews of research or of services, and rankings by named independent "
                  "bodies, are not flagged.",
        fix_safety="No automatic fix. Say who made the ranking and that the product ranked first is your own, or "
                   "leave the ranking out.",
        examples=(
            Example("Our experts rated these 5 joint supplements higher than glucosamine for comfort and value.",
                    "fail"),
            Example("We tested 30 probiotic brands so you don't have to: here are the top 3.", "fail"),
            Example("Our team reviewed the latest research on vitamin D and falls.", "pass"),
            Example("We tested 30 probiotic brands, including our own, and ranked ours first: judge for yourself.",
                    "pass"),
            Example("Consumer Reports rated these five blood pressure monitors the most accurate.", "pass"),
        ),
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        doc = analysis.doc
        if not has_parse(doc) or not analysis.cues("product_categories"):
            return
        lowered = analysis.text.lower()
        if any(phrase in lowered for phrase in SELF_DISCLOSED):
            return
        products = analysis.cues("product_categories")
        for verb in doc:
            if verb.pos_ != "VERB" or (verb.lemma_.lower() not in RATING_LEMMAS and verb.lower_ not in RATING_FORMS):
                continue
            who = _own_subject(verb)
            if who is None:
                continue
            obj = _object(verb, products)
            if obj is None or not _ranks(verb, obj):
                continue
            product = next(p for p in products if p.start <= obj.idx < p.end)
            span = TextSpan(verb.idx, verb.idx + len(verb.text), "rating", verb.text)
            assertion = analysis.assertion(span)
            if assertion.negated or assertion.question or assertion.quoted or is_reported(analysis, span):
                continue
            yield Hit(
                min(who.idx, verb.idx), product.end,
                message=self.meta.message.format(verb=verb.text, who=who.text),
                category="SELF-RANKING",
                evidence=(Evidence("frame", "rater", who.text, who.idx, who.idx + len(who.text), "parse"),
                          Evidence("frame", "rating", verb.text, verb.idx, verb.idx + len(verb.text), "parse"),
                          Evidence("frame", "products", product.text, product.start, product.end,
                                   "lexicon:product_categories")),
                suggestions=(Suggestion("Say who made the ranking and whether a ranked product is your own",
                                        (), Applicability.DISPLAY),),
            )
            return
