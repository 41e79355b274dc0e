"""Accuracy of the medical-claims family on the labeled drafts, and its alarm rate on real posts.

    PYTHONPATH=src /work/venv/bin/python benchmarks/claims_accuracy.py [--write] [--list-real]

Loads the Linter once (default model, no third-party plug-ins), lints every draft of
benchmarks/data/claims_drafts.jsonl (drafts carrying a ``config`` get those family options, e.g.
approved claims), and reports:

* per rule: precision and recall against the draft labels (a rule "fires" on a draft when it
  reports any finding there);
* the family: a draft is flagged when any CLM rule reports at warning or above; precision and
  recall against ``family_violation``;
* the false-alarm rate: the share of compliant drafts with any claim finding at error or above
  (and, separately, at warning or above), overall and by group.

With the regulator-cited texts (../shared/data/real_violations/dev.jsonl, read at run time, never
copied) it reports recall on real medical claims and the compliant rows given a claim error
(``--list-misses`` prints the misses to the terminal). With the real-post corpus
(../shared/data/real_posts, read-only, measured, never copied) it reports the share of posts flagged
by claim rules at error or above, per file. ``--list-real``
prints what fired on real posts to the terminal (for human review; nothing is written).
``--write`` writes benchmarks/results/claims.md.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from hcsocial_lint import Linter, Settings
from hcsocial_lint.model import Severity
from hcsocial_lint.sources import read_text_post

HERE = Path(__file__).resolve().parent
DRAFTS = HERE / "data" / "claims_drafts.jsonl"
RESULTS = HERE / "results" / "claims.md"
REAL_POSTS = HERE.parents[1] / "shared" / "data" / "real_posts"
# Texts regulators cited (FDA, FTC, UK ASA, BBB National Programs) and compliant public-health texts:
# read at run time from the shared folder, never copied into the repository.
REAL_DEV = HERE.parents[1] / "shared" / "data" / "real_violations" / "dev.jsonl"
FAMILY = "claim"
COMMAND = "PYTHONPATH=src /work/venv/bin/python benchmarks/claims_accuracy.py --write"


def load_drafts(path: Path = DRAFTS) -> list[dict]:
    drafts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [d["id"] for d in drafts]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate draft ids in the benchmark")
    return drafts


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def claim_findings(linter: Linter, base: Settings, items: list[tuple[str, str, str, dict, dict | None]]):
    """Lint (id, text, kind, metadata, family options) items in one batch; findings of the claim family by id."""
    posts, settings = [], []
    for key, text, kind, metadata, options in items:
        post_settings = base if not options else replace(base, families={**base.families, FAMILY: options})
        post = read_text_post(text, post_settings, kind=kind, display_path=key)
        if metadata:
            post = replace(post, metadata={**post.metadata, **metadata})
        posts.append(post)
        settings.append(post_settings)
    report = linter.lint_posts(posts, settings)
    problems = [p for p in report.problems if "CLM" in p.message]
    if problems:
        raise SystemExit("claim rules reported problems:\n" + "\n".join(str(p) for p in problems[:10]))
    found = defaultdict(list)
    for finding in report.findings:
        if finding.family == FAMILY:
            found[finding.path].append(finding)
    return found


def evaluate_drafts(linter: Linter, base: Settings, drafts: list[dict]) -> dict:
    """Metrics over all drafts, plus the family figures of each split (development / holdout)."""
    items = [(d["id"], d["text"], d.get("kind", "post"), d.get("metadata") or {}, (d.get("config") or {}).get(FAMILY))
             for d in drafts]
    found = claim_findings(linter, base, items)
    result = metrics(drafts, found)
    result["splits"] = {}
    for split in sorted({d.get("split", "development") for d in drafts}):
        members = [d for d in drafts if d.get("split", "development") == split]
        result["splits"][split] = metrics(members, found)
    return result


def metrics(drafts: list[dict], found: dict) -> dict:
    rule_ids = sorted({f.rule_id for fs in found.values() for f in fs} | {l for d in drafts for l in d["labels"]})
    per_rule = {}
    for rule in rule_ids:
        tp = fp = fn = 0
        for d in drafts:
            fired = any(f.rule_id == rule for f in found.get(d["id"], ()))
            labelled = rule in d["labels"]
            tp += fired and labelled
            fp += fired and not labelled
            fn += labelled and not fired
        per_rule[rule] = {"tp": tp, "fp": fp, "fn": fn, "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn)}

    def flagged(draft: dict, floor: Severity) -> bool:
        return any(f.severity.rank >= floor.rank for f in found.get(draft["id"], ()))

    tp = sum(1 for d in drafts if d["family_violation"] and flagged(d, Severity.WARNING))
    fp = sum(1 for d in drafts if not d["family_violation"] and flagged(d, Severity.WARNING))
    fn = sum(1 for d in drafts if d["family_violation"] and not flagged(d, Severity.WARNING))
    compliant = [d for d in drafts if not d["family_violation"]]
    groups = defaultdict(list)
    for d in drafts:
        groups[d["group"]].append(d)
    by_group = {
        group: {
            "drafts": len(members),
            "violating": sum(d["family_violation"] for d in members),
            "flagged_warning": sum(flagged(d, Severity.WARNING) for d in members),
            "flagged_error": sum(flagged(d, Severity.ERROR) for d in members),
        }
        for group, members in sorted(groups.items())
    }
    misses = [(d["id"], d["labels"], sorted({f.rule_id for f in found.get(d["id"], ())})) for d in drafts
              if set(d["labels"]) != {f.rule_id for f in found.get(d["id"], ())}]
    return {
        "drafts": len(drafts),
        "violating": sum(d["family_violation"] for d in drafts),
        "compliant": len(compliant),
        "per_rule": per_rule,
        "family": {"tp": tp, "fp": fp, "fn": fn, "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn)},
        "false_alarm_error": _ratio(sum(flagged(d, Severity.ERROR) for d in compliant), len(compliant)),
        "false_alarm_warning": _ratio(sum(flagged(d, Severity.WARNING) for d in compliant), len(compliant)),
        "by_group": by_group,
        "disagreements": misses,
    }


def evaluate_real(linter: Linter, base: Settings, root: Path = REAL_POSTS, list_real: bool = False) -> dict | None:
    if not root.is_dir():
        return None
    per_file = {}
    listing = []
    for path in sorted(root.glob("*/posts.jsonl")):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        items = [(f"{path.parent.name}:{i}", r["text"], "comment-reply" if r.get("is_reply") else "post", {}, None)
                 for i, r in enumerate(records)]
        found = claim_findings(linter, base, items)
        error_plus = [key for key, fs in found.items() if any(f.severity.rank >= Severity.ERROR.rank for f in fs)]
        warning_plus = [key for key, fs in found.items() if any(f.severity.rank >= Severity.WARNING.rank for f in fs)]
        rules = Counter(f.rule_id for key in error_plus for f in found[key] if f.severity.rank >= Severity.ERROR.rank)
        per_file[path.parent.name] = {"posts": len(records), "flagged_error": len(error_plus),
                                      "flagged_warning": len(warning_plus), "rules_error": dict(sorted(rules.items()))}
        if list_real:
            for key in sorted(warning_plus, key=lambda k: int(k.rsplit(":", 1)[1])):
                index = int(key.rsplit(":", 1)[1])
                record = records[index]
                fired = ", ".join(f"{f.rule_id}/{f.severity.value} '{f.matched_text}'" for f in found[key])
                listing.append(f"[{key}] {record.get('account')} ({record.get('account_type')}): {fired}\n    "
                               + record["text"].replace("\n", " ")[:300])
    if list_real:
        print("\n".join(listing))
    return per_file


def evaluate_real_dev(linter: Linter, base: Settings, path: Path = REAL_DEV, list_misses: bool = False) -> dict | None:
    """Recall on regulator-cited medical claims (a claim finding at warning or above) and the compliant
    rows given a claim error, by source kind. Misses are printed to the terminal only with a flag."""
    if not path.is_file():
        return None
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [(f"dev:{i}", r["text"], r.get("kind", "post"), {}, None) for i, r in enumerate(rows)]
    found = claim_findings(linter, base, items)
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    caught = total = compliant = blocked = 0
    misses = []
    for i, row in enumerate(rows):
        fs = found.get(f"dev:{i}", [])
        if row["expected"] == ["none"]:
            compliant += 1
            blocked += any(f.severity.rank >= Severity.ERROR.rank for f in fs)
            continue
        if "medical_claim" not in row["expected"]:
            continue
        hit = any(f.severity.rank >= Severity.WARNING.rank for f in fs)
        total += 1
        caught += hit
        by_kind[row.get("kind", "post")][0] += hit
        by_kind[row.get("kind", "post")][1] += 1
        if not hit:
            misses.append(f"  missed: {row['text'][:140]!r}")
    if list_misses:
        print("\n".join(misses))
    return {"rows": len(rows), "claims": total, "caught": caught, "compliant": compliant, "blocked": blocked,
            "by_kind": dict(sorted(by_kind.items()))}


def render(result: dict, real: dict | None, seconds: float, model: str, dev: dict | None = None) -> str:
    today = _dt.date.today().isoformat()
    lines = [
        "# Medical-claims family: measured accuracy",
        "",
        f"Date: {today}. Command: `{COMMAND}` (from the repository root). Model: `{model}`. "
        f"Runtime: {seconds:.0f} s on this machine.",
        "",
        f"Drafts: {result['drafts']} labeled social-media drafts in `benchmarks/data/claims_drafts.jsonl` "
        f"({result['violating']} violating, {result['compliant']} compliant), each labeled before the linter ran on it.",
        "",
        "Splits, in the order they were written. *development* (424 drafts) was labeled first and then used while "
        "building the rules. Each *holdout-N* set was written and labeled later, committed, and run once against the "
        "rules of that moment; its first-run recall was 0.600 (holdout-1), 0.700 (holdout-2), 0.516 (holdout-3), "
        "0.667 (holdout-4) and 0.573 (holdout-5), with no false alarm on its compliant drafts except one in holdout-3 "
        "(0.036) and six in holdout-5 (0.067). Holdouts 1-4 were written by the rule authors; **holdout-5 (200 drafts) "
        "was written and labeled by an engineer who had never seen the rules**, so its first run (recall 0.573, false "
        "alarms 0.067) is the most honest estimate of accuracy on new text. Holdout-1 to 3 and holdout-5 were then "
        "used for general fixes (never a phrase that only one draft contains; each fix is listed in the commit "
        "history), so their current figures are optimistic; holdout-4 has not been tuned on.",
        "",
        "## Family",
        "",
        "A draft is *flagged* when any claim rule reports at warning or above. False-alarm rate: share of compliant "
        "drafts with any claim finding at error or above (and at warning or above).",
        "",
        "| split | drafts | violating | recall | precision | false alarms (error+) | false alarms (warning+) | TP / FP / FN |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for split, m in [("all", result), *result["splits"].items()]:
        lines.append(f"| {split} | {m['drafts']} | {m['violating']} | {_fmt(m['family']['recall'])} | "
                     f"{_fmt(m['family']['precision'])} | {_fmt(m['false_alarm_error'])} | {_fmt(m['false_alarm_warning'])} | "
                     f"{m['family']['tp']} / {m['family']['fp']} / {m['family']['fn']} |")
    lines += [
        "",
        "## Per rule (all drafts)",
        "",
        "A rule *fires* on a draft when it reports any finding there (any severity).",
        "",
        "| rule | labeled | TP | FP | FN | precision | recall |",
        "|---|---|---|---|---|---|---|",
    ]
    for rule, m in result["per_rule"].items():
        lines.append(f"| {rule} | {m['tp'] + m['fn']} | {m['tp']} | {m['fp']} | {m['fn']} | {_fmt(m['precision'])} | {_fmt(m['recall'])} |")
    lines += ["", "## By group", "", "| group | drafts | violating | flagged (warning+) | flagged (error+) |", "|---|---|---|---|---|"]
    for group, m in result["by_group"].items():
        lines.append(f"| {group} | {m['drafts']} | {m['violating']} | {m['flagged_warning']} | {m['flagged_error']} |")
    lines += ["", "## Drafts where the rules and the labels disagree", "",
              "Each line: draft id, labeled rules, rules that fired. These are accepted misses and false alarms; "
              "no rule was changed to match one benchmark text.", ""]
    for key, labels, fired in result["disagreements"]:
        lines.append(f"- {key}: labeled {labels or '[]'}, fired {fired or '[]'}")
    if dev is not None:
        lines += ["", "## Real regulator-cited texts (../shared/data/real_violations/dev.jsonl, measured only)", "",
                  "Texts the FDA, FTC, UK ASA and BBB National Programs cited as unlawful health claims, and compliant "
                  "public-health texts; read at run time, never copied. Recall: a claim finding at warning or above on "
                  "a row labelled `medical_claim`. This is a development set: rules were changed while looking at "
                  "its misses by class (never by sentence), so the figure is optimistic.", "",
                  f"- medical claims caught: {dev['caught']} of {dev['claims']} ({_fmt(_ratio(dev['caught'], dev['claims']))})",
                  f"- compliant rows with a claim error: {dev['blocked']} of {dev['compliant']}", "",
                  "| kind | claims | caught |", "|---|---|---|"]
        lines += [f"| {kind} | {n} | {hit} |" for kind, (hit, n) in dev["by_kind"].items()]
    if real is not None:
        lines += ["", "## Real organisation posts (../shared/data/real_posts, measured only)", "",
                  "Share of posts with a claim finding at error or above (and at warning or above). The posts are "
                  "not copied here; health-news headlines and job ads are reported separately because they are "
                  "not organisation health posts.", "",
                  "| file | posts | flagged error+ | share | flagged warning+ | rules at error+ |", "|---|---|---|---|---|---|"]
        org_posts = org_flagged = 0
        for name, m in real.items():
            share = _ratio(m["flagged_error"], m["posts"])
            lines.append(f"| {name} | {m['posts']} | {m['flagged_error']} | {_fmt(share)} | {m['flagged_warning']} | "
                         f"{', '.join(f'{k}×{v}' for k, v in m['rules_error'].items()) or '-'} |")
            if not name.startswith(("health_news", "healthcare_job")):
                org_posts += m["posts"]
                org_flagged += m["flagged_error"]
        lines += ["", f"Organisation health posts (CDC, agencies, providers; excluding news headlines and job ads): "
                      f"{org_flagged} of {org_posts} flagged at error or above ({_fmt(_ratio(org_flagged, org_posts))})."]
        lines += ["", "Rules were never tuned to these posts, with one exception made visible here: a pro-vaccine news "
                      "headline showed that CLM011's optional filler word could be a negation ('vaccines not linked "
                      "to autism'); that slot now refuses 'not/never/no' (health-news count 43 -> 42)."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write benchmarks/results/claims.md")
    parser.add_argument("--list-real", action="store_true", help="print what fired on real posts (terminal only)")
    parser.add_argument("--no-real", action="store_true", help="skip the real-post corpus")
    parser.add_argument("--list-misses", action="store_true",
                        help="print the regulator-cited texts missed (terminal only, for error analysis by class)")
    parser.add_argument("--model", default="auto", help="spaCy model: auto (default), a package name, or none")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    base = Settings(plugins=False, model=args.model)
    linter = Linter(base)
    result = evaluate_drafts(linter, base, load_drafts())
    dev = evaluate_real_dev(linter, base, list_misses=args.list_misses)
    real = None if args.no_real else evaluate_real(linter, base, list_real=args.list_real)
    seconds = time.perf_counter() - started
    text = render(result, real, seconds, linter.model.name, dev)
    if args.write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text, encoding="utf-8")
    print(text)
    family = result["family"]
    return 0 if family["recall"] is not None else 1


if __name__ == "__main__":
    sys.exit(main())
