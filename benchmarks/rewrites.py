"""Post-level rewrites (issue #13): do they clear the finding without raising a new error?

For every violating draft of ``benchmarks/data/*_drafts.jsonl`` (``family_violation`` true) and every
non-compliant text of ``/work/shared/data/real_violations/dev.jsonl`` (read at run time, never copied),
the draft is linted; when it has an error-level finding, ``Linter.rewrite`` is asked for the whole-post
rewrite, and the rewrite is linted again by an independent ``lint_text`` call. Reported:

* flagged drafts, rewrites offered, advice-only answers (no honest rewrite found);
* the share of rewrites that clear every error without raising a new error (target >= 0.95);
* rewrites that raise a warning-level rule the draft did not have (for information);
* safe rewrites (every edit keeps the meaning) on the real organisation posts of
  ``/work/shared/data/real_posts`` (``--real-posts``), counted by rule.

``--sample-out FILE`` writes a seeded random sample (``--sample N``, default 60) of rewrites, with the
draft's id, for judging by hand as a comms lead would; write it outside the repository (it holds shared
texts), and record only ids and judgements in ``benchmarks/results/rewrites.md``.

    PYTHONPATH=src python benchmarks/rewrites.py --sample-out /tmp/rewrite_sample.jsonl --real-posts
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HCLINT_SHARED", ROOT.parent / "shared"))
if not (SHARED / "data").is_dir():
    SHARED = Path("/work/shared")
BLOCKING = {"error", "critical"}
REAL_ORG_SETS = ("cdc_tweets_2020", "covid_era_org_tweets_2020_2021", "health_agency_tweets_2021",
                 "healthcare_job_tweets_2017")


def violating_drafts(shared: Path = SHARED) -> list[dict]:
    drafts = []
    for path in sorted((ROOT / "benchmarks" / "data").glob("*_drafts.jsonl")):
        for line in path.open(encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                if row.get("family_violation"):
                    drafts.append({"id": row["id"], "text": row["text"], "kind": row.get("kind") or "post",
                                   "metadata": row.get("metadata") or {}})
    dev = shared / "data" / "real_violations" / "dev.jsonl"
    if dev.is_file():
        for i, line in enumerate(dev.open(encoding="utf-8"), 1):
            if line.strip():
                row = json.loads(line)
                if row.get("expected") != ["none"]:
                    drafts.append({"id": f"dev-{i}", "text": row["text"], "kind": row.get("kind") or "post",
                                   "metadata": {}})
    return drafts


def errors(report) -> set[str]:
    return {f.rule_id for f in report.findings if f.severity.value in BLOCKING}


def measure(linter, drafts: list[dict]) -> dict:
    counts = Counter()
    new_warnings = 0
    results = []
    for draft in drafts:
        before = linter.lint_text(draft["text"], kind=draft["kind"], metadata=draft["metadata"])
        if not errors(before):
            counts["not flagged"] += 1
            continue
        counts["flagged"] += 1
        rewrite = linter.rewrite(draft["text"], kind=draft["kind"], metadata=draft["metadata"])
        if rewrite.status != "rewritten":
            counts["advice only"] += 1
            continue
        counts["rewritten"] += 1
        counts["safe"] += rewrite.safe
        after = linter.lint_text(rewrite.text, kind=draft["kind"], metadata=draft["metadata"])
        if not errors(after):
            counts["cleared"] += 1
        rules_before = {f.rule_id for f in before.findings}
        new_warnings += any(f.rule_id not in rules_before and f.severity.value == "warning" for f in after.findings)
        results.append({"id": draft["id"], "draft": draft["text"], "rewrite": rewrite.text,
                        "actions": list(rewrite.actions), "safe": rewrite.safe})
    counts["new warning"] = new_warnings
    return {"counts": counts, "results": results}


def real_safe_fixes(linter) -> tuple[int, int, Counter]:
    posts = []
    for name in REAL_ORG_SETS:
        path = SHARED / "data" / "real_posts" / name / "posts.jsonl"
        if path.is_file():
            posts += [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    safe = 0
    by_rule: Counter = Counter()
    for text in posts:
        if not errors(linter.lint_text(text)):
            continue
        rewrite = linter.rewrite(text)
        if rewrite.status == "rewritten" and rewrite.safe:
            safe += 1
            by_rule.update(rewrite.rules)
    return safe, len(posts), by_rule


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument("--sample-out", type=Path, help="write the random sample here (outside the repository)")
    parser.add_argument("--real-posts", action="store_true", help="count safe rewrites on real organisation posts")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from hcsocial_lint import Linter

    started = time.time()
    linter = Linter()
    measured = measure(linter, violating_drafts())
    c = measured["counts"]
    rewritten = c["rewritten"] or 1
    print(f"violating drafts flagged with an error: {c['flagged']} (not flagged: {c['not flagged']})")
    print(f"rewrites offered: {c['rewritten']}; advice only: {c['advice only']}; safe rewrites: {c['safe']}")
    print(f"cleared without a new error: {c['cleared']}/{c['rewritten']} = {c['cleared'] / rewritten:.3f}")
    print(f"rewrites raising a new warning-level rule: {c['new warning']}")
    if args.sample_out:
        results = measured["results"]
        sample = random.Random(args.seed).sample(results, min(args.sample, len(results)))
        with args.sample_out.open("w", encoding="utf-8") as out:
            for row in sample:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"sample of {len(sample)} written to {args.sample_out}")
    if args.real_posts:
        safe, total, by_rule = real_safe_fixes(linter)
        print(f"real organisation posts with a safe rewrite: {safe}/{total} {dict(by_rule)}")
    print(f"({time.time() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
