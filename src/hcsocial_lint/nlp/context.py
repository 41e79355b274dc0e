"""Assertion context for a match: is it negated, hedged, asked, or quoted to be refuted?

The idea follows NegEx/ConText (as in medspaCy): a cue word has a *scope*, and a match
inside that scope is not asserted as written. With a spaCy model the scope comes from the
dependency parse: ``no`` scopes over its noun phrase (and over the whole clause when that
noun is the subject, "No supplement cures COVID"), ``not``/``never`` over their verb's
clause, ``may``/``might`` over the verb they qualify; coordinated clauses with their own
subject are outside the scope ("garlic does not prevent flu, but our drip cures it").
Without a model (no parser, no lemmas) the same cues count inside a short window of the
same clause, which is cruder but never silent.

Cue words inside the match itself never count: in "no side effects" the ``no`` is the
claim, not a negation of it.

Every test takes ``(doc, sentence, start, end)``: the post's one Doc, the sentence that
holds the match, and the match's character offsets in ``doc.text``. Tests run once per
match, so what depends only on the sentence (cue scopes, its text) is computed once per
sentence and cached on the Doc, and tokens are found by bisection (:mod:`.doc_index`): the
cost of a match does not grow with the length of the post.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import regex

from .doc_index import doc_text, line_span, memo, tokens_ending_by, tokens_overlapping, tokens_starting_before

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NEGATION_CUES = frozenset(
    {"no", "not", "n't", "never", "without", "nothing", "none", "neither", "nor", "cannot", "can't", "isn't",
     "aren't", "doesn't", "don't", "won't", "didn't", "wasn't", "nobody", "false", "untrue", "unproven"}
)
# Cues whose scope the parse can place; the last four only count through the parse.
_DETERMINER_NEGATIONS = frozenset({"no", "zero", "neither"})
_PRONOUN_NEGATIONS = frozenset({"nothing", "none", "nobody", "noone", "neither"})
_VERB_NEGATIONS = frozenset({"not", "n't", "never", "cannot", "nor"})

HEDGE_CUES = frozenset(
    {"may", "might", "could", "possibly", "potentially", "some", "many", "most", "often", "typically", "usually",
     "generally", "likely", "sometimes", "perhaps", "help", "helps", "vary", "varies", "individual"}
)
_HEDGE_MODALS = frozenset({"may", "might", "could"})
_HEDGE_ADVERBS = frozenset({"possibly", "potentially", "often", "typically", "usually", "generally", "likely",
                            "sometimes", "perhaps", "occasionally"})
_HEDGE_QUANTIFIERS = frozenset({"some", "many", "most", "several"})
HEDGE_PHRASES = ("results vary", "results may vary", "results will vary", "individual results", "results are not typical",
                 "results not typical", "not typical")
CONSULT_PHRASE = regex.compile(
    r"\b(?:talk|speak|check|ask|consult)(?:\s+(?:to|with))?\s+(?:your|a|our)\s+(?:own\s+)?"
    r"(?:doctor|clinician|provider|physician|pharmacist|dermatologist|prescriber|care team|healthcare provider|nurse)",
    regex.IGNORECASE,
)

MYTH_CUES = ("myth", "fact:", "truth:", "reality:", "false claim", "misinformation", "disinformation", "rumor", "rumour", "hoax", "debunk", "fake news",
             "fact check", "fact-check", "scam", "beware", "be wary", "watch out for", "red flag", "too good to be true",
             "don't believe", "do not believe", "don't fall for", "claims that", "claim that", "claiming", "no evidence",
             "no good evidence", "no scientific evidence", "not true", "isn't true", "unproven", "not proven",
             "has not been proven", "have not been proven", "misleading")
# "Fun fact:" introduces a claim the post makes; it is not the "fact:" that answers a myth.
_FUN_FACT = regex.compile(r"\b(?:fun|cool|quick|interesting|random) facts?\s*:", regex.IGNORECASE)
# A line or sentence that *starts* with one of these labels what follows as the claim being refuted.
_MYTH_LABEL = regex.compile(
    r"^\W*(?:myth|myths|false|rumou?r|claim|misconception|fiction|wrong|not true)\b\s*(?:#\s*\d+\s*)?[:\-–—]",
    regex.IGNORECASE,
)
# ...and a following sentence that starts with one of these answers it.
_REFUTATION_START = regex.compile(
    r"^\W*(?:fact(?:s)?\s*[:\-\u2013\u2014]|the facts?\b|truth|true|reality|false|nope|wrong|not true|that'?s (?:a myth|false|not true)|"
    r"this is (?:a myth|false|not true)|they don'?t|it doesn'?t|it does not|they do not|no\s*[.,!]|nope\b)",
    regex.IGNORECASE,
)
# Verbs that report someone else's claim; a match in their complement is attributed, not asserted.
_DISTANCING_VERBS = frozenset({"claim", "allege", "tout", "rumor", "rumour", "purport", "peddle"})
_REPORTING_VERBS = frozenset({"say", "hear", "read", "believe", "think", "suggest", "promise", "advertise",
                              "market", "sell", "tell", "post", "share", "insist", "swear"})
_FIRST_PERSON = frozenset({"i", "we", "us", "me", "our", "my"})
# A question that is really an offer ("Want to lose 20 lbs?") still makes the claim.
_RHETORICAL_OFFER = regex.compile(
    r"^\W*(?:want|wanna|ready|looking|need|wish|craving|who wants|did you know|why (?:wait|suffer|settle|risk)|"
    r"ever wish|isn't it time|"
    # "Why vaccinate when our drops protect better?": a why-question with its answer in a "when" clause argues
    r"why\b[^?\n]{1,60}\bwhen\b)",
    regex.IGNORECASE,
)
_MAX_ANCESTORS = 24  # heads climbed from a match looking for a reporting verb (real parses are shallower)
WINDOW = 6  # tokens before a match in which a cue word counts when there is no parse
_CLAUSE_BREAK_TEXT = frozenset({",", ";", ":", "—", "–", "-", "but", "however", "yet", "so", "because", "(", ")"})
_QUOTE_CHARS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "`"})


# ---------------------------------------------------------------------------------------------
# Shared helpers


def _span_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    return tokens_overlapping(doc, start, end)


def _sentence_memo(sentence: Span, what: str, compute: Callable[[], object]):
    return memo(sentence.doc, (what, sentence.start, sentence.end), compute)


def _lowered(sentence: Span) -> str:
    return _sentence_memo(sentence, "lower", lambda: sentence.text.lower())


def _has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.lower_).lower()


def _tokens_before(sentence: Span, start_char: int) -> list[Token]:
    stop = min(max(tokens_starting_before(sentence.doc, start_char), sentence.start), sentence.end)
    return list(sentence.doc[max(sentence.start, stop - WINDOW):stop])


def _same_clause_before(sentence: Span, start_char: int, limit: int = WINDOW) -> list[Token]:
    """Tokens before the match, back to the nearest clause break, at most ``limit`` of them."""
    found: list[Token] = []
    doc = sentence.doc
    stop = min(max(tokens_ending_by(doc, start_char), sentence.start), sentence.end)
    for token in (doc[i] for i in range(stop - 1, sentence.start - 1, -1)):
        if token.lower_ in _CLAUSE_BREAK_TEXT or token.text in {".", "!", "?", "\n"} or "\n" in token.text:
            break
        found.append(token)
        if len(found) >= limit:
            break
    return list(reversed(found))


def _has_own_subject(token: Token) -> bool:
    return any(child.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for child in token.children)


def _independent_conjunct(token: Token) -> bool:
    """A conjunct that starts a clause of its own ("..., but our drip cures colds")."""
    if token.dep_ == "parataxis":
        return True
    if token.dep_ != "conj":
        return False
    if _has_own_subject(token):
        return True
    left = [t for t in token.doc[token.head.i + 1:token.i] if t.dep_ == "cc"]
    return bool(left) and left[-1].lower_ in {"but", "yet"}


def _clause_scope(head: Token) -> set[int]:
    """The head's subtree without conjuncts that are clauses of their own."""
    scope = {head.i}
    stack = [child for child in head.children if not _independent_conjunct(child)]
    while stack:
        token = stack.pop()
        scope.add(token.i)
        stack.extend(token.children)
    return scope


