"""Python rules of the endorsement family (the declarative ones live in rules/endorsement.yaml)."""

from __future__ import annotations


def rules(settings) -> tuple:
    return ()


def recognizers(settings) -> tuple:
    return ()
