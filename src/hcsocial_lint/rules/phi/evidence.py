"""What the PHI reading found, as features for the PHI model (PHI090).

The rules decide only when the parts of a disclosure join: a person tied to our care, with health or an
identifier. Where they do not join, the parts are still there: someone the reading could not type, health
said of "he", a place of our care, a described person, a room. The PHI model reads the words and arcs of
the post; these features add the parts the reading found and which of them share a sentence, so that it
can weigh "a description and our place in one sentence" as it weighs a word.

Each feature stands at the start of its part (or of the sentence, for a pair), so the model's opinion
can still say which sentence weighed most. Names start with ``phi:``.
"""

from __future__ import annotations

from itertools import combinations

from ...learned.features import Feature
from .assessment import Assessment
from .signals import sensitive_reason

# Third-person subjects: health said of "he" or "she" is someone's.
_THIRD_PERSON = frozenset({"he", "she", "him", "her", "his"})


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
    if any(t.is_patient_of_ours for t in assessment.ties):
        found.setdefault("phi:tie", None)
    if assessment.detail_hits:
        found.setdefault("phi:detail-hit", None)
    return [Feature(name, at) for name, at in found.items()]
