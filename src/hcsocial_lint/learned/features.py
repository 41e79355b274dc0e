"""What the learned scorers read: features of the post's one spaCy parse, hashed into a fixed space.

Every feature is computed from the ``Analysis`` the rules already have (the parse, the lexicon cues,
the claim frames), so scoring a post parses nothing again. Words are read as lemmas; a word that a
lexicon of the language layer knows is also read as its lexicon's name, so that a disease, a product or
a reward never seen in training still counts as one ("prevents <condition>"). Parse features are
dependency arcs, negated heads, imperative sentences, entity labels and the claim frames.

A feature is a string hashed with CRC-32 into ``DIMENSIONS`` buckets: CRC-32 is the same in every
process and on every machine (Python's ``hash`` of a string is salted per process).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..analysis import Analysis

BITS = 20
DIMENSIONS = 1 << BITS
MASK = DIMENSIONS - 1
# Dependency relations worth an arc feature: the ones that join a claim's parts (who, does what, to what).
ARCS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "amod", "compound", "advmod", "acomp", "attr", "xcomp",
                  "ccomp", "prep", "agent", "npadvmod", "oprd", "dative", "appos", "relcl", "advcl", "conj"})
KEPT_PUNCT = frozenset({"!", "?", "$", "%", "#", "@"})


@dataclass(frozen=True)
class Feature:
    """One feature and where it stands in the post (``at`` is a character offset, None for the post)."""

    name: str
    at: int | None = None

    @property
    def index(self) -> int:
        return zlib.crc32(self.name.encode("utf-8")) & MASK


def _token_classes(analysis: Analysis) -> dict[int, str]:
    """Token index -> the lexicon that matched it (the longest match wins, then the first name)."""
    doc = analysis.doc
    language = analysis.language
    if language is None:
        return {}
    classes: dict[int, tuple[int, str]] = {}
    cues = analysis.remember("language:cues", lambda: language.cues(doc))
    for name in sorted(cues):
        for span in cues[name]:
            found = doc.char_span(span.start, span.end, alignment_mode="expand")
            if found is None:
                continue
            for token in found:
                length = span.end - span.start
                if token.i not in classes or classes[token.i][0] < length:
                    classes[token.i] = (length, name)
    return {i: name for i, (_, name) in classes.items()}


def _form(token) -> str | None:
    if token.is_space:
        return None
    if token.like_url:
        return "<url>"
    if token.like_email:
        return "<email>"
    if token.text.startswith("@") and len(token.text) > 1:
        return "<handle>"
    if token.like_num:
        return "<num>"
    if token.is_punct or not any(c.isalnum() for c in token.text):
        return token.text if token.text in KEPT_PUNCT else None
    return (token.lemma_ or token.text).lower()


def features(analysis: Analysis) -> list[Feature]:
    """The post's features, each once (the first place it occurs), in text order."""
    doc = analysis.doc
    classes = _token_classes(analysis)
    found: dict[str, int | None] = {}

    def add(name: str, at: int | None) -> None:
        if name not in found:
            found[name] = at

    forms: dict[int, str] = {}
    for token in doc:
        form = _form(token)
        if form is None:
            continue
        forms[token.i] = form
        add("u:" + form, token.idx)
        if token.i in classes:
            add("c:" + classes[token.i], token.idx)
    words = {i: "<" + classes[i] + ">" if i in classes else form for i, form in forms.items()}
    for sentence in doc.sents:
        kept = [t.i for t in sentence if t.i in words]
        for a, b in zip(kept, kept[1:]):
            add("b:" + words[a] + "|" + words[b], doc[a].idx)
        for a, b, c in zip(kept, kept[1:], kept[2:]):
            add("t:" + words[a] + "|" + words[b] + "|" + words[c], doc[a].idx)
        root = sentence.root
        if root.tag_ == "VB" and not any(child.dep_ in ("nsubj", "nsubjpass", "aux") for child in root.children):
            add("imp:" + words.get(root.i, root.lower_), root.idx)
            add("imp", root.idx)
        if sentence.text.rstrip().endswith("?"):
            add("question", sentence.start_char)
    for token in doc:
        if token.dep_ in ARCS and token.i in words and token.head.i in words and token.head.i != token.i:
            add("d:" + words[token.head.i] + ">" + token.dep_ + ">" + words[token.i], token.idx)
            add("p:" + token.dep_ + ">" + words[token.i], token.idx)
        if token.dep_ == "neg" and token.head.i in words:
            add("neg:" + words[token.head.i], token.head.idx)
    for entity in doc.ents:
        add("e:" + entity.label_, entity.start_char)
    for name in sorted({classes[i] for i in classes}):
        add("lex:" + name, None)
    for frame, asserted in _frames(analysis):
        state = "asserted" if asserted else "unasserted"
        add(f"f:{frame.agent.kind}:{frame.target_class}", frame.start)
        add(f"f:{frame.how}:{state}", frame.start)
        add(f"f:{state}:sells={frame.sells}", frame.start)
    add("kind:" + analysis.kind, None)
    add("bias-length:" + _bucket(len(doc)), None)
    return [Feature(name, at) for name, at in found.items()]


def _frames(analysis: Analysis) -> Iterator[tuple]:
    if analysis.language is None or not analysis.has_model:
        return
    from ..language.frames import frames_of

    for frame in frames_of(analysis):
        yield frame, analysis.assertion(frame.claim_span).asserted


def _bucket(tokens: int) -> str:
    for limit in (8, 16, 32, 64, 128):
        if tokens <= limit:
            return str(limit)
    return "more"
