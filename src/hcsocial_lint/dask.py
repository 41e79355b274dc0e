"""Lint archives past one machine: a Dask bag or dataframe of posts, partition by partition.

The optional ``dask`` extra (``pip install 'hcsocial-lint[dask]'``) brings Dask and
distributed. Each worker process builds one :class:`~hcsocial_lint.Linter` per configuration,
the first time a partition needs it, and keeps it; partitions run through
:meth:`~hcsocial_lint.Linter.lint_posts` (one ``nlp.pipe`` per partition) under a lock, so a
worker with several threads still lints one partition at a time. The result is a table of
findings, one row per finding, masked by default (``mask=False`` keeps the post's text in
``matched_text`` and ``message``).

Nothing leaves the machine unless you give a scheduler address: :func:`audit` starts a local
cluster of worker processes that talk over loopback (127.0.0.1), with no dashboard.

    import dask.bag as db
    from hcsocial_lint.dask import lint_bag
    findings = lint_bag(db.read_text("export-*.jsonl").map(json.loads), id_field="id").compute()
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

try:
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("hcsocial_lint.dask needs the dask extra: pip install 'hcsocial-lint[dask]'") from exc

from .cache import canonical
from .config import Settings
from .linter import Linter
from .model import Finding, Post
from .reporting.masking import mask_findings, mask_input_text
from .sources import read_text_post
from .sources.errors import InputError

# One row per finding (or per post that could not be linted, with ``rule_id`` "E-INPUT").
COLUMNS: dict[str, str] = {
    "partition": "int64", "row": "int64", "post_id": "string", "source": "string", "rule_id": "string",
    "rule_name": "string", "family": "string", "severity": "string", "line": "int64", "column": "int64",
    "category": "string", "matched_text": "string", "message": "string", "citation": "string",
    "suggestion": "string",
}

_LINTERS: dict[str, tuple[Linter, threading.Lock]] = {}
_GUARD = threading.Lock()


def _worker_linter(settings: Settings) -> tuple[Linter, threading.Lock]:
    """This process's linter for ``settings``, built once."""
    key = canonical(settings)
    with _GUARD:
        if key not in _LINTERS:
            _LINTERS[key] = (Linter(settings), threading.Lock())
        return _LINTERS[key]


def lint_rows(rows: Iterable[Mapping[str, Any]], settings: Settings, *, partition: int = 0, text_field: str = "text",
              id_field: str | None = None, source: str = "<dask>", mask: bool = True) -> list[dict[str, Any]]:
    """Lint one partition's rows (mappings with a text field); the finding rows of :data:`COLUMNS`."""
    linter, lock = _worker_linter(settings)
    posts: list[Post] = []
    ids: dict[int, str] = {}
    out: list[dict[str, Any]] = []
    for number, row in enumerate(rows):
        post_id = str(row.get(id_field, "")) if id_field and isinstance(row, Mapping) else ""
        text = row.get(text_field) if isinstance(row, Mapping) else None
        where = str(row.get("source", source)) if isinstance(row, Mapping) else source
        if not isinstance(text, str):
            reason = row.get("_error") if isinstance(row, Mapping) else None
            out.append(_problem_row(partition, number, post_id, where,
                                    reason or f"row has no text in {text_field!r} (got {type(text).__name__})"))
            continue
        try:
            post = read_text_post(text, settings, display_path=where)
        except InputError as exc:
            out.append(_problem_row(partition, number, post_id, where, str(exc)))
            continue
        posts.append(replace(post, record=number))
        ids[number] = post_id
    if posts:
        with lock:
            report = linter.lint_posts(posts, [settings] * len(posts))
        findings = mask_findings(report.findings) if mask else report.findings
        out.extend(_finding_row(partition, f, ids.get(f.record or 0, "")) for f in findings)
        out.extend(_problem_row(partition, -1, "", p.path, mask_input_text(p.message, {}) if mask else p.message)
                   for p in report.problems)
    return sorted(out, key=lambda r: (r["row"], r["line"], r["column"], r["rule_id"]))


