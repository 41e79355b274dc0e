"""Classes of endorsement (END), inducement (INC) and profit-tone (TON) texts, each with near misses
that must stay clean. Every sentence here was written for this file: a class is a kind of sentence,
not a particular post."""

from __future__ import annotations

import pytest

from hcsocial_lint.model import Severity
from hcsocial_lint.sources import read_text_post


def rule_ids(linter, text, at_least=Severity.WARNING):
    post = read_text_post(text, linter.settings)
    return {f.rule_id for f in linter.lint_posts([post], [linter.settings]).findings if f.severity >= at_least}


# --- INC001: an everyday service, membership or outing handed to a patient for choosing us ---------------

@pytest.mark.parametrize("text", [
    "Switch your family's pediatric care to Brookside Kids and enjoy free house cleaning for a month.",
    "Retirees who select Elmwood Internal Medicine receive a free fitness membership for the year.",
    "Register with our geriatric practice and get free weekly meal kits through the spring.",
    "Sign up your mother for Riverbend Home Health and we'll add free laundry service every week.",
    "Transfer your prescriptions to Maple Pharmacy and we'll ship you a $60 Target gift card.",
    "Bring your Medicare card and get free concert tickets with your annual physical.",
])
def test_perks_for_choosing_a_provider_are_gifts(linter, text):
    assert "INC001" in rule_ids(linter, text), text


@pytest.mark.parametrize("text", [
    "Free lunch for all staff on Friday to say thanks for a great quarter!",
    "Our cafeteria serves a free brunch to visiting families every Sunday.",
    "Join our free yoga classes at the community center, open to everyone in town.",
    "Please bring your Medicaid card and a photo ID to your child's physical.",
    "We ship refills to your door at no extra charge; ask the pharmacy team.",
])
def test_perks_not_tied_to_choosing_us_stay_clean(linter, text):
    assert "INC001" not in rule_ids(linter, text), text


# --- INC004: payment to a referral source for each patient or order sent in ------------------------------

@pytest.mark.parametrize("text", [
    "Chiropractors: we pay $75 for every X-ray you send our way.",
    "School counselors, $250 bonus for each student placed in our teen program.",
    "Shelter coordinators: we pay $300 per guest admitted to our inpatient unit.",
    "Have a coworker who needs rehab? Send them our way and we'll treat you to a weekend getaway.",
])
def test_paying_referral_sources_per_patient_is_brokering(linter, text):
    assert "INC004" in rule_ids(linter, text), text


@pytest.mark.parametrize("text", [
    "We donate $5 to the food bank for every flu shot given this month.",
    "Our nurses earn $60 per hour, with a $2,000 bonus for each year of service.",
    "For every patient admitted this winter, we give $1 to the children's fund.",
    "Send your questions our way and our pharmacists will answer them live on Thursday.",
])
def test_payments_with_no_patient_sent_in_stay_clean(linter, text):
    assert "INC004" not in rule_ids(linter, text), text


# --- A denied or refused offer, connection or review request is none --------------------------------------

@pytest.mark.parametrize(("text", "rule"), [
    ("Zero sponsorships and no affiliate codes here. This is simply the blood pressure cuff our nurses use.",
     "END001"),
    ("Thank you for recommending us! We don't give rewards for referrals, but we appreciate every one.", "INC004"),
    ("Q: Can you waive my copay? A: No. Federal rules require us to collect copays and deductibles.", "INC003"),
    ("Do you waive deductibles? Nope, we're required to bill them; ask about financial assistance.", "INC003"),
    ("We never waive copays, but payment plans are available.", "INC003"),
    ("Team note: feel free to repost our hiring ads, but please don't leave reviews of the clinic yourselves.",
     "END005"),
    ("Free car-seat installation checks at our east entrance Sunday, done by trained technicians.", "END005"),
])
def test_denied_offers_and_connections_stay_clean(linter, text, rule):
    assert rule not in rule_ids(linter, text), text


@pytest.mark.parametrize(("text", "rule"), [
    ("Use my affiliate link in bio for 20% off this collagen!", "END001"),
    ("We never pay for referrals. Refer a friend and get a $25 gift card!", "INC004"),
    ("Worried about your copay? We waive it for every new patient!", "INC003"),
    ("Can we waive your copay? Yes! Every patient pays $0 out of pocket here.", "INC003"),
    ("Check in on Yelp at our front desk and get a free smoothie!", "END005"),
])
def test_offers_beside_a_denial_still_count(linter, text, rule):
    assert rule in rule_ids(linter, text), text
