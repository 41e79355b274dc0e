"""PHI rules on small cases users rely on: what fires, how severe, why, and what the rewrite is."""

from __future__ import annotations

import pytest
from presidio_analyzer import Pattern, PatternRecognizer

from hcsocial_lint import Linter, Settings, hookimpl
from hcsocial_lint.config import ConfigError, settings_from_table
from hcsocial_lint.fixes import fix_until_stable
from hcsocial_lint.model import Applicability, Severity
from hcsocial_lint.reporting.masking import mask_report
from hcsocial_lint.sources import read_text_post

ORGANISATION = {
    "staff": ["Keisha Moore", "Raj Patel"],
    "facilities": ["Cedar Valley Hospital"],
    "public_figures": ["Serena Williams"],
    "contact": "(555) 010-2000",
}


@pytest.fixture(scope="module")
def org_linter() -> Linter:
    return Linter(settings_from_table({"plugins": False, "organisation": ORGANISATION}))


def phi(report, rule: str | None = None):
    return [f for f in report.findings if f.family == "phi" and (rule is None or f.rule_id == rule)]


def worst(report) -> Severity | None:
    found = [f.severity for f in phi(report)]
    return max(found, key=lambda s: s.rank) if found else None


def fixed(linter: Linter, text: str, kind: str = "post") -> str:
    def lint(current: str):
        post = read_text_post(current, linter.settings, kind=kind)
        return [f for f in linter.lint_posts([post], [linter.settings]).findings if f.family == "phi"]

    outcome = fix_until_stable(text, lint, unsafe=True)
    assert outcome.stable
    return outcome.text


# --------------------------------------------------------------------------- PHI001 disclosure triad


def test_identifier_care_and_health_is_critical(linter):
    report = linter.lint_text("So proud of our patient Emma Lopez, who finished chemo at our clinic!")
    [finding] = phi(report, "PHI001")
    assert finding.severity is Severity.CRITICAL and finding.matched_text == "Emma Lopez"
    assert finding.category == "PERSON"


def test_identifier_and_care_without_health_is_an_error(linter):
    [finding] = phi(linter.lint_text("Congrats to our patient Tyrone on his graduation this weekend!"), "PHI001")
    assert finding.severity is Severity.ERROR


def test_handles_and_hashtag_names_are_identifiers(linter):
    assert phi(linter.lint_text("Shoutout to @mike_runs26 who came in for ACL surgery and just ran his first 10K!"), "PHI001")
    assert phi(linter.lint_text("#PrayersForCaleb Our PICU nurses are by his side tonight."), "PHI001")


def test_a_name_with_health_but_no_care_is_a_warning(linter):
    [finding] = phi(linter.lint_text("Wishing Rosa Delgado a quick recovery after her knee surgery."), "PHI001")
    assert finding.severity is Severity.WARNING


@pytest.mark.parametrize("text", [
    "Shout out to Priya for finishing her last round of physical therapy today!",
    "Down 30 lbs since January and still going. We're so proud of you, Colette!",
    "Thanks for being such a good sport about the stitches, Ollie!",
])
def test_celebrating_or_addressing_a_named_person_in_a_post_about_their_health_is_our_care(linter, text):
    [finding] = phi(linter.lint_text(text), "PHI001")
    assert finding.severity is Severity.CRITICAL
    assert any(e.kind == "relationship" for e in finding.evidence)


@pytest.mark.parametrize("text", [
    "Congratulations to Nadia Brooks, who raised $4,000 for cancer research at our 5K!",
    "Shout out to Theo for running our 5K for cancer research!",
    "Author and stroke survivor Mei Lin will share her story at our spring luncheon.",
])
def test_praise_for_a_cause_a_service_or_a_guest_is_not_care(linter, text):
    assert worst(linter.lint_text(text)) in {None, Severity.INFO, Severity.WARNING}, text


def test_sensitive_category_escalates_and_can_be_turned_off():
    text = "Ethan just finished his first month of therapy for anxiety."
    on = Linter(Settings(plugins=False))
    off = Linter(settings_from_table({"plugins": False, "phi": {"sensitive_escalation": False}}))
    [escalated] = phi(on.lint_text(text), "PHI001")
    [plain] = phi(off.lint_text(text), "PHI001")
    assert escalated.severity is Severity.ERROR and plain.severity is Severity.WARNING
    assert any(e.kind == "sensitive" and e.label == "mental health" for e in escalated.evidence)


