"""Who a named person is: a patient, or staff, a public figure, the author's relative, a guest?

A privacy officer does not treat every name as a patient. Staff in a spotlight, a senator in the
news, the author's grandmother and a guest speaker are not our patients; a name with "our patient"
in front of it is. Organisation facts from configuration (``organisation.staff``,
``organisation.facilities``, ``organisation.public_figures``) settle what words alone cannot.
"""

from __future__ import annotations

from bisect import bisect_right

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from ...nlp.regex_budget import TimedPattern, timed
from ...vocabularies import pattern, raw_terms
from .identifiers import Identifier
from .names import _ORG_WORDS, _PLACE_WORDS, hashtag_name

PATIENT = "patient"  # explicitly our patient ("our patient Emma")
CANDIDATE = "possible patient"  # nothing says otherwise
STAFF = "staff"
PUBLIC = "public figure"
FAMILY = "author's family"
ORGANISATION = "organisation"
ANIMAL = "animal"
GUEST = "guest"
ILLUSTRATIVE = "illustrative"  # a composite or made-up person ("'Maria' isn't a real person")
NOT_A_PERSON = "not a person"  # a platform, microbe, deity, company, drug, place or thing (language.entities)

NOT_PATIENTS = frozenset({STAFF, PUBLIC, FAMILY, ORGANISATION, ANIMAL, GUEST, ILLUSTRATIVE, NOT_A_PERSON})
ORGANISATION_KEYS = ("staff", "facilities", "public_figures", "contact")


@dataclass(frozen=True)
class Organisation:
    """Organisation facts from ``[tool.hclint.organisation]``, validated."""

    staff: tuple[str, ...] = ()
    facilities: tuple[str, ...] = ()
    public_figures: tuple[str, ...] = ()
    contact: str = ""

    @classmethod
    def from_settings(cls, organisation: Mapping[str, Any]) -> Organisation:
        return _organisation(tuple(sorted((k, _freeze(v)) for k, v in organisation.items() if k in ORGANISATION_KEYS)))


def _freeze(value: Any) -> Any:
    return tuple(value) if isinstance(value, list | tuple) else value


@lru_cache(maxsize=64)
def _organisation(items: tuple[tuple[str, Any], ...]) -> Organisation:
    values = dict(items)
    lists = {}
    for key in ("staff", "facilities", "public_figures"):
        value = values.get(key, ())
        if isinstance(value, str):
            value = (value,)
        if not isinstance(value, tuple) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ValueError(f"organisation.{key} must be a list of names (non-empty strings)")
        lists[key] = tuple(v.strip() for v in value)
    contact = values.get("contact", "")
    if isinstance(contact, tuple):
        if not all(isinstance(v, str) and v.strip() for v in contact):
            raise ValueError("organisation.contact must be a string or a list of strings")
        contact = " or ".join(v.strip() for v in contact)
    if not isinstance(contact, str):
        raise ValueError("organisation.contact must be a string or a list of strings (phone, e-mail, web page)")
    return Organisation(lists["staff"], lists["facilities"], lists["public_figures"], contact.strip())


# Roles that give care: "with our respiratory therapist" is care, "with our CEO" is not. Credentials
# (", RN", ", MD") count as clinical too.
_CLINICAL = regex.compile(
    r"\b(?:doctor|physician|surgeon|nurse|nurses|dentist|orthodontist|hygienist|therapist|pharmacist|midwife|doula|"
    r"paramedic|emt|practitioner|counsel+or|dietitian|nutritionist|technologist|sonographer|phlebotomist|aide|"
    r"\w+ologist|\w+iatrist|\w+ician|rn|md|do|np|pa|pa-c|cnm|crna|lpn|lvn|dds|dmd|pharmd|ot|otr|pt|dpt|slp|rd|rdn|"
    r"lcsw|lpc|aprn|fnp|dnp|cna|rrt)\b", regex.IGNORECASE)

# Handles of organisations, agencies and media: an acronym (@WHO, @CDCMMWR) or an institutional word.
_ORG_HANDLE = regex.compile(
    r"^@(?:(?-i:[A-Z][A-Z0-9_]+)(?![A-Za-z0-9_]*[a-z])|[A-Za-z0-9_]*(?:gov|news|health|hosp|clinic|dept|official|info|"
    r"org|edu|univ|inc|press|media|tv|radio|fm|daily|times|journal|ministry|council|agency|foundation|society|association))",
    regex.IGNORECASE)


_CARED_FOR_BEFORE = regex.compile(r"\b(?:coach(?:ed|ing)|help(?:ed|ing)|car(?:ed|ing) for|treat(?:ed|ing)|nurs(?:ed|ing)|wean(?:ed|ing)|"
                               r"s(?:at|itting) with|walk(?:ed|ing)|talk(?:ed|ing)|stay(?:ed|ing) with)\b[^.!?]{0,40}$",
                               regex.IGNORECASE)
_COURTESY_TITLED = regex.compile(r"(?:Mr|Mrs|Ms|Miss|Mx)\.?\s")
_STAFF_RELATIVE_BEFORE = regex.compile(r"\b(?:(?:her|his|their) (?:wife|husband|partner|spouse|son|daughter|baby|newborn|twins|kids?|"
                                       r"children)|(?:arrival|birth) of (?:(?:her|his|their) )?(?:(?:baby|son|daughter|twins) )?|baby)\s*,?\s*$",
                                       regex.IGNORECASE)
