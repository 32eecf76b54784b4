"""The charger manager: every charger's link, connector views, sessions, failover and reconciliation.

The load balancer reads connectors() once per cycle and calls apply() per connector; the rest of the
app reads snapshots (connector() for one connector: connectors() builds every view, so a caller that
wants one view per event must not call it per event) and subscribes to events. Rules and reasons:
docs/charger-manager.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.background_tasks import BackgroundTasks
from app.chargers.events import (
    ChargerView,
    ConnectorSession,
    ConnectorSessionChange,
    ConnectorView,
    FaultEvent,
    LinkEvent,
    SessionEvent,
    StationEvent,
    StatusEvent,
    VehicleEvent,
)
from app.chargers.health import ChargerHealth
from app.chargers.link_task import (
    LEASE_EXPIRED_WITH_PERMISSION,
    ChargerLinkTask,
    LinkState,
    LinkTuning,
    link_usable,
)
from app.chargers.links import open_board as open_link_board
from app.config import ConfiguredCharger, LinkSettings, StationConfig
from hal.board.charger_board import ChargerBoard, ChargerSettings, CommandReceipt
from hal.links.errors import CommandRefused, LinkDownError, LinkError
from hal.links.i2c import I2cBus
from hal.listeners import Listeners
from hal.wire.messages import (
    Capability,
    IdentifyReply,
    IecState,
    MsgType,
    ResultCode,
    SelfTestReply,
    StatusFlag,
    StatusReply,
    StopReason,
)

log = logging.getLogger(__name__)

ENDED_REFS_KEPT = 8  # per connector: refs that must never be permitted again by apply()
VEHICLE_STATES = frozenset({IecState.B1, IecState.B2, IecState.C1, IecState.C2, IecState.D1, IecState.D2})
# The flags a view reads, as plain ints: a view is built per connector per poll, and an int & IntFlag
# makes a new enum member each time.
_PERMITTED = int(StatusFlag.PERMITTED)
_CONTACTOR_CLOSED = int(StatusFlag.CONTACTOR_CLOSED)
_CONTACTOR_FEEDBACK = int(StatusFlag.CONTACTOR_FEEDBACK)
_HAS_FEEDBACK = int(Capability.CONTACTOR_FEEDBACK)
# OCPP 1.6 stop reasons the station may give for a stop it decides (apply(permit=False)).
WIRE_STOP_REASONS = {
    "Local": StopReason.LOCAL,
    "Remote": StopReason.REMOTE,
    "DeAuthorized": StopReason.DEAUTHORIZED,
    "EmergencyStop": StopReason.EMERGENCY,
    "Other": StopReason.OTHER,
}


class SessionEndedError(CommandRefused):
    """apply() was asked to permit a transaction whose session already ended (e.g. the charger rebooted)."""

    def __init__(self, connector_id: str, transaction_ref: int, end_reason: str | None) -> None:
        super().__init__(ResultCode.REFUSED_STATE, MsgType.PERMIT)
        self.args = (
            f"{connector_id}: transaction {transaction_ref} ended ({end_reason or 'earlier'}); "
            "a new transaction needs a new reference",
        )


@dataclass
class _ConnectorMemory:
    """What the manager sent to one connector and the session it runs."""

    session: ConnectorSession | None = None
    sent_permit: bool = False
    sent_ref: int = 0
    sent_limit_mA: int | None = None
    sent_at: float = 0.0  # time.monotonic() after the last command was acknowledged
    vehicle_present: bool = False
    ended_refs: deque[int] = dataclasses.field(default_factory=lambda: deque(maxlen=ENDED_REFS_KEPT))
    timeout: asyncio.TimerHandle | None = None

    def forget_sent(self) -> None:
        self.sent_permit, self.sent_ref, self.sent_limit_mA = False, 0, None


def fitted_link_settings(link: LinkSettings) -> LinkSettings:
    """The link settings with a request timeout that lets one poll's attempts fit in one poll period.

    So a poll that fails after the board's bounded retries takes about one period, and 3 missed
    polls take about 3 periods (issue 3: offline within 3 missed polls).
    """
    # Three quarters of a period leave room for the retry pauses and the heartbeat in the same round.
    budget_ms = 0.75 * 1000.0 / link.poll_hz
    timeout_ms = min(link.request_timeout_ms, max(20, int(budget_ms / (link.retries + 1))))
    return dataclasses.replace(link, request_timeout_ms=timeout_ms)


class ChargerManager:
    """Runs one link task per configured charger and keeps sessions consistent across failures."""

    def __init__(
        self,
        config: StationConfig,
        *,
        open_board: Callable[[ConfiguredCharger], ChargerBoard] | None = None,
        tuning: LinkTuning | None = None,
        session_timeout_s: float | None = None,
    ) -> None:
        self.config = config
        # How long an interrupted session waits for its charger before it ends with "PowerLoss".
        self.session_timeout_s = (
            config.link.session_timeout_s if session_timeout_s is None else session_timeout_s
        )
        self._buses: dict[int, I2cBus] = {}
        opener = open_board or self._open_default_board
        self._tasks: dict[str, ChargerLinkTask] = {}
        self._connectors: dict[str, tuple[ChargerLinkTask, int]] = {}
        self._memory: dict[str, _ConnectorMemory] = {}
        # Computed once: a view is built for every connector at every poll.
        self._site_phases = {charger.id: charger.site_phases for charger in config.chargers}
        for charger in config.chargers:
            task = ChargerLinkTask(charger, opener(charger), config.link, self, tuning)
            self._tasks[charger.id] = task
            for index, connector_id in enumerate(task.connector_ids):
                self._connectors[connector_id] = (task, index)
                self._memory[connector_id] = _ConnectorMemory()
        self._subscribers: Listeners[StationEvent] = Listeners("station event", log)
        self._background = BackgroundTasks("charger manager", log)

    def _open_default_board(self, charger: ConfiguredCharger) -> ChargerBoard:
        link = fitted_link_settings(self.config.link)
        board = open_link_board(charger, link, self._buses)
        transport = getattr(board, "transport", None)
        if transport is not None and hasattr(transport, "connect_timeout_s"):
            # A connect that hangs (charger gone, SYN unanswered) must not outlast a poll period either.
            transport.connect_timeout_s = max(0.1, 1.0 / link.poll_hz)
        return board

    # -- life cycle ---------------------------------------------------------------------------------

    async def start(self) -> None:
        for task in self._tasks.values():
            task.start()

    async def stop(self) -> None:
        for task in self._tasks.values():
            await task.stop()
        await self._background.close()
        for memory in self._memory.values():
            if memory.timeout is not None:
                memory.timeout.cancel()
        for bus in self._buses.values():
            with contextlib.suppress(OSError):
                bus.close()

    async def reconfigure(self, charger: ConfiguredCharger) -> bool:
        """A charger's installation settings (max current, phases) changed while the station runs: its
        views and so the balancer's accounting follow at once, and an online charger is sent the new
        CONFIGURE (the firmware persists it). Called at a quiet moment, with no session on the charger
        (docs/admin.md "Configuration"). Returns whether the charger took the CONFIGURE now; one that
        is offline gets it with its next identify, as at every reconnection."""
        task = self._tasks[charger.id]
        task.charger = charger
        self._site_phases[charger.id] = charger.site_phases
        if task.identity is None or not task.available:
            return False
        await task.board.configure(
            ChargerSettings(
                max_current_mA=min(charger.max_current_mA, task.identity.max_current_mA),
                failsafe_current_mA=task.link.failsafe_current_mA,
                lease_ms=task.link.lease_ms,
            )
        )
        return True

    # -- snapshots ----------------------------------------------------------------------------------

    def connectors(self) -> dict[str, ConnectorView]:
        """Every connector's view at one instant (one build per connector: call it once per use)."""
        now = time.monotonic()
        return {cid: self._view(cid, task, index, now) for cid, (task, index) in self._connectors.items()}

    def connector_ids(self) -> list[str]:
        """Every connector's id, in configuration order (no view built)."""
        return list(self._connectors)

    def connector(self, connector_id: str) -> ConnectorView:
        """One connector's view (KeyError for an unknown one), without building the others'."""
        task, index = self._connectors[connector_id]
        return self._view(connector_id, task, index, time.monotonic())

    def views(self, connector_ids: Iterable[str]) -> dict[str, ConnectorView]:
        """The views of these connectors at one instant (unknown ones left out)."""
        now = time.monotonic()
        found = ((cid, self._connectors.get(cid)) for cid in connector_ids)
        return {cid: self._view(cid, where[0], where[1], now) for cid, where in found if where is not None}

    def _view(self, connector_id: str, task: ChargerLinkTask, index: int, now: float) -> ConnectorView:
        charger = task.charger
        status = task.statuses[index]
        identity = task.identity
        available = task.available and status is not None and status.faults == 0
        measured = [0, 0, 0]
        max_mA = charger.max_current_mA
        if identity is not None:
            max_mA = min(max_mA, identity.max_current_mA)
        site_phases = self._site_phases[charger.id]
        if status is not None:
            for phase, site_phase in enumerate(site_phases):
                measured[site_phase] += status.current_mA[phase]
            if status.pp_ampacity_A > 0:
                max_mA = min(max_mA, status.pp_ampacity_A * 1000)
        return ConnectorView(
            connector_id=connector_id,
            charger_id=charger.id,
            index=index,
            link_state=task.state,
            available=available,
            status=status,
            vehicle_present=status is not None and status.iec_state in VEHICLE_STATES,
            offered_mA=status.offered_mA if available and status is not None else 0,
            measured_mA=(measured[0], measured[1], measured[2]),
            max_mA=max_mA,
            site_phases=site_phases,
            group=charger.group,
            priority=charger.priority,
            permitted=status is not None and bool(status.flags & _PERMITTED),
            transaction_ref=status.transaction_ref if status is not None else 0,
            session=self._memory[connector_id].session,
            status_age_s=now - task.status_read_at[index] if status is not None else float("inf"),
            contactor_closed=_contactor_closed(status, identity),
        )

    def chargers(self) -> dict[str, ChargerView]:
        now = time.monotonic()
        return {
            cid: ChargerView(
                charger_id=cid,
                link_state=task.state,
                reason=task.reason,
                state_age_s=now - task.state_since,
                identity=task.identity,
                connector_ids=tuple(task.connector_ids),
                health=self.health(cid),
                link_name=task.board.name,
            )
            for cid, task in self._tasks.items()
        }

    def health(self, charger_id: str) -> ChargerHealth:
        task = self._tasks[charger_id]
        return task.health.snapshot(task.board.link_stats())

    def link_task(self, charger_id: str) -> ChargerLinkTask:
        """The charger's link task (diagnostics and tests; the board is task.board)."""
        return self._tasks[charger_id]

    def link_tasks(self) -> list[ChargerLinkTask]:
        """Every charger's link task, in configuration order (the service watchdog checks them)."""
        return list(self._tasks.values())

    # -- events -------------------------------------------------------------------------------------

    def subscribe(self, callback: Callable[[StationEvent], None]) -> Callable[[], None]:
        return self._subscribers.subscribe(callback)

    def _emit(self, event: StationEvent) -> None:
        self._subscribers.emit(event)  # logs a broken subscriber: it must not stop the links

    # -- commands -----------------------------------------------------------------------------------

    async def apply(
        self,
        connector_id: str,
        *,
        permit: bool,
        current_limit_mA: int,
        transaction_ref: int,
        stop_reason: str = "Local",
    ) -> None:
        """Brings the connector to the desired state, sending only what differs from what was sent."""
        task, index = self._connectors[connector_id]
        memory = self._memory[connector_id]
        if not permit:
            await self._apply_stop(connector_id, task, index, memory, stop_reason)
            return
        session = memory.session
        if transaction_ref in memory.ended_refs:
            ended = session if session is not None and session.transaction_ref == transaction_ref else None
            reason = ended.end_reason if ended is not None else None
            raise SessionEndedError(connector_id, transaction_ref, reason)
        if not task.available:
            raise LinkDownError(f"{task.charger.id} is {task.state.value}: {task.reason}")
        status = task.statuses[index]
        assert status is not None  # available implies a status was read
        fresh = task.status_read_at[index] > memory.sent_at
        holds = bool(status.flags & StatusFlag.PERMITTED) and status.transaction_ref == transaction_ref
        sent = memory.sent_permit and memory.sent_ref == transaction_ref
        if not holds and not (sent and not fresh):
            await task.board.permit(index, current_limit_mA, transaction_ref)
            memory.sent_permit, memory.sent_ref, memory.sent_limit_mA = (
                True,
                transaction_ref,
                current_limit_mA,
            )
            memory.sent_at = time.monotonic()
        elif memory.sent_limit_mA != current_limit_mA or memory.sent_ref != transaction_ref:
            await task.board.set_current(index, current_limit_mA)
            memory.sent_permit, memory.sent_ref, memory.sent_limit_mA = (
                True,
                transaction_ref,
                current_limit_mA,
            )
            memory.sent_at = time.monotonic()
        if session is None or session.transaction_ref != transaction_ref or session.state == "ended":
            energy = status.energy_Wh
            self._set_session(connector_id, ConnectorSession(transaction_ref, energy, energy, "active", None))

    async def _apply_stop(
        self, connector_id: str, task: ChargerLinkTask, index: int, memory: _ConnectorMemory, reason: str
    ) -> None:
        sent_permit = memory.sent_permit  # ending the session forgets it
        session = memory.session
        if session is not None and session.state != "ended":
            self._end_session(connector_id, reason)
        status = task.statuses[index]
        fresh = status is not None and task.status_read_at[index] > memory.sent_at
        holds = status is not None and bool(status.flags & StatusFlag.PERMITTED)
        if not (sent_permit or (holds and fresh)):
            return
        if not task.available:
            raise LinkDownError(f"{task.charger.id} is {task.state.value}: {task.reason}")
        await task.board.stop(index, WIRE_STOP_REASONS.get(reason, StopReason.OTHER))
        memory.forget_sent()
        memory.sent_at = time.monotonic()

    # -- a technician's commands (admin mode, docs/admin.md "Control") ---------------------------------
    # Each goes to the charger now and returns its answer: CommandRefused when it refuses (the result
    # code says why), LinkDownError when its link is not up, LinkError when it did not answer.

    def _reachable(self, charger_id: str) -> ChargerLinkTask:
        task = self._tasks[charger_id]
        if not task.available:
            raise LinkDownError(f"{charger_id} is {task.state.value}: {task.reason}")
        return task

    async def unlock(self, connector_id: str) -> CommandReceipt:
        """UNLOCK: the charger releases the lock and offers nothing until the vehicle has gone (it
        refuses with the contactor closed: a connector is never released under load)."""
        task, index = self._connectors[connector_id]
        return await self._reachable(task.charger.id).board.unlock(index)

    async def reset(self, charger_id: str, kind: int = 0) -> CommandReceipt:
        """RESET (0 soft, 1 hard): the charger opens the contactor and restarts; the link task sees the
        restart and reconciles its sessions (identified(rebooted=True))."""
        return await self._reachable(charger_id).board.reset(kind)

    async def clear_fault(self, charger_id: str, mask: int) -> CommandReceipt:
        """CLEAR_FAULT of the FaultBit mask: all or nothing, CONDITION_PRESENT while a cause remains
        (docs/fault-catalogue.md)."""
        return await self._reachable(charger_id).board.clear_fault(mask)

    async def self_test(self, charger_id: str) -> SelfTestReply:
        """SELF_TEST (refused while charging); a failure latches SELF_TEST_FAILED in the charger."""
        return await self._reachable(charger_id).board.self_test()

    def charger_of(self, connector_id: str) -> str:
        """The id of the charger a connector belongs to (KeyError for an unknown connector)."""
        return self._connectors[connector_id][0].charger.id

    # -- sessions -----------------------------------------------------------------------------------

    def _set_session(
        self,
        connector_id: str,
        session: ConnectorSession,
        change: ConnectorSessionChange = ConnectorSessionChange.STARTED,
    ) -> None:
        memory = self._memory[connector_id]
        memory.session = session
        log.info("%s session %s: %s", connector_id, change, session)
        self._emit(SessionEvent(connector_id, change, session))

    def _end_session(self, connector_id: str, reason: str) -> None:
        memory = self._memory[connector_id]
        session = memory.session
        if session is None or session.state == "ended":
            return
        if memory.timeout is not None:
            memory.timeout.cancel()
            memory.timeout = None
        memory.ended_refs.append(session.transaction_ref)
        memory.forget_sent()
        self._set_session(
            connector_id,
            dataclasses.replace(session, state="ended", end_reason=reason),
            ConnectorSessionChange.ENDED,
        )

    def _session_timed_out(self, connector_id: str, transaction_ref: int) -> None:
        memory = self._memory[connector_id]
        memory.timeout = None
        session = memory.session
        if (
            session is not None
            and session.transaction_ref == transaction_ref
            and session.state == "interrupted"
        ):
            self._end_session(connector_id, "PowerLoss")

    # -- link listener (called by the link tasks) -----------------------------------------------------

    def link_changed(self, task: ChargerLinkTask, old: LinkState, new: LinkState, reason: str) -> None:
        if link_usable(old) and not link_usable(new):
            loop = asyncio.get_running_loop()
            for connector_id in task.connector_ids:
                memory = self._memory[connector_id]
                session = memory.session
                if session is not None and session.state == "active":
                    self._set_session(
                        connector_id,
                        dataclasses.replace(session, state="interrupted"),
                        ConnectorSessionChange.INTERRUPTED,
                    )
                    memory.timeout = loop.call_later(
                        self.session_timeout_s, self._session_timed_out, connector_id, session.transaction_ref
                    )
        self._emit(LinkEvent(task.charger.id, old, new, reason))

    def identified(
        self, task: ChargerLinkTask, identity: IdentifyReply, statuses: list[StatusReply], rebooted: bool
    ) -> None:
        """Reconciles what the manager believed with what the charger reports after a (re)connection."""
        for index, status in enumerate(statuses):
            connector_id = task.connector_ids[index]
            memory = self._memory[connector_id]
            self._track_status(connector_id, task, index, status)
            session = memory.session
            if not rebooted and status.flags & LEASE_EXPIRED_WITH_PERMISSION == LEASE_EXPIRED_WITH_PERMISSION:
                memory.sent_limit_mA = task.link.failsafe_current_mA  # lowered before the acknowledgement
            if rebooted:
                # The charger lost the permission; it must not resume a session by accident.
                memory.forget_sent()
                self._end_session(connector_id, "Reboot")
            elif session is not None and session.state != "ended":
                vehicle = status.iec_state in VEHICLE_STATES
                holds = (
                    bool(status.flags & StatusFlag.PERMITTED)
                    and status.transaction_ref == session.transaction_ref
                )
                if holds and vehicle:
                    if session.state == "interrupted":
                        if memory.timeout is not None:
                            memory.timeout.cancel()
                            memory.timeout = None
                        resumed = dataclasses.replace(
                            session, state="active", last_energy_Wh=status.energy_Wh
                        )
                        self._set_session(connector_id, resumed, ConnectorSessionChange.RESUMED)
                else:
                    self._end_session(connector_id, "EVDisconnected" if not vehicle else "Other")
            ended_refs = memory.ended_refs
            if status.flags & StatusFlag.PERMITTED and status.transaction_ref in ended_refs:
                # A permission whose session ended while the charger was away must not run on.
                self._background.start(self._stop_stale(task, index))

    async def _stop_stale(self, task: ChargerLinkTask, index: int) -> None:
        try:
            await task.board.stop(index, StopReason.OTHER)
        except (LinkError, CommandRefused) as err:
            log.warning("%s: stopping a stale permission failed: %s", task.connector_ids[index], err)

    def polled(self, task: ChargerLinkTask, statuses: list[StatusReply]) -> None:
        for index, status in enumerate(statuses):
            self._track_status(task.connector_ids[index], task, index, status)
        self._emit(StatusEvent(task.charger.id, tuple(task.connector_ids)))

    def _track_status(
        self, connector_id: str, task: ChargerLinkTask, index: int, status: StatusReply
    ) -> None:
        memory = self._memory[connector_id]
        raised, cleared = task.health.status_read(index, status)
        if raised or cleared:
            self._emit(FaultEvent(connector_id, raised, cleared))
        vehicle = status.iec_state in VEHICLE_STATES
        if vehicle != memory.vehicle_present:
            memory.vehicle_present = vehicle
            self._emit(VehicleEvent(connector_id, vehicle))
            if not vehicle:
                self._end_session(connector_id, "EVDisconnected")
        session = memory.session
        if session is not None and session.state == "active" and session.last_energy_Wh != status.energy_Wh:
            memory.session = dataclasses.replace(session, last_energy_Wh=status.energy_Wh)


def _contactor_closed(status: StatusReply | None, identity: IdentifyReply | None) -> bool:
    """Commanded closed and, on a charger with an auxiliary contact, confirmed closed by it."""
    if status is None or not status.flags & _CONTACTOR_CLOSED:
        return False
    has_feedback = identity is not None and bool(identity.capabilities & _HAS_FEEDBACK)
    return not has_feedback or bool(status.flags & _CONTACTOR_FEEDBACK)
