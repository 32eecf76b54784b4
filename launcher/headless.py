"""The headless station: ledger, sessions, links, arbitration and load balancing, printing live state."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from app.chargers import render_table
from app.config import StationConfig
from app.money import format_money
from app.runtime import CentralSystem, StationRuntime

if TYPE_CHECKING:
    from launcher.payments import Companion

COST_REFRESH_S = 10.0  # a session's cost so far on the table is read again from the ledger this often
COSTS_PER_ROUND = 4  # at most this many ledger reads per table: the stalest sessions first


def ocpp_side(runtime: StationRuntime) -> CentralSystem | None:
    """The station's OCPP side when [ocpp] url is set (the runtime's `build_central_system`)."""
    if not runtime.config.ocpp.url:
        return None
    # The OCPP stack loads only where it is used.
    from app.ocpp import build_central_system

    return build_central_system(runtime)


class SessionNotes:
    """Per connector with an open session: its ledger id, state and cost so far, for the live table.

    The cost is read from the ledger (all the session's readings), so it is kept for COST_REFRESH_S
    and at most COSTS_PER_ROUND sessions are read per table: a station with 64 sessions running
    would otherwise hold the event loop for 64 ledger reads every second, and its charger links
    would miss their polls.
    """

    def __init__(self, runtime: StationRuntime, language: str = "en") -> None:
        self.runtime = runtime
        self.language = language
        self._costs: dict[int, tuple[float, str]] = {}  # session id -> (read at, money text)

    def __call__(self) -> dict[str, str]:
        sessions = self.runtime.sessions
        open_sessions = {
            connector_id: found
            for connector_id in self.runtime.station.manager.connector_ids()
            if (found := sessions.open_session(connector_id)) is not None
        }
        now = time.monotonic()
        live = {session_id for session_id, _ in open_sessions.values()}
        self._costs = {sid: cost for sid, cost in self._costs.items() if sid in live}
        stale = sorted(
            (self._costs.get(session_id, (float("-inf"), ""))[0], connector_id, session_id)
            for connector_id, (session_id, _) in open_sessions.items()
        )
        for read_at, connector_id, session_id in stale[:COSTS_PER_ROUND]:
            if now - read_at >= COST_REFRESH_S:
                cost = sessions.running_cost(connector_id)
                money = "" if cost is None else format_money(cost.total_minor, cost.currency, self.language)
                self._costs[session_id] = (now, money)
        notes: dict[str, str] = {}
        for connector_id, (session_id, state) in open_sessions.items():
            money = self._costs.get(session_id, (0.0, ""))[1]
            notes[connector_id] = f"ledger #{session_id} {state}" + (f" {money}" if money else "")
        return notes


async def run_station(
    config: StationConfig,
    *,
    duration_s: float | None = None,
    out: TextIO = sys.stdout,
    print_every_s: float = 1.0,
    print_table: bool = True,
    on_tick: Callable[[StationRuntime], Awaitable[None]] | None = None,
    runtime: StationRuntime | None = None,
    companions: Sequence[Companion] = (),
) -> StationRuntime:
    """Runs until cancelled (or for duration_s); on_tick runs once per print period (demo scripts).
    print_table=False: no live table (a service's journal would get one a second).

    A caller may pass its own (not yet started) runtime, e.g. one with test boards or a test ledger.
    """
    runtime = runtime or StationRuntime(config, build_central_system=ocpp_side)
    notes = SessionNotes(runtime)
    await runtime.start()
    started = time.monotonic()
    running: list[Companion] = []
    # systemd stops a service with SIGTERM: the station stops in order (sessions' last readings
    # written, companions stopped) instead of dying where it stands.
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, runtime.stopping.set)
    try:
        for companion in companions:
            await companion.start()
            running.append(companion)
        while (
            duration_s is None or time.monotonic() - started < duration_s
        ) and not runtime.stopping.is_set():
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(print_every_s):
                    await runtime.stopping.wait()
            if on_tick is not None:
                await on_tick(runtime)
            if print_table:
                title = f"{config.station_name} - {time.strftime('%H:%M:%S')}"
                table = render_table(runtime.station.manager, title, notes())
                print(table + "\n", file=out, flush=True)
    finally:
        loop.remove_signal_handler(signal.SIGTERM)
        for companion in reversed(running):
            await companion.stop()
        await runtime.stop()
    return runtime
