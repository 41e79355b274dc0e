"""END005 and END007: reviews bought with an incentive, and review gating.

Both read shared notions of the language layer rather than sentence patterns: an *offer* (a reward
tied to an act, ``language.offers``) whose act is reviewing, and a *directive* (who is urged to do
what, on what condition, ``language.directives``) that asks for a review only under a happy condition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...analysis import Analysis
from ...language.reported import unreported
from ...language.directives import Directive, directives
from ...language.offers import PAYMENT_LINKS, Offer, offers
from ...language.spans import TextSpan
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion

PART_465 = "https://www.ecfr.gov/current/title-16/chapter-I/subchapter-D/part-465"


def _within(span: TextSpan, cues: tuple[TextSpan, ...]) -> TextSpan | None:
    return next((c for c in cues if span.start <= c.start and c.end <= span.end), None)


def _sentiment_near(analysis: Analysis, offer: Offer) -> TextSpan | None:
    """A positive-sentiment word qualifying the reviewed act: "5-star", "positive" next to "review"."""
    act = offer.act
    sentence = analysis.sentence_at(act.start)
    for cue in analysis.cues("sentiment_positive"):
        if not sentence.start_char <= cue.start < sentence.end_char:
            continue
        if cue.overlaps(act) or (0 <= act.start - cue.end <= 12) or (0 <= cue.start - act.end <= 4):
            return cue
    return None


_REWARD_JOIN = re.compile(r"(?:\s*,)?\s+(?:and|&)\s+")
_CHANGE = re.compile(r"\b(?:change|update|edit|remove|delete|take\s+down|bump)\b", re.I)
_STARS = re.compile(r"\b\d\s*stars?\b", re.I)
_ARTICLE_BEFORE = re.compile(r"\ba\s+$", re.I)


def _honest_request(analysis: Analysis, offer: Offer, sentiment: TextSpan | None) -> Suggestion | None:
    """"Leave us a 5-star review on Google and get 10% off!" -> "Leave us an honest review on Google!":
    the reward clause goes and the asked-for sentiment becomes "honest". Only when the reward
    trails the act in its own "and ..." clause, so that the request stands without it."""
    if offer.link != "and" or offer.reward.start <= offer.act.end:
        return None
    text = analysis.post.original
    sentence = analysis.sentence_at(offer.act.start)
    if not sentence.start_char <= offer.reward.start < sentence.end_char:
        return None
    joins = list(_REWARD_JOIN.finditer(text, offer.act.end, offer.reward.start))
    if not joins or _CHANGE.search(text, sentence.start_char, joins[-1].start()):
        return None  # "change your 1-star review to 5 stars": no honest request is left in it
    if any(c.start < joins[-1].start() and c != sentiment and sentence.start_char <= c.start
           for c in analysis.cues("sentiment_positive")) or _STARS.search(text, sentence.start_char, joins[-1].start()):
        return None
    end = sentence.end_char
    while end > joins[-1].start() and not (text[end - 1].isalnum() or text[end - 1] in ")\"'”’%"):
        end -= 1
    edits = [Edit(joins[-1].start(), end, "")]
    if sentiment is not None and sentiment.end <= joins[-1].start():
        article = _ARTICLE_BEFORE.search(text, sentence.start_char, sentiment.start)
        if article is not None:
            edits.insert(0, Edit(article.start(), sentiment.end, "an honest"))
        else:
            edits.insert(0, Edit(sentiment.start, sentiment.end, "honest"))
    return Suggestion("Drop the reward and ask for an honest review", tuple(edits), Applicability.UNSAFE)


def _disclosed(analysis: Analysis) -> bool:
    from .disclosure import disclosure_flagged, disclosures
    return disclosure_flagged(analysis) or bool(disclosures(analysis, connected=True))


@dataclass(frozen=True)
class IncentivisedReview:
    meta: RuleMeta = field(default=RuleMeta(
        id="END005",
        name="incentivised-or-fake-review",
        family="endorsement",
        severity=Severity.CRITICAL,
        message="review incentive: {explain}{sentiment}",
        citation="16 CFR 465.4 (buying positive or negative consumer reviews: incentives conditioned on "
                 "sentiment); 16 CFR 465.2 (fake reviews); FTC Endorsement Guides 16 CFR 255.2 and 255.5 "
                 "(incentivised reviews must be disclosed and never conditioned on sentiment); FTC v. Cure "
                 "Encapsulations (2019)",
        url=PART_465,
        summary="Finds offers that tie a reward (cash, a gift card, a discount or credit, a free product or "
                "service, an entry in a draw) to leaving, updating or checking in with a review or a star "
                "rating, read from the parse as an offer frame ('X for every review', 'review us and get X', "
                "'when you check in and review us, X', 'Thanks for the review! Enjoy X'), and reviews bought "
                "or swapped outright. It is critical when the incentive asks for a positive review.",
        rationale="Paying for reviews, above all for positive ones, turns the review record into advertising; the "
                  "2024 FTC rule allows civil penalties per violation. Asking every patient for an honest review, "
                  "with nothing in return, is fine.",
        fix_safety="Unsafe. When the reward trails the request in its own clause ('review us ... and get X'), the "
                   "fix drops that clause and asks for an honest review instead of a 5-star or positive one; "
                   "otherwise there is no automatic fix: remove the incentive and ask everyone for honest "
                   "feedback without conditions.",
        examples=(
            Example("Leave us a 5-star review on Google and get 10% off your next visit!", "fail",
                    fixed="Leave us an honest review on Google!"),
            Example("We'll give you a $20 credit for every positive review you post.", "fail"),
            Example("Looking for people to write reviews for our clinic: $5 per review, no visit needed.", "fail"),
            Example("Check in on Yelp and review us today to get a free smoothie at the front desk.", "fail"),
            Example("Every five-star rating this month enters you in our draw for a spa day.", "fail"),
            Example("We'd love to hear about your experience, good or bad. You can leave a review on Google.", "pass"),
            Example("Thank you for all the reviews this year! We read every one and use them to get better.", "pass"),
            Example("We never offer discounts or gifts for reviews.", "pass"),
            Example("#ad @PureSkinMD gave me a free peel in exchange for my honest review, so here it is.", "pass"),
            Example("The FTC fined a med spa for giving patients 20% off in exchange for 5-star reviews.", "pass"),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        # news of someone else's offer ("regulators fined a clinic for ...") is not the post's own
        yield from unreported(analysis, self._hits(analysis))

    def _hits(self, analysis: Analysis) -> Iterator[Hit]:
        found = [o for o in offers(analysis, "act_review") if o.given and o.link in PAYMENT_LINKS | {"with", "clause"}
                 and _act_done(analysis, o)]
        if found:
            offer = found[0]
            sentiment = _sentiment_near(analysis, offer)
            if sentiment is None and _disclosed(analysis):
                return  # an incentive for an honest review, disclosed in the review itself (16 CFR 255.5)
            yield Hit(
                offer.act.start, offer.reward.end if offer.reward.end > offer.act.end else offer.act.end,
                message=self.meta.message.format(
                    explain=offer.explain(),
                    sentiment=f"; conditioned on a positive review ('{sentiment.text}')" if sentiment else ""),
                severity=Severity.CRITICAL if sentiment else Severity.ERROR,
                category="BOUGHT-REVIEW",
                evidence=(Evidence("frame", "reward", offer.reward.text, offer.reward.start, offer.reward.end,
                                   "language.offers"),
                          Evidence("frame", f"act ({offer.link})", offer.act.text, offer.act.start, offer.act.end,
                                   "lexicon:act_review")),
                suggestions=tuple(s for s in (
                    _honest_request(analysis, offer, sentiment),
                    Suggestion("Remove the incentive; invite every patient to leave an honest review, good "
                               "or bad, with nothing in return", (), Applicability.DISPLAY)) if s is not None),
            )
            return
        for cue in analysis.cues("review_buying"):
            if analysis.assertion(cue).asserted:
                yield Hit(cue.start, cue.end, message=f"review incentive: reviews bought or swapped ('{cue.text}')",
                          category="BOUGHT-REVIEW",
                          evidence=(Evidence("pattern", "bought reviews", cue.text, cue.start, cue.end,
                                             "lexicon:review_buying"),))
                return


def _asks_for_review(analysis: Analysis, directive: Directive) -> TextSpan | None:
    """The review the directive asks for: in the urged verb's own clause or right after it."""
    sentence = analysis.sentence_at(directive.verb.start)
    window = TextSpan(directive.verb.start, sentence.end_char, "window")
    return _within(window, analysis.cues("act_review")) or _within(window, analysis.cues("review_sites"))


