"""Personal results: a person's own account of a dramatic outcome ("I've lost 30 pounds", "my migraines
were cured", "it changed my life", "Dana dropped two dress sizes").

A result counts when the parse ties it to an *experiencer*: the speaker ("I", "me", "my ...") or a named
person (a PERSON entity) as subject, object or possessor in the result's clause. Weight verbs (lose, drop,
shed) count only with an amount ("66 pounds", "2 stone", "three sizes") or "weight". What the result is
attributed to (a product, a clinic) is left to the rule. Negated or asked results do not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp.doc_index import doc_text
from .clauses import clause_head, clause_tokens, has_parse
from .spans import TextSpan
from .voice import SINGULAR

if TYPE_CHECKING:
    from spacy.tokens import Token

WEIGHT_VERBS = frozenset({"lose", "drop", "shed"})
AMOUNT_UNITS = frozenset({"pound", "pounds", "lb", "lbs", "stone", "st", "kg", "kilo", "kilos", "size", "sizes",
                          "inch", "inches", "weight", "dress", "kilograms"})


@dataclass(frozen=True)
class PersonalResult:
    result: TextSpan
    experiencer: TextSpan


def _experiencer(head: Token, people: list[tuple[int, int]]) -> Token | None:
    for token in clause_tokens(head):
        if token.lower_ in SINGULAR and token.dep_ in {"nsubj", "nsubjpass", "dobj", "poss", "dative", "pobj"}:
            return token
        if token.dep_ in {"nsubj", "nsubjpass"} and any(start <= token.idx < end for start, end in people):
            return token
    # "helping me lose weight": the experiencer is the object of the verb above
    if head.dep_ in {"xcomp", "ccomp"}:
        for token in head.head.children:
            if token.lower_ in SINGULAR:
                return token
    # "Maria walked out pain-free", "I left migraine-free": a state predicated of the subject above
    if head.pos_ == "ADJ" and head.dep_ in {"advcl", "xcomp", "acomp", "oprd", "conj"}:
        for token in head.head.children:
            if token.dep_ in {"nsubj", "nsubjpass"} and (
                    token.lower_ in SINGULAR or any(start <= token.idx < end for start, end in people)):
                return token
    return None


def _has_amount(verb: Token) -> bool:
    return any(t.lower_ in AMOUNT_UNITS or t.lemma_.lower() in AMOUNT_UNITS for t in verb.subtree if t.i > verb.i)


MEDICATION_WORDS = frozenset({"med", "meds", "medication", "medications", "medicine", "medicines", "insulin", "pill",
                              "pills", "inhaler", "statin", "statins", "prescription", "prescriptions",
                              "antidepressant", "antidepressants", "painkiller", "painkillers", "opioids", "steroids"})


def _off_medication(doc) -> list[TextSpan]:
    """ "off my blood pressure meds", "off all medication": coming off a medicine is a result."""
    found = []
    for token in doc:
        if token.lower_ != "off":
            continue
        objects = [c for c in token.children if c.dep_ == "pobj"] or \
                  [t for t in doc[token.i + 1:token.i + 6] if t.lower_ in MEDICATION_WORDS][:1]
        for obj in objects:
            if obj.lower_ in MEDICATION_WORDS or obj.lemma_.lower() in MEDICATION_WORDS:
                found.append(TextSpan(token.idx, obj.idx + len(obj.text), "personal_results",
                                      doc_text(doc)[token.idx:obj.idx + len(obj.text)], "language.results"))
    return found


def _fragment(token: Token) -> bool:
    return not any(t.dep_ in {"nsubj", "nsubjpass"} for t in token.sent)


def _dropped_subject(token: Token) -> bool:
    """A diary-style clause whose subject is left out ("Made more progress in a week than ..."): a past-tense
    main verb with no subject of its own. Imperatives (base form) are advice, not results."""
    head = clause_head(token)
    return head.tag_ == "VBD" and head.dep_ == "ROOT" and \
        not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in head.children)


def personal_results(analysis) -> tuple[PersonalResult, ...]:
    doc = analysis.doc
    if not has_parse(doc):
        return ()
    people = [(e.start, e.end) for e in analysis.entities if e.entity_type == "PERSON"]
    people += [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    found: list[PersonalResult] = []
    consumer_voice = [t for t in doc if t.lower_ in SINGULAR or (t.text.startswith("@") and len(t.text) > 2)]
    for cue in [*analysis.cues("personal_results"), *_off_medication(doc)]:
        span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is None:
            continue
        verb = span.root
        if len(span) == 1 and verb.pos_ in {"NOUN", "PROPN"}:
            continue  # "the hunt for a cure": the noun names a goal, nobody's result
        if verb.tag_ == "VB" and verb.dep_ in {"ROOT", "conj"} and \
                not any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in verb.children) and \
                not any(c.dep_ in {"dobj", "dative"} and any(t.lower_ in SINGULAR for t in c.subtree)
                        for c in verb.children):
            continue  # "Shed a few pounds": advice to the reader, not anyone's result ("Cured my eczema" is one)
        if verb.lemma_.lower() in WEIGHT_VERBS and not _has_amount(verb):
            continue
        assertion = analysis.assertion(cue)
        if assertion.negated or assertion.question:
            continue
        if len(span) > 1 and any(t.lower_ in SINGULAR for t in span):
            who = next(t for t in span if t.lower_ in SINGULAR)
        else:
            who = _experiencer(clause_head(verb), people)
        if who is None and (_fragment(verb) or _dropped_subject(verb)) and consumer_voice:
            # "Pain-free after one session! Thanks @clinic": a verbless result in a consumer's post
            who = consumer_voice[0]
        if who is None:
            continue
        found.append(PersonalResult(cue, TextSpan(who.idx, who.idx + len(who.text), "experiencer", who.text,
                                                  "language.results")))
    return tuple(found)