def _phrase_scope(head: Token) -> set[int]:
    """A noun phrase without its coordinated siblings ("no downtime and guaranteed results")."""
    scope = {head.i}
    stack = [child for child in head.children if child.dep_ not in {"conj", "cc", "appos", "parataxis"}]
    while stack:
        token = stack.pop()
        scope.add(token.i)
        stack.extend(token.children)
    return scope


def _governing_verb(token: Token) -> Token:
    """The verb (or clause head) whose clause the token belongs to."""
    current = token
    for _ in range(12):
        if current.pos_ in {"VERB", "AUX"} or current.dep_ in {"ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj"}:
            return current
        if current.head is current:
            return current
        current = current.head
    return current


def _noun_of(token: Token) -> Token:
    """Climb from a determiner-like cue to the noun it belongs to."""
    current = token.head
    for _ in range(4):
        if current.dep_ in {"det", "amod", "nummod", "advmod", "predet", "quantmod", "compound", "neg"} and current.head is not current:
            current = current.head
        else:
            break
    return current


def _is_subject(token: Token) -> bool:
    return token.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"}


def _there_is_complement(token: Token) -> bool:
    return token.dep_ in {"attr", "dobj"} and any(child.dep_ == "expl" for child in token.head.children)


# ---------------------------------------------------------------------------------------------
# Negation