def _finding_row(partition: int, finding: Finding, post_id: str) -> dict[str, Any]:
    suggestion = finding.suggestions[0].description if finding.suggestions else ""
    return {"partition": partition, "row": finding.record or 0, "post_id": post_id, "source": finding.path,
            "rule_id": finding.rule_id, "rule_name": finding.rule_name, "family": finding.family,
            "severity": finding.severity.value, "line": finding.range.line, "column": finding.range.column,
            "category": finding.category, "matched_text": finding.matched_text, "message": finding.message,
            "citation": finding.citation, "suggestion": suggestion}


def _problem_row(partition: int, row: int, post_id: str, source: str, message: str) -> dict[str, Any]:
    return {"partition": partition, "row": row, "post_id": post_id, "source": source, "rule_id": "E-INPUT",
            "rule_name": "input-problem", "family": "input", "severity": "error", "line": 0, "column": 0,
            "category": "INPUT", "matched_text": "", "message": message, "citation": "", "suggestion": ""}


def lint_bag(bag: db.Bag, settings: Settings | None = None, *, text_field: str = "text", id_field: str | None = None,
             mask: bool = True) -> db.Bag:
    """A bag of finding rows for a bag of posts (mappings with ``text_field``), partition by partition."""
    settings = settings or Settings()
    parts = [dask.delayed(lint_rows)(part, settings, partition=i, text_field=text_field, id_field=id_field, mask=mask)
             for i, part in enumerate(bag.to_delayed())]
    return db.from_delayed(parts)


def lint_dataframe(frame: dd.DataFrame, settings: Settings | None = None, *, text_column: str = "text",
                   id_column: str | None = None, mask: bool = True) -> dd.DataFrame:
    """A dataframe of findings (:data:`COLUMNS`) for a dataframe of posts."""
    settings = settings or Settings()

    def one(part: pd.DataFrame, index: int) -> pd.DataFrame:
        rows = lint_rows(part.to_dict("records"), settings, partition=index, text_field=text_column,
                         id_field=id_column, mask=mask)
        return findings_frame(rows)

    parts = [dask.delayed(one)(part, i) for i, part in enumerate(frame.to_delayed())]
    return dd.from_delayed(parts, meta=findings_frame([]), verify_meta=False)


def findings_frame(rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(COLUMNS)).astype(COLUMNS)


def read_posts_bag(paths: Sequence[str], *, text_field: str = "text", blocksize: str = "64MiB") -> db.Bag:
    """JSONL exports as a bag of row mappings (a line that is not a JSON object becomes a problem row);
    each row carries its file as ``source``."""
    def parse(line: str, source: str) -> dict[str, Any]:
        try:
            value = json.loads(line)
        except ValueError as exc:
            return {"source": source, text_field: None, "_error": f"invalid JSON: {exc}"}
        return {**value, "source": source} if isinstance(value, dict) else {"source": source, text_field: None}

    bags = [db.read_text(path, blocksize=blocksize).filter(lambda line: line.strip()).map(parse, source=path)
            for path in paths]
    return db.concat(bags)


def audit(paths: Sequence[str], output: str | Path, *, settings: Settings | None = None, scheduler: str | None = None,
          workers: int = 2, text_field: str = "text", id_field: str | None = None, mask: bool = True) -> int:
    """Lint JSONL exports on a cluster and write the findings table to ``output`` (``.parquet`` or
    ``.jsonl``); returns the number of rows written. A local cluster of ``workers`` processes
    is started unless ``scheduler`` gives the address of a running one."""
    from distributed import Client, LocalCluster

    output = Path(output)
    if output.suffix not in {".parquet", ".jsonl"}:
        raise ValueError(f"output must end in .parquet or .jsonl, not {output.name!r}")
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                   host="127.0.0.1", dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            rows = lint_bag(read_posts_bag(paths, text_field=text_field), settings, text_field=text_field,
                            id_field=id_field, mask=mask)
            table = findings_frame(client.compute(rows).result())
    finally:
        if cluster is not None:
            cluster.close()
    if output.suffix == ".parquet":
        table.to_parquet(output, index=False)
    else:
        table.to_json(output, orient="records", lines=True, force_ascii=False)
    return len(table)

