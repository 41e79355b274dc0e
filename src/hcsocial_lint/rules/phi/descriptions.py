"""People picked out by a description, not a name: ``DescribedPersonRecognizer``.

Safe Harbor's last identifier is "any other unique identifying characteristic" (45 CFR
164.514(b)(2)(i)(R)). In a small community a role and a place are enough: "our beloved Elkhorn Bend
postmaster", "the pastor at Grace Fellowship", "the city councilman from Ward 3", "the legend in ICU
bed 7", "the Pilates instructor from the studio next door". The regular patterns of
``UniqueCharacteristicRecognizer`` list some such phrases; this recognizer reads the shape on the
dependency parse instead: a singular noun for what a person is or does in a community
(``vocabularies/phi_role_nouns.txt``), made definite ("the", "our"), that a proper name, a number or
"next door" specifies, in its compound words or in a prepositional phrase hung on it.

A description alone is not PHI: the PHI rules count it only with health that can be the person's, in
the description's sentence or one that refers back to them, or with our care said of them (see
``assessment._DESCRIPTION``). It needs a parsed ``Doc``; in the no-model mode it finds nothing.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ...vocabularies import terms
from .identifiers import state_or_larger
from .recognizers import LANGUAGE, UNIQUE_CHARACTERISTIC, _result

_PREPOSITIONS = frozenset({"from", "at", "of", "in", "on", "for", "with"})
_DEFINITE = frozenset({"the", "our", "their", "his", "her", "that", "this"})
_NEARBY = frozenset({"next door", "down the street", "across the street", "down the hall", "around the corner"})
SCORE = 0.5
_LOCAL_FIGURES = frozenset({"anchor", "weatherman", "weatherwoman", "meteorologist", "reporter", "dj", "mayor", "sheriff",
                            "judge", "pastor", "priest", "rabbi", "imam", "principal", "superintendent", "coach", "celebrity"})
_ORDINAL_GRADE = regex.compile(r"\d{1,2}(?:st|nd|rd|th)(?:-grade)?")


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    return frozenset(terms("phi_role_nouns"))


class DescribedPersonRecognizer(EntityRecognizer):
    """A definite role noun specified by a name, a number or a nearby place: one person in a community."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[UNIQUE_CHARACTERISTIC], supported_language=LANGUAGE,
                         name="DescribedPersonRecognizer")

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if entities and UNIQUE_CHARACTERISTIC not in entities:
            return []
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is None or not hasattr(doc, "has_annotation") or not doc.has_annotation("DEP"):
            return []
        results = []
        for noun in doc:
            if noun.pos_ not in {"NOUN", "PROPN"} or noun.tag_ in {"NNS", "NNPS"} or noun.lemma_.lower() not in _role_nouns():
                continue
            if not any(c.dep_ in {"det", "poss"} and c.lower_ in _DEFINITE or c.lower_ == "certain" for c in noun.children):
                continue  # "the", "our", or "a certain Pinebrook councilwoman"
            span = _specified(noun)
            if span is None:
                continue
            first, last = span
            start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
            why = f"a description that picks out one person ('{doc[first:last + 1].text}') (pattern: described)"
            results.append(_result(UNIQUE_CHARACTERISTIC, start, end, SCORE, self, why, "described"))
        return results


def _specified(noun) -> tuple[int, int] | None:
    """The token range of the description when a name, a number or a nearby place specifies the noun."""
    left = min([noun.i] + [c.left_edge.i for c in noun.children if c.i < noun.i])
    for child in noun.children:
        if child.i < noun.i and child.dep_ in {"compound", "amod", "nmod"} and any(
                _names_a_place(t) or _ORDINAL_GRADE.fullmatch(t.text) for t in child.subtree):
            return left, noun.i  # "our beloved Elkhorn Bend postmaster", "the 8th-grade captain"
        if child.dep_ == "amod" and child.lower_ == "local" and noun.lemma_.lower() in _LOCAL_FIGURES:
            return left, noun.i  # "the local news anchor": one of a handful of people a town knows
        if child.dep_ in {"amod", "advmod"} and child.lower_ == "only" and child.i < noun.i:
            return left, max(t.i for t in noun.subtree if t.i <= noun.i + 8)  # "the only woman partner at ..."
    for clause in (c for c in noun.children if c.dep_ in {"relcl", "acl"}):
        if any(_names_a_place(t) for t in clause.subtree):
            return left, clause.right_edge.i  # "the gentleman who's been sleeping in the blue Civic behind ..."
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _PREPOSITIONS):
        phrase = list(prep.subtree)
        if any(_names_a_place(t) or t.like_num and t.dep_ in {"nummod", "pobj", "appos"} for t in phrase[1:]) or \
                _nearby(prep):
            return left, phrase[-1].i  # "the pastor at Grace Fellowship", "from Ward 3", "from the studio next door"
    return None


def _names_a_place(token) -> bool:
    """A capitalised proper noun inside the sentence (not its first word), not a state or larger."""
    return (token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_sent_start and token.is_alpha
            and not state_or_larger(token.text))


def _nearby(prep) -> bool:
    words = " ".join(t.lower_ for t in prep.subtree)
    return any(place in words for place in _NEARBY)
