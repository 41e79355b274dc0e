"""One reading of a post the way a privacy officer reads it, shared by every PHI rule.

For each person who may be a patient it collects what the post ties to them: health information,
care cues ("our patient", "came in for", "discharged"), places of care ("in our NICU"), the
providers named with them, details that single them out (room, date of care, age over 89,
hometown), and story framing. Replies to reviews get their own cues: second-person care
("your visit"), denials ("you were never a patient"), health words addressed to the reviewer.
Rules then decide what each combination is worth. Computed once per post and cached.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import regex

from ...analysis import Analysis
from ...language.blocks import LONG, Block, block_of, blocks
from ...language.clauses import clause_head, clause_tokens, governs, same_clause, token_at
from ...language.entities import drug_names, handle_kind, type_of_name
from ...nlp.regex_budget import TimedPattern, timed
from ...vocabularies import pattern, terms
from . import signals
from .identifiers import DETAIL_KINDS, PERSON_KINDS, STRONG, Identifier, identifiers, state_or_larger
from .account import account_names, is_lead_words
from .options import PhiOptions, authorization, authorization_not_in_force, options_from
from .people import (ANIMAL, CANDIDATE, FAMILY, GUEST, NOT_A_PERSON, NOT_PATIENTS, ORGANISATION, PATIENT, PUBLIC, STAFF,
                     TRAINING_OR_STAFF, Organisation, Person, classify, made_up_story, name_key)
from .quasi import QUASI_IDENTIFIERS, combinations
from .names import AGE_OVER_89, BIOMETRIC, KIN_OF_NAMED, ROOM_NUMBER, UNIQUE_CHARACTERISTIC, VEHICLE_ID, is_given_name
from .signals import Cue

REPLY_KINDS = ("review-reply", "comment-reply")
POST_KINDS = ("post", "ad", "bio", "story")
# Abbreviations that are also ordinary words: they count only as written by clinicians.
_UPPERCASE_ONLY = {"er": "ER", "ed": "ED", "ned": "NED", "npo": "NPO", "aids": "AIDS", "prep": "PrEP", "php": "PHP", "iop": "IOP", "als": "ALS", "acl": "ACL", "or": "OR"}
_REFUSAL = regex.compile(
    r"\b(?:can(?:no|['\u2019])t|cannot|don['\u2019]t|do not|won['\u2019]t|will not|unable to|not able to|never|"
    r"(?:prevent|prevents|keep|keeps) us from)\s+(?:\w+\s+){0,3}?(?:discuss\w*|comment\w*|share|confirm\w*|deny|respond\w*|"
    r"talk\w* about|disclose|post|give|get into)\b", regex.IGNORECASE)
# Spanish "su", "sus", "usted", "tu" address the reader too ("los resultados de su prueba de embarazo", issue #9 part 7).
_SECOND_PERSON = regex.compile(r"\b(?:you|your|you're|you've|you'd|yours|u|ur|usted|ustedes)\b"
                               r"|(?<!\w)(?-i:[Ss]us?|[Tt]us?)\s+(?!propi)(?-i:[a-záéíóúñ])",
                               regex.IGNORECASE)
_ATTRIBUTION = regex.compile(r"^[\s\"'\u201c\u201d]*[-\u2013\u2014~]\s*$")
_FACILITY_CARE = regex.compile(r"\b(?:born|delivered|treated|admitted|seen|hospitalized|discharged from|recovering|"
                                r"operated on|transferred to|rushed to|brought to|airlifted to|came(?: in)? to|arrived at|"
                                r"checked into)\s+(?:at|in|to|from)?\s*(?:the\s+)?$",
                                regex.IGNORECASE)
# "came to Lakeshore to volunteer": arriving at our place for something other than care.
_NOT_FOR_CARE_AFTER = regex.compile(r"\s+(?:to|as)\s+(?:an?\s+)?(?:work|volunteer|join|speak|teach|lead|visit|donate|perform|"
                                    r"celebrate|train|intern|nurse|doctor|resident|fellow|student|employee)", regex.IGNORECASE)
# The reviewer spoken of in the third person, to the other readers: "this 'reviewer'", "the commenter above".
_THE_REVIEWER = regex.compile(r"\b(?:this|that|the)\s+['\"\u2018\u201c]?(?:reviewer|commenter|poster)\b", regex.IGNORECASE)
_REVIEWER = regex.compile(r"\b(?:a|this|the|that)\s+(?:\w+\s+)?(?:patient|reviewer|person|individual)\b", regex.IGNORECASE)
_INPATIENT = regex.compile(r"\b(?:bed|bay|crib|isolette|bassinet|cubicle|exam room|patient room|recovery room|delivery room|"
                           r"isolation room|icu|nicu|picu|cicu|pacu|er|ed|l&d)\b", regex.IGNORECASE)
# A clinician's own clinical acts ("I gave a flu shot to ...", "I stitched up ...", "I told her the biopsy ..."):
# with "tell" and "see" only when health is said in the same sentence.
_FIRST_PERSON_CARE_VERBS = frozenset({"give", "deliver", "treat", "see", "stitch", "suture", "splint", "cast", "clean",
                                      "pull", "remove", "draw", "examine", "fit", "adjust", "operate", "intubate",
                                      "resuscitate", "vaccinate", "diagnose", "tell", "scope", "scan", "triage", "admit",
                                      "discharge", "transport", "fly", "grade", "inject", "dose", "fill", "refill", "extract",
                                      "set", "catch", "counsel", "evaluate", "assess", "check", "swab", "test", "confirm",
                                      "scribe", "interpret", "chart"})
# "my 10am today was ...", "my last patient tonight", "today's patient is ...": one appointment of the author's.
_MY_APPOINTMENT = regex.compile(r"\bmy (?:\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|first|last|next|favou?rite) "
                                r"(?:patient |pt |client |appointment |appt )?(?:today|tonight|this morning|this afternoon|was|is)\b|"
                                r"\b(?:today|tonight)'s (?:patient|pt|client|appointment)\b", regex.IGNORECASE)
# A patient's bell on a ward: "room 14 has hit the call light 37 times since midnight".
_CALL_LIGHT = regex.compile(r"\bcall (?:light|bell|button)s?\b", regex.IGNORECASE)
_QUOTE_ATTRIBUTION = regex.compile(r"[\"\u201c](?P<quote>[^\"\u201c\u201d]{8,400})[\"\u201d]\s*(?P<dash>[-\u2013\u2014~])\s*\w")
# A course of care told by the one who had it: "after 8 weeks at Ridgeline", "six sessions with your team".
_COURSE_OF_CARE = regex.compile(r"\b(?:\d+|a few|few|several|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:[\w-]+\s+)?"
                                r"(?:weeks?|months?|sessions?|visits?|treatments?|adjustments?|appointments?)\s+(?:at|with|of care at)\s+"
                                r"(?:(?-i:[A-Z])|your|you|the clinic|the office)", regex.IGNORECASE)
_FIRST_PERSON = regex.compile(r"\b(?:i|my|me|i'm|i've)\b", regex.IGNORECASE)
_SCHOOL = regex.compile(r"\b(?:high|elementary|middle|school|academy|college|university)\b", regex.IGNORECASE)
# A photo or video the draft describes in brackets: "[Photo: Ana in the infusion chair]".
# "[IG story photo: ...]" names its medium first; a bracketed description may hold parentheses ("(Tasha & kids)").
# What a described picture is called, in "[photo: ...]" and in "[photo of ...]".
_PICTURE_NOUNS = r"photo|picture|pic|image|video|clip|reel|boomerang"
_PHOTO_DESCRIPTION = regex.compile(r"(?:\[\s*(?:[\w-]+\s+){0,2}(?:" + _PICTURE_NOUNS + r"|slideshow|slide|audio|voicemail|voice memo|recording)s?"
                                   r"(?:\s+(?:pair|set|series|grid|collage|carousel|strip|montage|\d+))?\s*:\s*"
                                   r"(?P<description>[^\]\[]{3,400})\]"
                                   r"|\(\s*(?:[\w-]+\s+){0,2}(?:photo|picture|pic|image|video|clip)\s*:\s*(?P<description>[^()\[\]]{3,240})\))",
                                   regex.IGNORECASE)
_RECORDING = regex.compile(r"[\[(]\s*(?:[\w-]+\s+){0,2}(?:audio|voicemail|voice memo|recording)\s*:", regex.IGNORECASE)
_OWN_VOICE = regex.compile(r"\b(?:(?:his|her|their|own) (?:own )?voice|unedited|full voicemail|says? (?:his|her|their) (?:full )?name|"
                           r"saying (?:his|her|their) name)\b", regex.IGNORECASE)
# A board, screen or label readable in a photo: "a whiteboard reads '...'", "the monitor shows ...", "in readable marker".
_READABLE_RECORD = regex.compile(r"\b(?P<what>white ?board|board|screen|monitor|chart|census|wristband|label|schedule|sign-in sheet|film|requisition|"
                                 r"clipboard|printout|card|note|letter)\b[^.;]{0,60}?\b(?:reads?|reading|readable|legible|visible|shows?|showing|"
                                 r"lists?|listing|with)\b", regex.IGNORECASE)
# A photo told by what it is of, without a colon: "[photo of the pickup shelf; the front label reads ...]".
_PHOTO_OF = regex.compile(r"\[\s*(?:[\w-]+\s+){0,2}(?:" + _PICTURE_NOUNS + r"|slide\s*\d*)s?\s+of\b\s*(?P<description>[^\]\[]{3,400})\]",
                          regex.IGNORECASE)
# A selfie or a screenshot the post describes: "[Selfie at the nurses' station; behind me the board lists ...]".
_SELFIE_OR_SCREENSHOT = regex.compile(r"\[\s*(?:[\w-]+\s+){0,2}(?:selfie|screenshot|screen ?shot|screen ?grab)s?\b\s*:?\s*"
                                      r"(?P<description>[^\]\[]{3,400})\]", regex.IGNORECASE)
_NOTHING_READABLE = regex.compile(r"\b(?:blank|erased|blurred|covered|pixelated|no names?|no patient names?|unreadable|"
                                  r"staff (?:shifts?|schedule|names|assignments)|on[- ]call|staffing|"
                                  r"illegible|out of focus)\b", regex.IGNORECASE)
# Someone listed on it: a capitalised surname, an initial and a surname, or a room or bed.
_LISTED_PERSON = regex.compile(r"(?-i:\b[A-Z]\.\s?[A-Z][a-z]+|\b[A-Z][a-z]{2,}\b(?=\s*[-\u2013\u2014:,(])|\b[A-Z]{2,},\s?[A-Z]+\b)|"
                               r"\b(?:rm|room|bed)\s*\d+|\b(?:patients'? |last |full )names\b|\bDOB\b",
                               regex.IGNORECASE)
_READABLE_RECORD_PATTERN = "(pattern: readable-record)"
# What is still readable after the rest was covered: "most names are blurred, but bed 6 still reads ...".
_STILL_READABLE = regex.compile(r"\b(?:but|except|still|only (?:covers?|hides?|blurs?) (?:half|part))\b", regex.IGNORECASE)
# A date of birth on a label: "DOB 04/11/1968", one of the Safe Harbor dates.
_BIRTH_DATE = regex.compile(r"\b(?:DOB|D\.O\.B\.|date of birth|born)\W{0,3}\d", regex.IGNORECASE)
_READABLE_PLATES = regex.compile(r"\b(?:licen[cs]e )?plates?\b[^.;\]]{0,50}?\b(?:readable|legible|visible|clear|in focus)\b", regex.IGNORECASE)
_OUR_LOT = regex.compile(r"\b(?:our|the (?:clinic|hospital|office|practice|center|centre)(?:'s)?) (?:parking )?(?:lot|garage|entrance|driveway|"
                         r"drop-off|parking)\b", regex.IGNORECASE)
_CAPITALISED = regex.compile(r"(?-i:\b[A-Z][a-z]{2,}\b)")
_NO_FACE = regex.compile(r"\b(?:blurred|pixelated|no faces?|faces? (?:hidden|covered|not (?:shown|visible))|hands only|"
                         r"from behind|silhouette|back to (?:the )?camera|unidentifiable|cropped)\b", regex.IGNORECASE)
_IDENTIFYING_MARK = regex.compile(r"\b(?:tattoos?|birthmark|scar|jersey|name ?tag|signature|cap with|initials|"
                                  r"license plate|face visible)\b", regex.IGNORECASE)
_SCHOOL_NAME = regex.compile(r"\b(?:from|at)\s+(?:the\s+)?(?P<name>(?-i:(?:[A-Z][\w'-]+\s+){1,3}(?:High|Middle|Elementary|Academy)(?:\s+School)?))\b")
_HOMETOWN = regex.compile(r"\bfrom\s+(?:the\s+)?$", regex.IGNORECASE)
# The words between a procedure and the one it was done for: "a rhinoplasty for ", "a root canal on one of ".
_PROCEDURE_FOR = regex.compile(r"\s+(?:for|on)\s+(?:one\s+of\s+)?", regex.IGNORECASE)
# An event of ours held at a school: "our balance class at Westbrook Academy", "a flu clinic at
# Lincoln High": the school is where we go, not where someone comes from.
_OUR_EVENT_BEFORE = regex.compile(r"\b(?:talk|class|clinic|screenings?|fair|workshop|presentation|drive|session|assembly|event|"
                                  r"booth|table|visit|demo|seminar|q&a|night|day)\s+(?:[\w'-]+\s+){0,2}$", regex.IGNORECASE)
_GENERIC_DETERMINER = regex.compile(r"\b(?:every|each|any|all|per|no|most|many|some|other|another|these|those|more than|\d[\d,]*)\s+(?:[\w-]+\s+){0,2}$",
                                    regex.IGNORECASE)

# Health words that name a cause, an event or a class rather than someone's health ("cancer
# research", "CPR class"), and those that also name a service or a team ("our transplant team").
_CAUSE_AFTER = regex.compile(
    r"^[\s-]*(?:research|awareness|month|week|day|walk|run|5k|fundrais\w*|foundation|society|association|charity|event|"
    r"drive|class|classes|course|training|education|support group|guidance|recommendations?|information|resources?|fair)\b",
    regex.IGNORECASE)
_BUILDINGS = (r"wing|floor|building|suite|tower|pavilion|campus|expansion|addition|entrance|entrances|doors|driveway|"
              r"parking (?:lot|garage|deck)|lobby|ambulance bay|helipad|cafeteria|gift shop")
_BUILDING_AFTER = regex.compile(r"^[\s-]*(?:" + _BUILDINGS + r")\b", regex.IGNORECASE)  # "our new urgent care wing"
_SERVICE_AFTER = regex.compile(
    r"^[\s-]*(?:team|teams|center|centre|unit|clinic|clinics|department|program|programme|staff|nurses?|doctors?|"
    r"specialists?|providers?|services?|" + _BUILDINGS + r")\b", regex.IGNORECASE)
_WARM = regex.compile(r"\b(?:you|your|thanks|thank|congrat\w*|proud|bless|love|miss|welcome|way to go|go|hugs|cheers)\b",
                       regex.IGNORECASE)
# Celebration words that also open news, events and videos ("Meet the researcher", "Watch:").
_WEAK_PRAISE = regex.compile(r"(?:meet|watch|video|celebrat|photo|swipe|throwback|scrapbook|spotlight|journey|[\"\u201d])",
                             regex.IGNORECASE)
_SERVICE_BEFORE = regex.compile(r"\bour\s+(?:[\w-]+\s+)?$", regex.IGNORECASE)
# "both teens", "the two boys": a plural noun that counts people, each of them identified.
_COUNTED_BEFORE = regex.compile(r"\b(?:both|the two|the three|all three|the pair of)\s+(?:[\w-]+\s+)?$", regex.IGNORECASE)
_MY_BEFORE = regex.compile(r"\bmy\s+(?:[\w-]+\s+)?$", regex.IGNORECASE)
# Pronouns that refer back to a person named before: they carry a tie into the next sentence.
# Spanish "su", "ella", "él" refer back as well (issue #9, part 7: "su A1c bajó de 11.2 a 6.8").
_BACK_REFERENCE = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their",
                             "su", "sus", "ella", "él"})
_ADDRESS = signals.YOU
# "the Okafor family! All three boys came in ...": a family named, then its members spoken of.
_FAMILY_AFTER = regex.compile(r"\s+(?:family|clan|household|crew|kids|twins|triplets)\b", regex.IGNORECASE)
_MEMBERS_OF_THE_FAMILY = regex.compile(r"\b(?:(?:all|both)\s+(?:(?:two|three|four|five|six|\d)\s+)?(?:of\s+(?:them|the\s+\w+)|kids|boys|girls|children|siblings|sisters|brothers|twins)"
                                       r"|the\s+(?:kids|boys|girls|children|siblings|twins|triplets)|(?:mom|dad|grandma|grandpa)\s+and\s+(?:the\s+)?(?:kids|baby))\b",
                                       regex.IGNORECASE)
_ORG_USE = regex.compile(r"\b(?:in|on|via|from|at|by|join|joins|joined|joining|with|(?<!(?:shout-?out|shout out|congrats|congratulations|cheers|props|kudos|welcome|love|hugs|vibes|prayers|wishes|thoughts|strength|healing) )to|h/t|ht|cc|thanks to)\s+$", regex.IGNORECASE)
# The start of a line that counts people in a place: "890 from Khordha", "12 in Eastvale".
_COUNT_BEFORE = regex.compile(r"(?:^|\n)[ \t]*\d[\d,]*[ \t]+(?:from|in|at|of)[ \t]+$")
# What a total counts: people and cases ("357 new cases", "3,484 patients"), not hours or weeks.
_COUNTED_NOUNS = frozenset({"case", "death", "infection", "admission", "discharge", "recovery", "hospitalization",
                            "resident", "person", "people", "patient", "child", "adult", "visit", "test", "dose", "vaccination"})
_CARE_VERBS = frozenset({"treat", "admit", "discharge", "deliver", "bear", "operate", "diagnose", "vaccinate", "stay",
                         "recover", "heal", "see"})
_WHO_AFTER = regex.compile(r"\s*,?\s*(?:who|who's|whose)\b", regex.IGNORECASE)
_ABOUT_BEFORE = regex.compile(r"\b(?:about|regarding|of|tour(?:ed|ing|s)?|visit(?:ed|ing|s)?|open(?:ed|ing|s)?|support(?:ed|ing|s)?|"
                              r"fund(?:ed|ing|s)?|buil[dt](?:ing|s)?|expand(?:ed|ing|s)?)\s+$", regex.IGNORECASE)
_MEMBER_OF_BEFORE = regex.compile(r"\b(?:singer|drummer|guitarist|bassist|frontman|members?|captain|coach|quarterback|qb|"
                               r"founder|owner|ceo|president|director|host|anchor)\s+(?:of|for)\s+(?:the\s+)?$", regex.IGNORECASE)
_SAINT_BEFORE = regex.compile(r"(?-i:\b(?:St\.?|Saint|Ste\.?)\s+$)")
_SAINT_START = regex.compile(r"(?-i:(?:St\.?|Saint|Ste\.?)\s+[A-Z])")
_TEAM_BEFORE = regex.compile(r"\bteam\s+$", regex.IGNORECASE)
_ADDRESS_TITLE = r"(?:mr|mrs|ms|mx|dr|miss|prof)\.?"  # "Mr.", "Dr", "Prof."
_TITLE_BEFORE = regex.compile(r"\b" + _ADDRESS_TITLE + r"\s+$", regex.IGNORECASE)
_CLINICIAN_TITLE_WORD = r"(?:Dr|Dra|Doctor)\.?"  # a clinician's title: "Dr.", "Dra.", "Doctor"
_WITH_CLINICIAN = regex.compile(r"\s+(?:with|by)\s+" + _CLINICIAN_TITLE_WORD + r"\s+[A-Z]")
_TITLE_AT = regex.compile(_ADDRESS_TITLE + r"\s", regex.IGNORECASE)
_PLACE_PREPOSITION_BEFORE = regex.compile(r"\b(?:at|in|into|inside|to)\s+(?:the\s+)?$", regex.IGNORECASE)
_HANDLE_AFTER_NAME_GAP = regex.compile(r"\s{0,8}[(,]\s{0,8}")  # "Dr. Mullen (@emullen)"
_HANDLE_LIST_GAP = regex.compile(r"[\s,&+]{1,8}(?:and\s+)?")  # "@a @b, @c and @d"
# "our ACL rehab crew", "our 2025 transformation stars", "our NICU grads": a group the post names as ours.
_OUR_GROUP = regex.compile(r"\bour\s+(?P<modifier>(?:[\w'’-]+\s+){0,3}?)(?P<head>crew|group|squad|family|class|cohort|"
                           r"stars|warriors|survivors|patients|clients|graduates|grads|alumni|champions|success stories)\b",
                           regex.IGNORECASE)
_PATIENT_GROUPS = frozenset({"warriors", "survivors", "patients", "clients"})
_ALUMNI_GROUPS = frozenset({"graduates", "grads", "alumni", "stars", "champions", "success stories"})  # with health nearby

_PLACE_LIST_GAP = regex.compile(r"\s{0,8}(?:\+|&|&amp;|and|,)\s{0,8}")  # "Dayton + Springfield"
_YOUR_BEFORE = regex.compile(r"\b(?:your|ur|(?-i:[Ss]us?|[Tt]us?))\s+(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)
_IN_BEFORE = regex.compile(r"\bin\s+$")
# ... or a resident of a care home named in full: "the first resident at St Brigid's Community Nursing Unit".
_OUR_RESIDENT = regex.compile(r"\bour\s+(?:[\w-]+\s+){0,2}?residents?\b|\b(?:the|our)\s+(?:memory[- ]care|assisted[- ]living|"
                              r"skilled[- ]nursing|long[- ]term[- ]care|dementia[- ]care|hospice)\s+(?:wing|unit|floor|"
                              r"neighbou?rhood|household|cottage|suite)\b|"
                              r"\bresidents?\s+(?:at|of|in)\s+(?:the\s+)?(?-i:(?:[A-Z][\w'\u2019.]*\s+){1,4})"
                              r"(?:Community\s+)?(?:Nursing|Care|Residential|Retirement|Assisted|Memory|Hospice)\b", regex.IGNORECASE)
_WORD = regex.compile(r"[A-Za-z]{2,}")
_TAG = regex.compile(r"[#@]\w+")
_THREAD_COUNTER = regex.compile(r"\d{1,2}/\d{1,2}")
_CLINICIAN_FOR = regex.compile(r"\b(?:the|their|his|her|my)\s+(?:[\w-]+\s+)?(?:nurse|doctor|surgeon|physician|therapist|medic|"
                            r"paramedic|dentist|hygienist|pharmacist|provider|anesthetist|midwife)\s+for\b", regex.IGNORECASE)
_VEHICLE_OWNER = regex.compile(r"\b(?:owner|whoever|driver|drives|you|your|he|she|his|her)\b", regex.IGNORECASE)
_POINTER_ARTICLE_BEFORE = regex.compile(r"\b(?:the|a|an|our|this|that|my|yesterday's|today's|tonight's)\s+(?:[\w'-]+\s+){0,3}$",
                                        regex.IGNORECASE)
_CARE_EVENT_EXPLANATION = regex.compile(r"care event '([^']+)'")
# Patterns run over the whole post carry the linter's regex-timeout budget.
_URL = timed(regex.compile(r"https?://\S+"), "PHI assessment", "links")
_RECORD_CONTEXT = timed(regex.compile(r"\b(?:patient|insurance|insured|claim|copay)\b", regex.IGNORECASE),
                        "PHI assessment", "record-number context")
_NOUN_MODIFIER_AFTER = timed(regex.compile(
    r"(?-i:\s+Life\b)|\s+(?:transport|relations|experience|advocate|care|portal|line|safety|services|numbers?|counts?|"
    r"rates?|totals?|data|definitions?|reports?|management|technicians?|coordinators?|navigators?|access|liaisons?|"
    r"privacy|confidentiality|information|rights|names)\b",
    regex.IGNORECASE),
    "PHI assessment", "person noun used as a modifier")


@lru_cache(maxsize=256)
def _facility_pattern(name: str) -> TimedPattern:
    """One of the organisation's facility names, any spacing, whole words; compiled once per name."""
    words = r"\s+".join(map(regex.escape, name.split()))
    # not inside a web address, an e-mail or a handle: "book at quickstop.example", "@quickstop_care"
    return timed(regex.compile(r"(?<![\w@#/.])" + words + r"(?!\w|\.\w)", regex.IGNORECASE), "organisation.facilities", name)


@dataclass(frozen=True)
class Tie:
    """Everything a post ties to one person who may be a patient."""

    person: Person  # first mention
    mentions: tuple[Person, ...]
    scope: tuple[tuple[int, int], ...]
    health: tuple[Cue, ...]
    care: tuple[Cue, ...]  # cues that say the person is or was our patient
    places: tuple[Cue, ...]  # places of care and providers: count only with health information
    details: tuple[Identifier, ...]
    own_sentence_health: tuple[Cue, ...]

    @property
    def is_patient_of_ours(self) -> bool:
        """Care is stated, or a place of care comes with health information."""
        return bool(self.care) or self.person.role == PATIENT or bool(self.places and self.health)

    @property
    def relationship(self) -> tuple[Cue, ...]:
        if self.care:
            return self.care
        if self.places and self.health:
            return self.places
        if self.person.role == PATIENT:  # "our patient Ana", "Ava in room 218": the role itself says so
            # the label names a category, as every evidence label does: the reason quotes the post ("the one we
            # cared for ('... her broken wrist')"), and masked output shows labels; the role's own evidence
            # (explain.role_evidence) carries the reason as its text, which masking hides
            return (Cue(self.person.start, self.person.end, self.person.text, "people", "our patient by their role"),)
        return ()


