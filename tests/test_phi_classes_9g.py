"""Issue #9, PHI by linguistic class (2026-12-07, from the 12-07 and 12-07b sets' misses, development data since;
the 12-07c and 12-07d sets stay held out): a procedure of the person's done by a titled clinician of ours or by
us, whoever the person is (an official, a colleague); a count of our procedures reached, then the person
congratulated; a group of ours named for the care its members receive ("our Tuesday shot crew"); the kin of a
named person ("Dr. Okafor's son"), who is the one cared for, not the person named; a pronoun opening the next
paragraph of a post; a guest whose counselling with us is told in a relative clause; care someone "gets here";
Spanish health words, tests and an age ("a sus 94 años"); a full name in a hashtag with a word of cheer. With the
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
    # a hashtag of an event
    ("Thank you for joining #SmileBrightSaturday at our office!", "post"),
])
def test_near_misses_stay_clean(linter, text, kind):
    assert not phi(linter.lint_text(text, kind=kind)), [f.message for f in phi(linter.lint_text(text, kind=kind))]


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
