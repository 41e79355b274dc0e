"""Personal results: a person's own account of a dramatic outcome ("I've lost 30 pounds", "my migraines
were cured", "it changed my life", "Dana dropped two dress sizes").

A result counts when the parse ties it to an *experiencer*: the speaker ("I", "me", "my ...") or a named
person (a PERSON entity) as subject, object or possessor in the result's clause. Weight verbs (lose, drop,
shed) count only with an amount ("66 pounds", "2 stone", "three sizes") or "weight". What the result is
attributed to (a product, a clinic) is left to the rule. Negated or asked results do not count.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .clauses import clause_head, clause_tokens, has_parse
from .spans import TextSpan
from .voice import SINGULAR

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
    return None


def _has_amount(verb: Token) -> bool:
    return any(t.lower_ in AMOUNT_UNITS or t.lemma_.lower() in AMOUNT_UNITS for t in verb.subtree if t.i > verb.i)


def personal_results(analysis) -> tuple[PersonalResult, ...]:
    doc = analysis.doc
    if not has_parse(doc):
        return ()
    people = [(e.start, e.end) for e in analysis.entities if e.entity_type == "PERSON"]
    people += [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    found: list[PersonalResult] = []
    for cue in analysis.cues("personal_results"):
        span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is None:
            continue
        verb = span.root
        if verb.lemma_.lower() in WEIGHT_VERBS and not _has_amount(verb):
            continue
        assertion = analysis.assertion(cue)
        if assertion.negated or assertion.question:
            continue
        if len(span) > 1 and any(t.lower_ in SINGULAR for t in span):
            who = next(t for t in span if t.lower_ in SINGULAR)
        else:
            who = _experiencer(clause_head(verb), people)
        if who is None:
            continue
        found.append(PersonalResult(cue, TextSpan(who.idx, who.idx + len(who.text), "experiencer", who.text,
                                                  "language.results")))
    return tuple(found)