@dataclass(frozen=True)
class DetailHit:
    """A detail that singles out a patient (PHI-08): what it is, who it points at, why it is care."""

    detail: Identifier
    pointer: str  # the person or phrase it points at
    pointer_span: tuple[int, int]
    tie: Tie | None
    health: tuple[Cue, ...]
    care: tuple[Cue, ...]


class Assessment:
    """The PHI reading of one analysed post (see module docstring)."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.text = analysis.text
        self.doc = analysis.doc
        self.kind = analysis.post.kind
        self.is_reply = self.kind in REPLY_KINDS
        org = Organisation.from_settings(analysis.settings.organisation)
        own = tuple(n for n in account_names(analysis.post.metadata) if n not in org.facilities)
        self.org = replace(org, facilities=org.facilities + own) if own else org
        self._account_leads = frozenset(n for n in own if is_lead_words(n))
        self.options: PhiOptions = options_from(analysis.settings.family_options("phi"))
        self.authorization = authorization(analysis.post.metadata)
        self.sentences = tuple((s.start_char, s.end_char) for s in analysis.sentences) or ((0, len(self.text)),)
        self.blocks: tuple[Block, ...] = blocks(self.text)

    def lexicon(self, name: str):
        """The post's matches of a shared lexicon (none when the analysis has no language layer)."""
        try:
            return self.analysis.cues(name)
        except (RuntimeError, KeyError):
            return ()

    @cached_property
    def animals(self):
        """Words that say the post is about an animal, without "vet" where it means a veteran ("a WWII
        vet", "our 94 y/o Army vet", "Vietnam vets")."""
        return tuple(c for c in self.lexicon("animals")
                     if not (c.text.lower() in {"vet", "vets"} and _VETERAN_BEFORE.search(self.text[max(0, c.start - 24):c.start]))
                     and not _ANIMAL_IDIOM.search(self.text, max(0, c.start - 16), min(len(self.text), c.end + 12))
                     and not (c.text[:1].isupper() and c.text.endswith("s") and c.start > 0
                              and not self.text[max(0, c.start - 2):c.start].strip(" ").endswith((".", "!", "?")))
                     and not (c.text.isupper() and len(c.text) > 2 and _SLANG_BEFORE.search(self.text, max(0, c.start - 12), c.start)))
        # "our favorite Bulldogs shortstop": a capitalised plural inside a sentence is a team's name; "you're still
        # the GOAT": "the" and a word in capitals is slang or an acronym, not an animal

    @cached_property
    def _animal_words(self):
        """Animals and what only animals get ("her spay", "purring"), once per post: every person is typed against them."""
        return (*self.animals, *self.lexicon("animal_signs"))

    def block(self, offset: int) -> Block:
        return block_of(self.blocks, offset)

    @cached_property
    def _opens_made_up(self) -> bool:
        """The post's opening words say its story is made up ("Case Study Tuesday (hypothetical): ...")."""
        return made_up_story(self.text[:160])

    def _made_up(self, offset: int) -> bool:
        """The post's opening words or the paragraph at offset say the story is made up: "Case Study Tuesday
        (hypothetical): Imagine a 50-something office worker ...", "## Teaching Case (Composite)", "This case
        combines features of several patients" (the one definition: ``people.made_up_story``)."""
        block = self.block(offset)
        return self._opens_made_up or made_up_story(self.text[block.start:block.end])

    def same_block(self, a: int, b: int) -> bool:
        return self.block(a) == self.block(b)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset``, else of the last sentence, by bisection: PHI
        reads a sentence per mention, and a post of a thousand mentions and a thousand one-word
        sentences must not pay a million comparisons for it (issue #10)."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i][1]:
            return i
        return len(self.sentences) - 1

    def sentence_of(self, offset: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(offset)]

    def _cue_in_sentence_of(self, cues, mentions) -> bool:
        spans = {self.sentence_index(m.start) for m in mentions}
        return any(self.sentence_index(c.start) in spans and c.end <= self.sentence_of(c.start)[1] for c in cues)

    def window(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` with the sentence before and after it."""
        index = self.sentence_index(offset)
        return self.sentences[max(0, index - 1)][0], self.sentences[min(len(self.sentences) - 1, index + 1)][1]

    @cached_property
    def _strong_patients(self) -> tuple[list[int], list[str]]:
        """Starts and name keys of the people strong enough to end another's scope, in text order."""
        found = sorted((p.start, name_key(p)) for p in self.people if p.may_be_patient and p.identifier.score >= STRONG)
        return [start for start, _ in found], [key for _, key in found]

    # ------------------------------------------------------------------ basic signals

    @cached_property
    def identifiers(self) -> tuple[Identifier, ...]:
        floor = self.options.min_score
        headings = [b for b in self.blocks if b.heading]
        return tuple(i for i in identifiers(self.analysis) if i.score >= floor
                     and not (i.kind in PERSON_KINDS and any(b.start <= i.start < b.end for b in headings)))

    @cached_property
    def facility_spans(self) -> tuple[tuple[int, int], ...]:
        return self._spans_of(self.org.facilities)

    @cached_property
    def facility_spans_in_full(self) -> tuple[tuple[int, int], ...]:
        """Facility names written in full: the lead word of the account's name may be the town it is named after
        ("Haverton" of "Haverton Family Medicine"), which still says where someone comes from."""
        return self._spans_of(tuple(n for n in self.org.facilities if n not in self._account_leads))

    def _spans_of(self, names) -> tuple[tuple[int, int], ...]:
        return tuple(sorted(m.span() for name in names for m in _facility_pattern(name).finditer(self.text)))

    @cached_property
    def health(self) -> tuple[Cue, ...]:
        cues = []
        makers = self.lexicon("named_companies")
        for cue in signals.health_cues(self.text):
            expected = _UPPERCASE_ONLY.get(cue.text.lower())
            if expected is not None and cue.text != expected:
                continue
            if any(s <= cue.start and cue.end <= e for s, e in self.facility_spans):
                continue
            if any(i.kind in PERSON_KINDS and i.overlaps(cue.start, cue.end) and not _not_shaped_like_a_name(i.text)
                   and not any(c.start < i.end and i.start < c.end for c in makers)
                   and not _is_the_health_word(i, cue)  # "starting PrEP": no one's name
                   for i in self.identifiers):
                continue  # not "your Oticon Intent aids": a maker's name is not a person's
            if self._health_counted(cue):
                continue  # "380 babies delivered", "1,200 knee replacements": a year's total, no one's health
            cues.append(cue)
        cues += self._conditions(cues)
        cues += self._medications(cues)
        return tuple(sorted(cues, key=lambda c: c.start))

    def _health_counted(self, cue: Cue) -> bool:
        """The health word tells what happened to a count of people: "380 babies delivered", "3,000 patients
        vaccinated this fall", a year's total, not one person's health (a count of procedures, "Ana had 2 surgeries",
        stays one person's)."""
        token = token_at(self.doc, cue.start)
        if token is None or not self.doc.has_annotation("DEP"):
            return False
        if token.dep_ in {"acl", "amod"}:
            people = [token.head]
        else:
            people = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return any(p.tag_ in {"NNS", "NNPS"} and (p.lemma_ in _COUNTED_NOUNS or pattern("phi_person_nouns").fullmatch(p.text))
                   and any(c.dep_ == "nummod" and c.text.replace(",", "").isdigit() and int(c.text.replace(",", "")) > 1
                           for c in p.children)
                   for p in people)

    def _conditions(self, found) -> list[Cue]:
        """Diseases and infections of the shared language layer's MeSH lexicons ("living with emphysema"):
        the conditions a short vocabulary misses. A one-word match must be a noun the parse reads as one."""
        cues = []
        for name in _CONDITION_LEXICONS:
            for span in self.lexicon(name):
                if any(c.start < span.end and span.start < c.end for c in (*found, *cues)):
                    continue
                if any(i.kind in PERSON_KINDS and i.overlaps(span.start, span.end) for i in self.identifiers):
                    continue
                words = self.doc.char_span(span.start, span.end, alignment_mode="expand") or ()
                if len(words) == 1 and (words[0].pos_ not in {"NOUN", "PROPN"} or words[0].lower_ in _NOT_CONDITIONS):
                    continue
                cues.append(Cue(span.start, span.end, self.text[span.start:span.end], name, "condition (MeSH)"))
        return cues

    def _medications(self, found) -> list[Cue]:
        """A drug named with a person implies their condition ("finished her Epclusa course" says hepatitis
        C): drug names from the drug-named-entity-recognition package are health information."""
        names = drug_names()
        cues = []
        for token in self.doc:
            word = token.lower_
            noun_like = token.pos_ in {"PROPN", "NOUN"} or token.dep_ in {"pobj", "dobj"}  # "clean from fentanyl", tagged ADJ
            if len(word) < 5 or word not in names or not noun_like or is_given_name(word):
                continue
            if any(c.start <= token.idx < c.end for c in found):
                continue
            cues.append(Cue(token.idx, token.idx + len(token), token.text, "drug-named-entity-recognition",
                            "medication (implies a condition)"))
        return cues

    def _reported(self, cues: list[Cue], *, negation: bool = True) -> tuple[Cue, ...]:
        kept = []
        for cue in cues:
            sentence = self.analysis.sentence_at(cue.start)
            if signals.is_hypothetical(self.text, sentence, cue.start):
                continue
            if negation and signals.is_negated_cue(self.doc, sentence, cue):
                continue
            if not self.is_reply and signals.is_quoted_cue(self.doc, sentence, cue):
                continue  # someone else's words quoted in a post are not our statement
            if _REFUSAL.search(signals.clause_before(self.text, sentence.start_char, cue.start)):
                continue
            kept.append(cue)
        return tuple(kept)

    @cached_property
    def care(self) -> tuple[Cue, ...]:
        cues = [*signals.find(self.text, signals.CARE, "care relationship"), *self.facility_care]
        return tuple(sorted(self._reported(cues), key=lambda c: c.start))

    @cached_property
    def places(self) -> tuple[Cue, ...]:
        """Places of care; not checked for negation (a place is not asserted, and "couldn't be prouder" is praise)."""
        cues = signals.find(self.text, signals.CARE_PLACES, "place of care")
        cues += self._here_of_care()
        cues += signals.care_setting_hashtags(self.text)
        for start, end in self.facility_spans:
            lead = _PLACE_PREPOSITION_BEFORE.search(self.text[max(0, start - 12):start])
            if lead and not _FACILITY_CARE.search(self.text[max(0, start - 40):start]):
                cues.append(Cue(start, end, self.text[start:end], "organisation.facilities", "our facility"))
        return self._reported(cues, negation=False)

    def _here_of_care(self) -> list[Cue]:
        """"her ACL reconstruction here", "treated here", "got a new kidney here": "here" is our place of care when it
        modifies a care event, a health word or a verb whose object is one; "Read here" and "Register here" point at
        a link."""
        found = []
        events = [*self.health, *signals.find(self.text, "phi_care_events")]
        for token in self.doc:
            if token.lower_ != "here" or token.i == 0:
                continue
            head = token.head
            # the event itself, or what was received here: "who got a new kidney here", "had her surgery here"
            words = [head, *(c for c in head.children if c.dep_ in {"compound", "amod", "dobj"})]
            if any(c.start <= w.idx < c.end for c in events for w in words) or head.lemma_ in _CARE_VERBS:
                found.append(Cue(token.idx, token.idx + 4, token.text, "parse", "place of care ('here' after a care event)"))
        return found

    @cached_property
    def facility_care(self) -> tuple[Cue, ...]:
        """"born at Cedar Valley Hospital", "treated at Riverside Medical Center": care at a configured facility."""
        cues = []
        for start, end in self.facility_spans:
            lead = _FACILITY_CARE.search(self.text[max(0, start - 40):start])
            if lead and not _NOT_FOR_CARE_AFTER.match(self.text, end):
                cue_start = start - (len(self.text[max(0, start - 40):start]) - lead.start())
                cues.append(Cue(cue_start, end, self.text[cue_start:end], "organisation.facilities", "care at our facility"))
        return self._reported(cues)

    @cached_property
    def second_person(self) -> tuple[Cue, ...]:
        return self._reported(signals.find(self.text, signals.SECOND_PERSON, "care of the person addressed"), negation=False)

    @cached_property
    def story(self) -> tuple[Cue, ...]:
        """Framing that presents the post as a patient's story or testimonial, including a quotation about the
        speaker's own health attributed to someone ('"After my heart attack, this team..." - Walter')."""
        cues = list(signals.find(self.text, signals.STORY, "patient story or testimonial"))
        for match in _QUOTE_ATTRIBUTION.finditer(self.text):
            quoted = match.group("quote")
            if _FIRST_PERSON.search(quoted) and any(match.start("quote") <= h.start < match.end("quote") for h in self.health):
                cues.append(Cue(match.start("dash"), match.end("dash"), match.group("dash"), "quotation",
                                "first-person health quotation attributed to someone"))
            elif _FIRST_PERSON.search(quoted) and _COURSE_OF_CARE.search(quoted):
                # '"After 8 weeks at Ridgeline Chiropractic, I'm back on the floor playing trains!" — Barbara K.'
                cues.append(Cue(match.start("dash"), match.end("dash"), match.group("dash"), "quotation",
                                "first-person quotation about a course of care, attributed to someone"))
        return tuple(sorted(cues, key=lambda c: c.start))

    @cached_property
    def celebration(self) -> tuple[Cue, ...]:
        """Celebration or showcase framing, and photos of a person: a story once a patient is identified."""
        cues = signals.find(self.text, signals.CELEBRATION, "celebration")
        cues += [Cue(i.start, i.end, i.text, i.recognizer, "photo of the person") for i in self.identifiers if i.kind == "PHOTO"]
        return tuple(sorted(cues, key=lambda c: c.start))

    @cached_property
    def spotlight(self) -> tuple[Cue, ...]:
        return tuple(signals.find(self.text, signals.SPOTLIGHT, "staff spotlight"))

    # ------------------------------------------------------------------ people

    @cached_property
    def people(self) -> tuple[Person, ...]:
        people = classify(self.text, [i for i in self.identifiers if i.kind in PERSON_KINDS], self.org,
                          self.sentences, self.facility_spans, bool(self.spotlight))
        typed: list[Person] = []
        for person in people:
            person = self._typed(person)
            previous = typed[-1] if typed else None
            if (previous is not None and person.identifier.kind == "SOCIAL_HANDLE" and person.role == CANDIDATE
                    and _HANDLE_AFTER_NAME_GAP.fullmatch(self.text, previous.end, person.start)):
                # "Dr. Mullen (@emullen)": the handle is the account of the person just named.
                person = replace(person, role=previous.role, reason=f"the account of '{previous.text}' ({previous.reason})",
                                 provider=previous.provider)
            typed.append(self._in_a_bed(person))
        # A name listed with places ("Dayton + Springfield", "Lakemont and Eastvale") is one too.
        for i, person in enumerate(typed):
            if person.role != CANDIDATE:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(typed) and typed[j].role == NOT_A_PERSON and "place" in typed[j].reason:
                    lo, hi = sorted((person, typed[j]), key=lambda p: p.start)
                    if _PLACE_LIST_GAP.fullmatch(self.text, lo.end, hi.start):
                        typed[i] = replace(person, role=NOT_A_PERSON, reason=f"listed with the place '{typed[j].text}'")
        return tuple(typed)

    @cached_property
    def _spanish(self) -> bool:
        """The post is written, at least in part, in Spanish: three or more of its everyday function words."""
        return len({m.group(0).lower() for m in _SPANISH_WORDS.finditer(self.text)}) >= 3

    def _typed(self, person: Person) -> Person:
        """A person is a person: names that are platforms, microbes, deities, companies, drugs, places or
        things are typed as such (:mod:`hcsocial_lint.language.entities`); an organisation's handle is an
        organisation; officials speaking at a briefing and animals are not patients."""
        ident = person.identifier
        if person.role == PATIENT and self.veterinary_post and ident.kind == "PERSON" and not TITLE_WORDS & {
                w.lower().strip(".") for w in ident.text.split()}:
            return replace(person, role=ANIMAL, provider=False,
                           reason="a veterinary practice's patient: an animal, and HIPAA covers people")
        if person.role == PATIENT:
            return person  # "our patient ..." says it is a person
        if ident.kind == "SOCIAL_HANDLE":
            kind = handle_kind(ident.text, is_given_name)
            if kind == "organisation":
                return replace(person, role=ORGANISATION, reason="the handle reads as an organisation's account")
            used = _ORG_USE.search(self.text[max(0, ident.start - 16):ident.start])
            if kind == "unknown" and used and not _WHO_AFTER.match(self.text, ident.end):
                # "joined @doximity", "published in @TheLancet", "via @outlet"; "to @x, who's recovering" is a person
                return replace(person, role=ORGANISATION, reason=f"the handle is used as an outlet or host ('{used.group(0).strip()}')")
        elif ident.kind == "PERSON":
            shape = _not_shaped_like_a_name(ident.text) if "SpacyRecognizer" in ident.recognizer else None
            if shape is None and "SpacyRecognizer" in ident.recognizer and ident.text.islower():
                words = self.doc.char_span(ident.start, ident.end, alignment_mode="expand") or ()
                if _SPANISH_ARTICLE.match(ident.text):
                    shape = "a Spanish article and a noun ('el día'), not a name"
                elif words and not is_given_name(words[0].text) and not any(t.pos_ == "PROPN" for t in words):
                    shape = "lower-case common words that do not start with a given name ('treadmill miles')"
                elif words and not is_given_name(words[0].text) and self._spanish:
                    # the English model tags Spanish words as proper nouns ("llamar para", "ellos mañana")
                    shape = "lower-case Spanish words that do not start with a given name ('llamar para')"
            elif (shape is None and "SpacyRecognizer" in ident.recognizer and self._spanish
                  and not is_given_name(ident.text.split()[0]) and (" " not in ident.text or ident.text.split()[-1].islower())
                  and _SENTENCE_OPENING.search(self.text[max(0, ident.start - 4):ident.start])
                  and not _SPANISH_TITLE_BEFORE.search(self.text, max(0, ident.start - 8), ident.start)):  # "la Sra. Ortega"
                # "¿Tiene preguntas ...", "Llámenos al ...": one Spanish word, or one before lower-case words
                shape = "a capitalised Spanish word opening a sentence, not a given name ('¿Tiene ...', 'Llámenos al ...')"
            if shape is None and any(h.start == ident.start and _is_the_health_word(ident, h) for h in self.health):
                shape = f"a health word ('{ident.text.strip()}')"  # "started PrEP": a drug, not someone
            if shape is not None:
                return replace(person, role=NOT_A_PERSON, reason=f"not a person: {shape}", provider=False)
            if _SAINT_BEFORE.search(self.text[max(0, ident.start - 8):ident.start]) or _SAINT_START.match(ident.text):
                return replace(person, role=NOT_A_PERSON, provider=False,
                               reason="not a person: a saint's name names a hospital, school, parish or team ('St. Anne's')")
            words = [w for w in ident.text.split() if w.lower().strip(".") not in TITLE_WORDS]
            titled = len(words) < len(ident.text.split()) or _TITLE_BEFORE.search(self.text[max(0, ident.start - 8):ident.start]) is not None
            titled = titled or pattern("phi_public_titles").fullmatch(ident.text.split()[0].lower()) is not None  # "Councilwoman Ruiz"
            known = titled or bool(words) and is_given_name(words[0].strip(".,'")) or "HashtagNameRecognizer" in ident.recognizer
            # addressed or celebrated by name ("Welcome to the clinic Jaxon", "Big day for Jaxon"): the role says a
            # person is meant whatever label the model gave the word
            known = known or "PersonRoleRecognizer" in ident.recognizer and _PERSON_ONLY_ROLE.search(ident.explanation) is not None
            if not known and self._headline_case(ident.start):
                return replace(person, role=NOT_A_PERSON, provider=False,
                               reason="not a person: capitals of a title-case headline, and no known given name")
            typed = type_of_name(self.doc, ident.start, ident.end, self.lexicon, given_name=known)
            if typed is not None:
                return replace(person, role=NOT_A_PERSON, reason=f"not a person: {typed.reason}", provider=False)
        if ident.kind == "PERSON" and any(i.kind == UNIQUE_CHARACTERISTIC and i.start <= ident.start and ident.end < i.end
                                          and "named-role" in i.explanation for i in self.identifiers):
            return replace(person, role=NOT_A_PERSON, provider=False,
                           reason="not a person: the town, team or business whose one role-holder is meant ('Millbrook's fire chief')")
        if person.vocative and ident.kind == "PERSON" and " " not in ident.text.strip() and _COMMUNITY_THANKED.match(
                self.text, person.end, min(len(self.text), person.end + 80)):
            return replace(person, role=NOT_A_PERSON, provider=False,
                           reason="not a person: a town or community thanked for what its people did for each other")
        if ident.kind == "PERSON" and ("SpacyRecognizer" in ident.recognizer and _UNIT_AFTER.match(self.text, person.end)
                                       or _STREET_BEFORE.search(self.text, max(0, person.start - 24), person.start)):
            return replace(person, role=NOT_A_PERSON, provider=False,
                           reason="not a person: part of the name of a unit, a street or a place ('our new Neuro ICU', 'calle Olmos', 'Lake Harmon')")
        if ident.kind == "PERSON" and ident.text[:1].isupper() and ident.text.endswith("s") and any(
                c.start <= ident.start < c.end for c in self.lexicon("animals")):
            return replace(person, role=ORGANISATION, provider=False, reason="a team named after an animal ('the Bulldogs')")
        if ident.kind == "PERSON" and " " not in ident.text and _PLACE_CONTEXT_BEFORE.search(self.text, max(0, person.start - 24), person.start):
            return replace(person, role=NOT_A_PERSON, provider=False, reason="not a person: a town we are part of ('part of Clayton')")
        if ident.kind == "PERSON" and _UNIT_HASHTAG.fullmatch(ident.text):
            return replace(person, role=ORGANISATION, provider=False, reason="a unit's or a group's hashtag ('#NICUStrong'), not one person")
        if ident.kind == "PERSON" and _TEAM_HASHTAG.fullmatch(ident.text) and not _support_hashtag(ident.text):
            return replace(person, role=ORGANISATION, provider=False, reason="a team's hashtag ('#TeamHope'), not one person")
        if ident.kind == "PERSON" and state_or_larger(ident.text):
            return replace(person, role=NOT_A_PERSON, provider=False, reason="not a person: a country or a state ('Sierra Leone')")
        if ident.kind == "PERSON" and ident.text == "Bill" and _LAW_BEFORE.search(self.text, max(0, person.start - 24), person.start):
            return replace(person, role=NOT_A_PERSON, provider=False, reason="not a person: a bill before a legislature ('the Abortion Bill')")
        if ident.kind == "PERSON" and _HOLIDAY.fullmatch(ident.text) and _POSSESSIVE_AFTER.match(self.text, person.end):
            return replace(person, role=NOT_A_PERSON, provider=False, reason="not a person: a holiday ('our Valentine's reel')")
        if ident.kind == "PERSON" and _EPONYM_AFTER.match(self.text, person.end):
            return replace(person, role=NOT_A_PERSON, provider=False,
                           reason="not a person: the name in a disease's name ('Hodgkin lymphoma')")
        if ident.kind == "PERSON" and "SpacyRecognizer" in ident.recognizer and _INSTITUTION_AFTER.match(self.text, person.end):
            return replace(person, role=NOT_A_PERSON, provider=False,
                           reason="not a person: the first words of an institution's name ('Brisbee Falls High')")
        if ident.kind == "PERSON" and " " in ident.text and _INSTITUTION_INSIDE.search(ident.text.split(None, 1)[1]):
            return replace(person, role=NOT_A_PERSON, provider=False,
                           reason="not a person: an institution's name ('Harmon Middle Health Room')")
        if ident.kind == "PERSON" and _BUSINESS_AFTER.match(self.text, person.end):
            return replace(person, role=ORGANISATION, provider=False,
                           reason="a business named after someone ('Luigi's Trattoria')")
        if ident.kind == "PERSON" and len(ident.text.split()) == 1 and self.veterinary_post:
            return replace(person, role=ANIMAL, provider=False,
                           reason="a veterinary practice's post: its patients are animals and HIPAA covers people")
        family = _FAMILY_NAMED.match(self.text, person.end) and _THE_BEFORE.search(self.text, max(0, person.start - 5), person.start)
        if family and any(self.same_block(c.start, person.start) for c in self._animal_words):
            return replace(person, role=FAMILY, provider=False,
                           reason="the family of an animal patient ('the Kaminski family'): HIPAA covers people")
        owner = _OWNER_BEFORE.search(self.text, max(0, person.start - 30), person.start)
        if owner and any(self.same_block(c.start, person.start) and c.start < person.start for c in self._animal_words):
            return replace(person, role=FAMILY, provider=False,
                           reason=f"the owner of an animal patient ('{owner.group(0).strip()}'): HIPAA covers people")
        if _MEMBER_OF_BEFORE.search(self.text[max(0, person.start - 40):person.start]):
            return replace(person, role=ORGANISATION, provider=False,
                           reason="the band, team or business someone belongs to ('the lead singer of ...')")
        if _NAMED_EVENT_AFTER.match(self.text, person.end) and _EVENT_BEFORE.search(self.text[max(0, person.start - 24):person.start]):
            return replace(person, role=NOT_A_PERSON, provider=False,
                           reason="not a person: the name of an event or fund ('Stephen's Run for ...')")
        if person.role != CANDIDATE:
            return self._cared_for(person)
        if _TEAM_BEFORE.search(self.text[max(0, person.start - 8):person.start]):
            return replace(person, role=STAFF, reason="the name of one of our teams ('Team ...')")
        start, end = self.sentence_of(person.start)
        in_sentence = [c for c in self.care if start <= c.start < end]
        speaking = [c for c in self.lexicon("public_speaking") if start <= c.start < end]
        if speaking and not in_sentence and not person.vocative:
            return replace(person, role=PUBLIC, reason=f"speaks in public ('{speaking[0].text}')")
        animal = [c for c in self.animals if start <= c.start < end and not self._owned_by(c, person)
                  and not self._modifies_a_noun(c)]
        animal += [c for c in self.lexicon("animal_signs") if start <= c.start < end]
        emoji = _ANIMAL_EMOJI_AFTER.match(self.text, person.end)
        if emoji:  # "Get well soon, Biscuit! 🐶": an animal's emoji right after the name
            animal.append(Cue(emoji.start(), emoji.end(), emoji.group(0), "assessment", "an animal's emoji after the name"))
        if animal and not (_TITLE_BEFORE.search(self.text[max(0, person.start - 8):person.start])
                           or _TITLE_AT.match(self.text, person.start) or self._owns_an_animal(person)):
            # "Biscuit the therapy dog cheered on Mr. Alvarez": a titled name is a person whatever animal is near
            return replace(person, role=ANIMAL, reason=f"an animal ('{animal[0].text}'): HIPAA covers people")
        return self._cared_for(person)

    def _owned_by(self, cue, person: Person) -> bool:
        """"off home to her cats", "Gus and his dog", "her golden retriever": an animal the person owns is not the
        person (the owner may hang on the noun the animal word modifies)."""
        token = token_at(self.doc, cue.start)
        if token is None or not self.doc.has_annotation("DEP"):
            return False
        if self._just_before(cue, person.start):
            return False  # "her golden retriever Biscuit": the animal word names the person
        while token.dep_ in {"amod", "compound"} and token.head.i != token.i and token.head.i < token.i + 3:
            token = token.head
        owners = [c for c in token.children if c.dep_ == "poss"]
        return any(o.lower_ in _BACK_REFERENCE or person.start <= o.idx < person.end for o in owners)

    def _just_before(self, cue, offset: int) -> bool:
        """The cue is written just before ``offset``, with only spaces or a comma between ("retriever Biscuit")."""
        return cue.end <= offset and not self.text[cue.end:offset].strip(" ,")

    def _named_animal(self, ident: Identifier) -> bool:
        """"her golden retriever Biscuit": a name written just after an animal word is the animal's."""
        return any(self._just_before(c, ident.start) for c in self.animals)

    def _owns_an_animal(self, person: Person) -> bool:
        """"Meet Jen! 🐕 Jen was hit by a car while walking her golden retriever": someone who owns an animal told of in
        their sentence or the next is its person, not the animal, whatever emoji stands beside their name."""
        start, end = self._sentence_and_next(person.start)
        return any(start <= c.start < end and c.start > person.start and self._owned_by(c, person) for c in self.animals)

    def _a_pet_of_theirs(self, cue) -> bool:
        """"walks his beagle", "with her two labs": an animal a person owns ("his", "her", "their" on it)."""
        token = token_at(self.doc, cue.start)
        return token is not None and any(c.dep_ == "poss" and c.lower_ in {"his", "her", "their"} for c in token.children)

    def _sentence_and_next(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` and, when it is in the same paragraph, the next sentence with a word."""
        start, end = self.sentence_of(offset)
        following = self._next_sentences(self.sentence_index(offset), 1)
        if following and self.same_block(offset, following[0][0]):
            end = following[0][1]
        return start, end

    def _in_a_bed(self, person: Person) -> Person:
        """"Mrs. Ruiz in 4C", "Ava in room 218", "Leo (bed 7)": someone placed in a room or bed of ours is a
        patient, whatever the words around the name suggested; a clinician by title or roster stays staff."""
        if person.role in {ORGANISATION, NOT_A_PERSON, ANIMAL, PATIENT, GUEST} or person.provider or "roster" in person.reason:
            return person
        room = next((i for i in self.identifiers if i.kind == ROOM_NUMBER and person.end <= i.start
                     and (_BED_GAP.fullmatch(self.text, person.end, i.start) or person.role != STAFF and self._sits_in(person, i))
                     and not _MEETING_AFTER.match(self.text, i.end)), None)
        if room is None:
            return person
        return replace(person, role=PATIENT, reason=f"placed in a room or bed ('{room.text}')")

    def _sits_in(self, person: Person, room) -> bool:
        """"Felix brightened our Tuesday shift from chair 7", "Ana, who stayed in room 214 all spring": the numbered
        chair, room or bed hangs on a verb whose subject is the person (the parse links them across the clause)."""
        token, place = self._name_token(person), token_at(self.doc, room.start)
        if token is None or place is None or not self.doc.has_annotation("DEP") or token.sent != place.sent:
            return False
        verb = place
        while verb.dep_ not in {"ROOT", "relcl", "conj", "ccomp", "advcl"} and verb.head.i != verb.i and verb.pos_ != "VERB":
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return subject is not None and (subject.i == token.i or subject.lower_ in {"who"} and verb.head.i == token.i)

    def _modifies_a_noun(self, cue) -> bool:
        """"the dog bite", "a bee sting", "the horse trail": an animal word that only modifies another noun
        names no animal in the post."""
        token = token_at(self.doc, cue.start)
        if token is None or not self.doc.has_annotation("DEP"):
            return False
        return (token.pos_ == "NOUN" and token.dep_ in {"compound", "nmod"} and token.head.pos_ in {"NOUN", "PROPN"}
                and token.head.i != token.i)  # "veterinary hospital" still says the patient is an animal

    def _cared_for(self, person: Person) -> Person:
        """Who someone is (a senator, a receptionist, a guest) does not say whether we cared for them.
        A role read from the words around a name yields to care predicated of the person on the parse:
        the object of our care verb ("honoured to care for Senator Ortiz"), the subject of a passive
        care event ("Coach Diaz was admitted"), a place of care with their own health in their clause
        ("Mayor Ito is resting in our ICU after a fall"), or health they possess ("Gary's insulin")."""
        if person.role not in _ROLES_THAT_MAY_BE_CARED_FOR | {CANDIDATE} or person.identifier.kind != "PERSON":
            return person
        if not self.doc.has_annotation("DEP") or "configured" in person.reason or "roster" in person.reason:
            return person
        why = self._care_of(person)
        if why is None or person.role == CANDIDATE and why[0] != PATIENT:
            return person
        role, cue = why
        if person.role == CANDIDATE:
            return replace(person, role=role, reason=f"the one we cared for ('{cue}')")
        return replace(person, role=role, provider=False,
                       reason=f"{person.reason.split(' (', 1)[0]}, but our care is predicated of them ('{cue}')")

    def _titled_clinician(self, span) -> bool:
        """"Dr. Patel", "Dra. Ruiz", or a name written just after "Doctor": a clinician by their title."""
        return bool(_CLINICIAN_TITLE.match(span.text) or _CLINICIAN_TITLE_BEFORE.search(self.text, max(0, span.start - 6), span.start))

    def _name_token(self, person: Person):
        """The word that heads the person's name in the parse (climbing "Dr." and "Hart" and the "'s" of "Hart's" to the
        name's head), or None when the name has no token."""
        token = token_at(self.doc, max(person.identifier.start, person.identifier.end - 1))
        while token is not None and token.dep_ in {"compound", "flat", "case"} and token.head.i != token.i:
            token = token.head
        return token

    def _care_of(self, person: Person) -> tuple[str, str] | None:
        token = self._name_token(person)
        if token is None:
            return None
        if self._kin_possessor(person):
            return None  # "Coach Hill's wife finished chemo": the one cared for is the kin, a description of its own
        underwent = self._underwent_here(person, token)
        if underwent is not None:
            return PATIENT, underwent
        # the object of a care verb: "treated Senator Ruiz", "to care for Mayor Ito"
        verb = token.head
        if token.dep_ == "pobj" and verb.lower_ in {"for", "on"}:
            verb = verb.head
        if token.dep_ in {"dobj", "pobj"} and verb.pos_ == "VERB" and verb.lemma_.lower() in _CARED_FOR_VERBS:
            if not any(c.dep_ == "nsubj" and c.lower_ not in {"we", "i", "who"} and not any(
                    t.lower_ in {"our", "we"} for t in c.subtree) for c in verb.children):
                return PATIENT, verb.text if verb.lower_ not in {"care"} else f"care for {person.text}"
        # a clinician's role to or for the person: "proud dentist to Olympic gymnast Tessa Moreno", "provider for Mr. Hale"
        clinician_to = _CLINICIAN_TO_BEFORE.search(self.text, max(self.sentence_of(person.start)[0], person.start - 60), person.start)
        if clinician_to is not None and not _OWNER_AFTER.match(self.text, person.end) and not self._titled_clinician(person):
            return PATIENT, f"{clinician_to.group(0)}{person.text}"  # not "a nurse for Dr. Marsh", "for Ana Ruiz's clinic"
        # the antecedent of a relative clause whose object is the person: "who our ER team patched up"
        for clause in (c for c in token.children if c.dep_ == "relcl" and c.lemma_.lower() in _CARED_FOR_VERBS):
            if any(c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in {"who", "whom", "that"} for c in clause.children) and all(
                    any(t.lower_ in {"our", "we"} for t in c.subtree) for c in clause.children if c.dep_ == "nsubj"):
                return PATIENT, clause.text
        # health the person possesses: "Gary's insulin", "the senator's surgery"; "delivering the sheriff's twins"
        if (token.dep_ == "poss" and token.head.lemma_.lower() in _NEWBORN_NOUNS and token.head.dep_ == "dobj"
                and token.head.head.lemma_.lower() == "deliver"):
            return PATIENT, f"{token.head.head.text} {token.text}'s {token.head.text}"
        if token.dep_ == "poss":  # "Gary's insulin", "Mrs. Henderson's diabetic foot ulcer chart"
            between = (token.idx + len(token), token.head.idx + len(token.head))
            if any((h.start <= token.head.idx < h.end or between[0] <= h.start < between[1]) and self.personal(h)
                   for h in self.health):
                return CANDIDATE, f"{token.text}'s {self.text[between[0]:between[1]].strip(chr(39) + chr(8217) + 's ')}"
        heads = [clause_head(token)] + [c for c in token.children if c.dep_ in {"relcl", "acl"}]
        for head in heads:
            words = clause_tokens(head)
            argument = token.dep_ in {"nsubj", "nsubjpass", "dobj"} or head.head.i == token.i != head.i
            ours = _our_place(words)
            if argument and ours is not None and token.dep_ != "dobj" and (
                    _gives_birth(head) and not person.provider or head.lemma_.lower() in _STAY_VERBS and person.role != STAFF):
                return PATIENT, f"{head.text} ... {ours}"  # "had her baby here", "is resting in our ICU"
            in_clause = [c for c in self.care if any(t.idx <= c.start < t.idx + len(t) for t in words)
                         and not self._of_someone_else(c, [person]) and self._received(c, person.role == STAFF)]
            if in_clause:
                return PATIENT, in_clause[0].text
            if person.role == STAFF:
                continue  # staff in their own workplace with someone else's health: not their care
            places = [c for c in self.places if any(t.idx <= c.start < t.idx + len(t) for t in words)]
            health = [h for h in self.health if self.personal(h) and (any(t.idx <= h.start < t.idx + len(t) for t in words)
                                                                        or self._theirs(h, token) or self._in_fragment_of(h, head))]
            if places and health and argument and not _GUEST_VERB.fullmatch(head.text):
                return CANDIDATE, places[0].text
        procedure = self._their_procedure_by_our_clinician(person, token) or self._our_milestone(person)
        if procedure is not None:
            return PATIENT, procedure
        wished = self._wished_well_at_our_place(person)
        if wished is not None:
            return PATIENT, wished
        later = self._care_said_of_the_title(person)
        if later is not None:
            return PATIENT, later
        own_here = self._their_care_here(person)
        if own_here is not None:
            return PATIENT, own_here
        crew = self._patient_crew_before(person)
        if crew is not None:
            return PATIENT, crew
        if person.role == GUEST or person.role == STAFF and person.reason.startswith(_WEAK_STAFF_REASONS):
            # a role guessed from the sentence ("donor", "sponsor", "our team:") yields to health said of the
            # person in their own relative clause or apposition ("Mia, who finished her leukemia treatment")
            # "Pastor Williams of First Baptist, who has been in counseling with ...": the parser may hang the
            # relative clause on the name of the place they are "of"
            hosts = [token] + [g for p in token.children if p.dep_ == "prep" and p.lower_ in {"of", "from"}
                               for g in p.children if g.dep_ == "pobj"]
            said = [t for h in hosts for c in h.children if c.dep_ in {"relcl", "acl", "appos"}
                    and (h is token or any(w.lower_ in {"who", "whose"} for w in c.children)) for t in c.subtree]
            own = [h for h in self.health if self.personal(h) and any(t.idx <= h.start < t.idx + len(t) for t in said)]
            if own:
                return CANDIDATE, own[0].text
        return None

    def _kin_possessor(self, person: Person) -> bool:
        """The person is named only as whose kin someone is ("Coach Hill's wife", "Dr. Nwosu's daughter"), in a
        sentence that says our care: the kin, described, is the one we cared for (PHI-08). Without our care in
        the sentence the person named stays the one the post is about."""
        token = self._name_token(person)
        return (token is not None and token.dep_ == "poss" and token.head.lemma_.lower() in KIN_OF_NAMED
                and self._ours_in(self.analysis.sentence_at(person.start)))

    def _their_procedure_by_our_clinician(self, person: Person, token) -> str | None:
        """"her bunion surgery with Dr. Patel", "since Dr. Brandt repaired her Achilles", "Carla, whose reconstruction
        Dr. Fenn completed": a procedure of the person's (owned by their name, a pronoun after it, or "whose" on
        them), done by a titled clinician or by us, in the sentence naming them or the next one; care done to a part
        of their body ("our crew restarted his heart") by "our <team>" too. Whoever they are (an official,
        a colleague), that is care they received; a clinician's own work ("her 500th surgery") is not."""
        start, end = self._sentence_and_next(person.start)  # "... Our ER team stitched his chin."
        surname = person.text.split()[-1].strip(".,'\u2019s").lower() if person.text.split() else ""
        clinicians = [i for i in self.identifiers if i.kind == "PERSON" and start <= i.start < end
                      and not i.overlaps(person.identifier.start, person.identifier.end)
                      and i.text.split()[-1].strip(".,'\u2019s").lower() != surname  # "Dr. Osei completed his fellowship"
                      and self._titled_clinician(i)]

        def by_us(word) -> bool:
            return word.lower_ in {"we", "us"} or any(c.start <= word.idx < c.end for c in clinicians)

        def our_team(word) -> bool:  # "our crew", "our cath lab team", "the ER team"
            return any(c.dep_ == "poss" and c.lower_ == "our" for c in word.children)

        def owner_is_them(owner) -> bool:
            if owner.i == token.i or person.identifier.start <= owner.idx < person.identifier.end:
                return True
            if owner.lower_ == "whose":  # the relative clause hangs on them, or on the noun they stand beside
                return any(a.i == token.i or token.dep_ == "appos" and a.i == token.head.i for a in owner.ancestors)
            return owner.lower_ in _BACK_REFERENCE and owner.idx > person.end and not any(
                person.end <= i.start < owner.idx and i.kind in {"PERSON", "SOCIAL_HANDLE"} and not any(
                    c is i for c in clinicians) and not self._named_animal(i) for i in self.identifiers)

        for noun in (t for t in self.doc.char_span(start, end, alignment_mode="expand") or () if t.pos_ in {"NOUN", "PROPN"}):
            owners = [c for c in noun.children if c.dep_ == "poss"]
            if not owners or not owner_is_them(owners[0]):
                continue
            # "whose reconstruction Dr. Fenn completed": the small parser may read the fronted object as the subject
            verb = noun.head if noun.dep_ in {"dobj", "nsubjpass"} or noun.dep_ == "nsubj" and owners[0].lower_ == "whose" else None
            # "placed a plate in her lower leg", "pulled a hook out of his eyelid": something put into or taken out of
            # a part of their body
            placer = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in _INTO_BODY_PREPOSITIONS else None
            if placer is not None and placer.dep_ == "dobj" and placer.head.pos_ == "VERB":
                placer = placer.head  # "placed [two rods along his back]": the phrase may hang on what was placed
            into = (placer is not None and placer.pos_ == "VERB" and noun.lemma_.lower() in terms("phi_body_parts")
                    and placer.lemma_.lower() in _INTO_BODY_VERBS | _BODY_CARE_VERBS | _REPAIR_VERBS)
            if into:
                verb = placer
            health = next((h for h in self.health if h.start <= noun.idx < h.end or noun.idx <= h.start < noun.idx + len(noun)
                           and h.end <= noun.idx + len(noun) + 1 or any(c.dep_ == "compound" and h.start <= c.idx < h.end
                                                                         for c in noun.children)), None)
            body_part = verb is not None and (into or
                noun.lemma_.lower() in terms("phi_body_parts") and verb.lemma_.lower() in _REPAIR_VERBS | _GENERIC_REPAIR_VERBS | _BODY_CARE_VERBS
                or noun.lemma_.lower() in _PROCEDURE_NOUNS and verb.lemma_.lower() in _GENERIC_REPAIR_VERBS)  # "completed her reconstruction"
            repaired = verb is not None and verb.lemma_.lower() in _REPAIR_VERBS or body_part
            # "Dr. Mahoney did her Mohs surgery": a procedure done (a verb of doing) is theirs when they own it and the
            # doer is one of ours; "her 500th surgery" is still the doer's count
            done_to_them = verb is not None and health is not None and verb.lemma_.lower() in _DOING_VERBS and not any(
                _ORDINAL_BEFORE.search(self.text, max(0, at - 24), at) or _ORDINAL_WORD_BEFORE.search(self.text, max(0, at - 30), at)
                for at in (health.start, noun.idx))
            if (health is None or not self.personal(health) or self._performed(health) and not done_to_them) and not repaired:
                continue
            doers = [c for c in (verb.children if verb is not None else ()) if c.dep_ in {"nsubj", "agent"} and c.i != noun.i]
            doers += [c for c in noun.children if c.dep_ == "appos"]
            doers += [g for p in [*noun.children, *(verb.children if verb is not None else ())]
                      if p.dep_ == "prep" and p.lower_ in {"with", "by"} for g in p.children if g.dep_ == "pobj"]
            doers += [g for d in list(doers) if d.dep_ == "agent" for g in d.children if g.dep_ == "pobj"]
            # "her double mastectomy with our surgical team": a procedure of theirs, done with a team of ours
            procedure = health is not None and _PROCEDURE_WORD.search(health.text) is not None
            doer = next((d for d in doers if by_us(d) or any(by_us(c) for c in d.children if c.dep_ in {"compound", "flat"})
                         or (body_part or procedure) and our_team(d)), None)
            if doer is not None:
                phrase = self.doc[min(t.i for t in noun.subtree if t.i <= noun.i):noun.i + 1].text
                who = self.doc[min(t.i for t in doer.subtree if t.i <= doer.i):doer.i + 1].text
                if into and doer.i < verb.i:
                    return f"{who} {verb.text} ... {noun.head.text} {phrase}"  # "our team placed ... in her leg"
                return f"{who} {verb.text} {phrase}" if verb is not None and doer.i < verb.i < noun.i else f"{phrase} ... {who}"
        return None

    def _patient_crew_before(self, person: Person) -> str | None:
        """"Shout-out to our Tuesday 3pm shot crew, especially Coach Daniels": a group of ours named for the care its
        members get (shots, dialysis, chemo, cardiac rehab) is a group of patients, not of staff; its member is one."""
        if not (person.role == STAFF and person.reason.startswith(_WEAK_STAFF_REASONS[0])):
            return None
        start, _ = self.sentence_of(person.start)
        for group in _GROUP_BEFORE.finditer(self.text, max(start, person.start - 80), person.start):
            modifier = (group.start("modifier"), group.end("modifier"))
            if TRAINING_OR_STAFF.search(group.group("modifier")):
                continue
            if _RECEIVED_TREATMENT.search(group.group("modifier")) and any(
                    modifier[0] <= c.start and c.end <= modifier[1] for c in self.health):
                return group.group(0)
        return None

    def _our_milestone(self, person: Person) -> str | None:
        """"Our 10,000th LASIK! 🎉 Congrats to Greg Tomlin": a count of our procedures or patients reached, then the
        person congratulated or welcomed in the same or the next sentence, is the one it was reached with."""
        index = self.sentence_index(person.start)
        start, end = self.sentences[index]
        greeted = _GREETED_BEFORE.search(self.text, max(start, person.start - 40), person.start)
        if greeted is None:
            return None
        for s, e in [self.sentences[index - 1]] * (index > 0) + [(start, end)]:
            if not self.same_block(s, person.start):
                continue
            for count in _MILESTONE.finditer(self.text, s, min(e, person.start)):
                thing = count.group("thing")
                if _MILESTONE_PATIENT.fullmatch(thing.lower()) or any(
                        count.start("thing") <= h.start < count.end("thing") for h in self.health):
                    return f"{count.group(0)} ... {greeted.group(0).strip()}"
        return None

    def _next_sentences(self, index: int, count: int) -> list[tuple[int, int]]:
        """The next ``count`` sentences after sentence ``index`` that hold a word (an emoji alone is not one)."""
        found = []
        for start, end in self.sentences[index + 1:]:
            if len(found) == count:
                break
            if any(c.isalpha() for c in self.text[start:end]):
                found.append((start, end))
        return found

    def _care_said_of_the_title(self, person: Person) -> str | None:
        """"Get well soon, Mayor Ortega! The mayor was in great spirits after Dr. Kim repaired his torn meniscus at
        our outpatient surgery center": the next sentence names the person by their title ("the mayor") or a
        pronoun, and puts their own health (theirs by "his", "her") at a place of our care."""
        title = _TITLE_WORD_BEFORE.search(self.text, max(0, person.start - 24), person.start)
        index = self.sentence_index(person.start)
        named_in = self.sentences[index]
        if index and self.text[:named_in[0]].rstrip().endswith(":"):  # "Spotted at our clinic: Councilmember Reyes ..."
            named_in = (self.sentences[index - 1][0], named_in[1])
        # "Spotted at our flu clinic: Councilmember Reyes rolling up his sleeve! He also got his booster": our place of
        # care in the sentence naming them, unless they came as a guest (to speak, tour, visit)
        clause = self._clause_words(person)
        guest = clause is None or any(_GUEST_VERB.fullmatch(t.text) for t in clause)
        own_places = [] if guest else [c for c in self.places if named_in[0] <= c.start < named_in[1] and _OUR_CARE_PLACE.search(c.text)]
        for start, end in self._next_sentences(index, 1):
            if not self.same_block(person.start, start):
                return None
            opening = _LEADING_SYMBOLS.sub("", self.text[start:min(end, start + 40)].lower())  # "💉 He also got ..."
            if not (title and opening.startswith(f"the {title.group(1).lower()}") or _PRONOUN_OPENING.match(opening)):
                continue
            received = [c for c in self.care if start <= c.start < end and self._received(c, True)]
            if received:
                return received[0].text  # "Please keep our unit secretary Paulette in your prayers. She was admitted ..."
            places = [c for c in self.places if start <= c.start < end and _OUR_CARE_PLACE.search(c.text)]
            if not any(start <= c.start < end for c in self.lexicon("public_speaking")):  # not "she spoke of her cancer"
                places += own_places
            theirs = [h for h in self.health if start <= h.start < end and self.personal(h) and (_THEIR_BEFORE.search(
                self.text, max(start, h.start - 24), h.start) or _THEIRS_INSIDE.search(h.text))]
            if places and theirs:
                return f"{theirs[0].text} ... {places[0].text}"
        return None

    def _clause_words(self, person: Person):
        """The words of the clause naming the person, or None without a parse."""
        token = token_at(self.doc, max(person.identifier.start, person.identifier.end - 1))
        if token is None or not self.doc.has_annotation("DEP"):
            return None
        return clause_tokens(clause_head(token))

    def _their_care_here(self, person: Person) -> str | None:
        """"Welcome back, Nurse Dee! After her bypass surgery here in May, ...": health of theirs ("her") that
        happened at our place ("here", "with us", "at our ...") in the sentence naming them or the next one
        with no one else named between; a colleague's own care with us is their PHI like anyone's."""
        index = self.sentence_index(person.start)
        for position, (start, end) in enumerate([self.sentences[index], *self._next_sentences(index, 1)]):
            if position and (not self.same_block(person.start, start) or any(
                    start <= i.start < end and i.kind in {"PERSON", "SOCIAL_HANDLE"} and not i.overlaps(person.start, person.end)
                    for i in self.identifiers)):
                return None
            own_stay = next((c for c in self.care if start <= c.start < end and c.start > person.end and _RECEIVED_CUE.match(c.text)),
                            None)
            if own_stay is not None:
                return own_stay.text  # "Irene started volunteering after her own 3-week stay on our stroke unit"
            as_patient = _AS_OUR_PATIENT.search(self.text, max(start, person.end), end)
            if as_patient is not None:
                return as_patient.group(0)  # "you may recognize Jasmine from her two years as a patient in our pain clinic"
            for h in self.health:
                if not (start <= h.start < end and h.start > person.end and self.personal(h)) or self._performed(h):
                    continue
                theirs = _THEIR_BEFORE.search(self.text, max(start, h.start - 24), h.start)
                treated = _TREATMENT_BEFORE.search(self.text, max(start, h.start - 40), h.start)
                had_done = _HAD_BEFORE.search(self.text, max(start, h.start - 30), h.start) and _DONE_HERE_AFTER.match(self.text, h.end)
                if had_done:
                    return f"{h.text}{_DONE_HERE_AFTER.match(self.text, h.end).group(0)}"  # "had two stents placed in our own cath lab"
                lying = _IN_OUR_BUILDING.search(self.text, start, end) if theirs else None
                if lying is not None and not _WORKS_THERE.search(self.text, start, end):
                    # "Our own Dana is upstairs on Oncology recovering from her lumpectomy": a colleague lying in our building
                    return f"{lying.group(0)} ... {h.text}"
                if (theirs or treated) and _HERE_AFTER.match(self.text, h.end):
                    # "after her bypass surgery here", "finished radiation for breast cancer here in March"
                    return f"{h.text}{_HERE_AFTER.match(self.text, h.end).group(0)}"
                team = next((c for c in self.places if h.end <= c.start < end
                             and _OUR_CARE_TEAM.search(c.text)), None)
                if theirs and team is not None:
                    return f"{h.text} ... {team.text}"  # "Her BRCA1 result came back positive, so ... with our breast team"
        return None

    def _performed(self, cue: Cue) -> bool:
        """"Dr. Vance performed her 500th hip replacement here": the health is what its subject did for others
        (a verb of doing, or a count of procedures), not care they received."""
        if _ORDINAL_BEFORE.search(self.text, max(0, cue.start - 16), cue.start):
            return True
        token = token_at(self.doc, cue.start)
        while token is not None and token.dep_ in {"compound", "amod", "poss", "nummod", "det"} and token.head.i != token.i:
            token = token.head
        return token is not None and token.dep_ == "dobj" and token.head.lemma_.lower() in _DOING_VERBS

    def _wished_well_at_our_place(self, person: Person) -> str | None:
        """"Spotted in our urgent care today: pop star Tessa Quinn! Hope the voice feels better soon, Tessa": someone
        presented at a place of our care and wished well in that sentence or the next is someone we cared for,
        whoever they are (a visiting official is thanked, not wished a recovery)."""
        if person.role == STAFF:
            return None
        index = self.sentence_index(person.start)
        start, end = self.sentences[index]
        place = next((c for c in self.places if start <= c.start < end and _OUR_CARE_PLACE.search(c.text)), None)
        team = next((c for c in self.places if start <= c.start < end and _OUR_CARE_TEAM.search(c.text)), None)
        if place is None and team is None and _WISH_TO_YOU.search(self.text, start, end):
            # "Get well soon, Commissioner Hutchins! Our cardiology team is taking great care of you.": our care of
            # the one wished well, said to them in the next sentence
            for s, e in self._next_sentences(index, 1):
                yours = next((c for c in self.care if s <= c.start < e and _YOU_END.search(c.text)), None)
                if yours is not None and self.same_block(start, s):
                    return f"{_WISH_TO_YOU.search(self.text, start, end).group(0)} ... {yours.text}"
        if place is None and team is None:
            return None
        for s, e in self.sentences[index:index + 2]:
            wish = _WISH_TO_YOU.search(self.text, s, e)
            if wish is None:
                continue
            if place is None and s != start:
                continue  # "a speedy recovery after her surgery with our team": a team of ours counts in the wish's own sentence
            place = place or team
            first = regex.escape(person.text.split()[-2 if len(person.text.split()) > 2 else 0].strip("@"))
            named_again = regex.search(rf"\b{first}\b", self.text[s:e]) is not None
            others = [i for i in self.identifiers if i.kind in {"PERSON", "SOCIAL_HANDLE"} and start <= i.start < end
                      and not i.overlaps(person.start, person.end)]
            you = any(t.lower_ in _ADDRESS for t in self.doc.char_span(s, e, alignment_mode="expand") or ())
            if _GROUP_ADDRESSED.search(self.text, s, e):
                continue  # "Hope you feel better soon, everyone home with the flu"
            if s == start or named_again or you and not others:
                return f"{place.text} ... {wish.group(0)}"
        return None

    def _underwent_here(self, person: Person, token) -> str | None:
        """"Rosa had her gallbladder removed here", "she got her knee replaced in our ortho wing": care the
        person underwent (have or get, then something of theirs and a past participle) at a place of ours.
        Said of the person or of a pronoun in the sentence that names them or the next; whoever they are,
        staff included, this is their care (a clinician who performs a procedure does not "have it done")."""
        index = self.sentence_index(person.start)
        sentences = self.sentences[index:index + 2]
        for verb in (t for t in self.doc if t.lemma_.lower() in {"have", "get"} and t.pos_ in {"VERB", "AUX"}):
            if not any(s <= verb.idx < e for s, e in sentences):
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if not any(c.i == token.i or c.lower_ in {"she", "he"} and c.idx > person.start for c in subjects):
                continue
            for done in (c for c in verb.children if c.tag_ == "VBN" and c.dep_ in {"ccomp", "xcomp", "oprd", "dobj"}):
                theirs = [c for c in done.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}
                          and any(p.dep_ == "poss" and p.lower_ in _BACK_REFERENCE for p in c.children)]
                words = list(done.subtree)
                ours = _our_place(words)
                health = any(words[0].idx <= h.start < words[-1].idx + len(words[-1]) for h in self.health)
                if theirs and ours is not None and health:
                    return f"{verb.text} {theirs[0].text} {done.text} {ours}"
        return None

    def _in_fragment_of(self, cue: Cue, head) -> bool:
        """Health in a subjectless fragment hung on the person's clause: "Mayor Ito stopped by our ER Sunday
        night: don't worry, just a few stitches!" (not a clause with its own subject, a relative clause or
        a purpose: "to thank the nurses who treat gunshot wounds")."""
        token = token_at(self.doc, cue.start)
        if token is None or token.sent != head.sent or token.i == head.i:
            return False
        while token.head.i != token.i and token.i != head.i:
            if token.pos_ in {"VERB", "AUX"} and (token.dep_ in {"relcl", "xcomp", "ccomp", "acl", "conj"} or any(
                    c.dep_ in {"nsubj", "nsubjpass"} or c.dep_ == "aux" and c.lower_ == "to" for c in token.children)):
                return False
            token = token.head
        return token.i == head.i

    def _theirs(self, cue: Cue, person) -> bool:
        """Health in the person's sentence owned by a pronoun ("her vocal cord treatment")."""
        token = token_at(self.doc, cue.start)
        if token is None or token.sent != person.sent:
            return False
        noun = token
        while noun.dep_ in {"compound", "amod"} and noun.head.i != noun.i:
            noun = noun.head
        return any(c.dep_ == "poss" and c.lower_ in _BACK_REFERENCE for c in noun.children)

    def _received(self, cue: Cue, passive_only: bool) -> bool:
        """The care cue says someone received care ("was admitted", "came in for"), not that its subject
        gave it ("we treated", "who cared for her"); for staff at work only a passive event counts."""
        if _RECEIVED_CUE.match(cue.text):
            return True  # "her own 3-week stay on our ...", "rang our bell": care received, whoever the subject is
        words = self.doc.char_span(cue.start, cue.end, alignment_mode="expand") or ()
        if any(t.lower_ in {"we", "i", "our"} for t in words):
            return False
        verbs = [t for t in words if t.pos_ in {"VERB", "AUX"} or t.dep_ == "ROOT"]
        passive = any(c.dep_ == "auxpass" for t in verbs for c in t.children) or any(t.dep_ == "auxpass" for t in words)
        if passive_only:
            return passive
        return passive or not any(t.lemma_.lower() in _CARED_FOR_VERBS | {"deliver"} for t in verbs)

    def permitted(self, severity, message: str):
        """Part 5 of issue #9: where the text itself says written permission was given, a blocking finding
        becomes a warning that asks for the authorization reference in front matter (the record)."""
        from ...model import Severity  # noqa: PLC0415

        if not self.stated_permission or severity not in {Severity.ERROR, Severity.CRITICAL}:
            return severity, message
        said = self.stated_permission[0].text
        return Severity.WARNING, (f"{message}; the text says permission was given ('{said}'): record the signed "
                                  "authorization as `hipaa_authorization: <reference>` in the front matter")

    def _headline_case(self, offset: int) -> bool:
        """A sentence written in title case ("Mixed Martial Arts Helps Veterans"): its capitals say nothing
        about which words are names."""
        sentence = self.analysis.sentence_at(offset)
        words = [t for t in sentence if t.is_alpha and len(t) > 3 and not t.like_url]
        return len(words) >= 4 and sum(t.text[0].isupper() for t in words) / len(words) >= 0.75

    @cached_property
    def veterinary_post(self) -> bool:
        """The post is a veterinary practice's ("Maple Veterinary", "#vetlife"), by its text or by what its front
        matter says of the account ("org: veterinary clinic"): its patients are animals."""
        return _VETERINARY.search(self.text) is not None or any(
            isinstance(v, str) and _VETERINARY.search(v) for v in self.analysis.post.metadata.values())

    @cached_property
    def exposure_notice(self) -> bool:
        """The post is a public-health exposure notice ("anyone who was in ... may have been exposed")."""
        return _EXPOSURE_NOTICE.search(self.text) is not None

    @cached_property
    def stated_permission(self) -> tuple:
        """Where the text itself says the person gave (written) permission to share their story; nothing where the
        front matter records an authorization that is not in force (expired, revoked, verbal only): the record wins."""
        if authorization_not_in_force(self.analysis.post.metadata) is not None:
            return ()
        return tuple(c for c in self.lexicon("stated_permission") if self.analysis.assertion(c).asserted)

    @cached_property
    def ties(self) -> tuple[Tie, ...]:
        groups: dict[str, list[Person]] = {}
        for person in self.people:
            if person.role in {STAFF, ORGANISATION, ANIMAL, NOT_A_PERSON}:
                continue
            groups.setdefault(name_key(person), []).append(person)
        single = len([g for g in groups.values() if any(p.may_be_patient and p.identifier.score >= STRONG for p in g)]) <= 1
        ties = []
        for mentions in groups.values():
            if all(self._kin_possessor(m) for m in mentions):
                continue  # "Coach Hill's wife finished chemo": the wife is the one cared for (a description, PHI-08)
            if mentions[0].role == GUEST:  # "Meet Amina Yusuf. ... Amina arrived at our ED": the guess of "meet" yields
                mentions = sorted(mentions, key=lambda p: not p.may_be_patient)
            # "Meet Dan. ... Dan waited hours before coming in. Our cath lab opened his artery": the mention our care is
            # read from says who the person is
            mentions = sorted(mentions, key=lambda p: p.role != PATIENT)
            tie = self._tie(mentions, single)
            if tie.person.may_be_patient or (tie.care and self._cue_in_sentence_of(tie.care, mentions)):
                ties.append(tie)
        return tuple(sorted(ties, key=lambda t: t.person.start))

    def _tie(self, mentions: list[Person], single: bool) -> Tie:
        person = mentions[0]
        # A tie is read from the sentence that names the person and the sentences that refer back to
        # them; co-occurrence elsewhere in the post is not a tie (issue #9).
        scope = []
        for mention in mentions:
            scope.extend(self._scope_of(mention))
        scope = _union(scope)

        def inside(cues):
            return tuple(c for c in cues if any(s <= c.start and c.end <= e for s, e in scope))

        care = [c for c in inside(self.care) if not self._of_someone_else(c, mentions)]
        if person.may_be_patient:  # a testimonial or patient story says who its subject is, in its own paragraph
            openers = {self.block(m.start).start for m in mentions}
            care += [c for c in self.story if any(s <= c.start < e for s, e in scope)
                     or any(self.sentence_of(c.start)[0] <= o < self.sentence_of(c.start)[1]
                            for o in openers)]
        if any(m.vocative for m in mentions):
            care += inside(self.second_person)
            care += [Cue(c.start, c.end, c.text, c.vocabulary, "health of the person addressed") for c in inside(self.health)
                     if _YOUR_BEFORE.search(self.text[max(0, c.start - 30):c.start])]
        places = [c for c in inside(self.places) if self._in_clause_of(c, mentions)]
        if any(_support_hashtag(m.text) for m in mentions):
            # "#PrayersForCaleb", "#TeamLiam", "#NoraStrong": a hashtag of support is about the one the whole post is
            # for, so a place or team of our care anywhere in its paragraph is theirs
            places += [c for c in self.places if any(self.same_block(c.start, m.start) for m in mentions) and c not in places]
        quoted_self = [m for m in mentions if self._attributed(m)]
        for other in self.people:
            if other.provider and (any(self._linked(other, m) for m in mentions)
                                   or (quoted_self and self._speaker_cared_for(other, scope))):
                places.append(Cue(other.start, other.end, other.text, "people", "provider named with them"))
        health = tuple(h for h in inside(self.health)  # not a place talked about: "questions about our cancer center"
                       if not (places and not care and _FACILITY_AFTER.match(self.text[h.end:h.end + 40]))  # "our surgery center"
                       and not any(p.start <= h.start and h.end <= p.end and _ABOUT_BEFORE.search(self.text, max(0, p.start - 24), p.start)
                                  for p in places if p.vocabulary != "people"))
        mention_sentences = [self.sentence_of(m.start) for m in mentions]
        if any(m.vocative for m in mentions):  # "Luis! Glad the new inhaler is helping your asthma."
            mention_sentences += [(s, e) for s, e in self.sentences if any(a <= s < b for a, b in scope)
                                  and _SECOND_PERSON.search(self.text[s:e])]
        own = tuple(c for c in health if self.personal(c) and (any(s <= c.start and c.end <= e for s, e in mention_sentences)
                    or _THEIR_BEFORE.search(self.text, max(0, c.start - 24), c.start) and self._refers_back(c.start)))
        if person.may_be_patient and not care:  # "His thyroid biopsy came back benign": health of theirs by pronoun
            care += self._listed_as_ours(mentions)
        if person.may_be_patient and not care:
            care += self._own_clinician(mentions, scope)
        if person.may_be_patient and not care:
            care += self._praise_as_care(mentions, single, own, health)
        if person.may_be_patient and not care:
            care += self._wished_well(mentions, scope, own)
        details = tuple(d for d in self.details if any(s <= d.start and d.end <= e for s, e in scope))
        return Tie(person, tuple(mentions), tuple(scope), health, tuple(sorted(care, key=lambda c: c.start)),
                   tuple(sorted(places, key=lambda c: c.start)), details, own)

    def _own_clinician(self, mentions: list[Person], scope) -> list[Cue]:
        """"per his dietitian", "Frank's oncologist": a clinician of the person's, in the sentences about them,
        says they are under care (a place, team or practice of theirs does not: it may be where they work)."""
        if not self.doc.has_annotation("DEP"):
            return []
        for cue in self.lexicon("care_providers"):
            if not any(s <= cue.start < e for s, e in scope) or cue.text.lower() in _NOT_CLINICIANS:
                continue
            token = token_at(self.doc, cue.start)
            owners = [c for c in token.children if c.dep_ == "poss"] if token is not None else []
            if any(o.lower_ in _BACK_REFERENCE or any(m.start <= o.idx < m.end for m in mentions) for o in owners):
                return [Cue(cue.start, cue.end, self.text[owners[0].idx:cue.end], "care_providers", "a clinician of theirs")]
        return []

    def _listed_as_ours(self, mentions: list[Person]) -> list[Cue]:
        """A list of personal accounts tagged as members of a group of our patients ("Tag yourself if you
        were in our cardiac rehab crew @a @b @c", "our graduates this month: @x, @y"): listing them there
        says each one is our patient. A group of staff ("our night crew") or a lone tag is not enough."""
        handles = sorted((i for i in self.identifiers if i.kind == "SOCIAL_HANDLE"), key=lambda i: i.start)
        for mention in (m for m in mentions if m.identifier.kind == "SOCIAL_HANDLE"):
            index = next((k for k, h in enumerate(handles) if h.start == mention.identifier.start), None)
            if index is None:
                continue
            neighbours = [handles[j] for j in (index - 1, index + 1) if 0 <= j < len(handles)]
            if not any(_HANDLE_LIST_GAP.fullmatch(self.text, min(h.end, n.end), max(h.start, n.start))
                       for h in (handles[index],) for n in neighbours):
                continue
            block = self.block(mention.start)
            in_block = [c for c in (*self.health, *self.lexicon("claim_weight_loss"), *self.lexicon("elective_procedures"))
                        if block.start <= c.start < block.end]
            for group in _OUR_GROUP.finditer(self.text, max(block.start, mention.start - 240), mention.start):
                modifier = (group.start("modifier"), group.end("modifier"))
                head = group.group("head").lower()
                if TRAINING_OR_STAFF.search(group.group("modifier")):
                    continue  # "our 2026 nursing graduates", "our volunteer crew"
                of_health = any(modifier[0] <= c.start and c.end <= modifier[1] for c in self.health)
                if of_health or head in _PATIENT_GROUPS or head in _ALUMNI_GROUPS and in_block:
                    return [Cue(group.start(), group.end(), group.group(0), "people", "listed among a group of our patients")]
        return []

    def _praise_as_care(self, mentions: list[Person], single: bool, own, health) -> list[Cue]:
        """An organisation that praises, thanks or congratulates a named person in a post about that
        person's health speaks from having cared for them ("Shout out to Gus, who hasn't missed a
        dialysis session", "Down 40 lbs - so proud of you, Denise!"): the praise is the care cue.
        Health naming our services ("our transplant team", "cancer research") is not theirs; a tagged
        account, a headline name and a bare "meet" or "watch" are not praise."""
        addressed = [m for m in mentions if self._warmly_addressed(m)]
        personal = [c for c in (health if addressed and single else own) if self.personal(c)]
        if not personal:
            return []
        if addressed:
            first = addressed[0]
            return [Cue(first.start, first.end, first.text, "people", "thanked or praised by name in a post about their health")]
        near = set()
        for m in mentions:
            index = self.sentence_index(m.start)
            near.update(self.sentences[max(0, index - 1):index + 1])
        praise = [c for c in self.celebration if c.vocabulary == signals.CELEBRATION and not _WEAK_PRAISE.match(c.text)
                  and any(s <= c.start < e for s, e in near)]
        if praise and any(m.identifier.kind != "SOCIAL_HANDLE" for m in mentions):
            cue = praise[0]
            return [Cue(cue.start, cue.end, cue.text, cue.vocabulary, "celebrated by name in a post about their health")]
        return []

    def _wished_well(self, mentions: list[Person], scope, own) -> list[Cue]:
        """"Ms Rao, 64, won the battle against COVID-19. We wish her a healthy life ahead.": a named
        person's own illness, then our wish for them in a sentence that refers back to them, is a
        hospital speaking about its patient (issue #9: a health state predicated of the person).
        A tagged account alone is not enough, and the illness must be theirs (in the naming sentence)."""
        own = [c for c in own if self.personal(c) and not self._self_reported(c, mentions)]
        if not own or all(m.identifier.kind == "SOCIAL_HANDLE" for m in mentions):
            return []
        wishes = [c for c in signals.find(self.text, WELL_WISHES, "well-wish")
                  if any(s <= c.start < e for s, e in scope)
                  and not any(self.sentence_of(m.start)[0] <= c.start < self.sentence_of(m.start)[1] for m in mentions
                              if m.vocative)]
        if not wishes:
            return []
        cue = wishes[0]
        return [Cue(cue.start, cue.end, cue.text, cue.vocabulary, "wished well by us after their own illness")]

    def _self_reported(self, cue: Cue, mentions: list[Person]) -> bool:
        """"Tom says he has diabetes", "Mayor Ruiz announced she tested positive": health the person
        made public themselves, read from the parse (the health word sits under a verb of saying whose
        subject is the person). We did not learn it from caring for them."""
        span = self.doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        for head in span[0].ancestors:
            if head.lemma_.lower() in _REPORTING_VERBS:
                words = [t for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree]
                if any(m.start <= t.idx < m.end for t in words for m in mentions):
                    return True
        return False

    def _warmly_addressed(self, mention: Person) -> bool:
        if not mention.vocative or mention.identifier.kind == "SOCIAL_HANDLE":
            return False
        start, end = self.sentence_of(mention.start)
        rest = self.text[start:mention.start] + " " + self.text[mention.end:end]
        return _WARM.search(rest) is not None

    def personal(self, cue: Cue) -> bool:
        """Health that can be someone's: not a cause, a class, nor one of our services."""
        return not (self._a_cause(cue) or _SERVICE_AFTER.match(self.text[cue.end:cue.end + 40])
                    or _SERVICE_BEFORE.search(self.text[max(0, cue.start - 30):cue.start])
                    or _EVENT_FOR_BEFORE.search(self.text[max(0, cue.start - 30):cue.start]))  # "our 5K for Mental Health"

    def _a_cause(self, cue: Cue) -> bool:
        return _CAUSE_AFTER.match(self.text[cue.end:cue.end + 40]) is not None

    def _attributed(self, mention: Person) -> bool:
        """"... - Katie": the mention signs a quotation."""
        start, _ = self.sentence_of(mention.start)
        return bool(_ATTRIBUTION.match(self.text[start:mention.start]))

    def _speaker_cared_for(self, provider: Person, scope) -> bool:
        """In a quotation signed by the person, "I" and "me" are them: "Thank you Dr. Lee for helping me"."""
        if not any(s <= provider.start < e for s, e in scope) or not self.doc.has_annotation("DEP"):
            return False
        token = token_at(self.doc, provider.identifier.start)
        if token is None:
            return False
        sentence = self.analysis.sentence_at(provider.start)
        return any(t.lower_ in {"i", "me", "my"} for t in sentence)

    def _of_someone_else(self, cue: Cue, mentions: list[Person]) -> bool:
        """The care event is predicated of another person: "whose daughter was hospitalized", "after
        her son was admitted". Its clause has a noun subject that is neither the person nor a pronoun."""
        if not self.doc.has_annotation("DEP"):
            return False
        token = token_at(self.doc, cue.start)
        if token is None:
            return False
        head = clause_head(token)
        if _KIN_BROUGHT_IN.match(cue.text):
            return True  # "Coach Lin brought her son in for his shots": the son is the one cared for
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:
            return False
        spans = [(m.start, m.end) for m in mentions]
        for subject in subjects:
            words = list(subject.subtree)
            lo, hi = words[0].idx, words[-1].idx + len(words[-1])
            if any(lo <= s < hi for s, _ in spans):
                return False
            if any(t.lower_ in {"our", "we", "us"} for t in words):
                continue  # "our team cared for her": the subject is us, the object may be the person
            if subject.ent_type_ == "PERSON" and any(
                    i.kind == "PERSON" and i.start <= subject.idx < i.end and (i.text.islower() or _not_shaped_like_a_name(i.text))
                    for i in self.identifiers):
                continue  # "ya llegó su insulina": lower-case words the model took for a name, not someone else
            if pattern("phi_family_words").fullmatch(subject.text) or pattern("phi_person_nouns").fullmatch(subject.text) \
                    or subject.ent_type_ == "PERSON":
                return True  # "whose daughter was hospitalized", "after her son AJ was admitted"
        return False

    def _in_clause_of(self, cue: Cue, mentions: list[Person]) -> bool:
        """A place of care counts for a person in the same clause, or in a sentence that refers back to
        them ("She spent a week in our NICU"); not "progress in our vaccination program" elsewhere."""
        if not self.doc.has_annotation("DEP"):
            return True
        token = token_at(self.doc, cue.start)
        if token is None:
            return False
        if any(m.vocative for m in mentions):
            return True  # the paragraph speaks to them
        head = clause_head(token)
        for mention in mentions:
            other = token_at(self.doc, max(mention.identifier.start, mention.identifier.end - 1))
            if other is None:
                continue
            if clause_head(other) == head or (head.dep_ in {"relcl", "acl"} and governs(head.head, other)):
                return True  # the same clause, or a clause that describes them ("Danielle, who ...", "Ana's implants, placed ...")
            if head.dep_ in {"relcl", "acl"} and head.head.dep_ in {"attr", "acomp", "oprd"} and clause_head(head.head) == clause_head(other):
                return True  # what is said of them: "Mia was a delight to have in our teen program"
        clause = clause_tokens(head)
        if head.dep_ != "ROOT" and head.head.i != head.i:
            clause += clause_tokens(clause_head(head.head))  # and the clause it depends on
        if head.dep_ in {"acl", "relcl"}:
            clause += [head.head, *head.head.children]  # "his final brace, fitted at ...": the phrase it describes
        addressed = _ADDRESS if any(_ADDRESS & {t.lower_ for t in self.analysis.sentence_at(m.start)} for m in mentions) else frozenset()
        return any(t.lower_ in _BACK_REFERENCE | addressed | {"i", "my", "me"} for t in clause) and not any(
            m.start <= cue.start < m.end for m in mentions) and not any(
            self.sentence_of(cue.start) == self.sentence_of(p.start)
            for p in self.people if p not in mentions and p.role not in NOT_PATIENTS)

    def _linked(self, provider: Person, mention: Person) -> bool:
        """A provider is part of a person's care only through the parse: the two in one clause ("Dr. Patel
        replaced Emma's knee", "Emma's surgery with Dr. Patel"), not merely in one post."""
        if not self.same_block(provider.start, mention.start):
            return False
        a, b = token_at(self.doc, provider.identifier.start), token_at(self.doc, mention.identifier.start)
        if self.sentence_of(provider.start) != self.sentence_of(mention.start):
            # "Remember Lauren? Her secret was lip filler with Dr. Shah": the sentence after refers back to them
            # by a pronoun, and the provider's role is read against that pronoun
            sentence = self.sentence_of(provider.start)
            if a is None or not self._refers_to(mention, sentence):
                return False
            b = next((t for t in a.sent if t.lower_ in _BACK_REFERENCE and t.i != a.i), None)
            if b is None:
                return False
        if a is None or b is None or not self.doc.has_annotation("DEP"):
            return True  # no parse: the sentence is all we can read
        between = [t for t in self.doc[min(a.i, b.i) + 1:max(a.i, b.i)]]
        if b.i < a.i and any(t.lower_ in {"with", "by"} for t in between) and not any(t.pos_ in {"VERB", "AUX"} for t in between):
            return True  # "Mateo with Nurse Ines and Dr. Farah": the small parser often reads the list as coordination
        if _conjuncts(a, b) or not same_clause(a, b):
            return False  # "Dr. Fauci and Colleen Ames receive their shots": named side by side, not cared for
        # The provider gives the care: "surgery with Dr. Patel", "treated by Nurse Jo", "thanks to Dr. Lee",
        # or "Dr. Patel replaced Emma's knee" (the provider the subject of a care verb).
        root = a
        while root.dep_ in {"compound", "flat", "appos", "conj"} and root.head.i != root.i:
            root = root.head
        if root.dep_ == "pobj" and root.head.lower_ in {"with", "by", "from", "to", "under"}:
            return True
        verb = root.head
        return root.dep_ == "nsubj" and (verb.lemma_ in _CARE_VERBS or any(
            verb.idx <= c.start < verb.idx + len(verb) for c in self.care))

    def _scope_of(self, mention: Person) -> list[tuple[int, int]]:
        """The mention's sentence, and the sentences after it in its paragraph that refer back to the
        person with a pronoun ("She finished chemo") or, for a person addressed, with "you", up to the
        next person named; a quotation's attribution ("- Carol W.") and a sentence of hashtags reach
        back to what came before."""
        if mention.vocative and not self.is_reply:
            block = self.block(mention.start)  # a paragraph that speaks to someone is about them
            scope = [(block.start, block.end)]
            if len(self.text) <= LONG and not any(b.heading for b in self.blocks):
                # "Still thinking about that knee, Linda?\n\nWe saw you at our seminar, and your X-rays are ready":
                # in a short post, the next paragraphs that go on saying "you" speak to the same person
                for later in (b for b in self.blocks if b.start >= block.end):
                    words = {w.lower() for w in _WORD.findall(self.text[later.start:later.end])}
                    if not words & _ADDRESS or any(later.start <= p.start < later.end and p.identifier.kind in PERSON_KINDS
                                                    and name_key(p) != name_key(mention) for p in self.people):
                        break
                    scope.append((later.start, later.end))
            return scope
        index = self.sentence_index(mention.start)
        start, end = self.sentences[index]
        scope = [(start, end)]
        lead = self.text[start:mention.start]
        words = _WORD.findall(_TAG.sub("", self.text[start:end]))
        if (_ATTRIBUTION.match(lead) or len(words) < 3) and index > 0:
            previous = (self.sentences[index - 1][0], start) if len(words) >= 3 else (self.block(mention.start).start, start)
            if self.same_block(previous[0], mention.start):
                scope.insert(0, previous)
        own_key = name_key(mention)
        starts, keys = self._strong_patients

        def other_named(s: int, e: int) -> bool:  # another strong patient named in [s, e)
            i = bisect_right(starts, s - 1)
            while i < len(starts) and starts[i] < e:
                if keys[i] != own_key:
                    return True
                i += 1
            return False

        spoken_to = {t.lower_ for t in self.analysis.sentence_at(mention.start)} & _ADDRESS
        refer = _BACK_REFERENCE | (_ADDRESS if mention.vocative or self.is_reply or spoken_to else frozenset())
        paragraph = self.block(mention.start)
        for s, e in itertools.islice(self.sentences, index + 1, None):
            if other_named(s, e):
                break
            if not paragraph.start <= s < paragraph.end:
                if not self._opens_with_them(s, paragraph):
                    break
                paragraph = self.block(s)
            words = self.doc.char_span(s, e, alignment_mode="expand") or ()
            if not any(t.lower_ in refer for t in words) and not (
                    s == self.sentences[index + 1][0] and any(t.lower_ in _ADDRESS for t in words)
                    and self._wishes_the_one_named_before(mention, (s, e))):
                break
            scope.append((s, e))
        return scope

    def _opens_with_them(self, start: int, paragraph) -> bool:
        """In a post (not a document with headings), the paragraph right after ``paragraph`` opens at ``start``
        with a pronoun that refers back ("Maria came in today.\n\nShe finished chemo ..."): it goes on about
        the person, so a reference back may cross that one blank line."""
        following = self.block(start)
        if following.start != start or any(b.heading for b in self.blocks):
            return False
        if self.text[paragraph.end:start].count("\n") < 1 or self.blocks.index(following) != self.blocks.index(paragraph) + 1:
            return False
        first = next((t for t in self.analysis.sentence_at(start) if t.is_alpha), None)
        return first is not None and first.idx < start + 4 and first.text[0].isupper() and first.lower_ in _BACK_REFERENCE

    # ------------------------------------------------------------------ details (PHI-08)

    @cached_property
    def details(self) -> tuple[Identifier, ...]:
        found = [i for i in self.identifiers if i.kind in DETAIL_KINDS and i.kind != "PHOTO"]
        for ent in self.doc.ents:
            place = ent.label_ in {"GPE", "LOC"} or (ent.label_ in {"ORG", "FAC"} and _SCHOOL.search(ent.text))
            if place and _HOMETOWN.search(self.text[max(0, ent.start_char - 10):ent.start_char]):
                if state_or_larger(ent.text):  # "returned from China": a country is not smaller than a state
                    continue
                if any(s <= ent.start_char and ent.end_char <= e for s, e in self.facility_spans_in_full):
                    continue
                if not any(i.overlaps(ent.start_char, ent.end_char) for i in found):
                    found.append(Identifier("LOCATION", ent.start_char, ent.end_char, ent.text, 0.6, "SpacyRecognizer",
                                            "a place someone comes from (hometown, school)"))
        for combo in combinations(self.doc, self.analysis.sentences, self.facility_spans, self.lexicon("place_nouns")):
            if not any(i.overlaps(combo.start, combo.end) for i in found):
                found.append(combo)
        for m in _SCHOOL_NAME.finditer(self.text):  # "from the Lakeview High crash": the model often misses it
            start, end = m.span("name")
            if _OUR_EVENT_BEFORE.search(self.text, max(0, m.start() - 40), m.start()):
                continue
            if not any(i.overlaps(start, end) for i in found):
                found.append(Identifier("LOCATION", start, end, m.group("name"), 0.6, "assessment",
                                        "a school someone comes from"))
        for m in _CALL_AT_A_PLACE.finditer(self.text):  # "We worked a code in a chicken coop!": the call told by its place
            place = m.group("place")
            if _OUR_CARE_PLACE.search(place) or _VEHICLE_OF_CARE.search(place) or signals.is_hypothetical(
                    self.text, self.analysis.sentence_at(m.start()), m.start()):
                continue  # "a code in the ER", "in the back of the rig": where we always work singles no one out
            found.append(Identifier(UNIQUE_CHARACTERISTIC, m.start(), m.end(), m.group(0), 0.6, "assessment",
                                    f"an emergency we worked, told by where it happened ('{place}') {_CALL_PATTERN}"))
        for m in self._photo_descriptions:  # "[Photo: patient smiling in her bed, face visible]"
            if _RECORDING.match(m.group(0)):  # "[Audio: voicemail from a patient, in his own voice]": a voice identifies
                if _OWN_VOICE.search(m.group("description")):
                    found.append(Identifier(BIOMETRIC, m.start(), m.end(), m.group(0), 0.7, "assessment",
                                            "a recording the post describes, in the person's own voice"))
            elif not _NO_FACE.search(m.group("description")) or _IDENTIFYING_MARK.search(m.group("description")):
                found.append(Identifier("PHOTO", m.start(), m.end(), m.group(0), 0.7, "assessment",
                                        "a photo the post describes, showing a face or a mark that identifies"))
        # a selfie or a screenshot shows the writer's own face or screen: only what is readable in it counts
        for m in (*self._photo_descriptions, *_SELFIE_OR_SCREENSHOT.finditer(self.text), *_PHOTO_OF.finditer(self.text)):
            record = self._readable_record(m)
            if record is not None:
                found.append(record)
        # "a gift from Lillian and Robert Chen": a place name the reading keeps as a person is that person
        people = [(p.start, p.end) for p in self.people if p.role != NOT_A_PERSON]
        found = [i for i in found if i.kind != "LOCATION" or not any(s <= i.start and i.end <= e for s, e in people)]
        return tuple(sorted(found, key=lambda i: i.start))

    @cached_property
    def _photo_descriptions(self) -> tuple:
        """The photos, videos and recordings the post describes ("[Photo: ...]"), once per post."""
        return tuple(_PHOTO_DESCRIPTION.finditer(self.text))

    def _readable_record(self, photo) -> Identifier | None:
        """"[Photo: ...; behind them the whiteboard reads 'Rm 3 - J. Castillo - detox day 2']": a board, screen,
        chart or label readable in the photo that lists someone (a capitalised name, an initial, a room) with
        their health is a record of our care, published whole."""
        description = photo.group("description")
        plates = _READABLE_PLATES.search(description)
        if plates is not None and _OUR_LOT.search(description) and not _NOTHING_READABLE.search(description):
            # "[Photo: our parking lot from the entrance; license plates on several cars are readable]": who came to us
            start = photo.start("description") + plates.start()
            return Identifier(VEHICLE_ID, start, start + len(plates.group(0)), plates.group(0), 0.7, "assessment",
                              f"licence plates readable in a photo of our place, naming who came for care {_READABLE_RECORD_PATTERN}")
        board = _READABLE_RECORD.search(description)
        hidden = _NOTHING_READABLE.search(description)
        if hidden is not None and _STILL_READABLE.search(description, hidden.end()):
            hidden = None  # "most names are covered ... but bed 6 still reads 'SANTOS, M'": one is left readable
        if board is None or hidden is not None:
            return None
        start = photo.start("description") + board.start()
        end = photo.start("description") + len(description)
        shown = self.text[start:end]
        listed = shown[len(board.group(0)):]
        # the health may be the board's or the place's: "the ED tracking board reads 'HOLLIS, R | Rm 12'"
        if not (any(photo.start("description") <= h.start < end for h in self.health) or _BIRTH_DATE.search(listed)) or not (
                _LISTED_PERSON.search(listed) or any(is_given_name(w) for w in _CAPITALISED.findall(listed))):
            return None
        return Identifier(UNIQUE_CHARACTERISTIC, start, end, shown, 0.7, "assessment",
                          f"a {board.group('what')} readable in the photo lists someone with their health {_READABLE_RECORD_PATTERN}")

    @cached_property
    def detail_hits(self) -> tuple[DetailHit, ...]:
        hits = []
        for detail in self.details:
            sentence = self.analysis.sentence_at(detail.start)
            if signals.is_hypothetical(self.text, sentence, detail.start) or self._made_up(detail.start):
                continue
            if _READABLE_RECORD_PATTERN in detail.explanation:
                shown = tuple(h for h in self.health if detail.start <= h.start < detail.end)
                hits.append(DetailHit(detail, detail.text, (detail.start, detail.end), None, shown,
                                      (Cue(detail.start, detail.end, detail.text, "assessment", "a record of our care shown in our photo"),)))
                continue
            if self.counted(detail.start) or self._thread_counter(detail) or self._of_an_animal(detail):
                continue
            if detail.kind in {"DATE_TIME", "CARE_DATE"} and self.text[max(0, detail.start - 1):detail.start] == "#":
                continue  # "#Christmas", "#MondayMotivation": a hashtag names a theme, not the date of someone's care
            tie = next((t for t in self.ties if t.person.may_be_patient and detail in t.details and t.is_patient_of_ours), None)
            if tie is not None:
                hits.append(DetailHit(detail, tie.person.text, (tie.person.start, tie.person.end), tie, tie.health, tie.relationship))
                continue
            window = self.window(detail.start)
            if detail.kind in {"DATE_TIME", "CARE_DATE"}:  # a date dates what its own paragraph tells, not the next one
                block = self.block(detail.start)
                window = (max(window[0], block.start), min(window[1], block.end))
            pointer = self._pointer(window, detail)
            # not the band in "the lead singer of Desert Rose"; a description points at itself, so the fire department
            # thanked beside "the firefighter injured in ..." is not who it is about (an agency reporting a case is)
            ignored = {NOT_A_PERSON, ORGANISATION} if detail.kind == UNIQUE_CHARACTERISTIC else {NOT_A_PERSON}
            # a description, or an age that brings someone in ("a 9-year-old from ..."), is about whoever stands in
            # its own apposition, in its sentence, not about the nurse of the sentence before
            age_with_article = detail.kind in {AGE_OVER_89, QUASI_IDENTIFIERS} and _ARTICLE_BEFORE.search(
                self.text, max(0, detail.start - 8), detail.start) is not None
            # "a 3-year-old from ...", "Coach Lin brought her son in": someone new, not the staff or official nearby
            indefinite = any(p in detail.explanation for p in (_NAMED_INDEFINITE, _KIN_PATTERN, _KNOWN_TO_ME))
            reach = (max(detail.start - 40, sentence.start_char), min(detail.end + 40, sentence.end_char)) \
                if detail.kind == UNIQUE_CHARACTERISTIC or age_with_article else window
            nearby = [p for p in self.people if window[0] <= p.start < window[1] and reach[0] <= p.start < reach[1]
                      and p.role not in ignored and not detail.overlaps(p.start, p.end)]
            said_patient = pointer is not None and (pointer[2] or detail.kind in {AGE_OVER_89, QUASI_IDENTIFIERS}
                                                    and _PATIENT_AFTER.match(self.text, detail.end) is not None)
            says_patient = (said_patient and detail.kind in {AGE_OVER_89, QUASI_IDENTIFIERS, UNIQUE_CHARACTERISTIC, "PHOTO", BIOMETRIC}
                            and (detail.kind not in {"PHOTO", BIOMETRIC} or _PHOTO_OF_A_PATIENT.search(detail.text) is not None
                                 or _faces_in_a_care_room(detail.text))
                            and not any(p.role == ANIMAL for p in nearby))  # "our oldest patient", "our 99-year-old patient"
            if nearby and all(p.role in NOT_PATIENTS for p in nearby) and not says_patient and not indefinite:
                continue  # the detail is about staff or a public figure, unless it says "our oldest patient"
            if self.reports_totals(sentence):
                continue  # "3,400 patients were discharged: 890 from ..." counts people, singles out no one
            if detail.kind == "PHOTO" and self.veterinary_post:
                continue  # a veterinary practice's video of an X-ray or a dog: its patients are animals
            if detail.kind == "PHOTO" and _NO_PATIENT_SHOWN.search(detail.text):
                continue  # "[Photo: Dr. Lin and Nurse Tavi with the sign ... no patients in the picture]"
            if detail.kind in {"PHOTO", UNIQUE_CHARACTERISTIC} and self._only_staff_inside(detail):
                continue  # "[Photo: our athletic trainer, Coach Dee, on the bike with ECG leads attached]"
            if any(m.start() <= detail.start < m.end() and _NO_PATIENT_SHOWN.search(m.group(0)) for m in self._photo_descriptions):
                continue  # "[Video: the empty ED hallway at 5 am ...]": a date or place in a picture of no one
            if detail.kind == "LOCATION" and _ORGANISATION_NAMED_AFTER_A_PLACE.search(detail.text):
                continue  # "the Lake County Health Department": an organisation's name, not where someone lives
            if detail.kind == "STREET_ADDRESS" and self._our_street(detail):
                continue  # "our new office at 14 Birch Lane opens Monday": where we are, not where someone lives
            # "our oldest feline patient", "this 6-year-old golden retriever": the one singled out is an animal (an
            # animal inside a health word, the dog of "a dog bite", is the injury's cause)
            # an animal that is someone's ("the gentleman who walks his beagle") is theirs, not the one singled out
            if pointer is None or any(pointer[0] <= c.start < pointer[1] + 25 and not any(h.start <= c.start < h.end for h in self.health)
                                      and not self._a_pet_of_theirs(c) for c in self.animals):
                continue
            if detail.kind in {"STREET_ADDRESS", "LOCATION", "CARE_DATE", "DATE_TIME"} and self.exposure_notice and not any(
                    p.identifier.kind == "PERSON" and p.may_be_patient for p in nearby):
                continue  # "Anyone who was in the Oak Street Urgent Care waiting room on March 3 ...": where and when of an exposure
            health = tuple(c for c in self.health if window[0] <= c.start < window[1] and not self._a_cause(c)
                           and not _SERVICE_AFTER.match(self.text[c.end:c.end + 40]))  # not "our urgent care wing", "our ER team"
            care = tuple(c for c in (*self.care, *self.places) if window[0] <= c.start < window[1])
            in_sentence = [c for c in (*care, *health) if sentence.start_char <= c.start < sentence.end_char]
            addressed = any(t.lower_ in _ADDRESS for t in sentence) and in_sentence
            if detail.kind in {"DATE_TIME", "CARE_DATE"} and not _date_of_care(detail) and not addressed and not any(
                    sentence.start_char <= c.start < sentence.end_char for c in care) and not self._in_clause(detail, health):
                continue  # "tonight", "this morning": a date is a date of care only beside a care event
            if detail.kind in {"DATE_TIME", "CARE_DATE"} and _EVENT_NOUN.search(sentence.text) and not any(
                    sentence.start_char <= c.start < sentence.end_char for c in self.care) and not any(
                    sentence.start_char <= h.start < sentence.end_char and self.personal(h) and _THEIR_BEFORE.search(
                        self.text, max(0, h.start - 24), h.start) for h in health):
                continue  # "hosting a recital for our pediatric ward on Friday": the date of an event at a unit, not of care
            if detail.kind == "CARE_DATE" and "the date of the visit of" in detail.explanation and not health:
                continue  # "my patient from this morning" dates a visit; with nothing about their health it singles out no one
            if pointer[2] and not self.analysis.assertion(Cue(pointer[0], pointer[1], "", "", "")).asserted:
                continue  # "We cannot confirm whether anyone is or was a patient here": a denial points at no one
            if pointer[2]:  # the pointer itself says "patient"
                care = (*care, Cue(pointer[0], pointer[1], self.text[pointer[0]:pointer[1]], "phi_person_nouns", "a patient"))
            resident = _OUR_RESIDENT.search(self.text, window[0], window[1]) if detail.kind in {AGE_OVER_89, UNIQUE_CHARACTERISTIC} else None
            if resident and (detail.kind == AGE_OVER_89 or any(d.kind == AGE_OVER_89 for d in self.details
                                                                if window[0] <= d.start < window[1])):
                # a resident over 89 lives in our care home (a trainee doctor is not 104)
                care = (*care, Cue(resident.start(), resident.end(), resident.group(0), "assessment",
                                   "a resident of our care home, with an age over 89"))
            room = next((d for d in self.details if d.kind == "ROOM_NUMBER" and sentence.start_char <= d.start < sentence.end_char),
                        None) if detail.kind == AGE_OVER_89 else None
            if room is not None:  # "Room 118's Mr. Delacroix turned 101": a room of ours, lived in at over 89
                care = (*care, Cue(room.start, room.end, room.text, "RoomBedRecognizer", "a room of ours, with an age over 89"))
            if detail.kind == "ROOM_NUMBER" and (_INPATIENT.search(detail.text) or _FAMILY_OF_THE_ROOM.match(self.text, detail.end)
                                                 or _CALL_LIGHT.search(self.text, sentence.start_char, sentence.end_char)):
                # someone in a bed, or in a room their family visits, is a patient
                care = (*care, Cue(detail.start, detail.end, detail.text, "RoomBedRecognizer", "an inpatient bed"))
            care = tuple(c for c in care if self.analysis.assertion(c).asserted)  # not "we cannot confirm ... a patient here"
            if detail.kind == UNIQUE_CHARACTERISTIC and "(pattern: event-victim)" in detail.explanation and not care:
                continue  # "the rider hurt in Sunday's crash" is news until our care of them is said
            if detail.kind == UNIQUE_CHARACTERISTIC and _DESCRIPTION.search(detail.explanation):
                # "the lead singer of ...", "a well-known pastor in ...": a description singles out someone we
                # cared for only with health that can be theirs, not our services or a cause
                answered = self._answers_a_first_person_care(sentence)  # "Guess who I gave a flu shot to?? The lead singer ..."
                before = self._previous_sentence(sentence.start_char) if self._refers_back(sentence.start_char) or answered else None
                pictured = self._pictured_subject(detail)
                going_on = self._our_care_of_them_next(sentence)  # the sentences that go on about them, to "he went home"
                health = tuple(h for h in (self.health if pictured else health) if self.personal(h)
                               and not _GROUP_AFTER.match(self.text, h.end)
                               and not _TOPIC_BEFORE.search(self.text, max(0, h.start - 24), h.start)
                               and (pictured or sentence.start_char <= h.start < sentence.end_char or self._refers_back(h.start)
                                    or before is not None and before[0] <= h.start < before[1]
                                    or going_on is not None and sentence.end_char <= h.start < going_on))
                own_care = tuple(c for c in self.care if window[0] <= c.start < window[1] and self._in_clause(detail, (c,)))
                if not health and not own_care:
                    continue  # care said of the one described counts too: "the foreman at ... was discharged"
                if _OFFICE_HOLDER in detail.explanation and not own_care:
                    continue  # "the mayor spoke about his own flu shot": an official's public word, not our care of them
                if _POSSESSOR_PATTERN in detail.explanation and not any(
                        self._ours_in(s) for s in self.analysis.sentences if self.same_block(s.start_char, detail.start)):
                    continue  # "Rep. Lee's baby defies the odds" is news; "Lincoln High's crossing guard ... our team splinted"
                if _KIN_PATTERN in detail.explanation and not self._ours_in(sentence):
                    continue  # "an advocate whose nephew was hospitalized with measles": his care, but not ours
                ours = own_care or (any(self._our_care_in(s) for s in self.analysis.sentences) if pictured
                                    else self._our_care_in(sentence) or going_on is not None
                                    or self._first_person_care(sentence) or answered
                                    or self._procedure_for(detail, health) or self._said_to_be_the_patient(detail))
                if indefinite and not ours:
                    continue  # "a teacher at Lincoln Elementary shared tips for flu season": one of many, and not our patient
            if _CALL_PATTERN in detail.explanation:  # the call itself is our care of the one in it
                event = _CALL_AT_A_PLACE.match(self.text, detail.start)
                care = (*care, Cue(detail.start, event.start("place") if event else detail.end,
                                   self.text[detail.start:event.start("place") if event else detail.end].strip(),
                                   "assessment", "an emergency call we worked"))
            if not health and care and all(c.vocabulary == "hashtag" for c in care) and _MY_KIN.search(sentence.text):
                continue  # "my grandma turned 95 today!! #nursinghome": the writer's own family, not one of their patients
            if health or care:
                hits.append(DetailHit(detail, self.text[pointer[0]:pointer[1]], pointer[:2], None, health, care))
        return tuple(hits)

    def _said_to_be_the_patient(self, detail: Identifier) -> bool:
        """"the patient was my ex's new girlfriend", "my pt today was literally my old principal": the description is
        what "the patient" is, by a copula."""
        token = token_at(self.doc, detail.start)
        if token is None or not self.doc.has_annotation("DEP"):
            return False
        noun = next((t for t in self.doc[token.i:] if t.idx >= detail.end or t.dep_ in {"attr", "nsubj"}), None)
        if noun is None or noun.idx >= detail.end:
            return False
        verb = noun.head
        other = {"attr": "nsubj", "nsubj": "attr"}[noun.dep_]
        return verb.lemma_ == "be" and any(c.dep_ == other and c.lemma_.lower() in _PATIENT_NOUNS for c in verb.children)

    def _procedure_for(self, detail: Identifier, health) -> bool:
        """A procedure done for or on the one described, in our post: "two facelifts and a brow lift for a morning-radio
        host", "a root canal on one of our favourite weathermen"."""
        if self.text[detail.end:detail.end + 2] in ("'s", "\u2019s"):
            return False  # "a talk on rhinoplasty for a news anchor's viewers": they own something, they had nothing done
        return any(h.end <= detail.start and _PROCEDURE_FOR.fullmatch(self.text, h.end, detail.start) is not None
                   for h in health)

    def _only_staff_inside(self, detail: Identifier) -> bool:
        """Everyone the photo or description names is one of ours (or a public figure), and it names no one else: no
        patient, no "man", "girl" or "little one" beside them."""
        inside = [p for p in self.people if detail.start <= p.start < detail.end]
        if not inside or not all(p.role in {STAFF, PUBLIC} for p in inside) or _PHOTO_OF_A_PATIENT.search(detail.text):
            return False
        if any(self._names_someone_else(p) for p in inside):
            return False  # "Dr. Nguyen's sister-in-law", "the Kowalski quads": the one described is their kin
        others = (m for m in pattern("phi_person_nouns").finditer(self.text, detail.start, detail.end)
                  if not any(p.start <= m.start() < p.end for p in inside))  # not the "Coach" of "Coach Dee"
        return next(others, None) is None

    def _names_someone_else(self, person: Person) -> bool:
        """The name only qualifies another noun: it owns it ("Dr. Nguyen's sister-in-law") or names its family
        ("the Kowalski quads")."""
        last = token_at(self.doc, person.end - 1)
        return last is not None and self.doc.has_annotation("DEP") and last.dep_ in {"poss", "compound"} and last.head.i > last.i

    def _pictured_subject(self, detail: Identifier) -> bool:
        """A description inside the photo a short post describes ("[Photo: a player in a #11 Lady Hawks jersey]"):
        the photo shows whom the post is about, so the post's health is theirs, in any of its sentences."""
        if len(self.text) > LONG or any(b.heading for b in self.blocks):
            return False
        return any(m.start() <= detail.start < m.end() and not _RECORDING.match(m.group(0))
                   for m in self._photo_descriptions)

    def _ours_in(self, sentence) -> bool:
        """A place, team or act of ours is said in the sentence ("on our unit", "with our midwives", "here", "we
        delivered"), not only a care word that anyone's care would use ("was hospitalized")."""
        inside = lambda c: sentence.start_char <= c.start < sentence.end_char  # noqa: E731
        if any(inside(c) and self.analysis.assertion(c).asserted for c in self.places):
            return True
        if any(inside(c) and (_OURS.search(c.text) or _CAME_IN.search(c.text)) for c in self.care):
            return True  # "on our unit"; "brought his twins in for their checkups": in to us
        if any(t.dep_ == "nsubj" and t.head.pos_ == "VERB" and (t.lower_ == "we" or any(
                w.lower_ == "our" for w in t.subtree)) for t in sentence):
            return True  # "Our urgent care team splinted her wrist", "we fitted him"
        return any(t.lower_ == "here" and t.head.pos_ == "VERB" for t in sentence)

    def _our_care_in(self, sentence) -> bool:
        """Our care is said in the sentence: a care relationship ("we saw", "came in with"), a place of ours, or
        one of ours as the subject ("one of our providers renewed ...", "Dr. Shah caught ...")."""
        inside = lambda c: sentence.start_char <= c.start < sentence.end_char  # noqa: E731
        if any(inside(c) and self.analysis.assertion(c).asserted for c in (*self.care, *self.places)):
            return True
        if _CLINICIAN_FOR.search(self.text, sentence.start_char, sentence.end_char):
            return True  # "got to be the nurse for a very famous rapper"
        if any(inside(h) and _WITH_CLINICIAN.match(self.text, h.end) for h in self.health):
            return True  # "nine months after ACL reconstruction with Dr. Lowe": a procedure with one of ours
        if any(t.lower_ == "here" and t.head.pos_ == "VERB" and t.head.dep_ in {"ROOT", "conj", "relcl"} for t in sentence):
            return True  # "Guess which Channel 9 weatherman just got his new crowns here": here is our place
        staff = [p for p in self.people if p.role == STAFF and sentence.start_char <= p.start < sentence.end_char]
        return any(t.dep_ == "nsubj" and t.head.pos_ == "VERB" and (
            any(w.lower_ in {"we", "our"} for w in t.subtree)
            or any(p.start <= t.idx < p.end for p in staff)) for t in sentence)  # "Dr. Shah caught ... in a 3-year-old"

    def _of_an_animal(self, detail: Identifier) -> bool:
        """"Pickles the tortoise, age 92": an age or a first in a clause about an animal (HIPAA covers people)."""
        if detail.kind not in {AGE_OVER_89, UNIQUE_CHARACTERISTIC, QUASI_IDENTIFIERS}:
            return False
        token = token_at(self.doc, detail.start)
        if token is None or not self.doc.has_annotation("DEP"):
            return False
        clause = clause_tokens(clause_head(token))
        return any(t.idx <= c.start < t.idx + len(t) and not self._modifies_a_noun(c)
                   for c in self.animals for t in clause)

    def _previous_sentence(self, offset: int) -> tuple[int, int] | None:
        index = self.sentence_index(offset)
        return self.sentences[index - 1] if index > 0 else None

    def _first_person_care(self, sentence) -> bool:
        """A clinician's own account of one encounter: "I" doing a clinical act ("I gave a flu shot to ...", "I
        told a 38-year-old mother of three that her biopsy ..."), an appointment of theirs ("my 10am today was ..."),
        or "today's patient"."""
        if _MY_APPOINTMENT.search(self.text, sentence.start_char, sentence.end_char):
            return True
        health_said = any(sentence.start_char <= h.start < sentence.end_char for h in self.health)
        verbs = _FIRST_PERSON_CARE_VERBS if health_said else _FIRST_PERSON_CARE_VERBS - {"tell", "see"}
        return any(t.lower_ == "i" and t.dep_ == "nsubj" and t.head.lemma_.lower() in verbs for t in sentence) or any(
            t.lemma_.lower() in verbs and _subject_dropped(t, sentence) for t in sentence)

    def _answers_a_first_person_care(self, sentence) -> bool:
        """"Guess who I gave a flu shot to this morning?? The lead singer of Desert Rose!": a fragment that answers
        the question before it, in the same paragraph."""
        index = self.sentence_index(sentence.start_char)
        if index == 0 or any(t.pos_ in {"VERB", "AUX"} for t in sentence):
            return False
        start, end = self.sentences[index - 1]
        return (self.same_block(start, sentence.start_char) and self.text[start:end].rstrip().endswith("?")
                and self._first_person_care(self.analysis.sentence_at(start)))

    def _our_care_of_them_next(self, sentence) -> int | None:
        """"A 38-year-old lineman arrived by air after ... After 11 days in our burn unit, he went home": one of the
        next two sentences of the paragraph goes on about the one described ("he", "she" as a subject, no one else
        named before it) and says our care. The end of that sentence, or None."""
        for start, end in self._next_sentences(self.sentence_index(sentence.start_char), 2):
            if not self.same_block(sentence.start_char, start) or any(
                    start <= p.start < end and p.identifier.kind == "PERSON" for p in self.people):
                return None  # another paragraph, or someone else named
            after = self.analysis.sentence_at(start)
            if any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in {"he", "she"} for t in after):
                return end if self._our_care_in(after) else None
        return None

    def _refers_back(self, offset: int) -> bool:
        """The sentence at ``offset`` refers back to someone with a third-person pronoun ("She ..."), or opens on a
        participle with its subject dropped ("Cleared from concussion protocol this week"): what was done to the one
        just spoken of."""
        sentence = self.analysis.sentence_at(offset)
        return any(t.lower_ in _BACK_REFERENCE for t in sentence) or (
            sentence.start_char > 0 and (_participle_with_no_subject(sentence) or _verbless_fragment(sentence)))

    def _in_clause(self, detail: Identifier, cues) -> bool:
        """A cue in the detail's own clause ("Cath lab crushed it this morning"), not just its sentence."""
        token = token_at(self.doc, detail.start)
        if token is None or not self.doc.has_annotation("DEP"):
            return False
        clause = clause_tokens(clause_head(token))
        return any(t.idx <= c.start < t.idx + len(t) for c in cues for t in clause)

    def _refers_to(self, person: Person, sentence: tuple[int, int]) -> bool:
        """The sentence names the person, or refers back to them with a pronoun (and they were named in
        the sentence just before, in the same paragraph)."""
        if sentence[0] <= person.start < sentence[1]:
            return True
        index = next((i for i, (s, e) in enumerate(self.sentences) if (s, e) == tuple(sentence)), None)
        if not index or not (self.sentences[index - 1][0] <= person.start < self.sentences[index - 1][1]):
            return False
        span = self.doc.char_span(sentence[0], sentence[1], alignment_mode="expand") or ()
        refer = _BACK_REFERENCE | (_ADDRESS if person.vocative or self._wishes_the_one_named_before(person, sentence) else frozenset())
        members = _FAMILY_AFTER.match(self.text, person.end) and _MEMBERS_OF_THE_FAMILY.search(self.text, *sentence)
        return self.same_block(person.start, sentence[0]) and (any(t.lower_ in refer for t in span) or bool(members))

    def _wishes_the_one_named_before(self, person: Person, sentence: tuple[int, int]) -> bool:
        """"Spotted in our lobby today: @someone! Hope you feel better soon": a well-wish to "you" right
        after a sentence that presents one person is addressed to that person, not to the reader."""
        before = self.sentences[self.sentence_index(sentence[0]) - 1]
        named = {p.text for p in self.people if before[0] <= p.start < before[1] and p.role != NOT_A_PERSON}
        return (named == {person.text} and _WISH_TO_YOU.search(self.text, sentence[0], sentence[1]) is not None
                and not _GROUP_ADDRESSED.search(self.text, sentence[0], sentence[1]))

    def reports_totals(self, sentence) -> bool:
        """The sentence reports a count of people or cases ("357 new cases", "3484 patients")."""
        for token in sentence:
            value = token.text.replace(",", "")
            if not (token.like_num and value.isdigit() and int(value) > 1):
                continue
            after = []
            for t in token.doc[token.i + 1:min(token.i + 10, sentence.end)]:
                if t.pos_ in {"VERB", "AUX"}:
                    break
                if t.tag_ in {"NNS", "NNPS"}:
                    after.append(t)
                    break
            if after and (after[0].lemma_.lower() in _COUNTED_NOUNS or pattern("phi_person_nouns").fullmatch(after[0].text)):
                return True  # "357 new cases", "3,484 #COVID19 patients"
        return False

    def counted(self, offset: int) -> bool:
        """The words at ``offset`` are where or when a count was taken: "890 from Khordha", "12 cases in Kingston
        County" count people in a place or on a date; they single no one out (Safe Harbor is about one individual)."""
        if _COUNT_BEFORE.search(self.text, max(0, offset - 24), offset):
            return True  # a list of counts, one per line: "890 from Khordha"
        token = token_at(self.doc, offset)
        if token is None or not self.doc.has_annotation("DEP"):
            return False
        head = token.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            owner = head.head
            numbers = [owner] if owner.like_num or owner.pos_ == "NUM" else []
            numbers += [c for c in owner.children if c.dep_ == "nummod" and c.like_num]
            return any(n.like_num and n.text.replace(",", "").isdigit() and int(n.text.replace(",", "")) > 1 for n in numbers)
        return False

    def _thread_counter(self, detail: Identifier) -> bool:
        """"1/3" opening or closing a post numbers a thread, it is not a date."""
        if not _THREAD_COUNTER.fullmatch(detail.text):
            return False
        first, second = (int(x) for x in detail.text.split("/"))
        bare = "".join(self.text[a:b] for a, b in _gaps(self.text, _URL.finditer(self.text))).strip()
        return first <= second <= 30 and (bare.startswith(detail.text) or bare.endswith(detail.text))

    def _someone_after(self, offset: int) -> bool:
        """A person spoken of ("he", "her", "his dad") in the rest of the sentence at offset or in the next one."""
        index = self.sentence_index(offset)
        end = self.sentences[min(index + 1, len(self.sentences) - 1)][1]
        return _THIRD_PERSON.search(self.text, offset, end) is not None

    def _room_as_subject(self, detail: Identifier) -> bool:
        """The room or bed does what its patient does: "Room 412 finally went home", "bed 9 pulled her IV out again"
        (the parse makes the room's noun a subject; a few verbs are read from the words when the parse does not)."""
        if _ROOM_AS_SUBJECT.match(self.text, detail.end):
            return True
        token = token_at(self.doc, detail.start)
        return token is not None and self.doc.has_annotation("DEP") and token.dep_ == "nsubj" and token.head.pos_ == "VERB"

    def _pointer(self, window: tuple[int, int], detail: Identifier) -> tuple[int, int, bool] | None:
        """A phrase pointing at one person near the detail: "the patient", "a man", "the firefighter"."""
        if detail.kind in {AGE_OVER_89, UNIQUE_CHARACTERISTIC, QUASI_IDENTIFIERS}:
            return detail.start, detail.end, "patient" in detail.text.lower()
        if detail.kind == VEHICLE_ID:  # "whoever drives the red Jeep with the GOHAWKS plate": the plate points at its driver
            owner = _VEHICLE_OWNER.search(self.text, window[0], window[1])
            return (detail.start, detail.end, False) if owner else None
        if detail.kind == "ROOM_NUMBER" and (any(0 <= c.start - detail.end <= 30 and self._received(c, False) for c in self.care)
                                             or self._room_as_subject(detail) and (any(
                    0 <= h.start - detail.end <= 60 and self.personal(h) for h in self.health)
                    or _CALL_LIGHT.search(self.text, detail.end, detail.end + 60))):  # "room 14 has hit the call light"
            return detail.start, detail.end, True  # "Room 412 finally went home today": the room stands for its patient
        sentence = self.sentence_of(detail.start)
        if detail.kind == "ROOM_NUMBER" and _BED.match(detail.text) and (any(0 <= c.start - detail.end <= 4 for c in self.places) or any(
                d.kind == "ROOM_NUMBER" and d is not detail and sentence[0] <= d.start < sentence[1] for d in self.details)) \
                and self._someone_after(detail.end):
            # "the costume award goes to Bed 4 in our peds unit! His dad ...", "3 a.m. on 4 North and bed 12 wants his
            # pudding": a bed in a unit of ours stands for its patient, spoken of
            return detail.start, detail.end, True
        if detail.kind == "ROOM_NUMBER" and _FAMILY_OF_THE_ROOM.match(self.text, detail.end):
            return detail.start, detail.end, True  # "Room 412's family brought pizza": the room stands for its patient
        if detail.kind == "PHOTO" and detail.recognizer == "assessment":  # a described photo shows whom it describes
            shown = pattern("phi_person_nouns").search(detail.text)
            if shown and "patient" not in detail.text.lower() and (pattern("phi_public_titles").fullmatch(shown.group(0)) or _OUR_BEFORE_SHOWN.search(
                    detail.text, max(0, shown.start() - 30), shown.start())):
                # "[Photo: the Mayor with ceremonial scissors, flanked by our cardiology team]", "[Photo: our delivery driver
                # Tony next to the van]": an official in public or one of ours at work, not someone we cared for
                return None
            if shown:
                return (detail.start, detail.end,
                        "patient" in detail.text.lower() or _our_place_in(detail.text) or _faces_in_a_care_room(detail.text))
            if _faces_in_a_care_room(detail.text):
                return detail.start, detail.end, True  # "[Photo: our waiting room, faces clearly visible]": those cared for
        addressed = self.is_reply or any(p.vocative and p.role not in {NOT_A_PERSON, ORGANISATION} for p in self.people)
        candidates = []
        for m in pattern("phi_person_nouns").finditer(self.text, window[0], window[1]):
            word = m.group(0).lower()
            counted = _COUNTED_BEFORE.search(self.text[max(window[0], m.start() - 30):m.start()])
            if word.endswith("s") and word not in {"twins", "triplets"} and not word.endswith("ss") and not counted:
                continue  # a group, not one person ("both teens" are two people, each identified)
            if _NOUN_MODIFIER_AFTER.match(self.text, m.end()):
                continue
            before = self.text[max(window[0], m.start() - 40):m.start()]
            if _GENERIC_DETERMINER.search(before) or _IN_BEFORE.search(before) and word == "case":
                continue
            if not addressed and _YOUR_BEFORE.search(before):
                continue  # "your child" in a post speaks to every reader
            if _MY_BEFORE.search(before) and pattern("phi_family_words").fullmatch(word):
                continue  # "my mom": the author's own relative, not a patient
            if pattern("phi_public_titles").fullmatch(word) and not any(
                    self.sentence_of(m.start()) == self.sentence_of(c.start)
                    for c in (*self.care, *(h for h in self.health if self.personal(h)))):
                continue  # "The mayor toured our new cancer center today": an official in public, unless their care or
                # health is said ("the mayor's test came back negative")
            distance = 0 if sentence[0] <= m.start() < sentence[1] else 1
            candidates.append((distance, abs(m.start() - detail.start), m.start(), m.end(), word in {"patient", "case"}))
        for person in self.people:  # a tagged account is usually an agency or a reporter, not the patient
            if (person.may_be_patient and person.identifier.kind != "SOCIAL_HANDLE" and person.identifier.score >= STRONG
                    and self._refers_to(person, sentence)):
                candidates.append((0, abs(person.start - detail.start), person.start, person.end, person.role == PATIENT))
        if not candidates:
            return None
        _, _, start, end, says_patient = min(candidates)
        article = _POINTER_ARTICLE_BEFORE.search(self.text[max(window[0], start - 40):start])
        if article:
            start -= len(self.text[max(window[0], start - 40):start]) - article.start()
        return start, end, says_patient

    # ------------------------------------------------------------------ replies

    @cached_property
    def reply_cues(self) -> tuple[Cue, ...]:
        """What in a reply confirms, denies or details the reviewer's care."""
        if not self.is_reply:
            return ()
        cues = [c for c in self.second_person if (not _OFFER_BEFORE.search(self.text, max(0, c.start - 40), c.start)
                or _NEXT_INSIDE.search(c.text)) and not self._said_to_anyone(c) and not self._advice_to_see_their_own(c)
                and not self._self_service(c) and not self._kin_with_nothing_of_care(c)]
        # "we'd love to make your next visit ...": "next" says there was one; "Tip for anyone calling: your claim
        # number is ..." speaks to every reader, not the reviewer
        # "give us a call and we'll check your specific coverage": an offer to anyone who asks, not their care
        cues += self._reported(signals.find(self.text, signals.DENIALS, "confirms or denies patient status"), negation=False)
        for cue in (*self.care, *self.places):
            start, end = self.sentence_of(cue.start)
            relayed = _RELAYED_TO.search(self.text, max(start, cue.start - 60), cue.end)
            if relayed is not None and relayed.end() >= cue.start:
                continue  # "We'll share your kind words with our Pediatric ED team": praise passed on, not care
            about_someone = _SECOND_PERSON.search(self.text[start:end]) or _REVIEWER.search(self.text[start:end]) or any(
                start <= p.start < end for p in self.named_in_reply) or self._told_at_our_place(cue, start, end) or (
                cue in self.care and _THIRD_PERSON_END.search(cue.text) and not _ALL_AFTER.match(self.text, cue.end)
            ) or (cue in self.care and self._done_to_them(cue)  # "we splinted him on the trail"
            ) or (  # "taking great care of her", "She's doing better and should be going home": the one asked after
                (_PRONOUN_OPENING.match(self.text[start:end].lower()) or _TITLE_OPENING.match(self.text, start))
                and not _GENERIC_TIME.search(self.text[start:end]))
            if about_someone and (cue in self.care or any(start <= h.start < end for h in self.health)
                                  or cue in self.places and self._where_they_stay(cue)):
                cues.append(cue)
        cues += self._reported(list(self._our_care_of_the_one_asked_after))
        for cue in self._reported(list(self.health), negation=False):
            topic = _TOPIC_BEFORE.search(self.text, max(0, cue.start - 24), cue.start)
            if topic is not None and _YOUR_BEFORE.search(topic.group(0)):
                topic = None  # "voicemails about your strep culture" is theirs
            if not self.personal(cue) or self._said_to_anyone(cue) or topic is not None or self._self_service(cue):
                continue  # "our vaccination guidance" is about the practice, not the reviewer; "concerns about diagnosis" a topic
            start, end = self.sentence_of(cue.start)
            said_of_reviewer = _THE_REVIEWER.search(self.text, start, end)  # "the reviewer was intoxicated at both visits"
            yours = _YOUR_BEFORE.search(self.text[max(start, cue.start - 30):cue.start]) or said_of_reviewer
            if (_GENERIC_TIME.search(self.text[start:end]) or self.offers_a_service(start, end)) and not yours:
                continue  # "In general, most people return to work ...", "Flu shots are available Mon-Fri at all three locations"
            if _SECOND_PERSON.search(self.text[start:end]) or any(start <= p.start < end for p in self.named_in_reply):
                cues.append(Cue(cue.start, cue.end, cue.text, cue.vocabulary, f"{cue.label} addressed to the reviewer"))
            elif said_of_reviewer:
                cues.append(Cue(cue.start, cue.end, cue.text, cue.vocabulary, f"{cue.label} said of the reviewer"))
            elif self._said_of_the_one_asked_after(cue):
                cues.append(Cue(cue.start, cue.end, cue.text, cue.vocabulary, f"{cue.label} of the one asked after"))
            elif self._a_past_event_of_theirs(cue) or cue.text.lower().startswith("that ") and self.named_in_reply:
                # "Hi Brandon! ... Hope that wrist from last week is feeling better": "that" points at what we both know
                cues.append(Cue(cue.start, cue.end, cue.text, cue.vocabulary, f"{cue.label}: a past event of the reviewer's care"))
        if self.veterinary_post or any(p.role == ANIMAL for p in self.people):
            # "Biscuit was such a good girl for her spay. We hope her recovery goes smoothly": the care told is an
            # animal's, and HIPAA covers people; only a confirmation or denial of someone's status still counts
            cues = [c for c in cues if c.vocabulary == signals.DENIALS]
        unique: dict[tuple[int, int], Cue] = {}
        for cue in sorted(cues, key=lambda c: (c.start, -(c.end - c.start))):
            if not any(s <= cue.start and cue.end <= e for s, e in unique):
                unique[(cue.start, cue.end)] = cue
        return tuple(unique.values())

    def _kin_with_nothing_of_care(self, cue: Cue) -> bool:
        """"sending your grandpa and your whole family lots of love": the commenter's kin, with no health, care or place
        of ours in the sentence, is a kindness to them, not a word about anyone's care ("your dad is in good hands
        on our 4th floor" is)."""
        if not _YOUR_KIN.fullmatch(cue.text) or cue.text.lower().endswith(("'s", "\u2019s")):
            return False  # "your son's coverage lapsed": something of theirs is told
        start, end = self.sentence_of(cue.start)
        if not _KINDNESS.search(self.text, start, end):
            return False
        return not any(start <= c.start < end for c in (*self.health, *self.care, *self.places, *self.details, *self.people))

    def offers_a_service(self, start: int, end: int) -> bool:
        """The sentence offers a service to anyone ("Flu shots are available Mon-Fri at all three locations")."""
        return _SERVICE_OFFER.search(self.text[start:end]) is not None

    def _advice_to_see_their_own(self, cue: Cue) -> bool:
        """"Please call your child's doctor", "check with your daughter's pediatrician": advice to see their own
        clinician says nothing of care with us."""
        return (_ADVICE_BEFORE.search(self.text, max(0, cue.start - 30), cue.start) is not None
                and _CLINICIAN_AFTER.match(self.text, cue.end) is not None)

    def _self_service(self, cue: Cue) -> bool:
        """"Check your records!", "you can check your vaccine history in the portal", "then appeal with your insurer":
        an instruction any reader can follow about papers of their own (the parse puts "your" on such a noun, under
        a verb in the base form with no subject or with "you can") says nothing of care with us; "your results are
        in" and "bring your card to your next visit" are not this."""
        token = token_at(self.doc, cue.start)
        if token is None or not self.doc.has_annotation("DEP"):
            return False
        noun = token.head if token.dep_ in {"poss", "compound", "amod"} else token  # "your vaccine history"
        if noun.lemma_.lower() not in _OWN_PAPERS or not any(
                c.dep_ == "poss" and c.lower_ in signals.YOU for c in noun.children):
            return False
        verb = noun.head
        while verb.dep_ in {"pobj", "prep"} and verb.head.i != verb.i:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return (verb.tag_ == "VB" and verb.lemma_.lower() in _SELF_SERVICE
                and all(s.lower_ in signals.YOU and any(c.lower_ in {"can", "may"} for c in verb.children) for s in subjects))

    def _said_to_anyone(self, cue: Cue) -> bool:
        """The cue's sentence, or the clause before it, speaks to any reader ("Tip for anyone calling about a bill:
        your claim number is printed ...", "If you're new to us, your first visit ...")."""
        start, _ = self.sentence_of(cue.start)
        return _ANYONE_ADDRESSED.search(self.text, start, cue.start) is not None

    def _told_at_our_place(self, cue: Cue, start: int, end: int) -> bool:
        """In a reply, "Both girls went home from our nursery yesterday": a care event told in the past at a
        place of ours is the care of the people the thread asks about, whoever they are."""
        if cue not in self.care or not any(start <= p.start < end and p.start != cue.start for p in self.places):
            return False
        sentence = self.analysis.sentence_at(cue.start)
        return (any(t.tag_ == "VBD" for t in sentence) and not _GENERIC_TIME.search(sentence.text)
                and not _GROUPS_OF_VISITORS.search(sentence.text))

    @cached_property
    def _our_addresses(self) -> tuple[str, ...]:
        """The streets the post gives as our own place ("our new office at 14 Birch Lane", "visit us at 9 Elm St")."""
        return tuple(d.text.lower() for d in self.details if d.kind == "STREET_ADDRESS"
                     and _OUR_ADDRESS_BEFORE.search(self.text, max(0, d.start - 60), d.start))

    def _our_street(self, detail) -> bool:
        street = regex.sub(r"^\d+[a-z]?\s+", "", detail.text.lower())
        if _OUR_PLACE_NAMED_BY_STREET.match(self.text, detail.end) and _OUR_BEFORE_STREET.search(
                self.text, max(0, detail.start - 8), detail.start):
            return True  # "in our Maple Ave office", "at our Elm St clinic": the street names our own place
        return any(street in ours for ours in self._our_addresses)

    def _said_of_the_one_asked_after(self, cue: Cue) -> bool:
        """In a reply, "Yes, it was Coach, and he's stable", "sadly she spent 3 days in the ICU but is home now and
        feeling better": health whose clause has "he" or "she" as its subject is the state of the one the commenter
        asked after (a reply has no one else to mean). "Most people feel better in a day" has no such subject."""
        token = token_at(self.doc, cue.start)
        start, end = self.sentence_of(cue.start)
        if token is None or not self.doc.has_annotation("DEP") or _GENERIC_TIME.search(self.text, start, end):
            return False
        if _HEARSAY.search(self.text, start, end):
            return False  # "Glad to read he's expected to recover": what the news or the commenter said, repeated
        head = clause_head(token)
        for clause in (head, head.head if head.dep_ == "conj" else head):
            if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"he", "she"} for c in clause.children):
                return True
            if _we_did_it_to_them(clause):
                return True  # "we tubed him on scene": the care we gave the one asked after
        theirs = _THEIR_BEFORE.search(self.text, max(0, cue.start - 24), cue.start)
        sentence = token.sent.text
        # "So glad his sats are finally staying up", "it's his second go-round with this": his or her health, told as
        # it is or was, not wished for ("wishing her a smooth recovery")
        return theirs is not None and not _HOPE_IT_HEALS.search(sentence) and not _WISHED.search(sentence)

    def _where_they_stay(self, cue: Cue) -> bool:
        """In a reply, "He's on my unit!", "Marv is resting up on our 5th floor", "she's still with us": a place of
        our care as where the one asked after is (the subject "he", "she" or someone the reply names, the verb
        "be", "rest", "stay", "recover" or "remain"), not where staff work ("our team on 4 West")."""
        token = token_at(self.doc, cue.start)
        if token is None or not self.doc.has_annotation("DEP"):
            return False
        if any(c.dep_ == "pobj" and c.lemma_.lower() in _WORK_NOUNS for c in token.children):
            return False  # "she's on our 5th floor team now": where she works
        verb = token.head if token.dep_ == "prep" else token
        while verb.dep_ in {"advmod", "prt", "prep"} and verb.head.i != verb.i:
            verb = verb.head  # "resting comfortably up on our cardiac floor"
        if verb.lemma_.lower() not in _STAYING_VERBS:
            return False
        named = {p.start for p in self.named_in_reply}
        return any(c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in {"he", "she"} or c.idx in named)
                   for c in verb.children)

    def _done_to_them(self, cue: Cue) -> bool:
        """The cue's clause has "I" or "we" acting on "him" or "her" ("we splinted him right there")."""
        token = token_at(self.doc, cue.start)
        return token is not None and self.doc.has_annotation("DEP") and _we_did_it_to_them(clause_head(token))

    @cached_property
    def _our_care_of_the_one_asked_after(self) -> tuple[Cue, ...]:
        """In a reply, "I'm his nurse tonight", "he was my pt tuesday night", "she's one of our patients": the
        replier says they care for the one the thread asks after (a clinician of theirs with "I" or "we" as the
        subject, or our patient said of "he" or "she"). "I'm a nurse too" and "ask his nurse" are not this."""
        if not self.is_reply or not self.doc.has_annotation("DEP") or self.veterinary_post:
            return ()
        found = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            owners = [c for c in token.children if c.dep_ == "poss"]
            if not owners or token.dep_ not in {"attr", "appos", "npadvmod", "ROOT"} and not (
                    token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "one"):
                continue
            verb = token.head if token.dep_ != "pobj" else token.head.head.head
            subjects = [c.lower_ for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            owner = owners[0].lower_
            if (lemma in _CLINICIAN_NOUNS and owner in {"his", "her", "their"} and any(s in _WE for s in subjects)) or (
                    (lemma in {"patient", "pt", "client"}) and owner in {"my", "our"}
                    and any(s in {"he", "she", "they"} for s in subjects)):
                start = owners[0].idx
                found.append(Cue(start, token.idx + len(token.text), self.text[start:token.idx + len(token.text)], "parse",
                                 "our care of the one asked after"))
        return tuple(found)

    def _a_past_event_of_theirs(self, cue: Cue) -> bool:
        """In a reply, "the vasectomy went smoothly", "the mole we removed came back benign": a definite health
        event told in the past is the reviewer's own care; "most people ... after this kind of procedure" is not."""
        token = token_at(self.doc, cue.start)
        if token is None or not self.doc.has_annotation("DEP"):
            return False
        noun = token
        while noun.dep_ in {"compound", "amod"} and noun.head.i != noun.i:
            noun = noun.head
        definite = any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "that", "your", "his", "her", "their"} for c in noun.children)
        sentence = noun.sent
        if _PAST_RESULT.search(self.text, max(sentence.start_char, cue.start - 30), cue.end):
            definite = True  # "it came back benign": a result of the reviewer's own test
        past = any(t.tag_ == "VBD" for t in sentence)
        wished = _HOPE_IT_HEALS.search(sentence.text) is not None or _INSTRUCTED.match(sentence.text) is not None
        definite = definite or wished and _DEFINITE_BEFORE.search(self.text, max(0, cue.start - 8), cue.start) is not None
        return definite and (past or wished) and not _GENERIC_TIME.search(sentence.text)

    @cached_property
    def named_in_reply(self) -> tuple[Person, ...]:
        """People a reply names who are not staff or public figures (weak, model-only guesses left out)."""
        return tuple(p for p in self.people if p.role not in {STAFF, PUBLIC, ORGANISATION, ANIMAL, NOT_A_PERSON}
                     and p.identifier.score >= STRONG)

    @cached_property
    def retaliation(self) -> tuple[Cue, ...]:
        if not self.is_reply:
            return ()
        return tuple(c for c in signals.find(self.text, signals.RETALIATION, "argues with the reviewer")
                     if not signals.is_quoted_cue(self.doc, self.analysis.sentence_at(c.start), c))

    # ------------------------------------------------------------------ record numbers

    @cached_property
    def has_health_context(self) -> bool:
        return bool(self.health or self.care or self.places or _RECORD_CONTEXT.search(self.text))

    def sensitive_of(self, cues) -> tuple[Cue, ...]:
        return tuple(c for c in cues if signals.sensitive_reason(c.label)) if self.options.sensitive_escalation else ()


