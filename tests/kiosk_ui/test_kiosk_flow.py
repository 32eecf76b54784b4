"""The driver kiosk end to end: screens driven like a driver would, against the simulator and the facade."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
import qasync
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from sessions_support import TARIFF, station_config

from app.config import DatabaseSettings, KioskSettings
from app.db.engine import session_factory
from app.db.models import ChargingSession
from app.driver.auth import seed_demo_cards
from app.driver.facade import DriverFacade
from app.runtime.runtime import StationRuntime
from app.sessions.service import SessionTiming
from kiosk_ui.app import KioskWindow
from kiosk_ui.i18n import I18N_DIR
from kiosk_ui.layout_check import layout_problems
from kiosk_ui.main_thread_gc import collecting_in_main_thread
from kiosk_ui.theme import MIN_CONTRAST, MIN_TEXT_PX, load_theme, touch_target_px

HELPLINE = "03-1234 5678"
PLUG_TIMEOUT_S = 6.0
TIMING = SessionTiming(
    sample_interval_s=0.5, flush_interval_s=1.0, plug_timeout_s=PLUG_TIMEOUT_S, stop_timeout_s=5.0
)
CARD, BLOCKED, UNKNOWN = "DEMO-0001", "DEMO-BLOCKED", "NOT-ON-THE-LIST"
WAIT_S = 20.0  # generous: the machine runs other work beside the tests


@pytest.fixture(scope="module", autouse=True)
def translations_built() -> None:
    """The set-up builds the .qm files (scripts/setup.sh); a fresh checkout run straight from pytest
    builds them here the same way."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in I18N_DIR.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)


@pytest.fixture(scope="module")
def qt_loop(qapp: Any) -> Iterator[qasync.QEventLoop]:
    """One qasync loop in the Qt application for the module, as run_kiosk runs one; closed at the end."""
    qapp.setQuitOnLastWindowClosed(False)  # closing the kiosk window must not end the loop under the test
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    with collecting_in_main_thread():  # as run_kiosk does
        yield loop
        # Closed inside: the final collection, here in the Qt thread, takes the loop's Qt objects with
        # it. Closed after, their cycles would be collected later by whichever thread allocates (a
        # ledger writer in a later test), and Qt objects destroyed outside their thread crash.
        # Widgets the tests closed with deleteLater() go now, while their loop and thread are alive.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture
def run_async(qt_loop: qasync.QEventLoop) -> Callable[[Coroutine[Any, Any, Any]], Any]:
    return qt_loop.run_until_complete


