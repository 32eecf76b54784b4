"""The headless station against the simulator: links come up, cars charge, and a lost charger shows."""

from __future__ import annotations

import asyncio
import io
import subprocess
import sys
from pathlib import Path

import pytest

from app.arbitration import Claim, ClaimSource
from app.charger_link_task import LinkState
from app.config import ConfiguredCharger, LinkSettings, StationConfig
from app.headless import run_station
from app.station import Station
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
    plugged: set[int] = set()

    async def drive(station: Station) -> None:
        # A car on charger 1 only, authorised (a payment claim) for up to 16 A; the balancer applies it.
        if not plugged:
            await sim.ctl.call("plug", charger=1)
            station.arbiter.submit(
                "CP-1/1",
                Claim(ClaimSource.PAYMENT, may_charge=True, max_current_mA=16000, transaction_ref=77),
            )
            plugged.add(1)

    out = io.StringIO()
    station = asyncio.run(run_station(config, duration_s=4.0, out=out, print_every_s=0.25, on_tick=drive))
    manager = station.manager
    views = manager.connectors()
    chargers = manager.chargers()
    assert all(c.link_state is LinkState.ONLINE for c in chargers.values()), chargers
    # Three lease lengths passed with heartbeats every 300 ms: no charger may report an expiry.
    for view in views.values():
        assert not view.status.flags & StatusFlag.LEASE_EXPIRED, view
    charging = views["CP-1/1"].status
    assert charging.iec_state == IecState.C2
    assert charging.flags & StatusFlag.CONTACTOR_CLOSED
    assert charging.transaction_ref == 77
    assert min(charging.current_mA) > 10000
    assert views["CP-0/1"].status.iec_state == IecState.A
    text = out.getvalue()
    assert "CP-1/1" in text and "C2" in text and "contactor closed" in text and "session 77 active" in text


@pytest.mark.sim(chargers=2)
def test_lost_charger_goes_offline_and_returns(realtime_sim) -> None:
    sim = realtime_sim
    config = station_for(sim, heartbeat_ms=200, lease_ms=1000, poll_hz=10, request_timeout_ms=100, retries=1)
    seen: list[LinkState] = []
    ticks = 0

    async def drive(station: Station) -> None:
        nonlocal ticks
        ticks += 1
        if ticks == 4:
            await sim.ctl.call("fault", charger=0, kind="host_link", active=True)
        if ticks == 10:
            await sim.ctl.call("fault", charger=0, kind="host_link", active=False)
        seen.append(station.manager.chargers()["CP-0"].link_state)

    out = io.StringIO()
    manager = asyncio.run(
        run_station(config, duration_s=6.0, out=out, print_every_s=0.25, on_tick=drive)
    ).manager
    assert LinkState.OFFLINE in seen[4:10], seen
    chargers = manager.chargers()
    assert chargers["CP-0"].link_state is LinkState.ONLINE, chargers["CP-0"].reason
    assert chargers["CP-1"].link_state is LinkState.ONLINE
    assert "missed polls" in out.getvalue()  # the table shows why a charger is offline


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
