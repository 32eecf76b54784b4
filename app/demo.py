"""Demo mode: the firmware simulator with virtual chargers, scripted cars and free-vend permits.

Used for rehearsal and sales until sessions, payments and the kiosk take over the permits: a car
that plugs in is permitted at once, and the permit is withdrawn when it leaves.
"""

from __future__ import annotations

import dataclasses
import random
import time

from app.charger_link_task import ChargerLinkTask, LinkState
from app.config import ConfiguredCharger, StationConfig
from hal.simulator import SimControl
from hal.wire_messages import IecState, StatusFlag, StopReason

ARRIVAL_CHANCE_PER_TICK = 0.25
STAY_S = (20.0, 60.0)


def demo_config(config: StationConfig, charger_ports: tuple[int, ...], host: str) -> StationConfig:
    """The station configuration pointing at the simulator's chargers."""
    chargers = tuple(
        ConfiguredCharger(id=f"SIM-{i:02d}", link=f"tcp://{host}:{port}")
        for i, port in enumerate(charger_ports)
    )
    return dataclasses.replace(config, chargers=chargers)


class DemoScript:
    """Called once a second: cars arrive at free chargers, charge for a while, and leave."""

    def __init__(self, control: SimControl, permit_current_mA: int, seed: int | None = None) -> None:
        self.control = control
        self.permit_current_mA = permit_current_mA
        self.rng = random.Random(seed)
        self.leave_at: dict[int, float] = {}
        self.next_transaction = 1

    async def __call__(self, tasks: list[ChargerLinkTask]) -> None:
        now = time.monotonic()
        for index, task in enumerate(tasks):
            snap = task.snapshot
            if snap.link_state is not LinkState.ONLINE or snap.status is None:
                continue
            state = IecState(snap.status.iec_state)
            permitted = bool(snap.status.flags & StatusFlag.PERMITTED)
            if index in self.leave_at:
                if now >= self.leave_at[index]:
                    del self.leave_at[index]
                    await self.control.call("unplug", charger=index)
                elif state in (IecState.B1, IecState.C1) and not permitted and not snap.status.faults:
                    await task.board.permit(0, self.permit_current_mA, self.next_transaction)
                    self.next_transaction += 1
            elif state is IecState.A:
                if permitted:
                    await task.board.stop(0, StopReason.LOCAL)
                elif self.rng.random() < ARRIVAL_CHANCE_PER_TICK:
                    await self.control.call(
                        "plug", charger=index, soc_pct=self.rng.randint(10, 70), battery_wh=60000
                    )
                    self.leave_at[index] = now + self.rng.uniform(*STAY_S)
