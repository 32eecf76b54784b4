"""The analytics recorder against the simulator: the state timeline, contactor operations, balancer caps
and link days it writes to the ledger (docs/analytics.md, "What is recorded as it happens")."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import time
from collections.abc import AsyncIterator

import pytest
from crash_process import StationProcess
from sessions_support import migrated_engine, running_service, station_config, wait_until
from sqlalchemy import Engine, select

from app.analytics.recorder import AnalyticsRecorder, RecorderTiming
from app.config import SiteSettings, StationConfig
from app.db.engine import session_factory
from app.db.models import (
    BalancerCap,
    Connector,
    ConnectorStateSpan,
    ContactorOperation,
    LinkDay,
    MeterSample,
)
from app.runtime import ConnectorFlags
from app.sessions.service import SessionService

pytest_plugins = ["db_fixtures"]
SIM = pytest.mark.sim(chargers=2, realtime_factor=4)
FAST = RecorderTiming(check_s=0.2, link_flush_s=0.5, alive_s=0.5, connect_grace_s=5.0)


@contextlib.asynccontextmanager
async def recording(
    config: StationConfig, engine: Engine, flags: dict[str, ConnectorFlags] | None = None
) -> AsyncIterator[tuple[SessionService, AnalyticsRecorder]]:
    """The station, its sessions and a recorder, stopped in the launcher's order (the recorder first)."""
    async with running_service(config, engine) as service:
        station = service.station
        recorder = AnalyticsRecorder(
            engine,
            service.writer,
            station.manager,
            station.balancer,
            service,
            lambda: flags or {},  # what the central system says (ChangeAvailability, ReserveNow)
            timing=FAST,
        )
        await recorder.start()
        try:
            yield service, recorder
        finally:
            await recorder.stop()


def spans(engine: Engine, name: str) -> list[ConnectorStateSpan]:
    with session_factory(engine)() as db:
        query = (
            select(ConnectorStateSpan)
            .join(Connector, Connector.id == ConnectorStateSpan.connector_id)
            .where(Connector.name == name)
            .order_by(ConnectorStateSpan.id)
        )
        return list(db.scalars(query))


def states_of(engine: Engine, name: str) -> list[str]:
    return [s.state for s in spans(engine, name)]


def assert_contiguous(rows: list[ConnectorStateSpan]) -> None:
    """Each row starts where the one before ended; only the last may be open."""
    for before, after in itertools.pairwise(rows):
        assert before.ended_s == after.started_s, (before.state, before.ended_s, after.state, after.started_s)
    assert all(r.ended_s is not None and r.ended_s >= r.started_s for r in rows[:-1])


def rows_of(engine: Engine, model: type) -> list:
    with session_factory(engine)() as db:
        return list(db.scalars(select(model)))


@SIM
def test_a_session_writes_its_states_its_contactor_opening_and_temperatures(realtime_sim, tmp_path):
    sim, engine = realtime_sim, migrated_engine(f"sqlite:///{tmp_path / 'ledger.db'}")

    flags: dict[str, ConnectorFlags] = {}

    async def scenario() -> int:
        async with recording(station_config(sim), engine, flags) as (service, _recorder):
            manager = service.station.manager
            await wait_until(lambda: states_of(engine, "CP00/1") == ["available"], 5, "available")
            await asyncio.sleep(1.2)
            # Meanwhile the central system reserves the other connector, then takes it out of service.
            flags["CP01/1"] = ConnectorFlags(reserved=True)
            await wait_until(lambda: states_of(engine, "CP01/1")[-1] == "reserved", 3, "reserved")
            await sim.ctl.call("plug", charger=0)
            await wait_until(lambda: manager.connector("CP00/1").vehicle_present, 5, "the car seen")
            await asyncio.sleep(1.5)  # plugged, no card yet: occupied for a while
            await service.authorise("CP00/1", "TAG-1")
            await wait_until(lambda: "charging" in states_of(engine, "CP00/1"), 5, "charging")
            await asyncio.sleep(2.0)
            flags["CP01/1"] = ConnectorFlags(inoperative=True)
            await service.stop("CP00/1", "Local")
            await wait_until(lambda: not manager.connector("CP00/1").contactor_closed, 5, "contactor open")
            await asyncio.sleep(1.5)
            await sim.ctl.call("unplug", charger=0)
            await wait_until(
                lambda: (
                    states_of(engine, "CP00/1")[-1:] == ["available"] and len(states_of(engine, "CP00/1")) > 1
                ),
                5,
                "available again",
            )
            await asyncio.sleep(0.5)
            return int(sim.ctl.call_sync("status", charger=0)["contactor_cycles"])

    cycles = asyncio.run(scenario())
    rows = spans(engine, "CP00/1")
    assert [r.state for r in rows] == ["available", "occupied", "charging", "occupied", "available"]
    assert_contiguous(rows)
    assert rows[-1].ended_s is not None  # closed at stop
    charging = rows[2]
    assert charging.ended_s - charging.started_s >= 1
    assert [(r.state, r.detail) for r in spans(engine, "CP01/1")] == [
        ("available", None),
        ("reserved", None),
        ("unavailable", "central_system"),
    ]
    assert_contiguous(spans(engine, "CP01/1"))
    operations = rows_of(engine, ContactorOperation)
    assert len(operations) == 1
    assert operations[0].cycles == cycles >= 1
    assert operations[0].break_current_mA > 1000  # opened while the car still drew current
    assert charging.started_s <= operations[0].at_s <= rows[3].started_s + 1
    temperatures = [s.temperature_dC for s in rows_of(engine, MeterSample)]
    assert temperatures and all(t is not None and 0 < t < 1000 for t in temperatures)
    engine.dispose()


