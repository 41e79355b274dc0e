"""Python rules of the tone family (the declarative ones live in rules/tone.yaml)."""

from __future__ import annotations


def rules(settings) -> tuple:
    return ()


def recognizers(settings) -> tuple:
    return ()
