"""Reading a draft from disk without guessing: UTF-8 (or a BOM-declared UTF-16) or a clear error.

A compliance linter that silently mis-decodes a file could miss a patient's name, and a
``--fix`` that rewrote the file in another encoding or with other line endings would make
an unreviewable diff; so the exact encoding, BOM and line endings are recorded here and
:func:`encode_text` reproduces them.
"""

from __future__ import annotations

import codecs
import stat
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from .errors import InputError

BINARY_PROBE_BYTES = 8192

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_FOR = {encoding: bom for bom, encoding in _BOMS}


@dataclass(frozen=True)
class DecodedFile:
    """A decoded draft. ``text`` has no BOM and keeps its line endings exactly."""

    path: str
    text: str
    encoding: str = "utf-8"
    has_bom: bool = False
    newline: str = "\n"


def read_source(path: Path, settings: Settings) -> DecodedFile:
    """Read and decode ``path``; the size limit is checked before any byte is read."""
    display = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file, skipped")
    limit = settings.max_file_bytes
    if info.st_size > limit:
        raise InputError(_too_big(info.st_size, limit))
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:  # the file grew after stat, or it is a pipe
        raise InputError(_too_big(max(len(data), info.st_size), limit, at_least=True))
    return decode_bytes(data, display)


def _too_big(size: int, limit: int, at_least: bool = False) -> str:
    amount = f"at least {size:,}" if at_least else f"{size:,}"
    return f"file is {amount} bytes, over the {limit:,}-byte limit (max-file-bytes); skipped"


def decode_bytes(data: bytes, display_path: str) -> DecodedFile:
    """Decode strictly: a BOM decides UTF-8-sig or UTF-16, otherwise UTF-8 or :class:`InputError`."""
    encoding, bom = "utf-8", b""
    for candidate, name in _BOMS:
        if data.startswith(candidate):
            encoding, bom = name, candidate
            break
    body = data[len(bom):]
    is_utf16 = encoding.startswith("utf-16")
    if not is_utf16 and b"\x00" in body[:BINARY_PROBE_BYTES]:
        raise InputError("binary file, skipped")
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(_decode_problem(exc, codec, len(bom))) from None
    if is_utf16 and "\x00" in text[:BINARY_PROBE_BYTES]:
        raise InputError("binary file, skipped")
    return DecodedFile(display_path, text, encoding, bool(bom), dominant_newline(text))


def _decode_problem(exc: UnicodeDecodeError, codec: str, bom_length: int) -> str:
    offset = exc.start + bom_length
    bad = exc.object[exc.start:exc.end]
    label = codec.upper()
    if not bad:
        return f"cannot decode as {label} (truncated data at offset {offset}); file left untouched"
    what = f"byte 0x{bad[0]:02x}" if len(bad) == 1 else "bytes " + " ".join(f"0x{b:02x}" for b in bad[:4])
    return f"cannot decode as {label} ({what} at offset {offset}); file left untouched"


def dominant_newline(text: str) -> str:
    """The most frequent line ending; ties prefer ``\\n``, then ``\\r\\n``; ``\\n`` when there is none."""
    crlf = text.count("\r\n")
    counts = {"\n": text.count("\n") - crlf, "\r\n": crlf, "\r": text.count("\r") - crlf}
    best = max(counts.values())
    if best == 0:
        return "\n"
    return next(newline for newline, count in counts.items() if count == best)


def encode_text(text: str, like: DecodedFile) -> bytes:
    """Encode ``text`` as ``like`` was stored: same encoding, same BOM (line endings live in ``text``)."""
    codec = "utf-8" if like.encoding == "utf-8-sig" else like.encoding
    bom = _BOM_FOR.get(like.encoding, b"") if like.has_bom else b""
    return bom + text.encode(codec)

