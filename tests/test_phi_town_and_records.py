"""Issue #9: classes of miss and false alarm read from development sets in the ninth session (12-08).

- A figure the town knows, asked about as a riddle ("guess which local weatherman ...") or picked out of a
  handful ("one of our local radio hosts"), with our care of them.
- Someone known through the writer's own people, written in capitals ("my COUSIN'S NEW BOYFRIEND").
- A clinician's own place of work on their own account ("came into my ER", "on my unit"), and "my <adjective>
  client" as a care relationship.
- A resident of ours celebrated at an age over 89, or said to live with us, where the post names no care home.
- A family named, then its members spoken of ("the Ruiz family! Both girls came in with ...").
- In a reply, a place of our care as where the one asked after is ("He's on my floor!").
- A drug or health word the model took for a name ("starting PrEP") is not a person.
- A label readable in a described photo ("the label is legible: 'DORSEY, K ...'").
- An authorization record: a sensitive category the scope does not name, a scope that excludes health or allows
  no identifier, an expiry date before the post's date, and consent given only verbally.
- Near-misses: the kindness of a named family thanked, a medical resident's birthday, a veterinary X-ray.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

from hcsocial_lint.model import Severity


def _phi(linter, text: str, kind: str = "post", metadata=None) -> list:
    return [f for f in linter.lint_text(text, kind=kind, metadata=metadata or {}).findings
            if f.family == "phi" and f.severity >= Severity.WARNING and f.rule_id != "PHI090"]


def _blocked(linter, text: str, kind: str = "post", metadata=None) -> bool:
    return any(f.severity >= Severity.ERROR for f in _phi(linter, text, kind, metadata))


@pytest.mark.parametrize("text", [
    "Guess which local weatherman came in for his cortisone shot this morning? Lips are sealed!",
    "Proud moment: one of our local radio hosts started PrEP with us this month.",
    "I counseled one of our local TV anchors on her new blood pressure meds today.",
    "storytime: my COUSIN'S NEW BOYFRIEND came into my urgent care today for a strep test and it was positive",
])
def test_a_figure_the_town_knows_or_one_known_through_my_people_with_our_care(linter, text):
    assert _blocked(linter, text), text


@pytest.mark.parametrize("text", [
    "One of our local news anchors emceed the gala tonight. Thank you!",
    "Guess which local weatherman is running our 5K this Saturday? Come cheer!",
])
def test_a_figure_the_town_knows_without_our_care_is_clean(linter, text):
    assert not _phi(linter, text), text


@pytest.mark.parametrize("text", [
    "prayers please, my sweet client out on Birch Hollow Rd fell again overnight. She's 94 and hates her walker.",
    "the lady from the corner bakery came into my ER tonight with chest pain, she's stable now",
])
def test_a_clinicians_own_place_and_client_are_our_care(linter, text):
    assert _blocked(linter, text), text


@pytest.mark.parametrize("text", [
    "Happy 93rd birthday to our resident Clara Voss! Clara has lived with us since her stroke in 2020.",
    "Happy 90th birthday to Mr. Oscar Lind! Oscar has been in our Tue/Thu/Sat chair since 2021 and never misses a joke.",
])
def test_a_resident_over_89_or_a_dialysis_chair_is_our_care(linter, text):
    assert _blocked(linter, text), text


def test_a_medical_residents_birthday_is_not_a_care_home_resident(linter):
    text = "Happy birthday to our resident Dr. Amir Haddad! He matched here in 2025 and we love having him on the team."
    assert not _blocked(linter, text)


def test_a_family_named_then_its_members_with_our_care(linter):
    text = "Shout-out to the Brennan family! Both girls came in Tuesday with ear infections and left with stickers."
    assert _blocked(linter, text)


def test_a_family_thanked_for_a_kindness_is_clean(linter):
    assert not _phi(linter, "Thank you to the Ortega family for the tamales! All of our nurses loved them.")


@pytest.mark.parametrize("text", [
    "He's on my floor! already cracking jokes with the night shift, prob home by the weekend",
    "Thank you for asking, Dee! Marv is resting comfortably up on our 5th floor and his son is with him.",
])
def test_a_reply_that_says_where_the_one_asked_after_stays_is_phi(linter, text):
    assert _blocked(linter, text, kind="comment-reply"), text


def test_a_reply_about_where_staff_work_is_clean(linter):
    text = "She's on our 5th floor team now and loving it! We'll pass along your hello."
    assert not _blocked(linter, text, kind="comment-reply")


def test_a_health_word_the_model_names_is_not_a_person(linter):
    findings = linter.lint_text("Thinking about starting PrEP? Our pharmacists answer questions every Friday.",
                                kind="post").findings
    assert not any(f.family == "phi" and f.severity >= Severity.ERROR for f in findings)


@pytest.mark.parametrize("text", [
    "[photo of the pickup shelf; the front bag's label is legible: 'DORSEY, K \u2014 LITHIUM 300MG #60'] friday mood #pharmacylife",
    "[photo of a tray of specimen tubes; the top label reads 'HALVERSON, JUNE  DOB 02/03/1971'] tube tetris 😎",
    "[boomerang of the census board: bed numbers with patients' last names and 'NPO' magnets] board glow-up ✨",
    "[photo: my scrub station; the case board behind it reads 'OR 3 — 0800 — T. Albright — lap appy'] first solo scrub!",
])
def test_a_label_readable_in_a_photo_is_a_record_of_our_care(linter, text):
    assert _blocked(linter, text), text


@pytest.mark.parametrize("text", [
    "[photo of a clean instrument tray laid out in rows, the OR empty] set up before the first case 😌 #ortech",
    "[photo of a basket of 'Brave Kid' stickers] tiny patients, big courage! water only after brushing 🦷",
])
def test_a_photo_of_things_is_not_a_face(linter, text):
    assert not _blocked(linter, text), text


def test_a_veterinary_xray_video_is_not_a_person(linter):
    text = ("Guess what Pickles swallowed?? A whole sock! Surgery went great and he's home with his family. "
            "[Video: abdominal X-ray labelled 'PICKLES - canine'] #VetLife #DogsOfInstagram")
    assert not _blocked(linter, text)


_STORY = ("Meet Dolores! After her hip replacement with our ortho team, Dolores is back to gardening at 74. "
          "She also told us she fought depression after her sister died, and we are so proud of her.")


@pytest.mark.parametrize("record", [
    {"signed": "2026-03-02", "scope": "hip replacement recovery story, first name and photo"},
    "signed 2026-03-02 for first name and photo only; diagnosis and treatment not covered",
])
def test_health_beyond_the_recorded_scope_is_flagged(linter, record):
    findings = _phi(linter, _STORY, metadata={"hipaa_authorization": record})
    assert any(f.rule_id == "PHI006" and f.severity == Severity.WARNING for f in findings)


def test_a_scope_that_names_the_sensitive_category_covers_it(linter):
    record = {"signed": "2026-03-02", "scope": "hip replacement story, her depression and grief, first name and photo"}
    findings = _phi(linter, _STORY, metadata={"hipaa_authorization": record})
    assert not any(f.rule_id == "PHI006" and f.severity >= Severity.WARNING for f in findings)


def test_a_scope_that_allows_no_identifier(linter):
    record = {"on_file": True, "scope": "before/after photos only; no name or other identifying details"}
    text = "Rhinoplasty results ✨ Patient R.T., 31, a barista from Old Town, surgery on 3/14. Swipe for the after!"
    findings = _phi(linter, text, metadata={"hipaa_authorization": record})
    assert any(f.rule_id == "PHI006" and f.severity == Severity.WARNING for f in findings)


@pytest.mark.parametrize("record", [
    {"on_file": True, "scope": "first name, finish-line photo; Instagram; expires 2026-05-31"},
    {"on_file": True, "scope": "first name and photo", "expires": "2026-05-31"},
    "couple agreed verbally; no written form",
])
def test_an_expired_or_verbal_authorization_is_not_in_force(linter, record):
    text = ("Marisol crossed the lakefront half-marathon finish line 8 months after her knee arthroscopy with "
            "Dr. Feld! [Photo: Marisol at the finish line] Shared with Marisol's permission.")
    metadata = {"hipaa_authorization": record, "date": "2026-09-01"}
    assert _blocked(linter, text, metadata=metadata)


def test_an_authorization_before_its_expiry_is_in_force(linter):
    text = ("Marisol crossed the lakefront half-marathon finish line 8 months after her knee arthroscopy with "
            "Dr. Feld! [Photo: Marisol at the finish line]")
    metadata = {"hipaa_authorization": {"on_file": True, "scope": "first name, photo, knee arthroscopy story",
                                        "expires": "2027-05-31"}, "date": "2026-09-01"}
    assert not _blocked(linter, text, metadata=metadata)
