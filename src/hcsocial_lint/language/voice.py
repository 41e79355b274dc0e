"""Voice: who speaks in a post, and the marks of a personal endorsement.

* ``first_person_singular``: the post is told by one person ("I", "my", "me", "i" as typed on phones),
  the voice of a consumer, patient or influencer, as opposed to an organisation's "we" and "our";
* ``handles``: @accounts the post tags;
* ``promo_codes``: a discount code given in the post ("use code GLOW20", "code 'sam10'", "my code
  is Ellie 10"): the word "code" (or "promo code", "discount code") followed closely by a code-like
  token: quoted, mixing letters and digits, written in capitals, or a name;
* ``own_partnerships``: the speaker says they partnered with someone ("I partnered with @brand", "I've
  teamed up with ..."): a connection stated, but not a disclosure that the post is paid;
* ``personal_discounts``: a price reduction offered in the speaker's own voice ("20% off guys",
  "will save you £10", "money off your pen").

These are the surface marks that FTC's Endorsement Guides (16 CFR 255.5) and "Disclosures 101" treat as
signs of a material connection; rules decide what they mean together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ..nlp.doc_index import doc_text
from .spans import TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# The same voice on raw text, for strings that are not parsed on their own (a quotation inside a post).
# "I" only as written ("i" in lower case is too often a letter); "my", "me", "mine", "myself" in any case,
# since a post's first word is capitalised ("My back pain is gone") and captions shout ("MY skin!!").
FIRST_PERSON = regex.compile(r"(?<![\w'])(?:I|I'm|I've|I'd|I'll|(?i:me|my|mine|myself))(?![\w'])")
SINGULAR = frozenset({"i", "me", "my", "mine", "myself", "i'm", "im", "i've", "ive", "i'd", "i'll"})
PLURAL = frozenset({"we", "our", "us", "ours", "we're", "we've", "we'll"})
CODE_WORDS = frozenset({"code", "codes", "promo", "coupon", "voucher"})
_FILLERS = frozenset({"'", "‘", "’", "\"", "“", "”", ":", "-", "is", "my", "the", "=", "–"})


def first_person_singular(doc: Doc) -> tuple[Token, ...]:
    return tuple(t for t in doc if t.lower_ in SINGULAR or (t.lower_ == "i" and t.text in {"i", "I"}))


def first_person_plural(doc: Doc) -> tuple[Token, ...]:
    return tuple(t for t in doc if t.lower_ in PLURAL)


def handles(doc: Doc) -> tuple[TextSpan, ...]:
    return tuple(TextSpan(t.idx, t.idx + len(t.text), "handle", t.text, "voice")
                 for t in doc if t.text.startswith("@") and len(t.text) > 2)


def _code_like(token: Token, quoted: bool) -> bool:
    text = token.text
    if not any(c.isalnum() for c in text) or token.is_stop or token.like_url:
        return False
    if quoted or token.pos_ == "PROPN":
        return True
    has_digit, has_alpha = any(c.isdigit() for c in text), any(c.isalpha() for c in text)
    return (has_digit and has_alpha) or (text.isupper() and len(text) >= 3 and has_alpha)


def promo_codes(doc: Doc) -> tuple[TextSpan, ...]:
    """Every discount code given in the post: the word "code" and the code after it."""
    found: list[TextSpan] = []
    for token in doc:
        if token.lower_ not in CODE_WORDS:
            continue
        quoted = False
        for follower in doc[token.i + 1:token.i + 5]:
            if follower.text in {"'", "‘", "’", "\"", "“", "”"}:
                quoted = True
                continue
            if follower.lower_ in _FILLERS:
                continue
            if follower.lower_ in CODE_WORDS:
                continue
            if _code_like(follower, quoted):
                found.append(TextSpan(token.idx, follower.idx + len(follower.text), "promo_code",
                                      doc_text(doc)[token.idx:follower.idx + len(follower.text)], "voice"))
            break
    return tuple(found)


def personal_discounts(analysis) -> tuple[TextSpan, ...]:
    """Price reductions in the post: "20% off", "£10 off", a code that "will save you £10"."""
    found: list[TextSpan] = []
    text = analysis.text
    for amount in analysis.quantities:
        if amount.label not in {"MONEY", "PERCENT"}:
            continue
        after = text[amount.end:amount.end + 6].lower().lstrip()
        before = text[max(0, amount.start - 12):amount.start].lower()
        if after.startswith("off") or "save" in before:
            found.append(amount)
    for cue in analysis.cues("connection_markers"):
        if cue.text.lower().startswith("money off"):
            found.append(cue)
    return tuple(sorted(found))


PARTNER_VERBS = frozenset({"partner", "team", "collab", "collaborate"})


def own_partnerships(doc: Doc) -> tuple[TextSpan, ...]:
    """ "I partnered with @brand", "I'm partnering with ...", "I teamed up with ...": the speaker is the subject."""
    found = []
    for token in doc:
        if token.lemma_.lower() not in PARTNER_VERBS or token.pos_ not in {"VERB", "AUX", "NOUN"}:
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ in SINGULAR for c in token.children):
            continue
        partner = next((c for c in token.subtree if c.dep_ == "prep" and c.lower_ == "with"), None)
        if partner is None:
            continue
        end = max(t.idx + len(t.text) for t in partner.subtree)
        found.append(TextSpan(token.idx, end, "partnership", doc_text(doc)[token.idx:end], "voice"))
    return tuple(found)
