"""The sources layer: decoding, the Markdown prose view, front matter, exports, file discovery."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hcsocial_lint.config import Settings
from hcsocial_lint.sources import SourceResult, read_posts, read_text_post
from hcsocial_lint.sources.errors import InputError
from hcsocial_lint.sources.exports import read_export
from hcsocial_lint.sources.markdown import front_matter, prose_view
from hcsocial_lint.sources.reading import DecodedFile, decode_bytes, encode_text, read_source

SETTINGS = Settings()


def kept(text: str) -> str:
    """The prose view with runs of blanks collapsed, to compare what rules get to read."""
    return " ".join(prose_view(text).split())


# --------------------------------------------------------------------------- prose view

markdownish = st.lists(
    st.sampled_from(["a", "b", " ", "\n", "\r", "\r\n", "`", "```", "~~~", "[", "]", "(", ")", "![", "<", ">",
                     "<!--", "-->", "---", "...", ":", "/", "\"", "https://x.org", "<b>", "</b>", "kind: ad",
                     "\t", "é", "\\"]),
    max_size=40,
).map("".join)


@given(st.one_of(markdownish, st.text(max_size=80)))
def test_prose_view_keeps_length_and_line_breaks(text: str) -> None:
    view = prose_view(text)
    assert len(view) == len(text)
    for original, seen in zip(text, view):
        if original in "\r\n":
            assert seen == original
        else:
            assert seen in (original, " ")


def test_fenced_code_blocks_are_blanked_including_fences() -> None:
    text = "Before\n```python\nprint('Jane Doe')\n```\nAfter\n~~~\nmore code\n~~~\nEnd"
    view = prose_view(text)
    assert view.splitlines() == ["Before", " " * 9, " " * 17, "   ", "After", "   ", " " * 9, "   ", "End"]


def test_unclosed_fence_runs_to_the_end() -> None:
    assert kept("Hello\n```\ncode\nstill code") == "Hello"


def test_backtick_fence_with_backtick_in_info_string_is_not_a_fence() -> None:
    assert kept("``` not `a fence\nprose") == "``` not `a fence prose"


def test_closing_fence_must_be_at_least_as_long() -> None:
    assert kept("````\n```\ncode\n````\nprose") == "prose"


def test_inline_code_is_blanked_and_lone_backtick_kept() -> None:
    assert kept("Run `rm -rf` now, it's a ` tick") == "Run now, it's a ` tick"
    assert kept("double ``a ` b`` done") == "double done"


def test_code_span_does_not_cross_a_blank_line() -> None:
    assert kept("a `b\n\nc` d") == "a `b c` d"


def test_html_comments_are_blanked_even_over_several_lines() -> None:
    text = "Visible <!-- editor note: Jane Doe -->text\n<!--\nhidden\n-->\nafter"
    assert kept(text) == "Visible text after"


def test_raw_html_tags_are_blanked_but_inner_text_kept() -> None:
    assert kept('Hi<br>there <img src="x.png" alt="a"> <b class="x">bold</b>') == "Hi there bold"


def test_script_and_style_contents_are_not_prose() -> None:
    assert kept("<style>p { color: red }</style>Text<script>var cure = 1;</script>") == "Text"


def test_link_text_kept_and_url_and_title_blanked() -> None:
    text = 'See [our clinic](https://example.org/a_(b) "Title") today'
    view = prose_view(text)
    start = text.index("our clinic")
    assert view[start:start + 10] == "our clinic"
    assert view[text.index("["):start] == " "
    assert kept(text) == "See our clinic today"


def test_image_keeps_only_alt_text() -> None:
    assert kept("![Smiling nurse](nurse.jpg 'photo') hi") == "Smiling nurse hi"


def test_linked_image_keeps_alt_text() -> None:
    assert kept("[![Logo](logo.png)](https://example.org)") == "Logo"


def test_reference_links_and_definitions() -> None:
    text = "Read [the guide][g] or [this][].\n[g]: https://example.org/guide \"Guide\"\n[this]: /local"
    assert kept(text) == "Read the guide or this ."


def test_footnotes_and_bracketed_prose_are_not_reference_definitions() -> None:
    assert kept("[^1]: Results vary.\n[Update]: open tomorrow") == "[^1]: Results vary. [Update]: open tomorrow"


def test_autolinks_blanked_but_bare_urls_and_visible_addresses_kept() -> None:
    text = "<https://example.org/x> https://example.org/patient?mrn=123 <jane@example.com> <tel:5551234>"
    assert kept(text) == "https://example.org/patient?mrn=123 jane@example.com 5551234"


def test_escaped_markup_stays_prose() -> None:
    assert kept(r"not \`code\` and \[not a link](x)") == r"not \`code\` and \[not a link](x)"


def test_offsets_of_prose_are_unchanged() -> None:
    text = "---\nkind: ad\n---\n```\nx\n```\nJane Doe <!-- c --> had [surgery](u)."
    view = prose_view(text)
    for word in ("Jane Doe", "had", "surgery"):
        assert view[text.index(word):text.index(word) + len(word)] == word


# --------------------------------------------------------------------------- front matter

def test_front_matter_is_parsed_and_blanked() -> None:
    text = "---\nkind: review-reply\nhipaa_authorization: true\ndate: 2024-05-01\n---\nThanks!\n"
    metadata, end = front_matter(text)
    assert dict(metadata) == {"kind": "review-reply", "hipaa_authorization": True, "date": "2024-05-01"}
    assert text[end:] == "Thanks!\n"
    assert kept(text) == "Thanks!"


def test_front_matter_with_crlf_and_dots_terminator() -> None:
    text = "---\r\nplatform: x\r\n...\r\nBody"
    metadata, end = front_matter(text)
    assert metadata == {"platform": "x"} and text[end:] == "Body"


def test_empty_front_matter_is_an_empty_mapping() -> None:
    assert front_matter("---\n---\nBody") == ({}, 8)


def test_no_front_matter() -> None:
    assert front_matter("Body\n---\nx: 1\n---\n") == ({}, 0)
    assert front_matter("---\nnever closed: yes\n") == ({}, 0)


def test_malformed_front_matter_is_a_one_line_input_error() -> None:
    with pytest.raises(InputError, match=r"^invalid front matter: expected .*\(line 4, column 1\), while parsing "
                                         r"a flow sequence from line 3$") as caught:
        front_matter("---\nkind: ad\nbad: [unclosed\n---\nBody")
    assert "\n" not in str(caught.value)


def test_front_matter_must_be_a_mapping() -> None:
    with pytest.raises(InputError, match="invalid front matter: expected 'key: value' lines, got a list"):
        front_matter("---\n- a\n- b\n---\nBody")


# --------------------------------------------------------------------------- decoding

ROUND_TRIPS = [
    (b"Hello\nworld\n", "utf-8", False, "\n"),
    (b"\xef\xbb\xbfHello\r\nw\xc3\xb6rld\r\n", "utf-8-sig", True, "\r\n"),
    ("\ufeffHi\r\nthere\r\n".encode("utf-16-le"), "utf-16-le", True, "\r\n"),
    ("\ufeffHi\rthere\r".encode("utf-16-be"), "utf-16-be", True, "\r"),
    (b"a\r\nb\nc\r\nd\r\n", "utf-8", False, "\r\n"),
    (b"no newline at all", "utf-8", False, "\n"),
    (b"", "utf-8", False, "\n"),
]


@pytest.mark.parametrize(("data", "encoding", "has_bom", "newline"), ROUND_TRIPS)
def test_decode_then_encode_is_byte_identical(data: bytes, encoding: str, has_bom: bool, newline: str) -> None:
    decoded = decode_bytes(data, "post.md")
    assert (decoded.encoding, decoded.has_bom, decoded.newline) == (encoding, has_bom, newline)
    assert not decoded.text.startswith("\ufeff")
    assert encode_text(decoded.text, decoded) == data


def test_encode_text_keeps_encoding_of_edited_text() -> None:
    decoded = decode_bytes("\ufeffJane\r\n".encode("utf-16-le"), "p.txt")
    assert encode_text("A patient\r\n", decoded) == "\ufeffA patient\r\n".encode("utf-16-le")


def test_line_endings_are_not_translated() -> None:
    assert decode_bytes(b"a\r\nb\rc\n", "p").text == "a\r\nb\rc\n"


def test_undecodable_bytes_are_reported_with_byte_and_offset() -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(b"caf\xe9 au lait \xff", "p.txt")
    assert str(caught.value) == "cannot decode as UTF-8 (byte 0xe9 at offset 3); file left untouched"


def test_nul_byte_means_binary() -> None:
    with pytest.raises(InputError, match="^binary file, skipped$"):
        decode_bytes(b"PNG\x00\x01\x02", "image.md")


def test_utf16_text_is_not_mistaken_for_binary() -> None:
    assert decode_bytes("\ufeffok".encode("utf-16-le"), "p").text == "ok"


def test_read_source_decodes_a_file(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_bytes(b"\xef\xbb\xbfHi\r\n")
    assert read_source(path, SETTINGS) == DecodedFile(str(path), "Hi\r\n", "utf-8-sig", True, "\r\n")


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as handle:
        handle.truncate(52_428_800)  # sparse: no disk space used

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened despite its size")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(InputError) as caught:
        read_source(path, SETTINGS)
    assert str(caught.value) == (
        "file is 52,428,800 bytes, over the 10,485,760-byte limit (max-file-bytes); skipped"
    )


def test_size_limit_comes_from_settings(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("12345678901")
    with pytest.raises(InputError, match="over the 10-byte limit"):
        read_source(path, Settings(max_file_bytes=10))
    path.write_text("1234567890")
    assert read_source(path, Settings(max_file_bytes=10)).text == "1234567890"


def test_missing_file_and_directory_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="^no such file or directory$"):
        read_source(tmp_path / "nope.md", SETTINGS)
    with pytest.raises(InputError, match="^is a directory, not a file$"):
        read_source(tmp_path, SETTINGS)


def test_permission_denied_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.md"
    path.write_text("x")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(InputError, match="^permission denied$"):
        read_source(path, SETTINGS)


def test_read_posts_propagates_file_problems_as_input_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe\xfd"[1:])
    with pytest.raises(InputError, match="cannot decode as UTF-8"):
        read_posts(path, SETTINGS)


def test_empty_file_gives_no_posts_and_no_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    result = read_posts(path, SETTINGS)
    assert result.decoded is not None and result.decoded.text == ""
    assert result.posts == () and result.problems == ()


# --------------------------------------------------------------------------- exports

def posts_of(text: str, file_format: str, settings: Settings = SETTINGS, kind: str | None = None):
    return read_export(text, file_format, settings, kind=kind, display_path="export")


def test_json_list_gives_one_post_per_record_with_scalar_metadata() -> None:
    data = [
        {"text": "Hello", "platform": "x", "kind": "ad", "id": 7, "tags": ["a"], "extra": None},
        {"text": "World", "author": {"name": "n"}},
    ]
    result = posts_of(json.dumps(data), "json")
    first, second = result.posts
    assert (first.text, first.original, first.record, first.kind, first.platform) == ("Hello", "Hello", 1, "ad", "x")
    assert dict(first.metadata) == {"platform": "x", "kind": "ad", "id": 7, "extra": None}
    assert (second.record, second.kind, dict(second.metadata)) == (2, "post", {})
    assert first.file_format == "json" and first.path == "export"
    assert result.problems == ()


def test_json_object_with_posts_list() -> None:
    result = posts_of(json.dumps({"exported": "today", "posts": [{"text": "a"}]}), "json")
    assert [p.text for p in result.posts] == ["a"]


def test_json_records_without_text_are_problems_not_crashes() -> None:
    data = [{"text": "ok"}, {"body": "no text"}, "just a string", {"text": 5}, {"text": "fine"}]
    result = posts_of(json.dumps(data), "json")
    assert [p.record for p in result.posts] == [1, 5]
    assert result.problems == (
        "record 2: no 'text' field",
        "record 3: expected an object, got a str",
        "record 4: 'text' field is a number, not text",
    )


def test_text_field_name_comes_from_settings() -> None:
    settings = Settings(text_field="message", kind_field="type", platform_field="network")
    result = posts_of('[{"message": "hi", "type": "bio", "network": "ig"}]', "json", settings)
    assert (result.posts[0].text, result.posts[0].kind, result.posts[0].platform) == ("hi", "bio", "ig")


@pytest.mark.parametrize("text", ['{"text": "not in a list"}', "42", '"string"'])
def test_json_that_is_not_a_list_of_posts_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="expected a list of posts"):
        posts_of(text, "json")


def test_invalid_json_file_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^invalid JSON: .*\(line 1, column"):
        posts_of("[{", "json")


def test_jsonl_skips_blank_lines_and_reports_bad_lines() -> None:
    text = '{"text": "one"}\n\n{"text": "two", "kind": "story"}\nnot json\n{"body": "x"}\n{"text": "five"}\n'
    result = posts_of(text, "jsonl")
    assert [(p.record, p.text, p.kind) for p in result.posts] == [(1, "one", "post"), (2, "two", "story"), (5, "five", "post")]
    assert result.problems == ("line 4: invalid JSON: Expecting value", "record 4 (line 5): no 'text' field")


def test_jsonl_keeps_unicode_line_separators_inside_strings() -> None:
    result = posts_of('{"text": "a\u2028b"}\n', "jsonl")
    assert result.posts[0].text == "a\u2028b"


def test_file_that_is_not_jsonl_at_all_is_an_input_error() -> None:
    with pytest.raises(InputError, match="^not JSON Lines: line 1: invalid JSON"):
        posts_of("This is a plain draft\nwith two lines\n", "jsonl")


def test_csv_with_quoted_multiline_fields() -> None:
    text = 'id,text,platform\r\n1,"Line one\r\nline two, with comma",fb\r\n2,"He said ""hi""",\r\n'
    result = posts_of(text, "csv")
    first, second = result.posts
    assert first.text == "Line one\r\nline two, with comma" and first.record == 1 and first.platform == "fb"
    assert second.text == 'He said "hi"' and second.record == 2 and second.platform is None
    assert dict(first.metadata) == {"id": "1", "platform": "fb"}


