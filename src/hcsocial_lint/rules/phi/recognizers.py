"""Presidio recognizers for the Safe Harbor identifiers Presidio does not know.

45 CFR 164.514(b)(2)(i) lists eighteen kinds of identifier. Presidio covers names (through the
spaCy model), phone numbers, e-mail addresses, SSNs, URLs, IP addresses and a few national IDs;
posts by healthcare organisations carry others: @handles and names inside hashtags, medical
record and health-plan numbers, room and bed numbers, ages over 89, dates of care, photo
references, device serials, fax numbers, licence and vehicle numbers, biometric references and
"the only ..." characteristics. Each class below is an ordinary Presidio recognizer, returned by
the PHI family's ``new_recognizers(settings)`` through the ``hclint_recognizers`` hook: the same hook
a third-party plug-in uses to add its own.

Every recognizer runs on the one spaCy parse of the post (Presidio's ``NlpArtifacts``); pattern
recognizers need nothing but the text, so they also run in the no-model mode.

A plug-in adds its own recognizer the same way (``hclint_recognizers``). To have the PHI rules use
it, report one of the entity types listed in ``identifiers.SAFE_HARBOR`` (for example
``MEDICAL_RECORD_NUMBER`` for an in-house record-number format, ``PERSON`` for a name list);
types the PHI family does not know are kept in ``analysis.entities`` for other rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import IbanRecognizer

from ...nlp.regex_budget import timed
from ...vocabularies import pattern
from .names import (  # noqa: F401 - re-exported: the types and name helpers were defined here first
    _CALENDAR,
    _ORG_WORDS,
    _PLACE_WORDS,
    _STOP_CAPITALS,
    ACCOUNT_NUMBER,
    AGE_OVER_89,
    BIOMETRIC,
    CARE_DATE,
    DEVICE_ID,
    FAX_NUMBER,
    HEALTH_PLAN_NUMBER,
    LANGUAGE,
    LICENSE_NUMBER,
    MEDICAL_RECORD_NUMBER,
    PERSON,
    PHOTO,
    ROOM_NUMBER,
    SOCIAL_HANDLE,
    STREET_ADDRESS,
    UNIQUE_CHARACTERISTIC,
    VEHICLE_ID,
    HASHTAG,
    ZIP_CODE,
    _ambiguous_names,
    _first_names,
    _not_names,
    _place_names,
    hashtag_name,
    is_ambiguous_name,
    is_given_name,
)

def _result(entity: str, start: int, end: int, score: float, recognizer: EntityRecognizer, why: str,
            pattern_name: str | None = None) -> RecognizerResult:
    """A result carrying Presidio's explanation; the identifier key must be the recognizer's ``id``
    (Presidio's context step groups results by it and drops any it cannot place)."""
    explanation = AnalysisExplanation(recognizer=recognizer.name, original_score=score, pattern_name=pattern_name,
                                      textual_explanation=why)
    return RecognizerResult(entity, start, end, score, analysis_explanation=explanation,
                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
                                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id})


def _id_has_digit(match: regex.Match) -> bool:
    """A labelled number must contain a digit: "serial number: pending" is not an identifier."""
    return any(c.isdigit() for c in match.group("id") or "")


class _RegexRecognizer(EntityRecognizer):
    """A recognizer whose patterns need checks a plain ``PatternRecognizer`` cannot express.

    Subclasses list ``(name, regex, score)`` and may override :meth:`accept` to keep or drop a
    match, and :meth:`span` to report a group rather than the whole match.
    """

    ENTITY = ""
    PATTERNS: Sequence[tuple[str, str, float]] = ()
    WHY = ""

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], supported_language=LANGUAGE, name=type(self).__name__)
        self._compiled = [(name, regex.compile(rx, regex.IGNORECASE | regex.VERSION0), score)
                          for name, rx, score in self.PATTERNS]

    def load(self) -> None:
        return None

    def budget_patterns(self, wrap) -> None:
        """Let the linter put each pattern on its time budget (see ``nlp.regex_budget``)."""
        self._compiled = [(name, wrap(compiled, name), score) for name, compiled, score in self._compiled]

    def accept(self, name: str, match: regex.Match, text: str) -> bool:
        return True

    def span(self, match: regex.Match) -> tuple[int, int]:
        if "id" in match.groupdict() and match.group("id") is not None:
            return match.span("id")
        return match.span()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        found: list[RecognizerResult] = []
        taken: list[tuple[int, int]] = []
        for name, compiled, score in self._compiled:
            for match in compiled.finditer(text):
                start, end = self.span(match)
                if start == end or any(s < end and start < e for s, e in taken):
                    continue
                if not self.accept(name, match, text):
                    continue
                taken.append((start, end))
                found.append(_result(self.ENTITY, start, end, score, self, f"{self.WHY} (pattern: {name})", name))
        return found


# --------------------------------------------------------------------------- people


class SocialHandleRecognizer(_RegexRecognizer):
    """``@handle`` mentions (Safe Harbor (A), names; OCR treats a tagged patient as named).

    Only the form real posts use, ``@user``, is accepted: an ``@`` followed by a space is the
    shorthand for "at" ("meet us @ the clinic"), not a mention.
    """

    ENTITY = SOCIAL_HANDLE
    WHY = "a social-media @mention names an account holder"
    PATTERNS = (("at-mention", r"(?<![\w@./])@(?=[A-Za-z0-9_.]*[A-Za-z])[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])", 0.85),)
    _TIME = regex.compile(r"@\d{1,2}(?::\d\d)?(?:am|pm)?$", regex.IGNORECASE)

    def accept(self, name: str, match: regex.Match, text: str) -> bool:
        return not self._TIME.match(match.group(0))


_STREET_AFTER = timed(regex.compile(r"\s+(?:St|Street|Ave|Avenue|Road|Rd|Main|Blvd)\b", regex.IGNORECASE),
                      "recognizer RoomBedRecognizer", "street after a numbered unit")
