"""One OCPP identity per charger ([ocpp] identity_per_charger): an OcppService per charger, run together.

Each charger connects as its own charge point with its connectors numbered from 1 (OCPP 1.6 section
3.6), its own configuration keys, availability, reservations, charging profiles, AuthorizationKey and
transaction queue (outbox stream "ocpp/<charger id>"). The station's local authorisation list and cache
are shared: a card is the driver's at every charger of the site, and the kiosk authorises before a
connector is chosen. docs/ocpp.md, "One identity per charger", has the details.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from app.analytics import Alarm
from app.db import OutboxMessage, read_only, session_factory
from app.ocpp.driver_port import ChargePointsPort
from app.ocpp.identity_scope import IdentityScope
from app.ocpp.service import OcppService
from app.sessions import CHARGER_STREAM_PREFIX, OUTBOX_STREAM

if TYPE_CHECKING:
    from app.config import OcppSettings
    from app.runtime import StationRuntime

log = logging.getLogger(__name__)


class OcppIdentities(ChargePointsPort):
    """The chargers' charge points as one part of the station runtime: start, stop, which identity serves
    a connector, and the driver side's port over them all (a CentralSystem,
    app/runtime/central_system_port.py)."""

    def __init__(
        self, runtime: StationRuntime, settings: OcppSettings, *, on_reset: Callable[[str], None]
    ) -> None:
        self.runtime = runtime
        self.services: list[OcppService] = []
        for index, charger in enumerate(runtime.config.chargers):
            identity = runtime.config.ocpp_identity_of(charger)
            assert identity is not None  # identity_per_charger is set
            scope = IdentityScope(identity, charger.id, index, primary=index == 0)
            self.services.append(OcppService(runtime, settings, on_reset=on_reset, scope=scope))
        self._points = {
            connector_id: (service, number)
            for service in self.services
            for number, connector_id in service.connectors.items()
        }

    def point_for(self, connector_id: str) -> tuple[OcppService, int] | None:
        """The charge point serving a station connector and the connector's OCPP number there."""
        return self._points.get(connector_id)

    def send_maintenance_alarm(self, alarm: Alarm) -> bool:
        """The alarm goes to the charge point of its subject (a connector or a charger), else to the
        station's first identity (the site's alarms)."""
        point = self._points.get(alarm.subject)
        if point is not None:
            return point[0].send_maintenance_alarm(alarm)
        for service in self.services:
            if service.scope is not None and service.scope.charger_id == alarm.subject:
                return service.send_maintenance_alarm(alarm)
        return bool(self.services) and self.services[0].send_maintenance_alarm(alarm)

    def _end_readings(self, connector_id: str) -> list[dict[str, object]]:
        point = self._points.get(connector_id)
        return [] if point is None else point[0].sampler.end_readings(connector_id)

    async def start(self) -> None:
        self._report_stranded_messages()
        for service in self.services:
            await service.start()
        self.runtime.sessions.end_readings = self._end_readings

    async def stop(self) -> None:
        self.runtime.sessions.end_readings = None
        for service in reversed(self.services):
            await service.stop()

    def _report_stranded_messages(self) -> None:
        """Transaction messages queued under another layout (the station's single identity, or a
        charger no longer configured) have no deliverer now: say so, loudly, instead of losing them
        silently. Switching back delivers them."""
        served = {service.scope.stream for service in self.services if service.scope is not None}
        with session_factory(read_only(self.runtime.engine))() as db:
            rows = db.execute(
                select(OutboxMessage.stream, func.count())
                .where(
                    OutboxMessage.delivered_at.is_(None),
                    (OutboxMessage.stream == OUTBOX_STREAM)
                    | OutboxMessage.stream.startswith(CHARGER_STREAM_PREFIX, autoescape=True),
                )
                .group_by(OutboxMessage.stream)
            ).all()
        for stream, count in rows:
            if stream not in served:
                log.error(
                    "%d transaction messages in outbox stream %r are not delivered by any identity now: "
                    "they were queued under another [ocpp] identity_per_charger setting",
                    count,
                    stream,
                )
