"""What the PHI family knows of names and identifier types, without Presidio.

The entity types our recognizers report, the given-name lexicons and the hashtag-name reading
live here so that the rules, the rewrite and the role recognizer can read them without
importing :mod:`.recognizers` (which subclasses Presidio's classes): listing the rules or a
run served from the result cache imports no Presidio.
"""

from __future__ import annotations

from functools import lru_cache

import unicodedata

import regex

from ...nlp.regex_budget import timed
from ...vocabularies import terms

LANGUAGE = "en"

# Entity types this module adds (strings, as Presidio uses them).
SOCIAL_HANDLE = "SOCIAL_HANDLE"
PERSON = "PERSON"
MEDICAL_RECORD_NUMBER = "MEDICAL_RECORD_NUMBER"
HEALTH_PLAN_NUMBER = "HEALTH_PLAN_NUMBER"
ACCOUNT_NUMBER = "ACCOUNT_NUMBER"
ROOM_NUMBER = "ROOM_NUMBER"
AGE_OVER_89 = "AGE_OVER_89"
CARE_DATE = "CARE_DATE"
PHOTO = "PHOTO"
DEVICE_ID = "DEVICE_ID"
FAX_NUMBER = "FAX_NUMBER"
LICENSE_NUMBER = "LICENSE_NUMBER"
VEHICLE_ID = "VEHICLE_ID"
BIOMETRIC = "BIOMETRIC"
UNIQUE_CHARACTERISTIC = "UNIQUE_CHARACTERISTIC"
STREET_ADDRESS = "STREET_ADDRESS"
ZIP_CODE = "ZIP_CODE"


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(terms("phi_first_names"))


@lru_cache(maxsize=1)
def _packaged_first_names() -> frozenset[str]:
    """Given names from maintained name data (Faker, the US Census via ``names``; tools/build_first_names.py)."""
    return frozenset(terms("phi_first_names_packaged"))


@lru_cache(maxsize=1)
def _ambiguous_names() -> frozenset[str]:
    return frozenset(terms("phi_name_ambiguous"))


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    return frozenset(terms("phi_name_places"))


@lru_cache(maxsize=1)
def _deities() -> frozenset[str]:
    """Sacred names ("#BabyJesus" at Christmas is no patient): the language layer's one lexicon of them."""
    from ...language.lexicon import builtin_lexicon

    return frozenset(p.lower() for p in builtin_lexicon("named_deities").phrases)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(terms("phi_not_names"))


@lru_cache(maxsize=8192)
def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def is_given_name(word: str) -> bool:
    """A given name: in the curated list however it is written, or in the packaged name data when it is
    capitalised (the packaged lists hold 20,000 names from many languages, some of them rare words)."""
    lowered = word.lower()
    if lowered in _not_names():
        return False  # "Thu" in "Tue–Thu", "Salud", "Ya": words the lists say are never a name here
    if lowered in _first_names():
        return True
    if word[:1].isupper() and lowered in _packaged_first_names():
        return True
    plain = _without_accents(lowered)  # "Sofía", "Ramón": the name lists are mostly written without accents
    if plain != lowered and plain in _first_names() and set(lowered) - set(plain) <= set("áéíóúñü"):
        return True
    # Spanish diminutives of a listed name: "Juanito", "Anita", "Carlitos", "Rosita" (issue #9, part 7).
    diminutive = word[:1].isupper() and regex.match(r"^(?P<base>\w{2,})(?:c?it[oa]s?)$", lowered)
    return bool(diminutive) and any(
        form in _first_names() for base in (diminutive["base"],) for form in (base, base + "o", base + "a", base + "os"))


def is_ambiguous_name(word: str) -> bool:
    return word.lower() in _ambiguous_names()


# Clinicians' shorthand for an age and a sex in one word, where a person stands: "a 58M", "my pt 71F", "29F, in DKA"
# at a sentence's start (not "4.2M doses", "$58M", "20M Americans", "a 10M grant", "room 4F").
_AGE_SEX_WORD = (r"(?:(?<=\b(?:a|an|pt|patient|our|my|this) )\d{1,2}(?-i:[MF])\b(?![.,]?\d)"
                 r"(?!\s+(?:grant|gift|donation|investment|campaign|expansion|project|renovation|budget|deal|fund|contract|"
                 r"award|program|building|wing|upgrade|dollars?|raise|round|loss|deficit|settlement)\b)"
                 r"|(?<=^|[.!?\n]\s{1,3}|^\s{0,3})\d{1,2}(?-i:[MF])(?=,))")
AGE_AND_SEX = regex.compile(_AGE_SEX_WORD, regex.IGNORECASE)  # read by quasi and descriptions

