"""The parts of one OCPP charge point, as the service assembles them for its handlers and session bridge.

The service (app/ocpp/service.py) builds every part once and hands this set to the CSMS call handlers
and the station bridge, so that neither needs the service itself: service -> handlers / bridge -> parts.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.ocpp.availability import Availability
    from app.ocpp.config_keys import OcppConfiguration
    from app.ocpp.diagnostics import DiagnosticsUploader
    from app.ocpp.firmware_update import FirmwareUpdater
    from app.ocpp.local_auth import AuthorizationCache, Authorizer, LocalAuthList
    from app.ocpp.meter_sampler import MeterSampler
    from app.ocpp.profile_enforcer import ProfileEnforcer
    from app.ocpp.reservations import Reservations
    from app.ocpp.smart_charging import SmartCharging
    from app.ocpp.status_notifier import StatusNotifier
    from app.ocpp.tx_queue import TransactionQueue
    from app.runtime import EventRecorder
    from app.sessions import SessionService
    from app.station import Station


@dataclass(frozen=True)
class ChargePointParts:
    """The station it serves, its connectors, and the OCPP parts that act for it."""

    # The station side (from the station runtime).
    station: Station
    sessions: SessionService
    engine: Engine
    clock: Callable[[], datetime]
    events: EventRecorder  # the event log GetDiagnostics uploads (refused starts are recorded there)
    # OCPP connector number -> station connector id, and back.
    connectors: dict[int, str]
    numbers: dict[str, int]
    accepted: asyncio.Event  # set while the CSMS has accepted the BootNotification (section 4.2)
    # The OCPP parts.
    config: OcppConfiguration
    local_list: LocalAuthList
    cache: AuthorizationCache
    authorizer: Authorizer
    availability: Availability
    reservations: Reservations
    smart: SmartCharging
    enforcer: ProfileEnforcer
    tx_queue: TransactionQueue
    status: StatusNotifier
    sampler: MeterSampler
    firmware: FirmwareUpdater | None
    diagnostics: DiagnosticsUploader | None
    # Station connector id -> taken out of service by a technician (app/runtime/operator_availability.py):
    # Unavailable as if set Inoperative, though the central system cannot set it back.
    operator_unavailable: Callable[[str], bool] = lambda _connector_id: False