def test_tagged_accounts_and_quoted_speech_are_not_patients(linter):
    report = linter.lint_text('"We saw HIV care collapse during COVID-19," says @Winnie_Byanyima. Read more from @WHO.')
    assert worst(report) in {None, Severity.INFO, Severity.WARNING}


def test_staff_roster_removes_the_false_alarm(linter, org_linter):
    # A staff anniversary that mentions the work's health words reads like a patient's story without the roster.
    text = "Congratulations to Keisha Moore on ten years in our infusion center, and thousands of chemo infusions!"
    assert worst(linter.lint_text(text)) in {Severity.ERROR, Severity.CRITICAL}
    assert not phi(org_linter.lint_text(text))


def test_staff_titles_credentials_and_spotlights_are_not_patients(linter):
    for text in (
        "Meet Dr. Maria Chen, who joins our oncology team this month.",
        "Staff spotlight: Keisha Brown, RN, has worked in our NICU for 18 years!",
        "Our respiratory therapist Jamal Price just completed his asthma educator certification.",
        "Thanks to our volunteers Margaret and Earl, who greet visitors at the main entrance.",
    ):
        assert worst(linter.lint_text(text)) in {None, Severity.INFO}, text


def test_public_figures_are_not_patients(linter, org_linter):
    news = "Senator Tom Harlan's public battle with prostate cancer reminds men to get screened."
    assert worst(linter.lint_text(news)) in {None, Severity.INFO}
    configured = "Serena Williams developed blood clots after giving birth; know the warning signs."
    assert worst(org_linter.lint_text(configured)) in {None, Severity.INFO}


def test_a_public_figure_we_treat_is_still_a_disclosure(linter):
    report = linter.lint_text("Senator Tom Harlan was admitted to our ICU last night after a stroke.")
    assert worst(report) is Severity.CRITICAL


def test_the_authors_own_story_is_not_a_disclosure(linter):
    assert not phi(linter.lint_text("My grandmother had breast cancer twice, and that's why I walk every year."))
    assert not phi(linter.lint_text("When my son Jake was born at 30 weeks, I learned what NICU nurses really do."))


@pytest.mark.parametrize("text", [
    "Ask your doctor if you might have diabetes.",
    "Patients with asthma should carry their rescue inhaler at all times.",
    "If your child is admitted to our NICU, you'll get a parent badge.",
    "We do not discuss any patient's condition on social media.",
    "We will never post a photo of a patient without their written permission.",
    "Room 204 of the Education Center hosts our CPR class on Thursday.",
    "Our 100-year-old hospital building is getting a new roof.",
])
def test_negation_hypotheticals_and_education_are_clean(linter, text):
    assert worst(linter.lint_text(text)) in {None, Severity.INFO}, [f.message for f in phi(linter.lint_text(text))]


def test_findings_explain_identifier_health_relationship_recognizer_and_score(linter):
    [finding] = phi(linter.lint_text("So proud of our patient Emma Lopez, who finished chemo at our clinic!"), "PHI001")
    by_kind = {e.kind: e for e in finding.evidence}
    assert by_kind["identifier"].text == "Emma Lopez" and by_kind["identifier"].source
    assert by_kind["identifier"].score is not None and finding.score is not None
    assert by_kind["health"].text == "chemo"
    assert by_kind["relationship"].text == "our patient"
    assert "Emma Lopez" in finding.message and "chemo" in finding.message


def test_masking_shows_the_identifier_type(linter):
    report = mask_report(linter.lint_text("So proud of our patient Emma Lopez, who finished chemo at our clinic!"))
    [finding] = phi(report, "PHI001")
    assert finding.matched_text == "[PERSON]"
    assert "Emma" not in finding.message and all("Emma" not in (e.text or "") for e in finding.evidence)
    assert all("Emma" not in e.replacement for s in finding.suggestions for e in s.edits)


