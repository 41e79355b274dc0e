"""Configuration files in subfolders: what they configure, including their rule packs,
applies to the files under them whichever folder hclint starts from; path discovery as the
command runs it (empty arguments, duplicates, ``exclude``, ``.gitignore``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hcsocial_lint import Linter, Settings
from hcsocial_lint.cli import main

from .test_packs import GOOD_RULE

DRAFT = "Try our wonder pill today.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """root/ with a configuration of its own, and team/ below with its own config and rule pack."""
    write(tmp_path / ".hclint.toml", 'fail-on = "warning"\n')
    write(tmp_path / "post.txt", DRAFT)
    write(tmp_path / "team" / "post.txt", DRAFT)
    write(tmp_path / "team" / "deep" / "post.txt", DRAFT)
    write(tmp_path / "team" / "packs" / "team.yaml",
          "pack: team\nrules:\n" + GOOD_RULE.replace("{pattern}", r"\bwonder pill\b"))
    write(tmp_path / "team" / ".hclint.toml", 'rule-packs = ["packs/team.yaml"]\n')
    return tmp_path


def _hits(cwd: Path, monkeypatch, *args: str) -> dict[str, set[str]]:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(main, ["--model", "none", "--format", "json", *args], catch_exceptions=False)
    findings = json.loads(result.stdout)["findings"]
    by_file: dict[str, set[str]] = {}
    for finding in findings:
        by_file.setdefault(Path(cwd, finding["path"]).resolve().relative_to(cwd.resolve().anchor).as_posix(), set()).add(
            finding["rule_id"])
    return {Path("/", k).as_posix(): v for k, v in by_file.items()}


@pytest.mark.parametrize("start", [".", "team", "team/deep"])
def test_a_subfolder_config_brings_its_rule_packs_wherever_hclint_starts(tree, monkeypatch, start):
    cwd = tree / start
    paths = [str(tree / "post.txt"), str(tree / "team")]
    hits = _hits(cwd, monkeypatch, *paths)
    inside = {k: v for k, v in hits.items() if "/team/" in k}
    assert len(inside) == 2 and all("TST001" in rules for rules in inside.values())
    outside = [rules for path, rules in hits.items() if "/team/" not in path]
    assert all("TST001" not in rules for rules in outside)


def test_library_linter_discovers_the_same(tree):
    linter = Linter(Settings(plugins=False, model="none"), discover_config=True, overrides={"plugins": False})
    report = linter.lint_many([tree / "post.txt", tree / "team" / "post.txt"])
    assert {(Path(f.path).parent.name, f.rule_id) for f in report.findings if f.rule_id == "TST001"} == {("team", "TST001")}


@pytest.mark.parametrize("extra", [(), ("--fix", "--unsafe-fixes"), ("--diff", "--unsafe-fixes")])
def test_a_broken_subfolder_config_is_reported_for_its_files_and_the_rest_linted(tree, monkeypatch, extra):
    write(tree / "team" / ".hclint.toml", '[organisation]\nstaf = ["Maria Chen"]\nrule-packs = ["packs/team.yaml"]\n')
    claim = "This miracle cure works.\n"
    write(tree / "team" / "fixme.md", claim)
    write(tree / "fixme.md", claim)
    monkeypatch.chdir(tree)
    result = CliRunner().invoke(main, ["--model", "none", *extra, "."], catch_exceptions=False)
    assert result.exit_code == 2
    assert (tree / "team" / "fixme.md").read_text(encoding="utf-8") == claim  # nothing fixed under a broken config
    assert ((tree / "fixme.md").read_text(encoding="utf-8") != claim) == ("--fix" in extra)  # fixed elsewhere
    assert "unknown key 'staf' in [tool.hclint.organisation] (did you mean 'staff'?)" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_cli_empty_argument_and_duplicates(tmp_path, monkeypatch):
    write(tmp_path / "a.md", DRAFT.replace("wonder pill", "miracle cure"))
    write(tmp_path / "other" / "b.md", DRAFT)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["--model", "none", "--format", "json", "a.md", "./a.md", "other/../a.md",
                                  str(tmp_path / "a.md")], catch_exceptions=False)
    report = json.loads(result.stdout)
    assert report["summary"]["files_checked"] == 1
    assert [(f["rule_id"], f["path"]) for f in report["findings"]] == [("CLM001", "a.md")]
    empty = runner.invoke(main, ["--model", "none", ""], catch_exceptions=False)
    assert "empty path argument" in empty.stdout + empty.stderr
    assert "b.md" not in empty.stdout  # the current folder was not linted
    assert empty.exit_code == 1


def test_cli_honours_configured_exclude_and_gitignore(tmp_path, monkeypatch):
    write(tmp_path / ".hclint.toml", 'exclude = ["archive/"]\n')
    write(tmp_path / ".gitignore", "scratch.md\n")
    for name in ("post.md", "archive/old.md", "scratch.md"):
        write(tmp_path / name, "This miracle cure works.\n")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def checked(*args: str) -> int:
        result = runner.invoke(main, ["--model", "none", "--format", "json", *args, "."], catch_exceptions=False)
        return json.loads(result.stdout)["summary"]["files_checked"]

    assert checked() == 1
    assert checked("--no-respect-gitignore") == 2
