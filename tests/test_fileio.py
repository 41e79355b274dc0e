"""Writing fixed files: atomic, permission-preserving, never clobbering, bytes untouched."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from hcsocial_lint import fileio
from hcsocial_lint.fileio import FileWriteError, atomic_write_bytes, write_if_unchanged

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and symlinks")


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def no_temp_files(*directories: Path) -> bool:
    return not [p for d in directories for p in d.iterdir() if p.name.endswith(fileio.TEMP_SUFFIX)]


def test_atomic_write_replaces_the_content(tmp_path):
    target = tmp_path / "post.md"
    target.write_bytes(b"A miracle cure!\n")
    atomic_write_bytes(target, b"A treatment that may help.\n")
    assert target.read_bytes() == b"A treatment that may help.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]


def test_atomic_write_creates_a_missing_file(tmp_path):
    target = tmp_path / "new.txt"
    atomic_write_bytes(target, b"hello")
    assert target.read_bytes() == b"hello"


@posix_only
def test_a_new_file_gets_the_usual_umask_permissions_not_the_temp_files(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "new.txt", b"hello")
    finally:
        os.umask(old)
    assert mode_of(tmp_path / "new.txt") == 0o644


@posix_only
@pytest.mark.parametrize("mode", [0o640, 0o600, 0o664, 0o755])
def test_atomic_write_keeps_permission_bits(tmp_path, mode):
    target = tmp_path / "post.md"
    target.write_bytes(b"old")
    target.chmod(mode)
    atomic_write_bytes(target, b"new")
    assert mode_of(target) == mode
    assert target.read_bytes() == b"new"


def test_bytes_are_written_verbatim_crlf_bom_and_all(tmp_path):
    target = tmp_path / "post.txt"
    target.write_bytes(b"old\n")
    data = b"\xef\xbb\xbfA cure?\r\nNo: it may help.\r\n\r\nlone\rcr\xe2\x80\xa8end"
    atomic_write_bytes(target, data)
    assert target.read_bytes() == data
    utf16 = "\ufeffcure\r\n".encode("utf-16-le")
    atomic_write_bytes(target, utf16)
    assert target.read_bytes() == utf16


def test_text_is_refused_the_writer_only_takes_bytes(tmp_path):
    target = tmp_path / "post.txt"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        atomic_write_bytes(target, "new\r\n")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"


def test_failed_replace_leaves_original_identical_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "post.md"
    original = b"\xef\xbb\xbfKeep me\r\nexactly\r\n"
    target.write_bytes(original)

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileWriteError) as caught:
        atomic_write_bytes(target, b"fixed")
    assert target.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]
    message = str(caught.value)
    assert "\n" not in message
    assert "No space left on device" in message and "unchanged" in message
    assert caught.value.path == target
    assert isinstance(caught.value.__cause__, OSError)


def test_failure_while_writing_the_temp_file_is_cleaned_up(tmp_path, monkeypatch):
    target = tmp_path / "post.md"
    target.write_bytes(b"original")

    def broken_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(FileWriteError, match="Input/output error"):
        atomic_write_bytes(target, b"fixed")
    assert target.read_bytes() == b"original"
    assert no_temp_files(tmp_path)


def test_interrupt_cleans_up_and_is_not_disguised(tmp_path, monkeypatch):
    target = tmp_path / "post.md"
    target.write_bytes(b"original")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(target, b"fixed")
    assert target.read_bytes() == b"original"
    assert no_temp_files(tmp_path)


def test_unwritable_directory_is_a_one_line_error(tmp_path):
    with pytest.raises(FileWriteError) as caught:
        atomic_write_bytes(tmp_path / "missing-dir" / "post.md", b"x")
    assert "\n" not in str(caught.value)


@posix_only
def test_read_only_file_is_not_overwritten(tmp_path):
    target = tmp_path / "post.md"
    target.write_bytes(b"protected")
    target.chmod(0o444)
    with pytest.raises(FileWriteError, match="read-only"):
        atomic_write_bytes(target, b"fixed")
    assert target.read_bytes() == b"protected"
    assert no_temp_files(tmp_path)


def test_a_directory_is_not_replaced(tmp_path):
    (tmp_path / "post.md").mkdir()
    with pytest.raises(FileWriteError, match="not a regular file"):
        atomic_write_bytes(tmp_path / "post.md", b"x")
    assert (tmp_path / "post.md").is_dir()


@posix_only
def test_symlink_stays_a_link_and_its_target_is_written(tmp_path):
    real_dir = tmp_path / "real"
    link_dir = tmp_path / "links"
    real_dir.mkdir()
    link_dir.mkdir()
    real = real_dir / "post.md"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = link_dir / "post.md"
    link.symlink_to(os.path.relpath(real, link_dir))
    before = os.readlink(link)

    atomic_write_bytes(link, b"new")

    assert link.is_symlink() and os.readlink(link) == before
    assert real.read_bytes() == b"new"
    assert mode_of(real) == 0o640
    assert no_temp_files(real_dir, link_dir)


@posix_only
def test_chained_symlinks_are_followed_to_the_end(tmp_path):
    real = tmp_path / "real.md"
    real.write_bytes(b"old")
    (tmp_path / "one.md").symlink_to("real.md")
    (tmp_path / "two.md").symlink_to("one.md")
    write_if_unchanged(tmp_path / "two.md", b"old", b"new")
    assert real.read_bytes() == b"new"
    assert (tmp_path / "one.md").is_symlink() and (tmp_path / "two.md").is_symlink()


def test_write_if_unchanged_writes_when_the_file_is_as_read(tmp_path):
    target = tmp_path / "post.md"
    target.write_bytes(b"cure\r\n")
    write_if_unchanged(target, b"cure\r\n", b"may help\r\n")
    assert target.read_bytes() == b"may help\r\n"


def test_write_if_unchanged_refuses_when_the_file_changed(tmp_path):
    target = tmp_path / "post.md"
    target.write_bytes(b"cure\n")
    read = target.read_bytes()
    target.write_bytes(b"cure\nand a line the writer just added\n")  # concurrent edit
    with pytest.raises(FileWriteError) as caught:
        write_if_unchanged(target, read, b"may help\n")
    assert str(caught.value) == "changed on disk since it was read; not written"
    assert target.read_bytes() == b"cure\nand a line the writer just added\n"
    assert no_temp_files(tmp_path)


def test_write_if_unchanged_checks_before_creating_anything(tmp_path, monkeypatch):
    target = tmp_path / "post.md"
    target.write_bytes(b"edited elsewhere\n")

    def no_temp_file(*args, **kwargs):
        raise AssertionError("a temporary file was created for a file that changed")

    monkeypatch.setattr(fileio.tempfile, "NamedTemporaryFile", no_temp_file)
    with pytest.raises(FileWriteError, match="changed on disk"):
        write_if_unchanged(target, b"cure\n", b"edited elsewhere\n")
    assert target.read_bytes() == b"edited elsewhere\n"


def test_write_if_unchanged_rechecks_just_before_replacing(tmp_path, monkeypatch):
    target = tmp_path / "post.md"
    target.write_bytes(b"cure\n")
    real_chmod = os.chmod

    def chmod_then_concurrent_save(path, mode, *args, **kwargs):
        real_chmod(path, mode, *args, **kwargs)
        target.write_bytes(b"saved meanwhile\n")  # lands after the first check

    monkeypatch.setattr(os, "chmod", chmod_then_concurrent_save)
    with pytest.raises(FileWriteError, match="changed on disk"):
        write_if_unchanged(target, b"cure\n", b"may help\n")
    assert target.read_bytes() == b"saved meanwhile\n"
    assert no_temp_files(tmp_path)


def test_write_if_unchanged_refuses_a_deleted_file(tmp_path):
    target = tmp_path / "post.md"
    with pytest.raises(FileWriteError, match="deleted"):
        write_if_unchanged(target, b"cure\n", b"may help\n")
    assert not target.exists()


def test_write_if_unchanged_leaves_identical_content_alone(tmp_path):
    target = tmp_path / "post.md"
    target.write_bytes(b"same")
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    write_if_unchanged(target, b"same", b"same")
    assert target.stat().st_mtime_ns == 1_000_000_000
