"""Claim frames: a promoter, an effect and a target, found on the dependency parse.

A health claim is not a word but a relation: something (the promoter: the organisation, its product
or service, any sold thing) is said to do something (the effect: prevent, treat, boost, "a remedy
for", "antiviral") to something (the target: a disease, pathogen, symptom, body function or measure).
spaCy's ``DependencyMatcher`` finds the effect and its argument: the direct object ("prevents
COVID-19"), a prepositional object ("protects against the flu"), the object's complement ("reduces
the risk of cancer"), a modifier of an effect noun ("flu protection", "cancer-fighting"), or a sold
thing "for" or "against" a condition ("elderberry syrup for colds"). The argument counts when its
noun phrase holds a target from the target lexicons (MeSH diseases, outbreak names, lay forms, body
functions); the effect's agent is then classified by ``commerce.classify_agent``.

Fragments count: a caption, a bio line or a heading without a subject ("Helps anxiety and
depression", "may prevent the onset of Alzheimer's disease") describes an unnamed thing, and its
agent is ``ELIDED``. An imperative or an infinitive ("wash your hands to prevent flu") is advice.

The body's own defences are an agent too. An outbreak frame whose effect is the purpose or the
result of boosting a defence ("strengthen your immunity to beat the flu", "our drills support lung
health and protect against RSV", "strengthening your immunity is the smartest defence against
the new virus"), or whose agent is the body promised the outcome ("your body will fight off the virus"), has
the agent ``DEFENCES``: the implied outbreak claim of the FTC's COVID-19 letters. A public-health
measure in the sentence ("vaccines help your immune system fight the virus") still makes it
education; a measure said not to exist ("with no vaccine on the shelves, ...") does not.

Frames are found once per post (``frames_of(analysis)``) and read by the claim rules, which decide
what a frame means in law (a seller's disease claim, public-health education, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..nlp.doc_index import doc_text
from .clauses import has_parse
from .lexicon import builtin_lexicon, joined_form
from .commerce import (DEFENCES, ELIDED, MEASURE, MEASURES, OTHER, SELLER, Agent, classify_agent, imperative_means,
                       lexicon_cues, sells)
from .spans import TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

EFFECT_VERBS = "claim_effects"
EFFECT_NOUNS = "claim_effect_nouns"
EFFECT_MODIFIERS = "claim_effect_modifiers"
SUITABILITY = "claim_suitability"
PRODUCTS = "promoter_products"
RECIPIENTS = "claim_recipients"
# Target lexicons and the class each gives a target; the first listed wins where two overlap.
TARGET_CLASSES = (
    ("claim_targets_outbreaks", "outbreak"),
    ("claim_targets_infections", "disease"),
    ("claim_targets_conditions", "disease"),
    ("claim_targets_lay", "disease"),
    ("claim_targets_body", "body"),
)
_ROLE = "hclint_frame_role"  # 0: nothing, 1: an effect word, 2: a sold thing, 3: an effect modifier (set per post)
EFFECT, PRODUCT, MODIFIER = 1, 2, 3
MODIFIED = "modified condition"
# The clause-opening dependencies that end a target's noun phrase ("the virus that we fight").
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
_MEANS = frozenset({"with", "using", "through", "via"})
# Dependencies through which an effect takes the subject of the word it completes: "X helps prevent",
# "X is effective for treating", "X has been used to fight".
_CLIMB = frozenset({"xcomp", "conj", "attr", "dobj", "acomp", "pobj", "prep", "pcomp", "oprd", "advcl"})


def _patterns():
    effect = {"RIGHT_ID": "effect", "RIGHT_ATTRS": {"_": {_ROLE: EFFECT}}}
    product = {"RIGHT_ID": "effect", "RIGHT_ATTRS": {"_": {_ROLE: PRODUCT}}}

    def arg(dep: str, left: str = "effect") -> dict:
        return {"LEFT_ID": left, "REL_OP": ">", "RIGHT_ID": "arg", "RIGHT_ATTRS": {"DEP": {"IN": dep.split("|")}}}

    prep = {"LEFT_ID": "effect", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"DEP": "prep"}}
    pobj = {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "arg", "RIGHT_ATTRS": {"DEP": "pobj"}}
    obj = {"LEFT_ID": "effect", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "dobj"}}
    obj_prep = {"LEFT_ID": "obj", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"DEP": "prep"}}
    for_against = {"LEFT_ID": "effect", "REL_OP": ">", "RIGHT_ID": "prep",
                   "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["for", "against"]}}}
    return {
        "object": [[effect, arg("dobj|nsubjpass|attr|oprd")]],
        "prepositional object": [[effect, prep, pobj]],
        "object complement": [[effect, obj, obj_prep, pobj]],
        "effect modifier": [[effect, arg("compound|amod|npadvmod|nmod|poss")]],
        "sold thing for a condition": [[product, for_against, pobj]],
        # "no more migraines", "reduced inflammation": the modifier is a dependent of the condition
        # a headline verb the tagger reads as a compound noun, "Oust anxiety.", is read the same way
        MODIFIED: [[{"RIGHT_ID": "effect", "RIGHT_ATTRS": {"DEP": {"IN": ["amod", "advmod", "compound"]}, "_": {_ROLE: {"IN": [EFFECT, MODIFIER]}}}},
                    {"LEFT_ID": "effect", "REL_OP": "<", "RIGHT_ID": "arg", "RIGHT_ATTRS": {"POS": {"IN": ["NOUN", "PROPN"]}}}]],
    }


class FrameMatcher:
    """The frame patterns, compiled once per linter (``LanguageLayer.frames``)."""

    def __init__(self, vocab) -> None:
        from spacy.matcher import DependencyMatcher
        from spacy.tokens import Token

        if not Token.has_extension(_ROLE):
            Token.set_extension(_ROLE, default=0)
        self.matcher = DependencyMatcher(vocab)
        for name, patterns in _patterns().items():
            self.matcher.add(name, patterns)

    def __call__(self, doc: Doc):
        return self.matcher(doc)


@dataclass(frozen=True)
class Frame:
    """One claim frame: who or what (promoter), does what (effect), to what (target)."""

    effect: TextSpan
    target: TextSpan
    target_class: str  # "outbreak", "disease" or "body"
    agent: Agent
    how: str  # which pattern found it
    sells: bool  # the post has a commercial context
    # the words that make the claim when the target is named elsewhere in the post ("lessen the
    # severity" in a post about COVID-19); None when effect and target are in one phrase
    words: TextSpan | None = None

    @property
    def claim_span(self) -> TextSpan:
        """Where the claim is made: from the effect or target, whichever comes first, to the end."""
        if self.words is not None:
            return self.words
        return TextSpan(min(self.effect.start, self.target.start), max(self.effect.end, self.target.end), "frame")

    @property
    def promoter(self) -> str:
        if self.agent.span is not None:
            return self.agent.span.text
        return "(unnamed: a fragment)" if self.agent.kind == ELIDED else "(none)"

    @property
    def start(self) -> int:
        if self.words is not None:
            return min(self.words.start, self.agent.span.start if self.agent.span else self.words.start)
        return min(self.effect.start, self.target.start, self.agent.span.start if self.agent.span else self.effect.start)

    @property
    def end(self) -> int:
        if self.words is not None:
            return self.words.end
        return max(self.effect.end, self.target.end)

    def describe(self) -> str:
        return f"promoter '{self.promoter}', effect '{self.effect.text}', target '{self.target.text}'"


def _mark(doc: Doc, spans, role: int) -> None:
    for span in spans:
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is not None:
            tokens.root._.set(_ROLE, role)


_PARTICLE_EFFECTS = frozenset({"knock", "keep", "kick", "drive", "chase", "flush", "send"})


def _keeps_away(verb: Token) -> bool:
    """The verb takes "out", "away" or "at bay": "knock it out", "keep the flu away"."""
    for child in verb.children:
        if child.dep_ in {"prt", "advmod", "prep"} and child.lower_ in {"out", "away"}:
            return True
        if child.dep_ == "prep" and child.lower_ == "at" and any(c.lower_ == "bay" for c in child.children):
            return True
    return False


def _nominal(doc: Doc, span: TextSpan) -> bool:
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    return tokens is not None and tokens.root.pos_ in {"NOUN", "PROPN", "ADJ"}


def _np_tokens(arg: Token) -> list[Token]:
    """The argument's noun phrase: its subtree, less nested clauses, plus coordinated objects."""
    kept, stack = [], [arg]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _CLAUSES)
    return kept


