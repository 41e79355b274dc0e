"""Configuration: ``[tool.hclint]`` in pyproject.toml or a ``.hclint.toml``, found by
walking up from each linted file, merged with command-line overrides.

A configuration file that cannot be read or has an unknown or mistyped key raises
:class:`ConfigError` with a one-line message naming the file and the key.
"""

from __future__ import annotations

import difflib
import fnmatch
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path, PurePath
from types import MappingProxyType
from typing import Any

from .model import Severity

CONFIG_FILENAMES = (".hclint.toml", "hclint.toml", "pyproject.toml")
POST_KINDS = ("post", "review-reply", "comment-reply", "ad", "bio", "story")
MODEL_AUTO = "auto"
MODEL_NONE = "none"


class ConfigError(Exception):
    """Configuration problems, one line each naming the file and the key.

    Every problem of a file is collected before raising, so a user fixes them in one go
    instead of meeting them one run at a time."""

    def __init__(self, *errors: str) -> None:
        self.errors: tuple[str, ...] = tuple(errors) or ("configuration error",)
        super().__init__("\n".join(self.errors))


def did_you_mean(key: str, known: Iterable[str]) -> str:
    """`` (did you mean 'staff'?)`` for a near miss, else the known keys: a typo should be
    one glance from its fix."""
    known = sorted(set(known))
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f" (did you mean '{close[0]}'?)"
    return f" (known: {', '.join(known)})" if known else ""


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Settings:
    """Everything a run is configured with. Defaults are what a first run should do."""

    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=lambda: _frozen({}), hash=False)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _frozen({}), hash=False)
    fail_on: Severity = Severity.ERROR
    mask: bool | None = None  # None: the output format's own default
    model: str = MODEL_AUTO
    kind: str | None = None  # default post kind when neither CLI nor front matter says
    platform: str | None = None
    text_field: str = "text"  # field of a JSON/JSONL/CSV export that holds the post
    kind_field: str = "kind"
    platform_field: str = "platform"
    max_file_bytes: int = 10 * 1024 * 1024
    max_post_chars: int = 20_000  # longer posts are linted in windows of at most this many characters
    regex_timeout: float = 0.5  # seconds any one pattern (pack, recognizer, vocabulary) may take on one post
    extra_packs: tuple[str, ...] = ()  # more rule-pack files or folders (absolute once read from a file)
    exclude: tuple[str, ...] = ()  # gitignore-style patterns, relative to the configuration file's folder
    respect_gitignore: bool = True  # skip what .gitignore files ignore when walking folders
    plugins: bool = True  # load third-party plug-ins from the "hclint" entry-point group
    # Organisation facts and per-family option tables: their keys are declared by the plug-ins
    # that read them (``hclint_option_tables``) and checked when a Linter loads the settings.
    organisation: Mapping[str, Any] = field(default_factory=lambda: _frozen({}), hash=False)
    families: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: _frozen({}), hash=False)
    config_path: str | None = None  # where these settings came from

    def family_options(self, family: str) -> Mapping[str, Any]:
        return self.families.get(family, _frozen({}))

    def ignores_for(self, path: str) -> tuple[str, ...]:
        """Rule selectors ignored for ``path`` by ``per-file-ignores`` (glob patterns)."""
        matched: list[str] = []
        posix = PurePath(path).as_posix()
        base = Path(self.config_path).parent if self.config_path else None
        relative = posix
        if base is not None:
            try:
                relative = Path(path).resolve().relative_to(base.resolve()).as_posix()
            except (ValueError, OSError):
                relative = posix
        for pattern, selectors in self.per_file_ignores.items():
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(
                PurePath(path).name, pattern
            ):
                matched.extend(selectors)
        return tuple(matched)


def _as_str_tuple(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Sequence) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"'{key}' must be a string or a list of strings")


def _as_bool(value: Any, key: str) -> bool:
    if isinstance(value, bool):
        return value
    raise ConfigError(f"'{key}' must be true or false")


def _as_optional_str(value: Any, key: str) -> str:
    if isinstance(value, str):
        return value
    raise ConfigError(f"'{key}' must be a string")


def _as_positive_int(value: Any, key: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise ConfigError(f"'{key}' must be a positive whole number")


def _as_positive_float(value: Any, key: str) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return float(value)
    raise ConfigError(f"'{key}' must be a positive number")


def _as_severity(value: Any, key: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"'{key}': {exc}") from None


def _as_severity_map(value: Any, key: str) -> Mapping[str, Severity]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"'{key}' must be a table of rule selector = severity")
    return _frozen({str(k): _as_severity(v, f"{key}.{k}") for k, v in value.items()})


def _as_per_file(value: Any, key: str) -> Mapping[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"'{key}' must be a table of glob = [rule selectors]")
    return _frozen({str(k): _as_str_tuple(v, f"{key}.{k}") for k, v in value.items()})


def _as_table(value: Any, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"'{key}' must be a table")
    return _frozen(value)


def _as_snake_table(value: Any, key: str) -> Mapping[str, Any]:
    return _frozen({str(k).replace("-", "_"): v for k, v in _as_table(value, key).items()})


def _as_kind(value: Any, key: str) -> str:
    kind = _as_optional_str(value, key)
    if kind not in POST_KINDS:
        raise ConfigError(f"'{key}' must be one of {', '.join(POST_KINDS)}, not {kind!r}")
    return kind


