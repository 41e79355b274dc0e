"""What of a Markdown or HTML draft is prose, as a same-length view with the rest blanked.

Rules must not flag a URL slug, a code sample or an editor's HTML comment, but every
finding must point at the right line and column of the file and every fix must edit the
file at the same offsets. So non-prose is replaced by spaces instead of being removed,
keeping each ``\\n`` and ``\\r``: offsets, lines and columns of the view are those of the
original. Bare URLs stay visible because a URL can carry a patient identifier.

This is a deliberately small reader, not a CommonMark parser: fenced code, code spans,
HTML comments and tags, link and image targets, reference definitions, autolinks and
YAML front matter. Indented code blocks are not recognised (in social drafts an indented
line is far more often prose than code).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import yaml

from .bounded import BoundExceeded, load_front_matter_yaml
from .errors import InputError

Blank = Callable[[int, int], None]

_BREAK = re.compile(r"\r\n|\r|\n")
_NOT_BREAK = re.compile(r"[^\r\n]+")
_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r|\n)")

_FRONT_OPEN = re.compile(r"\ufeff?---[ \t]*(?:\r\n|\r|\n)")
_FENCE_OPEN = re.compile(r"[ \t>]*(?P<fence>`{3,}|~{3,})(?P<info>[^\r\n]*)")
_BLOCK_COMMENT = re.compile(r"[ \t]*<!--")
_REF_DEF = re.compile(
    r"[ ]{0,3}\[(?!\^)(?:[^\[\]\\\r\n]|\\.){1,999}\]:[ \t]*"
    r"(?:<[^<>\r\n]*>|(?=[^\s]*[/:.#])\S+)"
    r"""(?:[ \t]+(?:"[^"\r\n]*"|'[^'\r\n]*'|\([^()\r\n]*\)))?[ \t]*"""
)

