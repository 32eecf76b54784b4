"""Demo mode: the firmware simulator with virtual chargers, scripted cars and free-vend authorisations.

Used for rehearsal and sales until sessions, payments and the kiosk take over: a car that plugs in
is authorised at once (a payment claim), the load balancer shares the site between the cars, and
the claim is released when the car leaves.
"""

from __future__ import annotations

import dataclasses
import random
import time

from app.arbitration import Claim, ClaimSource
from app.config import ConfiguredCharger, StationConfig
from app.station import Station
from hal.simulator import SimControl
from hal.wire_messages import IecState

ARRIVAL_CHANCE_PER_TICK = 0.25
STAY_S = (20.0, 60.0)


def demo_config(config: StationConfig, charger_ports: tuple[int, ...], host: str) -> StationConfig:
    """The station configuration pointing at the simulator's chargers."""
    chargers = tuple(
        ConfiguredCharger(id=f"SIM-{i:02d}", link=f"tcp://{host}:{port}")
        for i, port in enumerate(charger_ports)
    )
    site = dataclasses.replace(config.site, limit_mA=(config.demo.site_limit_mA,) * 3)
    return dataclasses.replace(config, chargers=chargers, groups=(), site=site)


class DemoScript:
    """Called once a second: cars arrive at free chargers, are authorised, charge a while and leave."""

    def __init__(self, control: SimControl, permit_current_mA: int, seed: int | None = None) -> None:
        self.control = control
        self.permit_current_mA = permit_current_mA
        self.rng = random.Random(seed)
        self.leave_at: dict[str, float] = {}
        self.next_transaction = 1

    async def __call__(self, station: Station) -> None:
        now = time.monotonic()
        for index, view in enumerate(station.manager.connectors().values()):
            if not view.available or view.status is None:
                continue
            cid = view.connector_id
            if cid in self.leave_at:
                if now >= self.leave_at[cid]:
                    del self.leave_at[cid]
                    await self.control.call("unplug", charger=index)
                    station.arbiter.release(cid, ClaimSource.PAYMENT)
            elif view.status.iec_state == IecState.A and self.rng.random() < ARRIVAL_CHANCE_PER_TICK:
                await self.control.call(
                    "plug", charger=index, soc_pct=self.rng.randint(10, 70), battery_wh=60000
                )
                claim = Claim(
                    ClaimSource.PAYMENT,
                    may_charge=True,
                    max_current_mA=self.permit_current_mA,
                    transaction_ref=self.next_transaction,
                    reason="demo: free vend",
                )
                station.arbiter.submit(cid, claim)
                self.next_transaction += 1
                self.leave_at[cid] = now + self.rng.uniform(*STAY_S)