_ADDITIVE = frozenset({"just", "only", "simply", "merely"})
_NEGATIVE_AFFECT = frozenset({"fear", "worry", "suffer", "struggle", "dread", "deal", "battle"})
# Verbs whose negation asserts their complement (litotes): "I can't stop thinking about my patient",
# "we'll never forget Ann, who ...", "can't help smiling at", "couldn't wait to see"
_ASSERTED_WHEN_NEGATED = frozenset({"stop", "quit", "cease", "help", "wait", "forget", "resist"})


def _not_a_negation(cue: Token) -> bool:
    """"not just for double chins" adds, it does not negate; "what they won't tell you" is a
    free relative clause whose negation does not reach the rest of the sentence."""
    following = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
    if following is not None and following.lower_ in _ADDITIVE:
        return True
    head = cue.head
    if any(child.lower_ == "what" and child.dep_ in {"dobj", "dative", "nsubj", "attr"} for child in head.children):
        return True
    # "you'll never have to fear COVID again", "no more suffering from migraines": a promise
    affected = [head, *[c for c in head.children if c.dep_ in {"xcomp", "dobj", "acomp"}]]
    if any(_lemma(t) in _NEGATIVE_AFFECT for t in affected):
        return True
    if _lemma(head) == "believe" and any(c.dep_ == "ccomp" for c in head.children) and any(
            c.dep_ == "aux" and c.lower_ in {"ca", "can", "could"} for c in head.children):
        return True  # "can't believe I just filled ...", "couldn't believe this tea cured ...": surprise asserts it
    return _lemma(head) in _ASSERTED_WHEN_NEGATED and any(
        child.dep_ in {"xcomp", "ccomp"} or (child.dep_ == "dobj" and _lemma(head) == "forget") for child in head.children)


def _negation_scopes(sentence: Span) -> list[tuple[Token, set[int]]]:
    """Each negation cue of the sentence with its scope, trimmed at the clause break before it."""
    def compute() -> list[tuple[Token, set[int]]]:
        breaks = [t.i for t in sentence if t.text in _CLAUSE_BREAK_TEXT or _symbol(t)]
        return [(cue, _not_behind_break(breaks, cue, scope)) for cue, scope in _raw_negation_scopes(sentence)]
    return _sentence_memo(sentence, "negation", compute)


