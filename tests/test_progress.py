"""The progress display: on a terminal, after a delay, on standard error only (issue #11)."""

from __future__ import annotations

import io

from click.testing import CliRunner

from hcsocial_lint.cli import main
from hcsocial_lint.progress import RunProgress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_run_on_a_terminal_shows_files_posts_and_findings():
    stream = _Terminal()
    with RunProgress(4, stream=stream, delay=0) as shown:
        shown.update(2, 130, 7)
        shown.update(4, 260, 9)
    drawn = stream.getvalue()
    assert "260 posts, 9 findings" in drawn and "4/4" in drawn


def test_nothing_is_shown_before_the_delay_or_off_a_terminal():
    quick = _Terminal()
    with RunProgress(4, stream=quick, delay=60) as shown:
        shown.update(4, 10, 1)
    assert quick.getvalue() == ""
    piped = io.StringIO()
    with RunProgress(4, stream=piped, delay=0) as shown:
        shown.update(4, 10, 1)
    assert piped.getvalue() == ""


def test_machine_readable_output_has_no_progress(tmp_path):
    (tmp_path / "a.txt").write_text("Our tea cures the flu.", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json", "--no-plugins", "--model", "none"])
    assert result.output.lstrip().startswith("{")
