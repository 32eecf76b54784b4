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
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any

from app.config.kiosk import KioskSettings
from app.config.ocpp import OcppSettings
from app.config.schema import ConfigError, setting
from app.config.state_dir import DEFAULT_LEDGER_URL
from app.config.state_dir import REPO_ROOT as REPO_ROOT  # re-exported: tools and tests find the tree by it
from app.tariffs import Tariff, TariffError, tariff_from_dict
from hal.board.charger_board import ChargerSettings

ID_PATTERN = r"^[A-Za-z0-9_.\-]{1,32}$"
LINK_PATTERN = r"^(tcp://[A-Za-z0-9_.\-\[\]:]+:\d{1,5}|i2c://\d{1,2}/0x[0-7][0-9a-fA-F])$"
# What a charger uses when told nothing (the firmware's ChargerConfig, mirrored by
# hal/board/charger_board.py): the defaults of the settings the station sends it with CONFIGURE.
_BOARD = ChargerSettings()


@dataclass(frozen=True, kw_only=True)
class ConfiguredCharger:
    """One charger (one ESP32) and how the station reaches it."""

    id: str = setting(doc="Charger id shown to operators and used in logs", pattern=ID_PATTERN)
    link: str = setting(doc="tcp://HOST:PORT (Ethernet) or i2c://BUS/0xADDR (I2C)", pattern=LINK_PATTERN)
    max_current_mA: int = setting(
        _BOARD.max_current_mA, minimum=6000, maximum=80000, doc="Installation maximum per phase"
    )
    connectors: int = setting(1, minimum=1, maximum=4, doc="Connectors on this charger")
    phases: int = setting(3, minimum=1, maximum=3, doc="1 (single-phase) or 3 (three-phase)")
    wiring: str = setting(
        "",
        doc="Site phases the charger's L1(, L2, L3) are wired to: L1, L2 or L3 for a single-phase "
        "charger; L1L2L3, L2L3L1 or L3L1L2 (phase rotation) for a three-phase one; empty = L1 / L1L2L3",
        pattern=r"^(|L[123]|L1L2L3|L2L3L1|L3L1L2)$",
    )
    group: str = setting(
        "site", doc="Power group (feeder or breaker) the charger hangs under", pattern=ID_PATTERN
    )
    priority: int = setting(0, minimum=-100, maximum=100, doc="Priority class of its connectors (fleet, VIP)")
    ocpp_identity: str = setting(
        "",
        doc="Its OCPP identity (chargeBoxId) with ocpp.identity_per_charger; empty = <ocpp.identity>-<id>",
        pattern=r"^[A-Za-z0-9_.:\-]{0,48}$",
    )
    link_key: str = setting(
        "",
        doc="The charger's link key, 64 hex digits (32 bytes) provisioned in it at commissioning; commands "
        "over tcp:// carry a tag made with it (docs/wire-protocol.md); empty = open link (bench only)",
        pattern=r"^([0-9A-Fa-f]{64})?$",
    )

    @property
    def site_phases(self) -> tuple[int, ...]:
        """Indices (0 = L1) of the site phases this charger draws on, in the charger's phase order."""
        wiring = self.wiring or ("L1" if self.phases == 1 else "L1L2L3")
        return tuple(int(wiring[i + 1]) - 1 for i in range(0, len(wiring), 2))

    def __post_init__(self) -> None:
        if self.phases == 2:
            raise ConfigError("phases: 2 is not a charger type; use 1 or 3")
        if self.link_key and not self.link.startswith("tcp://"):
            # The I2C bus is inside the cabinet: nothing else can reach it, so it carries no tags.
            raise ConfigError(f"link_key: only a tcp:// link is authenticated, {self.id} uses {self.link}")
        if len(self.site_phases) != self.phases:
            raise ConfigError(f"wiring: {self.wiring!r} does not fit a {self.phases}-phase charger")


@dataclass(frozen=True, kw_only=True)
class SiteSettings:
    """The grid connection: the limit the chargers together must never exceed."""

    limit_mA: tuple[int, int, int] = setting(
        (63000, 63000, 63000), minimum=6000, maximum=2000000, doc="Site limit per phase L1, L2, L3"
    )


