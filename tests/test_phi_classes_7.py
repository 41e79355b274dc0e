"""Issue #9, PHI recall by linguistic class: who someone is (an official, a celebrity, a colleague, a
guest) does not say whether we cared for them; care predicated of them on the parse does.

Each class is written as new sentences, with near misses of the same shape that must stay clean.
"""

from __future__ import annotations

import pytest

BLOCKING = {"error", "critical"}


def phi(report, floor=("warning", "error", "critical")):
    return [f for f in report.findings if f.family == "phi" and f.severity.value in floor]


# ------------------------------------------------------------------ a role yields to care predicated of the person

@pytest.mark.parametrize("text", [
    # the object of our care verb
    "We were privileged to treat Councilwoman Ida Marsh for pneumonia last week.",
    "Our team was proud to care for Judge Omar Feld after his hip fracture.",
    # at our place of care, being cared for
    "Judge Omar Feld is recovering in our cardiac unit after a heart attack.",
    "Such a thrill to have pop singer Mira Vance in our clinic today for her sinus surgery!",
    # a birth at our place, whoever the mother is
    "Congratulations to our billing coordinator Renee, who had her baby boy here on Sunday!",
    "Best wishes to Alderman Rosa Quint, who delivered her first son at our birthing center overnight.",
    # a role read from a stray word ("speak") yields to care in the person's own clause
    "Last winter Nadia arrived at our cardiac rehab unit after her heart attack, too weak to speak.",
])
def test_a_role_yields_to_care_predicated_of_the_person(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Councilwoman Ida Marsh thanked our nurses at the pneumonia vaccine clinic.",
    "Judge Omar Feld toured our cardiac unit and spoke about heart health.",
    "Pop singer Mira Vance will host our sinus health webinar on Thursday.",
    "Congratulations to our billing coordinator Renee on ten years with our team!",
    "Nurse Carla delivered her fiftieth baby at our birthing center this week!",
    "Dr. Ames treated more than forty flu patients in our clinic on Monday.",
    "Nadia will speak at our cardiac rehab open house about heart attack warning signs.",
])
def test_roles_without_care_of_them_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ animals: one the person owns is not the person

def test_a_pet_owned_by_the_person_does_not_make_them_an_animal(linter):
    text = "Farewell from our oncology unit to Eileen, off home to her dogs after her final chemo today."
    assert phi(linter.lint_text(text))


def test_a_pet_named_like_a_person_stays_out_of_scope(linter):
    text = "Meet Biscuit, our clinic's therapy dog, who visits the oncology unit every Friday."
    assert phi(linter.lint_text(text), BLOCKING) == []


# ------------------------------------------------------------------ health the person possesses

def test_health_possessed_by_a_named_person_is_theirs(linter):
    text = "Our pharmacist Joan has refilled Walter's metformin every month for a decade. Happy retirement, Walter!"
    assert phi(linter.lint_text(text))


# ------------------------------------------------------------------ ages over 89 (Safe Harbor (C))

@pytest.mark.parametrize("text", [
    "Cake time on the memory care wing: one of our residents turned 101 this weekend!",
    "Happy 99th birthday to our longest-serving resident in the east wing!",
    "Big hugs to the 93 y/o grandpa who had his hernia repair with us on Monday.",
    "The 95yo gentleman we saw for a hip fracture last night is walking again.",
])
def test_an_age_over_89_of_our_resident_or_patient_is_flagged(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Our hospital turned 100 this year: thank you to a century of nurses.",
    "Our residents matched in cardiology, surgery and family medicine this spring!",
    "Fun fact: 95 percent of our residents got their flu shot.",
])
def test_ages_without_a_person_in_care_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ animals named like people

@pytest.mark.parametrize("text", [
    "Say hi to Pickles the tortoise, 92 years young, in for a shell check this morning.",
    "Meet Mango, a nine-year-old tabby who came in Monday for a dental cleaning.",
])
def test_an_animal_named_like_a_person_is_out_of_scope(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ handles

@pytest.mark.parametrize("handle", ["@TheRealMaxine", "@the_real_kofi", "@TheRealDrewK"])
def test_a_the_real_handle_is_someones_own_account(handle):
    from hcsocial_lint.language.entities import handle_kind
    from hcsocial_lint.rules.phi.names import is_given_name

    assert handle_kind(handle, is_given_name) == "person"


@pytest.mark.parametrize("handle", ["@TheLancet", "@TheHill", "@CDCgov"])
def test_organisation_handles_stay_organisations(handle):
    from hcsocial_lint.language.entities import handle_kind
    from hcsocial_lint.rules.phi.names import is_given_name

    assert handle_kind(handle, is_given_name) == "organisation"
