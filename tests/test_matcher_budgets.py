"""Matchers on a budget: the URL recognizer finds what Presidio's finds without its backtracking,
every recognizer pattern stops at regex-timeout and says so, and tokenizing stays linear."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
import regex
from hypothesis import given, settings as hsettings, strategies as st
from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import UrlRecognizer

from hcsocial_lint.nlp.models import blank_pipeline
from hcsocial_lint.sources import read_text_post
from hcsocial_lint.nlp.regex_budget import TimedPattern, budget_recognizers
from hcsocial_lint.nlp.tokenizer import RUN_LIMIT
from hcsocial_lint.nlp.url_recognizer import FastUrlRecognizer, ordered_trie

URL_TEXTS = [
    "Book at www.riverside-clinic.org/flu or https://clinic.health/book?x=1 today.",
    "Links: 'www.a.co' \"http://b.community\" x.comfortable a.co.uk/path and q.comm.au",
    "Email me at someone@example.com, see example.company or sub.domain.museum.",
    "Nothing here but dots... and more dots.... e.g. i.e. etc.",
    "www1.portal.net/very/long/path_(with)/parens and HTTP://UPPER.ORG/X",
]


def _spans(recognizer, text):
    return sorted((r.start, r.end, r.score) for r in recognizer.analyze(text, ["URL"]))


@pytest.mark.parametrize("text", URL_TEXTS)
def test_fast_url_recognizer_matches_presidio(text):
    assert _spans(FastUrlRecognizer(), text) == _spans(UrlRecognizer(), text)


url_like = st.text(alphabet=st.sampled_from(list("acmoxuw.-/:'\" htps")), max_size=60)


@given(text=url_like)
@hsettings(max_examples=200, deadline=None)
def test_fast_url_recognizer_matches_presidio_on_generated_text(text):
    assert _spans(FastUrlRecognizer(), text) == _spans(UrlRecognizer(), text)


@given(words=st.lists(st.text(alphabet="abc", max_size=4), max_size=8), text=st.text(alphabet="abc'", max_size=12))
@hsettings(max_examples=300, deadline=None)
def test_ordered_trie_tries_words_in_the_given_order(words, text):
    """A continuation that can fail (a quote) makes the alternation order observable."""
    if not words:
        return
    plain = regex.compile("(?:" + "|".join(regex.escape(w) for w in words) + ")'")
    trie = regex.compile(ordered_trie(words) + "'")
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in trie.finditer(text)]
    first = regex.compile("(?:" + "|".join(regex.escape(w) for w in words) + ")")
    assert [m.span() for m in first.finditer(text)] == [m.span() for m in regex.compile(ordered_trie(words) or "").finditer(text)]


@pytest.mark.parametrize("text", ["." * 400, "a." * 200, "1." * 200, "www." * 100])
def test_fast_url_recognizer_is_much_faster_than_presidios_on_adversarial_text(text):
    """Presidio's own patterns backtrack through 675 top-level domains at every position
    (27 s on 2 KB of dots in the probe); the trie and the pre-filter remove that factor."""
    timings = []
    for recognizer in (UrlRecognizer(), FastUrlRecognizer()):
        recognizer.analyze("compile the patterns: x.com", ["URL"])
        started = time.perf_counter()
        recognizer.analyze(text, ["URL"])
        timings.append(time.perf_counter() - started)
    presidio, fast = timings
    assert fast * 4 < presidio


def test_recognizer_patterns_stop_at_the_budget_and_report_it():
    slow = PatternRecognizer("SLOW", name="SlowRecognizer", patterns=[Pattern("nested", r"(?:a|aa)+$", 0.5)])
    quick = PatternRecognizer("QUICK", name="QuickRecognizer", patterns=[Pattern("word", r"\bok\b", 0.5)])
    overruns = budget_recognizers([slow, quick], 0.05)
    text = "ok " + "a" * 60 + "b"
    started = time.perf_counter()
    assert slow.analyze(text, ["SLOW"]) == []
    assert time.perf_counter() - started < 2
    assert len(quick.analyze(text, ["QUICK"])) == 1
    messages = overruns.drain()
    assert len(messages) == 1 and "SlowRecognizer" in messages[0] and "regex-timeout" in messages[0]
    assert overruns.drain() == []


def test_budgeting_copies_presidio_patterns_shared_between_instances():
    first, second = UrlRecognizer(), UrlRecognizer()
    budget_recognizers([first], 0.5)
    assert not any(isinstance(p.compiled_regex, TimedPattern) for p in second.patterns)
    assert all(isinstance(p.compiled_regex, TimedPattern) for p in first.patterns)


def test_linter_reports_a_recognizer_overrun_on_one_line(linter, monkeypatch):
    recognizer = next(r for r in linter.analyzer.registry.recognizers if r.name == "UrlRecognizer")
    monkeypatch.setattr(linter._overruns, "seconds", 1e-9)
    report = linter.lint_text("See www.example.org/" + "a/" * 4000 + " today.")
    lines = [p.message for p in report.problems]
    assert any(recognizer.name in line for line in lines)
    assert all("\n" not in line for line in lines)
    record = replace(read_text_post("See www.example.org/a today.", linter.settings, display_path="posts.jsonl"), record=3)
    problems = linter.lint_posts([record], [linter.settings]).problems
    assert problems and all(p.path == "posts.jsonl" and p.message.startswith("record 3: ") for p in problems)


@pytest.mark.parametrize("run", ["!" * 3000, "x" * 3000, "(" * 1500 + ")" * 1500, "a.b," * 700, "!!!!!!!!!!cure",
                                 "?!?!?!?!?!  next", "......... end", "\U0001F642" * 40])
@pytest.mark.parametrize("pipeline", ["blank", "model"])
def test_tokenizer_keeps_text_and_offsets_on_long_runs(run, pipeline, linter):
    nlp = blank_pipeline() if pipeline == "blank" else linter.model.nlp
    text = f"Hello {run} world\nbye"
    doc = nlp(text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert max(len(t.text) for t in doc) <= max(RUN_LIMIT, 5)
    assert [t.text for t in doc][-3:] == ["world", "\n", "bye"]


def test_runs_of_marks_are_one_token_and_words_are_kept():
    nlp = blank_pipeline()
    assert [t.text for t in nlp("Wow!!!!!!!!!! cures?")] == ["Wow", "!!!!!!!!!!", "cures", "?"]
    assert len(nlp("([{" * 300)) <= 900 // RUN_LIMIT + 1


def test_tokenizer_leaves_ordinary_text_alone():
    nlp = blank_pipeline()
    text = "Visit https://example.org/a-rather-long-but-ordinary-path today!"
    assert [t.text for t in nlp(text)] == [t.text for t in nlp.tokenizer.tokenizer(text)]


def test_process_wide_patterns_take_the_running_linters_budget():
    """Vocabulary and recognizer patterns compiled once per process are charged to the budget
    set by ``Overruns.running``; outside it they run as plain patterns."""
    from hcsocial_lint.nlp.regex_budget import Overruns, timed

    slow = timed(regex.compile(r"(?:a|aa)+$"), "vocabulary test", "nested")
    text = "a" * 60 + "b"
    overruns = Overruns(0.05)
    with overruns.running():
        started = time.perf_counter()
        assert slow.search(text) is None and list(slow.finditer(text)) == [] and slow.fullmatch(text) is None
        assert time.perf_counter() - started < 5
    messages = overruns.drain()
    assert messages == ["vocabulary test (pattern 'nested') took longer than 0.05s (regex-timeout); "
                        "its matches after that point were not checked"]
    assert timed(regex.compile(r"\bok\b"), "vocabulary test", "word").search("it is ok") is not None


def test_vocabulary_and_name_recognizer_overruns_are_reported_on_one_line(linter, monkeypatch):
    from hcsocial_lint.rules.phi.recognizers import GivenNameRecognizer, HashtagNameRecognizer

    monkeypatch.setattr(linter._overruns, "seconds", 1e-9)
    text = ("Amazing miracle cure! Thanks J.R., #PrayersForEmma. Our patient Kevin says it changed his life. " * 40)
    report = linter.lint_text(text)
    lines = [p.message for p in report.problems]
    assert any(line.startswith("vocabulary ") for line in lines), lines
    assert any(HashtagNameRecognizer.__name__ in line for line in lines), lines
    assert any(GivenNameRecognizer.__name__ in line for line in lines), lines
    assert all("\n" not in line and "Traceback" not in line for line in lines)


def test_patterns_that_read_the_whole_post_are_on_the_budget():
    """A rule's pattern run over the whole post (not a window beside a match) takes the linter's
    regex-timeout like the recognizers' patterns do (issue #10)."""
    from hcsocial_lint.rules.claims import disease, prescription, supplements
    from hcsocial_lint.rules.phi import assessment

    whole_post = [disease._HASHTAG, prescription._BEFORE_AFTER, assessment._URL, assessment._RECORD_CONTEXT,
                  assessment._NOUN_MODIFIER_AFTER, assessment._facility_pattern("Riverside Medical Center"),
                  *supplements._disclaimer_patterns()]
    assert all(isinstance(p, TimedPattern) for p in whole_post)