@dataclass(frozen=True, kw_only=True)
class PowerGroup:
    """A feeder or breaker inside the site with a limit of its own; chargers or groups hang under it."""

    id: str = setting(doc="Group id, referred to by chargers' and groups' parent", pattern=ID_PATTERN)
    parent: str = setting("site", doc="The group (or site) this one hangs under", pattern=ID_PATTERN)
    limit_mA: tuple[int, int, int] = setting(minimum=6000, maximum=2000000, doc="Limit per phase L1, L2, L3")


@dataclass(frozen=True, kw_only=True)
class BalancerSettings:
    """The load balancer's control cycle and how it paces changes."""

    cycle_ms: int = setting(1000, minimum=100, maximum=10000, doc="Load balancing control cycle")
    reclaim_after_s: float = setting(
        30.0,
        minimum=5.0,
        maximum=600.0,
        doc="A car drawing less than offered this long has its offer lowered",
    )
    reclaim_margin_mA: int = setting(
        2000,
        minimum=500,
        maximum=10000,
        doc="Offer kept above a reclaimed car's draw, so it can ask for more",
    )
    rotation_s: float = setting(
        300.0,
        minimum=30.0,
        maximum=3600.0,
        doc="When 6 A cannot go to every car, who waits rotates this often",
    )
    idle_release_s: float = setting(
        60.0,
        minimum=10.0,
        maximum=3600.0,
        doc="A car offered current that draws none this long gives its share to cars that wait, "
        "until it asks again",
    )


@dataclass(frozen=True, kw_only=True)
class LinkSettings:
    """How the station talks to every charger."""

    poll_hz: float = setting(5.0, minimum=0.5, maximum=20.0, doc="Status polls per second per charger")
    heartbeat_ms: int = setting(1000, minimum=100, maximum=60000, doc="Heartbeat period (renews the lease)")
    lease_ms: int = setting(
        _BOARD.lease_ms, minimum=500, maximum=600000, doc="Charger lease; must exceed heartbeat_ms"
    )
    failsafe_current_mA: int = setting(
        _BOARD.failsafe_current_mA,
        minimum=0,
        maximum=80000,
        doc="Current a charger falls back to when the lease expires (0 = stop)",
    )
    request_timeout_ms: int = setting(300, minimum=20, maximum=10000, doc="Time to wait for one reply")
    session_timeout_s: float = setting(
        300.0,
        minimum=10.0,
        maximum=86400.0,
        doc="How long a session interrupted by a lost charger waits for it before ending (PowerLoss)",
    )
    retries: int = setting(
        2, minimum=0, maximum=10, doc="Retries of a request before the link counts as failed"
    )


@dataclass(frozen=True, kw_only=True)
class DemoSettings:
    """Demo mode: simulated chargers and scripted cars, for rehearsal and sales."""

    chargers: int = setting(4, minimum=1, maximum=128, doc="Simulated chargers started in demo mode")
    site_limit_mA: int = setting(
        40000,
        minimum=6000,
        maximum=2000000,
        doc="Demo site limit per phase, low enough to show the balancing",
    )


TABLE = "table"  # pattern marker of a free-form table validated by its own parser (the tariff)


@dataclass(frozen=True, kw_only=True)
class DatabaseSettings:
    """Where the ledger lives (docs/database.md): SQLite by default, PostgreSQL by URL."""

    url: str = setting(
        "",
        doc="Ledger database URL: sqlite:///ABSOLUTE/PATH or postgresql+psycopg://USER@HOST/DB; "
        "empty = var/ledger.sqlite3 under the installation",
        pattern=r"^(|sqlite:///.+|postgresql(\+psycopg)?://.+)$",
    )

    def resolved_url(self) -> str:
        """The URL to open; the empty default becomes an absolute path, so the working directory never
        decides which ledger a station writes to."""
        return self.url or DEFAULT_LEDGER_URL


@dataclass(frozen=True, kw_only=True)
class SessionSettings:
    """Charging-session timeouts (docs/sessions.md)."""

    plug_timeout_s: float = setting(
        120.0,
        minimum=10.0,
        maximum=3600.0,
        doc="An authorised session with no car plugged in ends after this",
    )
    stop_timeout_s: float = setting(
        15.0, minimum=2.0, maximum=300.0, doc="A stop the charger does not confirm ends on the last reading"
    )


