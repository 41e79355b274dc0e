#!/usr/bin/env python3
"""Build ``vocabularies/phi_first_names_packaged.txt``: given names from maintained name data.

The hand-made ``phi_first_names.txt`` (1,120 names) knows few of the names people now give their
children or bring from other languages ("Jaxon", "Kenzie", "Priya", "Inès"), and the small spaCy model
tags such a name a place, an organisation or a plural (issue #9, part 1). This script adds given names
from two packaged sources, once, at development time; the linter reads only the word list it writes and
never imports the packages:

* ``faker`` (MIT licence): the first names of every person provider written in the Latin alphabet
  (US, UK, Irish, Spanish, Mexican, French, German, Italian, Dutch, Portuguese, Indian, Filipino, ...
  locales);
* ``names`` (Trey Hunner, MIT licence): the 1990 US Census first-name lists (public domain).

A name that is also an everyday English word ("Hope", "Will", "Summer", "Grant") would make ordinary
capitalised words people. Such names are left out by their frequency as English words in ``wordfreq``
(Zipf frequency of 3.6 or more, about once in 250,000 words); the curated list keeps the common ones it
has judged. Names that the shipped lists already call places, not-names, ambiguous names, drugs, platforms,
companies, pathogens or deities are left out too.

Run: ``pip install faker names wordfreq && python tools/build_first_names.py``.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
import unicodedata
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src" / "hcsocial_lint"
OUT = ROOT / "vocabularies" / "phi_first_names_packaged.txt"
EVERYDAY_WORD_ZIPF = 3.6
_EXCLUDING_VOCABULARIES = ("phi_first_names", "phi_name_places", "phi_not_names", "phi_name_ambiguous",
                           "phi_places_state_or_larger")
_EXCLUDING_LEXICONS = ("named_companies", "named_deities", "named_pathogens", "named_platforms", "animals")


def _latin(name: str) -> bool:
    """Letters only (a hyphen inside allowed), every letter from the Latin alphabet."""
    plain = name.replace("-", "")
    return plain.isalpha() and all("LATIN" in unicodedata.name(c, "") for c in plain)


def _faker_names() -> set[str]:
    import faker.providers.person as providers

    found: set[str] = set()
    for module in pkgutil.iter_modules(providers.__path__):
        provider = getattr(importlib.import_module(f"{providers.__name__}.{module.name}"), "Provider", None)
        for attribute in ("first_names", "first_names_female", "first_names_male", "first_names_nonbinary"):
            value = vars(provider).get(attribute) if provider is not None else None
            if hasattr(value, "keys") or isinstance(value, (list, tuple, set, frozenset)):
                found.update(n for n in value if isinstance(n, str))
    return found


def _census_names() -> set[str]:
    found: set[str] = set()
    for name in ("dist.female.first", "dist.male.first"):
        text = resources.files("names").joinpath(name).read_text(encoding="utf-8")
        found.update(line.split()[0] for line in text.splitlines() if line.strip())
    return found


def _listed(path: Path) -> set[str]:
    return {line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def build() -> list[str]:
    from wordfreq import zipf_frequency

    excluded: set[str] = set()
    for name in _EXCLUDING_VOCABULARIES:
        excluded |= _listed(ROOT / "vocabularies" / f"{name}.txt")
    for name in _EXCLUDING_LEXICONS:
        excluded |= _listed(ROOT / "language" / "lexicons" / f"{name}.txt")
    excluded |= _listed(ROOT / "language" / "data" / "drug_names.txt")
    names = {n.lower() for n in _faker_names() | _census_names() if _latin(n) and len(n) >= 3}
    return sorted(n for n in names if n not in excluded and zipf_frequency(n, "en") < EVERYDAY_WORD_ZIPF)


def main() -> None:
    names = build()
    versions = ", ".join(f"{p} {importlib.metadata.version(p)}" for p in ("faker", "names", "wordfreq"))
    header = ("# Given names from maintained name data (tools/build_first_names.py; " + versions + "): Faker's\n"
              "# Latin-alphabet first names (MIT) and the 1990 US Census first names via `names` (MIT), without\n"
              "# everyday English words (wordfreq Zipf >= 3.6) and names the curated lists already judge. Do not edit by hand.\n")
    OUT.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
