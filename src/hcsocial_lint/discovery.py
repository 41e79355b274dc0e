"""Which files a run lints: the paths given, folders walked for drafts, each file once.

A file is left out when it matches an ``--exclude`` glob or the ``exclude`` patterns of the
configuration that governs it (gitignore syntax, relative to that configuration file's
folder); this holds for files named on the command line too, so that a pre-commit hook,
which names every file, honours them. Files found by walking a folder are also left out
when they are hidden or ignored by a ``.gitignore`` (unless ``respect-gitignore = false``);
a file named explicitly is linted even when git ignores it. ``.gitignore`` files
count from the top of the git repository (the nearest folder above with a ``.git``) down,
or from the walked folder down outside a repository, the deepest one deciding, as in git.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path

import pathspec

from .config import ConfigError, Settings
from .model import Problem
from .sources import LINTABLE_SUFFIXES

# (path, is_dir, walked root or None when named explicitly) -> leave it out?
Skip = Callable[[Path, bool, Path | None], bool]


@dataclass(frozen=True)
class Discovery:
    """The files to lint, in a stable order and each once, and the arguments that named nothing."""

    files: tuple[Path, ...]
    problems: tuple[Problem, ...] = ()


def discover(paths: Sequence[str], exclude: Sequence[str] = (),
             settings_for: Callable[[Path], Settings] | None = None) -> Discovery:
    """Expand command-line ``paths`` (not ``-``) into files.

    An empty argument is an error, not "the current folder": a script whose variable came out
    empty must not lint (and with ``--fix`` rewrite) everything below it."""
    problems: list[Problem] = []
    roots: list[Path] = []
    for raw in paths:
        if not raw.strip():
            problems.append(Problem(repr(raw), "empty path argument; name a file or folder ('.' for the current folder)"))
        elif not os.path.lexists(raw):
            problems.append(Problem(raw, "no such file or directory"))
        else:
            roots.append(Path(raw))
    skip = _Exclusions(settings_for or (lambda _path: Settings()))
    return Discovery(tuple(iter_files(roots, exclude, skip)), tuple(problems))


def iter_files(paths: Iterable[Path | str], exclude: Sequence[str] = (), skip: Skip | None = None) -> Iterator[Path]:
    """Files to lint: given files as they are, folders searched recursively for drafts.

    Hidden folders are skipped; ``exclude`` holds glob patterns matched against the name and
    the trailing parts of each path (``archive``, ``drafts/old``, ``*.csv``); ``skip`` is
    asked about every file and folder met while walking. Folder contents come in sorted
    order, and no file is yielded twice, however it is named (``a.md``, ``./a.md``,
    ``d/../a.md``, an absolute path, a symbolic link)."""
    patterns = tuple(p.rstrip("/") for p in exclude if p.strip("/"))
    seen: set[str] = set()
    for raw in paths:
        root = Path(raw)
        if _globbed(root, patterns):
            continue
        if root.is_dir():
            found = sorted(_walk(root, patterns, skip), key=lambda p: p.parts)
        elif skip and skip(root, False, None):
            continue
        else:
            found = [root]
        for file in found:
            key = _identity(file)
            if key not in seen:
                seen.add(key)
                yield file


def _identity(path: Path) -> str:
    try:
        return os.path.normcase(str(path.resolve()))
    except (OSError, RuntimeError):  # a symlink loop: fall back to the spelling
        return os.path.normcase(os.path.abspath(path))


def _walk(root: Path, patterns: tuple[str, ...], skip: Skip | None) -> Iterator[Path]:
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError:
            continue  # unreadable folder: nothing in it can be linted either
        for entry in listed:
            path = folder / entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if not entry.name.startswith(".") and not _globbed(path, patterns) and not (skip and skip(path, True, root)):
                    pending.append(path)
            elif (Path(entry.name).suffix.lower() in LINTABLE_SUFFIXES and not _globbed(path, patterns)
                  and not (skip and skip(path, False, root))):
                yield path


def _globbed(path: Path, patterns: tuple[str, ...]) -> bool:
    if not patterns:
        return False
    parts = [p for p in path.parts if p not in (".", "")]
    tails = ["/".join(parts[i:]) for i in range(len(parts))]
    return any(fnmatch(tail, pattern) for pattern in patterns for tail in tails)


@lru_cache(maxsize=256)
def _spec(lines: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _relative(path: Path, base: Path, is_dir: bool) -> str | None:
    try:
        relative = path.resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError):
        return None
    return relative + "/" if is_dir else relative


class _Exclusions:
    """The configuration's ``exclude`` and the ``.gitignore`` files, asked per walked path."""

    def __init__(self, settings_for: Callable[[Path], Settings]) -> None:
        self._settings_for = settings_for
        self._gitignores: dict[Path, pathspec.GitIgnoreSpec | None] = {}

    def __call__(self, path: Path, is_dir: bool, root: Path | None) -> bool:
        try:
            settings = self._settings_for(path)
        except ConfigError:
            return False  # the broken configuration is reported when its files are linted
        if self._configured(path, is_dir, settings):
            return True
        return root is not None and settings.respect_gitignore and self._gitignored(path, is_dir, root)

    @staticmethod
    def _configured(path: Path, is_dir: bool, settings: Settings) -> bool:
        if not settings.exclude:
            return False
        base = Path(settings.config_path).parent if settings.config_path else Path.cwd()
        relative = _relative(path, base, is_dir)
        return relative is not None and _spec(settings.exclude).match_file(relative)

    def _gitignored(self, path: Path, is_dir: bool, root: Path) -> bool:
        top = _repository_top(root.resolve()) or root.resolve()
        folder = path.resolve().parent
        while True:
            spec = self._gitignore(folder)
            if spec is not None:
                relative = _relative(path, folder, is_dir)
                verdict = spec.check_file(relative).include if relative else None
                if verdict is not None:
                    return verdict
            if folder == top or folder.parent == folder:
                return False
            folder = folder.parent

    def _gitignore(self, folder: Path) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._gitignores:
            try:
                lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                lines = None
            self._gitignores[folder] = _spec(tuple(lines)) if lines else None
        return self._gitignores[folder]


@lru_cache(maxsize=256)
def _repository_top(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None
