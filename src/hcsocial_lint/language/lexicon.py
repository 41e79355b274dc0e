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

import hashlib
import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from .spans import TextSpan

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

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
_LETTER_WORDS = regex.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


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
    """All lexicons of one linter, compiled once; ``find(doc)`` matches a post once per attribute.

    Compiling means tokenizing (and, for lemma lexicons, tagging) thousands of phrases: about a
    second of a cold start. With a ``store`` folder (the result cache's) the compiled phrases are
    kept there, keyed by every input (the phrases, the model and its version, spaCy's version,
    this module's code), and read back on the next start instead of compiled again."""

    def __init__(self, nlp: Language, has_model: bool, lexicons: Iterable[Lexicon], store: Path | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.lexicons: dict[str, Lexicon] = {lex.name: lex for lex in lexicons}
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._lemma = PhraseMatcher(nlp.vocab, attr="LEMMA") if has_model else None
        compiled = _read_compiled(store, nlp, has_model, self.lexicons.values()) if store is not None else None
        if compiled is None:
            compiled = _compile(nlp, has_model, self.lexicons.values())
            if store is not None:
                _write_compiled(store, nlp, has_model, self.lexicons.values(), compiled)
        # Large word-as-written lexicons (a generated vocabulary of tens of thousands of names) are kept
        # as sets of lower-cased token sequences: a PhraseMatcher keeps every pattern Doc, which for
        # such a list costs more memory than the model. The matches are the same.
        self._indexed: dict[str, tuple[frozenset[tuple[str, ...]], int]] = {
            name: (keys, max(len(k) for k in keys)) for name, keys in compiled.indexed.items()}
        for name, docs in compiled.lower.items():
            self._lower.add(name, docs)
        if self._lemma is not None:
            for name, docs in compiled.lemma.items():
                self._lemma.add(name, docs)
        # undotted abbreviations ("cbd") by lexicon, for dotted spellings in a post
        self._abbreviations: dict[str, list[str]] = compiled.abbreviations
        # phrases of several words, spelled without spaces, for hashtags ("#colloidalsilver")
        self._joined: dict[str, list[str]] = compiled.joined

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


@dataclass
class _Compiled:
    """The lexicons compiled for one pipeline: token keys of the large ones, pattern docs of the others."""

    indexed: dict[str, frozenset[tuple[str, ...]]]
    lower: dict[str, list[Doc]]
    lemma: dict[str, list[Doc]]
    # lexicon names by undotted abbreviation ("cbd") and by hashtag spelling ("colloidalsilver"):
    # worked out for tens of thousands of phrases, so stored with the rest (0.1-0.2 s of a start)
    abbreviations: dict[str, list[str]] = field(default_factory=dict)
    joined: dict[str, list[str]] = field(default_factory=dict)


def _spellings(lexicons: Iterable[Lexicon]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The other spellings a post may use for the phrases: abbreviations written with dots, and
    phrases of several words written as one hashtag."""
    abbreviations: dict[str, list[str]] = defaultdict(list)
    joined: dict[str, list[str]] = defaultdict(list)
    for lex in lexicons:
        for phrase in lex.phrases:
            if _ABBREVIATION.fullmatch(phrase):
                abbreviations[phrase].append(lex.name)
            spelled = joined_form(phrase)
            if spelled != phrase.lower() and len(spelled) >= 6:
                joined[spelled].append(lex.name)
    return dict(abbreviations), dict(joined)


def _compile(nlp: Language, has_model: bool, lexicons: Iterable[Lexicon]) -> _Compiled:
    lexicons = list(lexicons)
    compiled = _Compiled({}, {}, {}, *_spellings(lexicons))
    for lex in lexicons:
        if lex.attr == "LOWER" and len(lex.phrases) > INDEX_ABOVE:
            compiled.indexed[lex.name] = frozenset(_token_keys(nlp, lex.phrases))
            continue
        written = list(lex.phrases)
        if lex.attr == "LEMMA":
            # the inflections as written too: without a lemmatizer they are all there is, and with
            # one they still find a verb the tagger misread ("Relieves" heading a fragment, as NNPS)
            written = [form for phrase in lex.phrases for form in _inflections(phrase)]
        compiled.lower[lex.name] = list(nlp.tokenizer.pipe(written))
        if lex.attr == "LEMMA" and has_model:
            compiled.lemma[lex.name] = list(_lemmatised(nlp, lex.phrases))
    return compiled


_STORE_FORMAT = 2


def _store_key(nlp: Language, has_model: bool, lexicons: Iterable[Lexicon]) -> str:
    """Everything the compiled phrases depend on, as one hash: a change of any is a new entry."""
    import spacy

    digest = hashlib.sha256()
    meta = nlp.meta
    for part in (_STORE_FORMAT, spacy.__version__, meta.get("lang"), meta.get("name"), meta.get("version"),
                 has_model, nlp.pipe_names, INDEX_ABOVE, *_code_digests()):
        digest.update(f"{part!r}\0".encode("utf-8"))
    for lex in sorted(lexicons, key=lambda lex: lex.name):
        digest.update(json.dumps([lex.name, lex.attr, lex.phrases], ensure_ascii=False).encode("utf-8") + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _code_digests() -> tuple[str, ...]:
    """The code that compiles the phrases: this module and the tokenizer wrapper every pipeline gets."""
    here = Path(__file__).resolve()
    return tuple(hashlib.sha256(path.read_bytes()).hexdigest()
                 for path in (here, here.parent.parent / "nlp" / "tokenizer.py"))


def _store_path(store: Path, key: str) -> Path:
    return store / "lexicons" / f"{key}.msgpack"


def _read_compiled(store: Path, nlp: Language, has_model: bool, lexicons: Iterable[Lexicon]) -> _Compiled | None:
    """The stored compilation of exactly these lexicons for this pipeline; None when there is none
    or it cannot be read (a corrupt entry is compiled again)."""
    import srsly
    from spacy.tokens import DocBin

    try:
        data = srsly.msgpack_loads(_store_path(store, _store_key(nlp, has_model, lexicons)).read_bytes())
        compiled = _Compiled({name: frozenset(tuple(k) for k in keys) for name, keys in data["indexed"].items()}, {}, {},
                             {key: list(names) for key, names in data["abbreviations"].items()},
                             {key: list(names) for key, names in data["joined"].items()})
        for which, target in (("lower", compiled.lower), ("lemma", compiled.lemma)):
            docs = list(DocBin().from_bytes(data[f"{which}_docs"]).get_docs(nlp.vocab))
            at = 0
            for name, count in data[which]:
                target[name] = docs[at:at + count]
                at += count
            if at != len(docs):
                return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return compiled


def _write_compiled(store: Path, nlp: Language, has_model: bool, lexicons: Iterable[Lexicon],
                    compiled: _Compiled) -> None:
    """Store a compilation atomically (a temporary file, then a rename); a failure to write is not an error."""
    import srsly
    from spacy.tokens import DocBin

    data: dict[str, object] = {"indexed": {name: [list(k) for k in sorted(keys)] for name, keys in compiled.indexed.items()},
                               "abbreviations": compiled.abbreviations, "joined": compiled.joined}
    for which, source, attrs in (("lower", compiled.lower, ["ORTH"]), ("lemma", compiled.lemma, ["ORTH", "LEMMA"])):
        docs = DocBin(attrs=attrs, store_user_data=False)
        for doc_list in source.values():
            for doc in doc_list:
                docs.add(doc)
        data[which] = [[name, len(doc_list)] for name, doc_list in source.items()]
        data[f"{which}_docs"] = docs.to_bytes()
    path = _store_path(store, _store_key(nlp, has_model, lexicons))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        ignore = path.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# created by hclint: compiled lexicons are never committed\n*\n", encoding="utf-8")
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".msgpack")
        with os.fdopen(handle, "wb") as out:
            out.write(srsly.msgpack_dumps(data))
        os.replace(temporary, path)
    except OSError:
        pass


def _token_keys(nlp: Language, phrases: Iterable[str]) -> Iterator[tuple[str, ...]]:
    """Each phrase as the lower-cased texts of the tokens spaCy's tokenizer makes of it.

    A phrase of words of letters separated by single spaces, none of them a tokenizer special
    case ("cannot", "gonna"), is split at its spaces: no prefix, suffix or infix rule applies to
    letters, so the tokens are the same (``tests/test_language.py`` checks every built-in
    lexicon), and the 30,000 names of a generated vocabulary need no Doc and no new lexemes
    (0.7 s of a cold start). Any other phrase goes through the tokenizer."""
    special = getattr(getattr(nlp.tokenizer, "tokenizer", nlp.tokenizer), "rules", None)
    others: list[str] = []
    for phrase in phrases:
        words = phrase.split(" ")
        if special is not None and _LETTER_WORDS.fullmatch(phrase) and not any(w in special for w in words):
            yield tuple(w.lower() for w in words)
        else:
            others.append(phrase)
    for doc in nlp.tokenizer.pipe(others):
        yield tuple(t.lower_ for t in doc)


_JOINERS = regex.compile(r"[\s\-'\u2019]+")


def joined_form(phrase: str) -> str:
    """A phrase as a hashtag spells it: lower case, without spaces, hyphens or apostrophes."""
    lower = phrase.lower()
    squeezed = lower.replace(" ", "")
    if squeezed.isalnum():  # words and plain spaces, as most phrases are: no pattern needed
        return squeezed
    return _JOINERS.sub("", lower)


def _lemmatised(nlp: Language, phrases: Iterable[str]) -> Iterable[Doc]:
    """Pattern docs carrying lemmas: each phrase through the tagger and lemmatizer only."""
    wanted = {"tok2vec", "tagger", "attribute_ruler", "lemmatizer", "morphologizer"}
    disabled = [name for name in nlp.pipe_names if name not in wanted]
    with nlp.select_pipes(disable=disabled):
        yield from nlp.pipe(phrases)
