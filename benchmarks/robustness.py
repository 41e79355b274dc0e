"""Robustness: hclint on adversarial input, against a normal post of the same length.

For each case of the adversarial corpus this prints the time relative to linting an
ordinary post of the same length, the peak memory traced while linting it (``tracemalloc``,
in a separate, untimed run), and the outcome: findings, a one-line problem, or a crash.
Targets (issue #10): no crash, no hang, no silent skip; worst case within 10x a normal
post; peak memory under 500 MB for any input the size limit admits.

Three groups of cases:

- ``post``: one adversarial post of ``--length`` characters (default 5,000), linted through
  ``lint_posts``; the same texts are the corpus of ``tests/test_adversarial.py``;
- ``file``: hostile files (YAML aliases, deep JSON, huge numbers, a CSV field over csv's
  limit), linted through ``lint_many`` next to a good file that must still be linted;
- ``large`` (``--large``): single posts of about a megabyte, linted in windows; they take a
  minute or more each.

    PYTHONPATH=src python benchmarks/robustness.py [--length 5000] [--large] [--out FILE]
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NORMAL_SENTENCES = (
    "Our clinic team hosted a hand-washing class for children at the library this week.",
    "Flu shots are available at every location on weekdays, no appointment needed.",
    "Thank you to the volunteers who helped at Saturday's community walk!",
    "Remember to drink water and take short breaks when the weather turns hot.",
    "The new parking garage on Elm Street opens next Monday morning.",
    "Ask your care team about which screenings make sense for you.",
)


def normal_text(length: int) -> str:
    """An ordinary post of ``length`` characters: varied plain sentences, repeated."""
    return _repeat(" ".join(NORMAL_SENTENCES) + " ")(length)


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda length: (unit * (length // len(unit) + 1))[:length]


def _distinct_hashtags(length: int) -> str:
    tags, size, i = [], 0, 0
    while size < length:
        tag = f"#tag{i} "
        tags.append(tag)
        size += len(tag)
        i += 1
    return "".join(tags)[:length]


def _half(opening: str, closing: str) -> Callable[[int], str]:
    return lambda length: opening * (length // 2) + closing * (length - length // 2)


def _negated_claim(length: int) -> str:
    tail = " this tea cures colds."
    return _repeat("not no never ")(length - len(tail)) + tail


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "dots": _repeat("."),
    "dot-letters": _repeat("a."),
    "www-dots": _repeat("www."),
    "exclamations": _repeat("!"),
    "colons": _repeat(":"),
    "brackets-nested": _half("(", ")"),
    "brackets-mixed": _half("([{", "}])"),
    "quotes": _repeat('"'),
    "quoted-claims": _repeat('"cures" '),
    "free": _repeat("free "),
    "free-services": _repeat("free exam "),
    "gift-cards": _repeat("$5 gift card "),
    "hashtags-repeated": _repeat("#cure "),
    "hashtags-distinct": _distinct_hashtags,
    "hashtags-camel": _repeat("#EmmaLopezChemo "),
    "ad-tags": _repeat("#ad "),
    "words-cure": _repeat("cure "),
    "words-patient": _repeat("patient "),
    "names": _repeat("Emma "),
    "titled-names": _repeat("Dr. Emma Lopez "),
    "phones": _repeat("555-010-0100 "),
    "emails": _repeat("a@b.co "),
    "urls": _repeat("www.a.com/"),
    "mentions": _repeat("@a "),
    "myth-labels": _repeat("Myth: "),
    "questions": _repeat("cure? "),
    "negations": _negated_claim,
    "newlines": _repeat("a\n"),
    "blank-lines": _repeat("\n\n"),
    "long-word": _repeat("x"),
    "digits": _repeat("1"),
    "emoji": _repeat("\U0001F642"),
    "markdown-links": _repeat("[a](b) "),
    "html-comments": _repeat("<!-- x --> "),
}


def _billion_laughs() -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    return "---\n" + "\n".join(lines) + "\n---\nHello\n"


FILE_CASES: dict[str, tuple[str, Callable[[], str]]] = {
    "yaml-billion-laughs": ("laughs.md", _billion_laughs),
    "yaml-self-alias": ("loop.md", lambda: "---\nloop: &x [*x]\n---\nHi\n"),
    "json-deep": ("deep.json", lambda: "[" * 1000 + "]" * 1000),
    "jsonl-deep-record": ("deep.jsonl", lambda: '{"text": "ok"}\n' + "[" * 1000 + "]" * 1000 + '\n{"text": "cures colds"}\n'),
    "json-huge-number": ("number.jsonl", lambda: '{"text": "hi", "n": ' + "1" * 5000 + "}\n"),
    "csv-huge-field": ("big.csv", lambda: 'text\n"' + "Our team " * 20_000 + '"\nThis tea cures colds.\n'),
}

LARGE_CASES: dict[str, Callable[[], str]] = {
    "large-one-line-900KB": lambda: _repeat("Thanks to everyone who came along to the class ")(900_000),
    "large-distinct-hashtags-100k": lambda: _distinct_hashtags(100_000 * 9),
    "large-over-spacy-limit-1.1M": lambda: _repeat("word ")(1_100_000),
}


@dataclass(frozen=True)
class Outcome:
    case: str
    group: str
    length: int
    seconds: float
    ratio: float | None
    peak_mb: float | None
    outcome: str


def _describe(report) -> str:
    if report.problems:
        first = report.problems[0]
        more = f" (+{len(report.problems) - 1} more)" if len(report.problems) > 1 else ""
        return f"problem: {first.path}: {first.message[:90]}{more}"
    return f"{len(report.findings)} findings"


def _timed(run: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def _traced_peak(run: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _lint_post(linter, text: str):
    from hcsocial_lint.sources import read_text_post

    post = read_text_post(text, linter.settings, display_path="adversarial.txt")
    return linter.lint_posts([post], [linter.settings])


def run_case(linter, name: str, group: str, text: str, baselines: dict[int, float], memory: bool) -> Outcome:
    try:
        seconds, report = _timed(lambda: _lint_post(linter, text))
        outcome = _describe(report)
    except Exception as exc:  # noqa: BLE001 - a crash is what this benchmark looks for
        return Outcome(name, group, len(text), 0.0, None, None, f"CRASH: {type(exc).__name__}: {str(exc)[:80]}")
    if len(text) not in baselines:
        runs = 2 if len(text) < 100_000 else 1
        baselines[len(text)] = min(_timed(lambda: _lint_post(linter, normal_text(len(text))))[0] for _ in range(runs))
    peak = _traced_peak(lambda: _lint_post(linter, text)) if memory else None
    return Outcome(name, group, len(text), seconds, seconds / baselines[len(text)], peak, outcome)


def run_file_case(linter, name: str, filename: str, content: str, memory: bool) -> Outcome:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / filename
        path.write_text(content, encoding="utf-8")
        good = Path(folder) / "good.txt"
        good.write_text("This tea cures colds.\n", encoding="utf-8")
        try:
            seconds, report = _timed(lambda: linter.lint_many([path, good]))
        except Exception as exc:  # noqa: BLE001
            return Outcome(name, "file", len(content), 0.0, None, None, f"CRASH: {type(exc).__name__}: {str(exc)[:80]}")
        good_linted = any(f.path == str(good) for f in report.findings)
        peak = _traced_peak(lambda: linter.lint_many([path, good])) if memory else None
        problems = [p for p in report.problems if p.path == str(path)]
        linted = [f for f in report.findings if f.path == str(path)]
        outcome = (f"{len(problems)} problem(s): {problems[0].message[:80]}" if problems else "no problem") + (
            f"; {len(linted)} findings" if linted else "") + ("" if good_linted else "; OTHER FILE NOT LINTED")
        return Outcome(name, "file", len(content), seconds, None, peak, outcome)


def render(outcomes: list[Outcome], header: str) -> str:
    lines = [header, "", "| case | group | chars | seconds | x normal | peak MB (traced) | outcome |",
             "|---|---|---:|---:|---:|---:|---|"]
    for o in outcomes:
        ratio = f"{o.ratio:.1f}" if o.ratio is not None else "-"
        peak = f"{o.peak_mb:.0f}" if o.peak_mb is not None else "-"
        lines.append(f"| {o.case} | {o.group} | {o.length:,} | {o.seconds:.2f} | {ratio} | {peak} | {o.outcome} |")
    post_ratios = [o.ratio for o in outcomes if o.ratio is not None]
    crashes = [o.case for o in outcomes if o.outcome.startswith("CRASH")]
    peaks = [o.peak_mb for o in outcomes if o.peak_mb is not None]
    lines += ["", f"Worst ratio: {max(post_ratios):.1f}x a normal post." if post_ratios else "",
              f"Highest traced peak: {max(peaks):.0f} MB." if peaks else "",
              f"Process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB "
              "(run one case per process with --cases to read it per case).",
              f"Crashes: {', '.join(crashes) if crashes else 'none'}."]
    return "\n".join(line for line in lines if line is not None) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=5000, help="characters of each adversarial post")
    parser.add_argument("--large", action="store_true", help="also run the ~1 MB single-post cases (minutes)")
    parser.add_argument("--no-memory", action="store_true", help="skip the traced-memory runs")
    parser.add_argument("--cases", default="", help="comma-separated case names (default: all)")
    parser.add_argument("--out", type=Path, help="also write the table to this Markdown file")
    args = parser.parse_args(argv)

    from hcsocial_lint import Linter, Settings

    linter = Linter(Settings(plugins=False))
    wanted = {c for c in args.cases.split(",") if c}
    memory = not args.no_memory
    baselines: dict[int, float] = {}
    _lint_post(linter, normal_text(1000))  # warm up
    outcomes: list[Outcome] = []
    for name, make in ADVERSARIAL.items():
        if not wanted or name in wanted:
            outcomes.append(run_case(linter, name, "post", make(args.length), baselines, memory))
            print(f"{name}: {outcomes[-1].outcome}", file=sys.stderr, flush=True)
    for name, (filename, make) in FILE_CASES.items():
        if not wanted or name in wanted:
            outcomes.append(run_file_case(linter, name, filename, make(), memory))
            print(f"{name}: {outcomes[-1].outcome}", file=sys.stderr, flush=True)
    if args.large:
        for name, make in LARGE_CASES.items():
            if not wanted or name in wanted:
                outcomes.append(run_case(linter, name, "large", make(), baselines, memory))
                print(f"{name}: {outcomes[-1].outcome}", file=sys.stderr, flush=True)
    header = (f"# Robustness (hclint {linter.model.name} {linter.model.version}; posts of {args.length:,} characters; "
              f"max-post-chars {linter.settings.max_post_chars:,})")
    table = render(outcomes, header)
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    return 1 if any(o.outcome.startswith("CRASH") or "NOT LINTED" in o.outcome for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