_ESCAPED = r"\\[\s\S]"
_LABEL = rf"(?:[^\[\]\\]|{_ESCAPED}|\[(?:[^\[\]\\]|{_ESCAPED})*+\])*+"
_DEST = rf"(?:<[^<>\r\n]*>|(?:[^\s()\\]|{_ESCAPED}|\((?:[^\s()\\]|{_ESCAPED})*+\))*+)"
_TITLE = rf"""(?:"(?:[^"\\]|{_ESCAPED})*+"|'(?:[^'\\]|{_ESCAPED})*+'|\((?:[^()\\]|{_ESCAPED})*+\))"""
_LINK = re.compile(
    rf"!?\[(?P<label>{_LABEL})\]"
    rf"(?:\(\s*{_DEST}(?:\s+{_TITLE})?\s*\)|\[(?:[^\[\]\\]|{_ESCAPED}){{0,999}}\])"
)
_SPECIAL = re.compile(rf"{_ESCAPED}|`+|<!--|<|!?\[")
_AUTOLINK = re.compile(r"<(?P<scheme>[A-Za-z][A-Za-z0-9+.-]{1,31}:)(?P<rest>[^\s<>]*)>")
_EMAIL_AUTOLINK = re.compile(
    r"<(?P<rest>[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
_VISIBLE_SCHEMES = {"mailto:", "tel:", "sms:"}  # what follows is shown to readers and may identify someone
_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_TAG = re.compile(
    rf"<(?:(?P<open>[A-Za-z][A-Za-z0-9-]*){_ATTRIBUTE}*+\s*(?P<selfclose>/?)>"
    r"|/[A-Za-z][A-Za-z0-9-]*\s*>|![A-Za-z][^<>]*>)"
)
_RAW_TEXT_ELEMENTS = {"script", "style"}


def front_matter(text: str) -> tuple[Mapping[str, Any], int]:
    """YAML front matter as a read-only mapping, and the offset where the body starts (0: none)."""
    span = _front_matter_span(text)
    if span is None:
        return MappingProxyType({}), 0
    yaml_start, yaml_end, end = span
    source = text[yaml_start:yaml_end]
    try:
        data = load_front_matter_yaml(source)
    except yaml.YAMLError as exc:
        raise InputError(f"invalid front matter: {_yaml_problem(exc)}") from None
    except BoundExceeded as exc:
        raise InputError(f"invalid front matter: {exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise InputError(f"invalid front matter: expected 'key: value' lines, got a {_yaml_type(data)}")
    return MappingProxyType({str(k): _plain(v) for k, v in data.items()}), end


def has_front_matter(text: str) -> bool:
    return _front_matter_span(text) is not None


def _front_matter_span(text: str) -> tuple[int, int, int] | None:
    """(YAML start, YAML end, body start) when ``text`` opens with a closed ``---`` block."""
    opening = _FRONT_OPEN.match(text)
    if opening is None:
        return None
    pos = opening.end()
    while pos < len(text):
        content_end, next_line = _line_at(text, pos)
        if text[pos:content_end].rstrip(" \t") in ("---", "..."):
            return opening.end(), pos, next_line
        pos = next_line
    return None


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """PyYAML's multi-line report as one line, with lines counted in the file (YAML starts on line 2)."""
    if not (isinstance(exc, yaml.MarkedYAMLError) and exc.problem):
        return " ".join(str(exc).split())
    message = exc.problem
    if exc.problem_mark is not None:
        message += f" (line {exc.problem_mark.line + 2}, column {exc.problem_mark.column + 1})"
    if exc.context:
        message += f", {exc.context}"
        if exc.context_mark is not None:
            message += f" from line {exc.context_mark.line + 2}"
    return " ".join(message.split())


def _yaml_type(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "plain string"
    return type(value).__name__


def _plain(value: Any) -> Any:
    """YAML dates become ISO strings so metadata stays JSON-serialisable for reporters."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def prose_view(text: str, spans: tuple[tuple[int, int], ...] | None = None) -> str:
    """``text`` with everything but prose replaced by spaces; same length, same line breaks.

    ``spans`` are the text's :func:`non_prose_spans` when the caller already has them."""
    return _apply_blanks(text, list(non_prose_spans(text) if spans is None else spans))


def non_prose_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` spans that :func:`prose_view` blanks, sorted and merged.

    They are what a fix must never touch: front matter, code, markup, link targets. Kept
    as spans because the view alone cannot say where they are (a blanked space or line
    break looks like prose)."""
    ranges: list[tuple[int, int]] = []

    def blank(start: int, end: int) -> None:
        if end > start:
            ranges.append((start, end))

    span = _front_matter_span(text)
    body = 0
    if span is not None:
        body = span[2]
        blank(0, body)
    _scan_blocks(text, body, blank)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def _apply_blanks(text: str, ranges: list[tuple[int, int]]) -> str:
    if not ranges:
        return text
    pieces: list[str] = []
    done = 0
    for start, end in sorted(ranges):
        start = max(start, done)
        if end <= start:
            continue
        pieces.append(text[done:start])
        pieces.append(_NOT_BREAK.sub(lambda m: " " * len(m.group()), text[start:end]))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _line_at(text: str, pos: int) -> tuple[int, int]:
    """(end of the line's content, start of the next line) for the line starting at ``pos``."""
    found = _BREAK.search(text, pos)
    if found is None:
        return len(text), len(text)
    return found.start(), found.end()


@lru_cache(maxsize=64)
def _fence_close(char: str, length: int) -> re.Pattern[str]:
    return re.compile(rf"[ \t>]*{re.escape(char)}{{{length},}}[ \t]*")


def _scan_blocks(text: str, start: int, blank: Blank) -> None:
    """Line-level constructs (fences, reference definitions, multi-line comments); prose between
    them goes to the inline scanner, one region at a time."""
    pos = region = start
    length = len(text)
    no_comment_end = length + 1  # searching for "-->" from here on is known to fail
    while pos < length:
        content_end, next_line = _line_at(text, pos)
        fence = _FENCE_OPEN.match(text, pos, content_end)
        if fence is not None and not (fence["fence"][0] == "`" and "`" in fence["info"]):
            _scan_inline(text, region, pos, blank)
            closing = _fence_close(fence["fence"][0], len(fence["fence"]))
            end = length
            line = next_line
            while line < length:
                line_end, after = _line_at(text, line)
                if closing.fullmatch(text, line, line_end):
                    end = after
                    break
                line = after
            blank(pos, end)
            pos = region = end
            continue
        reference = _REF_DEF.fullmatch(text, pos, content_end)
        if reference is not None:
            _scan_inline(text, region, pos, blank)
            blank(pos, content_end)
            pos = region = next_line
            continue
        comment = _BLOCK_COMMENT.match(text, pos, content_end)
        if comment is not None and comment.end() < no_comment_end:
            close = text.find("-->", comment.end())
            if close == -1:
                no_comment_end = comment.end()
            elif close + 3 > content_end:
                _scan_inline(text, region, pos, blank)
                blank(comment.end() - 4, close + 3)
                region = close + 3
                pos = _line_at(text, region)[1]
                continue
        pos = next_line
    _scan_inline(text, region, length, blank)


class _Paragraphs:
    """Where the paragraph containing an offset ends; code spans and links stop there."""

    def __init__(self, text: str, end: int) -> None:
        self._text, self._end = text, end
        self._from, self._until = -1, -1

    def end_of(self, offset: int) -> int:
        if not (self._from <= offset < self._until):
            found = _BLANK_LINE.search(self._text, offset, self._end)
            self._from, self._until = offset, found.start() if found else self._end
        return self._until


def _scan_inline(text: str, start: int, end: int, blank: Blank) -> None:
    if start >= end:
        return
    paragraphs = _Paragraphs(text, end)
    no_closer: dict[tuple[int, int], int] = {}  # (backticks, bound) -> a search from here on fails
    missing: dict[str, int] = {}  # closing pattern -> a search from here on to ``end`` fails
    pos = start
    while True:
        found = _SPECIAL.search(text, pos, end)
        if found is None:
            return
        token, here = found.group(), found.start()
        pos = found.end()
        if token[0] == "\\":
            continue
        if token[0] == "`":
            bound = paragraphs.end_of(here)
            key = (len(token), bound)
            if no_closer.get(key, end + 1) <= pos:
                continue
            closer = _code_closer(len(token)).search(text, pos, bound)
            if closer is None:
                no_closer[key] = pos
                continue
            blank(here, closer.end())
            pos = closer.end()
        elif token == "<!--":
            close = _find_end(text, "-->", pos, end, missing)
            if close is not None:
                pos = close
            blank(here, pos)
        elif token == "<":
            pos = _markup(text, here, end, blank, missing) or pos
        else:
            link = _LINK.match(text, here, end)
            if link is None:
                continue
            label_start, label_end = link.span("label")
            blank(here, label_start)
            blank(label_end, link.end())
            _scan_inline(text, label_start, label_end, blank)
            pos = link.end()


@lru_cache(maxsize=32)
def _code_closer(length: int) -> re.Pattern[str]:
    return re.compile(rf"(?<!`)`{{{length}}}(?!`)")


def _find_end(text: str, pattern: str, start: int, end: int, missing: dict[str, int]) -> int | None:
    """Where the first match of ``pattern`` ends, remembering failures so that many unclosed
    openers cannot make scanning quadratic."""
    if start >= missing.get(pattern, end + 1):
        return None
    found = re.compile(pattern, re.IGNORECASE).search(text, start, end)
    if found is None:
        missing[pattern] = start
        return None
    return found.end()


def _markup(text: str, here: int, end: int, blank: Blank, missing: dict[str, int]) -> int | None:
    """Blank an autolink or HTML tag at ``here``; return where scanning resumes, or None."""
    link = _AUTOLINK.match(text, here, end)
    if link is not None:
        if link["scheme"].lower() in _VISIBLE_SCHEMES:
            blank(here, link.start("rest"))
            blank(link.end() - 1, link.end())
        else:
            blank(here, link.end())
        return link.end()
    email = _EMAIL_AUTOLINK.match(text, here, end)
    if email is not None:
        blank(here, here + 1)
        blank(email.end() - 1, email.end())
        return email.end()
    tag = _TAG.match(text, here, end)
    if tag is None:
        return None
    stop = tag.end()
    name = (tag["open"] or "").lower()
    if name in _RAW_TEXT_ELEMENTS and not tag["selfclose"]:
        closing = _find_end(text, rf"</{name}\s*>", stop, end, missing)
        if closing is not None:
            stop = closing
    blank(here, stop)
    return stop
