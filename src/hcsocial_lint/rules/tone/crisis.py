"""TON003: selling on a crisis: outbreak specials, stimulus-check promotions, fear appeals tied to
an offer, and income claims aimed at people hit by a pandemic."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ...analysis import Analysis
from ...model import Applicability, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from ...nlp.context import is_myth_context, is_quoted
from .profile import tone_profile
from .spans import iter_windows, matches, sentences


@dataclass(frozen=True)
class CrisisSelling:
    meta: RuleMeta = field(default=RuleMeta(
        id="TON003",
        name="crisis-exploiting-sales",
        family="tone",
        severity=Severity.ERROR,
        message="sales offer tied to a crisis ('{crisis}' with '{offer}'): do not sell on fear of an outbreak "
                "or disaster",
        citation="FTC Act §5; COVID-19 Consumer Protection Act (2020); FTC warning letters on COVID-19 health "
                 "and earnings claims (2020); AMA Code of Medical Ethics Opinion 9.6.1; state price-gouging laws",
        url="https://www.ftc.gov/news-events/features/coronavirus/warning-letters",
        summary="Finds an offer (a price, discount, deal, special, bundle or package) or an income claim in the same or the next sentence as an outbreak, "
                "disaster, stimulus payment or fear appeal ('COVID special: 25% off immune drips', "
                "'Got your stimulus check? $50 off filler', 'lost your job in the pandemic? earn $4,000 a month').",
        rationale="Using a public-health crisis to create urgency or fear in order to sell is what the FTC's "
                  "COVID-19 letters, platform ad policies and professional codes single out; it also tends to "
                  "come with unlawful prevention or cure claims.",
        fix_safety="No automatic fix: the suggestion is advice (drop the crisis tie-in or the offer). Free "
                   "public-health services ('free COVID-19 testing') are not offers and are not flagged.",
        examples=(
            Example("COVID-19 special: our immunity IV drip is 25% off while the pandemic lasts!", "fail"),
            Example("Got your stimulus check? Treat yourself to lip filler, $50 off this month!", "fail"),
            Example("COVID-19 vaccines are free for everyone 6 months and older. Find a location at vaccines.gov.", "pass"),
            Example("Our clinic remains open during the pandemic, with telehealth visits available.", "pass"),
            Example("HHS awarded $2 billion to hospitals during the pandemic.", "pass"),
        ),
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        crises = matches("tone_crisis", text)
        if not crises:
            return
        sents = sentences(analysis)
        profile = tone_profile(analysis)
        offers = matches("tone_offers", text) + matches("tone_earnings", text)
        reported: set[int] = set()
        for crisis in crises:
            sentence = analysis.sentence_at(crisis.start())
            if is_quoted(analysis.doc, sentence, crisis.start(), crisis.end()) or \
                    is_myth_context(analysis.doc, sentence, crisis.start(), crisis.end()):
                continue
            index = next((i for i, s in enumerate(sents) if s.contains(crisis.start())), None)
            if index is None or index in reported:
                continue
            window = list(iter_windows(sents, index, before=1, after=1))
            offer = next((o for o in offers if any(s.contains(o.start(), o.end()) for s in window)), None)
            if offer is None:
                continue
            reported.add(index)
            yield Hit(
                crisis.start(), crisis.end(),
                message=self.meta.message.format(crisis=crisis.group(0), offer=offer.group(0)),
                category="CRISIS-SALES",
                metrics=profile.metrics(),
                evidence=(Evidence("context", "crisis", crisis.group(0), crisis.start(), crisis.end(), "vocabulary:tone_crisis"),
                          Evidence("pattern", "offer", offer.group(0), offer.start(), offer.end(),
                                   "vocabulary:tone_offers/tone_earnings")),
                suggestions=(Suggestion("Remove the crisis tie-in or the offer; share public-health guidance "
                                        "without a sales pitch", (), Applicability.DISPLAY),),
            )
