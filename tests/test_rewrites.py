"""Post-level rewrites (issue #13): articles, grammar repair, strategy per finding, prose boundary."""

from __future__ import annotations

import pytest

from hcsocial_lint.language.articles import article_for, article_repairs
from hcsocial_lint.model import Edit
from hcsocial_lint.rewriting.grammar import apply_tracked, tidy


@pytest.mark.parametrize("word, article", [
    ("MRI", "an"), ("UTI", "a"), ("hour", "an"), ("user", "a"), ("FDA", "an"), ("one", "a"),
    ("appointment", "an"), ("patient", "a"), ("8-week", "an"), ("10-day", "a"), ("X-ray", "an"), ("COVID", "a"),
])
def test_article_by_sound(word, article):
    assert article_for(word) == article


def test_article_repairs_keep_case():
    assert article_repairs("An patient and a MRI.") == [(0, 2, "A"), (15, 16, "an")]


def test_tidy_only_near_the_edit():
    text = "iphone users  love it. Our clinic is open.  See you soon. a nice day"
    rewritten, bounds = apply_tracked(text, [Edit(23, 44, "")])
    assert tidy(rewritten, bounds) == "iphone users  love it. See you soon. a nice day"


def test_tidy_capitalises_and_fixes_article_after_a_drop():
    text = "Thanks! Jane Roe was in bed 4. we saw a elderly visitor today."
    rewritten, bounds = apply_tracked(text, [Edit(8, 31, "")])
    assert tidy(rewritten, bounds) == "Thanks! We saw an elderly visitor today."


@pytest.fixture(scope="module")
def linter():
    from hcsocial_lint import Linter

    return Linter()


def test_clean_post_has_no_rewrite(linter):
    result = linter.rewrite("Flu shots are available at both clinics this week. No appointment needed.")
    assert result.status == "clean" and result.text is None


PHI_REWRITE = "Happy 80th birthday to our patient, who finished chemo! We are proud of our oncology nurses."


def test_phi_generalises_the_person_and_drops_the_singling_out_detail(linter):
    """The name and the date of care go; the sentence about the care stays (issue #13, part 2)."""
    draft = ("Happy 80th birthday to our patient Rosalind Pemberton, who finished chemo today! "
             "We are proud of our oncology nurses.")
    result = linter.rewrite(draft)
    assert result.status == "rewritten"
    assert result.text == PHI_REWRITE
    assert not result.safe


def test_undisclosed_endorsement_gets_ad_at_the_start_as_a_safe_fix(linter):
    result = linter.rewrite("Loving my new serum from BrightSkin Labs! Use code BRIGHT15 for 15% off.")
    assert result.status == "rewritten" and result.safe
    assert result.text == "#ad Loving my new serum from BrightSkin Labs! Use code BRIGHT15 for 15% off."


def test_negated_status_is_not_forced_after_a_determiner(linter):
    result = linter.rewrite("Our capsules are made in an FDA-approved lab so you know they work. "
                            "Our front desk has sample packs for every visitor.")
    assert result.status == "rewritten"
    assert "not FDA" not in result.text and "a not" not in result.text
    assert result.text == "Our front desk has sample packs for every visitor."


def test_a_bare_call_to_action_left_alone_is_not_a_post(linter):
    result = linter.rewrite("Our capsules are made in an FDA-approved lab so you know they work. Book now.")
    assert result.status == "advice" and result.text is None


def test_no_honest_rewrite_is_advice_only(linter):
    result = linter.rewrite("Pain-free in two visits with our spinal decompression!")
    assert result.status == "advice" and result.text is None and result.reasons


MARKDOWN = ("---\ntitle: cures\n---\nOur IV drip cures hangovers in 30 minutes. Walk-ins welcome every Saturday.\n\n"
            "```\ncures hangovers\n```\n\nSee [how our drip cures hangovers](https://example.org/cures-hangovers).\n")


def test_rewrite_never_edits_front_matter_code_or_urls(linter):
    result = linter.rewrite(MARKDOWN, markdown=True)
    assert result.status == "rewritten"
    assert result.text.startswith("---\ntitle: cures\n---\n")
    assert "```\ncures hangovers\n```" in result.text
    assert "(https://example.org/cures-hangovers)" in result.text


