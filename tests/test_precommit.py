"""The pre-commit hook, proven with a real ``pre-commit try-repo`` run on a throw-away repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO


def pre_commit() -> list[str]:
    exe = Path(sys.executable).with_name("pre-commit")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pre-commit")
    if not found:
        pytest.fail("pre-commit is not installed; run the README's test command")
    return [found]


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)


def test_pre_commit_try_repo_blocks_a_failing_draft_and_passes_a_clean_one(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    git("init", "-q", cwd=content)
    (content / "failing.md").write_text("---\nkind: ad\n---\nOur IV drip cures migraines.\n", encoding="utf-8")
    (content / "passing.md").write_text("Flu shots are available at all of our clinics.\n", encoding="utf-8")
    git("add", ".", cwd=content)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    env.pop("HCLINT_NO_PLUGINS", None)

    def try_repo(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([*pre_commit(), "try-repo", str(REPO), "hclint", "--files", *files],
                              cwd=content, env=env, capture_output=True, text=True, timeout=1500)

    failing = try_repo("failing.md", "passing.md")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "failing.md:4:13: CLM001" in failing.stdout
    assert "passing.md:" not in failing.stdout  # no finding is reported for the clean draft
    passing = try_repo("passing.md")
    assert passing.returncode == 0, passing.stdout + passing.stderr
