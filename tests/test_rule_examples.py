"""Every rule's documented examples are tests: a ``fail`` example fires the rule, a ``pass``
example does not, and ``fixed`` is what the rule's fixes produce."""

from __future__ import annotations

import pytest

from hcsocial_lint import Linter, Settings
from hcsocial_lint.fixes import fix_text
from hcsocial_lint.rules.second_opinion import SCORER_FAMILIES

# every learned second opinion on, so that the examples of those off by default run too
_LINTER = Linter(Settings(plugins=False, families={"scorer": {"families": list(SCORER_FAMILIES)}}))
CASES = [
    pytest.param(rule.meta, example, id=f"{rule.meta.id}-{i}-{example.expect}")
    for rule in _LINTER.rules.values()
    for i, example in enumerate(rule.meta.examples)
]


def test_every_rule_has_examples_of_both_kinds():
    for rule in _LINTER.rules.values():
        expects = {e.expect for e in rule.meta.examples}
        assert expects == {"fail", "pass"}, f"{rule.meta.id} needs fail and pass examples"
        assert rule.meta.citation.strip(), f"{rule.meta.id} has no citation"


def test_rule_ids_are_unique_and_namespaced():
    ids = [m.id for m in _LINTER.rule_metas]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("meta", "example"), CASES)
def test_rule_example(meta, example):
    report = _LINTER.lint_text(example.text, kind=example.kind, metadata=dict(example.metadata))
    own = [f for f in report.findings if f.rule_id == meta.id]
    if example.expect == "fail":
        assert own, f"{meta.id} should flag: {example.text!r}"
    else:
        assert not own, f"{meta.id} should not flag: {example.text!r}: {[f.message for f in own]}"
    if example.fixed is not None:
        outcome = fix_text(example.text, own, unsafe=True)
        assert outcome.text == example.fixed
