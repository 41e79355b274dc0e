"""Offsets to 1-based lines and columns, computed once per text and looked up by bisection.

Every finding needs a position, so building the table is linear and each lookup is
``O(log lines)``. ``\\r\\n``, a lone ``\\r`` and ``\\n`` each count as one line break,
matching how editors and SARIF viewers number lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Line starts of ``text``; columns count code points, as ``model.TextRange`` does."""

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        self._starts: list[int] = [0, *(m.end() for m in _BREAK.finditer(text))]
        self._length = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, column)`` of ``offset``; ``offset == len(text)`` is the end of the last line."""
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside text of length {self._length}")
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """The offset of a 1-based ``(line, column)``, clamped to the text so stale positions stay usable."""
        if line < 1:
            return 0
        if line > len(self._starts):
            return self._length
        return min(self._starts[line - 1] + max(column, 1) - 1, self._length)

    def line_start(self, line: int) -> int:
        return self.offset(line, 1)
