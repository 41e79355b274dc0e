"""Write fixed drafts back without ever leaving a file half-written or clobbered.

A fix rewrites someone's draft in place, so a crash, a full disk or an editor saving at
the same moment must not cost them their text. The new bytes go to a temporary file in
the same directory (same file system, so the final rename is atomic), are flushed to
disk, take the original's permission bits, and only then replace the original. Bytes in,
bytes out: encoding, BOM and line endings are the caller's business and are never
translated here.

A replace gives the path a new inode: hard links to the old file keep the old text, and
owner, ACLs and extended attributes are not carried over. Symlinks are followed, so the
link stays a link and its target receives the new text.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".hclint-tmp"


class FileWriteError(Exception):
    """A file could not be written; the original is untouched. ``str()`` is the one-line reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def _one_line(exc: BaseException) -> str:
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
    return " ".join(text.split())


def _umask() -> int:
    # The only portable way to read the umask is to set it and put it back.
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _mode_for(path: Path, shown: Path | str) -> int:
    """Permission bits the new file should get; refuses targets a plain write could not take."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return 0o666 & ~_umask()
    except OSError as exc:
        raise FileWriteError(shown, f"could not be examined ({_one_line(exc)}); not written") from exc
    if not stat.S_ISREG(info.st_mode):
        raise FileWriteError(shown, "is not a regular file; not written")
    mode = stat.S_IMODE(info.st_mode)
    # os.replace only needs a writable directory, so it would silently overwrite a file
    # the user protected; honour the protection as an ordinary write would.
    if not mode & 0o222 or not os.access(path, os.W_OK):
        raise FileWriteError(shown, "is read-only; not written")
    return mode


def _sync_directory(directory: Path) -> None:
    """Persist the rename itself; best effort, as some systems cannot open directories."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _read_current(path: Path, shown: Path | str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise FileWriteError(shown, "was deleted since it was read; not written") from exc
    except OSError as exc:
        raise FileWriteError(shown, f"could not be re-read ({_one_line(exc)}); not written") from exc


def _check_unchanged(path: Path, shown: Path | str, expected: bytes) -> None:
    if _read_current(path, shown) != expected:
        raise FileWriteError(shown, "changed on disk since it was read; not written")


def _replace(path: Path | str, data: bytes, expected: bytes | None) -> None:
    """Write ``data`` beside the target and rename it over; ``expected`` is re-checked last."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    target = Path(os.path.realpath(path))
    mode = _mode_for(target, path)
    temp_name: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "wb", delete=False, dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX
        ) as temp:
            temp_name = temp.name
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, mode)
        if expected is not None:
            # As late as possible, to keep the window for a concurrent save small.
            _check_unchanged(target, path, expected)
        os.replace(temp_name, target)
        temp_name = None
    except FileWriteError:
        raise
    except Exception as exc:
        raise FileWriteError(path, f"could not be written ({_one_line(exc)}); the file is unchanged") from exc
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
    _sync_directory(target.parent)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace the file at ``path`` (or create it) with exactly ``data``, atomically.

    Readers see the old bytes or the new ones, never a mixture. On failure the temporary
    file is removed and ``FileWriteError`` is raised; the original is left as it was.
    """
    _replace(path, data, None)


def write_if_unchanged(path: Path, expected_original: bytes, data: bytes) -> None:
    """Like :func:`atomic_write_bytes`, but only if the file still holds ``expected_original``.

    The linter read the file, computed fixes, and now writes; if the writer's editor saved
    in between, writing would throw their edit away, so we refuse instead. Writing bytes
    the file already holds is skipped, leaving its timestamp alone.
    """
    target = Path(os.path.realpath(path))
    current = _read_current(target, path)
    if current != expected_original:
        raise FileWriteError(path, "changed on disk since it was read; not written")
    if current == data:
        return
    _replace(path, data, expected_original)
