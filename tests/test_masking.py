"""Masking covers every output field: findings, problems, notices and diffs; whole words only.

Problems quote the input they could not read (a front-matter value, an export's field, a
CSV header), so PHI-like text reaches them without any rule having matched it.
"""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from hcsocial_lint.cli import main
from hcsocial_lint.model import Applicability, Edit, Evidence, Finding, Problem, Report, Severity, Suggestion, TextRange
from hcsocial_lint.reporting import FORMATTERS, ReportOptions, render
from hcsocial_lint.reporting.masking import mask_finding, mask_input_text, mask_report, redact

PHI = "Emma Lopez MRN 48213977"
PHI_TOKENS = ("Emma", "Lopez", "48213977")
FORMATS = sorted(FORMATTERS)


def _options(mask: bool) -> ReportOptions:
    return ReportOptions(mask=mask, color=False, tool_version="0", base_dir="/repo")


def _finding(matched: str, message: str, category: str = "PERSON", **changes) -> Finding:
    return Finding(rule_id="PHI001", rule_name="patient-disclosure", family="phi", severity=Severity.CRITICAL,
                   message=message, path="post.md", range=TextRange(0, len(matched), 1, 1, 1, len(matched) + 1),
                   matched_text=matched, category=category, citation="45 CFR 164.514", **changes)


# --- whole words --------------------------------------------------------------------------


def test_a_secret_inside_a_longer_word_is_left_alone():
    secrets = {"refer": "[REFERRAL]", "Ann": "[PERSON]"}
    assert redact("A reward for referring patients, Ann. Annual visits; refer a friend.", secrets) == \
        "A reward for referring patients, [PERSON]. Annual visits; [REFERRAL] a friend."


def test_secrets_that_start_or_end_with_punctuation_still_match():
    secrets = {"#covid19": "[HASHTAG]", "(555) 123-4567": "[PHONE]"}
    assert redact("Tag #covid19, call (555) 123-4567.", secrets) == "Tag [HASHTAG], call [PHONE]."


# --- problems and notices -----------------------------------------------------------------


def test_input_quoted_in_a_problem_is_masked_but_positions_stay():
    message = f"record 12345 (line 12346): unknown kind {PHI!r} (expected one of post, ad)"
    masked = mask_input_text(message, {})
    assert not any(token in masked for token in PHI_TOKENS)
    assert masked.startswith("record 12345 (line 12346): unknown kind [INPUT]")


def test_unquoted_long_numbers_are_masked():
    assert mask_input_text("front matter 'platform' must be text, not 48213977", {}) == \
        "front matter [INPUT] must be text, not [INPUT]"


def test_mask_report_covers_problems_and_notices_with_the_findings_secrets():
    finding = _finding("Emma Lopez", "'Emma Lopez' is named with a condition")
    report = Report((finding,), (Problem("post.md", "rule X failed: KeyError: Emma Lopez", "E-RULE"),),
                    notices=("Emma Lopez was mentioned in a note",))
    masked = mask_report(report)
    assert masked.problems[0].message == "rule X failed: KeyError: [PERSON]"
    assert masked.notices == ("[PERSON] was mentioned in a note",)


@pytest.mark.parametrize("format_name", FORMATS)
def test_every_format_masks_problems_and_notices(format_name):
    report = Report((), (Problem("posts.csv", f"no 'text' column in the CSV header (columns: {PHI!r})"),),
                    notices=(f"note about {PHI!r}",))
    assert PHI in render(report, format_name, _options(mask=False))  # it really leaks unmasked
    masked = render(report, format_name, _options(mask=True))
    assert not any(token in masked for token in PHI_TOKENS), masked


# --- through the CLI, on inputs whose problems carry PHI-like text --------------------------


