"""Yes/no flags in a post's front matter (``paid_partnership: true``, ``audience_includes_federal_beneficiaries: no``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def flag(metadata: Mapping[str, Any], key: str) -> bool | None:
    """A yes/no front-matter flag: True, False, or None when absent or unreadable."""
    value = metadata.get(key)
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"true", "yes", "y", "1", "on"}:
            return True
        if lowered in {"false", "no", "n", "0", "off", "none", ""}:
            return False
    return None
