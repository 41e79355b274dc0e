"""What the PHI reading found, as features for the PHI model (PHI090).

The rules decide only when the parts of a disclosure join: a person tied to our care, with health or an
identifier. Where they do not join, the parts are still there: someone the reading could not type, health
said of "he", a place of our care, a described person, a room. The PHI model reads the words and arcs of
the post; these features add the parts the reading found and which of them share a sentence, so that it
can weigh "a description and our place in one sentence" as it weighs a word.

Each feature stands at the start of its part (or of the sentence, for a pair), so the model's opinion
can still say which sentence weighed most. Names start with ``phi:``. Two come from the front matter: whose
account posts it (``account_type``: an organisation's page or a staff member's own), and, on a reply, whether
the comment or review it answers (``comment_text``, ``review_text``) asks after someone or tells health.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import combinations
from typing import Any

import regex

from ...learned.features import Feature
from .assessment import Assessment
from .signals import health_cues, sensitive_reason

# Third-person subjects: health said of "he" or "she" is someone's.
_THIRD_PERSON = frozenset({"he", "she", "him", "her", "his"})
# Whose account posts it (front matter ``account_type``): an organisation's page, or a staff member's own.
_PERSONAL_ACCOUNT = regex.compile(r"staff|clinician|personal|employee|student|nurse|doctor|physician|provider|individual",
                                  regex.IGNORECASE)
_ORGANISATION_ACCOUNT = regex.compile(r"org|practice|business|brand|page|clinic|hospital|company|pharmacy|agency",
                                      regex.IGNORECASE)
# What a reply answers (``comment_text``, ``review_text``): a question after someone of the commenter's, or one named.
_ANSWERED_KEYS = ("comment_text", "review_text", "comment", "review", "in_reply_to")
_ASKED_AFTER_KIN = regex.compile(r"\b(?:my|our|his|her)\s+(?:\w+\s+)?(?:mom|mother|dad|father|grandma|grandpa|nana|papa|son|daughter|"
                                 r"kid|baby|husband|wife|sister|brother|aunt|uncle|cousin|niece|nephew|neighbou?r|friend|coach|boss|"
                                 r"ex|teacher|pastor|boy|girl)\b", regex.IGNORECASE)
_ASKED_AFTER_NAMED = regex.compile(r"(?-i:\b(?:[Ii]s|[Ww]as|[Hh]ow(?:'s|’s| is)|[Tt]hat)\s+(?:(?:Mrs?|Ms|Dr|Coach|Pastor)\.?\s+)?[A-Z][a-z]+)"
                                   r"|\b(?:he|she|him|her)\b", regex.IGNORECASE)


def evidence_features(assessment: Assessment) -> list[Feature]:
    """The parts of a disclosure the reading found, and the pairs of them that share a sentence."""
    parts: list[tuple[str, int]] = []
    for person in assessment.people:
        parts.append(("person:" + person.role.replace(" ", "_"), person.start))
    for cue in assessment.health:
        parts.append(("health", cue.start))
        if sensitive_reason(cue.label):
            parts.append(("sensitive", cue.start))
    parts += [("care", c.start) for c in assessment.care]
    parts += [("place", c.start) for c in assessment.places]
    parts += [("you", c.start) for c in assessment.second_person]
    parts += [("story", c.start) for c in assessment.story]
    parts += [("celebration", c.start) for c in assessment.celebration]
    for detail in assessment.details:
        parts.append(("detail:" + detail.kind.lower(), detail.start))
    parts += [("reply-cue", c.start) for c in assessment.reply_cues]
    doc = assessment.doc
    parts += [("third-person", t.idx) for t in doc if t.lower_ in _THIRD_PERSON and t.dep_ in {"nsubj", "nsubjpass", "poss"}]
    found: dict[str, int | None] = {}
    for name, at in sorted(parts, key=lambda p: p[1]):
        found.setdefault("phi:" + name, at)
    by_sentence: dict[int, set[str]] = {}
    for name, at in parts:
        start = assessment.sentence_of(at)[0]
        by_sentence.setdefault(start, set()).add(name)
    for start, names in sorted(by_sentence.items()):
        for a, b in combinations(sorted(names), 2):
            found.setdefault(f"phi:with:{a}+{b}", start)
    metadata = assessment.analysis.post.metadata
    account = _account(metadata)
    if account is not None:
        found.setdefault("phi:account:" + account, None)
    answered = next((str(metadata[k]) for k in _ANSWERED_KEYS if isinstance(metadata.get(k), str) and metadata[k].strip()), None)
    if answered is not None and assessment.is_reply:
        if _ASKED_AFTER_KIN.search(answered):
            found.setdefault("phi:answers:someone-of-theirs", None)
        if _ASKED_AFTER_NAMED.search(answered):
            found.setdefault("phi:answers:someone-named", None)
        if health_cues(answered):
            found.setdefault("phi:answers:health", None)
    if any(t.is_patient_of_ours for t in assessment.ties):
        found.setdefault("phi:tie", None)
    if assessment.detail_hits:
        found.setdefault("phi:detail-hit", None)
    return [Feature(name, at) for name, at in found.items()]


def _account(metadata: Mapping[str, Any]) -> str | None:
    """"personal" for a staff member's own account, "organisation" for an organisation's page, else None."""
    value = metadata.get("account_type")
    if not isinstance(value, str) or not value.strip():
        return None
    if _PERSONAL_ACCOUNT.search(value):
        return "personal"
    return "organisation" if _ORGANISATION_ACCOUNT.search(value) else None
