"""People picked out by a description, not a name: ``DescribedPersonRecognizer``.

Safe Harbor's last identifier is "any other unique identifying characteristic" (45 CFR
164.514(b)(2)(i)(R)). In a small community a role and a place are enough: "our beloved Elkhorn Bend
postmaster", "the pastor at Grace Fellowship", "the city councilman from Ward 3", "the legend in ICU
bed 7", "the Pilates instructor from the studio next door", "a junior on the Rivermont debate team", "a
15-year-old from Oak Hollow Middle School". The regular patterns of
``UniqueCharacteristicRecognizer`` list some such phrases; this recognizer reads the shape on the
dependency parse instead: a singular noun for what a person is or does in a community
(``vocabularies/phi_role_nouns.txt``) or an age used as a noun ("a 15-year-old", "a 19 y/o"), made
definite ("the", "our") and specified by a proper name, a number or "next door", in its compound words
or in a prepositional phrase hung on it. An indefinite one ("a junior", "a 15-year-old") picks out one
person only when a proper name specifies it: a named team, school, club, employer or small place. When
the parser hangs the preposition on the verb ("we saw a 19 y/o | from the Dunmore rugby club"), the
words right after the noun are read instead. Three more shapes pick out one person without a name: an office
a town has one holder of ("the mayor", "our sheriff"; pattern ``local-office``), a role held for the speaker's
own kin ("my kid's soccer coach"; ``kin-role``), the kin of someone named ("Dr. Nwosu's daughter", "our own Dr.
Nwosu, whose daughter ..."; ``named-kin``), and the one the speaker calls their favourite ("our favorite
Tuesday regular"). A named possessor specifies too ("the Riverside Rays' star pitcher"), and makes a role definite by itself
("Jefferson Elementary's crossing guard"; ``named-possessor``, counted only with our care in its paragraph).

A description alone is not PHI: the PHI rules count it only with health that can be the person's, in
the description's sentence or one that refers back to them, or with our care said of them (see
``assessment._DESCRIPTION``). It needs a parsed ``Doc``; in the no-model mode it finds nothing.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from .identifiers import role_nouns, state_or_larger
from .names import AGE_AND_SEX, KIN_OF_NAMED
from .recognizers import LANGUAGE, UNIQUE_CHARACTERISTIC, _result

_PREPOSITIONS = frozenset({"from", "at", "of", "in", "on", "for", "with"})
_DEFINITE = frozenset({"the", "our", "their", "his", "her", "that", "this"})
_NEARBY = frozenset({"next door", "down the street", "across the street", "down the hall", "around the corner"})
SCORE = 0.5
_LOCAL_FIGURES = frozenset({"anchor", "weatherman", "weatherwoman", "meteorologist", "reporter", "dj", "host", "mayor",
                            "sheriff", "judge", "pastor", "priest", "rabbi", "imam", "principal", "superintendent", "coach", "celebrity"})
_ORDINAL_GRADE = regex.compile(r"\d{1,2}(?:st|nd|rd|th)(?:-grade)?")
_NAMED_PLACES = frozenset({"ORG", "GPE", "FAC", "LOC"})
_INDEFINITE = frozenset({"a", "an", "one", "which"})  # "guess which Channel 5 anchor ..."
_FAMOUS = frozenset({"famous", "well-known", "celebrity", "renowned", "beloved", "legendary", "notorious"})
# People the public knows by what they do: "guess which reality tv star ...".
_KNOWN_TO_ALL = _LOCAL_FIGURES | frozenset({"star", "influencer", "athlete", "rapper", "actor", "actress", "singer", "youtuber",
                                            "podcaster", "comedian", "player", "quarterback", "qb", "musician", "author"})
# Offices a town or county has one holder of: "the mayor" in a local provider's post is one person.
_ONE_PER_PLACE = frozenset({"mayor", "sheriff", "governor", "postmaster", "superintendent", "councilman", "councilwoman",
                            "councilmember", "alderman", "alderwoman", "commissioner"})
# Offices named by a compound ("the fire chief", "our police chief"): the head noun alone names no office.
_OFFICE_COMPOUNDS = {"chief": frozenset({"fire", "police"})}
# What owns an office of one holder: "our town's fire chief", "the county's sheriff".
_PLACE_OWNERS = frozenset({"town", "city", "county", "village", "township", "parish", "district"})
# Qualifiers that single out the holder of an office: "our very own mayor", "a certain councilwoman", "a local commissioner".
_OFFICE_QUALIFIERS = frozenset({"own", "certain", "local"})
# Offices a school has one holder of: "our high school principal", "the middle school nurse" is one person.
_ONE_PER_SCHOOL = frozenset({"principal", "nurse", "counselor", "counsellor", "librarian", "superintendent"})
# What the speaker singles out as theirs alone: "our favorite crossing guard", "my kid's soccer coach".
_FAVOURITE = frozenset({"favorite", "favourite", "fave"})
_OWN = frozenset({"my", "our"})
# Whose role a speaker names as one person ("my kid's coach", "my neighbor's pastor").
_KIN = frozenset({"kid", "son", "daughter", "child", "husband", "wife", "mom", "dad", "mother", "father", "brother",
                  "sister", "grandma", "grandpa", "neighbor", "neighbour", "boy", "girl", "nephew", "niece", "cousin",
                  "aunt", "uncle", "grandson", "granddaughter", "grandkid", "stepson", "stepdaughter"})
# People in the speaker's own life: "my neighbor", "my 8th grade english teacher" is one person to all who know them.
# (Role nouns only: the recognizer asks only of ``phi_role_nouns``.)
_ACQUAINTANCES = frozenset({"neighbor", "neighbour", "teacher", "coach", "landlord", "barber", "hairdresser", "mailman", "pastor",
                            "priest", "professor", "principal"})
# Who the speaker may know from their own life, and how: "someone i went to school with", "a couple from my church".
_ANYONE_KNOWN = frozenset({"someone", "somebody", "couple", "friend", "girlfriend", "boyfriend", "wife", "husband",
                           "fiance", "fiancee", "partner", "girl", "guy", "kid", "classmate"})
_KNOWN_THROUGH = frozenset({"go", "grow", "date", "babysit", "know", "marry", "teach", "coach", "play", "work", "room", "serve"})
_MY_PLACES = frozenset({"school", "class", "church", "parish", "neighborhood", "neighbourhood", "street", "building", "gym",
                        "team", "hometown", "town", "block", "unit", "program", "congregation", "troop", "squad"})
# What makes any role one from the writer's own past: "my old high school QB", "my former boss".
_PAST_OF_MINE = frozenset({"old", "former", "childhood", "school", "college", "ex"})
# Positions a team has one of: "your starting QB", "the senior point guard".
_TEAM_POSITIONS = frozenset({"quarterback", "qb", "point guard", "goalie", "goalkeeper", "pitcher", "catcher", "shortstop",
                             "captain", "striker", "kicker", "punter"})
# Kin of a named person: "Dr. Nwosu's daughter", "whose husband" on a name.
_IN_LAW = regex.compile(r"-in-law\b", regex.IGNORECASE)
_TITLES = frozenset({"dr", "coach", "pastor", "mayor", "judge", "sheriff", "nurse", "officer", "chief", "principal"})
# Things an age can modify that are no one ("a 90-year-old building", "a 100-year-old tradition").
_THINGS = frozenset({"building", "house", "home", "tradition", "company", "business", "church", "hospital", "clinic",
                     "tree", "bridge", "barn", "school", "program", "car", "truck", "recipe", "photo", "record"})
# Nouns that say only that someone is a person, of a sex or an age group: no role to describe them by.
ANYONE = frozenset({"male", "female", "man", "woman", "boy", "girl", "person", "patient", "pt", "child", "kid", "baby",
                    "infant", "gentleman", "lady", "individual", "resident", "guy", "teen", "teenager", "adult", "senior", "toddler"})
# an age used as a noun: "a 15-year-old", "a 19 y/o", "a 22yo", "a 58M" (the tokens end at "old", "o", "22yo" or "58M")
AGE_NOUN = regex.compile(r"\b\d{1,2}(?:[\s-]?years?[\s-]old|[\s-]?yrs?[\s-]old|\s?y/o|\s?yo)\b(?![\s-]+(?:[a-z]+\s+)?"
                         r"(?:years?|months?)\b)|" + AGE_AND_SEX.pattern, regex.IGNORECASE)


class DescribedPersonRecognizer(EntityRecognizer):
    """A definite role noun specified by a name, a number or a nearby place: one person in a community."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[UNIQUE_CHARACTERISTIC], supported_language=LANGUAGE,
                         name="DescribedPersonRecognizer")

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if entities and UNIQUE_CHARACTERISTIC not in entities:
            return []
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is None or not hasattr(doc, "has_annotation") or not doc.has_annotation("DEP"):
            return []
        results = []
        for noun in _kin_heads(doc):
            owner = _named_owner(noun)
            if owner is not None:
                in_law = _IN_LAW.match(doc.text, noun.idx + len(noun.text))  # "sister-in-law"
                start, end = doc[owner].idx, in_law.end() if in_law else noun.idx + len(noun.text)
                why = f"a description that picks out one person ('{doc.text[start:end]}') (pattern: named-kin)"
                results.append(_result(UNIQUE_CHARACTERISTIC, start, end, SCORE, self, why, "named-kin"))
        for noun in _acquaintance_heads(doc):  # "someone i went to high school with", "a couple from my church"
            results.append(self._description(doc, noun.left_edge.i, noun.right_edge.i, "known-to-me"))
        for noun in (*_role_heads(doc), *_age_heads(doc)):
            determiners = [c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}] + [doc[noun.left_edge.i].lower_]
            if _asked_which(noun):
                determiners.append("which")
            definite = any(d in _DEFINITE for d in determiners) or any(c.lower_ == "certain" for c in noun.children)
            named_possessor = not definite and any(c.dep_ == "poss" and _names_a_place(c) for c in noun.children)
            if named_possessor:
                span, name = _specified(noun), "named-possessor"  # "Jefferson Elementary's one and only crossing guard"
            elif definite:
                span, name = _specified(noun), "described"  # "the", "our", or "a certain Pinebrook councilwoman"
                if span is None and _one_office_holder(noun):
                    span, name = (noun.left_edge.i, noun.i), "local-office"  # "the mayor came in for his bloodwork"
                elif span is None and _one_per_team(noun):
                    span, name = (noun.left_edge.i, noun.i), "team-position"  # "the senior shortstop"
            elif _kin_possessed(noun):
                span, name = (noun.left_edge.i, noun.i), "kin-role"  # "my kid's soccer coach"
            elif _known_to_me(noun):
                span, name = (noun.left_edge.i, noun.i), "known-to-me"  # "my neighbor", "my 8th grade english teacher"
            elif _one_per_team(noun):
                span, name = (noun.left_edge.i, noun.i), "team-position"  # "your starting QB"
            elif any(d in _INDEFINITE for d in determiners):
                span, name = _named(noun), "named-indefinite"  # "a junior on Rivermont's debate team": a proper name specifies one
                if span is None and _one_office_holder(noun):
                    span, name = (noun.left_edge.i, noun.i), "local-office"  # "a local city councilwoman"
            else:
                continue
            if span is None:
                continue
            results.append(self._description(doc, *span, name))
        return results

    def _description(self, doc, first: int, last: int, name: str) -> RecognizerResult:
        """The result for the tokens ``first`` to ``last``, a description of the pattern ``name``."""
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        why = f"a description that picks out one person ('{doc[first:last + 1].text}') (pattern: {name})"
        return _result(UNIQUE_CHARACTERISTIC, start, end, SCORE, self, why, name)


