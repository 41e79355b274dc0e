"""Issue #9: the PHI model (PHI090) reads what the PHI reading found, not only the words.

Where the rules do not join a person to our care, the parts are still there; ``phi.evidence`` turns them
into features ("phi:" names) that the PHI model weighs with the parse's words and arcs. Training and the
second opinion read them through the one function, ``second_opinion.features_for``. Sentences are new.
"""

from __future__ import annotations

from hcsocial_lint.rules.phi.assessment import assess
from hcsocial_lint.rules.phi.evidence import evidence_features
from hcsocial_lint.rules.second_opinion import features_for


def _analysed(linter, text: str, kind: str):
    from hcsocial_lint.sources import read_text_post

    post = read_text_post(text, linter.settings, kind=kind)
    return next(iter(linter.analyse([post], [linter.settings])))


def test_the_parts_and_the_pairs_that_share_a_sentence(linter):
    analysis = _analysed(linter, "Our favorite crossing guard on Elm St was on our 3rd floor all week with pneumonia.", "post")
    names = {f.name for f in evidence_features(assess(analysis))}
    assert {"phi:health", "phi:place"} <= names
    assert any(n.startswith("phi:with:") and "health" in n and "place" in n for n in names)


def test_a_post_with_no_one_in_it_has_no_pairs(linter):
    analysis = _analysed(linter, "Flu shots are available every weekday at all three locations. No appointment needed.", "post")
    assert not any(f.name.startswith("phi:with:person") for f in evidence_features(assess(analysis)))


def test_only_the_phi_model_reads_them(linter):
    analysis = _analysed(linter, "She is resting on our cardiac floor after her surgery.", "post")
    assert any(f.name.startswith("phi:") for f in features_for("phi", analysis))
    assert not any(f.name.startswith("phi:") for f in features_for("claims", analysis))