def test_csv_short_and_long_rows_are_problems() -> None:
    text = "text,kind\nok,ad\n\nlong,ad,extra\nfine,tweet\n"
    result = posts_of(text, "csv")
    assert [p.text for p in result.posts] == ["ok"]
    assert result.problems == (
        "record 2 (line 4): 3 cells but the header has 2 columns",
        "record 3 (line 5): unknown kind 'tweet' (expected one of post, review-reply, comment-reply, ad, bio, story)",
    )


def test_csv_without_text_column_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no 'text' column in the CSV header"):
        posts_of("body,kind\nx,ad\n", "csv")


def test_export_suppressions_are_parsed_per_record() -> None:
    result = posts_of(json.dumps([{"text": "a\n<!-- hclint-disable-next-line PHI -->\nJane"}]), "json")
    assert result.posts[0].suppressions[0].first_line == 3


# --------------------------------------------------------------------------- read_posts / read_text_post

def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def test_markdown_file_becomes_one_post_with_prose_view(tmp_path: Path) -> None:
    text = "---\nplatform: instagram\ndisclosure: '#ad'\n---\nGreat news! `code`\n<!-- hclint-disable-line CLM -->\n"
    result = read_posts(write(tmp_path / "draft.md", text), SETTINGS)
    assert isinstance(result, SourceResult)
    (post,) = result.posts
    assert post.original == text and post.text == prose_view(text)
    assert (post.kind, post.platform, post.file_format) == ("post", "instagram", "markdown")
    assert dict(post.metadata) == {"platform": "instagram", "disclosure": "#ad"}
    assert [s.selectors for s in post.suppressions] == [("CLM",)]
    assert post.path == str(tmp_path / "draft.md")


