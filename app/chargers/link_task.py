"""Keeps one charger's link alive: identify, configure, heartbeats, status polls, link state and reconnects.

The rules of the states (docs/charger-manager.md): CONNECTING until the first identify; ONLINE;
DEGRADED while recent polls needed retries or answered slowly; OFFLINE after MISSED_POLLS_OFFLINE
missed polls in a row (or a failed reconnection); FAULTY while the charger answers garbage, speaks
another protocol version or refuses the station's link tag (a link_key mismatch). The task never
ends by itself and never lets an error escape.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import enum
import logging
import time
from dataclasses import dataclass
from typing import Protocol

from app.chargers.health import HealthTracker
from app.config import ConfiguredCharger, LinkSettings
from hal.board.charger_board import ChargerBoard, ChargerSettings
from hal.links.errors import BadReplyError, ChargerRejectedFrameError, CommandRefused, LinkError
from hal.wire.messages import VERSION, ErrorCode, IdentifyReply, StatusFlag, StatusReply

log = logging.getLogger(__name__)

LEASE_EXPIRED_WITH_PERMISSION = StatusFlag.LEASE_EXPIRED | StatusFlag.PERMITTED


class LinkState(enum.Enum):
    CONNECTING = "connecting"
    ONLINE = "online"
    DEGRADED = "degraded"
    OFFLINE = "offline"
    FAULTY = "faulty"


AVAILABLE_STATES = frozenset({LinkState.ONLINE, LinkState.DEGRADED})


def link_usable(state: LinkState) -> bool:
    """The station can use the charger through this link (degraded: polls missed, still answering)."""
    return state in AVAILABLE_STATES


@dataclass(frozen=True, slots=True)
class LinkTuning:
    """Timing and thresholds of the link rules (constants of the design, not site configuration)."""

    missed_polls_offline: int = 3  # issue 3: offline within 3 missed polls
    reconnect_backoff_s: tuple[float, ...] = (0.2, 0.5, 1.0, 2.0, 5.0)
    faulty_retry_s: float = 5.0  # a faulty charger is retried this slowly
    garbage_failures_faulty: int = 3  # failed requests in a row that met garbage -> FAULTY
    quality_window: int = 20  # polls judged for DEGRADED
    degraded_retried_share: float = 0.2  # more than this share of the window retried or missed
    slow_poll_ms: float = 100.0  # a poll slower than this is slow...
    degraded_slow_polls: int = 2  # ...and this many slow ones in the window (its p95) degrade the link


class LinkListener(Protocol):
    """What the charger manager hears from a link task; called on the loop, must not block."""

    def link_changed(self, task: ChargerLinkTask, old: LinkState, new: LinkState, reason: str) -> None: ...

    def identified(
        self, task: ChargerLinkTask, identity: IdentifyReply, statuses: list[StatusReply], rebooted: bool
    ) -> None: ...

    def polled(self, task: ChargerLinkTask, statuses: list[StatusReply]) -> None: ...


class ChargerFaultyError(Exception):
    """The charger answers but cannot be used (protocol version, identity, configuration refused)."""


class ChargerRestartedError(Exception):
    """The charger's uptime went backwards while online: it restarted under an open connection."""


class LinkLostError(Exception):
    """Too many polls in a row went unanswered."""


class PollQuality:
    """The last polls (retried or missed, slow) and the DEGRADED rule over them."""

    def __init__(self, tuning: LinkTuning) -> None:
        self.tuning = tuning
        self.window: collections.deque[tuple[bool, bool]] = collections.deque(maxlen=tuning.quality_window)
        self.retried = 0
        self.slow = 0

    def record(self, retried: bool, latency_ms: float) -> None:
        slow = latency_ms > self.tuning.slow_poll_ms
        if len(self.window) == self.window.maxlen:
            old_retried, old_slow = self.window[0]
            self.retried -= old_retried
            self.slow -= old_slow
        self.window.append((retried, slow))
        self.retried += retried
        self.slow += slow

    def clear(self) -> None:
        self.window.clear()
        self.retried = self.slow = 0

    def degraded_reason(self) -> str:
        """Why the link counts as degraded now ("" when it does not)."""
        n = self.tuning.quality_window
        if self.retried > self.tuning.degraded_retried_share * n:
            return f"{self.retried} of the last {n} polls retried or missed"
        if self.slow >= self.tuning.degraded_slow_polls:
            return f"{self.slow} of the last {n} polls slower than {self.tuning.slow_poll_ms:.0f} ms"
        return ""


