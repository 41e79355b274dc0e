"""A progress display for long runs: files, posts and findings so far, on a terminal only.

It appears only when standard error is a terminal and the run has gone on for ``delay``
seconds (a few drafts never see it), writes to standard error (never into a report on
standard output), and disappears when the run ends. ``rich`` draws it.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Any

DEFAULT_DELAY = 2.0


class RunProgress:
    """Call :meth:`update` as batches finish; use as a context manager so the display is removed."""

    def __init__(self, total_files: int, *, stream: IO[str] | None = None, delay: float = DEFAULT_DELAY,
                 enabled: bool | None = None) -> None:
        self.total_files = total_files
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.enabled = _is_terminal(self.stream) if enabled is None else enabled
        self._started_at = time.monotonic()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> RunProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def update(self, files: int, posts: int, findings: int) -> None:
        if not self.enabled:
            return
        if self._progress is None:
            if time.monotonic() - self._started_at < self.delay:
                return
            self._start()
        self._progress.update(self._task, completed=files,
                              description=f"hclint: {posts:,} posts, {findings:,} findings")

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(file=self.stream, force_terminal=True) if self.stream is not sys.stderr else Console(stderr=True)
        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TextColumn("files"), TimeElapsedColumn(), console=console, transient=True)
        self._task = self._progress.add_task("hclint", total=self.total_files or None)
        self._progress.start()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
