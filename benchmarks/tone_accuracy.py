"""Accuracy of the tone, inducement and endorsement rules on labeled drafts, and how often they fire on
real healthcare-organisation posts.

Labeled drafts: ``benchmarks/data/tone_drafts.jsonl``, one JSON object per line with ``id``, ``text``,
``kind``, ``metadata`` (front-matter flags such as ``paid_partnership``), ``labels`` (the rule ids that
should fire), ``family_violation``, ``families`` and ``group``. The drafts were written and labeled
before any of these rules existed; about half are compliant near-misses (friendly calls to action,
free community clinics, job posts with sign-on bonuses, honest review requests, disclosed partnerships).

Reported:

* per rule: precision and recall against the labels (a finding of the rule on a draft counts once);
* per family (tone = TON, inducement = INC, endorsement = END): recall, the share of drafts labeled
  with a rule of that family on which some rule of that family fired;
* false-alarm rate: the share of compliant drafts with any TON/INC/END finding at error or above,
  and at warning or above;
* real posts (``/work/shared/data/real_posts``, measured only, never copied): the share of posts with a
  TON/INC/END finding at error or above and at warning or above, per dataset, and which rules fired.
  ``--show`` prints the flagged real posts to the terminal for review; they are never written to a file;
* real texts regulators cited (``/work/shared/data/real_violations/dev.jsonl``, read at run time, never
  copied): recall per label (endorsement, profit_tone) and compliant texts given an error; ``--show``
  prints the missed ones to the terminal.

The linter is built once with the default model and every built-in rule enabled; only TON, INC and END
findings are counted.

    PYTHONPATH=src python benchmarks/tone_accuracy.py --out benchmarks/results/tone.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import shlex
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("hcsocial_lint") is None:  # run from a checkout without PYTHONPATH=src
    sys.path.insert(0, str(REPO / "src"))

from hcsocial_lint import Linter, Settings  # noqa: E402
from hcsocial_lint.model import Finding, Post, Severity  # noqa: E402
from hcsocial_lint.sources import read_text_post  # noqa: E402

DRAFTS = REPO / "benchmarks" / "data" / "tone_drafts.jsonl"
REAL_POSTS = Path(os.environ.get("HCLINT_REAL_POSTS", "/work/shared/data/real_posts"))
REGULATOR_TEXTS = Path(os.environ.get("HCLINT_REAL_VIOLATIONS", "/work/shared/data/real_violations/dev.jsonl"))
# Labels of the regulator-cited texts, and the rule prefixes that count as catching each.
REGULATOR_LABELS = {"endorsement": ("END",), "profit_tone": ("TON", "INC")}
FAMILIES = {"TON": "tone", "INC": "inducement", "END": "endorsement"}
NOTES_MARKER = "<!-- notes: kept when the report is regenerated -->"
REAL_SETS = (
    ("cdc_tweets_2020", "organisation posts"),
    ("health_agency_tweets_2021", "organisation posts"),
    ("covid_era_org_tweets_2020_2021", "organisation posts"),
    ("healthcare_job_tweets_2017", "recruitment boilerplate"),
    ("health_news_tweets_uci_sample", "nearby genre (news headlines)"),
)


def family_of(rule_id: str) -> str | None:
    return FAMILIES.get(rule_id[:3])


def ours(findings: Iterable[Finding], at_least: Severity = Severity.INFO) -> list[Finding]:
    return [f for f in findings if family_of(f.rule_id) and at_least <= f.severity]


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def lint(linter: Linter, items: Sequence[dict], text_key: str = "text") -> dict[int, list[Finding]]:
    """Lint items as posts in one batch; findings by item index."""
    posts: list[Post] = []
    for index, item in enumerate(items):
        post = read_text_post(item[text_key], linter.settings, kind=item.get("kind") or "post", display_path=str(index))
        if item.get("metadata"):
            post = replace(post, metadata={**post.metadata, **item["metadata"]})
        posts.append(post)
    report = linter.lint_posts(posts, [linter.settings] * len(posts))
    by_item: dict[int, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_item[int(finding.path)].append(finding)
    return by_item


def ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.3f}" if denominator else "n/a"


def evaluate_drafts(linter: Linter, drafts: list[dict]) -> tuple[list[str], dict]:
    found = lint(linter, drafts)
    rule_ids = sorted({r for d in drafts for r in d["labels"]} |
                      {f.rule_id for fs in found.values() for f in ours(fs)})
    lines: list[str] = []
    per_rule = {}
    for rule_id in rule_ids:
        tp = fp = fn = 0
        for index, draft in enumerate(drafts):
            fired = any(f.rule_id == rule_id for f in found.get(index, ()))
            labeled = rule_id in draft["labels"]
            tp += fired and labeled
            fp += fired and not labeled
            fn += labeled and not fired
        per_rule[rule_id] = (tp, fp, fn)
    names = {meta.id: meta.name for meta in linter.rule_metas}
    severities = {meta.id: meta.severity.value for meta in linter.rule_metas}
    lines += ["| rule | name | severity | labeled | TP | FP | FN | precision | recall |",
              "|---|---|---|---:|---:|---:|---:|---:|---:|"]
    for rule_id, (tp, fp, fn) in per_rule.items():
        lines.append(f"| {rule_id} | {names.get(rule_id, '?')} | {severities.get(rule_id, '?')} | {tp + fn} | {tp} | {fp} | "
                     f"{fn} | {ratio(tp, tp + fp)} | {ratio(tp, tp + fn)} |")
    totals = [sum(v[i] for v in per_rule.values()) for i in range(3)]
    lines.append(f"| all | (micro-average) | | {totals[0] + totals[2]} | {totals[0]} | {totals[1]} | {totals[2]} | "
                 f"{ratio(totals[0], totals[0] + totals[1])} | {ratio(totals[0], totals[0] + totals[2])} |")

    lines += ["", "| family | drafts with a violation | caught by a rule of the family | recall |", "|---|---:|---:|---:|"]
    for family in FAMILIES.values():
        labeled = [i for i, d in enumerate(drafts) if any(family_of(r) == family for r in d["labels"])]
        caught = [i for i in labeled if any(family_of(f.rule_id) == family for f in found.get(i, ()))]
        lines.append(f"| {family} | {len(labeled)} | {len(caught)} | {ratio(len(caught), len(labeled))} |")
    violating = [i for i, d in enumerate(drafts) if d["family_violation"]]
    caught_any = [i for i in violating if ours(found.get(i, ()))]
    lines.append(f"| any | {len(violating)} | {len(caught_any)} | {ratio(len(caught_any), len(violating))} |")

    compliant = [i for i, d in enumerate(drafts) if not d["family_violation"]]
    alarms = {}
    for label, level in (("error or above", Severity.ERROR), ("warning or above", Severity.WARNING),
                         ("any severity", Severity.INFO)):
        flagged = [i for i in compliant if ours(found.get(i, ()), level)]
        alarms[label] = flagged
    lines += ["", "| compliant drafts | flagged at error+ | false-alarm rate (error+) | flagged at warning+ | "
              "false-alarm rate (warning+) |", "|---:|---:|---:|---:|---:|",
              f"| {len(compliant)} | {len(alarms['error or above'])} | "
              f"{ratio(len(alarms['error or above']), len(compliant))} | {len(alarms['warning or above'])} | "
              f"{ratio(len(alarms['warning or above']), len(compliant))} |"]

    groups = Counter(drafts[i]["group"] for i in compliant)
    flagged_groups = Counter(drafts[i]["group"] for i in alarms["warning or above"])
    lines += ["", "Compliant drafts by group (flagged at warning or above / drafts):", ""]
    lines += [f"- {group}: {flagged_groups.get(group, 0)}/{count}" for group, count in sorted(groups.items())]

    errors = []
    for index, draft in enumerate(drafts):
        fired = sorted({f.rule_id for f in ours(found.get(index, ()))})
        missed = sorted(set(draft["labels"]) - set(fired))
        extra = sorted(set(fired) - set(draft["labels"]))
        if missed or extra:
            errors.append((draft["id"], draft["group"], missed, extra))
    lines += ["", f"Drafts where findings and labels differ ({len(errors)}):", "",
              "| draft | group | missed (FN) | unexpected (FP) |", "|---|---|---|---|"]
    lines += [f"| {i} | {g} | {', '.join(m) or '-'} | {', '.join(e) or '-'} |" for i, g, m, e in errors]

    scores = defaultdict(list)
    for index, draft in enumerate(drafts):
        values = [f.metrics.get("tone_score") for f in found.get(index, ()) if "tone_score" in f.metrics]
        if values:
            scores["TON004 labeled" if "TON004" in draft["labels"] else "other"].append(values[0])
    summary = {"per_rule": per_rule, "recall_any": ratio(len(caught_any), len(violating)),
               "false_alarm_error": ratio(len(alarms["error or above"]), len(compliant)),
               "false_alarm_warning": ratio(len(alarms["warning or above"]), len(compliant))}
    return lines, summary


def evaluate_real(linter: Linter, show: bool) -> list[str]:
    lines = ["| dataset | what | posts | flagged at error+ | share | flagged at warning+ | share | rules that fired (findings) |",
             "|---|---|---:|---:|---:|---:|---:|---|"]
    for name, what in REAL_SETS:
        path = REAL_POSTS / name / "posts.jsonl"
        if not path.is_file():
            lines.append(f"| {name} | {what} | (missing) | | | | | |")
            continue
        posts = read_jsonl(path)
        found = lint(linter, posts)
        error = [i for i in range(len(posts)) if ours(found.get(i, ()), Severity.ERROR)]
        warning = [i for i in range(len(posts)) if ours(found.get(i, ()), Severity.WARNING)]
        fired = Counter(f.rule_id for fs in found.values() for f in ours(fs))
        lines.append(f"| {name} | {what} | {len(posts)} | {len(error)} | {ratio(len(error), len(posts))} | "
                     f"{len(warning)} | {ratio(len(warning), len(posts))} | "
                     f"{', '.join(f'{r} ({n})' for r, n in sorted(fired.items())) or '-'} |")
        if show:
            for index in sorted({i for i, fs in found.items() if ours(fs)}):
                for finding in ours(found[index]):
                    print(f"[{name}#{index + 1}] {finding.rule_id} {finding.severity.value}: {finding.matched_text!r}")
                print("    " + posts[index]["text"].replace("\n", " ")[:300])
    return lines


def evaluate_regulator_texts(linter: Linter, show: bool) -> list[str]:
    """Recall on real texts that regulators cited (read at run time, never copied), per label, and the
    compliant real texts given an error. ``show`` prints the missed texts to the terminal only."""
    if not REGULATOR_TEXTS.is_file():
        return [f"(missing: {REGULATOR_TEXTS})"]
    rows = read_jsonl(REGULATOR_TEXTS)
    lines = ["| label | texts | caught (warning+) | recall |", "|---|---:|---:|---:|"]
    for label, prefixes in REGULATOR_LABELS.items():
        wanted = [r for r in rows if label in r["expected"]]
        caught = 0
        for row in wanted:
            report = linter.lint_text(row["text"], kind=row.get("kind", "post"))
            hit = [f for f in report.findings if f.rule_id.startswith(prefixes) and f.severity.rank >= Severity.WARNING.rank]
            caught += bool(hit)
            if show and not hit:
                print(f"[missed {label}] " + row["text"].replace("\n", " ")[:300])
        lines.append(f"| {label} | {len(wanted)} | {caught} | {ratio(caught, len(wanted))} |")
    compliant = [r for r in rows if r["expected"] == ["none"]]
    blocked = 0
    for row in compliant:
        report = linter.lint_text(row["text"], kind=row.get("kind", "post"))
        hit = ours(report.findings, Severity.ERROR)
        blocked += bool(hit)
        if show and hit:
            print(f"[compliant, blocked by {hit[0].rule_id}] " + row["text"].replace("\n", " ")[:300])
    lines.append(f"| none (compliant; given a TON/INC/END error) | {len(compliant)} | {blocked} | "
                 f"{ratio(blocked, len(compliant))} |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the Markdown report here")
    parser.add_argument("--no-real", action="store_true", help="skip the real-post measurement")
    parser.add_argument("--show", action="store_true", help="print flagged real posts (terminal only)")
    parser.add_argument("--model", default="auto", help="spaCy model: auto (the default model) or none")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    linter = Linter(Settings(plugins=False, model=args.model))
    built = time.perf_counter() - started
    drafts = read_jsonl(DRAFTS)
    draft_lines, summary = evaluate_drafts(linter, drafts)
    real_lines = [] if args.no_real else evaluate_real(linter, args.show)
    regulator_lines = [] if args.no_real else evaluate_regulator_texts(linter, args.show)
    elapsed = time.perf_counter() - started

    command = "PYTHONPATH=src " + " ".join(shlex.quote(a) for a in ["python", "benchmarks/tone_accuracy.py", *sys.argv[1:]])
    n_violations = sum(d["family_violation"] for d in drafts)
    report = [
        "# Tone, inducement and endorsement rules: measured accuracy", "",
        f"Command: `{command}`  ",
        f"Date: {dt.date.today().isoformat()}  ",
        f"Model: {linter.model.name if hasattr(linter.model, 'name') else 'default'} (has model: {linter.model.has_model}); "
        f"linter built in {built:.1f} s; whole run {elapsed:.1f} s", "",
        f"Labeled drafts: `benchmarks/data/tone_drafts.jsonl`, {len(drafts)} drafts "
        f"({n_violations} with a violation, {len(drafts) - n_violations} compliant). Labels were written before "
        "any rule existed and were not changed after the linter was run on them.", "",
        f"Headline: recall (violating drafts with any TON/INC/END finding) {summary['recall_any']}; false-alarm "
        f"rate on compliant drafts {summary['false_alarm_error']} at error or above, "
        f"{summary['false_alarm_warning']} at warning or above. Goals: recall >= 0.95, false-alarm rate <= 0.03.", "",
        "## Labeled drafts", "", *draft_lines, "",
    ]
    if real_lines:
        report += ["## Real posts (measured only; texts are not copied)", "",
                   f"Source: `{REAL_POSTS}` (see its README). Only TON/INC/END findings are counted.", "",
                   *real_lines, ""]
    if regulator_lines:
        report += ["## Real texts regulators cited (measured only; texts are not copied)", "",
                   f"Source: `{REGULATOR_TEXTS}` (FTC cases, UK ASA rulings and other regulators; see its README). "
                   "A text counts as caught when a rule of the matching families fires at warning or above "
                   "(endorsement: END; profit_tone: TON or INC).", "", *regulator_lines, ""]
    text = "\n".join(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        previous = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        if NOTES_MARKER in previous:  # hand-written notes below the marker survive a re-run
            text += "\n" + previous[previous.index(NOTES_MARKER):]
        args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