# A hashtag and its body: "#PrayersForCaleb" (names read by HashtagNameRecognizer, health by signals).
HASHTAG = timed(regex.compile(r"(?<![\w#&])#(?P<body>[A-Za-z][A-Za-z0-9_]{2,60})(?!\w)"), "recognizer HashtagNameRecognizer", "hashtag")
_CAMEL = timed(regex.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+"), "recognizer HashtagNameRecognizer", "camel-case words")


def hashtag_words(body: str) -> list[str]:
    """The words a hashtag body is written as: "ACLRecovery" -> ["ACL", "Recovery"]; a body in one case is one word."""
    return _CAMEL.findall(body)

# Kin of a named person ("Dr. Nwosu's daughter", "Coach Hill's wife"): one person, and the one cared for is the
# kin, not the person named (``descriptions``, ``assessment``).
KIN_OF_NAMED = frozenset({"daughter", "son", "wife", "husband", "mother", "father", "mom", "dad", "grandson", "granddaughter",
                          "grandmother", "grandfather", "stepson", "stepdaughter", "fiancé", "fiancée", "sister", "brother",
                          "niece", "nephew", "partner"})
_HASHTAG_PREFIXES = ("prayersfor", "prayerfor", "prayfor", "pray4", "praying4", "prayingfor", "teamfor", "team",
                     "justicefor", "lovefor", "standwith", "wearewith", "welove", "fightfor", "fightingfor",
                     "strongfor", "miraclefor", "hopefor", "supportfor", "getwell", "getwellsoon", "go", "love",
                     "thinkingof", "healingfor", "brave", "little", "baby", "mighty", "warrior", "superhero", "hero",
                     "stronglike", "bravelike")
_HASHTAG_SUFFIXES = ("strong", "strength", "warrior", "warriors", "tough", "fights", "fighter", "fight", "army",
                     "nation", "journey", "story", "brave", "squad", "crew", "miracle", "courage", "power", "proud",
                     "recovery", "update", "updates", "day", "fund", "hope", "love", "support", "stronger")


def hashtag_name(body: str) -> str | None:
    """The given name a hashtag body is built around, or None."""
    name = _hashtag_name(body)
    return None if name is None or name in _deities() else name


def _hashtag_name(body: str) -> str | None:
    lowered = body.lower()
    for prefix in _HASHTAG_PREFIXES:
        rest = lowered[len(prefix):]
        if lowered.startswith(prefix) and rest:
            for name in _names_at_start(rest):
                if (len(rest) == len(name) or rest[len(name):] in _HASHTAG_SUFFIXES) and name not in _place_names():
                    return name
    for name in _names_at_start(lowered):
        rest = lowered[len(name):]
        if rest in _HASHTAG_SUFFIXES and name not in _place_names():
            return name
    words = hashtag_words(body)
    # A name the hashtag capitalises may come from the packaged name data: "#PrayersForBrody", "#BrodyStrong".
    for i, word in enumerate(words):
        before, rest = "".join(words[:i]).lower(), "".join(words[i + 1:]).lower()
        if (i == 0 and rest in _HASHTAG_SUFFIXES or i > 0 and before in _HASHTAG_PREFIXES and (not rest or rest in _HASHTAG_SUFFIXES)) \
                and word[:1].isupper() and is_given_name(word) and not is_ambiguous_name(word) and word.lower() not in _place_names():
            return word.lower()
    if len(words) == 3 and words[2].lower() in _HASHTAG_SUFFIXES + ("smiles", "smile", "steps", "walks", "wins") \
            and words[0][:1].isupper() and words[1][:1].isupper() and words[1].isalpha() and not words[1].isupper() \
            and is_given_name(words[0]) and not is_ambiguous_name(words[0]) and words[0].lower() not in _place_names():
        return words[0].lower()  # "#SophiaMartinezSmiles", "#LeoGarciaStrong": a full name and a word of cheer
    if len(words) == 2 and words[0][:1].isupper() and words[1][:1].isupper() and is_given_name(words[0]) \
            and not is_ambiguous_name(words[0]) and words[0].lower() not in _place_names() \
            and not is_given_name(words[1]) and words[1].isalpha() and not words[1].isupper() \
            and words[1].lower() not in _HASHTAG_SUFFIXES:
        return words[0].lower()
    return None


def _names_at_start(lowered: str) -> list[str]:
    """Given names that ``lowered`` starts with, longest first."""
    names = _first_names()
    return [lowered[:n] for n in range(min(len(lowered), 12), 1, -1) if lowered[:n] in names]


_STOP_CAPITALS = frozenset(
    "the a an and or but of in on at to for from by with our your my his her their its this that these those "
    "i we you he she they it is are was were be been am do does did not no yes so if as".split()
)
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december today tonight tomorrow yesterday mon tue tues wed thu thur thurs fri sat".split()
)
_PLACE_WORDS = frozenset(
    "hospital clinic center centre health medical university college school street st avenue ave road rd drive "
    "lane boulevard blvd church park county city foundation institute library high elementary academy group "
    "pediatrics dental family care house home nursing unit hall ward lodge manor villa residence court memorial "
    "regional general infirmary".split()
)
_ORG_WORDS = frozenset(
    "inc inc. llc ltd co co. corp corporation company bank association society club team league union party "
    "network news press records studios games entertainment media labs department police sheriff's office agency "
    "council commission board district".split()
)
