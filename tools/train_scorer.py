"""Train the learned second opinions (one logistic regression per family) and write them as package data.

    PYTHONPATH=src python tools/train_scorer.py            # cross-validate, choose thresholds, write weights
    PYTHONPATH=src python tools/train_scorer.py --dry-run  # the figures only, nothing written

Training data is what the repository holds, nothing else:

* ``benchmarks/data/claims_drafts.jsonl``: claims violations and compliant claims drafts
  (``family_violation``); rows that need a configuration (approved claims) are left out;
* ``benchmarks/data/tone_drafts.jsonl``: tone (TON), inducement (INC) and endorsement (END) labels; a
  row is a negative of a family when it is compliant or is about that family without its label;
* ``benchmarks/data/phi_drafts.jsonl``: healthcare posts labelled for PHI only, negatives of every
  family (patient stories and authorised stories are left out of endorsement, being testimonials);
* the rule examples (``fail`` a positive, ``pass`` a negative of the rule's family), except the
  scorers' own;
* for PHI only, the blind PHI sets that are already development data (``DEVELOPMENT_BLIND_SETS``: each
  was scored, its misses read and the rules fixed against it, as ``benchmarks/results/blind.md`` says).

A held-out blind set never trains (``HELD_OUT_BLIND_SETS``, and any set not named as development data):
it measures. For PHI the script also reports a leave-one-set-out figure: the model is trained without
one development set and scored on it, once per set, which is the honest estimate of what it adds on a
new writer's drafts.

Each family is cross-validated (5 stratified folds, fixed seed). The threshold is the highest of:
0.5; the lowest score at which at most 2% of the compliant training rows that the rules pass get a
warning out of fold; and the lowest at which at most 0.5% of each set of real organisation posts
(``../shared/data/real_posts/``, read at run time, never copied; only counts are printed) that the
rules pass get one, not counting, for PHI, a post judged by hand to disclose someone's PHI
(``benchmarks/data/phi_real_judgements.jsonl``: a warning there is right). The final weights are trained on every row. Everything is deterministic: the
folds come from a fixed seed and training is full-batch.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import pickle
import sys
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

import blind_sets  # noqa: E402  (how a blind row's kind and labels are read, defined once)
import phi_accuracy  # noqa: E402  (the hand judgements of real posts, keyed by hash, defined once)
from hcsocial_lint import Linter  # noqa: E402
from hcsocial_lint.config import Settings  # noqa: E402
from hcsocial_lint.learned.features import features  # noqa: E402
from hcsocial_lint.model import Severity  # noqa: E402
from hcsocial_lint.rules import second_opinion  # noqa: E402
from hcsocial_lint.sources import read_text_post  # noqa: E402

DATA = REPO / "benchmarks" / "data"
WEIGHTS = REPO / "src" / "hcsocial_lint" / "learned" / "weights"
REAL_POSTS = Path(os.environ.get("HCLINT_REAL_POSTS", REPO.parent / "shared" / "data" / "real_posts"))
REAL_SETS = ("cdc_tweets_2020", "health_agency_tweets_2021", "covid_era_org_tweets_2020_2021",
             "healthcare_job_tweets_2017")
SEED = 20261205
FOLDS = 5
# family -> the rule-id prefix whose findings make the rules "report" the family on a post
FAMILIES = {"claims": "CLM", "tone": "TON", "inducement": "INC", "endorsement": "END", "phi": "PHI"}
SCORER_IDS = {"CLM090", "TON090", "INC090", "END090", "PHI090"}
BLIND = DATA / "blind"
# Blind PHI sets whose misses were read and fixed against (development data): they may train the PHI model.
DEVELOPMENT_BLIND_SETS = ("phi_2026-12-04", "phi_2026-12-05", "phi_2026-12-05b", "phi_2026-12-05c", "phi_2026-12-06",
                          "phi_2026-12-06c", "phi_2026-12-06d", "phi_2026-12-06e", "phi_2026-12-06f", "phi_2026-12-06g",
                          "phi_2026-12-06h", "phi_2026-12-06i", "phi_2026-12-06j", "phi_2026-12-06k", "phi_2026-12-06l",
                          "phi_2026-12-06m", "phi_2026-12-06n", "phi_2026-12-06q", "phi_2026-12-06r", "phi_2026-12-06s",
                          "phi_2026-12-06t", "phi_2026-12-07", "phi_2026-12-07b", "phi_2026-12-07f", "phi_2026-12-07g",
                          "phi_2026-12-07i", "phi_2026-12-07n", "phi_2026-12-07o", "phi_2026-12-07p",
                          "phi_2026-12-07r", "phi_2026-12-07s", "phi_2026-12-07t", "phi_2026-12-07u",
                          "phi_2026-12-07w", "phi_2026-12-07x", "phi_2026-12-07aa", "phi_2026-12-07ab",
                          "phi_2026-12-07ac", "phi_2026-12-07ad", "phi_2026-12-07ae", "phi_2026-12-07af")
# Never read for training, whatever else changes: they measure.
HELD_OUT_BLIND_SETS = ("phi_2026-12-06b", "phi_2026-12-06o", "phi_2026-12-06p", "phi_2026-12-06u", "phi_2026-12-06v",
                       "phi_2026-12-07c", "phi_2026-12-07d", "phi_2026-12-07e", "phi_2026-12-07h",
                       "phi_2026-12-07j", "phi_2026-12-07k", "phi_2026-12-07l", "phi_2026-12-07m",
                       "phi_2026-12-07q", "phi_2026-12-07v", "phi_2026-12-07y", "phi_2026-12-07z",
                       "phi_2026-12-08", "phi_2026-12-08b", "phi_2026-12-08c")
L2 = (1e-3, 3e-4, 1e-4, 3e-5, 1e-5)
CV_FALSE_ALARMS = 0.02
REAL_FALSE_ALARMS = 0.005
TESTIMONIAL_GROUPS = {"patient-story", "authorized-story", "own-story"}


# ------------------------------------------------------------------------------------------ data


def _jsonl(path: Path) -> list[dict]:
    if "blind" in path.parts:
        raise SystemExit("the blind sets are never training data (only the development sets, by name)")
    return _lines(path)


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def development_blind_rows(name: str) -> list[dict]:
    """A blind PHI set that is development data, by name; a held-out or unnamed set is refused."""
    if name in HELD_OUT_BLIND_SETS or name not in DEVELOPMENT_BLIND_SETS:
        raise SystemExit(f"{name} is not development data: a held-out blind set never trains")
    return _lines(BLIND / f"{name}.jsonl")


def training_rows(linter: Linter) -> list[dict]:
    """Every training text once, with a label (1, 0) or None (unknown) per family."""
    rows: list[dict] = []

    def add(source: str, text: str, kind: str, metadata: dict, labels: dict[str, int | None]) -> None:
        rows.append({"source": source, "text": text, "kind": kind or "post", "metadata": metadata or {},
                     "labels": labels})

    for row in _jsonl(DATA / "claims_drafts.jsonl"):
        if row.get("config") or row["group"].startswith("approved-claim"):
            continue
        compliant = not row["family_violation"]
        add("claims_drafts", row["text"], row.get("kind"), row.get("metadata"),
            {"claims": int(row["family_violation"]), "tone": 0 if compliant else None,
             "inducement": 0 if compliant else None, "endorsement": 0 if compliant else None,
             "phi": 0 if compliant else None})
    for row in _jsonl(DATA / "tone_drafts.jsonl"):
        labels: dict[str, int | None] = {"claims": 0 if not row["family_violation"] else None,
                                         "phi": 0 if not row["family_violation"] else None}
        for family, prefix in FAMILIES.items():
            if family in ("claims", "phi"):
                continue
            if any(label.startswith(prefix) for label in row["labels"]):
                labels[family] = 1
            elif family in row["families"] or not row["family_violation"]:
                labels[family] = 0
            else:
                labels[family] = None
        add("tone_drafts", row["text"], row.get("kind"), row.get("metadata"), labels)
    for row in _jsonl(DATA / "phi_drafts.jsonl"):
        add("phi_drafts", row["text"], row.get("kind"), row.get("metadata"),
            {"claims": 0, "tone": 0, "inducement": 0,
             "endorsement": None if row["group"] in TESTIMONIAL_GROUPS else 0, "phi": int(bool(row["disclosure"]))})
    for name in DEVELOPMENT_BLIND_SETS:
        for row in development_blind_rows(name):
            add("blind:" + name, row["text"], blind_sets.kind_of(row), row.get("metadata"),
                {f: None for f in FAMILIES} | {"phi": int("phi" in blind_sets.violated_families(row))})
    for meta in linter.rule_metas:
        family = next((f for f, p in FAMILIES.items() if meta.id.startswith(p)), None)
        if family is None or meta.id in SCORER_IDS:
            continue
        for example in meta.examples:
            metadata = dict(example.metadata)
            if any(k not in ("platform", "paid_partnership", "disclosure", "hipaa_authorization") for k in metadata):
                continue  # examples that need a configuration
            labels = {f: None for f in FAMILIES}
            labels[family] = 1 if example.expect == "fail" else 0
            add("examples", example.text, example.kind, metadata, labels)
    return _merged(rows)


def _merged(rows: list[dict]) -> list[dict]:
    """One row per text: labels of its copies combined; a family labelled both ways becomes unknown."""
    by_text: dict[str, dict] = {}
    for row in rows:
        kept = by_text.setdefault(row["text"], {**row, "labels": dict(row["labels"])})
        if kept is row:
            continue
        for family, label in row["labels"].items():
            old = kept["labels"].get(family)
            if label is None:
                continue
            kept["labels"][family] = label if old is None or old == label else None
    return list(by_text.values())


def judged_disclosures(texts: list[str], judgements: dict[str, dict]) -> list[bool]:
    """For each real post: judged by hand to disclose someone's PHI (``phi_real_judgements.jsonl``, keyed by the
    SHA-256 of the text). A PHI warning there is no false alarm; every other warning counts as one."""
    return [judgements.get(phi_accuracy.text_key(text), {}).get("verdict") == "true" for text in texts]


def real_posts() -> dict[str, list[str]]:
    sets = {}
    for name in REAL_SETS:
        path = REAL_POSTS / name / "posts.jsonl"
        if path.exists():
            sets[name] = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    return sets


# ------------------------------------------------------------------------------------------ features


def featurize(linter: Linter, items: Iterable[tuple[str, str, dict]]) -> list[tuple[dict[str, np.ndarray], set[str], set[str]]]:
    """(feature indices per family, as ``second_opinion.features_for`` composes them; families the rules report at
    warning or above; families whose scorer may read the post) for each (text, kind, metadata)."""
    settings = linter.settings
    posts = []
    for text, kind, metadata in items:
        post = read_text_post(text, settings, kind=kind)
        if metadata:
            post = replace(post, metadata={**post.metadata, **metadata})
        posts.append(post)
    out = []
    for start in range(0, len(posts), 64):
        batch = posts[start:start + 64]
        for analysis in linter.analyse(batch, [settings] * len(batch)):
            base = features(analysis)  # the parse's features, once; each family adds its own (as features_for does)
            found = {family: np.array(sorted({f.index for f in base + second_opinion.family_features(family, analysis)}),
                                      dtype=np.int64) for family in FAMILIES}
            reported = {family for family, prefix in FAMILIES.items()
                        for f in linter.check(analysis).findings
                        if f.rule_id.startswith(prefix) and f.rule_id not in SCORER_IDS and f.severity >= Severity.WARNING}
            readable = {rule.scorer_family for rule in second_opinion.RULES if rule.readable(analysis)}
            out.append((found, reported, readable))
    return out


# ------------------------------------------------------------------------------------------ model


def _design(rows: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of feature indices as (indices, values, row of each entry), each row scaled to unit norm."""
    indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    owner = np.concatenate([np.full(len(r), i) for i, r in enumerate(rows)]) if rows else np.zeros(0, dtype=np.int64)
    values = np.concatenate([np.full(len(r), 1.0 / np.sqrt(len(r)) if len(r) else 0.0) for r in rows])
    return indices, values, owner


