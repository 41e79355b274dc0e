"""END009: claims that experts, celebrities or the media endorse a product or service.

Whether the endorsement is real cannot be read from the text; that it is claimed can. The finding asks
the author to hold what the law requires of such a claim: the endorser really uses the product and holds
the view (16 CFR 255.1), an expert has and applied the expertise (255.3), the celebrity or outlet
authorized it (465.2), and any payment is disclosed (255.5).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ...analysis import Analysis
from ...model import Applicability, Evidence, Example, Hit, RuleMeta, Severity, Suggestion


@dataclass(frozen=True)
class ExpertOrCelebrityEndorsement:
    meta: RuleMeta = field(default=RuleMeta(
        id="END009",
        name="expert-or-celebrity-endorsement",
        family="endorsement",
        severity=Severity.WARNING,
        message="expert, celebrity or media endorsement claimed ('{match}'): it must be true, authorized and "
                "substantiated, and any payment disclosed",
        citation="FTC Endorsement Guides 16 CFR 255.1 (endorsements must reflect the endorser's honest, current "
                 "views and use), 255.3 (expert endorsements), 255.5 (material connections); 16 CFR 465.2 "
                 "(celebrity testimonials that misrepresent); ERSP referral of Garcinia Cambogia ZT ('as seen on')",
        url="https://www.ecfr.gov/current/title-16/chapter-I/subchapter-B/part-255",
        summary="Finds asserted claims that doctors, dentists, dermatologists, celebrities or the media "
                "recommend, use or featured the product or service ('doctor recommended', 'as seen on', "
                "'celebrity favorite'). Negated and asked ones are skipped.",
        rationale="Expert and celebrity endorsements carry weight only if real; the FTC requires the endorser to be "
                  "a bona fide user with the claimed expertise, bars fake celebrity testimonials, and requires any "
                  "payment to be disclosed. The linter cannot see the paperwork, so it asks.",
        fix_safety="No automatic fix. Keep the claim only with the endorser's permission and substantiation on "
                   "file, and name any payment; otherwise remove it.",
        examples=(
            Example("Dermatologist recommended! Our new vitamin C serum is back in stock.", "fail"),
            Example("As seen on morning TV: the IV drip that beats jet lag.", "fail"),
            Example("Is 'doctor recommended' on a label proof of anything? Not always: ask your pharmacist.", "pass"),
            Example("Our dermatologists recommend a broad-spectrum SPF 30 every day.", "pass"),
        ),
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for cue in analysis.cues("endorser_claims"):
            if not analysis.assertion(cue).asserted:
                continue
            yield Hit(cue.start, cue.end, message=self.meta.message.format(match=cue.text),
                      category="EXPERT-ENDORSEMENT",
                      evidence=(Evidence("pattern", "endorsement claim", cue.text, cue.start, cue.end,
                                         "lexicon:endorser_claims"),),
                      suggestions=(Suggestion("Keep the claim only with permission and substantiation on file, "
                                              "and disclose any payment", (), Applicability.DISPLAY),))
            return
