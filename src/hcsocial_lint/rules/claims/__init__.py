"""Python rules of the claims family; the pattern-only ones live in rules/claims.yaml.

CLM001 absolute efficacy, CLM002 safety absolutes, CLM009 superiority over conventional care,
CLM011 anti-vaccine framing and CLM014 credentials are rule packs (data). The rules here need
logic: a disease, a claim word and an unapproved product together (CLM003, CLM004), a missing
source or risk statement (CLM005, CLM007, CLM013), what "FDA approved" describes (CLM006),
product-to-use tables (CLM008), who is being addressed (CLM010), advice against
established treatment read on the parse (CLM017), and approved claims from
``[tool.hclint.claim]``.
"""

from __future__ import annotations

from .advice import PublicMedicalAdvice
from .consumer_medicines import PrescriptionOnlyAdvertised, WeightLossClaim
from .disease import DiseaseClaimUnapproved, OutbreakClaim
from .evidence import ResultsTimelinePromise, UnsubstantiatedEstablishment
from .fda_status import FdaStatusMisuse
from .prescription import OffLabelPromotion, RxFairBalance
from .supplements import SupplementDisclaimer
from .treatment import TreatmentDiscouraged

RULES = (
    DiseaseClaimUnapproved(),
    OutbreakClaim(),
    UnsubstantiatedEstablishment(),
    FdaStatusMisuse(),
    RxFairBalance(),
    OffLabelPromotion(),
    PublicMedicalAdvice(),
    ResultsTimelinePromise(),
    SupplementDisclaimer(),
    PrescriptionOnlyAdvertised(),
    WeightLossClaim(),
    TreatmentDiscouraged(),
)


def rules(settings) -> tuple:
    return RULES


def new_recognizers(settings) -> tuple:
    return ()