_KEYS: dict[str, tuple[str, Any]] = {
    "select": ("select", _as_str_tuple),
    "ignore": ("ignore", _as_str_tuple),
    "severity": ("severity", _as_severity_map),
    "per-file-ignores": ("per_file_ignores", _as_per_file),
    "fail-on": ("fail_on", _as_severity),
    "mask": ("mask", _as_bool),
    "model": ("model", _as_optional_str),
    "kind": ("kind", _as_kind),
    "platform": ("platform", _as_optional_str),
    "text-field": ("text_field", _as_optional_str),
    "kind-field": ("kind_field", _as_optional_str),
    "platform-field": ("platform_field", _as_optional_str),
    "max-file-bytes": ("max_file_bytes", _as_positive_int),
    "max-post-chars": ("max_post_chars", _as_positive_int),
    "regex-timeout": ("regex_timeout", _as_positive_float),
    "rule-packs": ("extra_packs", _as_str_tuple),
    "exclude": ("exclude", _as_str_tuple),
    "respect-gitignore": ("respect_gitignore", _as_bool),
    "plugins": ("plugins", _as_bool),
    "organisation": ("organisation", _as_snake_table),
    "organization": ("organisation", _as_snake_table),
}


def settings_from_table(table: Mapping[str, Any], base: Settings | None = None, source: str = "") -> Settings:
    """Build settings from a ``[tool.hclint]`` table; unknown keys are errors, not silence.

    A table-valued key that is not one of hclint's own (``[tool.hclint.phi]``) is an option
    table for a rule family; which tables and keys exist is declared by the plug-ins, so the
    Linter checks those. Every error in the table is raised at once."""
    changes: dict[str, Any] = {}
    errors: list[str] = []
    where = f"{source}: " if source else ""
    families = dict((base or Settings()).families)
    for raw_key, value in table.items():
        key = str(raw_key).replace("_", "-")  # "fail_on" and "fail-on" are the same key
        if key not in _KEYS:
            if isinstance(value, Mapping):
                # Option tables are snake_case ("nominal_item_value"); "nominal-item-value" is accepted too.
                families[str(raw_key).replace("-", "_")] = _as_snake_table(value, key)
                continue
            errors.append(f"{where}unknown key '{key}' in [tool.hclint]{did_you_mean(key, _KEYS)}")
            continue
        name, convert = _KEYS[key]
        try:
            converted = convert(value, key)
        except ConfigError as exc:
            errors.extend(f"{where}{line}" for line in exc.errors)
            continue
        if name == "extra_packs" and source:
            converted = tuple(str((Path(source).parent / p).resolve()) for p in converted)
        changes[name] = converted
    if errors:
        raise ConfigError(*errors)
    changes["families"] = _frozen(families)
    if source:
        changes["config_path"] = source
    return replace(base or Settings(), **changes)


def unknown_option_keys(settings: Settings, declared: Mapping[str, Iterable[str]]) -> list[str]:
    """One line per option table or key that no plug-in declared, with the nearest known name.

    ``declared`` maps a table (``organisation``, ``phi``...) to the keys its plug-in reads."""
    where = f"{settings.config_path}: " if settings.config_path else ""
    tables = {"organisation": settings.organisation, **settings.families}
    errors = []
    for table, options in tables.items():
        if table not in declared:
            if table != "organisation":
                errors.append(f"{where}unknown table [tool.hclint.{table}]{did_you_mean(table, [*declared, *_KEYS])}")
            continue
        known = set(declared[table])
        errors.extend(f"{where}unknown key '{key}' in [tool.hclint.{table}]{did_you_mean(key, known)}"
                      for key in options if key not in known)
    return errors


def _read_toml(path: Path) -> Mapping[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _hclint_table(path: Path) -> Mapping[str, Any] | None:
    """The hclint table of a config file, or None when a pyproject.toml has none."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("hclint") if isinstance(tool, Mapping) else None
        if table is None:
            return None
        if not isinstance(table, Mapping):
            raise ConfigError(f"{path}: [tool.hclint] must be a table")
        return table
    table = data.get("tool", {}).get("hclint") if isinstance(data.get("tool"), Mapping) else None
    return table if isinstance(table, Mapping) else data


@lru_cache(maxsize=512)
def find_config_file(directory: Path) -> Path | None:
    """The nearest config file at or above ``directory``: .hclint.toml first, then pyproject.toml
    with a [tool.hclint] table."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILENAMES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and _hclint_table(candidate) is None:
                    continue
                return candidate
    return None


@lru_cache(maxsize=128)
def load_config_file(path: Path) -> Settings:
    table = _hclint_table(path)
    return settings_from_table(table or {}, source=str(path))


def settings_for_path(path: Path, overrides: Mapping[str, Any] | None = None) -> Settings:
    """The settings that apply to ``path``: nearest config file, then CLI overrides."""
    start = path if path.is_dir() else path.parent
    try:
        start = start.resolve()
    except OSError:
        pass
    config_file = find_config_file(start)
    settings = load_config_file(config_file) if config_file else Settings()
    return apply_overrides(settings, overrides)


def apply_overrides(settings: Settings, overrides: Mapping[str, Any] | None) -> Settings:
    """Command-line values win over file values; ``None`` means "not given"."""
    if not overrides:
        return settings
    valid = {f.name for f in fields(Settings)}
    changes = {k: v for k, v in overrides.items() if v is not None and k in valid}
    select = tuple(changes.get("select", settings.select))
    if overrides.get("extend_select") and select:  # an empty selection already means every rule
        changes["select"] = select + tuple(overrides["extend_select"])
    if overrides.get("extend_ignore"):
        changes["ignore"] = tuple(changes.get("ignore", settings.ignore)) + tuple(overrides["extend_ignore"])
    return replace(settings, **changes)
