"""What every rule reads: the post, its one spaCy parse, and the identifiers Presidio found."""

from __future__ import annotations

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
        """spaCy's sentences without the whitespace tokens at their edges.

        spaCy attaches a run of blank text to a neighbouring sentence as whitespace tokens,
        and the prose view has long blank runs (front matter, code and markup blanked). An
        untrimmed first sentence of a Markdown draft starts at offset 0, in the front
        matter, so a fix that rewrites "the sentence" would rewrite the front matter too.
        """
        trimmed = []
        for sentence in self.doc.sents:
            start, end = sentence.start, sentence.end
            while start < end and self.doc[start].is_space:
                start += 1
            while end > start and self.doc[end - 1].is_space:
                end -= 1
            if start < end:
                trimmed.append(self.doc[start:end])
        return tuple(trimmed)

    @cached_property
    def prose_bounds(self) -> tuple[int, int]:
        """Where the post's prose starts and ends (first and past-the-last visible character).

        A fix that adds a line "at the start" or "at the end" of the post, or replaces the
        whole post, belongs here: offset 0 and the end of ``post.original`` may be inside
        front matter or a closing code block."""
        text = self.post.text
        stripped = text.strip()
        if not stripped:
            return len(text), len(text)
        start = len(text) - len(text.lstrip())
        return start, start + len(stripped)

    def sentence_at(self, offset: int) -> Span:
        """The sentence that holds character ``offset``: the last one starting at or before it
        (so blank text between sentences belongs to the one before), else the first."""
        found = None
        for sentence in self.sentences:
            if sentence.start_char > offset:
                break
            found = sentence
        if found is not None:
            return found
        return self.sentences[0] if self.sentences else self.doc[:]

    def entities_of(self, *types: str) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.entity_type in types)
