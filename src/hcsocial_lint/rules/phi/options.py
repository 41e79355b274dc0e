"""``[tool.hclint.phi]`` options, validated: an unknown or mistyped key is an error naming it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .rewrite import DEFAULT_REPLY_TEMPLATE

AUTHORIZATION_KEYS = ("hipaa_authorization", "hipaa_authorization_id")


@dataclass(frozen=True)
class PhiOptions:
    """What a team can tune.

    - ``reply_template``: the reply offered for a review or comment reply; ``{contact}`` becomes
      " at <organisation.contact>".
    - ``min_score``: identifiers scoring below this (Presidio's 0..1 confidence) are not used.
    - ``sensitive_escalation``: raise a finding one level for mental health, substance use,
      HIV/STI, reproductive or genetic information (default true).
    """

    reply_template: str = DEFAULT_REPLY_TEMPLATE
    min_score: float = 0.4
    sensitive_escalation: bool = True


KNOWN_KEYS = {"reply_template", "min_score", "sensitive_escalation"}


def options_from(table: Mapping[str, Any]) -> PhiOptions:
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ValueError(f"[tool.hclint.phi]: unknown key '{unknown[0]}' (known: {', '.join(sorted(KNOWN_KEYS))})")
    template = table.get("reply_template", DEFAULT_REPLY_TEMPLATE)
    if not isinstance(template, str) or not template.strip():
        raise ValueError("[tool.hclint.phi]: 'reply_template' must be a non-empty string")
    try:
        template.format(contact="")
    except (KeyError, IndexError, ValueError) as exc:
        raise ValueError(f"[tool.hclint.phi]: 'reply_template' may only use {{contact}} ({exc})") from None
    score = table.get("min_score", 0.4)
    if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 1:
        raise ValueError("[tool.hclint.phi]: 'min_score' must be a number between 0 and 1")
    escalate = table.get("sensitive_escalation", True)
    if not isinstance(escalate, bool):
        raise ValueError("[tool.hclint.phi]: 'sensitive_escalation' must be true or false")
    return PhiOptions(template.strip(), float(score), escalate)


def authorization(metadata: Mapping[str, Any]) -> str | None:
    """The draft's HIPAA authorization reference from front matter, if any."""
    for key in AUTHORIZATION_KEYS:
        value = metadata.get(key)
        if value not in (None, "", False):
            return str(value)
    return None


def authorization_scope(metadata: Mapping[str, Any]) -> str | None:
    """What the recorded authorization says it covers (``hipaa_authorization: {ref: ..., scope: ...}``), lower
    case, or None when the record gives no scope."""
    for key in AUTHORIZATION_KEYS:
        value = metadata.get(key)
        if isinstance(value, Mapping) and value.get("scope") not in (None, "", []):
            scope = value["scope"]
            return "; ".join(map(str, scope)).lower() if isinstance(scope, (list, tuple)) else str(scope).lower()
    return None
