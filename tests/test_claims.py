"""Medical-claims family: what users rely on.

Each rule fires on its violation; negated, hedged, asked, quoted and myth-busting sentences
stay clean; approved claims from [tool.hclint.claim] are clean; fixes do what they say and do
not re-trigger; the rules still run without a spaCy model.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from hcsocial_lint import Linter, Settings
from hcsocial_lint.fixes import fix_until_stable
from hcsocial_lint.model import Severity
from hcsocial_lint.sources import read_text_post


def lint(linter: Linter, text: str, kind: str = "post", metadata: dict | None = None, claim_options: dict | None = None):
    settings = linter.settings
    if claim_options is not None:
        settings = replace(settings, families={**settings.families, "claim": claim_options})
    post = read_text_post(text, settings, kind=kind)
    if metadata:
        post = replace(post, metadata={**post.metadata, **metadata})
    return linter.lint_posts([post], [settings])


def claim_ids(report) -> set[str]:
    return {f.rule_id for f in report.findings if f.family == "claim"}


VIOLATIONS = [
    ("CLM001", "This miracle serum erases wrinkles overnight. Available at the front desk.", "post", None),
    ("CLM001", "Lose the back pain for good: instant relief with one adjustment!", "post", None),
    ("CLM002", "Our IV vitamin therapy is completely safe, with zero side effects.", "post", None),
    ("CLM003", "Hyperbaric oxygen therapy heals autism and stroke damage. Now booking sessions.", "post", None),
    ("CLM003", "Our CBD gummies relieve arthritis pain. Use code JOINT15.", "post", None),
    ("CLM004", "Protect your family from COVID-19 with our immune-boosting vitamin drip! $99.", "post", None),
    ("CLM004", "Vitamin C gummies back in stock! #covid19 #coronavirus", "post", None),
    ("CLM005", "Clinically proven to melt belly fat. Book your EMSculpt session today!", "post", None),
    ("CLM005", "9 out of 10 dentists recommend our whitening strips. Shop now.", "post", None),
    ("CLM006", "Our compounded tirzepatide is FDA approved. Order online.", "post", None),
    ("CLM006", "Generic Ozempic is finally here! Start today.", "post", None),
    ("CLM006", "All of our supplements come from an FDA-registered facility.", "post", None),
    ("CLM006", "Our weight-loss injections are FDA approved.", "post", {"product_type": "compounded"}),
    ("CLM007", "Erase frown lines with Botox, now $10 a unit! Book online.", "post", None),
    ("CLM007", "Juvederm restores lost volume for a youthful look.", "post", {"paid_partnership": True}),
    ("CLM008", "Mounjaro for weight loss, now at our pharmacy.", "post", None),
    ("CLM008", "Botox for TMJ and teeth grinding: $12/unit this week.", "post", None),
    ("CLM009", "Our stem cell shots work better than knee surgery.", "post", None),
    ("CLM009", "Ditch your antidepressants and try our mood tea instead.", "post", None),
    ("CLM010", "@sam_k take 1000 mg of vitamin C three times a day and you'll beat it.", "comment-reply", None),
    ("CLM010", "That's definitely shingles. You don't need to see a doctor, just rest.", "comment-reply", None),
    ("CLM011", "Vaccines cause autism. Protect your kids naturally.", "post", None),
    ("CLM012", "Drop 3 dress sizes in 30 days with our lipo shots!", "post", None),
    ("CLM012", "Before and after 4 sessions of microneedling on this client!", "post", {"image": True}),
    ("CLM013", "Our magnesium gummies promote restful sleep. Shop now!", "post", None),
    ("CLM014", "Dr. Ortiz is board eligible in dermatology and sees patients Mondays.", "post", None),
]


@pytest.mark.parametrize(("rule", "text", "kind", "metadata"), VIOLATIONS)
def test_each_rule_fires_on_its_violation(linter, rule, text, kind, metadata):
    assert rule in claim_ids(lint(linter, text, kind, metadata))


CLEAN = [
    # negation
    "There is no cure for the common cold, but rest and fluids help.",
    "No vaccine is 100% effective, but flu shots lower your chance of serious illness.",
    "Supplements don't prevent COVID-19. Vaccination and ventilation help.",
    "No treatment is completely safe; we discuss the risks before every procedure.",
    "Compounded semaglutide is not the same as Ozempic and is not FDA-approved.",
    "Stem cell injections have not been proven to treat autism.",
    # hedges and education
    "Regular exercise may help lower blood pressure. Start with a short walk.",
    "Physical therapy may help some patients avoid knee surgery. Ask your surgeon.",
    "Our cancer center treats patients with surgery, radiation and chemotherapy.",
    "Measles vaccine is about 97% effective after two doses (CDC).",
    # questions
    "Can a supplement cure anxiety? Talk to your doctor first.",
    "Do IV drips boost immunity against the flu? Our pharmacist answers Thursday.",
    # myth-busting and quotes
    "Myth: garlic cures COVID-19. Fact: no food or supplement prevents it.",
    "Red flags in wellness ads: 'cures cancer', 'no side effects', 'doctors don't want you to know'.",
    "It's a myth that the HPV vaccine causes infertility.",
    "Beware of clinics that promise guaranteed results or a miracle cure.",
    # near misses
    "Join our walk to find a cure for Alzheimer's disease!",
    "Guaranteed same-day appointments for sick kids.",
    "Now offering Botox and Dysport at our Northside office, $11 a unit. Call to book.",  # a US price: CLM015 stays quiet
    "Our HydraFacial uses a device cleared by the FDA for cleansing and exfoliation.",
    "Before and after our lobby renovation! New chairs and a kids' corner.",
    "Stem cell transplants are an established treatment for some leukemias.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_negated_hedged_asked_and_myth_busting_posts_stay_clean(linter, text):
    assert claim_ids(lint(linter, text)) == set()


def test_compliant_reply_stays_clean(linter):
    text = "We can't give medical advice here. Please call our nurse line so a clinician can help."
    assert claim_ids(lint(linter, text, kind="comment-reply")) == set()


def test_dosing_in_a_general_post_is_not_individual_advice(linter):
    assert "CLM010" not in claim_ids(lint(linter, "Sunscreen tip: reapply every 2 hours or after swimming."))


APPROVED = {"approved_claims": [{"text": "Clinically proven to reduce the appearance of fine lines in 8 weeks",
                                 "substantiation": "RCT 2023-14, n=120"}]}
CLAIM = "Clinically proven to reduce the appearance of fine lines in 8 weeks. Our night serum is back in stock!"


def test_approved_claim_is_clean_and_unapproved_one_is_not(linter):
    assert {"CLM005", "CLM012"} <= claim_ids(lint(linter, CLAIM))
    assert claim_ids(lint(linter, CLAIM, claim_options=APPROVED)) == set()


def test_approval_covers_only_its_own_wording(linter):
    text = CLAIM + " Studies show it firms sagging skin too!"
    findings = [f for f in lint(linter, text, claim_options=APPROVED).findings if f.rule_id == "CLM005"]
    assert [f.matched_text for f in findings] == ["Studies show"]


def test_approved_claim_matching_ignores_case_spacing_and_punctuation(linter):
    text = "CLINICALLY PROVEN to reduce the appearance of fine-lines in 8 weeks! Shop now."
    assert claim_ids(lint(linter, text, claim_options=APPROVED)) == set()


def test_approval_does_not_waive_risk_information(linter):
    options = {"approved_claims": [{"text": "Botox smooths frown lines", "substantiation": "FDA label"}]}
    assert "CLM007" in claim_ids(lint(linter, "Botox smooths frown lines! Book today.", claim_options=options))


@pytest.mark.parametrize(("options", "key"), [
    ({"approved_claims": [{"text": "Clinically proven"}]}, "approved_claims[0].substantiation"),
    ({"approved_claims": "Clinically proven"}, "approved_claims"),
    ({"approved_claim": []}, "approved_claim"),
])
def test_invalid_claim_options_are_reported_naming_the_key(linter, options, key):
    report = lint(Linter(Settings(plugins=False)), CLAIM, claim_options=options)
    messages = [p.message for p in report.problems]
    assert any("[tool.hclint.claim]" in m and key in m for m in messages), messages


def test_severity_escalates_and_relaxes_with_context(linter):
    hedged = lint(linter, "Our elderberry gummies may help prevent strep throat in kids. Shop now.")
    assert {f.severity for f in hedged.findings if f.rule_id == "CLM003"} == {Severity.ERROR}
    plain = lint(linter, "Our elderberry gummies prevent strep throat in kids. Shop now.")
    assert {f.severity for f in plain.findings if f.rule_id == "CLM003"} == {Severity.CRITICAL}
    diagnosis = lint(linter, "Sounds like you have a sinus infection, feel better!", kind="comment-reply")
    assert {f.severity for f in diagnosis.findings if f.rule_id == "CLM010"} == {Severity.WARNING}


def test_findings_explain_themselves(linter):
    report = lint(linter, "Our NAD+ infusions reverse Parkinson's. Book now.")
    finding = next(f for f in report.findings if f.rule_id == "CLM003")
    labels = {e.label for e in finding.evidence}
    assert {"promoter", "effect", "target (disease)"} <= labels
    assert "promoter 'Our NAD+ infusions', effect 'reverse', target 'Parkinson's'" in finding.message
    assert finding.citation


# ---------------------------------------------------------------------------------------------
# Fixes: applied as --fix --unsafe-fixes would (re-lint until stable), never re-triggering


def fixed(linter: Linter, text: str, rule: str, kind: str = "post", metadata: dict | None = None) -> str:
    def findings(current: str):
        return [f for f in lint(linter, current, kind, metadata).findings if f.rule_id == rule]

    outcome = fix_until_stable(text, findings, unsafe=True)
    assert outcome.stable
    assert findings(outcome.text) == [], f"{rule} fired again on its own fix: {outcome.text!r}"
    return outcome.text


def test_absolute_claim_is_qualified(linter):
    assert fixed(linter, "Permanent results with our peel!", "CLM001") == "Long-lasting results with our peel!"


def test_guaranteed_results_have_no_rewording(linter):
    """"Results that vary with our peel!" read as nonsense: the guarantee is found, with advice only."""
    findings = [f for f in lint(linter, "Guaranteed results with our peel!", "post", None).findings if f.rule_id == "CLM001"]
    assert findings and not any(s.is_fix for f in findings for s in f.suggestions)


def test_safety_absolute_admits_risk(linter):
    result = fixed(linter, "Our filler is risk-free.", "CLM002")
    assert "risk-free" not in result and "lower-risk" in result


def test_disease_claim_becomes_a_service_description(linter):
    result = fixed(linter, "Our ozone therapy cures Lyme disease. Call today!", "CLM003")
    assert result == "We offer ozone therapy. It is not a treatment for any disease. Call today!"


def test_covid_link_is_removed(linter):
    text = "New immune shots in stock. Our immune shots protect you from COVID-19! Book now."
    assert fixed(linter, text, "CLM004") == "New immune shots in stock. Book now."
    assert fixed(linter, "Vitamin C gummies back in stock! #covid19 #wellness", "CLM004") == \
        "Vitamin C gummies back in stock! #wellness"


def test_fda_approved_becomes_the_accurate_status(linter):
    assert fixed(linter, "Our compounded semaglutide is FDA-approved.", "CLM006") == \
        "Our compounded semaglutide is not FDA-approved."
    assert fixed(linter, "Our Morpheus8 device is FDA approved.", "CLM006") == "Our Morpheus8 device is FDA-cleared."


def test_missing_risk_information_gets_a_placeholder_line(linter):
    result = fixed(linter, "Smooth frown lines with Xeomin! $9/unit.", "CLM007")
    assert result.startswith("Smooth frown lines with Xeomin! $9/unit. Important safety information: [")


def test_supplement_gets_the_dshea_disclaimer_and_stays_clean_for_other_claim_rules(linter):
    result = fixed(linter, "Our probiotic supports a balanced gut. Order today!", "CLM013")
    assert result.endswith("not intended to diagnose, treat, cure, or prevent any disease.")
    assert claim_ids(lint(linter, result)) == set()  # the disclaimer's "cure" is not a claim


def test_before_after_fix_is_safe_and_adds_results_vary(linter):
    report = lint(linter, "Before & after 3 sessions of laser resurfacing!", metadata={"image": True})
    finding = next(f for f in report.findings if f.rule_id == "CLM012")
    assert finding.suggestions[0].applicability.value == "safe"
    assert fixed(linter, "Before & after 3 sessions of laser resurfacing!", "CLM012") == \
        "Before & after 3 sessions of laser resurfacing! Individual results vary."


def test_public_advice_reply_is_replaced_by_a_no_advice_template(linter):
    result = fixed(linter, "Take 800 mg of ibuprofen every 6 hours.", "CLM010", kind="comment-reply")
    assert "can't give medical advice" in result


def test_establishment_claim_gets_a_source_placeholder(linter):
    result = fixed(linter, "Clinically proven to firm skin. Shop now!", "CLM005")
    assert result == "Clinically proven to firm skin. [Source: add the study or survey this claim relies on] Shop now!"


# ---------------------------------------------------------------------------------------------
# No-model mode


def test_rules_run_without_a_model(no_model_linter):
    text = ("Our NAD+ drip reverses Parkinson's and protects you from COVID-19. "
            "Guaranteed results, no side effects! Book now.")
    found = claim_ids(no_model_linter.lint_text(text))
    assert {"CLM001", "CLM002", "CLM003", "CLM004"} <= found
    assert not no_model_linter.lint_text(text).problems
    assert claim_ids(no_model_linter.lint_text("There is no cure for the common cold.")) == set()


# Behaviours added after the blind holdout-5 run (general causes, own sentences).
@pytest.mark.parametrize(("rule", "text"), [
    ("CLM003", "Try our new red light beds this month! Book online. #psoriasis #eczema"),
    ("CLM003", "Our peptide protocol is nature's answer to fibromyalgia. Call to book."),
    ("CLM003", "Say it with me: our turmeric capsules starve tumor cells. Shop now."),
    ("CLM003", "Kiss your rosacea goodbye with our herbal blend. Order today."),
    ("CLM004", "Worried about RSV? Our immune IV drips are helping families stay well. Book now."),
    ("CLM004", "Monthly vitamin IVs for the whole family. Join today! #virusseason"),
    ("CLM005", "Trusted by 2,000+ dermatologists. Try our serum today."),
    ("CLM006", "Tirzepatide, the same active ingredient found in Zepbound, compounded for you. Order today."),
    ("CLM007", "Mounjaro lowers A1C. Risks and full prescribing information: link in bio."),
    ("CLM008", "Botox for teeth grinding? Absolutely. Book your jaw consult."),
    ("CLM012", "Before: dull, tired skin. After: glowing! 3 peels with our esthetician."),
    ("CLM012", "One session and you're done with our laser toenail fungus treatment. Call today."),
])
def test_holdout_causes_are_caught(linter, rule, text):
    assert rule in claim_ids(lint(linter, text))


@pytest.mark.parametrize("text", [
    "Compounded tirzepatide is not FDA-approved. Ask our team about FDA-approved options.",
    "Mounjaro lowers A1C. It can cause nausea and carries a boxed warning for thyroid C-cell tumors. Full info: link in bio.",
    "Can a supplement cure the flu? No. Vaccination is the best protection.",
    "Before and after our waiting-room makeover: new chairs and brighter lights!",
    "Our team has served #diabetes patients for 30 years. Learn about our education classes.",
])
def test_holdout_near_misses_stay_clean(linter, text):
    assert not claim_ids(lint(linter, text)) & {"CLM003", "CLM004", "CLM005", "CLM006", "CLM007", "CLM008", "CLM012"}
