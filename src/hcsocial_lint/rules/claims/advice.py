"""Individual medical advice given in public (CLM010): dosing instructions, telling someone to
stop a medicine or that they need no doctor, and diagnosing from a comment or a photo."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ...analysis import Analysis
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from ...vocabularies import terms
from . import common
from .common import ClaimRule

REPLY_KINDS = frozenset({"comment-reply", "review-reply"})
REPLY_TEMPLATE = ("Thanks for reaching out. We can't give medical advice on social media. Please contact your "
                  "clinician, or message us through the patient portal so a member of our care team can help.")
_AMOUNT = r"(?:\d+(?:[.,]\d+)*|one|two|three|four|five|half an?|a)\s*(?:-|to)?\s*(?:\d+(?:[.,]\d+)*\s*)?"
# Units of a medicine's dose (not of food: "30 grams of fiber a day" is nutrition, not dosing)
_MEDICINE_UNITS = (r"mg|mcg|µg|micrograms?|milligrams?|iu|units?|ml|mls|cc|tablets?|tabs|pills?|capsules?|caps|drops|"
                   r"puffs|sprays?|doses?")
_DOSE = _AMOUNT + r"(?:" + _MEDICINE_UNITS + r"|grams?|g|teaspoons?|tsp|tablespoons?|tbsp)(?![\w-])"
_MEDICINE_DOSE = _AMOUNT + r"(?:" + _MEDICINE_UNITS + r")(?![\w-])"
_FREQUENCY = (r"(?:once|twice|three times|four times|\d+ times) (?:a|per) day|daily|nightly|"
              r"every \d+(?:\s*(?:-|to)\s*\d+)? hours|every (?:morning|night)")
# A regimen with no verb: "5 ml of the syrup every 6 hours", "2 mg a day to start"
_REGIMEN_FREQUENCY = _FREQUENCY + r"|(?:a|per) day|at bedtime|before bed"
_INSTRUCTION_VERBS = r"(?:take|try|start|use|give|alternate|double|increase|bump|add|pop|swallow|switch to|go up to)"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[regex.Pattern, Severity]]:
    meds = "|".join(sorted(terms("claims_medications") + terms("claims_rx_drugs"), key=len, reverse=True))
    conditions = "|".join(sorted(terms("claims_conditions") + terms("claims_diseases") + terms("claims_outbreaks"),
                                 key=len, reverse=True))
    flags = regex.IGNORECASE
    return {
        "dosing instruction": (regex.compile(
            r"(?<![\w-])" + _INSTRUCTION_VERBS + r"\b[^.!?\n]{0,40}?" + _DOSE + r"|(?<![\w-])" + _INSTRUCTION_VERBS
            + r"\b[^.!?\n]{0,40}?\b(?:" + _FREQUENCY + r")(?![\w-])"
            # ...but not the label's directions reported ("the usual adult dose on the label is 2 tablets every 6 hours")
            r"|(?<!\b(?:label|package|packet|box|directions|instructions|leaflet|insert|usual|recommended|standard|typical|"
            r"maximum|max)\b[^.!?\n]{0,40})(?<![\w.,-])" + _MEDICINE_DOSE + r"(?:\s+of\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2}?)?\s+(?:" + _REGIMEN_FREQUENCY
            + r")(?![\w-])", flags), Severity.ERROR),
        "stop or change a medicine": (regex.compile(
            r"(?<![\w-])(?:stop|quit|skip|discontinue|pause|halve|cut back on|cut down on|cut|come off|get off|wean off|"
            r"taper|ditch|drop|lower|reduce|decrease|increase|double|up)\s+"
            r"(?:taking\s+|using\s+)?(?:your|the|her|his|their)\s+(?:[\w-]+\s+){0,2}?(?:" + meds + r")(?![\w-])", flags),
            Severity.ERROR),
        "you need no doctor": (regex.compile(
            r"(?<![\w-])(?:you\s+|she\s+|he\s+|they\s+)?(?:don'?t|do not|dont|doesn'?t|won'?t)\s+need\s+(?:to\s+(?:see|go to|visit|call)\s+)?"
            r"(?:a\s+|an\s+|the\s+|your\s+)?(?:doctor|dr\.?|physician|pediatrician|er|emergency room|urgent care|specialist|"
            r"dermatologist|prescription)(?![\w-])"
            r"|(?<![\w-])no need (?:for|to see|to go to) (?:a |an |the |your )?(?:doctor|er|emergency room|urgent care|"
            r"pediatrician|physician)(?![\w-])"
            r"|(?<![\w-])skip (?:the|your) (?:doctor|pediatrician|er|emergency room|urgent care|dermatologist)(?![\w-])"
            r"|(?<![\w-])(?:(?:don'?t|do not|dont) need|no need) to (?:bring (?:her|him|them|it|your [\w-]+) in|come in|go in)(?![\w-])",
            flags), Severity.ERROR),
        "skip care": (regex.compile(
            r"(?<![\w-])(?:skip|cancel|miss) (?:your|her|his|their|the) (?:next |upcoming |follow-up )?(?:[\w-]+ )?"
            r"(?:appointment|visit|follow-up|check-?up)(?![\w-])", flags), Severity.ERROR),
        "treatment instruction": (regex.compile(
            r"(?<![\w-])you\s+(?:should|need to|must|have to|can)\s+(?:definitely\s+|safely\s+|totally\s+|just\s+)?"
            r"(?:start|take|try|use|stop|mix|combine|double)\s+(?:[\w-]+\s+){0,2}?(?:" + meds + r")(?![\w-])"
            # medicine left over from an earlier prescription: "start the antibiotics you have left over"
            r"|(?<![\w-])(?:start|take|use|try|finish|restart)\s+(?:the|your|some|those|any)\s+(?:[\w-]+\s+){1,2}?"
            r"(?:you|she|he|they)\s+(?:still\s+)?(?:have|had|got)\s+left(?:\s+|-)?over(?![\w-])"
            r"|(?<![\w-])(?:start|take|use|try|finish|restart)\s+(?:the|your|some|those|any)\s+left(?:\s+|-)?over\s+[\w-]+", flags),
            Severity.ERROR),
        "diagnosis": (regex.compile(
            r"(?<![\w-])(?:sounds?|looks?|seems?)\s+like\s+(?:you\s+(?:have|got|might have|may have)\s+|(?:it'?s|its)\s+|"
            r"classic\s+|textbook\s+)?(?:an?\s+)?(?:" + conditions + r")(?![\w-])"
            r"|(?<![\w-])you\s+(?:definitely|probably|clearly|likely|obviously|almost certainly)\s+have\s+(?:an?\s+)?(?:"
            + conditions + r")(?![\w-])"
            r"|(?<![\w-])(?:that'?s|this is|it'?s|those (?:symptoms )?are|(?:is|are))\s+(?:definitely|probably|clearly|"
            r"likely|just|classic|textbook|100\s?%|totally|absolutely)\s+(?:just\s+)?(?:an?\s+)?(?:" + conditions + r")(?![\w-])", flags),
            Severity.WARNING),
    }


_ADDRESSEE = regex.compile(r"^\W*(?:@\w+|(?:hi|hey|hello|dear|thanks|thank you)?\W*[A-Z][a-z]+\s*[,!:-])|@\w+")


def _addressed_to_someone(analysis: Analysis) -> bool:
    return analysis.kind in REPLY_KINDS or bool(_ADDRESSEE.search(analysis.post.original))


@dataclass(frozen=True)
class PublicMedicalAdvice(ClaimRule):
    honours_approved_claims = False

    meta: RuleMeta = field(default=RuleMeta(
        id="CLM010",
        name="public-medical-advice",
        family="claim",
        severity=Severity.ERROR,
        message="individual medical advice in public ({what}: '{match}')",
        citation="AMA Code of Medical Ethics Opinion 2.3.2 (professionalism in social media); ACP/FSMB 'Online Medical "
                 "Professionalism' (2013); state medical practice acts; U.S. v. Nepute (E.D. Mo. 2021)",
        url="https://code-medical-ethics.ama-assn.org/ethics-opinions/professionalism-use-social-media",
        summary="In replies, and in posts addressed to a named or tagged person, finds dosing instructions, telling "
                "someone to stop or change a medicine or that they do not need a doctor, and diagnoses made from a "
                "comment or a photo.",
        rationale="Advice to one person without an examination or a clinician-patient relationship can harm them, "
                  "crosses professional boundaries online, and (for a patient) often discloses PHI. Dosing and "
                  "stop-medication advice are reported at error, a diagnosis alone at warning.",
        fix_safety="Unsafe: in a reply the fix replaces the whole reply with a template that gives no advice and "
                   "moves the conversation to a private, clinical channel; in a post it is shown as advice only.",
        examples=(
            Example("@jess_runs take 800 mg of ibuprofen three times a day and you'll be fine.", "fail",
                    kind="comment-reply", fixed=REPLY_TEMPLATE),
            Example("You don't need to see a doctor for that, just rest.", "fail", kind="comment-reply"),
            Example("Sounds like you have a sinus infection. Ask your doctor.", "fail", kind="comment-reply"),
            Example("Please don't stop any medication without talking to your prescriber first.", "pass",
                    kind="comment-reply"),
            Example("Whether you need to see a doctor depends on your symptoms; our nurse line can help.", "pass",
                    kind="comment-reply"),
            Example("Sunscreen tip: reapply every 2 hours, or after swimming.", "pass"),
            Example("@ken_w 10 ml of the cough syrup every 4 hours and she'll be fine.", "fail", kind="comment-reply"),
            Example("Glad you're feeling better, Ana! You can cancel your follow-up visit.", "fail", kind="review-reply"),
            Example("Hi Lee! You can lower your sertraline to half a tablet now.", "fail", kind="comment-reply"),
            Example("The usual adult dose on the package is 2 tablets every 6 hours; check with your pharmacist first.",
                    "pass", kind="comment-reply"),
            Example("Thanks, Ana! Please don't skip your follow-up visit.", "pass", kind="review-reply"),
        ),
        fixable=True,
    ))

    def find(self, analysis: Analysis) -> Iterator[Hit]:
        if not _addressed_to_someone(analysis):
            return
        found: list[tuple[int, int, str, str, Severity]] = []
        for what, (compiled, severity) in _patterns().items():
            for match in compiled.finditer(analysis.text):
                start, end = match.span()
                if what == "diagnosis" and match.group(0).lower().endswith(("season", "pandemic")):
                    continue
                contexts = ("question", "myth", "quoted") if what == "you need no doctor" else common.ASSERTION_CONTEXTS
                if common.context_of(analysis, start, end, contexts):
                    continue
                found.append((start, end, match.group(0), what, severity))
        if not found:
            return
        found.sort(key=lambda f: (-f[4].rank, f[0]))
        start, end, text, what, severity = found[0]
        if analysis.kind in REPLY_KINDS:
            suggestion = Suggestion("Replace the reply with one that gives no individual advice",
                                    (Edit(*analysis.prose_bounds, REPLY_TEMPLATE),), Applicability.UNSAFE)
        else:
            suggestion = common.display("Give general education only and invite the person to contact their clinician "
                                        "privately; do not dose, diagnose or change treatment in public")
        yield common.hit(
            start, end, self.meta.message.format(what=what, match=text), "MEDICAL-ADVICE",
            evidence=tuple(Evidence("pattern", w, t, s, e, "advice pattern") for s, e, t, w, _ in found),
            suggestions=(suggestion,), severity=severity,
        )