def train(rows: list[np.ndarray], y: np.ndarray, l2: float, steps: int = 600) -> tuple[dict[int, float], float]:
    """Logistic regression, classes weighted to balance, L2 on the weights; full-batch Adam (deterministic)."""
    indices, values, owner = _design(rows)
    used, local = np.unique(indices, return_inverse=True)
    w = np.zeros(len(used))
    b = 0.0
    n = len(rows)
    positives = max(int(y.sum()), 1)
    sample_weight = np.where(y == 1, n / (2 * positives), n / (2 * max(n - positives, 1))) / n
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    rate, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
    for step in range(1, steps + 1):
        margin = np.bincount(owner, weights=w[local] * values, minlength=n) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(margin, -40, 40)))
        residual = (p - y) * sample_weight
        grad_w = np.bincount(local, weights=residual[owner] * values, minlength=len(w)) + l2 * w
        grad_b = residual.sum()
        m_w = beta1 * m_w + (1 - beta1) * grad_w
        v_w = beta2 * v_w + (1 - beta2) * grad_w ** 2
        m_b = beta1 * m_b + (1 - beta1) * grad_b
        v_b = beta2 * v_b + (1 - beta2) * grad_b ** 2
        correction1, correction2 = 1 - beta1 ** step, 1 - beta2 ** step
        w -= rate * (m_w / correction1) / (np.sqrt(v_w / correction2) + eps)
        b -= rate * (m_b / correction1) / (np.sqrt(v_b / correction2) + eps)
    return dict(zip(used.tolist(), w.tolist())), float(b)


