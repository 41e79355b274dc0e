"""A blank line ends a sentence, and so does an emoji before a capitalised determiner; a title's full stop does not.

Posts often end a paragraph without punctuation (a trailing hashtag, an emoji, a sign-off), and
spaCy's parser then runs the sentence on into the next paragraph, so a name in one paragraph and a
diagnosis in the next would read as one sentence. This component runs before the parser (or after
the no-model sentencizer) and marks the first token after a whitespace run holding a blank line as
a sentence start; the parser keeps sentence starts set before it.

Social posts also end sentences with an emoji instead of a full stop ("Proud of our team 💚 A
sophomore who came in ..."). Without a stop the parser reads "A" as part of a name and runs the
two sentences together, so an emoji after a clause, then a space and a capitalised determiner ("A",
"The", "This") starts a sentence.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "hclint_paragraph_breaks"


_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}\u200d\ufe0f\U0001F3FB-\U0001F3FF]+")


def _holds_blank_line(text: str) -> bool:
    return text.count("\n") >= 2 and not text.strip()


# An emoji after a short lead-in is part of it ("Happy birthday 🎂 Maria!", "Thank you 🙏 Dr. Lee").
_MIN_WORDS_BEFORE = 4
# Titles the tokenizer splits from their full stop ("Sra", "."), after which the parser would start a sentence.
_TITLES = frozenset({"sr", "sra", "srta", "dr", "dra", "lic", "ing", "prof", "mr", "mrs", "ms", "mx"})
# A capitalised determiner cannot go on with the words before the emoji; a capitalised name can ("... 🎉 Maria
# finished chemo" is still read with what came before it).
_OPENING_DETERMINERS = frozenset({"A", "An", "The", "This", "That", "These", "Those"})


def _emoji_stop(token, following, words_before: int) -> bool:
    """"Proud of our team this weekend 💚 A sophomore ...": an emoji after a clause of its own, a space, then a
    capitalised determiner."""
    return (words_before >= _MIN_WORDS_BEFORE and bool(token.whitespace_) and _EMOJI.fullmatch(token.text) is not None
            and following.text in _OPENING_DETERMINERS)


@Language.component(COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    words = 0  # words since the last stop, line break or sentence start set here
    for token in doc[1:-1]:
        if token.text == "." and doc[token.i - 1].lower_ in _TITLES and token.whitespace_ and doc[token.i + 1].is_title:
            doc[token.i + 1].is_sent_start = False  # "la Sra. Ortega", "Gracias, Dra. Ruiz": a title, not a full stop
    for token in doc[:-1]:
        if token.is_space and _holds_blank_line(token.text_with_ws) or _emoji_stop(token, doc[token.i + 1], words):
            doc[token.i + 1].is_sent_start = True
            words = 0
        elif token.text in {".", "!", "?"} or "\n" in token.text_with_ws:
            words = 0
        elif token.is_alpha:
            words += 1
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
