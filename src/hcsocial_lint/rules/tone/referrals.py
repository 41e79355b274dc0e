"""INC004: rewards for referring patients, and paying third parties per patient (brokering)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ...analysis import Analysis
from ...language.reported import unreported
from ...language.spans import TextSpan
from ...language.offers import PAYMENT_LINKS, offers, rewards
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from .profile import is_recruiting, tone_profile
from .spans import first, sentences

THANKS_FRAME = regex.compile(r"(?<![\w-])(?:as\s+(?:a|our)\s+thank[- ]you|to\s+say\s+thanks|in\s+return|as\s+a\s+reward"
                             r"|our\s+thanks)(?![\w-])", regex.IGNORECASE)
REWRITE = "Thank you for recommending us to the people you care about."


@dataclass(frozen=True)
class ReferralReward:
    meta: RuleMeta = field(default=RuleMeta(
        id="INC004",
        name="referral-reward",
        family="tone",
        severity=Severity.ERROR,
        message="reward for referring patients ('{referral}' for '{reward}'){brokering}",
        citation="Anti-Kickback Statute, 42 U.S.C. 1320a-7b(b); Eliminating Kickbacks in Recovery Act (EKRA), "
                 "18 U.S.C. §220; 42 U.S.C. 1320a-7a(a)(5); state patient-brokering and fee-splitting laws",
        url="https://oig.hhs.gov/compliance/physician-education/fraud-abuse-laws/",
        summary="Finds referral programmes that give cash, credits, gift cards, discounts, points or free services "
                "for referring friends or family, and escalates to critical when someone is paid per patient, "
                "per lead or by commission (patient brokering). Job posts' employee referral bonuses and "
                "clinical referrals ('no referral needed') are not flagged.",
        rationale="Offering anything of value to induce referrals of federally reimbursed business is a crime "
                  "under the Anti-Kickback Statute, and state laws reach all payers (Advanced Dental Arts; "
                  "Connecticut Family Dentistry, $115 per referred Medicaid patient).",
        fix_safety="Unsafe: the fix replaces the reward sentence with a thank-you that carries no value. Paying per "
                   "patient has no rewrite: it is advice only, to escalate to compliance.",
        examples=(
            Example("Refer a friend and you both get $50 off your next treatment!", "fail", fixed=REWRITE),
            Example("Marketers wanted! Earn $200 per patient you send to our recovery center.", "fail"),
            Example("No referral needed! You can book directly with our physical therapists.", "pass"),
            Example("Employee referral bonus: refer an RN who joins our team and earn $1,500!", "pass"),
            Example("A dentist was ordered to stop giving free whitening to patients who referred friends.", "pass"),
            Example("Home health agencies: we pay $120 for every patient you send our way.", "fail"),
            Example("We donate $5 to the food bank for every flu shot given this month.", "pass"),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        # news of someone else's offer ("regulators fined a clinic for ...") is not the post's own
        yield from unreported(analysis, self._hits(analysis))

    def _hits(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        if is_recruiting(analysis):
            return
        found = False
        if first("tone_referral", text) is not None:
            for hit in self._vocabulary_hits(analysis):
                found = True
                yield hit
        if found:
            return
        per_unit = next(iter(self._per_unit_payments(analysis)), None)
        if per_unit is not None:
            yield per_unit
            return
        yield from self._offer_frames(analysis)

    def _vocabulary_hits(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        sents = sentences(analysis)
        profile = tone_profile(analysis)
        for index, sentence in enumerate(sents):
            referral = first("tone_referral", text, sentence.start, sentence.end)
            if referral is None or _staff_in(analysis, sentence.start, sentence.end):
                continue
            reward = first("tone_reward", text, sentence.start, sentence.end)
            reward_sentence = sentence
            if reward is None and index + 1 < len(sents):
                following = sents[index + 1]
                if THANKS_FRAME.search(text, following.start, following.end):
                    reward = first("tone_reward", text, following.start, following.end)
                    reward_sentence = following
            if reward is None or not _asserted(analysis, reward.start(), reward.end()):
                continue  # "we don't give rewards for referrals" offers nothing
            brokering = first("tone_brokering", text, sentence.start, sentence.end)
            if brokering is not None:
                suggestion = Suggestion("Paying per patient, lead or referral has no compliant rewrite: remove the "
                                        "post and escalate to compliance", (), Applicability.DISPLAY)
            else:
                suggestion = Suggestion("Thank people for referrals without giving anything of value",
                                        (Edit(reward_sentence.start, reward_sentence.end, REWRITE),), Applicability.UNSAFE)
            yield Hit(
                referral.start(), referral.end(),
                message=self.meta.message.format(
                    referral=referral.group(0), reward=reward.group(0),
                    brokering=f": paying '{brokering.group(0)}' is patient brokering" if brokering else ""),
                severity=Severity.CRITICAL if brokering is not None else None,
                category="INDUCEMENT",
                metrics=profile.metrics(),
                evidence=tuple(
                    Evidence(kind, label, m.group(0), m.start(), m.end(), source)
                    for kind, label, m, source in (("pattern", "referral", referral, "vocabulary:tone_referral"),
                                                   ("pattern", "reward", reward, "vocabulary:tone_reward"),
                                                   ("pattern", "brokering", brokering, "vocabulary:tone_brokering"))
                    if m is not None),
                suggestions=(suggestion,),
            )

    def _offer_frames(self, analysis: Analysis) -> Iterator[Hit]:
        """Referral rewards the vocabulary misses, read as offer frames (language.offers): "send a friend
        our way and get ...", "a $30 credit once someone you recommend books"."""
        for offer in offers(analysis, "act_refer"):
            if not offer.given or offer.link not in PAYMENT_LINKS or offer.reward.label == "token":
                continue
            sentence = analysis.sentence_at(offer.act.start)
            if _staff_in(analysis, sentence.start_char, sentence.end_char):
                continue
            yield Hit(
                offer.act.start, offer.act.end,
                message=self.meta.message.format(referral=offer.act.text, reward=offer.reward.text, brokering=""),
                category="INDUCEMENT",
                evidence=(Evidence("frame", f"reward ({offer.reward.label})", offer.reward.text, offer.reward.start,
                                   offer.reward.end, "language.offers"),
                          Evidence("frame", f"act ({offer.link})", offer.act.text, offer.act.start, offer.act.end,
                                   "lexicon:act_refer")),
                suggestions=(Suggestion("Thank people for referrals without giving anything of value", (),
                                        Applicability.DISPLAY),),
            )
            return


    def _per_unit_payments(self, analysis: Analysis) -> Iterator[Hit]:
        """Payment to a referral source per patient or per order sent in: "we pay $150 for every scan you
        send our way", "a $400 bonus for each resident placed with us", "$500 per client admitted". The
        unit is the noun after "per", "each" or "every", and the act is a verb of sending, placing or
        admitting that follows it (read on the parse, within a few words, since parsers attach a
        trailing participle to either). A payment per hour, per visit or per dose has no such verb."""
        doc = analysis.doc
        paid = [r for r in rewards(analysis) if r.label in {"money", "cash", "goods"}]
        if not paid:
            return
        for reward in paid:
            sentence = analysis.sentence_at(reward.start)
            for token in sentence:
                if token.idx < reward.end or token.lower_ not in UNIT_WORDS:
                    continue
                unit = next((t for t in doc[token.i + 1:min(sentence.end, token.i + 5)]
                             if t.pos_ in {"NOUN", "PROPN"} and t.dep_ != "compound"), None)
                if unit is None:
                    continue
                act = next((t for t in doc[unit.i + 1:min(sentence.end, unit.i + 5)]
                            if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in SENDING_LEMMAS), None)
                if act is None or _staff_in(analysis, sentence.start_char, sentence.end_char):
                    continue
                start, end = token.idx, act.idx + len(act.text)
                yield Hit(
                    start, end,
                    message=self.meta.message.format(
                        referral=doc.text[start:end], reward=reward.text,
                        brokering=f": paying '{reward.text}' {doc.text[start:end]} is patient brokering"),
                    severity=Severity.CRITICAL,
                    category="INDUCEMENT",
                    evidence=(Evidence("frame", f"payment ({reward.label})", reward.text, reward.start, reward.end,
                                       "language.offers.rewards"),
                              Evidence("frame", "unit sent in", doc.text[unit.idx:act.idx + len(act.text)],
                                       unit.idx, act.idx + len(act.text), "parse")),
                    suggestions=(Suggestion("Paying per patient, lead or referral has no compliant rewrite: remove "
                                            "the post and escalate to compliance", (), Applicability.DISPLAY),),
                )
                return


def _asserted(analysis: Analysis, start: int, end: int) -> bool:
    """The reward is offered, not denied or asked about (language.assertion)."""
    assertion = analysis.assertion(TextSpan(start, end, "reward", analysis.text[start:end], "vocabulary:tone_reward"))
    return not (assertion.negated or assertion.question)


UNIT_WORDS = frozenset({"per", "each", "every"})
# Verbs of handing a patient or an order to a provider ("you send", "placed at", "admitted to").
SENDING_LEMMAS = frozenset({"send", "refer", "place", "admit", "bring", "direct", "steer", "route", "enroll",
                            "sign"})


def _staff_in(analysis: Analysis, start: int, end: int) -> bool:
    """The sentence speaks of the organisation's own people ("nurses who refer a friend we hire"): an
    employee referral bonus for hiring, not a reward for sending patients. "Team" alone is too common in
    patient posts ("our team") to count."""
    return any(start <= c.start < end and c.text.lower() not in {"team", "front desk"}
               for c in analysis.cues("audience_staff"))
