"""The organisation's declared kind (``[tool.hclint.organisation] kind = "..."``).

What an organisation is changes what its words mean in law: a health department or agency saying
that vaccines prevent disease, or announcing a recall, teaches; it does not advertise a product
(FTC Act ss.5, 12 reach advertising; 21 U.S.C. 321(g)(1)(B) reaches articles offered for a use).
Rules read ``organisation_kind(settings)``; the value is validated when the configuration loads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PUBLIC_HEALTH = "public-health"
KINDS = (PUBLIC_HEALTH, "provider", "pharmacy", "seller", "other")


def parse_kind(organisation: Mapping[str, Any]) -> str | None:
    """The validated ``organisation.kind`` (None when not given); ValueError naming the key otherwise."""
    value = organisation.get("kind")
    if value is None:
        return None
    if not isinstance(value, str) or value.strip().lower().replace("_", "-") not in KINDS:
        raise ValueError(f"organisation.kind must be one of {', '.join(KINDS)} (got {value!r})")
    return value.strip().lower().replace("_", "-")


def organisation_kind(settings) -> str | None:
    return parse_kind(settings.organisation)


def is_public_health(settings) -> bool:
    return organisation_kind(settings) == PUBLIC_HEALTH
