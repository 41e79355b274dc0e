"""How sales-driven a post reads: the tone score, and the contexts other tone rules consult.

The tone score is the share of selling cues among all the cues a post gives:

    score = commercial / (commercial + educational + relational + 1)

Selling cues are offers (prices, discounts, deals, bundles: vocabularies/tone_offers.txt) and
purchase or upsell wording (tone_commercial.txt). The ``+ 1`` is a neutral prior, so that one or
two selling words in a short post do not score like a catalogue page. A post is "selling" (the
context in which ambiguous urgency such as "don't wait" counts as pressure) when it has any
selling cue.
"""

from __future__ import annotations

from functools import lru_cache

from collections.abc import Mapping
from dataclasses import dataclass

import regex

from ...analysis import Analysis
from ...flags import flag  # noqa: F401  (re-exported for the tone rules)
from .spans import has, matches

MIN_COMMERCIAL_CUES = 3  # below this a post is too short to call "sales-driven" as a whole


@dataclass(frozen=True)
class ToneProfile:
    commercial: tuple[regex.Match, ...]
    educational: int
    relational: int

    @property
    def score(self) -> float:
        c = len(self.commercial)
        return c / (c + self.educational + self.relational + 1)

    @property
    def selling(self) -> bool:
        return bool(self.commercial)

    def metrics(self) -> Mapping[str, float]:
        return {"tone_score": round(self.score, 3)}


def selling_cues(text: str) -> list[regex.Match]:
    """Offers (tone_offers) and purchase or upsell wording (tone_commercial), overlaps removed."""
    found = sorted(matches("tone_offers", text) + matches("tone_commercial", text),
                   key=lambda m: (m.start(), -(m.end() - m.start())))
    kept: list[regex.Match] = []
    for match in found:
        if not any(k.start() < match.end() and match.start() < k.end() for k in kept):
            kept.append(match)
    return kept


def tone_profile(analysis: Analysis) -> ToneProfile:
    """The post's commercial, educational and relational cues (computed once per text)."""
    return _profile_of(analysis.text)


@lru_cache(maxsize=256)
def _profile_of(text: str) -> ToneProfile:
    return ToneProfile(
        commercial=tuple(selling_cues(text)),
        educational=len(matches("tone_educational", text)),
        relational=len(matches("tone_relational", text)),
    )


def is_recruiting(analysis: Analysis) -> bool:
    """A job post: its bonuses and "apply today" are recruitment, not patient marketing."""
    return has("tone_recruiting", analysis.text)


def federal_audience(analysis: Analysis) -> bool | None:
    """The ``audience_includes_federal_beneficiaries`` front-matter flag (DOMAIN.md §0)."""
    return flag(analysis.post.metadata, "audience_includes_federal_beneficiaries")