def _role_heads(doc):
    for noun in doc:
        if noun.pos_ in {"NOUN", "PROPN"} and noun.lemma_.lower() in role_nouns() and (
                noun.tag_ not in {"NNS", "NNPS"} or _one_of_the_known(noun)):
            yield noun


def _one_of_the_known(noun) -> bool:
    """"one of our local news anchors": one of the handful of people a town knows by what they do."""
    return (noun.lemma_.lower() in _KNOWN_TO_ALL and noun.dep_ == "pobj" and noun.head.lower_ == "of"
            and noun.head.head.lower_ == "one")


def _asked_which(noun) -> bool:
    """"guess which local news anchor came in": the parser may hang "which" on something else than the noun."""
    left = noun.left_edge.i
    return any(c.dep_ == "det" and c.lower_ == "which" for c in noun.children) or (
        left > 0 and noun.doc[left - 1].lower_ == "which")


# Children born together are one set, described as one: "his twins", "the Kowalski triplets".
_ONE_SET = frozenset({"twins", "triplets", "quadruplets", "quads", "quintuplets", "quints"})


def _kin_heads(doc):
    for noun in doc:
        if noun.pos_ in {"NOUN", "PROPN"} and (noun.tag_ not in {"NNS", "NNPS"} or noun.lower_ in _ONE_SET) and (
                noun.lemma_.lower() in KIN_OF_NAMED or noun.lower_ in _ONE_SET):
            yield noun


