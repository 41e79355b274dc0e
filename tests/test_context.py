"""Assertion context (nlp/context.py): negation, hedges, questions, myth-busting and quotes,
with the dependency parse and in the no-model mode."""

from __future__ import annotations

import pytest

from hcsocial_lint.nlp import context
from hcsocial_lint.nlp.models import blank_pipeline


@pytest.fixture(scope="module")
def nlp(linter):
    assert linter.model.has_model, "these tests need the default spaCy model"
    return linter.model.nlp


@pytest.fixture(scope="module")
def blank():
    return blank_pipeline()


def contexts(pipeline, text: str, target: str) -> set[str]:
    doc = pipeline(text)
    start = text.index(target)
    end = start + len(target)
    sentence = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    return {name for name, test in context.CONTEXT_TESTS.items() if test(doc, sentence, start, end)}


NEGATED = [
    ("There is no cure for the common cold.", "cure"),
    ("No vaccine is 100% effective.", "100% effective"),
    ("No supplement cures COVID-19.", "cures"),
    ("Nothing cures a sunburn instantly.", "cures"),
    ("We can't guarantee results, because every body is different.", "guarantee"),
    ("Laser treatments are not risk-free: burns can happen.", "risk-free"),
    ("There's no such thing as a risk-free cosmetic procedure.", "risk-free"),
    ("Chiropractic adjustments do not boost immunity or prevent COVID-19.", "prevent"),
    ("This product is not intended to diagnose, treat, cure, or prevent any disease.", "cure"),
    ("Stem cell injections have not been proven to treat autism.", "treat"),
    ("Never stop a prescription without talking to your doctor.", "stop a prescription"),
]


@pytest.mark.parametrize(("text", "target"), NEGATED)
def test_negation_with_the_parse(nlp, text, target):
    assert "negated" in contexts(nlp, text, target)


ASSERTED = [
    ("Our drip cures hangovers.", "cures"),
    # the negation belongs to another phrase or clause
    ("Zero downtime and guaranteed results!", "guaranteed"),
    ("No downtime, guaranteed results!", "guaranteed"),
    ("Garlic does not prevent flu, but our drip cures colds.", "cures"),
    ("Ozempic for weight loss, no diabetes required!", "weight loss"),
    # a negation word inside the claim is the claim
    ("Our herbal gummies have no side effects.", "no side effects"),
    # "not just" adds; "what they won't tell you" asserts what follows
    ("Kybella isn't just for double chins!", "double chins"),
    ("Read what the drug companies won't tell you about vaccine shedding.", "vaccine shedding"),
]


@pytest.mark.parametrize(("text", "target"), ASSERTED)
def test_asserted_claims_are_not_negated(nlp, text, target):
    assert "negated" not in contexts(nlp, text, target)


def test_hedges_scope_over_the_verb_they_qualify(nlp):
    assert "hedged" in contexts(nlp, "Our stem cell therapy may help treat knee arthritis.", "treat")
    assert "hedged" in contexts(nlp, "Some patients notice smoother skin after a few sessions.", "smoother skin")
    assert "hedged" in contexts(nlp, "Most people have no side effects after a flu shot.", "no side effects")
    assert "hedged" in contexts(nlp, "Ask your doctor whether Botox is safe for you.", "safe")
    assert "hedged" in contexts(nlp, "Microneedling can improve scars; results vary.", "improve scars")


def test_not_hedges(nlp):
    assert "hedged" not in contexts(nlp, "Our drip cures hangovers.", "cures")
    # a negated modal is not a hedge
    assert "hedged" not in contexts(nlp, "Results that regular doctors couldn't get.", "Results")
    # "ask your doctor" elsewhere in the sentence does not qualify the claim
    assert "hedged" not in contexts(nlp, "Our drip cures hangovers, ask your doctor.", "cures")


def test_questions_ask_but_rhetorical_offers_claim(nlp):
    assert "question" in contexts(nlp, "Can a supplement cure anxiety?", "cure")
    assert "question" in contexts(nlp, "Does alkaline water cure cancer? No.", "cure")
    assert "question" not in contexts(nlp, "Want to lose 20 lbs in 2 weeks?", "lose 20 lbs in 2 weeks")
    assert "question" not in contexts(nlp, "Did you know our drip cures hangovers?", "cures")
    assert "question" not in contexts(nlp, "Tired of back pain? Our adjustments give instant relief.", "instant relief")



