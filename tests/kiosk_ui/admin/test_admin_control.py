"""The Control screen on the running station: a technician picks a connector and taps through the actions
(preset reasons, confirmations); the simulated charger, the driver's side and the audit log change; a
viewer is refused; every language fits 800x480 and 1280x800."""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
from admin_station import PINS, admin_station
from driver_station import card
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from app.db import session_factory, verify_audit_chain
from kiosk_ui.admin.admin_screen import AdminEnv
from kiosk_ui.admin.control import ControlScreen
from kiosk_ui.admin.registry import ADMIN_SCREENS
from kiosk_ui.i18n import Translations, available_languages
from kiosk_ui.layout_check import layout_problems
from kiosk_ui.screen import KioskEnv
from kiosk_ui.theme import MIN_TEXT_PX, load_theme

pytest_plugins = ["admin_qt"]  # the .qm files built, one qasync loop for the module
pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
A, B = "CP00/1", "CP01/1"
WAIT_S = 15.0


async def until(condition: Any, what: str, timeout_s: float = WAIT_S) -> Any:
    started = time.monotonic()
    while not (result := condition()):
        if time.monotonic() - started > timeout_s:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)
    return result


def tap(screen: ControlScreen, name: str) -> None:
    widget = screen.findChild(QPushButton, name)
    assert widget is not None, name
    assert widget.isVisible() and widget.isEnabled(), f"{name} cannot be tapped"
    widget.click()


def result_text(screen: ControlScreen) -> str:
    return screen.result.text()


class Harness:
    """The Control screen in the kiosk's theme on a signed-in technician, at a size."""

    def __init__(self, station: Any, operator: Any, size: tuple[int, int] = (800, 480)) -> None:
        self.translations = Translations(available_languages())
        theme = load_theme(*size)
        kiosk = KioskEnv(station.driver, theme, self.translations, 60.0, 2.0)
        self.env = AdminEnv(kiosk, station.operators, operator)
        self.screen = ControlScreen(self.env)
        self.screen.setStyleSheet(theme.stylesheet())
        self.screen.resize(*size)
        self.screen.show()
        self.screen.enter({})
        # The admin shell's refresh tick (visible screen only).
        self.tick = QTimer()
        self.tick.timeout.connect(self.screen.refresh)
        self.tick.start(300)

    def close(self) -> None:
        self.tick.stop()
        self.translations.set_language("en")
        self.screen.close()
        self.screen.deleteLater()


def test_the_control_screen_is_registered_for_technicians() -> None:
    assert ControlScreen in ADMIN_SCREENS
    assert (ControlScreen.name, ControlScreen.min_role) == ("control", "technician")