# Whom a reader should ask for or speak with: "call our office and ask for Rhonda", "please speak with Dana".
_ASK_FOR_BEFORE = regex.compile(r"\b(?:ask for|asking for|speak (?:with|to)|talk (?:with|to)|reach out to|reach)\s+(?:our\s+(?:[\w-]+\s+){0,2})?$",
                                regex.IGNORECASE)
_FOR_BEFORE = regex.compile(r"\bfor\s+$", regex.IGNORECASE)
# Work at a named place that is not ours: "Sophia teaches 3rd grade at Oak Hill Elementary".
_WORKS_ELSEWHERE = regex.compile(r"(?:\s+[\w'-]+){0,3}\s+(?:at|for)\s+(?!our\b|us\b|the (?:clinic|hospital|practice|office)\b)(?:the\s+)?(?-i:[A-Z])",
                                 regex.IGNORECASE)
_CARE_HERE = regex.compile(r"\b(?:here|with us|our (?:birth|birthing|labor|l&d|maternity|nicu|picu|icu|cicu|er|ed|mother-baby|women's|"
                           r"emergency|trauma|burn|cancer|infusion|surgery|surgical|cardiac|heart|cath|dialysis|rehab|peds|pediatric)\b[\w ]*)",
                           regex.IGNORECASE)
_COMMUNITY_ROLE_AFTER = regex.compile(
    r"\s*(?:,|—|–|-{1,2}|\()\s*(?:the|our|a|an)\s+(?:[\w'-]+\s+){0,3}?(?:crossing guard|lunch lady|mail carrier|postmaster|"
    r"teacher|coach|librarian|bus driver|barber|barista|pastor|mayor|neighbou?r|custodian|janitor|principal|farmer|baker|"
    r"firefighter|officer|sheriff|grandma|grandpa|legend)\b", regex.IGNORECASE)
_SELF_INTRODUCED = regex.compile(r"\b(?:i'?m|i am|my name is|this is)\s+(?:(?:dr|nurse)\.?\s+)?$", regex.IGNORECASE)
_PASSED_ALONG_TO = regex.compile(r"\b(?:pass|passed|share|shared|forward|forwarded)\s+(?:them|this|it|these|that|your [\w ]{0,20}?|"
                                 r"(?:the|your) (?:kind )?(?:words|note|review|compliment|feedback))\s+(?:along |on )?(?:to|with)\s+$",
                                 regex.IGNORECASE)
_PRAISE_ABOUT = regex.compile(r"\b(?:kind words|shout-?out|praise|compliments?|feedback|review|thanks|note)\s+(?:about|for|to)\s+$",
                              regex.IGNORECASE)
# "Tomas says thanks so much! We'll make sure he sees this.": a colleague answering the praise through us.
_SENDS_THANKS = regex.compile(r"\s+(?:says|sends)\s+(?:(?:a|her|his|their)\s+)?(?:(?:big|huge|heartfelt)\s+)?(?:thank\s*you|thanks|hi|hello|love)\b",
                              regex.IGNORECASE)
# "joined our memory care neighborhood", "moved into our assisted living": a resident, not a colleague.
_JOINED_OUR_CARE = regex.compile(
    r"^\s*(?:,\s*)?(?:who\s+)?(?:[\w']+\s+){0,4}?(?:has\s+)?(?:joins?|joined|moved into|moved to|moves into)\s+our\s+(?:[\w-]+\s+){0,2}?"
    r"(?:memory care|assisted living|skilled nursing|long-term care|hospice|rehab|residential)\b(?!\s+(?:team|staff|crew|nurses?|aides?))",
    regex.IGNORECASE)


@dataclass(frozen=True)
class Person:
    """A person identifier and who we think they are."""

    identifier: Identifier
    start: int  # including a title before the name ("Mr. Delgado")
    end: int
    role: str
    reason: str
    vocative: bool = False  # the post speaks to them ("Get well soon, Mr. Hargrove!")
    provider: bool = False  # a clinician of ours (roster, title, credential, clinical role): care "with" them is our care

    @property
    def may_be_patient(self) -> bool:
        return self.role not in NOT_PATIENTS

    @property
    def text(self) -> str:
        return self.identifier.text


def _alternation(vocabulary: str) -> str:
    return "(?:" + "|".join(sorted(raw_terms(vocabulary), key=len, reverse=True)) + ")"


# Words that make a group one of staff or trainees, not patients: "our nursing graduates", "our night crew".
TRAINING_OR_STAFF = regex.compile(r"\b(?:nurs(?:e|es|ing)|residen(?:t|ts|cy)|medical|staff|employees?|volunteers?|students?|"
                                  r"interns?|internship|fellows?|fellowship|night|day|shift|road|team)\b", regex.IGNORECASE)
_GRADUATES = regex.compile(r"\b(?:grads?|graduates?|alumni)\b", regex.IGNORECASE)


def made_up_story(text: str) -> bool:
    """The post says its story is made up: a composite, a hypothetical, invented names ("story_disclaimer")."""
    return _patterns()["story_disclaimer"].search(text) is not None


# "our Rotary Club president", "our Little League coach": a role in a community group named before it is that
# group's, not ours.
_NOT_A_COMMUNITY_GROUP = (r"(?!(?:[\w'-]+\s+){0,2}?(?-i:[A-Z])\w*\s+(?i:club|league|society|lodge|church|chamber|guild|"
                          r"auxiliary|legion|pta|rotary|kiwanis|lions)\b)")
# "Nora, daughter of our nurse Jenna": the kin of one of our staff is not staff.
_NOT_KIN_OF = (r"(?!(?:[\w-]+\s+){0,2}?(?:daughter|son|child|kid|baby|wife|husband|partner|mother|mom|father|dad|sister|"
               r"brother|niece|nephew|grandson|granddaughter|grandchild|grandbaby|twins?|triplets?)s?\s+(?:of|to)\b)")
