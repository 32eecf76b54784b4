"""Entering and leaving the admin mode on the kiosk, on the real station and simulator: the corner
gesture (idle only), the PIN pad's refusals with the delay measured and the lockout, the staff card as
the second factor (never a driver's start), the shell's role filter, Exit and the inactivity timeout
back to the driver's screen with a session still charging; every step in the audit log."""

from __future__ import annotations

import asyncio
import time

import admin_kiosk
import pytest
from admin_kiosk import (
    HOLD_S,
    hold_corner,
    in_admin,
    in_shell,
    key_enabled,
    kiosk_with_admin,
    message,
    on_driver_idle,
    on_pad,
    press,
    shows,
    sign_in,
    type_digits,
    until,
)
from admin_station import CARD, PINS
from driver_station import READER_CARD
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout
from sqlalchemy import func, select

from app.config import AdminSettings
from app.db import ChargingSession, session_factory, verify_audit_chain
from kiosk_ui.admin import registry
from kiosk_ui.admin.admin_screen import AdminScreen
from kiosk_ui.layout_check import layout_problems
from kiosk_ui.screen import label
from kiosk_ui.theme import MIN_TEXT_PX, load_theme

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)

# One qasync loop for the module and the .qm files built (tests/support/admin_kiosk.py).
qt_loop = admin_kiosk.qt_loop
run_async = admin_kiosk.run_async
translations_built = admin_kiosk.translations_built


class LookScreen(AdminScreen):
    """A test's stand-in for a screen every role may see."""

    name = "look"
    min_role = "viewer"

    def __init__(self, env, parent=None):
        super().__init__(env, parent)
        self.shown = label("", "large")
        self.shown.setObjectName("look_text")
        self.entered = 0
        QVBoxLayout(self).addWidget(self.shown)

    def title(self):
        return "Look"

    def enter(self, context):
        self.entered += 1
        super().enter(context)

    def refresh(self):
        self.shown.setText(
            f"{len(self.env.kiosk.facade.connectors())} connectors for {self.env.operator.name}"
        )


class MoneyScreen(AdminScreen):
    """A test's stand-in for a screen for the operator role only."""

    name = "money"
    min_role = "operator"

    def title(self):
        return "Money"


def audit_rows(station, action):
    return [row for row in station.audit(200) if row["action"] == action]


def chain_intact(station):
    with session_factory(station.runtime.engine)() as db:
        return verify_audit_chain(db).intact


def session_rows(station):
    with session_factory(station.runtime.engine)() as db:
        return db.scalar(select(func.count()).select_from(ChargingSession))


def test_the_gesture_opens_the_pad_on_the_idle_screen_only(realtime_sim, tmp_path, qtbot, run_async):
    async def scenario():
        async with kiosk_with_admin(realtime_sim, tmp_path) as (window, station):
            await until(lambda: on_driver_idle(window) and shows(window, "Available"), "the idle screen")
            await hold_corner(window, HOLD_S / 3)  # a short touch there does nothing
            assert on_driver_idle(window) and not in_admin(window)
            await hold_corner(window, HOLD_S + 0.3)
            assert on_pad(window) and shows(window, "Staff number")
            assert window.findChild(QLabel, "site_name").isVisible()  # under the kiosk's own header
            await press(window, "pin_cancel", qtbot)
            await until(lambda: on_driver_idle(window), "idle after Cancel")
            # Any other screen: the hold does nothing (here the card's connector choice, an authorised
            # card waiting: a driver mid-flow).
            await window.env.facade.present_card("DEMO-0001")
            await until(lambda: window.current_screen().name == "pick", "the connector choice")
            await hold_corner(window, HOLD_S + 0.3)
            assert not in_admin(window) and window.current_screen().name == "pick"
            await press(window, "pick_cancel", qtbot)
            await until(lambda: on_driver_idle(window), "idle after the choice was cancelled")
            await press(window, "start", qtbot)
            await until(lambda: window.current_screen().name == "authorise", "the card prompt")
            await hold_corner(window, HOLD_S + 0.3)
            assert not in_admin(window) and window.current_screen().name == "authorise"
            assert audit_rows(station, "admin.sign_in") == []
            # A right PIN, then Cancel before its answer came: that sign-in is ended at once.
            await press(window, "authorise_back", qtbot)
            await until(lambda: on_driver_idle(window), "idle")
            await hold_corner(window, HOLD_S + 0.3)
            await until(lambda: on_pad(window), "the PIN pad")
            await type_digits(window, str(station.accounts["viewer"]), qtbot)
            await type_digits(window, PINS["viewer"], qtbot, confirm=False)
            await press(window, "pin_key:ok", qtbot)
            await press(window, "pin_cancel", qtbot)  # no await between: the answer is still to come
            assert on_driver_idle(window)
            (out,) = await until(lambda: audit_rows(station, "admin.sign_out"), "the late sign-in ended")
            assert out["details"] == {"reason": "cancel"} and out["actor"] == "admin:Viewer One"
            assert [r["details"]["outcome"] for r in audit_rows(station, "admin.sign_in")] == ["ok"]
            assert not station.operators.context.signed_in

    run_async(scenario())


