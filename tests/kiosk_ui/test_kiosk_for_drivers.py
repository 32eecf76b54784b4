"""The kiosk as a driver in a car park meets it: one clear stop, the price before the start, no start
offered when nothing can start, the car that is plugged in chosen for the driver, the bill after
unplugging, one reading on screen, and the site's own name, ID and helpline (docs/kiosk.md)."""

from __future__ import annotations

import asyncio
import os
import re
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
import test_kiosk_flow
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from test_kiosk_flow import BLOCKED, CARD, kiosk, on_screen, shows, tap, texts, until, value

from app.driver import ConnectorCard
from app.driver.views import FAULT_KEYS, LINK_LOST
from app.tariffs import tariff_from_dict
from kiosk_ui.app import KioskWindow
from kiosk_ui.texts import fault_text, state_look
from kiosk_ui.theme import MIN_TEXT_PX

# The set-up of tests/kiosk_ui/test_kiosk_flow.py: one qasync loop for the module, the .qm files built.
qt_loop = test_kiosk_flow.qt_loop
run_async = test_kiosk_flow.run_async
translations_built = test_kiosk_flow.translations_built

OTHER_CARD = "DEMO-0002"
KWH = re.compile(r"(\d+[.,]\d{3}) kWh")
BILLED = re.compile(r"([1-9]\d*[.,]\d{3}|0[.,](?!000)\d{3}) kWh")  # more than nothing


def screen_buttons(window: KioskWindow) -> list[QAbstractButton]:
    """The visible buttons of the current screen (the header's language buttons are not the screen's)."""
    found = window.current_screen().findChildren(QAbstractButton)
    return [b for b in found if b.isVisible()]


def no_dead_buttons(window: KioskWindow) -> None:
    """Never a disabled promise: every visible button works, no "coming soon"."""
    dead = [b.text() for b in window.findChildren(QAbstractButton) if b.isVisible() and not b.isEnabled()]
    assert not dead, dead
    assert not any("soon" in line for line in texts(window)), texts(window)


def small_texts(window: KioskWindow) -> list[tuple[str, int]]:
    """Visible texts drawn below MIN_TEXT_PX."""
    found = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton) and widget.isVisible() and widget.text():
            size = QFontInfo(widget.font()).pixelSize()
            if size < MIN_TEXT_PX:
                found.append((widget.text(), size))
    return found


async def online(window: KioskWindow) -> None:
    """Every charger answers and is free (the simulator's chargers come up after the station)."""
    cards = window.env.facade.connectors
    await until(lambda: all(c.state == "available" for c in cards()), "every connector available")