# Lower-case words inside a name ("Ludwig van Beethoven", "Maria de la Cruz").
_NAME_PARTICLES = frozenset({"van", "von", "de", "del", "della", "der", "den", "da", "das", "do", "dos", "du", "la", "le",
                             "di", "bin", "bint", "ibn", "al", "el", "ter", "ten", "y", "e", "of", "the"})


# Titles and forms of address written before a name ("little Noah", "Officer Reyes", "Doña Carmen").
TITLE_WORDS = frozenset("""mr mrs ms mx dr dra prof rev fr sr sra srta miss coach officer nurse sister brother father
nana grandma grandpa granny papa mama auntie aunt uncle baby little lil doña don señor señora""".split())


# Roles read from the words around a name that care predicated of the person overrides.
_MEETING_AFTER = regex.compile(r"\s+(?:for|at)\s+(?:a|an|the|our)\s+(?:[\w-]+\s+){0,2}?(?:talk|class|meeting|session|workshop|seminar|"
                            r"lecture|training|briefing|huddle|reading|signing|q&a)\b", regex.IGNORECASE)
# "Stephen's Run for Cystic Fibrosis", "the Maria Lopez Memorial Golf Classic": a person's name as an event's or a fund's.
_NAMED_EVENT_AFTER = regex.compile(r"(?:'s|\u2019s)?\s+(?:[A-Z][\w-]*\s+){0,2}?(?:Run|Walk|Ride|Race|5K|10K|Gala|Ball|Fund|Foundation|"
                                   r"Scholarship|Memorial|Classic|Tournament|Challenge|Day|Lecture|Award|Prize|Center|Centre|Wing|Pavilion)\b")
