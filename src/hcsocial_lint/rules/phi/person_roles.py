"""People found by the role a word plays, not by the word: ``PersonRoleRecognizer``.

The small spaCy model knows few of the names people use on social media ("Tanner", "Themba",
"iDubbbz") and often tags a famous surname as an organisation or a place. The sentence still
shows that a person is meant: the word is addressed ("Hi Fleur,"), it does what people do
("Womble knew ..."), it owns what only people own ("Tiana's mummy"), it is described as a person
("Tanner is a good dude"), or it is named beside someone ("you and Hamish").

This recognizer reads those roles from the dependency parse of the shared ``Doc``. Its findings
are PERSON at a modest score (0.45: an identifier the PHI rules count, too weak to escalate a
finding alone; 0.55 when a second cue agrees). It needs a parsed ``Doc``, so in the no-model mode
it finds nothing. The word lists it reads are data in ``vocabularies/phi_*.txt``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ...vocabularies import pattern, terms
from .recognizers import (
    _CALENDAR,
    _ORG_WORDS,
    _PLACE_WORDS,
    _STOP_CAPITALS,
    LANGUAGE,
    PERSON,
    _not_names,
    _place_names,
    _result,
    is_ambiguous_name,
    is_given_name,
)
from .signals import YOU

ONE_CUE = 0.45
TWO_CUES = 0.55
# spaCy labels under which a word is not a name whatever its role.
_NEVER_A_NAME = {"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT", "LAW", "LANGUAGE"}
# spaCy labels the model gives names it does not know; the generic "subject of a verb" cue is not
# enough to overrule them ("China says"), a cue only a person fits is.
_OTHER_KINDS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}
_SECOND_PERSON = YOU | {"ya"}  # "thank ya, Maria"
_GENDERED = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
_SUBJECT = {"nsubj", "nsubjpass"}
_CLOSERS = {".", "!", "?", ",", ":", ")"}
_INITIALS = regex.compile(r"(?:[A-Z]\.){2,3}")
# What an organisation says before the name of someone it celebrates.
_CELEBRATED_FOR = regex.compile(r"\b(?:big|huge|special|proud|great) (?:day|moment|milestone|news) for$|"
                                r"\b(?:congrats|congratulations|shout-?out|kudos|cheers|happy birthday|happy \w+ birthday|"
                                r"props|high fives?|hats off) to$|\b(?:so|very|super|incredibly) proud of$", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, frozenset[str]]:
    return {name: frozenset(terms(f"phi_{name}")) for name in
            ("person_verbs", "person_objects", "personal_attributes", "person_descriptors", "greetings")}


def _in(name: str, word: str) -> bool:
    return word.lower() in _vocabulary()[name]


def _relative(word: str) -> bool:
    return pattern("phi_family_words").fullmatch(word) is not None


def _title_or_role(word: str) -> bool:
    """"Mayor", "Coach", "Nurse": addressed like a name ("Thank you, Mayor!") but naming an office."""
    return any(pattern(name).fullmatch(word) is not None
               for name in ("phi_public_titles", "phi_honorifics", "phi_staff_roles", "phi_kinship_titles"))


class PersonRoleRecognizer(EntityRecognizer):
    """A proper noun (or a lower-case given name) in a role only a person fills."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[PERSON], supported_language=LANGUAGE, name="PersonRoleRecognizer")

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if entities and PERSON not in entities:
            return []
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is None or not hasattr(doc, "has_annotation") or not doc.has_annotation("DEP"):
            return []
        gendered = any(t.lower_ in _GENDERED for t in doc)
        results, taken = [], set()
        for token in doc:
            if token.i in taken or not _candidate(token):
                continue
            cues = list(_cues(token))
            if not cues:
                continue
            label = token.ent_type_
            person_only = [c for c in cues if c[1]]
            if label in _OTHER_KINDS and not person_only and not gendered:
                continue
            first, last = _extent(token)
            taken.update(range(first, last + 1))
            score = TWO_CUES if len(cues) > 1 or (gendered and not token.ent_type_) else ONE_CUE
            why = "; ".join(c[0] for c in cues)
            start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
            results.append(_result(PERSON, start, end, score, self, f"a word in a person's role: {why}"))
        return results


def _shape_of_a_name(word: str) -> bool:
    """"Tanner", "iDubbbz", "LeBron", "MaMlambo": letters, with a capital that is not just shouting."""
    if not word.replace("'", "").replace("-", "").isalpha() or len(word) < 2:
        return False
    return any(c.islower() for c in word) and (word[0].isupper() or word[1].isupper())


