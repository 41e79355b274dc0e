"""Claims read by meaning (issue #14): classes of sentence that regulator-cited texts showed the frames
missing, each with near misses that must stay clean. Every sentence is our own, written for its class."""

from __future__ import annotations

import pytest

from hcsocial_lint import Linter, Settings
from hcsocial_lint.model import Post
from hcsocial_lint.language.frames import frames_of
from hcsocial_lint.language.commerce import SELLER


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Settings(plugins=False))


def claim_findings(linter: Linter, text: str) -> dict[str, str]:
    return {f.rule_id: f.severity.value for f in linter.lint_text(text).findings if f.family == "claim"}


def frames(linter: Linter, text: str):
    analysis = next(linter.analyse([Post(path="<text>", text=text, original=text)], [linter.settings]))
    return frames_of(analysis)


# ------------------------------------------------------------------------------------------------
# Class 1: a sold substance, written in any form, as the subject of an effect on a disease


@pytest.mark.parametrize("text", [
    "C.B.D. shrank the tumours in every trial we ran.",  # an abbreviation with dots
    "c.b.d oil eases arthritis flare-ups.",
    "Benefits of moringa: it protects your liver from fatty liver disease.",  # "benefits of X": X is the promoter
    "The healing power of garlic oil kills the bacteria that cause bronchitis.",
    "Turmeric is one remedy that slows the progression of Parkinson's disease.",
    "Curcumin inhibited the growth of colon cancer cells in the lab.",
    "Spirulina inhibits the growth of leukemia cells.",
])
def test_a_sold_substance_is_the_promoter_in_any_form(linter, text):
    assert {"CLM003", "CLM004"} & set(claim_findings(linter, text))


def test_a_dotted_abbreviation_matches_its_lexicon_phrase(linter):
    frame = next(f for f in frames(linter, "Our I.V. drips relieve migraines.") if f.target_class == "disease")
    assert frame.agent.kind == SELLER and "I.V." in frame.promoter


def test_a_hedged_kind_of_substance_is_a_warning_without_a_sale_and_a_practice_teaches(linter):
    assert claim_findings(linter, "Hemp extract might be useful in treating epilepsy.") == {"CLM003": "warning"}
    assert claim_findings(linter, "Hemp extract might be useful in treating epilepsy. Shop now.")["CLM003"] == "error"
    assert "CLM003" not in claim_findings(linter, "Acupuncture may help some people with back pain.")


@pytest.mark.parametrize("text", [
    "The benefits of vaccination include a lower risk of measles.",  # a public-health measure
    "C.B.D. does not cure cancer, whatever some shops say.",  # negated
    "Does turmeric really reduce the risk of heart disease?",  # asked
    "Dr. A.J. Lee treats heart disease at our hospital.",
])
def test_class_1_near_misses_stay_clean(linter, text):
    assert "CLM003" not in claim_findings(linter, text)


@pytest.mark.parametrize("text", [
    "Benefits of float tanks: they relieve fibromyalgia and ease back pain.",
    "Three benefits of our sea moss gel. It soothes eczema. It eases joint pain.",
    "Benefits of our new blend: lowers the risk of heart disease. Shop now.",
])
def test_a_benefits_heading_names_the_promoter_of_what_follows(linter, text):
    assert "CLM003" in claim_findings(linter, text)


@pytest.mark.parametrize("text", [
    "5 benefits of walking. It lowers the risk of heart disease.",  # nothing sold: education
    "Benefits of flu vaccines: they protect against the flu.",  # a public-health measure
    "Our nurses explain the benefits and risks of each option. They treat heart disease every day.",
])
def test_a_benefits_heading_near_misses_stay_clean(linter, text):
    assert not {"CLM003", "CLM004"} & set(claim_findings(linter, text))


# ------------------------------------------------------------------------------------------------
# Class 3: the body's defences boosted, or promised, against an outbreak pathogen


@pytest.mark.parametrize("text", [
    "Our e-book teaches you to strengthen your immunity to beat the flu and COVID-19.",
    "Our breathing drills support lung health and protect against RSV.",
    "With no vaccine on the shelves, strengthening your immunity is the smartest defence against the new virus.",
    "Finish our 10-day cleanse and your body will destroy the coronavirus.",
])
def test_boosted_or_promised_defences_against_a_pathogen_are_an_implied_outbreak_claim(linter, text):
    assert claim_findings(linter, text).get("CLM004") == "warning"