def connector(window: KioskWindow, index: int) -> str:
    return window.env.facade.connectors()[index].connector_id


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_charging_has_one_stop_and_the_energy_figure_is_the_billed_one(
    realtime_sim, tmp_path, qtbot, run_async
):
    sim = realtime_sim

    async def scenario() -> None:
        async with kiosk(sim, tmp_path) as (window, _runtime):
            await sim.ctl.call("plug", charger=0)
            await on_screen(window, "idle", "Car plugged in: tap card")
            await window.env.facade.present_card(CARD)  # the car is in: straight to charging
            await on_screen(window, "charging", "Charging", "Stop charging", "charging goes on")
            # One way to stop and nothing that looks like "finished" beside it.
            assert [b.objectName() for b in screen_buttons(window)] == ["stop"], texts(window)
            assert not shows(window, "Done"), texts(window)
            no_dead_buttons(window)
            # The big figure and the billed line come from one reading with one rounding rule.
            seen = set()
            for _ in range(6):
                await until(lambda: KWH.search(value(window, "cost")), "the billed energy line")
                big = KWH.search(value(window, "value:energy"))
                billed = KWH.search(value(window, "cost"))
                assert big is not None and billed is not None
                assert big.group(1) == billed.group(1), (value(window, "value:energy"), value(window, "cost"))
                seen.add(big.group(1))
                await asyncio.sleep(0.7)
            assert len(seen) > 1  # the values moved while they were compared
            assert not small_texts(window), small_texts(window)

    run_async(scenario())


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_idle_says_when_nothing_can_start_and_refusals_have_their_own_title(
    realtime_sim, tmp_path, qtbot, run_async
):
    sim = realtime_sim

    async def scenario() -> None:
        async with kiosk(sim, tmp_path) as (window, _runtime):
            await on_screen(window, "idle", "Available", "Tap your card to start")
            await window.env.facade.present_card(BLOCKED)
            await on_screen(window, "authorise", "Card not accepted", "This card is blocked.")
            assert not shows(window, "Hold your card to the reader"), texts(window)
            await sim.ctl.call("plug", charger=0)
            await window.env.facade.present_card(CARD)
            await on_screen(window, "charging", "Charging")
            window.show_screen("idle", {})  # the driver walked away
            await on_screen(window, "idle", "Every connector is in use")
            assert not window.findChild(QAbstractButton, "start").isVisible()
            assert not shows(window, "Tap your card to start"), texts(window)
            await window.env.facade.present_card(OTHER_CARD)
            await on_screen(window, "authorise", "No connector is free", "Please wait until one is free")
            assert not shows(window, "try another card") and not shows(window, "Try another card")
            # Stopped with the car still in: the connector is finishing, still nothing can start.
            c1 = connector(window, 0)
            await window.env.facade.stop_session(c1)
            window.show_screen("idle", {})
            await on_screen(window, "idle", "Finished: please unplug", "Every connector is in use")
            await sim.ctl.call("unplug", charger=0)
            await on_screen(window, "idle", "Available", "Tap your card to start")

    run_async(scenario())


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_the_plug_countdown_outlasts_the_inactivity_timer_in_the_drivers_language(
    realtime_sim, tmp_path, qtbot, run_async
):
    async def scenario() -> None:
        # Inactivity after 2 s, the plug-in timeout after 6 s (TIMING): the countdown must win.
        async with kiosk(realtime_sim, tmp_path, idle_timeout_s=2.0) as (window, _runtime):
            await online(window)
            await tap(window, "language:ms", qtbot)
            shown: list[str] = []
            window.stack.currentChanged.connect(lambda _: shown.append(window.current_screen().name))
            await window.env.facade.present_card(CARD)
            await until(lambda: window.current_screen().name == "plug", "the plug-in screen")
            assert re.fullmatch(r"\d+:\d\d", value(window, "countdown")), value(window, "countdown")
            no_dead_buttons(window)
            await until(lambda: window.screens["plug"].timed_out, "the plug-in timeout", timeout_s=15.0)
            assert shown == ["plug"], shown  # the inactivity timer did not cut the countdown short
            assert window.translations.current.code == "ms"  # and the driver's language stayed
            assert value(window, "plug_title") == window.screens["plug"].tr("No car was plugged in")

    run_async(scenario())


@pytest.mark.sim(chargers=2, realtime_factor=4)
def test_the_price_is_the_headline_on_idle_and_where_the_driver_commits(
    realtime_sim, tmp_path, qtbot, run_async
):
    async def scenario() -> None:
        async with kiosk(realtime_sim, tmp_path) as (window, _runtime):
            theme = window.theme
            for screen in ("idle", "authorise", "pick"):
                if screen == "authorise":
                    await tap(window, "start", qtbot)
                if screen == "pick":
                    await window.env.facade.present_card(CARD)
                await on_screen(window, screen, "RM 0.60 per kWh")
                headline = [
                    w for w in window.current_screen().findChildren(QLabel, "price_headline") if w.isVisible()
                ]
                assert len(headline) == 1, screen
                assert QFontInfo(headline[0].font()).pixelSize() >= theme.px("large"), screen
                assert shows(window, "Session fee: RM 1.00"), (screen, texts(window))
                assert not small_texts(window), (screen, small_texts(window))
                no_dead_buttons(window)

    run_async(scenario())


