"""Python rules of the tone family: pressure selling, crisis selling, fear appeals, the tone score, and patient
inducements (gifts, contests, cost-sharing waivers, referral rewards, free-service lures).
Pattern-only rules live in rules/tone.yaml."""

from __future__ import annotations

from .crisis import CrisisSelling
from .fear import FearSelling
from .free_services import FreeServiceLure
from .gifts import ClinicalPrizeContest, PatientGift
from .referrals import ReferralReward
from .procedures import PrescriptionMedicineCode, ProcedureTravelPackage, TimeLimitedProcedureOffer
from .score import SalesDrivenTone
from .urgency import PressureUrgency
from .waivers import CostSharingWaiver

RULES = (
    PressureUrgency(), CrisisSelling(), SalesDrivenTone(), FearSelling(),
    PatientGift(), ClinicalPrizeContest(), CostSharingWaiver(), ReferralReward(), FreeServiceLure(),
    ProcedureTravelPackage(), TimeLimitedProcedureOffer(), PrescriptionMedicineCode(),
)


def rules(settings) -> tuple:
    return RULES


def new_recognizers(settings) -> tuple:
    return ()