def test_display_path_names_the_posts(tmp_path: Path) -> None:
    result = read_posts(write(tmp_path / "a.md", "x"), SETTINGS, display_path="drafts/a.md")
    assert result.posts[0].path == "drafts/a.md" and result.decoded.path == "drafts/a.md"


@pytest.mark.parametrize(
    ("explicit", "front", "configured", "expected"),
    [
        ("bio", "ad", "story", "bio"),
        (None, "ad", "story", "ad"),
        (None, None, "story", "story"),
        (None, None, None, "post"),
    ],
)
def test_markdown_kind_precedence(tmp_path: Path, explicit, front, configured, expected) -> None:
    text = (f"---\nkind: {front}\n---\n" if front else "") + "Body"
    result = read_posts(write(tmp_path / "p.md", text), Settings(kind=configured), kind=explicit)
    assert result.posts[0].kind == expected


@pytest.mark.parametrize(
    ("explicit", "record", "configured", "expected"),
    [
        ("bio", "ad", "story", "bio"),
        (None, "ad", "story", "ad"),
        (None, None, "story", "story"),
        (None, None, None, "post"),
    ],
)
def test_export_kind_precedence(tmp_path: Path, explicit, record, configured, expected) -> None:
    data = [{"text": "Body", **({"kind": record} if record else {})}]
    path = write(tmp_path / "e.json", json.dumps(data))
    assert read_posts(path, Settings(kind=configured), kind=explicit).posts[0].kind == expected


