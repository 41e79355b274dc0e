"""Reported offers: a sentence that tells of someone else's conduct, not the post's own.

"The FTC fined a med spa for trading discounts for 5-star reviews", "regulators said the clinic sold
surgery with hotel stays", "a dentist was ordered to stop raffling whitening": the offer is real, but it
is reported, in news or in an enforcement notice, and the post does not make it. Read from the parse:
the cue sits under a verb of enforcement (fine, ban, sue, order, charge, uphold ...) whose subject is not
the post's own voice, or is its passive ("was fined", "were ordered"), or under a verb of reporting (say,
report, find, allege ...) whose subject is a reporting source (lexicon ``reporting_sources``: a regulator,
a court, a report, the press). Rules of the tone and endorsement families ask ``is_reported``; this is
additive and does not change ``Assertion.asserted``, which other families rely on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .clauses import has_parse, token_at
from .spans import TextSpan
from .voice import PLURAL, SINGULAR

if TYPE_CHECKING:
    from spacy.tokens import Token

ENFORCEMENT_LEMMAS = frozenset({"fine", "ban", "sue", "order", "charge", "penalize", "penalise", "uphold",
                                "settle", "prosecute", "warn", "accuse", "investigate", "bar", "sanction",
                                "convict", "indict", "censure", "prohibit", "rule", "crack"})
REPORTING_LEMMAS = frozenset({"say", "report", "find", "allege", "claim", "reveal", "state", "describe",
                              "note", "show", "conclude", "uncover", "discover"})
# The small model mislemmatises some of these ("fined" -> "fin"): their inflected forms count too.
ENFORCEMENT_FORMS = frozenset({"fined", "fines", "banned", "bans", "sued", "sues", "ordered", "charged", "penalized",
                               "penalised", "upheld", "settled", "prosecuted", "warned", "accused", "investigated",
                               "barred", "sanctioned", "convicted", "indicted", "censured", "prohibited", "ruled"})
OWN_VOICE = SINGULAR | PLURAL | {"you", "your"}
SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent"})


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or \
        (verb.tag_ == "VBN" and verb.dep_ in {"ROOT", "acl", "relcl"} and not any(c.dep_ == "aux" for c in verb.children))


def _source(subject: Token, sources: tuple[TextSpan, ...]) -> bool:
    return any(s.start <= t.idx < s.end for s in sources for t in subject.subtree)


def is_reported(analysis, span: TextSpan) -> bool:
    """Whether ``span`` sits in a clause that reports or enforces against someone else's conduct."""
    doc = analysis.doc
    if not has_parse(doc):
        return False
    token = token_at(doc, span.start)
    if token is None:
        return False
    sources = analysis.cues("reporting_sources")
    for verb in (token, *token.ancestors):
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = verb.lemma_.lower()
        subject = _subject(verb)
        own = subject is not None and subject.lower_ in OWN_VOICE
        if (lemma in ENFORCEMENT_LEMMAS or verb.lower_ in ENFORCEMENT_FORMS) and not own and (subject is not None or _passive(verb)):
            return True
        if lemma in REPORTING_LEMMAS and subject is not None and not own and _source(subject, sources):
            return True
    return False


def unreported(analysis, hits):
    """The hits of a rule whose matched text is not reported speech (see ``is_reported``)."""
    for hit in hits:
        if not is_reported(analysis, TextSpan(hit.start, max(hit.start + 1, hit.end), "hit")):
            yield hit
