"""OCPP 1.6 LocalAuthList, Reservation, SmartCharging and bad input from the CSMS, end to end."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
from ocpp_station import ocpp_config, running_station, until

from app.arbitration import ClaimSource

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


def test_local_list_reservation_and_smart_charging(realtime_sim, any_csms, tmp_path):
    sim, csms = realtime_sim, any_csms
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> None:
        async with running_station(config) as runtime:
            await csms.wait_for_async("StatusNotification", lambda p: p["connectorId"] == 2, timeout=15)
            # Local list: full, then differential; its version is what the CSMS set.
            full = {
                "listVersion": 3,
                "updateType": "Full",
                "localAuthorizationList": [
                    {"idTag": "FLEET-1", "idTagInfo": {"status": "Accepted"}},
                    {"idTag": "BLOCKED-1", "idTagInfo": {"status": "Blocked"}},
                ],
            }
            assert await csms.call_async("SendLocalList", full) == {"status": "Accepted"}
            stale = {"listVersion": 2, "updateType": "Differential", "localAuthorizationList": []}
            assert await csms.call_async("SendLocalList", stale) == {"status": "VersionMismatch"}
            assert await csms.call_async("GetLocalListVersion", {}) == {"listVersion": 3}
            decision = await runtime.ocpp.authorizer.authorize("BLOCKED-1", online=False)
            assert not decision.accepted and decision.status == "Blocked"
            # A reservation shows as Reserved and is cancelled again.
            expiry = (datetime.now(UTC) + timedelta(minutes=10)).isoformat()
            reserve = {"connectorId": 2, "expiryDate": expiry, "idTag": "FLEET-1", "reservationId": 42}
            assert await csms.call_async("ReserveNow", reserve) == {"status": "Accepted"}
            await csms.wait_for_async(
                "StatusNotification",
                lambda p: p["connectorId"] == 2 and p["status"] == "Reserved",
                timeout=10,
            )
            assert await csms.call_async("CancelReservation", {"reservationId": 42}) == {"status": "Accepted"}
            assert await csms.call_async("CancelReservation", {"reservationId": 42}) == {"status": "Rejected"}
            await csms.wait_for_async(
                "StatusNotification",
                lambda p: p["connectorId"] == 2 and p["status"] == "Available",
                timeout=10,
            )
            # A TxDefaultProfile of 10 A becomes a claim on both connectors.
            profile = {
                "chargingProfileId": 7,
                "stackLevel": 1,
                "chargingProfilePurpose": "TxDefaultProfile",
                "chargingProfileKind": "Absolute",
                "chargingSchedule": {
                    "chargingRateUnit": "A",
                    "startSchedule": (datetime.now(UTC) - timedelta(minutes=1)).isoformat(),
                    "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 10.0}],
                },
            }
            answer = await csms.call_async(
                "SetChargingProfile", {"connectorId": 0, "csChargingProfiles": profile}
            )
            assert answer == {"status": "Accepted"}

            def profile_limit(connector: str) -> int | None:
                claims = runtime.station.arbiter.claims(connector)
                return next((c.max_current_mA for c in claims if c.source is ClaimSource.OCPP_PROFILE), None)

            await until(
                lambda: profile_limit("CP00/1") == 10000 and profile_limit("CP01/1") == 10000, 5, "claims"
            )
            composite = await csms.call_async(
                "GetCompositeSchedule", {"connectorId": 1, "duration": 3600, "chargingRateUnit": "A"}
            )
            assert composite["status"] == "Accepted"
            assert composite["chargingSchedule"]["chargingSchedulePeriod"][0]["limit"] == 10.0
            bad = dict(profile, chargingProfilePurpose="ChargePointMaxProfile")
            answer = await csms.call_async(
                "SetChargingProfile", {"connectorId": 1, "csChargingProfiles": bad}
            )
            assert answer == {"status": "Rejected"}  # a ChargePointMaxProfile belongs on connector 0
            assert await csms.call_async("ClearChargingProfile", {"id": 7}) == {"status": "Accepted"}
            await until(lambda: profile_limit("CP00/1") is None, 5, "claims released")
            assert await csms.call_async("ClearChargingProfile", {"id": 7}) == {"status": "Unknown"}

    asyncio.run(scenario())


def test_bad_input_from_the_csms_gets_callerror_and_the_link_stays_up(realtime_sim, any_csms, tmp_path):
    sim, csms = realtime_sim, any_csms
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> None:
        async with running_station(config) as runtime:
            await csms.wait_for_async("StatusNotification", lambda p: p["connectorId"] == 2, timeout=15)
            cases = [
                ("[2, 'not json", "-1", "FormationViolation"),
                ('{"not": "an array"}', "-1", "ProtocolError"),
                ('[2, "m1", "FlyToTheMoon", {}]', "m1", "NotImplemented"),
                ('[2, "m2", "Reset", {}]', "m2", "OccurenceConstraintViolation"),
                ('[2, "m3", "Reset", {"type": 5}]', "m3", "TypeConstraintViolation"),
                ('[2, "m4", "Reset", {"type": "Sideways"}]', "m4", "PropertyConstraintViolation"),
                ('[2, "m5", "ClearCache", {"extra": 1}]', "m5", "FormationViolation"),
                ('[2, "m6", "GetConfiguration", []]', "m6", "FormationViolation"),
                ('[2, "m7", "SignCertificate", {}]', "m7", "NotSupported"),  # security extension
                ('[2, "m8", "Authorize", {"idTag": "X"}]', "m8", "NotSupported"),
            ]
            for raw, message_id, code in cases:
                reply = await csms.send_raw_async(raw, timeout=5)
                assert reply is not None, raw
                message = json.loads(reply.raw)
                assert message[0] == 4 and message[1] == message_id and message[2] == code, (raw, message)
            # Still connected and registered: a normal call works and nothing was reset.
            assert await csms.call_async("GetLocalListVersion", {}) == {"listVersion": 0}
            assert runtime.ocpp.connection.connects == 1 and runtime.reset_requested is None

    asyncio.run(scenario())


def test_a_csms_that_never_answers_blocks_nothing_else(realtime_sim, py_csms, tmp_path):
    sim, csms = realtime_sim, py_csms
    csms.set_silent("StatusNotification")
    csms.set_silent("StartTransaction")
    config = ocpp_config(sim, csms, tmp_path, response_timeout_s=2.0)

    async def scenario() -> None:
        async with running_station(config) as runtime:
            await csms.wait_for_async("StatusNotification", timeout=15)
            answer = await csms.call_async(
                "ChangeConfiguration", {"key": "TransactionMessageRetryInterval", "value": "1"}
            )
            assert answer == {"status": "Accepted"}
            # Charging goes on while the CSMS is silent; the StartTransaction waits in the ledger.
            await sim.ctl.call("plug", charger=0)
            await until(lambda: runtime.station.manager.connectors()["CP00/1"].vehicle_present, 5, "car")
            await runtime.sessions.authorise("CP00/1", "TAG-S")
            await until(
                lambda: runtime.station.manager.connectors()["CP00/1"].status.power_W > 0, 10, "power"
            )
            # The CSMS's own calls are still answered at once.
            assert await csms.call_async("GetLocalListVersion", {}, timeout=3) == {"listVersion": 0}
            await csms.wait_for_async("StartTransaction", timeout=15)
            assert runtime.ocpp.tx_queue.pending_count() >= 1
            csms.reset_answer("StartTransaction")
            csms.reset_answer("StatusNotification")
            await until(lambda: runtime.ocpp.tx_queue.pending_count() == 0, 20, "the queue to drain")
            starts = csms.calls("StartTransaction")
            assert len(starts) >= 2 and all(s == starts[0] for s in starts)  # the same message again

    asyncio.run(scenario())
