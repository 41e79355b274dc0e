"""PHI rules: an identified person tied to health information and to our care of them."""

from __future__ import annotations

from .disclosure import DisclosureTriad, ReviewReplyConfirmsCare

RULES = (DisclosureTriad(), ReviewReplyConfirmsCare())


def rules(settings) -> tuple:
    return RULES


def recognizers(settings) -> tuple:
    return ()