@pytest.mark.sim(chargers=2, realtime_factor=4)
def test_a_fault_mid_session_bills_in_the_drivers_language_and_points_elsewhere(
    realtime_sim, tmp_path, qtbot, run_async
):
    sim = realtime_sim

    async def scenario() -> None:
        async with kiosk(sim, tmp_path) as (window, _runtime):
            await online(window)
            await tap(window, "language:ms", qtbot)
            await sim.ctl.call("plug", charger=0)
            await until(lambda: window.env.facade.connectors()[0].vehicle_present, "the car")
            await window.env.facade.present_card(CARD)
            await on_screen(window, "charging")
            await until(lambda: BILLED.search(value(window, "cost")), "energy billed")
            await sim.ctl.call("fault", charger=0, kind="ground", active=True)
            await until(lambda: window.current_screen().name == "fault", "the fault screen")
            await until(lambda: value(window, "fault_total").startswith("Jumlah: RM"), "the Malay total")
            lines = texts(window)
            assert not any(line.startswith(("Total", "Energy", "Session fee")) for line in lines), lines
            advice = window.screens["fault"].tr("Please use another connector.")
            assert value(window, "advice") == advice and advice != "Please use another connector."
            assert "Yuran sesi: RM 1.00" in value(window, "fault_cost")  # the fee is billed, and said

    run_async(scenario())


@pytest.mark.sim(chargers=3, realtime_factor=4)
def test_plug_first_then_tap_starts_where_the_car_is(realtime_sim, tmp_path, qtbot, run_async):
    sim = realtime_sim

    async def scenario() -> None:
        async with kiosk(sim, tmp_path) as (window, _runtime):
            await online(window)
            await sim.ctl.call("plug", charger=1)
            await until(lambda: window.env.facade.connectors()[1].vehicle_present, "the car on connector 2")
            await window.env.facade.present_card(CARD)  # three free, one with a car: that one
            await on_screen(window, "charging", "Connector 2")
            assert window.screens["charging"].context["connector_id"] == connector(window, 1)
            window.show_screen("idle", {})
            await sim.ctl.call("plug", charger=0)
            await sim.ctl.call("plug", charger=2)
            await until(
                lambda: all(c.vehicle_present for c in window.env.facade.connectors()), "two more cars"
            )
            await window.env.facade.present_card(OTHER_CARD)  # two cars waiting: the driver picks, marked
            await on_screen(window, "pick", "Car plugged in")
            marked = {
                b.objectName(): b.property("role")
                for b in screen_buttons(window)
                if b.objectName() != "pick_cancel"
            }
            assert marked == {
                f"pick:{connector(window, 0)}": "choice-marked",
                f"pick:{connector(window, 2)}": "choice-marked",
            }

    run_async(scenario())


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_the_bill_shows_after_unplugging_with_its_reference(realtime_sim, tmp_path, qtbot, run_async):
    sim = realtime_sim
    station = {"station_name": "Plaza Seri Setia"}
    settings = {"station_id": "PSS-01", "helpline": "1-800-88-0000"}

    async def scenario() -> None:
        async with kiosk(sim, tmp_path, settings=settings, station=station) as (window, _runtime):
            await on_screen(window, "idle", "Plaza Seri Setia", "Station PSS-01", "Helpline: 1-800-88-0000")
            assert not any(line.count("Helpline") > 1 for line in texts(window)), texts(window)
            await sim.ctl.call("plug", charger=0)
            await window.env.facade.present_card(CARD)
            await on_screen(window, "charging", "Connector 1")
            session_id = window.screens["charging"].context["session_id"]
            await until(lambda: BILLED.search(value(window, "cost")), "energy billed")
            await tap(window, "stop", qtbot)  # stopped early, the car still plugged in
            await on_screen(window, "summary", "Session ended", "You stopped charging.", "Please unplug")
            assert not shows(window, "Charging complete")
            assert value(window, "summary_reference") == f"Connector 1  ·  Reference PSS-01-{session_id:06d}"
            no_dead_buttons(window)
            window.show_screen("idle", {})  # the driver walked away
            await sim.ctl.call("unplug", charger=0)
            await on_screen(window, "idle", "Available")
            # A second session, left charging: unplugging shows its bill even though idle is showing.
            await sim.ctl.call("plug", charger=0)
            await window.env.facade.present_card(CARD)
            await on_screen(window, "charging")
            second = window.screens["charging"].context["session_id"]
            await until(lambda: BILLED.search(value(window, "cost")), "energy billed")
            window.show_screen("idle", {})
            await sim.ctl.call("unplug", charger=0)
            await on_screen(window, "summary", "Session ended", "The cable was unplugged.", "Total: RM")
            assert value(window, "summary_reference").endswith(f"PSS-01-{second:06d}")
            assert value(window, "summary_total").startswith("Total: RM")
            assert not window.findChild(QLabel, "summary_unplug").isVisible()  # the car is gone

    run_async(scenario())


