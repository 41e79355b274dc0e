"""Speed and memory of hcsocial-lint against raw spaCy and vanilla Presidio.

Every engine runs in this one process, on the same texts, in the same run:

* raw spaCy: the model hclint loads (``load_model("auto")``), ``nlp.pipe(texts, batch_size=64)``;
* vanilla Presidio: ``AnalyzerEngine`` over ``NlpEngineProvider`` for the same model,
  ``analyze(text, language="en")`` once per text, the way users call it; and
  ``BatchAnalyzerEngine.analyze_iterator(..., batch_size=64)``;
* hcsocial-lint: one ``Linter()``, every built-in rule enabled (third-party plug-ins off),
  ``lint_posts`` over posts made with ``sources.read_text_post``; the same linter called once
  per draft (``lint_text``); and the no-model mode (``Settings(model="none")``).

Timing: ``time.perf_counter``, one warm-up pass over the first texts, then the best of
``--repeat`` full passes (and their median); each pass's CPU time (``getrusage``) is reported
too. Memory is measured in a separate pass (``tracemalloc`` slows Python down, so it never
runs while the clock does): Python allocations traced while the engine is
built and while it processes every text once, plus the growth of the process's peak resident
set (``VmHWM`` in ``/proc/self/status``, reset between engines) over the timed build and passes.

Texts are real posts from ``real_posts/*/posts.jsonl`` (a fixed-seed sample); they are read,
never copied: the report gives only counts and lengths.

    PYTHONPATH=src python benchmarks/speed.py --out benchmarks/results/speed.md
"""

from __future__ import annotations

import argparse
import cProfile
import ctypes
import dataclasses
import datetime as dt
import gc
import importlib.metadata
import importlib.util
import io
import json
import os
import platform
import pstats
import random
import resource
import shlex
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("hcsocial_lint") is None:  # run from a checkout without PYTHONPATH=src
    sys.path.insert(0, str(REPO / "src"))

DEFAULT_DATA = Path(os.environ.get("HCLINT_REAL_POSTS", "/work/shared/data/real_posts"))
DEFAULT_SEED = 20261201
BATCH_SIZE = 64
MB = 1024 * 1024

# --------------------------------------------------------------------------- texts


@dataclass(frozen=True)
class Corpus:
    texts: tuple[str, ...]
    origin: Counter  # dataset (or "examples") -> number of texts taken from it
    description: str


def load_real_posts(data_dir: Path, n: int, seed: int) -> Corpus:
    """A fixed-seed sample of ``n`` posts (all of them if fewer) from every ``*/posts.jsonl``."""
    pool: list[tuple[str, str]] = []
    for path in sorted(data_dir.glob("*/posts.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    pool.append((path.parent.name, text))
    if not pool:
        raise SystemExit(f"no posts found under {data_dir}/*/posts.jsonl")
    sample = random.Random(seed).sample(pool, min(n, len(pool)))
    return Corpus(
        tuple(text for _, text in sample),
        Counter(dataset for dataset, _ in sample),
        f"{len(sample)} of {len(pool)} real posts from {data_dir}, random.Random({seed}).sample",
    )


def load_example_drafts(examples_dir: Path) -> list[str]:
    """The repo's example drafts: each .md/.txt file whole, each record of a .jsonl export."""
    texts: list[str] = []
    for path in sorted(examples_dir.rglob("*")):
        if path.suffix in {".md", ".txt"} and path.is_file():
            texts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and isinstance(text := json.loads(line).get("text"), str):
                    texts.append(text)
    return texts


def build_corpus(args: argparse.Namespace) -> Corpus:
    corpus = load_real_posts(args.data, args.n, args.seed)
    if not args.with_examples:
        return corpus
    extra = load_example_drafts(REPO / "examples" / "drafts")
    origin = corpus.origin + Counter({"examples/drafts": len(extra)})
    description = f"{corpus.description}, plus {len(extra)} drafts from examples/drafts"
    return Corpus(corpus.texts + tuple(extra), origin, description)


# --------------------------------------------------------------------------- engines


@dataclass(frozen=True)
class Engine:
    """How to build one engine and how to run it over every text.

    ``run`` returns (number of results it produced, per-post seconds or None for batched engines).
    """

    key: str
    label: str
    build: Callable[[], Any]
    run: Callable[[Any, Sequence[str]], tuple[int, list[float] | None]]
    unit: str  # what the result count counts, singular ("finding")
    describe: Callable[[Any], str] = lambda instance: ""  # what was built, for the report


def model_name() -> str:
    from hcsocial_lint.nlp.models import resolve_model_name

    return resolve_model_name("auto")


def _spacy_build() -> Any:
    from hcsocial_lint.nlp.models import load_model

    return load_model("auto").nlp


def _spacy_run(nlp: Any, texts: Sequence[str]) -> tuple[int, None]:
    return sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE)), None


