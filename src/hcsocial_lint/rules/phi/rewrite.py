"""Publishable rewrites: generalise or remove identifiers, drop details, replace a whole reply.

Span replacement goes through presidio-anonymizer: each span becomes a ``RecognizerResult`` with
its own operator (``replace`` with the generic wording, ``redact`` to delete), the
``AnonymizerEngine`` applies them, and the operator results are turned back into the engine's
``Edit`` s on the original text. What the anonymizer returns is what the fix writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ...model import Edit
from .identifiers import Identifier
from .names import AGE_OVER_89, CARE_DATE, ROOM_NUMBER, SOCIAL_HANDLE, STREET_ADDRESS, UNIQUE_CHARACTERISTIC, ZIP_CODE

if TYPE_CHECKING:
    from presidio_anonymizer import AnonymizerEngine

DEFAULT_REPLY_TEMPLATE = (
    "Thank you for your feedback. To protect everyone's privacy, we don't discuss individual care online. "
    "Please contact our office{contact} so we can hear more."
)


@dataclass(frozen=True)
class Replacement:
    """Replace ``text[start:end]`` with ``value`` ("" deletes)."""

    start: int
    end: int
    value: str


@lru_cache(maxsize=1)
def _engine() -> AnonymizerEngine:
    from presidio_anonymizer import AnonymizerEngine  # on the first fix: listing and linting need none

    return AnonymizerEngine()


def apply_with_anonymizer(text: str, replacements: Iterable[Replacement]) -> tuple[str, tuple[Edit, ...]]:
    """Apply non-overlapping replacements with presidio-anonymizer; the new text and the edits."""
    chosen: list[Replacement] = []
    for item in sorted(set(replacements), key=lambda r: (r.start, -(r.end - r.start))):
        if item.end > item.start and not any(c.start < item.end and item.start < c.end for c in chosen):
            chosen.append(item)
    if not chosen:
        return text, ()
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    results, operators = [], {}
    for index, item in enumerate(chosen):
        key = f"HCLINT_EDIT_{index}"
        results.append(RecognizerResult(key, item.start, item.end, 1.0))
        operators[key] = OperatorConfig("replace", {"new_value": item.value}) if item.value else OperatorConfig("redact", {})
    outcome = _engine().anonymize(text=text, analyzer_results=results, operators=operators,
                                  merge_entities_with_spaces=False)
    by_key = {f"HCLINT_EDIT_{i}": item for i, item in enumerate(chosen)}
    edits = tuple(sorted(Edit(by_key[r.entity_type].start, by_key[r.entity_type].end, r.text or "")
                         for r in outcome.items))
    return outcome.text, edits


# --------------------------------------------------------------------------- what to replace


_GENERIC_PERSON = "a patient"
_PATIENT_BEFORE = regex.compile(r"\b(?:patient|patients|recipient|grad|graduate)(?:\s+(?:spotlight|of the (?:month|week|year)))?\s*[,:]?\s*$", regex.IGNORECASE)
_AFTER_PREPOSITION = regex.compile(r"\b(?:to|of|for|with)\s+$", regex.IGNORECASE)
_SENTENCE_START = regex.compile(r"(?:^|[.!?:]\s+|\n\s*)$")
# a greeting, thanks or congratulation said to the person: "Congrats Marisol on ...", "Thank you Priya for ..."
_VOCATIVE_WORDS = (r"(?:congrats|congratulations|kudos|(?:thanks|thank\s+you)(?:\s+(?:so\s+much|again|a\s+lot))?|"
                   r"shout-?out|happy\s+(?:\d+\w*\s+)?birthday|happy\s+anniversary|welcome\s+(?:home|back)|get\s+well\s+soon|good\s+luck|way\s+to\s+go)")
_VOCATIVE = regex.compile(rf"(?:^|(?<=[.!?:]\s)|(?<=\n)|(?<=[^\w\s]\s))[^\w\n]*({_VOCATIVE_WORDS},?)\s+$",
                          regex.IGNORECASE)
_LEADING_INTERJECTION = regex.compile(rf"{_VOCATIVE_WORDS}\s+(?=[A-Z])", regex.IGNORECASE)
# an attribution after a quote or at a line's end: '... two years!" - Jenna, verified buyer'
_ATTRIBUTION_DASH = regex.compile(r"(?:^|[\"\u201d'\u2019.!?)]\s*|\s)[-\u2013\u2014~]+\s*$")
_GREETING = regex.compile(r"(?:^|(?<=[.!?]\s))(?:hi|hello|hey|dear)\s+$", regex.IGNORECASE)


def person_replacements(text: str, start: int, end: int, kind: str, *, generalise: bool = True) -> list[Replacement]:
    """How to take one mention of a person out of the text so that it still reads.

    "our patient Emma Lopez, who" -> "our patient, who"; "Get well soon, Mr. Hargrove!" ->
    "Get well soon!"; "Hi Tara, we saw you" -> "We saw you"; "#EmmaStrong" -> removed; "Chloe's" ->
    "a patient's"; otherwise "a patient". With ``generalise=False`` only clean removals are offered
    (an empty list where the name would have to become "a patient").
    """
    lead = _LEADING_INTERJECTION.match(text, start, end)
    if lead and lead.end() < end:  # the tagger read "Congrats Marisol Vega" as one name: the name is "Marisol Vega"
        start = lead.end()
    value = text[start:end]
    before, after = text[:start], text[end:]
    greeting = _GREETING.search(before)
    comma_after = regex.match(r"\s*,\s*", after)
    if greeting and comma_after:  # "Hi Tara, we saw you" / "Dear Mrs. Kowalski, your insurance"
        cut_end = end + comma_after.end()
        removal = [Replacement(greeting.start(), cut_end, "")]
        if cut_end < len(text):
            removal.append(Replacement(cut_end, cut_end + 1, text[cut_end].upper()))
        return removal
    if value.startswith("#"):
        lead = len(before) - len(before.rstrip(" "))
        return [Replacement(start - lead, end, "")]
    if _PATIENT_BEFORE.search(before):
        # "our patient Emma Lopez, who ..." / "Patient of the month: Mr. George Pappas, who"
        cut_start = start - (len(before) - len(before.rstrip(" ,:")))
        if before.rstrip(" ").endswith(":"):
            cut_start = start
        return [Replacement(cut_start, end, "")]
    # A name used to address someone: "Get well soon, Mr. Hargrove!" / "Deb, you inspire us."
    comma_before = regex.search(r",\s*$", before)
    if comma_before and regex.match(r"\s*[!?.,]", after):
        cut = Replacement(start - (len(before) - comma_before.start()), end, "")
        if regex.match(r"\s*,", after):  # "Thank you, Mrs. Alvarez, for" -> "Thank you for"
            cut = Replacement(cut.start, end + regex.match(r"\s*,", after).end(), "")
        return [cut]
    if _SENTENCE_START.search(before) and regex.match(r",\s+\w", after):
        comma = regex.match(r",\s+", after)
        first = end + comma.end()
        return [Replacement(start, first, ""), Replacement(first, first + 1, text[first].upper())]
    if regex.match(r"\s+(?:family|twins|family's)\b", after):
        lead = len(before) - len(before.rstrip(" "))
        return [Replacement(start - lead, end, "")]
    if kind == SOCIAL_HANDLE and _SENTENCE_START.search(before) and regex.match(r"\s+\w", after):
        return [Replacement(start, end + len(regex.match(r"\s+", after).group(0)), "")]
    attribution = _ATTRIBUTION_DASH.search(before)
    role = regex.match(r"\s*,\s*(?=[A-Za-z])", after)
    if attribution and role:  # '..." - Jenna, verified buyer' -> '..." - Verified buyer': the role says who spoke
        first = end + role.end()
        return [Replacement(start, first, ""), Replacement(first, first + 1, text[first].upper())]
    if attribution and regex.match(r"\s*(?:$|[\n.!)])", after):  # '..." - Jenna' -> '..." - One of our patients'
        return [Replacement(start, end, "One of our patients")] if generalise else []
    vocative = _VOCATIVE.search(before)
    if vocative and regex.match(r"\s*[!.?]", after):  # "Congrats Marisol!" / "Happy birthday Walter!" -> "Congrats!"
        return [Replacement(vocative.end(1), end, "")]
    if not generalise:
        return []
    possessive = regex.match(r"'s\b|\u2019s\b", after)
    if vocative and not possessive and regex.match(r"\s+(?:on|for|and)\b", after):
        # "Congrats Marisol on ..." -> "Congrats to our patient on ...": a greeting takes "to", not a bare noun
        return [Replacement(vocative.end(1), end, " to our patient")]
    generic = _GENERIC_PERSON + ("'s" if possessive else "")
    if possessive:  # "Chloe's recovery" -> "our patient's recovery": "a patient's" reads as someone else's patient
        generic = "our patient's"
    if _SENTENCE_START.search(before):
        generic = generic[0].upper() + generic[1:]
    if regex.search(r"\b(?:a|an|the|our|my)\s+$", before, regex.IGNORECASE):  # "a Jake" never; keep the article
        generic = "patient" + ("'s" if possessive else "")
    elif not possessive and _AFTER_PREPOSITION.search(before):  # "Congratulations to one of our patients on ..."
        generic = "one of our patients"
    return [Replacement(start, end + (possessive.end() if possessive else 0), generic)]


_DETAIL_LEAD = regex.compile(r"(?:\b(?:in|at|on|from|since|during|of|near|to)\s+(?:the\s+)?|\s)$", regex.IGNORECASE)
_AGE_WORDS = regex.compile(r"(?:\ba\s+|\ban\s+)$", regex.IGNORECASE)


def detail_replacement(text: str, ident: Identifier) -> Replacement | None:
    """Drop or generalise a detail: "in room 412" -> "", "92-year-old" -> "older", "on March 3" -> ""."""
    start, end = ident.start, ident.end
    before = text[:start]
    value = ident.text
    if ident.kind == AGE_OVER_89:
        article = _AGE_WORDS.search(before)
        if regex.search(r"year|yr", value, regex.IGNORECASE):
            if article:
                return Replacement(article.start(), end, "an older")
            return Replacement(start, end, "older")
        if regex.search(r"birthday", value, regex.IGNORECASE):
            return Replacement(start, end, "birthday")
        if regex.match(r"(?:turn|celebrat|reach)", value, regex.IGNORECASE):
            return Replacement(start, end, regex.match(r"\w+", value).group(0) + " another year older")
        return Replacement(start, end, "older")
    if ident.kind in {ROOM_NUMBER, CARE_DATE, STREET_ADDRESS, ZIP_CODE, "LOCATION", "DATE_TIME"}:
        lead = _DETAIL_LEAD.search(before)
        cut_start = lead.start() if lead else start
        if lead and not lead.group(0).strip():  # only whitespace before: keep one space
            cut_start = start - len(lead.group(0))
        if cut_start == 0 or text[cut_start - 1:cut_start] in {"", "\n"}:
            # Sentence-initial detail ("Room 412 has the best view"): say it generally instead.
            generic = {ROOM_NUMBER: "One of our rooms", CARE_DATE: "Recently"}.get(ident.kind, "Nearby")
            return Replacement(start, end, generic)
        possessive = regex.match(r"'s\b", text[end:])
        if possessive:  # "Tuesday's bypass surgery" -> "the bypass surgery"
            return Replacement(start, end + possessive.end(), "the" if not lead else "")
        return Replacement(cut_start, end, "")
    if ident.kind == UNIQUE_CHARACTERISTIC:
        return None  # rewording a unique characteristic needs a person; see the display advice
    return Replacement(start, end, "")


def fill_template(template: str, contact: str) -> str:
    return template.format(contact=f" at {contact}" if contact else "")


def whole_text(text: str) -> tuple[int, int] | None:
    """The span from the first to the last non-blank character (front matter is blank in Post.text)."""
    stripped = text.strip()
    if not stripped:
        return None
    start = len(text) - len(text.lstrip())
    return start, start + len(stripped)


def tidy(replacements: Sequence[Replacement], text: str) -> list[Replacement]:
    """Drop a replacement that would leave doubled spaces or a space before punctuation."""
    tidied = []
    for item in replacements:
        if not item.value and item.start > 0 and text[item.start - 1:item.start] == " " and text[item.end:item.end + 1] in {" ", ""}:
            item = Replacement(item.start - 1, item.end, "")
        tidied.append(item)
    return tidied
