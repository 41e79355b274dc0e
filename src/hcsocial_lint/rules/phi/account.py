"""The account a post is written from, as its front matter names it (``account``, ``org``, ``organization``,
``organisation``).

A post on "Lakeshore Family Medicine"'s page that says "Lakeshore by the numbers" or "Six months ago he came
to Lakeshore" speaks of the organisation itself: the name is not a person, and arriving there is arriving in
our care. ``organisation.facilities`` in configuration says the same for every post; this reads it per post,
for repositories of drafts from several accounts. The name counts in full and by its distinctive lead words
("Lakeshore" of "Lakeshore Family Medicine", "Blue Heron" of "Blue Heron Recovery Center"); an @handle counts
without its "@".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import regex

from .names import _ORG_WORDS, _PLACE_WORDS

ACCOUNT_KEYS = ("account", "org", "organization", "organisation")
# Words that say what kind of practice an organisation is: the lead words before the first of them are its own.
_KIND_WORDS = _PLACE_WORDS | _ORG_WORDS | frozenset(
    "women's womens women children's childrens kids men's mens recovery fertility partners associates practice "
    "healthcare wellness spa medspa med plastic surgery surgical surgeons pharmacy drug dentistry dentists "
    "orthodontics orthopedics orthopaedics dermatology skin eye eyecare vision optometry hearing audiology sports "
    "medicine physical therapy pt rehab rehabilitation chiropractic behavioral mental counseling counselling "
    "hospice palliative senior living dialysis kidney cancer oncology heart cardiology cardiovascular imaging "
    "radiology lab laboratory urgent primary pediatric paediatric obgyn ob/gyn ob-gyn gyn midwifery birth maternity "
    "program programme services system systems adolescent youth treatment addiction counseling of the and &".split())
_PERSONAL_TITLE = regex.compile(r"(?:dr|dra|doctor|nurse|mr|mrs|ms|mx|miss|prof|rev|coach|np|pa)\.?", regex.IGNORECASE)
_CUT = regex.compile(r"\s*[(|,\u2013\u2014:]|\s+-\s+")  # "Northwind Fertility (Anchorage)", "Brightside PT | Austin"


def account_names(metadata: Mapping[str, Any]) -> tuple[str, ...]:
    """The posting account's names in the post's front matter: each in full and its distinctive lead words."""
    names: list[str] = []
    for full in _full_names(metadata):
        for name in (full, _lead_words(full)):
            if name and len(name) >= 4 and name not in names:
                names.append(name)
    return tuple(names)


def is_lead_words(name: str) -> bool:
    """The name is the lead words of a longer account name, not a name in full ("Lakeshore", not "Lakeshore Family
    Medicine"); such a word may also be the town the organisation is named after."""
    return not any(map(_is_kind_word, name.split()))


def _full_names(metadata: Mapping[str, Any]) -> list[str]:
    values = (metadata.get(key) for key in ACCOUNT_KEYS)
    return [_CUT.split(v.strip().lstrip("@"), maxsplit=1)[0].strip() for v in values if isinstance(v, str) and v.strip()]


def _lead_words(name: str) -> str:
    """"Lakeshore" of "Lakeshore Family Medicine", "Blue Heron" of "Blue Heron Recovery Center"; "" when the name
    opens with a kind word ("Family Health of Ridgeway") or a title ("Dr. Amy Park"), or has no kind word after its
    lead."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or _PERSONAL_TITLE.fullmatch(words[0]):
        return ""  # a clinician's own account ("Dr. Amy Park"): no part of a person's name is a place
    for i, word in enumerate(words):
        if _is_kind_word(word):
            lead = words[:i]
            return " ".join(lead) if lead and all(w[:1].isupper() for w in lead) else ""
    return ""


def _is_kind_word(word: str) -> bool:
    """"Family", "Health," and "Co." say what kind of organisation it is."""
    return word.lower().strip(".,'\u2019") in _KIND_WORDS or word.lower() in _KIND_WORDS