def _named_owner(noun) -> int | None:
    """The first token of the named person whose kin the noun is: "Dr. Nwosu's daughter", "Coach Hill's wife", or
    "whose daughter" in a relative clause on a name ("our own Dr. Nwosu, whose daughter ..."). A son or a wife
    of someone named is one person."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in _LOCAL_FIGURES and any(
                    a.dep_ == "amod" and (a.lower_ == "local" or _famous(a)) for a in o.children) for o in child.children):
            return noun.i  # "the daughter of a local news anchor": the kin of one a town knows is one person
        if child.dep_ != "poss":
            continue
        if child.pos_ == "PROPN" and child.ent_type_ == "PERSON" or child.pos_ == "PROPN" and any(
                c.dep_ == "compound" and c.lower_.rstrip(".") in _TITLES for c in child.children):
            return _name_start(child)
        if child.lower_ in {"his", "her", "their"} and noun.dep_ in {"dobj", "pobj"}:
            # "Quarterback Darius Whitfield brought his twins in for their checkups": the kin of the subject named
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < child.i), None)
            if subject is not None and subject.pos_ == "PROPN" and (subject.ent_type_ == "PERSON" or any(
                    c.dep_ == "compound" and c.lower_.rstrip(".") in _TITLES for c in subject.children)):
                return child.i
        if child.lower_ == "whose":  # the name right before ", whose": the parser may hang the clause elsewhere
            before = [t for t in noun.doc[max(0, child.i - 3):child.i] if not t.is_punct]
            named = before[-1] if before else None
            if named is not None and named.pos_ == "PROPN" and (named.ent_type_ == "PERSON" or any(
                    c.dep_ == "compound" and c.lower_.rstrip(".") in _TITLES for c in named.children)):
                return _name_start(named)
    return None


def _name_start(name) -> int:
    """The first token of a name with its title ("Dr. Nwosu"), without what modifies it ("our very own")."""
    return min([name.i] + [c.i for c in name.children if c.dep_ in {"compound", "flat"} and c.i < name.i])


def _age_heads(doc):
    """The last token of each age used as a noun ("a 15-year-old from ..."), not an age that modifies a noun."""
    for m in AGE_NOUN.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        last = span[-1]
        following = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if following is not None and following.pos_ in {"NOUN", "PROPN"} and following.is_lower:
            if following.lemma_.lower() not in _THINGS | ANYONE:
                # "a 34-year-old snowmobiler from Pine Hollow": the noun after is the head; "a 60-year-old male of
                # Balasore" is age, sex and place, read as quasi-identifiers (quasi.py), not as a description
                yield following
            continue
        yield last


def _one_office_holder(noun) -> bool:
    """"the mayor", "our very own fire chief", "our town's sheriff", "a certain county commissioner", "our high school
    principal": an office with one holder in a place (a school has one principal), made definite or singled out, and
    not plural."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children) or noun.tag_ in {"NNS", "NNPS"}:
        return False
    if _names_an_office(noun) and any(
            c.dep_ in {"det", "poss"} and c.lower_ in {"the", "our"} or c.dep_ == "amod" and c.lower_ in _OFFICE_QUALIFIERS
            or c.dep_ == "poss" and c.lemma_.lower() in _PLACE_OWNERS for c in noun.children):
        return True
    return (noun.lemma_.lower() in _ONE_PER_SCHOOL and any(c.dep_ == "compound" and c.lemma_.lower() == "school" for c in noun.children)
            and any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "our"} for c in noun.children))


