"""The one span type every layer and rule speaks: a labelled stretch of the post's text.

Offsets are ``str`` indices into the post text (end exclusive), the same as ``Finding`` spans, so a
span found by a lexicon, a recognizer, a frame or a rule can be compared, merged and reported without
conversion. ``source`` says what found it (a lexicon name, a recognizer, a frame pattern), so a finding
can explain itself the way Presidio's ``AnalysisExplanation`` does.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class TextSpan:
    start: int
    end: int
    label: str
    text: str = ""
    source: str = ""
    score: float = 1.0

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")

    def overlaps(self, other: TextSpan) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: TextSpan) -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


def longest_first(spans: list[TextSpan]) -> list[TextSpan]:
    """Drop every span that overlaps a longer (then earlier) one; the survivors in text order.

    This is spaCy's ``filter_spans`` policy, applied to our span type."""
    kept: list[TextSpan] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(span.overlaps(k) for k in kept):
            kept.append(span)
    return sorted(kept)
