"""Shared by the charger manager tests: a station configuration for the simulator, waiting, charging."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from app.chargers.link_task import LinkState, LinkTuning
from app.chargers.manager import ChargerManager
from app.config import ConfiguredCharger, LinkSettings, StationConfig
from hal.wire.messages import IecState

FAST = LinkTuning(reconnect_backoff_s=(0.1, 0.2, 0.3), faulty_retry_s=0.3)
POLL_HZ = 5.0


def sim_config(sim: Any, chargers: list[dict[str, Any]] | None = None, **link: Any) -> StationConfig:
    extra = chargers or [{} for _ in range(sim.chargers)]
    configured = tuple(
        ConfiguredCharger(id=f"CP-{i}", link=f"tcp://{sim.host}:{sim.charger_port(i)}", **extra[i])
        for i in range(len(extra))
    )
    return StationConfig(link=LinkSettings(poll_hz=POLL_HZ, **link), chargers=configured)


async def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> float:
    """Polls condition every 10 ms; returns the seconds it took, fails the test after timeout_s."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout_s:
            raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")
        await asyncio.sleep(0.01)
    return time.monotonic() - started


def all_online(manager: ChargerManager) -> bool:
    return all(v.link_state is LinkState.ONLINE for v in manager.chargers().values())


async def start_charging(sim: Any, manager: ChargerManager, connector_id: str, index: int, ref: int) -> None:
    await sim.ctl.call("plug", charger=index)
    views = manager.connectors
    await wait_until(lambda: views()[connector_id].vehicle_present, 6.0, "the car to show")
    await manager.apply(connector_id, permit=True, current_limit_mA=16000, transaction_ref=ref)
    await wait_until(
        lambda: (
            views()[connector_id].status.iec_state == IecState.C2
            and max(views()[connector_id].measured_mA) > 5000
        ),
        6.0,
        "the car to charge",
    )
