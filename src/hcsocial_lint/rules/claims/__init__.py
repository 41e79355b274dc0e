"""Python rules of the claims family (the declarative ones live in rules/claims.yaml)."""

from __future__ import annotations


def rules(settings) -> tuple:
    return ()


def recognizers(settings) -> tuple:
    return ()
