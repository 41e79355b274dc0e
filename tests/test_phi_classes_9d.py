"""Issue #9, PHI by linguistic class (2026-12-06, morning): people singled out by a description with no
name, made indefinite ("a freshman on the Lincoln Prep swim squad", "a 19 y/o from the Dunmore College
rugby club"); an age that brings a second person into a sentence about a nurse; "our 97-year-old patient"
beside a named doctor; vanity licence plates (Safe Harbor (L)) beside a driver's care; and the near misses
of each that must stay clean.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

BLOCKING = {"error", "critical"}


def phi(report, floor=("warning", "error", "critical")):
    return [f for f in report.findings if f.family == "phi" and f.severity.value in floor]


@pytest.mark.parametrize("text", [
    "Our pediatric team treated a freshman on the Lincoln Prep swim squad for a dislocated shoulder this week.",
    "We saw a 19 y/o from the Dunmore College rugby club with a concussion last night.",
    "One of our nurses renewed a birth control prescription for a junior on the Westvale debate team.",
    "The RA from Whitman Hall came by urgent care with strep on Monday.",
])
def test_an_indefinite_description_a_proper_name_specifies_singles_out_our_patient(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "A teacher at Lincoln Elementary shared her best tips for flu season with our readers.",
    "A sophomore at Kessler Academy won the regional spelling bee this week.",
    "Our pediatric team cheered on a freshman from Lincoln Prep at Saturday's swim meet.",
])
def test_an_indefinite_description_without_our_care_or_health_stays_clean(linter, text):
    assert not phi(linter.lint_text(text), BLOCKING), text


def test_an_age_that_brings_someone_in_is_not_about_the_nurse_of_the_sentence_before(linter):
    text = ("Our nurse Dana stayed late last night. She sat with a 7-year-old from Birchwood Elementary who is "
            "with us for chemo.")
    assert phi(linter.lint_text(text), BLOCKING)


def test_an_age_over_89_that_says_patient_beside_a_named_doctor(linter):
    text = "Shoutout to our 97-year-old patient who beat Dr. Lim at checkers after his hip surgery."
    assert phi(linter.lint_text(text), BLOCKING)


def test_a_staff_members_own_age_stays_clean(linter):
    text = "Our volunteer Marge is turning 95! She has greeted visitors at our front desk since 1990."
    assert not phi(linter.lint_text(text), BLOCKING)


@pytest.mark.parametrize("text", [
    "To whoever parks the green Subaru with the SKIBUM plate: we noticed you missed your last two dialysis sessions.",
    "See that yellow Beetle with plate 'HAPPY1' out front every Monday? Its owner has had chemo with us since spring.",
])
def test_a_vanity_plate_beside_its_drivers_care_singles_them_out(linter, text):
    findings = phi(linter.lint_text(text), BLOCKING)
    assert any(f.category == "VEHICLE_ID" for f in findings), text


@pytest.mark.parametrize("text", [
    "Our new ambulance, plate EMS-44, is now in service for our ER transfers.",
    "Thanks to the TEAM plate crew for the blood drive.",
    "Our parking lot is repainted: please park in the spaces marked with a blue plate.",
])
def test_a_plate_without_a_driver_and_their_care_stays_clean(linter, text):
    assert not phi(linter.lint_text(text), BLOCKING), text


# ------------------------------------------------------------------ second round, from the 2026-12-06j set (development data)

@pytest.mark.parametrize("text", [
    "Last Tuesday Dr. Patel spotted appendicitis in a 6-year-old from Cedar Bluff that another clinic had missed.",
    "Got to be the nurse for a very famous rapper this morning for his knee scope. Not saying who!",
    "Guess which Channel 9 weatherman just got his new crowns here this week?",
    "Medic 9 responded to Oakdale Middle School at 2:15 this afternoon for a 12 y/o female with a possible broken "
    "wrist. Pt transported.",
    "Huge thanks to the crew on Medic 7 who revived the teenager found unresponsive behind the Elm Street rink "
    "Saturday night. He is recovering and doing ok.",
    "Happy 96th birthday, Miss Ruth! [Photo: Ruth with her cake in the memory care wing] She says the secret is gardening.",
    "Client story: J., a 41-year-old bus driver from Lakeport, shares how our group therapy helped her after her "
    "hospitalization in May.",
])
def test_described_or_aged_people_with_our_care(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "A famous singer once said that music heals. Come to our music therapy open house.",
    "Guess which Channel 9 weatherman is hosting our health fair here this week?",
    "Medic 5 will be at the Elm Street fair Saturday doing free blood pressure checks.",
    "Merry Christmas from all of us! #BabyJesus #NICU",
    "Our nurse Tia ran the registration table at Saturday's 5K.",
])
def test_near_misses_stay_clean(linter, text):
    assert not phi(linter.lint_text(text), BLOCKING), text


def test_a_review_reply_that_states_a_blood_alcohol_level_confirms_care(linter):
    text = "Since you posted this: you left against medical advice and your blood alcohol level was 0.21 when you arrived."
    assert phi(linter.lint_text(text, kind="review-reply"), BLOCKING)


def test_a_titled_name_cared_for_in_a_staff_spotlight_is_not_staff(linter):
    text = ("Staff Spotlight: Respiratory Therapist Dana Ortiz! Dana has been with us 15 years. Last winter she spent "
            "four nights coaching Mr. Pruitt off the ventilator after his bout of pneumonia.")
    assert phi(linter.lint_text(text))


def test_colleagues_in_a_staff_spotlight_stay_staff(linter):
    text = "Staff Spotlight: meet Dana Ortiz, RT, and Mrs. Lee, our unit clerk! They keep 4 West running."
    assert not phi(linter.lint_text(text))


@pytest.mark.parametrize("hashtag, name", [("BraveBentley", "bentley"), ("StrongLikeAva", "ava"), ("BabyJesus", None),
                                           ("LittleLeague", None), ("BraveHeart", None)])
def test_hashtag_names_after_a_word_of_praise(hashtag, name):
    from hcsocial_lint.rules.phi.names import hashtag_name

    assert hashtag_name(hashtag) == name
