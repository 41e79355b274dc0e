"""Post-level rewrites for a finished report (``--rewrites``).

Rewrites are computed after linting, from the posts' own text read again from their files
(or the stdin draft), never from the report: a report served from the result cache is
masked and carries no raw text, and one linted with ``--jobs`` was produced in other
processes. The rewrite therefore does not depend on either.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Report
from ..sources import read_posts
from ..sources.errors import InputError
from .post import PostRewrite, is_error


def flagged_posts(report: Report) -> list[tuple[str, int | None]]:
    """``(path, record)`` of each post with an error-level finding, in report order."""
    return list(dict.fromkeys((f.path, f.record) for f in report.findings if is_error(f)))


def rewrites_for_report(linter, report: Report, kind: str | None = None,
                        drafts: Mapping[str, tuple[str, bool]] | None = None) -> tuple[PostRewrite, ...]:
    """One :class:`PostRewrite` per flagged post. ``drafts`` maps a display name (such as the
    stdin's) to ``(text, markdown)`` for posts that are not files."""
    drafts = drafts or {}
    out: list[PostRewrite] = []
    by_path: dict[str, list[int | None]] = {}
    for path, record in flagged_posts(report):
        by_path.setdefault(path, []).append(record)
    for path, records in by_path.items():
        if path in drafts:
            text, markdown = drafts[path]
            out.append(linter.rewrite(text, kind=kind, path=path, markdown=markdown))
            continue
        try:
            source = read_posts(path, linter.settings_for(path), kind=kind)
        except (InputError, OSError):
            continue
        wanted = set(records)
        for post in source.posts:
            if post.record in wanted:
                out.append(linter.rewrite(post.original, kind=post.kind, path=path, record=post.record,
                                          markdown=post.file_format == "markdown", metadata=post.metadata))
    return tuple(out)