_EVENT_BEFORE = regex.compile(r"\b(?:the|annual|inaugural|yearly|\d+(?:st|nd|rd|th))\s+$", regex.IGNORECASE)
# A test's result told in the past ("it came back benign", "the biopsy was negative", "turned out to be benign").
_PAST_RESULT = regex.compile(r"\b(?:it|they|that|this|the (?:\w+ ){0,2}(?:biopsy|test|tests|results?|scan|culture|pathology|labs?))\s+"
                             r"(?:came back|was|were|turned out(?: to be)?|tested)\s+(?:\w+\s+)?"
                             r"(?:benign|clean|clear|negative|positive|normal|abnormal|malignant|cancerous)\b", regex.IGNORECASE)
_THIRD_PERSON_END = regex.compile(r"\b(?:him|her|them)$", regex.IGNORECASE)
_ALL_AFTER = regex.compile(r"\s+(?:all|both|each|every)\b", regex.IGNORECASE)
_GENERIC_TIME = regex.compile(r"\b(?:most|many|some|usually|typically|generally|in general|often|anyone|everyone|people|patients|families|parents)\b",
                              regex.IGNORECASE)
_GROUPS_OF_VISITORS = regex.compile(r"\b(?:families|folks|guests|visitors|neighbors|neighbours|thousands|hundreds|dozens)\b",
                                     regex.IGNORECASE)
