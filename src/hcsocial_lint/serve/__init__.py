"""``hclint serve``: a page for the people who write posts, and an HTTP API for their tools.

The HTTP layer needs the optional ``serve`` extra (FastAPI, uvicorn, openpyxl); this package
only imports it in :mod:`.app` and :mod:`.runner`, so the core install works without it and
``hclint serve`` can say in one line how to add it. :mod:`.service` (linting, fixing, reading
uploads) knows nothing of HTTP.
"""

from __future__ import annotations

import importlib

EXTRA_MODULES = ("fastapi", "uvicorn", "openpyxl")
INSTALL_HINT = "`hclint serve` needs the serve extra: pip install 'hcsocial-lint[serve]'"


def missing_extra() -> list[str]:
    """The modules of the ``serve`` extra that cannot be imported (empty when all can)."""
    missing = []
    for name in EXTRA_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    return missing
