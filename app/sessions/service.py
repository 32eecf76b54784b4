"""The session service: runs the session state machine on the ledger, beside the station core.

Every transition is committed to the ledger before the side effect it causes (the payment claim that
lets the connector charge, its release that stops it), so after a crash the ledger says what was
intended and recover() completes it. States, what is written when, recovery rules: docs/sessions.md.
Ledger writes run on one writer thread (app/db/writer.py), in the order the events came: a commit
with fsync takes tens of milliseconds on an SD card and must not freeze the kiosk (the loop is its Qt
thread). The in-memory state follows an event at once; the side effect (claim, release) and the
published change follow the commit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.arbitration import Claim, ClaimSource
from app.background_tasks import BackgroundTasks
from app.chargers import (
    ConnectorSessionChange,
    ConnectorView,
    LinkEvent,
    SessionEvent,
    StationEvent,
    StatusEvent,
    VehicleEvent,
    link_usable,
)
from app.config import LedgerSettings, SessionSettings
from app.db import ChargingSession, LedgerWriter, Sample, read_only, session_factory, utc_now
from app.sessions.ledger import (
    SessionRefusedError,
    create_session,
    end_session,
    ensure_connectors,
    last_reading,
    open_sessions,
    readings,
    session_cost,
    store_samples,
    transitions,
    write_transition,
)
from app.sessions.states import (
    AUTHORISED,
    CHARGING,
    ENDED,
    FINISHING,
    INTERRUPTED,
    RUNNING_STATES,
    STOP_REASONS,
    WAITING_FOR_PLUG,
    check_stop_reason,
    running_state_for,
)
from app.station import Station
from app.tariffs import CostBreakdown, Tariff
from hal.listeners import Listeners
from hal.wire.messages import FaultBit

log = logging.getLogger(__name__)

RECOVERED = "recovered"  # prefix of the transition reasons written by recover()
CONFIRMED = "permission confirmed"  # the charger was seen holding the session's permission
RESUMED = f"{RECOVERED}: resumed"
RESENT = f"{RECOVERED}: permission sent again"


@dataclass
class _LiveSession:
    """What the service keeps in memory about one open session (the ledger is the truth)."""

    session_id: int
    transaction_ref: int
    connector_id: str
    state: str
    created_at: datetime
    state_since: datetime
    recovering: bool = False  # loaded at start-up, waiting for the charger's first status
    confirmed: bool = False  # the charger has been seen holding the permission (a transition says so)
    stop_reason: str | None = None  # the reason of a decided stop (finishing)
    reservation_id: int | None = None  # OCPP reservation used by this session (lost on a restart)
    candidate: str | None = None  # a running state the pilot shows, not yet held long enough
    candidate_since: float = 0.0
    ended: asyncio.Event = field(default_factory=asyncio.Event)
    result: ChargingSession | None = None


def host_boot_time() -> datetime | None:
    """When this computer booted (Linux /proc/stat btime), None where it cannot be read."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            for line in stat:
                if line.startswith("btime "):
                    return datetime.fromtimestamp(int(line.split()[1]), UTC)
    except OSError:
        return None
    return None


@dataclass(frozen=True)
class SessionChange:
    """A session's transition, published after it was committed (OCPP, screens and receipts follow it)."""

    session_id: int
    transaction_ref: int
    connector_id: str
    from_state: str | None
    to_state: str
    at: datetime
    reason: str | None = None  # the stop reason when to_state is "ended"


# The configuration schema's defaults (app/config/sessions.py) are the one source of the configurable periods.
_LEDGER, _SESSIONS = LedgerSettings(), SessionSettings()


@dataclass(frozen=True)
class SessionTiming:
    """The service's periods and timeouts (seconds); built from the configuration by
    app/runtime/runtime.session_timing, the last two are design constants."""

    # What each means: the schema's doc ([ledger] and [sessions] in docs/configuration.md).
    sample_interval_s: float = _LEDGER.sample_interval_s
    flush_interval_s: float = _LEDGER.flush_interval_s
    plug_timeout_s: float = _SESSIONS.plug_timeout_s
    stop_timeout_s: float = _SESSIONS.stop_timeout_s
    suspend_debounce_s: float = 2.0  # a pilot state held this long changes charging <-> suspended
    housekeeping_s: float = 0.25


