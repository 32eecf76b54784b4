"""Maintenance alarms reach the central system as DataTransfer (docs/analytics.md, "Predictive
maintenance"): the station on the simulator against both test central systems."""

from __future__ import annotations

import asyncio
import dataclasses
import json

import pytest
from ocpp_station import ocpp_config, running_station, until

from app.analytics import Alarm
from app.ocpp import send_maintenance_alarm

pytestmark = pytest.mark.sim(chargers=1, realtime_factor=4)

RAISED = Alarm(
    kind="contactor_wear",
    subject="CP00/1",
    raised_at_s=1_764_806_400,  # 2025-12-04T00:00:00Z
    cleared_at_s=None,
    message="Contactor life used 91 %: replace by 2026-03-01",
    evidence={"life_used_percent": 91.2, "operations": 45_600},
)


def test_a_raised_and_a_cleared_alarm_arrive_as_data_transfer(realtime_sim, any_csms, tmp_path):
    sim, csms = realtime_sim, any_csms
    config = ocpp_config(sim, csms, tmp_path, vendor="Acme Charging")

    async def scenario() -> list[dict]:
        async with running_station(config) as runtime:
            await csms.wait_for_async("BootNotification", timeout=15)
            await until(lambda: runtime.ocpp is not None and runtime.ocpp.accepted.is_set(), 10, "registered")
            assert send_maintenance_alarm(runtime.ocpp, RAISED)
            first = await csms.wait_for_async("DataTransfer", timeout=10)
            cleared = dataclasses.replace(RAISED, cleared_at_s=1_764_892_800)
            assert send_maintenance_alarm(runtime.ocpp, cleared)
            second = await csms.wait_for_async(
                "DataTransfer", lambda p: json.loads(p["data"])["state"] == "cleared", timeout=10
            )
            return [first.payload, second.payload]

    raised, cleared = asyncio.run(scenario())
    assert raised["vendorId"] == "Acme Charging" and raised["messageId"] == "MaintenanceAlarm"
    assert json.loads(raised["data"]) == {
        "kind": "contactor_wear",
        "subject": "CP00/1",
        "state": "raised",
        "raisedAt": "2025-12-04T00:00:00Z",
        "clearedAt": None,
        "message": "Contactor life used 91 %: replace by 2026-03-01",
        "evidence": {"life_used_percent": 91.2, "operations": 45600},
    }
    data = json.loads(cleared["data"])
    assert data["state"] == "cleared" and data["clearedAt"] == "2025-12-05T00:00:00Z"


def test_an_alarm_raised_before_registration_is_sent_once_registered(realtime_sim, any_csms, tmp_path):
    sim, csms = realtime_sim, any_csms
    csms.set_boot("Pending", interval=1)
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> dict:
        async with running_station(config) as runtime:
            await csms.wait_for_async("BootNotification", timeout=15)
            assert runtime.ocpp is not None and not runtime.ocpp.accepted.is_set()
            assert not send_maintenance_alarm(runtime.ocpp, RAISED)  # kept until registered
            csms.set_boot("Accepted", interval=300)
            received = await csms.wait_for_async("DataTransfer", timeout=15)
            assert runtime.ocpp.accepted.is_set()
            return received.payload

    payload = asyncio.run(scenario())
    assert json.loads(payload["data"])["kind"] == "contactor_wear"


def test_without_a_central_system_nothing_is_sent():
    assert not send_maintenance_alarm(None, RAISED)
