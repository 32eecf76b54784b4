"""The headless station against the simulator: links come up, cars charge, and a lost charger shows."""

from __future__ import annotations

import asyncio
import io
import subprocess
import sys
from pathlib import Path

import pytest
from sessions_support import TARIFF
from sqlalchemy import select

from app.chargers.link_task import LinkState
from app.config import ConfiguredCharger, DatabaseSettings, LinkSettings, StationConfig
from app.db.engine import make_engine, session_factory
from app.db.models import ChargingSession, ConnectorStateSpan
from app.runtime.runtime import StationRuntime
from hal.wire.messages import IecState, StatusFlag
from launcher.headless import run_station

REPO = Path(__file__).resolve().parents[2]


def station_for(sim, ledger: Path, **link: int) -> StationConfig:
    chargers = tuple(
        ConfiguredCharger(id=f"CP-{i}", link=f"tcp://{sim.host}:{port}")
        for i, port in enumerate(sim.ports.charger_ports)
    )
    database = DatabaseSettings(url=f"sqlite:///{ledger}")
    return StationConfig(link=LinkSettings(**link), chargers=chargers, database=database, tariff=TARIFF)


@pytest.mark.sim(chargers=3)
def test_station_keeps_leases_and_reports_charging(realtime_sim, tmp_path: Path) -> None:
    sim = realtime_sim
    config = station_for(sim, tmp_path / "ledger.sqlite3", heartbeat_ms=300, lease_ms=1000, poll_hz=10)
    ticks = 0

    async def drive(runtime: StationRuntime) -> None:
        # A car on charger 1 only; the driver taps a card once the car is seen, the balancer applies it.
        nonlocal ticks
        ticks += 1
        if ticks == 1:
            await sim.ctl.call("plug", charger=1)
        elif runtime.sessions.open_session("CP-1/1") is None:
            await runtime.sessions.authorise("CP-1/1", "TAG-77")

    out = io.StringIO()
    runtime = asyncio.run(run_station(config, duration_s=4.0, out=out, print_every_s=0.25, on_tick=drive))
    manager = runtime.station.manager
    views = manager.connectors()
    chargers = manager.chargers()
    assert all(c.link_state is LinkState.ONLINE for c in chargers.values()), chargers
    # Three lease lengths passed with heartbeats every 300 ms: no charger may report an expiry.
    for view in views.values():
        assert not view.status.flags & StatusFlag.LEASE_EXPIRED, view
    charging = views["CP-1/1"].status
    assert charging.iec_state == IecState.C2
    assert charging.flags & StatusFlag.CONTACTOR_CLOSED
    engine = make_engine(config.database.url)
    with session_factory(engine)() as db:
        session = db.scalars(select(ChargingSession)).one()
    engine.dispose()
    assert (session.id_tag, session.state, session.transaction_ref) == ("TAG-77", "charging", 1)
    assert charging.transaction_ref == session.transaction_ref
    assert min(charging.current_mA) > 10000
    assert views["CP-0/1"].status.iec_state == IecState.A
    text = out.getvalue()
    assert "CP-1/1" in text and "C2" in text and "contactor closed" in text and "session 1 active" in text
    assert f"ledger #{session.id} charging RM" in text  # the cost so far, from the frozen tariff


@pytest.mark.sim(chargers=2)
def test_lost_charger_goes_offline_and_returns(realtime_sim, tmp_path: Path) -> None:
    sim = realtime_sim
    config = station_for(
        sim,
        tmp_path / "ledger.sqlite3",
        heartbeat_ms=200,
        lease_ms=1000,
        poll_hz=10,
        request_timeout_ms=100,
        retries=1,
    )
    seen: list[LinkState] = []
    ticks = 0

    async def drive(runtime: StationRuntime) -> None:
        nonlocal ticks
        ticks += 1
        if ticks == 4:
            await sim.ctl.call("fault", charger=0, kind="host_link", active=True)
        if ticks == 10:
            await sim.ctl.call("fault", charger=0, kind="host_link", active=False)
        seen.append(runtime.station.manager.chargers()["CP-0"].link_state)

    out = io.StringIO()
    manager = asyncio.run(
        run_station(config, duration_s=6.0, out=out, print_every_s=0.25, on_tick=drive)
    ).station.manager
    assert LinkState.OFFLINE in seen[4:10], seen
    chargers = manager.chargers()
    assert chargers["CP-0"].link_state is LinkState.ONLINE, chargers["CP-0"].reason
    assert chargers["CP-1"].link_state is LinkState.ONLINE
    assert "missed polls" in out.getvalue()  # the table shows why a charger is offline


def test_demo_mode_runs_cars_on_simulated_chargers(sim_binary, tmp_path: Path) -> None:
    ledger = tmp_path / "demo.sqlite3"
    site = tmp_path / "demo.toml"
    site.write_text(f'[database]\nurl = "sqlite:///{ledger}"\n')
    result = subprocess.run(
        [sys.executable, "-m", "launcher", "--config", str(site), "--duration", "8", "--seed", "1"],
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
    # Drivers tapped demo cards: every session is in the ledger, migrated at start-up, at the demo tariff.
    engine = make_engine(f"sqlite:///{ledger}")
    with session_factory(engine)() as db:
        sessions = db.scalars(select(ChargingSession).order_by(ChargingSession.id)).all()
        states = db.scalars(select(ConnectorStateSpan)).all()
    engine.dispose()
    assert sessions and all(s.id_tag.startswith("DEMO") for s in sessions)
    # The analytics recorder ran beside the station: every connector's timeline, closed at the stop.
    assert len({s.connector_id for s in states}) == 4
    assert all(s.ended_s is not None for s in states) and any(s.state == "charging" for s in states)
    assert all(s.tariff["energy_price_per_kWh"] == "1.2000" for s in sessions), sessions[0].tariff
    assert any(s.meter_start_Wh is not None for s in sessions)
    assert "ledger #1 " in result.stdout


def test_demo_mode_with_the_kiosk_in_a_window_runs_and_ends_cleanly(sim_binary, tmp_path: Path) -> None:
    """The README's demo on a desktop (offscreen here): kiosk, simulator panel and scripted cars, ended
    by --duration through the kiosk's own way out."""
    ledger = tmp_path / "demo.sqlite3"
    site = tmp_path / "demo.toml"
    site.write_text(f'[database]\nurl = "sqlite:///{ledger}"\n')
    command = [
        sys.executable,
        "-m",
        "launcher",
        "--config",
        str(site),
        "--windowed",
        "800x480",
        "--auto-cars",
    ]
    result = subprocess.run(
        [*command, "--duration", "8", "--seed", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=90,
        env={"EVSE_SIM": str(sim_binary), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "demo mode: 4 simulated chargers" in result.stdout
    # The demo script was stopped with the window, not left pending when the loop closed.
    assert "Traceback" not in result.stderr and "was destroyed but it is pending" not in result.stderr
    engine = make_engine(f"sqlite:///{ledger}")
    with session_factory(engine)() as db:
        sessions = db.scalars(select(ChargingSession)).all()
    engine.dispose()
    assert sessions and all(s.id_tag.startswith("DEMO") for s in sessions)