def test_right_pin_enters_the_shell_for_the_role_and_exit_is_audited(
    realtime_sim, tmp_path, qtbot, run_async, monkeypatch
):
    monkeypatch.setattr(registry, "ADMIN_SCREENS", (LookScreen, MoneyScreen))

    async def scenario():
        async with kiosk_with_admin(realtime_sim, tmp_path) as (window, station):
            await until(lambda: on_driver_idle(window), "the idle screen")
            await sign_in(window, station.accounts["technician"], PINS["technician"], qtbot)
            await until(lambda: in_shell(window), "the shell")
            await until(lambda: shows(window, "2 connectors for Technician One"), "the first screen")
            assert shows(window, "Technician One") and shows(window, "Exit")
            assert shows(window, "Look") and not shows(
                window, "Money"
            )  # the operator's screen is not offered
            assert window.findChild(QLabel, "site_name").isVisible()  # the kiosk's header stays
            await press(window, "language:ms", qtbot)  # the languages stay too
            await until(lambda: shows(window, "Keluar"), "the shell in Malay")
            await press(window, "admin_exit", qtbot)
            await until(lambda: on_driver_idle(window), "the driver's idle screen")
            assert window.env.language == "en"  # back in the default language
            await until(lambda: audit_rows(station, "admin.sign_out"), "the sign-out's audit row")
            signed_in = audit_rows(station, "admin.sign_in")
            assert [r["details"]["outcome"] for r in signed_in] == ["ok"]
            assert signed_in[0]["actor"] == "admin:Technician One"
            (out,) = audit_rows(station, "admin.sign_out")
            assert out["actor"] == "admin:Technician One" and out["details"] == {"reason": "exit"}
            assert out["target"] == f"account:{station.accounts['technician']}"
            assert chain_intact(station)
            # The operator sees both screens; with nothing registered the shell says so.
            await sign_in(window, station.accounts["operator"], PINS["operator"], qtbot)
            await until(lambda: in_shell(window) and shows(window, "Money"), "the operator's screens")
            await press(window, "admin_exit", qtbot)
            await until(lambda: on_driver_idle(window), "idle again")
            monkeypatch.setattr(registry, "ADMIN_SCREENS", ())
            await sign_in(window, station.accounts["viewer"], PINS["viewer"], qtbot)
            await until(lambda: in_shell(window) and shows(window, "No admin screens"), "the placeholder")

    run_async(scenario())