def _acquaintance_heads(doc):
    """Someone the speaker knows from their own life, told by how: "someone i went to high school with", "a girl you
    went to nursing school with", "a couple from my high school", "my ex's new girlfriend". To the speaker's circle
    that is one person."""
    for noun in doc:
        if noun.lemma_.lower() not in _ANYONE_KNOWN and noun.lemma_.lower() not in role_nouns():
            continue
        if any(c.dep_ == "relcl" and c.lemma_.lower() in _KNOWN_THROUGH and any(
                s.dep_ == "nsubj" and s.lower_ in {"i", "you", "we"} for s in c.children) for c in noun.children):
            yield noun
        elif any(c.dep_ == "prep" and c.lower_ == "from" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in _MY_PLACES and any(p.dep_ == "poss" and p.lower_ in {"my", "your"}
                                                                            for p in o.children) for o in c.children)
                for c in noun.children):
            yield noun
        elif any(c.dep_ in {"poss", "nmod"} and (c.lower_ == "ex" or c.lemma_.lower() in _KIN) and any(
                g.dep_ == "poss" and g.lower_ in {"my", "your"} for g in (*c.children, *noun.children))
                for c in noun.children) and (
                noun.lemma_.lower() in _ANYONE_KNOWN):
            yield noun  # "my ex's new girlfriend", "my brother's ex-wife": known through the writer's own people


