"""END008: endorsements the practice solicits from people it is connected to, with no disclosure asked for.

Two shapes, both read from shared notions of the language layer:

* staff asked to post, share, tag or review: a *directive* whose addressee is the organisation's own
  people ("Team, please share this from your personal accounts", "Employees: review us on Google");
* people paid in kind for posting: an *offer* whose act is promoting us on social media and whose reward
  is a discount, credit, gift or cash ("ambassadors get 20% off for every post that tags us").

Either is fine when the post tells them to disclose the connection ("say that you work here", "#ad").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ...analysis import Analysis
from ...language.directives import directives
from ...language.offers import PAYMENT_LINKS, offers
from ...language.spans import TextSpan
from ...language.voice import first_person_plural, first_person_singular
from ...model import Applicability, Evidence, Example, Hit, RuleMeta, Severity, Suggestion

ENDORSING_ACTS = ("act_promote", "act_review")
# What staff are handed to publish as their own ("a caption for employees to post"); a checklist or a
# leaflet for staff to share with patients is not published content.
PUBLISHABLE = frozenset({"post", "caption", "tweet", "story", "reel", "template", "script", "blurb", "graphic",
                         "review", "copy", "status", "update"})


def _in_sentence_after(analysis: Analysis, at: TextSpan, lexicon: str, reach: int = 60) -> TextSpan | None:
    sentence = analysis.sentence_at(at.start)
    return next((c for c in analysis.cues(lexicon)
                 if c.overlaps(at) or (at.start <= c.start < sentence.end_char and c.start - at.end <= reach)), None)


def _act_in(analysis: Analysis, verb: TextSpan) -> tuple[str, TextSpan] | None:
    """The endorsing act a directive urges: a review, or posting on a platform (where it is posted says
    that the act is publishing: "share any questions with your manager" is not)."""
    for lexicon in ENDORSING_ACTS:
        cue = _in_sentence_after(analysis, verb, lexicon, 40)
        if cue is None:
            continue
        if lexicon == "act_review" or _in_sentence_after(analysis, verb, "social_platforms") is not None:
            return lexicon, cue
    return None


def _content_for_staff(analysis: Analysis) -> tuple[TextSpan, TextSpan] | None:
    """Content prepared for staff to publish: "suggested post for employees", "a caption for our team"."""
    doc = analysis.doc
    for staff in analysis.cues("audience_staff"):
        token = doc.char_span(staff.start, staff.end, alignment_mode="expand")
        if token is None:
            continue
        head = token.root.head
        if token.root.dep_ == "nsubj" and any(c.dep_ == "mark" and c.lower_ == "for" for c in head.children) and \
                head.dep_ in {"relcl", "acl", "advcl"} and head.head.lemma_.lower() in PUBLISHABLE:
            # "a ready-made post for staff to share", "a caption for employees to post": staff are the
            # ones who will publish it
            for cue in analysis.cues("act_promote"):
                if cue.start <= head.idx < cue.end:
                    return staff, cue
            continue
        if head.lower_ != "for" or head.head == head:
            continue
        content = head.head
        for cue in analysis.cues("act_promote"):
            if cue.start <= content.idx < cue.end:
                return staff, cue
    return None


def _is_staff(analysis: Analysis, span: TextSpan | None) -> bool:
    return span is not None and any(span.start <= c.start and c.end <= span.end for c in analysis.cues("audience_staff"))


def _endorser_discloses(analysis: Analysis) -> bool:
    """One person telling of their own deal and disclosing it ("I'm an ambassador for @clinic", "they gave me
    this facial for free in exchange for a post"): the endorser's post, not the practice soliciting one."""
    from .disclosure import disclosures
    return bool(first_person_singular(analysis.doc)) and not first_person_plural(analysis.doc) and \
        bool(disclosures(analysis, connected=True))


def _names_the_speaker(analysis: Analysis, act: TextSpan) -> bool:
    """ "Mention my name for a free consult": the reader tells the practice who sent them (a referral),
    nothing is posted."""
    span = analysis.doc.char_span(act.start, act.end, alignment_mode="expand")
    return span is not None and any(
        c.dep_ == "dobj" and (c.lower_ in {"me", "name"} and any(t.lower_ in {"my", "me"} for t in c.subtree))
        for c in span.root.children)


def _asks_to_disclose(analysis: Analysis) -> bool:
    return any(analysis.assertion(c).asserted for c in analysis.cues("disclosure_instructions"))


@dataclass(frozen=True)
class SolicitedEndorsement:
    meta: RuleMeta = field(default=RuleMeta(
        id="END008",
        needs_model=True,
        name="solicited-insider-or-paid-endorsement",
        family="endorsement",
        severity=Severity.ERROR,
        message="{what} without asking them to disclose the connection",
        citation="16 CFR 465.5 (insider reviews and testimonials: officers, managers, employees and agents; "
                 "soliciting them without instructing disclosure); FTC Endorsement Guides 16 CFR 255.5 "
                 "(material connections, including employment and free or discounted products, must be "
                 "disclosed) and 255.1(d) (advertisers must monitor and instruct their endorsers)",
        url="https://www.ecfr.gov/current/title-16/chapter-I/subchapter-D/part-465",
        summary="Reads directives and offers: a request to the organisation's own staff to post, share, tag or "
                "review (addressed to 'team', 'staff', 'employees', 'new hires' ...), and a reward (discount, "
                "credit, gift, cash) offered for posting about the practice ('patient ambassadors get 20% off "
                "for every post that tags us'). It is satisfied when the post tells them to disclose the "
                "connection ('say you work here', '#ad', 'paid partnership'). A review asked of staff is critical.",
        rationale="Posts by employees and by people paid in discounts look like independent opinions; the FTC "
                  "holds the advertiser liable for them and requires the connection to be disclosed, and the "
                  "2024 rule makes soliciting undisclosed insider reviews a civil-penalty violation.",
        fix_safety="No automatic fix. Add a clear instruction to disclose ('if you post, say that you work here' / "
                   "'use #ad'), or drop the reward.",
        examples=(
            Example("Team, please share this promo from your personal Instagram accounts this week!", "fail"),
            Example("Staff: leave us a Google review before Friday's huddle.", "fail"),
            Example("Join our patient ambassador program: get 20% off your next facial for every post that tags "
                    "@LumenSkin!", "fail"),
            Example("Team, if you share this post, please say that you work here.", "pass"),
            Example("Staff: the new parking rules start Monday; share any questions with your manager.", "pass"),
            Example("Share this post to help us reach more families with free flu shots.", "pass"),
            Example("Suggested post for employees: 'Proud to work somewhere that treats every patient like '"
                    "family!'", "fail"),
            Example("Here is a ready-made caption for employees to post on their own pages: 'Best IV lounge in "
                    "town!'", "fail"),
            Example("Here is a checklist for staff to share with new patients at check-in.", "pass"),
            Example("I'm a brand ambassador for @MeadowPhysio and I rate their team. Mention my name for a free "
                    "assessment.", "pass"),
        ),
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if _asks_to_disclose(analysis):
            return
        for directive in directives(analysis):
            if directive.negative or not _is_staff(analysis, directive.addressee):
                continue
            found = _act_in(analysis, directive.verb)
            if found is None:
                continue
            lexicon, act = found
            review = lexicon == "act_review"
            addressee = directive.addressee
            yield Hit(
                directive.verb.start, max(act.end, directive.verb.end),
                message=self.meta.message.format(
                    what=f"{'review' if review else 'post'} asked of the organisation's own people "
                         f"('{addressee.text}' urged to '{directive.verb.text}')"),
                severity=Severity.CRITICAL if review else None,
                category="INSIDER-ENDORSEMENT",
                evidence=(Evidence("frame", "addressee", addressee.text, addressee.start, addressee.end,
                                   "language.directives"),
                          Evidence("frame", "urged act", act.text, act.start, act.end, f"lexicon:{lexicon}")),
                suggestions=(Suggestion("Tell them to disclose that they work here (or drop the request)", (),
                                        Applicability.DISPLAY),),
            )
            return
        prepared = _content_for_staff(analysis)
        if prepared is not None:
            staff, content = prepared
            yield Hit(
                min(content.start, staff.start), max(content.end, staff.end),
                message=self.meta.message.format(what=f"content written for the organisation's own people to "
                                                      f"publish ('{content.text}' for '{staff.text}')"),
                category="INSIDER-ENDORSEMENT",
                evidence=(Evidence("frame", "addressee", staff.text, staff.start, staff.end, "lexicon:audience_staff"),
                          Evidence("frame", "content", content.text, content.start, content.end, "lexicon:act_promote")),
                suggestions=(Suggestion("Have staff say that they work here in every post they publish", (),
                                        Applicability.DISPLAY),),
            )
            return
        reviewed = analysis.cues("act_review")
        own_deal = _endorser_discloses(analysis)
        for offer in offers(analysis, "act_promote"):
            if not offer.given or offer.link not in PAYMENT_LINKS or own_deal or _names_the_speaker(analysis, offer.act):
                continue
            sentences = (analysis.sentence_at(offer.act.start), analysis.sentence_at(offer.reward.start))
            if offer.reward.label == "chance" or any(s.start_char <= c.start < s.end_char for s in sentences
                                                     for c in analysis.cues("offer_reward_chance")):
                continue  # "share this to be entered to win": a contest, INC002's
            if any(sentences[0].start_char <= r.start < sentences[0].end_char for r in reviewed):
                continue  # a reward for a review is END005's
            yield Hit(
                offer.act.start, offer.act.end,
                message=self.meta.message.format(what=f"paid posts: {offer.explain()}"),
                category="PAID-ENDORSEMENT",
                evidence=(Evidence("frame", "reward", offer.reward.text, offer.reward.start, offer.reward.end,
                                   "language.offers"),
                          Evidence("frame", f"act ({offer.link})", offer.act.text, offer.act.start, offer.act.end,
                                   "lexicon:act_promote")),
                suggestions=(Suggestion("Require a clear disclosure ('#ad', 'I get a discount for posting') in "
                                        "every rewarded post, or drop the reward", (), Applicability.DISPLAY),),
            )
            return
