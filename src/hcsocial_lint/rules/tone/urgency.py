"""TON001: pressure and urgency selling ("book now", "only 3 spots left", "limited time").

The phrases are data (vocabularies/tone_urgency.txt), each with a tier and a rewrite action.
Logic lives here: ambiguous urgency ("don't wait", "act fast") counts only in a post that is
selling, since public-health advice uses the same words ("don't wait to call 911"); a post
that ties the pressure to a crisis escalates to error; and the rewrite works phrase by phrase
so the rest of the sentence survives ("Only 3 spots left this week" -> "Appointments are
available this week").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ...analysis import Analysis
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from ...nlp.context import is_myth_context, is_quoted
from .profile import is_recruiting, tone_profile
from .spans import Sentence, has, sentence_of, sentence_removal, sentences, tagged_matches

NEUTRAL_AVAILABLE = "appointments are available"


def _capitalised(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_WORD = regex.compile(r"\w")
_CONNECTORS = " \t,—–-;:"


def _delete_sentence(text: str, sentence: Sentence, count: int) -> Edit | None:
    """Delete a sentence that carries nothing but pressure; never a post's only sentence."""
    if count < 2:
        return None
    start, end = sentence_removal(text, sentence)
    return Edit(start, end, "")


def _remove_phrase(text: str, sentence: Sentence, start: int, end: int, tail: bool, count: int) -> Edit | None:
    """Delete a pressure phrase so that the rest of its sentence still reads."""
    before, after = text[sentence.start:start], text[end:sentence.end]
    if not _WORD.search(before) and not _WORD.search(after):
        return _delete_sentence(text, sentence, count)
    if not _WORD.search(after):
        # at the end ("... in March, act now!"): keep the sentence's closing punctuation
        while start > sentence.start and text[start - 1] in _CONNECTORS:
            start -= 1
        return Edit(start, end, "")
    next_word = _WORD.search(text, end, sentence.end).start()
    gap = text[end:next_word]
    if not _WORD.search(before):
        if gap.strip():
            # an interjection ("Hurry — our special ...", "Today only! Walk in ..."): drop it, capitalise
            return Edit(start, next_word + 1, text[next_word].upper())
        # the phrase governs the clause ("Don't wait until your pain gets worse."): drop the sentence
        return _delete_sentence(text, sentence, count)
    if tail:
        while start > sentence.start and text[start - 1] in _CONNECTORS:
            start -= 1
        return Edit(start, end, "")
    stripped_before = before.rstrip()
    if gap.strip() and stripped_before and stripped_before[-1] in "—–-,;:":
        return Edit(start, next_word, "")  # "program — act fast — starts" -> "program — starts"
    if gap.strip():
        while start > sentence.start and text[start - 1] in " \t":
            start -= 1
        return Edit(start, end, "")  # "filler today only: $100 off" -> "filler: $100 off"
    return Edit(start, next_word, "")


def _rewrite(action: str, match: regex.Match, text: str, sentence: Sentence, count: int) -> Edit | None:
    start, end = match.span()
    phrase = match.group(0)
    if action == "available":
        return Edit(start, end, _capitalised(phrase, NEUTRAL_AVAILABLE))
    if action == "hasopen":
        return Edit(start, end, "are still available" if phrase.lower().startswith("are") else "has openings")
    if action == "haveopen":
        return Edit(start, end, "we have openings")
    if action == "anytime":
        return Edit(start, end, f"{match.group(1)}{match.group(2) or ''} anytime")
    if action == "youcan":
        return Edit(start, end, _capitalised(phrase, "you can"))
    if action == "availablefor":
        return Edit(start, end, _capitalised(phrase, "appointments are available for"))
    return _remove_phrase(text, sentence, start, end, action == "tail", count)


