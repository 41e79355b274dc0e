"""Commercial context and promoters: is someone selling, and is the thing said to have an effect sold?

A health claim is a promoter's claim: the organisation, its product or service, or any sold thing
said to act on a disease or the body (FTC Act ss.5, 12; 21 U.S.C. 321(g)(1)(B)). The same words from
a health department teaching prevention are education. This module answers the two questions a
frame needs, from the parse and plain-phrase lexicons:

* ``commercial_cues``: the post sells (a call to buy or book, a price, a code, "available at"), or
  its kind or metadata says it is an ad, a story or a paid partnership;
* ``classify_agent``: what the agent of an effect is: the seller's own thing ("our spray", "we"), a
  sold thing ("CBD", "colloidal silver", a drug name), a public-health measure ("vaccines",
  "washing your hands"), or something else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .spans import TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Token

COMMERCE = "commercial_context"
PRODUCTS = "promoter_products"
PRACTICES = "promoter_practices"
MEASURES = "public_health_measures"
DRUGS = "claim_drugs"
CARE_PROVIDERS = "care_providers"
PROMOTIONAL_KINDS = frozenset({"ad", "story"})
FIRST_PERSON = frozenset({"our", "my", "we", "us", "i", "ours"})
PRONOUNS = frozenset({"it", "this", "these", "they", "that", "them"})
READER = frozenset({"you", "u", "ya"})

# A proper noun that names a person, an organisation or a place speaks or is spoken of; one that
# names nothing the entity recognizer knows is taken for a brand.
_NOT_BRANDS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW", "DATE", "WORK_OF_ART"})

SELLER = "seller"  # the organisation's own thing or a sold thing
MEASURE = "measure"  # a public-health measure or approved medicine in its labelled use
CARE = "care"  # clinicians or a place of care: the practice of medicine, not a product
ELIDED = "elided"  # no subject: a fragment describing an unnamed thing ("helps prevent the flu")
DEFENCES = "defences"  # the body's defences, boosted or promised, said to defeat an outbreak pathogen
OTHER = "other"


@dataclass(frozen=True)
class Agent:
    kind: str
    span: TextSpan | None
    why: str
    generic: bool = False  # a kind of sold thing ("acupuncture", "CBD"), not the organisation's own
    practice: bool = False  # the sold thing is a practice done to a person ("acupuncture"), not a substance


def commercial_cues(analysis) -> tuple[TextSpan, ...]:
    """Where the post sells: lexicon cues and money amounts (empty when it does not)."""
    return tuple(sorted([*analysis.cues(COMMERCE), *prices(analysis)]))


def prices(analysis) -> list[TextSpan]:
    """The money amounts written as prices ("$49", "£20 off")."""
    return [q for q in analysis.quantities if q.label == "MONEY" and is_price(q.text)]


def promotional_post(analysis) -> bool:
    """The post is an ad or a story, a paid partnership or a product page: it sells whatever it says."""
    metadata = analysis.post.metadata
    return bool(analysis.kind in PROMOTIONAL_KINDS or metadata.get("paid_partnership") or metadata.get("product_type"))


_CURRENCY = frozenset("$£€")
_LARGE = frozenset({"million", "billion", "trillion", "bn", "m", "b", "mn"})


def is_price(text: str) -> bool:
    """A money amount written as a price ("$49", "£20 off"), not a budget ("$25M", "$4 billion") nor
    a hashtag the entity recognizer took for money."""
    lowered = text.lower()
    if not any(c.isdigit() for c in lowered) or not (_CURRENCY & set(lowered) or any(
            w in lowered for w in ("dollar", "pound", "euro", "bucks"))):
        return False
    words = set(lowered.replace("$", " ").replace("£", " ").replace("€", " ").split())
    return not words & _LARGE and not lowered.rstrip().endswith(("m", "b", "bn", "k"))


def sells(analysis) -> bool:
    return promotional_post(analysis) or bool(commercial_cues(analysis))


def _overlapping(spans: Iterable[TextSpan], start: int, end: int) -> TextSpan | None:
    return next((s for s in spans if s.start < end and start < s.end), None)


def noun_phrase(token: Token) -> tuple[int, int]:
    """Character bounds of ``token``'s noun phrase: the token and its left-hand modifiers."""
    left = token.left_edge
    while left.is_space and left.i < token.i:  # blank text (blanked front matter) is not a modifier
        left = token.doc[left.i + 1]
    return left.idx, token.idx + len(token.text)


