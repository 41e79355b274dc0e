"""Posts from exports of many drafts: JSON, JSON Lines and CSV from a CMS or scheduler.

One bad record must not hide the others' findings, so a record that cannot be read is a
one-line problem and reading goes on; only a file that is no export at all is an
:class:`InputError`. Records are numbered from 1 in file order, counting bad ones too, so
that numbers stay stable when a record is fixed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..config import POST_KINDS, Settings
from ..model import Post
from ..suppression import parse_suppressions
from .bounded import BoundExceeded, load_json
from .errors import InputError

EXPORT_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
_SCALARS = (str, int, float, bool, type(None))


@dataclass(frozen=True)
class ExportResult:
    posts: tuple[Post, ...]
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Record:
    number: int
    where: str  # how a problem names the record, e.g. "record 3 (line 5)"
    fields: Mapping[str, Any] | None
    problem: str | None = None


def read_export(text: str, file_format: str, settings: Settings, *, kind: str | None = None,
                display_path: str = "-") -> ExportResult:
    """Posts of an export already decoded to ``text``; ``file_format`` is json, jsonl or csv."""
    readers = {"json": _json_records, "jsonl": _jsonl_records, "csv": _csv_records}
    if file_format not in readers:
        raise ValueError(f"unknown export format {file_format!r}")
    posts: list[Post] = []
    problems: list[str] = []
    for record in readers[file_format](text, settings):
        if record.problem is not None or record.fields is None:
            problems.append(f"{record.where}: {record.problem}")
            continue
        try:
            posts.append(_post(record, settings, kind, display_path, file_format))
        except _RecordProblem as exc:
            problems.append(f"{record.where}: {exc}")
    return ExportResult(tuple(posts), tuple(problems))


@dataclass(frozen=True)
class ExportRows:
    """Every record of an export with all its fields, for a caller that picks the text field itself
    (the ``hclint serve`` page lets the writer choose the column). ``rows`` are ``(number, fields)``
    with ``number`` counted as :func:`read_export` counts records; ``columns`` in first-seen order."""

    rows: tuple[tuple[int, Mapping[str, Any]], ...]
    columns: tuple[str, ...]
    problems: tuple[str, ...] = ()


def export_rows(text: str, file_format: str) -> ExportRows:
    """The records of an export already decoded to ``text`` (json, jsonl or csv), every field kept."""
    readers = {"json": _json_records, "jsonl": _jsonl_records, "csv": _csv_records}
    if file_format not in readers:
        raise ValueError(f"unknown export format {file_format!r}")
    rows: list[tuple[int, Mapping[str, Any]]] = []
    columns: dict[str, None] = {}
    problems: list[str] = []
    for record in readers[file_format](text, None):
        if record.problem is not None or record.fields is None:
            problems.append(f"{record.where}: {record.problem}")
            continue
        rows.append((record.number, MappingProxyType(dict(record.fields))))
        columns.update(dict.fromkeys(record.fields))
    return ExportRows(tuple(rows), tuple(columns), tuple(problems))


class _RecordProblem(Exception):
    pass


def _post(record: _Record, settings: Settings, kind: str | None, display_path: str, file_format: str) -> Post:
    fields = record.fields or {}
    name = settings.text_field
    if fields.get(name) is None:
        raise _RecordProblem(f"no {name!r} field")
    text = fields[name]
    if not isinstance(text, str):
        raise _RecordProblem(f"{name!r} field is a {_json_type(text)}, not text")
    record_kind = _optional_text(fields.get(settings.kind_field))
    if record_kind is not None and record_kind not in POST_KINDS:
        raise _RecordProblem(f"unknown {settings.kind_field} {record_kind!r} (expected one of {', '.join(POST_KINDS)})")
    platform = _optional_text(fields.get(settings.platform_field)) or settings.platform
    metadata = {k: v for k, v in fields.items() if k != name and isinstance(v, _SCALARS)}
    return Post(
        text=text,
        original=text,
        path=display_path,
        kind=kind or record_kind or settings.kind or "post",
        platform=platform,
        record=record.number,
        file_format=file_format,
        metadata=MappingProxyType(metadata),
        suppressions=parse_suppressions(text),
    )


def _optional_text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    value = str(value).strip()
    return value or None


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "list", bool: "boolean", int: "number", float: "number"}
    return names.get(type(value), type(value).__name__)


def _json_problem(exc: json.JSONDecodeError) -> str:
    return f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"


def _json_records(text: str, settings: Settings | None) -> Iterator[_Record]:
    if not text.strip():
        return
    try:
        data = load_json(text)
    except json.JSONDecodeError as exc:
        raise InputError(_json_problem(exc)) from None
    except BoundExceeded as exc:
        raise InputError(f"cannot read: {exc}") from None
    if isinstance(data, Mapping) and isinstance(data.get("posts"), list):
        data = data["posts"]
    if not isinstance(data, list):
        raise InputError(f"expected a list of posts or an object with a \"posts\" list, not a {_json_type(data)}")
    for number, item in enumerate(data, start=1):
        yield _as_record(item, number, f"record {number}")


def _as_record(item: Any, number: int, where: str) -> _Record:
    if not isinstance(item, Mapping):
        return _Record(number, where, None, f"expected an object, got a {_json_type(item)}")
    return _Record(number, where, {str(k): v for k, v in item.items()})


def _jsonl_records(text: str, settings: Settings | None) -> Iterator[_Record]:
    records: list[_Record] = []
    parsed = 0
    number = 0
    # Only "\n" ends a record: JSON strings may hold a raw U+2028, which str.splitlines would split on.
    for line_number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        number += 1
        where = f"record {number} (line {line_number})"
        try:
            item = load_json(line)
        except json.JSONDecodeError as exc:
            records.append(_Record(number, f"line {line_number}", None, f"invalid JSON: {exc.msg}"))
            continue
        except BoundExceeded as exc:
            records.append(_Record(number, where, None, f"not read: {exc}"))
            parsed += 1  # well-formed JSON Lines, just beyond a bound
            continue
        parsed += 1
        records.append(_as_record(item, number, where))
    if records and not parsed:
        first = records[0]
        raise InputError(f"not JSON Lines: {first.where}: {first.problem}")
    yield from records


@contextmanager
def _csv_field_limit(limit: int) -> Iterator[None]:
    """Let the csv module read fields up to ``limit`` characters for the duration of a read.

    Its default (131,072) is far below the file-size limit, and a field over it used to end
    the read; any field of a file small enough to be read is now read, and a long post is
    linted in windows like any other. The limit is process-wide, so it is put back after.
    """
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, limit))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _csv_records(text: str, settings: Settings | None) -> Iterator[_Record]:
    with _csv_field_limit(len(text) + 1):
        yield from _csv_rows(text, settings.text_field if settings is not None else None)


def _csv_rows(text: str, text_field: str | None) -> Iterator[_Record]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(f"invalid CSV header: {exc}") from None
    if header is None:
        return
    header = [name.strip() for name in header]
    if text_field is not None and text_field not in header:
        columns = ", ".join(repr(h) for h in header) or "none"
        raise InputError(f"no {text_field!r} column in the CSV header (columns: {columns}); "
                         "set text-field to the column that holds the post")
    number = 0
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # The reader resumes at the next line, so one bad record costs only itself.
            number += 1
            yield _Record(number, f"record {number} (line {line})", None, f"invalid CSV: {exc}")
            line = reader.line_num + 1
            continue
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        where = f"record {number} (line {start})"
        if len(row) > len(header):
            yield _Record(number, where, None, f"{len(row)} cells but the header has {len(header)} columns")
            continue
        yield _Record(number, where, dict(zip(header, row)))