class SessionService:
    """Authorises, runs, stops and recovers charging sessions; one per station, one writer per ledger."""

    def __init__(
        self,
        station: Station,
        engine: Engine,
        tariff: Tariff,
        clock: Callable[[], datetime] = utc_now,
        *,
        timing: SessionTiming | None = None,
        host_booted_at: Callable[[], datetime | None] = host_boot_time,
    ) -> None:
        self.station = station
        self.host_booted_at = host_booted_at
        self.engine = engine
        self.tariff = tariff
        self.clock = clock
        self.timing = timing or SessionTiming()
        # An interrupted session waits as long as the charger manager does before it ends "PowerLoss".
        self.session_timeout_s = station.manager.session_timeout_s
        self.counters: Counter[str] = Counter()
        self._live: dict[str, _LiveSession] = {}
        self._connector_db_ids: dict[str, int] = {}
        self._samples: list[Sample] = []
        self._unsubscribe: Callable[[], None] | None = None
        self._housekeeping = BackgroundTasks("sessions", log)
        self._started_monotonic = time.monotonic()
        self._recovery_deadline: datetime | None = None
        self._listeners: Listeners[SessionChange] = Listeners("session", log)
        self.writer = LedgerWriter()
        self._opening: set[str] = set()  # connectors whose new session is being committed
        # Readings to add to the end's outbox message (OCPP StopTransaction transactionData with context
        # Transaction.End); set by the OCPP side, called with the connector id at the end.
        self.end_readings: Callable[[str], list[dict[str, object]]] | None = None

    # -- life cycle -------------------------------------------------------------------------------

    async def start(self) -> None:
        """Registers the connectors in the ledger, loads open sessions (recover) and starts sampling.

        Call it before station.start(): the recovered sessions are then reconciled on the chargers'
        first status, before the load balancer's first cycle can stop a permission without a claim.
        """
        self._connector_db_ids = await self.writer.run(ensure_connectors, self.engine, self.station.config)
        self._started_monotonic = time.monotonic()
        self._unsubscribe = self.station.manager.subscribe(self._on_event)
        self.recover()
        self._housekeeping.start(self._run_housekeeping(), name="sessions")

    async def close(self) -> None:
        await self._housekeeping.close()
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._flush_samples()
        await self.writer.drain()
        self.writer.close()

    def subscribe(self, listener: Callable[[SessionChange], None]) -> Callable[[], None]:
        """Calls `listener` after each committed transition; returns the unsubscribe function."""
        return self._listeners.subscribe(listener)

    def _publish(
        self, live: _LiveSession, from_state: str | None, to_state: str, reason: str | None = None
    ) -> None:
        change = SessionChange(
            live.session_id,
            live.transaction_ref,
            live.connector_id,
            from_state,
            to_state,
            self.clock(),
            reason,
        )
        # A listener's bug must not undo or stop the session's bookkeeping: Listeners logs it.
        self._listeners.emit(change)

    # -- commands ---------------------------------------------------------------------------------

    async def authorise(
        self,
        connector_id: str,
        id_tag: str,
        *,
        reservation_id: int | None = None,
        with_session: Callable[[Session, ChargingSession], None] | None = None,
    ) -> ChargingSession:
        """Opens a session on a connector with the tariff in force now; refused while one is open.

        `reservation_id`: the OCPP reservation this start uses (sent in its StartTransaction);
        `with_session(db, row)`: written in the session's own transaction (its payment)."""
        if connector_id not in self._connector_db_ids:
            raise SessionRefusedError(f"{connector_id}: no such connector")
        if connector_id in self._live:
            raise SessionRefusedError(
                f"{connector_id}: session {self._live[connector_id].session_id} is open"
            )
        if connector_id in self._opening:
            raise SessionRefusedError(f"{connector_id}: a session is being opened")
        view = self.station.manager.connector(connector_id)
        plugged = view.vehicle_present and view.status is not None and view.available
        meter = view.status.energy_Wh if plugged and view.status is not None else None
        now = self.clock()
        self._opening.add(connector_id)
        try:
            row = await self.writer.run(
                create_session,
                self.engine,
                self._connector_db_ids[connector_id],
                id_tag,
                self.tariff,
                now,
                next_state=CHARGING if plugged else WAITING_FOR_PLUG,
                meter_Wh=meter,
                reservation_id=reservation_id,
                with_session=with_session,
            )
        finally:
            self._opening.discard(connector_id)
        live = _LiveSession(row.id, row.transaction_ref, connector_id, row.state, now, now)
        live.reservation_id = reservation_id
        self._live[connector_id] = live
        if plugged:
            self._submit_claim(live)
        self._publish(live, None, row.state)
        return row

    async def stop(self, connector_id: str, reason: str = "Local") -> ChargingSession | None:
        """Stops the connector's session with an OCPP 1.6 reason; returns it ended (None: no session)."""
        check_stop_reason(reason)
        live = self._live.get(connector_id)
        if live is None:
            return None
        if live.state in RUNNING_STATES and not live.recovering:
            meter = self._meter_now(connector_id)
            live.stop_reason = reason
            self._transition(
                live,
                FINISHING,
                meter_Wh=meter,
                reason=reason,
                then=lambda: self.station.arbiter.release(connector_id, ClaimSource.PAYMENT),
            )
        elif live.state != FINISHING:
            self._end(live, reason, None)
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self.timing.stop_timeout_s + 2.0):
                await live.ended.wait()
        return live.result

    # -- snapshots --------------------------------------------------------------------------------

    def open_session(self, connector_id: str) -> tuple[int, str] | None:
        """(session id, state) of the connector's open session, None when there is none."""
        live = self._live.get(connector_id)
        return None if live is None else (live.session_id, live.state)

    def running_cost(self, connector_id: str) -> CostBreakdown | None:
        """The cost so far of the connector's session (frozen tariff, readings up to now)."""
        live = self._live.get(connector_id)
        if live is None:
            return None
        self._flush_samples()  # queued: the cost below counts the readings committed so far
        with session_factory(read_only(self.engine))() as db:
            row = db.get(ChargingSession, live.session_id)
            if row is None or row.started_at is None:
                return None
            # Read once: the last reading bounds the cost, and the cost uses them all.
            moves = transitions(db, row.id)
            found = readings(db, row, moves=moves)
            assert found  # started: at least the start reading
            last = found[-1]
            now = max(self.clock(), last[0])
            meter = self._meter_now(connector_id)
            return session_cost(db, row, now, max(meter or 0, last[1]), found=found, moves=moves)

    # -- recovery ---------------------------------------------------------------------------------

    def recover(self) -> int:
        """Loads every open session of the ledger; those that may hold a charger's permission wait for
        the charger's first status (then resume or end), the others keep their deadlines."""
        now = self.clock()
        self._recovery_deadline = now + timedelta(seconds=self.session_timeout_s)
        by_db_id = {v: k for k, v in self._connector_db_ids.items()}
        loaded = 0
        for row in open_sessions(self.engine):
            connector_id = by_db_id.get(row.connector_id)
            if connector_id is None or connector_id in self._live:
                continue  # a connector no longer configured: its session ends by the deadline below
            live = _LiveSession(
                row.id, row.transaction_ref, connector_id, row.state, row.created_at, row.updated_at
            )
            live.recovering = row.state not in (AUTHORISED, WAITING_FOR_PLUG)
            with session_factory(read_only(self.engine))() as db:
                path = transitions(db, row.id)
            live.confirmed = any(t.reason in (CONFIRMED, RESUMED) for t in path)
            if row.state == FINISHING:
                live.stop_reason = path[-1].reason or "Other"
            self._live[connector_id] = live
            loaded += 1
            self.counters["recovered"] += 1
        for connector_id in list(self._live):
            self._reconcile(connector_id)
        return loaded

    def _reconcile(self, connector_id: str) -> None:
        live = self._live.get(connector_id)
        if live is None or not live.recovering:
            return
        view = self.station.manager.connector(connector_id)
        if view.status is None or view.status_age_s > time.monotonic() - self._started_monotonic:
            return  # not read since this service started
        holds = view.permitted and view.transaction_ref == live.transaction_ref
        status_Wh = view.status.energy_Wh
        if live.state == FINISHING:
            self._end(live, live.stop_reason or "Other", status_Wh if holds else None, RECOVERED)
        elif holds and view.vehicle_present:
            self._resume(live, status_Wh, RESUMED)
        elif not view.vehicle_present:
            self._end(live, "EVDisconnected", status_Wh, RECOVERED)
        elif self._rebooted_since(live, view):
            self._end(live, self._reboot_reason(live), None, RECOVERED)
        elif not live.confirmed and not view.permitted:
            # The intent was written but the permission never reached the charger (the station died
            # in between): complete the side effect. A charger only drops a permission it held on a
            # STOP (written as finishing first), a car leaving or a reboot.
            self._resume(live, status_Wh, RESENT)
        elif live.confirmed and not view.permitted:
            # It held the permission and lost it with the same boot and a car present: the car left
            # and another arrived while the station was away.
            self._end(live, "EVDisconnected", status_Wh, f"{RECOVERED} (permission gone)")
        else:
            held = f"ref {view.transaction_ref}" if view.permitted else "no permission"
            self._end(live, "Other", status_Wh, f"{RECOVERED} (charger holds {held})")

    def _resume(self, live: _LiveSession, meter_Wh: int, reason: str) -> None:
        live.recovering = False
        state = live.state if live.state in RUNNING_STATES else CHARGING
        live.confirmed = live.confirmed or reason == RESUMED
        self._transition(live, state, meter_Wh=meter_Wh, reason=reason, then=lambda: self._submit_claim(live))
        self.counters["resumed" if reason == RESUMED else "permission sent again"] += 1

    def _reboot_reason(self, live: _LiveSession) -> str:
        """Charger and host both restarted since the session was last seen: the site lost power
        (OCPP 1.6 section 7.39 PowerLoss); the charger alone (watchdog, brown-out): Reboot."""
        booted = self.host_booted_at()
        return "PowerLoss" if booted is not None and booted > live.state_since else "Reboot"

    def _rebooted_since(self, live: _LiveSession, view: ConnectorView) -> bool:
        """The charger has been up for less time than has passed since the session's last reading."""
        assert view.status is not None
        with session_factory(read_only(self.engine))() as db:
            row = db.get(ChargingSession, live.session_id)
            seen = [t.at for t in transitions(db, live.session_id)]
            last = last_reading(db, row) if row is not None else None
        last_seen = max([*seen, *([last[0]] if last else [])])
        return view.status.uptime_s < (self.clock() - last_seen).total_seconds()

    # -- events from the charger manager ---------------------------------------------------------

    def _on_event(self, event: StationEvent) -> None:
        match event:
            case VehicleEvent(connector_id=connector_id, arrived=arrived):
                self._on_vehicle(connector_id, arrived)
            case SessionEvent():
                self._on_session(event)
            case StatusEvent(connector_ids=connector_ids):
                for connector_id in connector_ids:
                    self._on_status(connector_id)
            case LinkEvent(charger_id=charger_id):
                for connector_id, live in list(self._live.items()):
                    if live.recovering and connector_id.startswith(f"{charger_id}/"):
                        self._reconcile(connector_id)

    def _on_vehicle(self, connector_id: str, arrived: bool) -> None:
        live = self._live.get(connector_id)
        if live is None:
            return
        if live.recovering:
            self._reconcile(connector_id)
        elif arrived and live.state == WAITING_FOR_PLUG:
            self._plugged(live, connector_id)
        elif not arrived and (live.state in RUNNING_STATES or live.state == FINISHING):
            reason = live.stop_reason if live.state == FINISHING else self._left_reason(connector_id)
            self._end(live, reason or "EVDisconnected", self._meter_now(connector_id))

    def _left_reason(self, connector_id: str) -> str:
        """Why the car is no longer seen: a latched fault drives the pilot to state F (IEC 61851-1
        Table A.4), which is not the car leaving; OCPP 1.6 section 7.39 has EmergencyStop for the
        stop button and Other for the rest."""
        status = self.station.manager.connector(connector_id).status
        if status is None or not status.faults:
            return "EVDisconnected"
        return "EmergencyStop" if status.faults & FaultBit.EMERGENCY_STOP else "Other"

    def _plugged(self, live: _LiveSession, connector_id: str) -> None:
        """Charging starts with its meter start (and the StartTransaction) in one commit, once the
        connector is available: a car seen while the link is still being identified (at a restart) has
        no meter yet, and a start without one would never be billed nor reach the CSMS; the next status
        of the available connector starts it then."""
        meter = self._meter_now(connector_id)
        if meter is None:
            return
        self._transition(
            live,
            CHARGING,
            meter_Wh=meter,
            reason="plugged",
            start_meter=True,
            then=lambda: self._submit_claim(live),
        )

    def _on_session(self, event: SessionEvent) -> None:
        session = event.session
        live = self._live.get(event.connector_id)
        if live is None or live.recovering or session.transaction_ref != live.transaction_ref:
            return
        change = event.change
        if change == ConnectorSessionChange.INTERRUPTED and live.state in RUNNING_STATES:
            self._transition(live, INTERRUPTED, meter_Wh=session.last_energy_Wh, reason="charger lost")
        elif change == ConnectorSessionChange.RESUMED and live.state == INTERRUPTED:
            self._transition(live, CHARGING, meter_Wh=session.last_energy_Wh, reason="charger back")
        elif change == ConnectorSessionChange.ENDED and live.state != FINISHING:
            reason = session.end_reason or "Other"
            # After a reboot or a long outage the charger's counter is not the session's: the last
            # reading the ledger holds is the stop (docs/sessions.md).
            meter = None if reason in ("Reboot", "PowerLoss") else self._meter_now(event.connector_id)
            self._end(live, reason if reason in STOP_REASONS else "Other", meter)

    def _on_status(self, connector_id: str) -> None:
        live = self._live.get(connector_id)
        if live is None:
            return
        if live.recovering:
            self._reconcile(connector_id)
            return
        view = self.station.manager.connector(connector_id)
        if view.status is None:
            return
        if live.state == WAITING_FOR_PLUG:
            if view.vehicle_present:
                self._plugged(live, connector_id)
            return
        if live.state == FINISHING:
            released = not (view.permitted and view.transaction_ref == live.transaction_ref)
            # The permit drops first; the car may draw until it has wound down and the contactor
            # opens (IEC 61851-1 Table A.6 gives it up to 3 s, then the EVSE opens anyway). Only a
            # reading taken with the contactor open bills the last watt-hours (docs/sessions.md).
            if released and view.contactor_open:
                self._end(live, live.stop_reason or "Local", view.status.energy_Wh)
        elif live.state in RUNNING_STATES and view.vehicle_present:
            if not live.confirmed and view.permitted and view.transaction_ref == live.transaction_ref:
                live.confirmed = True
                self._transition(live, live.state, meter_Wh=view.status.energy_Wh, reason=CONFIRMED)
            shown = running_state_for(view.status.iec_state)
            if shown == live.state:
                live.candidate = None
            elif shown != live.candidate:
                live.candidate, live.candidate_since = shown, time.monotonic()
            elif time.monotonic() - live.candidate_since >= self.timing.suspend_debounce_s:
                live.candidate = None
                self._transition(live, shown, meter_Wh=view.status.energy_Wh, reason="pilot")

    # -- transitions and their side effects -------------------------------------------------------

    def _transition(
        self,
        live: _LiveSession,
        to_state: str,
        *,
        meter_Wh: int | None,
        reason: str | None,
        start_meter: bool = False,
        then: Callable[[], object] | None = None,
    ) -> None:
        """Moves the session now; commits the transition, then runs `then` (its side effect) and
        publishes it. A failed commit is logged and neither follows (the session keeps its claim
        state, and the next event or deadline writes again)."""
        now = self.clock()
        from_state = live.state
        live.state, live.state_since = to_state, now

        def committed(_result: object) -> None:
            if then is not None:
                then()
            self._publish(live, from_state, to_state)

        self._write(
            committed,
            write_transition,
            self.engine,
            live.session_id,
            to_state,
            now,
            meter_Wh=meter_Wh,
            reason=reason,
            start_meter=start_meter,
            reservation_id=live.reservation_id if start_meter else None,
        )

    def _write(
        self,
        then: Callable[[Any], None] | None,
        function: Callable[..., Any],
        *args: Any,
        on_error: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> None:
        """Queues a ledger write; on the loop, in queue order, `then(result)` runs after it committed,
        `on_error()` after it failed (logged and counted)."""
        future = asyncio.wrap_future(self.writer.submit(function, *args, **kwargs))

        def on_loop(done: asyncio.Future[Any]) -> None:
            error = done.exception()
            if error is not None:
                self.counters["ledger writes failed"] += 1
                log.error("ledger write %s failed", function.__name__, exc_info=error)
            try:
                if error is None and then is not None:
                    then(done.result())
                elif error is not None and on_error is not None:
                    on_error()
            except Exception:  # a follow-up's bug must not stop the ones after it
                log.exception("after ledger write %s", function.__name__)

        future.add_done_callback(on_loop)

    def _submit_claim(self, live: _LiveSession) -> None:
        claim = Claim(
            ClaimSource.PAYMENT,
            may_charge=True,
            transaction_ref=live.transaction_ref,
            reason=f"session {live.session_id}",
        )
        self.station.arbiter.submit(live.connector_id, claim)

    def _end(self, live: _LiveSession, reason: str, meter_Wh: int | None, detail: str | None = None) -> None:
        """Writes the end (with the cost and the outbox message), then releases the claim."""
        now = self.clock()
        samples, self._samples = self._samples, []
        if self._live.get(live.connector_id) is live:
            del self._live[live.connector_id]
        from_state, live.recovering = live.state, False
        # The connector's in-memory session is gone at once (a new one queues its insert behind this
        # end); the claim is released, and the end published, once the end has committed.

        def committed(row: ChargingSession | None) -> None:
            self.station.arbiter.release(live.connector_id, ClaimSource.PAYMENT)
            live.result = row
            live.ended.set()
            if row is not None:
                self._publish(live, from_state, ENDED, reason)
            self.counters[f"ended {reason}"] += 1
            log.info("%s: session %s ended (%s)", live.connector_id, live.session_id, reason)

        def failed() -> None:
            # Not written (the disk is full, the database gone): the session stays open in memory and
            # in the ledger, with its samples, so the next event or deadline ends it again.
            self._samples = samples + self._samples
            self._live.setdefault(live.connector_id, live)

        self._write(
            committed,
            end_session,
            self.engine,
            live.session_id,
            reason,
            now,
            on_error=failed,
            meter_stop_Wh=meter_Wh,
            samples=samples,
            detail=f"{detail}: {reason}" if detail else None,
            transaction_data=self._end_readings(live.connector_id),
        )

    def _end_readings(self, connector_id: str) -> list[dict[str, object]]:
        if self.end_readings is None:
            return []
        try:
            return self.end_readings(connector_id)
        except Exception:  # extra data must never stop a session from ending
            log.exception("end readings of %s failed", connector_id)
            return []

    def _meter_now(self, connector_id: str) -> int | None:
        """The charger's counter now; also while a fault is latched (the connector is then not
        available for new sessions, but its link and meter are fine), not when the link is down."""
        view = self.station.manager.connector(connector_id)
        if view.status is None or not link_usable(view.link_state):
            return None
        return view.status.energy_Wh

    # -- sampling and deadlines ---------------------------------------------------------------------

    async def _run_housekeeping(self) -> None:
        next_sample = next_flush = time.monotonic()
        while True:
            await asyncio.sleep(self.timing.housekeeping_s)
            try:
                now = time.monotonic()
                if now >= next_sample:
                    next_sample = now + self.timing.sample_interval_s
                    self._take_samples()
                if now >= next_flush:
                    next_flush = now + self.timing.flush_interval_s
                    self._flush_samples()
                self._check_deadlines()
            except Exception:  # the ledger may be briefly unwritable (disk full): try again next round
                log.exception("session housekeeping failed")

    def _take_samples(self) -> None:
        ts_s = int(self.clock().timestamp())
        for connector_id, view in self.station.manager.connectors().items():
            status = view.status
            if status is None or not view.available or connector_id not in self._connector_db_ids:
                continue
            self._samples.append(
                Sample(
                    self._connector_db_ids[connector_id],
                    ts_s,
                    status.energy_Wh,
                    status.power_W,
                    status.current_mA[0],
                    status.current_mA[1],
                    status.current_mA[2],
                    status.voltage_mV[0] // 100,
                    status.temperature_dC,  # the hottest sensor: the thermal drift model's input
                )
            )

    def _flush_samples(self) -> None:
        """Queues the buffered samples' write; if it fails they are kept for the next flush."""
        samples, self._samples = self._samples, []
        if not samples:
            return

        def failed() -> None:
            self._samples = samples + self._samples

        self._write(None, store_samples, self.engine, samples, on_error=failed)

    def _check_deadlines(self) -> None:
        now = self.clock()
        for live in list(self._live.values()):
            if live.state in (AUTHORISED, WAITING_FOR_PLUG):
                if now - live.created_at >= timedelta(seconds=self.timing.plug_timeout_s):
                    self._end(live, "Other", None, "plug timeout")
            elif live.recovering:
                if self._recovery_deadline is not None and now >= self._recovery_deadline:
                    self._end(live, "PowerLoss", None, f"{RECOVERED}: charger not back")
            elif live.state == INTERRUPTED:
                if now - live.state_since >= timedelta(seconds=self.session_timeout_s):
                    self._end(live, "PowerLoss", None)
            elif live.state == FINISHING and now - live.state_since >= timedelta(
                seconds=self.timing.stop_timeout_s
            ):
                self._end(
                    live, live.stop_reason or "Local", self._meter_now(live.connector_id), "stop timeout"
                )
