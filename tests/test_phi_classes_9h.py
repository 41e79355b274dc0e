"""Issue #9, PHI by linguistic class (2026-12-07, second session, from the 12-07f and 12-07g sets' misses and false
blocks, development data since; the 12-07e and 12-07h sets stay held out): an authorization record that is not in
force (revoked, not yet signed) and a recorded scope that leaves out the health the post gives; care someone "got
here". With the near misses of each that must stay clean.

Every sentence is new, written for this file.
"""

from __future__ import annotations

from functools import partial

import pytest

from hcsocial_lint.rules.phi.options import authorization, authorization_not_in_force, authorization_scope

from .conftest import BLOCKING, phi_rule_findings

phi = partial(phi_rule_findings, floor=BLOCKING)
phi_any = phi_rule_findings

STORY = "Meet Rosalind Achebe, 11, who got her new heart valve here last winter! [Photo: Rosalind on her bike]"


@pytest.mark.parametrize("record", [
    {"hipaa_authorization": {"signed": "not yet, sent to the family on 2026-10-02", "ref": "none"}},
    {"hipaa_authorization": {"ref": "AUTH-7781", "signed": "2026-03-01", "status": "revoked in writing 2026-11-02"}},
    {"hipaa_authorization": "AUTH-7781 (withdrawn by the patient)"},
    {"hipaa_authorization": {"signed": "", "ref": "n/a"}},
    {"hipaa_authorization": "pending"},
])
def test_an_authorization_that_is_not_in_force_does_not_authorize(linter, record):
    assert authorization(record) is None and authorization_not_in_force(record)
    findings = [f for f in phi(linter.lint_text(STORY, metadata=record)) if f.rule_id == "PHI006"]
    assert findings and "not in force" in findings[0].message, findings


@pytest.mark.parametrize("record", [
    {"hipaa_authorization": {"signed": "2026-03-01", "ref": "AUTH-7781"}},
    {"hipaa_authorization": "AUTH-7781"},
    {"hipaa_authorization": {"signed": "2026-03-01 by her mother, personal representative", "ref": "AUTH-7781"}},
])
def test_an_authorization_in_force_stays_a_reminder(linter, record):
    assert authorization(record) and authorization_not_in_force(record) is None
    assert not phi(linter.lint_text(STORY, metadata=record))


def test_a_scope_in_brackets_after_the_reference_is_read():
    assert authorization_scope({"hipaa_authorization": "AUTH-7781 (first name and photo only)"}) == "first name and photo only"
    assert authorization_scope({"hipaa_authorization": "AUTH-7781 (2026)"}) is None


@pytest.mark.parametrize("text, scope", [
    ("Meet Rosalind! She got her new heart valve with our team last winter. [Photo: Rosalind on her bike]",
     "first name, photo; no clinical details"),
    ("Meet Rosalind! She got her new heart valve with our team last winter. [Photo: Rosalind on her bike]",
     "first name and photo only"),
])
def test_an_authorized_story_that_gives_health_its_scope_leaves_out_is_a_warning(linter, text, scope):
    record = {"hipaa_authorization": {"ref": "AUTH-7781", "signed": "2026-03-01", "scope": scope}}
    findings = [f for f in phi_any(linter.lint_text(text, metadata=record)) if f.rule_id == "PHI006"]
    assert findings and findings[0].severity.value == "warning" and "scope" in findings[0].message, findings


@pytest.mark.parametrize("scope", ["first name, photo, heart valve story", "first name, photo and her treatment",
                                   "first name; photo; recovery after surgery"])
def test_an_authorized_story_whose_scope_covers_its_health_stays_a_reminder(linter, scope):
    text = "Meet Rosalind! She got her new heart valve with our team last winter. [Photo: Rosalind on her bike]"
    record = {"hipaa_authorization": {"ref": "AUTH-7781", "signed": "2026-03-01", "scope": scope}}
    findings = [f for f in phi_any(linter.lint_text(text, metadata=record)) if f.rule_id == "PHI006"]
    assert not findings or all(f.severity.value == "info" for f in findings), [f.message for f in findings]


@pytest.mark.parametrize("text", [
    "So happy for Desmond Pryce, who had his hip replaced here in June and just walked his daughter down the aisle!",
])
def test_care_received_here(linter, text):
    assert phi(linter.lint_text(text))


@pytest.mark.parametrize("text", [
    "Desmond Pryce will read here at our library fundraiser on Friday.",
    "Get your flu shot here before the holidays!",
])
def test_here_without_a_person_receiving_care(linter, text):
    assert not phi(linter.lint_text(text))
