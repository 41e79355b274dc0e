"""Discovering and calling plug-ins, with each plug-in's failure contained: a hook that
raises, or returns something of the wrong shape (see :mod:`.contracts`), is reported by the
plug-in's name and left out.

The built-in rules are one more plug-in module, registered first. Third-party plug-ins
come from the ``hclint`` entry-point group; ``HCLINT_NO_PLUGINS=1`` (or ``--no-plugins``)
keeps auto-loading off for locked-down runs.
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pluggy

from . import hookspecs
from .contracts import accept

DISABLE_ENV = "HCLINT_NO_PLUGINS"
BUILTIN_PLUGIN = "hcsocial_lint.builtin"


@dataclass(frozen=True)
class HookOutcome:
    """What one plug-in returned from one hook."""

    plugin: str
    value: Any


@dataclass
class PluginHost:
    """The plug-in manager plus the one-line problems met while loading or calling plug-ins."""

    manager: pluggy.PluginManager
    problems: list[str] = field(default_factory=list)

    def call(self, hook_name: str, *, only: str | None = None, exclude: str | None = None,
             **kwargs: Any) -> Iterator[HookOutcome]:
        """Call one hook on every plug-in (or ``only`` one, or all but ``exclude``), one at a time,
        so a failing plug-in is skipped by name."""
        hook = getattr(self.manager.hook, hook_name)
        for impl in hook.get_hookimpls():  # registration order: the built-ins first
            name = self.manager.get_name(impl.plugin) or repr(impl.plugin)
            if (only is not None and name != only) or name == exclude:
                continue
            wanted = {k: v for k, v in kwargs.items() if k in impl.argnames}
            try:
                value = impl.function(**wanted)
            except Exception as exc:  # noqa: BLE001 - a plug-in may fail in any way
                self.problems.append(f"plug-in '{name}' failed in {hook_name}: {type(exc).__name__}: {exc}; skipped")
                continue
            accepted = accept(name, hook_name, value)
            self.problems.extend(accepted.problems)
            if accepted.value is not None:
                yield HookOutcome(name, accepted.value)

    def validate_settings(self, settings: Any) -> list[str]:
        """Every plug-in's settings check: the one-line ``ValueError`` of each is returned, so
        all of a file's errors are reported at once; any other failure is the plug-in's own
        and is reported as such, not blamed on the configuration."""
        errors: list[str] = []
        hook = self.manager.hook.hclint_validate_settings
        for impl in hook.get_hookimpls():
            name = self.manager.get_name(impl.plugin) or repr(impl.plugin)
            try:
                impl.function(settings=settings)
            except ValueError as exc:
                errors.append(str(exc))
            except Exception as exc:  # noqa: BLE001 - a plug-in may fail in any way
                self.problems.append(f"plug-in '{name}' failed in hclint_validate_settings: {type(exc).__name__}: {exc}; skipped")
        return errors

    @property
    def plugin_names(self) -> list[str]:
        return [name for name, _ in self.manager.list_name_plugin()]


def plugins_disabled_by_env() -> bool:
    return os.environ.get(DISABLE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def create_host(load_entry_points: bool = True, extra_plugins: tuple[Any, ...] = ()) -> PluginHost:
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    host = PluginHost(manager)
    from .. import builtin

    manager.register(builtin, name=BUILTIN_PLUGIN)
    for plugin in extra_plugins:
        manager.register(plugin, name=_readable_name(plugin, manager))
    if load_entry_points and not plugins_disabled_by_env():
        _load_entry_points(host)
    return host


def _readable_name(plugin: Any, manager: pluggy.PluginManager) -> str:
    """A name a user can recognise in a problem line: the module, or the object's class."""
    base = getattr(plugin, "__name__", None) or f"{type(plugin).__module__}.{type(plugin).__qualname__}"
    name, n = base, 1
    while manager.has_plugin(name):
        n += 1
        name = f"{base}#{n}"
    return name


def _load_entry_points(host: PluginHost) -> None:
    for entry_point in sorted(importlib.metadata.entry_points(group=hookspecs.ENTRY_POINT_GROUP), key=lambda e: e.name):
        if host.manager.has_plugin(entry_point.name):
            continue
        try:
            plugin = entry_point.load()
            host.manager.register(plugin, name=entry_point.name)
        except Exception as exc:  # noqa: BLE001 - report any broken plug-in by name and go on
            host.problems.append(
                f"plug-in '{entry_point.name}' ({entry_point.value}) could not be loaded: {type(exc).__name__}: {exc}; skipped"
            )
