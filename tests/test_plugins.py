"""Plug-ins: the example package's rules run from the hclint command; broken plug-ins are
reported by name and skipped; plug-ins can be turned off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hcsocial_lint import Linter, Settings, hookimpl

from .conftest import EXAMPLES, hclint_executable

PLUGIN_SRC = EXAMPLES / "hclint-example-plugin"


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory) -> Path:
    """Install the example plug-in package (a real wheel build and install) into a folder."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(PLUGIN_SRC)],
        check=True, capture_output=True, text=True, timeout=600,
    )
    return target


def run_hclint(args: list[str], site: Path, cwd: Path, **env_changes: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "HCLINT_NO_PLUGINS"}
    env["PYTHONPATH"] = str(site) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(env_changes)
    return subprocess.run([hclint_executable(), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=600)


def test_example_plugin_rules_run_from_the_command(plugin_site, tmp_path):
    (tmp_path / "draft.md").write_text("Join us at [Clinic name] on Saturday! #draft\n", encoding="utf-8")
    result = run_hclint(["--model", "none", "draft.md"], plugin_site, tmp_path)
    assert "EXA001 [error]" in result.stdout, result.stdout + result.stderr
    assert "EXA002 [warning]" in result.stdout
    assert result.returncode == 1
    listing = run_hclint(["rules"], plugin_site, tmp_path)
    assert "EXA001" in listing.stdout and "example.yaml" in listing.stdout


def test_plugins_can_be_turned_off(plugin_site, tmp_path):
    (tmp_path / "draft.md").write_text("Join us at [Clinic name] on Saturday!\n", encoding="utf-8")
    flag = run_hclint(["--model", "none", "--no-plugins", "draft.md"], plugin_site, tmp_path)
    env = run_hclint(["--model", "none", "draft.md"], plugin_site, tmp_path, HCLINT_NO_PLUGINS="1")
    assert "EXA001" not in flag.stdout and "EXA001" not in env.stdout
    assert flag.returncode == env.returncode == 0


class _BrokenPlugin:
    @hookimpl
    def hclint_rules(self, settings):
        raise RuntimeError("boom")


def test_broken_plugin_is_reported_by_name_and_skipped():
    linter = Linter(Settings(plugins=False, model="none"), extra_plugins=[_BrokenPlugin()])
    messages = [p.message for p in linter.setup_problems]
    assert any("failed in hclint_rules" in m and "boom" in m for m in messages)
    assert "CLM001" in linter.rules  # the built-ins still load


def test_broken_entry_point_is_reported(tmp_path, plugin_site):
    dist = tmp_path / "broken_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[hclint]\nbroken = no_such_module_here\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text("This tea cures colds.\n", encoding="utf-8")
    result = run_hclint(["--model", "none", "draft.txt"], plugin_site, tmp_path, PYTHONPATH=f"{tmp_path}{os.pathsep}{plugin_site}")
    assert "plug-in 'broken'" in result.stdout + result.stderr
    assert "CLM001" in result.stdout  # the run went on
