"""The firmware's own safety rules, proven against evse-sim through the real hal: CONFIGURE bounded by the
firmware whatever the host sends, CLEAR_FAULT refused while the cause is there, a clear never restarts
charging on the old permission, RESET only of a documented kind (docs/fault-catalogue.md)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pytest
from safety_scenarios import LONG_LEASE_MS, ChargingRig, run_with_rig

from hal.links.errors import CommandRefused
from hal.wire.messages import Configure, FaultBit, Reset, ResultCode, StatusFlag

if TYPE_CHECKING:
    from conftest import RunningSim

pytestmark = pytest.mark.sim(chargers=1)

OPEN_LIMIT_MS = 100  # IEC 61851-1 Table A.6: contactor open within 100 ms of a fault

# The firmware's defaults, as the raw CONFIGURE payload a host would send.
DEFAULTS = Configure(32000, 0, LONG_LEASE_MS, 253000, 196000, 700, 850, 50, 0, 3)


async def ack_result(rig: ChargingRig, msg: Any) -> int:
    """The ACK result of a raw request, sent as a wrong or compromised host would (no station checks)."""
    ack, _ = await rig.board.request(msg)
    return int(ack.result)


def contactor_closes(rig: ChargingRig, since_ms: int) -> list[int]:
    return [e["t_ms"] for e in rig.events(since_ms) if e["kind"] == "contactor" and e["value"] == 1]


def test_configure_that_would_switch_protections_off_is_refused_and_the_trips_hold(
    stepped_sim: RunningSim,
) -> None:
    protections_off = replace(
        DEFAULTS, overvoltage_mV=0xFFFFFFFF, undervoltage_mV=0, stop_temperature_dC=32767
    )

    async def scenario(rig: ChargingRig) -> None:
        result = await ack_result(rig, protections_off)
        rig.ctl("power_cycle")  # what was persisted is what counts after a restart
        rig.step(100)
        for kind, value, bit in (
            ("overvoltage", 1_000_000, FaultBit.OVERVOLTAGE),
            ("undervoltage", 1000, FaultBit.UNDERVOLTAGE),
            ("overtemp", 2000, FaultBit.OVERTEMPERATURE),
        ):
            # No CONFIGURE after the restart (it would overwrite what was kept): the lease is the
            # default 5 s, so the host heartbeats.
            rig.ctl("plug")
            rig.step(50)
            await rig.board.permit(0, 16000, value)
            await rig.step_with_heartbeats(lambda s: s["contactor"] and s["iec_state"] == "C2", 4000)
            await rig.board.heartbeat()
            t0 = rig.now()
            rig.ctl("fault", kind=kind, active=True, value=value)
            rig.step(300)
            opened = rig.first_event("contactor", t0, 0)
            assert opened is not None, f"still charging 300 ms after {kind} {value}"
            assert opened["t_ms"] - t0 <= OPEN_LIMIT_MS, (
                f"{kind} {value}: opened after {opened['t_ms'] - t0} ms"
            )
            assert (await rig.status()).faults & bit
            rig.ctl("fault", kind=kind, active=False)
            rig.ctl("unplug")
            rig.step(15000)  # back in range long enough for the retry to clear it
            await rig.board.heartbeat(ack_lease_expiry=True)  # the host saw the lease run out meanwhile
        assert result == ResultCode.INVALID_ARGUMENT

    run_with_rig(stepped_sim, scenario)


def test_configure_refuses_each_out_of_bounds_field_even_after_a_good_one(stepped_sim: RunningSim) -> None:
    hostile = [
        replace(DEFAULTS, overvoltage_mV=0xFFFFFFFF),
        replace(DEFAULTS, undervoltage_mV=0),
        replace(DEFAULTS, stop_temperature_dC=32767),
        replace(DEFAULTS, fault_retry_limit=255),
        replace(DEFAULTS, overvoltage_mV=196000, undervoltage_mV=184000),
        replace(DEFAULTS, undervoltage_mV=253000, overvoltage_mV=264000),
        replace(DEFAULTS, max_current_mA=0),
        replace(DEFAULTS, max_current_mA=33000),
        replace(DEFAULTS, temperature_hysteresis_dC=0),
    ]

    async def scenario(rig: ChargingRig) -> None:
        for msg in hostile:
            assert await ack_result(rig, msg) == ResultCode.INVALID_ARGUMENT, msg
        assert await ack_result(rig, DEFAULTS) == ResultCode.OK
        for msg in hostile:
            assert await ack_result(rig, msg) == ResultCode.INVALID_ARGUMENT, msg

    run_with_rig(stepped_sim, scenario)


def test_refused_retry_limit_still_latches_after_three_reclosures(stepped_sim: RunningSim) -> None:
    async def scenario(rig: ChargingRig) -> None:
        result = await ack_result(rig, replace(DEFAULTS, fault_retry_limit=255))
        t0 = await rig.start_charging()
        rig.ctl("misbehave", mode="overdraw", factor_pct=130)
        for _ in range(600):  # ten minutes, a present host heartbeating every second
            await rig.board.heartbeat()
            rig.step(1000)
        recloses = len(contactor_closes(rig, t0 + 1))
        status = await rig.status()
        assert recloses == 3, f"{recloses} reclosures in 10 minutes"
        assert status.faults & FaultBit.OVERCURRENT and not status.flags & StatusFlag.FAULT_RETRY
        assert result == ResultCode.INVALID_ARGUMENT

    run_with_rig(stepped_sim, scenario)


def test_clear_fault_is_condition_present_while_the_vehicle_fault_remains(stepped_sim: RunningSim) -> None:
    async def scenario(rig: ChargingRig) -> None:
        assert await ack_result(rig, DEFAULTS) == ResultCode.OK
        # A car without a diode: the fault latches before the contactor ever moves.
        t0 = rig.now()
        rig.ctl("plug")
        rig.ctl("misbehave", mode="no_diode")
        await rig.board.permit(0, 16000, 1)
        rig.step(500)
        assert (await rig.status()).faults & FaultBit.DIODE_FAULT
        assert contactor_closes(rig, t0) == [], "no contactor cycle under a car without a diode"
        with pytest.raises(CommandRefused) as refused:
            await rig.board.clear_fault(FaultBit.DIODE_FAULT)
        assert refused.value.result == ResultCode.CONDITION_PRESENT
        rig.step(2000)
        assert (await rig.status()).faults & FaultBit.DIODE_FAULT
        assert contactor_closes(rig, t0) == []
        rig.ctl("unplug")
        rig.step(100)

        # A cable whose PP opens mid-session.
        await rig.start_charging(transaction_ref=2)
        rig.ctl("fault", kind="pp_open", active=True)
        rig.step(500)
        with pytest.raises(CommandRefused) as refused:
            await rig.board.clear_fault(FaultBit.PP_FAULT)
        assert refused.value.result == ResultCode.CONDITION_PRESENT
        assert (await rig.status()).faults & FaultBit.PP_FAULT
        rig.ctl("fault", kind="pp_open", active=False)
        rig.ctl("unplug")
        rig.step(100)

        # A car asking for ventilation on a site without it.
        rig.ctl("plug")
        rig.ctl("car", request="ventilation")
        await rig.board.permit(0, 16000, 3)
        rig.step(500)
        with pytest.raises(CommandRefused) as refused:
            await rig.board.clear_fault(FaultBit.VENTILATION_REFUSED)
        assert refused.value.result == ResultCode.CONDITION_PRESENT
        assert (await rig.status()).faults & FaultBit.VENTILATION_REFUSED

    run_with_rig(stepped_sim, scenario)


TECHNICIAN_CLEARS = [
    pytest.param("estop", FaultBit.EMERGENCY_STOP, id="estop"),
    pytest.param("rcd", FaultBit.RCD_TRIP, id="rcd"),
    pytest.param("ground", FaultBit.GROUND_FAULT, id="ground"),
    pytest.param("overdraw", FaultBit.GROSS_OVERCURRENT, id="gross_overcurrent"),
]


@pytest.mark.parametrize(("kind", "bit"), TECHNICIAN_CLEARS)
def test_a_cleared_fault_does_not_restart_charging_without_a_new_permit(
    stepped_sim: RunningSim, kind: str, bit: int
) -> None:
    async def scenario(rig: ChargingRig) -> None:
        await rig.configure()
        t0 = await rig.start_charging(16000, transaction_ref=5)
        if kind == "overdraw":
            rig.ctl("misbehave", mode="overdraw", factor_pct=200)  # and it goes on over-drawing
        else:
            rig.ctl("fault", kind=kind, active=True)
        rig.step(1000)
        assert (await rig.status()).faults & bit
        if kind != "overdraw":
            rig.ctl("fault", kind=kind, active=False)
        rig.step(1000)
        await rig.board.clear_fault(bit)
        rig.step(10_000)  # past the pacing and the reclose pause
        status = await rig.status()
        assert status.faults == 0
        assert not status.flags & StatusFlag.PERMITTED and status.transaction_ref == 0
        assert contactor_closes(rig, t0 + 1) == [], "the contactor closed again on the old permit"
        if kind == "overdraw":
            return
        # The station decides: a new PERMIT charges again.
        await rig.board.permit(0, 16000, 6)
        rig.step_until(lambda s: s["contactor"], limit_ms=7000, step_ms=50)

    run_with_rig(stepped_sim, scenario)


def test_reset_of_an_unknown_kind_is_refused_and_does_not_reset(stepped_sim: RunningSim) -> None:
    async def scenario(rig: ChargingRig) -> None:
        await rig.configure()
        await rig.start_charging()
        boot = (await rig.board.identify()).boot_count
        assert await ack_result(rig, Reset(2)) == ResultCode.INVALID_ARGUMENT
        rig.step(100)
        assert (await rig.board.identify()).boot_count == boot
        assert rig.sim_status()["contactor"]
        assert await ack_result(rig, Reset(1)) == ResultCode.OK
        rig.step(100)
        assert (await rig.board.identify()).boot_count == boot + 1

    run_with_rig(stepped_sim, scenario)
