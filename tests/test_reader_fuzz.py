"""Fuzzing the readers: whatever the bytes, a reader returns posts or raises InputError (one
line), never anything else, and every post's offsets map back inside its file."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from hcsocial_lint.config import Settings
from hcsocial_lint.sources import read_text_post
from hcsocial_lint.sources.errors import InputError
from hcsocial_lint.sources.exports import read_export
from hcsocial_lint.sources.reading import decode_bytes

SETTINGS = Settings()
FUZZ = hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

yaml_bits = st.sampled_from([
    "kind: ad", "kind: [", "kind: *a", "&a x", "a: &a [*a]", "? [a]", ": b", "!!python/object:os.system", "- x",
    "paid_partnership: true", "platform: 7", "{", "}", "[", "]", "'", '"', "#", "1" * 50, "2026-13-45", "\t", "  ",
    "\n", "<<: *a", "|", ">", "%YAML 1.1", "---", "...",
])
front_matter_text = st.tuples(st.lists(yaml_bits, max_size=15).map(" ".join), st.text(max_size=60)).map(
    lambda parts: f"---\n{parts[0]}\n---\n{parts[1]}")
markdown_bits = st.sampled_from([
    "a", " ", "\n", "\r\n", "\r", "`", "```", "~~~", "[x](", ")", "![", "<", ">", "<!--", "-->", "<script>", "</script>",
    "<!-- hclint-disable CLM001 -->", "<!-- hclint-enable -->", "https://x.org", "\\", "é", "\ufeff", "*", "#",
])
markdown_text = st.one_of(st.lists(markdown_bits, max_size=60).map("".join), front_matter_text, st.text(max_size=120))


def _check_post(post, text):
    assert len(post.text) == len(post.original) == len(text)
    assert post.original == text
    for index, (view_char, char) in enumerate(zip(post.text, text)):
        if char in "\r\n":
            assert view_char == char, index
    for suppression in post.suppressions:
        assert 1 <= suppression.first_line <= suppression.last_line


@given(markdown_text, st.sampled_from(["markdown", "html", "text"]))
@FUZZ
def test_markdown_and_text_read_or_one_line(text, file_format):
    try:
        post = read_text_post(text, SETTINGS, display_path="draft.md", file_format=file_format)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    _check_post(post, text)


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.sampled_from(["text", "kind", "x"]), children, max_size=3)),
    max_leaves=12,
)
record_lines = st.one_of(
    json_values.map(json.dumps),
    st.sampled_from(["{", "[" * 300, '{"text": ' + "9" * 5000 + "}", '{"text": "ok", "kind": "ad"}', "", " ", "\ufeff{}"]),
    st.text(max_size=30),
)


@given(st.lists(record_lines, max_size=8), st.sampled_from(["\n", "\r\n"]))
@FUZZ
def test_jsonl_reads_or_reports_each_record(lines, newline):
    text = newline.join(lines)
    try:
        result = read_export(text, "jsonl", SETTINGS)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    for post in result.posts:
        assert post.text == post.original and post.record is not None
    assert all("\n" not in problem for problem in result.problems)


@given(st.one_of(json_values.map(json.dumps), st.text(max_size=60), st.lists(record_lines, max_size=5).map(lambda xs: "[" + ",".join(xs) + "]")))
@FUZZ
def test_json_reads_or_is_one_line(text):
    try:
        result = read_export(text, "json", SETTINGS)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert all("\n" not in problem for problem in result.problems)


csv_cells = st.one_of(st.text(max_size=15), st.sampled_from(['"', '""', '"a"b', "\r", "\n", ",", "x" * 140_000]))


@given(st.lists(st.lists(csv_cells, min_size=1, max_size=3), max_size=6))
@FUZZ
def test_csv_reads_or_reports_each_record(rows):
    text = "text,kind\n" + "\n".join(",".join(row) for row in rows)
    try:
        result = read_export(text, "csv", SETTINGS)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    numbers = [post.record for post in result.posts]
    assert numbers == sorted(set(numbers))
    assert all("\n" not in problem for problem in result.problems)


@given(st.binary(max_size=200))
@FUZZ
def test_decoding_any_bytes_is_text_or_one_line(data):
    try:
        decoded = decode_bytes(data, "file.txt")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert isinstance(decoded.text, str)


@given(markdown_text)
@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_findings_point_inside_the_file(no_model_linter, text):
    report = no_model_linter.lint_text(text, path="draft.md", markdown=True)
    for finding in report.findings:
        assert 0 <= finding.range.start <= finding.range.end <= len(text)
        assert finding.matched_text == text[finding.range.start:finding.range.end]
        for suggestion in finding.suggestions:
            for edit in suggestion.edits:
                assert 0 <= edit.start <= edit.end <= len(text)
    assert all("\n" not in problem.message for problem in report.problems)
