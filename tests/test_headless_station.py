"""The headless station against the simulator: links come up, cars charge, and a lost charger shows."""

from __future__ import annotations

import asyncio
import io
import subprocess
import sys
from pathlib import Path

import pytest

from app.charger_link_task import LinkState
from app.config import ConfiguredCharger, LinkSettings, StationConfig
from app.headless import run_station
from hal.wire_messages import IecState, StatusFlag

REPO = Path(__file__).resolve().parents[1]


def station_for(sim, **link: int) -> StationConfig:
    chargers = tuple(
        ConfiguredCharger(id=f"CP-{i}", link=f"tcp://{sim.host}:{port}")
        for i, port in enumerate(sim.ports.charger_ports)
    )
    return StationConfig(link=LinkSettings(**link), chargers=chargers)


@pytest.mark.sim(chargers=3)
def test_station_keeps_leases_and_reports_charging(realtime_sim) -> None:
    sim = realtime_sim
    config = station_for(sim, heartbeat_ms=300, lease_ms=1000, poll_hz=10)
    permitted: set[int] = set()
    plugged: set[int] = set()

    async def drive(tasks) -> None:
        # A car on charger 1 only; the station permits it once it sees the car (state B1).
        if not plugged:
            await sim.ctl.call("plug", charger=1)
            plugged.add(1)
        snap = tasks[1].snapshot
        if snap.status and snap.status.iec_state == IecState.B1 and 1 not in permitted:
            await tasks[1].board.permit(0, 16000, 77)
            permitted.add(1)

    out = io.StringIO()
    tasks = asyncio.run(run_station(config, duration_s=4.0, out=out, print_every_s=0.25, on_tick=drive))
    snaps = [t.snapshot for t in tasks]
    assert all(s.link_state is LinkState.ONLINE for s in snaps), [s.reason for s in snaps]
    # Three lease lengths passed with heartbeats every 300 ms: no charger may report an expiry.
    for snap in snaps:
        assert not snap.status.flags & StatusFlag.LEASE_EXPIRED, snap
    charging = snaps[1].status
    assert charging.iec_state == IecState.C2
    assert charging.flags & StatusFlag.CONTACTOR_CLOSED
    assert charging.transaction_ref == 77
    assert min(charging.current_mA) > 10000
    assert snaps[0].status.iec_state == IecState.A
    text = out.getvalue()
    assert "CP-1" in text and "C2" in text and "contactor closed" in text


@pytest.mark.sim(chargers=2)
def test_lost_charger_goes_offline_and_returns(realtime_sim) -> None:
    sim = realtime_sim
    config = station_for(sim, heartbeat_ms=200, lease_ms=1000, poll_hz=10, request_timeout_ms=100, retries=1)
    seen: list[LinkState] = []
    ticks = 0

    async def drive(tasks) -> None:
        nonlocal ticks
        ticks += 1
        if ticks == 4:
            await sim.ctl.call("fault", charger=0, kind="host_link", active=True)
        if ticks == 10:
            await sim.ctl.call("fault", charger=0, kind="host_link", active=False)
        seen.append(tasks[0].snapshot.link_state)

    tasks = asyncio.run(
        run_station(config, duration_s=6.0, out=io.StringIO(), print_every_s=0.25, on_tick=drive)
    )
    assert LinkState.OFFLINE in seen[4:10], seen
    assert tasks[0].snapshot.link_state is LinkState.ONLINE, tasks[0].snapshot.reason
    assert tasks[1].snapshot.link_state is LinkState.ONLINE


def test_demo_mode_runs_cars_on_simulated_chargers(sim_binary) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--duration", "8", "--seed", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={"EVSE_SIM": str(sim_binary), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().split("\n\n")[-1]
    assert "demo mode: 4 simulated chargers" in result.stdout
    assert last.count("online") == 4, last
    assert "C2" in result.stdout and "contactor closed" in result.stdout
    assert "LEASE_EXPIRED" not in result.stdout
