"""Smoke test of benchmarks/speed.py: its loaders, engines and report work on tiny inputs.

No timing is asserted here; speed is measured by running the benchmark itself.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TEXTS = (
    "Flu shots are available at all our clinics this week, no appointment needed.",
    "Dr. Maria Lopez joined Boston General Hospital on Monday as head of cardiology.",
    "Wash your hands often and stay home when you are sick.",
)


@pytest.fixture(scope="module")
def speed():
    spec = importlib.util.spec_from_file_location("hclint_speed_benchmark", REPO / "benchmarks" / "speed.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def test_sample_is_fixed_by_seed_and_reads_only_text(speed, tmp_path):
    for dataset, texts in {"a": ["one", "two", "three", ""], "b": ["four", "five"]}.items():
        (tmp_path / dataset).mkdir()
        lines = [json.dumps({"text": t, "account": "@x"}) for t in texts]
        (tmp_path / dataset / "posts.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    first = speed.load_real_posts(tmp_path, 3, seed=7)
    again = speed.load_real_posts(tmp_path, 3, seed=7)
    assert first.texts == again.texts
    assert len(first.texts) == 3 and set(first.texts) <= {"one", "two", "three", "four", "five"}
    assert sum(first.origin.values()) == 3
    everything = speed.load_real_posts(tmp_path, 100, seed=7)
    assert sorted(everything.texts) == ["five", "four", "one", "three", "two"]  # empty text skipped


def test_engines_run_and_report_renders(speed, linter):
    keys = ("spacy", "presidio", "hclint", "hclint-none")
    measured = {}
    for key in keys:  # untraced: a traced model rebuild would slow the suite (memory is tested below)
        measured[key] = speed.measure(speed.ENGINES[key], TEXTS, repeat=1, warmup=1, memory=False)
    for m in measured.values():
        assert m.n == 3 and len(m.passes_s) == 1
    assert measured["spacy"].results >= 2  # the named doctor and hospital are entities
    assert len(measured["presidio"].per_post_s) == 3  # per-text engine: one timing per post
    assert measured["presidio"].percentile_ms(0.95) is not None
    assert measured["hclint"].per_post_s is None and measured["hclint"].percentile_ms(0.5) is None
    assert "rules" in measured["hclint"].built and "model none" in measured["hclint-none"].built
    args = speed.parse_args(["--n", "3", "--repeat", "1"])
    corpus = speed.Corpus(TEXTS, speed.Counter({"inline": 3}), "3 inline texts")
    breakdown = speed.breakdown_hclint(TEXTS, repeat=1, linter=linter)  # the suite's shared Linter
    assert breakdown.n == 3 and breakdown.per_rule_s  # every applicable rule timed
    assert breakdown.rules_s == pytest.approx(sum(spent for _, spent in breakdown.per_rule_s))
    report = speed.render(list(measured.values()), corpus, args, facts=None, breakdown=breakdown)
    for m in measured.values():
        assert f"| {m.engine.label} |" in report
    assert "| hcsocial-lint, lint_posts (all rules) | raw spaCy, nlp.pipe(batch_size=64) |" in report
    assert "## Where hclint's time goes" in report and "Slowest rules" in report
    assert "Flu shots" not in report  # texts are measured, never printed


def test_memory_pass_traces_the_engine_and_the_run(speed):
    def build():
        return [bytearray(1024) for _ in range(2048)]  # about 2 MB kept by the "engine"

    def run(engine, texts):
        scratch = [bytearray(1024) for _ in range(4096)]  # about 4 MB, freed when the pass ends
        return len(scratch) + len(engine) - 6144 + len(texts), None

    toy = speed.Engine("toy", "toy engine", build, run, "item")
    m = speed.measure(toy, TEXTS, repeat=2, warmup=0, memory=True)
    assert m.results == 3 and len(m.passes_s) == 2
    assert 1.9 < m.traced_engine_mb < 3
    assert 3.9 < m.traced_run_peak_mb < 5
    assert m.traced_peak_mb >= m.traced_engine_mb + 3.9


def test_unknown_engine_is_rejected(speed, capsys):
    with pytest.raises(SystemExit):
        speed.parse_args(["--engines", "spacy,nope"])
    assert "nope" in capsys.readouterr().err


def test_claims_benchmark_measures_a_real_dev_file_without_copying_it(tmp_path, linter):
    """The regulator-cited set is read from a path at run time; here a file of our own sentences."""
    spec = importlib.util.spec_from_file_location("hclint_claims_benchmark", REPO / "benchmarks" / "claims_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        rows = [{"text": "Our mist spray prevents COVID-19.", "expected": ["medical_claim"], "kind": "post"},
                {"text": "Soft towels in three colours.", "expected": ["medical_claim"], "kind": "ad"},
                {"text": "Vaccines prevent measles. Ask your clinic.", "expected": ["none"], "kind": "post"}]
        path = tmp_path / "dev.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
        dev = module.evaluate_real_dev(linter, linter.settings, path)
        assert (dev["claims"], dev["caught"], dev["compliant"], dev["blocked"]) == (2, 1, 1, 0)
        assert dev["by_kind"] == {"ad": [0, 1], "post": [1, 1]}
        assert module.evaluate_real_dev(linter, linter.settings, tmp_path / "absent.jsonl") is None
    finally:
        sys.modules.pop(spec.name, None)