def test_wrong_pins_wait_then_lock_and_the_delay_is_measured(realtime_sim, tmp_path, qtbot, run_async):
    settings = AdminSettings(pin_delay_s=0.3, max_pin_attempts=3, lockout_s=600.0, idle_timeout_s=60.0)

    async def scenario():
        async with kiosk_with_admin(realtime_sim, tmp_path, settings) as (window, station):
            await until(lambda: on_driver_idle(window), "the idle screen")
            number = station.accounts["technician"]
            await hold_corner(window, HOLD_S + 0.2)
            await until(lambda: on_pad(window), "the PIN pad")
            await type_digits(window, str(number), qtbot)
            await type_digits(window, "000001", qtbot)
            await until(lambda: "Tries left before the lock: 2" in message(window), "the tries left")
            wrong_at = time.monotonic()
            # At once the right PIN: refused without being checked, the keys off for the delay.
            await type_digits(window, PINS["technician"], qtbot)
            await until(lambda: "before the next try" in message(window), "the wait")
            assert not key_enabled(window, "5")
            await until(lambda: key_enabled(window, "5"), "the keys back", timeout_s=5)
            back_at = time.monotonic()
            # Refused inside the delay ("wait" is the facade's answer to a try before it ran out), and
            # the keys off until it did: 0.3 s after the wrong PIN, give or take the timers' grain.
            assert 0.25 <= back_at - wrong_at <= 1.5, back_at - wrong_at
            assert "Enter the PIN again" in message(window)
            await type_digits(window, PINS["technician"], qtbot)  # after the delay the right PIN enters
            await until(lambda: in_shell(window), "the shell")
            await press(window, "admin_exit", qtbot)
            await until(lambda: on_driver_idle(window), "idle")

            # The viewer's account: three wrong PINs (the delays skipped on the facade's clock) lock it.
            viewer = station.accounts["viewer"]
            await hold_corner(window, HOLD_S + 0.2)
            await until(lambda: on_pad(window), "the PIN pad")
            await type_digits(window, str(viewer), qtbot)
            for left in (2, 1):
                await type_digits(window, "000002", qtbot)
                await until(lambda n=left: f"lock: {n}" in message(window), f"{left} tries left")
                station.clock.skip(5)
            await type_digits(window, "000002", qtbot)
            await until(lambda: "locked for 10 min" in message(window), "the lockout")
            assert shows(window, "Staff number")  # back to the staff number: another person may sign in
            await type_digits(window, str(viewer), qtbot)
            await type_digits(window, PINS["viewer"], qtbot)  # even the right PIN, while locked
            await until(lambda: "locked for" in message(window), "still locked")
            assert on_pad(window)
            outcomes = [r["details"]["outcome"] for r in audit_rows(station, "admin.sign_in")]
            assert outcomes == ["wrong_pin", "wait", "ok", "wrong_pin", "wrong_pin", "wrong_pin", "locked"]
            assert not any(PINS["viewer"] in str(r["details"]) for r in station.audit(200))
            assert chain_intact(station)
            assert [c.state for c in station.driver.connectors()] == ["available", "available"]

    run_async(scenario())


def test_a_card_on_the_pad_is_the_second_factor_not_a_driver_start(realtime_sim, tmp_path, qtbot, run_async):
    async def scenario():
        async with kiosk_with_admin(realtime_sim, tmp_path, card_for_operator=True) as (window, station):
            await until(lambda: on_driver_idle(window), "the idle screen")
            await hold_corner(window, HOLD_S + 0.2)
            await until(lambda: on_pad(window), "the PIN pad")
            await type_digits(window, str(station.accounts["operator"]), qtbot)
            await type_digits(window, PINS["operator"], qtbot)
            await until(lambda: "Tap your staff card" in message(window), "the card asked for")
            taps_before = len(station.events.of("card_tapped"))
            station.reader.tap(READER_CARD)  # a card the driver flow would accept: wrong for this account
            await until(lambda: "Tries left" in message(window), "the wrong card refused")
            station.clock.skip(5)
            await type_digits(window, PINS["operator"], qtbot)
            await until(lambda: "Tap your staff card" in message(window), "the card asked for again")
            # The account's own card, as the demo's panel taps it (present_card): the PIN goes again with it.
            assert (await station.driver.present_card(CARD)).kind == "captured"
            await until(lambda: in_shell(window), "the shell")
            assert len(station.events.of("card_tapped")) == taps_before  # no driver saw either tap
            assert session_rows(station) == 0 and station.driver.pending_card() is None
            outcomes = [r["details"]["outcome"] for r in audit_rows(station, "admin.sign_in")]
            assert outcomes == ["card_needed", "wrong_card", "card_needed", "ok"]
            assert audit_rows(station, "admin.sign_in")[-1]["details"]["card"] is True
            await press(window, "admin_exit", qtbot)
            await until(lambda: on_driver_idle(window), "idle")
            station.reader.remove()  # the first tap's card may still lie there: taken off, tapped again
            station.reader.tap(READER_CARD)  # the reader is the driver's again
            await until(lambda: window.current_screen().name == "pick", "the driver's connector choice")
            assert len(station.events.of("card_tapped")) == taps_before + 1

    run_async(scenario())