def _presidio_build() -> Any:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from hcsocial_lint.nlp.offline import make_tldextract_offline

    make_tldextract_offline()  # the e-mail recognizer must not fetch the public-suffix list
    config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model_name()}]}
    nlp_engine = NlpEngineProvider(nlp_configuration=config).create_engine()
    return AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])


def _presidio_run(analyzer: Any, texts: Sequence[str]) -> tuple[int, list[float]]:
    clock = time.perf_counter
    found, times = 0, []
    for text in texts:
        started = clock()
        found += len(analyzer.analyze(text=text, language="en"))
        times.append(clock() - started)
    return found, times


def _presidio_batch_build() -> Any:
    from presidio_analyzer import BatchAnalyzerEngine

    return BatchAnalyzerEngine(analyzer_engine=_presidio_build())


def _presidio_batch_run(batch: Any, texts: Sequence[str]) -> tuple[int, None]:
    results = batch.analyze_iterator(list(texts), language="en", batch_size=BATCH_SIZE)
    return sum(len(r) for r in results), None


def _hclint_build(model: str = "auto") -> Callable[[], Any]:
    def build() -> Any:
        from hcsocial_lint import Linter, Settings

        linter = Linter(Settings(model=model, plugins=False))  # hclint's own rules, whatever else is installed
        if linter.setup_problems:
            raise SystemExit(f"hclint reported setup problems: {linter.setup_problems}")
        return linter

    return build


def _describe_spacy(nlp: Any) -> str:
    return f"pipeline {', '.join(nlp.pipe_names)}"


def _describe_presidio(analyzer: Any) -> str:
    analyzer = getattr(analyzer, "analyzer_engine", analyzer)
    names = sorted(r.name for r in analyzer.registry.recognizers)
    return f"{len(names)} recognizers: {', '.join(names)}"


def _describe_hclint(linter: Any) -> str:
    families = Counter(rule.meta.family for rule in linter.rules.values())
    per_family = ", ".join(f"{family} {count}" for family, count in sorted(families.items()))
    recognizers = len(linter.analyzer.registry.recognizers)
    return f"model {linter.model.name}; {len(linter.rules)} rules ({per_family}); {recognizers} Presidio recognizers"


def _hclint_run(linter: Any, texts: Sequence[str]) -> tuple[int, None]:
    from hcsocial_lint.sources import read_text_post

    posts = [read_text_post(text, linter.settings) for text in texts]
    report = linter.lint_posts(posts)
    if report.posts_checked != len(texts) or report.problems:
        raise SystemExit(f"hclint checked {report.posts_checked} of {len(texts)} posts; "
                         f"problems: {report.problems[:3]}")
    return len(report.findings), None


def _hclint_per_call_run(linter: Any, texts: Sequence[str]) -> tuple[int, list[float]]:
    clock = time.perf_counter
    found, times = 0, []
    for text in texts:
        started = clock()
        found += len(linter.lint_text(text).findings)
        times.append(clock() - started)
    return found, times