def _raw_negation_scopes(sentence: Span) -> Iterable[tuple[Token, set[int]]]:
    for cue in sentence:
        word = cue.lower_
        if word in NEGATION_CUES and _not_a_negation(cue):
            continue
        if word in _VERB_NEGATIONS or cue.dep_ == "neg":
            verb = cue.head if cue.head is not cue else cue
            if verb.pos_ not in {"VERB", "AUX"} and verb.dep_ not in {"ROOT"}:
                noun = _noun_of(cue)
                if _is_subject(noun) or _there_is_complement(noun):
                    yield cue, _clause_scope(noun.head)
                    continue
                yield cue, _phrase_scope(noun)
                continue
            # "Big Pharma won't sell you a cure": the predicate is negated, not the subject
            subjects = set()
            for child in verb.children:
                if child.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"}:
                    subjects |= {t.i for t in child.subtree}
            yield cue, _clause_scope(verb) - subjects
        elif word in _DETERMINER_NEGATIONS and cue.dep_ in {"det", "nummod", "neg", "advmod", "amod", "preconj"}:
            noun = _noun_of(cue)
            if _is_subject(noun) or _there_is_complement(noun):
                yield cue, _clause_scope(noun.head) | _phrase_scope(noun)
            else:
                yield cue, _phrase_scope(noun)
        elif word in _PRONOUN_NEGATIONS:
            if _is_subject(cue) or _there_is_complement(cue):
                yield cue, _clause_scope(cue.head)
            else:
                yield cue, _phrase_scope(cue)
        elif word == "without" and cue.dep_ == "prep":
            yield cue, _phrase_scope(cue)


def _not_behind_break(breaks: list[int], cue: Token, scope: set[int]) -> set[int]:
    """A negation does not reach back over a clause break before it: in "Ozempic for weight
    loss, no diabetes required" the "no" negates only what follows the comma. ``breaks``
    are the token indices of the sentence's clause breaks, in order."""
    before = bisect_left(breaks, cue.i)
    if before == 0:
        return scope
    return {i for i in scope if i > breaks[before - 1]}


def _symbol(token: Token) -> bool:
    """An emoji or other symbol: in social posts these separate phrases like punctuation."""
    text = token.text
    return not any(c.isalnum() for c in text) and text not in _QUOTE_CHARS and text not in {"%", "$", "+", "&", "'s"}


def _window_negated(sentence: Span, start: int, limit: int) -> bool:
    for token in _same_clause_before(sentence, start, limit):
        if token.lower_ in NEGATION_CUES:
            return True
    return False


def is_negated(doc: Doc, sentence: Span, start: int, end: int) -> bool:
    """The match is inside the scope of a negation cue that is not part of the match itself.

    With a parse: the cue's dependency scope (see the module docstring) holds a token of
    the match; a cue right before the match ("not a cure", "no miracle") also counts, as
    a guard against parse errors. Without a parse: a cue in the same clause, at most
    ``WINDOW`` tokens before the match.
    """
    tokens = _span_tokens(doc, start, end)
    if not tokens:
        return False
    inside = {t.i for t in tokens}
    if not _has_parse(doc):
        return _window_negated(sentence, start, WINDOW)
    for cue, scope in _negation_scopes(sentence):
        if cue.i in inside:
            continue
        if scope & inside:
            return True
    adjacent = [t for t in _same_clause_before(sentence, start, 3) if t.text not in _QUOTE_CHARS]
    return any(t.lower_ in NEGATION_CUES and not _not_a_negation(t) for t in adjacent[-2:])


# ---------------------------------------------------------------------------------------------
# Hedges


def _hedge_scopes(sentence: Span) -> list[set[int]]:
    return _sentence_memo(sentence, "hedge", lambda: list(_raw_hedge_scopes(sentence)))


