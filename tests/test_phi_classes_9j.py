"""Issue #9: PHI classes read from development blind sets (12-06f, 12-06i, 12-06k, 12-06q, 12-06r, 12-06t) in
the fifth session of 12-07. A person who owns an animal is not the animal: the emoji beside their name or the
breed in their sentence does not make them one, and "the early birds" is an idiom for people. Something placed
in or pulled out of a part of their body by our team is our care of them. A procedure of theirs that our
clinician "did" is care they received, unless it is the clinician's own milestone ("her 500th", "her first").
A procedure of theirs done "with our <team>" is our care of them, whoever they are (a donor, a fundraiser).
Care taken of someone, said in the past or as our pleasure ("glad to take care of you"), is care of the one
wished well. "Back at work" is someone's own job, not work here, and "you taught me" makes someone the
author's teacher, not our staff. "Her drinking got out of control" is substance use.

Every sentence is new, written for this file; none is copied from a blind set or a real post.
"""

from __future__ import annotations

import pytest

from hcsocial_lint.model import Severity
from hcsocial_lint.rules.phi.assessment import assess
from hcsocial_lint.rules.phi.people import ANIMAL
from hcsocial_lint.sources import read_text_post


def _assessment(linter, text: str):
    post = read_text_post(text, linter.settings, kind="post")
    return assess(next(linter.analyse([post], [linter.settings])))


def _phi(linter, text: str) -> list:
    post = read_text_post(text, linter.settings, kind="post")
    analysis = next(linter.analyse([post], [linter.settings]))
    return [f for f in linter.check(analysis).findings if f.family == "phi" and f.rule_id != "PHI090"]


def _blocked(linter, text: str) -> bool:
    return any(f.severity >= Severity.ERROR for f in _phi(linter, text))


def _roles(linter, text: str) -> dict[str, str]:
    return {p.text: p.role for p in _assessment(linter, text).people}


# ------------------------------------------------------------------ animals and their people


def test_the_owner_of_a_dog_is_a_person_whatever_emoji_stands_beside_her(linter):
    text = ("Say hi to Rosalind! 🐶 Rosalind tripped over her beagle Pepper in the yard, and our hand team "
            "pinned two screws into her broken wrist. She is back to throwing the frisbee already.")
    roles = _roles(linter, text)
    assert roles["Rosalind"] != ANIMAL
    assert roles.get("Pepper", ANIMAL) == ANIMAL
    assert _blocked(linter, text)


def test_a_dog_named_beside_its_breed_stays_a_dog(linter):
    text = "Get well soon, Pepper! 🐶 Our friends at the animal hospital say the border collie is healing well."
    assert _roles(linter, text)["Pepper"] == ANIMAL
    assert not _blocked(linter, text)


@pytest.mark.parametrize("text", [
    "Shout-out to Marlene and Otis, the early birds of our 5:30 a.m. infusion chairs, who never miss a Monday!",
    "Our resident night owl Theo keeps the whole dialysis unit laughing on the late shift.",
])
def test_an_animal_word_in_an_idiom_for_people_names_no_animal(linter, text):
    assert ANIMAL not in _roles(linter, text).values()


# ------------------------------------------------------------------ our care, from the parse


def test_something_placed_in_a_part_of_their_body_by_our_team_is_our_care(linter):
    text = "Meet Ignatius. Our spine team placed two rods in his curved spine in March, and he finished a 10K Sunday."
    ids = {f.rule_id for f in _phi(linter, text)}
    assert "PHI001" in ids


def test_a_clinician_placing_rods_in_general_is_no_ones_care(linter):
    assert not _blocked(linter, "Dr. Okafor has placed rods in hundreds of spines and teaches the technique to residents.")


def test_a_procedure_of_theirs_our_clinician_did_is_care_they_received(linter):
    text = ("Radio host Priscilla Vane told listeners she had a mole removed last week, and we are proud that Dr. Amsel "
            "did her skin surgery at our Elm Street office!")
    assert _blocked(linter, text)


@pytest.mark.parametrize("text", [
    "Congratulations to Dr. Wynn Ashby! Dr. Patel did her 1,000th cataract surgery with us on Friday.",
    "Cheers for Nurse Odile Brandt! Dr. Patel did her first robotic colectomy here this week.",
])
def test_a_clinicians_own_milestone_is_no_ones_procedure(linter, text):
    assert not _blocked(linter, text)


def test_a_procedure_of_theirs_done_with_our_team_makes_a_donor_our_patient(linter):
    text = ("Gala recap! Our raffle winner was Lorna Fitch, who gave the prize back to the fund. Lorna danced all night "
            "just six weeks after her hip replacement with our joint team.")
    assert _blocked(linter, text)


def test_a_clinicians_research_with_our_team_is_no_procedure_of_theirs(linter):
    assert not _blocked(linter, "Dr. Kaur joined us in 2019 and did her research on hip replacement with our joint team.")


def test_care_taken_of_the_one_wished_well_ties_an_official_to_our_care(linter):
    text = "Feel better soon, Commissioner Adaeze Ilori! Our stroke team was honored to care for you this weekend."
    assert _blocked(linter, text)


# ------------------------------------------------------------------ who someone is


def test_back_at_work_is_their_own_job_not_work_here(linter):
    text = ("Meet Corliss. Corliss was a bus driver in Linden when her drinking got out of control. Last spring she "
            "spent 30 days in our residential program. Today Corliss is back at work and mentoring new drivers.")
    roles = _roles(linter, text)
    assert "staff" not in roles.values()
    assert _blocked(linter, text)


def test_working_here_is_still_staff(linter):
    text = "Meet Corliss, who works at our front desk and knows every regular by name."
    assert _roles(linter, text)["Corliss"] == "staff"


def test_someone_who_taught_the_author_is_not_our_staff(linter):
    text = ("Caught a baby today for the family of my old piano teacher! Mrs. Halvorsen, you taught me scales and "
            "now I delivered your granddaughter 🥹")
    assert _roles(linter, text)["Mrs. Halvorsen"] != "staff"
