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

from app.config.admin import AdminSettings
from app.config.analytics import AnalyticsSettings
from app.config.backup import BackupSettings
from app.config.chargers import ConfiguredCharger, LinkSettings
from app.config.demo import DemoSettings
from app.config.kiosk import KioskSettings
from app.config.ocpp import OcppSettings
from app.config.payments import PaymentSettings
from app.config.schema import ConfigError, setting
from app.config.sessions import SessionSettings
from app.config.site import BalancerSettings, PowerGroup, SiteSettings
from app.config.state_dir import REPO_ROOT as REPO_ROOT  # re-exported: tools and tests find the tree by it
from app.config.storage import DatabaseSettings, LedgerSettings
from app.config.web import WebSettings
from app.tariffs import Tariff, TariffError, tariff_from_dict
from hal.board.charger_board import ChargerSettings

TABLE = "table"  # pattern marker of a free-form table validated by its own parser (the tariff)


@dataclass(frozen=True, kw_only=True)
class StationConfig:
    """The whole station configuration."""

    station_name: str = setting(
        "",
        doc="The site's name shown on screens and receipts; empty: the kiosk shows 'EV charging' in "
        "the driver's language",
    )
    link: LinkSettings = setting(LinkSettings(), doc="Charger link timing")
    demo: DemoSettings = setting(DemoSettings(), doc="Demo mode")
    site: SiteSettings = setting(SiteSettings(), doc="The grid connection")
    balancer: BalancerSettings = setting(BalancerSettings(), doc="Load balancing")
    database: DatabaseSettings = setting(DatabaseSettings(), doc="The ledger database")
    sessions: SessionSettings = setting(SessionSettings(), doc="Charging sessions")
    ledger: LedgerSettings = setting(LedgerSettings(), doc="Meter data and retention")
    backup: BackupSettings = setting(
        BackupSettings(), doc="The ledger's nightly backups: where, how long kept (docs/backup.md)"
    )
    ocpp: OcppSettings = setting(OcppSettings(), doc="The OCPP 1.6J central system")
    kiosk: KioskSettings = setting(KioskSettings(), doc="The driver kiosk: helpline, card reader, languages")
    payments: PaymentSettings = setting(
        PaymentSettings(), doc="Payments by bank card and QR for drivers without an RFID card"
    )
    analytics: AnalyticsSettings = setting(
        AnalyticsSettings(), doc="Analytics: the ratings and thresholds of the maintenance models"
    )
    admin: AdminSettings = setting(
        AdminSettings(), doc="Admin mode: the PIN policy, its inactivity timeout, the export directory"
    )
    web: WebSettings = setting(
        WebSettings(), doc="The web face: REST API, live feed, admin dashboard and driver page"
    )
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