def lexicon_cues(analysis, name: str) -> tuple[TextSpan, ...]:
    layer = analysis.language
    return analysis.cues(name) if layer is not None and layer.known(name) else ()


def _measure_before(analysis, pronoun: Token) -> bool:
    """A public-health measure named earlier in the pronoun's sentence or the one before it."""
    sentence = pronoun.sent
    start = sentence.start_char
    if sentence.start > 0:
        start = pronoun.doc[sentence.start - 1].sent.start_char
    return any(start <= m.start < pronoun.idx and not analysis.assertion(m).negated  # not "no vaccine exists"
               for m in lexicon_cues(analysis, MEASURES))


_QUALITY_HEADS = frozenset({"benefit", "advantage"})


def _benefits_heading(pronoun: Token) -> Token | None:
    """The X of a "Benefits of X" heading opening the pronoun's sentence or one before it: "Benefits
    of float tanks: they ease fibromyalgia" (the pronoun stands for X)."""
    doc = pronoun.doc
    first = doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else pronoun.sent.start
    for token in doc[first:pronoun.i]:
        if token.lemma_.lower() not in _QUALITY_HEADS or token.tag_ not in {"NNS", "NNPS"}:
            continue
        before = [t for t in doc[token.sent.start:token.i] if not t.is_space and not t.is_punct]
        if any(t.pos_ not in {"DET", "NUM", "ADJ"} for t in before):
            continue  # a heading opens its line: "Benefits of X", "5 great benefits of X"
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        thing = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if thing is not None and thing.i < pronoun.i:
            return thing
    return None


# sold-thing words that are also everyday care ("rest and drink fluids"): a means only when owned or sold
EVERYDAY_PRODUCTS = frozenset({"drink", "water", "tea", "juice", "food", "fluid", "soup", "milk", "fruit", "vegetable",
                               "rest"})


def imperative_means(analysis, verb: Token) -> Agent | None:
    """The unnamed means of an order to the reader in a post about a sold thing: "Oust anxiety.
    CBD can ..." promises the effect of the CBD the post is about, named before or after it."""
    return _reader_means(analysis, verb, verb=verb, after=True)


def _reader_means(analysis, reader: Token, verb: Token | None = None, after: bool = False) -> Agent | None:
    """The reader as the agent of an effect in a post about a sold thing: "Regular adjustments this
    winter: you may shorten a cold" promises the effect of the adjustments the post is about. The
    sold thing is named before the effect; a public-health measure in the post ("you can lower your
    risk by getting vaccinated") makes it advice, not a promise for the product, and so does a means
    the sentence names itself ("you can stop the flu by washing your hands")."""
    verb = reader.head if verb is None else verb
    if any(c.dep_ == "prep" and c.lower_ in {"by", "through", "via"} for c in verb.children):
        return None
    if any(not analysis.assertion(m).negated for m in lexicon_cues(analysis, MEASURES)):
        return None
    practices = lexicon_cues(analysis, PRACTICES)
    selling = sells(analysis)

    def topic(thing: TextSpan) -> bool:  # the post's own thing, a practice, or anything in a post that sells
        if (thing.end > reader.idx and not after) or not analysis.assertion(thing).asserted:
            return False  # "Do you run a pool? You can help stop the spread" asks about the reader's own
        owned = analysis.text[max(0, thing.start - 12):thing.start].lower().split()[-2:]
        if selling or FIRST_PERSON & set(owned) or _overlapping(practices, thing.start, thing.end) is not None:
            return True
        # an order's means may be a kind of sold substance named after it ("Banish X. CBD can ..."), not water
        if not after:
            return False
        words = analysis.doc.char_span(thing.start, thing.end, alignment_mode="expand")
        return words is not None and words.root.lemma_.lower() not in EVERYDAY_PRODUCTS

    sold = [s for s in (*lexicon_cues(analysis, PRODUCTS), *practices) if topic(s)]
    if not sold:
        return None
    thing = max(sold, key=lambda s: s.end)
    practice = _overlapping(practices, thing.start, thing.end) is not None
    return Agent(SELLER, thing, f"the reader using '{thing.text}', which the post is about", generic=True,
                 practice=practice)


