"""Disclosures: where a post says, in any words, that the speaker has a material connection to a brand.

One notion, read by END001 (is the connection disclosed at all?), END002 (is the disclosure easy to see
and unambiguous?) and END005 (is a reward for a review disclosed?). Three kinds:

* ``label``: an advertising label ("#ad", "(ad)", "Sponsored by ...", "Paid partnership with ...");
  a disclosure wherever it appears;
* ``relation``: the connection stated in the post's own words. From the vocabulary
  ``endorsement_disclosure`` ("I work at ...", "I earn a commission from this link", "I'm an ambassador
  for ...") and from the parse: someone else *gave* the speaker the thing ("the clinic gifted me this
  facial", "@brand sent me this PR box", "I was gifted this serum"), or the speaker thanks someone *for*
  a free thing ("thanks to @spa for the complimentary session", "thank you @brand for sending me these");
* ``ambiguous``: words the FTC says do not tell readers that a post is paid ("#sp", "#spon", "#collab",
  "#partner", "partnered with", a bare "thanks @brand"; FTC "Disclosures 101", 2019; FTC v. Teami, 2020).
  ``tier`` "tag" marks the hashtags, which themselves signal a connection; the others count only when
  the post shows one.

"@brand sent me" with nothing sent, "Dr. Lee sent me to @clinic" or "my dermatologist gave me the inside
scoop" is not a gift; "tell them I sent you" is a referral code, not a disclosure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp.doc_index import doc_text
from ..vocabularies import tagged_matches
from .clauses import has_parse
from .spans import TextSpan
from .voice import SINGULAR

if TYPE_CHECKING:
    from spacy.tokens import Token

VOCABULARY = "endorsement_disclosure"
GIFT_VERBS = frozenset({"gift", "send", "give", "comp", "provide", "sponsor", "host"})
FREE_WORDS = frozenset({"free", "complimentary", "gifted", "comped", "comp", "sponsored"})
THANKS = frozenset({"thanks", "thank", "thx", "ty"})
PERSONS = frozenset({"you", "him", "her", "them", "us", "people", "patients", "friends"})
SHOWN = frozenset({"this", "these", "that", "those", "their", "its", "his", "her"})
GOODS = frozenset({"sample", "box", "package", "haul", "kit", "bundle", "discount", "voucher", "credit", "gift",
                   "product", "goodie", "freebie"})


@dataclass(frozen=True)
class Disclosure:
    span: TextSpan
    kind: str  # "label", "relation" or "ambiguous"
    tier: str = ""  # for ambiguous ones: "tag" when the word itself signals a connection

    @property
    def clear(self) -> bool:
        return self.kind in {"label", "relation"}


def _span(doc, start: int, end: int, kind: str) -> TextSpan:
    return TextSpan(start, end, kind, doc_text(doc)[start:end], "language.disclosures")


def _speaker(token: Token) -> bool:
    return token.lower_ in SINGULAR


def _thing(token: Token) -> bool:
    """A thing given: not a person and not the speaker ("sent me to @clinic" sends the speaker)."""
    return token.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} and not _speaker(token) and \
        token.lower_ not in PERSONS and not token.text.startswith("@")


def _goods(token: Token) -> bool:
    """What is given is goods or a service shown or named as given ("this facial", "their new serum", "a free
    session", "these", "a PR box", "a discount"), not advice ("gave me the inside scoop", "gave me tips")."""
    words = [token, *token.children]  # the object's own words: not "the scoop on this cream"
    return token.lower_ in SHOWN or token.lemma_.lower() in GOODS or \
        any(t.lower_ in SHOWN and t.dep_ in {"det", "poss"} for t in words) or \
        any(t.lower_ in FREE_WORDS for t in words)


def _given_to_speaker(verb: Token) -> bool:
    """"X gifted me this facial", "@brand sent me these", "gave me a free session", "was gifted this":
    the speaker receives a thing from someone else."""
    if verb.lemma_.lower() not in GIFT_VERBS:
        return False
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    recipient = any(_speaker(c) and c.dep_ in {"dative", "dobj", "iobj"} for c in children) or any(
        c.dep_ in {"dative", "prep"} and c.lower_ == "to" and any(_speaker(g) for g in c.children)
        for c in children)
    things = [c for c in children if c.dep_ in {"dobj", "attr", "oprd"} and _thing(c)
              and (verb.lemma_.lower() in {"gift", "comp"} or _goods(c))]
    if subject is not None and subject.dep_ == "nsubjpass" and _speaker(subject):
        # "I was gifted this serum", "I was sent a PR box"
        return bool(things) or verb.lemma_.lower() == "gift"
    if subject is not None and _speaker(subject) and subject.dep_ == "nsubj":
        return False  # "I sent my mum a voucher"
    if recipient and things:
        return True
    if subject is not None and subject.dep_ == "nsubjpass" and _thing(subject):
        # "this facial was gifted (to me) by @spa", "this treatment was provided by the clinic"
        return recipient or any(c.dep_ == "agent" for c in children)
    return False


def _thanks_for_free(token: Token) -> bool:
    """"Thanks to @spa for the free session", "thank you @brand for gifting me this"."""
    if token.lower_ not in THANKS:
        return False
    for prep in (t for t in token.subtree if t.dep_ == "prep" and t.lower_ == "for"):
        for arg in prep.children:
            if arg.dep_ == "pobj" and any(t.lower_ in FREE_WORDS for t in arg.subtree):
                return True
            if arg.dep_ == "pcomp" and arg.lemma_.lower() in GIFT_VERBS | {"comp", "treat"}:
                return True
    return False


def _bare_thanks(token: Token) -> bool:
    """"Thanks @brand!": a thank-you to an account that says nothing of what was given."""
    if token.lower_ not in THANKS:
        return False
    following = [t for t in token.doc[token.i + 1:token.i + 4] if t.lower_ not in {"to", "you", "so", "much", ","}]
    return bool(following) and following[0].text.startswith("@") and len(following[0].text) > 2


def _parsed(doc) -> list[Disclosure]:
    found: list[Disclosure] = []
    if not has_parse(doc):
        return found
    for token in doc:
        if _given_to_speaker(token):
            sentence = token.sent
            found.append(Disclosure(_span(doc, sentence.start_char, sentence.end_char, "relation"), "relation"))
        elif _thanks_for_free(token):
            sentence = token.sent
            found.append(Disclosure(_span(doc, token.idx, sentence.end_char, "relation"), "relation"))
        elif _bare_thanks(token):
            end = token.doc[min(token.i + 3, len(token.doc) - 1)]
            found.append(Disclosure(_span(doc, token.idx, end.idx + len(end.text), "ambiguous"), "ambiguous"))
    return found


def disclosures(analysis) -> tuple[Disclosure, ...]:
    """Every disclosure in the post, clear or ambiguous, in text order (overlaps go to the clear one);
    found once per post, whichever rule asks first."""
    return analysis.remember("language:disclosures", lambda: _disclosures(analysis))


def _disclosures(analysis) -> tuple[Disclosure, ...]:
    text = analysis.text
    found = [Disclosure(TextSpan(m.start(), m.end(), kind, m.group(0), f"vocabulary:{VOCABULARY}"), kind, tier)
             for kind, tier, m in tagged_matches(VOCABULARY, text)]
    for item in _parsed(analysis.doc):
        if item.kind == "ambiguous" and any(item.span.overlaps(f.span) for f in found):
            continue
        found = [f for f in found if not (item.clear and not f.clear and item.span.overlaps(f.span))]
        found.append(item)
    return tuple(sorted(found, key=lambda d: d.span.start))
