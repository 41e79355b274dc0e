"""Assertion context for a match: is it negated, hedged, asked, or quoted to be refuted?

The idea follows NegEx/ConText (as in medspaCy): cue words scoped to the sentence,
sharpened with the dependency parse when a model is loaded. ``there is no cure for the
common cold`` is negated; ``may help``, ``talk to your doctor`` are hedges; ``Myth: ...``
and sentences that report a claim to refute it are quotations, not the author's claim.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

NEGATION_CUES = frozenset(
    {"no", "not", "n't", "never", "without", "nothing", "none", "neither", "nor", "cannot", "can't", "isn't",
     "aren't", "doesn't", "don't", "won't", "didn't", "wasn't", "nobody", "false", "untrue", "unproven"}
)
HEDGE_CUES = frozenset(
    {"may", "might", "could", "possibly", "potentially", "some", "many", "often", "typically", "usually",
     "generally", "likely", "can", "helps", "help", "support", "supports", "vary", "varies", "individual"}
)
HEDGE_PHRASES = ("talk to your", "ask your", "results vary", "results may vary", "consult your", "speak with your",
                 "individual results")
MYTH_CUES = ("myth", "fact:", "false claim", "misinformation", "rumor", "rumour", "hoax", "debunk", "fake news",
             "scam", "beware", "be wary", "don't believe", "do not believe", "claims that", "claim that",
             "claiming", "no evidence", "not true", "isn't true")
WINDOW = 6  # tokens before a match in which a cue word counts


def _tokens_before(sentence: Span, start_char: int) -> list:
    before = [t for t in sentence if t.idx < start_char]
    return before[-WINDOW:]


def _span_tokens(doc: Doc, start: int, end: int) -> list:
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]


def is_negated(doc: Doc, sentence: Span, start: int, end: int) -> bool:
    """A negation cue shortly before the match, or a ``neg`` dependant of the match's governing verb."""
    for token in _tokens_before(sentence, start):
        if token.lower_ in NEGATION_CUES:
            return True
    tokens = _span_tokens(doc, start, end)
    if doc.has_annotation("DEP") and tokens:
        for token in tokens:
            for ancestor in [token, *token.ancestors]:
                if any(child.dep_ == "neg" or child.lower_ in {"no", "never"} and child.dep_ in {"det", "neg", "advmod"}
                       for child in ancestor.children):
                    return True
                if ancestor.dep_ in {"ROOT", "ccomp", "advcl", "relcl"}:
                    break
    return False


def is_hedged(doc: Doc, sentence: Span, start: int, end: int) -> bool:
    lowered = sentence.text.lower()
    if any(phrase in lowered for phrase in HEDGE_PHRASES):
        return True
    return any(t.lower_ in HEDGE_CUES and t.lower_ not in {"can", "help", "helps"} for t in _tokens_before(sentence, start))


def is_question(doc: Doc, sentence: Span, start: int, end: int) -> bool:
    return sentence.text.rstrip().endswith("?")


def is_myth_context(doc: Doc, sentence: Span, start: int, end: int) -> bool:
    """The sentence (or the one before it) labels the claim as a myth, rumour or false claim."""
    lowered = sentence.text.lower()
    if any(cue in lowered for cue in MYTH_CUES):
        return True
    previous_end = sentence.start - 1
    if previous_end >= 0:
        previous = doc[previous_end].sent
        if previous.text.lower().rstrip().endswith(("myth:", "myth", "rumor:", "rumour:")):
            return True
    return False


def is_quoted(doc: Doc, sentence: Span, start: int, end: int) -> bool:
    """The match sits inside quotation marks."""
    text = doc.text
    before = text[sentence.start_char:start]
    for open_mark, close_mark in (('"', '"'), ("\u201c", "\u201d")):
        if open_mark == close_mark:
            if before.count(open_mark) % 2 == 1:
                return True
        elif before.count(open_mark) > before.count(close_mark):
            return True
    return False


CONTEXT_TESTS: dict[str, Callable[[Doc, Span, int, int], bool]] = {
    "negated": is_negated,
    "hedged": is_hedged,
    "question": is_question,
    "myth": is_myth_context,
    "quoted": is_quoted,
}