def test_a_technician_taps_through_the_actions(realtime_sim, tmp_path, qt_loop) -> None:
    sim = realtime_sim

    async def scenario() -> None:
        async with admin_station(sim, tmp_path) as station:
            tech = (
                await station.operators.sign_in(station.accounts["technician"], PINS["technician"])
            ).operator
            ui = Harness(station, tech)
            screen = ui.screen
            try:
                await until(lambda: len(screen.card_buttons) == 2, "the connector cards")
                # Out of service with a preset reason: the driver's card follows, the audit row is written.
                tap(screen, f"control_card:{B}")
                assert "Charger CP01" in screen.detail.text()
                tap(screen, "control_availability")
                assert {"maintenance", "fault", "cleaning", "other"} == set(screen.choice_buttons)
                tap(screen, "control_choice:maintenance")
                await until(lambda: "is out of service" in result_text(screen), "out of service")
                assert card(station.driver, B).state == "unavailable"
                await until(lambda: "Out of service" in screen.card_buttons[B].text(), "the card repainted")
                assert screen.availability.text() == "Put back in service"
                # Restart, after a confirmation: the simulated charger boots again.
                boots = (await sim.ctl.call("status", charger=0))["boot_count"]
                tap(screen, f"control_card:{A}")
                tap(screen, "control_restart")
                assert "Restart charger CP00?" in screen.confirm_prompt.text()
                tap(screen, "control_confirm")
                await until(lambda: "restarting" in result_text(screen), "restart answered")
                await until(
                    lambda: sim.ctl.call_sync("status", charger=0)["boot_count"] == boots + 1, "reboot"
                )
                await until(lambda: card(station.driver, A).state == "available", "CP00 back")
                # A tripped RCD: the self-test page names each test, then the faults are cleared.
                await sim.ctl.call("fault", charger=0, kind="rcd", active=True)
                await until(lambda: not screen.busy and screen.self_test.isEnabled(), "idle")
                tap(screen, "control_self_test")
                await until(lambda: screen.stack.currentIndex() == 3, "the self-test page")
                outcome = screen.findChild(type(screen.detail), "control_test:rcd")
                assert outcome.text() == "Failed" and "failed" in screen.tests_title.text()
                assert screen.findChild(type(screen.detail), "control_test:lock").text() == "Passed"
                assert screen.findChild(type(screen.detail), "control_test:pilot_low").text() == "Not run"
                assert not layout_problems(screen, MIN_TEXT_PX)
                tap(screen, "control_tests_done")
                await sim.ctl.call("fault", charger=0, kind="rcd", active=False)
                for fault in ("RCD_TRIP", "SELF_TEST_FAILED"):
                    await until(
                        lambda f=fault: f in (screen.current().clearable if screen.current() else ()),
                        f"{fault}",
                    )
                    await until(lambda: screen.clear.isEnabled(), "clear enabled")
                    tap(screen, "control_clear")
                    tap(screen, f"control_choice:{fault}")
                    await until(lambda: "Fault cleared" in result_text(screen), f"{fault} cleared")
                    screen.result.setText("")
                await until(lambda: sim.ctl.call_sync("status", charger=0)["faults"] == 0, "faults cleared")
                # Back in service without a reason asked.
                tap(screen, f"control_card:{B}")
                tap(screen, "control_availability")
                await until(lambda: "back in service" in result_text(screen), "back in service")
                assert card(station.driver, B).state == "available"
                actions = [r["action"] for r in station.audit(200) if r["action"].startswith("control.")]
                assert actions == [
                    "control.set_available",
                    "control.restart_charger",
                    "control.self_test",
                    "control.clear_fault",
                    "control.clear_fault",
                    "control.set_available",
                ]
                with session_factory(station.runtime.engine)() as db:
                    assert verify_audit_chain(db).intact
            finally:
                ui.close()

    qt_loop.run_until_complete(scenario())


def test_a_viewer_is_told_no_and_every_language_fits(realtime_sim, tmp_path, qt_loop) -> None:
    sim = realtime_sim

    async def scenario() -> None:
        async with admin_station(sim, tmp_path) as station:
            viewer = (await station.operators.sign_in(station.accounts["viewer"], PINS["viewer"])).operator
            await sim.ctl.call("plug", charger=1)
            await until(lambda: sim.ctl.call_sync("status", charger=1)["lock"], "locked")
            ui = Harness(station, viewer)
            screen = ui.screen
            try:
                await until(lambda: len(screen.card_buttons) == 2, "the connector cards")
                tap(screen, f"control_card:{B}")
                tap(screen, "control_unlock")
                await until(lambda: "Your role may not do this" in result_text(screen), "the refusal")
                assert sim.ctl.call_sync("status", charger=1)["lock"] is True
                for size in ((800, 480), (1280, 800)):
                    screen.setStyleSheet(load_theme(*size).stylesheet())
                    screen.resize(*size)
                    for language in ui.translations.languages:
                        ui.translations.set_language(language.code)
                        await asyncio.sleep(0.05)  # the loop is Qt's: the language change is handled
                        for page in range(4):
                            screen.stack.setCurrentIndex(page)
                            if page == 1:
                                screen._choose(
                                    screen.tr("Why stop the session on connector %1?"),
                                    ["maintenance", "fault", "cleaning", "other"],
                                    lambda _k: None,
                                )
                            await asyncio.sleep(0.05)
                            problems = layout_problems(screen, MIN_TEXT_PX)
                            assert not problems, (size, language.code, page, problems)
                        screen.stack.setCurrentIndex(0)
            finally:
                ui.close()

    qt_loop.run_until_complete(scenario())
