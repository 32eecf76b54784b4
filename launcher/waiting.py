"""Waiting on the event loop for a condition the station reaches by itself, with a deadline: the
screenshot runs drive the real station and wait for what it shows."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

WAIT_S = 30.0  # generous: the simulator and the station share the machine with the camera


async def until(condition: Callable[[], Any], what: str, timeout_s: float = WAIT_S) -> Any:
    """The condition's first true value, polled every 50 ms; TimeoutError naming `what` past the deadline."""
    started = time.monotonic()
    while not (result := condition()):
        if time.monotonic() - started > timeout_s:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)
    return result
