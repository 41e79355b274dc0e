"""Where the CLI writes what: the fixed stdin draft, diffs beside each report format, colour.

Each output stream must stay machine-readable: with ``- --fix`` stdout is the fixed draft
(as ruff does), with ``--diff`` a JSON or SARIF report on stdout still parses.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hcsocial_lint import Linter, Settings
from hcsocial_lint.cli import main

from .conftest import hclint_executable

CURE = "Our IV drip cures migraines.\n"
FIXED = "Our IV drip may help with migraines.\n"
FRONT = "---\ntitle: Spring\nkind: post\n---\n"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


# --- standard input with --fix ------------------------------------------------------------


def test_stdin_fix_prints_the_fixed_draft_on_stdout_and_the_report_on_stderr(run):
    result = run("-", "--fix", "--unsafe-fixes", "--select", "CLM001", input=CURE)
    assert result.stdout == FIXED
    assert "Applied 1 fix" in result.stderr
    assert result.exit_code == 0


def test_stdin_fix_keeps_front_matter_and_reports_what_is_left(run):
    draft = FRONT + "So proud of our patient Emma Lopez, who finished chemo at our clinic! " + CURE
    result = run("-", "--fix", "--unsafe-fixes", "--select", "CLM001", "--format", "json", input=draft)
    assert result.stdout.startswith(FRONT) and result.stdout.endswith("may help with migraines.\n")
    report = json.loads(result.stderr)
    assert report["summary"]["fixed"] == 1 and report["findings"] == []


def test_stdin_fix_without_fixes_echoes_the_draft(run):
    clean = "Flu shots are available at all of our clinics this week.\n"
    assert run("-", "--fix", input=clean).stdout == clean


def test_stdin_fix_with_an_output_file_keeps_the_report_in_the_file(run, tmp_path):
    result = run("-", "--fix", "--unsafe-fixes", "--select", "CLM001", "-o", "report.json", "--format", "json", input=CURE)
    assert result.stdout == FIXED
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["summary"]["fixed"] == 1


def test_stdin_diff_shows_the_diff_and_writes_no_draft(run):
    result = run("-", "--diff", "--unsafe-fixes", "--select", "CLM001", "--stdin-filename", "post.txt", input=CURE)
    assert "--- a/post.txt" in result.stdout and "+Our IV drip may help with migraines." in result.stdout
    assert FIXED not in result.stdout.replace("+" + FIXED, "")


def test_library_fix_text_returns_the_fixed_draft():
    linter = Linter(Settings(plugins=False, model="none", select=("CLM001",)))
    outcome = linter.fix_text(CURE, unsafe=True)
    assert outcome.text == FIXED and [f.rule_id for f in outcome.applied] == ["CLM001"]
    assert linter.fix_text(CURE).text == CURE  # the fix is unsafe: nothing is applied without unsafe=True


# --- --diff beside every format -----------------------------------------------------------


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_diff_never_corrupts_the_report(run, tmp_path, output_format):
    (tmp_path / "post.md").write_text(FRONT + CURE, encoding="utf-8")
    result = run("post.md", "--diff", "--unsafe-fixes", "--select", "CLM001", "--format", output_format)
    if output_format == "text":
        assert result.stdout.index("+Our IV drip may help") < result.stdout.index("post.md:5:13: CLM001")
    else:
        assert "+Our IV drip may help" in result.stderr and "@@" not in result.stdout
        if output_format == "github":
            assert all(line.startswith("::") for line in result.stdout.splitlines())
        else:
            json.loads(result.stdout)
    assert (tmp_path / "post.md").read_text(encoding="utf-8") == FRONT + CURE


def test_masked_diff_hides_what_the_report_masks(run, tmp_path):
    (tmp_path / "post.md").write_text("So proud of our patient Emma Lopez, who finished chemo at our clinic!\n",
                                      encoding="utf-8")
    result = run("post.md", "--diff", "--unsafe-fixes", "--format", "sarif")
    assert "Emma" not in result.stdout + result.stderr
    unmasked = run("post.md", "--diff", "--unsafe-fixes", "--format", "sarif", "--no-mask")
    assert "-So proud of our patient Emma Lopez" in unmasked.stderr


# --- subcommands --------------------------------------------------------------------------


def test_unknown_subcommand_is_a_usage_error(run):
    result = run("rulez")
    assert result.exit_code == 2
    assert "No such command 'rulez'" in result.stderr and "'rules'" in result.stderr
    assert "no such file" not in result.output


def test_an_existing_file_named_like_a_word_is_linted(run, tmp_path):
    (tmp_path / "rulez").write_text(CURE, encoding="utf-8")
    result = run("rulez")
    assert "rulez:1:13: CLM001" in result.stdout and result.exit_code == 1


def test_paths_that_do_not_look_like_commands_are_still_missing_files(run):
    for missing in ("draft.md", "./rulez", "drafts/post"):
        result = run(missing)
        assert result.exit_code == 1 and "no such file or directory" in result.stdout, missing
    assert run("check", "rulez").exit_code == 1


# --- colour -------------------------------------------------------------------------------


def _on_a_terminal(args: list[str], cwd: Path, **env: str) -> str:
    """Run the installed hclint with stdout on a pseudo-terminal; return what it printed."""
    main_fd, child_fd = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | env
    process = subprocess.Popen([hclint_executable(), *args], cwd=cwd, stdout=child_fd, stderr=child_fd,
                               stdin=subprocess.DEVNULL, env=environment)
    os.close(child_fd)
    chunks = []
    while True:
        ready, _, _ = select.select([main_fd], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(main_fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(main_fd)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_no_color_turns_colour_off_on_a_terminal(tmp_path):
    (tmp_path / "post.txt").write_text(CURE, encoding="utf-8")
    args = ["--model", "none", "--no-plugins", "post.txt"]
    assert "\x1b[" in _on_a_terminal(args, tmp_path)
    plain = _on_a_terminal(args, tmp_path, NO_COLOR="1")
    assert "CLM001" in plain and "\x1b[" not in plain
    assert "\x1b[" in _on_a_terminal([*args, "--color"], tmp_path, NO_COLOR="1")  # the flag still wins
