"""The fix applier: edit application, fix selection, the re-lint loop, diffs."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hcsocial_lint.fixes import (
    EditableRegion,
    FixOutcome,
    FixPlan,
    apply_edits,
    fix_text,
    fix_until_stable,
    select_fixes,
    unified_diff,
)
from hcsocial_lint.model import Applicability, Edit, Finding, Severity, Suggestion, TextRange

SAFE, UNSAFE, DISPLAY = Applicability.SAFE, Applicability.UNSAFE, Applicability.DISPLAY


def finding(start: int, end: int, *suggestions: Suggestion, rule_id: str = "HC-TEST") -> Finding:
    return Finding(
        rule_id=rule_id,
        rule_name="test-rule",
        family="test",
        severity=Severity.WARNING,
        message="test",
        path="post.txt",
        range=TextRange(start, end, 1, start + 1, 1, end + 1),
        matched_text="",
        category="TEST",
        citation="",
        suggestions=suggestions,
    )


def fix(*edits: Edit, applicability: Applicability = SAFE) -> Suggestion:
    return Suggestion("fix it", tuple(edits), applicability)


# --- apply_edits -------------------------------------------------------------------


def test_no_edits_returns_text():
    assert apply_edits("abc", []) == "abc"


def test_adjacent_replacements_both_apply():
    assert apply_edits("abcdef", [Edit(3, 6, "XYZ"), Edit(0, 3, "123")]) == "123XYZ"


def test_insertion_at_the_boundary_of_a_replacement_is_adjacent():
    text = "abcdef"
    assert apply_edits(text, [Edit(2, 4, "--"), Edit(4, 4, "<")]) == "ab--<ef"
    assert apply_edits(text, [Edit(2, 4, "--"), Edit(2, 2, ">")]) == "ab>--ef"
    # given order does not matter for these: the insertion goes before the character at 2
    assert apply_edits(text, [Edit(2, 2, ">"), Edit(2, 4, "--")]) == "ab>--ef"


def test_two_insertions_at_one_offset_keep_their_given_order():
    assert apply_edits("ab", [Edit(1, 1, "1"), Edit(1, 1, "2")]) == "a12b"
    assert apply_edits("ab", [Edit(1, 1, "2"), Edit(1, 1, "1")]) == "a21b"
    # Edit's own ordering would sort by replacement; the applier must not.
    assert apply_edits("ab", [Edit(1, 1, "z"), Edit(0, 0, "<"), Edit(1, 1, "a")]) == "<azab"


@pytest.mark.parametrize(
    "edits",
    [
        [Edit(0, 4, "x"), Edit(2, 6, "y")],  # crossing
        [Edit(2, 6, "y"), Edit(0, 4, "x")],  # crossing, given in reverse
        [Edit(0, 6, "x"), Edit(2, 3, "y")],  # nested
        [Edit(0, 6, "x"), Edit(3, 3, "y")],  # insertion strictly inside a replacement
        [Edit(1, 3, "x"), Edit(1, 3, "y")],  # same range twice
        [Edit(0, 6, "x"), Edit(1, 2, "y"), Edit(4, 5, "z")],  # overlap is not only with the neighbour
    ],
)
def test_overlapping_edits_are_rejected(edits):
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits("abcdef", edits)


def test_edit_past_the_end_is_rejected():
    with pytest.raises(ValueError, match="outside"):
        apply_edits("abc", [Edit(2, 4, "x")])
    assert apply_edits("abc", [Edit(3, 3, "!")]) == "abc!"


# --- select_fixes ------------------------------------------------------------------


def test_takes_the_first_safe_fix_only_unless_unsafe():
    unsafe_first = finding(0, 4, fix(Edit(0, 4, "U"), applicability=UNSAFE), fix(Edit(0, 4, "S")))
    assert select_fixes([unsafe_first], unsafe=False).edits == (Edit(0, 4, "S"),)
    assert select_fixes([unsafe_first], unsafe=True).edits == (Edit(0, 4, "U"),)

    only_unsafe = finding(0, 4, fix(Edit(0, 4, "U"), applicability=UNSAFE))
    assert select_fixes([only_unsafe], unsafe=False) == FixPlan()
    assert select_fixes([only_unsafe], unsafe=True).applied == (only_unsafe,)


def test_display_suggestions_are_never_applied():
    shown = finding(0, 4, fix(Edit(0, 4, "rewrite"), applicability=DISPLAY), Suggestion("no edits", (), SAFE))
    for unsafe in (False, True):
        plan = select_fixes([shown], unsafe)
        assert plan == FixPlan()
        assert fix_text("cure", [shown], unsafe) == FixOutcome("cure")


def test_overlapping_suggestion_is_skipped_whole_and_reported():
    text = "miracle cure now"
    first = finding(0, 12, fix(Edit(0, 12, "treatment")), rule_id="HC-B")
    # Two edits: the second is harmless, the first collides; neither may be applied.
    second = finding(8, 12, fix(Edit(8, 12, "help"), Edit(13, 16, "today")), rule_id="HC-A")
    plan = select_fixes([second, first], unsafe=False)
    assert plan.applied == (first,)
    assert plan.skipped == (second,)
    assert plan.edits == (Edit(0, 12, "treatment"),)
    assert fix_text(text, [second, first], unsafe=False).text == "treatment now"


def test_nested_edits_count_as_overlapping():
    outer = finding(0, 10, fix(Edit(0, 10, "x")))
    inner = finding(2, 4, fix(Edit(2, 4, "y")))
    insertion_inside = finding(3, 3, fix(Edit(5, 5, "z")))
    plan = select_fixes([inner, insertion_inside, outer], unsafe=False)
    assert plan.applied == (outer,)
    assert set(plan.skipped) == {inner, insertion_inside}


def test_order_is_by_start_then_rule_id_not_input_order():
    a = finding(5, 9, fix(Edit(5, 9, "from-a")), rule_id="HC-A")
    b = finding(5, 9, fix(Edit(5, 9, "from-b")), rule_id="HC-B")
    early = finding(0, 7, fix(Edit(0, 7, "early")), rule_id="HC-Z")
    for order in ([a, b, early], [b, early, a], [early, b, a]):
        plan = select_fixes(order, unsafe=False)
        assert plan.applied == (early,)
        assert plan.skipped == (a, b)
    assert select_fixes([b, a], unsafe=False).applied == (a,)


def test_adjacent_fixes_from_different_findings_both_apply():
    left = finding(0, 3, fix(Edit(0, 3, "L")))
    right = finding(3, 6, fix(Edit(3, 6, "R")))
    append = finding(6, 6, fix(Edit(6, 6, "!")))
    outcome = fix_text("abcdef", [append, right, left], unsafe=False)
    assert outcome.text == "LR!"
    assert outcome.skipped == ()
    assert set(outcome.applied) == {left, right, append}


def test_identical_edits_from_two_rules_apply_once():
    one = finding(0, 4, fix(Edit(4, 4, " #ad")), rule_id="HC-A")
    two = finding(0, 4, fix(Edit(4, 4, " #ad")), rule_id="HC-B")
    outcome = fix_text("Love", [one, two], unsafe=False)
    assert outcome.text == "Love #ad"
    assert outcome.applied == (one, two)


def test_a_suggestion_overlapping_itself_is_a_rule_bug():
    broken = finding(0, 4, fix(Edit(0, 3, "x"), Edit(2, 4, "y")), rule_id="HC-BROKEN")
    with pytest.raises(ValueError, match="HC-BROKEN"):
        select_fixes([broken], unsafe=False)


def test_plan_edits_are_sorted_for_application():
    late = finding(6, 8, fix(Edit(6, 8, "z")))
    early = finding(0, 1, fix(Edit(0, 1, "a"), Edit(9, 9, "!")))
    assert select_fixes([late, early], unsafe=False).edits == (Edit(0, 1, "a"), Edit(6, 8, "z"), Edit(9, 9, "!"))


# --- property tests ----------------------------------------------------------------


@st.composite
def text_and_edits(draw, text_alphabet="abc \n", replacement_alphabet="abc \n"):
    """A text and non-overlapping edits over it, in a random order (several insertions
    may share an offset; their given order then decides the output)."""
    text = draw(st.text(text_alphabet, max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    if len(cuts) % 2:
        cuts.append(len(text))
    edits = [
        Edit(cuts[i], cuts[i + 1], draw(st.text(replacement_alphabet, max_size=4))) for i in range(0, len(cuts), 2)
    ]
    return text, draw(st.permutations(edits))


def naive_apply(text: str, edits: Sequence[Edit]) -> str:
    """Walk the text character by character, left to right."""
    out: list[str] = []
    pos = 0
    while True:
        out.extend(e.replacement for e in edits if e.start == e.end == pos)
        replacing = [e for e in edits if e.start == pos and e.end > pos]
        if replacing:
            (edit,) = replacing
            out.append(edit.replacement)
            pos = edit.end
            continue
        if pos >= len(text):
            return "".join(out)
        out.append(text[pos])
        pos += 1


@given(text_and_edits())
def test_property_matches_naive_left_to_right_reconstruction(case):
    text, edits = case
    assert apply_edits(text, edits) == naive_apply(text, edits)


@given(text_and_edits(text_alphabet="abc \n", replacement_alphabet="XYZ"))
def test_property_text_outside_every_edit_survives_in_order(case):
    text, edits = case
    result = apply_edits(text, edits)
    untouched = "".join(ch for i, ch in enumerate(text) if not any(e.start <= i < e.end for e in edits))
    # Replacements use letters the text never contains, so deleting them leaves exactly
    # the untouched characters, in their original order.
    assert re.sub("[XYZ]", "", result) == untouched


@given(st.lists(st.tuples(st.integers(0, 8), st.integers(0, 4)), max_size=6))
def test_property_rejects_exactly_the_overlapping_sets(spans):
    edits = [Edit(start, start + length, "r") for start, length in spans]

    # Brute force over every pair: two ranges collide when they share a character or
    # an insertion falls strictly inside a replacement.
    def inside(point: int, e: Edit) -> bool:
        return e.start < point < e.end

    def collide(a: Edit, b: Edit) -> bool:
        shared = max(a.start, b.start) < min(a.end, b.end)
        return shared or (a.start == a.end and inside(a.start, b)) or (b.start == b.end and inside(b.start, a))

    overlapping = any(collide(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :])
    if overlapping:
        with pytest.raises(ValueError):
            apply_edits("x" * 12, edits)
    else:
        assert apply_edits("x" * 12, edits) == naive_apply("x" * 12, edits)


@given(
    st.lists(
        st.tuples(st.integers(0, 20), st.integers(0, 5), st.sampled_from([SAFE, UNSAFE, DISPLAY])),
        max_size=12,
    ),
    st.booleans(),
)
def test_property_selected_fixes_never_overlap(specs, unsafe):
    text = "x" * 30
    findings = [
        finding(start, start + length, fix(Edit(start, start + length, "y"), applicability=how), rule_id=f"HC-{i:02}")
        for i, (start, length, how) in enumerate(specs)
    ]
    plan = select_fixes(findings, unsafe)
    apply_edits(text, plan.edits)  # raises on overlap
    assert not set(plan.applied) & set(plan.skipped)
    allowed = {SAFE, UNSAFE} if unsafe else {SAFE}
    eligible = [f for f in findings if f.suggestions[0].applicability in allowed]
    assert len(plan.applied) + len(plan.skipped) == len(eligible)
    assert all(f.suggestions[0].applicability in allowed for f in plan.applied)


# --- fix_until_stable ----------------------------------------------------------------


def lint_cure(text: str) -> list[Finding]:
    """Toy rule: 'cure' is a claim; the safe fix is 'may help'."""
    return [
        finding(m.start(), m.end(), fix(Edit(m.start(), m.end(), "may help")), rule_id="HC-CURE")
        for m in re.finditer("cure", text)
    ]


@given(st.lists(st.sampled_from(["cure", "cures", "c", "ure", "may", "help", " ", "\n"]), max_size=20).map("".join))
def test_property_fix_until_stable_terminates_and_is_idempotent(text):
    first = fix_until_stable(text, lint_cure, unsafe=False)
    assert first.stable
    assert "cure" not in first.text
    assert len(first.applied) == text.count("cure")
    again = fix_until_stable(first.text, lint_cure, unsafe=False)
    assert again == FixOutcome(first.text)


def test_overlap_is_judged_on_edits_not_on_finding_ranges():
    def lint(text: str) -> list[Finding]:
        found = []
        if (i := text.find("miracle cure")) >= 0:
            found.append(finding(i, i + 12, fix(Edit(i, i + 7, "proven")), rule_id="HC-MIRACLE"))
        return found + lint_cure(text)

    outcome = fix_until_stable("A miracle cure!", lint, unsafe=False)
    assert outcome.text == "A proven may help!"
    assert [f.rule_id for f in outcome.applied] == ["HC-MIRACLE", "HC-CURE"]
    assert outcome.stable and outcome.skipped == ()


def test_deferred_fix_lands_on_a_later_pass():
    def lint(text: str) -> list[Finding]:
        found = [
            finding(m.start(), m.end(), fix(Edit(m.start(), m.end(), m.group().lower())), rule_id="HC-CAPS")
            for m in re.finditer("CURE", text)
        ]
        return found + [
            finding(m.start(), m.end(), fix(Edit(m.start(), m.end(), "may help")), rule_id="HC-CURE")
            for m in re.finditer("(?i)cure", text)
        ]

    first_pass = fix_text("a CURE", lint("a CURE"), unsafe=False)
    assert first_pass.text == "a cure"
    assert [f.rule_id for f in first_pass.skipped] == ["HC-CURE"]
    outcome = fix_until_stable("a CURE", lint, unsafe=False)
    assert outcome.text == "a may help"
    assert [f.rule_id for f in outcome.applied] == ["HC-CAPS", "HC-CURE"]
    assert outcome.stable and outcome.skipped == ()


def test_overlap_is_resolved_across_passes():
    def lint(text: str) -> list[Finding]:
        found = lint_cure(text)
        if (i := text.find("miracle cure")) >= 0:
            found.append(finding(i, i + 12, fix(Edit(i, i + 12, "treatment")), rule_id="HC-MIRACLE"))
        return found

    # HC-MIRACLE starts first, so it wins; HC-CURE is skipped, and gone after re-linting.
    outcome = fix_until_stable("A miracle cure!", lint, unsafe=False)
    assert outcome.text == "A treatment!"
    assert [f.rule_id for f in outcome.applied] == ["HC-MIRACLE"]
    assert outcome.stable


def test_oscillating_fixes_stop_without_reverting():
    def flip(text: str) -> list[Finding]:
        swap = {"cure": "heal", "heal": "cure"}
        return [finding(0, 4, fix(Edit(0, 4, swap[text[:4]])), rule_id="HC-FLIP")]

    calls = []
    outcome = fix_until_stable("cure it", lambda t: calls.append(t) or flip(t), unsafe=False, max_passes=50)
    assert outcome.text == "heal it"
    assert not outcome.stable
    assert [f.rule_id for f in outcome.skipped] == ["HC-FLIP"]
    assert len(calls) == 2


def test_pass_limit_stops_an_ever_growing_fix():
    def grow(text: str) -> list[Finding]:
        return [finding(0, 0, fix(Edit(len(text), len(text), "!")))]

    outcome = fix_until_stable("hi", grow, unsafe=False, max_passes=3)
    assert outcome.text == "hi!!!"
    assert len(outcome.applied) == 3
    assert not outcome.stable and len(outcome.skipped) == 1
    assert fix_until_stable("hi", grow, unsafe=False, max_passes=0).text == "hi"


def test_a_fix_that_changes_nothing_is_not_counted():
    def same(text: str) -> list[Finding]:
        return [finding(0, 2, fix(Edit(0, 2, text[:2])))]

    assert fix_until_stable("hi there", same, unsafe=False) == FixOutcome("hi there")


def test_unsafe_fixes_only_with_unsafe():
    def lint(text: str) -> list[Finding]:
        return [
            finding(m.start(), m.end(), fix(Edit(m.start(), m.end(), "may help"), applicability=UNSAFE))
            for m in re.finditer("cure", text)
        ]

    assert fix_until_stable("a cure", lint, unsafe=False) == FixOutcome("a cure")
    assert fix_until_stable("a cure", lint, unsafe=True).text == "a may help"


# --- unified_diff --------------------------------------------------------------------


def test_diff_is_empty_for_equal_texts():
    assert unified_diff("p.md", "same\n", "same\n") == ""


def test_diff_has_git_style_headers_and_hunks():
    diff = unified_diff("drafts/p.md", "one\ntwo cure\nthree\n", "one\ntwo may help\nthree\n")
    assert diff.splitlines() == [
        "--- a/drafts/p.md",
        "+++ b/drafts/p.md",
        "@@ -1,3 +1,3 @@",
        " one",
        "-two cure",
        "+two may help",
        " three",
    ]


def test_diff_keeps_crlf_and_marks_a_missing_final_newline():
    diff = unified_diff("p.txt", "a\r\nb cure", "a\r\nb may help")
    assert "-b cure\n\\ No newline at end of file\n" in diff
    assert diff.endswith("+b may help\n\\ No newline at end of file\n")
    assert " a\r\n" in diff


def test_diff_lines_break_only_at_newlines():
    # U+2028 and form feeds are characters of a post line, not line ends.
    diff = unified_diff("p.txt", "x\u2028cure\n", "x\u2028may help\n")
    assert "-x\u2028cure\n" in diff and "+x\u2028may help\n" in diff
    assert all(line.startswith(("---", "+++", "@@", " ", "-", "+")) for line in diff.split("\n")[:-1])


# --- the editable region ------------------------------------------------------------


def test_region_around_protected_spans():
    region = EditableRegion.around(20, [(0, 5), (12, 15)])
    assert region.spans == ((5, 12), (15, 20))
    assert EditableRegion.around(4, []).spans == ((0, 4),)
    assert EditableRegion.around(5, [(0, 5)]).spans == ()


@pytest.mark.parametrize(("edit", "allowed"), [
    (Edit(5, 12, "x"), True),    # a whole prose span
    (Edit(4, 6, "x"), False),    # reaches back into the front matter
    (Edit(10, 13, "x"), False),  # reaches into the code
    (Edit(8, 17, "x"), False),   # bridges two prose spans across code
    (Edit(5, 5, "x"), True),     # insertion where the prose starts
    (Edit(12, 12, "x"), True),   # insertion just before the code
    (Edit(0, 0, "x"), False),    # insertion ahead of the front matter
    (Edit(13, 13, "x"), False),  # insertion inside the code
    (Edit(20, 20, "x"), True),   # insertion at the end of the text
])
def test_region_allows_only_edits_within_one_prose_span(edit, allowed):
    assert EditableRegion.around(20, [(0, 5), (12, 15)]).allows(edit) is allowed


def test_select_fixes_refuses_a_suggestion_with_any_edit_outside_the_region():
    region = EditableRegion.around(10, [(0, 4)])
    partly_outside = finding(5, 6, fix(Edit(5, 6, "a"), Edit(2, 3, "b")))
    inside = finding(7, 8, fix(Edit(7, 8, "c")))
    plan = select_fixes([partly_outside, inside], unsafe=False, region=region)
    assert plan.edits == (Edit(7, 8, "c"),)
    assert plan.refused == (partly_outside,) and plan.applied == (inside,)


def test_fix_until_stable_reports_refusals_once_and_never_applies_them():
    greedy = finding(4, 5, fix(Edit(0, 9, "gone")))
    outcome = fix_until_stable("---x---\nbody", lambda t: [greedy], unsafe=False,
                               region_of=lambda t: EditableRegion.around(len(t), [(0, 8)]))
    assert outcome.text == "---x---\nbody" and outcome.refused == (greedy,) and not outcome.applied


# --- property tests: the editable region ----------------------------------------------


@st.composite
def protected_case(draw):
    """A text of prose ('x') with protected spans ('P'), and findings whose one- or two-edit
    fixes land anywhere, protected text included."""
    length = draw(st.integers(1, 30))
    starts = draw(st.lists(st.integers(0, length - 1), max_size=4))
    protected = sorted({(s, min(length, s + draw(st.integers(1, 6)))) for s in starts})
    text = "".join("P" if any(a <= i < b for a, b in protected) else "x" for i in range(length))
    findings = []
    for i in range(draw(st.integers(0, 8))):
        edits = []
        for _ in range(draw(st.integers(1, 2))):
            start = draw(st.integers(0, length))
            edits.append(Edit(start, min(length, start + draw(st.integers(0, 4))), draw(st.sampled_from(["", "y", "yy"]))))
        if edits[0].start < edits[-1].end and len(edits) == 2 and edits[1].start < edits[0].end:
            edits = edits[:1]  # a rule's own edits do not overlap
        findings.append(finding(edits[0].start, edits[0].end, fix(*edits), rule_id=f"HC-{i:02}"))
    return text, protected, findings


def _valid(edits: Sequence[Edit]) -> bool:
    try:
        apply_edits("x" * 40, edits)
    except ValueError:
        return False
    return True


@settings(max_examples=200, deadline=None)
@given(protected_case())
def test_property_protected_text_survives_every_plan(case):
    text, protected, findings = case
    findings = [f for f in findings if _valid(f.suggestions[0].edits)]
    region = EditableRegion.around(len(text), protected)
    plan = select_fixes(findings, unsafe=False, region=region)
    assert all(region.allows(e) for e in plan.edits)
    assert all(not all(region.allows(e) for e in f.suggestions[0].edits) for f in plan.refused)
    assert set(plan.applied) | set(plan.skipped) | set(plan.refused) == set(findings)
    result = apply_edits(text, plan.edits)
    for start, end in protected:
        shift = sum(len(e.replacement) - (e.end - e.start) for e in plan.edits if e.end <= start)
        assert result[start + shift:end + shift] == text[start:end]


@settings(max_examples=100, deadline=None)
@given(protected_case(), st.randoms(use_true_random=False))
def test_property_fixing_is_pure(case, random):
    text, protected, findings = case
    findings = [f for f in findings if _valid(f.suggestions[0].edits)]
    region = EditableRegion.around(len(text), protected)
    shuffled = list(findings)
    random.shuffle(shuffled)
    snapshot = list(shuffled)
    first = fix_text(text, findings, unsafe=False, region=region)
    second = fix_text(text, shuffled, unsafe=False, region=region)
    assert shuffled == snapshot  # inputs are not changed
    assert (first.text, set(first.applied), set(first.refused)) == (second.text, set(second.applied), set(second.refused))
    assert fix_text(text, findings, unsafe=False, region=region) == first
