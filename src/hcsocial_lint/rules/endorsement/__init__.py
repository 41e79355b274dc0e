"""Python rules of the endorsement family: undisclosed and buried material connections, seller-run rankings,
atypical-results testimonials, review incentives and review gating. Pattern-only rules (insider
reviews, review suppression) live in rules/endorsement.yaml."""

from __future__ import annotations

from .disclosure import BuriedDisclosure, UndisclosedConnection
from .experts import ExpertOrCelebrityEndorsement
from .insiders import SolicitedEndorsement
from .rankings import SellerRanking
from .reviews import IncentivisedReview, ReviewGating
from .testimonial import AtypicalResultsTestimonial

RULES = (UndisclosedConnection(), BuriedDisclosure(), AtypicalResultsTestimonial(), IncentivisedReview(),
         ReviewGating(), SolicitedEndorsement(), ExpertOrCelebrityEndorsement(), SellerRanking())


def rules(settings) -> tuple:
    return RULES


def new_recognizers(settings) -> tuple:
    return ()
