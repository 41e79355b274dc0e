"""The one notion of token position, sentence and clause that every rule reads.

A *clause* is a verb (or the root of a verbless fragment) with the words that depend on it,
less the words of any clause nested in it: a clausal complement, an adverbial or relative
clause, a parataxis, or a coordinated verb with its own subject ("garlic does not prevent flu,
but our drip cures it" is two clauses). Without a parse (no-model mode) the sentence is the clause.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from hcsocial_lint.nlp.doc_index import memo, token_starts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Dependencies that open a clause of their own under their head.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})


def has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def token_at(doc: Doc, offset: int) -> Token | None:
    """The token holding character ``offset``, or the next one after it (None past the end)."""
    if not len(doc):
        return None
    i = bisect_right(token_starts(doc), offset) - 1
    if i >= 0 and offset < doc[i].idx + len(doc[i].text):
        return doc[i]
    return doc[i + 1] if i + 1 < len(doc) else None


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def sentences(doc: Doc) -> tuple[Span, ...]:
    """spaCy's sentences without the whitespace tokens at their edges.

    spaCy attaches a run of blank text to a neighbouring sentence as whitespace tokens, and the
    prose view of a Markdown draft has long blank runs (front matter, code and markup blanked).
    An untrimmed first sentence would start at offset 0, in the front matter, so a fix that
    rewrites "the sentence" would rewrite the front matter too.

    Computed once per parse: every rule asks for them, often once per match.
    """
    return memo(doc, "trimmed_sentences", lambda: _trimmed_sentences(doc))


def _trimmed_sentences(doc: Doc) -> tuple[Span, ...]:
    trimmed = []
    for sentence in doc.sents:
        start, end = sentence.start, sentence.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if start < end:
            trimmed.append(doc[start:end])
    return tuple(trimmed)


def sentence_starts(doc: Doc) -> list[int]:
    """The first character of each of ``sentences(doc)``, for bisection."""
    return memo(doc, "trimmed_sentence_starts", lambda: [sentence.start_char for sentence in sentences(doc)])


def sentence_of(doc: Doc, offset: int, within: tuple[Span, ...] | None = None) -> Span:
    """The sentence holding character ``offset``: the last one starting at or before it (so blank
    text between sentences belongs to the one before), else the first. ``within`` is the post's
    ``sentences(doc)`` when the caller has them already."""
    if within is None or within is sentences(doc):
        spans = sentences(doc)
        starts = sentence_starts(doc)
    else:
        spans = within
        starts = [sentence.start_char for sentence in spans]
    i = bisect_right(starts, offset) - 1
    if i >= 0:
        return spans[i]
    return spans[0] if spans else doc[:]


def _opens_clause(token: Token) -> bool:
    if token.dep_ in CLAUSE_DEPS or token.head.i == token.i:
        return True
    return token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"} and any(c.dep_ in _SUBJECTS for c in token.children)


def clause_head(token: Token) -> Token:
    """The head of the smallest clause holding ``token``."""
    if not has_parse(token.doc):
        return token.sent.root
    while not _opens_clause(token):
        token = token.head
    return token


def clause_tokens(head: Token) -> list[Token]:
    """The words of the clause headed by ``head``, without those of clauses nested in it."""
    if not has_parse(head.doc):
        return list(head.sent)
    kept: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(child for child in token.children if not _opens_clause(child))
    return sorted(kept, key=lambda t: t.i)


def same_clause(first: Token, second: Token) -> bool:
    return clause_head(first) == clause_head(second)


def governs(head: Token, token: Token) -> bool:
    """``token`` is ``head`` or lies in its subtree (a syntactic link, not co-occurrence)."""
    return head == token or head.is_ancestor(token)
