"""Linting batches of posts on several processes, in the order they were read.

The linter is built once (plug-ins, packs, spaCy model) in the parent; worker processes are
forked from it, so they share the loaded model instead of loading their own. Batches are
handed out as they are read, with at most two per worker in flight, so memory stays bounded
on a large export. Reports come back in batch order, so the result is the same whatever the
number of jobs.

Forking a process that has loaded spaCy is safe on Linux; where ``fork`` is not available
(Windows) or not the platform's default (macOS), the batches are linted in this process.
A worker that dies (killed, out of memory) breaks the pool: its batches and the rest are
linted here, and the run goes on.
"""

from __future__ import annotations

import copyreg
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from .config import Settings
from .model import Post, Problem, Report

if TYPE_CHECKING:
    from .linter import Linter

# Read-only mappings (post metadata, finding metrics, settings tables) cross to the workers and back.
def _read_only(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)


copyreg.pickle(MappingProxyType, lambda mapping: (_read_only, (dict(mapping),)))

# Posts read (in bytes of input files) from which ``jobs=None`` uses every core: below it,
# starting workers costs more than it saves.
AUTO_PARALLEL_BYTES = 256 * 1024
IN_FLIGHT_PER_WORKER = 2
EMPTY_REPORT = Report(())


@dataclass(frozen=True)
class Batch:
    """Posts linted together, and the problems met while reading them (reported just before them)."""

    posts: Sequence[Post]
    settings: Sequence[Settings]
    read_problems: Sequence[Problem] = ()
    cached: Sequence[Report] = ()  # results of files served from the result cache


def can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def effective_jobs(jobs: int | None, input_bytes: int = 0) -> int:
    """``jobs`` as asked, capped at the cores there are; ``None`` means every core for large
    inputs (``AUTO_PARALLEL_BYTES`` or more) and one process for a few drafts."""
    cores = os.cpu_count() or 1
    if jobs is None:
        jobs = cores if input_bytes >= AUTO_PARALLEL_BYTES else 1
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    return min(jobs, cores) if can_fork() else 1


_WORKER_LINTER: Linter | None = None  # the parent's linter, inherited by forked workers


def _lint_in_worker(posts: Sequence[Post], settings: Sequence[Settings]) -> Report:
    assert _WORKER_LINTER is not None, "worker started without a linter"
    for configured in {id(s): s for s in settings}.values():
        # Packs of a configuration the parent met after the fork (its problems were reported there).
        _WORKER_LINTER._load_configured_packs(configured)
    return _WORKER_LINTER.lint_posts(posts, settings)


def lint_batches(linter: Linter, batches: Iterable[Batch], jobs: int) -> Iterator[tuple[Batch, Report]]:
    """Each batch with its report, in the order of ``batches``."""
    if jobs <= 1:
        for batch in batches:
            yield batch, linter.lint_posts(batch.posts, batch.settings) if batch.posts else EMPTY_REPORT
        return
    global _WORKER_LINTER
    _WORKER_LINTER = linter
    pending: deque[tuple[Batch, Future[Report] | None]] = deque()
    source = iter(batches)
    broken = False
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for batch in source:
                pending.append((batch, None if broken or not batch.posts else _submit(pool, batch)))
                while len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                    batch_done, report, broken = _collect(linter, pending.popleft(), broken)
                    yield batch_done, report
            while pending:
                batch_done, report, broken = _collect(linter, pending.popleft(), broken)
                yield batch_done, report
    finally:
        _WORKER_LINTER = None


def _submit(pool: ProcessPoolExecutor, batch: Batch) -> Future[Report] | None:
    try:
        return pool.submit(_lint_in_worker, batch.posts, batch.settings)
    except BrokenProcessPool:
        return None


def _collect(linter: Linter, item: tuple[Batch, Future[Report] | None], broken: bool) -> tuple[Batch, Report, bool]:
    batch, future = item
    if not batch.posts:
        return batch, EMPTY_REPORT, broken
    if future is not None:
        try:
            return batch, future.result(), broken
        except BrokenProcessPool:
            broken = True
    return batch, linter.lint_posts(batch.posts, batch.settings), broken