@dataclass(frozen=True)
class PressureUrgency:
    meta: RuleMeta = field(default=RuleMeta(
        id="TON001",
        name="pressure-urgency",
        family="tone",
        severity=Severity.WARNING,
        message="pressure selling '{match}': health decisions should not be rushed",
        citation="AMA Code of Medical Ethics Opinion 9.6.1 (advertising and publicity); FTC staff report "
                 "'Bringing Dark Patterns to Light' (Sept 2022) on false scarcity and urgency",
        url="https://code-medical-ethics.ama-assn.org/ethics-opinions/advertising-publicity",
        summary="Finds urgency and scarcity wording that pushes readers to book or buy now: 'book now', "
                "'only 3 spots left', 'limited time', 'offer ends at midnight'. Ambiguous urgency ('don't wait', "
                "'act fast', 'last chance') counts only when the post is selling; it escalates to error when the "
                "post ties the pressure to an outbreak or other crisis.",
        rationale="High-pressure advertising that rushes a health decision is discouraged by professional codes "
                  "and, when the scarcity is false, is a dark pattern the FTC treats as deceptive. Public-health "
                  "urgency ('don't wait to call 911 if you notice signs of a stroke') is not selling and is left "
                  "alone.",
        fix_safety="Unsafe: the rewrite replaces urgency with neutral availability ('Only 3 spots left' -> "
                   "'Appointments are available', 'Book now' -> 'Book anytime') and deletes deadline tails; "
                   "it changes the call to action's tone on purpose, and a sentence that was only pressure is "
                   "removed.",
        examples=(
            Example("Only 3 spots left this week. Book now!", "fail",
                    fixed="Appointments are available this week. Book anytime!"),
            Example("Limited time: teeth whitening for the holidays.", "fail",
                    fixed="Teeth whitening for the holidays."),
            Example("Our Botox event sells out every time, so reserve yours now!", "fail",
                    fixed="Our Botox event, so reserve yours anytime!"),
            Example("Flu shots are available at all our clinics; call us to learn more.", "pass"),
            Example("Our urgent care is open today until 8 pm.", "pass"),
            Example("Don't wait to call 911 if you notice signs of a stroke. Act FAST.", "pass"),
            Example("Apply today! We're hiring nurses and positions are filling fast.", "pass"),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        found = tagged_matches("tone_urgency", text)
        if not found or is_recruiting(analysis):
            return
        profile = tone_profile(analysis)
        selling = profile.selling or any(tier == "always" for _, tier, _ in found)
        crisis = has("tone_crisis", text)
        sents = sentences(analysis)
        for action, tier, match in found:
            if tier == "context" and not selling:
                continue
            start, end = match.span()
            sentence = analysis.sentence_at(start)
            # The myth test gets an empty span: the phrases contain verbs ("claim your spot", "sells out")
            # that its attribution check would read as someone else's reported claim; its myth and
            # refutation cues still apply ("Myth: you need to book now ...").
            if is_quoted(analysis.doc, sentence, start, end) or is_myth_context(analysis.doc, sentence, start, start):
                continue
            own = sents[sentence_of(sents, start)]
            edit = _rewrite(action, match, analysis.post.original, own, len(sents))
            if edit is None:
                suggestion = Suggestion("Rewrite as neutral availability, e.g. 'Appointments are available; call us "
                                        "to learn more.'", (), Applicability.DISPLAY)
            else:
                description = ("Remove the pressure wording" if not edit.replacement.strip(" .")
                               or len(edit.replacement) <= 1 else f"Use neutral availability: '{edit.replacement.strip()}'")
                suggestion = Suggestion(description, (edit,), Applicability.UNSAFE)
            yield Hit(
                start, end,
                message=self.meta.message.format(match=match.group(0))
                + (" (tied to a crisis or fear appeal)" if crisis else ""),
                severity=Severity.ERROR if crisis else None,
                category="URGENCY",
                metrics=profile.metrics(),
                evidence=(Evidence("pattern", f"urgency ({tier})", match.group(0), start, end, "vocabulary:tone_urgency"),),
                suggestions=(suggestion,),
            )