def card(state: str, power_W: int = 0, **values: Any) -> ConnectorCard:
    fields: dict[str, Any] = dict(
        connector_id="C/1",
        number=1,
        label="1",
        state=state,
        fault=None,
        session_id=1,
        vehicle_present=True,
        power_W=power_W,
        energy_Wh=0,
        elapsed_s=0,
        cost_minor=0,
        currency="MYR",
        limited_by_site=False,
        max_power_W=22000,
    )
    return ConnectorCard(**(fields | values))


def test_states_are_told_by_words_and_shapes_that_match_what_flows(qapp):
    # Power still flowing is charging for the driver, whatever the charger's state machine says.
    assert state_look(card("suspended_evse", 1300)).key == "charging"
    assert state_look(card("suspended_evse", 0)).key == "waiting_for_power"
    assert state_look(card("finishing", 9100)).key == "stopping"
    assert state_look(card("finishing", 0)).text == "Finished: please unplug"
    assert state_look(card("charging", 7000, limited_by_site=True)).text == "Charging, power shared"
    # The states that shared one green (and one red) each have their own icon: told apart without colour.
    greens = [
        state_look(card("available", session_id=None, vehicle_present=False)),
        state_look(card("charging", 7000)),
        state_look(card("preparing", session_id=None)),
        state_look(card("finishing")),
    ]
    reds = [state_look(card("faulted")), state_look(card("offline"))]
    for group in (greens, reds):
        assert len({look.icon for look in group}) == len(group), group
    assert all(look.role.startswith("status-") for look in greens + reds)  # a status, not a button
    # Nothing can start (the reader is out): a free connector is not called Available.
    free = card("available", session_id=None, vehicle_present=False)
    assert state_look(free, can_start=False).text == "Cannot start now"


def test_every_fault_the_facade_reports_has_its_own_words(qapp):
    generic = fault_text(None)
    for key in {*FAULT_KEYS.values(), LINK_LOST}:
        assert fault_text(key) != generic, key


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_a_car_that_stops_taking_power_is_told_when_the_idle_fee_starts(
    realtime_sim, tmp_path, qtbot, run_async
):
    sim = realtime_sim
    tariff = tariff_from_dict(
        {"energy_price_per_kWh": "0.60", "idle_fee_per_minute": "0.50", "idle_grace_minutes": 2}
    )

    async def scenario() -> None:
        async with kiosk(sim, tmp_path, station={"tariff": tariff}) as (window, _runtime):
            await online(window)
            await sim.ctl.call("plug", charger=0, soc_pct=35)
            await until(lambda: window.env.facade.connectors()[0].vehicle_present, "the car")
            await window.env.facade.present_card(CARD)
            await on_screen(window, "charging", "Charging")
            assert not window.findChild(QLabel, "idle_fee_notice").isVisible()
            await sim.ctl.call("car", charger=0, request="pause")  # the car stops taking power at 35 %
            await on_screen(window, "charging", "Car paused or full", "the idle fee starts in 2 min")
            assert not shows(window, "You may leave"), texts(window)  # the notice replaces the hint
            await sim.ctl.call("car", charger=0, request="charge")
            await on_screen(window, "charging", "Charging", "You may leave")
            assert not window.findChild(QLabel, "idle_fee_notice").isVisible()

    run_async(scenario())