def _candidate(token) -> bool:
    """A word that could be a name. The cheap tests on the token come first: this runs on every
    token of every post, the word lists only on the few that pass."""
    word = token.text
    if _INITIALS.fullmatch(word):
        return token.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "appos"}  # "to stabilize K.M.": initials in a person's slot
    if _shape_of_a_name(word):
        if not (token.pos_ == "PROPN" or token.ent_type_ != "" or not token.is_sent_start or is_given_name(word)):
            return False
    # Lower case: only a known given name that is not also an everyday word ("gaby", "diego").
    elif not (word.islower() and is_given_name(word) and not is_ambiguous_name(word) and not token.is_stop):
        return False
    if token.pos_ in {"PRON", "DET", "AUX", "ADP", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT", "SYM"}:
        return False
    if token.tag_ in {"NNS", "NNPS"}:
        return False  # a plural ("Friends", "Rovers") names a group, not one person
    if token.ent_type_ in _NEVER_A_NAME or token.like_url or token.like_email or token.like_num:
        return False
    if token.i > 0 and token.doc[token.i - 1].text in {"#", "@"}:
        return False
    lowered = word.lower()
    return not (lowered in _STOP_CAPITALS or lowered in _CALENDAR or lowered in _PLACE_WORDS or lowered in _ORG_WORDS
                or lowered in _not_names() or lowered in _place_names() or _relative(word) or _title_or_role(word))


def _cues(token) -> Iterator[tuple[str, bool]]:
    """(what shows a person is meant, whether only a person fits it)."""
    head = token.head
    if token.dep_ in _SUBJECT and head.pos_ in {"VERB", "AUX"} and _in("person_verbs", head.lemma_):
        yield f"subject of '{head.text}'", False
    if token.dep_ in _SUBJECT and head.lemma_ == "be":
        described = [c for c in head.children if c.dep_ in {"attr", "acomp"} and _in("person_descriptors", c.lemma_)]
        if described:
            yield f"described as a '{described[0].text}'", True
    if token.dep_ == "appos" and _in("person_descriptors", head.lemma_):
        yield f"in apposition to '{head.text}'", True
    if token.dep_ == "dobj" and head.pos_ == "VERB" and _in("person_objects", head.lemma_):
        yield f"object of '{head.text}'", True
    if token.dep_ == "poss" and (_in("personal_attributes", head.lemma_) or _relative(head.text)):
        yield f"owner of '{head.text}'", True
    if token.dep_ == "conj" and (head.lower_ in _SECOND_PERSON | {"i", "me"} or head.ent_type_ == "PERSON"):
        yield f"named beside '{head.text}'", True
    vocative = _vocative(token)
    if vocative:
        yield vocative, True
    pronoun = _pronoun_after(token)
    if pronoun:
        yield f"referred to as '{pronoun}'", True


def _pronoun_after(token) -> str | None:
    """"Womble knew ... his crosshair", "Shaq has ego because he knows": a subject or object named
    once and then referred to as "he" or "she" later in the sentence or the next one, with no
    other person named in between."""
    if token.dep_ not in _SUBJECT | {"dobj"}:
        return None
    doc = token.doc
    if token.ent_type_ in _OTHER_KINDS and any(e.start <= token.i < e.end and len(e) > 1 for e in doc.ents):
        return None  # a multi-word organisation or place the model is sure of ("Doncaster Rovers")
    limit = token.sent.end
    if limit < len(doc):
        limit = doc[limit].sent.end
    for other in doc[token.i + 1:limit]:
        if other.ent_type_ == "PERSON" or (other.pos_ == "PROPN" and other.text[:1].isupper() and other.dep_ in _SUBJECT):
            return None
        if other.lower_ in _GENDERED:
            return other.text
    return None


def _vocative(token) -> str | None:
    """"Hi Fleur,", "Thank you Hendo", "Nice shooting, Tex!", "Loey, do you ...?"."""
    doc, i = token.doc, token.i
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    if before is not None and (_in("greetings", before.text) or
                               (before.lower_ == "you" and i > 1 and doc[i - 2].lower_ in {"thank", "love", "miss"})):
        if after is None or after.text in _CLOSERS or after.lower_ in _SECOND_PERSON | {"i", "for"} or after.pos_ == "PROPN":
            return f"addressed after '{before.text}'"
    sentence = token.sent
    ending = after is None or after.text in _CLOSERS or not after.is_alpha  # end of sentence, emoji included
    opener = doc[sentence.start]
    if ending and i > sentence.start + 2 and _in("greetings", opener.text) and token.pos_ == "PROPN" and not any(
            t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for t in doc[sentence.start + 1:i] if t.i != i):
        return f"addressed at the end of a sentence that opens with '{opener.text}'"  # "Welcome to the clinic Jordy"
    if before is not None and before.lower_ in {"for", "to"} and i >= 2 and _CELEBRATED_FOR.search(
            doc[max(sentence.start, i - 5):i].text) and (ending or after.text in {"—", "-", "–", "'s", "’s"}):
        return f"celebrated ('{doc[max(sentence.start, i - 5):i].text}')"  # "Big day for Jordy —", "Shoutout to Kai!"
    if i == sentence.start and after is not None and after.text == "," and any(
            t.lower_ in _SECOND_PERSON for t in sentence):
        return "addressed at the start of a sentence to 'you'"
    if before is not None and before.text == "," and (after is None or after.text in {"!", "?", "."}) and i > sentence.start + 1:
        return "addressed at the end of a sentence"
    return None


def _extent(token) -> tuple[int, int]:
    """The whole name around ``token``: adjacent capitalised proper nouns ("Mauro Ranallo")."""
    doc = token.doc

    def part_of_name(t) -> bool:
        return t.pos_ == "PROPN" and t.text[:1].isupper() and _candidate(t)

    first = token.i
    while first > 0 and part_of_name(doc[first - 1]) and token.text[:1].isupper():
        first -= 1
    last = token.i
    while last + 1 < len(doc) and part_of_name(doc[last + 1]) and token.text[:1].isupper() and last - first < 2:
        last += 1
    return first, last