def _gated(analysis: Analysis, directive: Directive) -> TextSpan | None:
    """The happy-only condition of a review request: in its condition or its addressee."""
    for part in (directive.condition, directive.addressee):
        if part is None:
            continue
        if _within(part, analysis.cues("sentiment_negative")):
            continue
        cue = _within(part, analysis.cues("sentiment_positive"))
        if cue is not None:
            return cue
    return None


def _private_route(analysis: Analysis, review: Directive) -> Directive | None:
    """A directive sending dissatisfied patients to a private channel instead."""
    for other in directives(analysis):
        if other is review or other.condition is None:
            continue
        if _within(other.condition, analysis.cues("sentiment_negative")) is None:
            continue
        sentence = analysis.sentence_at(other.verb.start)
        window = TextSpan(other.verb.start, sentence.end_char, "window")
        if other.verb.label in {"email", "call", "message", "text", "contact", "dm", "tell", "reach"} or \
                _within(window, analysis.cues("channel_private")):
            return other
    return None


def _only_happy(analysis: Analysis) -> tuple[TextSpan, TextSpan, TextSpan] | None:
    """ "We only send our Google link to happy patients": "only" restricting who is asked to review to
    the satisfied. The focus word must govern, or sit in the clause of, the happy condition."""
    doc = analysis.doc
    for token in doc:
        if token.lower_ != "only" or analysis.assertion(TextSpan(token.idx, token.idx + 4, "only")).negated:
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].like_num:
            continue  # "only 5 spots left" restricts a number, not who is asked
        sentence = token.sent
        scope = token.head.subtree if token.head != token else sentence
        scope = [t for t in scope]
        lo, hi = scope[0].idx, scope[-1].idx + len(scope[-1].text)
        inside = lambda c: sentence.start_char <= c.start < sentence.end_char  # noqa: E731
        happy = next((c for c in analysis.cues("sentiment_positive")
                      if lo <= c.start < hi and c.start > token.idx), None)
        review = next((c for c in (*analysis.cues("act_review"), *analysis.cues("review_sites")) if inside(c)), None)
        if happy is not None and review is not None:
            return TextSpan(token.idx, token.idx + 4, "only", token.text), happy, review
    return None


