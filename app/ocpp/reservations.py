"""Reservations (OCPP 1.6 section 5.13 ReserveNow, 5.1 CancelReservation): who may start where, until when."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine

from app.db import get_setting, read_only, session_factory, set_setting, utc_now
from app.ocpp.config_keys import REMOTE_ACTOR, OcppConfiguration
from app.ocpp.local_auth import ocpp_time, parse_ocpp_time

log = logging.getLogger(__name__)

RESERVATIONS_SETTING = "ocpp_state.reservations"


class ConnectorState(StrEnum):
    """What the charger manager says of a connector, as far as a reservation cares."""

    AVAILABLE = "available"
    OCCUPIED = "occupied"  # plugged in, preparing, charging, finishing
    FAULTED = "faulted"
    UNAVAILABLE = "unavailable"


class ReservationStatus(StrEnum):
    """ReserveNow.conf status (OCPP 1.6 section 7.41)."""

    ACCEPTED = "Accepted"
    FAULTED = "Faulted"
    OCCUPIED = "Occupied"
    REJECTED = "Rejected"
    UNAVAILABLE = "Unavailable"


_REFUSAL_OF_STATE = {
    ConnectorState.OCCUPIED: ReservationStatus.OCCUPIED,
    ConnectorState.FAULTED: ReservationStatus.FAULTED,
    ConnectorState.UNAVAILABLE: ReservationStatus.UNAVAILABLE,
}


def _same(a: str | None, b: str | None) -> bool:
    # IdToken is a CiString20Type (section 7.28): case does not matter.
    return a is not None and b is not None and a.lower() == b.lower()


@dataclass(frozen=True)
class Reservation:
    """One accepted ReserveNow.req; connector 0 means "any connector of the charge point"."""

    reservation_id: int
    connector_id: int
    id_tag: str
    expiry_date: datetime
    parent_id_tag: str | None = None

    def admits(self, id_tag: str, parent_id_tag: str | None) -> bool:
        """Section 5.13: the reserved idTag, or any idTag whose parentIdTag is the reservation's one."""
        return _same(id_tag, self.id_tag) or (
            self.parent_id_tag is not None and _same(parent_id_tag, self.parent_id_tag)
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "reservationId": self.reservation_id,
            "connectorId": self.connector_id,
            "idTag": self.id_tag,
            "expiryDate": ocpp_time(self.expiry_date),
            "parentIdTag": self.parent_id_tag,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reservation:
        return cls(
            int(data["reservationId"]),
            int(data["connectorId"]),
            str(data["idTag"]),
            parse_ocpp_time(data["expiryDate"]),
            data.get("parentIdTag"),
        )


@dataclass(frozen=True)
class StartPermission:
    """May this idTag start on this connector; if it uses a reservation, StartTransaction carries its id."""

    allowed: bool
    reservation_id: int | None = None


class Reservations:
    """The charge point's reservations, persisted as one runtime setting so they survive a restart.

    `connector_state(n)` gives the state of connector n (1..NumberOfConnectors); `on_change(n)` is called
    when connector n (0: possibly every connector) starts or stops being reserved, so the charge point
    sends its StatusNotification (Reserved or Available).
    """

    def __init__(
        self,
        engine: Engine,
        config: OcppConfiguration,
        connector_state: Callable[[int], ConnectorState],
        on_change: Callable[[int], None] | None = None,
        *,
        setting: str = RESERVATIONS_SETTING,
    ) -> None:
        self._engine = engine
        self._setting = setting  # one per charge point identity (app/ocpp/identities.py)
        self._config = config
        self._state = connector_state
        self._on_change = on_change
        with session_factory(read_only(engine))() as db:
            stored = get_setting(db, setting, [])
        self._by_id: dict[int, Reservation] = {}
        for item in stored:
            try:
                reservation = Reservation.from_json(item)
            except (KeyError, TypeError, ValueError) as error:
                log.warning("stored reservation ignored: %s (%s)", item, error)
                continue
            self._by_id[reservation.reservation_id] = reservation

    # -- queries -------------------------------------------------------------------------------------

    def active(self, now: datetime | None = None) -> list[Reservation]:
        now = now or utc_now()
        return sorted(
            (r for r in self._by_id.values() if r.expiry_date > now), key=lambda r: r.reservation_id
        )

    def next_expiry(self) -> datetime | None:
        """When `expire` should run next."""
        return min((r.expiry_date for r in self._by_id.values()), default=None)

    def _connectors(self) -> range:
        return range(1, self._config.get_int("NumberOfConnectors") + 1)

    def _free(
        self,
        active: list[Reservation],
        excluding: int | None = None,
        state: Callable[[int], ConnectorState] | None = None,
    ) -> list[int]:
        """Available connectors without a reservation of their own (`state`: the connector states to
        use, e.g. read once for a whole status round; by default the live ones)."""
        state = state or self._state
        reserved = {r.connector_id for r in active}
        return [
            n
            for n in self._connectors()
            if n != excluding and n not in reserved and state(n) is ConnectorState.AVAILABLE
        ]

    def reservation_on(self, connector_id: int, now: datetime | None = None) -> Reservation | None:
        """The reservation holding connector n, for StatusNotification Reserved: its own, or one for
        connector 0 when the free connectors are all needed to keep the connector-0 reservations."""
        active = self.active(now)
        for reservation in active:
            if reservation.connector_id == connector_id:
                return reservation
        anywhere = [r for r in active if r.connector_id == 0]
        if not anywhere:  # the usual case: no connector is held for connector 0, nothing to count
            return None
        free = self._free(active)
        if connector_id in free and len(free) <= len(anywhere):
            return anywhere[0]
        return None

    def holding(
        self, state: Callable[[int], ConnectorState] | None = None, now: datetime | None = None
    ) -> dict[int, Reservation]:
        """reservation_on() of every connector at once: connector -> the reservation holding it.

        The free connectors are counted once (with `state`, e.g. a snapshot of the round), not once
        per connector: a status round stays linear in the number of connectors."""
        active = self.active(now)
        held = {r.connector_id: r for r in reversed(active) if r.connector_id != 0}
        anywhere = [r for r in active if r.connector_id == 0]
        if anywhere:
            free = self._free(active, state=state)
            if len(free) <= len(anywhere):
                held.update({n: anywhere[0] for n in free})
        return held

    def check_start(
        self, connector_id: int, id_tag: str, parent_id_tag: str | None = None, now: datetime | None = None
    ) -> StartPermission:
        """Whether `id_tag` may start a transaction on connector n given the reservations (section 5.13).

        The caller passes the tag's parentIdTag when it knows it (from the Authorizer's decision).
        """
        active = self.active(now)
        own = next((r for r in active if r.connector_id == connector_id), None)
        if own is not None:
            admitted = own.admits(id_tag, parent_id_tag)
            return StartPermission(admitted, own.reservation_id if admitted else None)
        anywhere = [r for r in active if r.connector_id == 0]
        mine = next((r for r in anywhere if r.admits(id_tag, parent_id_tag)), None)
        if mine is not None:
            return StartPermission(True, mine.reservation_id)
        if not anywhere:
            return StartPermission(True)
        # Another tag may start only if enough free connectors remain for the connector-0 reservations.
        return StartPermission(len(self._free(active, excluding=connector_id)) >= len(anywhere))

    # -- changes -------------------------------------------------------------------------------------

    def reserve_now(
        self,
        connector_id: int,
        expiry_date: datetime | str,
        id_tag: str,
        reservation_id: int,
        parent_id_tag: str | None = None,
        now: datetime | None = None,
    ) -> ReservationStatus:
        """ReserveNow (section 5.13). A reservation with the same reservationId is replaced."""
        now = now or utc_now()
        expiry = parse_ocpp_time(expiry_date) if isinstance(expiry_date, str) else expiry_date
        if not self._config.supports("Reservation") or expiry <= now:
            return ReservationStatus.REJECTED
        if connector_id == 0 and not self._config.get_bool("ReserveConnectorZeroSupported"):
            return ReservationStatus.REJECTED
        if not 0 <= connector_id <= self._config.get_int("NumberOfConnectors"):
            return ReservationStatus.REJECTED
        others = [r for r in self.active(now) if r.reservation_id != reservation_id]
        status = self._refusal(connector_id, others)
        if status is not None:
            return status
        new = Reservation(reservation_id, connector_id, id_tag, expiry, parent_id_tag)
        old = self._by_id.get(reservation_id)
        self._by_id[reservation_id] = new
        self._persist()
        self._notify({connector_id} | ({old.connector_id} if old else set()))
        return ReservationStatus.ACCEPTED

    def _refusal(self, connector_id: int, others: list[Reservation]) -> ReservationStatus | None:
        anywhere = sum(1 for r in others if r.connector_id == 0)
        if connector_id != 0:
            state = self._state(connector_id)
            if state is not ConnectorState.AVAILABLE:
                return _REFUSAL_OF_STATE[state]
            if any(r.connector_id == connector_id for r in others):
                return ReservationStatus.OCCUPIED  # already reserved under another reservationId
            if anywhere and len(self._free(others, excluding=connector_id)) < anywhere:
                return ReservationStatus.OCCUPIED  # the last free connectors are held for connector 0
            return None
        if len(self._free(others)) > anywhere:
            return None
        states = {self._state(n) for n in self._connectors()}
        if states == {ConnectorState.FAULTED}:
            return ReservationStatus.FAULTED
        if states == {ConnectorState.UNAVAILABLE}:
            return ReservationStatus.UNAVAILABLE
        return ReservationStatus.OCCUPIED

    def cancel(self, reservation_id: int, now: datetime | None = None) -> str:
        """CancelReservation (section 5.1): Accepted when such a reservation is active, else Rejected."""
        reservation = self._by_id.get(reservation_id)
        if reservation is None or reservation.expiry_date <= (now or utc_now()):
            return "Rejected"
        self._remove([reservation])
        return "Accepted"

    def consume(self, reservation_id: int) -> Reservation | None:
        """Ends a reservation because its transaction started (StartTransaction carries reservationId);
        call it once the StartTransaction is queued durably."""
        reservation = self._by_id.get(reservation_id)
        if reservation is not None:
            self._remove([reservation])
        return reservation

    def expire(self, now: datetime | None = None) -> list[Reservation]:
        """Removes the reservations past their expiryDate; the removed ones."""
        now = now or utc_now()
        expired = [r for r in self._by_id.values() if r.expiry_date <= now]
        if expired:
            self._remove(expired)
        return expired

    def _remove(self, reservations: list[Reservation]) -> None:
        for reservation in reservations:
            del self._by_id[reservation.reservation_id]
        self._persist()
        self._notify({r.connector_id for r in reservations})

    def _persist(self) -> None:
        value = [r.to_json() for r in sorted(self._by_id.values(), key=lambda r: r.reservation_id)]
        with session_factory(self._engine).begin() as db:
            set_setting(db, self._setting, value, actor=REMOTE_ACTOR)

    def _notify(self, connectors: set[int]) -> None:
        if self._on_change is None:
            return
        for connector_id in sorted(connectors):
            try:
                self._on_change(connector_id)
            except Exception:  # the reservation is stored; a failing listener must not undo the answer
                log.exception("reservation listener failed for connector %s", connector_id)
