"""What the claim rules share: configuration (approved claims), vocabulary look-ups, the
assertion-context tests, lemma matching and the "is this a seller speaking?" signal.

Approved claims come from ``[tool.hclint.claim] approved_claims = [{text = "...",
substantiation = "..."}]``. An organisation registers a claim its compliance team has
substantiated; a finding of a claim rule that falls inside that wording is dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from ...analysis import Analysis
from ...model import Applicability, Edit, Evidence, Hit, Suggestion
from ...nlp.context import skipped_context
from ...language.clauses import sentence_starts
from ...language.commerce import promotional_post
from ...nlp.doc_index import tokens_overlapping
from ...vocabularies import pattern, terms

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FAMILY = "claim"
KNOWN_OPTIONS = ("approved_claims",)
ASSERTION_CONTEXTS = ("negated", "question", "myth", "quoted")
ALL_CONTEXTS = ("negated", "hedged", "question", "myth", "quoted")


# ---------------------------------------------------------------------------------------------
# Configuration


@dataclass(frozen=True)
class ApprovedClaim:
    """A claim the organisation has substantiated, with where the evidence is kept."""

    text: str
    substantiation: str

    @property
    def matcher(self) -> regex.Pattern:
        return _claim_matcher(self.text)


@dataclass(frozen=True)
class ClaimOptions:
    approved_claims: tuple[ApprovedClaim, ...] = ()


@lru_cache(maxsize=256)
def _claim_matcher(text: str) -> regex.Pattern:
    """The claim's words in order, whatever the punctuation, spacing, quotes or case between them."""
    words = regex.findall(r"[\w%+]+", text.lower())
    body = r"[^\w%+]+".join(regex.escape(w) for w in words)
    return regex.compile(r"(?<![\w%+])" + body + r"(?![\w%+])", regex.IGNORECASE)


def _option_error(message: str) -> ValueError:
    return ValueError(f"[tool.hclint.{FAMILY}] {message}")


def parse_options(options: Mapping[str, Any]) -> ClaimOptions:
    """Validate ``[tool.hclint.claim]``; raise ValueError naming the offending key."""
    unknown = sorted(set(options) - set(KNOWN_OPTIONS))
    if unknown:
        raise _option_error(f"unknown key '{unknown[0]}' (known: {', '.join(KNOWN_OPTIONS)})")
    raw = options.get("approved_claims", [])
    if not isinstance(raw, Sequence) or isinstance(raw, (str, bytes)):
        raise _option_error("'approved_claims' must be a list of tables {text = \"...\", substantiation = \"...\"}")
    claims = []
    for index, item in enumerate(raw):
        key = f"approved_claims[{index}]"
        if not isinstance(item, Mapping):
            raise _option_error(f"'{key}' must be a table with 'text' and 'substantiation'")
        extra = sorted(set(item) - {"text", "substantiation"})
        if extra:
            raise _option_error(f"'{key}.{extra[0]}' is not a known key (known: text, substantiation)")
        for field in ("text", "substantiation"):
            value = item.get(field)
            if not isinstance(value, str) or not value.strip():
                raise _option_error(f"'{key}.{field}' must be a non-empty string")
        if not regex.search(r"\w", item["text"]):
            raise _option_error(f"'{key}.text' must contain words")
        claims.append(ApprovedClaim(item["text"].strip(), item["substantiation"].strip()))
    return ClaimOptions(tuple(claims))


def claim_options(analysis: Analysis) -> ClaimOptions:
    """The validated ``[tool.hclint.claim]`` options of the post's settings (cheap: a few claims)."""
    options = analysis.settings.family_options(FAMILY)
    return parse_options(options) if options else ClaimOptions()


def approved_spans(analysis: Analysis) -> list[tuple[int, int, ApprovedClaim]]:
    spans = []
    for claim in claim_options(analysis).approved_claims:
        for found in claim.matcher.finditer(analysis.text):
            spans.append((found.start(), found.end(), claim))
    return spans


def covered_by_approved(analysis: Analysis, start: int, end: int) -> bool:
    return approved_claim_at(analysis, start, end) is not None