def _known_to_me(noun) -> bool:
    """"my neighbor", "my old piano teacher", "my 8th grade english teacher": someone the speaker knows in their own
    life, one person to everyone who knows the speaker (not "my patient", "my coworkers")."""
    if noun.tag_ in {"NNS", "NNPS"}:
        return False
    head = noun.head if noun.dep_ in {"appos", "compound"} else noun  # the parser may hang "teacher" on "8th grade"
    mine = any(c.dep_ == "poss" and c.lower_ == "my" for t in {noun, head} for c in t.children)
    # any role of the writer's past: "my old high school QB", "my former boss", "my childhood pastor"
    past = any(c.dep_ in {"amod", "compound"} and c.lower_ in _PAST_OF_MINE for c in noun.children)
    return mine and (noun.lemma_.lower() in _ACQUAINTANCES or past)


def _one_per_team(noun) -> bool:
    """"your starting QB", "the senior point guard", "our goalie": a team has one of each, and a post from the town's
    clinic to the town's fans names the one player."""
    words = {noun.lemma_.lower(), " ".join(t.lower_ for t in noun.subtree if t.dep_ == "compound" or t.i == noun.i)}
    return noun.tag_ not in {"NNS", "NNPS"} and bool(words & _TEAM_POSITIONS) and any(
        c.dep_ in {"det", "poss"} and c.lower_ in {"the", "our", "your"} for c in noun.children)


def _mine(token) -> bool:
    """A word of the speaker's own life in a relative clause: "my kids", "my nephew's team", "taught me"."""
    if token.lower_ == "me" and token.dep_ in {"dobj", "dative", "pobj"}:
        return True
    return token.dep_ == "poss" and token.lower_ == "my" and token.head.lemma_.lower() in _KIN


def _names_an_office(noun) -> bool:
    """A local office of few holders: "mayor", "councilwoman", "commissioner", "fire chief"."""
    lemma = noun.lemma_.lower()
    compounds = _OFFICE_COMPOUNDS.get(lemma)
    if compounds is not None:
        return any(c.dep_ == "compound" and c.lemma_.lower() in compounds for c in noun.children)
    return lemma in _ONE_PER_PLACE