def test_defences_boosted_by_the_sellers_own_thing_are_its_outbreak_claim(linter):
    text = "No vaccine yet? Boost your immunity with our drops to fight the new virus."
    assert claim_findings(linter, text)["CLM004"] == "critical"


def test_boosted_defences_in_a_post_that_sells_are_an_error(linter):
    text = "Boost your immune system to fight off COVID-19 with our mushroom blend. Shop now."
    assert claim_findings(linter, text)["CLM004"] in {"error", "critical"}


@pytest.mark.parametrize("text", [
    "Vaccines help your immune system fight the virus.",  # a public-health measure
    "Your body usually clears a cold virus within ten days.",  # no boost, no promise
    "Older adults often have a weaker immune response to COVID-19.",
    "Eat well and sleep enough to support your immune system this winter.",  # no pathogen
    "Can boosting your immune system fight COVID-19? Not on its own: get vaccinated.",  # asked
])
def test_defences_near_misses_stay_clean(linter, text):
    assert "CLM004" not in claim_findings(linter, text)


def test_a_public_health_body_is_not_read_as_implying_an_outbreak_claim():
    agency = Linter(Settings(plugins=False, organisation={"kind": "public-health"}))
    text = "Our e-book teaches you to strengthen your immunity to beat the flu and COVID-19."
    assert "CLM004" not in {f.rule_id for f in agency.lint_text(text).findings}


# ------------------------------------------------------------------------------------------------
# Class 2: conditions offered as what the product resolves, without a verb of effect


@pytest.mark.parametrize("text", [
    "No more gout, rosacea or hay fever for our members!",  # "no more" + a list of conditions
    "Reduced inflammation, less joint pain and better sleep.",  # benefit noun phrases
    "Our tea means fewer migraines.",
    "This cream is a great buy if you have psoriasis.",  # recommended "if you have X"
    "This balm is perfect for anyone with eczema.",
    "Our gummies are ideal if you suffer from insomnia.",
    "New blend in store now. #painrelief #arthritistreatment",  # a hashtag joining condition and remedy
])
def test_conditions_offered_as_resolved_are_disease_claims(linter, text):
    assert "CLM003" in claim_findings(linter, text)


def test_a_remedy_hashtag_is_an_implied_claim_reported_as_an_error(linter):
    assert claim_findings(linter, "Our hemp drops, back in stock #migrainerelief")["CLM003"] == "error"


@pytest.mark.parametrize("text", [
    "Fewer flu cases were reported this week.",  # the modified noun is "cases", not the condition
    "A world with no more polio is within reach.",
    "Our gummies are not suitable if you have diabetes.",  # a warning about the product, not praise
    "Our supplements are dangerous if you have liver disease.",
    "This balm is not good for anyone with eczema.",
    "If you have asthma, your yearly flu shot matters even more.",  # a public-health measure
    "Rough week? #migrainerelief #selfcare",  # a hashtag on a post that sells and names nothing
    "Join our walk for #CancerPrevention.",
    "Our new hip technique means less pain after surgery.",  # a procedure, nothing sold
    "Clearer skin, less pain and more reasons to lose weight.",  # the list names what it is the benefits of
    "Less joint pain, better sleep and other benefits of yoga.",
])
def test_class_2_near_misses_stay_clean(linter, text):
    assert not {"CLM003", "CLM004"} & set(claim_findings(linter, text))


def test_a_hashtag_spelling_a_phrase_without_spaces_matches_it(linter):
    analysis = next(linter.analyse([Post(path="<t>", text="Try #colloidalsilver", original="Try #colloidalsilver")],
                                   [linter.settings]))
    assert [s.text for s in analysis.cues("promoter_products")] == ["colloidalsilver"]


def test_a_remedy_hashtag_on_a_caption_describing_an_unnamed_thing_is_its_claim(linter):
    assert "CLM003" in claim_findings(linter, "#migrainerelief Better mood, sharper focus, more energy.")


# ------------------------------------------------------------------------------------------------
# Class 5: efficacy stated as a quality of the thing ("effective against", "great success against")


@pytest.mark.parametrize(("text", "rule"), [
    ("Our saline rinse shows real success against RSV in our clients. $30 a bottle.", "CLM004"),
    ("Our spray is effective against viruses.", "CLM004"),
    ("This tincture is successful against Lyme disease in most clients. Order today.", "CLM003"),
])
def test_efficacy_as_a_quality_of_a_sold_thing_is_a_claim(linter, text, rule):
    assert rule in claim_findings(linter, text)


