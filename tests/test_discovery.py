"""Path discovery: each file once however it is named, empty arguments refused, the
configuration's ``exclude`` and ``.gitignore`` files honoured."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hcsocial_lint.config import Settings, settings_from_table
from hcsocial_lint.discovery import discover, iter_files


def _tree(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")


def _relative(root: Path, files) -> list[str]:
    return [Path(os.path.relpath(p, root)).as_posix() for p in files]




def test_iter_files_expands_directories_sorted_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    for name in ["b.md", "a.txt", "sub/c.csv", "sub/deep/d.JSONL", "sub/e.py", ".git/f.md", "sub/.cache/g.md",
                 "x.html", "y.htm", "z.mdx", "w.markdown", "v.json", "noext"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])]
    assert found == ["a.txt", "b.md", "sub/c.csv", "sub/deep/d.JSONL", "v.json", "w.markdown", "x.html", "y.htm",
                     "z.mdx"]


def test_iter_files_keeps_explicit_files_and_yields_each_once(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("x")
    (tmp_path / "a.md").write_text("x")
    found = list(iter_files([tmp_path / "notes", tmp_path, tmp_path / "a.md"]))
    assert found == [tmp_path / "notes", tmp_path / "a.md"]


def test_iter_files_exclude_patterns(tmp_path: Path) -> None:
    for name in ["keep.md", "archive/old.md", "drafts/archive2/x.md", "drafts/old/y.md", "data.csv"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path], ("archive", "drafts/old/", "*.csv"))]
    assert found == ["drafts/archive2/x.md", "keep.md"]


def test_iter_files_handles_thousands_of_files(tmp_path: Path) -> None:
    for i in range(3000):
        (tmp_path / f"p{i:04d}.md").write_text("")
    found = list(iter_files([tmp_path]))
    assert len(found) == 3000 and found == sorted(found)


def test_the_same_file_named_four_ways_is_linted_once(tmp_path: Path, monkeypatch) -> None:
    _tree(tmp_path, "a.md", "dir/b.md")
    monkeypatch.chdir(tmp_path)
    found = discover(["a.md", "./a.md", "dir/../a.md", str(tmp_path / "a.md"), "dir", "dir/b.md"])
    assert [str(p) for p in found.files] == ["a.md", os.path.join("dir", "b.md")]
    assert found.problems == ()


@pytest.mark.parametrize("argument", ["", "  "])
def test_an_empty_argument_is_an_error_not_the_current_folder(tmp_path: Path, monkeypatch, argument) -> None:
    _tree(tmp_path, "a.md")
    monkeypatch.chdir(tmp_path)
    found = discover([argument])
    assert found.files == ()
    assert len(found.problems) == 1 and "empty path argument" in found.problems[0].message


def test_a_missing_path_is_reported_and_the_others_kept(tmp_path: Path) -> None:
    _tree(tmp_path, "a.md")
    found = discover([str(tmp_path / "nope.md"), str(tmp_path / "a.md")])
    assert found.files == (tmp_path / "a.md",)
    assert [p.message for p in found.problems] == ["no such file or directory"]


def _settings_for(config: Path):
    settings = settings_from_table({"exclude": ["archive/", "*.csv", "!keep.csv"]}, source=str(config))
    return lambda path: settings


def test_configured_exclude_is_gitignore_style_relative_to_the_config_file(tmp_path: Path) -> None:
    _tree(tmp_path, "keep.md", "archive/old.md", "sub/archive/older.md", "data.csv", "keep.csv", "sub/archive.md")
    config = tmp_path / ".hclint.toml"
    found = discover([str(tmp_path)], settings_for=_settings_for(config))
    assert _relative(tmp_path, found.files) == ["keep.csv", "keep.md", "sub/archive.md"]
    # A file named explicitly is still excluded, so that a pre-commit hook honours `exclude`.
    assert discover([str(tmp_path / "data.csv")], settings_for=_settings_for(config)).files == ()


def test_gitignore_is_honoured_from_the_repository_top_and_deepest_wins(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, "drafts/a.md", "drafts/secret.md", "drafts/sub/b.md", "drafts/sub/secret.md", "build/c.md")
    (tmp_path / ".gitignore").write_text("secret.md\nbuild/\n", encoding="utf-8")
    (tmp_path / "drafts" / "sub" / ".gitignore").write_text("!secret.md\n", encoding="utf-8")
    found = discover([str(tmp_path / "drafts")])
    assert _relative(tmp_path, found.files) == ["drafts/a.md", "drafts/sub/b.md", "drafts/sub/secret.md"]
    assert discover([str(tmp_path)]).files == tuple(found.files)
    # Named explicitly, an ignored file is linted: the user asked for it.
    assert discover([str(tmp_path / "drafts" / "secret.md")]).files == (tmp_path / "drafts" / "secret.md",)


def test_gitignore_can_be_turned_off(tmp_path: Path) -> None:
    _tree(tmp_path, "a.md", "ignored.md")
    (tmp_path / ".gitignore").write_text("ignored.md\n", encoding="utf-8")
    assert _relative(tmp_path, discover([str(tmp_path)]).files) == ["a.md"]
    off = Settings(respect_gitignore=False)
    assert _relative(tmp_path, discover([str(tmp_path)], settings_for=lambda path: off).files) == ["a.md", "ignored.md"]