def _raw_hedge_scopes(sentence: Span) -> Iterable[set[int]]:
    for cue in sentence:
        word = cue.lower_
        if word in _HEDGE_MODALS and cue.dep_ in {"aux", "auxpass"}:
            if not any(child.dep_ == "neg" for child in cue.head.children):  # "couldn't" is not a hedge
                yield _clause_scope(cue.head)
        elif word in {"can", "ca"} and cue.dep_ == "aux" and _lemma(cue.head) == "help":
            yield _clause_scope(cue.head)
        elif _lemma(cue) == "help" and cue.pos_ == "VERB":
            yield _clause_scope(cue) - {t.i for t in cue.lefts}
        elif word in _HEDGE_ADVERBS and cue.dep_ in {"advmod", "amod"}:
            yield _clause_scope(_governing_verb(cue))
        elif word in _HEDGE_QUANTIFIERS and cue.dep_ in {"det", "amod", "nsubj", "nummod"}:
            noun = cue if cue.dep_ == "nsubj" else _noun_of(cue)
            if _is_subject(noun):
                yield _clause_scope(noun.head)
            elif noun.dep_ == "pobj" and noun.head.lower_ in {"for", "in"}:
                # "works for some people", "in many patients": qualifies the clause it modifies
                yield _clause_scope(_governing_verb(noun.head))


def is_hedged(doc: Doc, sentence: Span, start: int, end: int) -> bool:
    """The match is qualified: a modal or hedge adverb governs it ("may help reduce"), its
    subject is quantified ("some patients"), the sentence says results vary, or the claim
    is what the reader is told to ask a clinician about ("ask your doctor whether ...")."""
    if _sentence_memo(sentence, "hedge_phrase", lambda: any(phrase in _lowered(sentence) for phrase in HEDGE_PHRASES)):
        return True
    tokens = _span_tokens(doc, start, end)
    if not tokens:
        return False
    inside = {t.i for t in tokens}
    if not _has_parse(doc):
        if _sentence_memo(sentence, "consult", lambda: CONSULT_PHRASE.search(sentence.text) is not None):
            return True
        return any(t.lower_ in HEDGE_CUES and t.lower_ not in {"can", "help", "helps"}
                   for t in _same_clause_before(sentence, start))
    for scope in _hedge_scopes(sentence):
        if scope & inside:
            return True
    return any(inside & subtree for subtree in _consult_subtrees(sentence))


def _consult_subtrees(sentence: Span) -> list[set[int]]:
    """Token indices governed by each "ask your doctor"-type verb of the sentence."""
    def compute() -> list[set[int]]:
        doc, found = sentence.doc, []
        for match in CONSULT_PHRASE.finditer(sentence.text):
            verb = _span_tokens(doc, sentence.start_char + match.start(), sentence.start_char + match.start() + 1)
            if verb:
                found.append({t.i for t in verb[0].subtree})
        return found
    return _sentence_memo(sentence, "consult_subtrees", compute)


# ---------------------------------------------------------------------------------------------
# Questions


def is_question(doc: Doc, sentence: Span, start: int, end: int) -> bool:
    """The match is in a question that asks, rather than a rhetorical offer.

    "Can a supplement cure anxiety?" asks; "Want to lose 20 lbs in 2 weeks?" and "Did you
    know our drip cures hangovers?" still make the claim.
    """
    if _indirect_question(doc, sentence, start, end):
        return True
    if not _sentence_memo(sentence, "ends_with_question", lambda: _ends_with_question(sentence.text)):
        # a question mark may also end the clause that holds the match, mid-sentence
        stops = memo(doc, "clause_stops", lambda: [m.start() for m in _CLAUSE_STOP.finditer(doc_text(doc))])
        at = bisect_left(stops, end)
        if not (at < len(stops) and stops[at] < sentence.end_char and doc_text(doc)[stops[at]] == "?"):
            return False
    return _sentence_memo(sentence, "asks", lambda: not _RHETORICAL_OFFER.search(sentence.text.rstrip())
                          and not _answered_yes(doc, sentence))


_CLAUSE_STOP = regex.compile(r"[.!?\n]")
# "ask whether", "wonder if", "find out if": verbs whose "if" clause is a question, not a condition;
# "the question is if": nouns whose "if" clause says what is asked
_ASKING_VERBS = frozenset({"ask", "wonder", "know", "find", "check", "see", "learn", "decide", "question", "discuss",
                           "explain", "understand", "determine", "tell", "investigate", "study", "test", "doubt"})
_ASKING_NOUNS = frozenset({"question", "questions", "query", "queries", "concern", "concerns", "worry", "worries",
                           "doubt", "doubts", "debate", "issue", "unknown"})