# Nouns that name a quality of the thing after "of": "the benefits of turmeric", "the healing power of
# oregano oil". The thing is the agent.
_QUALITIES = frozenset({"benefit", "advantage", "power", "property"})


def _resolve(agent: Token) -> tuple[Token, bool]:
    """The thing an agent stands for, and whether a quality noun named it: "the benefits *of
    spirulina*"; "CBD is a treatment option that slows ...": the predicate noun stands for the
    copula's subject."""
    quality = False
    for _ in range(2):
        if agent.lemma_.lower() in _QUALITIES:
            of = next((c for c in agent.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            thing = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if thing is not None:
                agent, quality = thing, True
                continue
        if agent.dep_ == "attr" and agent.head.lemma_ == "be":
            subject = next((c for c in agent.head.children if c.dep_ in _SUBJECTS), None)
            if subject is not None and subject.tag_ not in {"EX", "WDT", "WP"}:
                agent = subject
                continue
        break
    return agent, quality


def _agent_token(effect: Token, itself: bool = True) -> tuple[Token | None, bool]:
    """The effect's agent (see ``_find_agent``), resolved (see ``_resolve``)."""
    agent = _find_agent(effect, itself)
    return _resolve(agent) if agent is not None else (None, False)


def _find_agent(effect: Token, itself: bool = True) -> Token | None:
    """The effect's subject: its own, or that of the verbs it completes ("X helps prevent",
    "X can be used to treat"); for an effect noun, the subject of the verb it is the object of
    ("X is a natural remedy for", "X offers protection against") or the noun it modifies."""
    token = effect
    for _ in range(6):
        subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            if subject.tag_ in {"WDT", "WP"} and token.dep_ == "relcl":
                return token.head  # "a spray that kills viruses": the relative pronoun stands for the spray
            return subject
        if token.pos_ in {"NOUN", "PROPN", "ADJ"} and token.dep_ in {"compound", "amod"}:
            return token.head
        if token.dep_ in {"acl", "relcl"} and token.head.pos_ in {"NOUN", "PROPN"}:
            return token.head  # "frequencies to resist the virus", "products to help blood pressure"
        if token.dep_ in _CLIMB and token.head.i != token.i:
            token = token.head
            continue
        break
    if itself and effect.pos_ in {"NOUN", "PROPN"}:
        return effect  # "Stem cell therapy for autism": the effect noun names the thing itself
    return None


def _means(effect: Token) -> Token | None:
    """The thing an effect is done with: "fight the flu *with our elderberry syrup*"; the parser may
    hang the means on the object ("boost your immunity *with our drops*")."""
    objects = [c for c in effect.children if c.dep_ == "dobj"]
    for prep in [*effect.children, *(c for o in objects for c in o.children)]:
        if prep.dep_ == "prep" and prep.lower_ in _MEANS:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _opens_sentence(token: Token) -> bool:
    """``token`` is the first word of its sentence (blank text before it, such as blanked front
    matter, is not a word)."""
    return token.i == next((t.i for t in token.sent if not t.is_space), token.i)


def _imperative(effect: Token) -> bool:
    """An order opening its sentence, without a subject: "Banish migraines."."""
    return (effect.tag_ == "VB" and effect.dep_ == "ROOT" and _opens_sentence(effect)
            and not any(c.dep_ in _SUBJECTS for c in effect.children))


def _elided(effect: Token) -> bool:
    """A finite verb without a subject at the head of its fragment: "Helps anxiety", "may prevent ..."."""
    token = effect
    while token.dep_ in {"xcomp", "conj"} and token.head.i != token.i:
        token = token.head
    finite = token.tag_ in _FINITE or any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children)
    # a capitalised verb opening a caption is often tagged as a plural proper noun ("Relieves ...")
    finite = finite or (token.tag_ in {"NNP", "NNPS", "NNS"} and token.lower_.endswith("s") and _opens_sentence(token))
    return finite and token.dep_ == "ROOT" and not any(c.dep_ in _SUBJECTS for c in token.children)


# Body targets that are the body's defences against infection; a frame strengthening one of them is
# an immune boost ("boost your immunity", "support lung health").
_DEFENCES = ("immun", "lung")
_WEAKENING = frozenset({"weaken", "suppress", "lower", "reduce", "decrease", "inhibit"})
_DEFENDERS = frozenset({"body", "system"})  # "your body", "your immune system"


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 12:
        chain.append(chain[-1].head)
    return chain


def _linked(one: Token, other: Token) -> bool:
    """Two effects on one line of the parse: one governs the other ("boost X to fight Y"), or both
    hang from one word ("boosting X is your protection against Y")."""
    return one in _ancestors(other) or other in _ancestors(one) or (one.head.i == other.head.i and one.i != other.i)


def _promised(effect: Token) -> bool:
    """The effect is promised: "will" on it or on a verb it completes ("will then destroy")."""
    return any(c.dep_ == "aux" and c.lower_ in {"will", "'ll"} for t in _ancestors(effect)[:4] for c in t.children)


def _defence_agent(doc: Doc, effect: Token, agent_token: Token | None,
                   boosts: list[tuple[Token, TextSpan, Agent]]) -> Agent | None:
    """``DEFENCES`` when an outbreak effect is done by boosted or promised defences (module docstring);
    the seller's own thing when it is what boosts them ("boost your immunity with our drops to fight
    the virus")."""
    for boost, target, by in boosts:
        if boost.sent == effect.sent and _linked(boost, effect):
            if by.kind == SELLER:
                return by
            return Agent(DEFENCES, target, f"a boost to '{target.text}' offered against the pathogen")
    if agent_token is not None and agent_token.lemma_.lower() in _DEFENDERS and _promised(effect):
        start = agent_token.left_edge.idx
        span = TextSpan(start, agent_token.idx + len(agent_token.text), "agent", doc_text(doc)[start:agent_token.idx + len(agent_token.text)], "parse")
        return Agent(DEFENCES, span, "the body promised to defeat the pathogen")
    return None


def _list_agent(analysis, condition: Token) -> Agent:
    """Who offers a modified condition: a list without a verb ("No more gout, rosacea or hay fever",
    "Reduced inflammation, better sleep") describes an unnamed thing; "our tea means fewer migraines"
    names it."""
    head = condition
    while head.dep_ in {"conj", "appos"} and head.head.i != head.i:
        head = head.head
    means = _means(head)
    by = classify_agent(analysis, means) if means is not None else None
    if by is not None and by.kind == SELLER:
        return by  # "No more migraines with our magnesium drops"
    items, stack = [], [head]
    while stack:  # the list's items: conjuncts and appositions, however the parser chained them
        item = stack.pop()
        items.append(item)
        stack.extend(c for c in item.children if c.dep_ in {"conj", "appos"})
    for item in items:
        if item.lemma_.lower() in _QUALITIES | {"reason", "way"}:
            # "... and more reasons to lose weight", "... and other benefits of yoga": the list names
            # what it is the benefits of
            of = next((c for c in item.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            thing = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if thing is not None:
                return classify_agent(analysis, thing)
            doing = next((c for c in item.children if c.dep_ in {"acl", "relcl"}), None)
            if doing is not None:
                return Agent(OTHER, None, f"benefits of '{doing.text}'")
    if head.dep_ == "ROOT":
        return Agent(ELIDED, None, "a list of benefits without a verb")
    if head.dep_ in {"dobj", "attr", "oprd"}:
        agent_token, _ = _agent_token(head.head, itself=False)
        return classify_agent(analysis, agent_token)
    return Agent(OTHER, None, "no agent")


# Verbs of having a condition ("if you have arthritis", "if you suffer from insomnia").
_AFFLICTED = frozenset({"have", "suffer", "struggle", "live", "deal", "battle", "experience"})
_ANYONE = frozenset({"anyone", "anybody", "someone", "those", "everyone", "whoever"})
SUITED = "sold thing suited to a condition"


def _suited(product: Token, recipients, praise: set[int]) -> list[tuple[Token, Token]]:
    """(word, condition) pairs where a sold thing is said to suit a condition without a verb of effect:
    "a great buy *if* you have psoriasis", "this balm is perfect *for* anyone with eczema", "our
    tea is good *for* colds"."""
    if product.dep_ not in {"nsubj", "attr", "nsubjpass"}:
        return []
    head, found = product.head, []
    praised = {t.i for t in (product, *product.children, *head.children) if t.dep_ in {"amod", "acomp", "attr"} or t is product}
    praised |= {c.i for t in head.children if t.dep_ in {"acomp", "attr"} for c in t.children if c.dep_ == "amod"}
    if not praised & praise:
        return []  # recommended, not merely named: "a great buy if ...", not "dangerous if ..."
    for child in head.children:
        if child.dep_ == "advcl" and child.lemma_.lower() in _AFFLICTED:
            mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ in {"if", "when"}), None)
            if mark is None:
                continue
            for arg in child.children:
                if arg.dep_ == "dobj":
                    found.append((mark, arg))
                elif arg.dep_ == "prep" and arg.lower_ in {"from", "with"}:
                    found += [(mark, a) for a in arg.children if a.dep_ == "pobj"]
        elif child.dep_ in {"acomp", "attr"} and child.i != product.i:
            for prep in child.children:
                if prep.dep_ != "prep" or prep.lower_ != "for":
                    continue
                for who in (c for c in prep.children if c.dep_ == "pobj"):
                    people = who.lower_ in _ANYONE or any(r.start <= who.idx < r.end for r in recipients)
                    if not people:
                        found.append((prep, who))  # "good for colds"
                        continue
                    for with_ in (c for c in who.children if c.dep_ == "prep" and c.lower_ == "with"):
                        found += [(prep, a) for a in with_.children if a.dep_ == "pobj"]  # "for anyone with eczema"
    return found


HASHTAG = "hashtag"


@lru_cache(maxsize=1)
def _hashtag_parts() -> tuple[dict[str, str], frozenset[str]]:
    """Target phrases (with their class) and effect nouns as a hashtag spells them, for splitting
    "#migrainerelief" into a target and an effect."""
    targets: dict[str, str] = {}
    for name, cls in TARGET_CLASSES:
        for phrase in builtin_lexicon(name).phrases:
            targets.setdefault(joined_form(phrase), cls)
    effects = {joined_form(p) for p in builtin_lexicon(EFFECT_NOUNS).phrases if " " not in p}
    return targets, frozenset(effects | {e + "s" for e in effects})


def _hashtag_frames(analysis, doc: Doc, selling: bool) -> list[Frame]:
    """A hashtag that joins a condition and an effect noun ("#migrainerelief", "#arthritistreatment"):
    the claim a caption leaves to its tags. Its promoter is the sold thing the post names, if any."""
    targets, effects = _hashtag_parts()
    found: list[Frame] = []
    for token in doc:
        if not token.i or doc[token.i - 1].text != "#" or not token.is_alpha:
            continue
        body = token.lower_
        for cut in range(3, len(body) - 3):
            cls = targets.get(body[:cut])
            if cls is None or body[cut:] not in effects:
                continue
            target = TextSpan(token.idx, token.idx + cut, "target", token.text[:cut], "hashtag")
            effect = TextSpan(token.idx + cut, token.idx + len(token.text), "effect", token.text[cut:], "hashtag")
            product = next((p for p in lexicon_cues(analysis, PRODUCTS) if not p.start <= token.idx < p.end), None)
            agent = Agent(OTHER, None, "a hashtag on a post that names no sold thing")
            if product is not None:
                tokens = doc.char_span(product.start, product.end, alignment_mode="expand")
                agent = classify_agent(analysis, tokens.root if tokens is not None else None)
            found.append(Frame(effect, target, cls, agent, HASHTAG, selling))
            break
    return found


IMPLICIT = "illness named elsewhere"
# Measures of an illness an effect can act on without naming it: "reduce the severity", "shorten the duration".
_COURSE = frozenset({"severity", "duration", "length"})


AUDIENCE = "for people with a condition"
# structure/function verbs: lawful on their own ("supports healthy joints"), a disease claim when aimed
# at people who have the disease (21 CFR 101.93(g)(2))
_STRUCTURE_VERBS = frozenset({"support", "maintain", "promote", "help", "aid", "nourish", "balance", "protect",
                              "strengthen", "restore", "regulate"})
_MADE_FOR = frozenset({"design", "formulate", "choice", "answer", "solution"})
_PEOPLE = frozenset({"people", "person", "patient", "sufferer", "those", "anyone", "adult", "child", "kid", "family",
                     "man", "woman", "senior", "member", "client", "customer", "folk", "warrior", "individual"})


def _person_with(condition: Token) -> Token | None:
    """The people a condition qualifies: "hypertension patients", "people living with diabetes",
    "those with arthritis", "families caring for a loved one with dementia"."""
    token = condition
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
        token = token.head
    for _ in range(5):
        head = token.head
        if head.i == token.i:
            return None
        if token.dep_ in {"compound", "amod", "nmod"} and head.lemma_.lower() in _PEOPLE:
            return head
        if token.dep_ == "pobj" and head.lower_ in {"with", "from"}:
            owner = head.head
            if owner.lemma_.lower() in _PEOPLE:
                return owner
            if owner.lemma_.lower() in _AFFLICTED | {"care"} or owner.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}:
                token = owner  # "living with", "suffering from", "a loved one with": climb to the people
                continue
            return None
        if token.dep_ in {"acl", "relcl", "dobj", "pobj", "prep", "compound"}:
            if token.lemma_.lower() in _PEOPLE and token.dep_ != "compound":
                return token
            token = head
            continue
        return token if token.lemma_.lower() in _PEOPLE else None
    return None


