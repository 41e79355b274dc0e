"""The organisation's declared kind and country (``[tool.hclint.organisation] kind = "..."``,
``country = "GB"``).

What an organisation is changes what its words mean in law: a health department or agency saying
that vaccines prevent disease, or announcing a recall, teaches; it does not advertise a product
(FTC Act ss.5, 12 reach advertising; 21 U.S.C. 321(g)(1)(B) reaches articles offered for a use).
Where an organisation posts decides what may be advertised at all: prescription-only medicines may
be advertised to the public only in the United States and New Zealand (UK Human Medicines
Regulations 2012 reg. 284; EU Directive 2001/83/EC art. 88; Canada Food and Drug Regulations
C.01.044; Australia Therapeutic Goods Act 1989 s.42DL). ``country`` is an ISO 3166-1 alpha-2 code
("UK" is read as "GB").

Rules read ``organisation_kind(settings)`` and ``organisation_country(settings)``; both values are
validated when the configuration loads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PUBLIC_HEALTH = "public-health"
KINDS = (PUBLIC_HEALTH, "provider", "pharmacy", "seller", "other")
# countries whose law lets prescription-only medicines be advertised to the public (with fair balance)
PRESCRIPTION_ADVERTISING_ALLOWED = frozenset({"US", "NZ"})


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


def parse_country(organisation: Mapping[str, Any]) -> str | None:
    """The validated ``organisation.country`` as an upper-case ISO code (None when not given)."""
    value = organisation.get("country")
    if value is None:
        return None
    code = value.strip().upper() if isinstance(value, str) else ""
    if len(code) != 2 or not code.isalpha():
        raise ValueError(f"organisation.country must be a two-letter ISO 3166-1 code such as US or GB (got {value!r})")
    return "GB" if code == "UK" else code


def organisation_country(settings) -> str | None:
    return parse_country(settings.organisation)
