"""PHI precision and recall on the kinds of post real organisations publish (issue #9).

Sentences are written for these tests, of the same class as the posts measured (none copied).
"""

from __future__ import annotations

import pytest

from hcsocial_lint.model import Post

BLOCKING = {"error", "critical"}


def phi_errors(report):
    return [f for f in report.findings if f.family == "phi" and f.severity.value in BLOCKING]


def test_a_thread_counter_beside_a_link_does_not_disable_the_detail_rule(linter):
    """A date-like "3/5" before a link once crashed PHI007 (a timed pattern has no ``sub``), and the
    linter then disabled the rule for every later post of the run: the quasi-identifier below was missed."""
    counter = "Flu shots at our clinic this week 3/5 https://example.org/flu"
    singled_out = ("We are sorry to report the death of a 71-year-old man of Pinecrest district who was "
                   "being treated for kidney disease at our hospital.")
    posts = [Post(counter, counter, path="1"), Post(singled_out, singled_out, path="2")]
    report = linter.lint_posts(posts, [linter.settings] * 2)
    assert not [p for p in report.problems if "PHI" in p.message]
    assert any(f.rule_id == "PHI007" and f.path == "2" for f in phi_errors(report))
