"""Inline suppression comments: which rules, which lines, and where the comment stands."""

from __future__ import annotations

from hcsocial_lint.model import Suppression
from hcsocial_lint.suppression import parse_suppressions


def test_disable_next_line_targets_next_non_blank_line() -> None:
    text = "intro\n<!-- hclint-disable-next-line PHI001, CLM -->\n\n   \nJane had surgery.\n"
    assert parse_suppressions(text) == (Suppression(("PHI001", "CLM"), 5, 5, 2, 1),)


def test_selectors_may_be_separated_by_spaces_or_commas() -> None:
    (suppression,) = parse_suppressions("<!-- hclint-disable-next-line PHI001 CLM,TONE ,  phi -->\nx")
    assert suppression.selectors == ("PHI001", "CLM", "TONE", "phi")


def test_stacked_next_line_comments_share_their_target() -> None:
    text = "<!-- hclint-disable-next-line PHI001 -->\n<!-- hclint-disable-next-line CLM -->\ncured!\n"
    first, second = parse_suppressions(text)
    assert (first.first_line, first.comment_line) == (3, 1)
    assert (second.first_line, second.comment_line) == (3, 2)


def test_disable_next_line_at_the_end_targets_a_line_that_does_not_exist() -> None:
    (suppression,) = parse_suppressions("text\n<!-- hclint-disable-next-line -->\n")
    assert suppression.first_line == suppression.last_line == 4  # past the last (blank) line 3
    assert suppression.selectors == ()


def test_disable_line_covers_its_own_line_and_records_the_column() -> None:
    text = "first\nWe cure it. <!-- hclint-disable-line CLM001 -->\nthird"
    assert parse_suppressions(text) == (Suppression(("CLM001",), 2, 2, 2, 13),)


def test_block_ends_on_the_line_before_a_standalone_enable() -> None:
    text = "a\n<!-- hclint-disable PHI -->\nb\nc\n<!-- hclint-enable PHI -->\nd\n"
    assert parse_suppressions(text) == (Suppression(("PHI",), 2, 4, 2, 1),)


def test_block_includes_the_enable_line_when_text_precedes_the_comment() -> None:
    text = "<!-- hclint-disable TONE -->\nb\nrude words <!-- hclint-enable -->\nd"
    assert parse_suppressions(text) == (Suppression(("TONE",), 1, 3, 1, 1),)


def test_block_on_one_line() -> None:
    text = "x\nJane <!-- hclint-disable PHI001 --> was seen <!-- hclint-enable PHI001 -->\ny"
    assert parse_suppressions(text) == (Suppression(("PHI001",), 2, 2, 2, 6),)


def test_block_without_enable_runs_to_the_end_of_the_text() -> None:
    text = "a\n<!-- hclint-disable -->\nb\nc\nd"
    assert parse_suppressions(text) == (Suppression((), 2, 5, 2, 1),)


def test_enable_of_some_rules_keeps_the_others_disabled() -> None:
    text = "<!-- hclint-disable PHI001, CLM -->\na\n<!-- hclint-enable PHI001 -->\nb\nc"
    assert parse_suppressions(text) == (
        Suppression(("PHI001",), 1, 2, 1, 1),
        Suppression(("CLM",), 1, 5, 1, 1),
    )


def test_enable_naming_a_rule_ends_a_disable_all_block() -> None:
    text = "<!-- hclint-disable -->\na\n<!-- hclint-enable TONE -->\nb"
    assert parse_suppressions(text) == (Suppression((), 1, 2, 1, 1),)


def test_enable_of_an_unrelated_rule_leaves_the_block_open() -> None:
    text = "<!-- hclint-disable PHI -->\na\n<!-- hclint-enable TONE -->\nb"
    assert parse_suppressions(text) == (Suppression(("PHI",), 1, 4, 1, 1),)


def test_reason_after_double_dash_is_not_a_selector() -> None:
    (suppression,) = parse_suppressions("<!-- hclint-disable-next-line PHI001 -- patient signed consent -->\nx")
    assert suppression.selectors == ("PHI001",)


def test_crlf_and_cr_line_breaks_count_once() -> None:
    crlf = "a\r\n<!-- hclint-disable-next-line X -->\r\n\r\nb\r\n"
    assert parse_suppressions(crlf)[0].first_line == 4
    cr = "a\r<!-- hclint-disable-next-line X -->\r\rb\r"
    assert parse_suppressions(cr)[0].first_line == 4


def test_directives_are_case_insensitive_and_unknown_ones_ignored() -> None:
    text = "<!-- HCLINT-Disable-Next-Line PHI001 -->\nx\n<!-- hclint-disable-file PHI -->\n<!-- lint-disable X -->\n"
    assert parse_suppressions(text) == (Suppression(("PHI001",), 2, 2, 1, 1),)


def test_text_without_comments_has_no_suppressions() -> None:
    assert parse_suppressions("hclint-disable PHI001 is mentioned in prose") == ()


def test_results_follow_comment_order() -> None:
    text = "<!-- hclint-disable A -->\n<!-- hclint-disable-line B -->\n<!-- hclint-enable A -->\n"
    assert [s.selectors for s in parse_suppressions(text)] == [("A",), ("B",)]