def test_platform_falls_back_to_settings(tmp_path: Path) -> None:
    path = write(tmp_path / "p.md", "Body")
    assert read_posts(path, Settings(platform="linkedin")).posts[0].platform == "linkedin"


def test_invalid_front_matter_kind_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="front matter 'kind' must be one of .*not 'tweet'"):
        read_posts(write(tmp_path / "p.md", "---\nkind: tweet\n---\nBody"), SETTINGS)


def test_invalid_explicit_kind_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not 'tweet'"):
        read_posts(write(tmp_path / "p.md", "Body"), SETTINGS, kind="tweet")


def test_malformed_front_matter_in_markdown_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="invalid front matter"):
        read_posts(write(tmp_path / "p.md", "---\n: : :\n  - [\n---\nBody"), SETTINGS)


def test_html_file_blanks_tags_and_comments(tmp_path: Path) -> None:
    text = "<p>Hello <em>world</em></p><!-- note -->"
    (post,) = read_posts(write(tmp_path / "p.html", text), SETTINGS).posts
    assert post.file_format == "html" and " ".join(post.text.split()) == "Hello world"


def test_plain_text_is_linted_as_is_with_suppressions(tmp_path: Path) -> None:
    text = "Call `now` [here](x)\n<!-- hclint-disable-next-line PHI -->\nJane\n"
    (post,) = read_posts(write(tmp_path / "p.txt", text), SETTINGS).posts
    assert post.text == post.original == text
    assert post.file_format == "text"
    assert post.suppressions[0].first_line == 3


