"""README.md stays true: CI runs its test command, and its examples run."""

from __future__ import annotations

import re

import yaml

from hcsocial_lint.rules.checks import CHECK_TYPES
from hcsocial_lint.rules.packs import load_pack

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    ci_command = re.search(r"# BEGIN README TEST COMMAND\n(.*?)\n# END README TEST COMMAND", ci, flags=re.S).group(1)
    shell_blocks = [block.strip() for block in code_blocks("sh")]
    assert ci_command.strip() in shell_blocks
    assert "pytest" in ci_command and "pip install" in ci_command


def test_library_example_runs():
    block = next(b for b in code_blocks("python") if "Linter(" in b)
    exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own documentation


def test_rule_pack_example_is_a_valid_pack(tmp_path):
    block = next(b for b in code_blocks("yaml") if b.startswith("pack:"))
    path = tmp_path / "pack.yaml"
    path.write_text(block, encoding="utf-8")
    rules = load_pack(path, CHECK_TYPES, 0.5)
    assert rules[0].meta.id == "MYP001"
    assert yaml.safe_load(block)["rules"][0]["examples"][0]["fixed"] == "A cream for dry skin."


def test_every_rule_is_documented_in_the_generated_reference():
    from hcsocial_lint import Linter, Settings
    from hcsocial_lint.docs import rules_table

    linter = Linter(Settings(plugins=False, model="none"))
    generated = rules_table(linter.rule_metas, "markdown")
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == generated, "docs/rules.md is stale: run `hclint rules --no-plugins --format markdown > docs/rules.md`"


def test_configuration_example_is_valid():
    import dataclasses
    import tomllib

    from hcsocial_lint import Linter
    from hcsocial_lint.config import settings_from_table

    block = next(b for b in code_blocks("toml") if b.startswith("[tool.hclint]"))
    settings = settings_from_table(tomllib.loads(block)["tool"]["hclint"], source="README.md")
    assert settings.family_options("tone")["nominal_item_value"] == 15
    # the example names a pack file of the reader's own; everything else must be accepted as written
    Linter(dataclasses.replace(settings, extra_packs=(), model="none"))
