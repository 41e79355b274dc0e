"""Long posts are linted in windows: bounded windows, and findings placed in the whole file."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from hcsocial_lint.model import Edit, Evidence, Hit, Suggestion
from hcsocial_lint.sources import read_text_post
from hcsocial_lint.sources.lines import LineIndex
from hcsocial_lint.windows import shift_hit, split_windows

CLAIM = "This tea cures colds."
FILLER = "Our team hosted a hand-washing class for kids this week. Thanks to all who came!"

texts = st.text(alphabet=st.sampled_from(list("ab .!?\n\r\t\u2026\"')")), max_size=400)


@given(text=texts, limit=st.integers(min_value=1, max_value=60))
@hsettings(max_examples=300, deadline=None)
def test_windows_cover_the_text_in_order_within_the_limit(text, limit):
    windows = split_windows(text, limit)
    assert windows[0].start == 0 and windows[-1].end == len(text)
    for before, after in zip(windows, windows[1:]):
        assert before.end == after.start
    for window in windows:
        assert window.end - window.start <= limit
        assert window.end > window.start or len(text) == 0
        if limit > 1:
            assert not (0 < window.start < len(text) and text[window.start - 1] == "\r" and text[window.start] == "\n")


def test_windows_prefer_paragraphs_then_lines_then_sentences():
    paragraphs = "\n\n".join(["a" * 30] * 4)
    assert all(paragraphs[w.end - 2:w.end] == "\n\n" for w in split_windows(paragraphs, 70)[:-1])
    lines = "\n".join(["b" * 30] * 4)
    assert all(lines[w.end - 1] == "\n" for w in split_windows(lines, 70)[:-1])
    sentences = " ".join(["Cc ccc cc."] * 20)
    assert all(sentences[w.end - 2:w.end] == ". " for w in split_windows(sentences, 45)[:-1])
    assert [w.end - w.start for w in split_windows("x" * 100, 40)] == [40, 40, 20]


@pytest.mark.parametrize("text", ["\r\n" * 5, "a\r\n", "\r\n\r\n"])
def test_a_one_character_limit_still_makes_progress(text):
    windows = split_windows(text, 1)
    assert len(windows) == len(text) and all(w.end - w.start == 1 for w in windows)


def test_short_text_is_one_window():
    assert split_windows("short", 10) == split_windows("short", 5)


def test_shift_hit_moves_every_position():
    hit = Hit(2, 5, suggestions=(Suggestion("s", (Edit(2, 5, "x"), Edit(7, 7, "y"))),),
              evidence=(Evidence("pattern", "a", "b", 1, 3), Evidence("note", "c")))
    moved = shift_hit(hit, 100)
    assert (moved.start, moved.end) == (102, 105)
    assert [(e.start, e.end) for e in moved.suggestions[0].edits] == [(102, 105), (107, 107)]
    assert [(e.start, e.end) for e in moved.evidence] == [(101, 103), (None, None)]


def _lint(linter, text, limit, markdown=False):
    settings = replace(linter.settings, max_post_chars=limit)
    post = read_text_post(text, settings, display_path="long.md", file_format="markdown" if markdown else "text")
    return linter.lint_posts([post], [settings])


@pytest.mark.parametrize("separator", ["\n\n", "\n", " ", "\r\n"])
def test_findings_in_every_window_point_into_the_file(linter, separator):
    text = separator.join([FILLER] * 12 + [CLAIM] + [FILLER] * 12 + [CLAIM] + [FILLER] * 3)
    report = _lint(linter, text, 400)
    index = LineIndex(text)
    found = [f for f in report.findings if f.rule_id == "CLM001"]
    expected = [i for i in range(len(text)) if text.startswith("cures", i)]
    assert [f.range.start for f in found] == expected
    for finding in found:
        assert (finding.range.line, finding.range.column) == index.position(finding.range.start)
        assert finding.matched_text == "cures"
        for suggestion in finding.suggestions:
            for edit in suggestion.edits:
                assert 0 <= edit.start <= edit.end <= len(text)
    assert report.posts_checked == 1


@pytest.mark.xfail(strict=True, reason="claim frames read whether the whole post sells; a window does not see a sale "
                   "made in another window (README: each window is judged on its own)")
def test_windowed_findings_match_unwindowed_ones_on_separate_paragraphs(linter):
    text = "\n\n".join([FILLER, CLAIM, FILLER, "Botox cures migraines forever!", FILLER] * 3)
    whole = {(f.rule_id, f.range.start) for f in _lint(linter, text, 100_000).findings}
    windowed = {(f.rule_id, f.range.start) for f in _lint(linter, text, 300).findings}
    assert windowed == whole


def test_suppressions_apply_across_windows_and_unused_ones_are_reported_once(linter):
    body = "\n\n".join([FILLER] * 10)
    text = f"<!-- hclint-disable-next-line CLM001 -->\n{CLAIM}\n\n{body}\n\n{CLAIM}\n\n<!-- hclint-disable-next-line PHI001 -->\nHello.\n"
    report = _lint(linter, text, 300, markdown=True)
    claims = [f for f in report.findings if f.rule_id == "CLM001"]
    assert len(claims) == 1 and claims[0].range.start == text.rindex("cures")
    assert len([f for f in report.findings if f.rule_id == "HCL100"]) == 1


def test_a_post_over_the_model_limit_does_not_crash(linter, monkeypatch):
    """spaCy refuses texts over nlp.max_length (E088); windows never exceed it, whatever the setting."""
    monkeypatch.setattr(linter.model.nlp, "max_length", 2_000)
    text = " ".join([FILLER] * 60 + [CLAIM])
    report = _lint(linter, text, 10**9)
    assert [f.range.start for f in report.findings if f.rule_id == "CLM001"] == [text.index("cures")]
    assert not report.problems
