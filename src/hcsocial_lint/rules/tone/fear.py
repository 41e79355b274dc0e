"""TON005: selling through fear: harm to the reader's child or parent, a loved one's last days, or
"don't let X ruin Y", used to push the reader to book or buy from us.

Read from the parse and the language layer, not from a word list alone:

* a *fear frame*: a dependant of the reader ("your child", "your mom": a ``dependants`` cue with "your")
  in the same sentence as a harm (``fear_harms``: "something serious", "last days", "too late"), or a
  negative directive "Don't let ..." whose clause names a harm or a dependant;
* a *sale*: a directive to book, call, schedule, buy or sign up, in a post that speaks as the provider
  ("us", "our") or sells (prices, offers).

Public-health advice uses fear too ("Protect your child from measles: talk to your doctor"); it urges no
purchase from us and is not flagged.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ...analysis import Analysis
from ...language.directives import Directive, directives
from ...language.spans import TextSpan
from ...model import Applicability, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from .profile import is_recruiting, tone_profile

SELLING_VERBS = frozenset({"book", "call", "schedule", "buy", "order", "sign", "reserve", "claim", "secure",
                           "grab", "get", "contact", "visit", "come", "join", "enroll", "start", "try", "dm",
                           "message", "text", "fill", "act"})
PROVIDER_VOICE = frozenset({"us", "our", "we", "we're", "we'll", "ours"})


def _in(span: TextSpan, start: int, end: int) -> bool:
    return start <= span.start < end


KIN_NAMES = frozenset({"mom", "mum", "mother", "dad", "father", "grandma", "grandpa", "grandmother", "grandfather",
                       "nana", "papa"})


def _close_to_reader(root) -> bool:
    """The dependant is the reader's or the speaker's own ("your child", "my dad"), or a parent named by
    kinship alone, as a family says it ("Mom is fading", "Dad's last days")."""
    if any(c.lower_ in {"your", "my"} for c in root.children) or root.head.lower_ in {"your", "my"}:
        return True
    return root.lower_ in KIN_NAMES and root.text[:1].isupper() and \
        not any(c.dep_ in {"det", "poss"} for c in root.children)


def _dependant_fear(analysis: Analysis) -> tuple[TextSpan, TextSpan] | None:
    """A dependant close to the reader and a harm in its sentence or the next one ("Mom is failing fast.
    Make her last days count ...")."""
    doc = analysis.doc
    sentences = analysis.sentences
    for dependant in analysis.cues("dependants"):
        token = doc.char_span(dependant.start, dependant.end, alignment_mode="expand")
        if token is None or not _close_to_reader(token.root):
            continue
        sentence = analysis.sentence_at(dependant.start)
        following = next((s for s in sentences if s.start_char >= sentence.end_char), None)
        end = following.end_char if following is not None else sentence.end_char
        for harm in analysis.cues("fear_harms"):
            if _in(harm, sentence.start_char, end) and not analysis.assertion(harm).negated:
                return dependant, harm
    return None


def _dont_let(analysis: Analysis) -> tuple[Directive, TextSpan] | None:
    for directive in directives(analysis):
        if not directive.negative or directive.verb.label != "let":
            continue
        sentence = analysis.sentence_at(directive.verb.start)
        for lexicon in ("dependants", "fear_harms"):
            for cue in analysis.cues(lexicon):
                if _in(cue, directive.verb.end, sentence.end_char):
                    return directive, cue
    return None


def _sale(analysis: Analysis) -> Directive | None:
    selling = tone_profile(analysis).selling or any(t.lower_ in PROVIDER_VOICE for t in analysis.doc)
    if not selling:
        return None
    return next((d for d in directives(analysis)
                 if not d.negative and (d.verb.label in SELLING_VERBS or d.verb.text.lower() in SELLING_VERBS)), None)


@dataclass(frozen=True)
class FearSelling:
    meta: RuleMeta = field(default=RuleMeta(
        id="TON005",
        needs_model=True,
        name="fear-appeal-selling",
        family="tone",
        severity=Severity.ERROR,
        message="selling through fear: {fear}, then '{sale}'",
        citation="AMA Code of Medical Ethics Opinion 9.6.1 (no high-pressure advertising or appeals that create "
                 "unjustified fears or expectations); FTC staff report 'Bringing Dark Patterns to Light' (Sept "
                 "2022); UK CAP Code 12.2 (marketers must not use fear to encourage the use of health services)",
        url="https://code-medical-ethics.ama-assn.org/ethics-opinions/advertising-publicity",
        summary="Reads the parse for a fear frame (the reader's child, parent or loved one next to a harm: "
                "'something serious', 'last days', 'too late'; or a negative directive 'Don't let ... ruin / hold "
                "you back') in a post that then urges the reader to book, call or buy from us. Fear for a "
                "dependant is an error; a 'don't let' pressure appeal is a warning. Public-health advice that "
                "urges no purchase from us is not flagged.",
        rationale="Fear for a child or a dying parent overrides judgement; using it to sell care is the "
                  "high-pressure advertising that professional codes and advertising regulators reject. State "
                  "the facts and the next step instead.",
        fix_safety="No automatic fix. Describe the condition, its signs and the service calmly, without the threat.",
        examples=(
            Example("That cough could be something serious in your little one. Book a same-day visit with our "
                    "pediatric team now.", "fail"),
            Example("Don't let your dad spend his final days in pain. Call our hospice team today.", "fail"),
            Example("Don't let thinning hair hold you back this summer! Book your consultation with us.", "fail"),
            Example("Protect your child from measles: talk to your doctor about the MMR vaccine.", "pass"),
            Example("Our hospice team helps families care for a parent at home. Call us with any questions.", "pass"),
            Example("Mom is fading fast. Make her last days count: call our hospice team today.", "fail"),
            Example("Dad's heart checkup went well. Book your own with our cardiology team.", "pass"),
        ),
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if is_recruiting(analysis):
            return
        dependant = _dependant_fear(analysis)
        pressure = _dont_let(analysis) if dependant is None else None
        if dependant is None and pressure is None:
            return
        sale = _sale(analysis)
        if sale is None:
            return
        if dependant is not None:
            who, harm = dependant
            fear = f"'{harm.text}' about '{who.text}'"
            start, end, severity = min(who.start, harm.start), max(who.end, harm.end), Severity.ERROR
            evidence = (Evidence("frame", "dependant", who.text, who.start, who.end, "lexicon:dependants"),
                        Evidence("frame", "harm", harm.text, harm.start, harm.end, "lexicon:fear_harms"))
        else:
            directive, cue = pressure
            fear = f"'don't {directive.verb.text} ... {cue.text}'"
            start, end = directive.verb.start, cue.end
            severity = Severity.ERROR if cue.label == "dependants" else Severity.WARNING
            evidence = (Evidence("frame", "negative directive", directive.verb.text, directive.verb.start,
                                 directive.verb.end, "language.directives"),
                        Evidence("frame", "threat", cue.text, cue.start, cue.end, f"lexicon:{cue.label}"))
        yield Hit(
            start, end,
            message=self.meta.message.format(fear=fear, sale=sale.verb.text),
            severity=severity,
            category="FEAR-APPEAL",
            metrics=tone_profile(analysis).metrics(),
            evidence=(*evidence, Evidence("frame", "urged purchase", sale.verb.text, sale.verb.start, sale.verb.end,
                                          "language.directives")),
            suggestions=(Suggestion("State the facts and the next step calmly, without the threat", (),
                                    Applicability.DISPLAY),),
        )
