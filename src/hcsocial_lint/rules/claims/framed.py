"""What a claim frame means in law: a promoter's claim, or public-health education.

The frames themselves (promoter, effect, target) come from the language layer
(``language.frames``); this module decides which of them the claim rules report:

* a frame whose agent is the organisation's own thing or a sold thing ("our spray", "CBD") is a
  claim, hedged or not: "may help prevent COVID" still needs the evidence (21 CFR 101.93(g); FTC
  Health Products Compliance Guidance: qualifiers do not cure an unsubstantiated disease claim);
* a fragment without a subject ("Helps anxiety and depression", a caption or a bio line) describes
  an unnamed thing and is a claim too, unless the organisation declares itself a public-health body;
* any other agent ("your body", "researchers") makes a claim only in a post that sells;
* clinicians or a place of care treating a disease ("our neurologists treat Alzheimer's") practise
  medicine; a kind of practice hedged in a post that sells nothing ("acupuncture may help some people
  with back pain") teaches; neither is a promoter's claim. A kind of sold *substance* hedged the same
  way ("hemp extract might be useful in treating addiction") is still that substance's disease claim,
  the way its sellers' pages make it, but with nothing sold in the post it is reported as a warning
  (``tentative``);
* a public-health measure or an approved medicine in its labelled use ("vaccines prevent measles",
  "wash your hands to stop the flu") is education, whoever posts it;
* the body's defences boosted or promised against an outbreak pathogen ("strengthen your immunity
  to beat the flu and COVID-19") are the implied outbreak claim of the FTC's
  COVID-19 letters: an error in a post that sells, a warning otherwise (``tentative``), and nothing
  from an organisation that declares itself a public-health body;
* negated, asked, quoted and refuted frames are not asserted and never count.

Nothing here reads an agency's name: "CDC" in a post decides nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...analysis import Analysis
from ...language.commerce import CARE
from ...language.commerce import PRODUCTS, lexicon_cues
from ...language.frames import DEFENCES, ELIDED, HASHTAG, MEASURE, MODIFIED, SELLER, Frame, frames_of
from ...org_kind import is_public_health


@dataclass(frozen=True)
class Claim:
    frame: Frame
    hedged: bool
    reason: str
    tentative: bool = False  # a warning: a kind of sold substance hedged, or defences boosted, nothing sold

    @property
    def implied(self) -> bool:
        """The claim is implied, not stated: the body's defences boosted against a pathogen, or a
        hashtag joining a condition and a remedy ("#migrainerelief") on a post naming a sold thing."""
        return self.frame.agent.kind == DEFENCES or self.frame.how == HASHTAG


def names_sold_thing(analysis: Analysis) -> bool:
    return bool(lexicon_cues(analysis, PRODUCTS))


def claims(analysis: Analysis, *classes: str) -> list[Claim]:
    """The asserted claim frames of the post whose target is of one of ``classes``."""
    public_health = is_public_health(analysis.settings)
    found: list[Claim] = []
    for frame in frames_of(analysis):
        if frame.target_class not in classes or frame.agent.kind in (MEASURE, CARE):
            continue
        kind = frame.agent.kind
        if kind == SELLER:
            reason = f"the promoter is {frame.agent.why}"
        elif kind == ELIDED and not public_health:
            reason = "a fragment that describes an unnamed thing"
        elif kind == DEFENCES and not public_health:
            reason = "an implied claim: " + frame.agent.why
        elif frame.sells and not public_health:
            reason = "the post sells"
        else:
            continue
        span = frame.claim_span
        assertion = analysis.assertion(span)
        if not assertion.asserted:
            continue
        # a verbless list of benefits ("less pain, better sleep") with nothing sold or named is a weak
        # implication: its promoter is unknown
        listed = frame.how == MODIFIED and kind == ELIDED and not names_sold_thing(analysis)
        tentative = (assertion.hedged and frame.agent.generic or kind == DEFENCES or listed) and not frame.sells
        if tentative and frame.agent.practice and frame.target_class != "outbreak":
            continue  # "acupuncture may help some people with back pain": a kind of practice, hedged, nothing sold
        found.append(Claim(frame, assertion.hedged, reason, tentative))
    return found