def classify_agent(analysis, agent: Token | None) -> Agent:
    """What the agent of an effect is (see the module docstring)."""
    if agent is None:
        return Agent(OTHER, None, "no agent")
    start, end = noun_phrase(agent)
    span = TextSpan(start, end, "agent", analysis.text[start:end], "parse")
    measure = _overlapping(lexicon_cues(analysis, MEASURES), start, end)
    if measure is not None:  # "our flu shots protect you": an approved measure in its labelled use
        return Agent(MEASURE, span, f"public-health measure '{measure.text}'")
    head = TextSpan(agent.idx, agent.idx + len(agent.text), "agent head")
    if _overlapping(lexicon_cues(analysis, CARE_PROVIDERS), head.start, head.end) is not None:
        return Agent(CARE, span, "clinicians or a place of care")  # "our neurologists treat Alzheimer's"
    sold = _overlapping([*lexicon_cues(analysis, PRODUCTS), *lexicon_cues(analysis, DRUGS)], start, end)
    words = {t.lower_ for t in agent.subtree if t.i < agent.i}
    if words & FIRST_PERSON and (sold is not None or agent.pos_ == "PROPN"):
        return Agent(SELLER, span, "the organisation's own product or service")  # "our spray", "my blend"
    if agent.lower_ in FIRST_PERSON:  # "we": a seller speaking of its service, or a community ("we can stop the spread")
        return Agent(SELLER if sells(analysis) else OTHER, span, "the organisation itself, in a post that sells")
    if sold is not None:
        practice = _overlapping(lexicon_cues(analysis, PRACTICES), start, end) is not None
        return Agent(SELLER, span, f"sold thing '{sold.text}'", generic=True, practice=practice)
    if agent.pos_ == "PROPN" and agent.ent_type_ not in _NOT_BRANDS and not agent.text.startswith("@") and (
            sells(analysis) or lexicon_cues(analysis, PRODUCTS)):
        # "AdipoSlim melts belly fat" in a post about capsules: a brand-named product
        return Agent(SELLER, span, f"the brand-named '{span.text}' in a post about a product")
    if agent.lower_ in PRONOUNS:
        thing = _benefits_heading(agent)
        if thing is not None:
            found = classify_agent(analysis, thing)
            if found.kind == OTHER and sells(analysis):  # a post that sells lists the benefits of what it sells
                return Agent(ELIDED, found.span, "the thing whose benefits a post that sells lists")
            return found
    if agent.lower_ in READER:
        using = _reader_means(analysis, agent)
        if using is not None:
            return using
    if agent.lower_ in PRONOUNS and _measure_before(analysis, agent):
        return Agent(MEASURE, span, "refers back to a public-health measure")  # "The vaccine ... it lowers the risk"
    if agent.lower_ in PRONOUNS or agent.pos_ == "PROPN":
        return Agent(SELLER if sells(analysis) else OTHER, span, "named or referred-to thing in a post that sells")
    return Agent(OTHER, span, "not a sold thing")
