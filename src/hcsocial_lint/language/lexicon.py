"""Lexicons: word lists kept as plain phrases and matched on the parse with spaCy's ``PhraseMatcher``.

A lexicon is a file ``lexicons/<name>.txt``: one phrase a line, ``#`` comments as in
``vocabularies``. Its first directive line says how it matches:

* ``# match: lower`` (the default): the phrase's words as written, case-insensitively;
* ``# match: lemma``: any inflection of the phrase's words ("prevent" finds "prevents", "prevented",
  "preventing"), matched on spaCy's lemmas and also on the words as written.

A hashtag that spells a phrase without its spaces ("#colloidalsilver", "#HeartDisease") matches
the phrase. An abbreviation is listed once, without dots ("cbd"): a post's dotted spelling ("C.B.D.", "i.v.")
is matched to it whatever the tokenizer made of the dots. Phrases are words, never regular expressions: a line holding regex syntax is refused with its file
and line, so a word list cannot turn into code. Every lexicon of a linter is compiled once into two
matchers (one per attribute) and every post is matched once per attribute, whatever the number of
lexicons; rules then read ``analysis.cues(name)``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .spans import TextSpan

_COMMENT = regex.compile(r"(?:^|\s)#(?:\s.*)?$")
_DIRECTIVE = regex.compile(r"^#\s*match:\s*(lower|lemma)\s*$", regex.IGNORECASE)
# Characters that only make sense in a regular expression; a phrase holding one is refused.
_REGEX_SYNTAX = regex.compile(r"[\\()\[\]{}|?*+^$]")
# Without a lemmatizer (no-model mode) a lemma lexicon also lists these inflections of its last word.
_NO_MODEL_SUFFIXES = ("s", "es", "ed", "d", "ing")
# A word written as letters with dots ("C.B.D.", "c.b.d", "I.V."), matched to its undotted form.
_DOTTED = regex.compile(r"(?:[^\W\d_]\.){1,5}[^\W\d_]\.?")
_ABBREVIATION = regex.compile(r"[a-z]{2,6}")  # single-word phrases a dotted spelling may stand for
INDEX_ABOVE = 2000  # phrases; larger "lower" lexicons are matched through a set of token sequences


class LexiconError(ValueError):
    """A lexicon file is malformed (one line, names the file and line)."""


@dataclass(frozen=True)
class Lexicon:
    name: str
    attr: str  # "LOWER" or "LEMMA"
    phrases: tuple[str, ...]


def parse_lexicon(name: str, text: str, where: str = "") -> Lexicon:
    attr = "LOWER"
    phrases: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        directive = _DIRECTIVE.match(raw.strip())
        if directive:
            attr = directive.group(1).upper()
            continue
        line = _COMMENT.sub("", raw).strip()
        if not line:
            continue
        if _REGEX_SYNTAX.search(line):
            raise LexiconError(f"{where or name}:{number}: {line!r} is not a plain phrase (no regex syntax in lexicons)")
        phrases.append(line)
    return Lexicon(name, attr, tuple(dict.fromkeys(phrases)))


def _package_dir():
    return resources.files(__package__).joinpath("lexicons")


@lru_cache(maxsize=None)
def builtin_lexicon(name: str) -> Lexicon:
    path = _package_dir().joinpath(f"{name}.txt")
    return parse_lexicon(name, path.read_text(encoding="utf-8"), f"lexicons/{name}.txt")


def builtin_lexicon_names() -> tuple[str, ...]:
    return tuple(sorted(p.name[:-4] for p in _package_dir().iterdir() if p.name.endswith(".txt")))


def _inflections(phrase: str) -> list[str]:
    head, _, last = phrase.rpartition(" ")
    forms = [phrase]
    stem = last[:-1] if last.endswith("e") else last
    for suffix in _NO_MODEL_SUFFIXES:
        base = stem if suffix in {"ed", "ing"} else last
        if suffix == "d" and not last.endswith("e"):
            continue
        forms.append(f"{head} {base}{suffix}".strip())
    return forms


class LexiconMatcher:
    """All lexicons of one linter, compiled once; ``find(doc)`` matches a post once per attribute."""

    def __init__(self, nlp: Language, has_model: bool, lexicons: Iterable[Lexicon]) -> None:
        self.lexicons: dict[str, Lexicon] = {lex.name: lex for lex in lexicons}
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._lemma = PhraseMatcher(nlp.vocab, attr="LEMMA") if has_model else None
        # Large word-as-written lexicons (a generated vocabulary of tens of thousands of names) are kept
        # as sets of lower-cased token sequences: a PhraseMatcher keeps every pattern Doc, which for
        # such a list costs more memory than the model. The matches are the same.
        self._indexed: dict[str, tuple[frozenset[tuple[str, ...]], int]] = {}
        for lex in self.lexicons.values():
            if lex.attr == "LOWER" and len(lex.phrases) > INDEX_ABOVE:
                keys = frozenset(tuple(t.lower_ for t in doc) for doc in nlp.tokenizer.pipe(lex.phrases))
                self._indexed[lex.name] = (keys, max(len(k) for k in keys))
        # undotted abbreviations ("cbd") by lexicon, for dotted spellings in a post
        self._abbreviations: dict[str, list[str]] = defaultdict(list)
        # phrases of several words, spelled without spaces, for hashtags ("#colloidalsilver")
        self._joined: dict[str, list[str]] = defaultdict(list)
        for lex in self.lexicons.values():
            for phrase in lex.phrases:
                if _ABBREVIATION.fullmatch(phrase):
                    self._abbreviations[phrase].append(lex.name)
                joined = joined_form(phrase)
                if joined != phrase.lower() and len(joined) >= 6:
                    self._joined[joined].append(lex.name)
        for lex in self.lexicons.values():
            if lex.name in self._indexed:
                continue
            written = list(lex.phrases)
            if lex.attr == "LEMMA":
                # the inflections as written too: without a lemmatizer they are all there is, and with
                # one they still find a verb the tagger misread ("Relieves" heading a fragment, as NNPS)
                written = [form for phrase in lex.phrases for form in _inflections(phrase)]
            self._lower.add(lex.name, list(nlp.tokenizer.pipe(written)))
            if lex.attr == "LEMMA" and self._lemma is not None:
                self._lemma.add(lex.name, list(_lemmatised(nlp, lex.phrases)))

    def find(self, doc: Doc) -> Mapping[str, tuple[TextSpan, ...]]:
        """Every lexicon's matches in ``doc``, by lexicon name, in text order, without duplicates."""
        found: dict[str, set[TextSpan]] = defaultdict(set)
        for matcher in (self._lower, self._lemma):
            if matcher is None:
                continue
            for match_id, start, end in matcher(doc):
                name = doc.vocab.strings[match_id]
                span = doc[start:end]
                found[name].add(TextSpan(span.start_char, span.end_char, name, span.text, f"lexicon:{name}"))
        if self._indexed:
            lowers = [t.lower_ for t in doc]
            for name, (keys, longest) in self._indexed.items():
                for i in range(len(lowers)):
                    for n in range(1, min(longest, len(lowers) - i) + 1):
                        if tuple(lowers[i:i + n]) in keys:
                            span = doc[i:i + n]
                            found[name].add(TextSpan(span.start_char, span.end_char, name, span.text, f"lexicon:{name}"))
        for token in doc:
            if token.i and doc[token.i - 1].text == "#" and token.lower_ in self._joined:
                for name in self._joined[token.lower_]:
                    found[name].add(TextSpan(token.idx, token.idx + len(token.text), name, token.text, f"lexicon:{name}"))
            if "." in token.text and _DOTTED.fullmatch(token.text):
                for name in self._abbreviations.get(token.lower_.replace(".", ""), ()):
                    end = token.idx + len(token.text)
                    found[name].add(TextSpan(token.idx, end, name, token.text, f"lexicon:{name}"))
        return {name: tuple(sorted(spans)) for name, spans in found.items()}


def joined_form(phrase: str) -> str:
    """A phrase as a hashtag spells it: lower case, without spaces, hyphens or apostrophes."""
    return regex.sub(r"[\s\-'\u2019]+", "", phrase.lower())


def _lemmatised(nlp: Language, phrases: Iterable[str]) -> Iterable[Doc]:
    """Pattern docs carrying lemmas: each phrase through the tagger and lemmatizer only."""
    wanted = {"tok2vec", "tagger", "attribute_ruler", "lemmatizer", "morphologizer"}
    disabled = [name for name in nlp.pipe_names if name not in wanted]
    with nlp.select_pipes(disable=disabled):
        yield from nlp.pipe(phrases)
