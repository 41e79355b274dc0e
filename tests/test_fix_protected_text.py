"""Fixes change only the post's prose: front matter, code and markup survive byte for byte.

Two layers guard this. Rules place whole-sentence and whole-post edits on the prose
(sentences are trimmed of the blank runs that stand for front matter; ``prose_bounds``
gives the post's start and end), and the fix applier refuses any edit that reaches into
protected text whatever a rule proposes. The first is tested on every rule's ``fail``
examples wrapped in a Markdown draft; the second with a rule that misbehaves on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from hcsocial_lint import Linter, Settings, hookimpl
from hcsocial_lint.analysis import Analysis
from hcsocial_lint.cli import main
from hcsocial_lint.model import Applicability, Edit, Example, Hit, RuleMeta, Severity, Suggestion

_LINTER = Linter(Settings(plugins=False))
CODE = "```\nrm -rf build  # cures nothing\n```\n"

FAIL_EXAMPLES = [
    pytest.param(example, id=f"{rule.meta.id}-{i}")
    for rule in _LINTER.rules.values()
    if rule.meta.fixable
    for i, example in enumerate(rule.meta.examples)
    if example.expect == "fail"
]


def _front_matter(example: Example) -> str:
    fields = {"title": "Spring update", "kind": example.kind, **dict(example.metadata)}
    return "---\n" + yaml.safe_dump(fields, sort_keys=True) + "---\n"


@pytest.mark.parametrize("example", FAIL_EXAMPLES)
def test_unsafe_fixes_keep_front_matter_and_code_byte_for_byte(example: Example):
    head = _front_matter(example)
    draft = f"{head}{example.text}\n\n{CODE}"
    outcome = _LINTER.fix_text(draft, unsafe=True, markdown=True)
    assert outcome.text.startswith(head), outcome.text
    assert outcome.text.endswith(f"\n\n{CODE}"), outcome.text
    assert not outcome.refused, [f.rule_id for f in outcome.refused]


# Known bug (2026-12-04): the blank left where front matter was changes spaCy's parse of the first
# sentence, so these claim-frame examples get a different rewrite under front matter than alone.
# The front matter and code stay intact (the test above); only the rewrite of the prose differs.
# CLM003-8 reads the same since the headline-order frames (2026-12-05), CLM004-6 since a blank line ends a
# sentence (2026-12-07, ``nlp.paragraphs``).
_PARSE_SENSITIVE = {"CLM003-9"}


@pytest.mark.parametrize("example", [
    pytest.param(*p.values, id=p.id, marks=pytest.mark.xfail(strict=True, reason="first-sentence parse changes after blanked front matter"))
    if p.id in _PARSE_SENSITIVE else p
    for p in FAIL_EXAMPLES
])
def test_protected_text_does_not_change_what_fixes_do_to_the_prose(example: Example):
    head = _front_matter(example)
    outcome = _LINTER.fix_text(f"{head}{example.text}\n\n{CODE}", unsafe=True, markdown=True)
    plain = _LINTER.fix_text(example.text + "\n", unsafe=True, kind=example.kind, metadata=dict(example.metadata))
    assert outcome.text[len(head):-len(f"\n{CODE}")] == plain.text


def test_first_sentence_after_front_matter_starts_at_its_first_word(linter):
    draft = "---\ntitle: Ozone\n---\n\nOur ozone therapy cures Lyme disease. Call today!\n"
    post_start = draft.index("Our")
    analysis = next(linter.analyse([_post(draft)], [linter.settings]))
    assert analysis.sentences[0].start_char == post_start
    assert analysis.prose_bounds == (post_start, len(draft.rstrip()))


def _post(draft: str):
    from hcsocial_lint.sources import read_text_post

    return read_text_post(draft, Settings(plugins=False), file_format="markdown")


# --- the applier's guard, with a rule that proposes edits outside the prose -----------------


@dataclass(frozen=True)
class _GreedyRule:
    """Rewrites the whole file from offset 0, as a careless plug-in rule might."""

    meta: RuleMeta = field(default=RuleMeta(
        id="GRD001", name="greedy", family="test", severity=Severity.ERROR, message="greedy",
        citation="test", fixable=True,
    ))

    def check(self, analysis: Analysis):
        if "miracle" in analysis.text:
            yield Hit(analysis.text.index("miracle"), analysis.text.index("miracle") + 7, suggestions=(
                Suggestion("rewrite everything", (Edit(0, len(analysis.post.original), "rewritten\n"),),
                           Applicability.SAFE),))


class _GreedyPlugin:
    @hookimpl
    def hclint_rules(self, settings):
        return [_GreedyRule()]


@pytest.fixture(scope="module")
def greedy_linter() -> Linter:
    return Linter(Settings(plugins=False, model="none", select=("GRD",)), extra_plugins=[_GreedyPlugin()])


def test_applier_refuses_an_edit_over_front_matter(greedy_linter: Linter):
    draft = "---\ntitle: x\n---\nA miracle.\n"
    outcome = greedy_linter.fix_text(draft, markdown=True)
    assert outcome.text == draft
    assert [f.rule_id for f in outcome.refused] == ["GRD001"]
    assert not outcome.applied


def test_plain_text_without_protected_parts_is_editable_everywhere(greedy_linter: Linter):
    assert greedy_linter.fix_text("A miracle.\n").text == "rewritten\n"


def test_cli_reports_a_refused_fix_and_leaves_the_file(tmp_path: Path, greedy_linter: Linter, monkeypatch):
    draft = tmp_path / "post.md"
    original = b"---\ntitle: x\n---\nA miracle.\n\n```\ncode\n```\n"
    draft.write_bytes(original)
    monkeypatch.setattr("hcsocial_lint.linter.Linter", lambda *a, **k: greedy_linter)
    result = CliRunner().invoke(main, [str(draft), "--fix"])
    assert draft.read_bytes() == original
    assert "fix for GRD001 at line 4, column 3 not applied" in result.output
    assert result.exit_code == 1


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fix_on_a_file_keeps_front_matter_bytes(tmp_path: Path, monkeypatch, newline: str):
    """The reported incident's class, end to end: a claim sentence right after front matter."""
    head = newline.join(["---", "title: Ozone", "kind: post", "tags: [wellness]", "---", ""])
    body = newline.join(["Our ozone therapy cures Lyme disease. Call today!", ""])
    draft = tmp_path / "draft.md"
    draft.write_bytes(b"\xef\xbb\xbf" + (head + body).encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["draft.md", "--fix", "--unsafe-fixes", "--select", "CLM003"])
    written = draft.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf" + head.encode("utf-8")), written
    assert b"We offer ozone therapy. It is not a treatment for any disease. Call today!" in written
    assert "Applied 1 fix" in result.output
