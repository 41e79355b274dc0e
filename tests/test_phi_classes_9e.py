"""Issue #9, PHI by linguistic class (2026-12-06, evening, from the 12-06k set's misses, development data
since): a named child's illness in a comment reply however the parser splits the sentence; a pharmacy's
dispensing as care ("I just filled a ... script for"); surprise that asserts ("can't believe we ...");
clinicians at work for someone singled out by an event; described photos named by their medium first
("[IG story photo: ...]"), holding parentheses, or showing faces in a room of care; Spanish test results,
visits ("vino a su cita") and Spanish words that the English model takes for names. With the near misses
of each that must stay clean.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

from .conftest import BLOCKING
from .conftest import phi_rule_findings as phi


@pytest.mark.parametrize("text, kind", [
    ("So glad!! Hope Nora's strep clears up quick — keep giving her the amoxicillin with yogurt 🍓", "comment-reply"),
    ("Just filled an Eliquis prescription for the Westbrook High football coach, small towns 😂", "post"),
    ("We refilled the insulin prescription for Coach Daniels this morning, feel better Coach!", "post"),
    ("Can't believe we just discharged the Riverside High quarterback after his ACL repair, go Hawks!", "post"),
    ("Our trauma team has been working nonstop for the teen pulled from Sunday's Cedar Lake boating crash.", "post"),
    ("[IG story photo: patient in recovery, face blurred, dragon tattoo on the neck clearly visible] Day 2 post-op!",
     "story"),
    ("Busy morning in our infusion suite! [Photo: six patients in infusion chairs, faces clearly visible]", "post"),
    ("Best mail ever 💌 [Photo: card reading 'Thank you 4th floor nurses for getting Grandpa through his stroke. Love, the "
     "Alvarez family (Rita, Joe & kids)']", "post"),
    ("¡Hola! Sí, el resultado de la biopsia del Sr. Tomás Ibarra ya llegó, puede llamarnos mañana.", "comment-reply"),
    ("Don Ramiro vino hoy a su consulta de control después de su bypass gástrico, ¡y se ve increíble!", "post"),
])
def test_the_classes_are_read(linter, text, kind):
    assert phi(linter.lint_text(text, kind=kind)), text


@pytest.mark.parametrize("text, kind", [
    ("Yay!! Good luck at the spelling bee, Nora, we are cheering for you!", "comment-reply"),
    ("I just filled my own prescription for allergy meds, spring is here.", "post"),
    ("We filled 1,200 prescriptions for flu season this week, thanks team!", "post"),
    ("Our nursing team has been working around the clock for our community all winter.", "post"),
    ("Our renovated waiting room is open! [Photo: the new waiting room with fresh paint, no patients in the picture]",
     "post"),
    ("Thanks to everyone at the 5K! [Photo: runners at the start line, faces clearly visible, hospital banner behind]",
     "post"),
    ("Meet our infusion nurses! [Photo: Nurse Kim and Nurse Ramos (our infusion team) at the nurses' station]", "post"),
    ("¡Hola Marta! Sí, hacemos diálisis de lunes a viernes, puede llamar para una cita.", "comment-reply"),
    ("¿Tiene preguntas sobre la manga gástrica? Venga a nuestra charla gratuita el jueves.", "post"),
])
def test_the_near_misses_stay_clean(linter, text, kind):
    assert not phi(linter.lint_text(text, kind=kind), BLOCKING), text


def test_spanish_words_are_not_names(linter):
    text = "¡Hola Marta! Sí, hacemos ultrasonidos de lunes a viernes, puede llamar para una cita."
    report = linter.lint_text(text, kind="comment-reply")
    assert not [f for f in report.findings if f.rule_id == "PHI004" and f.matched_text != "Marta"]


@pytest.mark.parametrize("text, word, asserted", [
    ("I can't believe this tea cured my migraines in a week!", "cured", True),
    ("We couldn't believe we delivered triplets on Christmas morning.", "delivered", True),
    ("We don't believe this tea cures migraines.", "cures", False),
    ("This tea can't cure migraines.", "cure", False),
])
def test_surprise_asserts_but_disbelief_still_negates(linter, text, word, asserted):
    from hcsocial_lint.language.assertion import assertion_of
    from hcsocial_lint.language.spans import TextSpan
    from hcsocial_lint.sources import read_text_post

    doc = next(linter.analyse([read_text_post(text, linter.settings)], [linter.settings])).doc
    start = text.index(word)
    assert assertion_of(doc, TextSpan(start, start + len(word), "test")).asserted is asserted


@pytest.mark.parametrize("text, kind, metadata", [
    ("Thank you! Pepper was such a brave pup for her dental cleaning, we hope her recovery goes smoothly 🐶",
     "review-reply", {}),
    ("Happy 9th birthday to Pepper, who has been coming to see us since she was a puppy! 🐶 The Okafor family says "
     "her allergy meds are working great.", "post", {}),
    ("Say hi to Clover, our Patient of the Week! This 11-year-old beagle had two teeth pulled in May and is eating "
     "like a champ.", "post", {"account": "Hillside Veterinary Clinic"}),
    ("## Living with insomnia\n\n*This is a composite story: names and details are invented.*\n\n\"Rae\" lies awake until "
     "3 a.m. most nights. After six sessions of CBT-I, Rae sleeps through four nights a week.", "post", {}),
])
def test_animals_and_made_up_people_are_not_patients(linter, text, kind, metadata):
    report = linter.lint_text(text, kind=kind, metadata=metadata)
    assert not [f for f in report.findings if f.family == "phi" and f.severity.value in ("warning", "error", "critical")], text


@pytest.mark.parametrize("text, kind", [
    ("Happy 90th birthday to Ruth! The Okafor family says her new hip is working great after her surgery with us.", "post"),
    ("Thank you, we hope your recovery from the knee surgery goes smoothly!", "review-reply"),
    ("Meet Dana, our patient from Elm Street who beat breast cancer this spring at our clinic! (Names have been changed.)",
     "post"),
])
def test_people_beside_those_classes_are_still_patients(linter, text, kind):
    assert phi(linter.lint_text(text, kind=kind), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Wild night shift: we worked a full arrest on the 14th green of Millbrook Country Club at 2am. Got ROSC though!",
    "Well that was a first. We worked a code behind a taco truck on Fifth! Still smell like carnitas.",
])
def test_a_clinicians_story_of_one_call_told_by_its_place(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "We worked a code in the ER today and the whole team was amazing.",
    "If we ever work a code in a hot tub, I'm retiring.",
    "We ran a mock code in the sim lab this morning, great practice team!",
    "I had a delivery in the back of the ambulance last night!",
])
def test_calls_at_our_usual_places_or_imagined_stay_clean(linter, text):
    assert not phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Anyone who ate at Rosa's Cantina on Elm between May 2 and 9 may have been exposed to hepatitis A. Free shots "
    "Saturday at the health department, 12 Main St.",
    "Lincoln Elementary Nurse Office, spring term: 120 vision screenings and 45 flu shots. Parents of students with "
    "asthma: please update care plans by Friday so we can keep your child safe.",
])
def test_businesses_and_offices_named_like_people_are_not_patients(linter, text):
    assert not phi(linter.lint_text(text), BLOCKING), text


def test_the_owner_of_a_business_named_after_her_is_still_a_patient(linter):
    text = "Get well soon to Rosa, owner of Rosa's Cantina, who had her gallbladder out with us on Tuesday!"
    assert phi(linter.lint_text(text), BLOCKING)


def test_a_resident_over_89_of_a_care_home_named_in_full(linter):
    text = ("102 year old Margaret (Peggy) Dunne from Ballyhale, Co. Kilkenny, the first resident at St Brigid's "
            "Community Nursing Unit to get her vaccine!")
    assert phi(linter.lint_text(text), BLOCKING)


@pytest.mark.parametrize("text", [
    "Residents at Maple Grove Care Home enjoyed a visit from the local school choir today!",
    "Happy 70th birthday to Tom, a longtime volunteer and friend of the residents at Oakview Nursing Home.",
])
def test_residents_of_a_care_home_without_one_singled_out_stay_clean(linter, text):
    assert not phi(linter.lint_text(text), BLOCKING), text
