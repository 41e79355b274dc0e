"""The library API: build a Linter once, lint many texts; results are frozen and serialise
to the documented JSON schema."""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import pytest

from hcsocial_lint import Finding, Report, Severity
from hcsocial_lint.reporting import ReportOptions, render
from hcsocial_lint.reporting.json_report import load_report_schema


def test_lint_text_returns_frozen_findings(linter):
    report = linter.lint_text("Our IV drip cures migraines.")
    assert isinstance(report, Report)
    finding = report.findings[0]
    assert isinstance(finding, Finding) and finding.rule_id == "CLM001" and finding.severity is Severity.ERROR
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.message = "changed"  # type: ignore[misc]


def test_lint_file_and_many(linter, tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("This tea cures colds.\n")
    second = tmp_path / "b.md"
    reply = next(e.text for e in linter.rule("PHI002").examples if e.expect == "fail" and e.kind == "review-reply")
    second.write_text(f"---\nkind: review-reply\n---\n{reply}\n")
    assert [f.rule_id for f in linter.lint_file(first).findings] == ["CLM001"]
    report = linter.lint_many([first, second])
    assert report.files_checked == 2
    assert {f.rule_id for f in report.findings} >= {"CLM001", "PHI002"}


def test_report_serialises_to_schema(linter):
    report = linter.lint_text("So proud of our patient Emma Lopez, who finished chemo at our clinic!")
    data = json.loads(render(report, "json", ReportOptions(mask=False, color=False, tool_version="test")))
    jsonschema.validate(data, load_report_schema())
    assert data["findings"][0]["evidence"]


def test_no_model_mode_runs_pattern_rules_and_says_what_it_misses(no_model_linter):
    report = no_model_linter.lint_text("Call 555-201-3344. This tea cures colds.")
    assert any(f.rule_id == "CLM001" for f in report.findings)
    assert report.notices and "cannot find person names" in report.notices[0]


def test_one_parse_per_post(linter, monkeypatch):
    calls = []
    original_pipe = linter.model.nlp.pipe

    def counting_pipe(texts, **kwargs):
        texts = list(texts)
        calls.append(len(texts))
        return original_pipe(texts, **kwargs)

    monkeypatch.setattr(linter.model.nlp, "pipe", counting_pipe)
    monkeypatch.setattr(type(linter.model.nlp), "__call__", lambda *a, **k: pytest.fail("parsed twice"))
    linter.lint_text("So proud of our patient Emma Lopez, who finished chemo at our clinic!")
    assert calls == [1]


def test_to_dict_matches_the_schema_and_masks_on_request(linter):
    report = linter.lint_text("So proud of our patient Emma Lopez, who finished chemo at our clinic!")
    jsonschema.validate(report.to_dict(), load_report_schema())
    assert report.findings[0].to_dict()["rule_id"] == report.findings[0].rule_id
    assert "Emma" not in json.dumps(report.to_dict(mask=True))


def test_tone_score_is_reported_for_every_post(linter):
    report = linter.lint_text("Wash your hands often and stay home when you are sick.")
    assert [m.metrics.get("tone_score") for m in report.post_metrics] == [0.0]
    data = report.to_dict()
    jsonschema.validate(data, load_report_schema())
    assert data["posts"][0]["metrics"]["tone_score"] == 0.0


def test_linted_posts_are_freed(linter):
    """Per-post caches live on the post's analysis: linting many posts must not keep them all."""
    import gc

    from hcsocial_lint.analysis import Analysis

    linter.lint_many([])  # warm
    texts = [f"So proud of our patient Emma {i}, who finished chemo at our clinic!" for i in range(30)]
    for text in texts:
        linter.lint_text(text)
    gc.collect()
    alive = [o for o in gc.get_objects() if isinstance(o, Analysis)]
    assert len(alive) <= 1