def _indirect_question(doc: Doc, sentence: Span, start: int, end: int) -> bool:
    """The match is in an embedded question: a clause opened by "whether", or by "if" where the
    clause is what someone asks ("parents ask if it is safe", "the question is if it is safe"),
    not a condition ("if you have arthritis, it cures the pain")."""
    tokens = [t for t in sentence if t.idx < end and start < t.idx + len(t)]
    if not tokens:
        return False
    head = tokens[0]
    for _ in range(len(sentence)):
        mark = next((c for c in head.children if c.dep_ == "mark" and c.lower_ in {"whether", "if"}), None)
        if mark is not None:
            if mark.lower_ == "whether":
                return True
            governor = head.head
            if head.dep_ == "ccomp" and governor.lemma_.lower() in _ASKING_VERBS:
                return True
            if governor.lemma_ == "be" and any(c.dep_ == "nsubj" and any(t.lower_ in _ASKING_NOUNS for t in c.subtree)
                                               for c in governor.children):
                return True
            if governor.lemma_.lower() in _ASKING_VERBS and head.dep_ in {"advcl", "ccomp", "xcomp"} and mark.i > governor.i:
                return True
            return False
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _ends_with_question(text: str) -> bool:
    text = text.rstrip()
    closing = text.rstrip("\"'\u201d\u2019)]*! ").rstrip()
    return text.endswith("?") or closing.endswith("?")


_AFFIRMATIVE_ANSWER = regex.compile(
    r"^\W*(?:yes|yep|yup|yeah|absolutely|definitely|of course|you bet|totally|100\s?%)\b|\bsays?\s+yes\b",
    regex.IGNORECASE)


def _answered_yes(doc: Doc, sentence: Span) -> bool:
    """"Botox for jaw pain? Absolutely." / "Mounjaro for PCOS? Our clinic says yes.": a question the
    post answers itself with a yes is a claim put as a question."""
    following = _neighbour_sentence(doc, sentence, +1)
    if following is None:
        return False
    return _AFFIRMATIVE_ANSWER.search(following.text[:60]) is not None


# ---------------------------------------------------------------------------------------------
# Myth-busting and attribution


def _line_of(doc: Doc, offset: int) -> str:
    start, end = line_span(doc, offset)
    return doc_text(doc)[start:end]


def _neighbour_sentence(doc: Doc, sentence: Span, step: int) -> Span | None:
    index = sentence.start - 1 if step < 0 else sentence.end
    if 0 <= index < len(doc):
        return doc[index].sent
    return None


_REFUTATION_CUES = regex.compile(
    r"\b(?:but|however|actually|in fact|the truth|truth is|false|wrong|not true|no evidence|isn'?t true|myth|"
    r"don'?t|doesn'?t|didn'?t|does not|do not|(?:are|is) not|aren'?t|isn'?t|can'?t|cannot|never|unproven|not proven|"
    r"careful|beware|be wary|"
    r"red flag|scam|too good to be true|selling false)\b", regex.IGNORECASE)


def _refuted_near(sentence: Span) -> bool:
    """A reported claim is refuted in its own sentence or the next one."""
    def compute() -> bool:
        following = _neighbour_sentence(sentence.doc, sentence, +1)
        text = sentence.text + " " + (following.text if following is not None else "")
        return bool(_REFUTATION_CUES.search(text))
    return _sentence_memo(sentence, "refuted_near", compute)