ENGINES: dict[str, Engine] = {
    engine.key: engine
    for engine in (
        Engine("spacy", "raw spaCy, nlp.pipe(batch_size=64)", _spacy_build, _spacy_run, "spaCy entity",
               _describe_spacy),
        Engine("presidio", "vanilla Presidio, analyze() per text", _presidio_build, _presidio_run,
               "Presidio result", _describe_presidio),
        Engine("presidio-batch", "vanilla Presidio, BatchAnalyzerEngine(batch_size=64)", _presidio_batch_build,
               _presidio_batch_run, "Presidio result", _describe_presidio),
        Engine("hclint", "hcsocial-lint, lint_posts (all rules)", _hclint_build("auto"), _hclint_run,
               "finding", _describe_hclint),
        Engine("hclint-per-call", "hcsocial-lint, lint_text() per draft", _hclint_build("auto"),
               _hclint_per_call_run, "finding", _describe_hclint),
        Engine("hclint-none", "hcsocial-lint, lint_posts, model=\"none\"", _hclint_build("none"), _hclint_run,
               "finding", _describe_hclint),
    )
}

# --------------------------------------------------------------------------- measuring


def _proc_status_kb(key: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0); False if not possible here."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def _release_memory() -> None:
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)  # hand freed heap back so the next engine's RSS starts clean
    except (OSError, AttributeError):
        pass


@dataclass
class Measurement:
    engine: Engine
    n: int
    startup_s: float
    passes_s: list[float]
    per_post_s: list[float] | None  # of the best pass, for per-text engines
    results: int
    rss_growth_mb: float | None = None
    traced_engine_mb: float | None = None
    traced_build_peak_mb: float | None = None
    traced_run_peak_mb: float | None = None
    traced_peak_mb: float | None = None
    built: str = ""
    cpu_passes_s: list[float] = dataclasses.field(default_factory=list)  # CPU time of this process per pass

    @property
    def total_s(self) -> float:
        return min(self.passes_s)

    @property
    def cpu_s(self) -> float | None:
        """The least CPU time of a pass: what the machine's other jobs change least."""
        return min(self.cpu_passes_s) if self.cpu_passes_s else None

    @property
    def median_s(self) -> float:
        return statistics.median(self.passes_s)

    @property
    def cpu_median_s(self) -> float | None:
        return statistics.median(self.cpu_passes_s) if self.cpu_passes_s else None

    @property
    def posts_per_s(self) -> float:
        return self.n / self.total_s if self.total_s else float("inf")

    @property
    def mean_ms(self) -> float:
        return 1000 * self.total_s / self.n

    def percentile_ms(self, q: float) -> float | None:
        if not self.per_post_s:
            return None
        ordered = sorted(self.per_post_s)
        index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
        return 1000 * ordered[index]


def _cpu_now() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed_pass(engine: Engine, instance: Any, texts: Sequence[str], m: Measurement) -> None:
    cpu_started = _cpu_now()
    started = time.perf_counter()
    m.results, per_post = engine.run(instance, texts)
    elapsed = time.perf_counter() - started
    m.cpu_passes_s.append(_cpu_now() - cpu_started)
    if not m.passes_s or elapsed < min(m.passes_s):
        m.per_post_s = per_post
    m.passes_s.append(elapsed)


def _traced(engine: Engine, texts: Sequence[str], m: Measurement) -> None:
    """Python allocations of a fresh build and of one pass over every text."""
    tracemalloc.start()
    try:
        instance = engine.build()
        current, build_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        engine.run(instance, texts)
        _, run_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    m.traced_engine_mb = current / MB
    m.traced_build_peak_mb = build_peak / MB
    m.traced_run_peak_mb = (run_peak - current) / MB
    m.traced_peak_mb = max(build_peak, run_peak) / MB
    del instance
    _release_memory()


