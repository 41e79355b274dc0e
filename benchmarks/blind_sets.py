"""Score the blind held-out sets in ``benchmarks/data/blind/``: drafts written and labelled by writers
who never read the rules, kept apart from the engineers who change the rules.

Each row labels the families it violates (``phi``, ``claims``, ``tone``, ``inducement``,
``endorsement``; empty for a compliant near-miss). A family is *caught* on a row when a rule of that
family reports a finding at warning or above; a compliant row is a *false alarm* when any rule reports
at error or above. Rule ids map to families by prefix (PHI, CLM, TON, INC, END).

Only figures are printed; ``--misses`` lists the missed and falsely blocked rows for the person who
scores the sets (never for whoever tunes the rules: a fix made after reading them turns the set into
development data, which the report must then say).

    PYTHONPATH=src python benchmarks/blind_sets.py [--misses] [--no-scorer]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("hcsocial_lint") is None:
    sys.path.insert(0, str(REPO / "src"))

from hcsocial_lint import Linter, Settings  # noqa: E402
from hcsocial_lint.model import Severity  # noqa: E402

BLIND = REPO / "benchmarks" / "data" / "blind"
PREFIX_FAMILY = {"PHI": "phi", "CLM": "claims", "TON": "tone", "INC": "inducement", "END": "endorsement"}


def family_of(rule_id: str) -> str | None:
    return PREFIX_FAMILY.get(rule_id[:3])


def kind_of(row: dict) -> str:
    """The row's kind as hclint names it. The 2026-12-05b writer used "reply" with
    ``metadata.context`` ("review_reply", "comment_reply") where earlier sets wrote "review-reply"."""
    kind = row.get("kind", "post")
    if kind == "reply":
        context = str((row.get("metadata") or {}).get("context", ""))
        return "review-reply" if "review" in context else "comment-reply"
    return kind


def violated_families(row: dict) -> list[str]:
    """The families a row violates. Writers label a compliant near-miss either with no families or with the
    family it nearly violates and ``family_violation: false`` (the 2026-12-06 writer); both are compliant."""
    return [] if row.get("family_violation") is False else list(row["families"])


def score(linter: Linter, path: Path, misses: bool) -> list[str]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    caught: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    blocked = compliant = warned_compliant = 0
    blocked_by: dict[str, int] = defaultdict(int)
    listed: list[str] = []
    for row in rows:
        report = linter.lint_text(row["text"], kind=kind_of(row), metadata=row.get("metadata") or {})
        if report.problems:  # a row hclint could not read is not a miss: stop and say why
            raise SystemExit(f"{path.name} {row['id']}: {report.problems[0].message}")
        warned = {family_of(f.rule_id) for f in report.findings if f.severity >= Severity.WARNING}
        errors = sorted({f.rule_id for f in report.findings if f.severity >= Severity.ERROR})
        families = violated_families(row)
        if not families:
            compliant += 1
            warned_compliant += bool(warned)
            if errors:
                blocked += 1
                for rule_id in errors:
                    blocked_by[family_of(rule_id) or rule_id] += 1
                listed.append(f"  blocked {row['id']} ({','.join(errors)}) [{row['violation_kind']}]: {row['text'][:140]!r}")
            continue
        for family in families:
            caught[family][1] += 1
            if family in warned:
                caught[family][0] += 1
            else:
                listed.append(f"  missed {family} {row['id']} [{row['violation_kind']}]: {row['text'][:140]!r}")
    lines = [f"{path.name}: {len(rows)} rows"]
    for family, (hit, total) in sorted(caught.items()):
        lines.append(f"  {family:12s} recall {hit}/{total} = {hit / total:.2f}")
    share = blocked / compliant if compliant else 0.0
    by = ", ".join(f"{k} {v}" for k, v in sorted(blocked_by.items()))
    lines.append(f"  compliant rows with an error: {blocked}/{compliant} = {share:.2f}" + (f" ({by})" if by else ""))
    lines.append(f"  compliant rows with a warning or above: {warned_compliant}/{compliant}")
    if misses:
        lines.extend(sorted(listed))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list missed and falsely blocked rows")
    parser.add_argument("--no-scorer", action="store_true",
                        help="switch the learned second opinions off ([tool.hclint.scorer] enabled = false)")
    parser.add_argument("files", nargs="*", type=Path, help="blind files (default: all in benchmarks/data/blind)")
    args = parser.parse_args()
    linter = Linter(Settings(families={"scorer": {"enabled": False}})) if args.no_scorer else Linter()
    for path in args.files or sorted(BLIND.glob("*.jsonl")):
        print("\n".join(score(linter, path, args.misses)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
