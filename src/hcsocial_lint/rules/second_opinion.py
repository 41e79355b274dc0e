"""Learned second opinions: one rule per family that reports what a small trained model thinks of a
post the family's rules pass (CLM090, TON090, INC090, END090, PHI090).

A rule reads words, frames and patterns someone wrote down; the model reads the same parse and
weighs every word and arc it saw in the project's labelled drafts (``tools/train_scorer.py``). It is
a second opinion, so:

* it speaks only where the rules are silent: the engine drops its finding on a post where a rule of
  the same family (``defers_to``, by rule-id prefix) reports at warning or above;
* it is never more than a warning, and its message says that it is a model's opinion and gives the
  score, so nobody mistakes it for a reading of the text;
* it respects what the family respects: a post whose strongest sentence is negated, asked, quoted or
  refuted is not reported; nor, for PHI, a post whose front matter records the authorization, a
  veterinary practice's post, one whose only patient is an animal, or one that speaks of no individual
  (``phi.individual``: a shipment, a district's totals, advice to everyone); nor, for claims, a post whose claim frames the family read and set aside
  (a public-health measure, care given by clinicians, or every frame not asserted), a sentence holding
  an approved claim (``[tool.hclint.claim] approved_claims``), nor any post of an organisation that
  declares itself a public-health body;
* it needs the spaCy model and a few words: a bare link or a two-word caption gives it nothing to read;
* ``[tool.hclint.scorer] families`` chooses which run (default: claims and PHI), ``enabled = false``
  turns every one of them off.

The score is the model's probability that the post violates the family; the threshold of each
family was chosen on cross-validation and on real organisation posts (see ``weights/card.json``
and ``benchmarks/results/scorer.md``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..analysis import Analysis
from ..language import TextSpan
from ..model import MODEL_EVIDENCE, Evidence, Example, Hit, RuleMeta, Severity

TABLE = "scorer"
KNOWN_KEYS = ("enabled", "families")
ENABLED_BY_DEFAULT = True
SCORER_FAMILIES = ("claims", "tone", "inducement", "endorsement", "phi")
# On by default: the claims opinion, which raised the blind claims recall with one more warned compliant
# row per set, and the PHI opinion, which raised PHI recall on held-out blind sets with at most one more
# warned compliant row per set; tone, inducement and endorsement raised their families' blind recall
# more, but also the warnings on compliant near-misses (benchmarks/results/scorer.md), so they are there
# to be chosen.
DEFAULT_FAMILIES = ("claims", "phi")
MIN_WORDS = 4
MODEL_NOTE = ("It is a model's opinion, not a reading of the law: the score is the probability a small "
              "logistic regression, trained by tools/train_scorer.py on the project's labelled drafts, gives "
              "that the post violates the family. It speaks only on posts the family's rules pass, and never "
              "above a warning.")
FIX_SAFETY = "No automatic fix: the model cannot say which words to change; read the post as a reviewer would."


def enabled_families(settings) -> frozenset[str]:
    """The families whose second opinion runs: ``[tool.hclint.scorer] enabled`` and ``families``
    (ValueError naming the key when one is malformed)."""
    options = settings.family_options(TABLE)
    unknown = sorted(set(options) - set(KNOWN_KEYS))
    if unknown:
        raise ValueError(f"[tool.hclint.{TABLE}] unknown key '{unknown[0]}' (known: {', '.join(KNOWN_KEYS)})")
    value = options.get("enabled", ENABLED_BY_DEFAULT)
    if not isinstance(value, bool):
        raise ValueError(f"[tool.hclint.{TABLE}] 'enabled' must be true or false (got {value!r})")
    families = options.get("families", DEFAULT_FAMILIES)
    if not isinstance(families, (list, tuple)) or not all(f in SCORER_FAMILIES for f in families):
        raise ValueError(f"[tool.hclint.{TABLE}] 'families' must be a list of: {', '.join(SCORER_FAMILIES)} "
                         f"(got {families!r})")
    return frozenset(families) if value else frozenset()


def features_for(family: str, analysis: Analysis) -> list:
    """What the family's model reads: the parse's features (``learned.features``) and the family's own
    (``family_features``). Training (``tools/train_scorer.py``) reads the same."""
    from ..learned.features import features

    return features(analysis) + family_features(family, analysis)


def family_features(family: str, analysis: Analysis) -> list:
    """What only this family's model reads besides the parse: for PHI, the parts of a disclosure the PHI reading
    found (``phi.evidence``, all named "phi:...", so none repeats a parse feature); nothing for the others."""
    if family != "phi":
        return []
    from .phi.assessment import assess
    from .phi.evidence import evidence_features

    return evidence_features(assess(analysis))


def _readable(name: str) -> str:
    """A feature as a reader can take it in: "b:boost|immune" -> "boost immune"."""
    kind, _, rest = name.partition(":")

    def word(w: str) -> str:
        return w.replace("_", " ")

    if kind in ("b", "t"):
        return " ".join(word(w) for w in rest.split("|"))
    if kind == "c":
        return f"<{word(rest)}>"
    if kind == "d":
        head, dep, child = rest.split(">", 2)
        return f"{word(head)} -{dep}-> {word(child)}"
    if kind == "p":
        dep, _, child = rest.partition(">")
        return f"{word(child)} ({dep})"
    if kind == "phi":
        return "PHI reading: " + rest.replace(":", " ").replace("+", " with ").replace("_", " ")
    labels = {"neg": "not ", "imp": "imperative ", "e": "entity ", "f": "claim frame ", "lex": "<"}
    if kind in labels:
        return labels[kind] + word(rest) + (">" if kind == "lex" else "")
    return word(rest) if rest else kind


def _words(analysis: Analysis) -> int:
    return sum(1 for t in analysis.doc if t.is_alpha and not t.like_url and not t.text.startswith("@"))


@dataclass(frozen=True)
class SecondOpinion:
    """The rule of one family's scorer. ``defers_to`` names the rule ids (by prefix) whose findings
    at warning or above on the same post silence it (the engine applies this, see ``linter``)."""

    meta: RuleMeta
    scorer_family: str
    reads_as: str
    defers_to: tuple[str, ...]
    frames_decide: bool = False  # claims: the family's reading of frames and approved claims counts
    recorded_consent_decides: bool = False  # PHI: a recorded authorization or an animal patient ends it

    def eligible(self, analysis: Analysis) -> bool:
        """What does not depend on the weights: the switch, the model, enough words, the family's context."""
        return self.scorer_family in enabled_families(analysis.settings) and self.readable(analysis)

    def readable(self, analysis: Analysis) -> bool:
        """The model, enough words and the family's context leave the model something to judge."""
        if not analysis.has_model or _words(analysis) < MIN_WORDS:
            return False
        if self.frames_decide:
            from ..language.commerce import CARE
            from ..language.frames import MEASURE, frames_of
            from ..org_kind import is_public_health

            if is_public_health(analysis.settings):
                return False
            frames = frames_of(analysis)
            if frames and all(f.agent.kind in (MEASURE, CARE) or not analysis.assertion(f.claim_span).asserted
                              for f in frames):
                return False
        if self.recorded_consent_decides:
            from .phi.assessment import assess
            from .phi.individual import speaks_of_an_individual
            from .phi.people import ANIMAL

            assessment = assess(analysis)
            if assessment.authorization or assessment.veterinary_post:
                return False  # front matter holds the authorization; HIPAA does not cover animals
            if any(p.role == ANIMAL for p in assessment.people) and not any(p.may_be_patient for p in assessment.people):
                return False  # "Happy 9th birthday to Pepper ... 🐶": the one cared for is an animal
            if not speaks_of_an_individual(assessment):
                return False  # a shipment, a district's totals, advice to all: no one's health to disclose
        return True

    def opinion(self, analysis: Analysis):
        """(score, threshold, the sentence that weighed most, its strongest features) or None."""
        from ..learned.linear import load_scorer

        scorer = load_scorer(self.scorer_family)
        found = features_for(self.scorer_family, analysis)
        scored = scorer.score(found)
        weight: dict[int, float] = {}
        for feature, part in scored.reasons:
            if feature.at is not None:
                sentence = analysis.sentence_at(feature.at)
                weight[sentence.start_char] = weight.get(sentence.start_char, 0.0) + part
        if not weight:
            return None
        best = max(weight, key=lambda k: (weight[k], -k))
        sentence = analysis.sentence_at(best)
        reasons = [(f, p) for f, p in scored.reasons
                   if f.at is not None and sentence.start_char <= f.at < sentence.end_char]
        return scored.score, scorer.threshold, sentence, reasons

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not self.eligible(analysis):
            return
        found = self.opinion(analysis)
        if found is None:
            return
        score, threshold, sentence, reasons = found
        if score < threshold:
            return
        start, end = sentence.start_char, sentence.end_char
        while end > start and analysis.text[end - 1].isspace():
            end -= 1
        key = reasons[0][0]
        token = analysis.doc.char_span(key.at, key.at + 1, alignment_mode="expand")
        span = TextSpan(token.start_char, token.end_char, "model") if token is not None else TextSpan(start, end, "model")
        if not analysis.assertion(span).asserted:
            return  # negated, asked, quoted or refuted: the family would not count it either
        if self.frames_decide and self._approved(analysis, start, end):
            return  # the organisation registered this claim with its substantiation
        shown = ", ".join(f"'{_readable(f.name)}'" for f, _ in reasons[:3])
        evidence = tuple(self._evidence(analysis, f, p) for f, p in reasons[:5])
        yield Hit(start, end,
                  message=f"model's opinion (score {score:.2f}): {self.reads_as}; the {self.scorer_family} rules "
                          f"found nothing here (what weighed most: {shown})",
                  evidence=evidence, score=round(score, 4), category="MODEL-OPINION")


    @staticmethod
    def _approved(analysis: Analysis, start: int, end: int) -> bool:
        """An approved claim (``[tool.hclint.claim] approved_claims``) stands in the reported sentence."""
        from .claims.common import approved_spans

        return any(s < end and start < e for s, e, _ in approved_spans(analysis))

    def _evidence(self, analysis: Analysis, feature, weight: float) -> Evidence:
        """One feature that raised the score, with the word where it starts."""
        token = analysis.doc.char_span(feature.at, feature.at + 1, alignment_mode="expand")
        where = {"text": token.text, "start": token.start_char, "end": token.end_char} if token is not None else {}
        return Evidence(MODEL_EVIDENCE, _readable(feature.name), source=f"learned:{self.scorer_family}",
                        score=round(weight, 4), **where)


