"""What the configuration screens edit: the editable keys with their schema (type, bounds, doc from the
configuration's own metadata, app/config/schema.py), who may change each and when it takes effect, and
the small views the configuration operations return (docs/admin.md "Configuration")."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.config import (
    LANGUAGE_PATTERN,
    ConfiguredCharger,
    KioskSettings,
    PaymentSettings,
    SiteSettings,
    StationConfig,
)

LIVE = "live"  # applied at once
QUIET = "quiet"  # applied at the charger's next quiet moment (no session on it)
PREFIX = "config."  # runtime_settings keys of the overrides: "config.<key>"
LANGUAGES = tuple(re.findall(r"[A-Za-z_]+", LANGUAGE_PATTERN))
OPERATOR_KEYS = ("tariff", "payments.hold")  # money: the operator role (docs/admin.md "Accounts and roles")


@dataclass(frozen=True)
class SettingView:
    """One editable setting as a screen shows it: value, schema and rules."""

    key: str  # as the file names it, a charger by id: "chargers.CP-1.phases"
    group: str  # "site", "charger:<id>", "prices", "kiosk"
    kind: str  # int, float, text, choice, choices (an ordered subset), limits (3 ints), tariff (a table)
    value: Any
    doc: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] = ()
    role: str = "technician"  # the least role that may change it
    timing: str = LIVE  # LIVE, or QUIET when a car charging on it must not see it change


@dataclass(frozen=True)
class PendingChange:
    """A change stored but waiting for its charger's quiet moment."""

    change_id: int
    charger_id: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class ConfigurationView:
    settings: tuple[SettingView, ...]
    pending: tuple[PendingChange, ...]


@dataclass(frozen=True)
class ChangeLine:
    key: str
    old: Any
    new: Any
    timing: str  # LIVE or QUIET (QUIET with a session on the charger now: scheduled)


@dataclass(frozen=True)
class Preview:
    """A change checked by the configuration file's own parser: per-key messages as the file would give
    them; for a tariff, the driver's price lines in every kiosk language (headline first)."""

    changes: tuple[ChangeLine, ...]
    errors: dict[str, str]
    price_lines: dict[str, tuple[str, ...]]

    @property
    def valid(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class Applied:
    """An applied change: its id (the audit row's, for history and revert), what took effect at once and
    what waits for a quiet moment."""

    change_id: int
    live: tuple[str, ...]
    scheduled: tuple[str, ...]


@dataclass(frozen=True)
class HistoryEntry:
    change_id: int
    at: datetime
    actor: str
    action: str  # config.apply, config.revert
    changes: tuple[ChangeLine, ...]
    scheduled: tuple[str, ...]
    reverts: int | None  # the change a revert undid


@dataclass(frozen=True)
class KioskSettingsChanged:
    """Published when the kiosk's settings changed live (idle timeout, languages, brightness): the kiosk
    and the driver facade take the new values from it."""

    kiosk: KioskSettings


def _meta(cls: type, name: str) -> dict[str, Any]:
    return dict(next(f for f in dataclasses.fields(cls) if f.name == name).metadata)


def _view(key: str, group: str, kind: str, value: Any, cls: type, name: str, **rules: Any) -> SettingView:
    meta = _meta(cls, name)
    return SettingView(key, group, kind, value, meta["doc"], meta.get("min"), meta.get("max"), **rules)


def editable_settings(config: StationConfig, tariff_form: dict[str, Any] | None) -> list[SettingView]:
    """The settings admin mode may change, with their current values, in the screen's order."""
    site, kiosk = config.site, config.kiosk
    views = [_view("site.limit_mA", "site", "limits", list(site.limit_mA), SiteSettings, "limit_mA")]
    for charger in config.chargers:
        group = f"charger:{charger.id}"
        views.append(
            _view(
                f"chargers.{charger.id}.max_current_mA",
                group,
                "int",
                charger.max_current_mA,
                ConfiguredCharger,
                "max_current_mA",
                timing=QUIET,
            )
        )
        views.append(
            _view(
                f"chargers.{charger.id}.phases",
                group,
                "choice",
                charger.phases,
                ConfiguredCharger,
                "phases",
                choices=(1, 3),
                timing=QUIET,
            )
        )
    if tariff_form is not None:
        views.append(
            SettingView(
                "tariff",
                "prices",
                "tariff",
                tariff_form,
                "The tariff in force for new sessions (docs/tariffs.md)",
                role="operator",
            )
        )
    views.append(
        _view(
            "payments.hold", "prices", "text", config.payments.hold, PaymentSettings, "hold", role="operator"
        )
    )
    views += [
        _view(
            "kiosk.languages",
            "kiosk",
            "choices",
            list(kiosk.languages),
            KioskSettings,
            "languages",
            choices=LANGUAGES,
        ),
        _view(
            "kiosk.default_language",
            "kiosk",
            "choice",
            kiosk.default_language,
            KioskSettings,
            "default_language",
            choices=LANGUAGES,
        ),
        _view(
            "kiosk.idle_timeout_s", "kiosk", "float", kiosk.idle_timeout_s, KioskSettings, "idle_timeout_s"
        ),
        _view(
            "kiosk.brightness_percent",
            "kiosk",
            "int",
            kiosk.brightness_percent,
            KioskSettings,
            "brightness_percent",
        ),
    ]
    return views


def charger_of(key: str) -> str | None:
    """The charger a key belongs to (chargers.<id>.<field>), None for the station's keys."""
    if not key.startswith("chargers."):
        return None
    return key[len("chargers.") :].rsplit(".", 1)[0]


def plain(value: Any) -> Any:
    """A value as the ledger stores it (JSON: lists, not tuples)."""
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value
