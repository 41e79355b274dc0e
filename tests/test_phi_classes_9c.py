"""Issue #9, PHI by linguistic class (2026-12-06, day): negations that assert ("can't stop thinking about my
patient"), pregnancy and limb loss, procedures said with have + part + participle, a veteran called a "vet",
a date beside "my patient", well-wishes to the one just presented, health in a fragment after a public
figure's visit, past test results in replies, people named only by the role they play in a sentence, a
donor who became a patient, names the model ran into the next words, descriptions by workplace, school
or apartment complex, care of the one a thread asks after, delivering a public figure's babies; and the
near misses of each that must stay clean.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

from hcsocial_lint.nlp import context

BLOCKING = {"error", "critical"}


def phi(report, floor=("warning", "error", "critical")):
    return [f for f in report.findings if f.family == "phi" and f.severity.value in floor]


# ------------------------------------------------------------------ negations that assert their complement

@pytest.mark.parametrize("text", [
    "I can't stop thinking about my patient from tonight, Odette, who lost her baby at 22 weeks.",
    "We will never forget our patient Silas, who beat lymphoma on this very floor.",
])
def test_a_negated_verb_of_stopping_or_forgetting_asserts_what_follows(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


def test_negation_still_negates_a_plain_object():
    from hcsocial_lint.nlp.models import load_model

    nlp = load_model("auto").nlp
    doc = nlp("We cannot stop the flu alone.")
    flu = next(t for t in doc if t.text == "flu")
    assert context.is_negated(doc, flu.sent, flu.i, flu.i + 1)
    doc = nlp("I can't stop thinking about my patient.")
    patient = next(t for t in doc if t.text == "patient")
    assert not context.is_negated(doc, patient.sent, patient.i, patient.i + 1)


# ------------------------------------------------------------------ health a short list missed

@pytest.mark.parametrize("text", [
    "Grateful for our patient Corinne, who lost her pregnancy last spring and came back to deliver twins here.",
    "Grateful for our patient Maria, who lost her pregnancy last spring and came back to deliver twins here.",
    "shoutout to the 93 y/o Army vet who had his knee replaced with us Monday morning, he sang to every nurse",
    "Welcome back, Ines! Glad the vertigo settled after your visit with us.",  # names the curated list lacks
    "Welcome back, Rosa! Glad the vertigo settled after your visit with us.",
])
def test_loss_replaced_parts_and_common_conditions_are_health(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Our vet team spayed Biscuit this morning, and she's already asking for treats!",
    "Vertigo can come from the inner ear. Our ENT explains the most common causes.",
])
def test_animals_and_education_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ a date beside "my patient"

def test_a_date_beside_my_patient_with_their_health_singles_them_out(linter):
    text = "Still thinking about my patient from last night. 37, newly divorced, overdose. Check on your people."
    assert phi(linter.lint_text(text), BLOCKING)


def test_a_date_beside_my_patient_without_health_stays_clean(linter):
    assert phi(linter.lint_text("Loved my patient from this morning, she had the whole unit laughing."), BLOCKING) == []


# ------------------------------------------------------------------ well-wishes to the one presented

@pytest.mark.parametrize("text", [
    "Spotted in our waiting room this morning: @marisol_ortega! Hope you feel better soon 🍲",
    "Spotted in our urgent care today: rodeo champ Wade Cole! Hope the shoulder feels better soon, Wade.",
    "Alderwoman Pia Holt stopped by our ER Friday night: don't worry, just a few stitches! Thanks for trusting us.",
])
def test_someone_presented_at_our_place_and_wished_well_is_our_patient(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Thanks to @OakRidgeLions for the blanket drive in our lobby today! Hope you all have a cozy winter.",
    "Senator Ivy Park visited our ER today. Hope you feel better soon, everyone home with the flu!",
    "Mayor Ann Fox stopped by our ER to thank the nurses who treat burn injuries.",
])
def test_hosts_visitors_and_wishes_to_everyone_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ names read from the role they play

@pytest.mark.parametrize("text", [
    "Big day for Jaxon — first testosterone shot, given by our nurse Imani! Welcome to the clinic Jaxon 💙",
    "Don Aurelio ya terminó su tratamiento de Epclusa!! Felicidades de parte de todos en Farmacia La Luz",
    "Shoutout to our bravest donor-turned-patient, 8-year-old Noor from Birch Lane Elementary, who finished her "
    "leukemia treatment here last month!",
])
def test_a_person_named_by_role_or_by_a_trimmed_name_is_found(linter, text):
    assert phi(linter.lint_text(text)), text


@pytest.mark.parametrize("text", [
    "Big day for Pfizer — the updated booster is approved for adults.",
    "Our clinics gave 3,900 flu shots this fall. Thank you, Pinecrest, for looking out for each other!",
])
def test_companies_and_towns_in_the_same_slots_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ descriptions by workplace, school, residence

@pytest.mark.parametrize("text", [
    "Glad to say the night foreman at Harlow Steel who breathed in the most smoke in Monday's fire was discharged "
    "from our ICU today.",
    "pov: ur the 3rd grader from cedar hollow elementary who swallowed two magnets and now ur famous on our peds floor",
    "Long shift in our ER. 24yo from the Bayside Apartments came in after overdosing on fentanyl, we gave him narcan twice.",
    "Thanks to the owner of Elm Street Bagels for lunch! She just finished chemo with us and still fed our whole unit.",
])
def test_a_description_by_workplace_school_or_home_singles_someone_out(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Congrats to the new manager at Riverside Diner on the grand reopening! Stop by our clinic for a flu shot.",
    "Free flu shots for residents of Parkview Apartments this Friday at our clinic!",
])
def test_a_description_with_no_health_of_theirs_stays_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ replies

@pytest.mark.parametrize("text", [
    "We value your feedback. To be clear: the cyst Dr. Ito drained went to the lab as usual, and since it came back "
    "benign no further treatment was needed.",
    "Thank you for the kind thoughts! Our burn team is taking great care of her, and we'll pass your note to the family.",
    "haha yes that's Tyler!! he crushed his gait training session this morning 💪 tell him we said hi",
])
def test_a_reply_that_tells_someones_care_is_blocked(linter, text):
    assert phi(linter.lint_text(text, kind="comment-reply"), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Thanks for asking! We can't share anything about who is or isn't here, but our nurses care for them all like family.",
    "Thank you for the kind words about Marisol. She's one of our stars, and we'll make sure she sees this!",
])
def test_a_reply_about_everyone_or_praising_a_colleague_stays_clean(linter, text):
    assert phi(linter.lint_text(text, kind="review-reply"), BLOCKING) == [], text


# ------------------------------------------------------------------ a public figure's family in our care

def test_delivering_a_public_figures_babies_is_care_of_their_family(linter):
    text = "Happy retirement, Nurse Bea! Her favorite memory is delivering Judge Amos Reed's triplets during the blizzard."
    assert phi(linter.lint_text(text), BLOCKING)


# ------------------------------------------------------------------ stated permission

def test_a_signed_hipaa_authorization_stated_in_the_text_is_a_reminder_not_a_block(linter):
    text = "With Gus's signed HIPAA authorization, we're sharing his photo from today's pulmonary rehab graduation!"
    findings = phi(linter.lint_text(text))
    assert findings and not [f for f in findings if f.severity.value in BLOCKING]


# ------------------------------------------------------------------ 2026-12-06c classes (development data from here)

@pytest.mark.parametrize("text", [
    "News from Willow Court\n- Pie social raised $80 for the shelter\n- Room 9's Mrs. Okafor turned 100 on Sunday!\n- Tai chi moves to Mondays",
    "Our medics transported a special passenger today: 97-year-old Army veteran Sgt. Lou Bianchi, by stretcher from "
    "Elmwood Manor to St. Jude's.",
    "UPDATE: The three hikers rescued from Granite Ridge on Sunday remain at our hospital. Two are in fair condition.",
    "So grateful to Dr. Ruiz, who stayed past her shift to stabilize T.W. after Thursday's Route 9 crash.",
])
def test_residents_transports_event_victims_and_initials_are_singled_out(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Dr. Amy Fox (Room 204) turns 90 next week and still teaches our Tuesday lecture!",
    "MEASLES EXPOSURE NOTICE from the Clay County Health Department: a person with measles passed through Gate 2 at "
    "Harbor Airport on June 8 between 2 and 5 pm. Check your vaccine records.",
    "We know many of you are asking about the rider hurt in Sunday's crash at the fairgrounds. We cannot confirm whether "
    "anyone is or was a patient here.",
    "Thank you, Deputy Sam Ortiz, for directing traffic outside our Emergency Department entrance during this morning's outage!",
    "Please join us in congratulating Lab Tech Nina Cole and her wife Ana on the arrival of baby Juniper, 6 lbs 9 oz!",
])
def test_staff_public_notices_denials_and_colleagues_families_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


def test_a_colleagues_baby_born_in_our_birth_center_is_still_our_patient(linter):
    text = "Congratulations to our nurse Tia Marks on the birth of her son Eli, born here in our birth center on May 2!"
    assert phi(linter.lint_text(text), BLOCKING)
