"""The headless station: links, arbitration and load balancing over every charger, printing live state."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from typing import TextIO

from app.config import StationConfig
from app.live_view import render_table
from app.station import Station


async def run_station(
    config: StationConfig,
    *,
    duration_s: float | None = None,
    out: TextIO = sys.stdout,
    print_every_s: float = 1.0,
    on_tick: Callable[[Station], Awaitable[None]] | None = None,
    station: Station | None = None,
) -> Station:
    """Runs until cancelled (or for duration_s); on_tick runs once per print period (demo scripts).

    A caller may pass its own (not yet started) station, e.g. one with test boards.
    """
    station = station or Station(config)
    await station.start()
    started = time.monotonic()
    try:
        while duration_s is None or time.monotonic() - started < duration_s:
            await asyncio.sleep(print_every_s)
            if on_tick is not None:
                await on_tick(station)
            title = f"{config.station_name} - {time.strftime('%H:%M:%S')}"
            print(render_table(station.manager, title) + "\n", file=out, flush=True)
    finally:
        await station.stop()
    return station
