"""Whether a match is asserted: the properties of a match that any rule can ask for.

A cue found in a post is not yet a claim the post makes. It may be negated ("does not cure"),
hedged ("may help"), asked ("Can vitamin C cure a cold?"), quoted, or reported in order to be
refuted ("Myth: ...", "some sites claim ..."). The tests themselves live in ``nlp.context``
(NegEx/ConText-style scopes on the dependency parse); this module gives them one shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp import context
from .clauses import sentence_of
from .spans import TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Assertion:
    negated: bool
    hedged: bool
    question: bool
    quoted: bool
    refuted: bool  # labelled a myth, attributed to others to be refuted, or answered "Fact: ..."

    @property
    def asserted(self) -> bool:
        """The post says it: not negated, asked, quoted or refuted (a hedge still asserts)."""
        return not (self.negated or self.question or self.quoted or self.refuted)

    def reasons(self) -> tuple[str, ...]:
        return tuple(name for name in ("negated", "hedged", "question", "quoted", "refuted") if getattr(self, name))


def assertion_of(doc: Doc, span: TextSpan) -> Assertion:
    sentence = sentence_of(doc, span.start)
    args = (doc, sentence, span.start, span.end)
    return Assertion(
        negated=context.is_negated(*args),
        hedged=context.is_hedged(*args),
        question=context.is_question(*args),
        quoted=context.is_quoted(*args),
        refuted=context.is_myth_context(*args),
    )
