"""The driver side's port (app/runtime/central_system_port.py) over OCPP charge points, the station's
or per charger.

The kiosk asks by station connector id; the charge point serving the connector answers from its
availability (section 5.2), reservations (section 5.13) and session bridge, and cards are decided by an
Authorizer (local list, cache, Authorize.req, the offline rules of section 3.4).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from app.runtime import CardAuthorizer, CardDecision, ConnectorFlags

if TYPE_CHECKING:
    from app.ocpp.availability import Availability
    from app.ocpp.local_auth import Authorizer
    from app.ocpp.reservations import Reservations
    from app.ocpp.station_bridge import StationBridge


class ChargePoint(Protocol):
    """What the port reads of one charge point (an OcppService)."""

    connectors: dict[int, str]
    availability: Availability
    reservations: Reservations
    bridge: StationBridge
    accepted: asyncio.Event
    authorizer: Authorizer


class OcppCardAuthorizer:
    """Through the charge points' Authorizer: local list, cache, Authorize.req and the offline rules
    (OCPP 1.6 section 3.4), online as long as the central system has accepted the boot."""

    def __init__(self, services: Sequence[ChargePoint]) -> None:
        self._services = services

    def _service(self) -> ChargePoint:
        # With an identity per charger the card is read before a connector is chosen: any identity the
        # CSMS has accepted asks (the local list and cache are the station's, shared by all).
        return next((s for s in self._services if s.accepted.is_set()), self._services[0])

    async def authorize(self, id_tag: str) -> CardDecision:
        service = self._service()
        decision = await service.authorizer.authorize(id_tag, online=service.accepted.is_set())
        return CardDecision(decision.accepted, decision.status, decision.parent_id_tag, str(decision.source))


class ChargePointsPort:
    """CentralSystemPort of the charge points in `services`; `point_for` says which serves a connector."""

    services: Sequence[ChargePoint]

    def point_for(self, connector_id: str) -> tuple[ChargePoint, int] | None:
        raise NotImplementedError

    def connector_flags(self) -> Mapping[str, ConnectorFlags]:
        flags: dict[str, ConnectorFlags] = {}
        for service in self.services:
            held = set(service.reservations.holding())  # per charge point: its reserved connectors, once
            for number, connector_id in service.connectors.items():
                flags[connector_id] = ConnectorFlags(
                    inoperative=service.availability.is_inoperative(number), reserved=number in held
                )
        return flags

    def may_start(
        self, connector_id: str, id_tag: str | None = None, parent_id_tag: str | None = None
    ) -> bool:
        point = self.point_for(connector_id)
        if point is None:
            return True
        service, number = point
        if not service.bridge.may_start(number):
            return False
        return id_tag is None or service.reservations.check_start(number, id_tag, parent_id_tag).allowed

    async def reservation_for(self, connector_id: str, id_tag: str, parent_id_tag: str | None) -> int | None:
        point = self.point_for(connector_id)
        if point is None:
            return None
        service, number = point
        # A ledger read: off the loop, as every reservation call from the event loop.
        permission = await asyncio.to_thread(service.reservations.check_start, number, id_tag, parent_id_tag)
        return permission.reservation_id

    async def started(self, connector_id: str, reservation_id: int | None) -> None:
        point = self.point_for(connector_id)
        if point is None:
            return
        service, _ = point
        if reservation_id is not None:
            # Section 5.13: the reservation is used (a ledger write: off the loop, too).
            await asyncio.to_thread(service.reservations.consume, reservation_id)
        service.bridge.changed()

    def card_authorizer(self) -> CardAuthorizer | None:
        return OcppCardAuthorizer(self.services)
