"""The admin overview screen on the running station: it shows what the simulated chargers report, a
refresh rewrites the same labels (no widget made again), a fault shows by name, and nothing is cut at
800x480 in English or Malay."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
import qasync
from admin_station import PINS, admin_station
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

from kiosk_ui.admin.admin_screen import AdminEnv
from kiosk_ui.admin.overview import OverviewScreen
from kiosk_ui.admin.registry import ADMIN_SCREENS
from kiosk_ui.app import KioskWindow
from kiosk_ui.layout_check import layout_problems
from kiosk_ui.main_thread_gc import collecting_in_main_thread
from kiosk_ui.theme import MIN_TEXT_PX, load_theme

pytest_plugins = ["admin_qt"]  # the .qm files built, one qasync loop for the module
pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


@pytest.fixture
def qt_loop(qapp: Any) -> Iterator[qasync.QEventLoop]:
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    with collecting_in_main_thread():
        yield loop
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        loop.close()
        asyncio.set_event_loop(None)


async def until(condition: Any, what: str, timeout_s: float = 20.0) -> Any:
    started = time.monotonic()
    while not (result := condition()):
        assert time.monotonic() - started < timeout_s, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)
    return result


def text(window: QWidget, name: str) -> str:
    found = window.findChild(QLabel, name)
    return found.text() if found is not None and found.isVisible() else ""


def test_the_overview_is_registered_first():
    assert ADMIN_SCREENS[0] is OverviewScreen and OverviewScreen.min_role == "viewer"


def test_the_overview_shows_the_station_and_updates_in_place(realtime_sim, tmp_path, qt_loop):
    ctl = realtime_sim.ctl

    async def scenario() -> None:
        async with admin_station(realtime_sim, tmp_path) as station:
            viewer = (await station.operators.sign_in(station.accounts["viewer"], PINS["viewer"])).operator
            window = KioskWindow(
                station.driver, theme=load_theme(800, 480), languages=("en", "ms"), idle_timeout_s=3600.0
            )
            window.resize(800, 480)
            window.show()
            screen = OverviewScreen(AdminEnv(window.env, station.operators, viewer))
            try:
                # Hosted as the shell hosts it: in place of the driver's screens, under the header.
                window.stack.addWidget(screen)
                window.stack.setCurrentWidget(screen)
                screen.enter({})
                await until(lambda: "Online" in text(window, "overview_link:CP01"), "the cards")
                assert text(window, "overview_state:CP00/1").startswith("Connector 1 · A: no vehicle")
                assert text(window, "overview_reason:CP00/1") == "Balancer: no vehicle"
                assert text(window, "overview_site:L1") == "L1: 0.0 of 63.0 A"
                assert "Firmware 0.1.0" in text(window, "overview_detail:CP00")
                assert text(window, "overview_central") == "Central system: none configured"
                labels = {id(w) for w in screen.findChildren(QLabel)}
                cards = len(screen.cards)

                # A car charging: the same labels show its offer, its pilot state and the balancer's reason.
                await ctl.call("plug", charger=0, soc_pct=20)
                await station.runtime.sessions.authorise("CP00/1", "DEMO-0001")
                await until(
                    lambda: (
                        "C: charging" in text(window, "overview_state:CP00/1")
                        and "Offered 32.0 A" in text(window, "overview_current:CP00/1")
                    ),
                    "CP00 charging on screen",
                )
                sim = await ctl.call("status", charger=0)
                assert sim["iec_state"] == "C2" and abs(sim["offered_mA"] - 32000) <= 100
                assert text(window, "overview_reason:CP00/1") == (
                    "Balancer: 32.0 A, the most this car and cable take"
                )
                await until(lambda: not text(window, "overview_site:L1").startswith("L1: 0.0 "), "site load")

                # A fault injected in the simulator: by its catalogue name, in the same labels.
                await ctl.call("fault", charger=1, kind="ground", active=True)
                await until(
                    lambda: text(window, "overview_faults:CP01/1") == "Faults: Protective earth missing",
                    "fault",
                )
                assert "F: not available" in text(window, "overview_state:CP01/1")
                before = screen.refreshes
                await until(lambda: screen.refreshes >= before + 2, "two more refreshes of its own timer")
                assert {id(w) for w in screen.findChildren(QLabel)} == labels and len(screen.cards) == cards

                min_px = round(MIN_TEXT_PX * window.theme.scale)
                assert layout_problems(window, min_px) == []
                window.set_language("ms")
                screen.retranslate()
                await asyncio.sleep(0.1)
                assert text(window, "overview_reason:CP00/1").startswith("Pengimbang:")
                assert layout_problems(window, min_px) == []

                screen.leave()
                count = screen.refreshes
                await asyncio.sleep(1.5)
                assert screen.refreshes == count  # its timer stopped with leave()
                await ctl.call("fault", charger=1, kind="ground", active=False)
            finally:
                screen.leave()
                window.close_kiosk()
                window.close()
                window.deleteLater()

    qt_loop.run_until_complete(scenario())
