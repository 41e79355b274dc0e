"""Issue #9, PHI by linguistic class (2026-12-07, from the 12-07 and 12-07b sets' misses, development data since;
the 12-07c and 12-07d sets stay held out): a procedure of the person's done by a titled clinician of ours or by
us, whoever the person is (an official, a colleague); a count of our procedures reached, then the person
congratulated; a group of ours named for the care its members receive ("our Tuesday shot crew"); the kin of a
named person ("Dr. Okafor's son"), who is the one cared for, not the person named; a pronoun opening the next
paragraph of a post; a guest whose counselling with us is told in a relative clause; care someone "gets here";
Spanish health words, tests and an age ("a sus 94 años"); a full name in a hashtag with a word of cheer; a Spanish
reply about the reviewer's own visit ("su cita del martes"); a board or screen readable in a photo that lists someone
with their health; an authorized story that identifies the patient beyond the recorded scope. With the
near misses of each that must stay clean, and the false alarm of an offer read into "every promo we posted".

Every sentence is new, written for this file.
"""

from __future__ import annotations

from functools import partial

import pytest

from .conftest import BLOCKING, phi_rule_findings

phi = partial(phi_rule_findings, floor=BLOCKING)
phi_any = phi_rule_findings


@pytest.mark.parametrize("text, kind", [
    # a procedure of theirs, done by our titled clinician or by us
    ("So good to see Judge Harlan back on the bench after her hip replacement with Dr. Okoye this spring!", "post"),
    ("Cheers to Marcus Bell, hiking again a year after Dr. Lindqvist rebuilt his shoulder!", "post"),
    ("Proud of our own charge nurse Bea, whose gallbladder surgery Dr. Moss finished in record time last week.", "post"),
    # a count of our procedures reached, then the person congratulated
    ("Our 2,000th cataract surgery! Congratulations to Walter Finch, who can read his newspaper again.", "post"),
    # a group named for the care its members receive
    ("Big hugs to our Thursday infusion crew, especially Deacon Rollins, who never misses his 9am chair!", "post"),
    # the kin of a named person
    ("Welcome to the world! Dr. Okafor's daughter-in-law delivered a healthy boy on our unit at 3:10am.", "post"),
    ("Please keep Coach Riley's husband in your prayers while he recovers from bypass surgery in our cardiac ICU.",
     "post"),
    # a pronoun that opens the next paragraph
    ("Say hi to Lorraine Petit, our neighbor across the street!\n\nShe wrapped up her last round of chemo in our "
     "infusion center on Friday.", "post"),
    # a guest whose counselling with us is told in a relative clause on the place they are "of"
    ("Join our recovery breakfast Saturday! Deacon Paul Ames of Grace Chapel, who has been in therapy with our "
     "addiction medicine team since last spring, will speak.", "post"),
    # care someone gets here
    ("As most of you know, Alderman Cruz told reporters about his lymphoma. We're honored he is receiving his "
     "treatment right here with our oncology team.", "post"),
    # Spanish tests, words and ages
    ("¡Hola Rosa! Ya tenemos los resultados de su prueba de embarazo, pase a la ventanilla 2.", "comment-reply"),
    ("Doña Amalia, a sus 94 años, recibió su dentadura nueva en nuestra clínica móvil. ¡Qué sonrisa!", "post"),
    # an official thanked for trusting our team with their care
    ("Thank you, Commissioner Dale Price, for trusting our hand clinic with your carpal tunnel release this fall!",
     "post"),
    # a titled person near a therapy animal is still a person
    ("Our therapy pup Waffles cheered on Mrs. Okonkwo today as she took her first steps since her hip replacement "
     "in our rehab gym!", "post"),
    # the one a short post's photo describes, with the post's health and our clinician
    ("Back on the ice! Eight months after shoulder surgery with Dr. Varga. [Photo: a goalie in a #30 Millbrook "
     "Mustangs jersey, helmet off]", "post"),
    # a board, screen or label readable in a photo that lists someone with their health
    ("Leg day at the rehab gym! [Photo: our parallel bars; behind them the whiteboard reads '8:30 Delgado – hip "
     "fracture / 9:15 Moore – stroke rehab']", "story"),
    ("[Photo: the team toasting with coffee; the monitor behind them shows 'Bed 6 – R. Alvarez – sepsis'] Night shift "
     "crew, we salute you!", "post"),
    # licence plates readable in a photo of our lot name who came to us for care
    ("Flu clinic day was a zoo! [Photo: our parking lot from the front doors; the licence plates of the cars in the "
     "first row are clearly readable]", "post"),
    # a named possessor makes a role one person ("Jefferson Elementary's crossing guard")
    ("Get well soon to Maple Grove Middle's one and only lunch lady! Our urgent care team splinted her wrist on "
     "Tuesday.", "post"),
    # a clinician's own encounter with someone unnamed, dated
    ("Rough night shift. Had a guy come in tonight with chest pain who hadn't seen a doctor in years.", "post"),
    # a Spanish reply that speaks of the reviewer's own visit
    ("Sentimos mucho que su cita del martes con nuestro dentista se haya retrasado. Llámenos al 555-0142.",
     "review-reply"),
    # a reply that speaks of the reviewer's own clinician, or books them again
    ("We hear you. Your counselor was out sick that week, and we've rescheduled you with Dr. Amos for Monday.",
     "review-reply"),
    # a full name in a hashtag with a word of cheer
    ("Congrats to #EthanBrooksSmiles, whose braces came off at our office today! No cavities either.", "post"),
])
def test_the_classes_are_read(linter, text, kind):
    assert phi(linter.lint_text(text, kind=kind)), text