def _audience_frames(analysis, doc: Doc, targets, frames, selling: bool, praise: set[int]) -> list[Frame]:
    """A structure/function effect, or a thing made or chosen, for people who have a disease:
    "Supports healthy blood sugar for people living with type 2 diabetes", "the #1 choice for
    families caring for a loved one with dementia". Aimed at the disease's sufferers, the effect
    claims to treat it (21 CFR 101.93(g)(2); FTC Act s.12)."""
    found = []
    for target, cls in targets:
        if cls not in {"disease", "outbreak"}:
            continue
        words = doc.char_span(target.start, target.end, alignment_mode="expand")
        people = _person_with(words.root) if words is not None else None
        if people is None or people.dep_ != "pobj" or people.head.lower_ != "for":
            continue
        word = people.head.head
        if word.dep_ == "dobj":
            word = word.head  # "supports healthy joints for people with ...": the parser hangs "for" on the object
        lemma = word.lemma_.lower()
        # a caption's opening verb is often tagged as a noun ("Promotes healthy blood flow for ...")
        verb = word.pos_ == "VERB" or word.dep_ == "ROOT" and _opens_sentence(word) and lemma in _STRUCTURE_VERBS
        if verb and (lemma in _STRUCTURE_VERBS | _MADE_FOR or word._.get(_ROLE) == EFFECT):
            agent_token, _ = _agent_token(word, itself=False)
        elif lemma in _MADE_FOR or word.i in praise:
            agent_token = next((c for c in word.head.children if c.dep_ in _SUBJECTS), None) \
                if word.dep_ in {"acomp", "attr"} else (word.head if word.dep_ in {"acl", "amod"} else None)
        else:
            continue
        if (word.idx, target.start) in frames:
            continue
        agent = classify_agent(analysis, agent_token)
        if agent_token is None:
            agent = Agent(ELIDED, None, "a fragment without a subject")
        effect = TextSpan(word.idx, word.idx + len(word.text), "effect", word.text, "parse")
        found.append(Frame(effect, target, cls, agent, AUDIENCE, selling))
    return found