@SIM
def test_a_fault_and_a_link_loss_are_outages_with_their_cause(realtime_sim, db_url):
    sim, engine = realtime_sim, migrated_engine(db_url)

    async def scenario() -> None:
        async with recording(station_config(sim), engine) as (_service, _recorder):
            await wait_until(lambda: states_of(engine, "CP00/1") == ["available"], 5, "available")
            await wait_until(lambda: states_of(engine, "CP01/1") == ["available"], 5, "available")
            await asyncio.sleep(1.2)
            await sim.ctl.call("fault", charger=0, kind="ground", active=True)
            await wait_until(lambda: "faulted" in states_of(engine, "CP00/1"), 5, "faulted")
            await sim.ctl.call("fault", charger=1, kind="host_link", active=True)
            await wait_until(lambda: "offline" in states_of(engine, "CP01/1"), 8, "offline")
            await asyncio.sleep(1.2)
            await sim.ctl.call("fault", charger=1, kind="host_link", active=False)
            await wait_until(lambda: states_of(engine, "CP01/1")[-1] == "available", 8, "back")
            await asyncio.sleep(1.0)  # a link flush after the reconnection
            await sim.ctl.call("fault", charger=0, kind="ground", active=False)

    asyncio.run(scenario())
    faulted = spans(engine, "CP00/1")
    assert [(r.state, r.detail) for r in faulted[:2]] == [("available", None), ("faulted", "GROUND_FAULT")]
    assert_contiguous(faulted)
    lost = spans(engine, "CP01/1")
    assert [(r.state, r.detail) for r in lost] == [
        ("available", None),
        ("offline", "link"),
        ("available", None),
    ]
    assert_contiguous(lost)
    days = {d.charger_id: d for d in rows_of(engine, LinkDay)}
    assert days["CP01"].reconnects == 1 and days["CP00"].reconnects == 0
    assert days["CP01"].missed_polls > 0 and days["CP00"].polls > 10
    engine.dispose()


@SIM
def test_a_restart_after_a_kill_writes_the_time_down_as_station_down(realtime_sim, db_url):
    sim, engine = realtime_sim, migrated_engine(db_url)
    ports = ",".join(str(sim.charger_port(i)) for i in range(sim.chargers))

    async def killed_run() -> float:
        station = StationProcess([sim.host, ports, db_url], script="recorder_station.py")
        await station.start()
        try:
            assert await station.wait_for("ready", 15), station.last_line
            await asyncio.sleep(1.5)  # the alive mark moves on
        finally:
            await station.kill()
        return time.time()

    async def second_run() -> None:
        async with recording(station_config(sim), engine):
            await wait_until(lambda: len(states_of(engine, "CP00/1")) == 3, 8, "a state after the restart")

    killed_at = asyncio.run(killed_run())
    left = spans(engine, "CP00/1")
    assert [(r.state, r.ended_s) for r in left] == [("available", None)]  # the kill left it open
    time.sleep(3.0)
    asyncio.run(second_run())
    rows = spans(engine, "CP00/1")
    assert [(r.state, r.detail) for r in rows] == [
        ("available", None),
        ("offline", "station_down"),
        ("available", None),
    ]
    assert_contiguous(rows)
    down = rows[1]
    assert rows[0].ended_s >= rows[0].started_s + 1  # alive until about the kill, not just its start
    assert killed_at - 2 <= down.started_s <= killed_at and down.ended_s - down.started_s >= 3
    engine.dispose()


@SIM
def test_two_cars_under_a_low_site_limit_are_capped(realtime_sim, tmp_path):
    sim, engine = realtime_sim, migrated_engine(f"sqlite:///{tmp_path / 'ledger.db'}")
    config = dataclasses.replace(station_config(sim), site=SiteSettings(limit_mA=(20000, 20000, 20000)))

    async def scenario() -> None:
        async with recording(config, engine) as (service, _recorder):
            for charger in (0, 1):
                await sim.ctl.call("plug", charger=charger)
            for name in ("CP00/1", "CP01/1"):
                await wait_until(
                    lambda n=name: service.station.manager.connector(n).vehicle_present, 5, "car"
                )
                await service.authorise(name, "TAG-1")
            await wait_until(lambda: len(rows_of(engine, BalancerCap)) == 2, 8, "two caps")
            await asyncio.sleep(1.0)
            await service.stop("CP01/1", "Local")  # the other car may now take all it wants
            await wait_until(
                lambda: any(c.ended_s is not None for c in rows_of(engine, BalancerCap)), 8, "a cap ends"
            )

    asyncio.run(scenario())
    caps = {c.connector_id: c for c in rows_of(engine, BalancerCap)}
    with session_factory(engine)() as db:
        ids = dict(db.execute(select(Connector.name, Connector.id)).all())
    first, second = caps[ids["CP00/1"]], caps[ids["CP01/1"]]
    assert first.wanted_mA == second.wanted_mA == 32000
    assert first.offered_min_mA <= 10000 and second.offered_min_mA <= 10000
    assert second.ended_s is not None and second.ended_s >= second.started_s + 1
    assert first.ended_s is not None  # closed at the stop at the latest
    engine.dispose()