@pytest.mark.parametrize("text, kind", [
    # the official and the clinician side by side, no procedure of theirs
    ("Judge Harlan toured our new joint replacement center with Dr. Okoye on Monday.", "post"),
    # a clinician's own work is not care received
    ("Congrats to nurse Bea Lamont, who assisted Dr. Moss with her 300th gallbladder surgery this week!", "post"),
    # a count that is not of our care, and a congratulated volunteer
    ("Our 12th annual fun run is Saturday! Congratulations to Walter Finch, this year's race director.", "post"),
    # a group of staff named by its shift or service
    ("Big hugs to our Thursday night crew, especially Rhonda Price, who brought the pizza!", "post"),
    ("Thanks to our cardiac rehab team, especially Omar Diaz, for leading the 6am class!", "post"),
    # the kin of a named person with no care
    ("Congrats to Dr. Okafor's son on winning the regional spelling bee!", "post"),
    # a guest with no care of theirs
    ("Join our recovery breakfast Saturday! Deacon Paul Ames of Grace Chapel, which hosts our Tuesday group, will "
     "speak.", "post"),
    # a public figure's own public disclosure, and our wishes, no care of ours
    ("Alderman Cruz told reporters about his lymphoma this week. Our thoughts are with him and his family.", "post"),
    # Spanish education, no one named
    ("La prueba de embarazo es gratis en todas nuestras clínicas, sin cita.", "post"),
    # an official thanked for a visit, not for trusting us with care
    ("Thank you, Commissioner Dale Price, for touring our new hand clinic this fall!", "post"),
    # a reply that gives general advice
    ("We're sorry to hear that. Please talk with your doctor about options, or call our office any time.",
     "review-reply"),
    # a board that lists no one, or that cannot be read
    ("[Photo: the front desk whiteboard reads 'Flu shots today – no appointment needed!'] Come on by!", "post"),
    ("[Photo: our team at the nurses' station; the patient board behind them is blank] Happy Nurses Week!", "post"),
    # the same role with no health and no care of ours, and a visit with no care
    ("Thanks to Maple Grove Middle's one and only lunch lady for the cookies she sent our night crew!", "post"),
    ("Had a lady come in tonight with a tray of homemade tamales for the whole staff. Best night shift ever!", "post"),
    # a named possessor's role or kin with health, but no care of ours near it: news
    ("Sen. Ortiz's newborn beats the odds of a rare heart condition, doctors say", "post"),
    # plates that cannot be read
    ("Our new lot is open, with 40 more spaces! [Photo: our parking lot, plates blurred]", "post"),
    # a reply that speaks to anyone, or offers a service to anyone, names no one's care
    ("We're sorry for the trouble. Tip for anyone calling about a bill: your account number is on the top right of "
     "your statement.", "review-reply"),
    ("@marco_r Shingles vaccines are available at all three locations. For questions about your own dose, please "
     "call us.", "comment-reply"),
    # the false alarms of the 12-07 sets: a donor at a ribbon cutting, a guest at the microphone, a training model,
    # a product named like a person, a dog "shepherd mix"
    ("Thank you to the Ellery Family Fund for our new hearing booth! [Photo: June Ellery cutting the ribbon with our "
     "audiology team]", "post"),
    ("Thanks to radio host Dana Pike for emceeing our skin-check fair! [Photo: Dana at the microphone beside our "
     "sunscreen table]", "post"),
    ("Satisfying! [Video: ear irrigation demonstrated on a plastic training model; no real patient] Don't use cotton "
     "swabs at home.", "story"),
    ("Auvi-Q and EpiPen both deliver epinephrine. Ask which fits your family at your next visit.", "post"),
    ("Pet vaccine day: 90 dogs and cats! Meet Pepita, a 2-year-old shepherd mix who took her shot like a pro. "
     "[Photo: Pepita in a bandana]", "post"),
    # a Spanish reply that only invites a booking
    ("Gracias por su reseña. Para hacer su cita, llame al 555-0142 de lunes a viernes.", "review-reply"),
    # a hashtag of an event
    ("Thank you for joining #SmileBrightSaturday at our office!", "post"),
])
def test_near_misses_stay_clean(linter, text, kind):
    assert not phi(linter.lint_text(text, kind=kind)), [f.message for f in phi(linter.lint_text(text, kind=kind))]


