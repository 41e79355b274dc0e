"""INC001 and INC002: gifts and contests offered to patients in return for choosing our care.

The OIG's nominal-value limits come from ``[tool.hclint.tone]`` (``nominal_item_value``,
``nominal_annual_value``): a gift tied to care must be worth no more than the item limit, add
up to no more than the yearly limit, and never be cash or a cash equivalent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ...analysis import Analysis
from ...language.reported import unreported
from ...language.clauses import token_at
from ...language.directives import directives
from ...language.offers import PAYMENT_LINKS, offers
from ...language.spans import TextSpan
from ...nlp.context import is_negated
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from .options import ToneOptions, tone_options
from .profile import federal_audience, is_recruiting, tone_profile
from .spans import (Sentence, clause_start, has, iter_windows, matches, money_values,
                    sentence_end_punctuation, sentence_removal, sentences, tagged_matches)

OIG_CITATION = ("Beneficiary Inducements CMP, 42 U.S.C. 1320a-7a(a)(5) and (i)(6); OIG Policy Statement on "
                "nominal value (Dec 7 2016: $15 per item, $75 per patient per year, no cash or cash equivalents); "
                "OIG Special Advisory Bulletin 'Offering Gifts and Other Inducements to Beneficiaries' (Aug 2002)")
GIVING = regex.compile(
    r"(?<![\w-])(?:get|gets|getting|receive|receives|earn|earns|take\s+home|takes\s+home|treats?\s+you\s+to"
    r"|we'?ll\s+(?:give|send|treat|hand)|you'?ll\s+(?:get|receive)|free|complimentary|on\s+us"
    r"|as\s+(?:a|our)\s+thank[- ]you|our\s+thank[- ]you|redeem(?:able)?|comes?\s+with|pick\s+(?:out\s+)?(?:a|one))(?![\w-])",
    regex.IGNORECASE)
STAFF = regex.compile(r"(?<![\w-])(?:staff|employees?|team\s+members?|nurses\s+week|employee\s+of\s+the\s+month"
                      r"|co-?workers|new\s+hires|our\s+(?:team|nurses|providers))(?![\w-])", regex.IGNORECASE)
NOT_A_GIFT_TO_PATIENTS = regex.compile(
    r"(?<![\w-])(?:donat\w*|to\s+families|shelter|toy\s+drive|buy|purchase|order|available\s+in\s+any\s+amount"
    r"|give\s+the\s+gift|reviews?)(?![\w-])", regex.IGNORECASE)
FREQUENCY = regex.compile(r"(?<![\w-])(?:(?:every|each|per|a)\s+(month|week)|(monthly|weekly))(?![\w-])", regex.IGNORECASE)
PER_YEAR = regex.compile(r"\$\s?(\d[\d,]*)(?:\.\d\d)?\s+(?:a|per|each|every)\s+year|\$\s?(\d[\d,]*)(?:\.\d\d)?\s+(?:annually|yearly)",
                         regex.IGNORECASE)

def _present(analysis: Analysis, vocabulary: str, start: int, end: int):
    """The first match of ``vocabulary`` in ``analysis.text[start:end]`` that is not negated ("no screening going
    on", "without any exam": a service said not to be there is no prize)."""
    return next((m for m in matches(vocabulary, analysis.text, start, end)
                 if not is_negated(analysis.doc, analysis.sentence_at(m.start()), m.start(), m.end())), None)


@dataclass(frozen=True)
class _Verdict:
    start: int
    end: int
    gift: str
    reason: str
    severity: Severity


def _value_near(text: str, sentence: Sentence, start: int, end: int) -> float | None:
    inside = money_values(text, start, end)
    if inside:
        return inside[0][0]
    near = [(v, m) for v, m in money_values(text, sentence.start, sentence.end)
            if m.end() >= start - 30 and m.start() <= end + 30]
    return near[0][0] if near else None


def _yearly(text: str, sentence: Sentence, value: float | None) -> float | None:
    stated = [float((m.group(1) or m.group(2)).replace(",", "")) for m in PER_YEAR.finditer(text)]
    if stated:
        return max(stated)
    frequency = FREQUENCY.search(text, sentence.start, sentence.end)
    if value is None or frequency is None:
        return None
    unit = (frequency.group(1) or frequency.group(2)).lower()
    return value * (12 if unit.startswith("month") else 52)


def _judge(kind: str, match: regex.Match, text: str, sentence: Sentence, options: ToneOptions) -> _Verdict | None:
    start, end = match.span()
    gift = match.group(0)
    item, annual = options.nominal_item_value, options.nominal_annual_value
    if kind == "cash":
        return _Verdict(start, end, gift, f"'{gift}' is cash or a cash equivalent, never allowed whatever the amount",
                        Severity.ERROR)
    value = _value_near(text, sentence, start, end)
    if value is not None and value > item:
        return _Verdict(start, end, gift, f"'{gift}' is worth ${value:g}, above the ${item:g} nominal value per item",
                        Severity.ERROR)
    yearly = _yearly(text, sentence, value) if kind in {"card", "unknown", "nominal", "high"} else None
    if yearly is not None and yearly > annual:
        return _Verdict(start, end, gift, f"'{gift}' adds up to about ${yearly:g} a year, above the ${annual:g} "
                                          "nominal value per patient per year", Severity.ERROR)
    if value is not None:
        return None
    if kind == "high":
        return _Verdict(start, end, gift, f"'{gift}' is worth well over the ${item:g} nominal value per item",
                        Severity.ERROR)
    if kind == "loyalty":
        return _Verdict(start, end, gift, f"'{gift}' builds up value with every visit, a reward for choosing our care",
                        Severity.ERROR)
    if kind in {"card", "unknown"}:
        return _Verdict(start, end, gift, f"'{gift}' has no stated value; gifts must stay within ${item:g} per item "
                                          f"and ${annual:g} per patient per year", Severity.WARNING)
    return None


def _removal(analysis: Analysis, sents: list[Sentence], sentence: Sentence, giving_at: int) -> Suggestion:
    text = analysis.post.original
    cut = clause_start(text, sentence, giving_at)
    if cut is not None:
        end = sentence_end_punctuation(text, sentence)
        if end > cut:
            return Suggestion("Remove the gift from the offer", (Edit(cut, end, ""),), Applicability.UNSAFE)
    if len(sents) > 1:
        start, end = sentence_removal(text, sentence)
        return Suggestion("Remove the sentence that offers the gift", (Edit(start, end, ""),), Applicability.UNSAFE)
    return Suggestion("Remove the gift, or keep to a non-cash item worth no more than the nominal value that is "
                      "not tied to booking or using our services", (), Applicability.DISPLAY)


def _cap(severity: Severity, analysis: Analysis) -> Severity:
    return Severity.WARNING if federal_audience(analysis) is False and severity is Severity.ERROR else severity


@dataclass(frozen=True)
class PatientGift:
    meta: RuleMeta = field(default=RuleMeta(
        id="INC001",
        name="patient-gift-inducement",
        family="tone",
        severity=Severity.ERROR,
        message="gift to patients tied to care: {reason}",
        citation=OIG_CITATION,
        url="https://oig.hhs.gov/documents/special-advisory-bulletins/1111/SABGiftsandInducements.pdf",
        summary="Finds gifts, gift cards, cash, goods (baby gear, groceries, holiday food), rides and loyalty "
                "rewards offered for booking, visiting, switching to or using our services (read as offer frames "
                "from the parse: 'patients who switch to us get ...', 'book and take home ...'), and checks them against the OIG nominal-value limits set in [tool.hclint.tone] "
                "(nominal_item_value, default 15; nominal_annual_value, default 75). Cash and cash equivalents "
                "always fire; an item of unstated value is a warning. Set the front-matter flag "
                "audience_includes_federal_beneficiaries: false for cash-pay-only audiences to lower errors to "
                "warnings.",
        rationale="Offering Medicare or Medicaid beneficiaries anything of more than nominal value to choose a "
                  "provider is a civil money penalty offence (Massachusetts AG v. Advanced Dental Arts: gift cards "
                  "and raffles for MassHealth patients, $135,000). Small non-cash items of nominal value are allowed.",
        fix_safety="Unsafe: the fix removes the clause or sentence that offers the gift, which changes the offer.",
        examples=(
            Example("Book your first cleaning this month and get a $50 Amazon gift card!", "fail",
                    fixed="Book your first cleaning this month!"),
            Example("Every patient who keeps their appointments gets a $10 Visa card.", "fail"),
            Example("Kids who come in for checkups pick a toothbrush and a sticker from our prize box!", "pass"),
            Example("Get your flu shot with us and receive a $5 coupon for the store.", "pass"),
            Example("$10k sign-on bonus for ICU nurses! Apply today.", "pass"),
            Example("Moms who finish all six prenatal visits with us go home with a new stroller!", "fail"),
            Example("Seniors who transfer their home care to our agency receive a $40 grocery delivery.", "fail"),
            Example("Free door-to-door rides to every checkup for our Medicaid families.", "fail"),
            Example("Drop off a new toy for our holiday drive; every toy goes to a family in need.", "pass"),
            Example("The county offers free rides to vaccination sites; call 211 to arrange one.", "pass"),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        # news of someone else's offer ("regulators fined a clinic for ...") is not the post's own
        yield from unreported(analysis, self._hits(analysis))

    def _hits(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        gifts = tagged_matches("tone_gifts", text)
        if is_recruiting(analysis):
            return
        options = tone_options(analysis.settings)
        if not gifts:
            yield from self._offer_frames(analysis, options)
            return
        sents = sentences(analysis)
        profile = tone_profile(analysis)
        for index, sentence in enumerate(sents):
            if has("tone_referral", text, sentence.start, sentence.end) or \
                    has("tone_contest", text, sentence.start, sentence.end) or \
                    STAFF.search(text, sentence.start, sentence.end) or \
                    NOT_A_GIFT_TO_PATIENTS.search(text, sentence.start, sentence.end):
                continue
            giving = GIVING.search(text, sentence.start, sentence.end)
            if giving is None:
                continue
            if not any(has("tone_care_tie", text, s.start, s.end) for s in iter_windows(sents, index, 1, 0)):
                continue
            verdicts = [v for kind, _, m in gifts if sentence.contains(m.start(), m.end())
                        for v in [_judge(kind, m, text, sentence, options)] if v is not None]
            if not verdicts:
                continue
            worst = max(verdicts, key=lambda v: v.severity.rank)
            yield Hit(
                worst.start, worst.end,
                message=self.meta.message.format(reason=worst.reason),
                severity=_cap(worst.severity, analysis),
                category="INDUCEMENT",
                metrics=profile.metrics(),
                evidence=(Evidence("pattern", "gift", worst.gift, worst.start, worst.end, "vocabulary:tone_gifts"),
                          Evidence("context", "offered", giving.group(0), giving.start(), giving.end(), "giving cue")),
                suggestions=(_removal(analysis, sents, sentence, giving.start()),),
            )
            return
        yield from self._offer_frames(analysis, options)

    def _offer_frames(self, analysis: Analysis, options: ToneOptions) -> Iterator[Hit]:
        """Gifts tied to choosing our care, read as offer frames (language.offers) where the gift
        vocabulary above finds nothing: "patients who switch to our agency get a grocery card",
        "free rides to every visit for our Medicaid members", "book your wellness visit and take home
        a holiday ham"."""
        beneficiaries = [c for c in analysis.cues("audience_beneficiaries") if analysis.assertion(c).asserted]
        for offer in offers(analysis, "act_choose_care", INDUCING_KINDS):
            if not offer.given or offer.link not in PAYMENT_LINKS | {"with", "clause"} or \
                    _about_referral(analysis, offer) or _describes_a_noun(analysis, offer):
                continue
            verdict = _frame_verdict(analysis, offer, options)
            if verdict is None or not _tied_to_us(analysis, offer) or _for_staff(analysis, offer):
                continue
            who = f" to {beneficiaries[0].text} patients" if beneficiaries else ""
            yield Hit(
                offer.reward.start, offer.reward.end,
                message=self.meta.message.format(reason=f"{verdict}, offered{who} for '{offer.act.text}' "
                                                        f"(tied by: {offer.link})"),
                severity=_cap(Severity.ERROR, analysis),
                category="INDUCEMENT",
                evidence=(Evidence("frame", f"reward ({offer.reward.label})", offer.reward.text, offer.reward.start,
                                   offer.reward.end, "language.offers"),
                          Evidence("frame", f"act ({offer.link})", offer.act.text, offer.act.start, offer.act.end,
                                   "lexicon:act_choose_care"))
                + tuple(Evidence("context", "federal beneficiaries", c.text, c.start, c.end,
                                 "lexicon:audience_beneficiaries") for c in beneficiaries[:1]),
                suggestions=(Suggestion("Remove the gift, or keep to a non-cash item worth no more than the nominal "
                                        "value that is not tied to choosing or using our services", (),
                                        Applicability.DISPLAY),),
            )
            return


CASH_EQUIVALENTS = frozenset({"cash", "cash back", "visa card", "prepaid card", "venmo", "paypal", "check"})
INDUCING_KINDS = frozenset({"cash", "goods", "money", "token"})
# Acts that are themselves a choice of provider, whoever is named: "switch", "transfer", "enroll".
CHOICE_LEMMAS = frozenset({"switch", "transfer", "enroll", "choose", "select", "pick", "join"})


def _amount_near(analysis: Analysis, reward: TextSpan) -> float | None:
    """The dollar amount written with the reward ("a $50 grocery card"), if any."""
    for amount in analysis.quantities:
        if amount.label == "MONEY" and (amount.overlaps(reward) or 0 <= reward.start - amount.end <= 16):
            values = money_values(amount.text)
            if values:
                return values[0][0]
    return None


def _frame_verdict(analysis: Analysis, offer, options: ToneOptions) -> str | None:
    reward = offer.reward
    value = _amount_near(analysis, reward)
    if value is not None and value > options.nominal_item_value:
        return f"'{reward.text}' is worth ${value:g}, above the ${options.nominal_item_value:g} nominal value per item"
    if reward.label == "cash" and (value is None or reward.text.lower() in CASH_EQUIVALENTS):
        # a store gift card within the nominal value is allowed; cash and general-purpose cards never are
        return f"'{reward.text}' is cash or a cash equivalent, never allowed whatever the amount" if value is not None \
            else f"'{reward.text}' is cash or a card of unstated value"
    if value is not None:
        return None
    if reward.label == "goods":
        return (f"'{reward.text}' is an item or service worth more than the ${options.nominal_item_value:g} "
                "nominal value per item")
    return None


def _tied_to_us(analysis: Analysis, offer) -> bool:
    """The act is choosing *this* provider: the offer speaks of us/our, urges the reader to act, or the
    act is itself a choice ("switch", "transfer"). "Get your shot at any pharmacy" names no provider."""
    doc = analysis.doc
    sentence = analysis.sentence_at(offer.act.start)
    if any(t.lower_ in {"us", "our", "we", "we'll", "ours"} for t in sentence):
        return True
    act = token_at(doc, offer.act.start)
    if act is not None and act.lemma_.lower() in CHOICE_LEMMAS:
        return True
    return any(sentence.start_char <= d.verb.start < sentence.end_char for d in directives(analysis))


def _describes_a_noun(analysis: Analysis, offer) -> bool:
    """The act word only describes someone ("visiting families", "scheduled staff"): no act is done."""
    act = token_at(analysis.doc, offer.act.start)
    return act is not None and act.dep_ == "amod" and offer.act.end - offer.act.start <= len(act.text)


def _about_referral(analysis: Analysis, offer) -> bool:
    """A reward for referring someone is INC004's, and a prize draw INC002's, not a gift for choosing us."""
    sentence = analysis.sentence_at(offer.act.start)
    return any(sentence.start_char <= c.start < sentence.end_char
               for lexicon in ("act_refer", "offer_reward_chance") for c in analysis.cues(lexicon))


def _for_staff(analysis: Analysis, offer) -> bool:
    sentence = analysis.sentence_at(offer.act.start)
    return bool(offer.recipient and any(c.text.lower() in offer.recipient.lower() for c in analysis.cues("audience_staff"))) \
        or any(sentence.start_char <= c.start < sentence.end_char for c in analysis.cues("audience_staff")
               if c.text.lower() not in {"team", "front desk"})


@dataclass(frozen=True)
class ClinicalPrizeContest:
    meta: RuleMeta = field(default=RuleMeta(
        id="INC002",
        name="clinical-prize-contest",
        family="tone",
        severity=Severity.ERROR,
        message="contest or giveaway tied to care ('{contest}' with '{prize}'): clinical services and "
                "visit-linked prizes must not be raffled",
        citation="American Society of Plastic Surgeons Code of Ethics (no raffles, contests or promotions whose "
                 "prize is a procedure); ASAPS code; " + OIG_CITATION,
        url="https://www.plasticsurgery.org/documents/Governance/asps-code-of-ethics.pdf",
        summary="Finds giveaways, raffles, sweepstakes, drawings and 'tag a friend to win' promotions whose prize "
                "is a clinical service (filler, Botox, whitening, a consultation) or whose entry is tied to "
                "booking, visiting, completing treatment or referring.",
        rationale="A prize procedure goes to a 'winner' nobody has evaluated, turns care into a game, and, for "
                  "federal-program patients, is remuneration to choose a provider. Staff contests, charity raffles "
                  "with non-clinical prizes and community races are not flagged.",
        fix_safety="No automatic fix: a contest cannot be repaired word by word. The suggestion is advice only.",
        examples=(
            Example("GIVEAWAY! Win a free syringe of filler: like, follow and tag 3 friends to enter.", "fail"),
            Example("Patients who complete treatment are entered into our monthly drawing for an iPad!", "fail"),
            Example("Join our 5K fun run: top finishers win medals and every runner gets a T-shirt!", "pass"),
            Example("Our Nurses Week photo contest is open to all staff.", "pass"),
        ),
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        # news of someone else's offer ("regulators fined a clinic for ...") is not the post's own
        yield from unreported(analysis, self._hits(analysis))

    def _hits(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        contests = matches("tone_contest", text)
        if not contests:
            return
        sents = sentences(analysis)
        profile = tone_profile(analysis)
        reported: set[int] = set()
        for contest in contests:
            index = next((i for i, s in enumerate(sents) if s.contains(contest.start())), None)
            if index is None or index in reported:
                continue
            sentence = sents[index]
            doc_sentence = analysis.sentence_at(contest.start())
            if STAFF.search(text, sentence.start, sentence.end) or \
                    is_negated(analysis.doc, doc_sentence, contest.start(), contest.end()):
                continue
            prize = None
            for s in iter_windows(sents, index, 1, 1):
                found = _present(analysis, "tone_services", s.start, s.end)
                if found is not None:  # not "[Photo: kids in a hula-hoop contest; no screening going on]"
                    prize = found
                    break
            if prize is None:
                prize = _present(analysis, "tone_care_tie", sentence.start, sentence.end) or \
                    _present(analysis, "tone_referral", sentence.start, sentence.end)
            if prize is None:
                continue
            reported.add(index)
            yield Hit(
                contest.start(), contest.end(),
                message=self.meta.message.format(contest=contest.group(0), prize=prize.group(0)),
                severity=_cap(Severity.ERROR, analysis),
                category="INDUCEMENT",
                metrics=profile.metrics(),
                evidence=(Evidence("pattern", "contest", contest.group(0), contest.start(), contest.end(), "vocabulary:tone_contest"),
                          Evidence("context", "clinical prize or care tie", prize.group(0), prize.start(), prize.end(),
                                   "vocabulary:tone_services/tone_care_tie")),
                suggestions=(Suggestion("Do not offer clinical services or visit-linked prizes in contests; a "
                                        "promotion, if any, should be non-clinical, of nominal value, open to "
                                        "everyone and not conditioned on booking", (), Applicability.DISPLAY),),
            )
