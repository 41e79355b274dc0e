"""Archives on Dask: the findings of a two-worker local cluster are those of one process (issue #11)."""

from __future__ import annotations

import json

import pytest

dd = pytest.importorskip("dask.dataframe", reason="the dask extra is not installed")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
pd = pytest.importorskip("pandas")

from click.testing import CliRunner  # noqa: E402

from hcsocial_lint import Settings  # noqa: E402
from hcsocial_lint.cli import main  # noqa: E402
from hcsocial_lint.dask import COLUMNS, lint_bag, lint_dataframe, read_posts_bag  # noqa: E402
from hcsocial_lint.reporting.masking import mask_findings  # noqa: E402
from hcsocial_lint.sources import read_text_post  # noqa: E402

POSTS = [
    "Get well soon, Priya Raman! Her dialysis at our clinic went smoothly this week.",
    "Our herbal tea cures the flu in two days.",
    "Book a consultation this month and get a free tablet!",
    "Join us for the community walk on Saturday morning.",
    "Happy Pharmacists Week to the whole team!",
    "Mr. Okafor in bed 12 went home today after his bypass surgery.",
]
SETTINGS = Settings(plugins=False)


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as connected:
        yield connected


def _expected(linter):
    posts = [read_text_post(text, SETTINGS, display_path="<dask>") for text in POSTS]
    findings = []
    for number, post in enumerate(posts):
        report = linter.lint_posts([post], [SETTINGS])
        findings += [(f"p{number}", f.rule_id, f.range.line, f.range.column, f.message) for f in mask_findings(report.findings)]
    return sorted(findings)


def _got(rows):
    return sorted((r["post_id"], r["rule_id"], r["line"], r["column"], r["message"]) for r in rows)


def test_a_bag_on_two_workers_gives_the_findings_of_one_process(client, linter):
    import dask.bag as db

    rows = [{"id": f"p{i}", "text": t} for i, t in enumerate(POSTS)]
    found = lint_bag(db.from_sequence(rows, npartitions=3), SETTINGS, id_field="id").compute()
    assert _got(found) == _expected(linter) and found
    assert {r["partition"] for r in found} == {0, 1, 2}
    assert "Priya" not in json.dumps(found)  # masked by default


def test_a_dataframe_gives_a_typed_findings_table(client, linter):
    frame = dd.from_pandas(pd.DataFrame({"id": [f"p{i}" for i in range(len(POSTS))], "text": POSTS}), npartitions=2)
    table = lint_dataframe(frame, SETTINGS, id_column="id").compute()
    assert list(table.columns) == list(COLUMNS)
    assert _got(table.to_dict("records")) == _expected(linter)


def test_bad_rows_are_problem_rows_and_the_rest_is_linted(client, tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text('{"id": "a", "text": "Our tea cures the flu."}\n{not json\n{"id": "c", "body": "no text"}\n',
                      encoding="utf-8")
    rows = lint_bag(read_posts_bag([str(export)]), SETTINGS, id_field="id").compute()
    problems = [r for r in rows if r["rule_id"] == "E-INPUT"]
    assert len(problems) == 2 and any("invalid JSON" in r["message"] for r in problems)
    assert any(r["post_id"] == "a" and r["family"] == "claim" for r in rows)


def test_hclint_audit_writes_a_parquet_table(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(json.dumps({"id": f"p{i}", "text": t}) for i, t in enumerate(POSTS)) + "\n",
                      encoding="utf-8")
    out = tmp_path / "findings.parquet"
    result = CliRunner().invoke(main, ["audit", str(export), "-o", str(out), "--workers", "2", "--id-field", "id"])
    assert result.exit_code == 0, result.output
    table = pd.read_parquet(out)
    assert len(table) > 0 and set(table["post_id"]) <= {f"p{i}" for i in range(len(POSTS))}
    bad = CliRunner().invoke(main, ["audit", str(export), "-o", str(tmp_path / "findings.txt")])
    assert bad.exit_code == 2 and "must end in .parquet or .jsonl" in bad.output
