"""Station configuration: one typed schema (type, default, bounds, description per key) read from TOML,
one module per section; this is its public face (docs/configuration.md)."""

from __future__ import annotations

from app.config.admin import AdminSettings
from app.config.analytics import AnalyticsSettings
from app.config.backup import BackupSettings
from app.config.chargers import LINK_PATTERN, ConfiguredCharger, LinkSettings
from app.config.demo import DemoSettings
from app.config.grid_supply import NOMINAL_VOLTAGE_V
from app.config.kiosk import CARD_READER_PATTERN, LANGUAGE_PATTERN, KioskSettings
from app.config.loader import StationConfig, describe_schema, load_config, parse_config
from app.config.ocpp import CHIP_PATTERN, OcppDiagnosticsSettings, OcppFirmwareSettings, OcppSettings
from app.config.payments import CardTerminal, PaymentSettings, ReceiptParticulars
from app.config.schema import ID_PATTERN, ConfigError, setting
from app.config.sessions import SessionSettings
from app.config.site import BalancerSettings, PowerGroup, SiteSettings
from app.config.state_dir import DEFAULT_LEDGER_URL, REPO_ROOT, STATE_DIR, state_path
from app.config.storage import DatabaseSettings, LedgerSettings
from app.config.web import WebSettings, is_loopback

__all__ = [
    "CARD_READER_PATTERN",
    "CHIP_PATTERN",
    "DEFAULT_LEDGER_URL",
    "ID_PATTERN",
    "LANGUAGE_PATTERN",
    "LINK_PATTERN",
    "NOMINAL_VOLTAGE_V",
    "REPO_ROOT",
    "STATE_DIR",
    "AdminSettings",
    "AnalyticsSettings",
    "BackupSettings",
    "BalancerSettings",
    "CardTerminal",
    "ConfigError",
    "ConfiguredCharger",
    "DatabaseSettings",
    "DemoSettings",
    "KioskSettings",
    "LedgerSettings",
    "LinkSettings",
    "OcppDiagnosticsSettings",
    "OcppFirmwareSettings",
    "OcppSettings",
    "PaymentSettings",
    "PowerGroup",
    "ReceiptParticulars",
    "SessionSettings",
    "SiteSettings",
    "StationConfig",
    "WebSettings",
    "describe_schema",
    "is_loopback",
    "load_config",
    "parse_config",
    "setting",
    "state_path",
]
