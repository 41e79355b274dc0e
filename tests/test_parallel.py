"""`--jobs` / ``lint_many(jobs=N)``: the same report whatever the number of processes (issue #11)."""

from __future__ import annotations

import json
import os
import pickle
from types import MappingProxyType

import pytest
from click.testing import CliRunner

from hcsocial_lint import parallel
from hcsocial_lint.cli import main
from hcsocial_lint.parallel import AUTO_PARALLEL_BYTES, can_fork, effective_jobs

needs_fork = pytest.mark.skipif(not can_fork() or (os.cpu_count() or 1) < 2,
                                reason="parallel linting forks worker processes (Linux, two cores or more)")

DRAFTS = [
    "Get well soon, Priya! Her dialysis at our clinic went smoothly this week.",
    "Our herbal tea cures the flu in two days.",
    "Book a consultation this month and get a free tablet!",
    "Join us for the community walk on Saturday morning.",
    "Happy Pharmacists Week to the whole team!",
]


@pytest.fixture()
def corpus(tmp_path):
    rows = [json.dumps({"id": i, "text": f"{DRAFTS[i % len(DRAFTS)]} Note {i}."}) for i in range(150)]
    (tmp_path / "export.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Mr. Okafor in bed 12 went home today after his bypass surgery.", encoding="utf-8")
    return [tmp_path / "export.jsonl", tmp_path / "broken.json", tmp_path / "story.txt"]


def _same(a, b):
    assert a.findings == b.findings
    assert a.problems == b.problems
    assert dict(a.sources) == dict(b.sources)
    assert (a.files_checked, a.posts_checked) == (b.files_checked, b.posts_checked)


@needs_fork
def test_two_jobs_give_the_report_of_one(linter, corpus):
    one = linter.lint_many(corpus, jobs=1)
    two = linter.lint_many(corpus, jobs=2)
    assert one.findings and one.problems  # the corpus has both, so the comparison means something
    _same(one, two)


def _dying_worker(posts, settings):
    os._exit(3)  # a worker killed mid-batch (out of memory, a signal)


@needs_fork
def test_a_dead_worker_does_not_lose_its_batch(linter, corpus, monkeypatch):
    expected = linter.lint_many(corpus, jobs=1)
    monkeypatch.setattr(parallel, "_lint_in_worker", _dying_worker)
    _same(expected, linter.lint_many(corpus, jobs=2))


@needs_fork
def test_cli_jobs_option_keeps_the_json_report(corpus):
    args = ["check", "--format", "json", "--no-plugins", *map(str, corpus)]
    one = CliRunner().invoke(main, [*args, "--jobs", "1"])
    two = CliRunner().invoke(main, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1
    assert json.loads(one.output)["findings"] == json.loads(two.output)["findings"]


def test_jobs_zero_is_a_usage_error():
    result = CliRunner().invoke(main, ["check", "--jobs", "0", "x.txt"])
    assert result.exit_code == 2
    with pytest.raises(ValueError):
        effective_jobs(0)


def test_automatic_jobs_use_one_process_for_a_few_drafts():
    assert effective_jobs(None, input_bytes=10_000) == 1
    cores = os.cpu_count() or 1
    assert effective_jobs(None, input_bytes=AUTO_PARALLEL_BYTES) == (cores if can_fork() else 1)
    assert effective_jobs(10_000) == (cores if can_fork() else 1)  # never more processes than cores


def test_read_only_mappings_cross_process_boundaries():
    data = MappingProxyType({"kind": "campaign", "nested": MappingProxyType({"a": 1})})
    copy = pickle.loads(pickle.dumps(data))
    assert isinstance(copy, MappingProxyType) and copy == data


def test_one_large_export_is_split_into_batches_for_the_workers(linter, corpus, monkeypatch):
    """A single export of many posts must not travel as one batch: one worker would lint it all."""
    sizes = []
    real = parallel.lint_batches

    def counting(linter_, batches, jobs):
        for batch, report in real(linter_, batches, jobs):
            sizes.append(len(batch.posts))
            yield batch, report

    monkeypatch.setattr("hcsocial_lint.linter.lint_batches", counting)
    report = linter.lint_many(corpus[:1], jobs=1, chunk_posts=64)
    assert sizes == [64, 64, 22]
    assert report.posts_checked == 150
    _same(report, linter.lint_many(corpus[:1], jobs=1, chunk_posts=512))