def test_the_timeout_goes_back_to_the_driver_with_the_session_still_charging(
    realtime_sim, tmp_path, qtbot, run_async
):
    sim = realtime_sim
    settings = AdminSettings(pin_delay_s=0.3, max_pin_attempts=3, lockout_s=600.0, idle_timeout_s=1.5)

    async def scenario():
        async with kiosk_with_admin(sim, tmp_path, settings, idle_timeout_s=1.0) as (window, station):
            await until(lambda: on_driver_idle(window), "the idle screen")
            await sim.ctl.call("plug", charger=0)
            first = station.driver.connectors()[0].connector_id
            await until(lambda: station.driver.connectors()[0].vehicle_present, "the car at connector 1")
            await station.driver.present_card("DEMO-0001")  # the car waiting is the driver's: it starts
            await until(lambda: window.current_screen().name == "charging", "the charging screen")
            await until(
                lambda: (s := station.runtime.sessions.open_session(first)) and s[1] == "charging", "charging"
            )
            session_id = station.runtime.sessions.open_session(first)[0]
            await until(lambda: on_driver_idle(window), "idle after the kiosk's own timeout")
            await sign_in(window, station.accounts["technician"], PINS["technician"], qtbot)
            await until(lambda: in_shell(window), "the shell")
            entered = time.monotonic()
            await press(window, "language:ms", qtbot)
            # A car arrives at the other connector: the driver's screens change, the admin mode stays.
            await sim.ctl.call("plug", charger=1)
            await until(lambda: station.driver.connectors()[1].vehicle_present, "the second car")
            await asyncio.sleep(0.3)
            assert in_shell(window)
            await until(lambda: on_driver_idle(window), "the driver's idle screen after the timeout")
            assert time.monotonic() - entered >= 1.4  # not before 1.5 s without a touch (a coarse timer)
            assert window.env.language == "en"
            assert shows(window, "Charging")  # the first connector's tile
            (out,) = await until(lambda: audit_rows(station, "admin.sign_out"), "the sign-out's audit row")
            assert out["details"] == {"reason": "timeout"} and out["actor"] == "admin:Technician One"
            open_session = station.runtime.sessions.open_session(first)
            assert open_session == (session_id, "charging")
            with session_factory(station.runtime.engine)() as db:
                row = db.get(ChargingSession, session_id)
                assert row.state == "charging" and row.ended_at is None
            status = await sim.ctl.call("status", charger=0)
            assert status["iec_state"] == "C2", status
            assert chain_intact(station)

    run_async(scenario())


@pytest.mark.parametrize("size", [(800, 480), (1280, 800)])
def test_the_pad_and_the_shell_fit_the_display_in_every_language(
    realtime_sim, tmp_path, qtbot, run_async, monkeypatch, size
):
    """Every message the pad may show and the shell's column, in each language, laid out in the
    display's window: no text cut, none too small (kiosk_ui/layout_check.py)."""
    monkeypatch.setattr(registry, "ADMIN_SCREENS", (LookScreen, MoneyScreen))
    languages = ("en", "ms", "zh_CN", "ta")

    async def scenario():
        options = {"theme": load_theme(*size), "languages": languages}
        async with kiosk_with_admin(realtime_sim, tmp_path, **options) as (window, station):
            window.resize(*size)
            await until(lambda: on_driver_idle(window), "the idle screen")
            min_px = round(MIN_TEXT_PX * window.theme.scale)
            await hold_corner(window, HOLD_S + 0.2)
            await until(lambda: on_pad(window), "the PIN pad")
            await type_digits(window, "123456", qtbot, confirm=False)
            pad = window.admin.pad
            for language in languages:
                await press(window, f"language:{language}", qtbot)
                for kind, seconds in MESSAGES:
                    pad._say(kind, seconds)  # each refusal's words, as the answers set them
                    pad.card = "04C0FFEE0001" if kind == "card_needed" else None
                    pad._show()
                    assert (window.width(), window.height()) == size
                    assert not squeezed(window, min_px), (language, kind, squeezed(window, min_px))
            await press(window, "pin_cancel", qtbot)
            await until(lambda: on_driver_idle(window), "idle")
            await sign_in(window, station.accounts["operator"], PINS["operator"], qtbot)
            await until(lambda: in_shell(window) and shows(window, "Money"), "the shell")
            for language in languages:
                await press(window, f"language:{language}", qtbot)
                await asyncio.sleep(0.05)
                assert not squeezed(window, min_px), (language, squeezed(window, min_px))

    run_async(scenario())


MESSAGES = (
    ("", 0.0),
    ("checking", 0.0),
    ("wrong", 0.0),
    ("wrong_left", 4.0),
    ("wait", 30.0),
    ("again", 0.0),
    ("locked", 900.0),
    ("card_needed", 0.0),
    ("failed", 0.0),
)


def squeezed(window, min_px):
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    return layout_problems(window, min_px)