_SENTENCE_BREAK = timed(regex.compile(r"[.!?;\n]"), "recognizer CareDateRecognizer", "sentence break")
_LEADING_DETERMINER = regex.compile(r"(?:The|Our|A|An|This|That|On|In|At|From|To)\s")


class HashtagNameRecognizer(EntityRecognizer):
    """A person named inside a hashtag: ``#EmmaStrong``, ``#PrayersForCaleb``, ``#TeamJake``,
    ``#JaneDoe``. The hashtag is reported whole, since removing it is the fix."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[PERSON], supported_language=LANGUAGE, name="HashtagNameRecognizer")

    def load(self) -> None:
        return None

    name_in = staticmethod(hashtag_name)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if entities and PERSON not in entities:
            return []
        results = []
        for match in HASHTAG.finditer(text):
            name = self.name_in(match.group("body"))
            if name:
                results.append(_result(PERSON, match.start(), match.end(), 0.75, self,
                                       f"hashtag built around the given name '{name}'"))
        return results


_SPACY_NON_PERSON = {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC", "EVENT", "LANGUAGE", "LAW"}
_ABBREVIATIONS = frozenset(
    "u.s. u.k. d.c. a.m. p.m. p.s. e.r. o.r. i.v. m.d. r.n. n.p. p.a. b.s. m.s. e.g. i.e. u.n. n.y. l.a. "
    "p.t. o.t. d.o. e.d. i.c.u. b.a. m.a. p.h.d. r.s.v.p. u.s.a. a.k.a.".split()
)
_COURTESY = frozenset({"mr", "mrs", "ms", "mx", "miss", "dr", "prof", "rev", "fr", "sr"})
_VOCATIVE_INITIALS = timed(regex.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=\b(?:Hi|Hello|Hey|Dear|Thanks|Thank you)\s))(?P<id>(?:[A-Z]\.\s?){2,3})(?=,)"
), "recognizer GivenNameRecognizer", "vocative initials")

# Initials standing for a person in a story: after words that take a person ("shout out to J.R.",
# "congrats, K.M.") or before what a person does ("J.R. was so brave", "T.K. and his mom"); one initial between both.
_STORY_INITIALS = timed(regex.compile(
    r"(?:(?<=\b(?:to|for|with|of|congrats|congratulations|thanks|meet|little|baby|patient|friend)\s)(?P<id>(?:[A-Z]\.){2,3})(?!\w)"
    r"|(?P<id>(?:[A-Z]\.){2,3})(?=\s+(?:for being|was|is|has|had|who|and (?:his|her|their)|just|finally|came|got|from our)\b)"
    # one initial, between a word that takes a person and what a person does or where they belong: "proud of J. from
    # our Tuesday group", "congrats to R., who finished ..."
    r"|(?<=\b(?:to|of|congrats|congratulations|thanks|meet|patient)\s)(?P<id>[A-Z]\.)"
    r"(?=,?\s+(?:from|in|at|on) our\b|,?\s+(?:who|for being|was|is|has|had|just|finally)\b))"
), "recognizer GivenNameRecognizer", "story initials")


def _title_case(word: str) -> bool:
    return word[:1].isupper() and any(c.islower() for c in word[1:]) and word.replace("'", "").replace("-", "").isalpha()


def _initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


class GivenNameRecognizer(EntityRecognizer):
    """People the small model misses: given names ("Kevin", "Dottie"), a courtesy or kinship title
    with a name ("Mr. Delgado", "Nana Rose"), initials used to address someone ("J.R., thank you").

    Reads the tokens of the shared parse and, when a model is loaded, its entities and
    part-of-speech tags, so that "Grace" the word and "Austin" the city stay what they are.
    """

    def __init__(self) -> None:
        super().__init__(supported_entities=[PERSON], supported_language=LANGUAGE, name="GivenNameRecognizer")

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if entities and PERSON not in entities:
            return []
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is None or not hasattr(doc, "ents"):
            return []
        results = [
            _result(PERSON, m.start("id"), m.start("id") + len(m.group("id").rstrip()), 0.5, self,
                    "initials used to address a person")
            for m in _VOCATIVE_INITIALS.finditer(text) if m.group("id").replace(" ", "").lower() not in _ABBREVIATIONS
        ]
        results.extend(
            _result(PERSON, m.start("id"), m.end("id"), 0.5, self, "initials used as a person's name")
            for m in _STORY_INITIALS.finditer(text)
            if m.group("id").lower() not in _ABBREVIATIONS and not any(r.start == m.start("id") for r in results))
        results.extend(self._names(doc))
        return results

    def _names(self, doc) -> Iterable[RecognizerResult]:
        has_pos = doc.has_annotation("POS")
        ent_of = {token.i: ent for ent in doc.ents for token in ent}
        i, n = 0, len(doc)
        while i < n:
            token = doc[i]
            found = self._titled(doc, i) or self._given(doc, token, ent_of.get(i), has_pos)
            if found is None:
                i += 1
                continue
            end_i, score, why = found
            yield self._span(doc, i, end_i, score, why)
            i = end_i + 1

    def _titled(self, doc, i: int) -> tuple[int, float, str] | None:
        """"Mr. Delgado", "Dr. Maria Chen", "Coach Dave Miller", "Nana Rose", "baby Zoe"."""
        if i + 1 >= len(doc):
            return None
        word, following = doc[i].text, doc[i + 1].text
        title = word.rstrip(".").lower()
        if title in _COURTESY and word[:1].isupper() and (_title_case(following) or _initial(following)
                                                          or len(following) == 1 and following.isupper()):
            return self._extend(doc, i + 1), 0.7, f"courtesy title '{word}' before a name"
        titled = pattern("phi_honorifics").fullmatch(word) is not None and word[:1].isupper()
        kin = pattern("phi_kinship_titles").fullmatch(word) is not None
        if (titled or kin) and _title_case(following) and is_given_name(following):
            return self._extend(doc, i + 1), 0.6, f"'{word}' before the given name '{following}'"
        lowered = following.lower()
        if titled and _title_case(following) and lowered not in _STOP_CAPITALS and lowered not in _CALENDAR \
                and lowered not in _PLACE_WORDS and lowered not in _ORG_WORDS and lowered not in _not_names():
            return self._extend(doc, i + 1), 0.55, f"the title '{word}' before a name"
        return None

    def _given(self, doc, token, ent, has_pos: bool) -> tuple[int, float, str] | None:
        if len(token.text) < 2 or not is_given_name(token.text):
            return None
        verdict = self._judge(doc, token, ent, has_pos)
        if verdict is None:
            return None
        why, score = verdict
        end_i = self._extend(doc, token.i) if token.text[:1].isupper() else token.i
        if end_i > token.i:
            score = min(score + 0.1, 0.85)
        return end_i, score, why

    def _judge(self, doc, token, ent, has_pos: bool) -> tuple[str, float] | None:
        word = token.text
        lowered = word.lower()
        if word.isupper() and len(word) > 1:
            return None
        vocative = token.i > 0 and doc[token.i - 1].text == "," and (
            token.i + 1 == len(doc) or doc[token.i + 1].text in {".", "!", "?", ","})
        if ent is not None and not (vocative and _title_case(word)):
            if ent.label_ in {"DATE", "TIME"} or (ent.label_ in {"GPE", "LOC", "FAC"} and lowered in _place_names()):
                return None
            if ent.label_ in _SPACY_NON_PERSON and len(ent) > 1 and any(
                    t.text.lower() in _PLACE_WORDS or t.text.lower() in _ORG_WORDS for t in ent):
                return None
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        surname_follows = nxt is not None and _title_case(nxt.text) and nxt.text.lower() not in _STOP_CAPITALS \
            and nxt.text.lower() not in _CALENDAR and nxt.text.lower() not in _PLACE_WORDS \
            and (not has_pos or nxt.pos_ == "PROPN")
        if not word[:1].isupper():
            if lowered in _ambiguous_names() or token.is_stop or lowered in _not_names():
                return None
            if has_pos and token.pos_ not in {"PROPN", "NOUN", "X", "INTJ"}:
                return None
            return "lower-case given name", 0.45
        if not _title_case(word):
            return None
        if lowered in _ambiguous_names() or (lowered in _place_names() and not has_pos):
            if surname_follows:
                return "given name followed by a surname", 0.55
            if ent is not None and ent.label_ in {"PERSON", *_SPACY_NON_PERSON}:
                return "given name the model marks as a name", 0.5
            if has_pos and token.pos_ == "PROPN" and not token.is_sent_start:
                return "given name used as a proper noun", 0.45
            return None
        if ent is not None and ent.label_ == "PERSON":
            return "given name the model marks as a person", 0.6
        if vocative:
            return "given name used to address someone", 0.6
        return "capitalised given name", 0.6

    @staticmethod
    def _extend(doc, i: int) -> int:
        """Index of the last token of the name starting at ``i`` (surname, middle name, initial)."""
        end = i
        while end + 1 < len(doc) and end - i < 2:
            nxt = doc[end + 1].text
            lowered = nxt.lower()
            if _initial(nxt) or (_title_case(nxt) and lowered not in _STOP_CAPITALS and lowered not in _CALENDAR
                                 and lowered not in _PLACE_WORDS and lowered not in _not_names()):
                end += 1
                if _initial(nxt):
                    break
            else:
                break
        return end

    def _span(self, doc, start_i: int, end_i: int, score: float, why: str) -> RecognizerResult:
        start = doc[start_i].idx
        last = doc[end_i]
        return _result(PERSON, start, last.idx + len(last.text), score, self, why)


# --------------------------------------------------------------------------- numbers and codes


class MedicalRecordNumberRecognizer(_RegexRecognizer):
    """Medical record numbers (Safe Harbor (H)): "MRN 004521", "medical record #88-1234", "chart no. 5521", an accession
    or encounter number ("ACC# 4471920", "CSN 88123")."""

    ENTITY = MEDICAL_RECORD_NUMBER
    WHY = "a medical record number follows its label"
    PATTERNS = (
        # an imaging or lab accession number and an encounter number name one record too: "ACC# 4471920", "CSN 88123"
        ("mrn-label", r"\b(?:MRN|M\.R\.N\.|med(?:ical)? rec(?:ord)?s?(?: number| no\.?| num(?:ber)?| #)?|chart(?: number| no\.?| #)"
                      r"|acc(?:ession)?(?: number| no\.?| #)?(?=\s*[:#]?\s*[A-Z]{0,3}[-\s]?\d{5})|encounter(?: number| no\.?| #)|CSN|FIN)"
                      r"\s*(?:[:#]|is|number|no\.?)?\s*(?P<id>[A-Z]{0,3}[-\s]?\d[\d-]{3,14}\d)\b", 0.85),
        # "Patient #M-448213", "patient ID: 20-55817": a patient number is a record number (issue #9)
        ("patient-number", r"\bpatient\s*(?:#|no\.\s*|number\s*|id\s*[:#]?\s*)(?P<id>[A-Z]{0,3}[-\s]?\d[\d-]{3,14}\d)\b", 0.85),
    )

    def accept(self, name: str, match: regex.Match, text: str) -> bool:
        """Not a placeholder on a training band or a demo screen: one digit repeated, or a run ("000000", "123456")."""
        digits = regex.sub(r"\D", "", match.group("id"))
        return len(set(digits)) > 1 and digits not in "01234567890" and digits not in "98765432109"


class HealthPlanNumberRecognizer(_RegexRecognizer):
    """Health-plan beneficiary numbers (Safe Harbor (I)): member/subscriber/policy IDs, Medicare MBIs, Medicaid IDs."""

    ENTITY = HEALTH_PLAN_NUMBER
    WHY = "a health-plan member or policy number"
    PATTERNS = (
        ("plan-label", r"\b(?:member|subscriber|policy|insurance|medicaid|medicare|beneficiary|plan|group|enrollee)"
                       r"(?:\s+(?:id|number|no\.?|#|card number))+\s*[:#]?\s*(?P<id>[A-Z0-9][A-Z0-9-]{4,19})\b", 0.85),
        ("medicare-mbi", r"\b(?P<id>[1-9][AC-HJ-KM-NP-RT-Y][AC-HJ-KM-NP-RT-Y0-9]\d-?[AC-HJ-KM-NP-RT-Y][AC-HJ-KM-NP-RT-Y0-9]\d-?"
                         r"[AC-HJ-KM-NP-RT-Y]{2}\d{2})\b", 0.6),
    )

    def accept(self, name: str, match: regex.Match, text: str) -> bool:
        return _id_has_digit(match)


class AccountNumberRecognizer(_RegexRecognizer):
    """Account numbers (Safe Harbor (J)): "account #4471-22", "acct no. 99812"."""

    ENTITY = ACCOUNT_NUMBER
    WHY = "an account number follows its label"
    PATTERNS = (
        ("account-label", r"\b(?:account|acct\.?|billing|invoice|patient account)(?:\s+(?:number|no\.?|#|id))+\s*[:#]?\s*"
                          r"(?P<id>[A-Z]{0,3}-?\d[\d-]{3,18}\d)\b", 0.8),
    )


class DeviceSerialRecognizer(_RegexRecognizer):
    """Device identifiers and serial numbers (Safe Harbor (M)): implant serials, "S/N", UDIs, lot numbers."""

    ENTITY = DEVICE_ID
    WHY = "a device serial or identifier follows its label"
    PATTERNS = (
        ("serial-label", r"\b(?:serial(?: number| no\.?| #)?|s/n|sn|udi|lot(?: number| no\.?| #)|device id|model and serial)"
                         r"\s*[:#]?\s*(?P<id>[A-Z0-9][A-Z0-9-]{4,24})\b", 0.75),
    )

    def accept(self, name: str, match: regex.Match, text: str) -> bool:
        return _id_has_digit(match)


class LicenseNumberRecognizer(_RegexRecognizer):
    """Certificate and licence numbers (Safe Harbor (K)) written with their label."""

    ENTITY = LICENSE_NUMBER
    WHY = "a licence or certificate number follows its label"
    PATTERNS = (
        ("licence-label", r"\b(?:driver'?s?\s+)?(?:licen[cs]e|certificate|permit|passport)(?:\s+(?:number|no\.?|#|id))+\s*[:#]?\s*"
                          r"(?P<id>[A-Z0-9][A-Z0-9-]{4,19})\b", 0.75),
    )

    def accept(self, name: str, match: regex.Match, text: str) -> bool:
        return _id_has_digit(match)


_VANITY_PLATE_PATTERNS = frozenset({"plate-quoted", "plate-before", "plate-reads"})


class VehicleIdRecognizer(_RegexRecognizer):
    """Vehicle identifiers (Safe Harbor (L)): licence plates with their label and 17-character VINs."""

    ENTITY = VEHICLE_ID
    WHY = "a vehicle identifier"
    PATTERNS = (
        ("plate-label", r"\b(?:licen[cs]e plate|plate(?: number| no\.?| #)?|tag number)\s*[:#]?\s*(?P<id>[A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5})\b", 0.7),
        ("vin", r"\b(?:VIN\s*[:#]?\s*)?(?P<id>[A-HJ-NPR-Z0-9]{17})\b", 0.5),
        # vanity plates are letters only: "the SKIBUM plate", "plate 'GR8DAY' readable", "plates that read MOOSE"
        ("plate-quoted", r"\bplates?\s*(?:that\s+(?:reads?|says?)\s*|reading\s*|:\s*)?['\"‘“](?P<id>(?-i:[A-Z0-9]{2,8}))['\"’”]", 0.7),
        ("plate-before", r"(?<![\w'’])(?P<id>(?-i:[A-Z][A-Z0-9]{3,7}))\s+(?:vanity\s+|licen[cs]e\s+)?plates?\b", 0.7),
        ("plate-reads", r"\bplates?\s+(?:that\s+)?(?:reads?|says?|reading)\s+(?P<id>(?-i:[A-Z0-9]{3,8}))\b", 0.7),
    )

    def accept(self, name: str, match: regex.Match, text: str) -> bool:
        value = match.group("id")
        if name in _VANITY_PLATE_PATTERNS:
            return True  # a vanity plate may be letters only
        if len(value) == 17:
            return sum(c.isdigit() for c in value) >= 5 and sum(c.isalpha() for c in value) >= 3
        return any(c.isdigit() for c in value)


class FaxNumberRecognizer(_RegexRecognizer):
    """Fax numbers (Safe Harbor (E)); Presidio finds phone numbers but not their use as fax."""

    ENTITY = FAX_NUMBER
    WHY = "a number labelled as a fax"
    PATTERNS = (
        ("fax-label", r"\bfax(?:\s+(?:number|no\.?|#))?\s*[:#]?\s*(?:at\s+|to\s+)?(?P<id>\+?1?[\s.-]?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})\b", 0.8),
    )


class RoomBedRecognizer(_RegexRecognizer):
    """Room, bed and bay numbers and numbered units (Safe Harbor (R), unique characteristic; PHI-08)."""

    ENTITY = ROOM_NUMBER
    WHY = "a room, bed or bay number locates one person"
    PATTERNS = (
        ("unit-bed", r"\b(?:ICU|NICU|PICU|CICU|ER|ED|PACU|L&D|trauma)\s+(?:room|bed|bay)\s*#?\s*\d{1,4}[A-Z]?\b", 0.8),
        ("room", r"\b(?:(?:exam|patient|hospital|delivery|recovery|treatment|procedure|operating|isolation)\s+)?"
                 r"(?:room|rm\.?|bed|bay|cubicle|crib|bassinet|isolette|pod|stall|cot)\s*#?\s*\d{1,4}[A-Z]?\b", 0.7),
        # A numbered treatment chair, where a dialysis or infusion patient sits each visit: "chair 9", "from chair #6".
        ("chair", r"\b(?:(?:dialysis|infusion|treatment|chemo)\s+)?chair\s*#?\s*\d{1,3}\b", 0.6),
        # Spanish: "del cuarto 208", "en la habitación 12", "cama 4".
        ("room-es", r"\b(?:cuarto|habitaci[oó]n|cama|sala)\s*#?\s*\d{1,4}[A-Z]?\b", 0.7),
        ("numbered-unit", r"(?-i:\b\d{1,2}\s?(?:North|South|East|West)\b)", 0.5),
        # A ward and bed written as a code after "in": "Mrs. Ruiz in 4C", "in 3B-12" (not "in 3D", "in 5G").
        ("ward-bed", r"(?-i:(?<=\b(?:in|from|of)\s)(?!\d[DGK]\b)\d{1,2}[A-Z](?:-\d{1,3})?\b)", 0.5),
    )

    def accept(self, name: str, match: regex.Match, text: str) -> bool:
        if name == "numbered-unit":
            return not _STREET_AFTER.match(text, match.end())
        return True


class AgeOver89Recognizer(_RegexRecognizer):
    """Ages over 89 and the date elements that reveal them (Safe Harbor (C))."""

    ENTITY = AGE_OVER_89
    WHY = "an age over 89 identifies few enough people to be a Safe Harbor identifier"
    PATTERNS = (
        ("n-year-old", r"\b(?P<n>\d{2,3})[-\s](?:years?|yrs?)[-\s](?:old|young)\b", 0.8),
        ("n-yo", r"\b(?P<n>\d{2,3})[-\s]?(?:y/o|y\.o\.|yo)(?!\w)", 0.8),
        ("aged-n", r"\b(?:aged?|age of|turn(?:s|ed|ing)?|celebrat(?:es|ed|ing)|reached)\s+(?P<n>\d{2,3})\b"
                   r"(?!\s*(?:%|percent|days|weeks|months|lbs|pounds|patients|beds|babies|people|years?(?![\s-]+old)))", 0.7),
        ("nth-birthday", r"\b(?P<n>\d{2,3})(?:st|nd|rd|th)\s+birthday\b", 0.8),
        ("in-her-90s", r"\bin\s+(?:his|her|their)\s+(?:late\s+|early\s+|mid-)?(?P<n>9\d|1\d\d)'?s\b", 0.7),
        ("words", r"\b(?P<w>ninety(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one hundred|a hundred)"
                  r"(?:[-\s](?:years?)[-\s]old|(?:th)?\s+birthday)\b", 0.7),
        ("centenarian", r"\bcentenarians?\b|\bsupercentenarians?\b", 0.6),
        # An age after a name, between commas: "Ruth, 101, ..." (not "Phoenix, 112 degrees").
        ("name-age", r"(?-i:(?<=\b[A-Z][a-z]+,\s)(?P<n>\d{2,3})(?=\s*[,)]))", 0.6),
        ("nonagenarian", r"\bnonagenarians?\b", 0.6),
        # Said in the second or third person: "when ur 92 and still ...", "she's 97, and ...".
        ("is-n", r"\b(?:ur|you'?re|youre|she'?s|he'?s|i'?m)\s+(?P<n>\d{2,3})(?=\s+(?:and|years|yrs)\b|\s*[,.!])", 0.6),
        # Spanish (issue #9, part 7): "Doña Carmen, de 91 años", "cumplió 100 años", "a sus 93 años".
        ("anos", r"\b(?:de|cumpli[oó]|cumple|con|a sus|tiene)\s+(?P<n>\d{2,3})\s+años\b", 0.7),
        # The age at death closing the sentence or clause: "passed away peacefully on Sunday at 97."
        ("died-at-n", r"(?<=\b(?:died|passed|passing|death)\b[^.!?\n]{0,60})\bat\s+(?:the\s+age\s+of\s+)?(?P<n>\d{2,3})"
                      r"(?=\s*(?:[,.;!?)]|$|surrounded\b|after\b|with\b))", 0.7),
    )

    def accept(self, name: str, match: regex.Match, text: str) -> bool:
        if _AGE_CATEGORY_AFTER.match(text, match.end()):
            return False  # "aged 90 or older": Safe Harbor's own category for ages over 89, not an age
        if _AGE_OF_A_THING.match(text, match.end()):
            return False  # "our 100th birthday to our hospital", "a 95-year-old building": not a person's age
        groups = match.groupdict()
        if groups.get("n"):
            return 90 <= int(groups["n"]) <= 130
        return True


_INSTITUTIONS = (r"hospital|clinic|practice|center|centre|building|campus|church|school|town|city|village|company|foundation|"
                 r"organi[sz]ation|department|unit|wing|library|museum|institution|program|programme|society|association|"
                 r"tree|oak|bridge|farm|business|firm|pharmacy|newspaper")
_AGE_CATEGORY_AFTER = regex.compile(r"\s*(?:\+|or (?:older|over|above|more)|and (?:up|over|older|above))", regex.IGNORECASE)
_AGE_OF_A_THING = timed(regex.compile(
    r"\s*(?:,\s*)?(?:(?:to|of|for)\s+(?:our|the|this|its)\s+(?:[\w'-]+\s+){0,2}|(?:[\w-]+\s+)?)(?:" + _INSTITUTIONS + r")\b",
    regex.IGNORECASE), "recognizer AgeOver89Recognizer", "the age of a thing")


_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DATE_EXPRESSION = (
    rf"(?<!\w)(?:(?:on\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?:last|this|next|on)\s+{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?|{_WEEKDAY}(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening|week)|last\s+(?:night|week|weekend|month))"
    rf"|(?:in|since|during)\s+{_MONTH}"
    # A holiday and the clock time of an event: "on Christmas morning at 6:12am", "New Year's Day".
    rf"|(?:on\s+)?(?:christmas(?:\s+eve)?|new\s+year's(?:\s+(?:eve|day))?|thanksgiving|easter(?:\s+sunday)?|halloween|valentine's\s+day|"
    rf"mother's\s+day|father's\s+day|independence\s+day|the\s+fourth\s+of\s+july|labor\s+day|memorial\s+day)(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:at\s+)?\d{{1,2}}:\d{{2}}\s?(?:am|pm|a\.m\.|p\.m\.)?|(?:at\s+)?\d{{1,2}}\s?(?:am|pm|a\.m\.|p\.m\.))(?!\w)"
)


# One patient of ours, whose visit a date beside it dates ("my patient from this morning", "our patient today").
_ONE_PATIENT_OF_OURS = regex.compile(r"\b(?:my|our) (?:\w+ )?patient\b(?!s|'s)", regex.IGNORECASE)


class CareDateRecognizer(EntityRecognizer):
    """Dates tied to a person's care (Safe Harbor (C)): birth, admission, discharge, surgery,
    visit, treatment, death ("admitted 03/14/2025", "Tuesday's bypass surgery", "chemo this week",
    "discharged today", "DOB 04/11/1958").

    A date with no care event next to it (an event announcement, an opening day) is not reported.
    """

    WINDOW = 40  # characters between the care event and the date

    def __init__(self) -> None:
        super().__init__(supported_entities=[CARE_DATE], supported_language=LANGUAGE, name="CareDateRecognizer")
        self._date = regex.compile(DATE_EXPRESSION, regex.IGNORECASE)
        self._dob = regex.compile(r"\b(?:DOB|D\.O\.B\.|date of birth|born(?: on)?|birthdate)\s*[:#]?\s*(?P<id>\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|"
                                  + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})", regex.IGNORECASE)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if entities and CARE_DATE not in entities:
            return []
        results = []
        taken: list[tuple[int, int]] = []
        for match in self._dob.finditer(text):
            start, end = match.span("id")
            taken.append((start, end))
            results.append(_result(CARE_DATE, start, end, 0.85, self, "a date of birth"))
        # (start, end, text, how the explanation names what the date is of)
        events = [(m.start(), m.end(), m.group(0), f"a date next to the care event '{m.group(0)}'")
                  for vocabulary in ("phi_care_events", "health_terms") for m in pattern(vocabulary).finditer(text)]
        events += [(m.start(), m.end(), m.group(0), f"the date of the visit of '{m.group(0)}'")
                   for m in _ONE_PATIENT_OF_OURS.finditer(text)]
        if not events:
            return results
        for match in self._date.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            near = [e for e in events if (0 <= start - e[1] <= self.WINDOW or 0 <= e[0] - end <= self.WINDOW)
                    and not _SENTENCE_BREAK.search(text, min(e[1], end), max(e[0], start))]
            if not near:
                continue
            event = min(near, key=lambda e: min(abs(start - e[1]), abs(e[0] - end)))
            taken.append((start, end))
            results.append(_result(CARE_DATE, start, end, 0.7, self, event[3]))
        return results


class PhotoReferenceRecognizer(_RegexRecognizer):
    """References to a photo or video of a person (Safe Harbor (Q), full-face photographs and comparable images)."""

    ENTITY = PHOTO
    WHY = "the post refers to a photo or video of a person"
    PATTERNS = (
        ("pictured", r"\(?\bpictured\b(?:\s+(?:here|above|below|left|right|with))?\)?:?", 0.7),
        ("in-the-photo", r"\bin (?:the|this|our) (?:photo|picture|pic|video|clip|selfie)\b", 0.7),
        ("photo-of", r"\b(?:photo|picture|pic|video|selfie|snapshot|footage)s? (?:of|from)\b", 0.6),
        ("photo-label", r"\b(?:photo|video|pic)(?: of the (?:day|week|month))?:", 0.6),
        ("swipe", r"\bswipe\b(?:\s+(?:left|right|to see|through))?", 0.5),
        ("before-after", r"\bbefore\s*(?:&|and|/)\s*after\b", 0.7),
        ("watch", r"\bwatch (?:him|her|them|as|how)\b", 0.5),
        ("camera", r"[\U0001F4F7\U0001F4F8\U0001F4F9\U0001F3A5]", 0.4),
    )


class BiometricRecognizer(_RegexRecognizer):
    """References to biometric identifiers (Safe Harbor (P)): finger and voice prints, retina and face scans."""

    ENTITY = BIOMETRIC
    WHY = "a biometric identifier is mentioned"
    PATTERNS = (
        ("biometric", r"\b(?:finger ?prints?|thumb ?prints?|palm ?prints?|voice ?prints?|voice recordings?|retina(?:l)? scans?|"
                      r"iris scans?|face scans?|facial (?:scan|recognition|geometry)|hand geometry|gait (?:analysis|video))\b", 0.6),
    )


# Roles that one person holds in a team, a business or a family (for "the Eagles' kicker", "the mayor's wife").
_ROLES = (r"kicker|punter|quarterback|goalie|goalkeeper|pitcher|catcher|striker|linebacker|lineman|point guard|center|coach|"
          r"captain|owner|founder|ceo|manager|chef|anchor|lead singer|singer|drummer|frontman|mascot|pastor|principal|mayor|"
          r"wife|husband|son|daughter|mom|dad|mother|father|partner|lineworker|firefighter|officer|trooper|deputy|qb|"
          r"(?:weather |news |sports |morning )?anchor|meteorologist|host|dj|guitarist|sprinter|bride|groom|"
          r"valedictorian|fire captain|fire chief|police chief|priest|rabbi|imam")
_ROLES_OUTSIDE_FAMILY = "|".join(r for r in _ROLES.split("|")
                                 if r not in {"wife", "husband", "son", "daughter", "mom", "dad", "mother", "father", "partner"})
# Who a named team, band, station or business has only one of: "the lead singer of ...", "Channel 6's anchor".
_PUBLIC_ROLES = (r"(?:weather |news |sports |morning )?anchor|meteorologist|host|dj|reporter|quarterback|qb|coach|pastor|"
                 r"principal|mascot|frontman|(?:lead )?singer|drummer|guitarist|captain|star|mayor")
_PERSON_WORDS = (r"man|woman|boy|girl|teen|driver|motorcyclist|cyclist|hiker|child|toddler|worker|student|swimmer|"
                 r"passenger|runner|skier|bride|groom")

# Jobs and school years that, with a named workplace or school, pick out one person ("the shift supervisor at
# Dunmore Mills", "the 4th grader from Lincoln Elementary").
_PLACE_ROLES = (r"supervisor|shift supervisor|foreman|forewoman|teacher|cashier|barista|librarian|janitor|custodian|"
                r"bus driver|crossing guard|mail carrier|clerk|bartender|waitress|waiter|bouncer|lifeguard|"
                r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth) grader|"
                r"freshman|sophomore|exchange student|cheerleader|drum major|"
                r"kicker|punter|quarterback|qb|goalie|goalkeeper|pitcher|catcher|striker|linebacker|lineman|point guard|"
                r"shortstop|captain|mascot|valedictorian")
_NAMED_PLACE = (r"(?:the\s)?(?:(?-i:[A-Z][\w'&.-]*(?:\s[A-Z][\w'&.-]*){0,3})|"
                r"[\w'-]+(?:\s[\w'-]+){0,2}\s(?:elementary|middle school|high school|high|academy|mill|plant|factory|warehouse))")


class UniqueCharacteristicRecognizer(_RegexRecognizer):
    """"Any other unique identifying characteristic" (Safe Harbor (R)): "the only patient in the state with",
    "our youngest transplant recipient", "our 1,000th patient", "the first baby born in 2024"."""

    ENTITY = UNIQUE_CHARACTERISTIC
    WHY = "a characteristic only one person has"
    PATTERNS = (
        # A family known by its multiples: "the Nguyen-Park quadruplets".
        ("family-multiples", r"(?-i:\bthe [A-Z][\w'-]+(?:-[A-Z][\w'-]+)?\s)(?:twins|triplets|quadruplets|quads|quintuplets|quints|sextuplets|"
                             r"sisters|brothers)\b", 0.6),
        ("the-only", r"\bthe only (?:\w+[ -]){0,3}(?:patient|person|child|kid|baby|woman|man|girl|boy|one|player|pitcher|student|survivor|case)\b", 0.6),
        ("superlative", r"\b(?:our|the) (?:(?:\w+[ -]){0,2})?(?:youngest|oldest|tallest|smallest|tiniest|heaviest|first|last|longest-standing)"
                        r"(?:\s+ever)?\s+(?:(?!(?:a|an|the|thing|things|time|step|place|question|impression|sign|call|stop)\b)\w+[ -]){0,3}"
                        r"(?:patient|recipient|baby|survivor|case|preemie|resident)\b(?!s)", 0.6),
        ("ordinal-patient", r"\b(?:our|the) (?:\d[\d,]*(?:st|nd|rd|th)|(?:one )?thousandth|hundredth|millionth) (?:\w+[ -]){0,3}(?:patient|baby|recipient|birth|delivery|visitor)\b", 0.6),
        ("first-born", r"\bthe first baby (?:born|delivered)\b", 0.6),
        # A hint that readers can tell who it is: "our newest patient (you know who)".
        ("identity-hint", r"\byou know who\b(?!\s+(?:to|you|is|we)\b)|\bguess who(?:'s| is)? (?:in|on) (?:our|the) (?:chair|table|clinic|office)\b", 0.6),
        ("former-office", r"\b(?:a |the )?(?:former|retired|sitting|current) (?:state |u\.s\. |us )?(?:senator|governor|mayor|congressman|congresswoman|representative|judge|police chief|fire chief|superintendent)\b", 0.5),
        ("local-role", r"\bthe (?:[A-Z][\w'.-]*\s){1,4}(?:principal|coach|mayor|pastor|sheriff|superintendent|police chief|fire chief|quarterback|captain|valedictorian)\b", 0.5),
        # A role only one person holds in a named team, business or office: "the Eagles' kicker", "the mayor's
        # wife", "the owner of the Elm Street Bakery" (Safe Harbor (R)).
        ("named-role", r"(?-i:\bthe (?:[A-Z][\w.-]*\s){0,3}[A-Z][\w.-]*(?:'s?|\u2019s?)\s)"
                       r"(?:(?:only|star|lead|head|longtime|first|female|male|new|former|beloved|[\w-]+)\s){0,2}?(?:" + _ROLES + r")\b", 0.5),
        # Without "the" the possessor may be a person ("Denise's husband"): roles in a team, town or business only.
        ("named-role", r"(?-i:\b(?:[A-Z][\w.-]*\s){0,3}[A-Z][\w.-]*(?:'s?|\u2019s?)\s)"
                       r"(?:(?:only|star|lead|head|longtime|first|female|male|new|former|beloved|[\w-]+)\s){0,2}?(?:" + _ROLES_OUTSIDE_FAMILY + r")\b", 0.5),
        ("named-org-role", r"\b(?:our (?:very )?own|the) (?-i:(?:[A-Z][\w&.-]*\s){1,3})(?:\d{1,3}\s)?(?:" + _PUBLIC_ROLES + r")\b", 0.5),
        ("role-of", r"\bthe (?:" + _PUBLIC_ROLES + r"|ceo|president|founder|owner) (?:of|for) (?:the\s)?(?-i:[A-Z][\w'.&-]*(?:\s[A-Z][\w'.&-]*){0,3})", 0.5),
        ("known-locally", r"\ba (?:well-known|famous|beloved|prominent) (?:[\w-]+\s)?(?:" + _ROLES + r"|" + _PUBLIC_ROLES + r")"
                          r"\s(?:here\s)?(?:in|from|at)\s(?-i:[A-Z][\w-]+)", 0.5),
        ("role-at", r"\bthe (?:[\w-]+\s){0,2}?(?:" + _PLACE_ROLES + r")\s(?:at|from)\s" + _NAMED_PLACE, 0.5),
        ("regular-from", r"\b(?:friend|regular|neighbou?r|guy|lady|gal|cashier|barista|clerk|butcher|mail carrier)\sfrom\s(?:the\s)?"
                         r"(?-i:[A-Z][\w'&.-]*(?:\s[A-Z][\w'&.-]*){0,3})", 0.5),
        ("from-an-event", r"\bthe (?:[\w-]+\s){0,2}?(?:" + _PERSON_WORDS + r")\s(?:from|in|at)\s(?:yesterday's|last night's|"
                          r"this morning's|last week's|(?:mon|tues|wednes|thurs|fri|satur|sun)day's)\s[\w-]+", 0.5),
        ("office-family", r"\bthe (?:mayor|governor|senator|sheriff|principal|pastor|coach|superintendent|police chief|fire chief)(?:'s|\u2019s)\s"
                          r"(?:wife|husband|son|daughter|mother|father|mom|dad|partner|grandson|granddaughter|baby|kid|child)\b", 0.5),
        ("owner-of", r"\bthe (?:owner|founder|manager|head chef|chef|pastor|principal|coach|captain|anchor) of (?:the\s)?(?-i:[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*){0,3})", 0.5),
        # Someone singled out by a named event: "the lineman injured in yesterday's storm", "the driver hurt in
        # Sunday's crash on Route 9".
        ("event-victim", r"\bthe (?:[\w-]+\s){0,2}?(?:" + _ROLES + r"|man|woman|boy|girl|teen|driver|child|toddler|hiker|cyclist|worker|student|"
                         r"(?:two|three|four|both|[2-4]) (?:[\w-]+\s){0,2}?(?:men|women|boys|girls|teens|hikers|kayakers|boaters|swimmers|climbers|campers|"
                         r"skiers|snowmobilers|workers|students|children|riders|drivers|passengers)|kayaker|boater|swimmer|climber|camper|skier|rider)"
                         r"\s(?:who was\s|who were\s)?(?:injured|hurt|burned|burnt|rescued|shot|stabbed|pulled|trapped|struck|hit|bitten|electrocuted)"
                         r"\s(?:\w+\s)?(?:in|at|during|from|by|on)\s(?:yesterday's|last night's|this morning's|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: night| morning| afternoon| evening)?'s|"
                         r"the\s(?-i:[A-Z])|(?-i:[A-Z][\w'-]+\s(?:Lake|River|Ridge|Creek|Canyon|Mountain|Trail|Bay|Park|Falls|Peak|Beach)))", 0.5),
    )


class StreetAddressRecognizer(_RegexRecognizer):
    """Street addresses and roads (Safe Harbor (B), geographic subdivisions smaller than a state)."""

    ENTITY = STREET_ADDRESS
    WHY = "a street address or road"
    _SUFFIX = (r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Drive|Dr\.?|Lane|Ln\.?|Boulevard|Blvd\.?|Way|Court|Ct\.?|Place|Pl\.?|"
               r"Terrace|Ter\.?|Parkway|Pkwy\.?|Highway|Hwy\.?|Circle|Cir\.?|Trail|Square|Sq\.?|Pike|Alley)")
    PATTERNS = (
        ("number-street", r"(?-i:\b\d{1,6}(?:-\d{1,4})?\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'.-]*\s+){0,3}" + _SUFFIX + r")"
                          r"(?:\s*,?\s*(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|#)\s*[\w-]{1,6})?\b", 0.7),
        ("named-street", r"(?-i:\b(?:[A-Z][a-z]+\s){1,2}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Rd\.?|Ave\.?|Blvd\.?|Ln\.?|Hwy\.?)(?![\w]))", 0.45),
        ("route", r"(?-i:\b(?:Route|Rte\.?|Rt\.?|Highway|Hwy\.?|Interstate|I-|US|State Route|SR|County Road|CR)\s?-?\d{1,4}\b)", 0.5),
        ("po-box", r"\bP\.?\s?O\.?\s+Box\s+\d{1,6}\b", 0.7),
        # A named apartment complex, trailer park or dorm: a place smaller than a town.
        ("residence", r"(?-i:\b[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2})\s(?:apartments|apts\.?|trailer park|mobile home park|"
                      r"condos|dorms?|residence hall)\b", 0.5),
    )

    def accept(self, name: str, match: regex.Match, text: str) -> bool:
        value = match.group(0)
        return not _LEADING_DETERMINER.match(value)


class ZipCodeRecognizer(_RegexRecognizer):
    """ZIP codes (Safe Harbor (B)) after a state or labelled as a ZIP."""

    ENTITY = ZIP_CODE
    WHY = "a ZIP code"
    _STATES = ("AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|"
               "OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY")
    PATTERNS = (
        ("state-zip", r"(?-i:\b(?:" + _STATES + r"),?\s+(?P<id>\d{5}(?:-\d{4})?)\b)", 0.7),
        ("zip-label", r"\b(?:zip|zip code|postal code)\s*[:#]?\s*(?P<id>\d{5}(?:-\d{4})?)\b", 0.8),
    )


def recognizers() -> tuple[EntityRecognizer, ...]:
    """The PHI family's recognizers, new instances (Presidio's registry owns what it is given)."""
    return (
        SocialHandleRecognizer(),
        HashtagNameRecognizer(),
        GivenNameRecognizer(),
        MedicalRecordNumberRecognizer(),
        HealthPlanNumberRecognizer(),
        AccountNumberRecognizer(),
        DeviceSerialRecognizer(),
        LicenseNumberRecognizer(),
        VehicleIdRecognizer(),
        FaxNumberRecognizer(),
        RoomBedRecognizer(),
        AgeOver89Recognizer(),
        CareDateRecognizer(),
        PhotoReferenceRecognizer(),
        BiometricRecognizer(),
        UniqueCharacteristicRecognizer(),
        StreetAddressRecognizer(),
        ZipCodeRecognizer(),
        # Account numbers are Safe Harbor identifiers whatever country issued them (164.514(b)(2)(i)(J));
        # built with the flags Presidio's own registry gives it.
        IbanRecognizer(regex_flags=re.DOTALL | re.MULTILINE | re.IGNORECASE),
    )
