"""Inline suppressions written as HTML comments, which Markdown and most CMS editors keep
out of the published post.

Forms (selectors are rule ids, id prefixes or family names, comma- or space-separated;
no selector means every rule; text after `` -- `` is a free-form reason)::

    <!-- hclint-disable-next-line PHI001, CLM -->   the next non-blank line
    <!-- hclint-disable-line TONE -->               the comment's own line(s)
    <!-- hclint-disable PHI001 --> ... <!-- hclint-enable PHI001 -->
    <!-- hclint-disable -->                         every rule to the end of the text

Lines are 1-based and counted in the post's original text, as findings are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Suppression
from .sources.lines import LineIndex

_DIRECTIVE = re.compile(
    r"<!--[ \t]*hclint-(?P<verb>disable-next-line|disable-line|disable|enable)(?![\w-])"
    r"[ \t]*:?(?P<body>[^<>\r\n]*?)-->",
    re.IGNORECASE,
)
_SELECTOR = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")


@dataclass(frozen=True)
class _Open:
    selectors: tuple[str, ...]
    first_line: int
    comment_line: int
    comment_column: int


def parse_suppressions(original: str) -> tuple[Suppression, ...]:
    """Every suppression in ``original``, in the order their comments appear."""
    if "hclint-" not in original.lower():
        return ()
    index = LineIndex(original)
    found: list[tuple[int, Suppression]] = []
    open_blocks: list[tuple[int, _Open]] = []
    for match in _DIRECTIVE.finditer(original):
        verb = match["verb"].lower()
        selectors = _selectors(match["body"])
        line, column = index.position(match.start())
        if verb == "disable-line":
            found.append((match.start(), Suppression(selectors, line, line, line, column)))
        elif verb == "disable-next-line":
            target = _next_non_blank_line(original, match.end(), index)
            found.append((match.start(), Suppression(selectors, target, target, line, column)))
        elif verb == "disable":
            open_blocks.append((match.start(), _Open(selectors, line, line, column)))
        else:
            last = line if original[index.line_start(line):match.start()].strip() else line - 1
            still_open: list[tuple[int, _Open]] = []
            for where, block in open_blocks:
                closed, remaining = _close(block.selectors, selectors)
                if closed is not None:
                    end = max(last, block.first_line)
                    found.append((where, Suppression(closed, block.first_line, end, block.comment_line,
                                                     block.comment_column)))
                if remaining:
                    still_open.append((where, _Open(remaining, block.first_line, block.comment_line,
                                                    block.comment_column)))
            open_blocks = still_open
    last_line = index.line_count
    for where, block in open_blocks:
        found.append((where, Suppression(block.selectors, block.first_line, last_line, block.comment_line,
                                         block.comment_column)))
    found.sort(key=lambda item: item[0])
    return tuple(suppression for _, suppression in found)


def _selectors(body: str) -> tuple[str, ...]:
    reason = _REASON.search(body)
    if reason is not None:
        body = body[:reason.start()]
    return tuple(dict.fromkeys(_SELECTOR.findall(body)))


def _close(disabled: tuple[str, ...], enabled: tuple[str, ...]) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """What an enable comment ends of one open block: (closed selectors or None, still disabled).

    An enable naming some rules ends a disable-all block entirely: a suppression cannot say
    "all but", and ending it early reports more rather than hiding more.
    """
    if not enabled or not disabled:
        return disabled, ()
    wanted = {s.upper() for s in enabled}
    closed = tuple(s for s in disabled if s.upper() in wanted)
    remaining = tuple(s for s in disabled if s.upper() not in wanted)
    return (closed or None), remaining


def _next_non_blank_line(text: str, offset: int, index: LineIndex) -> int:
    """The first line after ``offset``'s line with visible text, skipping lines that hold only
    other hclint comments, so that stacked ``disable-next-line`` comments share their target."""
    line = index.position(offset)[0] + 1
    while line <= index.line_count:
        content = text[index.line_start(line):index.line_start(line + 1)]
        if _DIRECTIVE.sub("", content).strip():
            return line
        line += 1
    return line