@contextlib.asynccontextmanager
async def kiosk(
    sim: Any,
    tmp_path: Path,
    settings: dict[str, Any] | None = None,
    station: dict[str, Any] | None = None,
    **window: Any,
) -> AsyncIterator[tuple[KioskWindow, StationRuntime]]:
    """The station on the simulator with its kiosk at 800x480; settings: [kiosk] values over the
    tests' own, station: StationConfig values (station_name, tariff...), window: KioskWindow's."""
    database = DatabaseSettings(url=f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    config = dataclasses.replace(station_config(sim), database=database, tariff=TARIFF)
    config = dataclasses.replace(config, **(station or {}))
    runtime = StationRuntime(config, timing=TIMING)
    await runtime.start()
    seed_demo_cards(runtime.engine)
    kiosk_settings = {"helpline": HELPLINE, "languages": ("en", "ms", "zh_CN")} | (settings or {})
    facade = DriverFacade(runtime, kiosk=KioskSettings(**kiosk_settings))
    await facade.start()
    options = {"plug_timeout_s": PLUG_TIMEOUT_S, "message_s": 2.0, "idle_timeout_s": 30.0} | window
    view = KioskWindow(facade, **({"theme": load_theme(800, 480)} | options))
    view.resize(800, 480)
    view.show()
    try:
        yield view, runtime
    finally:
        view.close_kiosk()
        view.close()
        view.deleteLater()
        await facade.stop()
        await runtime.stop()


def texts(window: KioskWindow) -> list[str]:
    """Every text a driver can see now: visible labels and buttons of the header and the current screen."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and isinstance(widget, QLabel | QAbstractButton) and widget.text():
            # A no-break space glues a connector's number to its word (kiosk_ui/texts.py with_number);
            # a button's words may wrap onto lines of their own (kiosk_ui/screen.py WrappingButton).
            text = widget.text().replace("\u00a0", " ")
            if isinstance(widget, QAbstractButton):
                text = text.replace("\n", " ")
            found.extend(line for line in text.split("\n") if line)
    return found


def shows(window: KioskWindow, text: str) -> bool:
    return any(text in line for line in texts(window))


async def until(condition: Callable[[], Any], what: str, timeout_s: float = WAIT_S) -> Any:
    started = time.monotonic()
    while not (result := condition()):
        if time.monotonic() - started > timeout_s:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)
    return result


async def on_screen(window: KioskWindow, name: str, *visible: str) -> None:
    try:
        await until(lambda: window.current_screen().name == name, f"the {name} screen")
    except AssertionError as error:
        raise AssertionError(f"{error}; on {window.current_screen().name}: {texts(window)}") from None
    for text in visible:
        await until(lambda t=text: shows(window, t), f"{text!r} on the {name} screen: {texts(window)}")
    assert window.findChild(QWidget, "language:ms").isVisible()  # a language switch on every screen


async def tap(window: KioskWindow, object_name: str, qtbot: Any) -> None:
    """A finger on the button (a real mouse press and release through Qt's event system)."""

    def ready() -> QAbstractButton | None:
        target = window.findChild(QAbstractButton, object_name)
        return target if target is not None and target.isVisible() and target.isEnabled() else None

    qtbot.mouseClick(await until(ready, f"the button {object_name}"), Qt.MouseButton.LeftButton)


def value(window: KioskWindow, object_name: str) -> str:
    return window.findChild(QLabel, object_name).text().replace("\u00a0", " ")


def energy_shown(window: KioskWindow) -> str | None:
    """The energy tile's text once it shows more than nothing."""
    text = value(window, "value:energy")
    return text if text and not text.startswith("0.00") else None


def ended_session(runtime: StationRuntime, session_id: int) -> ChargingSession:
    with session_factory(runtime.engine)() as db:
        row = db.get(ChargingSession, session_id)
        assert row is not None and row.state == "ended", row
        return row


WORDS = {
    "en": {
        "start": "Tap your card to start",
        "available": "Available",
        "pick": "Choose a connector",
        "plug": "Plug in at connector 1",
        "charging": "Charging",
        "stop": "Stop charging",
        "done": "Session ended",
        "so_far": "Cost so far",
        "total": "Total: RM",
    },
    "ms": {
        "start": "Sentuh kad untuk bermula",
        "available": "Tersedia",
        "pick": "Pilih penyambung",
        "plug": "Sambungkan kabel pada penyambung 1",
        "charging": "Mengecas",
        "stop": "Hentikan pengecasan",
        "done": "Sesi tamat",
        "so_far": "Kos setakat ini",
        "total": "Jumlah: RM",
    },
    "zh_CN": {
        "start": "刷卡开始充电",
        "available": "可用",
        "pick": "请选择充电枪",
        "plug": "请在充电枪 1 插枪",
        "charging": "充电中",
        "stop": "停止充电",
        "done": "充电已结束",
        "so_far": "目前费用",
        "total": "合计：RM",
    },
}


@pytest.mark.parametrize("language", ["en", "ms", "zh_CN"])
@pytest.mark.sim(chargers=2, realtime_factor=4)
def test_a_driver_charges_from_card_to_summary(realtime_sim, tmp_path, qtbot, run_async, language):
    sim, words = realtime_sim, WORDS[language]

    async def scenario() -> None:
        async with kiosk(sim, tmp_path) as (window, runtime):
            await tap(window, f"language:{language}", qtbot)
            await on_screen(window, "idle", words["start"], words["available"], "RM")
            await window.env.facade.present_card(CARD)
            await on_screen(window, "pick", words["pick"])
            connector = window.screens["pick"].context["ready"][0]
            await tap(window, f"pick:{connector}", qtbot)
            await on_screen(window, "plug", words["plug"])
            await sim.ctl.call("plug", charger=0)
            await on_screen(window, "charging", words["charging"], words["so_far"], words["stop"])
            first = await until(lambda: energy_shown(window), "energy on screen")
            await until(lambda: value(window, "value:energy") != first, "the energy to rise on screen")
            assert "0.0 kW" not in value(window, "value:power")
            await until(lambda: "RM" in value(window, "cost"), "the cost so far")
            await window.env.facade.present_card(CARD)  # the same card stops the session
            await on_screen(window, "summary", words["done"], words["total"])
            session_id = window.screens["summary"].summary.session_id
            row = ended_session(runtime, session_id)
            assert row.energy_Wh > 0 and row.stop_reason == "Local"
            kwh = window.env.translations.locale.toString(row.energy_Wh / 1000, "f", 3)
            assert kwh in value(window, "summary_energy")
            await tap(window, "summary_done", qtbot)
            await on_screen(window, "idle", words["start"])

    run_async(scenario())


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_no_car_within_the_plug_timeout_ends_the_authorisation(realtime_sim, tmp_path, qtbot, run_async):
    async def scenario() -> None:
        async with kiosk(realtime_sim, tmp_path) as (window, runtime):
            await on_screen(window, "idle", "Available")
            await window.env.facade.present_card(CARD)  # one connector ready: no choice to make
            await on_screen(window, "plug", "Plug in at connector 1", "Time left to plug in")
            session_id = window.screens["plug"].context["session_id"]
            await on_screen(window, "plug", "No car was plugged in")
            row = ended_session(runtime, session_id)
            assert row.energy_Wh == 0 and row.cost_total_minor == 0
            await on_screen(window, "idle", "Available")

    run_async(scenario())


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_a_fault_mid_session_shows_the_fault_screen(realtime_sim, tmp_path, qtbot, run_async):
    sim = realtime_sim

    async def scenario() -> None:
        async with kiosk(sim, tmp_path) as (window, runtime):
            await sim.ctl.call("plug", charger=0)  # the car is already plugged in: straight to charging
            await on_screen(window, "idle", "Car plugged in: tap card")
            await window.env.facade.present_card(CARD)
            await on_screen(window, "charging", "Charging")
            session_id = window.screens["charging"].context["session_id"]
            await until(lambda: energy_shown(window), "energy on screen")
            await sim.ctl.call("fault", charger=0, kind="ground", active=True)
            await on_screen(window, "fault", "Connector 1 has a fault", HELPLINE)
            connector = window.env.facade.connectors()[0].connector_id
            await until(lambda: runtime.sessions.open_session(connector) is None, "the session to end")
            row = ended_session(runtime, session_id)
            assert row.energy_Wh > 0 and row.cost_total_minor > 0  # the energy delivered is billed, not lost

    run_async(scenario())


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_bad_cards_and_inactivity_keep_the_session(realtime_sim, tmp_path, qtbot, run_async):
    sim = realtime_sim

    async def scenario() -> None:
        async with kiosk(sim, tmp_path, idle_timeout_s=3.0) as (window, runtime):
            await on_screen(window, "idle", "Available")
            await window.env.facade.present_card(UNKNOWN)
            await on_screen(window, "authorise", "This card is not known here.", HELPLINE)
            await window.env.facade.present_card(BLOCKED)
            await on_screen(window, "authorise", "This card is blocked.")
            await on_screen(window, "idle", "Available")  # the message goes away by itself
            await window.env.facade.present_card(CARD)
            await on_screen(window, "plug")
            await sim.ctl.call("plug", charger=0)
            await on_screen(window, "charging", "Charging")
            started = time.monotonic()
            # A touch, then nobody: back to idle in the default language.
            await tap(window, "language:ms", qtbot)
            await on_screen(window, "charging", "Mengecas")
            # Its only connector is busy: idle says so instead of inviting a card.
            await on_screen(window, "idle", "Charging", "Every connector is in use")
            # Not before the 3 s without a touch (a coarse Qt timer may fire up to 5 % early).
            assert time.monotonic() - started >= 2.8
            connector = window.env.facade.connectors()[0].connector_id
            open_session = runtime.sessions.open_session(connector)
            assert open_session is not None and open_session[1] == "charging"  # the session runs on
            await sim.ctl.call("unplug", charger=0)  # unplugging ends it
            await until(lambda: runtime.sessions.open_session(connector) is None, "the session to end")
            assert ended_session(runtime, open_session[0]).stop_reason == "EVDisconnected"

    run_async(scenario())


def test_theme_contrast_and_touch_targets():
    theme = load_theme(800, 480, physical_dpi=133.0)  # the official 7" display
    report = theme.contrast_report()
    assert len(report) >= 10
    for foreground, background, ratio in report:
        print(f"contrast {foreground} on {background}: {ratio:.1f}:1")
        assert ratio >= MIN_CONTRAST, (foreground, background, ratio)
    assert theme.touch_px == 53  # 10 mm at 133 DPI
    assert touch_target_px(96.0, 10.0, 52) == 52  # the floor where a panel reports a low DPI
    assert touch_target_px(float("nan"), 10.0, 52) == 52
    assert load_theme(1920, 1080, physical_dpi=96.0).type_px["body"] > theme.type_px["body"]


@pytest.mark.parametrize("size", [(800, 480), (1280, 800), (1920, 1080)])
@pytest.mark.sim(chargers=2, realtime_factor=1)
def test_every_screen_fits_the_display(realtime_sim, tmp_path, qtbot, run_async, size):
    """Each screen laid out in the display's window: no text cut in either direction, none too small
    (the screenshots check every state and language the same way: launcher/screenshots.py)."""

    async def scenario() -> None:
        async with kiosk(realtime_sim, tmp_path, theme=load_theme(*size)) as (window, _):
            window.resize(*size)
            await on_screen(window, "idle", "Available")
            min_px = round(MIN_TEXT_PX * window.theme.scale)
            for name in window.screens:
                window.show_screen(name, {"connector_id": window.env.facade.connectors()[0].connector_id})
                await asyncio.sleep(0.05)
                assert (window.width(), window.height()) == size, name  # the window never grows
                assert not layout_problems(window, min_px), (name, layout_problems(window, min_px))
            window.show_screen("idle", {})

    run_async(scenario())
