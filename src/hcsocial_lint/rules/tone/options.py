"""``[tool.hclint.tone]`` options, validated: the OIG nominal-value limits and the tone threshold.

The OIG's nominal-value figures for gifts to Medicare and Medicaid beneficiaries ($15 per
item, $75 per patient per year, never cash or cash equivalents; OIG Policy Statement of
Dec 7 2016, raised from $10/$50) change from time to time, so they are settings, not
constants buried in a rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...config import Settings

DEFAULT_NOMINAL_ITEM_VALUE = 15.0
DEFAULT_NOMINAL_ANNUAL_VALUE = 75.0
DEFAULT_TONE_THRESHOLD = 0.6


@dataclass(frozen=True)
class ToneOptions:
    nominal_item_value: float = DEFAULT_NOMINAL_ITEM_VALUE
    nominal_annual_value: float = DEFAULT_NOMINAL_ANNUAL_VALUE
    tone_threshold: float = DEFAULT_TONE_THRESHOLD


KNOWN_KEYS = ("nominal_item_value", "nominal_annual_value", "tone_threshold")


def _number(table: Mapping[str, Any], key: str, default: float) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"[tool.hclint.tone] '{key}' must be a number, not {value!r}")
    return float(value)


def parse_tone_options(table: Mapping[str, Any]) -> ToneOptions:
    """Validate a ``[tool.hclint.tone]`` table; a ValueError names the offending key."""
    unknown = sorted(set(table) - set(KNOWN_KEYS))
    if unknown:
        raise ValueError(f"[tool.hclint.tone] unknown key '{unknown[0]}' (known: {', '.join(KNOWN_KEYS)})")
    item = _number(table, "nominal_item_value", DEFAULT_NOMINAL_ITEM_VALUE)
    annual = _number(table, "nominal_annual_value", DEFAULT_NOMINAL_ANNUAL_VALUE)
    threshold = _number(table, "tone_threshold", DEFAULT_TONE_THRESHOLD)
    if item < 0:
        raise ValueError(f"[tool.hclint.tone] 'nominal_item_value' must not be negative, not {item:g}")
    if annual < item:
        raise ValueError(f"[tool.hclint.tone] 'nominal_annual_value' ({annual:g}) must be at least "
                         f"'nominal_item_value' ({item:g})")
    if not 0 < threshold <= 1:
        raise ValueError(f"[tool.hclint.tone] 'tone_threshold' must be greater than 0 and at most 1, not {threshold:g}")
    return ToneOptions(item, annual, threshold)


def tone_options(settings: Settings) -> ToneOptions:
    return parse_tone_options(settings.family_options("tone"))
