"""Tells systemd the station is alive only while it is: the loop turns, every charger's poll task
runs, the ledger takes its write lock.

sd_notify(3) and systemd.service(5) WatchdogSec=: systemd restarts a service that has not sent
WATCHDOG=1 for WatchdogSec. A station whose event loop is stuck sends nothing (the pings come from the
loop itself); one whose loop turns while a charger's poll task died, or while the ledger is wedged,
would go on pinging for ever, so each ping is earned by three checks (docs/deployment.md, "The
watchdog contract"). READY=1 (Type=notify) is sent once the ledger is migrated (the runtime started)
and every charger has been polled once, answered or not, and, with the kiosk, once its window is
shown.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Engine

from app.chargers import LinkState
from app.runtime import StationRuntime

log = logging.getLogger(__name__)


class ServiceNotifier(Protocol):
    """The service manager's socket (hal/service_manager.py)."""

    def send(self, **assignments: str | int) -> bool: ...


@dataclass(frozen=True, slots=True)
class LivenessTiming:
    """How the checks are paced, from WatchdogSec (None: no watchdog, READY=1 and STATUS= only)."""

    watchdog_s: float | None
    # READY=1 at the latest this long after the runtime started, even if a charger never answered:
    # a station whose chargers are all unplugged must still come up (and say so in STATUS=).
    ready_timeout_s: float = 15.0
    # A charger's link task never waits longer than its 5 s reconnect backoff plus one bounded attempt
    # (app/chargers/link_task.py LinkTuning), so no progress for this long means it is stuck.
    link_stall_min_s: float = 12.0

    @property
    def ping_interval_s(self) -> float:
        # A third of WatchdogSec: one ping lost or late does not cost a restart (sd_watchdog_enabled(3)
        # advises half; a third leaves room for a slow ledger probe as well).
        return self.watchdog_s / 3 if self.watchdog_s else 5.0

    @property
    def ledger_stall_s(self) -> float:
        # A probe that has not finished within half of WatchdogSec stops the pings early enough that
        # systemd acts within WatchdogSec of the ledger wedging, not twice that.
        return self.watchdog_s / 2 if self.watchdog_s else 30.0

    @property
    def link_stall_s(self) -> float:
        return max(self.link_stall_min_s, self.watchdog_s / 2 if self.watchdog_s else 0.0)


def _probe_ledger(engine: Engine) -> None:
    """Takes and gives back the ledger's write lock. On SQLite `engine.begin()` is BEGIN IMMEDIATE
    (app/db/engine.py), which waits (busy timeout) for a lock another process holds, and an empty
    transaction writes nothing: no wear on the SD card."""
    with engine.begin() as connection:
        connection.exec_driver_sql("SELECT 1")


class LivenessMonitor:
    """Sends READY=1 when the station is up, then WATCHDOG=1 each interval while every check holds."""

    def __init__(
        self,
        runtime: StationRuntime,
        notifier: ServiceNotifier,
        timing: LivenessTiming,
        *,
        wait_for_ui: bool = False,
        main_pid: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.runtime = runtime
        self.notifier = notifier
        self.timing = timing
        self.clock = clock
        # MAINPID= with READY=1: under the compositor systemd's main process is cage, but the station
        # is what must get SIGTERM first (KillMode=mixed) and whose death is the service's end
        # (sd_notify(3) MAINPID=; docs/deployment.md "One process").
        self.main_pid = main_pid
        self._ui_shown = asyncio.Event()
        if not wait_for_ui:
            self._ui_shown.set()
        self._task: asyncio.Task[None] | None = None
        self._started = clock()
        self._probe: concurrent.futures.Future[None] | None = None
        self._probe_started = 0.0
        self._probe_error: str | None = None
        self._last_status = ""
        self._held_for = ""  # the problems that held the last ping back (logged once per change)
        self.ready_at: float | None = None
        self.pings = 0

    async def start(self) -> None:
        self._started = self.clock()
        self._task = asyncio.create_task(self._run(), name="service-watchdog")

    def ui_shown(self) -> None:
        """The kiosk's window is on screen (the launcher calls it once the window is shown)."""
        self._ui_shown.set()

    async def stop(self) -> None:
        # First: from here the station is stopping on purpose, and systemd should wait for it rather
        # than take the silence for a hang (TimeoutStopSec applies instead).
        self.notifier.send(STOPPING=1, STATUS="stopping")
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    # -- the checks -------------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """Why the station should not ping now; empty while the loop, the links and the ledger move."""
        now = self.clock()
        found: list[str] = []
        for task in self.runtime.station.manager.link_tasks():
            name = task.charger.id
            if not task.running:
                found.append(f"charger {name}: its poll task has ended")
            elif task.last_progress is not None and now - task.last_progress > self.timing.link_stall_s:
                found.append(f"charger {name}: no poll for over {self.timing.link_stall_s:g} s")
        found.extend(self._ledger_problems(now))
        return found

    def _ledger_problems(self, now: float) -> list[str]:
        probe = self._probe
        if probe is not None and probe.done():
            error = probe.exception()
            # One line: STATUS= is a single assignment, and the driver's messages run over several lines.
            self._probe_error = None if error is None else f"{type(error).__name__}: {error}".splitlines()[0]
            self._probe = probe = None
        if probe is None:
            self._probe_started = now
            self._probe = self.runtime.sessions.writer.submit(_probe_ledger, self.runtime.engine)
        found = []
        if self._probe_error is not None:
            found.append(f"ledger: {self._probe_error}")
        waited = now - self._probe_started
        if self._probe is not None and waited > self.timing.ledger_stall_s:
            found.append(f"ledger: the write lock not obtained within {self.timing.ledger_stall_s:g} s")
        return found

    def _status(self) -> str:
        tasks = self.runtime.station.manager.link_tasks()
        online = sum(task.state in (LinkState.ONLINE, LinkState.DEGRADED) for task in tasks)
        return f"{online} of {len(tasks)} chargers online"

    # -- the loop ---------------------------------------------------------------------------------

    def _first_polls_done(self) -> bool:
        return all(task.last_progress is not None for task in self.runtime.station.manager.link_tasks())

    async def _run(self) -> None:
        deadline = self._started + self.timing.ready_timeout_s
        while not self._first_polls_done() and self.clock() < deadline:
            await asyncio.sleep(0.05)
        if not self._first_polls_done():
            log.warning(
                "ready without a first poll from every charger after %.0f s", self.timing.ready_timeout_s
            )
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(max(0.0, deadline - self.clock())):
                await self._ui_shown.wait()
        self.ready_at = self.clock()
        status = self._status()
        ready: dict[str, str | int] = {"READY": 1, "STATUS": status}
        if self.main_pid is not None:
            ready["MAINPID"] = self.main_pid
        self.notifier.send(**ready)
        self._last_status = status
        log.info("ready after %.2f s: %s", self.ready_at - self._started, status)
        while True:
            self._tick()
            await asyncio.sleep(self.timing.ping_interval_s)

    def _tick(self) -> None:
        problems = self.problems()
        held = "; ".join(problems)
        if held != self._held_for:
            if problems:
                log.error("service watchdog: not pinging: %s", held)
            else:
                log.warning("service watchdog: pinging again")
            self._held_for = held
        status = f"watchdog held: {held}" if problems else self._status()
        assignments: dict[str, str | int] = {}
        if status != self._last_status:
            assignments["STATUS"] = status
            self._last_status = status
        if not problems and self.timing.watchdog_s is not None:
            assignments["WATCHDOG"] = 1
            self.pings += 1
        if assignments:
            self.notifier.send(**assignments)
