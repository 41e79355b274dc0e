"""Essential treatment discouraged (CLM017), read on the parse.

A post that promotes an alternative (it sells, or names a sold thing or practice) and tells the
reader to stop, refuse or replace an established treatment discourages essential treatment
(CAP Code 12.2; FTC Act ss.5, 12). The relation is read from the dependency parse, so the words can
be far apart or the treatment named by a pronoun in an earlier sentence:

* **stop**: the treatment is the object of a verb of giving up ("ditch", "quit", "come off",
  "wean off", "give up") said as advice: an order, "you should/can ...", or the complement of
  "I'd recommend / we want you to ...";
* **refuse**: the treatment is the object of "recommend", "need", "take", "choose", "put" ... under
  a negation ("I wouldn't recommend antidepressants", "you don't need statins");
* **replace**: the treatment is what the promoted thing is chosen over or works without ("choose
  a supplement over a pharmaceutical", "great health without costly drugs or surgery");
* **disparage**: the treatment (or a pronoun for it) is said to numb, mask or poison ("they just
  numb your emotions").

Not reported: a post that promotes nothing (a health department saying "you don't need antibiotics
for a cold"), an organisation declared a public-health body, a refused or discarded treatment in
a question, a quotation or a myth, and advice about a prescription as a document ("available
without a prescription"). CLM009 reads the fixed wording of superiority ("better than", "Big
Pharma"); this rule reads the relation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...analysis import Analysis
from ...language import TextSpan
from ...language.commerce import (CARE_PROVIDERS, DRUGS, EVERYDAY_PRODUCTS, FIRST_PERSON, PRACTICES, PRODUCTS,
                                  lexicon_cues, prices, promotional_post)
from ...model import Evidence, Example, Hit, RuleMeta, Severity
from ...org_kind import is_public_health
from . import common
from .common import ClaimRule

if TYPE_CHECKING:
    from spacy.tokens import Token

TREATMENTS = "conventional_treatments"
_STOP_VERBS = frozenset({"ditch", "dump", "quit", "stop", "drop", "skip", "toss", "bin", "abandon", "replace", "swap",
                         "refuse", "reject", "forget", "avoid"})
_PARTICLE_VERBS = {"come": "off", "get": "off", "wean": "off", "give": "up", "throw": "away", "stay": "off", "take": "off"}
_REFUSED = frozenset({"recommend", "need", "take", "choose", "put", "use", "want", "trust", "advise", "suggest"})
_ADVICE = frozenset({"recommend", "advise", "suggest", "want", "tell", "urge", "encourage", "help", "need", "time"})
_MODALS = frozenset({"should", "can", "could", "must", "ought"})
_CHOOSE = frozenset({"choose", "prefer", "pick", "opt", "select", "trust", "use"})
# "switched from antidepressants to CBD": a change of means, away from the treatment
_SWITCH = frozenset({"switch", "swap", "move", "change", "transition", "convert", "turn"})
_HARM_VERBS = frozenset({"numb", "mask", "poison", "destroy", "ruin", "dull", "zombify", "wreck"})
_HARM_NOUNS = frozenset({"poison", "toxin"})
_PRONOUNS = frozenset({"them", "they", "it", "those", "these"})
_DOCUMENT = frozenset({"prescription"})
# what "our" may own without it being a thing for sale
_NOT_THINGS = frozenset({"patient", "community", "family", "staff", "team", "member", "people", "friend", "child", "kid",
                         "thought", "heart", "prayer", "mission", "goal", "website", "page", "office", "location", "town",
                         "city", "country", "nation", "state", "county", "advice", "guidance", "research", "study",
                         "data", "tip", "update", "doctor", "nurse", "pharmacist", "colleague", "volunteer", "partner"})  # "without a prescription": the document, not the treatment


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"never", "not", "n't"} for c in token.children)


def _advice(verb: Token) -> bool:
    """The verb is said as advice: an order, "you should ...", or wanted, recommended or needed."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and verb.dep_ in {"ROOT", "conj"} and verb.tag_ in {"VB", "VBP"}:
        return True  # an order: "Ditch the pills."
    if subject is not None and subject.lower_ in {"you", "u"} and any(c.lower_ in _MODALS for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ in {"xcomp", "ccomp", "advcl"} and head.lemma_.lower() in _ADVICE and not _negated(head)


def _boasted(verb: Token) -> bool:
    """The poster claims to take people off a treatment: "we've helped hundreds get off their meds",
    "our program gets members off insulin" (the subject, or that of the verb it completes, is ours)."""
    token = verb
    for _ in range(3):
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return not _negated(token) and (subject.lower_ in FIRST_PERSON or any(
                c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in subject.children))
        if token.dep_ not in {"xcomp", "ccomp", "conj"} or token.head.i == token.i:
            return False
        token = token.head
    return False


def _refused(verb: Token) -> Token | None:
    """The negated verb of refusal governing ``verb`` (itself, or up to two verbs it completes)."""
    token = verb
    for _ in range(3):
        if token.lemma_.lower() in _REFUSED and _negated(token):
            return token
        if token.dep_ not in {"xcomp", "ccomp"} or token.head.i == token.i:
            return None
        token = token.head
    return None


def _switched_between_treatments(verb: Token, treatments: list[TextSpan]) -> bool:
    """"Switched from chemotherapy to immunotherapy": what the verb turns to is itself a treatment."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            start, end = prep.idx, prep.right_edge.idx + len(prep.right_edge.text)
            if any(start <= t.start < end for t in treatments):
                return True
    return False


def _relation(token: Token, treatments: list[TextSpan]) -> tuple[str, Token] | None:
    """How ``token`` (a treatment or a pronoun for one) is discouraged, and the word that says it."""
    head = token.head
    lemma = head.lemma_.lower()
    if token.dep_ == "dobj":
        if lemma in _STOP_VERBS and not _negated(head) and _advice(head):
            return "stop", head
        particle = _PARTICLE_VERBS.get(lemma)
        if particle and any(c.dep_ in {"prt", "prep"} and c.lower_ == particle for c in head.children) and _advice(head):
            return "stop", head  # "come off it", "give them up"
        refusal = _refused(head)
        if refusal is not None:
            return "refuse", refusal
    if token.dep_ == "pobj" and head.dep_ in {"prep", "prt", "advmod"}:
        verb = head.head
        if verb.dep_ == "dobj" and verb.pos_ in {"NOUN", "PROPN"}:
            verb = verb.head  # "choose a tablet [over a pharmaceutical]": the parser hangs it on the object
        word = head.lower_
        if word == "off" and _PARTICLE_VERBS.get(verb.lemma_.lower()) == "off" and (_advice(verb) or _boasted(verb)):
            return "stop", verb  # "come off them", "get off your meds", "we got hundreds off their meds"
        if word == "without" and token.lemma_.lower() not in _DOCUMENT and not _negated(verb):
            return "replace", head
        if (word == "from" and verb.lemma_.lower() in _SWITCH and not _negated(verb)
                and not _switched_between_treatments(verb, treatments)):
            return "replace", verb  # "thousands have switched from statins to ..."
        if word == "over" and verb.lemma_.lower() in _CHOOSE and not _negated(verb):
            return "replace", head  # "choose a supplement over a pharmaceutical"
        if word in {"of", "than", "to"} and verb.lower_ in {"instead", "rather", "alternative", "alternatives"}:
            return "replace", verb
    if token.dep_ in {"nsubj"} and head.lemma_.lower() in _HARM_VERBS and not _negated(head):
        return "disparage", head
    if token.dep_ == "nsubj" and head.lemma_ == "be":
        predicate = next((c for c in head.children if c.dep_ in {"attr", "acomp"}), None)
        if predicate is not None and predicate.lemma_.lower() in _HARM_NOUNS and not _negated(head):
            return "disparage", predicate
    return None


def _asks_why(word: Token) -> bool:
    """A rhetorical "why" question argues rather than asks: "Why choose a pill over a plant?"."""
    return any(t.lower_ == "why" for t in word.sent[:3])


def _own_thing(analysis: Analysis, treatments: list[TextSpan]) -> bool:
    """The post names its own thing: "our fish oil", "my blend" (not "our team", "our doctors" nor the
    treatment itself)."""
    care = lexicon_cues(analysis, CARE_PROVIDERS)
    for token in analysis.doc:
        if token.dep_ != "poss" or token.lower_ not in FIRST_PERSON or token.head.pos_ != "NOUN":
            continue
        thing = token.head
        if thing.ent_type_ or thing.lemma_.lower() in _NOT_THINGS:
            continue
        if not any(c.start <= thing.idx < c.end for c in (*care, *treatments)):
            return True
    return False


def _named_alternative(analysis: Analysis, treatments: list[TextSpan]) -> bool:
    """A sold thing or practice named as a noun, other than the treatment ("our beet tonic",
    "an acupuncture session"; not the verb "drink" nor the "pills" being discarded)."""
    doc = analysis.doc
    for cue in (*lexicon_cues(analysis, PRODUCTS), *lexicon_cues(analysis, PRACTICES)):
        if any(cue.overlaps(t) for t in treatments):
            continue
        tokens = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if tokens is None or tokens.root.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            continue
        if tokens.root.lemma_.lower() not in EVERYDAY_PRODUCTS:  # "rest and drink water" is care advice, "our water" is sold
            return True
    return False


def _switched_to(analysis: Analysis, treatments: list[TextSpan]) -> bool:
    """Something other than a treatment is what people switch or turn to: "switched to @brand"."""
    for token in analysis.doc:
        if token.lemma_.lower() not in _SWITCH:
            continue
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                for thing in prep.children:
                    if thing.dep_ == "pobj" and not any(t.start <= thing.idx < t.end for t in treatments):
                        return True
    return False


def _promotes_alternative(analysis: Analysis, treatments: list[TextSpan]) -> bool:
    """The post promotes something to take the treatment's place. A bare call to contact us ("call us
    if it lasts a week") is not an alternative; a price or a promotional post is."""
    return bool(prices(analysis) or promotional_post(analysis) or _named_alternative(analysis, treatments)
                or _own_thing(analysis, treatments) or _switched_to(analysis, treatments))


def _mentions(analysis: Analysis) -> list[tuple[Token, TextSpan]]:
    """Each treatment's head token, and pronouns standing for the treatment named just before."""
    doc = analysis.doc
    named = [*lexicon_cues(analysis, TREATMENTS), *lexicon_cues(analysis, DRUGS)]
    found: list[tuple[Token, TextSpan]] = []
    for span in named:
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is not None:
            head = tokens.root
            while head.dep_ == "compound" and head.head.i != head.i:
                head = head.head  # "steroid cream": the relation is on the phrase's head
            found.append((head, span))
    for token in doc:
        if token.lower_ not in _PRONOUNS:
            continue
        earliest = doc[token.sent.start - 1].sent.start_char if token.sent.start > 0 else token.sent.start_char
        before = [span for span in named if earliest <= span.start < token.idx]
        if before and token.lower_ != "it" or before and not before[-1].text.lower().endswith("s"):
            found.append((token, before[-1]))
    return found


@dataclass(frozen=True)
class TreatmentDiscouraged(ClaimRule):
    meta: RuleMeta = field(default=RuleMeta(
        id="CLM017",
        name="essential-treatment-discouraged",
        family="claim",
        severity=Severity.ERROR,
        message="'{match}' discourages {treatment} in a post that promotes an alternative",
        citation="CAP Code 12.2 (marketers must not discourage essential treatment); FTC Act ss.5, 12; ASA rulings "
                 "on CBD and supplement promotions set against antidepressants and ADHD medication (2024-2025)",
        url="https://www.asa.org.uk/type/non_broadcast/code_section/12.html",
        summary="Finds, on the parse, advice to stop a treatment ('come off them', 'ditch the statins'), a refusal "
                "of one ('I wouldn't recommend antidepressants'), an alternative chosen over or working without one "
                "('without costly drugs or surgery'), or a treatment said to numb or poison, in a post that sells or "
                "names a sold thing or practice.",
        rationale="People who stop prescribed medicine, surgery, chemotherapy or vaccination on a seller's word come "
                  "to harm; the ASA upholds complaints against CBD, supplement and chiropractic posts that do it, "
                  "however casual the wording. A post that promotes nothing (a health department saying antibiotics "
                  "do not treat colds) is not reported, nor a question, a quotation, a myth or a negated discard "
                  "('never stop a prescription without talking to your doctor').",
        fix_safety="No automatic fix: say instead 'Talk to your clinician before changing or stopping any treatment.'",
        examples=(
            Example("Honestly I wouldn't recommend statins at all. I'd recommend our fish oil.", "fail"),
            Example("Your inhaler isn't the answer. Come off it and try our breathing salts.", "fail"),
            Example("Feel amazing without harsh drugs or surgery. Book a reflexology session today.", "fail"),
            Example("Why would you choose a nutrient over a pharmaceutical? Our kelp capsules are natural.", "fail"),
            Example("Never stop a prescription without talking to your doctor. Our pharmacists can help.", "pass"),
            Example("Antibiotics don't work on colds, so you don't need them for one. Rest and fluids help.", "pass"),
            Example("Our hand cream is available without a prescription, $9.", "pass"),
        ),
    ))

    def find(self, analysis: Analysis) -> Iterator[Hit]:
        if is_public_health(analysis.settings) or not analysis.has_model:
            return
        mentions = _mentions(analysis)
        treatments = [span for _, span in mentions]
        if not mentions or not _promotes_alternative(analysis, treatments):
            return
        seen: set[int] = set()
        for token, treatment in mentions:
            found = _relation(token, treatments)
            if found is None:
                continue
            how, word = found
            start = min(word.idx, token.idx)
            end = max(word.idx + len(word.text), token.idx + len(token.text))
            span = TextSpan(start, end, "discouraged treatment", analysis.text[start:end], "parse")
            assertion = analysis.assertion(span)
            if assertion.question and not (how == "replace" and _asks_why(word)):
                continue
            if assertion.quoted or assertion.refuted or (assertion.negated and how != "refuse"):
                continue
            sentence = common.sentence_index(analysis, start)
            if sentence in seen:
                continue
            seen.add(sentence)
            yield common.hit(
                start, end,
                self.meta.message.format(match=span.text, treatment=f"'{treatment.text}'"), "DISCOURAGES-TREATMENT",
                evidence=(Evidence("parse", f"treatment {how}", treatment.text, treatment.start, treatment.end,
                                   f"lexicon:{TREATMENTS}"),
                          Evidence("relationship", "DISCOURAGES-TREATMENT", span.text, start, end, "parse")),
                suggestions=(common.display("Remove the advice; say 'Talk to your clinician before changing or "
                                            "stopping any treatment.'"),),
            )