def _kin_possessed(noun) -> bool:
    """A role held for the speaker's own kin ("my kid's soccer coach", "my son's piano teacher"): one person."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lemma_.lower() in _KIN and any(
                g.dep_ == "poss" and g.lower_ in _OWN for g in child.children):
            return True
    return False


def _named(noun) -> tuple[int, int] | None:
    """The token range of an indefinite description that a proper name specifies: in its compound words
    ("a Rivermont junior"), in a prepositional phrase hung on it ("a sophomore on the Hargrove volleyball
    team"), or in the words right after it when the parser hangs that phrase elsewhere."""
    doc = noun.doc
    left = min([noun.i] + [c.left_edge.i for c in noun.children if c.i < noun.i])
    if noun.lemma_.lower() in _KNOWN_TO_ALL and _asked_which(noun):
        return left, noun.i  # "guess which reality tv star came in today": the riddle has one answer
    for child in noun.children:
        if child.i < noun.i and child.dep_ in {"compound", "nmod"} and any(_names_a_place(t) for t in child.subtree):
            return left, noun.i
        if child.i < noun.i and child.dep_ == "amod" and _famous(child):
            return left, noun.i  # "a very famous country singer": famous is one of few
        if child.i < noun.i and _known_locally(noun):
            return left, noun.i  # "a local radio host": one of a handful of people a town knows
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _PREPOSITIONS):
        named = [t for t in prep.subtree if _names_a_place(t)]
        if named:
            return left, max(t.i for t in prep.subtree)
    return _named_phrase_after(noun, left)


def _known_locally(noun) -> bool:
    """"the local news anchor", "a local morning radio host" (the parser may hang "local" on "morning"), "the famous
    channel 6 weatherman": a figure the town knows, one of a handful."""
    return noun.lemma_.lower() in _LOCAL_FIGURES and any(
        t.i < noun.i and t.dep_ == "amod" and (t.lower_ == "local" or _famous(t)) for t in noun.subtree)


def _famous(word) -> bool:
    """"famous", "beloved", and "well-known" as the tokenizer splits it ("well", "-", "known")."""
    return word.lower_ in _FAMOUS or word.lower_ == "known" and any(c.lower_ == "well" for c in word.children)


def _named_phrase_after(noun, left: int) -> tuple[int, int] | None:
    """When the parser hangs the preposition after the noun on something else ("shoutout to the guy | from
    crossfit eastside"), the words right after it: a named place there specifies the noun."""
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if after is None or after.lower_ not in _PREPOSITIONS:
        return None
    phrase = []
    for token in doc[after.i + 1:min(after.i + 8, len(doc))]:
        if token.is_punct and token.text not in {"'", "’", "."} or token.pos_ in {"VERB", "AUX", "ADP"} or token.is_sent_start:
            break
        phrase.append(token)
    named = [t for t in phrase if _names_a_place(t)]
    return (left, phrase[-1].i) if named else None


def _specified(noun) -> tuple[int, int] | None:
    """The token range of the description when a name, a number or a nearby place specifies the noun."""
    left = min([noun.i] + [c.left_edge.i for c in noun.children if c.i < noun.i])
    for child in noun.children:
        if child.i < noun.i and child.dep_ in {"compound", "amod", "nmod"} and any(
                _names_a_place(t) or _ORDINAL_GRADE.fullmatch(t.text) for t in child.subtree):
            return left, noun.i  # "our beloved Elkhorn Bend postmaster", "the 8th-grade captain"
        if child.i < noun.i and child.dep_ == "poss" and _names_a_place(child):
            return left, noun.i  # "the Riverside Rays' star pitcher", "Lincoln High's principal"
        if child.i < noun.i and child.dep_ == "amod" and child.lower_ in _FAVOURITE and any(
                c.dep_ == "poss" and c.lower_ in _OWN for c in noun.children):
            return left, noun.i  # "our favorite Tuesday regular": the one the speaker singles out
        if child.i < noun.i and _known_locally(noun):
            return left, noun.i  # "the local news anchor", "the famous channel 6 weatherman": one a town knows
        if child.dep_ in {"amod", "advmod"} and child.lower_ == "only" and child.i < noun.i:
            return left, max(t.i for t in noun.subtree if t.i <= noun.i + 8)  # "the only woman partner at ..."
    for child in noun.children:
        if child.dep_ == "appos" and child.like_num and child.text.isdigit() and 0 < int(child.text) < 111:
            return left, child.i  # "The driver, 58, remains in critical condition": a role and an age
    for clause in (c for c in noun.children if c.dep_ in {"relcl", "acl"}):
        if any(_names_a_place(t) or _mine(t) for t in clause.subtree) or any(place in " ".join(
                t.lower_ for t in clause.subtree) for place in _NEARBY):
            # "the gentleman who's been sleeping in the blue Civic behind ...", "the girl who used to babysit my kids"
            return left, clause.right_edge.i
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _PREPOSITIONS):
        phrase = list(prep.subtree)
        if any(_names_a_place(t) or t.like_num and t.dep_ in {"nummod", "pobj", "appos"} for t in phrase[1:]) or \
                _nearby(prep):
            return left, phrase[-1].i  # "the pastor at Grace Fellowship", "from Ward 3", "from the studio next door"
    if written_in_lower_case(noun.doc):
        return _named_phrase_after(noun, left)  # "the guy from crossfit eastside", the preposition hung elsewhere
    return None