def test_export_files_are_dispatched_by_extension(tmp_path: Path) -> None:
    write(tmp_path / "e.jsonl", '{"text": "a"}\nbad\n')
    write(tmp_path / "e.csv", "text\nb\n")
    jsonl = read_posts(tmp_path / "e.jsonl", SETTINGS)
    csv = read_posts(str(tmp_path / "e.csv"), SETTINGS)
    assert [p.file_format for p in jsonl.posts] == ["jsonl"] and jsonl.problems == ("line 2: invalid JSON: Expecting value",)
    assert [(p.file_format, p.text) for p in csv.posts] == [("csv", "b")]


def test_text_post_with_front_matter_is_read_as_markdown() -> None:
    post = read_text_post("---\nkind: ad\n---\nBuy `x`", SETTINGS)
    assert (post.kind, post.file_format) == ("ad", "markdown")
    assert post.text.strip() == "Buy"


def test_text_post_starting_with_a_divider_is_plain_text() -> None:
    text = "---\nJust a divider: not YAML: really\n---\nBody"
    post = read_text_post(text, SETTINGS)
    assert post.text == text and post.file_format == "text" and dict(post.metadata) == {}


def test_text_post_when_caller_says_markdown() -> None:
    post = read_text_post("Hi <!-- c --> [a](b)", SETTINGS, display_path="stdin.md", file_format="markdown")
    assert post.path == "stdin.md" and " ".join(post.text.split()) == "Hi a"
    with pytest.raises(InputError):
        read_text_post("---\n[bad\n---\n", SETTINGS, file_format="markdown")
