"""Report formatters: text, JSON (against the shipped schema), SARIF (against the OASIS
schema), GitHub annotations, and masking, on findings built by hand."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hcsocial_lint.model import (
    Applicability,
    Edit,
    Evidence,
    Finding,
    Problem,
    Report,
    RuleMeta,
    Severity,
    Suggestion,
    TextRange,
)
from hcsocial_lint.reporting import (
    FORMATTERS,
    MASK_DEFAULTS,
    ReportOptions,
    UnknownFormat,
    mask_default,
    mask_finding,
    mask_findings,
    masked_text,
    render,
)
from hcsocial_lint.reporting.github import escape_data, escape_property, format_github
from hcsocial_lint.reporting.json_report import (
    finding_from_dict,
    finding_to_dict,
    format_json,
    load_report_schema,
    report_to_dict,
)
from hcsocial_lint.reporting.sarif import artifact_location, format_sarif, sarif_log
from hcsocial_lint.reporting.text import format_text, summary_line

DATA = Path(__file__).parent / "data"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

NAME = "Emma Lopez"
EMMA_POST = "Thanks for visiting!\nGet well soon, Emma Lopez! Her asthma treatment at our clinic went great.\n"
CLAIM_POST = "Our new therapy cures arthritis.\n"
NOTICE = "No spaCy model is installed: person names cannot be found."


def _range(text: str, needle: str, line: int, base_line_offset: int) -> TextRange:
    start = text.index(needle)
    column = start - base_line_offset + 1
    return TextRange(start, start + len(needle), line, column, line, column + len(needle))


def phi_finding(path: str = "posts/emma.md") -> Finding:
    line_start = EMMA_POST.index("Get")
    r = _range(EMMA_POST, NAME, 2, line_start)
    return Finding(
        rule_id="PHI001",
        rule_name="patient-disclosure",
        family="phi",
        severity=Severity.CRITICAL,
        message=f"'{NAME}' is named together with a health condition and a care relationship",
        path=path,
        range=r,
        matched_text=NAME,
        category="PERSON",
        citation="45 CFR 164.514(b)(2)",
        url="https://www.hhs.gov/hipaa/for-professionals/privacy/special-topics/de-identification/index.html",
        suggestions=(
            Suggestion(f"Remove {NAME}'s name, or get a signed HIPAA authorization",
                       (Edit(r.start, r.end, "our patient"),), Applicability.UNSAFE),
            Suggestion("Ask Emma for written authorization before posting", (), Applicability.DISPLAY),
        ),
        evidence=(
            Evidence("identifier", "PERSON", NAME, r.start, r.end, "SpacyRecognizer", 0.85),
            Evidence("health", "condition", "asthma", EMMA_POST.index("asthma"), EMMA_POST.index("asthma") + 6),
            Evidence("relationship", "relationship", "our clinic"),
        ),
        score=0.9,
    )


def claim_finding() -> Finding:
    r = _range(CLAIM_POST, "cures", 1, 0)
    return Finding(
        rule_id="CLM001",
        rule_name="cure-claim",
        family="claim",
        severity=Severity.ERROR,
        message="'cures' claims a cure without substantiation",
        path="posts/claims.txt",
        range=r,
        matched_text="cures",
        category="CURE-CLAIM",
        citation="FTC Act s.5; FTC Health Products Compliance Guidance (2022)",
        url="https://www.ftc.gov/business-guidance/resources/health-products-compliance-guidance",
        suggestions=(Suggestion("Soften the claim", (Edit(r.start, r.end, "may help with"),), Applicability.SAFE),),
    )


def record_finding() -> Finding:
    return Finding(
        rule_id="TON002",
        rule_name="pressure-language",
        family="tone",
        severity=Severity.WARNING,
        message="Pressure language in a health post",
        path="exports/posts.jsonl",
        range=TextRange(4, 12, 1, 5, 1, 13),
        matched_text="Book now",
        category="PRESSURE",
        citation="AMA Code of Medical Ethics 9.6.1",
        record=7,
        score=0.7,
        metrics={"tone_score": 0.7},
    )


def info_finding() -> Finding:
    return Finding(
        rule_id="HCL100",
        rule_name="unused-suppression",
        family="meta",
        severity=Severity.INFO,
        message="suppression comment suppressed nothing",
        path="posts/claims.txt",
        range=TextRange(0, 0, 1, 1, 1, 1),
        matched_text="",
        category="SUPPRESSION",
        citation="hclint convention",
    )


PROBLEM = Problem("posts/broken.md", "cannot decode as UTF-8", "E-INPUT")
SOURCES = {("posts/emma.md", None): EMMA_POST, ("posts/claims.txt", None): CLAIM_POST}


def sample_report(**changes) -> Report:
    findings = sorted([phi_finding(), claim_finding(), record_finding(), info_finding()], key=lambda f: f.sort_key)
    report = Report(tuple(findings), (PROBLEM,), files_checked=4, posts_checked=12, notices=(NOTICE, NOTICE))
    return dataclasses.replace(report, **changes)


def options(**changes) -> ReportOptions:
    base = ReportOptions(mask=False, color=False, tool_version="1.2.3", base_dir="/repo")
    return dataclasses.replace(base, **changes)


def line_starting(output: str, prefix: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(prefix))


# ---------------------------------------------------------------- options and registry

def test_mask_defaults_follow_where_each_format_lands():
    assert MASK_DEFAULTS == {"text": False, "json": False, "sarif": True, "github": True}
    assert [mask_default(n) for n in ("text", "json", "sarif", "github")] == [False, False, True, True]
    assert mask_default("some-plugin-format") is True


def test_options_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        options().mask = True  # type: ignore[misc]


def test_render_uses_builtin_and_extra_formatters():
    report = sample_report()
    assert render(report, "text", options()) == format_text(report, options())
    assert set(FORMATTERS) == {"text", "json", "sarif", "github"}
    extra = {"count": lambda r, o: f"{len(r.findings)}\n", "text": lambda r, o: "replaced\n"}
    assert render(report, "count", options(), extra=extra) == "4\n"
    assert render(report, "text", options(), extra=extra) == "replaced\n"
    assert "count" not in FORMATTERS
    with pytest.raises(UnknownFormat, match="known: github, json, sarif, text"):
        render(report, "yaml", options())


# ---------------------------------------------------------------- text

def test_text_finding_line_shape_and_record_location():
    output = format_text(sample_report(), options())
    assert "posts/emma.md:2:16: PHI001 [critical] 'Emma Lopez' is named together" in output
    assert "posts/claims.txt:1:17: CLM001 [error] 'cures' claims a cure" in output
    assert "exports/posts.jsonl#7:1:5: TON002 [warning] Pressure language in a health post" in output
    assert "posts/claims.txt:1:1: HCL100 [info] suppression comment suppressed nothing" in output


def test_text_shows_the_line_with_carets_under_the_range():
    output = format_text(sample_report(), options(sources=SOURCES))
    lines = output.splitlines()
    shown = next(i for i, line in enumerate(lines) if "Get well soon" in line)
    assert lines[shown] == "  2 | Get well soon, Emma Lopez! Her asthma treatment at our clinic went great."
    carets = lines[shown + 1]
    assert carets.strip(" |") == "^" * len(NAME)
    assert lines[shown][carets.index("^"):].startswith(NAME)


def test_text_without_sources_underlines_the_matched_text():
    lines = format_text(sample_report(), options()).splitlines()
    shown = lines.index("   | Emma Lopez")
    assert lines[shown + 1] == "   | " + "^" * len(NAME)
    assert lines[shown - 1].startswith("posts/emma.md:2:16: PHI001")


def test_text_clips_long_lines_but_keeps_carets_under_the_range():
    post = "x" * 300 + " Emma Lopez " + "y" * 300
    finding = dataclasses.replace(phi_finding(), range=TextRange(301, 311, 1, 302, 1, 312))
    report = Report((finding,), files_checked=1, posts_checked=1)
    lines = format_text(report, options(sources={("posts/emma.md", None): post})).splitlines()
    shown = next(line for line in lines if "Emma Lopez" in line and line.startswith("  1 |"))
    carets = lines[lines.index(shown) + 1]
    assert len(shown) < 120 and "…" in shown
    assert shown[carets.index("^"):carets.index("^") + len(NAME)] == NAME


def test_text_carets_account_for_wide_characters_and_control_codes_are_neutralised():
    post = "🎉🎉 Get well, Emma Lopez!\x1b[2J"
    start = post.index(NAME)
    finding = dataclasses.replace(phi_finding(), range=TextRange(start, start + 10, 1, start + 1, 1, start + 11),
                                  message="bad \x1b[31m message")
    lines = format_text(Report((finding,)), options(sources={("posts/emma.md", None): post})).splitlines()
    shown = next(line for line in lines if line.startswith("  1 |"))
    carets = lines[lines.index(shown) + 1]
    assert "\x1b" not in "\n".join(lines) and "\ufffd[2J" in shown
    # each emoji takes two terminal columns, so the carets start two columns later than the code points suggest
    assert carets.index("^") == shown.index("E") + 2


def test_text_explains_why_and_offers_help_and_fixes():
    output = format_text(sample_report(), options())
    assert line_starting(output, "  why: ") == (
        '  why: identifier PERSON "Emma Lopez" (SpacyRecognizer 0.85); health condition "asthma"; relationship "our clinic"'
    )
    assert "  help: Remove Emma Lopez's name, or get a signed HIPAA authorization" in output
    assert '  fix (unsafe): "Emma Lopez" -> "our patient"' in output
    assert "  help: Ask Emma for written authorization before posting" in output
    assert '  fix (safe): "cures" -> "may help with"' in output
    assert "fix (display)" not in output


def test_text_describes_insertions_and_skips_empty_excerpts():
    insert = Suggestion("Add the risk statement", (Edit(32, 32, " Results vary."),), Applicability.SAFE)
    finding = dataclasses.replace(claim_finding(), suggestions=(insert,))
    output = format_text(Report((finding, info_finding())), options())
    assert '  fix (safe): insert " Results vary." at character 32 of the post' in output
    after_header = output.split("HCL100 [info] suppression comment suppressed nothing\n", 1)[1]
    assert not after_header.startswith("   |")  # an empty match has nothing to underline


def test_evidence_kind_is_not_repeated_in_its_label():
    finding = dataclasses.replace(claim_finding(), evidence=(Evidence("health", "health term", "chemo", source="vocabulary"),))
    assert '  why: health term "chemo" (vocabulary)' in format_text(Report((finding,)), options()).splitlines()
    assert mask_finding(finding).evidence[0].text == "[HEALTH-TERM]"


def test_text_hides_fix_lines_when_show_fixes_is_off():
    output = format_text(sample_report(), options(show_fixes=False))
    assert "  help: Soften the claim" in output
    assert not [line for line in output.splitlines() if line.startswith("  fix (")]
    assert "fix (" in format_text(sample_report(), options())


def test_text_problems_notices_and_summary():
    output = format_text(sample_report(), options())
    assert "posts/broken.md: error: cannot decode as UTF-8" in output.splitlines()
    assert output.startswith(f"note: {NOTICE}\n")
    assert output.count(NOTICE) == 1
    assert output.endswith(
        "Found 4 findings (1 critical, 1 error, 1 warning, 1 info) in 3 files; "
        "1 fixable with --fix (1 more with --unsafe-fixes). 1 file could not be linted.\n"
    )


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (Report((), files_checked=3, posts_checked=4), "All clear: 4 posts in 3 files, no findings."),
        (Report((), (PROBLEM,), files_checked=1, posts_checked=1),
         "No findings in 1 post in 1 file; 1 file could not be linted."),
        (Report((phi_finding(),), files_checked=1, posts_checked=1, fixed=2),
         "Applied 2 fixes. Found 1 finding (1 critical) in 1 file; 1 fixable with --unsafe-fixes."),
        (Report((record_finding(),), files_checked=1, posts_checked=9), "Found 1 finding (1 warning) in 1 file."),
    ],
)
def test_summary_line(report, expected):
    assert summary_line(report) == expected
    assert format_text(report, options()).endswith(expected + "\n")


def test_text_has_no_colour_codes_unless_asked():
    plain = format_text(sample_report(), options(sources=SOURCES))
    coloured = format_text(sample_report(), options(sources=SOURCES, color=True))
    assert "\x1b" not in plain
    assert "\x1b[1mPHI001\x1b[0m" in coloured
    assert "\x1b[1;35m[critical]\x1b[0m" in coloured
    assert ANSI.sub("", coloured) == plain


# ---------------------------------------------------------------- JSON

def test_json_validates_against_the_shipped_schema():
    schema = load_report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] and schema["properties"]["schema_version"]["const"] == "1.0"
    for mask in (False, True):
        data = json.loads(format_json(sample_report(), options(mask=mask)))
        jsonschema.Draft202012Validator(schema).validate(data)
        assert data["masked"] is mask


def test_json_schema_rejects_malformed_reports():
    validator = jsonschema.Draft202012Validator(load_report_schema())
    data = report_to_dict(sample_report(), options())
    bad_severity = json.loads(json.dumps(data))
    bad_severity["findings"][0]["severity"] = "high"
    missing_range = json.loads(json.dumps(data))
    del missing_range["findings"][0]["range"]
    wrong_version = dict(data, schema_version="2.0")
    for bad in (bad_severity, missing_range, wrong_version):
        assert not validator.is_valid(bad)


def test_json_content_and_summary():
    data = json.loads(format_json(sample_report(), options()))
    assert data["tool"] == {"name": "hclint", "version": "1.2.3"}
    assert data["summary"] == {
        "findings": 4, "critical": 1, "error": 1, "warning": 1, "info": 1, "files_checked": 4,
        "posts_checked": 12, "fixable": 2, "fixed": 0, "problems": 1,
    }
    assert data["problems"] == [{"path": "posts/broken.md", "message": "cannot decode as UTF-8", "code": "E-INPUT"}]
    assert data["notices"] == [NOTICE]
    record = next(f for f in data["findings"] if f["rule_id"] == "TON002")
    assert record["record"] == 7 and record["metrics"] == {"tone_score": 0.7}
    assert record["range"] == {"start": 4, "end": 12, "line": 1, "column": 5, "end_line": 1, "end_column": 13}


def test_findings_round_trip_through_dicts_and_json_text():
    report = sample_report()
    for finding in report.findings:
        assert finding_from_dict(finding_to_dict(finding)) == finding
    parsed = json.loads(format_json(report, options()))
    assert tuple(finding_from_dict(f) for f in parsed["findings"]) == report.findings


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
_evidence = st.builds(Evidence, _text, _text, _text, st.none() | st.integers(0, 99), st.none() | st.integers(0, 99),
                      _text, st.none() | st.floats(0, 1))
_edit = st.builds(lambda a, n, r: Edit(a, a + n, r), st.integers(0, 50), st.integers(0, 10), _text)
_suggestion = st.builds(Suggestion, _text, st.lists(_edit, max_size=2).map(tuple), st.sampled_from(Applicability))


@st.composite
def findings(draw) -> Finding:
    start = draw(st.integers(0, 100))
    length = draw(st.integers(0, 20))
    line, column = draw(st.integers(1, 9)), draw(st.integers(1, 80))
    return Finding(
        rule_id=draw(st.from_regex(r"[A-Z]{2,6}[0-9]{3}", fullmatch=True)),
        rule_name=draw(_text), family=draw(_text), severity=draw(st.sampled_from(Severity)), message=draw(_text),
        path=draw(_text), range=TextRange(start, start + length, line, column, line, column + length),
        matched_text=draw(_text), category=draw(_text), citation=draw(_text),
        record=draw(st.none() | st.integers(1, 500)), url=draw(st.none() | _text),
        suggestions=tuple(draw(st.lists(_suggestion, max_size=2))), evidence=tuple(draw(st.lists(_evidence, max_size=2))),
        score=draw(st.none() | st.floats(0, 1)),
        metrics=draw(st.dictionaries(_text, st.floats(0, 1), max_size=2)),
    )


@settings(max_examples=60, deadline=None)
@given(findings())
def test_any_finding_round_trips_and_validates(finding):
    assert finding_from_dict(json.loads(json.dumps(finding_to_dict(finding)))) == finding
    report = Report((finding,), files_checked=1, posts_checked=1)
    jsonschema.Draft202012Validator(load_report_schema()).validate(report_to_dict(report, options()))


# ---------------------------------------------------------------- SARIF

@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def absolute(report: Report) -> Report:
    """The sample report with absolute paths under /repo, as the CLI may produce them."""
    findings = tuple(dataclasses.replace(f, path=f"/repo/{f.path}") for f in report.findings)
    return dataclasses.replace(report, findings=findings)


@pytest.mark.parametrize("mask", [False, True])
def test_sarif_validates_against_the_oasis_schema(sarif_validator, mask):
    log = json.loads(format_sarif(absolute(sample_report()), options(mask=mask)))
    errors = sorted(sarif_validator.iter_errors(log), key=str)
    assert not errors, errors[0].message if errors else ""
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json" and log["version"] == "2.1.0"


def test_sarif_schema_check_can_fail(sarif_validator):
    log = sarif_log(sample_report(), options())
    log["runs"][0]["results"][0]["level"] = "critical"
    assert not sarif_validator.is_valid(log)


def test_sarif_results_levels_regions_and_relative_uris():
    run = sarif_log(absolute(sample_report()), options())["runs"][0]
    results = {r["ruleId"]: r for r in run["results"]}
    assert {k: r["level"] for k, r in results.items()} == {
        "PHI001": "error", "CLM001": "error", "TON002": "warning", "HCL100": "note",
    }
    phi = results["PHI001"]["locations"][0]["physicalLocation"]
    assert phi["artifactLocation"] == {"uri": "posts/emma.md", "uriBaseId": "%SRCROOT%"}
    assert phi["region"] == {"startLine": 2, "startColumn": 16, "endLine": 2, "endColumn": 26}
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///repo/"}}
    assert results["TON002"]["properties"] == {
        "family": "tone", "severity": "warning", "category": "PRESSURE", "record": 7, "regionScope": "record",
    }


@pytest.mark.parametrize(
    ("path", "base", "expected"),
    [
        ("/repo/posts/a b.md", "/repo", {"uri": "posts/a%20b.md", "uriBaseId": "%SRCROOT%"}),
        ("./posts/a.md", "/repo", {"uri": "posts/a.md", "uriBaseId": "%SRCROOT%"}),
        ("C:\\repo\\posts\\a.md", "C:\\repo", {"uri": "posts/a.md", "uriBaseId": "%SRCROOT%"}),
        ("/elsewhere/a.md", "/repo", {"uri": "file:///elsewhere/a.md"}),
        ("/repository/a.md", "/repo", {"uri": "file:///repository/a.md"}),
    ],
)
def test_sarif_artifact_locations(path, base, expected):
    assert artifact_location(path, base) == expected


def test_sarif_rules_describe_only_rules_with_findings():
    meta = RuleMeta(id="CLM001", name="cure-claim", family="claim", severity=Severity.ERROR, message="m",
                    citation="FTC Act s.5", summary="Flags cure claims.", rationale="Cure claims need evidence.",
                    fix_safety="Safe: softening keeps the meaning.", url="https://example.org/clm001")
    unused = dataclasses.replace(meta, id="END001", name="unused")
    run = sarif_log(sample_report(), options(rules={"CLM001": meta, "END001": unused}))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["CLM001", "HCL100", "PHI001", "TON002"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    clm = rules[0]
    assert clm["shortDescription"] == {"text": "Flags cure claims."}
    assert clm["fullDescription"] == {"text": "Cure claims need evidence."}
    assert clm["helpUri"] == "https://example.org/clm001"
    assert "Citation: FTC Act s.5" in clm["help"]["text"] and "Fix safety: Safe" in clm["help"]["text"]
    assert clm["defaultConfiguration"] == {"level": "error"} and clm["properties"]["tags"] == ["claim"]
    assert "helpUri" not in rules[3]  # TON002 has no url
    assert run["tool"]["driver"]["name"] == "hclint" and run["tool"]["driver"]["version"] == "1.2.3"


def test_sarif_fingerprints_are_stable_distinct_and_free_of_phi():
    twin = dataclasses.replace(phi_finding(), range=TextRange(80, 90, 3, 1, 3, 11))
    report = Report((phi_finding(), twin, claim_finding()))
    prints = [r["partialFingerprints"]["hclint/v1"] for r in sarif_log(report, options())["runs"][0]["results"]]
    masked = [r["partialFingerprints"]["hclint/v1"] for r in sarif_log(report, options(mask=True))["runs"][0]["results"]]
    assert prints == masked
    assert len(set(prints)) == 3
    moved = dataclasses.replace(phi_finding(), range=TextRange(40, 50, 2, 20, 2, 30))
    assert sarif_log(Report((moved,)), options())["runs"][0]["results"][0]["partialFingerprints"]["hclint/v1"] == prints[0]
    assert all(re.fullmatch(r"[0-9a-f]{64}", p) for p in prints)


def test_sarif_fixes_for_files_not_for_export_records():
    run = sarif_log(sample_report(), options())["runs"][0]
    results = {r["ruleId"]: r for r in run["results"]}
    fix = results["CLM001"]["fixes"][0]
    assert fix["description"] == {"text": "Soften the claim"}
    assert fix["properties"] == {"applicability": "safe"}
    assert fix["artifactChanges"][0]["replacements"] == [
        {"deletedRegion": {"charOffset": 16, "charLength": 5}, "insertedContent": {"text": "may help with"}},
    ]
    assert len(results["PHI001"]["fixes"]) == 1  # the display-only suggestion is not a fix
    assert "fixes" not in results["TON002"]
    assert all("fixes" not in r for r in sarif_log(sample_report(), options(show_fixes=False))["runs"][0]["results"])
    record_with_fix = dataclasses.replace(record_finding(), suggestions=claim_finding().suggestions)
    assert "fixes" not in sarif_log(Report((record_with_fix,)), options())["runs"][0]["results"][0]


def test_sarif_reports_files_not_linted_as_notifications():
    invocation = sarif_log(sample_report(), options())["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["descriptor"] == {"id": "E-INPUT"}
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "posts/broken.md"
    assert invocation["toolConfigurationNotifications"] == [{"level": "note", "message": {"text": NOTICE}}]
    clean = sarif_log(Report((), files_checked=1), options())["runs"][0]
    assert clean["invocations"][0] == {"executionSuccessful": True} and clean["results"] == []


# ---------------------------------------------------------------- GitHub

def test_github_command_shape_and_levels():
    lines = format_github(absolute(sample_report()), options()).splitlines()
    by_rule = {re.search(r"title=(\w+)", line).group(1): line for line in lines if "title=" in line}
    assert by_rule["PHI001"].startswith(
        "::error file=posts/emma.md,line=2,col=16,endLine=2,endColumn=26,title=PHI001 patient-disclosure::'Emma Lopez'"
    )
    assert by_rule["CLM001"].startswith("::error file=posts/claims.txt,line=1,col=17,endLine=1,endColumn=22,")
    assert by_rule["TON002"] == (
        "::warning file=exports/posts.jsonl,title=TON002 pressure-language::"
        "record 7, line 1, column 5: Pressure language in a health post"
    )
    assert by_rule["HCL100"].startswith("::notice file=posts/claims.txt,line=1,")
    assert lines[-1] == "::error file=posts/broken.md::cannot decode as UTF-8"
    assert "%0Ahelp: Soften the claim" in by_rule["CLM001"]


def test_github_multi_line_ranges_carry_no_columns():
    finding = dataclasses.replace(claim_finding(), range=TextRange(0, 30, 2, 4, 3, 6))
    (line,) = format_github(Report((finding,)), options()).splitlines()
    assert line.startswith("::error file=posts/claims.txt,line=2,endLine=3,title=CLM001 cure-claim::")


def test_github_escapes_properties_and_data():
    assert escape_data("50% off:\r\nnow, today") == "50%25 off:%0D%0Anow, today"
    assert escape_property("50% off:\r\nnow, today") == "50%25 off%3A%0D%0Anow%2C today"
    finding = dataclasses.replace(claim_finding(), path="posts/a,b:c.md", rule_name="cure:claim,x",
                                  message="100% cure, guaranteed: see\nbelow", suggestions=())
    (line,) = format_github(Report((finding,)), options()).splitlines()
    assert line == (
        "::error file=posts/a%2Cb%3Ac.md,line=1,col=17,endLine=1,endColumn=22,title=CLM001 cure%3Aclaim%2Cx"
        "::100%25 cure, guaranteed: see%0Abelow"
    )


def test_github_problems_without_a_file():
    report = Report((), (Problem("<plugins>", "plug-in 'x' failed: boom", "E-PLUGIN"),))
    assert format_github(report, options()) == "::error title=hclint E-PLUGIN::<plugins>: plug-in 'x' failed: boom\n"


# ---------------------------------------------------------------- masking

def test_masked_text_uses_the_category():
    assert masked_text(phi_finding()) == "[PERSON]"
    assert masked_text(claim_finding()) == "[CURE-CLAIM]"
    assert masked_text(dataclasses.replace(claim_finding(), category="")) == "[CLAIM]"


def test_mask_finding_hides_every_quotation():
    masked = mask_finding(phi_finding())
    assert masked.matched_text == "[PERSON]"
    assert masked.message == "'[PERSON]' is named together with a health condition and a care relationship"
    assert [e.text for e in masked.evidence] == ["[PERSON]", "[CONDITION]", "[RELATIONSHIP]"]
    assert masked.suggestions[0].description == "Remove [PERSON]'s name, or get a signed HIPAA authorization"
    assert masked.suggestions[0].edits == (Edit(36, 46, "our patient"),)
    assert masked.range == phi_finding().range and masked.rule_id == "PHI001"
    assert phi_finding().matched_text == NAME  # the original is untouched


def test_masking_ignores_case_and_spacing_and_masks_replacements():
    finding = dataclasses.replace(
        phi_finding(),
        message="EMMA  LOPEZ\nis named",
        suggestions=(Suggestion("d", (Edit(36, 46, "Ms. emma lopez"),)),),
    )
    masked = mask_finding(finding)
    assert masked.message == "[PERSON]\nis named"
    assert masked.suggestions[0].edits[0].replacement == "Ms. [PERSON]"


def test_masking_shares_secrets_between_findings_of_one_post():
    other = dataclasses.replace(claim_finding(), path="posts/emma.md", message="Emma Lopez's asthma claim")
    elsewhere = dataclasses.replace(claim_finding(), message="Emma Lopez elsewhere")
    masked = mask_findings([phi_finding(), other, elsewhere])
    assert masked[1].message == "[PERSON]'s [CONDITION] claim"
    assert masked[2].message == "Emma Lopez elsewhere"  # another post: nothing of it was matched


@pytest.mark.parametrize("format_name", sorted(FORMATTERS))
def test_masking_removes_the_patient_name_from_every_format(format_name):
    masked = render(sample_report(), format_name, options(mask=True, sources=SOURCES))
    unmasked = render(sample_report(), format_name, options(mask=False, sources=SOURCES))
    assert "Emma" in unmasked  # the sample really leaks without masking
    assert "Emma" not in masked and "Lopez" not in masked and "asthma" not in masked
    assert "PERSON" in masked


@pytest.mark.parametrize("format_name", ["sarif", "github"])
def test_default_masking_applies_to_ci_formats(format_name):
    output = render(sample_report(), format_name, options(mask=mask_default(format_name)))
    assert NAME not in output


_names = st.tuples(st.from_regex(r"[A-Z][a-z]{3,8}", fullmatch=True), st.from_regex(r"[A-Z][a-z]{3,8}", fullmatch=True))


@settings(max_examples=40, deadline=None)
@given(_names, st.sampled_from(sorted(FORMATTERS)))
def test_no_matched_name_survives_masking(name_parts, format_name):
    name = " ".join(name_parts)
    finding = dataclasses.replace(
        phi_finding(),
        matched_text=name,
        message=f"{name} is a patient",
        evidence=(Evidence("identifier", "PERSON", name),),
        suggestions=(Suggestion(f"Remove {name}", (Edit(36, 46, f"{name.lower()}, our patient"),), Applicability.SAFE),),
    )
    output = render(Report((finding,)), format_name, options(mask=True))
    assert name not in output and name.lower() not in output
