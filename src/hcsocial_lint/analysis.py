"""What every rule reads: the post, its one spaCy parse, and the identifiers Presidio found."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Span

from .config import Settings
from .model import Post


@dataclass(frozen=True)
class Entity:
    """An identifier found by a recognizer (Presidio's or a plug-in's), with its explanation."""

    entity_type: str
    start: int
    end: int
    text: str
    score: float
    recognizer: str
    explanation: str = ""


@dataclass(frozen=True, eq=False)
class Analysis:
    """One post, parsed once. ``has_model`` is False in the no-model mode (no NER, no parser)."""

    post: Post
    doc: Doc
    entities: tuple[Entity, ...]
    settings: Settings
    has_model: bool
    # Per-post results shared between rules (e.g. one PHI assessment for every PHI rule). It lives
    # and dies with the post's analysis, so nothing is kept after the post has been linted.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def remember(self, key: str, compute):
        """``compute()`` once per post and key; later calls return the same value."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    @property
    def text(self) -> str:
        return self.post.text

    @property
    def kind(self) -> str:
        return self.post.kind

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        return tuple(self.doc.sents)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start_char for sentence in self.sentences]

    def sentence_at(self, offset: int) -> Span:
        """The sentence that holds character ``offset`` (the last one when past the end).

        Found by bisection: rules ask once per match, and a post may hold thousands."""
        index = bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end_char:
            return self.sentences[index]
        return self.sentences[-1] if self.sentences else self.doc[:]

    def entities_of(self, *types: str) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.entity_type in types)