def _meta(rule_id: str, family: str, what: str, citation: str, url: str, examples: tuple[Example, ...]) -> RuleMeta:
    return RuleMeta(
        id=rule_id, name=f"{what.lower()}-model-opinion", family=family, severity=Severity.WARNING,
        message="model's opinion: this post reads like a violation the rules did not find",
        citation=citation, url=url,
        summary=f"A learned second opinion on {what}: reports a post the {what} rules pass when a small linear "
                "model trained on the project's labelled drafts scores it above the family's threshold. "
                "The message gives the score and the words that weighed most. Chosen with "
                "[tool.hclint.scorer] families (default: claims and PHI); off with enabled = false.",
        rationale=MODEL_NOTE, fix_safety=FIX_SAFETY, examples=examples, needs_model=True,
    )


CLAIMS = SecondOpinion(
    _meta("CLM090", "claim", "claim",
          "FTC Act §§5, 12 (15 U.S.C. 45, 52); FTC Health Products Compliance Guidance (Dec 2022); FD&C Act "
          "201(g)(1)(B) (intended to treat or prevent disease = drug) — as a model's opinion, to be checked",
          "https://www.ftc.gov/business-guidance/resources/health-products-compliance-guidance", (
              Example("Say goodbye to joint pain with our turmeric blend. Order yours now.", "fail"),
              Example("Our detox tea does not flush toxins and will not melt belly fat.", "pass"),
              Example("The flu vaccine lowers your risk of getting sick. Get yours at any pharmacy.", "pass"),
              # CLM013 reports it, so the model keeps its (high) opinion to itself
              Example("Our elderberry gummies support a healthy immune response all winter long. Shop the bundle "
                      "today!", "pass"),
          )),
    "claims", "this reads like a health claim by a seller", ("CLM",), frames_decide=True)
