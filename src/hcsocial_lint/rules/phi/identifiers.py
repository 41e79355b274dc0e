"""From Presidio's entities to Safe Harbor identifiers: the PHI family's identifier layer.

``analysis.entities`` holds what every recognizer found on the post's one parse (Presidio's own,
this family's, and plug-ins'). This module turns them into :class:`Identifier` s: each one tagged
with its Safe Harbor class, junk the small model tags as a person dropped ("lol", "https", a
hashtag that names nobody), and overlapping findings of the same class merged, so that a name
found by both the model and the name list is one identifier with both recognizers named.

The result is computed once per post and shared by every PHI rule (and by the accuracy
benchmark, which scores exactly this layer).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ...analysis import Analysis, Entity
from ...vocabularies import pattern, terms
from .names import (
    ACCOUNT_NUMBER,
    AGE_OVER_89,
    BIOMETRIC,
    CARE_DATE,
    DEVICE_ID,
    FAX_NUMBER,
    HEALTH_PLAN_NUMBER,
    LICENSE_NUMBER,
    MEDICAL_RECORD_NUMBER,
    PERSON,
    PHOTO,
    ROOM_NUMBER,
    SOCIAL_HANDLE,
    STREET_ADDRESS,
    UNIQUE_CHARACTERISTIC,
    VEHICLE_ID,
    ZIP_CODE,
    _not_names,
    is_given_name,
)

# Entity type -> Safe Harbor element of 45 CFR 164.514(b)(2)(i).
SAFE_HARBOR: dict[str, str] = {
    PERSON: "(A) name",
    SOCIAL_HANDLE: "(A) name (@handle)",
    "LOCATION": "(B) geographic subdivision smaller than a state",
    STREET_ADDRESS: "(B) street address",
    ZIP_CODE: "(B) ZIP code",
    CARE_DATE: "(C) date related to the individual",
    "DATE_TIME": "(C) date element",
    AGE_OVER_89: "(C) age over 89",
    "PHONE_NUMBER": "(D) telephone number",
    FAX_NUMBER: "(E) fax number",
    "EMAIL_ADDRESS": "(F) e-mail address",
    "US_SSN": "(G) social security number",
    "US_ITIN": "(G) taxpayer number",
    MEDICAL_RECORD_NUMBER: "(H) medical record number",
    HEALTH_PLAN_NUMBER: "(I) health plan beneficiary number",
    ACCOUNT_NUMBER: "(J) account number",
    "IBAN_CODE": "(J) account number",
    "US_BANK_NUMBER": "(J) account number",
    "CREDIT_CARD": "(J) account number",
    LICENSE_NUMBER: "(K) certificate/licence number",
    "US_DRIVER_LICENSE": "(K) certificate/licence number",
    "US_PASSPORT": "(K) certificate/licence number",
    "MEDICAL_LICENSE": "(K) certificate/licence number",
    VEHICLE_ID: "(L) vehicle identifier",
    DEVICE_ID: "(M) device identifier or serial number",
    "URL": "(N) web URL",
    "IP_ADDRESS": "(O) IP address",
    BIOMETRIC: "(P) biometric identifier",
    PHOTO: "(Q) full-face photograph or comparable image",
    ROOM_NUMBER: "(R) unique identifying characteristic (room/bed)",
    UNIQUE_CHARACTERISTIC: "(R) unique identifying characteristic",
    "QUASI_IDENTIFIERS": "(b)(2)(ii) age, sex and place or time that together single someone out",
}

PERSON_KINDS = frozenset({PERSON, SOCIAL_HANDLE})
# Record numbers issued in the course of care or payment: on their own they imply the person is a patient.
RECORD_KINDS = frozenset({MEDICAL_RECORD_NUMBER, HEALTH_PLAN_NUMBER})
# Details that single out a person only together with a person and their care (PHI-08).
DETAIL_KINDS = frozenset({
    ROOM_NUMBER, CARE_DATE, AGE_OVER_89, UNIQUE_CHARACTERISTIC, STREET_ADDRESS, ZIP_CODE, PHOTO, VEHICLE_ID,
})

# A specific finding makes a generic one it covers redundant: "fax 555-0100" is a fax number, not
# also a phone number; a labelled medical record number is not also a driver's licence.
_GENERIC_NUMBERS = frozenset({"US_DRIVER_LICENSE", "US_BANK_NUMBER", "US_PASSPORT", "US_ITIN", "PHONE_NUMBER", "DATE_TIME"})
REFINES: dict[str, frozenset[str]] = {
    FAX_NUMBER: frozenset({"PHONE_NUMBER"}),
    CARE_DATE: frozenset({"DATE_TIME"}),
    AGE_OVER_89: frozenset({"DATE_TIME"}),
    STREET_ADDRESS: frozenset({"LOCATION"}),
    ZIP_CODE: frozenset({"LOCATION", "DATE_TIME", "US_DRIVER_LICENSE", "US_BANK_NUMBER"}),
    MEDICAL_RECORD_NUMBER: _GENERIC_NUMBERS,
    HEALTH_PLAN_NUMBER: _GENERIC_NUMBERS,
    ACCOUNT_NUMBER: _GENERIC_NUMBERS,
    DEVICE_ID: _GENERIC_NUMBERS,
    LICENSE_NUMBER: _GENERIC_NUMBERS,
    VEHICLE_ID: _GENERIC_NUMBERS,
}
_MODEL = "SpacyRecognizer"
_OPENERS = {":", "!", "?", ".", "\n", "\"", "(", "-", "\u00a1", "\u00bf"}  # with Spanish \u00a1 and \u00bf
WEAK_FACTOR = 0.53  # the model's 0.85 becomes 0.45: still an identifier, too weak to escalate a finding alone
STRONG = 0.5  # rules escalate to error only on identifiers at least this confident
_LOCATIVE = regex.compile(r"\b(?:in|at|from|near|across|throughout)\s+(?:the\s+)?$", regex.IGNORECASE)
_URLISH = regex.compile(r"https?|www\.|://|\.com\b|\.org\b", regex.IGNORECASE)
_INITIALS = regex.compile(r"(?:[A-Z]\.){2,3}")  # "K.T." the model tags as a person (abbreviations are not tagged so)
_EDGE = regex.compile(r"^[^\w@#]+|[^\w.]+$")


@dataclass(frozen=True)
class Identifier:
    """One Safe Harbor identifier in a post, with where it came from (Presidio's explanation)."""

    kind: str
    start: int
    end: int
    text: str
    score: float
    recognizer: str
    explanation: str = ""

    @property
    def safe_harbor(self) -> str:
        return SAFE_HARBOR.get(self.kind, "(R) identifying code")

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def identifiers(analysis: Analysis) -> tuple[Identifier, ...]:
    """The post's identifiers, sorted by position; computed once per post."""
    return analysis.remember("phi.identifiers", lambda: _identifiers(analysis))


def _identifiers(analysis: Analysis) -> tuple[Identifier, ...]:
    facilities = {(e.start_char, e.end_char) for e in analysis.doc.ents if e.label_ == "FAC"}
    starts = {t.idx for t in analysis.doc if t.is_sent_start or (t.i > 0 and analysis.doc[t.i - 1].text in _OPENERS)}
    return tuple(sorted(build(analysis.text, analysis.entities, facilities, starts), key=lambda i: (i.start, i.end, i.kind)))


def build(text: str, entities: Iterable[Entity], facilities: Iterable[tuple[int, int]] = (),
          sentence_starts: Iterable[int] = ()) -> list[Identifier]:
    """Clean and merge raw entities.

    ``facilities`` are the model's FAC spans (buildings, airports, bridges): Presidio's own spaCy
    mapping leaves them out, and on social text they are mostly product and show names, so a
    model LOCATION that is only a FAC is dropped (a street address is still found by its own
    recognizer).
    """
    facility_spans = set(facilities)
    starts = set(sentence_starts)
    found = [i for i in (_clean(text, e) for e in entities if e.entity_type in SAFE_HARBOR
                         and not (e.entity_type == "LOCATION" and e.recognizer == _MODEL and (e.start, e.end) in facility_spans))
             if i is not None]
    handles = [i for i in found if i.kind == SOCIAL_HANDLE]
    found = [i for i in found if not (i.kind == PERSON and any(h.overlaps(i.start, i.end) for h in handles))]
    # A dotted handle ("@kay.m.beauty") also reads as a domain: the handle wins.
    found = [i for i in found if not (i.kind == "URL" and any(h.start < i.start and i.end <= h.end + 1 for h in handles))]
    urls = [i for i in found if i.kind in {"URL", "EMAIL_ADDRESS"}]
    found = [i for i in found if not (i.kind in PERSON_KINDS and any(u.overlaps(i.start, i.end) for u in urls))]
    return [_weigh(text, i, starts) for i in _merge(text, found)]


def _weigh(text: str, ident: Identifier, sentence_starts: set[int]) -> Identifier:
    """One word the model alone tags as a person, not a known given name, is weak evidence when it opens
    a sentence (capitals there say nothing about a proper noun), is written in lower case, or follows
    "in", "at" or "from" (often a place: "discharged ... 890 from Koraput")."""
    if ident.kind != PERSON or ident.recognizer != _MODEL or " " in ident.text or is_given_name(ident.text):
        return ident
    if ident.start in sentence_starts:
        why = "one capitalised word opening a sentence"
    elif ident.text.islower():
        why = "one lower-case word"
    elif _LOCATIVE.search(text[max(0, ident.start - 12):ident.start]):
        why = "one word after 'in', 'at' or 'from', often a place"
    else:
        return ident
    return replace(ident, score=round(ident.score * WEAK_FACTOR, 3), explanation=f"{ident.explanation}; weak: {why}")


@lru_cache(maxsize=1)
def _large_places() -> frozenset[str]:
    return frozenset(terms("phi_places_state_or_larger"))


def state_or_larger(value: str) -> bool:
    """Whether a place name is a country, continent or US state: not a Safe Harbor (B) subdivision
    "smaller than a State" (45 CFR 164.514(b)(2)(i)(B)), so naming it identifies no one."""
    lowered = regex.sub(r"\s+", " ", value.strip(" .,;:!?'\"()").lower())
    lowered = regex.sub(r"^the ", "", lowered)
    places = _large_places()
    return any(form in places for form in (lowered, f"{lowered}.", f"the {lowered}"))


_SCOPE_AFTER = regex.compile(r"\s+(?:in|of|for|across)\s+(?:the\s+)?((?:[\w.]+\s?){1,4})")


def _national_first(text: str, start: int, end: int) -> bool:
    """"The first US case", "the first case in Texas": a first or last counted over a state or a
    country is a public-health count, not a characteristic that singles out one person in a place
    smaller than a state (Safe Harbor (B) and (R) read together)."""
    value = text[start:end]
    if not regex.search(r"\b(?:first|last)\b", value, regex.IGNORECASE):
        return False
    words = regex.findall(r"[\w.]+", value)
    inside = any(words[i][:1].isupper() and state_or_larger(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1))
    if inside:
        return True
    after = _SCOPE_AFTER.match(text, end)
    if after is None:
        return False
    following = after.group(1).split()
    return following[0][:1].isupper() and any(state_or_larger(" ".join(following[:n])) for n in range(1, len(following) + 1))


def _clean(text: str, entity: Entity) -> Identifier | None:
    start, end = entity.start, entity.end
    identifier = Identifier(entity.entity_type, start, end, text[start:end], entity.score, entity.recognizer,
                            entity.explanation)
    if entity.entity_type == "LOCATION" and state_or_larger(text[start:end]):
        return None
    if entity.entity_type == UNIQUE_CHARACTERISTIC and _national_first(text, start, end):
        return None
    if entity.entity_type != PERSON:
        return identifier
    # Trim emoji and punctuation the model sometimes includes in a name.
    value = text[start:end]
    lead = _EDGE.match(value)
    trail = _EDGE.search(value)
    if trail and trail.start() > (lead.end() if lead else 0):
        end = start + trail.start()
    if lead:
        start += lead.end()
    value = text[start:end]
    if end <= start or not any(c.isalpha() for c in value):
        return None
    if entity.recognizer == _MODEL and text[start - 1:start] in {"#", "@"}:
        return None  # hashtags and handles have their own recognizers
    if entity.recognizer == _MODEL and _LOWER_COMPOUND_AFTER.match(text, end):
        return None  # "Glow-up season": the first half of a hyphenated common word, not a name
    if entity.recognizer == _MODEL:
        start, end = _name_words(text, start, end)
        value = text[start:end]
    if entity.recognizer == _MODEL and not _plausible_name(value):
        return None
    return replace(identifier, start=start, end=end, text=value)


_WORD = regex.compile(r"\S+")
_LOWER_COMPOUND_AFTER = regex.compile(r"-[a-z]")


def _name_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The capitalised run of a span the model tagged PERSON that mixes a name with other words: a greeting
    before it ("Gracias Don Felipe", "Meet Sophia") and the lower-case words after it ("Don Ernesto ya terminó su") are not the
    name. A span with no capital (social media writes names in lower case) is left as it is."""
    words = [(m.start() + start, m.end() + start, m.group(0)) for m in _WORD.finditer(text[start:end])]
    capitalised = [w for w in words if w[2][:1].isupper()]
    if not capitalised or len(words) < 2 or any(not any(c.isalpha() for c in w[2]) for w in words):
        return start, end  # "Melbourne + Victoria": a joined span is judged whole (a name is not joined by '+')
    first = words.index(capitalised[0])
    greeted = words[first][2].lower().strip(",.!") in _greetings() | {"meet"} and first + 1 < len(words) and words[first + 1][2][:1].isupper()
    if greeted:
        first += 1
    elif not (pattern("phi_honorifics").fullmatch(words[first][2]) or is_given_name(words[first][2].strip(",.!")) and (
            first == 0 or all(w[2].lower() in role_nouns() for w in words[:first]))):
        # only a title ("Doña Rosa ya terminó su"), a given name first, a greeting or a role before a given name
        # ("weatherman Bob Gentry") marks where the name is
        return start, end
    last = first
    while last + 1 < len(words) and (words[last + 1][2][:1].isupper() or words[last + 1][2].lower() in _PARTICLES
                                     and last + 2 < len(words) and words[last + 2][2][:1].isupper()):
        last += 1
    return words[first][0], words[last][1]


_PARTICLES = frozenset({"van", "von", "de", "del", "della", "der", "den", "da", "das", "do", "dos", "du", "la", "le", "di",
                        "bin", "bint", "ibn", "al", "el", "ter", "ten", "y", "e"})


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """What a person is or does in a community (``phi_role_nouns``): 'postmaster', 'weatherman', 'coach'."""
    return frozenset(terms("phi_role_nouns"))


@lru_cache(maxsize=1)
def _greetings() -> frozenset[str]:
    return frozenset(terms("phi_greetings"))


def _plausible_name(value: str) -> bool:
    """Whether a span the model tagged PERSON could name someone (the model is weak on social text)."""
    if _URLISH.search(value) or value.startswith(("#", "@")) or any(c.isdigit() for c in value):
        return False
    words = [w for w in regex.split(r"\s+", value) if w]
    if all(w.lower().strip(".,!?'") in _not_names() for w in words):
        return False
    if len(words) == 1:
        word = words[0]
        if len(word) < 2:
            return False
        if word.isupper() and not is_given_name(word) and not _INITIALS.fullmatch(word):
            return False
    return True


def _merge(text: str, found: list[Identifier]) -> list[Identifier]:
    """One finding per place: overlapping names merge into one (the model and the name list often
    find the same person), exact duplicates of other kinds collapse, and a generic finding covered
    by a more specific one is dropped."""
    found.sort(key=lambda i: (i.kind, i.start, -(i.end - i.start), -i.score))
    merged: list[Identifier] = []
    for item in found:
        last = merged[-1] if merged else None
        same_place = last is not None and last.kind == item.kind and (
            (last.start, last.end) == (item.start, item.end) or (item.kind == PERSON and last.overlaps(item.start, item.end)))
        if not same_place:
            merged.append(item)
            continue
        sources = last.recognizer if item.recognizer in last.recognizer.split("+") else f"{last.recognizer}+{item.recognizer}"
        start, end = min(last.start, item.start), max(last.end, item.end)
        best = last if last.score >= item.score else item
        merged[-1] = replace(best, start=start, end=end, text=text[start:end], recognizer=sources)
    # A specific finding absorbs the generic ones it overlaps ("last Sunday" the care date and
    # "the last Sunday" the date are one date), taking the wider span.
    absorbed: set[int] = set()
    result = []
    for item in merged:
        if item.kind in REFINES:
            for index, other in enumerate(merged):
                if other.kind in REFINES[item.kind] and other.overlaps(item.start, item.end):
                    absorbed.add(index)
                    start, end = min(item.start, other.start), max(item.end, other.end)
                    item = replace(item, start=start, end=end, text=text[start:end])
        result.append(item)
    return [i for index, i in enumerate(result) if index not in absorbed]
