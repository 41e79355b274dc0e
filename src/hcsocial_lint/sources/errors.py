"""The one exception the sources layer raises, so callers can report a file and move on."""

from __future__ import annotations


class InputError(Exception):
    """A file or text that cannot be linted: one line, safe to show without a traceback.

    The message does not repeat the path; callers put the path in front (``Problem``).
    """
