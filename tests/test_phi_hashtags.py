"""Issue #9, part 2: health named inside a hashtag written in words ("#ACLRecovery", "#ChemoComplete") is health
information about the person the post ties to our care, as the same words in prose are. An awareness or campaign
tag ("#BreastCancerAwareness", "#WorldKidneyDay", "#EndAlz") speaks of no one. A one-case hashtag that names the
writer's own place of care and their role in it ("#hospicenurse", "#nursinghome") makes the one over 89 the post
tells of one of their patients, unless the writer says it is their own family.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

from hcsocial_lint.model import Severity
from hcsocial_lint.rules.phi import signals


def _phi(linter, text: str) -> list:
    return [f for f in linter.lint_text(text).findings if f.family == "phi" and f.severity >= Severity.WARNING
            and f.rule_id != "PHI090"]


@pytest.mark.parametrize(("text", "tag"), [
    ("so proud of Tessa today #ACLRecovery", "#ACLRecovery"),
    ("last round done!! #ChemoComplete", "#ChemoComplete"),
    ("one year later #KidneyTransplantAnniversary", "#KidneyTransplantAnniversary"),
    ("#PostpartumDepression is real, and so is she", "#PostpartumDepression"),
])
def test_a_hashtag_written_in_words_is_read_for_health(text, tag):
    assert [c.text for c in signals.hashtag_health_cues(text)] == [tag]


@pytest.mark.parametrize("text", [
    "Wear pink with us! #BreastCancerAwareness",
    "Happy #WorldKidneyDay from our dialysis nurses",
    "Walk with us this Saturday #EndAlz #AlzheimersAwarenessMonth",
    "Ask us about screening #GetScreened #ColonCancerPrevention",
    "#chemolife",  # one case: not split into words
])
def test_campaign_and_awareness_tags_name_no_ones_health(text):
    assert signals.hashtag_health_cues(text) == []


def test_a_patient_tied_to_our_care_with_health_only_in_a_hashtag_is_phi(linter):
    findings = _phi(linter, "So proud of Jenna, back on the court six weeks after her #ACLSurgery with our team!")
    assert any(f.severity >= Severity.ERROR for f in findings)


def test_a_staff_spotlight_in_an_awareness_month_stays_clean(linter):
    assert not _phi(linter, "Happy #BreastCancerAwareness month! Meet Dr. Lena Ortiz, our breast surgeon, at the fair.")


@pytest.mark.parametrize("text", [
    "ms. eleanor turned 98 this morning and asked for a shot of whiskey with her cake 🎂 #cnalife #nursinghome",
    "held hands with a sweet 93-year-old gentleman tonight as his daughters sang to him. #hospicenurse",
])
def test_a_hashtag_naming_the_writers_place_of_care_makes_an_age_over_89_a_patients(linter, text):
    findings = [f for f in linter.lint_text(text).findings if f.family == "phi" and f.rule_id != "PHI090"]
    assert any(f.severity >= Severity.ERROR for f in findings), text


@pytest.mark.parametrize("text", [
    "my nana turned 96 today and still beats everyone at cards 😂 #nursinghome #family",
    "Happy Nurses Week to the best crew there is 💙 #icunurse #nurselife",
])
def test_the_writers_own_family_or_no_one_stays_clean(linter, text):
    findings = [f for f in linter.lint_text(text).findings if f.family == "phi" and f.rule_id != "PHI090"]
    assert not any(f.severity >= Severity.ERROR for f in findings), text