# "Eli, 5, in the dental chair": a phrase of place after a name says where someone is, not what they do ("chair").
_NOT_A_PLACE_PHRASE = r"(?!(?:in|on|at|inside|into|onto|under|with|from|by|during)\s)"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern]:
    roles = _alternation("phi_staff_roles")
    credentials = _alternation("phi_staff_credentials")
    public = _alternation("phi_public_titles")
    family = _alternation("phi_family_words")
    patient_nouns = (r"(?:patients?|recipients?|grads?|graduates?|survivors?)"
                     r"(?!\s+(?:transport|relations|experience|advocates?|care|access|services|navigators?|coordinators?|"
                     r"liaisons?|safety|portal|financial|family advisory))")
    flags = regex.IGNORECASE
    return {
        "title": regex.compile(r"(?:\b(?:mr|mrs|ms|mx|dr|dra|prof|rev|fr|sr|sra|srta)\.?|\b(?:doña|dona|don|señor|señora|miss|coach|officer|nurse|sister|brother|father|nana|grandma|grandpa|granny|papa|mama|auntie|aunt|uncle|baby|little|lil))\s+$", flags),
        "staff_title": regex.compile(r"\b(?:dr\.?|doctor|nurse|np|pa|chaplain|pharmacist|midwife|therapist|hygienist|"
                                     r"(?-i:RN|LPN|LVN|PT|PTA|OT|SLP|CNA|CRNA|APRN|RT|MA))\s+$", flags),
        "staff_before": regex.compile(r"\b(?:our|the|your|my|their|his|her|a|an)?\s*" + _NOT_A_COMMUNITY_GROUP + r"(?:(?:new|newest|own|favorite|favourite|beloved|longtime|long-time|amazing|wonderful|dedicated|awesome|incredible|lead|senior|head|chief|staff|\w+)\s+){0,3}"
                                      + roles + r"s?\s*[,:]?\s*(?:\(\s*pictured:?\s*)?(?:\d{1,3}-year-old\s+)?$", flags),
        "our_own": regex.compile(r"\bour own\s+$", flags),
        # Spanish: "nuestra gerente, la Sra. ", "nuestro enfermero "
        "staff_before_es": regex.compile(r"\bnuestr[oa]s?\s+(?:[\w-]+\s+)?(?:gerente|enfermer[oa]|doctor[a]?|m[eé]dic[oa]|"
                                         r"recepcionista|administrador[a]?|director[a]?|coordinador[a]?|asistente|"
                                         r"farmac[eé]utic[oa]|dentista|higienista|terapeuta|promotor[a]?|voluntari[oa])\s*,?\s*"
                                         r"(?:(?:la|el)\s+)?(?:(?:sra|sr|srta|dra|dr|lic)\.?\s+)?$", flags),
        # A reply passing praise on to a colleague: "kind words about Andre. He's one of our stars, and we'll make
        # sure he sees this" (read across the sentence end: the praise names them, the next sentence says whose).
        "praised_staff": regex.compile(r"^[^.!?]{0,60}[.!?]+\s+(?:[^.!?]{0,40}\b)?(?:(?:he|she|they)(?:'s|\u2019s| is| are|'re)\s+one of our|"
                                       r"make sure (?:he|she|they) (?:sees?|gets?|hears?)|pass (?:this|it|that|your [\w ]{0,20}?) "
                                       r"(?:along |on )?to (?:him|her|them))\b", flags),
        "staff_after": regex.compile(r"^\s*,?\s*(?:" + credentials + r")\b|^\s*,\s*(?:\d{1,3}\s*,\s*)?" + _NOT_KIN_OF + _NOT_A_PLACE_PHRASE + r"(?:(?:our|the|a|an|one of our)\s+)?" + _NOT_A_COMMUNITY_GROUP + r"(?:(?:\w+|\w+-\w+)\s+){0,3}?" + roles + r"s?\b"
                                     r"|^\s*(?:and|&|&amp;)\s+(?:(?:the|our|her|his|their)\s+)?(?:whole\s+|entire\s+|rest of the\s+)?(?:[\w-]+\s+){0,3}(?:team|crew|staff|department|unit)\b", flags),
        "staff_group": regex.compile(r"\b(?:our|the)\s+(?:[\w-]+\s+){0,3}(?:team|crew|staff|nurses|doctors|physicians|volunteers|colleagues|employees|providers|therapists|residents|interns)\b"
                                     r"[^.!?]{0,60}?(?:\(\s*pictured:?|,?\s*(?:especially|including|like|such as|led by)|:)\s*$", flags),
        "department": regex.compile(r"^\s+(?:in|from|of|with)\s+(?:our\s+|the\s+)?" + _alternation("phi_departments") + r"\b", flags),
        "works_here": regex.compile(r"^\s*(?:,\s*)?(?:who\s+)?(?:[\w']+\s+){0,4}?(?:has\s+)?(?:(?<!\b(?:at|to|from|off|of|for)\s+)(?:works?|worked)(?!\s+(?:so\s+|really\s+|very\s+|super\s+)?(?:hard|through|on\s+(?:her|his|their)))|volunteers?|volunteered|joins?|joined|retires|retired(?=\s+(?:from|after|this|today|last|in\s+\d{4}))|leads?|led|(?:teaches|taught)(?!\s+me\b)(?!\s+(?:us|everyone|all of us)\s+(?:all\s+)?(?:about|how|what|that|so much|more|to be|the meaning|courage|strength|resilience|hope|patience)\b)|founded|co-founded|trains?|trained)\b", flags),
        "patient_before": regex.compile(r"\b(?:our|a|one of our|the)\s+(?:(?:[\w,-]+|\d[\d,]*(?:st|nd|rd|th))\s+){0,4}?" + patient_nouns
                                        + r"(?:\s+of the (?:month|week|year))?\s*[,:]?\s*$|\bpatient(?:\s+(?:spotlight|story|of the (?:month|week|year)))?\s*[:,-]?\s*$", flags),
        # The object of our care: "our cardiac team could care for Mayor Hsu", "who delivered the Kowalski triplets".
        "cared_for": regex.compile(r"\b(?:we|i|our\s+(?:[\w-]+\s+){0,3}?(?:team|doctors?|nurses?|surgeons?|staff|crew)|who)\s+(?:(?:could|got to|get to|were able to|was able to|helped|have|has|had|just)\s+)?"
                                   r"(?:care for|cared for|caring for|treated|treat|operated on|delivered|resuscitated|stabili[sz]ed|intubated|admitted|discharged|diagnosed|vaccinated)\s+(?:the\s+|baby\s+|(?-i:[A-Z][a-z]+\.?\s+))?$", flags),
        # Named in a list of patients: "Patients scheduled for Thursday (incl. Kyle and Brandon)".
        "patients_listed": regex.compile(r"\bpatients\b[^.!?]{0,80}?(?:\(\s*|,\s*|:\s*)(?:incl\.?|including|e\.g\.?,?|like|such as|namely)\s+$", flags),
        "resident_after": regex.compile(r"^\s*,\s*(?:our|a|one of our)\s+(?:[\w-]+\s+){0,2}residents?\s+(?:(?:on|in|of)\s+(?:the\s+|our\s+)?"
                                        r"(?:\w+\s+)?(?:floor|room|apartment|suite|wing|cottage|memory care|assisted living|hall)\b|"
                                        r"since\s+(?:\d{4}|[A-Z]\w+)|for\s+(?:\d+|\w+)\s+years)", flags),
        "resident_before": regex.compile(r"\b(?:our|the)\s+(?:(?:oldest|eldest|youngest|longest[- ]\w+|long-?time|\d{2,3}-year-old|beloved|dear(?:est)?|sweet(?:est)?|lovely|wonderful|amazing|spunky|feisty|favou?rite)\s+)+residents?\s*[,:]?\s*$", flags),
        # a transplant's or a graft's recipient; a bare "recipient" only where the post speaks of a transplant
        "recipient_before": regex.compile(r"\b(?:transplant|kidney|liver|heart|lung|marrow|organ|cornea|implant)\s+recipients?\s*,?\s*$",
                                          flags),
        "bare_recipient_before": regex.compile(r"(?<!\b(?:award|scholarship|grant|prize|medal|honou?r|fellowship|trophy)\s)"
                                               r"\brecipients?\s*,?\s*$", flags),
        "transplant": regex.compile(r"\b(?:transplant\w*|living donor|donated (?:a |his |her |their )?(?:kidney|liver|marrow|part))", flags),
        "plain_resident_before": regex.compile(r"\bour\s+residents?\s*[,:]?\s*$", flags),
        "care_home": regex.compile(r"\b(?:memory[- ]care|assisted[- ]living|nursing (?:home|facility|center)|skilled[- ]nursing|"
                                   r"long[- ]term[- ]care|care home|retirement (?:home|community)|senior living)\b"
                                   # or where a resident lives with us, or is over 89 (a trainee doctor is not 95)
                                   r"|\b(?:lived|living|lives|been|stayed|staying|resided|residing) (?:here )?with us\b"
                                   r"|\b(?:9\d|1[01]\d)(?:st|nd|rd|th)? birthday\b|\bturn(?:s|ed|ing)? (?:9\d|1[01]\d)\b"
                                   r"|\b(?:9\d|1[01]\d)[- ]years?[- ](?:old|young)\b", flags),
        "patient_after": regex.compile(r"^\s*,?\s*(?:\(pictured\)\s*,?\s*)?(?:(?:is|was|became|who is|who was|who's)\s+)?(?:our|one of our|a|the)\s+(?:(?:[\w-]+)\s+){0,4}?" + patient_nouns + r"\b", flags),
        "public_before": regex.compile(r"\b" + public + r"(?:\s+and\s+\w+)?\s*,?\s*$", flags),
        "family_before": regex.compile(r"\bmy\s+(?:\w+\s+)?" + family + r"\s*,?\s*$", flags),
        "family_after": regex.compile(r"^\s*,\s*my\s+(?:\w+\s+)?" + family + r"\b", flags),
        "animal": regex.compile(r"^\s*,\s*(?:our|the)\s+(?:\w+\s+)?(?:dog|cat|puppy|pup|horse|pony|mascot|bird|rabbit|llama|goldfish)\b", flags),
        "animal_before": regex.compile(r"\b(?:therapy|service|facility|comfort)\s+(?:dog|cat|animal|horse|pony)\s*,?\s*$", flags),
        "guest": regex.compile(r"\bwill (?:share|tell|talk about|discuss) (?:his|her|their) (?:own )?(?:story|journey|experience)\b|\b(?:author|guest)\b|\b(?:(?:teach(?:es)?|(?<!\b(?:his|her|their|your)\s(?:[\w-]+\s)?)teaching|taught)(?!\s+(?:(?:\d\w*|first|second|third|fourth|fifth|sixth)[\s-]+grade|kindergarten|preschool|high school|middle school|elementary|math|science|english|history|art|music|spanish|at\s+(?!our\b)))|speak\w*|spoke|present\w*|host\w*|lectur\w*|author of|sign(?:ed|ing)? (?:copies|autographs|footballs|jerseys|balls|photos|posters)|stopped by (?:[\w-]+ ){0,3}to (?:sign|thank|visit|read|cheer|meet|play|perform|sing)|for inviting|keynote|donat\w+|donor(?![- ]turned)|sponsor\w*|fundrais\w+|gifts?\s+(?:of\s+\$|to\s+(?:our|the)\b)(?![^.!?]{0,120}\b(?:in (?:honou?r|memory) of|in gratitude|grateful|for the care|who (?:spent|was|were|received|got|had))\b)|pledge[sd]?|endow\w*|philanthrop\w*|benefactors?|visited us to|joined us to|cut(?:s|ting)? the ribbon|emcee\w*|at the (?:microphone|mic|podium|lectern)|holding (?:the|a) (?:big |giant |ceremonial )?(?:check|cheque)|accept\w* (?:the|an?) award)\b", flags),
        "illustrative": regex.compile(r"\b(?:composite|fictional|fictitious|made-up|hypothetical|imaginary|illustrative)\b|"
                                      r"\b(?:is|isn't|is not|aren't|are not|was not|wasn't)\s+(?:a\s+)?(?:real|actual)\s+(?:person|patient|people|patients)\b|"
                                      r"\bnot\s+(?:a\s+)?real\s+(?:person|patient)\b", flags),
        # a disclaimer that the whole story is made up ("This is a composite story.", "Names and details are
        # invented", a label "Case Study (hypothetical):", "This case combines features of several patients"):
        # searched in the whole post, since it covers every name in it wherever it stands
        "story_disclaimer": regex.compile(
            r"\b(?:this|the following|our)\s+(?:is\s+a\s+|are\s+)?(?:composite|fictional|fictitious|illustrative|hypothetical)\s+"
            r"(?:story|stories|case|cases|example|examples|scenario|scenarios|patient|client)\b|"
            r"[(\[]\s*(?:hypothetical|composite|fictional|illustrative)(?:\s+\w+)?\s*[)\]]|"
            r"(?<!\bnot\s+(?:a\s+|an\s+)?)\b(?:hypothetical|composite|fictional|illustrative)(?:\s+(?:case|story|example|scenario|patient))?\s*:|"
            r"\bcombines\s+(?:features|details|elements)\s+(?:of|from)\s+(?:several|many|multiple|different)\s+(?:patients|people|cases)\b|"
            r"\bnames?(?:\s+and\s+(?:\w+\s+)?details)?\s+(?:are|is|were|have been)\s+(?:invented|made up|fictional|fictitious)\b|"
            r"\bdo(?:es)? not (?:describe|depict|represent) (?:any|a) real (?:person|patient|client|individual)s?\b", flags),
        "public_news": regex.compile(r"\b(?:" + _alternation("phi_public_disclosure_cues") + r")\b", flags),
        "thanks": regex.compile(r"(?:^|[.!?]\s+)(?:thank you|thanks|congrats|congratulations|happy birthday)\s*,?\s*$", flags),
        "greeting": regex.compile(r"(?:^|[.!?]\s+|\b(?:hi|hey|hello|dear|thanks|thank you|congrats|congratulations|felicidades|gracias|welcome home|welcome back|way to go|go|happy(?:\s+[\w-]+){1,2}|get well soon|we see you|rest in peace|good luck|see you soon|love you|so proud of you|hang in there|miss you)\s*,?\s*)$", flags),
    }


