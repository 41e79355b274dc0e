"""The result cache: a re-run on unchanged files gives the same report without the model, a
change of content or configuration is a miss, and nothing stored quotes the post (issue #11)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from hcsocial_lint import Linter, Settings
from hcsocial_lint.cache import ResultCache
from hcsocial_lint.cli import main

DRAFTS = {
    "story.txt": "Get well soon, Marisol Quintero! Her chemo at our Eastside clinic went well. Call her at 555-201-9987.",
    "claim.md": "---\ntitle: Winter\n---\nOur elderberry syrup cures the flu in two days.\n",
    "gift.txt": "Book a consultation this month and get a free tablet!",
    "clean.txt": "Join us for the community walk on Saturday morning.",
    "export.jsonl": "\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate(
        ["Deshawn Pike, room 4B, was discharged today after his heart surgery.", "Flu shots are available today."])),
}


def _write(folder: Path) -> list[Path]:
    for name, text in DRAFTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder / name for name in DRAFTS)


def _run(cache_dir: Path, paths, settings: Settings | None = None):
    linter = Linter(settings or Settings(plugins=False), defer_model=True)
    report = linter.lint_many(paths, cache=ResultCache.for_linter(linter, cache_dir))
    return linter, report


def _same(a, b):
    assert a.findings == b.findings
    assert a.problems == b.problems
    assert dict(a.sources) == dict(b.sources)
    assert a.post_metrics == b.post_metrics
    assert (a.files_checked, a.posts_checked, a.notices) == (b.files_checked, b.posts_checked, b.notices)


def test_a_rerun_on_unchanged_files_is_the_same_report_without_the_model(tmp_path):
    paths = _write(tmp_path)
    first_linter, first = _run(tmp_path / "cache", paths)
    assert first_linter._model is not None and len({f.path for f in first.findings}) >= 4  # export included
    again_linter, again = _run(tmp_path / "cache", paths)
    assert again_linter._model is None  # every file came from the cache
    _same(first, again)


def test_the_cache_holds_no_quotation_of_a_post(tmp_path):
    paths = _write(tmp_path)
    _run(tmp_path / "cache", paths)
    stored = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "cache").rglob("*.json"))
    assert stored  # something was stored
    for secret in ("Marisol", "Quintero", "555-201-9987", "Deshawn", "Pike"):
        assert secret not in stored
    assert (tmp_path / "cache" / ".gitignore").read_text().strip().endswith("*")


def test_a_changed_file_or_configuration_is_linted_again(tmp_path):
    paths = _write(tmp_path)
    _run(tmp_path / "cache", paths)
    (tmp_path / "clean.txt").write_text("Our elderberry syrup cures the flu, guaranteed.", encoding="utf-8")
    linter, changed = _run(tmp_path / "cache", paths)
    assert linter._model is not None
    assert any(f.path.endswith("clean.txt") for f in changed.findings)
    ignored, report = _run(tmp_path / "cache", paths, Settings(plugins=False, ignore=("phi",)))
    assert ignored._model is not None  # another configuration is another key
    assert not any(f.family == "phi" for f in report.findings)


def test_a_corrupt_entry_is_a_miss(tmp_path):
    paths = _write(tmp_path)
    _, first = _run(tmp_path / "cache", paths)
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    linter, again = _run(tmp_path / "cache", paths)
    assert linter._model is not None
    _same(first, again)


def test_cli_reruns_print_the_same_report_and_no_cache_writes_nothing(tmp_path):
    _write(tmp_path)
    cache_dir = tmp_path / "results"
    args = ["check", str(tmp_path / "drafts"), "--no-plugins", "--no-color", "--cache-dir", str(cache_dir)]
    (tmp_path / "drafts").mkdir()
    for name in DRAFTS:
        (tmp_path / name).rename(tmp_path / "drafts" / name)
    runner = CliRunner()
    for output_format in ("text", "json"):
        first = runner.invoke(main, [*args, "--format", output_format])
        second = runner.invoke(main, [*args, "--format", output_format])
        assert first.exit_code == second.exit_code == 1
        assert first.output == second.output
    assert any(cache_dir.rglob("*.json"))
    elsewhere = tmp_path / "untouched"
    runner.invoke(main, ["check", str(tmp_path / "drafts"), "--no-plugins", "--no-cache", "--cache-dir", str(elsewhere)])
    assert not elsewhere.exists()
