"""Issue #9, parts 2 and 3, on clinicians' and staff's casual posts: the same ties and descriptions as in formal
writing, spelled the way a shift story or a reply to a follower spells them.

- "u" and "ur" address someone as "you" and "your" do ("how's the inhaler working for u?");
- "pt" is a patient ("had a pt today"), and clinical shorthand is health ("s/p CABG", "that DKA admission");
- "gave <someone> his booster" is care we gave, and a clinical act told in the past tense is the writer's own, also
  with the "I" a casual post drops at a sentence's start ("filled a famous anchor's prescription today");
- an office a town has one holder of is one person, also as "our very own fire chief", "our town's sheriff",
  "a certain county commissioner" or "a local city councilwoman"; so is one initial in a group of ours ("proud of
  R. from our wednesday group"), and a bed or room that does what its patient does ("bed 11 pulled out her IV");
- an accession number in a described image is a record number.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

from hcsocial_lint.model import Severity
from hcsocial_lint.rules.phi import signals


def _phi(linter, text: str, kind: str = "post") -> list:
    return [f for f in linter.lint_text(text, kind=kind).findings if f.family == "phi" and f.severity >= Severity.WARNING
            and f.rule_id != "PHI090"]


@pytest.mark.parametrize("text", [
    "hey nisha!! how's the new inhaler working for u? dont forget ur spirometry recheck next week",
    "yes Omar!! so proud of u for sticking with ur physical therapy after that hip surgery in june",
    "TEDDY!! ur knee brace goes on before practice, not after 😤",
])
def test_a_casual_reply_that_speaks_of_the_commenters_care_is_phi(linter, text):
    assert any(f.severity >= Severity.ERROR for f in _phi(linter, text, kind="comment-reply")), text


def test_a_casual_reply_with_no_care_stays_clean(linter):
    assert not _phi(linter, "thank u so much!! we'll pass it on to the whole crew 💛", kind="comment-reply")


@pytest.mark.parametrize("text", [
    "had a pt today, 29F, in DKA for the second time this month, works at the feed store on route 9",
    "my pt in bed 6 has delirium tonight and keeps asking for her cat",
    "drew labs on a 58M this am, s/p CABG last tuesday, and he asked me out lmao",
])
def test_clinical_shorthand_and_pt_make_an_encounter_of_ours(linter, text):
    assert _phi(linter, text), text


@pytest.mark.parametrize("word", ["s/p", "CABG", "DKA", "CHF", "NSTEMI", "a-fib", "etoh", "narcan'd", "BiPAP", "delirium"])
def test_clinical_shorthand_is_health(word):
    assert signals.health_cues(f"he was {word} on arrival"), word


@pytest.mark.parametrize("text", [
    "PT appointments are open on Saturdays now, call the front desk to book!",
    "Our delirium prevention program for older adults won a state award this year.",
    "Councilwoman Ada Reyes stopped by to drop off naloxone kits for our free Narcan distribution table.",
])
def test_shorthand_in_a_notice_names_no_one(linter, text):
    assert not _phi(linter, text), text


@pytest.mark.parametrize("text", [
    # a local office holder
    "gave our very own fire chief his tetanus booster today and he nearly fainted lol",
    "Our town's fire chief was treated in our ER last night for a broken wrist.",
    "We stitched up a certain county commissioner last night, no further comment 🤐",
    "A local city councilwoman came into our ER last night for stitches.",
    "Our very own police chief got his flu shot from us this morning!",
    "refilled a very well-known local radio host's blood pressure meds today and she signed my coffee cup",
    # one initial in a group of ours
    "so proud of R. from our wednesday group, 9 months sober today and back at work!",
    "SO proud of T. from our evening group — 3 yrs clean this week 💛",
    # a bed or room that does what its patient does
    "bed 11 pulled out her IV AGAIN at 0300, sundowning is no joke 😩",
    "room 6 yanked his telemetry leads off twice tonight, the delirium is real",
])
def test_someone_singled_out_without_a_name_with_care_is_blocked(linter, text):
    assert any(f.severity >= Severity.ERROR for f in _phi(linter, text)), text


@pytest.mark.parametrize("text", [
    "Our fire chief will speak about smoke alarms at the health fair on Saturday.",
    "The chief of staff thanked our nurses for a record flu season.",
    "Santa gave every kid on the unit his own teddy bear this morning.",
    "Please give your child his second dose at home after dinner.",
    "Filled 412 prescriptions today, a new record for the pharmacy team!",
    "Ask about the benefits of vitamin D. From our dietitians: eat more fish this winter.",
    "Room 3 got a fresh coat of paint and new recliners for families this week!",
])
def test_offices_letters_and_rooms_without_someones_care_stay_clean(linter, text):
    assert not _phi(linter, text), text


def _reply(linter, comment: str, text: str) -> list:
    metadata = {"comment_text": comment, "reviewer_display_name": "@rosie.b", "account_type": "organization"}
    return [f for f in linter.lint_text(text, kind="comment-reply", metadata=metadata).findings
            if f.family == "phi" and f.severity >= Severity.ERROR]


@pytest.mark.parametrize("text", [
    "can't confirm 🤐 but she's doing way better and her wrist is gonna be ok 🙏",
    "we can neither confirm nor deny lol... he'll be fine, tell the team to hang in there",
])
def test_a_casual_reply_that_reports_how_the_one_asked_after_is_doing_is_phi(linter, text):
    assert _reply(linter, "was that coach Brennan they took in after the game??", text), text


def test_a_reply_that_says_only_the_team_will_be_fine_stays_clean(linter):
    assert not _reply(linter, "hope you all made it through the storm ok", "thank u!! the whole crew is safe and we'll be fine 💪")


def test_an_accession_number_in_a_described_image_is_a_record_number(linter):
    text = "x-ray of the week 🦴 [Image: ankle film, the corner reads 'ACC# 6620417' and today's date] name that fracture"
    assert any(f.rule_id == "PHI003" for f in _phi(linter, text))


def test_an_accession_team_is_no_record_number(linter):
    assert not _phi(linter, "Our lab accession team processed 5,000 samples this week, thank you all!")