def classify(text: str, identifiers: Sequence[Identifier], organisation: Organisation,
             sentences: Sequence[tuple[int, int]], facility_spans: Sequence[tuple[int, int]],
             spotlight: bool) -> list[Person]:
    """The role of every person identifier in the post, in text order."""
    people: list[Person] = []
    index = _SentenceIndex(text, sentences)
    facilities = tuple(f for f in (_squashed(name) for name in organisation.facilities) if len(f) >= 4)
    for ident in identifiers:
        if any(s <= ident.start and ident.end <= e for s, e in facility_spans):
            continue
        if ident.text[:1] in "#@" and _squashed(ident.text).startswith(facilities):
            continue  # "#LakeshoreBabies", "@lakeshore_health": the organisation's own tag or account
        people.append(_classify_one(text, ident, organisation, index, spotlight, people))
    # A name met again inherits what another mention showed ("Nurse Joan ... Joan has").
    known = [(o, frozenset(name_words(o.text))) for o in people if o.role != CANDIDATE]
    for i, person in enumerate(people):
        if person.role == CANDIDATE and known:
            words = frozenset(name_words(person.text))
            other = next((o for o, other_words in known if words and other_words
                          and (words <= other_words or other_words <= words or _short_form(words, other_words))), None)
            if other is not None:
                people[i] = Person(person.identifier, person.start, person.end, other.role,
                                   f"same person as '{other.text}' ({other.reason})", person.vocative)
    return people


