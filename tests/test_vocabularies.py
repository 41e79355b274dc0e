"""Vocabulary files: comments, hashtag terms and regex escapes survive loading."""

from __future__ import annotations

from hcsocial_lint import vocabularies
from hcsocial_lint.vocabularies import _COMMENT


def test_comment_syntax_keeps_hashtags():
    assert _COMMENT.sub("", "# a comment line").strip() == ""
    assert _COMMENT.sub("", "#").strip() == ""
    assert _COMMENT.sub("", "cure  # trailing note").strip() == "cure"
    assert _COMMENT.sub("", "#ad").strip() == "#ad"
    assert _COMMENT.sub("", "paid#partner").strip() == "paid#partner"


def test_every_vocabulary_loads_and_compiles():
    from importlib import resources

    names = [p.name[:-4] for p in resources.files(vocabularies.__name__).iterdir() if p.name.endswith(".txt")]
    assert names
    for name in names:
        assert vocabularies.raw_terms(name), f"{name}.txt is empty"
        vocabularies.pattern(name)  # raises on a broken regex


def test_terms_are_lower_case_for_word_lookups():
    assert all(t == t.lower() for t in vocabularies.terms("health_terms"))
    assert len(vocabularies.terms("health_terms")) == len(vocabularies.raw_terms("health_terms"))