def test_deidentifying_rewrite_is_unsafe_publishable_and_does_not_refire(linter):
    text = "So proud of our patient Emma Lopez, who finished chemo at our clinic this week!\nRing that bell, Emma! #EmmaStrong"
    [finding] = phi(linter.lint_text(text), "PHI001")
    assert {s.applicability for s in finding.suggestions} == {Applicability.UNSAFE, Applicability.DISPLAY}
    result = fixed(linter, text)
    assert result == "So proud of our patient, who finished chemo at our clinic!\nRing that bell!"
    assert not [f for f in phi(linter.lint_text(result)) if f.severity >= Severity.WARNING]


def test_generic_wording_reads_as_a_sentence(linter):
    result = fixed(linter, "Shoutout to @mike_runs26 who came in for ACL surgery and just ran his first 10K!")
    assert result == "Shoutout to one of our patients who came in for ACL surgery and just ran his first 10K!"


# --------------------------------------------------------------------------- PHI006 stories and authorization


def test_patient_story_without_authorization_is_an_error(linter):
    report = linter.lint_text("Patient story: after years of knee pain, Donna chose a knee replacement with our team.")
    [story] = phi(report, "PHI006")
    assert story.severity is Severity.ERROR
    assert any(s.applicability is Applicability.DISPLAY and "hipaa_authorization" in s.description for s in story.suggestions)


def test_authorization_turns_the_story_into_an_info_reminder(linter):
    text = "Patient story: after years of knee pain, Donna chose a knee replacement with our team."
    report = linter.lint_text(text, metadata={"hipaa_authorization": "AUTH-2025-0142"})
    findings = phi(report)
    assert [f.rule_id for f in findings] == ["PHI006"]
    [reminder] = findings
    assert reminder.severity is Severity.INFO
    assert "AUTH-2025-0142" in reminder.message and "Donna" in reminder.message and "knee replacement" in reminder.message
    assert any(e.kind == "authorization" for e in reminder.evidence)


def test_authorization_from_markdown_front_matter(linter):
    text = ("---\nhipaa_authorization_id: HA-88213\n---\n"
            "Meet our Patient of the Month, Isabella! She's been cavity-free for 3 years.\n")
    report = linter.lint_text(text, markdown=True)
    assert {f.severity for f in phi(report)} == {Severity.INFO}


# --------------------------------------------------------------------------- PHI007 details, PHI003 identifiers


def test_room_number_with_a_patient_is_a_detail_finding(linter):
    [finding] = phi(linter.lint_text("Shout-out to the patient in room 412 who taught our night shift cribbage!"), "PHI007")
    assert finding.category == "ROOM_NUMBER" and finding.severity is Severity.ERROR
    assert fixed(linter, "Shout-out to the patient in room 412 who taught our night shift cribbage!") == \
        "Shout-out to the patient who taught our night shift cribbage!"


def test_age_over_89_is_generalised(linter):
    result = fixed(linter, "Our team treated a 92-year-old gardener for a broken hip last week.")
    assert "92" not in result and "an older gardener" in result


def test_record_number_with_care_context_is_an_error_and_alone_a_warning(linter):
    [with_care] = phi(linter.lint_text("Can the family of the ICU patient with MRN 00482217 call us?"), "PHI003")
    [alone] = phi(linter.lint_text("Test label: MRN 00482217"), "PHI003")
    assert with_care.severity is Severity.ERROR and alone.severity is Severity.WARNING
    assert with_care.category == "MEDICAL_RECORD_NUMBER"


def test_the_organisations_own_phone_number_is_not_an_identifier(org_linter):
    assert not phi(org_linter.lint_text("Questions about your bill? Call (555) 010-2000 on weekdays."))


# --------------------------------------------------------------------------- replies


@pytest.mark.parametrize("text", [
    "We're sorry you were unhappy, but your x-rays showed two cavities and your insurance had lapsed.",
    "You were never a patient here.",
    "We have no record of you ever being seen at our clinic.",
    "Your balance of $340 is from your deductible.",
    "We understand this was a stressful time after your miscarriage.",
])
def test_review_reply_confirming_or_denying_care_is_critical(linter, text):
    findings = phi(linter.lint_text(text, kind="review-reply"), "PHI002")
    assert findings and findings[0].severity is Severity.CRITICAL, text


@pytest.mark.parametrize("text", [
    "Thank you for your feedback. We don't discuss individual care online; please call our office.",
    "For privacy reasons we can't confirm or discuss whether you were seen here. Please call us.",
    "We appreciate you taking the time to leave a review. Our patient relations team would like to hear more.",
    "Thanks for the 5 stars!",
])
def test_compliant_review_replies_are_clean(linter, text):
    assert not phi(linter.lint_text(text, kind="review-reply"))


