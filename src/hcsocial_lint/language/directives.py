"""Directives: who is urged to do what, and on what condition.

A *directive* is a clause that tells someone to act: an imperative ("Leave us a review", "Don't let
your child suffer"), a "please" request, or "you should / must / need to ...". Each one carries:

* ``verb``: the urged act (its head verb);
* ``negative``: "don't ...", "never ...";
* ``addressee``: who is urged when the post names them: a vocative ("Team, please share ..."), a
  label before a colon ("Employees: ...", which also addresses the sentences after it up to a blank
  line), or the subject of "you should" when it is not plain "you";
* ``condition``: what the directive depends on: an if/when clause under it ("If you loved your visit,
  review us"), or a short question just before it ("Loved your visit? Tap the link ...", "Not happy?
  Email us").

Rules read these instead of word lists: a review request addressed only to happy patients is gating,
a request to staff to post is an insider endorsement, a purchase urged by fear for a child is pressure.
Without a parse (no-model mode) no directive is found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp.doc_index import doc_text
from .clauses import clause_head, clause_tokens, has_parse
from .spans import TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MODAL_URGES = frozenset({"should", "must", "need", "have", "ought"})
CONDITION_MARKS = frozenset({"if", "when", "once", "whenever", "unless"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_QUESTION_WORDS = 8  # a lead-in question longer than this is a question of its own, not a condition


@dataclass(frozen=True)
class Directive:
    verb: TextSpan
    negative: bool = False
    addressee: TextSpan | None = None
    condition: TextSpan | None = None

    @property
    def lemma(self) -> str:
        return self.verb.label


def _span(tokens: list[Token] | Span, label: str) -> TextSpan | None:
    tokens = list(tokens)
    if not tokens:
        return None
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return TextSpan(start, end, label, doc_text(doc)[start:end], "directive")


def _label(child: Token, verb: Token) -> bool:
    """A noun set off before the verb by a colon or comma ("Employees: post ...", "Team, share ..."):
    the people addressed, not the subject."""
    return child.i < verb.i and any(t.text in {":", ","} for t in child.doc[child.i + 1:verb.i])


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in _SUBJECTS and not _label(c, token) for c in token.children)


def _is_imperative(token: Token) -> bool:
    if token.tag_ != "VB" or token.dep_ not in {"ROOT", "conj", "ccomp", "parataxis"}:
        return False
    if _has_subject(token):
        return False
    if any(c.dep_ == "aux" and c.lower_ in {"to", "will", "'ll", "would", "can", "could", "may", "might"}
           for c in token.children):
        return False
    if token.dep_ == "conj" and not _is_imperative(token.head) and token.head.tag_ != "VB":
        return False
    # nothing but interjections, "please", a vocative, negation or punctuation before it in its clause
    before = [t for t in clause_tokens(token) if t.i < token.i]
    return all(t.dep_ in {"intj", "neg", "aux", "punct", "npadvmod", "advmod", "cc", "discourse"}
               or _label(t, token) or any(_label(a, token) for a in t.ancestors if a.i < token.i)
               for t in before)


def _urged_with_modal(token: Token) -> Token | None:
    """'you should book', 'employees must post': the subject urged, or None."""
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    modal = any(c.dep_ == "aux" and c.lower_ in MODAL_URGES for c in token.children)
    if not modal and token.dep_ == "xcomp" and token.head.lemma_ in {"need", "have"}:
        modal, token = True, token.head
    if not modal:
        return None
    return next((c for c in token.children if c.dep_ in _SUBJECTS and c.lower_ not in {"i", "we", "it", "they"}),
                None)


def _addressee(verb: Token) -> TextSpan | None:
    for child in verb.children:
        if child.i < verb.i and child.dep_ in {"npadvmod", "nsubj", "vocative", "dep"} and child.pos_ in _NOUNS \
                and child.lower_ != "you" and (child.dep_ != "nsubj" or _label(child, verb)):
            return _span([t for t in child.subtree if t.i < verb.i and not t.is_punct], "addressee")
    sentence = verb.sent
    colon = next((t for t in sentence if t.text == ":" and t.i < verb.i), None)
    if colon is not None:
        label = [t for t in sentence if t.i < colon.i and not t.is_punct]
        if 0 < len(label) <= 4 and any(t.pos_ in _NOUNS for t in label):
            return _span(label, "addressee")
    return None


def _leading_label(sentence: Span) -> TextSpan | None:
    """A sentence that opens with a short label naming people before a colon ("Staff and family: ...")."""
    colon = next((t for t in sentence if t.text == ":"), None)
    if colon is None:
        return None
    label = [t for t in sentence if t.i < colon.i and not t.is_punct]
    if 0 < len(label) <= 5 and any(t.pos_ in _NOUNS for t in label) and not any(t.pos_ == "VERB" for t in label):
        return _span(label, "addressee")
    return None


def _condition(verb: Token) -> TextSpan | None:
    head = clause_head(verb)
    for child in head.children:
        if child.dep_ == "advcl" and any(g.lower_ in CONDITION_MARKS for g in child.children
                                         if g.dep_ in {"mark", "advmod"}):
            return _span(sorted(child.subtree, key=lambda t: t.i), "condition")
    doc = verb.doc
    sentence = verb.sent
    if sentence.start == 0:
        return None
    previous = doc[sentence.start - 1].sent
    words = [t for t in previous if not t.is_punct and not t.is_space]
    if previous.text.rstrip().endswith("?") and 0 < len(words) <= _QUESTION_WORDS:
        return _span(previous, "condition")
    return None


def _misparsed_openers(doc: Doc, verbs: frozenset[str]) -> set[int]:
    """Sentence-opening call-to-action verbs the parser took for nouns ("Book a visit today").

    The opener is the first word of a sentence, of a line, or after a vocative or label ("Team, post ...",
    "Employees: post ..."); it counts when it has no subject of its own and is not a noun's modifier."""
    found: set[int] = set()
    for sentence in doc.sents:
        words = [t for t in sentence if not t.is_space]
        starts = [0] + [i + 1 for i, t in enumerate(words[:-1]) if t.text in {":", ","} and i <= 4]
        for index in starts:
            if index >= len(words):
                continue
            token = words[index]
            if token.tag_ == "VB" or token.lower_ not in verbs:
                continue
            if _has_subject(token) or token.dep_ in {"compound", "amod", "poss"}:
                continue
            found.add(token.i)
    return found


