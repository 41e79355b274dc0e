"""spaCy's tokenizer with a bound on the unbroken runs it is given.

spaCy splits a text at whitespace, then peels prefixes and suffixes off each piece one at
a time, searching the rest of the piece each time: a piece of 4,000 exclamation marks costs
4,000 searches of up to 4,000 characters (2.4 s, 20 times a normal post). Pieces longer
than :data:`RUN_LIMIT` characters are therefore cut into chunks of that size before they
are tokenized; the chunks' tokens are joined into one ``Doc`` whose text is the original
text, so every offset is unchanged. Only such runs are affected, and real words, handles
and most URLs are far shorter.
"""

from __future__ import annotations

from typing import Any

import regex
from spacy.tokens import Doc

RUN_LIMIT = 200
_LONG_RUN = regex.compile(r"\S{%d,}" % (RUN_LIMIT + 1))


class BoundedTokenizer:
    """Wraps a spaCy tokenizer; text without long runs goes through it unchanged."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        cuts = [cut for run in _LONG_RUN.finditer(text) for cut in range(run.start() + RUN_LIMIT, run.end(), RUN_LIMIT)]
        if not cuts:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        for start, end in zip([0, *cuts], [*cuts, len(text)]):
            for token in self.tokenizer(text[start:end]):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def __getattr__(self, name: str) -> Any:  # vocab, rules, explain(), ... of the wrapped tokenizer
        return getattr(self.tokenizer, name)
