"""TON004: a post that reads as sales-driven as a whole, even when no single phrase is unlawful."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ...analysis import Analysis
from ...model import Applicability, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from .options import tone_options
from .profile import MIN_COMMERCIAL_CUES, is_recruiting, tone_profile
from .spans import sentences


@dataclass(frozen=True)
class SalesDrivenTone:
    meta: RuleMeta = field(default=RuleMeta(
        id="TON004",
        name="sales-driven-tone",
        family="tone",
        severity=Severity.WARNING,
        message="this post reads as sales-driven (tone score {score:.2f}, threshold {threshold:.2f}): "
                "{commercial} selling cues against {other} educational or community cues",
        citation="AMA Code of Medical Ethics Opinion 9.6.1 (advertising and publicity); "
                 "AMA Opinion 2.3.2 (professionalism in the use of social media)",
        url="https://code-medical-ethics.ama-assn.org/ethics-opinions/advertising-publicity",
        summary="Scores how sales-driven a post reads: the share of selling cues (prices, offers, purchase "
                "and upsell wording) among all selling, educational and community cues. Reports the score "
                "as the 'tone_score' metric and flags the post when it reaches [tool.hclint.tone] "
                "tone_threshold (default 0.6) with at least three selling cues.",
        rationale="Professional codes expect health communication to inform rather than sell; a caption made "
                  "of offers, upsells and shopping language commodifies care even when each phrase is lawful.",
        fix_safety="No automatic fix: rebalancing a post means rewriting it. The suggestion is advice only.",
        examples=(
            Example("Shop our premium skincare bundles! VIP members get exclusive perks, luxury add-ons and "
                    "rewards at checkout. Treat yourself!", "fail"),
            Example("Sunscreen tip: use SPF 30 or higher and reapply every two hours. Our dermatologists "
                    "recommend broad-spectrum protection for kids and adults.", "pass"),
            Example("We're hiring! Join our team: sign-on bonus, premium benefits package and VIP parking. "
                    "Apply today.", "pass"),
        ),
    ))

    def measure(self, analysis: Analysis) -> Mapping[str, float]:
        """The tone score of every post, reported whether or not it reaches the threshold."""
        return tone_profile(analysis).metrics()

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        threshold = tone_options(analysis.settings).tone_threshold
        profile = tone_profile(analysis)
        if len(profile.commercial) < MIN_COMMERCIAL_CUES or profile.score < threshold:
            return
        if is_recruiting(analysis):
            return
        sents = sentences(analysis)
        densest = max(sents, key=lambda s: sum(s.contains(m.start(), m.end()) for m in profile.commercial))
        yield Hit(
            densest.start, densest.end,
            message=self.meta.message.format(score=profile.score, threshold=threshold,
                                             commercial=len(profile.commercial),
                                             other=profile.educational + profile.relational),
            category="SALES-TONE",
            score=round(profile.score, 3),
            metrics=profile.metrics(),
            evidence=tuple(Evidence("pattern", "selling cue", m.group(0), m.start(), m.end(), "vocabulary:tone_commercial")
                           for m in profile.commercial),
            suggestions=(Suggestion("Lead with what the care is for and who it suits; cut the offer, upsell and "
                                    "shopping language, and add useful health information", (),
                                    Applicability.DISPLAY),),
        )
