"""Builds the station's OCPP side for the launcher: the station's one charge point, or one per charger.

The launcher hands `build_central_system` to the StationRuntime (its argument of that name), which
calls it once the station has started and then starts and stops what it returns. docs/ocpp.md
describes both layouts.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.analytics import Alarm
from app.config import state_path
from app.ocpp.diagnostics import DiagnosticsUploader
from app.ocpp.identities import OcppIdentities
from app.ocpp.service import OcppService

if TYPE_CHECKING:
    from app.config import OcppSettings
    from app.runtime import StationRuntime


def build_central_system(
    runtime: StationRuntime, settings: OcppSettings | None = None
) -> OcppService | OcppIdentities | None:
    """The OCPP side of `runtime` from `settings` (default: its [ocpp] table); None without an [ocpp] url.

    A Reset from the central system (section 5.12) ends the runtime (StationRuntime.request_reset)."""
    settings = settings if settings is not None else runtime.config.ocpp
    if not settings.url:
        return None
    if settings.identity_per_charger:
        return OcppIdentities(runtime, settings, on_reset=runtime.request_reset)
    return OcppService(runtime, settings, on_reset=runtime.request_reset)


def send_maintenance_alarm(central_system: object, alarm: Alarm) -> bool:
    """Sends a maintenance alarm to the station's central system when it has one and it is connected
    (the launcher connects the analytics' alarms here); False when it was not sent."""
    if isinstance(central_system, OcppService | OcppIdentities):
        return central_system.send_maintenance_alarm(alarm)
    return False


@dataclass(frozen=True)
class ChargePointLink:
    """One charge point's link to the central system, as the admin mode's diagnostics show it."""

    identity: str
    connected: bool
    registration: str  # the last BootNotification's answer: Accepted, Pending, Rejected, Unknown
    heartbeat_age_s: float | None  # since the last answered Heartbeat; None: none yet
    url: str  # the central system's URL (the endpoint's, without credentials)


def central_system_links(central_system: object) -> list[ChargePointLink]:
    """The station's charge points and their links; empty without a central system."""
    now = time.monotonic()
    return [
        ChargePointLink(
            identity=service.identity,
            connected=service.connection.connected.is_set(),
            registration=service.registration,
            heartbeat_age_s=None if service.last_heartbeat_at is None else now - service.last_heartbeat_at,
            url=service.settings.url,
        )
        for service in _services(central_system)
    ]


def diagnostics_archive(runtime: StationRuntime) -> DiagnosticsUploader:
    """What writes the archive GetDiagnostics uploads (OCPP 1.6 section 6.33): the central system's own
    uploader, or for a station without one an uploader built from the same [ocpp.diagnostics] settings,
    with the station's configuration (redacted alike) and without OCPP keys."""
    for service in _services(runtime.ocpp):
        if service.diagnostics is not None:
            return service.diagnostics
    settings = runtime.config.ocpp.diagnostics

    async def nobody(_status: str) -> None:
        """No central system to notify."""

    return DiagnosticsUploader(
        nobody,
        _StationClock(runtime.clock),
        identity=runtime.config.ocpp.identity or "station",
        work_dir=state_path(settings.work_dir, "diagnostics"),
        engine=runtime.engine,
        log_dir=Path(settings.log_dir) if settings.log_dir else None,
        configuration=lambda: {"station": dataclasses.asdict(runtime.config)},
        max_log_bytes=settings.max_log_MB * 1024 * 1024,
    )


def _services(central_system: object) -> list[OcppService]:
    if not isinstance(central_system, OcppService | OcppIdentities):
        return []
    return [s for s in central_system.services if isinstance(s, OcppService)]


class _StationClock:
    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock

    def now(self) -> datetime:
        return self._clock()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
