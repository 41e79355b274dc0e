"""Blocks of a document: paragraphs and headings, so that a long article is read section by section.

A post is one block. A long Markdown or HTML article is many: a relation between a name and a cue
("testimonials" ten lines below a photo credit) never crosses a paragraph, and a heading ("Quick
Cures", "Utilize Analytics") is a title, not a sentence with people in it. Paragraphs are split on
blank lines and HTML block tags; a heading is a Markdown ``#`` line, an HTML ``<h1>``-``<h6>``, or
a short title-case line with no closing punctuation in a document (several paragraphs, over
``LONG`` characters).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_BREAK = regex.compile(r"\n[ \t]*\n+|</?(?:p|div|section|article|li|ul|ol|br|h[1-6]|blockquote|header|footer)\b[^>]*>",
                       regex.IGNORECASE)
_MARKDOWN_HEADING = regex.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S[^\n]*$", regex.MULTILINE)
_HTML_HEADING = regex.compile(r"<h[1-6]\b[^>]*>(?P<body>.*?)</h[1-6]>", regex.IGNORECASE | regex.DOTALL)
_LINE = regex.compile(r"[^\n]+")
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to vs via with your our".split())


LONG = 600  # characters: a text this long with several paragraphs is read as a document


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    heading: bool = False


def blocks(text: str) -> tuple[Block, ...]:
    """The paragraphs and headings of ``text`` in order; a text with no break is one block."""
    cuts = [0]
    for match in _BREAK.finditer(text):
        cuts += [match.start(), match.end()]
    cuts.append(len(text))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if text[cuts[i]:cuts[i + 1]].strip()]
    headings = _headings(text, len(spans) > 1 and len(text) > LONG)
    found: list[Block] = []
    for start, end in spans:
        # A heading line at the top of a paragraph is a block of its own.
        for hs, he in headings:
            if start <= hs < end:
                if text[start:hs].strip():
                    found.append(Block(start, hs))
                found.append(Block(hs, he, True))
                start = he
        if text[start:end].strip():
            found.append(Block(start, end))
    return tuple(found) or (Block(0, len(text)),)


def _headings(text: str, several_paragraphs: bool) -> list[tuple[int, int]]:
    found = [m.span() for m in _MARKDOWN_HEADING.finditer(text)]
    found += [m.span("body") for m in _HTML_HEADING.finditer(text)]
    if several_paragraphs:
        for line in _LINE.finditer(text):
            if _title_line(line.group(0)) and not any(s <= line.start() < e for s, e in found):
                found.append(line.span())
    return sorted(found)


def _title_line(line: str) -> bool:
    """"Quick Cures", "Utilize Analytics to Reach Patients": a short line of capitalised words."""
    stripped = line.strip().strip("*_")
    if not stripped or stripped[-1] in ".!?,;:\"'\u201d)" or len(stripped) > 80:
        return False
    words = regex.findall(r"[\p{L}][\p{L}'\u2019-]*", stripped)
    if not 1 <= len(words) <= 9:
        return False
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words) and words[0][0].isupper()


def block_of(found: tuple[Block, ...], offset: int) -> Block:
    return next((b for b in found if b.start <= offset < b.end), found[-1])
