"""The shared language layer: what every rule family reads from a post, defined once.

* ``spans.TextSpan``: the one span type;
* ``clauses``: the one notion of token position, sentence and clause;
* ``lexicon``: plain-phrase word lists compiled once per linter into ``PhraseMatcher``s;
* ``assertion``: whether a match is negated, hedged, asked, quoted or refuted;
* ``quantities``: money, percentages and amounts.

A ``LanguageLayer`` is built once per ``Linter``; each post's ``Analysis`` reads it through
``analysis.cues(name)``, ``analysis.assertion(span)`` and ``analysis.quantities``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .assertion import Assertion, assertion_of
from .lexicon import Lexicon, LexiconError, LexiconMatcher, builtin_lexicon, builtin_lexicon_names, parse_lexicon
from .spans import TextSpan, longest_first

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "Assertion",
    "LanguageLayer",
    "Lexicon",
    "LexiconError",
    "TextSpan",
    "assertion_of",
    "longest_first",
    "parse_lexicon",
]


class LanguageLayer:
    """What is compiled once per linter: the lexicons (built-in ones and any given)."""

    def __init__(self, nlp: Language, has_model: bool, extra_lexicons: Iterable[Lexicon] = (),
                 store: Path | None = None) -> None:
        """``store``: a folder where the compiled lexicons are kept between runs (see ``LexiconMatcher``)."""
        self.nlp = nlp
        self.has_model = has_model
        self._extra = tuple(extra_lexicons)
        self._store = store

    @cached_property
    def matcher(self) -> LexiconMatcher:
        lexicons = [builtin_lexicon(name) for name in builtin_lexicon_names()]
        return LexiconMatcher(self.nlp, self.has_model, [*lexicons, *self._extra], store=self._store)

    @cached_property
    def frames(self):
        """The claim-frame patterns (``frames.FrameMatcher``), compiled once per linter."""
        from .frames import FrameMatcher

        return FrameMatcher(self.nlp.vocab)

    def cues(self, doc: Doc) -> Mapping[str, tuple[TextSpan, ...]]:
        return self.matcher.find(doc)

    def known(self, name: str) -> bool:
        return name in self.matcher.lexicons
