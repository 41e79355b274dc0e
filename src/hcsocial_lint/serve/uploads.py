"""Files dropped on the page, read in memory only: a draft (.md, .txt) or an export of many posts
(.csv, .jsonl, .json, .xlsx) whose text column is guessed, not asked for.

Nothing is written to disk: the bytes arrive as the request body and are decoded here.
Decoding is the linter's own (:func:`decode_bytes`: a BOM decides UTF-8 or UTF-16, otherwise
strict UTF-8), and exports are read by the linter's own readers (:func:`export_rows`), so a
file reads the same on the page as with ``hclint FILE``.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from ..sources.errors import InputError
from ..sources.exports import export_rows
from ..sources.reading import decode_bytes

DRAFT_SUFFIXES = {".md": True, ".markdown": True, ".txt": False}
EXPORT_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".xlsx": "xlsx"}
ACCEPTED = tuple(sorted({*DRAFT_SUFFIXES, *EXPORT_SUFFIXES}))

# Column names that usually hold the post in CMS and scheduler exports, most telling first.
TEXT_COLUMN_NAMES = ("text", "post", "body", "message", "content", "caption", "copy", "post_text", "full_text",
                     "tweet", "status", "description", "draft")
ID_COLUMN_NAMES = ("id", "post_id", "postid", "post id", "uuid", "guid", "key", "record_id", "external_id", "ref")


class UploadError(ValueError):
    """A file the page cannot read: the message says why, in words for the person who dropped it."""


@dataclass(frozen=True)
class Upload:
    """What a dropped file holds: one draft (``text``) or the rows of an export."""

    name: str
    kind: str  # "draft" or "export"
    text: str | None = None
    markdown: bool = False
    file_format: str | None = None
    columns: tuple[str, ...] = ()
    text_column: str | None = None
    id_column: str | None = None
    rows: tuple[tuple[int, Mapping[str, Any]], ...] = ()
    problems: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        if self.kind == "draft":
            return {"kind": "draft", "name": self.name, "text": self.text, "markdown": self.markdown}
        return {
            "kind": "export", "name": self.name, "format": self.file_format, "columns": list(self.columns),
            "text_column": self.text_column, "id_column": self.id_column,
            "rows": [{"record": number, "fields": dict(fields)} for number, fields in self.rows],
            "problems": list(self.problems),
        }


def read_upload(name: str, data: bytes, *, max_rows: int = 20_000) -> Upload:
    """Read a dropped file from its bytes; :class:`UploadError` says what is wrong with it."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in DRAFT_SUFFIXES and suffix not in EXPORT_SUFFIXES:
        raise UploadError(f"cannot read a {suffix or 'nameless'} file: drop one of {', '.join(ACCEPTED)}")
    if suffix == ".xlsx":
        rows, columns, problems = _xlsx_rows(data, max_rows)
        file_format = "xlsx"
    else:
        try:
            text = decode_bytes(data, name).text
        except InputError as exc:
            problem = str(exc).replace("; file left untouched", "")
            raise UploadError(f"{name}: {problem}; save it as UTF-8 text and drop it again") from None
        if suffix in DRAFT_SUFFIXES:
            return Upload(name, "draft", text=text, markdown=DRAFT_SUFFIXES[suffix])
        file_format = EXPORT_SUFFIXES[suffix]
        try:
            read = export_rows(text, file_format)
        except InputError as exc:
            raise UploadError(f"{name}: {exc}") from None
        if len(read.rows) > max_rows:
            raise UploadError(f"{name}: {len(read.rows)} posts; at most {max_rows} can be checked at once")
        rows = [(number, _scalars(fields)) for number, fields in read.rows]
        columns, problems = list(read.columns), list(read.problems)
    if not rows:
        raise UploadError(f"{name}: no posts found" + (f" ({problems[0]})" if problems else ""))
    text_column = guess_text_column(columns, [fields for _, fields in rows])
    if text_column is None:
        raise UploadError(f"{name}: no column holds text (columns: {', '.join(columns) or 'none'})")
    return Upload(name, "export", file_format=file_format, columns=tuple(columns), text_column=text_column,
                  id_column=guess_id_column(columns, [fields for _, fields in rows], text_column),
                  rows=tuple(rows), problems=tuple(problems))


def _scalars(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Fields the page can show and the report can quote: nested values are left out."""
    return {k: v for k, v in fields.items() if v is None or isinstance(v, (str, int, float, bool))}


def _normal(name: str) -> str:
    return name.strip().lower().replace("-", "_")


def guess_text_column(columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> str | None:
    """The column that most likely holds the posts: a telling name if one holds text, else the
    column of the longest text on average (a post is longer than an id, a date or a platform)."""
    texty = [c for c in columns if _text_share(c, rows) >= 0.5]
    if not texty:
        return None
    by_name = {_normal(c): c for c in texty}
    for name in TEXT_COLUMN_NAMES:
        if name in by_name:
            return by_name[name]
    return max(texty, key=lambda c: _mean_length(c, rows))


def guess_id_column(columns: Sequence[str], rows: Sequence[Mapping[str, Any]], text_column: str) -> str | None:
    """The column that names each post (``id``, ``post_id``, ``...Id``), if there is one; its values must
    be mostly present and distinct."""
    candidates = [c for c in columns if c != text_column]
    by_name = {_normal(c): c for c in candidates}
    named = [by_name[n] for n in ID_COLUMN_NAMES if n in by_name]
    named += [c for c in candidates if _normal(c).endswith(("_id", " id")) and c not in named]
    for column in named:
        values = [r.get(column) for r in rows if r.get(column) not in (None, "")]
        if values and len(values) >= 0.9 * len(rows) and len(set(map(str, values))) == len(values):
            return column
    return None


def _text_share(column: str, rows: Sequence[Mapping[str, Any]]) -> float:
    values = [r.get(column) for r in rows if r.get(column) not in (None, "")]
    if not values:
        return 0.0
    return sum(1 for v in values if isinstance(v, str) and any(ch.isalpha() for ch in v)) / len(values)


def _mean_length(column: str, rows: Sequence[Mapping[str, Any]]) -> float:
    lengths = [len(v) for r in rows if isinstance(v := r.get(column), str)]
    return sum(lengths) / len(lengths) if lengths else 0.0


def _cell(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _xlsx_rows(data: bytes, max_rows: int) -> tuple[list[tuple[int, dict[str, Any]]], list[str], list[str]]:
    """The first worksheet's rows under its first non-empty row (the header), read in memory."""
    from openpyxl import load_workbook  # the serve extra
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise UploadError("not a readable .xlsx workbook (save it from your spreadsheet as .xlsx or .csv)") from None
    try:
        sheet = book.worksheets[0]
        header: list[str] | None = None
        rows: list[tuple[int, dict[str, Any]]] = []
        number = 0
        for values in sheet.iter_rows(values_only=True):
            cells = [_cell(v) for v in values]
            if header is None:
                if any(c not in (None, "") for c in cells):
                    header = [str(c).strip() if c is not None else f"column {i + 1}" for i, c in enumerate(cells)]
                continue
            if not any(c not in (None, "") for c in cells):
                continue
            number += 1
            if number > max_rows:
                raise UploadError(f"more than {max_rows} posts; at most {max_rows} can be checked at once")
            rows.append((number, {h: c for h, c in zip(header, cells) if c is not None}))
        return rows, header or [], []
    finally:
        book.close()
