"""PHI rules: does a post tie an identifiable person to their health or to our care of them?

Recognizers (``new_recognizers(settings)``) add the Safe Harbor identifiers Presidio lacks; the rules
read one shared assessment of each post (:mod:`.assessment`).
"""

from __future__ import annotations

from .details import LocationTimeDetail
from .disclosure import DisclosureTriad
from .identifier import SafeHarborIdentifier
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


def new_recognizers(settings) -> tuple:
    """New recognizer instances for one Linter (Presidio's registry keeps what it is given).

    Imported here, not at the top: they subclass Presidio's classes, and listing the rules or a
    run served from the result cache must not import Presidio. (Not named ``recognizers``: that
    submodule, once imported, would replace the function on the package.)"""
    from .descriptions import DescribedPersonRecognizer
    from .person_roles import PersonRoleRecognizer
    from .recognizers import recognizers as phi_recognizers

    return (*phi_recognizers(), PersonRoleRecognizer(), DescribedPersonRecognizer())
