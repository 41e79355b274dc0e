"""The learned second opinions (CLM090, TON090, INC090, END090, PHI090) on real text: how many real organisation
posts get one (each a false alarm unless a reader judges otherwise), how many compliant regulator-set rows
get one, and the time they add per post. Only counts are printed; the posts are read at run time from
``../shared/data/real_posts/`` and ``../shared/data/real_violations/dev.jsonl`` and never copied.

    PYTHONPATH=src python benchmarks/scorer.py [--posts-for-time N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("hcsocial_lint") is None:
    sys.path.insert(0, str(REPO / "src"))

from hcsocial_lint import Linter, Settings  # noqa: E402
from hcsocial_lint.rules.second_opinion import SCORER_FAMILIES  # noqa: E402
from hcsocial_lint.sources import read_text_post  # noqa: E402

SHARED = Path(os.environ.get("HCLINT_SHARED", REPO.parent / "shared")) / "data"
SETS = ("cdc_tweets_2020", "health_agency_tweets_2021", "covid_era_org_tweets_2020_2021", "healthcare_job_tweets_2017",
        "health_news_tweets_uci_sample")
SCORERS = ("CLM090", "TON090", "INC090", "END090", "PHI090")


def _posts(linter: Linter, texts: list[str]):
    return [read_text_post(t, linter.settings, display_path=f"post{i}") for i, t in enumerate(texts)]


def opinions(linter: Linter, texts: list[str]) -> tuple[int, Counter]:
    report = linter.lint_posts(_posts(linter, texts))
    by_post: dict[str, set[str]] = {}
    for f in report.findings:
        if f.rule_id in SCORERS:
            by_post.setdefault(f.path, set()).add(f.rule_id)
    return len(by_post), Counter(r for rules in by_post.values() for r in rules)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts-for-time", type=int, default=600, help="real posts timed with the scorers on and off")
    args = parser.parse_args()
    # every second opinion on, not only the default (claims, phi): what each would add
    on = Linter(Settings(plugins=False, families={"scorer": {"families": list(SCORER_FAMILIES)}}))
    off = Linter(Settings(plugins=False, families={"scorer": {"enabled": False}}))
    print("Real posts with a learned second opinion (warning):")
    timed: list[str] = []
    for name in SETS:
        path = SHARED / "real_posts" / name / "posts.jsonl"
        if not path.exists():
            continue
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
        timed += texts[:200]
        flagged, rules = opinions(on, texts)
        print(f"  {name:32s} {flagged}/{len(texts)} = {flagged / len(texts):.3%}  "
              + ", ".join(f"{r} {n}" for r, n in sorted(rules.items())))
    dev = SHARED / "real_violations" / "dev.jsonl"
    if dev.exists():
        rows = [json.loads(line) for line in dev.open(encoding="utf-8") if line.strip()]
        compliant = [r["text"] for r in rows if r["expected"] == ["none"]]
        flagged, rules = opinions(on, compliant)
        print(f"  compliant rows of real_violations/dev.jsonl: {flagged}/{len(compliant)} "
              + ", ".join(f"{r} {n}" for r, n in sorted(rules.items())))
    texts = timed[: args.posts_for_time]
    best = {}
    for _ in range(3):
        for label, linter in (("off", off), ("on", on)):
            posts = _posts(linter, texts)
            started = time.perf_counter()
            linter.lint_posts(posts)
            elapsed = time.perf_counter() - started
            best[label] = min(best.get(label, elapsed), elapsed)
    added = (best["on"] - best["off"]) / len(texts) * 1000
    print(f"Time per post over {len(texts)} real posts (lint_posts, best of 3): off {best['off'] / len(texts) * 1000:.2f} ms, "
          f"on {best['on'] / len(texts) * 1000:.2f} ms, added {added:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