TONE = SecondOpinion(
    _meta("TON090", "tone", "tone",
          "AMA Code of Medical Ethics Opinion 9.6.1 (advertising and publicity); FTC Act §5 — as a model's "
          "opinion, to be checked",
          "https://code-medical-ethics.ama-assn.org/ethics-opinions/advertising-publicity", (
              Example("Prices slashed on all injectables this weekend, do not miss out.", "fail"),
              Example("Join us Saturday for a free community health fair with blood pressure checks and flu shots.",
                      "pass"),
              # TON001 and TON002 report it
              Example("Big savings on your smile makeover: veneers starting at $499 per tooth. Call now!", "pass"),
          )),
    "tone", "this reads like pressure or price-led selling of care", ("TON",))
INDUCEMENT = SecondOpinion(
    _meta("INC090", "tone", "inducement",
          "42 U.S.C. 1320a-7a(a)(5) (beneficiary inducements); 42 U.S.C. 1320a-7b(b) (Anti-Kickback Statute) — as "
          "a model's opinion, to be checked",
          "https://oig.hhs.gov/documents/special-advisory-bulletins/1111/SABGiftsandInducements.pdf", (
              Example("New patients who book a physical this month get a free insulated water bottle and a tote bag.",
                      "fail"),
              Example("Join us Saturday for a free community health fair with blood pressure checks and flu shots.",
                      "pass"),
              # INC004 reports it
              Example("Bring a friend to your next cleaning and you both get a $25 gift card.", "pass"),
          )),
    "inducement", "this reads like something of value offered for choosing or using our care", ("INC",))
