"""LineIndex must agree with a naive character walk for every offset, on every line-break style."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hcsocial_lint.sources.lines import LineIndex


def naive_positions(text: str) -> list[tuple[int, int]]:
    """(line, column) of every offset 0..len(text), walking the text one character at a time."""
    positions = []
    line, column = 1, 1
    i = 0
    while i <= len(text):
        positions.append((line, column))
        if i == len(text):
            break
        char = text[i]
        if char == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            positions.append((line, column + 1))  # between \r and \n: still on the same line
            i += 2
            line, column = line + 1, 1
        elif char in "\r\n":
            i += 1
            line, column = line + 1, 1
        else:
            i += 1
            column += 1
    return positions


texts = st.lists(st.sampled_from(["a", "é", "😀", " ", "\n", "\r", "\r\n", "\t"]), max_size=40).map("".join)


@given(texts)
def test_position_matches_naive_walk(text: str) -> None:
    index = LineIndex(text)
    assert [index.position(i) for i in range(len(text) + 1)] == naive_positions(text)


@given(texts)
def test_offset_inverts_position(text: str) -> None:
    index = LineIndex(text)
    for i in range(len(text) + 1):
        assert index.offset(*index.position(i)) == i


def test_each_break_style_counts_once() -> None:
    index = LineIndex("a\r\nb\rc\nd")
    assert index.line_count == 4
    assert index.position(3) == (2, 1)
    assert index.position(5) == (3, 1)
    assert index.position(7) == (4, 1)
    assert index.position(8) == (4, 2)


def test_columns_count_code_points_not_bytes_or_utf16_units() -> None:
    assert LineIndex("😀é x").position(3) == (1, 4)


def test_offset_outside_text_is_an_error() -> None:
    index = LineIndex("abc")
    with pytest.raises(ValueError):
        index.position(4)
    with pytest.raises(ValueError):
        index.position(-1)


def test_offset_clamps_stale_positions() -> None:
    index = LineIndex("ab\ncd")
    assert index.offset(9, 1) == 5
    assert index.offset(2, 99) == 5
    assert index.offset(0, 1) == 0
