"""What the station sees of a central system: its life cycle (the runtime) and the driver side's questions.

The station runtime starts and stops a central system it is handed (CentralSystemLink); the driver facade
asks it about connectors and cards by station connector id (CentralSystemPort). The OCPP side implements
both (app/ocpp/central_system.py builds it); a station without one uses NO_CENTRAL_SYSTEM. This module
imports nothing of the station, so that every part may depend on it and none on app.ocpp.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class CardDecision:
    """The answer for one presented card (an OCPP 1.6 AuthorizationStatus, section 7.25)."""

    accepted: bool
    status: str
    parent_id_tag: str | None
    # local_list | unknown_allowed | unknown (not on the station's list) | csms | cache |
    # offline_unknown (AllowOfflineTxForUnknownId) | none (offline and not known: nobody could decide)
    source: str


class CardAuthorizer(Protocol):
    """What the driver facade asks, whichever side decides."""

    async def authorize(self, id_tag: str) -> CardDecision: ...


@dataclass(frozen=True)
class ConnectorFlags:
    """What the central system says of a connector the driver sees: taken out of service
    (ChangeAvailability, OCPP 1.6 section 5.2) or held by a reservation (section 5.13)."""

    inoperative: bool = False
    reserved: bool = False


NO_FLAGS = ConnectorFlags()


class CentralSystemLink(Protocol):
    """The runtime's handle on a central system: started after the station, stopped before it."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class CentralSystemPort(Protocol):
    """The driver side's questions to a central system, by station connector id."""

    def connector_flags(self) -> Mapping[str, ConnectorFlags]:
        """The flags of every connector it serves (a connector not listed has NO_FLAGS)."""
        ...

    def may_start(
        self, connector_id: str, id_tag: str | None = None, parent_id_tag: str | None = None
    ) -> bool:
        """Whether a session may start there now (for this card's reservations when id_tag is given)."""
        ...

    async def reservation_for(self, connector_id: str, id_tag: str, parent_id_tag: str | None) -> int | None:
        """The reservation a session of this card there would use up (section 5.13), if any."""
        ...

    async def started(self, connector_id: str, reservation_id: int | None) -> None:
        """A session was opened there (using up the reservation, when one is given)."""
        ...

    def card_authorizer(self) -> CardAuthorizer | None:
        """Who decides on cards; None: the station's own list does."""
        ...


class CentralSystem(CentralSystemLink, CentralSystemPort, Protocol):
    """A central system as the runtime holds it: its life cycle and the driver side's port."""


class NoCentralSystem:
    """The port of a station without a central system: nothing is reserved or out of service, cards are
    decided by the station's own list."""

    def connector_flags(self) -> Mapping[str, ConnectorFlags]:
        return {}

    def may_start(
        self, connector_id: str, id_tag: str | None = None, parent_id_tag: str | None = None
    ) -> bool:
        return True

    async def reservation_for(self, connector_id: str, id_tag: str, parent_id_tag: str | None) -> int | None:
        return None

    async def started(self, connector_id: str, reservation_id: int | None) -> None:
        return None

    def card_authorizer(self) -> CardAuthorizer | None:
        return None


NO_CENTRAL_SYSTEM = NoCentralSystem()
