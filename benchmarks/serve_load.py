"""Bounded load test of `hclint serve`, on loopback only: latency (p50, p99) and throughput of
single-draft `POST /v1/lint` at concurrency 1, 8 and 32, with one and two worker processes.

It starts the server itself on a free port of 127.0.0.1 (there is no option to aim it anywhere
else), sends a fixed number of requests per level, counts every non-200 answer as an error, and
compares the latency with the library's own per-draft time (`Linter.lint_text` in this process).

    PYTHONPATH=src python benchmarks/serve_load.py --out benchmarks/results/serve_load.md

The drafts below were written for this benchmark; no real post is sent.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

DRAFTS = (
    "Our new IV drip cures migraines in one visit. Walk-ins welcome all week!",
    "Flu shots are available at every site this week, no appointment needed.",
    "Congratulations to Dr. Priya Raman, who joins our cardiology team on Monday.",
    "Thank you for your review. We would like to hear more; please call our office.",
    "Book now! Only 3 spots left for our spring whitening special, 50% off.",
    "Wash your hands often and stay home when you are sick to protect others.",
    "Our physical therapists share five stretches for desk workers in this video.",
    "Guaranteed results: our laser package removes every scar for good.",
)
LEVELS = (1, 8, 32)
HOST = "127.0.0.1"


@dataclass
class Level:
    workers: int
    concurrency: int
    latencies_s: list[float]
    errors: int
    wall_s: float

    def percentile_ms(self, q: float) -> float:
        ordered = sorted(self.latencies_s)
        index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
        return ordered[index] * 1000

    @property
    def throughput(self) -> float:
        return len(self.latencies_s) / self.wall_s if self.wall_s else 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def post(url: str, text: str) -> tuple[float, bool]:
    body = json.dumps({"text": text}).encode()
    request = urllib.request.Request(url + "/v1/lint", data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            ok = response.status == 200 and bool(json.loads(response.read()).get("schema_version"))
    except (urllib.error.URLError, OSError, ValueError):
        ok = False
    return time.perf_counter() - started, ok


def run_level(url: str, workers: int, concurrency: int, requests: int) -> Level:
    texts = [DRAFTS[i % len(DRAFTS)] for i in range(requests)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(lambda t: post(url, t), texts))
    wall = time.perf_counter() - started
    return Level(workers, concurrency, [r[0] for r in results], sum(1 for r in results if not r[1]), wall)


def start_server(workers: int, folder: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    hclint = Path(sys.executable).with_name("hclint")
    command = [str(hclint)] if hclint.exists() else [sys.executable, "-m", "hcsocial_lint"]
    process = subprocess.Popen([*command, "serve", "--host", HOST, "--port", str(port), "--workers", str(workers),
                                "--no-plugins"], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"hclint serve --workers {workers} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/v1/health", timeout=2):
                break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        raise SystemExit("hclint serve did not start within 300 s")
    # Every worker loads its model before it accepts connections; warm each one up.
    run_level(url, workers, workers * 2, workers * 8)
    return process, url


def library_per_draft_s(rounds: int) -> float:
    from hcsocial_lint import Linter, Settings

    linter = Linter(Settings(plugins=False))
    for text in DRAFTS:
        linter.lint_text(text)
    times = []
    for _ in range(rounds):
        for text in DRAFTS:
            started = time.perf_counter()
            linter.lint_text(text)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def report(levels: list[Level], library_s: float, requests_per_level: dict[int, int], load: tuple[float, ...]) -> str:
    lines = [
        "# `hclint serve` under load",
        "",
        f"Made by `benchmarks/serve_load.py` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, loopback only "
        "(127.0.0.1), single-draft `POST /v1/lint` with 8 short drafts written for the benchmark.",
        "",
        f"**Machine: 2 CPU cores shared with other engineers' jobs running at the same time** (load average "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the end of the run), so the figures are noisy and "
        "pessimistic; compare them with each other, not with another machine.",
        "",
        f"Library per-draft time (`Linter.lint_text`, median, same drafts, in one process): **{library_s * 1000:.1f} ms**.",
        "",
        "| workers | concurrency | requests | errors | p50 ms | p99 ms | p99 / library | throughput req/s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for level in levels:
        lines.append(f"| {level.workers} | {level.concurrency} | {requests_per_level[level.concurrency]} | {level.errors} | "
                     f"{level.percentile_ms(0.5):.1f} | {level.percentile_ms(0.99):.1f} | "
                     f"{level.percentile_ms(0.99) / 1000 / library_s:.1f}× | {level.throughput:.1f} |")
    errors = sum(level.errors for level in levels)
    at8 = [level for level in levels if level.concurrency == 8]
    lines += [
        "",
        "Targets of issue #12:",
        f"- no error responses under load: **{'met' if errors == 0 else f'not met ({errors} errors)'}**;",
        "- p99 of a single-draft lint ≤ 2× the library's per-draft time at concurrency 8: "
        + ", ".join(f"{level.workers} worker(s) {level.percentile_ms(0.99) / 1000 / library_s:.1f}×" for level in at8)
        + f" — **{'met' if all(level.percentile_ms(0.99) / 1000 <= 2 * library_s for level in at8) else 'not met'}**.",
        "",
        "Why the latency grows with concurrency: within a worker process linting is serialised by a lock (the",
        "spaCy pipeline and the linter's per-run state are not thread-safe), so N concurrent drafts wait for",
        "each other and a request's latency is about N / workers × the per-draft time, plus HTTP and JSON",
        "overhead. Throughput, not latency, is what more concurrency buys, and only up to the number of",
        "workers the cores can run: on 2 shared cores a second worker adds little. The 2× target at",
        "concurrency 8 needs about 4 workers on 4 free cores, or drafts sent as one batch (`posts`).",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="write the Markdown report here (default: print it)")
    parser.add_argument("--requests", type=int, default=48, help="requests at concurrency 1 (more at higher levels)")
    parser.add_argument("--workers", default="1,2", help="worker counts to try, comma-separated (default 1,2)")
    args = parser.parse_args(argv)
    requests_per_level = {c: max(args.requests, 4 * c) for c in LEVELS}
    library_s = library_per_draft_s(rounds=5)
    levels: list[Level] = []
    folder = Path(os.environ.get("TMPDIR", "/tmp"))
    for workers in (int(w) for w in args.workers.split(",")):
        process, url = start_server(workers, folder)
        try:
            for concurrency in LEVELS:
                level = run_level(url, workers, concurrency, requests_per_level[concurrency])
                levels.append(level)
                print(f"workers {workers} concurrency {concurrency}: p50 {level.percentile_ms(0.5):.1f} ms, "
                      f"p99 {level.percentile_ms(0.99):.1f} ms, {level.throughput:.1f} req/s, {level.errors} errors",
                      file=sys.stderr)
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
    text = report(levels, library_s, requests_per_level, os.getloadavg())
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 1 if any(level.errors for level in levels) else 0


if __name__ == "__main__":
    raise SystemExit(main())