@pytest.mark.parametrize("text", [
    "Vaccines are effective against severe COVID-19.",
    "Is our spray effective against viruses? We have not tested it.",
    "Washing your hands is effective against many germs.",
])
def test_efficacy_near_misses_stay_clean(linter, text):
    assert not {"CLM003", "CLM004"} & set(claim_findings(linter, text))


# ------------------------------------------------------------------------------------------------
# Class 4: a service said to shorten or soften an infection


def test_a_service_said_to_lessen_an_infection_is_an_outbreak_claim(linter):
    text = "Weekly spinal adjustments can shorten the duration of the flu."
    assert "CLM004" in claim_findings(linter, text)
    assert "CLM004" not in claim_findings(linter, "Rest and fluids can ease the symptoms of the flu; ask your doctor.")


def test_a_verbless_list_with_nothing_sold_is_a_warning_and_a_named_means_makes_it_the_claim(linter):
    assert claim_findings(linter, "No more gout, rosacea or hay fever!") == {"CLM003": "warning"}
    assert claim_findings(linter, "No more migraines with our magnesium drops!")["CLM003"] == "critical"
    assert claim_findings(linter, "Less joint pain, better sleep and other benefits of our CBD balm.")["CLM003"] == "critical"


def test_a_topic_hashtag_is_not_a_weight_loss_claim_unless_the_post_sells(linter):
    assert "CLM016" not in claim_findings(linter, "We're putting together our favorite #weightloss tips.")
    assert "CLM016" in claim_findings(linter, "Our detox tea is back in stock, $19. #weightloss")


# ------------------------------------------------------------------------------------------------
# Class 5: weight-loss timelines in UK units and ranges


@pytest.mark.parametrize("text", [
    "Our clients shed a whole stone in 21 days!",
    "Drop half a stone in 10 days with our shakes.",
    "Clients shed 2 stone in 5 to 7 weeks.",
])
def test_stone_and_ranged_timelines_are_results_promises(linter, text):
    assert "CLM012" in claim_findings(linter, text)


@pytest.mark.parametrize("text", [
    "Our clinic is a stone's throw from the station.",
    "Kidney stones can take 2-4 weeks to pass; call us if the pain is severe.",
])
def test_stone_near_misses_stay_clean(linter, text):
    assert "CLM012" not in claim_findings(linter, text)


@pytest.mark.parametrize("text", [
    "Flu season tip: weekly acupuncture can reduce the severity if you catch it.",
    "Worried about the flu this winter? Our vitamin drip can shorten the duration.",
])
def test_a_service_said_to_soften_an_outbreak_named_elsewhere_is_an_outbreak_claim(linter, text):
    assert "CLM004" in claim_findings(linter, text)


@pytest.mark.parametrize("text", [
    "Flu season is here. Getting your flu shot can reduce the severity if you do get sick.",  # a measure
    "COVID-19 cases are rising. Our hospitals reduced the length of stays.",  # a place of care
    "Acupuncture may help some people with back pain. Flu shots are available too.",
])
def test_course_of_illness_near_misses_stay_clean(linter, text):
    assert not {"CLM003", "CLM004"} & set(claim_findings(linter, text))


# ------------------------------------------------------------------------------------------------
# Class: the reader as the agent of an effect, in a post about a sold thing or practice: the
# promise is the sold thing's ("Weekly cupping this winter: you may shake off a cold faster").


@pytest.mark.parametrize(("text", "rule"), [
    ("Monthly cranial adjustments through the winter: you may shorten the flu if it does catch you.", "CLM004"),
    ("Our new salt cave sessions open Monday. You will breathe easier and calm your asthma.", "CLM003"),
    ("Stock up on our zinc lozenges, $12. You'll knock out the flu in two days.", "CLM004"),
])
def test_the_reader_using_the_sold_thing_makes_its_claim(linter, text, rule):
    assert rule in claim_findings(linter, text)


@pytest.mark.parametrize("text", [
    "Do you run a gym or a pool? You can help prevent the spread of COVID-19 with these tips.",  # asked, not sold
    "Drink more water in the heat. You can prevent kidney stones.",  # a generic thing, nothing sold or owned
    "Our flu clinic is open. You can lower your risk of flu by getting vaccinated.",  # a public-health measure
    "Our soaps are back in stock. You can stop the flu spreading by washing your hands often.",  # the means is named
])
def test_reader_near_misses_stay_clean(linter, text):
    assert not {r: s for r, s in claim_findings(linter, text).items() if r in {"CLM003", "CLM004"}}


