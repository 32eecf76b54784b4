"""The headless station: links to every configured charger and prints their live state."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import Awaitable, Callable
from typing import TextIO

from app.charger_link_task import ChargerLinkTask
from app.charger_links import open_board
from app.config import StationConfig
from app.live_view import render_table
from hal.i2c_transport import I2cBus


async def run_station(
    config: StationConfig,
    *,
    duration_s: float | None = None,
    out: TextIO = sys.stdout,
    print_every_s: float = 1.0,
    on_tick: Callable[[list[ChargerLinkTask]], Awaitable[None]] | None = None,
) -> list[ChargerLinkTask]:
    """Runs until cancelled (or for duration_s); on_tick runs once per print period (demo scripts)."""
    buses: dict[int, I2cBus] = {}
    tasks = [ChargerLinkTask(c, open_board(c, config.link, buses), config.link) for c in config.chargers]
    for task in tasks:
        task.start()
    started = time.monotonic()
    try:
        while duration_s is None or time.monotonic() - started < duration_s:
            await asyncio.sleep(print_every_s)
            if on_tick is not None:
                await on_tick(tasks)
            title = f"{config.station_name} - {time.strftime('%H:%M:%S')}"
            print(render_table((t.snapshot for t in tasks), title) + "\n", file=out, flush=True)
    finally:
        for task in tasks:
            await task.stop()
        for bus in buses.values():
            with contextlib.suppress(OSError):
                bus.close()
    return tasks
