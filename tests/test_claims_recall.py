"""Claims the first blind run of holdout-5 showed the pack rules (CLM001, CLM002, CLM009, CLM011,
CLM014), CLM010 and CLM013 missing, by general cause, and the look-alikes that must stay clean.
Every sentence here is our own, not a benchmark draft."""

from __future__ import annotations

import pytest

from hcsocial_lint import Linter, Settings
from hcsocial_lint.rules.claims.supplements import DSHEA


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Settings(plugins=False))


def fired(linter: Linter, text: str, kind: str = "post") -> set[str]:
    return {f.rule_id for f in linter.lint_text(text, kind=kind).findings if f.family == "claim"}


CAUGHT = [
    # CLM001: a bare guarantee after the outcome, an outcome guaranteed against a refund
    ("CLM001", "Straighter teeth in six months, guaranteed, or your next tray is free.", "post"),
    ("CLM001", "Pain-free injections. Guaranteed \u2728", "post"),
    ("CLM001", "Guaranteed weight loss or your money back!", "post"),
    # CLM001: permanence in any spelling, and the idioms that promise a condition gone
    ("CLM001", "Our peel clears dark spots forever.", "post"),
    ("CLM001", "Our clients are off their sleep apnea machines for good.", "post"),
    ("CLM001", "Kiss your back pain goodbye after three sessions.", "post"),
    ("CLM001", "Puffy eyes? Gone in 10 days with our eye cream.", "post"),
    ("CLM001", "Our drip has you feeling 100% by lunch.", "post"),
    ("CLM001", "Our coaching program can reverse your fatty liver disease.", "post"),
    # CLM002: side effects with a modifier
    ("CLM002", "All the benefits, without the nasty side effects.", "post"),
    # CLM009: dropping treatment by pronoun, inflected verbs, equivalence, "unlike your doctor"
    ("CLM009", "Blood pressure pills making you tired? Ditch them and try our tea.", "post"),
    ("CLM009", "Your endocrinologist wants you on insulin forever. We want you off it.", "post"),
    ("CLM009", "Our members are ditching their statins thanks to our cleanse.", "post"),
    ("CLM009", "Acupressure lowers blood sugar as well as two medications.", "post"),
    ("CLM009", "Unlike conventional doctors, we look for the root cause.", "post"),
    # CLM011: the classic tropes
    ("CLM011", "The COVID vaccine has been linked to infertility.", "post"),
    ("CLM011", "Whooping cough is just a mild cough for most kids.", "post"),
    ("CLM011", "Ask us about a delayed vaccine schedule for your newborn.", "post"),
    ("CLM011", "Flu shot? Skip it. Elderberry is all you need.", "post"),
    # CLM014: unnamed board, national ranking, a title for a non-physician
    ("CLM014", "Our surgeon is board certified, so you're in good hands.", "post"),
    ("CLM014", "The nation's #1 cosmetic surgeons are in Tampa.", "post"),
    ("CLM014", "Our board-certified cosmetic surgeon is accepting new patients.", "post"),
    # CLM010: regimens without a verb, changing a dose, skipping follow-up, leftover medicine
    ("CLM010", "@maya_r 400 mg of ibuprofen every 8 hours should settle it.", "comment-reply"),
    ("CLM010", "Glad you're doing well, Chris! You can cut your metformin in half now.", "review-reply"),
    ("CLM010", "Thanks for the review! You can skip your follow-up appointment now.", "review-reply"),
    ("CLM010", "@nina_b take the antibiotics you have left over from your last infection.", "comment-reply"),
    # CLM013: benefit stated as a result, "caps", a disclaimer missing a sentence
    ("CLM013", "Biotin gummies = healthier hair and nails. Order online.", "post"),
    ("CLM013", "Our Sleep Caps support a healthy stress response. $18 at the counter.", "post"),
]

CLEAN = [
    ("CLM001", "Satisfaction guaranteed on all our eyewear frames.", "post"),
    ("CLM001", "Guaranteed same-day appointments or your money back.", "post"),
    ("CLM001", "In 1928 penicillin was called a miracle by the doctors who first used it.", "post"),
    ("CLM001", "Welcome to the world, little one! Every birth is the miracle of life.", "post"),
    ("CLM001", "Our transplant cure rates are published every year in our outcomes report.", "post"),
    ("CLM001", "Online stores selling cures for diabetes are breaking the law.", "post"),
    ("CLM009", "Unused pills? Drop them off at our take-back kiosk.", "post"),
    ("CLM009", "Skipping your blood thinner raises stroke risk. Talk to your care team first.", "post"),
    ("CLM009", "Narcan is available without a prescription at our pharmacy.", "post"),
    ("CLM011", "Can the flu shot give you the flu? No: it contains no live virus.", "post"),
    ("CLM011", "Holiday hours: we're on an alternative schedule this week.", "post"),
    ("CLM014", "Dr. Ruiz is a board-certified dermatologist.", "post"),
    ("CLM014", "Board certified by the American Board of Pediatrics, Dr. Cole joins us in May.", "post"),
    ("CLM010", "The usual adult dose on the label is 2 tablets every 6 hours; please ask your pharmacist.",
     "comment-reply"),
    ("CLM010", "Thanks, Sam! Please don't skip your next appointment.", "review-reply"),
    ("CLM010", "The average adult eats 20 grams of fiber a day.", "comment-reply"),
    ("CLM013", "Our porcelain caps strengthen cracked teeth. Book a consult today.", "post"),
    ("CLM013", "Our Vitamin D3 softgels support healthy bones.* Shop now. " + DSHEA, "post"),
]


@pytest.mark.parametrize(("rule", "text", "kind"), CAUGHT)
def test_claim_is_caught(linter, rule, text, kind):
    assert rule in fired(linter, text, kind)


@pytest.mark.parametrize(("rule", "text", "kind"), CLEAN)
def test_look_alike_stays_clean(linter, rule, text, kind):
    assert rule not in fired(linter, text, kind)


def test_partial_dshea_disclaimer_is_completed_not_repeated(linter):
    text = "Our magnesium capsules promote restful sleep. Shop now! *These statements have not been evaluated by the FDA."
    report = linter.lint_text(text)
    finding = next(f for f in report.findings if f.rule_id == "CLM013")
    (edit,) = finding.suggestions[0].edits
    assert edit.replacement == " This product is not intended to diagnose, treat, cure, or prevent any disease."
    assert "CLM013" not in fired(linter, text + edit.replacement)
