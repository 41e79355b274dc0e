"""What a privacy officer looks for around a person: health information, care cues, story framing,
sensitive categories, and whether a cue is hypothetical or general rather than a report.

All word lists are vocabularies (``vocabularies/*.txt``); this module only finds them in a post
and says what each match means. Negation comes from the shared assertion helpers in
:mod:`hcsocial_lint.nlp.context`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from ...nlp.context import is_negated, is_quoted
from ...vocabularies import pattern, terms
from .names import HASHTAG, hashtag_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

HEALTH = "health_terms"
CARE = "care_relationship"
CARE_PLACES = "phi_care_places"
SECOND_PERSON = "phi_second_person_care"
DENIALS = "phi_reply_denials"
STORY = "phi_story_cues"
CELEBRATION = "phi_celebration_cues"
SPOTLIGHT = "phi_spotlight_cues"
RETALIATION = "phi_retaliation"
CAMPAIGN_HASHTAG_WORDS = "phi_campaign_hashtag_words"

# (vocabulary, label shown to the reader, why it matters)
SENSITIVE = (
    ("phi_sensitive_mental_health", "mental health", "state mental-health confidentiality laws; OCR's Manasa case"),
    ("phi_sensitive_substance_use", "substance use", "42 CFR Part 2 protects substance-use-disorder records"),
    ("phi_sensitive_hiv_sti", "HIV/STI", "state HIV and STI confidentiality statutes"),
    ("phi_sensitive_reproductive", "reproductive health", "state reproductive-health privacy laws"),
    ("phi_sensitive_genetic", "genetic information", "GINA and state genetic-privacy laws"),
)

# The words that address someone, as written and as casual writing spells them ("u", "ur").
YOU = frozenset({"you", "your", "yours", "yourself", "u", "ur"})
_CLAUSE_BREAK = regex.compile(r"[,;:()\u2014\u2013]|\s-\s|\bbut\b|\band then\b")


@dataclass(frozen=True)
class Cue:
    """One vocabulary match: where, what, from which list, and what it means."""

    start: int
    end: int
    text: str
    vocabulary: str
    label: str

    @property
    def source(self) -> str:
        return f"vocabulary:{self.vocabulary}"

    def within(self, ranges: list[tuple[int, int]]) -> bool:
        return any(s <= self.start and self.end <= e for s, e in ranges)


def find(text: str, vocabulary: str, label: str = "") -> list[Cue]:
    return [Cue(m.start(), m.end(), m.group(0), vocabulary, label or vocabulary.replace("_", " "))
            for m in pattern(vocabulary).finditer(text)]


def health_cues(text: str) -> list[Cue]:
    """Health terms, sensitive ones labelled with their category; one cue per place. A hashtag written in
    words ("#ChemoComplete") is read as its words (``hashtag_health_cues``)."""
    general, sensitive = _vocabulary_cues(text)
    general += hashtag_health_cues(text)
    # a sensitive word inside a longer health term is that term's ("Oticon Intent aids" are hearing aids)
    cues = [c for c in sensitive
            if not any(g.start <= c.start and c.end <= g.end and g.end - g.start > c.end - c.start for g in general)]
    taken = [(c.start, c.end) for c in cues]
    cues += [c for c in general if not any(s < c.end and c.start < e for s, e in taken)]
    return sorted(cues, key=lambda c: c.start)


def hashtag_health_cues(text: str) -> list[Cue]:
    """Health named inside a hashtag of two or more capitalised words ("#ChemoComplete", "#ACLRecovery",
    "#KidneyTransplantDay"): the words are read as prose and the cue spans the whole hashtag. A campaign's
    or an awareness tag ("#BreastCancerAwareness", "#WorldKidneyDay", "#EndAlz") speaks of no one, and a
    hashtag in one case ("#chemolife") is not split."""
    cues = []
    for match in HASHTAG.finditer(text):
        body = match["body"]
        if len(body) < 4 or "_" in body:
            continue  # "#ER", "#chemo_day": too short to hold two words, or not written as one name
        words = hashtag_words(body)
        if len(words) < 2 or any(word.lower() in terms(CAMPAIGN_HASHTAG_WORDS) for word in words):
            continue
        general, sensitive = _vocabulary_cues(" ".join(words))
        inner = sensitive or general
        if inner:
            cues.append(Cue(match.start(), match.end(), match.group(0), inner[0].vocabulary, inner[0].label))
    return cues


# The body of a one-case hashtag naming the writer's own place of care by its setting and their role in it:
# "#hospicenurse", "#icunurse", "#dialysistech", "#nursinghome", "#cnalife".
_CARE_SETTING_TAG_BODY = regex.compile(
    r"(?:hospice|icu|nicu|picu|er|ed|dialysis|onc|oncology|peds|rehab|medsurg|trauma|burnunit|ld|snf|ltc|homehealth)"
    r"(?:nurse|nurses|nursing|rn|cna|tech|medic|aide|doc|life|crew|shift)|nursinghome(?:life)?|memorycare(?:life)?|cnalife|"
    r"carehomelife", regex.IGNORECASE)


def care_setting_hashtags(text: str) -> list[Cue]:
    """The writer's place of care told by a one-case hashtag ("#hospicenurse", "#nursinghome")."""
    return [Cue(m.start(), m.end(), m.group(0), "hashtag", "the writer's place of care, by hashtag")
            for m in HASHTAG.finditer(text) if _CARE_SETTING_TAG_BODY.fullmatch(m["body"])]


def _vocabulary_cues(text: str) -> tuple[list[Cue], list[Cue]]:
    """The general health terms and the sensitive ones found in ``text``, each list in its vocabularies' order."""
    return find(text, HEALTH, "health term"), [c for vocab, label, _ in SENSITIVE for c in find(text, vocab, label)]


def sensitive_reason(label: str) -> str | None:
    return next((why for _, name, why in SENSITIVE if name == label), None)


def clause_before(text: str, sentence_start: int, offset: int) -> str:
    """The text from the start of the clause that holds ``offset`` up to it."""
    before = text[sentence_start:offset]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end():] if breaks else before


def is_hypothetical(text: str, sentence: Span, start: int) -> bool:
    """An "if / whether / when you ..." clause, or a question about what might happen."""
    clause = clause_before(text, sentence.start_char, start).lower()
    return pattern("phi_hypothetical_cues").search(clause) is not None




def is_negated_cue(doc: Doc, sentence: Span, cue: Cue) -> bool:
    return is_negated(doc, sentence, cue.start, cue.end)


def is_quoted_cue(doc: Doc, sentence: Span, cue: Cue) -> bool:
    return is_quoted(doc, sentence, cue.start, cue.end)
