"""Issue #9: the PHI second opinion (PHI090), a warning where the PHI rules are silent and a model trained
on the labelled PHI drafts reads one person's care; the training script's guard that keeps held-out blind
sets out of training; and an official in public who is no patient (a date beside "the mayor" who toured).

Every sentence is new, written for this file.
"""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest

from hcsocial_lint import Linter, Settings
from hcsocial_lint.learned.linear import load_scorer
from hcsocial_lint.model import Severity
from hcsocial_lint.rules import second_opinion
from hcsocial_lint.sources import read_text_post

REPO = Path(__file__).resolve().parents[1]
# A staff member's relative cared for on our floor: no PHI rule reads it, the model does.
RELATIVE = ("Our surgical tech's brother spent three nights with us after his appendix came out. He is back on the "
            "golf course already!")


def _analysis(linter: Linter, text: str, **metadata):
    post = read_text_post(text, linter.settings)
    if metadata:
        post = replace(post, metadata={**post.metadata, **metadata})
    return next(linter.analyse([post], [linter.settings]))


def _ids(linter: Linter, text: str, **metadata) -> set[str]:
    return {f.rule_id for f in linter.check(_analysis(linter, text, **metadata)).findings}


def test_a_relatives_stay_the_rules_pass_gets_the_models_warning(linter):
    findings = [f for f in linter.lint_text(RELATIVE).findings if f.family == "phi"]
    assert [f.rule_id for f in findings] == ["PHI090"]
    finding = findings[0]
    assert finding.severity is Severity.WARNING
    assert finding.message.startswith("model's opinion (score ")
    assert "one person's care or health" in finding.message
    assert finding.score >= load_scorer("phi").threshold
    assert all(e.source == "learned:phi" for e in finding.evidence)
    assert not finding.suggestions


@pytest.mark.parametrize("text", [
    "Our charge nurse ran her first 10K this weekend after a year of training. She is already planning the next one!",
    "Appendicitis often starts as pain around the belly button. Call us if the pain moves to your lower right side.",
    "The governor cut the ribbon on our new heart center this morning and thanked our cardiac team.",
])
def test_staff_news_education_and_officials_get_no_opinion(linter, text):
    assert "PHI090" not in _ids(linter, text)


def test_a_recorded_authorization_ends_the_opinion(linter):
    assert "PHI090" in _ids(linter, RELATIVE)
    assert "PHI090" not in _ids(linter, RELATIVE, hipaa_authorization="AUTH-4471")


def test_a_veterinary_post_is_not_read(linter):
    text = ("Our vet tech's pup Biscuit spent the week with us after his knee surgery at Maple Veterinary Hospital. "
            "He is home now!")
    assert not second_opinion.PHI.readable(_analysis(linter, text))


def test_silent_where_a_phi_rule_reports(linter):
    text = "Big hugs to the grandpa who rang the bell in our infusion suite this morning after his last round."
    score, threshold, _, _ = second_opinion.PHI.opinion(_analysis(linter, text))
    assert score >= threshold  # the model would speak ...
    ids = _ids(linter, text)
    assert "PHI090" not in ids and any(i.startswith("PHI0") and i != "PHI090" for i in ids)  # ... a rule did


def test_off_with_the_scorer_families():
    claims_only = Linter(Settings(plugins=False, families={"scorer": {"families": ["claims"]}}))
    assert "PHI090" not in {f.rule_id for f in claims_only.lint_text(RELATIVE).findings}


def _training_script():
    spec = importlib.util.spec_from_file_location("train_scorer", REPO / "tools" / "train_scorer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_held_out_blind_sets_never_train():
    script = _training_script()
    assert not set(script.HELD_OUT_BLIND_SETS) & set(script.DEVELOPMENT_BLIND_SETS)
    for name in (*script.HELD_OUT_BLIND_SETS, "phi_2099-01-01"):
        with pytest.raises(SystemExit):
            script.development_blind_rows(name)
    with pytest.raises(SystemExit):
        script._jsonl(script.BLIND / "phi_2026-12-06b.jsonl")
    listed = {p.stem for p in script.BLIND.glob("phi_*.jsonl")}
    assert set(script.DEVELOPMENT_BLIND_SETS) <= listed and set(script.HELD_OUT_BLIND_SETS) <= listed


@pytest.mark.parametrize("text", [
    "The mayor toured our new cancer center today and thanked the nurses for their work.",
    "The senator visited our NICU this morning to meet the nurses and families.",
])
def test_an_official_in_public_beside_a_date_is_no_patient(linter, text):
    assert not [f for f in linter.lint_text(text).findings if f.rule_id.startswith("PHI")], text


@pytest.mark.parametrize("text", [
    "The mayor was admitted to our cardiac unit today after chest pain at the parade.",
    "Our lab ran its 10,000th flu test today, and it belonged to the mayor! Negative, phew.",
])
def test_an_officials_care_or_result_is_still_a_disclosure(linter, text):
    assert [f for f in linter.lint_text(text).findings if f.rule_id.startswith("PHI") and f.severity >= Severity.ERROR], text