@dataclass(frozen=True, kw_only=True)
class LedgerSettings:
    """Meter samples, their rollups and how long each is kept (docs/database.md has the sizes)."""

    sample_interval_s: float = setting(
        10.0, minimum=1.0, maximum=900.0, doc="Meter sample period per connector"
    )
    flush_interval_s: float = setting(
        30.0, minimum=1.0, maximum=900.0, doc="Samples are written in batches at most this far apart"
    )
    maintenance_interval_s: float = setting(
        60.0, minimum=1.0, maximum=3600.0, doc="How often samples are rolled up and old data pruned"
    )
    raw_samples_days: int = setting(
        90, minimum=0, maximum=36500, doc="Days raw samples are kept; 0 = for ever"
    )
    minute_rollups_days: int = setting(
        400, minimum=0, maximum=36500, doc="Days per-minute rollups are kept; 0 = for ever"
    )
    hour_rollups_days: int = setting(
        3650, minimum=0, maximum=36500, doc="Days per-hour rollups are kept; 0 = for ever"
    )
    day_rollups_days: int = setting(
        0, minimum=0, maximum=36500, doc="Days per-day rollups are kept; 0 = for ever"
    )
    delivered_messages_days: int = setting(
        30, minimum=1, maximum=3650, doc="Days delivered outbox messages are kept (for support)"
    )
    utc_offset_h: int = setting(
        8,
        minimum=-12,
        maximum=14,
        doc="Local time offset that starts a day in the daily rollups (Malaysia +8)",
    )


@dataclass(frozen=True, kw_only=True)
class StationConfig:
    """The whole station configuration."""

    station_name: str = setting("EV Station", doc="Name shown on screens and receipts")
    link: LinkSettings = setting(LinkSettings(), doc="Charger link timing")
    demo: DemoSettings = setting(DemoSettings(), doc="Demo mode")
    site: SiteSettings = setting(SiteSettings(), doc="The grid connection")
    balancer: BalancerSettings = setting(BalancerSettings(), doc="Load balancing")
    database: DatabaseSettings = setting(DatabaseSettings(), doc="The ledger database")
    sessions: SessionSettings = setting(SessionSettings(), doc="Charging sessions")
    ledger: LedgerSettings = setting(LedgerSettings(), doc="Meter data and retention")
    ocpp: OcppSettings = setting(OcppSettings(), doc="The OCPP 1.6J central system")
    kiosk: KioskSettings = setting(KioskSettings(), doc="The driver kiosk: helpline, card reader, languages")
    tariff: Tariff | None = setting(
        None,
        doc="The tariff in force: a table in the plain form of docs/tariffs.md (prices as text, "
        '"0.80"); required when chargers are configured, the demo has its own',
        pattern=TABLE,
    )
    groups: tuple[PowerGroup, ...] = setting(
        (), doc="Feeders and breakers inside the site, each with a limit"
    )
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
        self._check_groups()
        if self.ocpp.url and not self.ocpp.identity:
            raise ConfigError(
                "ocpp.identity: required when ocpp.url is set (the CSMS knows the station by it)"
            )
        seen_ids: dict[str, int] = {}
        seen_links: dict[str, int] = {}
        known_groups = {"site", *(g.id for g in self.groups)}
        for i, charger in enumerate(self.chargers):
            if charger.id in seen_ids:
                raise ConfigError(
                    f"chargers[{i}].id: {charger.id!r} is also chargers[{seen_ids[charger.id]}]"
                )
            if charger.link in seen_links:
                other = seen_links[charger.link]
                raise ConfigError(f"chargers[{i}].link: {charger.link} is also the link of chargers[{other}]")
            if charger.group not in known_groups:
                known = ", ".join(sorted(known_groups))
                raise ConfigError(f"chargers[{i}].group: unknown group {charger.group!r}; known: {known}")
            seen_ids[charger.id] = i
            seen_links[charger.link] = i
            self._check_charger_settings(i, charger)
        self._check_ocpp_identities()

    def _check_charger_settings(self, index: int, charger: ConfiguredCharger) -> None:
        """The CONFIGURE the station will send this charger must be one its firmware accepts."""
        try:
            ChargerSettings(
                max_current_mA=charger.max_current_mA,
                failsafe_current_mA=self.link.failsafe_current_mA,
                lease_ms=self.link.lease_ms,
            )
        except ValueError as err:
            raise ConfigError(f"chargers[{index}] with [link]: the charger would refuse it: {err}") from err

    def ocpp_identity_of(self, charger: ConfiguredCharger) -> str | None:
        """The charger's own OCPP identity with ocpp.identity_per_charger; None: it is part of the
        station's single charge point."""
        if not self.ocpp.identity_per_charger:
            return None
        return charger.ocpp_identity or f"{self.ocpp.identity}-{charger.id}"

    def _check_ocpp_identities(self) -> None:
        if not self.ocpp.identity_per_charger:
            return
        seen: dict[str, int] = {}
        for i, charger in enumerate(self.chargers):
            identity = self.ocpp_identity_of(charger) or ""
            if len(identity) > 48:
                raise ConfigError(
                    f"chargers[{i}].ocpp_identity: {identity!r} is longer than 48 characters; "
                    "set a shorter one"
                )
            if identity in seen:
                raise ConfigError(
                    f"chargers[{i}].ocpp_identity: {identity!r} is also the identity of "
                    f"chargers[{seen[identity]}]"
                )
            seen[identity] = i

    def _check_groups(self) -> None:
        parents: dict[str, str] = {}
        for i, group in enumerate(self.groups):
            if group.id == "site" or group.id in parents:
                raise ConfigError(f"groups[{i}].id: {group.id!r} is already taken")
            parents[group.id] = group.parent
        for i, group in enumerate(self.groups):
            if group.parent != "site" and group.parent not in parents:
                raise ConfigError(f"groups[{i}].parent: unknown group {group.parent!r}")
            seen, node = {group.id}, group.parent
            while node != "site":
                if node in seen:
                    raise ConfigError(f"groups[{i}].parent: {group.id!r} is inside its own subtree (a loop)")
                seen.add(node)
                node = parents[node]