# ------------------------------------------------------------------------------------------------
# Class: a headline order to the reader ("Banish X.") whose means is the sold thing the post names
# after it; the tagger often reads the opening verb as a compound noun of the condition.

@pytest.mark.parametrize("text", [
    "Soothe eczema. Our calendula balm is back on the shelf.",
    "BANISH PSORIASIS. CBD can interact with receptors in your skin.",
    "Prevent the flu. Our zinc lozenges are in stock now.",
])
def test_a_headline_order_with_the_sold_thing_after_it_is_a_claim(linter, text):
    assert {"CLM003", "CLM004"} & set(claim_findings(linter, text))


@pytest.mark.parametrize("text", [
    "Prevent the flu. Wash your hands and get your flu shot at any county clinic.",
    "Beat arthritis pain. Our physiotherapists run a free class on Tuesdays.",
    "Cancer prevention starts with screening. Book your mammogram today.",
    "Flu prevention tips from our nurses, all week on our page.",
])
def test_a_headline_order_met_by_care_or_a_public_health_measure_is_not(linter, text):
    assert not {"CLM003", "CLM004"} & set(claim_findings(linter, text))


# Class: proof claimed in the perfect passive ("has been shown to") without a source

def test_a_perfect_passive_proof_without_a_source_is_an_establishment_claim(linter):
    assert "CLM005" in claim_findings(linter, "Cupping has been shown to be the best therapy for stiff necks.")


def test_the_same_proof_with_its_source_is_not(linter):
    text = "Handwashing has been shown to cut diarrhoeal illness by a third (Ejemot-Nwadiaro, Cochrane 2021)."
    assert "CLM005" not in claim_findings(linter, text)


# ------------------------------------------------------------------------------------------------
# Class: a structure/function effect, or a thing designed or chosen, aimed at people who have a
# disease (21 CFR 101.93(g)(2)): the audience makes it a disease claim.

@pytest.mark.parametrize("text", [
    "Promotes healthy blood flow for people living with peripheral artery disease. 60 capsules.",
    "Our turmeric blend maintains flexible joints for psoriatic arthritis patients.",
    "Our lozenges are formulated for those with chronic bronchitis.",
    "CalmMind: supports focus. The number one choice for families caring for a parent with Alzheimer's.",
])
def test_a_structure_function_effect_aimed_at_a_diseases_sufferers_is_a_disease_claim(linter, text):
    assert "CLM003" in claim_findings(linter, text)


@pytest.mark.parametrize("text", [
    "Our diabetes educators support people living with diabetes every day.",
    "The flu vaccine helps protect people with asthma from complications.",
    "Our support group for people living with Parkinson's meets on Tuesdays.",
    "Gentle exercise helps people with arthritis stay mobile.",
    "Our memory care unit is the right choice for families caring for a loved one with dementia.",
    "We wrote this guide for parents of children with autism.",
])
def test_care_measures_and_services_for_the_same_people_are_not(linter, text):
    assert "CLM003" not in claim_findings(linter, text)


# Class: a why-question answered in its own "when" clause argues a claim rather than asking

def test_a_why_question_with_its_answer_in_a_when_clause_makes_the_claim(linter):
    text = "Why bother with the flu jab when our elderberry tonic protects you better against the flu?"
    assert "CLM004" in claim_findings(linter, text)


@pytest.mark.parametrize("text", ["Can elderberry protect you against the flu? Ask our pharmacist.",
                                  "Why get a flu shot when you're healthy? Because it protects the people around you."])
def test_a_question_that_asks_is_not(linter, text):
    assert "CLM004" not in claim_findings(linter, text)


# Class: an effect made by a verb's particle ("knock it out", "keep it at bay") on a pathogen

@pytest.mark.parametrize("text", ["Sniffles starting? Our Vita Boost IV knocks that cold virus out in a day.",
                                  "Our elderberry gummies keep colds at bay, $19."])
def test_a_particle_effect_of_a_sold_thing_on_a_pathogen_is_a_claim(linter, text):
    assert "CLM004" in claim_findings(linter, text)


@pytest.mark.parametrize("text", ["Keep the flu away this winter: get your flu shot and wash your hands.",
                                  "Keep kids with flu symptoms out of school until they are fever-free."])
def test_the_same_particles_with_a_measure_or_people_are_not(linter, text):
    assert "CLM004" not in claim_findings(linter, text)