def predict(model: tuple[dict[int, float], float], rows: list[np.ndarray]) -> np.ndarray:
    weights, bias = model
    out = np.empty(len(rows))
    for i, r in enumerate(rows):
        scale = 1.0 / np.sqrt(len(r)) if len(r) else 0.0
        logit = bias + scale * sum(weights.get(int(k), 0.0) for k in r)
        out[i] = 1.0 / (1.0 + np.exp(-np.clip(logit, -40, 40)))
    return out


def folds(y: np.ndarray, seed: int = SEED) -> np.ndarray:
    """A fold number per row, stratified by label, from a fixed seed."""
    rng = np.random.default_rng(seed)
    fold = np.empty(len(y), dtype=int)
    for label in (0, 1):
        members = np.flatnonzero(y == label)
        rng.shuffle(members)
        fold[members] = np.arange(len(members)) % FOLDS
    return fold


def out_of_fold(rows: list[np.ndarray], y: np.ndarray, l2: float) -> np.ndarray:
    fold = folds(y)
    scores = np.empty(len(y))
    for k in range(FOLDS):
        test = fold == k
        model = train([r for r, t in zip(rows, test) if not t], y[~test], l2)
        scores[test] = predict(model, [r for r, t in zip(rows, test) if t])
    return scores


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    positives = y == 1
    n_pos, n_neg = positives.sum(), (~positives).sum()
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def lowest_threshold(scores: np.ndarray, share: float) -> float:
    """The lowest threshold (a multiple of 0.01) at which at most ``share`` of ``scores`` reach it."""
    for t in np.arange(0.5, 1.0, 0.01):
        if len(scores) == 0 or (scores >= t).mean() <= share:
            return round(float(t), 2)
    return 0.99