def measure_all(engines: Sequence[Engine], texts: Sequence[str], *, repeat: int = 3, warmup: int = 100,
                memory: bool = True, progress: Callable[[str], None] = lambda message: None) -> list[Measurement]:
    """Time and measure every engine on ``texts``.

    1. One engine after the other: build (startup time), warm up on the first ``warmup`` texts and
       time a first full pass; the peak-RSS growth covers these. Engines stay alive, so a later one
       cannot reuse memory an earlier one still holds.
    2. The remaining ``repeat - 1`` passes go round the engines in turn, so a busy spell on a shared
       machine is spread over all of them instead of landing on one; the best pass counts.
    3. With ``memory``, all engines are dropped and each is rebuilt and run once under tracemalloc.
    """
    instances: list[Any] = []
    measured: list[Measurement] = []
    for engine in engines:
        progress(f"building and warming up {engine.label}")
        _release_memory()
        rss_tracked = _reset_peak_rss()
        rss_before = _proc_status_kb("VmRSS")
        started = time.perf_counter()
        instance = engine.build()
        m = Measurement(engine, len(texts), time.perf_counter() - started, [], None, 0,
                        built=engine.describe(instance))
        if warmup:
            engine.run(instance, texts[:warmup])
        _timed_pass(engine, instance, texts, m)
        hwm = _proc_status_kb("VmHWM")
        if rss_tracked and hwm is not None and rss_before is not None:
            m.rss_growth_mb = (hwm - rss_before) / 1024
        instances.append(instance)
        measured.append(m)
    for round_number in range(2, max(1, repeat) + 1):
        progress(f"timed pass {round_number} of {repeat} over every engine")
        for engine, instance, m in zip(engines, instances, measured):
            _timed_pass(engine, instance, texts, m)
    instance = None
    instances.clear()
    _release_memory()
    if memory:
        for engine, m in zip(engines, measured):
            progress(f"tracing memory of {engine.label}")
            _traced(engine, texts, m)
    return measured


def measure(engine: Engine, texts: Sequence[str], *, repeat: int = 3, warmup: int = 100,
            memory: bool = True) -> Measurement:
    """One engine alone: see :func:`measure_all`."""
    return measure_all([engine], texts, repeat=repeat, warmup=warmup, memory=memory)[0]


@dataclass(frozen=True)
class Breakdown:
    """One ``lint_posts`` pass split into its stages, each timed on its own (seconds for all texts)."""

    n: int
    lint_posts_s: float
    parse_s: float
    presidio_s: float
    rules_s: float
    per_rule_s: tuple[tuple[str, float], ...]  # slowest first


def breakdown_hclint(texts: Sequence[str], repeat: int = 2, linter: Any = None) -> Breakdown:
    """Time hclint's stages with the linter's own parts: the parse (its ``nlp.pipe``), Presidio's
    recognizers on those parses (``analyze_doc``) and every rule's ``check`` on fresh analyses
    (so lazily computed properties are paid for), next to a whole ``lint_posts`` pass.

    Every pass times all of them one after the other, so they share the machine's conditions;
    each figure is the best over ``repeat`` passes, per rule too. Rules run only on the post
    kinds they apply to, as in the linter. ``linter`` defaults to a new one built like the ``hclint`` engine.
    """
    from hcsocial_lint.nlp.presidio_bridge import analyze_doc
    from hcsocial_lint.rules.base import applies_to
    from hcsocial_lint.sources import read_text_post

    clock = time.perf_counter
    linter = linter if linter is not None else ENGINES["hclint"].build()
    posts = [read_text_post(text, linter.settings) for text in texts]
    prose = [post.text for post in posts]
    nlp = linter.model.nlp
    linter.lint_posts(posts[:100])
    analyses = list(linter.analyse(posts, [linter.settings] * len(posts)))
    docs = [analysis.doc for analysis in analyses]
    best: dict[str, float] = {}
    per_rule: dict[str, float] = {}

    def keep(key: str, spent: float, into: dict[str, float] = best) -> None:
        into[key] = min(spent, into.get(key, spent))

    for _ in range(max(1, repeat)):
        started = clock()
        linter.lint_posts(posts)
        keep("lint_posts", clock() - started)
        started = clock()
        list(nlp.pipe(prose, batch_size=BATCH_SIZE))
        keep("parse", clock() - started)
        started = clock()
        for doc in docs:
            analyze_doc(linter.analyzer, linter.nlp_engine, doc)
        keep("presidio", clock() - started)
        this_pass: Counter = Counter()
        for analysis in (dataclasses.replace(a) for a in analyses):  # a fresh Analysis has no cached properties
            for rule_id, rule in linter.rules.items():
                if not applies_to(rule.meta, analysis.post.kind):
                    continue
                started = clock()
                try:
                    list(rule.check(analysis))
                except Exception:  # noqa: BLE001 - the linter reports a failing rule; here it only costs time
                    pass
                this_pass[rule_id] += clock() - started
        keep("rules", sum(this_pass.values()))
        for rule_id, spent in this_pass.items():
            keep(rule_id, spent, per_rule)
    ranked = tuple(sorted(per_rule.items(), key=lambda item: -item[1]))
    return Breakdown(len(texts), best["lint_posts"], best["parse"], best["presidio"], best["rules"], ranked)