def _short_form(words: frozenset[str], other_words: frozenset[str]) -> bool:
    """"Deb" for "Deborah", "Kat" for "Katherine": a one-word name of three letters or more that begins another's
    first name (issue #9: "Nurse Manager Deborah 'Deb' Whitfield ... We'll miss you, Deb!")."""
    if len(words) != 1:
        return False
    short = next(iter(words))
    return len(short) >= 3 and any(len(o) > len(short) and o.startswith(short) for o in other_words)


_TITLES = frozenset({"mr", "mrs", "ms", "mx", "dr", "miss", "coach", "officer", "nurse", "baby", "little", "nana"})


@lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name without titles, lower-cased; a hashtag gives the name inside it."""
    if name.startswith("#"):
        inside = hashtag_name(name[1:])
        return (inside,) if inside else (name.lower(),)
    return tuple(w for w in _NOT_NAME_CHARS.sub(" ", name.lower()).split() if w not in _TITLES)


_NOT_NAME_CHARS = regex.compile(r"[^\w\s'-]")


def name_key(person: Person) -> str:
    """What mentions of one person share: "Emma Lopez", "Emma" and "#EmmaStrong" all give "emma"."""
    words = name_words(person.text)
    return words[0] if words else person.text.lower()


def _key(name: str) -> str:
    return " ".join(name_words(name))


def _same_name(a: str, b: str) -> bool:
    ka, kb = set(name_words(a)), set(name_words(b))
    return bool(ka) and bool(kb) and (ka <= kb or kb <= ka)


class _SentenceIndex:
    """The post's lookups for one :func:`classify` call: the sentence of an offset by
    bisection, the roster names written in full, and sentence-wide pattern searches done once
    per sentence, so that a post naming hundreds of people costs hundreds of lookups, not
    hundreds of sentence (or post) scans."""

    def __init__(self, text: str, sentences: Sequence[tuple[int, int]]) -> None:
        self._text = text
        self._sentences = sorted(sentences)
        self._starts = [start for start, _ in self._sentences]
        self._found: dict[tuple[str, int, int], regex.Match | None] = {}
        self._roster: frozenset[str] | None = None

    def at(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._sentences[i][1]:
            return self._sentences[i]
        return (0, 0)

    def roster_in_full(self, staff: tuple[str, ...]) -> frozenset[str]:
        """Roster members the post names in full (:func:`_roster_named`), found once."""
        if self._roster is None:
            self._roster = _roster_named(self._text, staff)
        return self._roster

    def search(self, name: str, start: int, end: int) -> regex.Match | None:
        """``_patterns()[name]`` searched in ``text[start:end]`` (a sentence), once."""
        key = (name, start, end)
        if key not in self._found:
            self._found[key] = _patterns()[name].search(self._text[start:end])
        return self._found[key]


def _classify_one(text: str, ident: Identifier, org: Organisation, index: _SentenceIndex,
                  spotlight: bool, earlier: Sequence[Person]) -> Person:
    p = _patterns()
    sent_start, sent_end = index.at(ident.start)
    before = text[max(sent_start, ident.start - 80):ident.start]
    after = text[ident.end:min(sent_end or len(text), ident.end + 80)]
    start = ident.start
    title = p["title"].search(before)
    if title and ident.kind == "PERSON":
        start = ident.start - (len(before) - title.start())
    vocative = not ident.text.startswith("#") and _is_vocative(text, ident, before, after, sent_start, index)

    def make(role: str, reason: str, provider: bool = False) -> Person:
        return Person(ident, start, ident.end, role, reason, vocative, provider)

    name = ident.text
    lowered = _key(name)
    # A title the model took into the name ("Nurse Carla", "[Chief Nursing] Officer Deb Lee") still
    # says who they are: read it with the words before the name.
    inner = _INNER_TITLE.match(name) if ident.kind == "PERSON" else None
    lead = before + inner.group(0) if inner else before
    if ident.kind == "SOCIAL_HANDLE" and _ORG_HANDLE.search(name):
        return make(ORGANISATION, "the handle reads as an organisation's account")
    # Explicit patient appositives win over everything: "our patient Dr. Rivera".
    called = p["patient_before"].search(before)
    if called and not (_GRADUATES.search(called.group(0)) and TRAINING_OR_STAFF.search(called.group(0))):
        return make(PATIENT, f"called a patient ('{called.group(0).strip()}')")  # not "our 2026 nursing graduates"
    if p["resident_after"].search(after):  # "Mr. Dubois, our resident on the 2nd floor": where someone lives with us
        return make(PATIENT, f"called a resident of our care ('{p['resident_after'].search(after).group(0).strip(' ,')}')")
    if p["resident_before"].search(before):  # "our oldest resident, Ruth": a care-home resident, not a doctor in training
        return make(PATIENT, f"called a resident of our care ('{p['resident_before'].search(before).group(0).strip(' ,')}')")
    care_home = p["care_home"].search(text) if p["plain_resident_before"].search(before) else None
    if care_home:
        # "Happy birthday to our resident Ruth! Ruth moved into our memory care wing ...": where the post speaks
        # from a care home, its residents live in our care (a hospital's "resident" is a doctor in training)
        return make(PATIENT, f"a resident of our care home ('{care_home.group(0)}')")
    if p["patient_after"].search(after):
        return make(PATIENT, f"called a patient ('{p['patient_after'].search(after).group(0).strip(' ,')}')")
    recipient = p["recipient_before"].search(before) or p["transplant"].search(text) and p["bare_recipient_before"].search(before)
    if recipient:  # "congrats to recipient Marcus Bell" in a post about a transplant
        return make(PATIENT, f"called a recipient of care ('{recipient.group(0).strip(' ,')}')")
    if p["cared_for"].search(before):
        return make(PATIENT, f"the one we cared for ('{p['cared_for'].search(before).group(0).strip()}')")
    if p["patients_listed"].search(text[max(0, ident.start - 120):ident.start]):  # "(incl." may end a parsed sentence
        return make(PATIENT, "named in a list of patients")
    if ident.kind == "PERSON" and len(name.split()) > 1 and _ends_like_an_organisation(name) and not (
            inner or p["title"].search(before) or pattern("phi_honorifics").fullmatch(name.split()[0])):  # "Coach Lena Park": after a title, "Park" is a surname
        return make(ORGANISATION, "the name ends like a practice or organisation ('Dental', 'Clinic')")
    for figure in org.public_figures:
        if _matches_name(lowered, figure):
            return make(PUBLIC, f"configured public figure '{figure}'")
    for member in org.staff:
        if _roster_match(lowered, member, before, index.roster_in_full(org.staff)):
            return make(STAFF, f"on the configured staff roster ('{member}')", provider=True)
    if name.lower().startswith(("dr ", "dr.")) or p["staff_title"].search(lead):
        return make(STAFF, "a clinician's title before the name", provider=True)
    if p["staff_after"].search(after):
        role = p['staff_after'].search(after).group(0).strip(' ,')
        return make(STAFF, f"a staff credential or role ('{role}')", provider=bool(_CLINICAL.search(role)))
    if p["staff_before_es"].search(lead):  # "llame a nuestra gerente, la Sra. Ortega"
        return make(STAFF, f"a staff role before the name ('{p['staff_before_es'].search(lead).group(0).strip()}')")
    if p["staff_before"].search(lead) and not p["family_before"].search(before):
        role = p['staff_before'].search(lead).group(0).strip(' ,:')
        return make(STAFF, f"a staff role before the name ('{role}')", provider=bool(_CLINICAL.search(role)))
    if p["staff_group"].search(before):
        return make(STAFF, f"named as one of our team ('{p['staff_group'].search(before).group(0).strip(' ,:(')}')")
    if p["our_own"].search(before) and not _COMMUNITY_ROLE_AFTER.match(after):
        return make(STAFF, "'our own' (a colleague)")  # not "our own Ms. Vance — the crossing guard every kid knows"
    if _PASSED_ALONG_TO.search(before):
        return make(STAFF, "praise passed on to a colleague ('pass them along to ...')")
    if p["praised_staff"].search(text[ident.end:ident.end + 160]) and (_PRAISE_ABOUT.search(before) or _SENDS_THANKS.match(after)):
        return make(STAFF, "praise passed on to a colleague ('kind words about ...', '... says thank you')")
    if p["department"].search(after):
        return make(STAFF, f"works in a department ('{p['department'].search(after).group(0).strip()}')")
    if _ASK_FOR_BEFORE.search(before):
        return make(STAFF, f"the one to ask for at our office ('{_ASK_FOR_BEFORE.search(before).group(0).strip()}')")
    works = p["works_here"].search(after)
    if works and not _JOINED_OUR_CARE.match(after) and not _WORKS_ELSEWHERE.match(after, works.end()):
        return make(STAFF, f"works or volunteers here ('{p['works_here'].search(after).group(0).strip(' ,')}')")
    # the title before the name, or taken into it by the model ("[Mayor] Dennis Whitcomb")
    public = p["public_before"].search(before) or (" " in name and p["public_before"].search(f"{before}{name.split()[0]} "))
    if public:
        return make(PUBLIC, f"a public title ('{public.group(0).strip(' ,')}')")
    if p["family_before"].search(before) or p["family_after"].search(after):
        return make(FAMILY, "the author's own relative")
    if _SELF_INTRODUCED.search(before):
        return make(FAMILY, "the author, introducing themself ('I'm ...'): their own story, told by them")
    staff_relative = _STAFF_RELATIVE_BEFORE.search(before)
    if staff_relative and any(e.role == STAFF and sent_start <= e.start < ident.start for e in earlier) and not _CARE_HERE.search(
            text[sent_start:sent_end or len(text)]):
        # "congratulating Lab Tech Nina Cole and her wife Ana on the arrival of baby June": a colleague's family news
        return make(FAMILY, f"a staff member's family ('{staff_relative.group(0).strip()}')")
    if p["animal"].search(after) or p["animal_before"].search(before):
        return make(ANIMAL, "an animal, not a person")
    illustrative = index.search("illustrative", sent_start, sent_end) or index.search("story_disclaimer", 0, len(text))
    if illustrative:
        return make(ILLUSTRATIVE, f"a composite or made-up person ('{illustrative.group(0)}')")
    public_news = index.search("public_news", sent_start, sent_end)
    if public_news and not vocative:
        return make(PUBLIC, f"their health is public news ('{public_news.group(0)}')")
    listed = _listed_after(text, ident, earlier)
    if listed is not None and listed.role != CANDIDATE:
        return make(listed.role, f"listed with '{listed.text}' ({listed.reason})")
    guest = index.search("guest", sent_start, sent_end)
    if guest and (not vocative or guest.group(0).lower().startswith("for ")
                  or _FOR_BEFORE.search(text, max(0, guest.start() - 5), guest.start())):
        # "Thank you Pastor Williams for hosting our clinic": thanked for what a guest or host does
        return make(GUEST, f"a guest, speaker or donor ('{guest.group(0)}')")
    if spotlight:
        cared_for = _CARED_FOR_BEFORE.search(text[sent_start:ident.start])
        if cared_for and _COURTESY_TITLED.match(ident.text) and any(e.role == STAFF for e in earlier):
            # "Last spring she spent three nights coaching Mr. Abernathy off the ventilator": who they cared for
            return make(CANDIDATE, f"cared for by the staff member in the spotlight ('{cared_for.group(0).strip()}')")
        return make(STAFF, "the post is a staff or volunteer spotlight")
    return make(CANDIDATE, "nothing shows they are staff, a public figure or the author's relative")


def _squashed(name: str) -> str:
    """A name as a tag writes it: lower case, letters and digits only ("Lakeshore Health" -> "lakeshorehealth")."""
    return regex.sub(r"[^\p{L}\p{N}]+", "", name.lower())


def _ends_like_an_organisation(name: str) -> bool:
    last = name.split()[-1].lower().strip(".,")
    return last in _PLACE_WORDS or last in _ORG_WORDS


def _matches_name(lowered: str, configured: str) -> bool:
    full = _key(configured)
    return bool(lowered) and (lowered == full or (len(lowered.split()) > 1 and lowered in full) or full in lowered)


def _roster_match(lowered: str, member: str, before: str, in_full: frozenset[str]) -> bool:
    """A roster name, or part of one when the post also shows it is that colleague.

    ``in_full`` holds the roster names the post writes in full (:func:`_roster_named`)."""
    full = _key(member)
    if _matches_name(lowered, member):
        return True
    parts = set(full.split())
    if not lowered or not set(lowered.split()) <= parts:
        return False
    if _CLINICIAN_TITLE_BEFORE.search(before):
        return True
    # "Tom Alvarez ... Tom has trained": the full name appears in the same post.
    return member in in_full


@lru_cache(maxsize=8)
def _roster_pattern(staff: tuple[str, ...]) -> TimedPattern | None:
    """Every roster name as one alternation (longest first), words separated by any spacing."""
    names = sorted({" ".join(member.split()) for member in staff if member.split()}, key=len, reverse=True)
    if not names:
        return None
    alternatives = (r"\s+".join(map(regex.escape, name.split())) for name in names)
    compiled = regex.compile(r"\b(?:" + "|".join(alternatives) + r")\b", regex.IGNORECASE)
    return timed(compiled, "staff roster", "roster names")


def _roster_named(text: str, staff: tuple[str, ...]) -> frozenset[str]:
    """The roster members whose full name ``text`` writes, in one pass over the text.

    Searching the post once per partial name met was a pass per name (issue #10). A match is
    the longest roster name at its place; a shorter name inside it ("Ann Lee" in "Ann Lee
    Smith") counts as written too."""
    compiled = _roster_pattern(staff)
    if compiled is None:
        return frozenset()
    written = {" " + " ".join(m.group().lower().split()) + " " for m in compiled.finditer(text, overlapped=True)}
    return frozenset(member for member in staff
                     if any(" " + " ".join(member.lower().split()) + " " in w for w in written))


def _listed_after(text: str, ident: Identifier, earlier: Sequence[Person]) -> Person | None:
    """The person just before in a list ("Emily Tran, Josh Bell and Maya Singh")."""
    if not earlier:
        return None
    previous = earlier[-1]
    gap = text[previous.identifier.end:ident.start]
    return previous if len(gap) <= _NAME_LIST_GAP_LIMIT and _NAME_LIST_GAP.fullmatch(gap) else None


# "Ana Ruiz, RN and Tom Ek": a credential may stand between two listed names.
_NAME_LIST_GAP = regex.compile(r"\s*(?:,\s*[A-Z][A-Za-z]{1,5}\.?\s*)?(?:,|,?\s*and|&)\s*")
_NAME_LIST_GAP_LIMIT = 24  # characters; a longer gap is not a list separator
_INNER_TITLE = regex.compile(r"(?:(?:dr\.?|doctor|nurse|officer|chaplain|pharmacist|midwife|therapist)\s+)+(?=\w)",
                            regex.IGNORECASE)
_CLINICIAN_TITLE_BEFORE = regex.compile(r"\b(?:dr\.?|doctor|nurse)\s*$", regex.IGNORECASE)
_DASH_THEN_YOU = regex.compile(r"^\s*[-\u2013\u2014]+\s*(?:you|your|you're|you've|you'll)\b", regex.IGNORECASE)
_CLOSES_ADDRESS = regex.compile(r"^\s*(?:[,!?.]|$)|^\s*[\p{So}\p{Sk}\uFE0F\u200d]")

_VOCATIVE_REACH = 400  # characters before a name in which its greeting or thanks is looked for


def _is_vocative(text: str, ident: Identifier, before: str, after: str, sent_start: int,
                 index: _SentenceIndex) -> bool:
    """The post addresses the person: "Get well soon, Mr. Hargrove!", "Deb, you inspire us".

    The cue patterns are anchored at the name, so only the last ``_VOCATIVE_REACH``
    characters of the sentence before it are searched; a sentence start beyond that reach is
    stood in for by a character that cannot begin a cue."""
    reach = max(sent_start, ident.start - _VOCATIVE_REACH)
    sentinel = "" if reach == sent_start else (text[reach - 1] if text[reach - 1].isalnum() else "\x00")
    stripped_before = sentinel + text[reach:ident.start]
    cut = ident.start  # where stripped_before ends, in the post
    title = _patterns()["title"].search(stripped_before)
    if title:
        stripped_before = stripped_before[:title.start()]
        cut = reach + title.start() - len(sentinel)
    if _patterns()["thanks"].search(stripped_before):
        return True  # "Thank you @coach_benny for the pizza party"
    if _DASH_THEN_YOU.match(after):
        return True  # "Hey @sam_k — your results are in", "a reminder for Mrs. Lee — your refill is ready"
    followed = _CLOSES_ADDRESS.match(after) is not None  # "..., Tom \U0001f4aa"
    if not followed:
        return False
    last = cut
    while last > sent_start and text[last - 1].isspace():
        last -= 1
    if last == sent_start or text[last - 1] == ",":
        return True
    return _patterns()["greeting"].search(stripped_before) is not None
