"""The hclint command as users run it: output shape, exit codes, options, configuration."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from hcsocial_lint.cli import main

from .conftest import EXAMPLES, hclint_executable

CURE = "Our IV drip cures hangovers.\n"
CLEAN = "Flu shots are available at all of our clinics this week.\n"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_finding_line_shape_and_exit_code_one(run, tmp_path):
    write(tmp_path / "post.txt", CURE)
    result = run("post.txt")
    assert result.exit_code == 1
    assert "post.txt:1:13: CLM001 [error]" in result.output
    assert "may help" in result.output  # the suggested rewrite is shown


def test_clean_file_exits_zero(run, tmp_path):
    write(tmp_path / "post.txt", CLEAN)
    result = run("post.txt")
    assert result.exit_code == 0, result.output


def test_warning_only_exits_zero_unless_fail_on_warning(run, tmp_path):
    write(tmp_path / "post.txt", "Limited time: teeth whitening for the holidays.\n")
    assert run("post.txt", "--select", "TON001").exit_code == 0
    assert run("post.txt", "--select", "TON001", "--fail-on", "warning").exit_code == 1


def test_usage_error_exits_two(run, tmp_path):
    write(tmp_path / "post.txt", CLEAN)
    assert run("post.txt", "--format", "yaml").exit_code == 2
    assert run("post.txt", "--select", "NOPE999").exit_code == 2
    assert run("post.txt", "--kind", "tweet").exit_code == 2


def reply_disclosure(linter) -> str:
    """PHI002's own documented failing reply, so these CLI tests follow the rule's definition."""
    return next(e.text for e in linter.rule("PHI002").examples if e.expect == "fail" and e.kind == "review-reply")


def test_stdin_and_kind(run, linter):
    reply = reply_disclosure(linter) + "\n"
    as_post = run("-", "--select", "PHI002", input=reply)
    assert as_post.exit_code == 0
    as_reply = run("-", "--kind", "review-reply", "--select", "PHI002", input=reply)
    assert as_reply.exit_code == 1
    assert "-:1:" in as_reply.output and "PHI002 [critical]" in as_reply.output


def test_kind_from_front_matter(run, tmp_path, linter):
    write(tmp_path / "reply.md", "---\nkind: review-reply\n---\n" + reply_disclosure(linter) + "\n")
    result = run("reply.md", "--select", "PHI002")
    assert result.exit_code == 1 and "PHI002" in result.output


def test_json_output_is_valid_and_versioned(run, tmp_path):
    write(tmp_path / "post.txt", CURE)
    result = run("post.txt", "--format", "json")
    data = json.loads(result.output)
    assert data["schema_version"]
    assert [f["rule_id"] for f in data["findings"]] == ["CLM001"]
    assert data["findings"][0]["matched_text"] == "cures"


def test_sarif_and_github_mask_by_default(run, tmp_path):
    write(tmp_path / "reply.md", "---\nkind: post\n---\nSo proud of our patient Emma Lopez, who finished chemo at our clinic!\n")
    sarif = run("reply.md", "--format", "sarif", "--select", "PHI001")
    assert sarif.exit_code == 1
    assert "Emma" not in sarif.output
    github = run("reply.md", "--format", "github", "--select", "PHI001")
    assert github.output.startswith("::error file=reply.md,line=4")
    assert "Emma" not in github.output
    unmasked = run("reply.md", "--format", "github", "--select", "PHI001", "--no-mask")
    assert "Emma" in unmasked.output
    masked_json = run("reply.md", "--format", "json", "--select", "PHI001", "--mask")
    assert "Emma" not in masked_json.output


def test_select_ignore_by_prefix_family_and_name(run, tmp_path):
    write(tmp_path / "post.txt", "Our IV drip cures hangovers. Book now!\n")
    assert "TON001" not in run("post.txt", "--select", "claim").output
    assert "CLM001" not in run("post.txt", "--ignore", "CLM").output
    assert "CLM001" not in run("post.txt", "--ignore", "absolute-efficacy").output
    # the more specific selector wins
    assert "CLM001" in run("post.txt", "--ignore", "claim", "--select", "CLM001").output


def test_severity_override(run, tmp_path):
    write(tmp_path / "post.txt", CURE)
    result = run("post.txt", "--severity", "CLM001=info")
    assert result.exit_code == 0 and "CLM001 [info]" in result.output


def test_config_discovered_by_walking_up(run, tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.hclint]\nignore = ["CLM001"]\n')
    write(tmp_path / "drafts" / "deep" / "post.txt", CURE)
    write(tmp_path / "other" / ".hclint.toml", 'severity = { CLM001 = "warning" }\n')
    write(tmp_path / "other" / "post.txt", CURE)
    result = run("drafts", "other")
    assert "drafts/deep/post.txt" not in result.output
    assert "other/post.txt:1:13: CLM001 [warning]" in result.output


def test_per_file_ignores(run, tmp_path):
    write(tmp_path / ".hclint.toml", '[per-file-ignores]\n"archive/*" = ["claim"]\n')
    write(tmp_path / "archive" / "old.txt", CURE)
    write(tmp_path / "new.txt", CURE)
    result = run(".")
    assert "archive/old.txt" not in result.output and "new.txt:1:13" in result.output


def test_malformed_config_is_one_line_and_exit_two(run, tmp_path):
    write(tmp_path / "bad" / ".hclint.toml", "select = [\n")
    write(tmp_path / "bad" / "post.txt", CURE)
    write(tmp_path / "good" / "post.txt", CURE)
    result = run("bad/post.txt", "good/post.txt")
    assert result.exit_code == 2
    assert "good/post.txt:1:13: CLM001" in result.output
    error_lines = [line for line in result.output.splitlines() if ".hclint.toml" in line]
    assert error_lines and "Traceback" not in result.output


def test_inline_suppression_next_line_block_and_unused(run, tmp_path):
    text = (
        "<!-- hclint-disable-next-line CLM001 -->\n"
        "Our IV drip cures hangovers.\n"
        "<!-- hclint-disable claim -->\n"
        "This tea cures colds.\n"
        "<!-- hclint-enable claim -->\n"
        "<!-- hclint-disable-next-line TON001 -->\n"
        "Rest and fluids help most colds.\n"
        "Our cream cures acne.\n"
    )
    write(tmp_path / "post.md", text)
    result = run("post.md")
    assert "post.md:8:" in result.output and "CLM001" in result.output
    assert "post.md:2:" not in result.output and "post.md:4:" not in result.output
    assert "post.md:6:1: HCL100 [warning]" in result.output


def test_markdown_code_and_link_urls_are_not_prose(run, tmp_path):
    text = "Read more [here](https://example.org/cures-everything).\n\n```\nthis cures all\n```\n\nInline `cures` too.\n"
    write(tmp_path / "post.md", text)
    assert run("post.md", "--select", "CLM001").exit_code == 0


def test_exports_report_record_locations(run, tmp_path):
    write(tmp_path / "posts.jsonl", json.dumps({"text": CLEAN}) + "\n" + json.dumps({"text": "Hi!\nThis tea cures colds."}) + "\n")
    result = run("posts.jsonl", "--format", "json")
    finding = json.loads(result.output)["findings"][0]
    assert (finding["record"], finding["range"]["line"], finding["range"]["column"]) == (2, 2, 10)
    write(tmp_path / "posts.csv", 'id,body\n1,"Fine post"\n2,"This tea\ncures colds."\n')
    csv_result = run("posts.csv", "--text-field", "body", "--format", "json")
    csv_finding = json.loads(csv_result.output)["findings"][0]
    assert (csv_finding["record"], csv_finding["range"]["line"]) == (2, 2)


def test_fix_writes_safe_fixes_and_second_run_is_clean(run, tmp_path):
    write(tmp_path / "notes.md", "Our IV drip cures hangovers.\n")
    # CLM001's fix is unsafe: --fix alone must not touch the file
    run("notes.md", "--fix", "--select", "CLM001")
    assert (tmp_path / "notes.md").read_text() == "Our IV drip cures hangovers.\n"
    diff = run("notes.md", "--diff", "--unsafe-fixes", "--select", "CLM001")
    assert "-Our IV drip cures hangovers." in diff.output and "+Our IV drip may help with hangovers." in diff.output
    assert (tmp_path / "notes.md").read_text() == "Our IV drip cures hangovers.\n"
    run("notes.md", "--fix", "--unsafe-fixes", "--select", "CLM001")
    assert (tmp_path / "notes.md").read_text() == "Our IV drip may help with hangovers.\n"
    assert run("notes.md", "--select", "CLM001").exit_code == 0


def test_fix_preserves_bom_and_crlf(run, tmp_path):
    path = tmp_path / "post.txt"
    path.write_bytes("\ufeffLine one.\r\nOur IV drip cures hangovers.\r\n".encode("utf-8"))
    run("post.txt", "--fix", "--unsafe-fixes", "--select", "CLM001")
    assert path.read_bytes() == "\ufeffLine one.\r\nOur IV drip may help with hangovers.\r\n".encode("utf-8")


def test_undecodable_file_is_reported_and_not_touched(run, tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 cures colds.\n".encode("latin-1"))
    write(tmp_path / "ok.txt", CURE)
    before = bad.read_bytes()
    result = run(".", "--fix", "--unsafe-fixes")
    assert bad.read_bytes() == before
    assert "latin1.txt" in result.output and "decode" in result.output
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_rules_listing_and_rule_doc(run):
    listing = run("rules")
    assert listing.exit_code == 0
    for column in ("ID", "NAME", "FAMILY", "SEVERITY", "FIX", "SOURCE"):
        assert column in listing.output
    assert "CLM001" in listing.output and "claims.yaml" in listing.output
    doc = run("rule", "CLM001")
    assert doc.exit_code == 0
    for part in ("What it checks", "Why", "Citation:", "Fix safety", "Examples", "There is no cure for the common cold"):
        assert part in doc.output
    assert run("rule", "ZZZ999").exit_code == 2


def test_examples_folder_end_to_end(run):
    compliant = run(str(EXAMPLES / "drafts" / "compliant"))
    assert compliant.exit_code == 0, compliant.output
    assert "All clear" in compliant.output
    needs_work = run(str(EXAMPLES / "drafts" / "needs-work"))
    assert needs_work.exit_code == 1
    for prefix in ("PHI", "CLM", "TON", "INC", "END"):  # every family has a failing example
        assert f" {prefix}0" in needs_work.output, prefix


def test_installed_console_script_runs(tmp_path):
    write(tmp_path / "post.txt", CURE)
    completed = subprocess.run([hclint_executable(), "--no-plugins", str(tmp_path / "post.txt")],
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 1, completed.stderr
    assert "CLM001" in completed.stdout


def test_unknown_selector_in_a_discovered_config_is_a_configuration_error(run, tmp_path):
    write(tmp_path / "team" / ".hclint.toml", 'ignore = ["CLM01X"]\n')
    write(tmp_path / "team" / "post.txt", CURE)
    write(tmp_path / "post.txt", CURE)
    result = run("team/post.txt", "post.txt")
    assert result.exit_code == 2
    assert "CLM01X" in result.output and "post.txt:1:13: CLM001" in result.output


def test_invalid_family_option_is_a_configuration_error_before_linting(run, tmp_path):
    write(tmp_path / ".hclint.toml", "[tone]\nnominal_item_value = \"fifteen\"\n")
    write(tmp_path / "post.txt", CURE)
    result = run("post.txt")
    assert result.exit_code == 2
    assert "nominal_item_value" in result.output and "Traceback" not in result.output
