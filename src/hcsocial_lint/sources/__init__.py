"""Turning files and stdin into :class:`~hcsocial_lint.model.Post` objects.

The format is chosen by extension: Markdown, MDX and HTML get a prose view (code, markup
and link targets blanked) and their front matter as metadata; JSON, JSON Lines and CSV
exports give one post per record; anything else is plain text. Every post carries the
inline suppressions found in its original text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..config import POST_KINDS, Settings
from ..model import EMPTY_MAPPING, Post
from ..suppression import parse_suppressions
from .errors import InputError
from .exports import EXPORT_FORMATS, ExportResult, read_export
from .markdown import front_matter, has_front_matter, non_prose_spans, prose_view
from .reading import DecodedFile, decode_bytes, encode_text, read_source

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdx"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
LINTABLE_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES | {".txt", ".json", ".jsonl", ".csv"}
PROSE_FORMATS = frozenset({"markdown", "html"})

__all__ = [
    "DecodedFile", "ExportResult", "InputError", "LINTABLE_SUFFIXES", "SourceResult", "decode_bytes",
    "encode_text", "file_format_for", "front_matter", "prose_view", "read_posts", "read_source",
    "read_text_post",
]


@dataclass(frozen=True)
class SourceResult:
    """What one file gave: its decoded form (for ``--fix``), its posts, and per-record problems."""

    decoded: DecodedFile | None
    posts: tuple[Post, ...]
    problems: tuple[str, ...] = ()


def file_format_for(path: Path | str) -> str:
    """``markdown``, ``html``, ``json``, ``jsonl``, ``csv`` or ``text``, from the extension."""
    suffix = Path(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return EXPORT_FORMATS.get(suffix, "text")


def read_posts(path: Path | str, settings: Settings, kind: str | None = None,
               display_path: str | None = None) -> SourceResult:
    """Read one file into posts. Raises :class:`InputError` when the file as a whole is unusable."""
    path = Path(path)
    display = display_path or str(path)
    decoded = replace(read_source(path, settings), path=display)
    if kind is not None:
        _check_kind(kind, "kind")
    file_format = file_format_for(path)
    if file_format in EXPORT_FORMATS.values():
        result = read_export(decoded.text, file_format, settings, kind=kind, display_path=display)
        return SourceResult(decoded, result.posts, result.problems)
    if not decoded.text:
        return SourceResult(decoded, ())
    post = read_text_post(decoded.text, settings, kind=kind, display_path=display, file_format=file_format)
    return SourceResult(decoded, (post,))


def read_text_post(text: str, settings: Settings, kind: str | None = None, display_path: str = "-",
                   file_format: str = "text") -> Post:
    """One draft from a string (stdin, an API call, a re-lint during ``--fix``).

    ``markdown`` and ``html`` get the prose view; plain text whose first lines are valid
    front matter is read as Markdown too, since pasted drafts often carry it.
    """
    if kind is not None:
        _check_kind(kind, "kind")
    metadata: Mapping[str, Any] = EMPTY_MAPPING
    if file_format not in PROSE_FORMATS and has_front_matter(text):
        try:
            metadata = front_matter(text)[0]
            file_format = "markdown"
        except InputError:
            pass  # a "---" divider in a plain post, not front matter
    elif file_format in PROSE_FORMATS:
        metadata = front_matter(text)[0]
    protected = non_prose_spans(text) if file_format in PROSE_FORMATS else ()
    view = prose_view(text, protected) if file_format in PROSE_FORMATS else text
    front_kind = metadata.get("kind")
    if front_kind is not None:
        _check_kind(front_kind, "front matter 'kind'")
    platform = metadata.get("platform")
    if platform is not None and not isinstance(platform, str):
        raise InputError(f"front matter 'platform' must be text, not {platform!r}")
    return Post(
        text=view,
        original=text,
        path=display_path,
        kind=kind or front_kind or settings.kind or "post",
        platform=platform or settings.platform,
        file_format=file_format,
        metadata=metadata,
        suppressions=parse_suppressions(text),
        protected=protected,
    )


def _check_kind(value: Any, what: str) -> None:
    if value not in POST_KINDS:
        raise InputError(f"{what} must be one of {', '.join(POST_KINDS)}, not {value!r}")
