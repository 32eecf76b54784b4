"""Between the station (charger manager, sessions) and the OCPP parts: statuses, transactions, starts, stops.

It turns session changes into profile enforcement, availability and status updates; answers what a
handler needs to know about a connector; and carries out remote starts (authorising first when
AuthorizeRemoteTxRequests says so, section 5.11), unlocks (section 5.18) and the stops of a reset.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.background_tasks import BackgroundTasks
from app.chargers import (
    ConnectorView,
    FaultEvent,
    LinkEvent,
    SessionEvent,
    StationEvent,
    StatusEvent,
    VehicleEvent,
)
from app.db import ChargingSession, Connector, read_only, session_factory
from app.ocpp.local_auth import InvalidIdAction, rule_for_start_status
from app.ocpp.reservations import ConnectorState
from app.ocpp.status_map import OcppStatus, charge_point_status, connector_status
from app.sessions import ENDED, RUNNING_STATES, SessionChange, SessionRefusedError

if TYPE_CHECKING:
    from app.ocpp.charge_point_parts import ChargePointParts

log = logging.getLogger(__name__)


class StationBridge:
    """The OCPP side's view of the station, keyed by OCPP connector number."""

    def __init__(self, parts: ChargePointParts) -> None:
        self.parts = parts
        self.finished: set[int] = set()  # a session ended here and the car is still plugged in
        self.parked_reports: list[Any] = []
        self._tx_start: dict[int, datetime] = {}
        self._pending = BackgroundTasks("OCPP station bridge", log)
        # What the last status round computed, so that a poll of one charger recomputes only its own
        # connectors: a status round that rebuilt every connector for every poll of every charger
        # grew with the cube of the chargers (every connector's status asked the reservations, which
        # counted the free connectors, each from a fresh snapshot of every connector).
        self._statuses: dict[int, OcppStatus] = {}
        self._states: dict[int, ConnectorState] = {}  # as reservations see each connector
        self._held: set[int] = set()  # connectors a reservation holds (StatusNotification Reserved)
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- connector facts -----------------------------------------------------------------------------

    def _view(self, number: int) -> ConnectorView | None:
        try:
            return self.parts.station.manager.connector(self.parts.connectors[number])
        except KeyError:
            if number not in self.parts.connectors:
                raise
            return None  # a connector of the ledger the manager does not run

    def _open(self, number: int) -> tuple[int, str] | None:
        return self.parts.sessions.open_session(self.parts.connectors[number])

    def has_transaction(self, number: int) -> bool:
        open_session = self._open(number)
        return open_session is not None and open_session[1] in (*RUNNING_STATES, "interrupted", "finishing")

    def reservation_state(self, number: int) -> ConnectorState:
        return self._reservation_state(number, self._view(number))

    def _reservation_state(self, number: int, view: ConnectorView | None) -> ConnectorState:
        if view is None or view.status is None or view.status.faults:
            return ConnectorState.FAULTED
        if self._inoperative(number) or not view.available:
            return ConnectorState.UNAVAILABLE
        if view.vehicle_present or self._open(number) is not None:
            return ConnectorState.OCCUPIED
        return ConnectorState.AVAILABLE

    def _inoperative(self, number: int) -> bool:
        """Set Inoperative by the central system (section 5.2), or taken out of service by a technician."""
        parts = self.parts
        if parts.availability.is_inoperative(number):
            return True
        return parts.operator_unavailable(parts.connectors[number])

    def statuses(self, only: Collection[int] | None = None) -> dict[int, OcppStatus]:
        """The status of every connector and of the charge point (0); with `only`, of those connectors
        and 0 (a poll of one charger), the others' being as last computed unless a reservation for
        connector 0 moved onto or off them. One view per connector computed, read once."""
        connectors = self.parts.connectors
        full = only is None or not self._statuses
        numbers = set(connectors) if full else {n for n in only or () if n in connectors}
        views = self._views(numbers)
        for number in numbers:
            self._states[number] = self._reservation_state(number, views.get(number))
        held = set(self.parts.reservations.holding(self._state_of))
        moved = (held ^ self._held) - numbers
        if moved:  # Reserved <-> Available elsewhere: a connector-0 reservation needs another one
            numbers |= moved
            views.update(self._views(moved))
        self._held = held
        result: dict[int, OcppStatus] = {}
        for number in sorted(numbers):
            open_session = self._open(number)
            result[number] = self._statuses[number] = connector_status(
                views.get(number),
                session_state=open_session[1] if open_session else None,
                inoperative=self._inoperative(number),
                reserved=number in held,
                finished=number in self.finished,
            )
        # Connector 0 is Faulted only when every connector is: one that is not settles it (usually the
        # first looked at), so a poll does not go through every connector for it.
        cached = self._statuses
        working = next((s for s in cached.values() if s.status != "Faulted"), None)
        result[0] = charge_point_status(
            [working] if working is not None else [cached[n] for n in sorted(cached)],
            inoperative=self.parts.availability.charge_point_inoperative(),
        )
        return result

    def _views(self, numbers: Collection[int]) -> dict[int, ConnectorView]:
        connectors = self.parts.connectors
        views = self.parts.station.manager.views(connectors[n] for n in numbers)
        return {n: views[connectors[n]] for n in numbers if connectors[n] in views}

    def _state_of(self, number: int) -> ConnectorState:
        """A connector's state as the last status round saw it (the reservations' count of free ones)."""
        state = self._states.get(number)
        if state is None:
            state = self.reservation_state(number) if number in self.parts.connectors else None
        return state or ConnectorState.UNAVAILABLE

    def changed(self) -> None:
        """Something every status may depend on changed (a session, availability, a reservation).

        Computed on the event loop: reservations and availability change in worker threads."""
        try:
            loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is None and self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self.changed)
            return
        self._loop = loop or self._loop
        self.parts.status.changed()

    def session_row(self, number: int) -> ChargingSession | None:
        open_session = self._open(number)
        if open_session is None:
            return None
        with session_factory(read_only(self.parts.engine))() as db:
            return db.get(ChargingSession, open_session[0])

    def transaction_on(self, number: int) -> int | None:
        row = self.session_row(number)
        return None if row is None else row.csms_transaction_id

    def transaction_start(self, number: int) -> datetime | None:
        return self._tx_start.get(number)

    def connector_of_transaction(self, transaction_id: int) -> str | None:
        """The station connector whose open session has this CSMS transactionId (RemoteStopTransaction)."""
        with session_factory(read_only(self.parts.engine))() as db:
            row = db.scalar(
                select(ChargingSession).where(ChargingSession.csms_transaction_id == transaction_id)
            )
        if row is None or row.state == ENDED:
            return None
        return self.connector_id_of_session(row.connector_id)

    def connector_id_of_session(self, connector_db_id: int) -> str | None:
        with session_factory(read_only(self.parts.engine))() as db:
            name = db.scalar(select(Connector.name).where(Connector.id == connector_db_id))
        return name if name in self.parts.numbers else None

    # -- events ---------------------------------------------------------------------------------------

    def on_station_event(self, event: StationEvent) -> None:
        match event:
            case VehicleEvent(connector_id=connector_id, arrived=False):
                number = self.parts.numbers.get(connector_id)
                if number is not None:
                    self.finished.discard(number)
            case StatusEvent() if not self.parts.status.sent:
                return  # nothing sent yet: the (re)connection sends every status anyway
        # Only the connectors the event is about (and connector 0) can change status: a poll, a car,
        # a fault or a session of one connector, a link of one charger.
        match event:
            case StatusEvent(charger_id=charger_id) | LinkEvent(charger_id=charger_id):
                connector_ids = self._connectors_of(charger_id)
            case VehicleEvent() | FaultEvent() | SessionEvent():
                connector_ids = (event.connector_id,)
        self.changed_at(connector_ids)

    def _connectors_of(self, charger_id: str) -> tuple[str, ...]:
        try:
            return tuple(self.parts.station.manager.link_task(charger_id).connector_ids)
        except KeyError:
            return ()

    def changed_at(self, connector_ids: Collection[str]) -> None:
        """Something changed at these station connectors only (a poll, a car, a session)."""
        numbers = [self.parts.numbers[c] for c in connector_ids if c in self.parts.numbers]
        if numbers:
            self.parts.status.changed(connectors=numbers)

    def on_session_change(self, change: SessionChange) -> None:
        number = self.parts.numbers.get(change.connector_id)
        if number is None:
            return
        if change.to_state in RUNNING_STATES and number not in self._tx_start:
            row = self.session_row(number)
            if row is not None and row.started_at is not None:
                self._tx_start[number] = row.started_at
                self.parts.enforcer.transaction_started(number, row.started_at, row.csms_transaction_id)
                # The reading at the start, queued right behind its StartTransaction (section 3.16).
                self._spawn(
                    self.parts.sampler.sample_transaction(
                        number,
                        "Transaction.Begin",
                        "MeterValuesSampledData",
                        "StopTxnSampledData",
                        row.started_at,
                    )
                )
            self.parts.tx_queue.wake()
        if change.to_state == ENDED:
            self._tx_start.pop(number, None)
            view = self._view(number)
            if view is not None and view.vehicle_present:
                self.finished.add(number)
            self._spawn(self.parts.enforcer.transaction_stopped(number))
            self.parts.availability.transaction_ended(number)
            self.parts.tx_queue.wake()
        self.changed_at((change.connector_id,))

    def resume_transactions(self) -> None:
        """At start: transactions recovered from the ledger are known to the profile enforcer."""
        for number in self.parts.connectors:
            row = self.session_row(number)
            if row is not None and row.started_at is not None:
                self._tx_start[number] = row.started_at
                self.parts.enforcer.transaction_started(number, row.started_at, row.csms_transaction_id)

    def transaction_id_assigned(self, session_id: int, transaction_id: int) -> None:
        """StartTransaction.conf numbered the session's transaction. A TxProfile names that number
        (section 3.13.1), so the enforcer learns it now; until then it only knew the start time and
        no TxProfile could match the transaction."""
        for number, start in self._tx_start.items():
            open_session = self._open(number)
            if open_session is not None and open_session[0] == session_id:
                self.parts.enforcer.transaction_started(number, start, transaction_id)
                return

    def start_rejected(self, session_id: int, status: str) -> None:
        """StartTransaction.conf said the idTag is not Accepted (section 3.4.4 / 9.1.26)."""
        rule = rule_for_start_status(status, self.parts.config)
        with session_factory(read_only(self.parts.engine))() as db:
            row = db.get(ChargingSession, session_id)
        connector_id = None if row is None else self.connector_id_of_session(row.connector_id)
        if connector_id is None or row is None or row.state == ENDED:
            return
        if rule.action is InvalidIdAction.STOP:
            log.warning(
                "session %s: the CSMS refused id tag %s (%s): stopping", session_id, row.id_tag, status
            )
            self._spawn(self.parts.sessions.stop(connector_id, rule.stop_reason or "DeAuthorized"))
        elif rule.action is InvalidIdAction.SUSPEND:
            log.warning(
                "session %s: id tag %s is %s; StopTransactionOnInvalidId is false",
                session_id,
                row.id_tag,
                status,
            )

    def parked(self, report: Any) -> None:
        self.parked_reports.append(report)
        log.error("an OCPP transaction message was parked: %s", report)

    async def run_reservation_expiry(self) -> None:
        self._loop = asyncio.get_running_loop()  # where changes from worker threads are computed
        while True:
            expiry = self.parts.reservations.next_expiry()
            wait = 60.0 if expiry is None else max(0.0, (expiry - self.parts.clock()).total_seconds())
            await asyncio.sleep(min(wait, 60.0) + 0.01)
            if self.parts.reservations.expire(self.parts.clock()):
                self.changed()

    # -- commands -------------------------------------------------------------------------------------

    def may_start(self, number: int) -> bool:
        if number not in self.parts.connectors:  # a connectorId this charge point does not have
            return False
        state = self.reservation_state(number)
        return state in (ConnectorState.AVAILABLE, ConnectorState.OCCUPIED) and self._open(number) is None

    def free_connector(self, id_tag: str) -> int | None:
        """Where a remote start without connectorId goes: a plugged-in car first, else any free one."""
        free = [n for n in sorted(self.parts.connectors) if self.may_start(n)]
        plugged = [n for n in free if (v := self._view(n)) is not None and v.vehicle_present]
        choices = plugged or free
        return choices[0] if choices else None

    async def remote_start(self, number: int, id_tag: str, profile: dict[str, Any] | None) -> None:
        parts = self.parts
        if parts.config.get_bool("AuthorizeRemoteTxRequests"):
            decision = await parts.authorizer.authorize(id_tag, online=parts.accepted.is_set())
            if not decision.accepted:
                log.info("remote start for %s refused: %s (%s)", id_tag, decision.status, decision.source)
                parts.events.session_refused(parts.connectors.get(number), id_tag, decision.status)
                return
        permission = await asyncio.to_thread(parts.reservations.check_start, number, id_tag)
        if not permission.allowed:
            log.info("remote start for %s refused: connector %s is reserved", id_tag, number)
            return
        await self.start(number, id_tag, permission.reservation_id)
        if profile is not None:
            await asyncio.to_thread(parts.smart.set_profile, number, profile, self.transaction_on(number))
            parts.enforcer.wake()

    async def start(self, number: int, id_tag: str, reservation_id: int | None) -> bool:
        """Opens the session; the StartTransaction is queued by the ledger with the meter start."""
        try:
            await self.parts.sessions.authorise(
                self.parts.connectors[number], id_tag, reservation_id=reservation_id
            )
        except SessionRefusedError as err:
            log.info("start on connector %s refused: %s", number, err)
            self.parts.events.session_refused(self.parts.connectors[number], id_tag, str(err))
            return False
        if reservation_id is not None:
            await asyncio.to_thread(self.parts.reservations.consume, reservation_id)
        self.changed()
        return True

    async def unlock(self, number: int) -> str:
        """UnlockConnector.conf status; a running transaction is stopped first (reason UnlockCommand)."""
        connector_id = self.parts.connectors.get(number)
        if connector_id is None:
            return "NotSupported"
        if self._open(number) is not None:
            await self.parts.sessions.stop(connector_id, "UnlockCommand")
        view = self._view(number)
        if view is None:  # configured but not (yet) reported by its charger: nothing to unlock with
            log.warning("unlock of connector %s failed: its charger has not reported it", number)
            return "UnlockFailed"
        try:
            task = self.parts.station.manager.link_task(view.charger_id)
            await task.board.unlock(view.index)
        except Exception as err:  # no link, a refused command: the driver needs a technician
            log.warning("unlock of connector %s failed: %s", number, err)
            return "UnlockFailed"
        return "Unlocked"

    async def stop_all(self, reason: str) -> None:
        stops = [
            self.parts.sessions.stop(connector_id, reason)
            for number, connector_id in self.parts.connectors.items()
            if self._open(number) is not None
        ]
        await asyncio.gather(*stops, return_exceptions=True)

    def _spawn(self, coroutine: Any) -> None:
        self._pending.start(coroutine)

    async def close(self) -> None:
        await self._pending.close()
