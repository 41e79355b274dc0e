"""The shared language layer: lexicons, clauses, assertion and quantities, each on its own."""

from __future__ import annotations

import pytest

from hcsocial_lint import Linter
from hcsocial_lint.language import LexiconError, TextSpan, longest_first, parse_lexicon
from hcsocial_lint.language.clauses import clause_head, same_clause, token_at
from hcsocial_lint.language.lexicon import LexiconMatcher
from hcsocial_lint.model import Post
from hcsocial_lint.nlp.models import blank_pipeline


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def analyse(linter: Linter, text: str):
    return next(linter.analyse([Post(path="<text>", text=text, original=text)], [linter.settings]))


def test_lexicon_refuses_regex_syntax():
    with pytest.raises(LexiconError, match=r"x:2: .* not a plain phrase"):
        parse_lexicon("x", "# match: lemma\ncures?\n", "x")


def test_lexicon_reads_directive_comments_and_duplicates():
    lex = parse_lexicon("x", "# match: lemma\nprevent  # note\n\nprevent\n#ad\n")
    assert lex.attr == "LEMMA"
    assert lex.phrases == ("prevent", "#ad")


def test_lemma_lexicon_finds_inflections(linter):
    analysis = analyse(linter, "Our spray prevents colds and stopped the flu. It is preventing nothing else.")
    found = [span.text for span in analysis.cues("claim_effects")]
    assert found == ["prevents", "stopped", "preventing"]


def test_lower_lexicon_matches_whole_words_case_insensitively():
    nlp = blank_pipeline()
    matcher = LexiconMatcher(nlp, False, [parse_lexicon("pathogens", "the rona\ncovid-19\n")])
    doc = nlp("THE RONA is back, covid-19 too, but not therona.")
    assert [s.text for s in matcher.find(doc)["pathogens"]] == ["THE RONA", "covid-19"]


def test_no_model_lemma_lexicon_falls_back_to_inflections():
    nlp = blank_pipeline()
    matcher = LexiconMatcher(nlp, False, [parse_lexicon("effects", "# match: lemma\ncure\nblock\n")])
    doc = nlp("It cures and blocked and is curing.")
    assert [s.text for s in matcher.find(doc)["effects"]] == ["cures", "blocked", "curing"]


def test_unknown_lexicon_is_an_error(linter):
    with pytest.raises(KeyError):
        analyse(linter, "text").cues("no_such_lexicon")


def test_clauses_split_coordinated_verbs_with_their_own_subject(linter):
    analysis = analyse(linter, "Garlic does not prevent flu, but our drip cures it.")
    doc = analysis.doc
    prevent, cures, garlic = token_at(doc, doc.text.index("prevent")), token_at(doc, doc.text.index("cures")), doc[0]
    assert same_clause(garlic, prevent)
    assert not same_clause(prevent, cures)
    assert clause_head(token_at(doc, doc.text.index("drip"))) == cures


def test_assertion_properties(linter):
    analysis = analyse(linter, "Vitamin C does not cure COVID. Can zinc cure a cold? Myth: tea cures flu. Our tea cures flu.")
    text = analysis.text
    spans = [TextSpan(m, m + 4, "effect") for m in (text.index("cure "), text.index("cure a"), text.index("cures flu"),
                                                       text.rindex("cures"))]
    negated, asked, refuted, asserted = (analysis.assertion(s) for s in spans)
    assert negated.negated and not negated.asserted
    assert asked.question and not asked.asserted
    assert refuted.refuted and not refuted.asserted
    assert asserted.asserted and asserted.reasons() == ()


def test_quantities_find_prices_percentages_and_amounts(linter):
    analysis = analyse(linter, "Boost immunity 500%! Only $49 (was 89$), 20 units of Botox.")
    labels = {(s.label, s.text) for s in analysis.quantities}
    assert ("PERCENT", "500%") in labels
    assert any(label == "MONEY" and "49" in text for label, text in labels)
    assert any(label == "QUANTITY" and "20 units" in text for label, text in labels)


def test_longest_first_keeps_the_longer_overlapping_span():
    a, b, c = TextSpan(0, 4, "x"), TextSpan(2, 10, "y"), TextSpan(12, 14, "z")
    assert longest_first([a, b, c]) == [b, c]


@pytest.mark.parametrize("model", ["auto", "none"])
def test_phrase_keys_are_the_tokenizers_for_every_builtin_lexicon(model):
    """The split-at-spaces shortcut for phrases of letters gives exactly the tokenizer's tokens."""
    from hcsocial_lint.language.lexicon import _token_keys, builtin_lexicon, builtin_lexicon_names
    from hcsocial_lint.nlp.models import load_model

    nlp = load_model(model).nlp
    phrases = [p for name in builtin_lexicon_names() for p in builtin_lexicon(name).phrases]
    phrases += ["cannot stop", "Gonna", "heart attack", "crohn's disease", "covid-19", "naïve"]
    expected = [tuple(t.lower_ for t in doc) for doc in nlp.tokenizer.pipe(phrases)]
    assert sorted(_token_keys(nlp, phrases)) == sorted(expected)


def test_compiled_lexicons_are_stored_and_read_back_with_the_same_matches(linter, tmp_path):
    from hcsocial_lint.language.lexicon import builtin_lexicon, builtin_lexicon_names

    nlp = linter.model.nlp
    lexicons = [builtin_lexicon(name) for name in builtin_lexicon_names()]
    doc = nlp("Our elderberry syrup cures the flu, boosts immunity and eases Crohn's disease and diabetes mellitus. "
              "Try our C.B.D. drops #colloidalsilver")
    plain = LexiconMatcher(nlp, True, lexicons).find(doc)
    assert plain["claim_targets_conditions"]
    # the dotted abbreviation and the hashtag spelling are stored with the rest
    assert {"C.B.D.", "colloidalsilver"} <= {span.text for span in plain["promoter_products"]}
    first = LexiconMatcher(nlp, True, lexicons, store=tmp_path).find(doc)
    entries = list((tmp_path / "lexicons").glob("*.msgpack"))
    assert len(entries) == 1
    stored = LexiconMatcher(nlp, True, lexicons, store=tmp_path).find(doc)
    assert plain == first == stored
    # Another lexicon (or model, spaCy version, code) is another entry, never the stored one.
    extra = parse_lexicon("house_words", "elderberry syrup\n")
    assert LexiconMatcher(nlp, True, [*lexicons, extra], store=tmp_path).find(doc)["house_words"]
    assert len(list((tmp_path / "lexicons").glob("*.msgpack"))) == 2
    # A corrupt entry is compiled again.
    for entry in (tmp_path / "lexicons").glob("*.msgpack"):
        entry.write_bytes(b"\x00not msgpack")
    assert LexiconMatcher(nlp, True, lexicons, store=tmp_path).find(doc) == plain


def test_joined_form_without_a_pattern_is_the_patterns_result():
    import regex

    from hcsocial_lint.language.lexicon import builtin_lexicon, builtin_lexicon_names, joined_form

    phrases = [p for name in builtin_lexicon_names() for p in builtin_lexicon(name).phrases]
    phrases += ["Crohn\u2019s disease", "covid-19", "a  b", "tab\tword", "naïve ÉCOLE"]
    assert all(joined_form(p) == regex.sub(r"[\s\-'\u2019]+", "", p.lower()) for p in phrases)
