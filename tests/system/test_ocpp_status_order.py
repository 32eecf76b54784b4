"""StatusNotification says what the connector really does, in order (OCPP 1.6 sections 4.9, 7.7).

Charging goes out only once the charger reports the contactor closed with the car charging; a car
that stays in state B after the start is SuspendedEV (offered, not taken), never Charging first.
"""

from __future__ import annotations

import asyncio

import pytest
from ocpp_station import ocpp_config, running_station, until

pytestmark = pytest.mark.sim(chargers=1, realtime_factor=1)


def connector_statuses(csms, since: int = 0) -> list[str]:
    return [
        f.payload["status"]
        for f in csms.call_frames("StatusNotification")
        if f.seq >= since and f.payload["connectorId"] == 1
    ]


async def remote_start_with_a_car(runtime, sim, csms, *, car_asks: bool) -> int:
    """Plugs a car (asking for energy or not), RemoteStarts; the frame sequence number before the start."""
    await csms.wait_for_async("StatusNotification", lambda p: p["status"] == "Available", timeout=15)
    await sim.ctl.call("plug", charger=0)
    if not car_asks:
        await sim.ctl.call("car", charger=0, request="pause")
    await until(lambda: runtime.station.manager.connectors()["CP00/1"].vehicle_present, 5, "car")
    await csms.wait_for_async("StatusNotification", lambda p: p["status"] == "Preparing", timeout=10)
    since = len(csms.frames)
    answer = await csms.call_async("RemoteStartTransaction", {"connectorId": 1, "idTag": "TAG-1"})
    assert answer == {"status": "Accepted"}
    return since


def test_charging_is_reported_only_after_the_contactor_closed(realtime_sim, any_csms, tmp_path):
    sim, csms = realtime_sim, any_csms
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> None:
        async with running_station(config) as runtime:
            since = await remote_start_with_a_car(runtime, sim, csms, car_asks=True)
            await csms.wait_for_async(
                "StatusNotification", lambda p: p["status"] == "Charging", timeout=15, since=since
            )
            # The charger's own view the moment Charging reached the central system.
            at_charging = await sim.ctl.call("status", charger=0)
            assert at_charging["contactor"] and at_charging["contactor_feedback"], at_charging
            events = await sim.ctl.call("events", charger=0, since_ms=0)
            assert any(e["kind"] == "contactor" and e["value"] == 1 for e in events["events"])
            assert connector_statuses(csms, since) == ["Charging"]

    asyncio.run(scenario())


def test_a_car_that_stays_in_state_b_is_suspended_ev_not_charging(realtime_sim, any_csms, tmp_path):
    sim, csms = realtime_sim, any_csms
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> None:
        async with running_station(config) as runtime:
            since = await remote_start_with_a_car(runtime, sim, csms, car_asks=False)
            await csms.wait_for_async(
                "StatusNotification", lambda p: p["status"] == "SuspendedEV", timeout=15, since=since
            )
            await asyncio.sleep(1.0)  # the car stays in B: nothing else may be reported meanwhile
            assert "Charging" not in connector_statuses(csms, since)
            # It asks for energy now: Charging once the contactor has closed.
            await sim.ctl.call("car", charger=0, request="charge")
            await csms.wait_for_async(
                "StatusNotification", lambda p: p["status"] == "Charging", timeout=15, since=since
            )
            at_charging = await sim.ctl.call("status", charger=0)
            assert at_charging["contactor"], at_charging
            reported = connector_statuses(csms, since)
            assert reported[-2:] == ["SuspendedEV", "Charging"], reported
            assert "Charging" not in reported[:-1], reported

    asyncio.run(scenario())