def _build(cls: type, data: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(known)}")
    hints = typing.get_type_hints(cls)
    values = {}
    for name, f in known.items():
        key = f"{where}.{name}" if where else name
        if f.metadata.get("pattern") == TABLE:
            if name in data:
                values[name] = _table(data[name], key)
            continue
        if name not in data:
            if f.default is MISSING and f.default_factory is MISSING:
                raise ConfigError(f"{key}: required ({f.metadata['doc']})")
            continue
        values[name] = _convert(hints[name], data[name], f.metadata, key)
    try:
        return cls(**values)
    except ConfigError as err:
        if not where:
            raise
        raise ConfigError(f"{where}: {err}") from None


def _table(value: Any, key: str) -> Tariff:
    if not isinstance(value, dict):
        raise ConfigError(f"{key}: expected a table, got {type(value).__name__}")
    try:
        return tariff_from_dict(value)
    except TariffError as err:
        raise ConfigError(f"{key}.{err}") from None


def _convert(hint: Any, value: Any, meta: typing.Mapping[str, Any], key: str) -> Any:
    origin = typing.get_origin(hint)
    if origin is tuple:
        args = typing.get_args(hint)
        item = args[0]
        if not isinstance(value, list):
            raise ConfigError(f"{key}: expected a list, got {type(value).__name__}")
        if Ellipsis not in args and len(value) != len(args):
            raise ConfigError(f"{key}: expected {len(args)} values, got {len(value)}")
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
    config: StationConfig = _build(StationConfig, data, "")
    # A site file that names chargers must name their price too; code building a configuration for
    # tests or the demo may leave it out (the session service then refuses to start without one).
    if config.chargers and config.tariff is None:
        raise ConfigError(
            'tariff: required when chargers are configured (write energy_price_per_kWh = "0" '
            "for free charging, so that it is a decision and not an omission)"
        )
    return config


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
        if typing.get_origin(hint) is tuple and hasattr(typing.get_args(hint)[0], "__dataclass_fields__"):
            lines += describe_schema(typing.get_args(hint)[0], f"{name}[].")
            continue
        if f.metadata.get("pattern") == TABLE:
            lines.append(f"{name} (table, see docs/tariffs.md): {f.metadata['doc']}")
            continue
        if f.default is not MISSING:
            default = repr(f.default)
        else:
            default = "required" if f.default_factory is MISSING else repr(f.default_factory())
        bounds = ""
        if f.metadata.get("min") is not None or f.metadata.get("max") is not None:
            bounds = f" [{f.metadata.get('min')}..{f.metadata.get('max')}]"
        if typing.get_origin(hint) is tuple and Ellipsis in typing.get_args(hint):
            type_name = f"list of {typing.get_args(hint)[0].__name__}"
        elif typing.get_origin(hint) is tuple:
            type_name = f"list of {len(typing.get_args(hint))} {typing.get_args(hint)[0].__name__}"
        else:
            type_name = hint.__name__
        lines.append(f"{name} ({type_name}, {default}{bounds}): {f.metadata['doc']}")
    return lines
