"""Benchmark: from "car plugged in" in the simulator to every affected charger holding its new limit.

16 simulated chargers behind a site limit that cannot give every car its maximum, so each arrival
makes the balancer lower the others before it raises the new car. For each arrival the time runs
from just before the plug command to the end of the first control cycle after which every charger
has acknowledged its share (committed == target for all). Target <= 500 ms.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from app.arbitration import Claim, ClaimSource  # noqa: E402
from app.balancing.balancer import CycleReport  # noqa: E402
from app.config import parse_config  # noqa: E402
from app.station.site import Station  # noqa: E402
from hal.sim.control import SimControl, SimulatorProcess  # noqa: E402

CHARGERS = 16
TARGET_MS = 500.0


def settled(report: CycleReport, connector_id: str) -> bool:
    new_car = report.committed_mA.get(connector_id, 0)
    return new_car > 0 and all(report.committed_mA.get(c, 0) == t for c, t in report.targets_mA.items())


async def measure(sim: SimulatorProcess, control: SimControl) -> list[float]:
    chargers = [
        {"id": f"CP{i:02d}", "link": f"tcp://{sim.host}:{port}"}
        for i, port in enumerate(sim.ports.charger_ports)
    ]
    site = {"site": {"limit_mA": [96000, 96000, 96000]}, "tariff": {"energy_price_per_kWh": "0"}}
    config = parse_config({**site, "chargers": chargers})
    latencies: list[float] = []
    async with Station(config) as station:
        await asyncio.sleep(1.5)  # every link online
        for i in range(CHARGERS):
            cid = f"CP{i:02d}/1"
            done = asyncio.get_running_loop().create_future()

            def on_report(report: CycleReport, cid: str = cid, done: asyncio.Future = done) -> None:
                if not done.done() and settled(report, cid):
                    done.set_result(time.perf_counter())

            station.arbiter.submit(cid, Claim(ClaimSource.PAYMENT, may_charge=True, transaction_ref=500 + i))
            await asyncio.sleep(0.3)  # the authorisation alone changes nothing: no car yet
            unsubscribe = station.balancer.subscribe(on_report)
            started = time.perf_counter()
            await control.call("plug", charger=i)
            finished = await asyncio.wait_for(done, 5.0)
            unsubscribe()
            latencies.append((finished - started) * 1000)
            await asyncio.sleep(0.5)
    return latencies


def run() -> list[tuple[str, str, str, bool]]:
    with SimulatorProcess(chargers=CHARGERS) as sim:
        control = SimControl(sim.host, sim.ports.control_port).connect()
        try:
            latencies = asyncio.run(measure(sim, control))
        finally:
            control.close()
    median = statistics.median(latencies)
    worst = max(latencies)
    return [
        (
            f"car plugged in -> every affected charger at its new limit ({CHARGERS} arrivals)",
            f"median {median:.0f} ms, max {worst:.0f} ms",
            f"<= {TARGET_MS:.0f} ms",
            worst <= TARGET_MS,
        )
    ]


if __name__ == "__main__":
    for name, value, target, met in run():
        print(f"{name}: {value} (target {target}) [{'ok' if met else 'MISSED'}]")