def leave_one_set_out(sources: list[str], x: list[np.ndarray], y: np.ndarray, caught: np.ndarray,
                      judged: np.ndarray, l2: float, threshold: float) -> dict:
    """For each blind development set: trained without it, what the rules and the model catch on it.
    Returns {set: [caught by the rules, caught by rules or model, violating, compliant the model warns,
    compliant]} and the totals under "all"."""
    sources_arr = np.array(sources)
    names = sorted({s for s in sources if s.startswith("blind:")})
    out: dict[str, list[int]] = {}
    total = np.zeros(5, dtype=int)
    for name in names:
        test = sources_arr == name
        model = train([r for r, t in zip(x, test) if not t], y[~test], l2)
        scores = predict(model, [r for r, t in zip(x, test) if t])
        yt, ct, jt = y[test], caught[test], judged[test]
        warned = jt & (scores >= threshold)
        figure = np.array([int((ct & (yt == 1)).sum()), int(((ct | warned) & (yt == 1)).sum()), int((yt == 1).sum()),
                           int((warned & (yt == 0)).sum()), int((yt == 0).sum())])
        out[name.removeprefix("blind:")] = figure.tolist()
        total += figure
    if names:
        out["all"] = total.tolist()
    return out


# ------------------------------------------------------------------------------------------ main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write no weights")
    parser.add_argument("--cache", type=Path, help="keep the featurized rows in this file (outside the repository)")
    parser.add_argument("--families", default=",".join(FAMILIES), help="families to train (comma-separated)")
    args = parser.parse_args()
    started = time.time()
    # the scorers themselves stay off while their training data is read
    linter = Linter(Settings(plugins=False, families={second_opinion.TABLE: {"enabled": False}}))
    rows = training_rows(linter)
    texts_digest = hashlib.sha256("\n".join(sorted(r["text"] for r in rows)).encode()).hexdigest()
    if args.cache and args.cache.exists():
        cached = pickle.loads(args.cache.read_bytes())
    else:
        cached = {"train": featurize(linter, ((r["text"], r["kind"], r["metadata"]) for r in rows)),
                  "real": {name: featurize(linter, ((t, "post", {}) for t in texts))
                           for name, texts in real_posts().items()}}
        if args.cache:
            args.cache.write_bytes(pickle.dumps(cached))
    train_rows, real = cached["train"], cached["real"]
    judgements = phi_accuracy.load_judgements()
    phi_disclosures = {name: judged_disclosures(texts, judgements) for name, texts in real_posts().items()}
    print(f"{len(rows)} training texts (sha256 {texts_digest[:12]}), featurized in {time.time() - started:.0f}s")
    card = {"model": "logistic regression on hashed lemma, lexicon-class and parse features",
            "trained_by": "tools/train_scorer.py", "seed": SEED, "folds": FOLDS, "feature_bits": 20,
            "training_texts_sha256": texts_digest, "families": {}}
    for family in args.families.split(","):
        members = [i for i, r in enumerate(rows) if r["labels"][family] is not None]
        y = np.array([rows[i]["labels"][family] for i in members], dtype=float)
        x = [train_rows[i][0][family] for i in members]
        caught = np.array([family in train_rows[i][1] for i in members])
        # rows the scorer would judge: the rules pass them and its context gate lets it read them
        judged = np.array([family not in train_rows[i][1] and family in train_rows[i][2] for i in members])
        best = None
        for l2 in L2:
            oof = out_of_fold(x, y, l2)
            figure = auc(oof, y)
            print(f"  {family}: l2 {l2:g} out-of-fold AUC {figure:.3f}")
            if best is None or figure > best[1] + 1e-9:
                best = (l2, figure, oof)
        l2, figure, oof = best
        passed_negatives = oof[(y == 0) & judged]
        t_cv = lowest_threshold(passed_negatives, CV_FALSE_ALARMS)
        model = train(x, y, l2)
        real_scores = {}
        for name, items in real.items():
            disclosures = phi_disclosures[name] if family == "phi" else [False] * len(items)
            scores = predict(model, [r[family] for (r, reported, readable), true in zip(items, disclosures)
                                     if family not in reported and family in readable and not true])
            real_scores[name] = (scores, len(items))
        t_real = max(lowest_threshold(np.concatenate([s, np.zeros(total - len(s))]), REAL_FALSE_ALARMS)
                     for s, total in real_scores.values())
        threshold = max(0.5, t_cv, t_real)
        missed = (y == 1) & judged
        figures = {
            "examples": int(len(y)), "positives": int(y.sum()), "l2": l2, "cv_auc": round(figure, 3),
            "threshold": threshold, "threshold_cv": t_cv, "threshold_real": t_real,
            "cv_recall_all": round(float((oof[y == 1] >= threshold).mean()), 3),
            "cv_rule_missed_judged": int(missed.sum()),
            "cv_rule_missed_caught": int((oof[missed] >= threshold).sum()),
            "cv_compliant_rule_passed": int(len(passed_negatives)),
            "cv_compliant_warned": int((passed_negatives >= threshold).sum()),
            "real_posts_warned": {name: [int((s >= threshold).sum()), total] for name, (s, total) in real_scores.items()},
        }
        by_set = leave_one_set_out([rows[i]["source"] for i in members], x, y, caught, judged, l2, threshold)
        if by_set:
            figures["leave_one_set_out"] = by_set
        print(f"  {family}: " + json.dumps(figures))
        weights, bias = model
        kept = sorted((k, v) for k, v in weights.items() if abs(v) >= 1e-4)
        indices = np.array([k for k, _ in kept], dtype=np.uint32)
        values = np.array([v for _, v in kept], dtype=np.float16)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, indices=indices, weights=values)
        raw = buffer.getvalue()
        card["families"][family] = {"file": f"{family}.npz", "sha256": hashlib.sha256(raw).hexdigest(),
                                    "bias": round(bias, 6), "features": len(kept), "bytes": len(raw), **figures}
        if not args.dry_run:
            WEIGHTS.mkdir(parents=True, exist_ok=True)
            (WEIGHTS / f"{family}.npz").write_bytes(raw)
    if not args.dry_run:
        old = json.loads((WEIGHTS / "card.json").read_text()) if (WEIGHTS / "card.json").exists() else {"families": {}}
        card["families"] = {**old.get("families", {}), **card["families"]}
        (WEIGHTS / "card.json").write_text(json.dumps(card, indent=1, sort_keys=True) + "\n")
    print(f"done in {time.time() - started:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
