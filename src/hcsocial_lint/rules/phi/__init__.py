"""PHI rules: does a post tie an identifiable person to their health or to our care of them?

Recognizers (``recognizers(settings)``) add the Safe Harbor identifiers Presidio lacks; the rules
read one shared assessment of each post (:mod:`.assessment`).
"""

from __future__ import annotations

from .details import LocationTimeDetail
from .disclosure import DisclosureTriad
from .identifier import SafeHarborIdentifier
from .person_roles import PersonRoleRecognizer
from .recognizers import recognizers as _recognizers
from .replies import ReviewReplyConfirmsCare, ReviewReplyNamesReviewer, ReviewReplyRetaliatory
from .story import PatientStoryWithoutAuthorization

RULES = (
    DisclosureTriad(),
    ReviewReplyConfirmsCare(),
    SafeHarborIdentifier(),
    ReviewReplyNamesReviewer(),
    ReviewReplyRetaliatory(),
    PatientStoryWithoutAuthorization(),
    LocationTimeDetail(),
)


def rules(settings) -> tuple:
    return RULES


def recognizers(settings) -> tuple:
    """New recognizer instances for one Linter (Presidio's registry keeps what it is given)."""
    return (*_recognizers(), PersonRoleRecognizer())