def test_facility_names_match_across_any_spacing_and_compile_once():
    from hcsocial_lint.rules.phi import assessment

    pattern = assessment._facility_pattern("Riverside Medical Center")
    assert pattern is assessment._facility_pattern("Riverside Medical Center")
    text = "Seen at riverside  medical\nCenter today; not at RiversideMedical Center."
    assert [m.group(0) for m in pattern.finditer(text)] == ["riverside  medical\nCenter"]


def test_trailing_connector_is_found_in_a_bounded_reach():
    """The clause connector before a gift is read in the last characters before it, so a sentence
    of 20,000 spaces costs one short search."""
    from hcsocial_lint.rules.tone.spans import Sentence, clause_start

    text = "Book your visit today and you'll get a free gift"
    assert clause_start(text, Sentence(0, len(text), text), text.index("get")) == text.index(" and")
    spaced = "Book your visit" + " " * 20_000 + "get a gift"  # no connector: every space was a failed try
    started = time.perf_counter()
    assert clause_start(spaced, Sentence(0, len(spaced), spaced), spaced.index("get")) is None
    assert time.perf_counter() - started < 2.0


def test_timed_patterns_substitute_and_split_like_compiled_ones_and_give_the_text_back_on_an_overrun():
    """A rule calling ``sub``/``subn``/``split`` on a timed pattern used to raise AttributeError,
    which took the rule out for the rest of a batch run."""
    from hcsocial_lint.nlp.regex_budget import Overruns, timed

    tag = timed(regex.compile(r"[#@]\w+"), "vocabulary test", "tag")
    text = "thanks @clinic for #flu shots, 1/3"
    plain = regex.compile(r"[#@]\w+")
    assert tag.sub("", text) == plain.sub("", text)
    assert tag.sub("", text, 1) == plain.sub("", text, 1)
    assert tag.subn("X", text) == plain.subn("X", text)
    assert tag.split(text) == plain.split(text)
    slow = timed(regex.compile(r"(?:a|aa)+$"), "vocabulary test", "nested")
    overrun = "a" * 60 + "b"
    overruns = Overruns(0.05)
    with overruns.running():
        assert tag.sub("", text) == plain.sub("", text)
        assert slow.sub("", overrun) == overrun
        assert slow.subn("", overrun) == (overrun, 0)
        assert slow.split(overrun) == [overrun]
    assert len(overruns.drain()) == 1  # one line per pattern, however often it overran


