"""hcsocial-lint: a HIPAA-aware compliance linter for healthcare social-media drafts."""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Settings  # noqa: E402
from .model import (  # noqa: E402
    Applicability,
    Edit,
    Evidence,
    Finding,
    Hit,
    Post,
    Problem,
    Report,
    RuleMeta,
    Severity,
    Suggestion,
)
from .plugins.hookspecs import hookimpl  # noqa: E402



def __getattr__(name: str):
    """``Linter`` is imported on first use: it brings spaCy and Presidio, which ``hclint --version``,
    ``--help`` and the data model do not need (PEP 562)."""
    if name == "Linter":
        from .linter import Linter

        return Linter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Applicability", "Edit", "Evidence", "Finding", "Hit", "Linter", "Post", "Problem", "Report", "RuleMeta",
    "Settings", "Severity", "Suggestion", "hookimpl", "__version__",
]
