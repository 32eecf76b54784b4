"""The driver facade on the firmware simulator: cards, sessions, live values, summaries, faults, OCPP."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import time

import figures
import pytest
from driver_station import KIOSK, READER_CARD, card, kiosk_station, states, until_card
from ocpp_station import ocpp_config, running_station
from sessions_support import check_ended_session, session_row, wait_until
from sqlalchemy import select

from app.db.engine import session_factory
from app.db.models import OutboxMessage
from app.driver.facade import DriverFacade, SessionRefusedError
from app.driver.views import CONNECTOR_STATES
from app.money import format_money
from hal.card_readers.base import CARD_REMOVED_MID_READ, VirtualCardReader

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


def test_card_start_live_values_stop_by_tap_and_unplug(realtime_sim, tmp_path):
    sim = realtime_sim

    async def scenario() -> None:
        async with kiosk_station(sim, tmp_path) as (runtime, facade, reader, events):
            assert (facade.helpline, facade.station_id) == ("1-800-00-0000", "KL-07")
            # Only what the station offers, never a method "coming soon".
            assert facade.payment_methods() == [("card", True)]
            assert facade.price_headline("en") == "RM 0.60 per kWh"
            assert facade.price_headline("ms") == "RM 0.60 sekWh"
            assert not any("per kWh" in line for line in facade.price_lines("en", energy=False))
            assert facade.price_lines("ms")[0].startswith("Tenaga: RM 0.60")
            # Tap on the reader: authorised, both connectors ready, nothing opened yet.
            reader.tap(READER_CARD, hold_s=0.2)
            await wait_until(lambda: events.of("card_tapped"), 10, "the tap decided")
            outcome = events.of("card_tapped")[0].outcome
            assert (outcome.kind, outcome.id_tag) == ("authorised", READER_CARD)
            assert outcome.ready_connectors == ("CP00/1", "CP01/1")
            assert runtime.sessions.open_session("CP00/1") is None
            with pytest.raises(SessionRefusedError):
                await facade.start_session("CP00/1", "DEMO-0002")  # another card than the one authorised
            session_id = await facade.start_session("CP00/1", READER_CARD)
            with pytest.raises(SessionRefusedError):
                await facade.start_session("CP01/1", READER_CARD)  # the authorisation is used up
            assert card(facade, "CP00/1").state == "preparing"
            assert card(facade, "CP00/1").session_id == session_id
            # The car arrives: charging, power, energy, elapsed time and cost so far rise.
            await sim.ctl.call("plug", charger=0)
            first = await until_card(
                facade, "CP00/1", lambda c: c.state == "charging" and c.power_W > 0, "charging"
            )
            assert first.max_power_W == 32000 * 3 * 230 // 1000 and first.currency == "MYR"
            later = await until_card(
                facade,
                "CP00/1",
                lambda c: c.energy_Wh > first.energy_Wh and (c.cost_minor or 0) > 100 and c.elapsed_s >= 1,
                "energy and cost rising",
            )
            assert later.state in CONNECTOR_STATES and later.fault is None
            lines = facade.running_cost_lines("CP00/1", "ms")
            assert lines[-1].startswith("Kos setakat ini: RM ") and any("kWh" in line for line in lines)
            # One reading: the energy the kiosk shows is the one its billed line prices.
            running = facade.running_cost("CP00/1", "en")
            assert running is not None and running.energy_Wh > 0
            kwh = f"{running.energy_Wh / 1000:.3f} kWh"
            assert running.lines[0].startswith(f"Energy {kwh} x RM 0.60"), (kwh, running.lines)
            # The same card again on the reader stops the session; the summary is the ledger's.
            reader.tap(READER_CARD, hold_s=0.2)
            await wait_until(lambda: events.of("session_ended"), 15, "the session to end")
            # The decision comes first (the screen says "stopping"), then the end with its summary.
            kinds = [event.kind for _, event in events.events if event.kind != "connectors_changed"]
            assert kinds == ["card_tapped", "card_tapped", "session_ended"]
            stopped = events.of("card_tapped")[-1].outcome
            assert (stopped.kind, stopped.session_id) == ("stopped", session_id)
            summary = events.of("session_ended")[0].summary
            row = check_ended_session(runtime.engine, session_id)
            assert (summary.session_id, summary.connector_id, summary.stop_reason) == (
                session_id,
                "CP00/1",
                "Local",
            )
            assert summary.energy_Wh == row.energy_Wh > 0 and summary.total_minor == row.cost_total_minor
            assert summary.cost_lines[-1] == f"Total: {format_money(row.cost_total_minor, 'MYR', 'en')}"
            assert facade.summary(session_id, "ms").cost_lines[-1].startswith("Jumlah: RM ")
            assert summary.duration_s == int((row.stopped_at - row.started_at).total_seconds())
            # What the driver quotes: the connector's painted number and a reference unique per station.
            assert (summary.connector_label, summary.reference) == ("1", f"KL-07-{session_id:06d}")
            # The car is still plugged in: finishing until it leaves.
            await until_card(facade, "CP00/1", lambda c: c.state == "finishing", "finishing")
            await sim.ctl.call("unplug", charger=0)
            await until_card(facade, "CP00/1", lambda c: c.state == "available", "available again")

            # Second driver on CP01/1 plugs in first, then taps a demo card: the plugged connector
            # comes first; unplugging ends the session (EVDisconnected) with a SessionEnded event.
            await sim.ctl.call("plug", charger=1)
            await until_card(facade, "CP01/1", lambda c: c.state == "preparing", "car waiting")
            outcome = await facade.present_card("DEMO-0003")
            assert outcome.kind == "authorised" and outcome.ready_connectors == ("CP01/1", "CP00/1")
            second = await facade.start_session("CP01/1", "demo-0003")  # id tags compare without case
            await until_card(
                facade, "CP01/1", lambda c: c.state == "charging" and c.energy_Wh > 0, "charging"
            )
            await sim.ctl.call("unplug", charger=1)
            await wait_until(lambda: len(events.of("session_ended")) == 2, 15, "the unplug to end it")
            assert events.of("session_ended")[1].summary.stop_reason == "EVDisconnected"
            assert events.of("session_ended")[1].summary.session_id == second
            check_ended_session(runtime.engine, second)

            # ConnectorsChanged is throttled: never two within one event period (0.1 s), however
            # often the two chargers are polled (5 times a second each).
            changed = [at for at, event in events.events if event.kind == "connectors_changed"]
            assert len(changed) > 10
            gaps = [b - a for a, b in itertools.pairwise(changed)]
            assert min(gaps) >= 0.09, min(gaps)
            started = time.perf_counter()
            for _ in range(200):
                facade.connectors()
            snapshot_ms = (time.perf_counter() - started) / 200 * 1000
            figures.report("driver facade", f"connectors() snapshot of 2 connectors: {snapshot_ms:.3f} ms")
            # Reader trouble reaches the screens as message keys.
            reader.fail("the card left", CARD_REMOVED_MID_READ)
            reader.unplug()
            assert facade.payment_methods()[0] == ("card", False)
            reader.plug()
            problems = [event.message_key for event in events.of("reader_problem")]
            assert problems == ["card_removed_early", "reader_unplugged", "reader_restored"]

    asyncio.run(scenario())


def test_refused_cards_and_a_fault_mid_session(realtime_sim, tmp_path):
    sim = realtime_sim

    async def scenario() -> None:
        async with kiosk_station(sim, tmp_path) as (runtime, facade, _reader, events):
            for id_tag, reason in (
                ("NOT-ON-LIST", "unknown"),
                ("DEMO-BLOCKED", "blocked"),
                ("OLD-CARD", "expired"),
            ):
                outcome = await facade.present_card(id_tag)
                assert (outcome.kind, outcome.reason, outcome.ready_connectors) == ("refused", reason, ())
                with pytest.raises(SessionRefusedError):
                    await facade.start_session("CP00/1", id_tag)
            assert [e.outcome.reason for e in events.of("card_tapped")] == ["unknown", "blocked", "expired"]
            # A fault while charging: the card shows it, the session is ended in the ledger.
            await facade.present_card("DEMO-0001")
            session_id = await facade.start_session("CP00/1", "DEMO-0001")
            await sim.ctl.call("plug", charger=0)
            # Charging long enough for the ledger to hold a meter sample (one every 0.5 s here).
            await until_card(
                facade, "CP00/1", lambda c: c.energy_Wh > 0 and c.elapsed_s >= 2, "charging a while"
            )
            # A card waiting for a connector choice is replaced by the next one.
            assert (await facade.present_card("DEMO-0002")).ready_connectors == ("CP01/1",)
            assert (await facade.present_card("DEMO-0004")).kind == "authorised"
            assert facade.pending_card() == "DEMO-0004"
            await sim.ctl.call("fault", charger=0, kind="ground", active=True)
            shown_Wh = card(facade, "CP00/1").energy_Wh
            faulted = await until_card(facade, "CP00/1", lambda c: c.state == "faulted", "the fault shown")
            assert faulted.fault == "ground_fault" and faulted.power_W == 0
            await wait_until(lambda: events.of("session_ended"), 20, "the session to end")
            summary = events.of("session_ended")[0].summary
            row = check_ended_session(runtime.engine, session_id)
            assert summary.session_id == session_id and summary.energy_Wh == row.energy_Wh > 0
            figures.report(
                "driver facade",
                f"fault mid-session: {shown_Wh} Wh on the screen before the fault, "
                f"{row.energy_Wh} Wh in the ledger, stop reason {row.stop_reason}",
            )
            assert runtime.sessions.open_session("CP00/1") is None
            assert "CP00/1" not in facade.ready_connectors("DEMO-0004")
            with session_factory(runtime.engine)() as db:
                kinds = db.scalars(select(OutboxMessage.kind).order_by(OutboxMessage.seq)).all()
            assert kinds.count("session_ended") == 1, kinds
            await sim.ctl.call("fault", charger=0, kind="ground", active=False)

    asyncio.run(scenario())


def test_unknown_cards_allowed_by_configuration(realtime_sim, tmp_path):
    sim = realtime_sim
    kiosk = dataclasses.replace(KIOSK, allow_unknown_cards=True)

    async def scenario() -> None:
        async with kiosk_station(sim, tmp_path, kiosk) as (runtime, facade, _reader, _events):
            outcome = await facade.present_card("ANY-CARD")
            assert outcome.kind == "authorised"
            # Blocked stays blocked: the setting is about cards the station does not know.
            assert (await facade.present_card("DEMO-BLOCKED")).reason == "blocked"
            await facade.present_card("ANY-CARD")
            session_id = await facade.start_session("CP01/1", "ANY-CARD")
            assert (await facade.present_card("ANY-CARD")).kind == "stopped"  # before any car came
            row = session_row(runtime.engine, session_id)
            assert (row.state, row.stop_reason, row.energy_Wh) == ("ended", "Local", 0)

    asyncio.run(scenario())


def test_with_a_central_system_the_csms_authorises(realtime_sim, py_csms, tmp_path):
    sim, csms = realtime_sim, py_csms
    csms.set_id_tag("TAG-BLOCKED", "Blocked")
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> None:
        async with running_station(config) as runtime:
            assert runtime.ocpp is not None
            await wait_until(runtime.ocpp.accepted.is_set, 20, "the boot accepted")
            async with DriverFacade(runtime, card_reader=VirtualCardReader(), kiosk=KIOSK) as facade:
                await wait_until(lambda: states(facade) == ["available", "available"], 15, "connectors up")
                refused = await facade.present_card("TAG-BLOCKED")
                assert (refused.kind, refused.reason) == ("refused", "blocked")
                await csms.wait_for_async("Authorize", lambda p: p["idTag"] == "TAG-BLOCKED", timeout=10)
                outcome = await facade.present_card("TAG-DRIVER")
                assert outcome.kind == "authorised" and outcome.ready_connectors == ("CP00/1", "CP01/1")
                await csms.wait_for_async("Authorize", lambda p: p["idTag"] == "TAG-DRIVER", timeout=10)
                await facade.start_session("CP00/1", "TAG-DRIVER")
                await sim.ctl.call("plug", charger=0)
                start = await csms.wait_for_async("StartTransaction", timeout=15)
                assert (start.payload["idTag"], start.payload["connectorId"]) == ("TAG-DRIVER", 1)
                await until_card(facade, "CP00/1", lambda c: c.state == "charging", "charging")
                authorizes = len(csms.calls("Authorize"))
                stopped = await facade.present_card("TAG-DRIVER")
                assert stopped.kind == "stopped"
                stop = await csms.wait_for_async("StopTransaction", timeout=15)
                assert stop.payload["reason"] == "Local"
                # The card that started it stops it without asking the central system (section 4.10).
                assert len(csms.calls("Authorize")) == authorizes

    asyncio.run(scenario())
