"""OCPP 1.6 Core end to end: the station on the firmware simulator against both test central systems."""

from __future__ import annotations

import asyncio

import pytest
from ocpp_station import IDENTITY, ocpp_config, running_station, until

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


def test_boot_status_transaction_and_remote_commands(realtime_sim, any_csms, tmp_path):
    sim, csms = realtime_sim, any_csms
    csms.set_next_transaction_id(5001)
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> None:
        async with running_station(config) as runtime:
            boot = await csms.wait_for_async("BootNotification", timeout=15)
            assert boot.payload["chargePointVendor"] == "EVSE Station"
            for connector in (0, 1, 2):
                await csms.wait_for_async(
                    "StatusNotification",
                    lambda p, c=connector: p["connectorId"] == c and p["status"] == "Available",
                    timeout=15,
                )
            # ChangeConfiguration takes effect at once: samples every second from now on.
            answer = await csms.call_async(
                "ChangeConfiguration", {"key": "MeterValueSampleInterval", "value": "1"}
            )
            assert answer == {"status": "Accepted"}
            keys = await csms.call_async(
                "GetConfiguration", {"key": ["MeterValueSampleInterval", "NoSuchKey"]}
            )
            assert keys["configurationKey"][0]["value"] == "1" and keys["unknownKey"] == ["NoSuchKey"]
            # Authorize.req goes to the CSMS, and its answer decides (and feeds the cache).
            csms.set_id_tag("TAG-BLOCKED", "Blocked")
            decision = await runtime.ocpp.authorizer.authorize("TAG-BLOCKED", online=True)
            assert not decision.accepted and decision.status == "Blocked"
            assert (await csms.wait_for_async("Authorize", timeout=5)).payload == {"idTag": "TAG-BLOCKED"}
            # A driver at connector 1: plug, tap.
            await sim.ctl.call("plug", charger=0)
            await until(lambda: runtime.station.manager.connectors()["CP00/1"].vehicle_present, 5, "car")
            await runtime.sessions.authorise("CP00/1", "TAG-LOCAL")
            start = await csms.wait_for_async("StartTransaction", timeout=15)
            assert start.payload["connectorId"] == 1 and start.payload["idTag"] == "TAG-LOCAL"
            meter = await csms.wait_for_async(
                "MeterValues",
                lambda p: (
                    p.get("transactionId") == 5001
                    and p["meterValue"][0]["sampledValue"][0]["context"] == "Sample.Periodic"
                ),
                timeout=15,
            )
            sampled = meter.payload["meterValue"][0]["sampledValue"]
            assert (
                sampled[0]["measurand"] == "Energy.Active.Import.Register"
                and sampled[0]["context"] == "Sample.Periodic"
            )
            await csms.wait_for_async(
                "StatusNotification",
                lambda p: p["connectorId"] == 1 and p["status"] == "Charging",
                timeout=15,
            )
            # The CSMS stops it.
            assert await csms.call_async("RemoteStopTransaction", {"transactionId": 5001}) == {
                "status": "Accepted"
            }
            assert await csms.call_async("RemoteStopTransaction", {"transactionId": 999}) == {
                "status": "Rejected"
            }
            stop = await csms.wait_for_async("StopTransaction", timeout=15)
            assert stop.payload["transactionId"] == 5001 and stop.payload["reason"] == "Remote"
            assert stop.payload["meterStop"] >= start.payload["meterStart"]
            # The readings at the start (its own MeterValues) and at the end (transactionData).
            contexts = [
                v["sampledValue"][0]["context"]
                for p in csms.calls("MeterValues")
                if p.get("transactionId") == 5001
                for v in p["meterValue"]
            ]
            assert contexts[0] == "Transaction.Begin" and "Sample.Periodic" in contexts
            end = stop.payload["transactionData"][-1]["sampledValue"][0]
            assert end["context"] == "Transaction.End" and int(end["value"]) == stop.payload["meterStop"]
            # A remote start on connector 2 with a car already plugged in.
            await sim.ctl.call("plug", charger=1)
            await until(lambda: runtime.station.manager.connectors()["CP01/1"].vehicle_present, 5, "car 2")
            answer = await csms.call_async(
                "RemoteStartTransaction", {"connectorId": 2, "idTag": "TAG-REMOTE"}
            )
            assert answer == {"status": "Accepted"}
            start2 = await csms.wait_for_async(
                "StartTransaction", lambda p: p["idTag"] == "TAG-REMOTE", timeout=15
            )
            assert start2.payload["connectorId"] == 2
            # Unplugging ends it with EVDisconnected.
            await sim.ctl.call("unplug", charger=1)
            stop2 = await csms.wait_for_async(
                "StopTransaction", lambda p: p["transactionId"] == 5002, timeout=20
            )
            assert stop2.payload["reason"] == "EVDisconnected"
            assert not runtime.ocpp.bridge.parked_reports

    asyncio.run(scenario())
    assert csms.wait_connected(IDENTITY, timeout=1)


