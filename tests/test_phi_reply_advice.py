"""Issue #9 (replies, precision): an instruction any reader can follow about papers of their own ("check your
records", "you can check your vaccine history in the state registry", "appeal with your insurer") confirms no care
with us; "your results are in" and "bring your card to your next visit" still do. A kindness sent to the
commenter's kin ("congrats to your nephew!") and news repeated ("glad to read he's expected to recover") confirm
nothing either; "your mother's wound-care visits" and "your dad is in good hands on our 4th floor" do.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

from hcsocial_lint.model import Severity


def _blocked(linter, text: str) -> bool:
    report = linter.lint_text(text, kind="comment-reply")
    return any(f.rule_id == "PHI002" and f.severity >= Severity.ERROR for f in report.findings)


@pytest.mark.parametrize("text", [
    "We can't discuss any case here, but measles is very preventable. Check your records for two MMR doses!",
    "Good question! You can check your vaccine history in the state registry or ask any pharmacy.",
    "Denials happen a lot. Ask the hospital for an itemized bill, then appeal with your insurer.",
])
def test_self_service_advice_in_a_reply_confirms_nothing(linter, text):
    assert not _blocked(linter, text), text


@pytest.mark.parametrize("text", [
    "Sorry for the wait! Your results are in, please check the portal.",
    "Please bring your insurance card to your next visit with Dr. Osei.",
])
def test_a_reply_about_their_care_with_us_is_still_blocked(linter, text):
    assert _blocked(linter, text), text


@pytest.mark.parametrize("text", [
    "I can't say anything about where I work, but congrats to your nephew on the new job!",
    "Sending your grandma and the whole family so much love this week 💛",
    "So glad to hear he's expected to make a full recovery. Everyone, please wear a helmet on those trails!",
])
def test_a_kindness_to_their_kin_or_news_repeated_confirms_nothing(linter, text):
    assert not _blocked(linter, text), text


@pytest.mark.parametrize("text", [
    "We're sorry about the mix-up. Your mother's Monday physical therapy visits will start again next week.",
    "Sending love! Your dad is in good hands on our 4th floor tonight.",
])
def test_their_kins_care_with_us_is_still_blocked(linter, text):
    assert _blocked(linter, text), text