# Our own place's address: "our new satellite office at ", "visit us at ", "we're moving to ", "located at ".
_OUR_ADDRESS_BEFORE = regex.compile(
    r"(?:\b(?:our|the)\s+(?:new\s+)?(?:[\w'-]+\s+){0,2}(?:office|clinic|location|practice|center|centre|hospital|building|"
    r"site|pharmacy|campus|pantry|suite|lab|branch)\s+(?:is\s+|will be\s+|now\s+)?(?:at|on|moves to|opens at|located at)|"
    r"\b(?:visit|find|join|see|meet)\s+us\s+(?:at|on)|\b(?:we're|we are|we've|we have)\s+(?:now\s+)?(?:at|on|moving to|moved to|"
    r"relocating to|located at)|\blocated\s+at)\s+(?:the\s+)?$", regex.IGNORECASE)
_OUR_BEFORE_STREET = regex.compile(r"\bour\s+$", regex.IGNORECASE)
_OUR_PLACE_NAMED_BY_STREET = regex.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:office|clinic|location|practice|center|centre|hospital|"
                                           r"building|site|pharmacy|campus|store|branch|lab|imaging center|urgent care)\b",
                                           regex.IGNORECASE)
_LEADING_SYMBOLS = regex.compile(r"^[^\w]+")
_OWNER_AFTER = regex.compile(r"['\u2019]s?\b")
# A clinician's role to or for someone: "proud dentist to Olympic gymnast ", "provider for ", "physician to the Governor".
# A role "for the day" or "for the event" comes after a name and is not matched.
_CLINICIAN_TO_BEFORE = regex.compile(
    r"\b(?:doctor|physician|surgeon|pediatrician|paediatrician|dentist|orthodontist|dermatologist|cardiologist|oncologist|"
    r"psychiatrist|therapist|provider|midwife|chiropractor|optometrist|audiologist|nurse|doula)s?\s+(?:to|for)\s+"
    r"(?:(?:the|our|a|an)\s+)?(?:(?-i:[A-Z][\w'-]*|[a-z][\w-]*)\s+){0,3}$", regex.IGNORECASE)
