"""Keeps the analytics' live records as the station runs: the connectors' state timeline, contactor
operations, balancer caps and link health per day (docs/analytics.md, "What is recorded as it happens").

It follows the charger manager's events, the session service's changes and the load balancer's cycle
reports, and checks every connector once a second besides. Every write goes through the ledger's writer
thread (app/analytics/live_store.py), so the event loop never waits for the disk.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Engine

from app.analytics import live_store
from app.analytics.live_store import LinkCounts, OpenSpan
from app.background_tasks import BackgroundTasks
from app.balancing import CycleReport
from app.chargers import (
    ChargerManager,
    ConnectorView,
    FaultEvent,
    LinkEvent,
    LinkState,
    SessionEvent,
    StationEvent,
    StatusEvent,
    VehicleEvent,
)
from app.db import HOUR_S, LedgerWriter, utc_now
from app.runtime import NO_FLAGS, ConnectorFlags
from app.sessions import ENDED, Condition, SessionChange, connector_condition, worst_fault

if TYPE_CHECKING:
    from app.runtime import StationRuntime

log = logging.getLogger(__name__)

DAY_S = 86_400

# docs/analytics.md "State timeline": the connector condition in the timeline's words.
TIMELINE_STATE: dict[Condition, str] = {
    Condition.NO_LINK: "offline",
    Condition.FAULTED: "faulted",
    Condition.PREPARING: "occupied",
    Condition.STARTING: "occupied",
    Condition.CHARGING: "charging",
    Condition.SUSPENDED_EV: "occupied",
    Condition.SUSPENDED_EVSE: "occupied",
    Condition.FINISHING: "occupied",
    Condition.UNAVAILABLE: "unavailable",
    Condition.RESERVED: "reserved",
    Condition.AVAILABLE: "available",
}


class SessionsLike(Protocol):
    """What the recorder asks of the session service (app.sessions.SessionService)."""

    def open_session(self, connector_id: str) -> tuple[int, str] | None: ...
    def subscribe(self, listener: Callable[[SessionChange], None]) -> Callable[[], None]: ...


class BalancerLike(Protocol):
    def subscribe(self, listener: Callable[[CycleReport], None]) -> Callable[[], None]: ...


@dataclass(frozen=True, slots=True)
class RecorderTiming:
    """How often the recorder looks (s): the 1 s state check of the spec, the link flush, the alive mark."""

    check_s: float = 1.0
    link_flush_s: float = 60.0
    alive_s: float = 60.0
    # A link still connecting after a start is not yet an outage: the first state waits this long for it.
    connect_grace_s: float = 10.0


@dataclass(slots=True)
class _Cap:
    row_id: concurrent.futures.Future[int]
    wanted_mA: int
    offered_min_mA: int


@dataclass(slots=True)
class _Link:
    polls: int = 0
    missed_polls: int = 0
    bad_frames: int = 0
    reconnects: int = 0  # since the last flush
    was_offline: bool = False


class AnalyticsRecorder:
    """Writes the state timeline, contactor operations, balancer caps and link days of one station."""

    def __init__(
        self,
        engine: Engine,
        writer: LedgerWriter,
        manager: ChargerManager,
        balancer: BalancerLike,
        sessions: SessionsLike,
        flags: Callable[[], Mapping[str, ConnectorFlags]],
        *,
        operator_holds: Callable[[], Mapping[str, str]] = dict,
        utc_offset_h: int = 0,
        clock: Callable[[], datetime] = utc_now,
        timing: RecorderTiming | None = None,
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.manager = manager
        self.balancer = balancer
        self.sessions = sessions
        self.flags = flags
        self.operator_holds = operator_holds  # connector -> reason a technician took it out of service
        self.utc_offset_s = utc_offset_h * HOUR_S
        self.clock = clock
        self.timing = timing or RecorderTiming()
        self.write_failures = 0
        self._ids: dict[str, int] = {}  # connector name -> connectors.id
        self._open: dict[str, OpenSpan] = {}
        self._finished: set[str] = set()  # a session ended and the car is still plugged (Finishing)
        self._closed_status: dict[str, tuple[int, int]] = {}  # while closed: (cycles, highest phase mA)
        self._caps: dict[str, _Cap] = {}
        self._links: dict[str, _Link] = {}
        self._flushed: dict[str, tuple[int, int, int]] = {}  # charger -> counters at the last flush
        self._started_s = 0
        self._unsubscribe: list[Callable[[], None]] = []
        self._tasks = BackgroundTasks("analytics recorder", log)

    @classmethod
    def for_runtime(cls, runtime: StationRuntime, timing: RecorderTiming | None = None) -> AnalyticsRecorder:
        """The recorder of a station runtime; start it after the runtime, stop it before."""
        return cls(
            runtime.engine,
            runtime.sessions.writer,
            runtime.station.manager,
            runtime.station.balancer,
            runtime.sessions,
            lambda: runtime.central_system.connector_flags(),
            operator_holds=runtime.operator_availability.reasons,
            utc_offset_h=runtime.config.ledger.utc_offset_h,
            clock=runtime.clock,
            timing=timing,
        )

    # -- life cycle ---------------------------------------------------------------------------------

    async def start(self) -> None:
        """Writes the time the station was down, then follows the station."""
        names = self.manager.connector_ids()
        self._started_s = self._now_s()
        self._ids, self._open = await self.writer.run(live_store.recover, self.engine, names, self._started_s)
        self._links = {cid: _Link() for cid in self.manager.chargers()}
        self._unsubscribe = [
            self.manager.subscribe(self._on_station_event),
            self.sessions.subscribe(self._on_session_change),
            self.balancer.subscribe(self._on_cycle),
        ]
        self.check()
        self._tasks.start(self._run(), name="analytics-recorder")

    async def stop(self) -> None:
        """Closes the open timeline rows and caps and writes the last link figures."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        await self._tasks.close()
        now_s = self._now_s()
        for name in list(self._caps):
            self._close_cap(name, now_s)
        self.flush_links()
        self._submit(live_store.close_states, self.engine, list(self._ids.values()), now_s)
        self._open.clear()
        await self.writer.drain()

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        next_flush = next_alive = loop.time()
        while True:
            await asyncio.sleep(self.timing.check_s)
            now = loop.time()
            try:
                self.check()
                if now >= next_flush + self.timing.link_flush_s:
                    next_flush = next_alive = now
                    self.flush_links()  # also marks the recorder alive
                elif now >= next_alive + self.timing.alive_s:
                    next_alive = now
                    self._submit(live_store.mark_alive, self.engine, self._now_s())
            except Exception:  # a bug in one round must not end the records for good: try again
                log.exception("analytics recorder round failed")

    # -- the state timeline -------------------------------------------------------------------------

    def check(self, connector_ids: tuple[str, ...] | None = None) -> None:
        """Decides each connector's timeline state now and writes a change (the 1 s check and events)."""
        views = self.manager.connectors() if connector_ids is None else self.manager.views(connector_ids)
        flags = self.flags()
        holds = self.operator_holds()
        now_s = self._now_s()
        for name, view in views.items():
            connector_id = self._ids.get(name)
            if connector_id is None:
                continue
            state = self._state(name, view, flags.get(name, NO_FLAGS), holds.get(name))
            if state is None:
                continue
            old = self._open.get(name)
            if old is not None and (old.state, old.detail) == state:
                continue
            new = OpenSpan(state[0], state[1], now_s)
            self._open[name] = new
            self._submit(live_store.change_state, self.engine, connector_id, new)

    def _state(
        self, name: str, view: ConnectorView, flag: ConnectorFlags, hold: str | None = None
    ) -> tuple[str, str | None] | None:
        open_session = self.sessions.open_session(name)
        condition = connector_condition(
            view,
            session_state=open_session[1] if open_session else None,
            inoperative=flag.inoperative or hold is not None,
            reserved=flag.reserved,
            finished=name in self._finished,
        )
        if condition is Condition.NO_LINK:
            connecting = view.link_state is LinkState.CONNECTING or view.status is None
            if connecting and self._now_s() - self._started_s < self.timing.connect_grace_s:
                return None  # just started: the link is on its way, the state not known yet
            return "offline", "link"
        if condition is Condition.FAULTED:
            assert view.status is not None
            fault = worst_fault(view.status.faults)
            return "faulted", fault.name if fault is not None else None
        if condition is Condition.UNAVAILABLE:
            if hold is not None:  # out of service by a technician: the reason they gave
                return "unavailable", f"operator:{hold}"[:64]
            return "unavailable", "central_system" if flag.inoperative else "charger"
        return TIMELINE_STATE[condition], None

    # -- events -------------------------------------------------------------------------------------

    def _on_station_event(self, event: StationEvent) -> None:
        match event:
            case StatusEvent(connector_ids=connector_ids):
                # Statuses arrive at the poll rate for every charger: only the contactor is followed
                # here; a state they change is seen by the once-a-second check (docs/analytics.md).
                self._contactors(connector_ids)
            case LinkEvent():
                self._link_changed(event)
                self.check()
            case VehicleEvent(connector_id=name, arrived=arrived):
                if not arrived:
                    self._finished.discard(name)
                self.check((name,))
            case FaultEvent(connector_id=name) | SessionEvent(connector_id=name):
                self.check((name,))

    def _on_session_change(self, change: SessionChange) -> None:
        name = change.connector_id
        if change.to_state == ENDED:
            try:
                plugged = self.manager.connector(name).vehicle_present
            except KeyError:
                return
            if plugged:
                self._finished.add(name)
        self.check((name,))

    # -- contactor operations -----------------------------------------------------------------------

    def _contactors(self, connector_ids: tuple[str, ...]) -> None:
        """Each close -> open seen in the statuses: one row with the firmware's counter and the current
        broken, the highest phase current of the last status while still closed (the wear model's I)."""
        for name, view in self.manager.views(connector_ids).items():
            status = view.status
            if status is None:
                continue
            if view.contactor_closed:
                self._closed_status[name] = (status.contactor_cycles, max(status.current_mA))
                continue
            closed = self._closed_status.pop(name, None)
            connector_id = self._ids.get(name)
            if closed is None or connector_id is None:
                continue
            self._submit(
                live_store.contactor_opened,
                self.engine,
                connector_id,
                self._now_s(),
                max(status.contactor_cycles, closed[0]),
                closed[1],
            )

    # -- balancer caps ------------------------------------------------------------------------------

    def _on_cycle(self, report: CycleReport) -> None:
        now_s = self._now_s()
        for name in list(self._caps):
            wanted = report.wanted_mA.get(name)
            if wanted is None or report.targets_mA.get(name, 0) >= wanted:
                self._close_cap(name, now_s)
        for name, wanted in report.wanted_mA.items():
            target = report.targets_mA.get(name, 0)
            connector_id = self._ids.get(name)
            if target >= wanted or connector_id is None:
                continue
            cap = self._caps.get(name)
            if cap is None:
                row = self._submit(live_store.open_cap, self.engine, connector_id, now_s, wanted, target)
                self._caps[name] = _Cap(row, wanted, target)
            elif target < cap.offered_min_mA or wanted > cap.wanted_mA:
                cap.offered_min_mA = min(cap.offered_min_mA, target)
                cap.wanted_mA = max(cap.wanted_mA, wanted)
                self._submit(self._update_cap, cap, None)

    def _close_cap(self, name: str, now_s: int) -> None:
        cap = self._caps.pop(name)
        self._submit(self._update_cap, cap, now_s)

    def _update_cap(self, cap: _Cap, ended_s: int | None) -> None:
        # On the writer thread, after the row's insert (the writer keeps the order): its id is known.
        live_store.update_cap(self.engine, cap.row_id.result(), cap.wanted_mA, cap.offered_min_mA, ended_s)

    # -- link days ----------------------------------------------------------------------------------

    def _link_changed(self, event: LinkEvent) -> None:
        link = self._links.setdefault(event.charger_id, _Link())
        if event.new is LinkState.OFFLINE:
            link.was_offline = True
        elif event.new in (LinkState.ONLINE, LinkState.DEGRADED) and link.was_offline:
            link.was_offline = False
            link.reconnects += 1

    def flush_links(self) -> None:
        """Adds each charger's polls, missed polls, bad frames and reconnections since the last flush to
        today's row (the counters count from the process's start; a counter that went back restarts)."""
        now_s = self._now_s()
        day_s = (now_s + self.utc_offset_s) // DAY_S * DAY_S - self.utc_offset_s
        counts = []
        for charger_id, link in self._links.items():
            health = self.manager.health(charger_id)
            now = (health.polls, health.missed_polls, health.bad_frames)
            before = self._flushed.get(charger_id, (0, 0, 0))
            delta = [n - b if n >= b else n for n, b in zip(now, before, strict=True)]
            self._flushed[charger_id] = now
            counts.append(LinkCounts(charger_id, day_s, delta[0], delta[1], delta[2], link.reconnects))
            link.reconnects = 0
        self._submit(live_store.add_link_counts, self.engine, counts, now_s)

    # -- helpers ------------------------------------------------------------------------------------

    def _now_s(self) -> int:
        return int(self.clock().timestamp())

    def _submit(self, function: Callable[..., Any], *args: Any) -> concurrent.futures.Future[Any]:
        future = self.writer.submit(function, *args)
        future.add_done_callback(self._logged)
        return future

    def _logged(self, future: concurrent.futures.Future[Any]) -> None:
        if future.exception() is not None:  # the ledger is unwritable: analytics must not stop the station
            self.write_failures += 1
            log.error("analytics record write failed", exc_info=future.exception())