def _names_a_place(token) -> bool:
    """A capitalised proper noun inside the sentence (not its first word), not a state or larger; the tagger
    sometimes reads a town or school before a noun as an adjective ("the Westvale debate team"), so a word of a
    named organisation or place counts too. In a post written in lower case, where capitals say nothing, a word
    of a bare noun phrase of two or more words after a preposition names one ("from lincoln elementary", "at
    murphy's pub", "from crossfit eastside"); "from the gym", "from work" and "from high school" do not. So does a
    word the parser takes for a proper noun among two or more words before a noun ("the maple street crossing
    guard")."""
    if not token.is_alpha or state_or_larger(token.text):
        return False
    if (token.pos_ == "PROPN" or token.ent_type_ in _NAMED_PLACES) and token.text[:1].isupper() and not token.is_sent_start:
        return True
    return written_in_lower_case(token.doc) and (_in_a_bare_name(token) or _in_a_named_compound(token))


_NAME_PARTS = frozenset({"compound", "poss", "nmod"})


def _name_head(token):
    """The noun a word of a name belongs to: up its compounds, possessives and noun modifiers."""
    head = token
    while head.dep_ in _NAME_PARTS and head.head.i != head.i:
        head = head.head
    return head


def _in_a_bare_name(token) -> bool:
    """The token is a word of a noun phrase that a preposition governs, with no article or pronoun before it and
    two or more words joined as one name (compounds or a possessive name): how lower-case writing names a place."""
    head = _name_head(token)
    if head.dep_ != "pobj" or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(c.dep_ == "det" or c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
        return False
    words = [t for t in head.subtree if t.is_alpha and (t.i == head.i or t.dep_ in _NAME_PARTS)]
    return len(words) >= 2 and token in words


def _in_a_named_compound(token) -> bool:
    """The parser's proper noun among two or more words before a noun, in lower-case writing: "the maple street
    crossing guard", "the sigma chi rush chair" (not "the school bus driver", all common nouns)."""
    if token.pos_ != "PROPN" or token.dep_ not in _NAME_PARTS or len(token.text) < 3:
        return False
    head = _name_head(token)
    words = [t for t in head.subtree if t.is_alpha and t.i < head.i and t.dep_ in _NAME_PARTS]
    return len(words) >= 2


def written_in_lower_case(doc) -> bool:
    """The writer does not capitalise: most sentences that open with a word open in lower case, and of eight or
    more words inside sentences (not a hashtag, a handle or "I") none is written with a capital and then small
    letters, as names are ("AGAIN" and "CK", capitals for shouting or initials, do not count)."""
    cached = doc.user_data.get("hclint:lower-case-writing")
    if cached is None:
        openings = [next((t for t in s if t.is_alpha), None) for s in doc.sents]
        openings = [t for t in openings if t is not None]
        words = [t for t in doc if t.is_alpha and not t.is_sent_start and t.text != "I"
                 and not (t.i > 0 and doc[t.i - 1].text in {"#", "@"})]
        cached = (len(words) >= 8 and 2 * sum(t.is_lower for t in openings) > len(openings)
                  and not any(t.text[:1].isupper() and not t.is_upper for t in words))
        doc.user_data["hclint:lower-case-writing"] = cached
    return cached


def _nearby(prep) -> bool:
    words = " ".join(t.lower_ for t in prep.subtree)
    return any(place in words for place in _NEARBY)
