"""The hooks a plug-in can implement. Built-in rules are registered through these same hooks.

A plug-in is a module (or object) with functions decorated by :data:`hookimpl`, exposed
through the ``hclint`` entry-point group in its package metadata::

    [project.entry-points.hclint]
    my_rules = "my_package.hclint_plugin"

Every hook is called once per :class:`~hcsocial_lint.Linter`; what they return is
collected from all plug-ins, the built-in one first. A plug-in whose hook raises or returns
something of the wrong shape is reported by name and skipped (see ``contracts.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer

    from ..config import Settings
    from ..rules.base import Rule

PROJECT_NAME = "hclint"
ENTRY_POINT_GROUP = "hclint"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def hclint_rules(settings: Settings) -> Sequence[Rule]:
    """Rules written in Python: objects with a ``meta`` (RuleMeta) and ``check(analysis)``.

    Rule ids must be unique: a rule whose id is taken (the built-ins are registered first)
    is refused with a line naming both sources. Use a prefix of your own (three or more
    capital letters) for your ids. A rule whose ``check`` raises or yields anything but
    :class:`~hcsocial_lint.model.Hit` objects inside the post is disabled for the run.
    """


@hookspec
def hclint_rule_packs() -> Sequence[Path]:
    """Paths of declarative rule packs (YAML files, or folders of them) to load."""


@hookspec
def hclint_check_types() -> Mapping[str, Callable[..., Any]]:
    """Typed checks that rule packs can name in ``check:`` (name -> factory).

    A factory is called as ``factory(spec, context, regex_timeout)`` and returns a Rule;
    ``spec`` is the rule's YAML mapping, ``context`` a PackContext whose ``error(key, message)``
    builds the one-line PackError to raise for an invalid spec.
    """


@hookspec
def hclint_recognizers(settings: Settings) -> Sequence[EntityRecognizer]:
    """Presidio recognizers to add to the analyzer (e.g. record numbers, social handles)."""


@hookspec
def hclint_option_tables() -> Mapping[str, Sequence[str]]:
    """The configuration tables your rules read and the keys each may hold, e.g.
    ``{"example": ["banned_words"]}`` for ``[tool.hclint.example]``.

    A table or key no plug-in declares is a configuration error with a "did you mean"
    hint, so a typo never silently turns an option off. Values are checked by
    ``hclint_validate_settings``.
    """


@hookspec
def hclint_validate_settings(settings: Settings) -> None:
    """Check the options your rules read (e.g. ``settings.family_options("tone")``) when a
    configuration is loaded; raise ``ValueError`` with a one-line message naming the key.

    Called once for the base settings and once for each configuration file discovered, so a
    bad value is a configuration error before any post is linted, not a rule failure later.
    """


@hookspec
def hclint_formatters() -> Mapping[str, Callable[..., str]]:
    """Report formats, name -> ``formatter(report, options) -> str``."""
