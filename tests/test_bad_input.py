"""Bad input gets one clear line naming the file; the run goes on with the other files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hcsocial_lint.cli import main

CURE = "This tea cures colds.\n"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str):
        return CliRunner().invoke(main, ["--model", "none", *args], catch_exceptions=False)

    return invoke


def problem_lines(output: str, name: str) -> list[str]:
    return [line for line in output.splitlines() if name in line and "error" in line]


def test_binary_empty_and_good_files(run, tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "good.txt").write_text(CURE)
    result = run(".")
    assert result.exit_code == 1
    assert len(problem_lines(result.output, "image.txt")) == 1 and "binary" in result.output
    assert "empty.md" not in result.output
    assert "good.txt:1:10: CLM001" in result.output
    assert "Traceback" not in result.output


def test_huge_file_is_refused_before_reading(run, tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    (tmp_path / "good.txt").write_text(CURE)
    result = run(".")
    assert len(problem_lines(result.output, "huge.txt")) == 1 and "limit" in result.output
    assert "good.txt:1:10: CLM001" in result.output


def test_missing_path_is_reported_and_others_linted(run, tmp_path):
    (tmp_path / "good.txt").write_text(CURE)
    result = run("nope.md", "good.txt")
    assert result.exit_code == 1
    assert len(problem_lines(result.output, "nope.md")) == 1
    assert "good.txt:1:10: CLM001" in result.output


def test_unreadable_file(run, tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text(CURE)
    (tmp_path / "good.txt").write_text(CURE)
    real_open = Path.open

    def guarded_open(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    real_read_bytes = Path.read_bytes

    def guarded_read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "open", guarded_open)
    monkeypatch.setattr(Path, "read_bytes", guarded_read_bytes)
    result = run(".")
    assert len(problem_lines(result.output, "locked.txt")) == 1
    assert "good.txt:1:10: CLM001" in result.output


def test_thousands_of_files(run, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(2000):
        (folder / f"post-{i:04}.txt").write_text("Wash your hands often.\n" if i % 500 else CURE)
    result = run("many", "--format", "json")
    assert result.exit_code == 1
    import json

    data = json.loads(result.output)
    assert data["summary"]["files_checked"] == 2000
    assert len(data["findings"]) == 4


def test_broken_export_records_are_reported_one_by_one(run, tmp_path):
    (tmp_path / "posts.jsonl").write_text('{"text": "Fine."}\n{not json\n{"body": "no text field"}\n{"text": "This tea cures colds."}\n')
    result = run("posts.jsonl")
    assert "line 2" in result.output and "record" in result.output
    assert "CLM001" in result.output


def test_hostile_structured_inputs_are_one_line_each(run, tmp_path):
    laughs = "---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)) + "---\nHello\n"
    (tmp_path / "laughs.md").write_text(laughs)
    (tmp_path / "deep.json").write_text("[" * 5000 + "]" * 5000)
    (tmp_path / "posts.jsonl").write_text("[" * 5000 + "\n" + '{"text": "x", "n": ' + "1" * 5000 + "}\n" + CURE.replace(
        "This tea cures colds.\n", '{"text": "This tea cures colds."}\n'))
    (tmp_path / "good.txt").write_text(CURE)
    result = run(".")
    assert "Traceback" not in result.output
    assert len(problem_lines(result.output, "laughs.md")) == 1 and "alias" in result.output
    assert len(problem_lines(result.output, "deep.json")) == 1
    assert len([line for line in result.output.splitlines() if line.startswith("posts.jsonl: error: record")]) == 2
    assert "posts.jsonl#3:1:10: CLM001" in result.output
    assert "good.txt:1:10: CLM001" in result.output