_NOT_CLINICIANS = frozenset({"clinic", "hospital", "health system", "medical center", "department", "practice", "team",
                             "care team", "provider"})
# Descriptions that pick out one person without a name (recognizers.UniqueCharacteristicRecognizer).
_ARTICLE_BEFORE = regex.compile(r"\b(?:a|an|our|one)\s+$", regex.IGNORECASE)
_NAMED_INDEFINITE = "(pattern: named-indefinite)"  # descriptions.DescribedPersonRecognizer: "a junior on the X team"
_PATIENT_AFTER = regex.compile(r"[\s-]+(?:[a-z]+\s+)?(?:patient|resident)\b", regex.IGNORECASE)
_DESCRIPTION = regex.compile(r"\(pattern: (?:named-role|named-org-role|role-of|role-at|known-locally|regular-from|from-an-event|described|named-indefinite|local-office|kin-role|named-kin|named-possessor|family-multiples|known-to-me|team-position)\)")
_LAW_BEFORE = regex.compile(r"(?-i:\b(?!(?:Uncle|Coach|Mr|Dr|Pastor|Father|Brother|Grandpa|Papa|Big|Old|Little|Thanks|Thank|Hi|Hey|"
                         r"Hello|Dear|Congrats|Congratulations|Welcome|Go|Love|Miss)\b)[A-Z][a-z]+)\s+$")  # not "Thanks Bill!"
