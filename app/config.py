"""Station configuration: one typed schema (type, default, bounds, description), read from TOML.

Shipped defaults live in the schema; the site's file only overrides them. Unknown keys, wrong types
and out-of-range values are refused at start-up with the file, the key and the reason, so a typo
never silently falls back to a default. Values are passed to the parts that need them, never read
from a global.
"""

from __future__ import annotations

import re
import tomllib
import typing
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
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


LINK_PATTERN = r"^(tcp://[A-Za-z0-9_.\-\[\]:]+:\d{1,5}|i2c://\d{1,2}/0x[0-7][0-9a-fA-F])$"


@dataclass(frozen=True)
class ConfiguredCharger:
    """One charger (one ESP32) and how the station reaches it."""

    id: str = setting(
        doc="Charger id shown to operators and used in logs", pattern=r"^[A-Za-z0-9_.\-]{1,32}$"
    )
    link: str = setting(doc="tcp://HOST:PORT (Ethernet) or i2c://BUS/0xADDR (I2C)", pattern=LINK_PATTERN)
    max_current_mA: int = setting(32000, minimum=6000, maximum=80000, doc="Installation maximum per phase")


@dataclass(frozen=True)
class LinkSettings:
    """How the station talks to every charger."""

    poll_hz: float = setting(5.0, minimum=0.5, maximum=20.0, doc="Status polls per second per charger")
    heartbeat_ms: int = setting(1000, minimum=100, maximum=60000, doc="Heartbeat period (renews the lease)")
    lease_ms: int = setting(5000, minimum=500, maximum=600000, doc="Charger lease; must exceed heartbeat_ms")
    failsafe_current_mA: int = setting(
        0, minimum=0, maximum=80000, doc="Current a charger falls back to when the lease expires (0 = stop)"
    )
    request_timeout_ms: int = setting(300, minimum=20, maximum=10000, doc="Time to wait for one reply")
    retries: int = setting(
        2, minimum=0, maximum=10, doc="Retries of a request before the link counts as failed"
    )


@dataclass(frozen=True)
class DemoSettings:
    """Demo mode: simulated chargers and scripted cars, for rehearsal and sales."""

    chargers: int = setting(4, minimum=1, maximum=128, doc="Simulated chargers started in demo mode")
    permit_current_mA: int = setting(16000, minimum=6000, maximum=32000, doc="Current offered to demo cars")


@dataclass(frozen=True)
class StationConfig:
    """The whole station configuration."""

    station_name: str = setting("EV Station", doc="Name shown on screens and receipts")
    link: LinkSettings = setting(LinkSettings(), doc="Charger link timing")
    demo: DemoSettings = setting(DemoSettings(), doc="Demo mode")
    chargers: tuple[ConfiguredCharger, ...] = setting((), doc="Chargers; none configured means demo mode")

    def __post_init__(self) -> None:
        if self.link.lease_ms <= self.link.heartbeat_ms:
            raise ConfigError(
                f"link.lease_ms ({self.link.lease_ms}) must exceed link.heartbeat_ms "
                f"({self.link.heartbeat_ms}) or every lease would expire"
            )
        if 0 < self.link.failsafe_current_mA < 6000:
            raise ConfigError(
                "link.failsafe_current_mA must be 0 (stop) or at least 6000 (IEC 61851-1 minimum)"
            )
        ids = [c.id for c in self.chargers]
        if len(ids) != len(set(ids)):
            raise ConfigError(f"chargers: duplicate id in {ids}")
        links = [c.link for c in self.chargers]
        if len(links) != len(set(links)):
            raise ConfigError(f"chargers: two chargers share a link in {links}")


def _build(cls: type, data: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(known)}")
    hints = typing.get_type_hints(cls)
    values = {}
    for name, f in known.items():
        key = f"{where}.{name}" if where else name
        if name not in data:
            if f.default is MISSING and f.default_factory is MISSING:
                raise ConfigError(f"{key}: required ({f.metadata['doc']})")
            continue
        values[name] = _convert(hints[name], data[name], f.metadata, key)
    try:
        return cls(**values)
    except ConfigError as err:
        raise ConfigError(f"{where or 'config'}: {err}") from None


def _convert(hint: Any, value: Any, meta: typing.Mapping[str, Any], key: str) -> Any:
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if not isinstance(value, list):
            raise ConfigError(f"{key}: expected a list, got {type(value).__name__}")
        return tuple(_convert(item, v, meta, f"{key}[{i}]") for i, v in enumerate(value))
    if isinstance(hint, type) and hasattr(hint, "__dataclass_fields__"):
        if not isinstance(value, dict):
            raise ConfigError(f"{key}: expected a table, got {type(value).__name__}")
        return _build(hint, value, key)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, hint) or (isinstance(value, bool) and hint is not bool):
        raise ConfigError(f"{key}: expected {hint.__name__}, got {type(value).__name__} {value!r}")
    if meta.get("min") is not None and value < meta["min"]:
        raise ConfigError(f"{key}: {value} is below the minimum {meta['min']}")
    if meta.get("max") is not None and value > meta["max"]:
        raise ConfigError(f"{key}: {value} is above the maximum {meta['max']}")
    if meta.get("pattern") and not re.fullmatch(meta["pattern"], value):
        raise ConfigError(f"{key}: {value!r} is not valid ({meta['doc']})")
    return value


def parse_config(data: dict[str, Any]) -> StationConfig:
    """Builds the configuration from already-parsed TOML data."""
    return _build(StationConfig, data, "")


def load_config(path: Path | None) -> StationConfig:
    """Reads the site's TOML file over the shipped defaults; None gives the defaults."""
    if path is None:
        return StationConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"{path}: cannot read ({err.strerror})") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from None
    try:
        return parse_config(data)
    except ConfigError as err:
        raise ConfigError(f"{path}: {err}") from None


def describe_schema(cls: type = StationConfig, prefix: str = "") -> list[str]:
    """One line per key: name, type, default, bounds and description (for docs and --help-config)."""
    lines = []
    hints = typing.get_type_hints(cls)
    for f in fields(cls):
        hint = hints[f.name]
        name = f"{prefix}{f.name}"
        if isinstance(hint, type) and hasattr(hint, "__dataclass_fields__"):
            lines += describe_schema(hint, f"{name}.")
            continue
        if typing.get_origin(hint) is tuple:
            lines += describe_schema(typing.get_args(hint)[0], f"{name}[].")
            continue
        default = "required" if f.default is MISSING else repr(f.default)
        bounds = ""
        if f.metadata.get("min") is not None or f.metadata.get("max") is not None:
            bounds = f" [{f.metadata.get('min')}..{f.metadata.get('max')}]"
        type_name = hint.__name__ if isinstance(hint, type) else str(hint)
        lines.append(f"{name} ({type_name}, {default}{bounds}): {f.metadata['doc']}")
    return lines
