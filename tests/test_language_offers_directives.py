"""The shared notions of offers ("X for Y") and directives (who is urged to do what, on what condition)."""

from __future__ import annotations

import pytest

from hcsocial_lint.language.directives import directives
from hcsocial_lint.language.offers import PAYMENT_LINKS, offers
from hcsocial_lint.sources import read_text_post


def analysed(linter, text):
    post = read_text_post(text, linter.settings)
    (analysis,) = linter.analyse([post], [linter.settings])
    return analysis


@pytest.mark.parametrize(("text", "act_lexicon", "reward", "link"), [
    ("Post a review of our spa and we'll send you a $15 coupon.", "act_review", "coupon", None),
    ("A free tote bag for every five-star rating you leave!", "act_review", "tote", "for"),
    ("Seniors who transfer their prescriptions to our pharmacy receive a $25 gift card.", "act_choose_care",
     "gift card", "who"),
    ("Schedule your flu shot with us and get a free stroller for your new baby.", "act_choose_care",
     "stroller", "and"),
    ("Send a friend our way. You'll get a $30 account credit once they book.", "act_refer", "credit",
     "next sentence"),
    ("Every promo you share earns a free facial.", "act_promote", "facial", "who"),
])
def test_offers_tie_a_reward_to_an_act(linter, text, act_lexicon, reward, link):
    found = offers(analysed(linter, text), act_lexicon)
    assert found, text
    assert any(reward in o.reward.text for o in found)
    if link is not None:
        assert any(o.link == link for o in found), [o.explain() for o in found]


@pytest.mark.parametrize(("text", "act_lexicon"), [
    ("We never give gift cards for reviews.", "act_review"),
    ("Donate a coat at our lobby this week; every coat goes to a family shelter.", "act_choose_care"),
    ("Read our reviews on Google. Our pharmacy sells gift cards at the counter.", "act_review"),
])
def test_no_offer_without_a_tie_or_when_negated(linter, text, act_lexicon):
    assert not offers(analysed(linter, text), act_lexicon)


@pytest.mark.parametrize("text", [
    "Our inhaler explainer video outperformed every discount promo we posted.",
    "That video beat every giveaway post we shared last year.",
])
def test_a_clause_we_did_on_the_reward_itself_pays_for_nothing(linter, text):
    """"every promo we posted": a relative clause on the reward word, done by us, is not the reader's act."""
    found = offers(analysed(linter, text), "act_promote")
    assert not [o for o in found if o.link in PAYMENT_LINKS], [o.explain() for o in found]


def test_directive_addressee_and_condition(linter):
    (first, second) = [d for d in directives(analysed(
        linter, "Enjoyed your cleaning? Leave us a review on Google. Any concerns? Call our manager."))]
    assert first.verb.text == "Leave" and first.condition.text.startswith("Enjoyed")
    assert second.verb.text == "Call" and "concerns" in second.condition.text
    (staff,) = directives(analysed(linter, "Staff: share the new flyer on your own Facebook pages."))
    assert staff.verb.text == "share" and staff.addressee.text == "Staff"


def test_directive_negation_and_misparsed_opener(linter):
    found = directives(analysed(linter, "Don't let a toothache ruin the holidays. Book a visit today."))
    assert found[0].negative and found[0].verb.label == "let"
    assert any(d.verb.text == "Book" for d in found)


def test_statements_are_not_directives(linter):
    assert not directives(analysed(linter, "Our nurses answered 400 calls about vaccines last week."))
    assert not directives(analysed(linter, "I booked a visit and the staff were lovely."))


def test_no_model_mode_finds_no_directive(no_model_linter):
    assert directives(analysed(no_model_linter, "Book a visit today.")) == ()


@pytest.mark.parametrize(("text", "link"), [
    ("Leave us a five-star review and get 10% off!", "and"),
    ("A $20 credit for every review you post.", "for"),
])
def test_no_model_offers_are_tied_by_the_word_between(no_model_linter, text, link):
    found = offers(analysed(no_model_linter, text), "act_review")
    assert [o.link for o in found][:1] == [link]
