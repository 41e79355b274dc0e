"""Presidio's URL recognizer with the same matches and without its quadratic backtracking.

Presidio's URL patterns read ``[a-z0-9.\\-]{1,253}[.](?:(?:com)|(?:edu)|...)``: at every
start position the domain run is backtracked up to 253 times and each time the 675 top-level
domains are tried one by one, so 2 KB of dots took 27 s. Two changes keep every match and
remove the cost:

- the alternation of top-level domains becomes a trie (``c(?:o(?:m(?:|munity|...)...``),
  built so that alternatives are still tried in Presidio's order (:func:`ordered_trie`);
- a text with no ``.`` followed by a letter cannot hold a URL (every pattern needs a dot
  and a top-level domain), so it is not searched at all.

The patterns are derived from Presidio's own at run time, so they follow its updates; if
their shape changes beyond recognition, Presidio's patterns are used as they are (with the
regex time budget of :mod:`.regex_budget`).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import UrlRecognizer

_TLD_GROUP = regex.compile(r"\[\.\]\(\?:((?:\(\?:[a-z]+\)\|?)+)\)")
_TLD = regex.compile(r"\(\?:([a-z]+)\)")
_DOT_LETTER = regex.compile(r"\.[a-z]", regex.IGNORECASE)


def ordered_trie(words: Sequence[str]) -> str:
    """A regex matching the alternation ``w1|w2|...`` that tries the words in the same order.

    Factoring words by their first character is exact as long as no word ends at that point:
    words with different first characters never match at the same place, and the words of a
    group keep their order. A word that ends here (the empty rest) splits the list into the
    words tried before it and those tried after it, each factored on its own.
    """
    if "" in words:
        at = list(words).index("")
        parts = [part for part in (_factored(words[:at]), "", _factored([w for w in words[at + 1:] if w]))
                 if part is not None]
        return "" if parts == [""] else "(?:" + "|".join(parts) + ")"
    factored = _factored(words)
    return "" if factored is None else "(?:" + factored + ")"


def _factored(words: Sequence[str]) -> str | None:
    if not words:
        return None
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(regex.escape(head) + ordered_trie(rests) for head, rests in groups.items())


def fast_url_patterns(patterns: Sequence[Pattern] = UrlRecognizer.PATTERNS,
                      base: str = UrlRecognizer.BASE_URL_REGEX) -> list[Pattern] | None:
    """Presidio's URL patterns with the top-level-domain alternation as an ordered trie, or
    None when ``base`` does not have the expected shape."""
    group = _TLD_GROUP.search(base)
    if group is None or not all(base in p.regex for p in patterns):
        return None
    fast_base = base[:group.start(1)] + ordered_trie(_TLD.findall(group.group(1))) + base[group.end(1):]
    return [_derived(p.name, p.regex.replace(base, fast_base), p.score) for p in patterns]


def _derived(name: str, source: str, score: float) -> Pattern:
    """A ``Pattern`` made from Presidio's own valid ones: not compiled here only to check it
    (compiling the trie of top-level domains is a tenth of a second of every start); the
    recognizer compiles it when a post first reaches it (``regex_budget``)."""
    pattern = Pattern.__new__(Pattern)
    pattern.name, pattern.regex, pattern.score = name, source, score
    pattern.compiled_regex = None
    pattern.compiled_with_flags = None
    return pattern


class FastUrlRecognizer(UrlRecognizer):
    """Presidio's ``UrlRecognizer`` (same name, entity, context and scores), fast on any text."""

    def __init__(self) -> None:
        fast = fast_url_patterns()
        super().__init__(patterns=fast, name="UrlRecognizer")
        self.prefiltered = fast is not None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if self.prefiltered and _DOT_LETTER.search(text) is None:
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)