def test_availability_unlock_trigger_reset_and_the_small_calls(realtime_sim, any_csms, tmp_path):
    sim, csms = realtime_sim, any_csms
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> str | None:
        async with running_station(config) as runtime:
            await csms.wait_for_async("StatusNotification", lambda p: p["connectorId"] == 2, timeout=15)
            # Inoperative: Unavailable at once, a local start is then refused by the arbiter's claim.
            assert await csms.call_async("ChangeAvailability", {"connectorId": 2, "type": "Inoperative"}) == {
                "status": "Accepted"
            }
            await csms.wait_for_async(
                "StatusNotification",
                lambda p: p["connectorId"] == 2 and p["status"] == "Unavailable",
                timeout=10,
            )
            control = runtime.station.arbiter.resolve("CP01/1")
            assert control.may_charge.value is False
            assert await csms.call_async("ChangeAvailability", {"connectorId": 9, "type": "Inoperative"}) == {
                "status": "Rejected"
            }
            assert await csms.call_async("ChangeAvailability", {"connectorId": 2, "type": "Operative"}) == {
                "status": "Accepted"
            }
            await csms.wait_for_async(
                "StatusNotification",
                lambda p: p["connectorId"] == 2 and p["status"] == "Available",
                timeout=10,
            )
            # Triggered messages arrive after the answer.
            for requested, action in (
                ("Heartbeat", "Heartbeat"),
                ("StatusNotification", "StatusNotification"),
                ("MeterValues", "MeterValues"),
                ("FirmwareStatusNotification", "FirmwareStatusNotification"),
                ("DiagnosticsStatusNotification", "DiagnosticsStatusNotification"),
                ("BootNotification", "BootNotification"),
            ):
                since = len(csms.frames)
                answer = await csms.call_async(
                    "TriggerMessage", {"requestedMessage": requested, "connectorId": 1}
                )
                assert answer == {"status": "Accepted"}, requested
                await csms.wait_for_async(action, timeout=10, since=since)
            assert await csms.call_async("DataTransfer", {"vendorId": "com.example"}) == {
                "status": "UnknownVendorId"
            }
            assert await csms.call_async("ClearCache", {}) == {"status": "Accepted"}
            # Unlock with a session running: it is stopped first (UnlockCommand).
            await sim.ctl.call("plug", charger=0)
            await until(lambda: runtime.station.manager.connectors()["CP00/1"].vehicle_present, 5, "car")
            await runtime.sessions.authorise("CP00/1", "TAG-U")
            await csms.wait_for_async("StartTransaction", timeout=15)
            assert await csms.call_async("UnlockConnector", {"connectorId": 1}) == {"status": "Unlocked"}
            stop = await csms.wait_for_async("StopTransaction", timeout=15)
            assert stop.payload["reason"] == "UnlockCommand"
            # A soft reset: the runtime is asked to end (systemd starts it again).
            await runtime.sessions.authorise("CP00/1", "TAG-R")
            await csms.wait_for_async("StartTransaction", lambda p: p["idTag"] == "TAG-R", timeout=15)
            assert await csms.call_async("Reset", {"type": "Soft"}) == {"status": "Accepted"}
            stop = await csms.wait_for_async(
                "StopTransaction", lambda p: p["reason"] == "SoftReset", timeout=15
            )
            await asyncio.wait_for(runtime.stopping.wait(), 15)
            return runtime.reset_requested

    assert asyncio.run(scenario()) == "Soft"


def test_stopping_the_ocpp_service_ends_the_tasks_of_its_session_bridge(realtime_sim, any_csms, tmp_path):
    # The bridge runs side tasks (start readings, profile clean-up, stops after a refused id tag); a
    # stop of the service (a reset, a shutdown) must not leave them running against a stopped station.
    config = ocpp_config(realtime_sim, any_csms, tmp_path)

    async def scenario() -> None:
        async with running_station(config) as runtime:
            await any_csms.wait_for_async("BootNotification", timeout=15)
            service = runtime.ocpp
            never_done = asyncio.Event()
            service.bridge._spawn(never_done.wait())
            (side_task,) = service.bridge._pending
            await service.stop()
            assert side_task.cancelled()
            assert not service.bridge._pending

    asyncio.run(scenario())
