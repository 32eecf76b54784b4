"""Charging sessions against the simulator on SQLite and PostgreSQL: the rows and transitions written."""

from __future__ import annotations

import asyncio

import pytest
from sessions_support import (
    TARIFF,
    check_ended_session,
    migrated_engine,
    path_of,
    running_service,
    session_row,
    station_config,
    wait_until,
)
from sqlalchemy import select

from app.db.engine import session_factory
from app.db.models import ChargingSession
from app.sessions.ledger import SessionRefusedError
from app.tariffs import tariff_to_dict

pytest_plugins = ["db_fixtures"]
SIM = pytest.mark.sim(chargers=2, realtime_factor=4)


def energy_now(sim, charger: int) -> int:
    return int(sim.ctl.call_sync("status", charger=charger)["energy_Wh"])


@SIM
def test_normal_session_energy_is_the_meter_difference_and_cost_the_frozen_tariff(realtime_sim, db_url):
    sim, engine = realtime_sim, migrated_engine(db_url)

    async def scenario() -> int:
        async with running_service(station_config(sim), engine) as service:
            manager = service.station.manager
            await sim.ctl.call("plug", charger=0)
            await wait_until(lambda: manager.connectors()["CP00/1"].vehicle_present, 5, "the car seen")
            row = await service.authorise("CP00/1", "TAG-1")
            with pytest.raises(SessionRefusedError):
                await service.authorise("CP00/1", "TAG-2")  # one open session per connector
            assert row.state == "charging" and row.meter_start_Wh == energy_now(sim, 0)
            assert row.tariff == tariff_to_dict(TARIFF)
            await wait_until(lambda: energy_now(sim, 0) >= row.meter_start_Wh + 20, 15, "20 Wh charged")
            running = service.running_cost("CP00/1")
            assert running is not None and running.energy_Wh > 0
            ended = await service.stop("CP00/1", "Local")
            assert ended is not None
            await asyncio.sleep(0.5)
            assert ended.meter_stop_Wh == energy_now(sim, 0)  # the contactor is open: the counter stands
            return row.id

    session_id = asyncio.run(scenario())
    row = check_ended_session(engine, session_id)
    assert row.stop_reason == "Local" and row.energy_Wh >= 20
    assert row.cost_total_minor > 100  # session fee plus energy and time
    path = [(a, b) for a, b, _ in path_of(engine, session_id)]
    assert path[:2] == [(None, "authorised"), ("authorised", "charging")]
    assert path[-2:] == [(path[-2][0], "finishing"), ("finishing", "ended")]
    engine.dispose()


@SIM
def test_car_leaves_and_unplugged_authorisation_times_out(realtime_sim, db_url):
    sim, engine = realtime_sim, migrated_engine(db_url)

    async def scenario() -> tuple[int, int]:
        async with running_service(station_config(sim), engine) as service:
            await wait_until(
                lambda: all(v.available for v in service.station.manager.connectors().values()), 5, "online"
            )
            waiting = await service.authorise("CP00/1", "TAG-1")
            never = await service.authorise("CP01/1", "TAG-2")
            assert waiting.state == "waiting_for_plug" and waiting.meter_start_Wh is None
            await sim.ctl.call("plug", charger=0)
            await wait_until(lambda: service.open_session("CP00/1")[1] == "charging", 5, "charging")
            await asyncio.sleep(2.0)
            await sim.ctl.call("unplug", charger=0)
            await wait_until(lambda: service.open_session("CP00/1") is None, 5, "the end")
            await wait_until(lambda: service.open_session("CP01/1") is None, 6, "the plug timeout")
            return waiting.id, never.id

    left, never = asyncio.run(scenario())
    row = check_ended_session(engine, left)
    assert row.stop_reason == "EVDisconnected" and row.meter_start_Wh is not None
    assert [b for _, b, _ in path_of(engine, left)][:3] == ["authorised", "waiting_for_plug", "charging"]
    timed_out = check_ended_session(engine, never)
    assert timed_out.stop_reason == "Other" and timed_out.energy_Wh == 0
    assert path_of(engine, never)[-1] == ("waiting_for_plug", "ended", "plug timeout: Other")
    engine.dispose()


@SIM
def test_charger_lost_and_back_resumes_then_a_reboot_ends_the_session(realtime_sim, db_url):
    sim, engine = realtime_sim, migrated_engine(db_url)

    async def scenario() -> int:
        async with running_service(station_config(sim), engine) as service:
            await sim.ctl.call("plug", charger=0)
            await wait_until(lambda: service.station.manager.connectors()["CP00/1"].vehicle_present, 5, "car")
            row = await service.authorise("CP00/1", "TAG-1")
            await asyncio.sleep(1.5)
            await sim.ctl.call("fault", charger=0, kind="host_link", active=True)
            await wait_until(lambda: service.open_session("CP00/1")[1] == "interrupted", 5, "interrupted")
            await sim.ctl.call("fault", charger=0, kind="host_link", active=False)
            await wait_until(lambda: service.open_session("CP00/1")[1] == "charging", 8, "resumed")
            await asyncio.sleep(1.5)
            await sim.ctl.call("power_cycle", charger=0)
            await wait_until(lambda: service.open_session("CP00/1") is None, 8, "the end")
            return row.id

    session_id = asyncio.run(scenario())
    row = check_ended_session(engine, session_id)
    assert row.stop_reason == "Reboot"
    reasons = [(b, r) for _, b, r in path_of(engine, session_id)]
    assert ("interrupted", "charger lost") in reasons and ("charging", "charger back") in reasons
    engine.dispose()


@SIM
def test_restarted_service_resumes_the_open_session(realtime_sim, db_url):
    sim, engine = realtime_sim, migrated_engine(db_url)
    config = station_config(sim)

    async def first_run() -> int:
        async with running_service(config, engine) as service:
            await sim.ctl.call("plug", charger=0)
            await wait_until(lambda: service.station.manager.connectors()["CP00/1"].vehicle_present, 5, "car")
            row = await service.authorise("CP00/1", "TAG-1")
            await asyncio.sleep(2.0)
            return row.id  # the station goes away with the session open

    async def second_run(session_id: int) -> int:
        async with running_service(config, engine) as service:
            assert service.counters["recovered"] == 1
            await wait_until(lambda: service.counters["resumed"] == 1, 5, "resumed")
            assert service.open_session("CP00/1") == (session_id, "charging")
            at_resume = energy_now(sim, 0)
            await asyncio.sleep(2.0)
            ended = await service.stop("CP00/1", "Remote")
            assert ended is not None and ended.meter_stop_Wh > at_resume  # charging went on
            return ended.id

    session_id = asyncio.run(first_run())
    assert session_row(engine, session_id).state == "charging"
    assert asyncio.run(second_run(session_id)) == session_id
    row = check_ended_session(engine, session_id)
    assert row.stop_reason == "Remote"
    assert ("charging", "charging", "recovered: resumed") in path_of(engine, session_id)
    with session_factory(engine)() as db:
        assert len(db.scalars(select(ChargingSession)).all()) == 1
    engine.dispose()