def test_reply_rules_do_not_apply_to_posts(linter):
    assert not phi(linter.lint_text("Your balance can be paid online.", kind="post"))


def test_review_reply_template_uses_the_configured_contact(org_linter):
    text = "Dear Mrs. Kowalski, your insurance denied the claim, not us."
    report = org_linter.lint_text(text, kind="review-reply")
    assert {f.rule_id for f in phi(report)} >= {"PHI002", "PHI004"}
    result = fixed(org_linter, text, kind="review-reply")
    assert result == ("Thank you for your feedback. To protect everyone's privacy, we don't discuss individual care "
                      "online. Please contact our office at (555) 010-2000 so we can hear more.")


def test_custom_reply_template():
    linter = Linter(settings_from_table({"plugins": False, "organisation": ORGANISATION,
                                         "phi": {"reply_template": "Thanks! Please call us{contact}."}}))
    assert fixed(linter, "Thanks for the review, Jamie! Hope the new crown feels good.", kind="review-reply") == \
        "Thanks! Please call us at (555) 010-2000."


def test_naming_the_reviewer_is_critical_and_the_name_can_be_removed(linter):
    [named] = phi(linter.lint_text("Thank you, Brenda! We loved having you.", kind="review-reply"), "PHI004")
    assert named.severity is Severity.CRITICAL and named.category == "PERSON"
    removal = next(s for s in named.suggestions if "Remove the name" in s.description)
    assert [(e.start, e.end, e.replacement) for e in removal.edits] == [(9, 17, "")]


def test_a_name_alone_in_a_comment_reply_is_not_a_disclosure(linter):
    assert not phi(linter.lint_text("Hi Jen! Our visiting hours are 8 a.m. to 8 p.m.", kind="comment-reply"))
    assert phi(linter.lint_text("Hi Tara, we saw you in the ER yesterday!", kind="comment-reply"), "PHI004")


def test_staff_named_in_a_reply_is_not_the_reviewer(linter):
    report = linter.lint_text("Sorry you felt rushed during your appointment with Dr. Chen.", kind="review-reply")
    assert phi(report, "PHI002") and not phi(report, "PHI004")


def test_retaliatory_reply(linter):
    [finding] = phi(linter.lint_text("Please stop posting lies. Our attorney will be in touch.", kind="review-reply"),
                    "PHI005")
    assert finding.severity is Severity.ERROR and finding.suggestions


# --------------------------------------------------------------------------- configuration and plug-ins


@pytest.mark.parametrize(("options", "key"), [
    ({"reply_tmplate": "x"}, "reply_tmplate"),
    ({"min_score": 3}, "min_score"),
    ({"reply_template": "Call {phone}"}, "reply_template"),
    ({"sensitive_escalation": "yes"}, "sensitive_escalation"),
])
def test_invalid_phi_options_are_configuration_errors_naming_the_key(options, key):
    with pytest.raises(ConfigError, match=key):
        Linter(settings_from_table({"plugins": False, "phi": options}))


def test_malformed_organisation_is_a_configuration_error_naming_the_key():
    with pytest.raises(ConfigError, match="organisation.contact"):
        Linter(settings_from_table({"plugins": False, "organisation": {"staff": "Keisha Moore", "contact": 5}}))


class _PortalIdPlugin:
    """A third party's recognizer for its own record-number format, added through the same hook."""

    @hookimpl
    def hclint_recognizers(self, settings):
        pattern = Pattern("riverside-mrn", r"\bRH-\d{7}\b", 0.9)
        return [PatternRecognizer(supported_entity="MEDICAL_RECORD_NUMBER", patterns=[pattern], name="RiversideMrn")]


def test_third_party_recognizer_through_the_hook_is_used():
    text = "The ICU patient RH-1234567 asked us to thank the night nurses."
    plain = Linter(Settings(plugins=False))
    extended = Linter(Settings(plugins=False), extra_plugins=[_PortalIdPlugin()])
    assert not phi(plain.lint_text(text), "PHI003")
    [finding] = phi(extended.lint_text(text), "PHI003")
    assert finding.matched_text == "RH-1234567" and finding.severity is Severity.ERROR
    assert any(e.source == "RiversideMrn" for e in finding.evidence)


