"""Station configuration: one typed schema read from TOML, a module per section (kiosk, OCPP, the rest)."""

from __future__ import annotations

from app.config.grid_supply import NOMINAL_VOLTAGE_V
from app.config.kiosk import KioskSettings
from app.config.loader import (
    ConfiguredCharger,
    DatabaseSettings,
    LedgerSettings,
    LinkSettings,
    SessionSettings,
    StationConfig,
    describe_schema,
    load_config,
)
from app.config.ocpp import OcppDiagnosticsSettings, OcppFirmwareSettings, OcppSettings
from app.config.schema import ConfigError
from app.config.state_dir import DEFAULT_LEDGER_URL, STATE_DIR, state_path

__all__ = [
    "DEFAULT_LEDGER_URL",
    "NOMINAL_VOLTAGE_V",
    "STATE_DIR",
    "ConfigError",
    "ConfiguredCharger",
    "DatabaseSettings",
    "KioskSettings",
    "LedgerSettings",
    "LinkSettings",
    "OcppDiagnosticsSettings",
    "OcppFirmwareSettings",
    "OcppSettings",
    "SessionSettings",
    "StationConfig",
    "describe_schema",
    "load_config",
    "state_path",
]