def approved_claim_at(analysis: Analysis, start: int, end: int) -> ApprovedClaim | None:
    """The approved claim whose wording covers most of ``start..end``, if any."""
    length = max(end - start, 1)
    for s, e, claim in approved_spans(analysis):
        overlap = min(e, end) - max(s, start)
        if overlap > 0 and (s <= start and end <= e or overlap * 2 >= length):
            return claim
    return None


# ---------------------------------------------------------------------------------------------
# Vocabulary look-ups


def find(vocabulary: str, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    stop = len(text) if end is None else end
    return [(m.start(), m.end(), m.group(0)) for m in pattern(vocabulary).finditer(text, start, stop)]


def contains(vocabulary: str, text: str, start: int = 0, end: int | None = None) -> bool:
    stop = len(text) if end is None else end
    return pattern(vocabulary).search(text, start, stop) is not None


@lru_cache(maxsize=None)
def lemma_terms(vocabulary: str) -> frozenset[str]:
    """The single-word base forms of a vocabulary, matched against token lemmas."""
    return frozenset(t for t in terms(vocabulary) if regex.fullmatch(r"[a-z]+", t))


@lru_cache(maxsize=None)
def phrase_pattern(vocabulary: str) -> regex.Pattern | None:
    """The multi-word (or regular-expression) lines of a vocabulary, matched as text."""
    phrases = sorted((t for t in terms(vocabulary) if not regex.fullmatch(r"[a-z]+", t)), key=len, reverse=True)
    if not phrases:
        return None
    return regex.compile(r"(?<![\w-])(?:" + "|".join(phrases) + r")(?![\w-])", regex.IGNORECASE)


_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
             ("es", ""), ("es", "e"), ("s", ""), ("er", ""), ("ers", ""))


def base_forms(token: Token, has_model: bool) -> set[str]:
    """The token's lemma with a model; without one, a few suffix-stripped guesses."""
    word = token.lower_
    forms = {word}
    if has_model and token.lemma_:
        forms.add(token.lemma_.lower())
        return forms
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)] + replacement
            forms.add(stem)
            if len(stem) > 3 and stem[-1] == stem[-2]:  # "stopped" -> "stopp" -> "stop"
                forms.add(stem[:-1])
    return forms