ENDORSEMENT = SecondOpinion(
    _meta("END090", "endorsement", "endorsement",
          "FTC Endorsement Guides, 16 CFR Part 255; Trade Regulation Rule on Consumer Reviews and Testimonials, "
          "16 CFR Part 465 — as a model's opinion, to be checked",
          "https://www.ecfr.gov/current/title-16/chapter-I/subchapter-B/part-255", (
              Example("Our patients give us five stars every time, see why on Google and leave yours after your "
                      "visit, happy patients only please.", "fail"),
              Example("We are hiring medical assistants at our downtown office. Apply on our careers page.", "pass"),
              # END001 reports it
              Example("Everyone on my feed keeps asking about my skin, so here it is: I get my facials at Glow Studio "
                      "and you should too! Use my link for 20% off.", "pass"),
          )),
    "endorsement", "this reads like an undisclosed, bought or atypical endorsement", ("END",))

PHI = SecondOpinion(
    _meta("PHI090", "phi", "PHI",
          "HIPAA Privacy Rule, 45 CFR 164.502(a) (uses and disclosures) and 164.508 (authorization); 45 CFR "
          "164.514(b)(2) (identifiers) — as a model's opinion, to be checked",
          "https://www.hhs.gov/hipaa/for-professionals/privacy/guidance/marketing/index.html", (
              Example("Our unit clerk's dad spent the week with us after his stroke. He is home now and already "
                      "back to bossing everyone around!", "fail"),
              Example("Our unit clerk's dad spent the week with us after his stroke. He is home now and already "
                      "back to bossing everyone around!", "pass", metadata={"hipaa_authorization": "AUTH-2291"}),
              Example("Cardiac rehab builds strength after a heart attack. Ask your cardiologist whether it fits "
                      "your plan.", "pass"),
              Example("Our cardiac rehab team ran the city half marathon together this weekend. Proud of you all!",
                      "pass"),
              # it speaks of no one in particular (rules/phi/individual.py), so the model does not read it
              Example("Our pharmacy team unpacked the first boxes of the new shingles vaccine this morning and we "
                      "are thrilled to start appointments.", "pass"),
              # PHI007 reports it, so the model keeps its (high) opinion to itself
              Example("Big hugs to the grandma who rang the bell in our infusion suite this morning after her last "
                      "round.", "pass"),
          )),
    "phi", "this reads like it tells one person's care or health", ("PHI",), recorded_consent_decides=True)

RULES = (CLAIMS, TONE, INDUCEMENT, ENDORSEMENT, PHI)


def rules(settings) -> tuple:
    return RULES


def new_recognizers(settings) -> tuple:
    return ()
