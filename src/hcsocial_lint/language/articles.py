"""The indefinite article a word takes: "a" or "an", by sound, not by spelling.

Used where a rewrite puts a new word after "a"/"an" (or a new "a"/"an" before a word), so
that "a [word]" keeps reading as written by a person: "an MRI", "a UTI", "an hour", "a user".
"""

from __future__ import annotations

import re

# Words whose first letter is a vowel but which start with a consonant sound, and the reverse.
_CONSONANT_SOUND_PREFIXES = ("uni", "use", "usu", "uti", "ure", "uro", "eu", "ewe", "one", "once", "ubiq", "uk")
_VOWEL_SOUND_WORDS = ("hour", "honest", "honou", "honor", "heir", "herb")
# Letters whose spoken name starts with a vowel sound: an FDA, an MRI, an NP, an X-ray, an SPF.
_VOWEL_NAMED_LETTERS = set("AEFHILMNORSX")
_WORD = re.compile(r"[A-Za-z][\w'-]*")


# Acronyms read as words take the article of their sound: a COVID test, a HIPAA form.
_READ_AS_WORDS = frozenset({"COVID", "HIPAA", "NASA", "UNICEF", "OSHA", "AIDS", "OK"})


def _is_initialism(word: str) -> bool:
    letters = word.split("-")[0]
    if len(letters) == 1 and "-" in word:  # X-ray, T-cell: the letter is spoken by name
        return letters.isupper()
    return len(letters) >= 2 and letters.isupper() and letters.isalpha() and letters not in _READ_AS_WORDS


def article_for(word: str) -> str:
    """``"a"`` or ``"an"`` for the word that follows the article (its first word is enough)."""
    word = word.lstrip()
    if word[:1].isdigit():  # an 8-week plan, an 18-month-old, an 11% drop; a 10-minute visit
        digits = re.match(r"\d+", word).group(0)
        return "an" if digits[0] == "8" or (digits in {"11", "18"}) else "a"
    match = _WORD.match(word)
    if not match:
        return "a"
    token = match.group(0)
    if _is_initialism(token):
        return "an" if token[0] in _VOWEL_NAMED_LETTERS else "a"
    lower = token.lower()
    if lower.startswith(_VOWEL_SOUND_WORDS):
        return "an"
    if lower.startswith(_CONSONANT_SOUND_PREFIXES):
        return "a"
    return "an" if lower[0] in "aeiou" else "a"


def _opens_sentence(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t")
    return not before or before[-1] in ".!?\n:\"“"


_ARTICLE_PAIR = re.compile(r"\b([Aa]n?)(\s+)([\w'-]+)")


def article_repairs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, replacement)`` for each "a"/"an" in ``text[start:end]`` that does not suit its next word.

    The case of the article is kept ("An" at a sentence start stays capitalised).
    """
    stop = len(text) if end is None else end
    repairs = []
    for match in _ARTICLE_PAIR.finditer(text, max(0, start - 3), stop):
        article, word = match.group(1), match.group(3)
        if match.start() < max(0, start - 3) or word.lower() in {"a", "an"}:
            continue
        if article[0].isupper() and not _opens_sentence(text, match.start()):
            continue  # "Vitamin A is", "Hepatitis A vaccine": a letter, not the article
        wanted = article_for(word)
        if article.lower() != wanted:
            fixed = wanted.capitalize() if article[0].isupper() else wanted
            repairs.append((match.start(1), match.end(1), fixed))
    return repairs
