"""Singled out without a name: Safe Harbor quasi-identifiers that combine (issue #9, part 3).

45 CFR 164.514(b)(2)(ii) asks whether what remains could identify the person. An age alone, a sex
alone or a town alone rarely does; together, in one sentence about one person, they do: "a 90-year-old
male of a Kingston address died at 06:24", "a 61-year-old woman from Briar County admitted on
Monday". This module finds such a combination: an age, a sex, and at least one of a place smaller than
a state, a facility, or a date or time, all in one sentence. Counts and totals ("357 new cases", "12
men aged 60") describe groups and are left out by the caller.
"""

from __future__ import annotations

import regex

from ...language.clauses import tokens_in
from ...nlp.doc_index import doc_text
from .identifiers import Identifier, state_or_larger
from .names import AGE_AND_SEX

QUASI_IDENTIFIERS = "QUASI_IDENTIFIERS"
_AGE = regex.compile(r"\b(?:\d{1,3}[\s-]?(?:years?|yrs?|yo|y/o)[\s-]?old|\d{1,3}\s?(?:y/o|yo)\b|\d{1,3}[\s-]year[\s-]old|aged\s+\d{1,3}|"
                     r"in\s+(?:his|her|their)\s+(?:early\s+|mid\s+|late\s+)?\d0s)\b", regex.IGNORECASE)
_SEX = regex.compile(r"\b(?:male|female|man|woman|boy|girl|gentleman|lady|mother|father|grandmother|grandfather|"
                     r"son|daughter|husband|wife|he|she|his|her)\b", regex.IGNORECASE)
_PLACES = {"GPE", "LOC", "FAC"}
_TIMES = {"DATE", "TIME"}


def combinations(doc, sentences, facility_spans=(), place_cues=()) -> list[Identifier]:
    """One identifier (at the age) per sentence whose age, sex and place, facility or time combine."""
    found = []
    for sentence in sentences:
        text = doc_text(doc)[sentence.start_char:sentence.end_char]
        shorthand = AGE_AND_SEX.search(text)  # "a 71M": an age and a sex in one word
        age = _AGE.search(text) or shorthand
        sex = _SEX.search(text) or shorthand
        if age is None or sex is None:
            continue
        start = sentence.start_char + age.start()
        end = sentence.start_char + age.end()
        within = [e for e in doc.ents if sentence.start_char <= e.start_char < sentence.end_char]
        parts = []
        place = next((e for e in within if e.label_ in _PLACES and not state_or_larger(e.text)), None) or next(
            (c for c in place_cues if sentence.start_char <= c.start < sentence.end_char), None)
        if place is not None:
            parts.append(f"place '{getattr(place, 'text', '')}'")
        if any(sentence.start_char <= s < sentence.end_char for s, _ in facility_spans):
            parts.append("our facility")
        when = next((e for e in within if e.label_ in _TIMES and not (start <= e.start_char < end)), None)
        if when is not None:
            parts.append(f"date or time '{when.text}'")
        if not parts:
            continue
        if not tokens_in(doc, start, end):
            continue
        found.append(Identifier(QUASI_IDENTIFIERS, start, end, doc_text(doc)[start:end], 0.7, "quasi",
                                f"age, sex ('{sex.group(0)}') and {', '.join(parts)} in one sentence"))
    return found
