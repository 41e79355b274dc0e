"""Shared fixtures: a Linter is expensive to build (model load), so tests share one."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from hcsocial_lint import Linter, Settings

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

# Third-party plug-ins installed in the test environment must not change what the tests see.
os.environ.setdefault("HCLINT_NO_PLUGINS", "1")


@pytest.fixture(autouse=True)
def _own_result_cache(tmp_path_factory, monkeypatch):
    """Each test has its own result cache: a test that changes a rule's behaviour in place
    (a monkeypatch the cache key cannot see) must not be served an earlier test's results."""
    monkeypatch.setenv("HCLINT_CACHE_DIR", str(tmp_path_factory.mktemp("hclint-cache")))


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter(Settings(plugins=False))


@pytest.fixture(scope="session")
def no_model_linter() -> Linter:
    return Linter(Settings(plugins=False, model="none"))


BLOCKING = ("error", "critical")


def phi_rule_findings(report, floor=("warning", "error", "critical")):
    """The PHI rules' findings at a severity in ``floor``, the learned second opinion (PHI090) left out: what
    the rules themselves read, for the PHI class tests."""
    return [f for f in report.findings if f.family == "phi" and f.rule_id != "PHI090" and f.severity.value in floor]


def hclint_executable() -> str:
    """The installed console script next to this interpreter (the README installs the package)."""
    candidate = Path(sys.executable).with_name("hclint")
    found = str(candidate) if candidate.exists() else shutil.which("hclint")
    if not found:
        pytest.fail("the hclint console script is not installed; run the README's test command")
    return found
