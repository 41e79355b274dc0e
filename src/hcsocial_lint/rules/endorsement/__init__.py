"""Python rules of the endorsement family: undisclosed and buried material connections, and
atypical-results testimonials. Pattern-only rules (insider, incentivised and suppressed reviews)
live in rules/endorsement.yaml."""

from __future__ import annotations

from .disclosure import BuriedDisclosure, UndisclosedConnection
from .testimonial import AtypicalResultsTestimonial

RULES = (UndisclosedConnection(), BuriedDisclosure(), AtypicalResultsTestimonial())


def rules(settings) -> tuple:
    return RULES


def recognizers(settings) -> tuple:
    return ()
