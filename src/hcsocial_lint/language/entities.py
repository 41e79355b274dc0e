"""What a name names: a person, or a platform, a microbe, a deity, a company, a drug, a place, a thing?

The small model tags many capitalised words PERSON: "Join us on Twitter", "recalled for Listeria",
"by the grace of Allah", "the Pfizer and Moderna vaccines", "Clara, the self-checker". A privacy
rule that takes them for people raises false alarms a privacy officer would never raise. This
module types a span the model (or a name recognizer) thinks is a person, from three sources:

* lexicons of names that are not people (``lexicons/named_platforms.txt``, ``named_pathogens``,
  ``named_deities``, ``named_companies``), matched once per post with the other lexicons;
* drug names from the maintained ``drug-named-entity-recognition`` package (MIT licence), shipped
  as the word list ``data/drug_names.txt`` that ``tools/build_drug_names.py`` generates from it;
* the parse: a name in apposition to a thing noun ("Clara, the symptom checker"; ``thing_nouns``),
  a name the model itself labels a place, nationality or group (GPE, LOC, NORP).

It also says whether a social handle reads as a person's or an organisation's account. Nothing here
knows about PHI; the PHI family reads it to decide who can be a patient.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import regex

from ..nlp.doc_index import doc_text
from .clauses import tokens_in

if TYPE_CHECKING:
    from spacy.tokens import Doc

PLATFORM = "platform"
PATHOGEN = "pathogen"
DEITY = "deity"
COMPANY = "company or brand"
DRUG = "drug"
PLACE = "place or group"
THING = "thing"

# Lexicon name -> the type it gives.
LEXICON_TYPES = {
    "named_platforms": PLATFORM,
    "named_pathogens": PATHOGEN,
    "named_deities": DEITY,
    "named_companies": COMPANY,
}
_MODEL_PLACES = {"GPE", "LOC", "NORP"}


@dataclass(frozen=True)
class NameType:
    """What a span names, when it is not a person, and why we think so."""

    kind: str
    reason: str


@lru_cache(maxsize=1)
def drug_names() -> frozenset[str]:
    """Lower-case one-word drug names (generic and brand), from ``data/drug_names.txt``."""
    text = resources.files(__package__).joinpath("data", "drug_names.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def type_of_name(doc: Doc, start: int, end: int, cues, *, given_name: bool = False) -> NameType | None:
    """The type of the span ``doc.text[start:end]`` when it names something other than a person.

    ``cues`` maps a lexicon name to its matches in this post (``analysis.cues``); ``given_name``
    says the span is a known given name, which outweighs the drug list ("Allegra") and the model's
    place labels ("Victoria Lopez") but not a lexicon of proper names nor an apposition."""
    text = doc_text(doc)[start:end]
    for lexicon, kind in LEXICON_TYPES.items():
        for span in cues(lexicon):
            if span.start < end and start < span.end:
                return NameType(kind, f"'{span.text}' is a known {kind} name ({lexicon})")
    words = [w for w in regex.split(r"[\s'\u2019]+", text.strip("@#")) if w]
    if not given_name and len(words) == 1 and words[0].lower() in drug_names():
        return NameType(DRUG, f"'{text}' is a drug name (drug-named-entity-recognition)")
    tokens = tokens_in(doc, start, end)
    thing = _apposition_to_thing(doc, tokens, cues)
    if thing is not None:
        return NameType(THING, f"named as a thing ('{thing}')")
    for span in cues("place_nouns"):
        if 0 <= span.start - end <= 1:
            return NameType(PLACE, f"'{text} {span.text}' names a place")
    organisation = _inside_organisation_name(doc, start, end)
    if organisation is not None:
        return NameType(COMPANY, f"part of the name '{organisation}'")
    if not given_name and tokens:
        covering = [e for e in doc.ents if e.label_ in _MODEL_PLACES]
        words = [t for t in tokens if t.is_alpha]
        if words and all(any(e.start <= t.i < e.end for e in covering) for t in words):
            return NameType(PLACE, f"the model reads '{text}' as a place or group")
    return None


def _inside_organisation_name(doc: Doc, start: int, end: int) -> str | None:
    """"the Ada R. Howell Cancer Institute": a person's name at the start of an organisation's or a
    building's name (the model tags the name PERSON and the rest ORG or FAC)."""
    for ent in doc.ents:
        if ent.label_ in {"ORG", "FAC"} and 0 <= ent.start_char - end <= 1 and ent.start_char >= start:
            before = doc_text(doc)[max(0, start - 4):start].lower()
            if before.endswith("the ") or ent.text.split()[-1].lower() in _INSTITUTION_WORDS:
                return f"{doc_text(doc)[start:end]} {ent.text}"
        if (ent.label_ in {"ORG", "FAC"} and ent.start_char <= start and end <= ent.end_char
                and ent.text.split()[-1].lower() in _INSTITUTION_WORDS and ent.end_char > end):
            return ent.text
    return None


def proper_name_around(doc: Doc, start: int, end: int) -> str | None:
    """The name of a law, programme, organisation or event that the capitalised words at
    ``start:end`` are part of: "the 21st Century Cures Act", "HCG Hospitals", "Cure Kids Foundation".

    A run of capitalised words (numbers and "of"/"for"/"and" allowed inside) that holds the match and
    ends in a word that heads such names (``_NAME_HEADS``). A lower-case match is never a name."""
    tokens = tokens_in(doc, start, end)
    if not tokens or not all(t.text[:1].isupper() for t in tokens if t.is_alpha):
        return None
    first, last = tokens[0].i, tokens[-1].i
    sentence_start, sentence_end = tokens[0].sent.start, tokens[0].sent.end
    while first > sentence_start and _in_name(doc[first - 1]) and doc[first - 1].text[:1].isupper():
        first -= 1
    right = last
    while right + 1 < sentence_end and _in_name(doc[right + 1]):
        right += 1
        if doc[right].lower_ in _NAME_HEADS and doc[right].text[:1].isupper():
            return doc[first:right + 1].text
    return None


