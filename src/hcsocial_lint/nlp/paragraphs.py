"""A blank line ends a sentence.

Posts often end a paragraph without punctuation (a trailing hashtag, an emoji, a sign-off), and
spaCy's parser then runs the sentence on into the next paragraph, so a name in one paragraph and a
diagnosis in the next would read as one sentence. This component runs before the parser (or after
the no-model sentencizer) and marks the first token after a whitespace run holding a blank line as
a sentence start; the parser keeps sentence starts set before it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "hclint_paragraph_breaks"


def _holds_blank_line(text: str) -> bool:
    return text.count("\n") >= 2 and not text.strip()


@Language.component(COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and _holds_blank_line(token.text_with_ws):
            doc[token.i + 1].is_sent_start = True
    return doc


def add_paragraph_breaks(nlp: Language) -> None:
    """Add the component where it takes effect: before the parser, else after the sentencizer."""
    if COMPONENT in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="senter")
    else:
        nlp.add_pipe(COMPONENT, last=True)
