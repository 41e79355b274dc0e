"""Promise wording a claim rewrite takes out with the claim: the time to a result, a refund clause.

A claim reworded or dropped can leave its promise behind in words no rule reports on their own:
"may help with signs of aging in 28 days", "gives you glass skin overnight", "We hope you'll see
smoother skin, or it's on us". The rules report these at most as part of the claim they reworded
(CLM012's timeline, CLM001's guarantee), so once the claim is reworded nothing is left to report
them. When a post-level rewrite already rewrites a claim, it takes these out as well:

* a **time to a result**, read from the parse: "in/within/after" with a number and a unit of time
  or of treatment ("in 28 days", "in just one treatment", "in 30 min flat"), or "overnight"; and
  its permanence ("for good", "for life", "forever", "permanently"), each attached to a verb of result ("may help with", "feel", "gives you") and not to one of
  availability ("opens in 2 weeks", "ships in 3 days");
* a **refund clause** after a guarantee ("..., or it's on us", "... or your money back").

Each is deleted with the blank before it; the sentence stays a sentence of the writer's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..language.lexicon import builtin_lexicon
from ..model import Edit

_UNITS = frozenset({"second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days",
                    "week", "weeks", "wk", "wks", "month", "months", "night", "nights", "session", "sessions",
                    "treatment", "treatments", "visit", "visits", "use", "uses", "application", "applications",
                    "dose", "doses", "appointment", "appointments"})
_QUANTITY = frozenset({"one", "a", "an", "single", "first", "few", "couple", "two", "three", "four", "five", "six",
                       "seven", "ten", "24", "48"})
_TIME_PREPS = frozenset({"in", "within", "after"})
_SUDDEN = frozenset({"overnight", "instantly", "immediately"})
_FOREVER = frozenset({"forever", "permanently"})
# verbs of availability, delivery or booking: the time is when, not how fast it works
_NOT_RESULTS = frozenset({"open", "start", "launch", "arrive", "ship", "deliver", "book", "come", "return", "expire",
                          "end", "close", "reply", "respond", "call", "schedule", "be", "available", "hear",
                          "refill", "process", "pick", "move", "join", "register", "sign", "apply", "enrol", "enroll"})
_RESULT_VERBS_EXTRA = frozenset({"feel", "see", "look", "give", "notice", "help", "work", "fade", "go",
                                 "disappear", "vanish", "improve", "tighten", "lift", "smooth", "firm", "slim", "erase",
                                 "remove", "restore", "transform", "change", "glow", "wake", "achieve", "lose"})


@lru_cache(maxsize=1)
def _result_verbs() -> frozenset[str]:
    words = {p.lower() for name in ("claim_effects", "personal_results") for p in builtin_lexicon(name).phrases
             if " " not in p}
    return frozenset(words | _RESULT_VERBS_EXTRA)


def _verb_of(token):
    head = token.head
    while head.pos_ not in {"VERB", "AUX"} and head.dep_ not in {"ROOT"} and head.head is not head:
        head = head.head
    return head


def _is_result_verb(verb) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == "see" and any(c.dep_ == "dobj" and c.pos_ in {"PRON", "PROPN"} for c in verb.children):
        return False  # "we can see you within 2 days": an appointment, not a result
    if lemma in _NOT_RESULTS:
        return False
    word = verb.lower_  # the tagger may read "reverses" in a caption as a plural noun
    forms = {lemma, word, word[:-1], word[:-2], word[:-3] + "e" if word.endswith("ing") else word}
    return bool(forms & _result_verbs())


def timeline_spans(sentence: str, parse: Callable) -> list[tuple[int, int]]:
    """Character spans (in ``sentence``) of the time-to-a-result phrases, each with the blank before it."""
    doc = parse(sentence)
    spans: list[tuple[int, int]] = []
    for token in doc:
        if token.lower_ in _TIME_PREPS and token.dep_ == "prep":
            subtree = list(token.subtree)
            if not any(t.lower_ in _UNITS for t in subtree) \
                    or not any(t.like_num or t.lower_ in _QUANTITY for t in subtree):
                continue
            if not _is_result_verb(_verb_of(token)):
                continue
            while len(subtree) > 1 and not any(c.isalnum() for c in subtree[-1].text):
                subtree.pop()  # "in 30 min flat 🍹": the emoji stays
            start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
            following = doc[subtree[-1].i + 1] if subtree[-1].i + 1 < len(doc) else None
            if following is not None and following.lower_ == "flat":
                end = following.idx + len(following.text)
        elif token.lower_ in _SUDDEN | _FOREVER and token.dep_ in {"advmod", "npadvmod"} \
                and _is_result_verb(_verb_of(token)):
            start, end = token.idx, token.idx + len(token.text)
        elif token.lower_ == "for" and token.dep_ == "prep" and token.i + 1 < len(doc) \
                and doc[token.i + 1].lower_ in {"good", "life"} and _is_result_verb(_verb_of(token)) \
                and (token.i + 2 >= len(doc) or not doc[token.i + 2].is_alpha):
            start, end = token.idx, doc[token.i + 1].idx + len(doc[token.i + 1].text)  # "... for good."
        else:
            continue
        while start > 0 and sentence[start - 1] in " \t,":
            start -= 1
        spans.append((start, end))
    return spans


_REFUND = re.compile(r"\s*(?:,|;|\u2014|-)?\s*(?:or|else)\s+(?:it'?s|it\s+is|it['\u2019]s|your\s+(?:next\s+)?\w+\s+is)\s+"
                     r"(?:on\s+us|free|on\s+the\s+house)\b|\s*(?:,|;|\u2014|-)?\s*or\s+(?:your\s+)?money\s+back\b", re.I)


def refund_spans(sentence: str) -> list[tuple[int, int]]:
    """The clause that makes a promise a guarantee: ", or it's on us", " or your money back"."""
    return [(m.start(), m.end()) for m in _REFUND.finditer(sentence)]


def promise_edits(text: str, sentences: Sequence[tuple[int, int]], parse: Callable | None,
                  taken: Sequence[Edit], refunds: bool = True) -> list[Edit]:
    """Deletions of the promise wording in ``sentences`` of ``text`` that no edit in ``taken`` reaches
    (the time to a result, and with ``refunds`` the refund clause of a guarantee)."""
    edits: list[Edit] = []
    for start, end in sentences:
        sentence = text[start:end]
        spans = (refund_spans(sentence) if refunds else []) \
            + (timeline_spans(sentence, parse) if parse is not None else [])
        for s, e in sorted(set(spans)):
            edit = Edit(start + s, start + e, "")
            if any(edit.start < t.end and t.start < edit.end for t in [*taken, *edits]):
                continue
            edits.append(edit)
    return edits


_TYPICAL = re.compile(r"[ \t]*(?:\(\s*)?(?:(?:these|such|the|her|his|their|our)\s+)?results\s+(?:are|were|shown\s+are)\s+"
                      r"(?:totally\s+|very\s+|100%\s+)?typical\b[^.!?)\n]{0,40}[.!?]*(?:\s*\))?", re.I)


def typicality_edits(text: str, taken: Sequence[Edit]) -> list[Edit]:
    """A claim that the results shown are typical ("(Results are typical!)") contradicts the
    "Individual results vary." a rewrite adds: it goes."""
    edits = []
    for match in _TYPICAL.finditer(text):
        edit = Edit(match.start(), match.end(), "")
        if not any(edit.start < t.end and t.start < edit.end for t in taken):
            edits.append(edit)
    return edits