class ChargerLinkTask:
    """One asyncio task per charger; its state, identity and statuses are readable without awaiting."""

    def __init__(
        self,
        charger: ConfiguredCharger,
        board: ChargerBoard,
        link: LinkSettings,
        listener: LinkListener,
        tuning: LinkTuning | None = None,
    ) -> None:
        self.charger = charger
        self.board = board
        self.link = link
        self.listener = listener
        self.tuning = tuning or LinkTuning()
        self.connector_ids = [f"{charger.id}/{n}" for n in range(1, charger.connectors + 1)]
        self.state = LinkState.CONNECTING
        self.reason = "starting"
        self.state_since = time.monotonic()
        self.identity: IdentifyReply | None = None
        self.statuses: list[StatusReply | None] = [None] * charger.connectors
        self.status_read_at: list[float] = [0.0] * charger.connectors  # time.monotonic()
        self.health = HealthTracker(charger.id, self.connector_ids)
        self.quality = PollQuality(self.tuning)
        self._garbage_failures = 0
        self._garbage_mark = 0
        self._retry_mark = 0
        self._task: asyncio.Task[None] | None = None
        # time.monotonic() of the last finished attempt (a poll answered or missed, a connection made or
        # refused: each ends in _set_state); None before the first. The service watchdog reads it
        # (app/liveness): a task whose every wait is bounded and that stops moving is stuck.
        self.last_progress: float | None = None

    @property
    def available(self) -> bool:
        return link_usable(self.state) and self.identity is not None

    @property
    def running(self) -> bool:
        """The task exists and has not ended (it only ends by stop(); ending otherwise is a bug)."""
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"charger-{self.charger.id}")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        with contextlib.suppress(LinkError, OSError):
            await self.board.close()

    def _set_state(self, state: LinkState, reason: str) -> None:
        # Every attempt ends here, whatever its outcome: a poll, a connection, a failure before a wait.
        self.last_progress = time.monotonic()
        self.reason = reason
        if state is self.state:
            return
        old, self.state = self.state, state
        self.state_since = time.monotonic()
        self.health.set_available(link_usable(state))
        if state in (LinkState.OFFLINE, LinkState.FAULTY):
            log.warning("charger %s %s: %s", self.charger.id, state.value, reason)
        else:
            log.info("charger %s %s %s", self.charger.id, state.value, reason)
        self.listener.link_changed(self, old, state, reason)

    def _link_marks(self) -> tuple[bool, bool]:
        """(retried, met garbage) since the last call, from the board's link statistics."""
        stats = self.board.link_stats()
        garbage = stats.bad_frames + stats.error_replies
        retried = stats.retries > self._retry_mark
        met_garbage = garbage > self._garbage_mark
        self._retry_mark, self._garbage_mark = stats.retries, garbage
        return retried, met_garbage

    async def _run(self) -> None:
        failures = 0
        while True:
            try:
                await self._connect()
                failures = 0
                await self._poll_loop()
            except asyncio.CancelledError:
                raise
            except ChargerRestartedError as err:
                self._set_state(LinkState.CONNECTING, str(err))
            except ChargerFaultyError as err:
                self._set_state(LinkState.FAULTY, str(err))
                await asyncio.sleep(self.tuning.faulty_retry_s)
            except (LinkError, CommandRefused, LinkLostError) as err:
                _, met_garbage = self._link_marks()
                if isinstance(err, BadReplyError | ChargerRejectedFrameError) or met_garbage:
                    self._garbage_failures += 1
                if self._garbage_failures >= self.tuning.garbage_failures_faulty:
                    self._set_state(
                        LinkState.FAULTY,
                        f"answers garbage ({self._garbage_failures} failed requests met bad frames): {err}",
                    )
                    await asyncio.sleep(self.tuning.faulty_retry_s)
                    continue
                backoff = self.tuning.reconnect_backoff_s
                delay = backoff[min(failures, len(backoff) - 1)]
                failures += 1
                self._set_state(LinkState.OFFLINE, str(err) or type(err).__name__)
                await asyncio.sleep(delay)
            except Exception as err:  # a bug must not take the charger's link down for good
                log.exception("charger %s: unexpected error", self.charger.id)
                self._set_state(LinkState.FAULTY, f"internal error: {err!r}")
                await asyncio.sleep(self.tuning.faulty_retry_s)

    async def _connect(self) -> None:
        board, charger = self.board, self.charger
        identity = await board.identify()
        if identity.protocol_version != VERSION:
            raise ChargerFaultyError(
                f"speaks wire protocol version {identity.protocol_version}, the station speaks {VERSION}"
            )
        if identity.connector_count < charger.connectors:
            raise ChargerFaultyError(
                f"has {identity.connector_count} connector(s), configured {charger.connectors}"
            )
        if identity.phases > charger.phases:
            # The power tree would count too few phases for what it draws.
            raise ChargerFaultyError(f"is {identity.phases}-phase, configured {charger.phases}-phase")
        try:
            await board.configure(
                ChargerSettings(
                    max_current_mA=min(charger.max_current_mA, identity.max_current_mA),
                    failsafe_current_mA=self.link.failsafe_current_mA,
                    lease_ms=self.link.lease_ms,
                )
            )
        except (CommandRefused, ValueError) as err:  # ValueError: outside the firmware's bounds, not sent
            raise ChargerFaultyError(f"refused the configuration: {err}") from err
        except ChargerRejectedFrameError as err:
            if err.code == ErrorCode.AUTH_FAILED:
                # The first tagged request of a connection: a key mismatch, not a noisy line.
                raise ChargerFaultyError(
                    f"refuses the station's link tag; check chargers[].link_key against the key "
                    f"commissioned in the charger ({err})"
                ) from err
            raise
        statuses = []
        for i in range(charger.connectors):
            statuses.append(await board.status(i))
            self.status_read_at[i] = time.monotonic()
            self.statuses[i] = statuses[-1]
        # While this charger was unreachable the load balancer stopped counting more than the fail-safe
        # current for it and may have given the rest to others. Acknowledging the expiry brings back the
        # limit held before it, so that limit is first lowered to the fail-safe current (the manager
        # records it in identified()); the balancer raises it again when there is room.
        for i, status in enumerate(statuses):
            if status.flags & LEASE_EXPIRED_WITH_PERMISSION == LEASE_EXPIRED_WITH_PERMISSION:
                await board.set_current(i, self.link.failsafe_current_mA)
        rebooted = self.health.identified(identity.boot_count)
        self.identity = identity
        self.listener.identified(self, identity, statuses, rebooted)
        await board.heartbeat(ack_lease_expiry=True)
        self._link_marks()
        self._garbage_failures = 0
        self.quality.clear()
        self._set_state(LinkState.ONLINE, "")

    async def _poll_loop(self) -> None:
        loop = asyncio.get_running_loop()
        period_s = 1.0 / self.link.poll_hz
        heartbeat_s = self.link.heartbeat_ms / 1000
        next_poll = loop.time() + period_s
        next_heartbeat = loop.time() + heartbeat_s
        missed = 0
        connectors = range(self.charger.connectors)
        while True:
            delay = next_poll - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            now = loop.time()
            # A late poll is not followed by a burst: the schedule restarts from now.
            next_poll = max(next_poll + period_s, now)
            started = time.perf_counter()
            try:
                if now >= next_heartbeat:
                    await self.board.heartbeat()
                    next_heartbeat = now + heartbeat_s
                statuses = []
                read_at = []
                for i in connectors:
                    t0 = time.perf_counter()
                    statuses.append(await self.board.status(i))
                    read_at.append(time.monotonic())
                    self.health.poll_answered((time.perf_counter() - t0) * 1000.0)
            except (LinkError, CommandRefused) as err:
                missed += 1
                self.health.poll_missed()
                self.quality.record(True, (time.perf_counter() - started) * 1000.0)
                _, met_garbage = self._link_marks()
                self._garbage_failures += met_garbage or isinstance(err, BadReplyError)
                if missed >= self.tuning.missed_polls_offline:
                    raise LinkLostError(f"{missed} missed polls: {err}") from err
                self._set_state(LinkState.DEGRADED, f"{missed} missed poll(s): {err}")
                continue
            missed = 0
            retried, _ = self._link_marks()
            self._garbage_failures = 0
            self.quality.record(retried, (time.perf_counter() - started) * 1000.0)
            for i, status in enumerate(statuses):
                old = self.statuses[i]
                # The charger counts uptime_s from a 64-bit millisecond uptime, so it does not fall back
                # when its 32-bit clock wraps (49.7 days); as u32 seconds it wraps after 136 years. Going
                # backwards is therefore a restart.
                if old is not None and status.uptime_s + 1 < old.uptime_s:
                    raise ChargerRestartedError(
                        f"restarted (uptime {old.uptime_s} s -> {status.uptime_s} s); re-reading its state"
                    )
                self.statuses[i] = status
                self.status_read_at[i] = read_at[i]
            reason = self.quality.degraded_reason()
            self._set_state(LinkState.DEGRADED if reason else LinkState.ONLINE, reason)
            self.listener.polled(self, statuses)