@pytest.mark.parametrize("prose", [
    "Our IV drip cures hangovers in 30 minutes. Walk-ins welcome.",
    "Happy birthday to our patient Rosalind Pemberton in room 12! Thanks to the team.",
    "Loving my new serum from BrightSkin Labs! Use code BRIGHT15.",
])
def test_property_protected_text_survives_the_rewrite(linter, prose):
    """Whatever the prose, the front matter, code block and link target come back byte for byte."""
    front, code, link = "---\nslug: a-b\nnote: cures\n---\n", "\n\n```\nroom 12 cures\n```\n", "\n\n[site](https://ex.org/x)\n"
    draft = front + prose + code + link
    result = linter.rewrite(draft, markdown=True)
    text = result.text if result.text is not None else draft
    assert text.startswith(front) and code in text and text.endswith(link)


# --- the report: --rewrites in every format, with --jobs and with the result cache ---------------------

import json

from click.testing import CliRunner

from hcsocial_lint.cli import main

PHI_DRAFT = ("Happy 80th birthday to our patient Rosalind Pemberton, who finished chemo today! "
             "We are proud of our oncology nurses.\n")
AD_DRAFT = "Loving my new serum from BrightSkin Labs! Use code BRIGHT15 for 15% off.\n"


@pytest.fixture
def drafts(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.txt").write_text(PHI_DRAFT, encoding="utf-8")
    (folder / "b.md").write_text("---\ntitle: serum\n---\n" + AD_DRAFT, encoding="utf-8")
    (folder / "c.txt").write_text("Flu shots are available at both clinics this week.\n", encoding="utf-8")
    return folder


def _rewrites(output: str) -> dict:
    return {r["path"].rsplit("/", 1)[-1]: r for r in json.loads(output)["rewrites"]}


def test_json_rewrites_are_the_same_with_jobs_and_with_the_cache(drafts, tmp_path):
    runner = CliRunner()
    base = ["check", str(drafts), "--no-plugins", "--format", "json", "--rewrites", "--exit-zero"]
    plain = runner.invoke(main, [*base, "--no-cache"])
    parallel = runner.invoke(main, [*base, "--no-cache", "--jobs", "2"])
    cache = ["--cache-dir", str(tmp_path / "cache")]
    cold = runner.invoke(main, [*base, *cache])
    warm = runner.invoke(main, [*base, *cache])  # served from the masked cache: no raw text in it
    expected = _rewrites(plain.output)
    assert expected["a.txt"]["text"] == PHI_REWRITE + "\n"
    assert expected["b.md"]["text"] == "---\ntitle: serum\n---\n#ad " + AD_DRAFT
    assert expected["b.md"]["safe"] is True and "c.txt" not in expected
    for run in (parallel, cold, warm):
        assert _rewrites(run.output) == expected


def test_json_with_rewrites_matches_the_schema_and_masking_withholds_the_text(drafts):
    jsonschema = pytest.importorskip("jsonschema")
    from hcsocial_lint.reporting.json_report import load_report_schema

    result = CliRunner().invoke(main, ["check", str(drafts), "--no-plugins", "--no-cache", "--format", "json",
                                       "--rewrites", "--mask"])
    data = json.loads(result.output)
    jsonschema.validate(data, load_report_schema())
    assert data["rewrites"] and all(r["text"] is None for r in data["rewrites"])


def test_sarif_carries_post_rewrites(drafts):
    result = CliRunner().invoke(main, ["check", str(drafts), "--no-plugins", "--no-cache", "--format", "sarif",
                                       "--rewrites", "--no-mask"])
    post_rewrites = json.loads(result.output)["runs"][0]["properties"]["postRewrites"]
    assert {r["status"] for r in post_rewrites} == {"rewritten"}


def test_text_output_shows_the_rewrite_under_the_post(drafts):
    result = CliRunner().invoke(main, ["check", str(drafts / "a.txt"), "--no-plugins", "--no-cache", "--rewrites"])
    assert "suggested rewrite of the post" in result.output
    assert "    " + PHI_REWRITE in result.output


def test_stdin_fix_with_rewrites_prints_the_rewritten_post():
    result = CliRunner().invoke(main, ["check", "-", "--no-plugins", "--no-cache", "--fix", "--rewrites"],
                                                input=AD_DRAFT)
    assert result.stdout == "#ad " + AD_DRAFT


# --- dropping a sentence must not leave one that leans on it (issue #13, part 2) -----------------------

from hcsocial_lint.rewriting.post import leans_back


@pytest.fixture(scope="module")
def parse(linter):
    return linter.model.nlp


@pytest.mark.parametrize("sentence", [
    "Now available at our Lakeview office.",                 # no subject: what is available?
    "Highly recommend!",
    "Our pharmacists stock it.",                             # "it" was in the dropped sentence
    "That's why our staff swear by them.",
    "- Priya, happy client",                                  # an attribution line with nothing to attribute
    "I finally sleep through the night!\"",                  # the quote opened in the dropped sentence
    "I haven't missed a shift since!'",
])
def test_a_sentence_that_leans_back(parse, sentence):
    assert leans_back(sentence, parse)


@pytest.mark.parametrize("sentence", [
    "Our Lakeview office opens at 8 on Saturdays.",
    "It's a good week to book a cleaning.",                  # "it" as a dummy subject
    "Flu shots, blood work and physicals available.",        # a headline that names its subject
    "'Thank you' notes from our patients line the hallway.",
])
def test_a_sentence_that_stands_alone(parse, sentence):
    assert not leans_back(sentence, parse)


@pytest.mark.parametrize("draft", [
    "Our sea-moss gummies reverse arthritis in weeks. Now available at our Riverside office.",
    "Our nasal spray cures sinus infections for good. That's why our pharmacists stock it.",
])
def test_no_drop_that_leaves_a_dangling_sentence(linter, draft):
    result = linter.rewrite(draft)
    assert result.status == "advice" and result.text is None


def test_a_drop_that_leaves_a_standalone_sentence_is_offered(linter):
    result = linter.rewrite("\"One session and my sciatica vanished forever!\" - Priya, happy client. "
                            "Our laser clinic opens at 8 on Saturdays.")
    assert result.status == "rewritten"
    assert result.text == "Our laser clinic opens at 8 on Saturdays."


def test_a_post_reduced_to_an_inserted_stock_sentence_is_advice(linter):
    """The compounded-drug statement a fix adds is not the writer's: with the claim sentence gone,
    "Enquire at reception!" plus the stock sentence is not a post."""
    result = linter.rewrite("Same molecule as Zepbound, compounded in-house, half the price. Enquire at reception!")
    assert result.status == "advice"


# --- substitutions: reworded only where the wording stays honest and grammatical ------------------------

@pytest.mark.parametrize("draft, expected", [
    ("We reverse fatty liver disease with our twelve-week nutrition program for adults.",
     "We help manage fatty liver disease with our twelve-week nutrition program for adults."),
    ("Our red-light bed cures psoriasis. We have new hours at the Elm Street clinic this week.",
     "Our red-light bed may help with psoriasis. We have new hours at the Elm Street clinic this week."),
])
def test_substitution_keeps_the_sentence_whole(linter, draft, expected):
    result = linter.rewrite(draft)
    assert result.status == "rewritten" and result.text == expected


def test_a_miracle_has_no_rewording_so_its_sentence_goes(linter):
    result = linter.rewrite("Honestly, our new magnesium spray is a miracle for restless legs. "
                            "We restocked the shelf by the pharmacy counter today.")
    assert result.status == "rewritten"
    assert result.text == "We restocked the shelf by the pharmacy counter today."


@pytest.mark.parametrize("draft", [
    "Every client can relax: the cryo chamber is safe for everyone from teens to grandparents.",
    "Tighter skin in four sessions, guaranteed, or we refund the package.",
])
def test_no_honest_rewording_is_advice_only(linter, draft):
    result = linter.rewrite(draft)
    assert result.status == "advice" and result.text is None
    assert any("no rewording keeps it honest" in r for r in result.reasons)


def test_a_null_swap_is_found_with_display_only_advice(linter):
    report = linter.lint_text("Guaranteed weight loss with our shakes.")
    finding = next(f for f in report.findings if f.rule_id == "CLM001")
    assert finding.suggestions and not any(s.is_fix for s in finding.suggestions)


# --- PHI: generalise the person, drop the detail; a reply that advises gets the no-advice reply ----------

@pytest.mark.parametrize("draft, expected", [
    ("Congratulations to Kenji on finishing his last round of radiation with us today! #kenjistrong",
     "Congratulations to one of our patients on finishing his last round of radiation with us!"),
    ("Welcome home, Mrs. Okafor! After three weeks in our ICU with pneumonia she is back with her family.",
     "Welcome home! After three weeks in our ICU with pneumonia she is back with her family."),
])
def test_phi_person_generalised_in_place(linter, draft, expected):
    result = linter.rewrite(draft)
    assert result.status == "rewritten" and result.text == expected


def test_advice_reply_gets_the_no_advice_reply_not_the_feedback_one(linter):
    result = linter.rewrite("@sam_lee92 glad your knee is better, Sam! Keep taking 600 mg of ibuprofen twice a day "
                            "and skip the follow-up.", kind="comment-reply")
    assert result.status == "rewritten"
    assert "medical advice" in result.text and "feedback" not in result.text


def test_review_reply_naming_the_patient_keeps_the_privacy_reply(linter):
    result = linter.rewrite("Thanks for the kind words, Dana! We loved seeing you at your cleaning last week.",
                            kind="review-reply")
    assert result.status == "rewritten"
    assert "medical advice" not in result.text


def test_a_finding_hidden_by_another_edit_is_not_counted_as_fixed(linter):
    """"results vary" put in for "guaranteed" reads as a hedge to the re-lint, which then lets the
    "never ... again" promise of the same sentence pass: that is not a rewrite."""
    result = linter.rewrite("Never struggle with acne again ✨ Our clear-skin plan = smooth skin, guaranteed. "
                            "Ask at your next facial!")
    assert result.status == "advice"
    assert any("Never struggle with acne again" in r for r in result.reasons)


# --- more sentences that lean on their neighbours; a rule's own "delete the sentence" is held to it -------

from hcsocial_lint.rewriting.post import is_statement, leans_forward


@pytest.mark.parametrize("sentence, leans", [
    ("Our cold laser +", True), ("Faster, stronger and", True), ("Stop by and see our new lobby", False),
    ("Walk-ins welcome.", False),
])
def test_a_sentence_that_stops_mid_phrase(sentence, leans):
    assert leans_forward(sentence) is leans


@pytest.mark.parametrize("sentence", ["Always did, always will.", "Also great for sore muscles.", "Not merely improved."])
def test_a_sentence_whose_subject_was_elsewhere_leans_back(parse, sentence):
    assert leans_back(sentence, parse)


def test_an_emoji_before_a_call_to_action_does_not_make_it_a_statement(parse):
    assert not is_statement("💉 Book with our injectors today!", parse)


@pytest.mark.parametrize("draft", [
    "Zinc lozenges wipe out the flu virus in a day. We stock them at the front desk.",
    "Each check-up earns you a $15 Visa gift card. That adds up to $60 a year in free spending money!",
    "Natural immunity is stronger than any flu shot. Always was, always will be 💪",
])
def test_no_deletion_that_leaves_a_leaning_sentence(linter, draft):
    assert linter.rewrite(draft).status == "advice"


def test_singular_verb_after_a_plural_subject_is_repaired_from_the_parse(linter):
    result = linter.rewrite("Our herbal salves beat prescription creams every time. Drop by the Elm Street clinic to try one.")
    assert result.text == "Our herbal salves often help. Drop by the Elm Street clinic to try one."


@pytest.mark.parametrize("draft, expected", [
    ("Plantar fasciitis? Our orthotic insoles are a permanent fix for heel pain, no injections needed.",
     "Plantar fasciitis? Our orthotic insoles are a long-lasting fix for heel pain, no injections needed."),
    ("This peptide eye gel is 100% guaranteed to lift droopy lids.", "This peptide eye gel is designed to lift droopy lids."),
    ("Instant relief for tension headaches after a single massage. Walk-ins welcome at our Pine Street studio.",
     "Relief for tension headaches after a single massage. Walk-ins welcome at our Pine Street studio."),
])
def test_substitution_keeps_the_noun_and_drops_the_leftover(linter, draft, expected):
    assert linter.rewrite(draft).text == expected


@pytest.mark.parametrize("draft, kind", [
    ("Dr. Osei is the leading rhinoplasty surgeon on the coast with no complications ever recorded. Call for a consult!", None),
    ("@ray.d yes, every one of our hormone pellets is FDA approved! 💯", "comment-reply"),   # "yes, ... not approved"
])
def test_no_rewording_that_contradicts_or_reads_as_nonsense(linter, draft, kind):
    assert linter.rewrite(draft, kind=kind).status == "advice"


def test_results_vary_goes_before_the_trailing_hashtags_as_a_safe_fix(linter):
    result = linter.rewrite("Before and after: 6 sessions of our laser resurfacing on acne scars. #skingoals #laser")
    assert result.safe
    assert result.text == ("Before and after: 6 sessions of our laser resurfacing on acne scars. Individual results vary. "
                           "#skingoals #laser")


@pytest.mark.parametrize("sentence, statement", [
    ("👉 DM us for prices.", False), ("WIN A FREE SPA DAY.", False), ("NEW HOURS AT OUR EASTSIDE CLINIC THIS WEEK.", True),
])
def test_statement_read_from_its_first_word_and_in_sentence_case(parse, sentence, statement):
    assert is_statement(sentence, parse) is statement


@pytest.mark.parametrize("sentence, leans", [("Neighbours, you have a right to know.", True), ("Let us know.", False),
                                              ("You deserve to know your options.", False)])
def test_knowing_without_an_object_leans_back(parse, sentence, leans):
    assert leans_back(sentence, parse) is leans


# --- inducements and review incentives: the reward clause goes; a request that names its object stands --

@pytest.mark.parametrize("draft, expected", [
    ("Seniors: book your annual eye exam with us and get a $40 grocery gift card.", "Seniors: book your annual eye exam with us."),
    ("Parents: schedule your child's sports physical with us and get a $25 Amazon gift card.",
     "Parents: schedule your child's sports physical with us."),
    ("Write us a glowing review on Healthgrades and receive a $15 credit.", "Write us an honest review on Healthgrades."),
])
def test_the_reward_clause_goes_and_the_request_stands(linter, draft, expected):
    result = linter.rewrite(draft)
    assert result.status == "rewritten" and result.text == expected and not result.safe


@pytest.mark.parametrize("sentence, statement", [
    ("Leave us an honest review on Google!", True), ("Schedule your annual wellness visit with us.", True),
    ("Book via the link in bio.", False), ("Call us today.", False), ("DM us for details and pricing.", False),
])
def test_a_call_to_action_stands_only_when_it_names_what_it_asks(parse, sentence, statement):
    assert is_statement(sentence, parse) is statement


def test_a_claim_dropped_before_a_short_call_to_action_is_still_advice(linter):
    assert linter.rewrite("Our IV drip cures jet lag instantly. Book via the link in bio.").status == "advice"


def test_no_review_request_is_made_out_of_a_request_to_change_a_review(linter):
    assert linter.rewrite("Change your review to five stars and we'll refund your last copay.").status == "advice"


def test_a_request_left_alone_by_a_dropped_sentence_is_not_a_post(linter, parse):
    """Relaxed for a request the writer made (the reward clause went), not for one whose topic was dropped."""
    assert is_statement("Call our Eastside office to book a fitting.", parse)
    assert not is_statement("Call our Eastside office to book a fitting.", parse, requests=False)


def test_instead_without_its_object_leans_back(parse):
    assert leans_back("Cook with our grass-fed tallow instead.", parse)
    assert not leans_back("Cook with olive oil instead of butter.", parse)


def test_a_line_left_opening_with_a_dash_is_tidied():
    text = "#flu — stock up on our zinc gummies!"
    rewritten, bounds = apply_tracked(text, [Edit(0, 4, "")])
    assert tidy(rewritten, bounds) == "Stock up on our zinc gummies!"


@pytest.mark.parametrize("sentence", ["Now only $9 per session at the Harbour Road studio.", "Other benefits are listed on our website."])
def test_a_sentence_that_continues_a_dropped_one_leans_back(parse, sentence):
    assert leans_back(sentence, parse)


def test_a_post_reduced_to_a_disclaimer_is_advice(linter):
    result = linter.rewrite("Meet Ana: she lost 20 pounds in 10 days on our detox shakes! Individual results may vary.")
    assert result.status == "advice"


def test_comment_reply_gets_a_privacy_reply_that_does_not_call_it_feedback(linter):
    result = linter.rewrite("Great to see you at your checkup yesterday, Jo! Your blood pressure looked much better.",
                            kind="comment-reply")
    assert result.status == "rewritten" and result.text.startswith("Thank you for reaching out.")


@pytest.mark.parametrize("draft, expected", [
    ("Our sleep spray carries no risks and has no drug interactions.",
     "Our sleep spray carries some risks and has few known interactions."),
    ("Our LED masks can reverse aging with ten minutes a day.", "Our LED masks can help with signs of aging with ten minutes a day."),
])
def test_risk_and_aging_rewordings_read_without_stacked_asides(linter, draft, expected):
    assert linter.rewrite(draft).text == expected


# --- a claim said again elsewhere: neither a drop nor a rewording takes it out ------------------------------

@pytest.mark.parametrize("draft", [
    # the question goes, but the disease is named again in a claim the rules let pass (hedged "can help")
    "Cupping for asthma? Yes! Parents tell us our gentle cupping can help children with asthma breathe easier 🌿",
    # the reworded absolute is said again in the next sentence
    "Our laser gives permanent results on sun spots. And we mean PERMANENT.",
    "Our clinic reverses fatty liver disease. Yes, we really do REVERSE it. Enrolment opens Friday.",
    # or in other words
    "Our scar gel works for everyone, every time. No exceptions!",
])
def test_a_claim_repeated_elsewhere_is_advice(linter, draft):
    assert linter.rewrite(draft).status == "advice"


def test_each_occurrence_with_its_own_finding_is_still_reworded(linter):
    result = linter.rewrite("Our drip cures hangovers. It also cures jet lag. Walk-ins welcome on weekends.")
    assert result.text == "Our drip may help with hangovers. It also may help with jet lag. Walk-ins welcome on weekends."


def test_a_rewrite_keeping_under_a_quarter_of_the_post_is_advice(linter):
    result = linter.rewrite("Our sea-kelp capsules cure thyroid disease and help thousands of happy customers across the "
                            "whole country feel like themselves again every single year, with nothing else to take. "
                            "We love our customers.")
    assert result.status == "advice" and any("most of the post" in r for r in result.reasons)


def test_not_approved_never_opens_a_sentence(linter):
    assert linter.rewrite("FDA approved stem cell shots, now at both of our locations.").status == "advice"


def test_nothing_to_worry_about_goes_with_its_sentence(linter):
    result = linter.rewrite("Don't fret about dosing: there's nothing to worry about with our lavender oil! "
                            "Our diffusers are back in stock.")
    assert result.text == "Our diffusers are back in stock."


# --- a rewording that no longer fits its sentence ----------------------------------------------------------

def test_one_item_of_a_negated_list_is_not_turned_positive(linter):
    """"No jitters, no crash, some possible side effects" reads as a joke: the list goes instead."""
    result = linter.rewrite("Risk-free fat loss with our natural drops. No jitters, no crash, no side effects.")
    assert result.text == "Lower-risk fat loss with our natural drops."


@pytest.mark.parametrize("draft, kind", [
    ("Zero risk, zero downtime, zero pain. Try our cryotherapy sessions this month.", None),
    ("Pure botanicals and 100% safe: our bedtime gummies have zero side effects, so the kids can take them too. 🌙", None),
    ("@lee.p yes! our cupping sessions are completely safe, there are no side effects at all 😊", "comment-reply"),
    ("Our foot massages are perfectly safe for every trimester. Book a relaxing hour today.", None),
])
def test_rewording_that_breaks_the_argument_is_advice(linter, draft, kind):
    assert linter.rewrite(draft, kind=kind).status == "advice"


def test_congratulations_to_a_named_patient_read_as_written(linter):
    """Two findings (the name, the story) share one generalisation: it is made once and counts for both."""
    draft = "Congrats Marisol Vega on finishing your last round of chemo at our cancer center!"
    result = linter.rewrite(draft)
    assert result.status == "rewritten"
    assert result.text == "Congrats to our patient on finishing your last round of chemo at our cancer center!"


# --------------------------------------------------------------------------- promise wording a claim rewrite takes with it


@pytest.mark.parametrize("draft, expected", [
    # the time to the result rides on the claim that is reworded: it goes with it
    ("Our firming serum reverses wrinkles in 14 days. Order yours today.",
     "Our firming serum may help with wrinkles. Order yours today."),
    # the refund clause of a reworded guarantee goes too: "We hope ..., or your money back" makes no sense
    ("We guarantee you'll love your brighter smile after one whitening visit, or your money back! Book today.",
     "We hope you'll love your brighter smile after one whitening visit! Book today."),
    # the promise said again in a sibling sentence ("overnight") goes when the timeline sentence is dropped
    ("Results after one visit! Our peel gives you brand-new skin overnight.", "Our peel gives you brand-new skin."),
    # permanence ("for good") goes with the reworded cure; an opening date is not a result and stays
    ("Our new vein clinic opens in 3 weeks! Our laser cures spider veins for good.",
     "Our new vein clinic opens in 3 weeks! Our laser may help with spider veins."),
])
def test_claim_rewrite_takes_its_promise_wording_with_it(linter, draft, expected):
    result = linter.rewrite(draft)
    assert result.status == "rewritten"
    assert result.text == expected


def test_quantified_promise_alone_is_not_cut_to_a_smaller_promise(linter):
    """Without a claim rewording, taking out the time would leave "Lose 15 lbs with our shots!": advice."""
    assert linter.rewrite("Lose 15 lbs in 3 weeks with our shots!").status == "advice"


def test_reworded_noun_never_leaves_a_dangling_preposition(linter):
    """"cure" -> "help with" where "cure" was a noun ("the best sinus cure in town") breaks the phrase."""
    result = linter.rewrite("Try the fastest sinus cure in Denver at our pharmacy counter this week.")
    assert result.text is None or "help with in" not in result.text


# --------------------------------------------------------------------------- a drop must take the claim out, not one sentence of it


@pytest.mark.parametrize("draft", [
    # the contrast with medicine stays: the alternative is offered for the disease the medicine treats
    "Quit your insulin! Our cinnamon protocol brings type 2 diabetes under control naturally.",
    # ... or as all one needs
    "Skip the antibiotics this winter. Our colloidal silver drops are all your family needs.",
    # the outbreak the dropped sentence linked the product to is still diagnosed in the kept one
    "Honestly that cough sounds like COVID. Come in for our ozone drip, two sessions will clear it.",
])
def test_drop_that_leaves_the_claim_half_is_advice(linter, draft):
    assert linter.rewrite(draft).status == "advice"


def test_drop_of_a_contrast_that_leaves_a_plain_offer_is_a_rewrite(linter):
    result = linter.rewrite("Doctors only mask symptoms. Our wellness studio now offers gentle yoga classes on Saturdays.")
    assert result.status == "rewritten"
    assert result.text == "Our wellness studio now offers gentle yoga classes on Saturdays."


def test_added_disclaimer_takes_out_the_claim_that_results_are_typical(linter):
    result = linter.rewrite("Before and after: 3 sessions of our laser hair removal on this client. Results are typical.")
    assert result.status == "rewritten"
    assert result.text == "Before and after: 3 sessions of our laser hair removal on this client. Individual results vary."
    assert not result.safe  # taking out a claim changes what the post says


def test_negated_status_goes_after_the_predicate_it_was_coordinated_with(linter):
    """"are not FDA-approved and nurse led" would deny both; the status goes last."""
    draft = "Our compounded tirzepatide vials are FDA approved and nurse led. Message us to enrol."
    result = linter.rewrite(draft, metadata={"product_type": "compounded"})
    assert result.status == "rewritten"
    assert "are nurse led and not FDA-approved." in result.text


def test_kept_offer_whose_object_was_dropped_leans_back(linter):
    """"get you started" on what? It was in the dropped sentence."""
    from hcsocial_lint.rewriting.post import leans_back

    parse = linter.model.nlp
    assert leans_back("Our nurses can get you started by Friday!", parse)
    assert not leans_back("Our nurses can get you started on a walking plan by Friday!", parse)


def test_drop_that_leaves_only_the_problem_is_advice(linter):
    """The sentence that sold the answer goes; the kept one is only the problem it was sold for."""
    draft = "RSV cases are climbing across the region. Don't be next: grab our Immune Armor bundle for $79."
    assert linter.rewrite(draft).status == "advice"
    result = linter.rewrite("New walk-in hours this week. Our herbal syrup protects your kids from whooping cough naturally.")
    assert result.text == "New walk-in hours this week."
