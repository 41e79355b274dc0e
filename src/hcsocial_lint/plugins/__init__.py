"""Plug-ins: hook specifications and the plug-in manager (the pytest / sqlfluff shape)."""

from .hookspecs import hookimpl

__all__ = ["hookimpl"]
