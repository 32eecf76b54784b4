"""Writes what happens at the station into the event log, as it happens (the log GetDiagnostics uploads).

Faults raised and cleared, charger link changes, sessions interrupted, ended or refused, software
updates, and the station's own starts and stops. Configuration changes are written by the OCPP key
store in the same transaction as the change (app/ocpp/config_keys.py). Rows go through the ledger's
writer thread, so recording never blocks the event loop and keeps the order things happened in.
Codes: docs/fault-catalogue.md ("The event log").
"""

from __future__ import annotations

import concurrent.futures
import logging
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from app.chargers import ConnectorSessionChange, FaultEvent, LinkEvent, LinkState, SessionEvent, StationEvent
from app.db import LedgerWriter, log_event, session_factory, utc_now
from app.sessions import ENDED, SessionChange
from hal.wire.messages import FaultBit

log = logging.getLogger(__name__)

# Stop reasons (OCPP 1.6 section 7.39) that mean something went wrong rather than a driver's choice.
ABNORMAL_STOPS = frozenset({"EmergencyStop", "PowerLoss", "Reboot", "Other", "HardReset", "SoftReset"})
# Firmware update statuses (OCPP 1.6 section 7.25) worth a line; Idle is the absence of news.
UPDATE_FAILURES = frozenset({"DownloadFailed", "InstallationFailed"})


def _write(engine: Engine, row: dict[str, Any]) -> None:
    with session_factory(engine).begin() as db:
        log_event(db, **row)


def _logged_failure(future: concurrent.futures.Future[None]) -> None:
    if future.exception() is not None:  # the ledger is unwritable: say so where an operator looks next
        log.error("event log write failed", exc_info=future.exception())


class EventRecorder:
    """Turns station events, session changes and station life-cycle calls into event log rows."""

    def __init__(self, engine: Engine, writer: LedgerWriter) -> None:
        self.engine = engine
        self.writer = writer

    def record(
        self,
        kind: str,
        severity: str,
        code: str,
        message: str,
        *,
        charger_id: str | None = None,
        connector_name: str | None = None,
        details: dict[str, Any] | None = None,
        at: datetime | None = None,
    ) -> None:
        row = {
            "kind": kind,
            "severity": severity,
            "code": code,
            "message": message[:500],
            "charger_id": charger_id,
            "connector_name": connector_name,
            "details": details,
            "at": at or utc_now(),
        }
        self.writer.submit(_write, self.engine, row).add_done_callback(_logged_failure)

    # -- the station's events (app.chargers.events) ---------------------------------------------------

    def on_station_event(self, event: StationEvent) -> None:
        match event:
            case LinkEvent():
                self._link(event)
            case FaultEvent():
                self._faults(event)
            case SessionEvent(connector_id=connector, change=ConnectorSessionChange.INTERRUPTED):
                self.record(
                    "event",
                    "warning",
                    "session_interrupted",
                    f"{connector}: session interrupted (charger link lost)",
                    charger_id=connector.split("/", 1)[0],
                    connector_name=connector,
                )

    def _link(self, event: LinkEvent) -> None:
        severity = {LinkState.OFFLINE: "error", LinkState.DEGRADED: "warning"}.get(event.new, "info")
        self.record(
            "event",
            severity,
            f"link_{event.new.value}",
            f"charger {event.charger_id} link {event.old.value} -> {event.new.value}: {event.reason}",
            charger_id=event.charger_id,
            details={"from": event.old.value, "to": event.new.value, "reason": event.reason},
        )

    def _faults(self, event: FaultEvent) -> None:
        charger_id = event.connector_id.split("/", 1)[0]
        for bit in FaultBit:
            if event.raised & bit:
                self.record(
                    "fault",
                    "error",
                    str(bit.name),
                    f"{event.connector_id}: fault {bit.name} latched",
                    charger_id=charger_id,
                    connector_name=event.connector_id,
                )
            if event.cleared & bit:
                self.record(
                    "event",
                    "info",
                    f"{bit.name}_cleared",
                    f"{event.connector_id}: fault {bit.name} cleared",
                    charger_id=charger_id,
                    connector_name=event.connector_id,
                )

    # -- sessions -----------------------------------------------------------------------------------

    def on_session_change(self, change: SessionChange) -> None:
        if change.to_state != ENDED:
            return
        reason = change.reason or "Other"
        self.record(
            "event",
            "warning" if reason in ABNORMAL_STOPS else "info",
            "session_ended",
            f"{change.connector_id}: session {change.session_id} ended ({reason})",
            charger_id=change.connector_id.split("/", 1)[0],
            connector_name=change.connector_id,
            details={"session_id": change.session_id, "reason": reason},
            at=change.at,
        )

    def session_refused(self, connector_id: str | None, id_tag: str, why: str) -> None:
        """A card or a start was refused (unknown, blocked or expired card, connector not ready)."""
        self.record(
            "event",
            "info",
            "session_refused",
            f"{connector_id or 'station'}: start for {id_tag} refused: {why}",
            charger_id=connector_id.split("/", 1)[0] if connector_id else None,
            connector_name=connector_id,
            details={"id_tag": id_tag, "why": why},
        )

    # -- the station's life -------------------------------------------------------------------------

    def station_started(self, version: str, migrated_from: str | None) -> None:
        details = {"version": version, "migrated_from": migrated_from}
        self.record("event", "info", "station_started", f"station {version} started", details=details)

    def station_stopping(self, reason: str) -> None:
        severity = "info" if reason == "shutdown" else "warning"
        self.record(
            "event", severity, "station_stopping", f"station stopping: {reason}", details={"reason": reason}
        )

    def update_status(self, target: str, status: str) -> None:
        """A step of a software or firmware update (FirmwareStatusNotification's statuses)."""
        if status == "Idle":
            return
        severity = "error" if status in UPDATE_FAILURES else "info"
        self.record(
            "event", severity, f"update_{status}", f"{target} update: {status}", details={"status": status}
        )
