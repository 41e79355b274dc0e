"""Issue #9, PHI recall by linguistic class (evening of 2026-12-05): health words a short list misses,
people the name layer typed wrongly, being in a bed of ours, people singled out by a role or an event,
Spanish names, and the near misses of each that must stay clean.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

BLOCKING = {"error", "critical"}


def phi(report, floor=("warning", "error", "critical")):
    return [f for f in report.findings if f.family == "phi" and f.severity.value in floor]


# ------------------------------------------------------------------ health a short vocabulary missed

@pytest.mark.parametrize("text", [
    "So happy for Theo, whose new knee has him back on the tennis court!",          # a replaced body part
    "Coach Lena Park is smiling with our sports medicine team after her ACL reconstruction.",
    "Three years seizure-free today, Isabel! We are so proud of you.",              # a state named by its absence
    "Marcus came back for his 12-month scan and it's still clear!",                 # a result
    "Big congrats to Dana on her gastric sleeve journey with our team!",            # weight-loss surgery
    "Our client Jess after her lip filler touch-up, glowing!",                      # cosmetic care
    "Mr. Ned Oakes, a retired bus driver living with emphysema, walked to his mailbox this week.",  # MeSH condition
])
def test_health_beyond_the_short_vocabulary_is_read(linter, text):
    assert phi(linter.lint_text(text)), text


@pytest.mark.parametrize("text", [
    "Get your new smile started: free consults all month.",
    "Our knee replacement program ranks in the top ten in the state.",
    "Learn what a 12-month scan schedule looks like after treatment.",
    "Emphysema is preventable: quit smoking today.",
])
def test_the_same_health_words_without_a_person_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ handles of people

@pytest.mark.parametrize("text", [
    "Shoutout to @tommy_k for being so brave at his first allergy shot today!",
    "So great to have @QBMarcusLee in the clinic for his shoulder rehab this morning.",
    "Happy 5 years cancer-free, @still_standing_sue! Honoured to be part of your journey.",
])
def test_handles_of_people_are_people(linter, text):
    assert phi(linter.lint_text(text)), text


@pytest.mark.parametrize("text", [
    "Thanks to @StLukesHealth and @CDCgov for the flu shot clinic data.",
    "Shoutout to @NYCHealthDept for the free allergy screening event!",
])
def test_handles_of_organisations_stay_organisations(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ a role guessed from a word yields to own health

@pytest.mark.parametrize("text", [
    "Cheers to our bravest donor-turned-recipient, 8-year-old Omar, who finished his lymphoma treatment here this month!",
    "Former Hawks safety Tom Ridley joined our memory care neighborhood last month. Tom, so glad you're here.",
    "Remember Kai, the little guy who came to us after the dog bite last summer? His facial reconstruction healed beautifully.",
    "Our oldest resident, Edna, 102, just beat pneumonia in our care.",
])
def test_a_role_read_from_a_nearby_word_yields_to_their_own_health(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Welcome our newest resident, Dr. Amy Lin, to internal medicine!",
    "Former Hawks safety Tom Ridley joined our memory care team as an activities aide.",
    "Thank you to our blood drive sponsor, Lakeside Credit Union, and donor Omar Haddad!",
])
def test_staff_sponsors_and_donors_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ in a room or bed of ours

@pytest.mark.parametrize("text", [
    "Photo of the day: Mrs. Okafor in 3C-14 got her nails painted by our volunteers!",
    "Throwback to when Leo in room 412 taught the night shift to juggle. Miss you, Leo!",
])
def test_a_person_placed_in_a_room_or_bed_is_a_patient(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Join author Grace Kim in Room 204 for a talk on caregiving.",
    "Dr. Patel in Room 4 will lead the CPR class tonight.",
    "Our new 3D mammography suite opens in 2B next week.",
])
def test_meeting_rooms_and_staff_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ singled out without a name

@pytest.mark.parametrize("text", [
    "Busy night in our ER: the owner of the Maple Street Diner came in with a deep cut from a bread knife.",
    "Yes, the Tigers' goalie was seen in our ED on Friday for a broken wrist.",
    "The governor's husband thanked our nurses for the care during his stay with us.",
    "Our trauma team is caring for the lineworker injured in last night's ice storm near Milford. He is stable.",
    "Our labor and delivery team welcomed quadruplets on New Year's Eve at 11:58pm! Mom is doing great.",
])
def test_a_role_or_an_event_that_singles_someone_out(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "The Tigers' new stadium opens in May with a first aid station on every level.",
    "Clinic opens at 8:00am Monday; flu shots for everyone 6 months and older.",
    "Our ER treated 312 people injured in storms this winter.",
])
def test_roles_times_and_totals_without_one_person_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ ages and events that are not a person's

@pytest.mark.parametrize("text", [
    "Sir Shelly the box turtle, age 95, is our oldest patient! His shell exam went great.",
    "Happy 100th birthday to our clinic! Founded in 1926 with six beds.",
    "Join us for the 5th annual Maya's Walk for Lupus on May 3! Proceeds go to the Maya Grant Fund.",
    "Thank you, Dayton + Springfield. It has been a long year. #COVID19",
])
def test_animals_institutions_and_named_events_are_not_patients(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ Spanish names and care (issue #9, part 7)

@pytest.mark.parametrize("text", [
    "Hoy celebramos a Pablito, who finished his last session de quimio with us!!",
    "Gracias Don Arturo por confiar en nosotros para su cirugía de cataratas.",
    "Doña Elena falleció anoche en nuestra unidad de cuidados paliativos, rodeada de su familia.",
    "¡Bienvenida a casa, bebé Lucía! Nació a las 29 semanas y pasó 7 semanas en nuestra UCIN.",
])
def test_spanish_names_and_care_are_read(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "¡Gracias a todos por venir a nuestra feria de salud! Vacunas gratis el sábado.",
    "La diabetes se puede controlar: hable con su médico.",
])
def test_spanish_posts_without_a_patient_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ replies that tell a past event of the reviewer's care

@pytest.mark.parametrize("kind,text", [
    ("comment-reply", "Hi Jonah! Glad the knee scope went well, take it easy on the stairs this week."),
    ("comment-reply", "@grandmajune we miss you on the 4th floor! Hope the new hip is treating you well."),
    ("review-reply", "We appreciate the feedback. To clarify, the cyst Dr. Ames drained was tested per protocol and came back clear."),
])
def test_a_reply_that_tells_the_reviewers_past_care(linter, kind, text):
    assert phi(linter.lint_text(text, kind=kind), BLOCKING), text


@pytest.mark.parametrize("kind,text", [
    ("comment-reply", "Thanks for asking! Recovery after this kind of procedure usually takes two weeks."),
    ("review-reply", "Thank you for the kind words! We're always glad to hear from our community."),
])
def test_replies_that_speak_in_general_stay_clean(linter, kind, text):
    assert phi(linter.lint_text(text, kind=kind), BLOCKING) == [], text
