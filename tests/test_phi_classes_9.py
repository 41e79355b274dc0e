"""Issue #9, PHI by linguistic class (night of 2026-12-06): procedures and states a short list missed,
care said of a public figure or a tagged account, residents, ages at death, lists of tagged patients,
a clinician of the person's, photos the draft describes, a clinician's shift story, replies about
the people a thread asks after, and the near misses of each (saints, donors, pets, staff groups,
generic advice, lower-case phrases) that must stay clean.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

BLOCKING = {"error", "critical"}


def phi(report, floor=("warning", "error", "critical")):
    return [f for f in report.findings if f.family == "phi" and f.severity.value in floor]


# ------------------------------------------------------------------ procedures and states

@pytest.mark.parametrize("text", [
    "Dr. Osei just wrapped up Priya's egg retrieval: eleven eggs frozen for later!",            # fertility care
    "Huge day for Omar, who reached an undetectable viral load this spring! We're proud of you.",  # HIV care
    "Kai aced his oral food challenge this morning and had his first cashew!",                  # allergy care
    "Dolores told us she read the eye chart from across the room the day after her LASIK.",      # refractive surgery
    "Welcome back, Jordan, after your short stay on the inpatient psych unit. We saved your seat.",
    "Congrats to Walt, finally off his home oxygen after six months!",
    "Our own Rosa had her gallbladder removed here last week and is already back at her desk.",   # organ removed
])
def test_procedures_and_states_a_short_list_missed_are_health(linter, text):
    assert phi(linter.lint_text(text)), text


@pytest.mark.parametrize("text", [
    "Egg freezing: what to ask at your first consult.",
    "What does an undetectable viral load mean? Our pharmacist explains.",
    "LASIK or PRK? Book a free screening to find out which suits your eyes.",
    "Our psych unit is hiring night-shift nurses.",
])
def test_the_same_health_words_in_education_or_services_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ care said of a public figure or a handle

@pytest.mark.parametrize("text", [
    "Feel better, Alderman Ray Kostas, whom our urgent care team stitched up after Sunday's parade.",
    "Country star Willa Dean, who plays the arena Saturday, came through our ER last night with a sprained wrist.",
    "Healing vibes to @marco_runs_far, who's recovering from hip surgery on our ortho floor this week!",
])
def test_care_predicated_of_a_public_figure_or_a_tagged_person_ties_them(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Thanks to Alderman Ray Kostas, who toured our new urgent care wing on Sunday.",
    "Healing vibes to everyone running the hospital 5K this weekend! Sign up via @CityRunsCo.",
])
def test_a_public_figure_visiting_or_a_host_account_stays_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ residents and ages at death

@pytest.mark.parametrize("text", [
    "Our longtime resident Mabel Ortiz passed peacefully in our memory care suite on Friday at 96.",
    "Happy 93rd birthday, Mr. Hugo Brandt! Per his dietitian, just one small slice of cake.",
])
def test_a_resident_over_89_or_under_a_clinician_of_theirs_is_ours(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Happy birthday to Nurse Tia! She and her therapist friends went bowling.",     # staff, a friend's job
    "Congrats to Dana Cruz on her retirement after 30 years at our hospital.",
    "Our longtime donor Felix Marr turned 95 this week. Thank you for 40 years of support!",
])
def test_staff_and_donors_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


def test_an_age_at_death_is_an_age_not_a_clock_time_or_a_street(linter):
    from hcsocial_lint.rules.phi.recognizers import AgeOver89Recognizer

    found = [r.entity_type for r in AgeOver89Recognizer().analyze("She passed away on Sunday at 94.", ["AGE_OVER_89"])]
    assert found == ["AGE_OVER_89"]
    assert AgeOver89Recognizer().analyze("He died at 100 Main Street.", ["AGE_OVER_89"]) == []


# ------------------------------------------------------------------ lists of tagged patients

@pytest.mark.parametrize("text", [
    "Tag yourself if you finished our pulmonary rehab crew this spring 👇 @bea_breathes @tomtom_k @lungs.of.steel",
    "So proud of our survivors from Tuesday's support group @hannah.h @rico_strong @mimi_22",
])
def test_tagged_accounts_listed_as_a_group_of_our_patients_are_patients(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Shoutout to our weekend night crew @nurse_jo @mike.rn for covering the storm!",
    "Congrats to our 2027 nursing graduates @lena_bsn @cal.rn!",
    "Our youth soccer stars @liam10 @ava_kicks won the county cup!",
    "Thanks to @riverbank_bakery @greenleaf_cafe for the staff breakfast!",
])
def test_staff_groups_graduates_teams_and_businesses_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ photos the draft describes

def test_a_described_photo_of_a_patient_singles_them_out(linter):
    text = "[Photo: patient waving from her bed in our cardiac unit, face visible] Day 4 of recovery for this fighter!"
    assert any(f.rule_id == "PHI007" for f in phi(linter.lint_text(text), BLOCKING))


@pytest.mark.parametrize("text", [
    "[Photo: a patient's hands around a mug, face not shown] Day 4 of recovery! Our cardiac unit is cheering.",
    "[Photo: Dr. Ames with our new imaging suite] Our cardiac unit keeps growing!",
])
def test_a_photo_without_a_face_or_of_staff_stays_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ a clinician's shift story

def test_a_shift_story_with_a_bed_and_an_age_singles_out_the_patient(linter):
    text = "Rough night. Had a 31-year-old in bay 6 overdose again. Naloxone brought him back."
    assert phi(linter.lint_text(text), BLOCKING)


def test_an_age_that_describes_a_group_is_not_a_patient(linter):
    assert phi(linter.lint_text("We had a 10-year-old hockey team tour the hospital today!"), BLOCKING) == []


# ------------------------------------------------------------------ replies

def test_a_reply_telling_the_care_of_the_people_asked_after_is_phi(linter):
    report = linter.lint_text("They're doing great! Both boys went home from our NICU on Monday.", kind="comment-reply")
    assert phi(report, BLOCKING)


@pytest.mark.parametrize("text", [
    "Great question! Most babies go home from our NICU within two weeks.",
    "Thanks! Since the new wing opened, families went home from our birthing center happier than ever.",
    "Thanks for asking! In general, most people are back at work a week after this kind of procedure, "
    "but the surgeon you see is the best person to ask.",
    "Thanks for reaching out. To protect your family's privacy, please call our nurse line instead.",
])
def test_generic_replies_stay_clean(linter, text):
    assert phi(linter.lint_text(text, kind="comment-reply"), BLOCKING) == [], text


# ------------------------------------------------------------------ things that are not people

@pytest.mark.parametrize("text", [
    "Go Cedar Valley Medics! Our staff softball team took down the St. Brigid's Bears 7-2 in the charity final.",
    "The Novak Family Reading Room is open, thanks to a gift from Lillian and Tomas Novak.",
    "Over 250 people finished our cardiac rehab program this year, logging enough treadmill miles to reach Ohio.",
    "Meet Biscuit, 17 years young and our oldest canine patient! She came in for a dental cleaning this week.",
])
def test_saints_donors_phrases_and_pets_are_not_patients(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


def test_a_vet_reply_about_a_pet_names_no_person(linter):
    text = "So glad Pepper is back to her zoomies after her spay! Give her a belly rub from all of us."
    assert phi(linter.lint_text(text, kind="review-reply"), BLOCKING) == []


def test_a_unique_first_is_a_person_not_a_first_thing(linter):
    text = "Your Google profile is often the first thing a prospective patient sees at our dermatology practice."
    assert phi(linter.lint_text(text), BLOCKING) == []


# ------------------------------------------------------------------ staff who were our patients

def test_staff_who_had_a_procedure_here_are_our_patients(linter):
    text = "Our own unit clerk Tessa Lund was on the other side of the desk last month: she had her appendix removed right here."
    assert phi(linter.lint_text(text), BLOCKING)


def test_staff_who_had_a_procedure_here_at_their_request_is_a_reminder_not_a_block(linter):
    text = "Shared at her request: our own unit clerk Tessa Lund had her appendix removed right here last month."
    found = phi(linter.lint_text(text))
    assert found and not [f for f in found if f.severity.value in BLOCKING]


@pytest.mark.parametrize("text", [
    "Dr. Vance performed her 500th hip replacement here last week. What a milestone!",
    "Our own Bea Lund had her windshield replaced here in the garage last week.",
])
def test_staff_who_perform_care_or_get_a_car_fixed_stay_staff(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ descriptions that single someone out

@pytest.mark.parametrize("text", [
    "So honoured our team got to set the broken wrist of the Channel 9 morning anchor this week. Heal fast!",
    "Grateful our cardiac team could place a stent for Millbrook's only female fire chief this month.",
    "Guess who got their flu shot from me today?! The lead singer of Copper Lantern! A little nervous about needles.",
    "Our trauma team cared for the cyclist from Sunday's crash on Bay Road; he's out of surgery and talking.",
    "Had a patient today, a well-known rabbi here in Fairmont, who opened up about his depression.",
    "Our oldest heart patient ever, a 97-year-old retired judge, went home today after his valve repair. Stay strong, Judge!",
    "Fun fact: Mrs. Okafor, our resident on the 3rd floor, still plays piano every night, even with her dialysis.",
])
def test_descriptions_that_pick_out_one_patient_are_phi(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Thanks to the Channel 9 morning anchor for hosting our heart health fair on Saturday!",
    "The lead singer of Copper Lantern will play our cancer center gala this Friday.",
    "A well-known rabbi in Fairmont led our prayer service for cancer survivors today.",
    "Congrats to Millbrook's only female fire chief on her promotion! She toured our ER today.",
    "Meet Carla Diaz at our booth this Saturday! Carla will answer questions about our new cancer center.",
    "Our oldest patient ever? 🐢 Pickle the tortoise, 93 years young, came in for a shell check today.",
])
def test_descriptions_of_people_at_our_events_or_of_animals_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


def test_a_story_opened_with_meet_is_about_the_patient_it_introduces(linter):
    text = "Meet Farah Noor. Last winter, Farah arrived at our ED with back pain that turned out to be a kidney infection."
    assert phi(linter.lint_text(text), BLOCKING)


def test_a_staff_member_who_asked_us_to_share_gets_a_reminder_not_a_block(linter):
    text = "Our front desk star Lucia is out this week after her own knee surgery here; she asked us to tell you she misses you!"
    assert not phi(linter.lint_text(text), BLOCKING)


def test_a_vet_reply_about_a_purring_cat_names_no_person(linter):
    text = "So glad Biscuit is home and purring again! Give her a scratch from all of us."
    assert phi(linter.lint_text(text, kind="review-reply"), BLOCKING) == []


@pytest.mark.parametrize("text", [
    "Today the state health department and CDC confirmed a case of measles in a patient who had not traveled abroad.",
    "Marisol's husband, Dev R., lives with heart disease. She has been there for every appointment, scan and surgery.",
])
def test_an_agency_announcement_and_a_campaign_relative_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text