def test_shared_patterns_remember_complete_results_but_never_a_scan_cut_short():
    from hcsocial_lint.nlp.regex_budget import Overruns, timed

    word = timed(regex.compile(r"\bok\b"), "vocabulary test", "word")
    text = "ok, it is ok"
    assert [m.span() for m in word.finditer(text)] == [(0, 2), (10, 12)]
    assert [m.span() for m in word.finditer(text)] == [(0, 2), (10, 12)]  # remembered, the same
    assert [m.span() for m in word.finditer(text, 3)] == [(10, 12)]  # other arguments, another entry
    assert word.search(text).span() == (0, 2) and word.search("none here") is None

    slow = timed(regex.compile(r"(?:a|aa)+$"), "vocabulary test", "nested remembered")
    text = "a" * 60 + "b"
    for _ in range(2):  # each post that runs out of budget reports it: the cut-short scan is not kept
        overruns = Overruns(0.05)
        with overruns.running():
            assert list(slow.finditer(text)) == [] and slow.search(text) is None
        assert len(overruns.drain()) == 1


def test_a_tagged_vocabulary_finds_the_same_with_its_combined_search():
    from hcsocial_lint.vocabularies import _COMBINE_AFTER, _any_tagged, tagged_matches, tagged_terms

    texts = ["Win a $50 Visa gift card and AirPods!", "Ends tonight: last chance to book.", "Nothing here.",
             "Thanks to @brand for the free sample #ad", "#sponsored by our partners", ""]
    for name in ("tone_gifts", "tone_urgency", "endorsement_connection", "endorsement_disclosure"):
        assert _any_tagged(name) is not None
        for _ in range(_COMBINE_AFTER + 1):  # past the scans made before the alternation is compiled
            tagged_matches(name, "warm-up")
        for text in texts:
            each = sorted((tag, tier, m.span()) for tag, tier, p in tagged_terms(name) for m in p.finditer(text))
            combined = tagged_matches(name, text)
            assert bool(each) == bool(combined), (name, text)
            assert {(tag, tier, m.span()) for tag, tier, m in combined} <= set(each)
