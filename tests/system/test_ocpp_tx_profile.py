"""A TxProfile limits its running transaction at the charger, and the composite schedule is what is applied.

OCPP 1.6 section 3.13.1: a TxProfile overrules the TxDefaultProfile for its transaction. Checked at
the hardware boundary: the pilot's offer the simulated charger makes, not the station's own claims.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

import pytest
from ocpp_station import ocpp_config, running_station, until

pytestmark = pytest.mark.sim(chargers=1, realtime_factor=1)
TRANSACTION_ID = 7001


def tx_profile(limit_A: float, *, with_transaction_id: bool) -> dict:
    profile = {
        "chargingProfileId": 31,
        "stackLevel": 0,
        "chargingProfilePurpose": "TxProfile",
        "chargingProfileKind": "Absolute",
        "chargingSchedule": {
            "chargingRateUnit": "A",
            "startSchedule": (datetime.now(UTC) - timedelta(minutes=1)).isoformat(),
            "chargingSchedulePeriod": [{"startPeriod": 0, "limit": limit_A}],
        },
    }
    if with_transaction_id:
        profile["transactionId"] = TRANSACTION_ID
    return profile


async def offered_mA(sim) -> int:
    return int((await sim.ctl.call("status", charger=0))["offered_mA"])


@pytest.mark.parametrize("with_transaction_id", [True, False], ids=["with-id", "running-transaction"])
def test_a_tx_profile_limits_the_running_transaction_within_a_cycle(
    realtime_sim, any_csms, tmp_path, with_transaction_id
):
    sim, csms = realtime_sim, any_csms
    csms.set_next_transaction_id(TRANSACTION_ID)
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> float:
        async with running_station(config) as runtime:
            await csms.wait_for_async("StatusNotification", lambda p: p["status"] == "Available", timeout=15)
            await sim.ctl.call("plug", charger=0)
            await until(lambda: runtime.station.manager.connectors()["CP00/1"].vehicle_present, 5, "car")
            answer = await csms.call_async("RemoteStartTransaction", {"connectorId": 1, "idTag": "TAG-1"})
            assert answer == {"status": "Accepted"}
            await csms.wait_for_async("StatusNotification", lambda p: p["status"] == "Charging", timeout=15)
            assert await offered_mA(sim) > 20000  # the whole site's 32 A goes to the one car
            profile = tx_profile(10.0, with_transaction_id=with_transaction_id)
            sent = time.monotonic()
            answer = await csms.call_async(
                "SetChargingProfile", {"connectorId": 1, "csChargingProfiles": profile}
            )
            assert answer == {"status": "Accepted"}
            # One balancer cycle (1 s) plus the answer and the charger's next poll; a margin for a busy CI.
            while await offered_mA(sim) > 10000:
                assert time.monotonic() - sent < 3.0, "the charger still offers more than the TxProfile"
                await asyncio.sleep(0.05)
            took_s = time.monotonic() - sent
            composite = await csms.call_async(
                "GetCompositeSchedule", {"connectorId": 1, "duration": 600, "chargingRateUnit": "A"}
            )
            assert composite["status"] == "Accepted"
            reported = composite["chargingSchedule"]["chargingSchedulePeriod"][0]["limit"]
            assert reported == 10.0
            assert 6000 <= await offered_mA(sim) <= reported * 1000
            # Cleared, the transaction gets its share back.
            assert await csms.call_async("ClearChargingProfile", {"id": 31}) == {"status": "Accepted"}
            deadline = time.monotonic() + 10
            while await offered_mA(sim) <= 10000:
                assert time.monotonic() < deadline, "the limit outlived its profile"
                await asyncio.sleep(0.05)
            return took_s

    took_s = asyncio.run(scenario())
    print(f"TxProfile 10 A -> the charger's offer at 10 A in {took_s * 1000:.0f} ms")