_HOLIDAY = regex.compile(r"valentine|valentines", regex.IGNORECASE)
_POSSESSIVE_AFTER = regex.compile(r"(?:'s|\u2019s|'|\u2019)?\s+(?:day|reel|post|party|special|promo|sale|giveaway|week|weekend|dance|gala|photo|video|edition)\b",
                                  regex.IGNORECASE)
_OUR_BEFORE_SHOWN = regex.compile(r"\bour (?:[\w-]+ ){0,2}$", regex.IGNORECASE)
_SPANISH_ARTICLE = regex.compile(r"(?:el|la|los|las|un|una|del|al)\s")
_EVENT_NOUN = regex.compile(r"\b(?:recital|concert|party|parade|fair|festival|gala|fundraiser|open house|ribbon[- ]cutting|"
                            r"toy drive|blood drive|book drive|food drive|bake sale|5k|walk-?a-?thon|tournament|performance|"
                            r"sing-?along|carols?|caroling)\b", regex.IGNORECASE)
_SLANG_BEFORE = regex.compile(r"\b[Tt]he\s+$")  # "the GOAT", not "our DOG patient"
_POSSESSOR_PATTERN = "(pattern: named-possessor)"  # "Jefferson Elementary's crossing guard": ours must be said nearby
_KIN_PATTERN = "(pattern: named-kin)"  # "Dr. Nwosu's daughter": only our care of them counts, not anyone's
_KNOWN_TO_ME = "(pattern: known-to-me)"  # "my neighbor": someone the speaker knows, our patient only if our care is said
_KIN_BROUGHT_IN = regex.compile(r"(?:brought|brings|bringing)\s+(?:his|her|their)\s", regex.IGNORECASE)
_CAME_IN = regex.compile(r"\b(?:came|come|comes|coming|brought|bring|brings|bringing)\b(?:\s+[\w-]+){0,3}\s+in\b", regex.IGNORECASE)
_OURS = regex.compile(r"\b(?:our|ours|we|us|nuestr[oa]s?)\b", regex.IGNORECASE)
_OFFICE_HOLDER = "(pattern: local-office)"  # "the mayor": one person, but a public one, so only our care of them counts
_GROUP_AFTER = regex.compile(r"\s+(?:survivors|patients|families|awareness|month|research|fair|gala|walk|run)\b", regex.IGNORECASE)
_BED_GAP = regex.compile(r"\s*[,(]?\s*(?:(?:in|from|at)\s+)?")
_CONDITION_LEXICONS = ("claim_targets_conditions", "claim_targets_infections")
# One-word MeSH entries that are mostly ordinary words in a post.
_NOT_CONDITIONS = frozenset({"fall", "falls", "shock", "stroke", "strokes", "cold", "colds", "burnout", "depression",
                             "pressure", "stress", "fatigue", "weakness", "anger", "hunger", "thirst", "birth", "pregnancy",
                             "obesity", "overweight", "aging", "death", "deaths", "wounds", "crush", "starvation", "fever"})
# What comes before "vet" when it means a veteran: a war, a service, "military", "combat", an age.
_VETERAN_BEFORE = regex.compile(r"\b(?:army|navy|marine|marines|air force|coast guard|military|combat|war|wwii|ww2|ww ii|"
                                r"vietnam|korea|korean war|gulf war|iraq|afghanistan|disabled|\d+\s?(?:y/?o|yrs?|years? old)|"
                                r"\d+-year-old)\s+$", regex.IGNORECASE)
_ROLES_THAT_MAY_BE_CARED_FOR = frozenset({PUBLIC, STAFF, GUEST})
# An animal word in an idiom for a person: "the original early birds", "our resident night owl", "gym rats", "a party
# animal", "teacher's pet", "a pet peeve".
_ANIMAL_IDIOM = regex.compile(r"\b(?:early[\s-]birds?|night[\s-]owls?|social butterfl(?:y|ies)|gym rats?|party animals?|top dogs?|"
                              r"under[\s-]?dogs?|lucky dogs?|cool cats?|fat cats?|copy[\s-]?cats?|teacher'?s pets?|pet (?:peeves?|projects?))\b",
                              regex.IGNORECASE)
# Staff read from the post around a name rather than from a title, credential or roster (people.py).
_WEAK_STAFF_REASONS = ("named as one of our team", "the post is a staff or volunteer spotlight", "works or volunteers here")
# Verbs whose object is the one cared for ("we treated Senator Ruiz", "honoured to care for Mayor Ito").
_CARED_FOR_VERBS = frozenset({"treat", "care", "operate", "admit", "discharge", "diagnose", "vaccinate", "resuscitate",
                              "stabilize", "stabilise", "intubate", "hospitalize", "hospitalise", "patch", "stitch"})
# What a guest, speaker or visitor does at our place ("will speak at our cardiac rehab open house").
_GUEST_VERB = regex.compile(r"(?:speak|spoke|talk|present|host|lectur|teach|taught|visit|tour|open|cut|thank|donat|sign|"
                            r"announc|join|attend|meet|met|celebrat|perform|sing|sang|play|read)\w*", regex.IGNORECASE)
# Verbs of being in care: "resting in our ICU", "recovering at our ...", "spent a week in our NICU".
_STAY_VERBS = frozenset({"rest", "recover", "stay", "remain", "heal", "spend", "undergo", "sleep"})
_NEWBORN_NOUNS = frozenset({"baby", "child", "son", "daughter", "girl", "boy", "twin", "twins", "triplet", "triplets", "newborn"})
WELL_WISHES = "phi_well_wishes"
# A place where we give care, not an office or a lobby where guests are received.
# "Thank you, Millbrook, for looking out for each other": a community addressed by its place name.
_COMMUNITY_THANKED = regex.compile(r"[,\s]*for\b[^.!?]{0,60}\b(?:each other|one another|your neighbou?rs|our community|your community)\b",
                                   regex.IGNORECASE)
_PERSON_ONLY_ROLE = regex.compile(r"addressed (?:after|at the end)|celebrated \(")
_ORGANISATION_NAMED_AFTER_A_PLACE = regex.compile(
    r"\b(?:health department|department of health|public health|health district|health system|hospital|medical center|"
    r"clinic|sheriff's office|police department|fire department|school district|university|college|airport|library)$",
    regex.IGNORECASE)
