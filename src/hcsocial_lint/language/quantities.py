"""Money, percentages and amounts: what prices, discounts, doses and "500%" claims are made of.

spaCy's entity recognizer finds most of them (MONEY, PERCENT, QUANTITY); social posts also write
"$49", "49$", "£30 off", "50%OFF" and "2x" that it may miss, so a small linear pattern adds those.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .spans import TextSpan, longest_first

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ENTITY_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
_WRITTEN = (
    ("MONEY", regex.compile(r"(?<![\w$£€])[$£€]\s?\d[\d,]*(?:\.\d+)?(?:\s?[kK]\b)?|\b\d[\d,]*(?:\.\d+)?\s?(?:[$£€]|dollars?\b|bucks\b|pounds\b|euros?\b)")),
    ("PERCENT", regex.compile(r"\b\d{1,4}(?:\.\d+)?\s?(?:%|percent\b|per cent\b)")),
    ("QUANTITY", regex.compile(r"\b\d{1,4}(?:\.\d+)?\s?(?:x\b|times\b|mg\b|mcg\b|ml\b|iu\b|units?\b|lbs?\b|pounds\b|kg\b)", regex.IGNORECASE)),
)


def quantities(doc: Doc) -> tuple[TextSpan, ...]:
    """Every money amount, percentage and quantity in the post, longest first where they overlap."""
    spans = [TextSpan(e.start_char, e.end_char, e.label_, e.text, "ner") for e in doc.ents if e.label_ in _ENTITY_LABELS]
    for label, pattern in _WRITTEN:
        spans.extend(TextSpan(m.start(), m.end(), label, m.group(), "pattern") for m in pattern.finditer(doc.text))
    return tuple(longest_first(spans))