def test_pattern_recognizers_still_run_without_a_model(no_model_linter):
    assert phi(no_model_linter.lint_text("Shout-out to the patient in room 412 who taught us cribbage!"), "PHI007")
    assert phi(no_model_linter.lint_text("Sorry your visit ran long, Mrs. Kowalski.", kind="review-reply"), "PHI004")
    assert phi(no_model_linter.lint_text("So proud of our patient Emma Lopez, who finished chemo!"), "PHI001")


# --------------------------------------------------------------------------- roles and cues a privacy officer reads


def test_a_public_figure_we_cared_for_is_our_patient(linter):
    report = linter.lint_text("Our stroke team was able to treat Governor Alma Ruiz on Friday; she is doing well.")
    assert worst(report) is Severity.CRITICAL


def test_names_listed_among_patients_are_patients(linter):
    text = "Patients booked for the methadone clinic on Monday (including Wes and Corey) will be moved to Tuesday."
    assert {f.matched_text for f in phi(linter.lint_text(text), "PHI001")} >= {"Wes", "Corey"}


def test_a_composite_or_made_up_patient_is_not_a_disclosure(linter):
    text = 'Meet "Lena", a composite of many patients we see: she manages her diabetes with diet and walks.'
    assert worst(linter.lint_text(text)) in {None, Severity.INFO}


def test_a_practice_name_is_not_a_patient(linter):
    text = "Please welcome Dr. Ivo Stark, DMD, to Brookside Family Dental! Dr. Stark focuses on implants and crowns."
    assert worst(linter.lint_text(text)) in {None, Severity.INFO}


def test_a_date_about_the_authors_own_relative_is_not_a_detail(linter):
    text = "Thank you for your kind notes. My father died last week after a long fight with COPD."
    assert not phi(linter.lint_text(text), "PHI007")


def test_a_person_addressed_after_a_dash_is_tied_to_second_person_care(linter):
    for text in ("Hi @dev_r88 — your biopsy results are in, please call us.",
                 "Quick note for Mr. Haddad — your refill is ready at the counter."):
        assert worst(linter.lint_text(text)) >= Severity.ERROR, text


@pytest.mark.parametrize("text", [
    "So glad we could squeeze you in on Saturday! Hope the sprained wrist heals fast.",
    "That's why we gave you extra anesthesia last time, Pete!",
    "@jules.k you were our toughest little client this spring!",
])
def test_replies_confirming_scheduling_sedation_or_singling_out_a_client(linter, text):
    kind = "review-reply" if text.startswith("So") else "comment-reply"
    assert phi(linter.lint_text(text, kind=kind), "PHI002"), text


def test_the_practices_own_health_services_are_not_addressed_to_the_commenter(linter):
    text = "Thanks for asking. Our vaccination guidance follows CDC recommendations; you can read it on our site."
    assert not phi(linter.lint_text(text, kind="comment-reply"))


def test_a_spanish_reply_opening_is_not_a_name(linter):
    text = "¡Gracias por su mensaje! Por privacidad no comentamos casos individuales. Llámenos, por favor."
    assert not phi(linter.lint_text(text, kind="review-reply"), "PHI004")


@pytest.mark.parametrize("text", [
    "Our trauma team spent the night with the 17-year-old from Sunday's tractor rollover on Route 9.",
    "The two teens from Westfield Academy hurt in the bus crash are out of surgery tonight.",
    "Our newest patient (reality TV fans, you know who) is healing well after her facelift!",
])
def test_unnamed_patients_singled_out_by_age_event_school_or_a_hint(linter, text):
    assert phi(linter.lint_text(text), "PHI007"), text


def test_a_school_group_at_a_health_class_is_not_a_patient_detail(linter):
    assert not phi(linter.lint_text("Both teens from Ridgeview High School joined our CPR class today."), "PHI007")


def test_a_dotted_handle_is_a_person_not_a_web_address(linter):
    text = "Before & after: two sessions of our laser treatment for @mia.r.glow's rosacea!"
    assert any(f.matched_text == "@mia.r.glow" for f in phi(linter.lint_text(text), "PHI001"))