def directives_of(doc: Doc, verbs: frozenset[str] = frozenset()) -> tuple[Directive, ...]:
    """Every directive in the post, in text order."""
    if not has_parse(doc):
        return ()
    found: list[Directive] = []
    openers = _misparsed_openers(doc, verbs)
    heading: TextSpan | None = None  # "Staff, friends and family: ..." addresses what follows it
    for token in doc:
        if token.is_sent_start:
            label = _leading_label(token.sent)
            if label is not None:
                heading = label
            elif "\n\n" in doc_text(doc)[max(0, token.idx - 3):token.idx]:
                heading = None
        subject = None
        if not (_is_imperative(token) or token.i in openers):
            subject = _urged_with_modal(token)
            if subject is None:
                continue
        negative = any(c.dep_ == "neg" or c.lower_ in {"never", "don't", "dont"} for c in token.children)
        verb = TextSpan(token.idx, token.idx + len(token.text), token.lemma_.lower(), token.text, "directive")
        if subject is not None:
            addressee = None if subject.lower_ == "you" else _span(list(subject.subtree), "addressee")
        else:
            addressee = _addressee(token) or heading
        found.append(Directive(verb, negative, addressee, _condition(token)))
    return tuple(found)


def directives(analysis) -> tuple[Directive, ...]:
    """The post's directives, computed once per post."""
    verbs = frozenset(s.text.lower() for s in analysis.cues("directive_verbs"))
    return analysis.remember("language:directives", lambda: directives_of(analysis.doc, verbs))
