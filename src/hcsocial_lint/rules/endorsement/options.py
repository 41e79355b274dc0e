"""``[tool.hclint.endorsement]`` options, validated."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...config import Settings

DEFAULT_DISCLOSURE_WINDOW = 125  # characters shown before "more" in an Instagram caption


@dataclass(frozen=True)
class EndorsementOptions:
    disclosure_window: int = DEFAULT_DISCLOSURE_WINDOW


KNOWN_KEYS = ("disclosure_window",)


def parse_endorsement_options(table: Mapping[str, Any]) -> EndorsementOptions:
    """Validate a ``[tool.hclint.endorsement]`` table; a ValueError names the offending key."""
    unknown = sorted(set(table) - set(KNOWN_KEYS))
    if unknown:
        raise ValueError(f"[tool.hclint.endorsement] unknown key '{unknown[0]}' (known: {', '.join(KNOWN_KEYS)})")
    window = table.get("disclosure_window", DEFAULT_DISCLOSURE_WINDOW)
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise ValueError(f"[tool.hclint.endorsement] 'disclosure_window' must be a positive whole number of "
                         f"characters, not {window!r}")
    return EndorsementOptions(window)


def endorsement_options(settings: Settings) -> EndorsementOptions:
    return parse_endorsement_options(settings.family_options("endorsement"))
