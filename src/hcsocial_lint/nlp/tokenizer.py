"""spaCy's tokenizer with bounds on the unbroken runs it is given.

Two kinds of input make tokenizing and parsing cost far more than a normal post of the
same length:

- spaCy splits a text at whitespace, then peels prefixes and suffixes off each piece one at
  a time, searching the rest of the piece each time: a piece of 4,000 exclamation marks
  costs 4,000 searches of up to 4,000 characters (2.4 s, 20 times a normal post). Pieces
  longer than :data:`RUN_LIMIT` characters are cut into chunks of that size first.
- every punctuation mark becomes a token of its own, and the parser's cost is per token:
  ``([{`` repeated has five times the tokens of prose of the same length. A run of
  :data:`PUNCTUATION_RUN` or more marks and symbols (no letter, digit or space) is one
  token instead (chunked at :data:`RUN_LIMIT`); no word is ever inside such a run.

The pieces' tokens are joined into one ``Doc`` whose text is the original text, so every
offset is unchanged; text without such runs goes through spaCy's tokenizer untouched.
"""

from __future__ import annotations

from typing import Any

import regex
from spacy.tokens import Doc

RUN_LIMIT = 200
PUNCTUATION_RUN = 8
_LONG_RUN = regex.compile(r"\S{%d,}" % (RUN_LIMIT + 1))
_MARKS = regex.compile(r"[^\w\s]{%d,}" % PUNCTUATION_RUN)


class BoundedTokenizer:
    """Wraps a spaCy tokenizer; text without long runs goes through it unchanged."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if _MARKS.search(text) is None and _LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        done = 0
        for marks in _MARKS.finditer(text):
            self._tokenize(text[done:marks.start()], words, spaces)
            for start in range(marks.start(), marks.end(), RUN_LIMIT):
                words.append(text[start:min(start + RUN_LIMIT, marks.end())])
                spaces.append(False)
            done = marks.end()
            if text.startswith(" ", done):  # one following space belongs to the token, as spaCy does it
                spaces[-1] = True
                done += 1
        self._tokenize(text[done:], words, spaces)
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def _tokenize(self, text: str, words: list[str], spaces: list[bool]) -> None:
        cuts = [cut for run in _LONG_RUN.finditer(text) for cut in range(run.start() + RUN_LIMIT, run.end(), RUN_LIMIT)]
        for start, end in zip([0, *cuts], [*cuts, len(text)]):
            if start == end:
                continue
            for token in self.tokenizer(text[start:end]):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))

    def __getattr__(self, name: str) -> Any:  # vocab, rules, explain(), ... of the wrapped tokenizer
        return getattr(self.tokenizer, name)
