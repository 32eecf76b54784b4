"""Builds the station's OCPP side for the launcher: the station's one charge point, or one per charger.

The launcher hands `build_central_system` to the StationRuntime (its argument of that name), which
calls it once the station has started and then starts and stops what it returns. docs/ocpp.md
describes both layouts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.analytics import Alarm
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
