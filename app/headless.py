"""The headless station: ledger, sessions, links, arbitration and load balancing, printing live state."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import Awaitable, Callable
from typing import TextIO

from app.config import StationConfig
from app.live_view import render_table
from app.money import format_money
from app.station_runtime import StationRuntime


def session_notes(runtime: StationRuntime, language: str = "en") -> dict[str, str]:
    """Per connector with an open session: its ledger id, state and cost so far."""
    notes: dict[str, str] = {}
    for connector_id in runtime.station.manager.connectors():
        open_session = runtime.sessions.open_session(connector_id)
        if open_session is None:
            continue
        session_id, state = open_session
        cost = runtime.sessions.running_cost(connector_id)
        money = "" if cost is None else " " + format_money(cost.total_minor, cost.currency, language)
        notes[connector_id] = f"ledger #{session_id} {state}{money}"
    return notes


async def run_station(
    config: StationConfig,
    *,
    duration_s: float | None = None,
    out: TextIO = sys.stdout,
    print_every_s: float = 1.0,
    on_tick: Callable[[StationRuntime], Awaitable[None]] | None = None,
    runtime: StationRuntime | None = None,
) -> StationRuntime:
    """Runs until cancelled (or for duration_s); on_tick runs once per print period (demo scripts).

    A caller may pass its own (not yet started) runtime, e.g. one with test boards or a test ledger.
    """
    runtime = runtime or StationRuntime(config)
    await runtime.start()
    started = time.monotonic()
    try:
        while (
            duration_s is None or time.monotonic() - started < duration_s
        ) and not runtime.stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(runtime.stopping.wait(), print_every_s)
            if on_tick is not None:
                await on_tick(runtime)
            title = f"{config.station_name} - {time.strftime('%H:%M:%S')}"
            table = render_table(runtime.station.manager, title, session_notes(runtime))
            print(table + "\n", file=out, flush=True)
    finally:
        await runtime.stop()
    return runtime
