"""The plug-in boundary: whatever a plug-in returns or raises, it is named in one line and
left out, and the run goes on with everything else."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from hcsocial_lint import Linter, Settings, hookimpl
from hcsocial_lint.cli import main
from hcsocial_lint.model import Example, Hit, RuleMeta, Severity

CLAIM = "This tea cures colds."


def _meta(rule_id: str) -> RuleMeta:
    return RuleMeta(id=rule_id, name=f"test-{rule_id.lower()}", family="test", severity=Severity.WARNING,
                    message="test rule", citation="test", source="test plug-in",
                    examples=(Example("x", "fail"), Example("y", "pass")))


@dataclass(frozen=True)
class _Rule:
    meta: RuleMeta
    hits: tuple = ()

    def check(self, analysis):
        yield from self.hits


class _RulesPlugin:
    def __init__(self, *rules):
        self.rules = list(rules)

    @hookimpl
    def hclint_rules(self, settings):
        return self.rules


def _linter(*plugins) -> Linter:
    return Linter(Settings(plugins=False, model="none"), extra_plugins=list(plugins))


def _messages(linter: Linter) -> list[str]:
    return [p.message for p in linter.setup_problems]


class _WrongTypes:
    @hookimpl
    def hclint_rules(self, settings):
        return None

    @hookimpl
    def hclint_rule_packs(self):
        return "not-a-list.yaml"

    @hookimpl
    def hclint_formatters(self):
        return ["csv"]

    @hookimpl
    def hclint_recognizers(self, settings):
        return [object()]


def test_hooks_returning_the_wrong_type_are_named_and_skipped():
    linter = _linter(_WrongTypes())
    messages = _messages(linter)
    assert any("hclint_rules returned NoneType" in m for m in messages)
    assert any("hclint_rule_packs returned str" in m for m in messages)
    assert any("hclint_formatters returned list" in m for m in messages)
    assert any("hclint_recognizers returned object" in m for m in messages)
    assert all(m.startswith("plug-in '") and "\n" not in m for m in messages)
    assert any(f.rule_id == "CLM001" for f in linter.lint_text(CLAIM).findings)


def test_a_rule_without_meta_is_skipped_and_its_neighbours_kept():
    linter = _linter(_RulesPlugin("not a rule", _Rule(_meta("TST001"))))
    assert "TST001" in linter.rules
    assert any("not one of its rules" in m for m in _messages(linter))


@pytest.mark.parametrize(
    ("hits", "expected"),
    [
        ((Hit(5, 500),), "outside the post"),
        (("not a hit",), "not a Hit"),
        ((Hit(0, 4), {"start": 1}), "not a Hit"),
    ],
)
def test_a_rule_with_bad_output_is_disabled_by_name_and_the_rest_runs(hits, expected):
    linter = _linter(_RulesPlugin(_Rule(_meta("TST001"), hits)))
    report = linter.lint_text(CLAIM)
    problem = next(p for p in report.problems if "TST001" in p.message)
    assert expected in problem.message
    assert "plug-in '" in problem.message and "disabled for the rest of the run" in problem.message
    assert not any(f.rule_id == "TST001" for f in report.findings)
    assert any(f.rule_id == "CLM001" for f in report.findings)


def test_a_plugin_rule_clashing_with_a_builtin_id_is_refused_and_the_pack_kept():
    linter = _linter(_RulesPlugin(_Rule(_meta("CLM001"), (Hit(0, 4),))))
    clash = [m for m in _messages(linter) if "CLM001" in m]
    assert len(clash) == 1
    assert "plug-in '" in clash[0] and "rule pack" in clash[0] and "claims.yaml" in clash[0]
    assert "is kept and this one refused" in clash[0]
    # The whole claims pack is still there and CLM001 is the pack's own rule.
    assert {"CLM001", "CLM002", "CLM009", "CLM011", "CLM014"} <= set(linter.rules)
    assert linter.rules["CLM001"].meta.family == "claim"
    assert any(f.rule_id == "CLM001" for f in linter.lint_text(CLAIM).findings)


class _BadSettingsCheck:
    @hookimpl
    def hclint_validate_settings(self, settings):
        raise TypeError("unexpected")


def test_a_settings_check_that_crashes_is_the_plugins_problem_not_a_config_error():
    linter = _linter(_BadSettingsCheck())
    assert any("failed in hclint_validate_settings" in m for m in _messages(linter))


class _Formatters:
    @hookimpl
    def hclint_formatters(self):
        def broken(report, options):
            raise RuntimeError("no ink")

        return {"broken": broken, "wrong": lambda report, options: 42, "json": lambda report, options: "{}"}


@pytest.fixture
def formatter_plugin(monkeypatch):
    from hcsocial_lint import linter as linter_module

    original = linter_module.create_host
    monkeypatch.setattr(linter_module, "create_host", lambda load, extra=(): original(False, (*extra, _Formatters())))


@pytest.mark.parametrize(("name", "expected"), [("broken", "RuntimeError: no ink"), ("wrong", "returned int, not text")])
def test_a_formatter_that_fails_is_named_and_the_findings_still_shown(formatter_plugin, tmp_path, name, expected):
    draft = tmp_path / "draft.txt"
    draft.write_text(CLAIM + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--model", "none", "--format", name, str(draft)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"formatter '{name}'" in result.stderr and expected in result.stderr
    assert "CLM001" in result.stdout  # the report, in the text format
    assert result.exit_code == 2


def test_a_plugin_cannot_replace_a_builtin_format(formatter_plugin):
    linter = Linter(Settings(model="none"))
    assert any("format 'json' is already provided" in m for m in _messages(linter))
    assert linter.formatters["json"].__module__ == "hcsocial_lint.reporting.json_report"


class _BrokenCheckType:
    @hookimpl
    def hclint_check_types(self):
        def explode(spec, context, regex_timeout):
            raise KeyError("pattern")

        return {"explodes": explode, "nothing": lambda spec, context, regex_timeout: None}


@pytest.mark.parametrize(("check", "expected"), [("explodes", "check type 'explodes' failed: KeyError"),
                                                 ("nothing", "check type 'nothing' returned NoneType, not a rule")])
def test_a_check_type_that_fails_refuses_its_pack_by_name(tmp_path, check, expected):
    pack = tmp_path / "team.yaml"
    pack.write_text(f"pack: team\nrules:\n  - id: TST001\n    check: {check}\n", encoding="utf-8")
    linter = Linter(Settings(plugins=False, model="none", extra_packs=(str(pack),)), extra_plugins=[_BrokenCheckType()])
    assert any(expected in m and "TST001" in m for m in _messages(linter))
    assert any(f.rule_id == "CLM001" for f in linter.lint_text(CLAIM).findings)


def _recognizer(behaviour):
    from presidio_analyzer import EntityRecognizer

    class Broken(EntityRecognizer):
        def load(self):
            pass

        def analyze(self, text, entities, nlp_artifacts=None):
            return behaviour(text)

    return Broken(supported_entities=["PERSON"], name="BrokenRecognizer")


class _Recognizers:
    def __init__(self, behaviour):
        self.behaviour = behaviour

    @hookimpl
    def hclint_recognizers(self, settings):
        return [_recognizer(self.behaviour)]


def _raise(text):
    raise RuntimeError("lost")


@pytest.mark.parametrize(("behaviour", "expected"), [(_raise, "failed: RuntimeError: lost"),
                                                     (lambda text: ["PERSON"], "not a RecognizerResult")])
def test_a_recognizer_that_fails_is_named_once_and_the_posts_still_linted(behaviour, expected):
    linter = _linter(_Recognizers(behaviour))
    first = linter.lint_text(CLAIM)
    failures = [p.message for p in first.problems if "BrokenRecognizer" in p.message]
    assert len(failures) == 1 and expected in failures[0] and failures[0].startswith("plug-in '")
    assert any(f.rule_id == "CLM001" for f in first.findings)
    second = linter.lint_text(CLAIM)
    assert not second.problems and any(f.rule_id == "CLM001" for f in second.findings)


class _Exploding:
    meta = _meta("TST002")

    def check(self, analysis):
        raise RuntimeError("kaput")


def test_a_rule_failing_inside_a_fix_pass_is_still_reported_by_the_lint(tmp_path):
    linter = _linter(_RulesPlugin(_Exploding()))
    draft = tmp_path / "draft.md"
    draft.write_text(CLAIM + "\n", encoding="utf-8")
    linter.fix_text(CLAIM, path=str(draft))  # the fix pass reads findings only
    report = linter.lint_many([draft])
    failures = [p.message for p in report.problems if "TST002" in p.message]
    assert len(failures) == 1 and "RuntimeError: kaput" in failures[0]