def test_health_in_a_record_of_someone_named_is_theirs(linter):
    """"Mrs. Okafor's asthma chart": health between a name's possessive and its noun is the person's (a warning
    at least); her retirement party is not."""
    assert phi_any(linter.lint_text("Our trainer used last month's mistake, Mrs. Okafor's asthma chart left on the "
                                    "counter, as a lesson."))
    assert not phi_any(linter.lint_text("Mrs. Okafor's retirement party was a blast! Thank you for 30 years at our "
                                        "front desk."))


def test_the_kin_is_the_one_cared_for_not_the_person_named(linter):
    """"Coach Riley's husband ... in our cardiac ICU": the finding singles out the husband by description; it does
    not call the coach our patient."""
    text = "Please keep Coach Riley's husband in your prayers while he recovers from bypass surgery in our cardiac ICU."
    findings = phi(linter.lint_text(text))
    assert findings and not any("'Coach Riley' is" in f.message for f in findings), [f.message for f in findings]
    assert any("Coach Riley's husband" in f.message for f in findings)


def test_a_pronoun_opens_a_new_paragraph_only_when_it_is_the_first_word(linter):
    """A later paragraph that does not open by referring back is about something else."""
    text = ("Say hi to Lorraine Petit, our neighbor across the street!\n\nChemo can be hard. Our infusion center "
            "has a support group every Friday.")
    assert not phi(linter.lint_text(text))


def _authorized(scope):
    return {"hipaa_authorization": {"ref": "AUTH-2026-0311", "signed": "2026-09-02", "scope": scope}}


@pytest.mark.parametrize("text, scope", [
    ("Thanks to Marisol Ortega for letting us share her journey after her hip replacement with our team!",
     "first name, photo, hip replacement recovery"),
    ("Meet Tomas, 58, of 14 Birch Hollow Road, back on his bike after cardiac rehab with our team!",
     ["first name", "photo", "cardiac rehab completion"]),
])
def test_an_authorized_story_that_identifies_beyond_its_recorded_scope_is_a_warning(linter, text, scope):
    findings = [f for f in phi_any(linter.lint_text(text, metadata=_authorized(scope))) if f.rule_id == "PHI006"]
    assert findings and findings[0].severity.value == "warning" and "scope" in findings[0].message, findings


@pytest.mark.parametrize("text, scope", [
    ("Thanks to Marisol for letting us share her journey after her hip replacement with our team!",
     "first name, photo, hip replacement recovery"),
    ("Thanks to Marisol Ortega for letting us share her journey after her hip replacement with our team!",
     "name, photo, procedure name, hip replacement recovery"),
    ("Thanks to Marisol O. for letting us share her journey after her hip replacement with our team!",
     "first name and last initial, hip replacement recovery"),
    # a clinician's full name is not the patient's
    ("Thanks to Marisol for letting us share her journey after her hip replacement with Dr. Alan Pierce!",
     "first name, photo, hip replacement recovery"),
])
def test_an_authorized_story_within_its_scope_stays_a_reminder(linter, text, scope):
    findings = [f for f in phi_any(linter.lint_text(text, metadata=_authorized(scope))) if f.rule_id == "PHI006"]
    assert not findings or all(f.severity.value == "info" for f in findings), [f.message for f in findings]