def cue_spans(analysis: Analysis, vocabulary: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Where a cue of ``vocabulary`` occurs between ``start`` and ``end``: single words by lemma,
    phrases by text."""
    words = lemma_terms(vocabulary)
    found: list[tuple[int, int, str]] = []
    for token in tokens_between(analysis, start, end):
        if base_forms(token, analysis.has_model) & words:
            found.append((token.idx, token.idx + len(token.text), token.text))
    phrases = phrase_pattern(vocabulary)
    if phrases is not None:
        for m in phrases.finditer(analysis.text, start, end):
            if not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), m.group(0)))
    return sorted(found)


# ---------------------------------------------------------------------------------------------
# Post-level signals


def promotional(analysis: Analysis) -> bool:
    """The post speaks for a seller or provider: first-person voice, a call to action, a price,
    or it is an ad, a story or a paid partnership."""
    return promotional_post(analysis) or contains("claims_commercial_cues", analysis.text)


PRODUCT_VOCABULARIES = ("claims_unapproved_products", "claims_supplement_terms", "claims_rx_drugs", "claims_devices")


def names_a_product(analysis: Analysis) -> bool:
    """The post names a product, device or drug (a claim about it is advertising, not education)."""
    return any(contains(v, analysis.text) for v in PRODUCT_VOCABULARIES)


def source_given(analysis: Analysis) -> bool:
    """The post cites where a claim comes from (link, reference, journal, agency, trial)."""
    if analysis.post.metadata.get("substantiation_ref"):
        return True
    return contains("claims_source_cues", analysis.post.original)


def context_of(analysis: Analysis, start: int, end: int, contexts: Iterable[str]) -> str | None:
    """The first assertion context (negated, hedged, ...) that holds for ``start..end``."""
    sentence = analysis.sentence_at(start)
    return skipped_context(analysis.doc, sentence, start, end, tuple(contexts))


def sentence_bounds(analysis: Analysis, offset: int) -> tuple[int, int]:
    sentence = analysis.sentence_at(offset)
    return sentence.start_char, sentence.end_char


def sentence_index(analysis: Analysis, offset: int) -> int:
    """The index of the sentence holding ``offset`` (the last sentence when none holds it)."""
    sentences = analysis.sentences
    i = bisect_right(sentence_starts(analysis.doc), offset) - 1
    if i >= 0 and offset < sentences[i].end_char:
        return i
    return max(len(sentences) - 1, 0)


def tokens_between(analysis: Analysis, start: int, end: int) -> list[Token]:
    """Tokens that start inside ``start..end`` (found through the Doc's character index)."""
    if end <= start:
        return []
    return [t for t in tokens_overlapping(analysis.doc, start, end) if t.idx >= start]


def token_at(analysis: Analysis, offset: int) -> Token | None:
    token = tokens_overlapping(analysis.doc, offset, offset + 1)
    return token[0] if token else None


def token_gap(analysis: Analysis, first_end: int, second_start: int) -> int:
    """How many tokens lie between two character positions (first before second)."""
    return len(tokens_between(analysis, first_end, second_start))


def clause_break_between(analysis: Analysis, first_end: int, second_start: int) -> bool:
    return bool(_CLAUSE_BREAK.search(analysis.text, first_end, second_start))


_CLAUSE_BREAK = regex.compile(r"[;.!?\n]|\bbut\b|\bhowever\b")


def governs(analysis: Analysis, head_start: int, head_end: int, target_start: int, target_end: int) -> bool:
    """With a parse: a token of the target lies in the subtree of the head's tokens."""
    if not analysis.has_model or not analysis.doc.has_annotation("DEP"):
        return False
    heads = tokens_between(analysis, head_start, head_end)
    targets = {t.i for t in tokens_between(analysis, target_start, target_end)}
    return any(targets & {s.i for s in head.subtree} for head in heads)


def remove_sentence_edit(analysis: Analysis, sentence: Span) -> Edit | None:
    """An edit deleting a sentence and the space after it, or None when it is the whole post's prose (front
    matter and code blocks, blank in the post's text, are not prose: deleting its one sentence empties the post)."""
    text = analysis.post.original
    prose = analysis.post.text
    start, end = sentence.start_char, sentence.end_char
    while end < len(text) and text[end] in " \t":
        end += 1
    if not prose[:start].strip() and not prose[end:].strip():
        return None
    return Edit(start, end, "")


class ClaimRule:
    """Base of the Python claim rules: ``find`` yields hits; ``check`` drops those that fall
    inside a claim the organisation registered as approved (with its substantiation)."""

    honours_approved_claims = True

    def find(self, analysis: Analysis) -> Iterable[Hit]:  # pragma: no cover - overridden
        raise NotImplementedError

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        found = list(self.find(analysis))
        if not found or not self.honours_approved_claims:
            yield from found
            return
        approved = approved_spans(analysis)
        for candidate in found:
            if approved and approved_claim_at(analysis, candidate.start, candidate.end) is not None:
                continue
            yield candidate


def hit(start: int, end: int, message: str, category: str, evidence: Sequence[Evidence] = (),
        suggestions: Sequence[Suggestion] = (), severity=None) -> Hit:
    return Hit(start, end, message=message, suggestions=tuple(suggestions), evidence=tuple(evidence),
               severity=severity, category=category)


def display(description: str) -> Suggestion:
    return Suggestion(description, (), Applicability.DISPLAY)


def evidence(kind: str, label: str, text: str, start: int, end: int, source: str) -> Evidence:
    return Evidence(kind, label, text, start, end, source)


def first_letter_upper(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def unique_by_sentence(hits: Iterable[tuple[int, Hit]]) -> Iterator[Hit]:
    """Keep the first hit of each sentence (index, hit) pairs, in order."""
    seen: set[int] = set()
    for index, found in hits:
        if index in seen:
            continue
        seen.add(index)
        yield found
