"""Does a post speak of an individual? PHI is information about one person (45 CFR 160.103, "individually
identifiable health information"): a post that speaks of no one in particular (a vaccine shipment, a
district's totals, advice to everyone) cannot disclose it, whatever its words.

The PHI second opinion (PHI090) reads only posts that speak of someone; the PHI rules need a person or a
detail of their own and do not ask. Someone is spoken of when the post holds, outside a sentence that
reports totals ("3,484 patients discharged") and outside the place or date of a count ("890 from Khordha"):

* a person the PHI reading found who may be our patient (a name, a handle, a description), other than a handle
  in a list of tags ("@HealthDept @CityNews @MayorsOffice"), which addresses accounts rather than tells of someone;
* a third-person singular pronoun ("he", "her", "himself");
* a singular noun for a person (``phi_person_nouns``, ``phi_role_nouns``, ``phi_family_words``) that is not
  a title before a name ("Dr Henry said ...") and says more than that someone is a person of a sex or an age
  group ("our patient", "a man", "a child": ``descriptions.ANYONE``; a de-identified story speaks of no one);
* an age used as a noun ("a 15-year-old from ...", ``descriptions.AGE_NOUN``), or a baby's age in months, weeks or
  days ("a 6 month old came in");
* a detail that singles someone out (a room, an age over 89, a photo, a unique characteristic), other than
  a date or a time, which every announcement has;

or when the post is a reply to one person (a review or a comment) or speaks to someone of their own care ("welcome
back after your short stay", ``phi_second_person_care``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ...vocabularies import raw_terms
from .descriptions import AGE_NOUN, ANYONE
from .identifiers import SOCIAL_HANDLE

if TYPE_CHECKING:
    from .assessment import Assessment

_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_DATES = frozenset({"DATE_TIME", "CARE_DATE"})
_SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
_BABY_AGE = regex.compile(r"\b\d{1,2}[\s-]?(?:months?|weeks?|days?|mos?)[\s-]old\b", regex.IGNORECASE)
# three or more handles with nothing but spaces or commas between them
_TAG_LIST = regex.compile(r"@\w[\w.]*(?:[\s,]+@\w[\w.]*){2,}")


@lru_cache(maxsize=1)
def _person_noun() -> regex.Pattern:
    words = [t for name in ("phi_person_nouns", "phi_role_nouns", "phi_family_words") for t in raw_terms(name)]
    return regex.compile("|".join(f"(?:{w})" for w in sorted(set(words), key=len, reverse=True)), regex.IGNORECASE)


def _in_a_tag_list(text: str, person) -> bool:
    return person.identifier.kind == SOCIAL_HANDLE and any(
        m.start() <= person.start < m.end() for m in _TAG_LIST.finditer(text))


def speaks_of_an_individual(assessment: Assessment) -> bool:
    """The post speaks of one person in particular (see the module's docstring)."""
    analysis = assessment.analysis
    if assessment.is_reply:
        return True
    totals = [(s.start_char, s.end_char) for s in analysis.sentences if assessment.reports_totals(s)]

    def counts_only(offset: int) -> bool:
        return any(a <= offset < b for a, b in totals) or assessment.counted(offset)

    if assessment.second_person:
        return True  # "welcome back after your short stay": the post speaks to someone of their care
    if any(p.may_be_patient and not counts_only(p.start) and not _in_a_tag_list(assessment.text, p)
           for p in assessment.people):
        return True
    if any(d.kind not in _DATES and not counts_only(d.start) for d in assessment.details):
        return True
    person_noun = _person_noun()
    for token in analysis.doc:
        someone = token.lower_ in _PRONOUNS or (
            token.tag_ in _SINGULAR_NOUN_TAGS and person_noun.fullmatch(token.lower_) and token.lemma_.lower() not in ANYONE
            and not (token.dep_ == "compound" and token.head.pos_ == "PROPN"))
        if someone and not counts_only(token.idx):
            return True
    ages = (*AGE_NOUN.finditer(assessment.text), *_BABY_AGE.finditer(assessment.text))
    return any(not counts_only(m.start()) for m in ages)
