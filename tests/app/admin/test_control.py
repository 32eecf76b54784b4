"""The technician's control operations on the running station: each changes the simulated charger (read
through the simulator's control channel) and writes its audit row; availability reaches the driver,
the OCPP central system and survives a restart; roles and the fault catalogue are enforced."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from admin_station import PINS, admin_station, make_accounts
from driver_station import KIOSK, READER_CARD, TIMING, card, until_card
from ocpp_station import ocpp_config, running_station
from sessions_support import TARIFF, station_config, wait_until
from sqlalchemy import select

from app.admin import OperationError, OperatorFacade, PermissionDeniedError
from app.analytics.recorder import AnalyticsRecorder, RecorderTiming
from app.arbitration import ClaimSource
from app.config import AdminSettings, DatabaseSettings
from app.db import Connector, session_factory, verify_audit_chain
from app.db.models_analytics import ConnectorStateSpan
from app.db.settings_store import get_setting
from app.driver.facade import DriverFacade
from app.runtime.runtime import StationRuntime
from app.sessions import SessionRefusedError
from hal.card_readers.base import VirtualCardReader

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
A, B = "CP00/1", "CP01/1"  # simulator chargers 0 and 1


async def signed_in(station, role="technician"):
    return (await station.operators.sign_in(station.accounts[role], PINS[role])).operator


def rows(station, action):
    return [r for r in station.audit(200) if r["action"] == action]


async def sim_status(sim, charger):
    return await sim.ctl.call("status", charger=charger)


def timeline(engine, connector_name):
    with session_factory(engine)() as db:
        query = (
            select(ConnectorStateSpan.state, ConnectorStateSpan.detail)
            .join(Connector, Connector.id == ConnectorStateSpan.connector_id)
            .where(Connector.name == connector_name)
            .order_by(ConnectorStateSpan.id)
        )
        return [tuple(row) for row in db.execute(query)]


def chain_intact(engine) -> bool:
    with session_factory(engine)() as db:
        return verify_audit_chain(db).intact


def test_out_of_service_refuses_the_driver_waits_for_a_running_session_and_stops_it(realtime_sim, tmp_path):
    sim = realtime_sim

    async def scenario():
        async with admin_station(sim, tmp_path) as station:
            tech, control, driver = await signed_in(station), station.operators.control, station.driver
            # Free connector: out of service at once; the driver's card says so and no card starts there.
            result = await control.set_available(tech, B, False, "maintenance")
            assert (result.outcome, result.available) == ("accepted", False)
            assert card(driver, B).state == "unavailable"
            assert station.runtime.station.arbiter.resolve(B).may_charge.claim.source is ClaimSource.ADMIN
            outcome = await driver.present_card(READER_CARD)
            assert outcome.ready_connectors == (A,)
            with pytest.raises(SessionRefusedError):
                await driver.start_session(B, READER_CARD)
            # A session charging on A: taking A out of service is scheduled, the car charges on.
            await sim.ctl.call("plug", charger=0)
            session_id = await driver.start_session(A, READER_CARD)
            await wait_until(lambda: sim.ctl.call_sync("status", charger=0)["contactor"], 10, "charging on A")
            scheduled = await control.set_available(tech, A, False, "cleaning")
            assert scheduled.outcome == "scheduled"
            await asyncio.sleep(0.5)
            assert (await sim_status(sim, 0))["contactor"] is True
            connectors = {c.connector_id: c for c in await control.connectors(tech)}
            assert (
                connectors[A].scheduled
                and not connectors[A].unavailable
                and connectors[A].reason == "cleaning"
            )
            assert connectors[B].unavailable and connectors[B].reason == "maintenance"
            # The technician stops it: the session ends, the contactor opens, the hold takes effect.
            stopped = await control.stop_session(tech, A, "cleaning")
            assert (stopped.session_id, stopped.stopped) == (session_id, True)
            await wait_until(
                lambda: not sim.ctl.call_sync("status", charger=0)["contactor"], 10, "contactor open"
            )
            await until_card(driver, A, lambda c: c.state == "unavailable", "A out of service")
            # Nothing charges there, not even a session opened behind the driver facade's back.
            await station.runtime.sessions.authorise(A, "SOMEONE")
            await asyncio.sleep(1.5)
            status = await sim_status(sim, 0)
            assert (status["contactor"], status["offered_mA"]) == (False, 0)
            await station.runtime.sessions.stop(A, "Local")
            with pytest.raises(OperationError) as no_session:
                await control.stop_session(tech, A, "other")
            assert no_session.value.code == "no_session"
            back = await control.set_available(tech, B, True)
            assert back.outcome == "accepted" and card(driver, B).state == "available"
            assert station.runtime.station.arbiter.resolve(B).may_charge.claim is None

            audit = rows(station, "control.set_available")
            assert [(r["target"], r["details"]["outcome"], r["actor"]) for r in audit] == [
                ("connector:CP01/1", "accepted", "admin:Technician One"),
                ("connector:CP00/1", "scheduled", "admin:Technician One"),
                ("connector:CP01/1", "accepted", "admin:Technician One"),
            ]
            stop_rows = rows(station, "control.stop_session")
            assert stop_rows[0]["details"] == {
                "session_id": session_id,
                "reason": "cleaning",
                "stop_reason": "Other",
                "stopped": True,
            }
            assert stop_rows[1]["details"] == {"refused": "no_session"}
            assert chain_intact(station.runtime.engine)

    asyncio.run(scenario())


def test_unlock_restart_self_test_and_clearing_a_fault_reach_the_charger(realtime_sim, tmp_path):
    sim = realtime_sim

    async def scenario():
        async with admin_station(sim, tmp_path) as station:
            tech, control = await signed_in(station), station.operators.control
            # Unlock: a plugged car locks the connector; the technician releases it.
            await sim.ctl.call("plug", charger=1)
            await wait_until(lambda: sim.ctl.call_sync("status", charger=1)["lock"], 10, "locked")
            unlocked = await control.unlock(tech, B)
            assert (unlocked.accepted, unlocked.answer) == (True, "ok")
            await wait_until(lambda: not sim.ctl.call_sync("status", charger=1)["lock"], 10, "unlocked")
            # Restart: the charger boots again.
            boots = (await sim_status(sim, 0))["boot_count"]
            restarted = await control.restart_charger(tech, "CP00")
            assert restarted.accepted
            await wait_until(
                lambda: sim.ctl.call_sync("status", charger=0)["boot_count"] == boots + 1, 10, "reboot"
            )
            await until_card(station.driver, A, lambda c: c.state == "available", "CP00 back")
            # Self-test of a healthy charger: every test run passes; the -12 V plateau needs a PWM.
            healthy = await control.self_test(tech, "CP00")
            outcomes = {t.name: t.outcome for t in healthy.tests}
            assert healthy.passed and outcomes["pilot_low"] == "not_run"
            assert {outcomes[n] for n in ("pilot_high", "rcd", "contactor_feedback", "lock", "meter")} == {
                "pass"
            }
            # A tripped RCD: the self-test fails it and latches SELF_TEST_FAILED beside RCD_TRIP.
            await sim.ctl.call("fault", charger=0, kind="rcd", active=True)
            failing = await control.self_test(tech, "CP00")
            assert not failing.passed and {t.name: t.outcome for t in failing.tests}["rcd"] == "fail"
            await wait_until(
                lambda: sim.ctl.call_sync("status", charger=0)["faults"] == 0x8001, 10, "both latched"
            )
            await until_card(station.driver, A, lambda c: c.state == "faulted", "faulted")
            await wait_until(
                lambda: station.runtime.station.manager.connector(A).status.faults == 0x8001, 5, "read"
            )
            listed = {c.connector_id: c for c in await control.connectors(tech)}[A]
            assert listed.faults == ("RCD_TRIP", "SELF_TEST_FAILED") == listed.clearable
            # The RCD still tripped: the charger refuses (condition present), nothing is cleared.
            refused = await control.clear_fault(tech, A, "RCD_TRIP")
            assert (refused.accepted, refused.answer) == (False, "condition_present")
            assert (await sim_status(sim, 0))["faults"] == 0x8001
            await sim.ctl.call("fault", charger=0, kind="rcd", active=False)
            for fault in ("RCD_TRIP", "SELF_TEST_FAILED"):
                assert (await control.clear_fault(tech, "CP00", fault)).accepted
            assert (await sim_status(sim, 0))["faults"] == 0
            await until_card(station.driver, A, lambda c: c.state == "available", "cleared")
            # A fault the catalogue leaves to the vehicle's unplugging, one not latched, one unknown.
            for name, code in (
                ("DIODE_FAULT", "not_clearable"),
                ("OVERCURRENT", "not_latched"),
                ("NOPE", "unknown_fault"),
            ):
                with pytest.raises(OperationError) as refusal:
                    await control.clear_fault(tech, A, name)
                assert refusal.value.code == code
            # Unlock with a session open is refused before anything is sent.
            await station.runtime.sessions.authorise(B, READER_CARD)
            with pytest.raises(OperationError, match="stop the session first"):
                await control.unlock(tech, B)

            def details(action):
                return [r["details"] for r in rows(station, action)]

            assert details("control.unlock")[0]["answer"] == "ok" and details("control.unlock")[0]["seq"] > 0
            assert details("control.unlock")[1] == {"refused": "session_open"}
            assert details("control.restart_charger")[0]["answer"] == "ok"
            assert details("control.self_test")[1]["tests"]["rcd"] == "fail"
            assert [
                (d.get("fault"), d.get("answer"), d.get("refused")) for d in details("control.clear_fault")
            ] == [
                ("RCD_TRIP", "condition_present", None),
                ("RCD_TRIP", "ok", None),
                ("SELF_TEST_FAILED", "ok", None),
                ("DIODE_FAULT", None, "not_clearable"),
                ("OVERCURRENT", None, "not_latched"),
                (None, None, "unknown_fault"),
            ]
            assert chain_intact(station.runtime.engine)

    asyncio.run(scenario())


def test_a_viewer_may_look_but_not_act(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            viewer, control = await signed_in(station, "viewer"), station.operators.control
            assert [c.state for c in await control.connectors(viewer)] == ["available", "available"]
            for act in (
                control.set_available(viewer, A, False, "maintenance"),
                control.unlock(viewer, A),
                control.restart_charger(viewer, "CP00"),
                control.self_test(viewer, "CP00"),
                control.clear_fault(viewer, A, "RCD_TRIP"),
            ):
                with pytest.raises(PermissionDeniedError, match="needs the technician role"):
                    await act
            boots = (await sim_status(realtime_sim, 0))["boot_count"]
            assert card(station.driver, A).state == "available"
            assert not [r for r in station.audit() if r["action"].startswith("control.")]
            await asyncio.sleep(0.5)
            assert (await sim_status(realtime_sim, 0))["boot_count"] == boots

    asyncio.run(scenario())


def test_out_of_service_survives_a_restart_of_the_station(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            await station.operators.control.set_available(await signed_in(station), B, False, "fault")
            with session_factory(station.runtime.engine)() as db:
                stored = get_setting(db, "admin.unavailable")
            assert stored[B]["reason"] == "fault" and stored[B]["by"] == "admin:Technician One"
        # The station again on the same ledger: the hold is read back and applied before a driver comes.
        config = dataclasses.replace(
            station_config(realtime_sim),
            database=DatabaseSettings(url=f"sqlite:///{tmp_path / 'ledger.sqlite3'}"),
            tariff=TARIFF,
        )
        async with StationRuntime(config, timing=TIMING) as runtime:
            assert runtime.station.arbiter.resolve(B).may_charge.claim.source is ClaimSource.ADMIN
            recorder = AnalyticsRecorder.for_runtime(runtime, RecorderTiming(check_s=0.1))
            await recorder.start()
            reader = VirtualCardReader(debounce_s=0.0)
            async with DriverFacade(runtime, card_reader=reader, kiosk=KIOSK) as driver:
                await wait_until(lambda: card(driver, A).state == "available", 15, "A up")
                assert card(driver, B).state == "unavailable"
                assert driver.ready_connectors() == [A]
            # The analytics timeline: unavailable, with the technician's reason.
            span = [("unavailable", "operator:fault")]
            await wait_until(lambda: timeline(runtime.engine, B)[-1:] == span, 5, "the span")
            await recorder.stop()

    asyncio.run(scenario())


def test_the_central_system_sees_the_connector_unavailable(realtime_sim, py_csms, tmp_path):
    csms = py_csms
    config = ocpp_config(realtime_sim, csms, tmp_path)

    async def scenario():
        async with running_station(config) as runtime:
            settings = AdminSettings()
            operators = OperatorFacade(runtime, settings=settings)
            accounts = make_accounts(runtime.engine, settings)
            tech = (await operators.sign_in(accounts["technician"], PINS["technician"])).operator
            await csms.wait_for_async(
                "StatusNotification",
                lambda p: p["connectorId"] == 2 and p["status"] == "Available",
                timeout=15,
            )
            await operators.control.set_available(tech, B, False, "maintenance")
            await csms.wait_for_async(
                "StatusNotification",
                lambda p: p["connectorId"] == 2 and p["status"] == "Unavailable",
                timeout=10,
            )
            # A remote start there is refused as on a connector the central system set Inoperative.
            answer = await csms.call_async(
                "RemoteStartTransaction", {"connectorId": 2, "idTag": "TAG-REMOTE"}
            )
            assert answer == {"status": "Rejected"}
            since = len(csms.frames)
            await operators.control.set_available(tech, B, True)
            await csms.wait_for_async(
                "StatusNotification",
                lambda p: p["connectorId"] == 2 and p["status"] == "Available",
                10,
                since,
            )

    asyncio.run(scenario())
