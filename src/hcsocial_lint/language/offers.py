"""Offers: something of value promised in return for an act ("X for Y").

An *offer* ties a reward (cash, goods, a discount, a chance to win) to an *act* the reader must do:
"a $20 credit for every review", "check in and review us to get a free smoothie", "patients who switch
to us receive a gift card", "leave us five stars and you'll be entered in our draw". The tie is read
from the parse, and named in ``Offer.link`` so a finding can explain itself:

* ``if/when``: the act is a conditional or temporal clause ("when you book ...");
* ``who``: the act is a relative clause on the recipient ("patients who switch ...");
* ``and``: coordinated clauses ("review us and get ...");
* ``to``: a purpose clause ("review us to get ...");
* ``for``/``per``/``with``/``after``: a phrase of exchange on the path between the two words;
* ``clause``: both in one clause with no exchange word ("Medicaid members get free rides to every visit");
* ``next sentence``: the act, then a sentence that opens by giving ("Book by Friday. You'll get ...");
* ``question, then act``: a question offering the reward, then the act ("Want a free peel? Review us!").

Without a parse (no-model mode) act and reward must share a sentence, tied by the word between them. Rules pick which acts count by
lexicon (``act_review``, ``act_choose_care``, ``act_refer``, ``act_promote``) and which reward kinds.
A reward that is negated or asked about ("we never pay for reviews") is no offer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .clauses import clause_head, has_parse, sentence_of, token_at
from .spans import TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Token

# Reward kinds and the lexicon of each; MONEY amounts add "money" (or "discount" when followed by "off").
REWARD_LEXICONS = {
    "cash": "offer_reward_cash",
    "goods": "offer_reward_goods",
    "token": "offer_reward_token",
    "discount": "offer_reward_discount",
    "chance": "offer_reward_chance",
}
EXCHANGE_WORDS = ("for", "per", "with", "after", "upon", "each", "every")
# Ties that make the reward a payment for the act. "sentence" (two clauses that merely share a sentence)
# and "with" ("share this to reach families with free shots") are weaker; rules choose whether they count.
PAYMENT_LINKS = frozenset({"if/when", "who", "and", "to", "for", "per", "each", "every", "after", "upon",
                           "in exchange for", "in return for", "next sentence", "question, then act"})
CONDITION_MARKS = frozenset({"if", "when", "once", "after", "whenever", "as", "before"})
GIVING_LEMMAS = frozenset({"get", "receive", "earn", "win", "enjoy", "take", "score", "grab", "collect"})
# Verbs whose object is given to the reader ("we'll give you", "we cover your rides", "comes with").
GIVER_LEMMAS = GIVING_LEMMAS | {"give", "offer", "provide", "cover", "send", "gift", "hand", "treat", "pay", "reward",
                                "award", "enter", "come", "go", "add", "include", "throw", "deliver", "bring", "pick",
                                "mail", "ship"}
FREE_WORDS = frozenset({"free", "complimentary", "bonus", "extra"})
THANKS_OPENERS = ("as a thank", "as our thank", "in return", "to say thank", "as a reward", "our thank")


@dataclass(frozen=True)
class Offer:
    reward: TextSpan  # label: the reward kind ("cash", "goods", "token", "discount", "chance", "money")
    act: TextSpan  # label: the act lexicon it came from
    link: str  # how the parse ties them (see the module docstring)
    recipient: str = ""  # the noun a "who" clause hangs on ("Medicare patients"), when there is one
    given: bool = True  # the reward is given to the reader (object of a giving verb, "free", "on us"), not a price

    def explain(self) -> str:
        return f"'{self.reward.text}' ({self.reward.label}) offered for '{self.act.text}' (tied by: {self.link})"


def rewards(analysis) -> tuple[TextSpan, ...]:
    """Every asserted reward in the post, labelled by kind, longest first where they overlap."""
    doc = analysis.doc
    found: list[TextSpan] = []
    for kind, lexicon in REWARD_LEXICONS.items():
        found.extend(TextSpan(s.start, s.end, kind, s.text, s.source) for s in analysis.cues(lexicon))
    for amount in analysis.quantities:
        if amount.label not in {"MONEY", "PERCENT"}:
            continue
        after = analysis.text[amount.end:amount.end + 5].lower()
        if after.lstrip().startswith("off"):
            found.append(TextSpan(amount.start, amount.end + after.index("off") + 3, "discount",
                                  analysis.text[amount.start:amount.end + after.index("off") + 3], "quantities"))
        elif amount.label == "MONEY" and any(c.isdigit() for c in amount.text):
            found.append(TextSpan(amount.start, amount.end, "money", amount.text, "quantities"))
    kept: list[TextSpan] = []
    for span in sorted(found, key=lambda s: (-(s.end - s.start), s.start)):
        if any(span.overlaps(k) for k in kept):
            continue
        assertion = analysis.assertion(span)
        if assertion.negated or assertion.question:
            continue
        if span.text.lower() == "free" and analysis.text[max(0, span.start - 5):span.start].lower().strip() == "feel":
            continue  # "feel free to ..." gives nothing
        kept.append(span)
    return tuple(sorted(kept))


def _path_words(first: Token, second: Token) -> list[Token]:
    """The tokens on the dependency path from ``first`` to ``second`` (both ends excluded)."""
    up = [first, *first.ancestors]
    common = next((t for t in [second, *second.ancestors] if t in up), None)
    if common is None:
        return []
    left = up[1:up.index(common) + 1]
    right = [second, *second.ancestors]
    right = right[1:right.index(common)]
    return [t for t in left + right if t not in (first, second)]


def _exchange_word(reward: Token, act: Token) -> str | None:
    path = _path_words(reward, act)
    lo, hi = sorted((reward.i, act.i))
    between = [t for t in reward.doc[lo:hi + 1]]
    for word in EXCHANGE_WORDS:
        if any(t.lower_ == word for t in path) or any(t.lower_ == word and t.i in (act.i - 1, act.i - 2)
                                                      for t in between):
            return word
    text = reward.doc[lo:hi + 1].text.lower()
    for phrase in ("in exchange for", "in return for"):
        if phrase in text:
            return phrase
    return None


def _we_do_it(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"we", "i"} for c in verb.children)


def _clause_link(reward: Token, act: Token) -> str:
    act_head, reward_head = clause_head(act), clause_head(reward)
    if act_head == reward_head:
        verbs = [t for t in (reward, act, *_path_words(reward, act)) if t.pos_ in {"VERB", "AUX"}]
        if any(t.dep_ == "conj" for t in verbs):
            return "and"  # "Book with us and get ...": coordinated verbs sharing one subject
        return _exchange_word(reward, act) or "clause"
    for head, other, other_word in ((act_head, reward_head, reward), (reward_head, act_head, act)):
        marks = {c.lower_ for c in head.children if c.dep_ in {"mark", "advmod"}}
        if head.dep_ == "advcl" and marks & CONDITION_MARKS:
            return "if/when"
        if head.dep_ == "relcl" and head.head.i != other_word.i and not _we_do_it(head):
            return "who"  # not "every promo we posted": a clause on the reward itself, done by us
        if head.dep_ == "advcl" and any(c.lower_ == "to" for c in head.children):
            return "to"
        if head.dep_ == "conj" and head.head.i in (other.i, *[a.i for a in other.ancestors]):
            return "and"
    if act.i < reward.i and any(t.lower_ in {"and", "&"} for t in act.doc[act.i + 1:reward.i]):
        # "Give us five stars and your next shot is on us": the coordinator is enough where the parser
        # misattaches the two clauses
        return "and"
    return _exchange_word(reward, act) or "sentence"


def _word_link(reward: Token, act: Token) -> str:
    """Without a parse: the tie is the linking word between the two ("review us and get ...")."""
    lo, hi = sorted((reward.i, act.i))
    words = {t.lower_ for t in reward.doc[lo + 1:hi]}
    if act.i < reward.i and words & {"and", "&"}:
        return "and"
    for word in (*EXCHANGE_WORDS, *sorted(CONDITION_MARKS)):
        if word in words:
            return "if/when" if word in CONDITION_MARKS else word
    return "sentence"


def _is_given(reward: Token) -> bool:
    """The reward is handed over: a giving verb governs it, or it is "free"/"complimentary", or "on us".
    "6 sessions for $399" and "the price for an exam is $120" name prices, not rewards."""
    doc = reward.doc
    modifiers = [*reward.children, *doc[max(reward.sent.start, reward.i - 6):reward.i]]
    if reward.lower_ in FREE_WORDS or any(t.lower_ in FREE_WORDS for t in modifiers):
        return True
    if reward.lower_ in {"on", "us"} or doc[reward.i:reward.i + 2].text.lower() in {"on us", "on the"}:
        return True
    for ancestor in [reward, *list(reward.ancestors)[:4]]:
        if ancestor.pos_ in {"VERB", "AUX"} and ancestor.lemma_.lower() in GIVER_LEMMAS:
            return True
        if ancestor.pos_ in {"VERB", "AUX"} and ancestor.lemma_.lower() == "be":
            return any(t.lower_ in {"on", "yours"} for t in ancestor.children)
    sentence_text = reward.sent.text.lower()
    return "on us" in sentence_text or "on the house" in sentence_text


def _recipient(act: Token) -> str:
    head = clause_head(act)
    if head.dep_ == "relcl":
        noun = head.head
        return " ".join(t.text for t in noun.subtree if t.i <= noun.i)
    return ""


def _opens_by_giving(analysis, start: int) -> bool:
    sentence = sentence_of(analysis.doc, start)
    words = [t for t in sentence if t.is_alpha]
    if not words:
        return False
    lead = sentence.text.lower().lstrip("*-–— ")
    if lead.startswith(THANKS_OPENERS):
        return True
    first = words[0]
    if first.lower_ in GIVING_LEMMAS or first.lemma_.lower() in GIVING_LEMMAS:
        return True
    # "You'll get ...", "Every senior gets ...": the sentence's main verb gives
    return sentence.root.lemma_.lower() in GIVING_LEMMAS


def offers(analysis, act_lexicon: str, kinds: frozenset[str] | None = None) -> tuple[Offer, ...]:
    """Offers in the post whose act comes from ``act_lexicon`` (and whose reward is of ``kinds``)."""
    doc = analysis.doc
    acts = analysis.cues(act_lexicon)
    if not acts:
        return ()
    found: list[Offer] = []
    for reward in rewards(analysis):
        if kinds is not None and reward.label not in kinds:
            continue
        reward_token = token_at(doc, reward.start)
        if reward_token is None:
            continue
        reward_sentence = sentence_of(doc, reward.start)
        for act in acts:
            if act.overlaps(reward):
                continue
            act_token = token_at(doc, act.start)
            if act_token is None:
                continue
            act_sentence = sentence_of(doc, act.start)
            if act_sentence == reward_sentence:
                link = _clause_link(reward_token, act_token) if has_parse(doc) else _word_link(reward_token, act_token)
            elif act_sentence.end == reward_sentence.start and _opens_by_giving(analysis, reward.start):
                link = "next sentence"
            elif reward_sentence.end == act_sentence.start and reward_sentence.text.rstrip().endswith("?"):
                link = "question, then act"  # "Want a free cleaning? Just write us a review!"
            else:
                continue
            act_span = TextSpan(act.start, act.end, act_lexicon, act.text, act.source)
            parsed = has_parse(doc)
            found.append(Offer(reward, act_span, link, _recipient(act_token) if parsed else "",
                               reward.label == "chance" or not parsed or _is_given(reward_token)))
            break
    return tuple(found)