def _attributed(doc: Doc, tokens: list[Token]) -> bool:
    """The match sits in the complement of a verb reporting someone else's claim."""
    for token in tokens:
        for ancestor in itertools.islice(token.ancestors, _MAX_ANCESTORS):
            lemma = _lemma(ancestor)
            if lemma in _DISTANCING_VERBS:
                return True
            if lemma in _REPORTING_VERBS:
                if any(child.dep_ == "neg" for child in ancestor.children):
                    continue  # "what they won't tell you about X" asserts X, it does not report it
                if not _refuted_near(ancestor.sent):
                    continue  # "8 out of 10 patients say our laser works" adopts the report
                subjects = [c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"}]
                if ancestor.dep_ in {"acl", "relcl"}:  # "clinics promising a cure", "ads that say ..."
                    subjects = subjects or [ancestor.head]
                if subjects and not any(s.lower_ in _FIRST_PERSON or any(c.lower_ in _FIRST_PERSON for c in s.children)
                                        for s in subjects):
                    return True
    return False


def is_myth_context(doc: Doc, sentence: Span, start: int, end: int) -> bool:
    """The claim is presented to be refuted: labelled a myth or rumour, flagged as a red
    flag or a scam, attributed to others ("some websites claim ..."), or answered by the
    next sentence ("... ? No." / "Fact: ...")."""
    if _sentence_memo(sentence, "myth", lambda: _myth_sentence(doc, sentence)):
        return True
    line_start = line_span(doc, start)[0]
    if memo(doc, ("myth_line", line_start), lambda: _MYTH_LABEL.search(_line_of(doc, start)) is not None):
        return True
    if _has_parse(doc):
        return _attributed(doc, _span_tokens(doc, start, end))
    return False


def _myth_sentence(doc: Doc, sentence: Span) -> bool:
    """What of :func:`is_myth_context` depends on the sentence alone."""
    lowered = _FUN_FACT.sub("", _lowered(sentence))  # "Fun fact: ..." asserts, it does not refute
    if any(cue in lowered for cue in MYTH_CUES):
        return True
    if _MYTH_LABEL.search(sentence.text):
        return True
    previous = _neighbour_sentence(doc, sentence, -1)
    if previous is not None:
        before = previous.text.lower().rstrip()
        if before.endswith(("myth:", "myth", "rumor:", "rumour:", "false:", "myth -", "myth vs fact", "myth vs. fact")):
            return True
    following = _neighbour_sentence(doc, sentence, +1)
    return following is not None and _REFUTATION_START.search(following.text) is not None


# ---------------------------------------------------------------------------------------------
# Quotation


_QUOTED_SPANS = regex.compile(
    r"\"[^\"\n]{1,300}\"|\u201c[^\u201d\n]{1,300}\u201d|\u2018[^\u2019\n]{1,300}\u2019(?!\w)"
    r"|(?<![\w])'(?=\S)[^'\n]{1,300}(?<=\S)'(?!\w)"
)


_QUOTE_REACH = 2000  # characters around a match searched for its quotation marks
# "... cured my eczema!" - Jenna, verified buyer: a testimonial the post adopts, not a quotation it refutes
_TESTIMONIAL_ATTRIBUTION = regex.compile(r"\s*[-\u2013\u2014~]+\s*(?:[A-Z][\w.'-]*|@\w+)")


def is_quoted(doc: Doc, sentence: Span, start: int, end: int) -> bool:
    """The match sits inside quotation marks (straight, curly, or single quotes used as quotes),
    unless the quotation is a testimonial the post adopts ("... cured my eczema!" - Jenna)."""
    text = doc_text(doc)
    line_start, line_end = line_span(doc, start)
    window_start = max(line_start, sentence.start_char - 300, start - _QUOTE_REACH)
    window_end = min(line_span(doc, end)[1], end + _QUOTE_REACH)
    for quoted in _QUOTED_SPANS.finditer(text, window_start, window_end):
        if quoted.start() < start and end <= quoted.end():
            return not _TESTIMONIAL_ATTRIBUTION.match(text, quoted.end())
    before = text[max(sentence.start_char, start - _QUOTE_REACH):start]
    # an opening curly quote whose closing mark is in a later sentence
    return before.count("\u201c") > before.count("\u201d") and "\u201d" in text[end:window_end]


CONTEXT_TESTS: dict[str, Callable[[Doc, Span, int, int], bool]] = {
    "negated": is_negated,
    "hedged": is_hedged,
    "question": is_question,
    "myth": is_myth_context,
    "quoted": is_quoted,
}


def skipped_context(doc: Doc, sentence: Span, start: int, end: int, contexts: Iterable[str]) -> str | None:
    """The first of ``contexts`` that holds for the match, or None."""
    for name in contexts:
        if CONTEXT_TESTS[name](doc, sentence, start, end):
            return name
    return None