@dataclass(frozen=True)
class ReviewGating:
    meta: RuleMeta = field(default=RuleMeta(
        id="END007",
        needs_model=True,
        name="review-gating",
        family="endorsement",
        severity=Severity.ERROR,
        message="review gating: a review is asked for only when the patient is happy ('{condition}'){route}",
        citation="FTC Endorsement Guides, 16 CFR 255.2 (as revised 2023: procuring or suppressing reviews so that "
                 "they misrepresent what consumers think); 16 CFR 465.7 (review suppression); FTC Act §5",
        url="https://www.ecfr.gov/current/title-16/chapter-I/subchapter-B/part-255",
        summary="Reads the post's directives and finds a request to leave a review that is addressed only to "
                "happy patients or depends on a happy condition ('Loved your visit? Review us on Google', "
                "'Satisfied patients: rate us five stars'). It is critical when another directive sends "
                "unhappy patients to a private channel instead ('Not happy? Email our manager').",
        rationale="Sending only satisfied patients to public review sites, and the rest to a private inbox, makes "
                  "the public rating misrepresent what patients think; the FTC treats this 'review gating' as "
                  "deceptive. Inviting every patient to review, and offering help to anyone with a concern, is fine.",
        fix_safety="No automatic fix. Ask every patient for a review, without a condition; a separate invitation "
                   "to contact the practice with concerns is fine as long as it does not replace the review.",
        examples=(
            Example("Loved your visit? Tap the link to review us on Google. Not happy? Email our office manager "
                    "instead.", "fail"),
            Example("If you had a great experience with Dr. Lee, please leave us a five-star review!", "fail"),
            Example("Happy patients: leave us a review on Yelp this week.", "fail"),
            Example("Our Google review link only goes out to patients who rated their visit five stars.", "fail"),
            Example("We only ask for reviews after the visit is over, and we ask everyone.", "pass"),
            Example("Tell us how we did: leave a review on Google, good or bad. Questions about your bill? Call "
                    "our office.", "pass"),
            Example("Please leave us an honest review; every comment helps us improve.", "pass"),
        ),
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        # news of someone else's offer ("regulators fined a clinic for ...") is not the post's own
        yield from unreported(analysis, self._hits(analysis))

    def _hits(self, analysis: Analysis) -> Iterator[Hit]:
        restricted = _only_happy(analysis)
        if restricted is not None:
            only, condition, review = restricted
            yield Hit(only.start, max(condition.end, review.end),
                      message=self.meta.message.format(condition=condition.text, route=""),
                      category="REVIEW-GATING",
                      evidence=(Evidence("frame", "restriction", only.text, only.start, only.end, "parse"),
                                Evidence("frame", "happy-only condition", condition.text, condition.start,
                                         condition.end, "lexicon:sentiment_positive"),
                                Evidence("frame", "review", review.text, review.start, review.end, "lexicon")),
                      suggestions=(Suggestion("Ask every patient for an honest review, with no condition",
                                              (), Applicability.DISPLAY),))
            return
        for directive in directives(analysis):
            if directive.negative:
                continue
            review = _asks_for_review(analysis, directive)
            if review is None:
                continue
            condition = _gated(analysis, directive)
            if condition is None:
                continue
            route = _private_route(analysis, directive)
            evidence = [Evidence("frame", "review request", review.text, review.start, review.end,
                                 "language.directives"),
                        Evidence("frame", "happy-only condition", condition.text, condition.start, condition.end,
                                 "lexicon:sentiment_positive")]
            if route is not None:
                evidence.append(Evidence("frame", "private route for the unhappy", route.verb.text,
                                         route.verb.start, route.verb.end, "language.directives"))
            yield Hit(
                directive.verb.start, review.end,
                message=self.meta.message.format(
                    condition=condition.text,
                    route=f"; unhappy patients are sent elsewhere ('{route.verb.text}')" if route else ""),
                severity=Severity.CRITICAL if route is not None else None,
                category="REVIEW-GATING",
                evidence=tuple(evidence),
                suggestions=(Suggestion("Ask every patient for an honest review, with no condition",
                                        (), Applicability.DISPLAY),),
            )
            return


def _act_done(analysis: Analysis, offer) -> bool:
    """The review act is one the reader is asked to do: not forbidden or denied ("please don't post
    reviews of the clinic"), and a phrasal act read as a verb ("check in on Yelp"), not a plural noun
    before a preposition ("safety checks in our lot")."""
    first = next((t for t in analysis.doc if t.idx == offer.act.start), None)
    if first is None:
        return True
    # the verb that governs the act is itself negated ("don't leave reviews"), not one above it
    # ("don't forget to leave a review" still asks for one)
    verb = next((t for t in [first, *first.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    if verb is not None and any(c.dep_ == "neg" for c in verb.children):
        return False
    return not (" " in offer.act.text and first.tag_ == "NNS")
