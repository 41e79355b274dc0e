"""Issue #9 (replies): PHI004 and the name a reviewer posted under. OCR's reply cases turned on unmasking, a reply
giving the real or full name of someone who posted under a moniker. Greeting the reviewer by the name they posted
under (front matter ``reviewer``, ``reviewer_display_name``, ``reviewer_name`` or ``commenter``) is a warning: it
unmasks no one. A name the display name does not hold is a name we supplied, and stays critical; a reply that also
speaks of their care is blocked by PHI002 whatever the name.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

from hcsocial_lint.model import Severity
from hcsocial_lint.rules.phi.reviewer import only_the_posted_name, posted_as


def _findings(linter, text: str, reviewer: str | None, key: str = "reviewer") -> dict[str, Severity]:
    metadata = {key: reviewer} if reviewer else {}
    report = linter.lint_text(text, kind="review-reply", metadata=metadata)
    found: dict[str, Severity] = {}
    for f in report.findings:
        if f.family == "phi":
            found[f.rule_id] = max(found.get(f.rule_id, Severity.INFO), f.severity)
    return found


@pytest.mark.parametrize("key", ["reviewer", "reviewer_display_name", "reviewer_name", "commenter"])
def test_the_name_the_reviewer_posted_under_is_a_warning(linter, key):
    found = _findings(linter, "Thank you so much, Priya! Notes like this make the whole front desk smile.", "Priya K.", key)
    assert found.get("PHI004") == Severity.WARNING


def test_without_the_display_name_a_name_in_a_reply_stays_critical(linter):
    found = _findings(linter, "Thank you so much, Priya! Notes like this make the whole front desk smile.", None)
    assert found.get("PHI004") == Severity.CRITICAL


def test_a_name_the_reviewer_did_not_post_under_unmasks_them(linter):
    found = _findings(linter, "Mr. Okonkwo, thank you for taking the time to write.", "Happy Camper 22")
    assert found.get("PHI004") == Severity.CRITICAL


def test_care_in_the_reply_is_blocked_whatever_the_name(linter):
    found = _findings(linter, "Thanks, Priya! So glad your new crown feels comfortable.", "Priya K.")
    assert found.get("PHI002", Severity.INFO) >= Severity.ERROR


def test_posted_as_reads_names_and_handles():
    assert posted_as({"reviewer": "Mike R."}) == {"mike", "r"}
    assert posted_as({"commenter": "@sam.runs.far"}) == {"sam", "runs", "far"}
    assert only_the_posted_name("Ms. Rivera", {"reviewer": "Ana Rivera"})
    assert not only_the_posted_name("Ana Rivera", {"reviewer": "Ana R."})