def _course_frames(analysis, doc: Doc, targets, frames, selling: bool, measures) -> list[Frame]:
    """"weekly acupuncture can reduce the severity if you catch it", in a post about the
    flu: an effect on the course of an illness the post names elsewhere as an outbreak."""
    outbreaks = sorted(t for t, cls in targets if cls == "outbreak")
    if not outbreaks:
        return []
    found = []
    for effect in (t for t in doc if t._.get(_ROLE) == EFFECT and t.pos_ in {"VERB", "AUX"}):
        course = [c for c in effect.children if c.dep_ == "dobj" and c.lemma_.lower() in _COURSE]
        if not course or any(key[0] == effect.idx for key in frames):
            continue
        np = [t for c in course for t in _np_tokens(c)]
        if any(t.idx <= target.start < t.idx + len(t.text) for t in np for target, _ in targets):
            continue  # "the severity of the flu" names its illness: an ordinary frame
        before = [o for o in outbreaks if o.start < effect.idx]
        target = before[-1] if before else outbreaks[0]
        agent_token, _ = _agent_token(effect)
        agent = classify_agent(analysis, agent_token)
        means = _means(effect)
        by = classify_agent(analysis, means) if means is not None else None
        if by is not None and by.kind == SELLER and agent.kind != SELLER:
            agent = by  # "with regular adjustments you may lessen ..."
        sentence = effect.sent
        if agent.kind != SELLER and any(sentence.start_char <= m.start < sentence.end_char and _asserted_measure(analysis, m)
                                        for m in measures):
            agent = Agent(MEASURE, agent.span, "a public-health measure in the same sentence")
        end = max(t.idx + len(t.text) for t in np)
        words = TextSpan(effect.idx, end, "frame", doc_text(doc)[effect.idx:end], "parse")
        effect_span = TextSpan(effect.idx, effect.idx + len(effect.text), "effect", effect.text, "parse")
        found.append(Frame(effect_span, target, "outbreak", agent, IMPLICIT, selling, words))
    return found