# Health as the topic of a talk, not a state of the speaker: "spoke at our clinic about vaccines".
_TOPIC_BEFORE = regex.compile(r"\b(?:about|regarding|on the topic of|on the importance of)\s+(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)
_TITLE_WORD_BEFORE = regex.compile(r"\b(mayor|senator|governor|councilman|councilwoman|councilmember|alderman|alderwoman|"
                                   r"judge|sheriff|coach|pastor|principal|chief|commissioner|representative|rep)\.?\s+$",
                                   regex.IGNORECASE)
# "She's doing better", "Yes, sadly he was ...": a sentence about a third person, after a word of answer or feeling.
# Verbs that say where someone is: "he's on my unit", "she is resting on our 3rd floor", "he stayed with us".
_STAYING_VERBS = frozenset({"be", "rest", "stay", "recover", "remain", "sleep", "recuperate"})
_WORK_NOUNS = frozenset({"team", "staff", "crew", "rotation", "schedule", "shift", "roster", "squad"})
_PRONOUN_OPENING = regex.compile(r"(?:(?:yes|yeah|yep|sadly|unfortunately|thankfully|luckily|happily|good news|update|and|but|so|"
                                 r"s[ií]|ya|lamentablemente)[,!:.]?\s+)*(?:(?:he|she|they)(?:'s|\u2019s| is| was| were| are)?\b|"
                                 r"(?:[eé]l |ella )?(?:est[aá]|sigue|estuvo)\b)")  # "Sí, está con nosotros en pediatría"
# "her hip replacement", "his own chemo"; not a topic of theirs: "her research on hip replacement", "his talk about asthma"
_THEIR_BEFORE = regex.compile(r"\b(?:his|her|their)\s+(?:(?!(?:on|about|regarding)\b)[\w-]+\s+){0,2}$", regex.IGNORECASE)
_HERE_AFTER = regex.compile(r"\s+(?:right )?(?:here\b|with us\b|at our [\w-]+(?: [\w-]+)?|in our [\w-]+(?: [\w-]+)?)", regex.IGNORECASE)
_INSTITUTION_AFTER = regex.compile(r"(?-i:\s+(?:High|Elementary|Middle|Academy|College|University|Church|Township|Library|"
                                   r"County|Fire|Police|Hospital|Clinic|Rotary|Lions)\b)")
_THEIRS_INSIDE = regex.compile(r"\b(?:his|her|their)\b", regex.IGNORECASE)  # "repaired his torn meniscus"
_GROUP_BEFORE = regex.compile(r"\bour\s+(?P<modifier>(?:[\w'\u2019-]+\s+){1,3}?)(?:crew|group|squad|club|gang|regulars|bunch)\b",
                              regex.IGNORECASE)
# Care a group's members receive, not a service its staff give ("our shot crew", not "our ER crew").
_RECEIVED_TREATMENT = regex.compile(r"\b(?:shots?|injections?|infusions?|dialysis|chemo|radiation|transfusions?|allergy|b12|iv)\b",
                                    regex.IGNORECASE)
# "our 10,000th LASIK", "the 500th baby born here": a count of our care reached.
_MILESTONE = regex.compile(r"\b(?:our|the)\s+\d[\d,]*(?:st|nd|rd|th)\s+(?P<thing>(?:[\w-]+\s+){0,2}?[\w-]+)\b",
                           regex.IGNORECASE)
_MILESTONE_PATIENT = regex.compile(r"(?:[\w-]+\s+){0,2}(?:patients?|baby|babies|birth|delivery|transplant|procedure|"
                                   r"surgery|graduate|fitting|implant)")
_GREETED_BEFORE = regex.compile(r"\b(?:congrats|congratulations|welcome|meet|say hello|shout-?out|cheers)\s*,?\s*"
                                r"(?:to\s+)?(?:(?:our|the)\s+)?$", regex.IGNORECASE)
_ORDINAL_WORD_BEFORE = regex.compile(r"\b(?:first|second|third|fourth|fifth|tenth|hundredth|thousandth|first-ever)\s+(?:[\w-]+\s+)?$",
                                     regex.IGNORECASE)  # "her first robotic hysterectomy": the doer's milestone
_ORDINAL_BEFORE = regex.compile(r"\b\d[\d,]*(?:st|nd|rd|th)\s+(?:[\w-]+\s+)?$", regex.IGNORECASE)
# Verbs of a procedure done to a body part ("Dr. Brandt repaired her Achilles").
# Care done to a part of the body ("our crew restarted his heart", "our cath lab opened her artery"): with the part
# (phi_body_parts) and "our <team>" or a clinician as the doer.
_BODY_CARE_VERBS = frozenset({"restart", "open", "unblock", "reopen", "clear", "stitch", "suture", "splint", "cast",
                              "reattach", "stent", "pin", "reset", "shock", "save", "close", "drain", "scope", "x-ray"})
# Verbs of putting something into a part of the body or taking it out, and their prepositions: "placed a plate in her
# leg", "threaded a stent into his artery", "pulled a fishhook out of his eyelid".
_INTO_BODY_VERBS = frozenset({"place", "put", "insert", "implant", "inject", "thread", "pull", "remove", "extract", "take", "dig"})
_INTO_BODY_PREPOSITIONS = frozenset({"in", "into", "inside", "on", "onto", "along", "through", "from", "of", "out"})
_REPAIR_VERBS = frozenset({"repair", "reconstruct", "rebuild", "fuse", "straighten", "realign", "graft"})
# Verbs that are care only with a health word or a part of the body as their object: "Dr. Fenn completed her
# reconstruction", "replaced his hip"; not "Dr. Haddad completed his fellowship".
_GENERIC_REPAIR_VERBS = frozenset({"replace", "fix", "remove", "set", "complete", "perform"})
_PROCEDURE_WORD = regex.compile(r"(?:ectomy|ectomies|plasty|otomy|ostomy|surgery|surgeries|transplant|replacement|repair|"
                                r"reconstruction|fusion|implant|removal|biopsy|amputation)\b", regex.IGNORECASE)
_PROCEDURE_NOUNS = frozenset({"reconstruction", "repair", "replacement", "transplant", "fusion", "surgery", "operation",
                              "procedure", "implant", "extraction", "removal", "amputation", "biopsy", "graft"})
_CLINICIAN_TITLE = regex.compile(_CLINICIAN_TITLE_WORD + r"\s", regex.IGNORECASE)
_CLINICIAN_TITLE_BEFORE = regex.compile(r"\b" + _CLINICIAN_TITLE_WORD + r"\s+$", regex.IGNORECASE)
_DOING_VERBS = frozenset({"perform", "do", "conduct", "lead", "assist", "teach", "run", "scrub"})
_OWNER_BEFORE = regex.compile(r"\b(?:his|her|their) (?:mom|mommy|dad|daddy|mama|papa|owner|owners|human|humans|family|parents?|"
                              r"fur[- ]?(?:mom|dad|parents?))\s*,?\s*(?:the\s+)?$", regex.IGNORECASE)
# A clinician's story of one call, located: "we worked a code in a chicken coop", "ran a full arrest on the 14th green".
_CALL_PATTERN = "(pattern: call-at-a-place)"
_CALL_AT_A_PLACE = regex.compile(
    r"\b(?:we|i)\s+(?:just\s+|finally\s+)?(?:worked|ran|had|got|caught|coded|responded to)\s+(?:a|an|our first|my first)\s+"
    r"(?:full\s+|pediatric\s+|peds\s+)?(?:code|arrest|cardiac arrest|trauma|overdose|od|stemi|rollover|mvc|stabbing|shooting|"
    r"drowning|delivery)\s+(?P<place>(?:in|on|at|behind|inside|under|outside)\s+(?:a|an|the)\s+[\w'-]+(?:\s+[\w'-]+){0,5})",
    regex.IGNORECASE)
_VEHICLE_OF_CARE = regex.compile(r"\b(?:rig|ambulance|helicopter|chopper|bay|room|sim(?:ulation)? lab|trauma bay|resus)\b",
                                 regex.IGNORECASE)
_INSTITUTION_INSIDE = regex.compile(r"(?-i:\b(?:High|Middle|Elementary|Academy|School|College|University|Church|Clinic|"
                                    r"Hospital|Room|Center|Centre|Department|Office|Library|Pharmacy|Auditorium|Pavilion|Building|Theater|"
                                    r"Theatre|Gymnasium|Chapel|Lounge|Atrium|Stadium|Arena)\b)")  # not "Hall", "Park": surnames
_BUSINESS_AFTER = regex.compile(r"(?:'s|\u2019s)\s+(?:[A-Z][\w'-]+\s+){0,2}(?-i:Trattoria|Pizzeria|Diner|Bakery|Caf[eé]|Bar|Grill|Pub|"
                                r"Tavern|Restaurant|Kitchen|Deli|Market|Salon|Barbershop|Garage|Hardware|Bistro|Cantina|"
                                r"Taqueria|Steakhouse|Brewery|Bagels|Donuts|Coffee|Pharmacy|Auto|Tire|Florist|Boutique)\b")
_FAMILY_NAMED = regex.compile(r"\s+(?:family|household|clan)\b", regex.IGNORECASE)
_THE_BEFORE = regex.compile(r"\bthe\s+$", regex.IGNORECASE)
_SENTENCE_OPENING = regex.compile(r"(?:^|[.!?\n¿¡]|\p{So})\s*[¿¡]?$")  # an emoji ends a thought as a full stop does
_SPANISH_WORDS = regex.compile(r"(?<!\w)(?:de|del|los|las|el|la|por|para|que|con|una|ya|su|sus|muy|est[aá]n?|puede|nuestr[oa]s?|"
                               r"gracias|hola|s[ií]|mañana|hoy|pero|tambi[eé]n|usted|ellos|ellas)(?!\w)", regex.IGNORECASE)
_FACES_SHOWN = regex.compile(r"\bfaces? (?:are |is )?(?:clearly |fully |all )?(?:visible|shown|recogni[sz]able|in (?:view|frame))\b",
                             regex.IGNORECASE)
_CARE_ROOM = regex.compile(r"\b(?:waiting room|exam room|infusion (?:chairs?|suite|room)|dialysis (?:chairs?|unit)|recovery room|"
                           r"patient rooms?|hospital beds?|triage|treatment (?:room|bay)s?|(?:memory care|dementia|assisted living|hospice|"
                           r"rehab|psych(?:iatric)?|behavioral health|detox) (?:unit|wing|floor|ward|residents?|patients?))\b",
                           regex.IGNORECASE)
_NO_PATIENT_SHOWN = regex.compile(r"\bno (?:real |actual )?(?:patients?|babies|baby|people|faces?)\b|"
                                  r"\b(?:silicone|plastic|rubber|foam|training|teaching|demonstration|anatomical) (?:[\w-]+ )?(?:model|mannequin|manikin|dummy)\b|"
                                  r"\bno\s+(?:[\w-]+,?\s+){1,5}(?:or|and|nor)\s+(?:patients?|people|faces?)\b|"
                                  r"\bstock (?:image|footage)\b|\b(?:actor|model) portrayal\b|\bmodel\.|\billustrative purposes\b|"
                                  r"\b(?:lobby|room|waiting room|hallway|unit|clinic) (?:is |was )?empty\b|\bempty (?:[\w-]+ ){0,2}(?:lobby|rooms?|waiting room|hallway|unit|clinic|beds?|bay)\b|"
                                  r"\b(?:manikin|mannequin|training (?:wristband|band|arm|dummy)|test patient|test, patient)\b|"
                                  r"\b(?:camera )?stays? (?:away from|out of) (?:the )?patient\b|\bblank\b|\bdemo account\b|\bnot (?:a|an|our) (?:real |actual )?patients?\b|"
                                  r"\b(?:professional|paid|stock|hired) (?:models?|actors?|photo)\b|\bidentifiers[^\]]{0,60}removed\b|\bde-?identified\b|\bstaff only\b|\bpatients? not (?:shown|pictured|visible)\b|"
                                  r"\bempty (?:isolette|bed|room|crib|chair)\b", regex.IGNORECASE)
_WE = frozenset({"i", "we"})
_MY_KIN = regex.compile(r"\bmy\s+(?:[\w-]+\s+)?(?:grandma|grandpa|grandmother|grandfather|nana|granny|papa|mom|mother|dad|father|"
                        r"aunt|uncle|great-grandma|great-grandpa|mamaw|papaw|abuela|abuelo|husband|wife)\b", regex.IGNORECASE)
_HEARSAY = regex.compile(r"\b(?:(?:glad|happy|relieved|sorry|sad|thankful) to (?:hear|read|see)|(?:i|we) (?:heard|read|saw) "
                         r"(?:that|on the news|in the paper)|according to|(?:the )?(?:news|article|paper|report|officials?) "
                         r"(?:says?|said|reports?|reported))\b", regex.IGNORECASE)
# A kindness sent or said to someone: "congrats to your niece", "sending your grandpa lots of love".
_KINDNESS = regex.compile(r"\b(?:congrat\w*|sending|send|love|hugs?|prayers?|praying|thoughts|best wishes|say hi|tell \w+ (?:hi|hello))\b",
                          regex.IGNORECASE)
# The commenter's kin alone: "your grandpa", "ur mom's".
_YOUR_KIN = regex.compile(r"(?:your|ur)\s+(?:[\w-]+\s+)?(?:son|daughter|child|kids?|mom|mother|dad|father|husband|wife|partner|baby|"
                          r"little one|grandmother|grandfather|grandma|grandpa|parents?|granddaughter|grandson|grandchild|"
                          r"grandkids?|grandbaby|niece|nephew)(?:'s|\u2019s)?", regex.IGNORECASE)
_PATIENT_NOUNS = frozenset({"patient", "pt", "client", "resident"})
_WISHED = regex.compile(r"\b(?:wish\w*|hope\w*|pray\w*|best|speedy|smooth|quick|easy|thoughts|get well)\b", regex.IGNORECASE)
# Clinicians someone has: "I'm his nurse", "we were her care team".
_CLINICIAN_NOUNS = frozenset({"nurse", "doctor", "doc", "surgeon", "physician", "therapist", "medic", "paramedic", "tech",
                              "dentist", "hygienist", "pharmacist", "aide", "caregiver", "provider", "team", "crew", "np", "pa",
                              "rn", "cna", "counselor", "counsellor", "midwife", "oncologist"})


def _we_did_it_to_them(clause) -> bool:
    """"we tubed him", "I splinted her": "I" or "we" acts on "him" or "her" in the clause."""
    return any(c.dep_ == "nsubj" and c.lower_ in _WE for c in clause.children) and any(
        c.dep_ == "dobj" and c.lower_ in {"him", "her"} for c in clause.children)


# A sentence about someone known by a title alone: "Coach is out of the cath lab", "Grandpa is resting".
_TITLE_OPENING = regex.compile(r"(?:coach|pastor|mayor|chief|sarge|doc|grandpa|grandma|nana|papa|mom|dad)(?:'s|\u2019s| is| was)\b",
                               regex.IGNORECASE)
_HOPE_IT_HEALS = regex.compile(r"\b(?:hope|hoping|praying|wishing)\b.*\b(?:clears? up|heals?|gets? better|improves?|goes away|"
                               r"settles? down|recover)|\bglad\b.*\b(?:is|are|'s|has been|have been) (?:helping|working)", regex.IGNORECASE)
_DEFINITE_BEFORE = regex.compile(r"\b(?:that|the|her|his|their|your)\s+(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)
# A reply telling the reader what to do about a definite treatment: "Remember to finish all 7 days of the doxy".
_INSTRUCTED = regex.compile(r"\s*(?:remember to|don'?t forget to|make sure (?:to|you)|keep (?:up|taking|using)|finish|continue|"
                            r"take|come back)\b", regex.IGNORECASE)
_EXPOSURE_NOTICE = regex.compile(r"\b(?:anyone who (?:was|were|visited|ate|attended|rode|flew)|if you (?:were|visited|ate|attended)|"
                                 r"may have been exposed|possible exposure|exposure (?:notice|alert|location))\b", regex.IGNORECASE)
_UNIT_AFTER = regex.compile(r"(?-i:\s+(?:ICU|PICU|NICU|CCU|Unit|Center|Centre|Clinic|Wing|Floor|Lab|Pavilion|Institute)\b)")
# A street or a natural place named after someone: "calle Olmos", "Lake Harmon", "Mount Ellis", "Fort Wayne".
_STREET_BEFORE = regex.compile(r"\b(?:calle|avenida|av\.|camino|carretera|paseo|lago|sal[oó]n|sala|centro|escuela|parque|biblioteca|plaza|"
                               r"colegio|(?-i:Lake|Mount|Mt\.|Fort|Ft\.|Port|Cape))\s+"
                               r"(?:de\s+)?(?:la\s+|las\s+|los\s+|el\s+)?$", regex.IGNORECASE)
_ANIMAL_EMOJI_AFTER = regex.compile(r"[\s!.,]{0,4}[\U0001F415\U0001F436\U0001F408\U0001F431\U0001F43E\U0001F407\U0001F430\U0001F40E\U0001F434]")
# A building or programme named after a health word ("our surgery center waiting room"): not someone's health.
_FACILITY_AFTER = regex.compile(r"^[\s-]*(?:center|centre|clinic|program|programme|department|campus|building|wing|waiting room|"
                                r"lobby|pavilion|institute)\b", regex.IGNORECASE)
_PHOTO_OF_A_PATIENT = regex.compile(r"\[\s*(?:photo|picture|pic|video)\s*:\s*(?:our |a |the |one of our )?(?:[\w-]+ ){0,2}patients?\b|"
                                    r"\[\s*(?:audio|voicemail|voice memo|recording)\s*:\s*(?:[\w-]+ ){0,4}(?:from|by|of) (?:a|our|one of our) (?:[\w-]+ )?patient\b",
                                    regex.IGNORECASE)
_VETERINARY = regex.compile(r"\b(?:veterinary|veterinarian|animal hospital|vet (?:clinic|practice|hospital|team|tech)|#vetlife|#vetmed|"
                            r"#vettech)\b", regex.IGNORECASE)
_SERVICE_OFFER = regex.compile(r"\b(?:are|is) (?:available|open)\b|\bopen \d|\bwe offer\b|\b(?:offers|provides) (?:\w+ )?(?:evaluations?|screenings?|"
                               r"services?|care|support|appointments?|treatment|visits?)\b|\bwalk-?ins?\b|\bno appointment\b|\bbook (?:online|now|today)\b|"
                               r"\bsame-day\b|\ball (?:\w+ )?locations\b", regex.IGNORECASE)
_AS_OUR_PATIENT = regex.compile(r"\b(?:as|(?:has|have|had) been|is|was|is now|is still) (?:a|an|one of our) (?:[\w-]+ )?patients? "
                                r"(?:in|at|of|with|on) (?:our|us)\b"  # "has been a patient in our ICU"
                                r"|\b(?:came|come|comes|first came) (?:to us|here|to our \w+) as (?:a|an) (?:[\w-]+ )?patient\b",  # "came to us as a patient"
                                regex.IGNORECASE)
# Where in our building someone lies: "upstairs on Oncology", "on our own unit", "in room 612", "on 5 West".
_IN_OUR_BUILDING = regex.compile(r"\b(?:upstairs|downstairs|down the hall|on (?:our|the) (?:own )?(?:unit|floor)|in (?:room|rm) \d+|"
                                 r"on \d+ ?(?:north|south|east|west)\b)", regex.IGNORECASE)
# Where a colleague works, not where they lie: "she's working upstairs again", "covering the night shift on our own unit".
_WORKS_THERE = regex.compile(r"\b(?:works?|working|worked|shift|covering|charge|floated|float)\b[^.!?]{0,30}\b(?:upstairs|on (?:our|the) (?:own )?(?:unit|floor)|on \d+ ?(?:north|south|east|west))",
                             regex.IGNORECASE)
# A course of treatment someone went through: "finished radiation for breast cancer here", "completed chemo here".
_TREATMENT_BEFORE = regex.compile(r"\b(?:finished|completed|wrapped up|started|began|underwent|beat|survived|recovered from)\s+"
                                  r"(?:[\w-]+\s+){0,3}$", regex.IGNORECASE)
_HAD_BEFORE = regex.compile(r"\bhad\s+(?:(?:a|an|two|three|his|her|their|\d+|new)\s+)?(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)
_DONE_HERE_AFTER = regex.compile(r"\s+(?:placed|done|removed|repaired|replaced|put in|fixed|set|inserted|implanted|treated)\s+"
                                 r"(?:here\b|with us\b|(?:in|at) our (?:own )?[\w-]+(?: [\w-]+)?)", regex.IGNORECASE)
_RECEIVED_CUE = regex.compile(r"(?:his|her|their) (?:own )?(?:[\w-]+ )?(?:stay|admission|hospitalization)\b|rang (?:our|the) |trust|"
                              r"(?:getting|receiving|gets|got|received|get|gotten) (?:his|her|their) ",
                              regex.IGNORECASE)
_FAMILY_OF_THE_ROOM = regex.compile(r"(?:'s|\u2019s)\s+(?:family|mom|dad|mother|father|wife|husband|daughter|son|parents|kids|"
                                    r"grandkids|visitors?)\b", regex.IGNORECASE)
_THIRD_PERSON = regex.compile(r"\b(?:he|she|his|her|him)\b", regex.IGNORECASE)
_BED = regex.compile(r"(?:bed|bay|crib|isolette|bassinet)\b", regex.IGNORECASE)
_ROOM_AS_SUBJECT = regex.compile(r"\s+(?:just |finally |officially )?(?:got|is|was|has|had|went|rang|beat|finished|heard)\b", regex.IGNORECASE)
_EPONYM_AFTER = regex.compile(r"(?:'s|\u2019s)?\s+(?:lymphoma|disease|syndrome|palsy|sarcoma|ataxia|dystrophy|chorea|phenomenon)\b",
                              regex.IGNORECASE)
_EVENT_FOR_BEFORE = regex.compile(r"\b(?:5k|10k|walk|run|ride|gala|race|fundraiser|golf (?:outing|classic)|awareness|month|week|"
                                  r"day|tournament|challenge)\s+(?:for|against|to (?:end|fight|beat|support))\s+$", regex.IGNORECASE)
_SPANISH_TITLE_BEFORE = regex.compile(r"(?-i:\b(?:Sr|Sra|Srta|Dr|Dra|Lic)\.\s+$)")
# Papers a reader keeps or a third party holds, and what anyone can do with them: "check your records", "appeal with
# your insurer" (``Assessment._self_service``).
_OWN_PAPERS = frozenset({"record", "records", "history", "insurer", "insurance", "plan", "benefit", "benefits", "coverage",
                         "card", "policy", "eob", "employer"})
_SELF_SERVICE = frozenset({"check", "review", "view", "download", "update", "call", "contact", "ask", "appeal", "log",
                           "print", "look", "request", "verify"})
_ADVICE_BEFORE = regex.compile(r"\b(?:call|contact|ask|see|consult|check with|talk (?:to|with)|speak (?:to|with)|reach out to|"
                            r"message|follow up with)\s+$", regex.IGNORECASE)
_CLINICIAN_AFTER = regex.compile(r"\s*(?:regular\s+|own\s+|usual\s+)?(?:doctor|pediatrician|paediatrician|provider|physician|"
                                 r"dentist|pharmacist|gp|primary care)\b", regex.IGNORECASE)
_RELAYED_TO = regex.compile(r"\b(?:share|shared|sharing|pass|passed|passing|send|sent|forward|forwarded|relay|relayed)\b"
                         r"(?:\s+[\w'\u2019-]+){0,5}?\s+(?:with|to|along to|on to)\s+(?:our|the)\b", regex.IGNORECASE)
_ANYONE_ADDRESSED = regex.compile(r"\b(?:tip|tips|reminder|note|psa|fyi) for (?:anyone|everyone|all|those|folks|patients)\b|"
                                  r"\bfor (?:any )?questions (?:about|on|regarding)\b|"
                                  r"\b(?:anyone|everyone|anybody) (?:who|calling|coming|visiting|with|looking)\b|\bif you(?:'re| are) new\b|"
                                  # a condition any reader may meet: "If you ate the potato salad and have a fever, ..."
                                  r"\bif you (?:(?:or|and) (?:your|a) [\w ]{1,20} )?(?:ate|eat|drank|attended|were at|were exposed|"
                                  r"(?:have|had|develop|notice|feel|experience)\b(?! (?:a|your) (?:visit|appointment)))",
                                  regex.IGNORECASE)
_GROUP_ADDRESSED = regex.compile(r"\b(?:everyone|everybody|all of you|y'all|you all|folks|friends|neighbors|neighbours)\b",
                                 regex.IGNORECASE)
_OUR_CARE_PLACE = regex.compile(r"\b(?:waiting room|exam room|er|ed|emergency|urgent care|clinic|icu|picu|nicu|unit|ward|floor|"
                                r"chair|infusion|recovery|rehab|dialysis|hospital|office|surgery|surgical|center|centre|lab)\b",
                                regex.IGNORECASE)
_NEXT_INSIDE = regex.compile(r"\bnext\b", regex.IGNORECASE)
_OFFER_BEFORE = regex.compile(r"\b(?:we'll|we\u2019ll|we will|we can|we'd be happy to|we\u2019d be happy to|happy to|let us|we'd love to|"
                              r"to (?:check|verify|confirm|review|look up))"
                              r"\s+(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)
_YOU_END = regex.compile(r"\b(?:you|ya|u)$", regex.IGNORECASE)
_SUPPORT_HASHTAG = regex.compile(r"#(?:(?:PrayersFor|Pray4|PrayFor|Team|Go)(?P<name>(?-i:[A-Z][a-z]+))(?:Strong|Fights?|Tough|Warrior)?|"
                                  r"(?P<name>(?-i:[A-Z][a-z]+))(?:Strong|Fights?|Tough|Warrior))", regex.IGNORECASE)
_PLACE_CONTEXT_BEFORE = regex.compile(r"\b(?:part of|here in|all over|across|throughout|serving|proud to serve|proud to call|"
                                     r"neighbou?rs in|community of|town of|city of)\s+$", regex.IGNORECASE)
_UNIT_HASHTAG = regex.compile(r"#(?-i:[A-Z]{2,})\w*")  # "#NICUStrong", "#ERLife", "#PICUFamily"
_TEAM_HASHTAG = regex.compile(r"#Team\w+", regex.IGNORECASE)
_VIRTUES = frozenset({"hope", "faith", "grace", "joy", "love", "courage", "strength", "unity", "victory"})
_OUR_CARE_TEAM = regex.compile(r"\b(?:with|by) our (?:[\w-]+ ){0,2}(?:team|surgeons?|doctors?|nurses?|crew|staff)\b", regex.IGNORECASE)
# A well-wish in the second person: "Hope you feel better soon", "get well soon", "wishing you a speedy recovery".
_WISH_TO_YOU = regex.compile(r"\b(?:(?:hope|hoping) you(?:'re|\u2019re| are)? (?:feel(?:ing)? better|on the mend|recover|heal)|"
                             r"feels? better(?: soon)?|get well(?: soon)?|(?:wish(?:ing)?|sending) you (?:a )?(?:speedy|quick|full|fast) "
                             r"recovery|speedy recovery|on the mend)\b", regex.IGNORECASE)
_REPORTING_VERBS = frozenset({"say", "announce", "reveal", "share", "tell", "disclose", "tweet", "post", "write"})


def _not_shaped_like_a_name(text: str) -> str | None:
    """Capitalisation: what the model took for a name but is not written like one. (The identifier layer
    keeps these, since social media writes real names in lower case; the PHI rules need a person.)"""
    if any(c in "+=|/" for c in text):
        return "names are not joined by '+' or '/'"
    if regex.search(r"-(?:[A-Z]|\d+)$", text):
        return "a product's name ends in a single letter or a number ('Auvi-Q', 'Xyz-12'), a person's does not"
    words = [w for w in regex.split(r"\s+", text) if w and w.lower().strip(".") not in TITLE_WORDS]
    if len(words) > 2 and all(w.islower() for w in words):
        return "three lower-case words are a phrase, not a name"
    if len(words) > 1 and not all(w.islower() for w in words) and any(
            w[:1].islower() and w.lower() not in _NAME_PARTICLES for w in words):
        return "a name capitalises each of its words ('Record turnout' is not one)"
    return None


def _subject_dropped(verb, sentence) -> bool:
    """A verb in the past tense that opens its sentence with no subject: casual writing drops the "I" ("filled a
    famous anchor's prescription today", "drew a guy this morning whose ..."); an order is in the base form."""
    first = next((t for t in sentence if not (t.is_punct or t.is_space or t.pos_ in {"SYM", "X", "INTJ"})), None)
    return (first is not None and verb.i == first.i and verb.tag_ == "VBD"
            and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children))


def _is_the_health_word(identifier, cue) -> bool:
    """The identifier is exactly a health word and no given name ("started PrEP"): a drug or a condition, no one."""
    return identifier.text.strip() == cue.text and not is_given_name(cue.text)


def _verbless_fragment(sentence) -> bool:
    """"3rd admission this year for SI.", "Two broken ribs and a concussion.": a short fragment with no verb goes on
    about what the sentence before told."""
    words = [t for t in sentence if t.is_alpha]
    return 0 < len(words) <= 12 and not any(t.pos_ in {"VERB", "AUX"} for t in sentence)


def _participle_with_no_subject(sentence) -> bool:
    """"Cleared from concussion protocol this week.", "Discharged home on Friday!": a sentence that opens on a past
    participle as its root, with no subject."""
    first = next((t for t in sentence if not (t.is_punct or t.is_space or t.pos_ in {"SYM", "X", "INTJ"})), None)
    return (first is not None and first.dep_ == "ROOT" and first.tag_ == "VBN"
            and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in first.children))


def _support_hashtag(text: str) -> bool:
    """"#PrayersForCaleb", "#TeamLiam", "#NoraStrong": support for one person named by a given name (not a team
    named for a virtue, "#TeamHope", nor "#PICUStrong")."""
    match = _SUPPORT_HASHTAG.fullmatch(text)
    return match is not None and match.group("name").lower() not in _VIRTUES and is_given_name(match.group("name"))


def _faces_in_a_care_room(text: str) -> bool:
    """"[Photo: our waiting room, faces clearly visible]": the faces shown in a room of care are those cared for."""
    return _FACES_SHOWN.search(text) is not None and _CARE_ROOM.search(text) is not None

def _our_place_in(text: str) -> bool:
    """A place of care of ours named in a phrase ("teens from our adolescent psych unit")."""
    return pattern(signals.CARE_PLACES).search(text) is not None


def _our_place(words) -> str | None:
    """"here", or a place that is ours ("in our ICU", "at our Women's Pavilion"), in a clause."""
    for t in words:
        if t.lower_ == "here" and t.dep_ == "advmod":
            return t.text
        if t.dep_ == "prep" and t.lower_ in {"at", "in", "into", "inside"}:
            for obj in (c for c in t.children if c.dep_ == "pobj"):
                if any(d.lower_ == "our" for d in obj.subtree):
                    return f"{t.text} our {obj.text}"
    return None


def _gives_birth(verb) -> bool:
    """"had her baby", "delivered her third child", "welcomed twins": the subject gave birth."""
    return verb.lemma_.lower() in {"have", "deliver", "welcome"} and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _NEWBORN_NOUNS for c in verb.children)


def _gaps(text: str, matches) -> list[tuple[int, int]]:
    """The stretches of ``text`` between ``matches`` (a timed pattern has no ``sub``: it searches on the budget)."""
    gaps, last = [], 0
    for m in matches:
        gaps.append((last, m.start()))
        last = m.end()
    return [*gaps, (last, len(text))]


def _date_of_care(detail: Identifier) -> bool:
    """A date the recognizer found beside a care event ("discharged on May 3") or a birth date; a
    date beside a health word only ("tonight ... COVID-19") is not one until a care event says so."""
    if detail.kind != "CARE_DATE":
        return False
    event = _CARE_EVENT_EXPLANATION.search(detail.explanation)
    return event is None or pattern("phi_care_events").fullmatch(event.group(1)) is not None


def _conjuncts(a, b) -> bool:
    """Two words coordinated in one list ("X, Y and Z")."""
    def chain(t):
        while t.dep_ == "conj" or t.dep_ in {"compound", "flat", "appos"} and t.head.i != t.i:
            t = t.head
        return t
    return chain(a) == chain(b) and a.i != b.i


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def assess(analysis: Analysis) -> Assessment:
    """The post's PHI reading, computed once per post and shared by the PHI rules."""
    return analysis.remember("phi.assessment", lambda: Assessment(analysis))