def _in_name(token) -> bool:
    return (token.text[:1].isupper() and token.is_alpha) or token.like_num or token.lower_ in _NAME_JOINERS


_NAME_JOINERS = frozenset({"of", "for", "and", "&", "the", "st", "nd", "rd", "th"})
# words that end the name of a law, a programme, an organisation or an event
_NAME_HEADS = frozenset("""act acts law bill amendment statute program programme initiative project campaign fund
foundation institute institutes center centre hospital hospitals clinic clinics trust society association council
alliance coalition network partnership summit conference symposium awards award prize challenge lab labs laboratory
university college school pharmacy pharmacies group inc llc ltd corp company""".split())


_INSTITUTION_WORDS = frozenset("""museum institute center centre hospital clinic foundation university college school
library hall building pavilion wing award prize fellowship lecture fund trust""".split())


def _apposition_to_thing(doc: Doc, tokens, cues) -> str | None:
    """"Clara, the #Coronavirus Self-Checker, can help": the name and a thing noun stand in apposition,
    or a thing noun follows the name as its head ("the Johnson vaccine")."""
    if not tokens or not doc.has_annotation("DEP"):
        return None
    things = cues("thing_nouns")
    if not things:
        return None
    inside = {t.i for t in tokens}
    related = []
    for token in tokens:
        related += [c for c in token.children if c.dep_ == "appos" and c.i not in inside]
        if token.dep_ == "appos" and token.head.i not in inside:
            related.append(token.head)
        if token.dep_ == "compound" and token.head.i not in inside:
            related.append(token.head)  # "the Johnson vaccine", "the Clara app"
    for other in related:
        first, last = (other.left_edge, other.right_edge) if other.dep_ == "appos" else (other, other)
        for span in things:
            if first.idx <= span.start and span.end <= last.idx + len(last.text) and span.end >= other.idx:
                return span.text
    return None


# ------------------------------------------------------------------ handles

_HANDLE_PARTS = regex.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# Words that make a handle an organisation's account (agencies, media, practices).
_ORG_PARTS = frozenset("""gov news health hosp hospital clinic clinics dept official info org edu univ inc press media tv
radio fm daily times journal ministry council agency foundation society association care medical medicine center
centre dental pharmacy lab labs team group network institute trust hse nhs cdc who unicef pharma morning live now
today weekly magazine post herald tribune report""".split())


# Words people put before their own name in a handle.
_PERSONAL_PREFIXES = ("lil", "little", "grandma", "grandpa", "nana", "papa", "mama", "mom", "dad", "auntie", "aunt", "uncle",
                      "baby", "mr", "mrs", "miss", "ms", "coach", "big")
_KIN = frozenset({"lil", "grandma", "grandpa", "nana", "papa", "mama", "auntie", "uncle"})


def handle_kind(handle: str, given_name) -> str:
    """"person" when a handle reads as someone's own account (it holds a given name: "@SamanthaB_",
    "@dr_kim", "@ebmullen16"), "organisation" when it reads as an organisation's (an acronym or an
    institutional word: "@HSELive", "@CBSThisMorning", "@TheLancet"), "unknown" otherwise.

    ``given_name(word) -> bool`` is the caller's given-name test."""
    body = handle.lstrip("@")
    parts = [p for chunk in body.split("_") for p in _HANDLE_PARTS.findall(chunk)]
    lowered = [p.lower() for p in parts]
    if lowered[:2] == ["the", "real"] and len(lowered) > 2:
        return "person"  # "@TheRealMaxine", "@the_real_kofi": the convention of someone's own account
    if any(p in _ORG_PARTS for p in lowered):
        return "organisation"
    if lowered and lowered[0] in _PERSONAL_PREFIXES and len(lowered[0]) < len(body) or any(
            body.lower().startswith(w) and (given_name(body.lower()[len(w):].strip("_.")) or w in _KIN and len(body) - len(w) >= 3)
            for w in _PERSONAL_PREFIXES):
        return "person"  # "@lil_jaybird", "@grandmaruth", "@mrs_okafor": what people call themselves
    if any(p.isupper() and len(p) >= 2 for p in parts if not p.isdigit()):
        named = [p for p in parts if p[:1].isupper() and p[1:].islower()]
        if len(named) >= 2 and any(given_name(p.lower()) for p in named):
            return "person"  # "@QBTyJackson": a first and last name after a nickname in capitals
        return "organisation"
    if lowered and lowered[0] == "the":
        return "organisation"  # "@TheLancet", "@TheHill"
    if any(given_name(p) for p in lowered if len(p) > 2):
        return "person"
    letters = regex.sub(r"[^a-z]", "", body.lower())
    if any(letters.startswith(n) for n in _prefix_names(letters, given_name)):
        return "person"  # "@ebmullen16" has no capital to split on; "@samanthabahna" starts with a name
    if any(given_name(letters[-n:]) for n in range(min(len(letters) - 3, 9), 3, -1)):
        return "person"  # "@hopefulheather": a name at the end
    return "unknown"


def _prefix_names(letters: str, given_name) -> list[str]:
    return [letters[:n] for n in range(len(letters), 3, -1) if given_name(letters[:n])]
