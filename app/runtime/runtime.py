"""The running station: the ledger (migrated at start-up), the station core, charging sessions and upkeep.

This is the facade the kiosk, the OCPP side and the headless runner start, stop and talk to. The
order matters: the database is checked and migrated before anything reads it; the session service
loads open sessions before the chargers' links start, so a recovered session is reconciled on the
chargers' first status (docs/sessions.md); on the way down the links stop before the ledger closes.
A central system is built by the launcher's factory once the station has started (its parts read
the ledger's connectors) and stopped first on the way down; the runtime knows it only as a
CentralSystem (app/runtime/central_system_port.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine

from app.config import StationConfig
from app.db import MigrationReport, check_and_migrate, make_engine
from app.runtime.central_system_port import NO_CENTRAL_SYSTEM, CentralSystem, CentralSystemPort
from app.runtime.clock import StationClock
from app.runtime.event_recorder import EventRecorder
from app.runtime.ledger_maintenance import LedgerMaintenance
from app.runtime.operator_availability import OperatorAvailability
from app.sessions import SessionService, SessionTiming, host_boot_time
from app.station import Station
from app.tariffs import Tariff
from app.updates import running_version

log = logging.getLogger(__name__)


class StationRuntimeError(RuntimeError):
    """The station cannot start (no tariff, a database it must not touch); the message says why."""


# Builds the station's central system once the station has started; None when none is configured.
CentralSystemFactory = Callable[["StationRuntime"], CentralSystem | None]


def session_timing(config: StationConfig) -> SessionTiming:
    """The session service's periods from the configuration."""
    return SessionTiming(
        sample_interval_s=config.ledger.sample_interval_s,
        flush_interval_s=config.ledger.flush_interval_s,
        plug_timeout_s=config.sessions.plug_timeout_s,
        stop_timeout_s=config.sessions.stop_timeout_s,
    )


class StationRuntime:
    """Owns the engine, the Station, the SessionService and the ledger maintenance, started in order."""

    def __init__(
        self,
        config: StationConfig,
        *,
        station: Station | None = None,
        engine: Engine | None = None,
        tariff: Tariff | None = None,
        clock: Callable[[], datetime] | None = None,
        timing: SessionTiming | None = None,
        host_booted_at: Callable[[], datetime | None] | None = None,
        build_central_system: CentralSystemFactory | None = None,
    ) -> None:
        tariff = tariff or config.tariff
        if tariff is None:
            raise StationRuntimeError(
                "no tariff: add a [tariff] table to the configuration (docs/tariffs.md) before charging"
            )
        self.config = config
        self.clock = clock or StationClock()
        self.url = config.database.resolved_url()
        self._own_engine = engine is None
        self.engine = engine if engine is not None else make_engine(self.url)
        self.station = station or Station(config)
        # host_booted_at: when this computer booted (default /proc/stat); tests inject it to tell a site
        # power loss (host and charger restarted) from a charger's own reboot (docs/sessions.md).
        self.sessions = SessionService(
            self.station,
            self.engine,
            tariff,
            self.clock,
            timing=timing or session_timing(config),
            host_booted_at=host_booted_at or host_boot_time,
        )
        self.maintenance = LedgerMaintenance(self.engine, config.ledger, self.clock)
        # Connectors a technician took out of service (admin mode): the driver facade and the OCPP side
        # both read it, so it lives here, below them (app/runtime/operator_availability.py).
        self.operator_availability = OperatorAvailability(self.engine, self.station.arbiter, self.sessions)
        # The event log GetDiagnostics uploads: written through the sessions' ledger writer, in order.
        self.events = EventRecorder(self.engine, self.sessions.writer)
        self._unsubscribe: list[Callable[[], None]] = []
        self.migration: MigrationReport | None = None
        # When a central system is configured ([ocpp] url), what `build_central_system` made of the
        # configuration: the station's OCPP charge point, or one per charger (app/ocpp/central_system.py).
        self._build_central_system = build_central_system
        self.ocpp: CentralSystem | None = None
        self.reset_requested: str | None = None  # "Soft" / "Hard" when the CSMS asked for a reset
        self.stopping = asyncio.Event()  # set when the runtime should end (a reset)
        self._started = False

    async def start(self) -> None:
        """Migrates the ledger (DatabaseTooNewError refuses a newer one), then sessions, links, upkeep."""
        self.migration = await asyncio.to_thread(check_and_migrate, self.engine)
        if self.migration.migrated and self.migration.from_revision is not None:
            log.warning(
                "ledger migrated from %s to %s (backup: %s)",
                self.migration.from_revision,
                self.migration.to_revision,
                self.migration.backup_path,
            )
        await self.sessions.start()
        # After the recovery (a connector with an open session waits for its end), before the links.
        self.operator_availability.start()
        self._unsubscribe = [
            self.station.manager.subscribe(self.events.on_station_event),
            self.sessions.subscribe(self.events.on_session_change),
        ]
        release_root = self.config.ocpp.firmware.release_root if self.config.ocpp.url else None
        migrated_from = self.migration.from_revision if self.migration.migrated else None
        self.events.station_started(running_version(release_root), migrated_from)
        try:
            await self.station.start()
        except BaseException:
            await self.sessions.close()
            raise
        self.maintenance.start()
        self._started = True
        if self._build_central_system is not None:
            self.ocpp = self._build_central_system(self)
        elif self.config.ocpp.url:
            log.warning("[ocpp] url is set, but this station was started without its OCPP side")
        if self.ocpp is not None:
            await self.ocpp.start()

    @property
    def central_system(self) -> CentralSystemPort:
        """What the driver side asks the central system; without one, NO_CENTRAL_SYSTEM answers."""
        return self.ocpp if self.ocpp is not None else NO_CENTRAL_SYSTEM

    def request_reset(self, kind: str) -> None:
        """OCPP Reset (section 5.12): sessions are stopped and reported; the process ends so that
        systemd starts it again (a Hard reset also power-cycles the chargers' links on the way)."""
        log.warning("%s reset requested by the central system", kind)
        self.reset_requested = kind
        self.stopping.set()

    async def stop(self) -> None:
        """Stops OCPP, upkeep and links first, then flushes the sessions' samples and closes the ledger."""
        if self.ocpp is not None:
            await self.ocpp.stop()
        await self.maintenance.stop()
        try:
            await self.station.stop()
        finally:
            if self._started:
                self.events.station_stopping(
                    f"{self.reset_requested} reset" if self.reset_requested else "shutdown"
                )
                for unsubscribe in self._unsubscribe:
                    unsubscribe()
                self._unsubscribe = []
                self.operator_availability.stop()
                await self.sessions.close()
            self._started = False
            if self._own_engine:
                self.engine.dispose()

    async def __aenter__(self) -> StationRuntime:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