def _asserted_measure(analysis, measure: TextSpan) -> bool:
    """A measure named as such, not one said not to exist ("no vaccine exists")."""
    return not analysis.assertion(measure).negated


def find_frames(analysis, matcher: FrameMatcher) -> tuple[Frame, ...]:
    doc = analysis.doc
    if not has_parse(doc):
        return ()
    targets: list[tuple[TextSpan, str]] = []
    for name, cls in TARGET_CLASSES:
        for span in lexicon_cues(analysis, name):
            if not any(span.overlaps(t) for t, _ in targets):
                targets.append((span, cls))
    selling = sells(analysis)
    tagged = _hashtag_frames(analysis, doc, selling)
    if not targets:
        return tuple(tagged)
    for token in doc:
        token._.set(_ROLE, 0)
    _mark(doc, lexicon_cues(analysis, PRODUCTS), PRODUCT)
    _mark(doc, lexicon_cues(analysis, EFFECT_VERBS), EFFECT)
    for token in doc:  # "knock that virus out", "keep colds at bay": a verb whose particle makes the effect
        if token.pos_ == "VERB" and token.lemma_.lower() in _PARTICLE_EFFECTS and _keeps_away(token):
            token._.set(_ROLE, EFFECT)
    # an effect noun or adjective counts as one ("a remedy for", "antiviral"), not its verb ("answered")
    _mark(doc, [s for s in lexicon_cues(analysis, EFFECT_NOUNS) if _nominal(doc, s)], EFFECT)
    _mark(doc, [s for s in lexicon_cues(analysis, EFFECT_MODIFIERS)
                if not any(s.start <= t.idx < s.end and t._.get(_ROLE) for t in doc.char_span(s.start, s.end, alignment_mode="expand") or ())],
          MODIFIER)
    recipients = lexicon_cues(analysis, RECIPIENTS)
    measures = lexicon_cues(analysis, MEASURES)
    frames: dict[tuple[int, int], Frame] = {}
    boosts: list[tuple[Token, TextSpan, Agent]] = []  # (effect, defence target, agent) of the immune boosts
    pending: list[tuple[Token, Token | None, TextSpan, tuple[int, int]]] = []  # outbreak frames to re-read
    for match_id, (effect_i, *rest) in matcher(doc):
        how = doc.vocab.strings[match_id]
        effect, arg = doc[effect_i], doc[rest[-1]]
        if arg.pos_ == "PRON" or any(r.start <= arg.idx < r.end for r in recipients):
            continue  # "protects your family": the effect's recipient, not its target
        np = {(t.idx, t.idx + len(t.text)) for t in _np_tokens(arg)}
        for target, cls in targets:
            if not any(s < target.end and target.start < e for s, e in np) or target.start <= effect.idx < target.end:
                continue
            if how == MODIFIED:
                if not target.start <= arg.idx < target.end:
                    continue  # the modified noun is the condition itself ("fewer migraines", not "fewer flu cases")
                if effect.dep_ == "compound" and not (_opens_sentence(effect) and effect._.get(_ROLE) == EFFECT):
                    continue  # only a headline's opening verb ("Banish migraines"), not "cure rates"
                agent = _list_agent(analysis, arg)
                # the "no" of "no more" is the effect itself, not a negation of it
                start = min([effect.idx] + [c.idx for c in (*effect.children, *arg.children)
                                            if c.lower_ == "no" and c.i == effect.i - 1])
                effect_span = TextSpan(start, effect.idx + len(effect.text), "effect", doc_text(doc)[start:effect.idx + len(effect.text)], "parse")
                agent_token = None
            elif how == "sold thing for a condition":
                agent = classify_agent(analysis, effect)
                effect_span = TextSpan(doc[rest[0]].idx, doc[rest[0]].idx + len(doc[rest[0]].text), "effect",
                                       doc[rest[0]].text, "parse")
            else:
                agent_token, quality = _agent_token(effect, itself=not _elided(effect))
                boost = cls == "body" and any(w in target.text.lower() for w in _DEFENCES) and \
                    effect.lemma_.lower() not in _WEAKENING
                agent = classify_agent(analysis, agent_token)
                if quality and agent.kind == OTHER and selling:
                    # "Benefits of our blend: lowers ...": the post sells the thing it lists the benefits of
                    agent = Agent(ELIDED, agent.span, "the thing whose benefits a post that sells lists")
                if agent_token is None:
                    means = _means(effect)
                    by = classify_agent(analysis, means) if means is not None else None
                    if by is not None and by.kind == SELLER:
                        agent = by  # "boost your immunity with our drops"
                    elif _elided(effect):
                        agent = Agent(ELIDED, None, "a fragment without a subject")
                    elif _imperative(effect):
                        agent = imperative_means(analysis, effect) or agent  # "Banish migraines. CBD can ..."
                effect_span = TextSpan(effect.idx, effect.idx + len(effect.text), "effect", effect.text, "parse")
                if boost:
                    boosts.append((effect, target, agent))
            if agent.kind != SELLER:
                sentence = effect.sent
                if any(sentence.start_char <= m.start < sentence.end_char and not any(s <= m.start < e for s, e in np)
                       and _asserted_measure(analysis, m) for m in measures):
                    agent = Agent(MEASURE, agent.span, "a public-health measure in the same sentence")
            key = (effect_span.start, target.start)
            if key not in frames:
                frames[key] = Frame(effect_span, target, cls, agent, how, selling)
                if cls == "outbreak" and agent.kind in {OTHER, ELIDED} and how != "sold thing for a condition":
                    pending.append((effect, agent_token, target, key))
    praise = {t.i for span in lexicon_cues(analysis, SUITABILITY)
              for t in (doc.char_span(span.start, span.end, alignment_mode="expand") or ())}
    for product in (t for t in doc if t._.get(_ROLE) == PRODUCT):
        pairs = _suited(product, recipients, praise)
        if not pairs:
            continue
        agent = classify_agent(analysis, product)
        for word, arg in pairs:
            np = {(t.idx, t.idx + len(t.text)) for t in _np_tokens(arg)}
            for target, cls in targets:
                key = (word.idx, target.start)
                if key in frames or not any(s < target.end and target.start < e for s, e in np):
                    continue
                effect_span = TextSpan(word.idx, word.idx + len(word.text), "effect", word.text, "parse")
                frames[key] = Frame(effect_span, target, cls, agent, SUITED, selling)
    for frame in _audience_frames(analysis, doc, targets, frames, selling, praise):
        frames.setdefault((frame.effect.start, frame.target.start), frame)
    for frame in _course_frames(analysis, doc, targets, frames, selling, measures):
        frames.setdefault((frame.effect.start, frame.target.start), frame)
    described = any(f.agent.kind == ELIDED for f in frames.values())
    for frame in tagged:
        if frame.agent.kind == OTHER and described:
            # "#migrainerelief Better mood, sharper focus": the tag names what the captioned thing relieves
            frame = replace(frame, agent=Agent(ELIDED, None, "a hashtag on a caption that describes an unnamed thing"))
        frames.setdefault((frame.effect.start, frame.target.start), frame)
    for effect, agent_token, target, key in pending:
        defences = _defence_agent(doc, effect, agent_token, boosts)
        if defences is not None:
            frames[key] = replace(frames[key], agent=defences)
    return tuple(sorted(frames.values(), key=lambda f: (f.start, f.end)))


def frames_of(analysis) -> tuple[Frame, ...]:
    """Every claim frame of the post (found once per post)."""
    layer = analysis.language
    if layer is None:
        return ()
    return analysis.remember("language:frames", lambda: find_frames(analysis, layer.frames))


__all__ = ["DEFENCES", "ELIDED", "MEASURE", "OTHER", "SELLER", "Frame", "FrameMatcher", "frames_of"]
