"""The PHI family's Safe Harbor recognizers and identifier layer, with and without a spaCy model."""

from __future__ import annotations

import pytest

from hcsocial_lint import Linter, Settings
from hcsocial_lint.model import Post
from hcsocial_lint.rules.phi.identifiers import identifiers
from hcsocial_lint.rules.phi.recognizers import HashtagNameRecognizer


def found(linter: Linter, text: str) -> list[tuple[str, str]]:
    analysis = next(linter.analyse([Post(text, text)], [linter.settings]))
    return [(i.kind, i.text) for i in identifiers(analysis)]


def kinds(linter: Linter, text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for kind, value in found(linter, text):
        out.setdefault(kind, []).append(value)
    return out


@pytest.mark.parametrize(("text", "handle"), [
    ("Shoutout to @mike_runs26 for finishing the 10K!", "@mike_runs26"),
    ("@DanaSmiles your crown is ready", "@DanaSmiles"),
    ("Tagging @brooke.harper in this one", "@brooke.harper"),
])
def test_social_handles_are_found(no_model_linter, text, handle):
    assert handle in kinds(no_model_linter, text).get("SOCIAL_HANDLE", [])


@pytest.mark.parametrize("text", [
    "Email privacy@clinic.example with questions.",
    "Meet us @ the clinic on Saturday.",
    "Doors open @5pm.",
])
def test_at_signs_that_are_not_mentions_are_not_handles(no_model_linter, text):
    assert "SOCIAL_HANDLE" not in kinds(no_model_linter, text)


@pytest.mark.parametrize(("body", "name"), [
    ("EmmaStrong", "emma"), ("PrayersForCaleb", "caleb"), ("TeamJake", "jake"), ("GraceStrong", "grace"),
    ("emmastrong", "emma"), ("JaneDoe", "jane"),
])
def test_names_inside_hashtags(body, name):
    assert HashtagNameRecognizer.name_in(body) == name


@pytest.mark.parametrize("body", ["NICUgrad", "BostonStrong", "AustinStrong", "WearRedDay", "MentalHealthMatters",
                                  "TeamRiverside", "PatientProgress", "HopeWins"])
def test_hashtags_without_a_person(body):
    assert HashtagNameRecognizer.name_in(body) is None


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("Throwback to little Oliver (MRN 004521) on the peds floor", "MEDICAL_RECORD_NUMBER", "004521"),
    ("the patient with medical record number 00482217", "MEDICAL_RECORD_NUMBER", "00482217"),
    ("a health insurance card (member ID XJH448812907)", "HEALTH_PLAN_NUMBER", "XJH448812907"),
    ("Your account #4471-2290 is overdue", "ACCOUNT_NUMBER", "4471-2290"),
    ("pacemaker serial number PX-2231-889", "DEVICE_ID", "PX-2231-889"),
    ("Send the referral by fax: (555) 010-3000", "FAX_NUMBER", "(555) 010-3000"),
    ("the patient in room 412 taught us cribbage", "ROOM_NUMBER", "room 412"),
    ("Patient in ICU bed 6 had a rough night", "ROOM_NUMBER", "ICU bed 6"),
    ("our team treated a 92-year-old gardener", "AGE_OVER_89", "92-year-old"),
    ("had a patient today in her 90s", "AGE_OVER_89", "in her 90s"),
    ("admitted 03/14/2025 and sent home", "CARE_DATE", "03/14/2025"),
    ("Theresa Vance (DOB 04/11/1958) thanked us", "CARE_DATE", "04/11/1958"),
    ("Pictured: Rosa and her twins", "PHOTO", "Pictured:"),
    ("the only patient in the state with this disorder", "UNIQUE_CHARACTERISTIC", "the only patient"),
    ("a crash on Route 9 near the exit", "STREET_ADDRESS", "Route 9"),
    ("Mail it to 85 Wharf Street, Springfield, MA 01103", "ZIP_CODE", "01103"),
    ("my iban is gb42nawi04454264788619", "IBAN_CODE", "gb42nawi04454264788619"),
])
def test_safe_harbor_identifiers_presidio_lacks(no_model_linter, text, kind, value):
    assert value in kinds(no_model_linter, text).get(kind, [])


