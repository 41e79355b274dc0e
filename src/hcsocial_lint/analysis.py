"""What every rule reads: the post, its one spaCy parse, and the identifiers Presidio found."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .config import Settings
from .language import Assertion, LanguageLayer, TextSpan, assertion_of
from .language.clauses import sentence_of, sentences
from .language.layout import prose_bounds
from .language.quantities import quantities
from .model import Post

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


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
    # The linter's shared language layer (lexicons compiled once per linter).
    language: LanguageLayer | None = field(default=None, compare=False, repr=False)

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
        return sentences(self.doc)

    @cached_property
    def prose_bounds(self) -> tuple[int, int]:
        """Where the post's prose starts and ends (see ``language.layout``): a fix that adds a line
        at the start or the end of the post, or replaces the whole post, belongs here."""
        return prose_bounds(self.post.text)

    def sentence_at(self, offset: int) -> Span:
        """The sentence that holds character ``offset`` (see ``language.clauses.sentence_of``)."""
        return sentence_of(self.doc, offset, self.sentences)

    def cues(self, lexicon: str) -> tuple[TextSpan, ...]:
        """The matches of lexicon ``lexicon`` in this post (every lexicon is matched once per post)."""
        layer = self.language
        if layer is None:
            raise RuntimeError("this Analysis was built without a language layer (build it through Linter)")
        if not layer.known(lexicon):
            raise KeyError(f"no lexicon named {lexicon!r}")
        return self.remember("language:cues", lambda: layer.cues(self.doc)).get(lexicon, ())

    def assertion(self, span: TextSpan) -> Assertion:
        """Whether the post asserts ``span`` (not negated, asked, quoted or refuted)."""
        return self.remember(("language:assertion", span.start, span.end), lambda: assertion_of(self.doc, span))

    @cached_property
    def quantities(self) -> tuple[TextSpan, ...]:
        return quantities(self.doc)

    def entities_of(self, *types: str) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.entity_type in types)

