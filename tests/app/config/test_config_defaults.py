"""The configuration schema is the one source of every default its users also have."""

from __future__ import annotations

import inspect
from pathlib import Path

from app.config import REPO_ROOT, STATE_DIR, StationConfig, state_path
from app.db.engine import DEFAULT_URL
from app.ocpp.diagnostics import DiagnosticsUploader
from app.ocpp.firmware_update import UpdateLimits
from app.runtime.runtime import session_timing
from app.sessions.service import SessionTiming
from hal.board.charger_board import ChargerSettings
from hal.card_readers.base import DEFAULT_DEBOUNCE_S

MB = 1024 * 1024


def test_session_timing_defaults_are_the_configurations() -> None:
    assert SessionTiming() == session_timing(StationConfig())


def test_update_and_diagnostics_defaults_are_the_ocpp_sections() -> None:
    ocpp = StationConfig().ocpp
    limits = UpdateLimits()
    assert limits.max_package_bytes == ocpp.firmware.max_package_MB * MB
    assert limits.timeout_s == ocpp.firmware.transfer_timeout_s
    defaults = {name: p.default for name, p in inspect.signature(DiagnosticsUploader).parameters.items()}
    assert defaults["http_method"] == ocpp.diagnostics.upload_method
    assert defaults["timeout_s"] == ocpp.diagnostics.transfer_timeout_s
    assert defaults["max_log_bytes"] == ocpp.diagnostics.max_log_MB * MB


def test_the_charger_and_reader_defaults_are_the_hardwares() -> None:
    config, board = StationConfig(), ChargerSettings()
    assert (config.link.lease_ms, config.link.failsafe_current_mA) == (
        board.lease_ms,
        board.failsafe_current_mA,
    )
    assert config.kiosk.card_debounce_s == DEFAULT_DEBOUNCE_S


def test_every_state_file_is_under_one_directory_unless_configured() -> None:
    assert STATE_DIR == REPO_ROOT / "var" and STATE_DIR.is_absolute()
    assert (
        StationConfig().database.resolved_url() == DEFAULT_URL == f"sqlite:///{STATE_DIR / 'ledger.sqlite3'}"
    )
    assert state_path("", "secrets") == STATE_DIR / "secrets"
    assert state_path("/srv/station/secrets", "secrets") == Path("/srv/station/secrets")