@pytest.mark.parametrize(("text", "kind"), [
    ("Our 85-year-old volunteer", "AGE_OVER_89"),
    ("We've added 12 beds to our pediatric unit", "ROOM_NUMBER"),
    ("The north garage closes Monday for repairs.", "CARE_DATE"),
    ("The team celebrated 100 years of service.", "AGE_OVER_89"),
])
def test_near_misses_are_not_identifiers(no_model_linter, text, kind):
    assert kind not in kinds(no_model_linter, text)


def test_given_names_titles_and_initials_without_a_model(no_model_linter):
    people = kinds(no_model_linter, "Kevin from our dialysis group, Mr. Delgado and Nana Rose say hi. J.R., thank you!")["PERSON"]
    assert {"Kevin", "Mr. Delgado", "Nana Rose", "J.R."} <= set(people)


def test_words_that_are_also_names_need_support(linter):
    assert "PERSON" not in kinds(linter, "Will you join us? May is Mental Health Month.")
    assert "Grace Kim" in kinds(linter, "Happy Nurses Week to Grace Kim and the team!")["PERSON"]


def test_a_name_list_finds_people_the_model_misses(linter):
    assert "Dottie" in kinds(linter, "Dottie turned 100 today in our memory care unit!")["PERSON"]


def test_junk_the_model_tags_as_a_person_is_dropped(linter):
    people = kinds(linter, "lol https://t.co/x #NICUgrad Trauma bay 2 was busy").get("PERSON", [])
    assert not any(p.lower() in {"lol", "https", "nicugrad"} or any(c.isdigit() for c in p) for p in people)


def test_a_name_found_twice_is_one_identifier_naming_both_recognizers(linter):
    analysis = next(linter.analyse([Post(t := "Thank you, Mrs. Alvarez, for the flowers!", t)], [linter.settings]))
    people = [i for i in identifiers(analysis) if i.kind == "PERSON"]
    assert len(people) == 1 and people[0].text == "Mrs. Alvarez"
    assert "GivenNameRecognizer" in people[0].recognizer


def test_a_specific_identifier_replaces_the_generic_one_it_covers(no_model_linter):
    found_kinds = kinds(no_model_linter, "Fax: (555) 010-3000")
    assert "FAX_NUMBER" in found_kinds and "PHONE_NUMBER" not in found_kinds


def test_recognizers_run_on_the_one_parse(linter, monkeypatch):
    """Rules and recognizers read the Linter's parse: no second call to the pipeline."""
    calls = []
    original = linter.model.nlp.__class__.__call__
    monkeypatch.setattr(linter.model.nlp.__class__, "__call__", lambda self, *a, **k: calls.append(1) or original(self, *a, **k))
    report = linter.lint_text("So proud of our patient Emma Lopez, who finished chemo at our clinic!")
    assert any(f.rule_id == "PHI001" for f in report.findings)
    assert calls == []


def test_recognizer_instances_are_per_linter():
    from hcsocial_lint.rules import phi

    first, second = phi.new_recognizers(Settings()), phi.new_recognizers(Settings())
    assert all(a is not b for a, b in zip(first, second))


def test_initials_standing_for_a_person_in_a_story_are_a_name():
    from hcsocial_lint import Linter, Settings

    linter = Linter(Settings(plugins=False))
    report = linter.lint_text("Big high five to K.T. for being so brave at his first cleaning today!")
    assert any(f.rule_id == "PHI001" and f.matched_text == "K.T." for f in report.findings)
    assert not [f for f in linter.lint_text("We met U.S. officials about flu shots today.").findings if f.family == "phi"]