def profile_hclint(texts: Sequence[str], top: int = 25) -> str:
    """cProfile of one ``lint_posts`` pass (linter already built and warm), top functions by cumulative time."""
    engine = ENGINES["hclint"]
    linter = engine.build()
    engine.run(linter, texts[:50])
    profiler = cProfile.Profile()
    profiler.enable()
    engine.run(linter, texts)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    return out.getvalue()


# --------------------------------------------------------------------------- report


def _fmt(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def _plural(unit: str, count: int) -> str:
    if count == 1:
        return unit
    return unit[:-1] + "ies" if unit.endswith("y") else unit + "s"


def _ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b <= 0:
        return "–"
    return f"{a / b:.2f}×"


def machine_facts() -> dict[str, str]:
    import spacy

    facts = {
        "date (UTC)": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M"),
        "cores": f"nproc {len(os.sched_getaffinity(0))} (os.cpu_count {os.cpu_count()})",
        "cpu": _cpu_model(),
        "python": f"{platform.python_implementation()} {platform.python_version()} on {platform.platform()}",
        "spaCy": spacy.__version__,
        "presidio-analyzer": _version("presidio-analyzer"),
        "tldextract": _version("tldextract"),
        "hcsocial-lint": f"{_version('hcsocial-lint', fallback=_local_version())} (git {_git_commit()})",
    }
    name = model_name()
    facts["model"] = f"{name} {_version(name)}"
    return facts


def _version(dist: str, fallback: str = "not installed") -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return fallback


def _local_version() -> str:
    import hcsocial_lint

    where = getattr(hcsocial_lint, "__file__", None)
    return f"{hcsocial_lint.__version__} from {Path(where).parent if where else 'source tree'}"


def _git_commit() -> str:
    try:
        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + (" + uncommitted changes" if dirty else "")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def command_line() -> str:
    script = Path(sys.argv[0])
    try:
        script = script.resolve().relative_to(Path.cwd())
    except ValueError:
        pass
    prefix = "PYTHONPATH=src " if os.environ.get("PYTHONPATH") else ""
    return prefix + shlex.join(["python", str(script), *sys.argv[1:]])


def _headline(by_key: dict[str, Measurement]) -> list[str]:
    """One sentence per hclint mode: its time and memory against each baseline measured."""
    baselines = [(key, name) for key, name in (("spacy", "raw spaCy"), ("presidio", "vanilla Presidio per text"),
                                               ("presidio-batch", "Presidio's BatchAnalyzerEngine")) if key in by_key]
    lines = []
    for key in ("hclint", "hclint-per-call", "hclint-none"):
        if key not in by_key or not baselines:
            continue
        m = by_key[key]
        time_part = ", ".join(f"{_ratio(m.total_s, by_key[b].total_s)} that of {name}" for b, name in baselines)
        cpu_part = " / ".join(f"{_ratio(m.cpu_s, by_key[b].cpu_s)}" for b, _ in baselines)
        memory_part = " / ".join(f"{_ratio(m.traced_peak_mb, by_key[b].traced_peak_mb)}" for b, _ in baselines)
        lines.append(f"- **{m.engine.label}**: {m.posts_per_s:,.0f} posts/s; its time is {time_part}; "
                     f"its CPU time {cpu_part}; its traced memory peak {memory_part} (same order).")
    return ["## Headline", "", *lines, ""] if lines else []


def _breakdown_lines(b: Breakdown, top: int = 10) -> list[str]:
    ms = 1000 / b.n
    rest = b.lint_posts_s - b.parse_s - b.presidio_s - b.rules_s
    rows = [("whole `lint_posts` pass", b.lint_posts_s),
            ("spaCy parse (the linter's `nlp.pipe`, batch 64)", b.parse_s),
            ("Presidio recognizers on the shared parse (`analyze_doc`)", b.presidio_s),
            (f"rules ({len(b.per_rule_s)} that apply to the posts' kind)", b.rules_s),
            ("the rest: entities, findings, suppressions, sorting (difference)", rest)]
    lines = [
        "",
        "## Where hclint's time goes",
        "",
        "A whole `lint_posts` pass and each of its stages timed on their own with the linter's own parts, "
        "one after the other in each of 2 passes, best pass each (a separate run from the table above).",
        "",
        "| stage | ms/post | share |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {spent * ms:.2f} | {100 * spent / b.lint_posts_s:.0f}% |" for name, spent in rows]
    lines += ["", "Slowest rules (ms/post): " + ", ".join(
        f"{rule_id} {spent * ms:.3f}" for rule_id, spent in b.per_rule_s[:top]) + "."]
    return lines


def render(measurements: Sequence[Measurement], corpus: Corpus, args: argparse.Namespace,
           facts: dict[str, str] | None, profile: str | None = None, breakdown: Breakdown | None = None) -> str:
    by_key = {m.engine.key: m for m in measurements}
    texts = corpus.texts
    lengths = [len(t) for t in texts]
    lines = ["# hcsocial-lint speed and memory benchmark", ""]
    if facts is not None:
        lines += [f"Command: `{command_line()}`", ""]
        lines += [f"- {key}: {value}" for key, value in facts.items()]
        lines.append("")
    lines += [
        f"Texts: {corpus.description}. {len(texts)} texts, {sum(lengths):,} characters, "
        f"mean {statistics.mean(lengths):.0f} / max {max(lengths)} characters. From: "
        + ", ".join(f"{name} {count}" for name, count in sorted(corpus.origin.items())) + ".",
        "",
        f"Method: every engine in one process on the same texts. Each engine is built once (startup = build "
        f"time: model load, recognizers, rule packs; imports done before any clock starts), warmed up on the first "
        f"{args.warmup} texts and timed on a first full pass; the other passes go round all engines in turn, so a "
        f"busy spell on a shared machine is spread over them; the best of {args.repeat} passes counts "
        f"(`time.perf_counter`); the median is given too, and each pass's CPU time of this process "
        f"(`getrusage`, user + system), which other jobs on a shared machine change far less than wall time. "
        f"Per-text engines are timed per call (p50/p95 of the best pass); for batched engines ms/post is total/N. "
        f"Both vanilla Presidio and hclint run with `tldextract` made offline "
        f"(`hcsocial_lint.nlp.offline.make_tldextract_offline()`), so neither fetches the public-suffix list.",
        "",
    ]
    lines += _headline(by_key)
    lines += [
        "## Time",
        "",
        "| engine | startup s | best total s | median s | best CPU s | median CPU s | posts/s | ms/post mean "
        "| p50 | p95 | results | all passes s (CPU s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for m in measurements:
        passes = ", ".join(f"{p:.2f} ({c:.2f})" for p, c in zip(m.passes_s, m.cpu_passes_s))
        lines.append(
            f"| {m.engine.label} | {_fmt(m.startup_s)} | {_fmt(m.total_s)} | {_fmt(m.median_s)} | {_fmt(m.cpu_s)} | "
            f"{_fmt(m.cpu_median_s)} | {_fmt(m.posts_per_s, 0)} | "
            f"{_fmt(m.mean_ms)} | {_fmt(m.percentile_ms(0.5))} | {_fmt(m.percentile_ms(0.95))} | "
            f"{m.results:,} {_plural(m.engine.unit, m.results)} | {passes} |"
        )
    lines += ["", "What each engine was built with:", ""]
    lines += [f"- {m.engine.label}: {m.built}" for m in measurements if m.built]
    lines += [
        "",
        "## Memory",
        "",
        "Python allocations traced with `tracemalloc` in a separate, untimed rebuild and pass: *engine* = still "
        "allocated after the build, *run peak* = peak above that while processing every text once, *peak* = "
        "highest traced total. *RSS growth* = peak resident set (`VmHWM`, reset between engines) minus the "
        "resident set before the build, over the build, warm-up and first pass (earlier engines still alive); it "
        "also counts native memory tracemalloc does not see, and in one process it depends a little on what "
        "earlier engines left behind.",
        "",
        "| engine | engine MB | run peak MB | peak MB | RSS growth MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for m in measurements:
        lines.append(
            f"| {m.engine.label} | {_fmt(m.traced_engine_mb, 1)} | {_fmt(m.traced_run_peak_mb, 1)} | "
            f"{_fmt(m.traced_peak_mb, 1)} | {_fmt(m.rss_growth_mb, 1)} |"
        )
    pairs = [(a, b) for a in ("hclint", "hclint-per-call", "hclint-none")
             for b in ("spacy", "presidio", "presidio-batch") if a in by_key and b in by_key]
    if pairs:
        lines += [
            "",
            "## Ratios (hclint / baseline; above 1 = hclint costs more)",
            "",
            "| hclint | baseline | total time | median time | CPU time | startup | traced peak | RSS growth |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for a, b in pairs:
            x, y = by_key[a], by_key[b]
            lines.append(
                f"| {x.engine.label} | {y.engine.label} | {_ratio(x.total_s, y.total_s)} | "
                f"{_ratio(x.median_s, y.median_s)} | {_ratio(x.cpu_s, y.cpu_s)} | "
                f"{_ratio(x.startup_s, y.startup_s)} | {_ratio(x.traced_peak_mb, y.traced_peak_mb)} | "
                f"{_ratio(x.rss_growth_mb, y.rss_growth_mb)} |"
            )
    if breakdown is not None:
        lines += _breakdown_lines(breakdown)
    if profile:
        lines += ["", "## cProfile of one lint_posts pass (top functions by cumulative time)", "",
                  "```", profile.rstrip(), "```"]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="number of real posts to sample (default 1000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"sampling seed (default {DEFAULT_SEED})")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="real_posts folder (or $HCLINT_REAL_POSTS)")
    parser.add_argument("--with-examples", action="store_true", help="also run the repo's examples/drafts")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per engine; the best counts (default 3)")
    parser.add_argument("--warmup", type=int, default=100, help="texts in the warm-up pass (default 100, 0 = none)")
    parser.add_argument("--engines", default=",".join(ENGINES),
                        help=f"comma-separated subset of: {', '.join(ENGINES)}")
    parser.add_argument("--no-memory", action="store_true", help="skip the traced memory pass")
    parser.add_argument("--no-breakdown", action="store_true", help="skip timing hclint's stages and rules")
    parser.add_argument("--profile", action="store_true", help="append a cProfile of hclint's lint_posts pass")
    parser.add_argument("--out", type=Path, help="also write the markdown report to this file")
    args = parser.parse_args(argv)
    unknown = [k for k in args.engines.split(",") if k not in ENGINES]
    if unknown:
        parser.error(f"unknown engine(s) {', '.join(unknown)}; choose from {', '.join(ENGINES)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    corpus = build_corpus(args)
    # Imports and the first read of the model files happen before any clock starts, for every engine alike.
    import presidio_analyzer  # noqa: F401
    import spacy

    import hcsocial_lint  # noqa: F401
    import hcsocial_lint.builtin  # noqa: F401 - the rule modules
    import hcsocial_lint.sources  # noqa: F401

    spacy.load(model_name())
    _release_memory()
    load_before = os.getloadavg()
    started = time.perf_counter()

    def progress(message: str) -> None:
        print(f"[{time.perf_counter() - started:5.0f} s] {message} ...", file=sys.stderr, flush=True)

    engines = [ENGINES[key] for key in args.engines.split(",")]
    measurements = measure_all(engines, corpus.texts, repeat=args.repeat, warmup=args.warmup,
                               memory=not args.no_memory, progress=progress)
    breakdown = None
    if not args.no_breakdown:
        progress("timing hclint's stages")
        breakdown = breakdown_hclint(corpus.texts)
    profile = profile_hclint(corpus.texts) if args.profile else None
    facts = machine_facts()
    facts["load average (1 min) before / after"] = f"{load_before[0]:.2f} / {os.getloadavg()[0]:.2f}"
    report = render(measurements, corpus, args, facts, profile, breakdown)
    print(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
