"""Readers within bounds: hostile JSON, YAML and CSV give one line naming the record, never a
traceback or a hang, and the other records are still read."""

from __future__ import annotations

import time

import pytest

from hcsocial_lint.config import Settings
from hcsocial_lint.sources.bounded import MAX_NESTING, BoundExceeded, check_json_nesting, load_json
from hcsocial_lint.sources.errors import InputError
from hcsocial_lint.sources.exports import read_export
from hcsocial_lint.sources.markdown import front_matter

SETTINGS = Settings()
BILLION_LAUGHS = "---\n" + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)) + "kind: post\n---\nHello\n"


@pytest.mark.parametrize("text", [
    "[" * 1000 + "]" * 1000,
    '{"a": ' * 1000 + "1" + "}" * 1000,
    '[{"text": ' + "[" * 200 + "]" * 200 + "}]",
])
def test_deep_json_is_refused_before_parsing(text):
    with pytest.raises(BoundExceeded, match="nested more than"):
        load_json(text)


def test_brackets_inside_strings_do_not_count():
    check_json_nesting('{"text": "' + "[" * 5000 + '\\" {{{"}')
    assert load_json('[{"text": "[[[[ not nesting"}]') == [{"text": "[[[[ not nesting"}]


def test_nesting_up_to_the_bound_is_read():
    assert load_json("[" * MAX_NESTING + "]" * MAX_NESTING) is not None


@pytest.mark.parametrize("number", ["1" * 5000, "-" + "9" * 4400, "1." + "0" * 5000])
def test_huge_numbers_are_refused(number):
    with pytest.raises(BoundExceeded, match="digits|characters"):
        load_json('{"text": "hi", "n": ' + number + "}")


def test_jsonl_bad_records_are_reported_and_the_rest_read():
    text = "\n".join([
        '{"text": "first"}',
        "[" * 1000 + "]" * 1000,
        '{"text": "third", "views": ' + "7" * 5000 + "}",
        '{"text": "fourth"}',
    ])
    result = read_export(text, "jsonl", SETTINGS)
    assert [p.text for p in result.posts] == ["first", "fourth"]
    assert [p.record for p in result.posts] == [1, 4]
    assert len(result.problems) == 2
    assert result.problems[0].startswith("record 2 (line 2)") and "nested" in result.problems[0]
    assert result.problems[1].startswith("record 3 (line 3)") and "digits" in result.problems[1]


def test_deep_json_file_is_one_input_error():
    with pytest.raises(InputError, match="nested more than"):
        read_export("[" * 5000, "json", SETTINGS)


@pytest.mark.parametrize("yaml_text, reason", [
    (BILLION_LAUGHS, "alias"),
    ("---\nloop: &x [*x]\n---\nHi\n", "alias"),
    ("---\nbase: &b {kind: post}\nother: *b\n---\nHi\n", "alias"),
    ("---\nx: " + "[" * 500 + "\n---\nHi\n", "nested"),
    ("---\nx: " + "1" * 5000 + "\n---\nHi\n", "cannot be read"),
    ("---\nx: 0b" + "1" * 10000 + "\n---\nHi\n", "digits"),
    ("---\nwhen: 2026-13-45\n---\nHi\n", "cannot be read"),
    ("---\n" + "k: v\n" * 20000 + "---\nHi\n", "limit"),
])
def test_hostile_front_matter_is_one_line(yaml_text, reason):
    started = time.perf_counter()
    with pytest.raises(InputError, match=reason) as caught:
        front_matter(yaml_text)
    assert time.perf_counter() - started < 5
    assert "\n" not in str(caught.value)


def test_ordinary_front_matter_still_reads():
    metadata, body = front_matter("---\nkind: ad\npaid_partnership: true\ntags: [a, b]\n---\nHello\n")
    assert metadata["kind"] == "ad" and metadata["tags"] == ["a", "b"] and body > 0


def test_csv_field_over_the_csv_module_limit_is_read_and_later_records_too():
    long_post = "Our team " * 20_000  # 180,000 characters, over csv's 131,072 default
    text = f'text,kind\n"{long_post}",post\n"quote"broken,post\nThe last one,post\n'
    result = read_export(text, "csv", SETTINGS)
    assert [len(p.text) for p in result.posts] == [len(long_post), len("The last one")]
    assert [p.record for p in result.posts] == [1, 3]
    assert len(result.problems) == 1 and result.problems[0].startswith("record 2 (line 3): invalid CSV")


def test_csv_limit_is_restored_after_reading():
    import csv

    before = csv.field_size_limit()
    read_export('text\n"' + "x" * 200_000 + '"\n', "csv", SETTINGS)
    assert csv.field_size_limit() == before
