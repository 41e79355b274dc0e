"""Scale: `--jobs`, the result cache and cold start, on real posts (issue #11).

Measured through the installed ``hclint`` command, each a separate process, so that model
loading, forking and the cache's file reads are all counted:

* ``--jobs 1`` against ``--jobs 2`` on one JSONL export of ``--n`` real posts (``--no-cache``);
* a first run and a re-run on ``--drafts`` unchanged one-post files (the cache's case);
* ``hclint --version``, ``hclint rules`` and a bare ``spacy.load`` plus one parse;
* cold start on one short file, with ``--no-cache`` and with the cache on (a file not in it, the
  compiled lexicons stored by the runs before).

Texts are real posts read from ``real_posts/*/posts.jsonl`` into a temporary folder that is
deleted afterwards; the report gives only counts and timings. Timings depend on the machine
and on what else runs on it: the report records the core count and the load average.

    python benchmarks/scale.py --out benchmarks/results/scale.md
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "real_posts"


def _posts(data: Path, n: int, seed: int) -> list[str]:
    texts = []
    for path in sorted(data.glob("*/posts.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                text = json.loads(line).get("text")
            except ValueError:
                continue
            if isinstance(text, str) and text.strip():
                texts.append(text)
    random.Random(seed).shuffle(texts)
    return texts[:n]


def _hclint() -> str:
    found = Path(sys.executable).with_name("hclint")
    return str(found) if found.exists() else shutil.which("hclint") or "hclint"


def _time(args: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    """Median wall time of ``repeat`` runs of a command (its exit code 0 or 1 is a finished lint)."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = subprocess.run(args, capture_output=True, env=env)
        timings.append(time.perf_counter() - started)
        if result.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(args[:3])}...: exit {result.returncode}: {result.stderr.decode()[-400:]}")
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("HCLINT_REAL_POSTS", DEFAULT_DATA)))
    parser.add_argument("--n", type=int, default=2000, help="posts in the export for --jobs (default 2000)")
    parser.add_argument("--drafts", type=int, default=500, help="one-post files for the cache (default 500)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    start_load = os.getloadavg()
    texts = _posts(args.data, max(args.n, args.drafts), args.seed)
    hclint = _hclint()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        export = work / "export.jsonl"
        export.write_text("\n".join(json.dumps({"text": t}) for t in texts[:args.n]) + "\n", encoding="utf-8")
        base = [hclint, "check", str(export), "--no-plugins", "--format", "json", "--no-cache"]
        one = _time([*base, "--jobs", "1"], args.repeat)
        two = _time([*base, "--jobs", "2"], args.repeat)
        rows += [(f"export of {args.n} posts, --jobs 1", one, ""),
                 (f"export of {args.n} posts, --jobs 2", two, f"{one / two:.2f}x the throughput of --jobs 1")]
        drafts = work / "drafts"
        drafts.mkdir()
        for i, text in enumerate(texts[:args.drafts]):
            (drafts / f"d{i:05d}.txt").write_text(text, encoding="utf-8")
        env = {**os.environ, "HCLINT_CACHE_DIR": str(work / "cache")}
        cmd = [hclint, "check", str(drafts), "--no-plugins", "--format", "json", "--jobs", "1"]
        first = _time(cmd, 1, env)
        again = _time(cmd, args.repeat, env)
        rows += [(f"{args.drafts} drafts, first run (cache empty)", first, ""),
                 (f"{args.drafts} drafts, re-run (unchanged)", again, f"{again / first:.1%} of the first run")]
        rows.append(("hclint --version", _time([hclint, "--version"], args.repeat), ""))
        rows.append(("hclint rules", _time([hclint, "rules", "--no-plugins"], args.repeat), ""))
        one_file = drafts / "d00000.txt"
        cold = _time([hclint, "check", str(one_file), "--no-plugins", "--no-cache"], args.repeat)
        bare = _time([sys.executable, "-c", "from hcsocial_lint.nlp.models import load_model; "
                      "load_model('auto').nlp('One short sentence.')"], args.repeat)
        fresh = []
        for i in range(args.repeat):  # a new file each time, so that it is never in the cache
            new_file = work / f"new{i}.txt"
            new_file.write_text(f"{one_file.read_text(encoding='utf-8')}\n{i}", encoding="utf-8")
            fresh.append(_time([hclint, "check", str(new_file), "--no-plugins"], 1, env))
        warm = statistics.median(fresh)
        rows += [("cold start: hclint on one short file (--no-cache)", cold, f"{cold / bare:.2f}x a bare model load and parse"),
                 ("cold start: one new short file, cache on", warm, f"{warm / bare:.2f}x a bare model load and parse"),
                 ("bare model load and one parse", bare, "")]
    load = os.getloadavg()
    lines = [f"# Scale (`benchmarks/scale.py`, {time.strftime('%Y-%m-%d')})", "",
             f"{os.cpu_count()} cores; load average {start_load[0]:.1f} at the start, {load[0]:.1f} before the report. "
             f"Median of {args.repeat} runs "
             "(the first cached run: one run). Real posts, read from the shared data; none are stored.", "",
             "| measure | seconds | note |", "|---|---:|---|"]
    lines += [f"| {name} | {seconds:.2f} | {note} |" for name, seconds, note in rows]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