@pytest.fixture
def bad_inputs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kind.md").write_text(f"---\nkind: {PHI}\n---\nSee you at the clinic.\n", encoding="utf-8")
    (tmp_path / "platform.md").write_text("---\nplatform: 48213977\n---\nSee you at the clinic.\n", encoding="utf-8")
    (tmp_path / "export.jsonl").write_text(json.dumps({"text": "Hello", "kind": PHI}) + "\n", encoding="utf-8")
    (tmp_path / "header.csv").write_text(f"{PHI},body\nx,y\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("format_name", FORMATS)
def test_masked_output_of_every_format_carries_no_input_phi(bad_inputs, format_name):
    files = ["kind.md", "platform.md", "export.jsonl", "header.csv"]
    runner = CliRunner()
    unmasked = runner.invoke(main, [*files, "--model", "none", "--format", format_name, "--no-mask"])
    assert "Emma" in unmasked.output and "48213977" in unmasked.output  # all four problems are reported
    masked = runner.invoke(main, [*files, "--model", "none", "--format", format_name, "--mask"])
    assert masked.exit_code == 1
    assert not any(token in masked.output for token in PHI_TOKENS), masked.output
    if format_name in {"json", "sarif"}:
        json.loads(masked.stdout)


# --- properties ---------------------------------------------------------------------------

_word = st.from_regex(r"[A-Z][a-z]{3,8}", fullmatch=True)
_digits = st.from_regex(r"[1-9][0-9]{5,9}", fullmatch=True)
_filler = st.lists(st.sampled_from(["the", "post", "about", "visit", "-", ",", "clinic", "(", ")"]), max_size=6)


@settings(max_examples=60, deadline=None)
@given(_word, _word, _digits, _filler, st.sampled_from(FORMATS))
def test_no_raw_phi_token_survives_in_any_field(first, last, number, filler, format_name):
    name = f"{first} {last}"
    around = " ".join(filler)
    finding = _finding(
        name, f"{around} {name} {around}",
        evidence=(Evidence("identifier", "PERSON", name),),
        suggestions=(Suggestion(f"Remove {first}", (Edit(0, len(name), f"{last.lower()}, our patient"),),
                                Applicability.SAFE),),
    )
    report = Report((finding,), (Problem("post.md", f"{around} field {name!r} has id {number}"),),
                    notices=(f"{around} {first} {number}",))
    output = render(report, format_name, _options(mask=True))
    for token in (first, last, last.lower(), number):
        assert not re.search(rf"(?<!\w){re.escape(token)}(?!\w)", output), (token, output)


@settings(max_examples=60, deadline=None)
@given(st.from_regex(r"[a-z]{3,6}", fullmatch=True), st.from_regex(r"[a-z]{1,5}", fullmatch=True))
def test_masking_hides_whole_words_only(secret, suffix):
    longer = secret + suffix
    text = f"{secret} and {longer}; {longer.capitalize()} {secret.upper()}."
    masked = redact(text, {secret: "[X]"})
    assert masked == f"[X] and {longer}; {longer.capitalize()} [X]."


def test_masking_a_finding_leaves_the_original_untouched():
    finding = _finding("Emma Lopez", "Emma Lopez is named")
    masked = mask_finding(finding)
    assert masked.message == "[PERSON] is named" and finding.message == "Emma Lopez is named"
    assert dataclasses.replace(masked, message=finding.message, matched_text=finding.matched_text) == finding


def test_a_learned_opinions_feature_words_are_hidden_with_its_evidence():
    # a second opinion's evidence label is a feature read off the post, not a category: it is hidden too,
    # and its placeholder does not spell it out ("[TUESDAY]")
    finding = _finding("Tuesday", "model's opinion (score 0.97): ... (what weighed most: 'tuesday', 'brother mateo')",
                       category="MODEL-OPINION", evidence=(
                           Evidence("model", "tuesday", text="Tuesday", start=0, end=7, source="learned:phi"),
                           Evidence("model", "brother mateo", text="brother", start=12, end=19, source="learned:phi")))
    masked = mask_finding(finding)
    shown = " ".join([masked.message, *(f"{e.label} {e.text}" for e in masked.evidence)]).lower()
    assert "tuesday" not in shown and "mateo" not in shown and "brother" not in shown
    assert {e.label for e in masked.evidence} == {"[MODEL-FEATURE]"}
    assert all(e.source == "learned:phi" for e in masked.evidence)


@pytest.mark.parametrize("format_name", FORMATS)
def test_a_patient_read_from_the_parse_leaks_nothing_through_an_evidence_label(tmp_path, format_name):
    # the relationship evidence of someone whose role says they are our patient once carried the role's reason as
    # its label, and the reason quotes the post ("the one we cared for ('... her broken wrist')")
    draft = tmp_path / "post.md"
    draft.write_text("Meet Rosalind! Our hand team pinned two screws into her broken wrist today.\n", encoding="utf-8")
    runner = CliRunner()
    unmasked = runner.invoke(main, [str(draft), "--format", format_name, "--no-mask"])
    assert "Rosalind" in unmasked.output and "PHI001" in unmasked.output
    masked = runner.invoke(main, [str(draft), "--format", format_name, "--mask"])
    for words in ("Rosalind", "broken wrist", "screws"):
        assert words.lower() not in masked.output.lower(), (words, masked.output)
