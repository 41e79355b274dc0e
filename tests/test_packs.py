"""Rule packs are validated on load: a bad pack is one line naming the file and the key,
and the other packs (and files) still run."""

from __future__ import annotations

from pathlib import Path

import pytest

from hcsocial_lint import Linter, Settings
from hcsocial_lint.rules.checks import CHECK_TYPES
from hcsocial_lint.rules.packs import PackError, load_pack

GOOD_RULE = """
  - id: TST001
    name: test-rule
    family: claim
    severity: error
    check: existence
    message: "found '{match}'"
    citation: "test citation"
    patterns: ['{pattern}']
    examples:
      - fail: "a wonder pill"
      - pass: "a plain pill"
"""


def pack(tmp_path: Path, body: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text("pack: test\nrules:\n" + body, encoding="utf-8")
    return path


def load(path: Path):
    return load_pack(path, CHECK_TYPES, 0.5)


def test_valid_pack_loads(tmp_path):
    rules = load(pack(tmp_path, GOOD_RULE.replace("{pattern}", r"\bwonder\b")))
    assert [r.meta.id for r in rules] == ["TST001"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (GOOD_RULE.replace("{pattern}", "(unclosed"), "'patterns[0]': invalid regular expression"),
        (GOOD_RULE.replace("{pattern}", "(a|aa)+$"), "backtracks catastrophically"),
        (GOOD_RULE.replace("{pattern}", "wonder").replace("severity: error", "severity: dire"), "'severity'"),
        (GOOD_RULE.replace("{pattern}", "wonder").replace("check: existence", "check: sometimes"), "unknown check"),
        (GOOD_RULE.replace("{pattern}", "wonder").replace("    citation: \"test citation\"\n", ""), "'citation': is required"),
        (GOOD_RULE.replace("{pattern}", "wonder").replace('      - pass: "a plain pill"\n', ""), "'examples'"),
        (GOOD_RULE.replace("{pattern}", "wonder") + "    colour: red\n", "'colour'"),
        (GOOD_RULE.replace("{pattern}", "wonder").replace("id: TST001", "id: test-1"), "'id'"),
    ],
)
def test_invalid_pack_is_one_line_naming_file_and_key(tmp_path, body, expected):
    path = pack(tmp_path, body)
    with pytest.raises(PackError) as error:
        load(path)
    message = str(error.value)
    assert str(path) in message and expected in message
    assert "\n" not in message


def test_broken_yaml_is_reported_with_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("pack: x\nrules: [\n  - id: {\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"broken\.yaml: invalid YAML at line \d+"):
        load(path)


def test_bad_pack_is_reported_and_other_packs_still_run(tmp_path):
    good = pack(tmp_path, GOOD_RULE.replace("{pattern}", r"\bwonder\b"), "good.yaml")
    bad = pack(tmp_path, GOOD_RULE.replace("{pattern}", "(a|aa)+$").replace("TST001", "TST002"), "bad.yaml")
    linter = Linter(Settings(plugins=False, model="none", extra_packs=(str(good), str(bad))))
    report = linter.lint_many([])
    assert any(p.path == str(bad) and "backtracks" in p.message for p in report.problems)
    assert "TST001" in linter.rules and "TST002" not in linter.rules
    assert [f.rule_id for f in linter.lint_text("a wonder pill").findings if f.rule_id.startswith("TST")] == ["TST001"]


def test_runtime_regex_timeout_skips_rule_for_that_post(tmp_path, monkeypatch):
    # Simulate a slow pattern that the load-time probes miss: the run-time limit must still hold.
    monkeypatch.setattr("hcsocial_lint.rules.packs._probes_for", lambda pattern, flags=0: [])
    body = GOOD_RULE.replace("{pattern}", r"(?:x+x+)+y")
    path = pack(tmp_path, body.replace('"a wonder pill"', '"xxy"').replace('"a plain pill"', '"plain"'))
    linter = Linter(Settings(plugins=False, model="none", extra_packs=(str(path),), regex_timeout=0.05))
    report = linter.lint_text("x" * 4000 + " and a cure.", path="slow.txt")
    assert any("TST001" in p.message and "longer than" in p.message for p in report.problems)
    assert any(f.rule_id == "CLM001" for f in report.findings)  # other rules still ran


def test_duplicate_rule_id_is_a_loud_error(tmp_path):
    clash = GOOD_RULE.replace("{pattern}", "wonder").replace("TST001", "CLM001")
    path = pack(tmp_path, clash)
    linter = Linter(Settings(plugins=False, model="none", extra_packs=(str(path),)))
    assert any("rule id CLM001 from rule pack" in p.message and "is kept and this one refused" in p.message
               for p in linter.setup_problems)
    assert linter._origin["CLM001"] != f"rule pack {path}"  # the built-in rule stays


def test_approved_claim_clears_a_pack_rule():
    text = "Our cream is guaranteed to erase wrinkles."
    plain = Linter(Settings(plugins=False, model="none"))
    assert any(f.rule_id == "CLM001" for f in plain.lint_text(text).findings)
    approved = Settings(plugins=False, model="none", families={"claim": {"approved_claims": [
        {"text": "guaranteed to erase wrinkles", "substantiation": "Clinical file WG-2026-3"}]}})
    assert not any(f.rule_id == "CLM001" for f in Linter(approved).lint_text(text).findings)


def test_built_in_packs_pass_the_backtracking_probes():
    """Built-in packs skip the probes at start-up; this test is where they are probed."""
    from hcsocial_lint.builtin import bundled_packs

    files = sorted(bundled_packs().glob("*.yaml"))
    assert files
    for path in files:
        assert load_pack(path, CHECK_TYPES, 0.5, probe=True)


def test_user_packs_are_probed_at_load(tmp_path):
    bad = pack(tmp_path, GOOD_RULE.replace("{pattern}", "(a|aa)+$"))
    linter = Linter(Settings(plugins=False, model="none", extra_packs=(str(bad),)))
    assert any("backtracks" in p.message for p in linter.setup_problems)


@pytest.mark.parametrize("body", [
    "  - &rule {id: TST001}\n  - *rule\n",
    "  - id: TST001\n    patterns: &p [a, b]\n    extra: *p\n",
    "x: &x [*x]\n",
])
def test_pack_with_anchors_or_aliases_is_refused_on_one_line(tmp_path, body):
    path = pack(tmp_path, body, name="aliased.yaml")
    with pytest.raises(PackError) as error:
        load(path)
    message = str(error.value)
    assert message.startswith(f"{path}: invalid YAML at line ") and "\n" not in message
    assert "anchors and aliases are refused" in message and "rule pack" in message


def test_pack_with_a_huge_integer_is_refused_on_one_line(tmp_path):
    path = pack(tmp_path, "  - id: " + "9" * 2000 + "\n", name="number.yaml")
    with pytest.raises(PackError, match=r"number\.yaml: a number of more than 1,000 digits \(line 3\)$"):
        load(path)


def test_shipped_packs_read_the_same_with_libyaml():
    """Built-in packs are read with libyaml at start-up; the result is the bounded loader's."""
    from hcsocial_lint.builtin import bundled_packs
    from hcsocial_lint.rules.packs import read_pack

    for path in sorted(bundled_packs().glob("*.yaml")):
        assert read_pack(path, shipped=True) == read_pack(path)
