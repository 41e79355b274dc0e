"""``[tool.hclint.phi]`` options, validated: an unknown or mistyped key is an error naming it."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from .rewrite import DEFAULT_REPLY_TEMPLATE

AUTHORIZATION_KEYS = ("hipaa_authorization", "hipaa_authorization_id")
# A record that says the authorization is not (or no longer) in force: revoked or withdrawn (45 CFR 164.508(b)(5)),
# expired, or asked for and not yet signed. "signed: not yet, form emailed", "status: revoked 2026-11-30", "ref: none".
# Verbal or oral consent is no authorization either: one must be written and signed (45 CFR 164.508(c)(1)(vi)).
_NOT_IN_FORCE = regex.compile(r"\b(?:revok\w*|withdr[ae]wn?|rescinded|expired|pending|awaiting|requested|declined|refused|"
                              r"unsigned|not\s+(?:yet\s+)?(?:signed|received|returned|on file)|not yet|no signature|"
                              r"verbal(?:ly)?\s+(?:ok|okay|consent|permission|agreement|approval|only|yes)|oral(?:ly)?\s+(?:consent|permission|only)|"
                              r"(?:agreed|consented|approved|said yes|ok(?:'|a)y?ed)\s+(?:verbally|orally|over the phone|by phone|in person)|"
                              r"no written (?:form|authori[sz]ation|consent|release)|not in writing)\b",
                              regex.IGNORECASE)
_NO_VALUE = regex.compile(r"\s*(?:none|no|n/?a|tbd|-+|false|0)?\s*", regex.IGNORECASE)
# A signature field that answers no before saying more: "no — verbal OK only", "No, form sent Friday".
_SIGNED_NO = regex.compile(r"\s*(?:no|none|false|n)\s*(?:[-\u2013\u2014,;:(/]|$)", regex.IGNORECASE)
_SCOPE_IN_TEXT = regex.compile(r"\b(?:only|not covered|covers|scope)\b", regex.IGNORECASE)
_SCOPE_IN_REFERENCE = regex.compile(r"\((?P<scope>[^()]*\b(?:only|name|photo|first|scope|covers)\b[^()]*)\)", regex.IGNORECASE)


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


# Fields of an authorization record that say whether one is in force at all.
_IN_FORCE_FLAGS = ("on_file", "signed", "valid", "in_force", "active", "obtained", "written")


def _record(metadata: Mapping[str, Any]) -> Any:
    for key in AUTHORIZATION_KEYS:
        value = metadata.get(key)
        if value not in (None, "", False):
            return value
    return None


def authorization(metadata: Mapping[str, Any]) -> str | None:
    """The draft's HIPAA authorization reference from front matter, if any that is in force."""
    value = _record(metadata)
    if value is None or authorization_not_in_force(metadata) is not None:
        return None
    return str(value)


def authorization_not_in_force(metadata: Mapping[str, Any]) -> str | None:
    """What in the recorded authorization says it is not in force ("revoked by patient 2026-11-30", "signed: not
    yet"; a record whose reference and signature are both empty), or None when nothing does."""
    value = _record(metadata)
    if value is None:
        return None
    expired = _expired(metadata, value)
    if expired is not None:
        return expired
    if isinstance(value, Mapping):
        fields = {str(k).lower(): v for k, v in value.items()}
        for key in _IN_FORCE_FLAGS:  # "{on_file: false}", "{signed: no}", "{valid: false}": the record says there is none
            said = fields.get(key)
            if said is False or isinstance(said, str) and said.strip().lower() in {"false", "no", "none", "n"}:
                return f"{key}: {said}"
        if isinstance(fields.get("scope"), str) and fields["scope"].strip().lower() in {"none", "nothing", "n/a"}:
            return f"scope: {fields['scope']}"
        for key in ("status", "signed", "ref", "reference", "id", "revoked", "note"):
            said = fields.get(key)
            if key == "revoked" and said not in (None, "", False, "no"):
                return f"revoked: {said}"
            if isinstance(said, str) and _NOT_IN_FORCE.search(said):
                return f"{key}: {said}"
            if key == "signed" and isinstance(said, str) and _SIGNED_NO.match(said):
                return f"signed: {said}"
        if "signed" in fields or "ref" in fields:
            signed, reference = fields.get("signed"), fields.get("ref", fields.get("reference"))
            if all(v is None or v is False or isinstance(v, str) and _NO_VALUE.fullmatch(v) for v in (signed, reference)):
                return f"signed: {signed}, ref: {reference}"
        return None
    text = str(value)
    return text if _NOT_IN_FORCE.search(text) or _NO_VALUE.fullmatch(text) else None


# An expiry date the record gives: a field ("expires: 2026-10-31") or words in it ("...; expires 2026-10-31").
_EXPIRY_KEYS = ("expires", "expiry", "expiration", "expires_on", "expiration_date", "valid_until", "valid_through")
_EXPIRY_IN_TEXT = regex.compile(r"\b(?:expir(?:es|y|ation|ed)|valid (?:until|through|thru))\W{0,3}(?:on\W+)?(?P<date>\d{4}-\d{2}-\d{2})",
                                regex.IGNORECASE)
# The post's own date, where the front matter gives one; else the authorization is read as of today.
_POST_DATE_KEYS = ("date", "publish_date", "post_date", "scheduled", "scheduled_for", "publish_at")


def _as_date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    match = regex.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value)) if value is not None else None
    if match is None:
        return None
    try:
        return _dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def _first_date(values) -> _dt.date | None:
    """The first of ``values`` that reads as a date, or None."""
    return next((d for d in map(_as_date, values) if d is not None), None)


def _expired(metadata: Mapping[str, Any], value: Any) -> str | None:
    """"expires 2026-10-31" on an authorization read for a post of a later date: it has lapsed (an authorization
    must carry an expiration date or event, 45 CFR 164.508(c)(1)(v), and is void after it, 164.508(b)(2)(i))."""
    expiry = None
    if isinstance(value, Mapping):
        fields = {str(k).lower(): v for k, v in value.items()}
        expiry = _first_date(fields.get(k) for k in _EXPIRY_KEYS)
        texts = [v for v in fields.values() if isinstance(v, str)]
    else:
        texts = [str(value)]
    if expiry is None:
        found = next((m for t in texts for m in [_EXPIRY_IN_TEXT.search(t)] if m), None)
        expiry = _as_date(found.group("date")) if found else None
    if expiry is None:
        return None
    on = _first_date(metadata.get(k) for k in _POST_DATE_KEYS) or _dt.date.today()
    return f"expired {expiry.isoformat()}" if expiry < on else None


def authorization_scope(metadata: Mapping[str, Any]) -> str | None:
    """What the recorded authorization says it covers (``hipaa_authorization: {ref: ..., scope: ...}``, or a
    reference with its scope in brackets: "AUTH-0311 (first name and photo only)"), lower case, or None when the
    record gives no scope."""
    value = _record(metadata)
    if isinstance(value, Mapping) and value.get("scope") not in (None, "", []):
        scope = value["scope"]
        return "; ".join(map(str, scope)).lower() if isinstance(scope, (list, tuple)) else str(scope).lower()
    if isinstance(value, str):
        bracketed = _SCOPE_IN_REFERENCE.search(value)
        if bracketed:
            return bracketed.group("scope").lower()
        if _SCOPE_IN_TEXT.search(value):  # "signed 2026-10-02 for name and photo only; diagnosis not covered"
            return value.lower()
    return None