@pytest.mark.parametrize("text, target", [
    ("Parents often ask whether the measles shot is safe for babies.", "safe"),
    ("A common question about the flu shot is if it is safe for people with egg allergies.", "safe"),
    ("One of the questions we hear most about the HPV vaccine is if it is safe for preteens.", "safe"),
    ("We wondered if the new drip cures hangovers, so we asked a pharmacist.", "cures"),
])
def test_embedded_questions_are_asked_not_asserted(nlp, text, target):
    assert "question" in contexts(nlp, text, target)


@pytest.mark.parametrize("text, target", [
    ("If you have arthritis, our cream cures joint pain.", "cures"),
    ("Our gummies are safe for kids if you follow the dose.", "safe"),
    ("If it hurts, our balm cures it.", "cures"),
])
def test_a_condition_is_not_a_question(nlp, text, target):
    assert "question" not in contexts(nlp, text, target)


MYTHS = [
    ("Myth: garlic cures COVID. Fact: no food prevents infection.", "cures"),
    ("MYTH: Chiropractic adjustments prevent ear infections.\nFACT: there is no good evidence.", "prevent"),
    ("Some websites claim that IV drips cure hangovers, but there is no evidence.", "cure"),
    ("You may have heard that vaccines cause autism. They don't.", "vaccines cause autism"),
    ("Be wary of any clinic that promises guaranteed results.", "guaranteed"),
    ("Clinics promising a cure for autism are selling false hope.", "cure"),
    ("Does alkaline water cure cancer? No. There's no evidence.", "cure"),
]


@pytest.mark.parametrize(("text", "target"), MYTHS)
def test_myth_busting_and_attributed_claims(nlp, text, target):
    assert "myth" in contexts(nlp, text, target)


def test_own_claims_are_not_myths(nlp):
    assert "myth" not in contexts(nlp, "We promise guaranteed results.", "guaranteed")
    assert "myth" not in contexts(nlp, "We guarantee you'll see smoother skin.", "guarantee")
    assert "myth" not in contexts(nlp, "87% of our patients saw visible results.", "87% of our patients")
    # "No exceptions!" after a claim is emphasis, not a refutation
    assert "myth" not in contexts(nlp, "It works for everyone. No exceptions!", "works for everyone")
    assert "myth" not in contexts(nlp, "Vaccines cause autism. Do your research.", "Vaccines cause autism")


def test_quotes_and_adopted_testimonials(nlp):
    assert "quoted" in contexts(nlp, "Red flags in wellness ads: 'cures cancer', 'no side effects'.", "no side effects")
    assert "quoted" in contexts(nlp, 'Ads that say "miracle cure" are a warning sign.', "miracle")
    # a testimonial the post adopts is the post's own claim
    assert "quoted" not in contexts(nlp, '"This cream cured my eczema!" - Jenna, verified buyer.', "cured")
    # apostrophes are not quotes
    assert "quoted" not in contexts(nlp, "It's the drip that's guaranteed to work.", "guaranteed")


def test_fact_label_still_marks_the_correcting_sentence(nlp):
    # kept for the other families, which skip myth-busting posts as a whole
    assert "myth" in contexts(nlp, "Fact: flu shots cannot give you the flu.", "flu shots")


def test_no_model_mode_uses_a_clause_window(blank):
    assert "negated" in contexts(blank, "There is no cure for the common cold.", "cure")
    assert "negated" in contexts(blank, "IV drips do not cure hangovers.", "cure")
    assert "negated" not in contexts(blank, "No downtime, guaranteed results!", "guaranteed")
    assert "hedged" in contexts(blank, "Acupuncture may help some people with back pain.", "help")
    assert "question" in contexts(blank, "Can a supplement cure anxiety?", "cure")
    assert "myth" in contexts(blank, "Myth: garlic cures COVID.", "cures")


def test_skipped_context_reports_the_first_that_holds(nlp):
    doc = nlp("Myth: garlic does not cure COVID?")
    start = doc.text.index("cure")
    sentence = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    assert context.skipped_context(doc, sentence, start, start + 4, ("quoted", "negated", "myth")) == "negated"
    assert context.skipped_context(doc, sentence, start, start + 4, ("quoted",)) is None


def test_fun_fact_asserts_rather_than_refutes(linter):
    """'Fun fact:' introduces a claim the post makes; 'Myth: ... Fact: ...' refutes one."""
    asserted = linter.lint_text("Fun fact: our IV drip cures hangovers in 30 minutes!")
    refuted = linter.lint_text("Myth: an IV drip cures hangovers. Fact: only time and water do.")
    assert any(f.rule_id == "CLM001" for f in asserted.findings)
    assert not any(f.rule_id == "CLM001" for f in refuted.findings)
