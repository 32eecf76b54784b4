"""The configuration schema's building blocks: a schema entry (`setting`) and the error a bad file raises.

A module of its own so that the configuration's sections (app/config/*.py) and the loader can share
them without importing each other in a circle; app/config/__init__.py re-exports them.
"""

from __future__ import annotations

from dataclasses import MISSING, field
from typing import Any


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file, key and reason."""


def setting(
    default: Any = MISSING,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    doc: str,
    pattern: str | None = None,
) -> Any:
    """A schema entry: its default (MISSING = required), bounds or pattern, and its description."""
    meta = {"doc": doc, "min": minimum, "max": maximum, "pattern": pattern}
    if isinstance(default, list | tuple):
        return field(default_factory=lambda: tuple(default), metadata=meta)
    return field(default=default, metadata=meta)


# The ids of chargers and of the site's groups (they name each other: a charger's parent is a group).
ID_PATTERN = r"^[A-Za-z0-9_.\-]{1,32}$"
