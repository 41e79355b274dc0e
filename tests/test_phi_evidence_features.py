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


def test_whose_account_and_what_a_reply_answers(linter):
    from dataclasses import replace

    from hcsocial_lint.sources import read_text_post

    post = read_text_post("Yes! She's doing so much better and went home today 💙", linter.settings, kind="comment-reply")
    post = replace(post, metadata={**post.metadata, "account_type": "staff_personal",
                                   "comment_text": "Is my grandma okay after her fall on Sunday?"})
    analysis = next(iter(linter.analyse([post], [linter.settings])))
    names = {f.name for f in evidence_features(assess(analysis))}
    assert {"phi:account:personal", "phi:answers:someone-of-theirs", "phi:answers:health"} <= names


def test_an_organisations_post_answering_nothing(linter):
    analysis = _analysed(linter, "Our lobby reopens Monday with new seating and a coffee cart.", "post")
    names = {f.name for f in evidence_features(assess(analysis))}
    assert not any(n.startswith(("phi:account:", "phi:answers:")) for n in names)
