"""The screenshot command renders every screen for 1, 2, 4 and 8 connectors in every complete language at the
three display sizes, the admin mode (PIN pad, every admin screen in the shell, the navigation) in the kiosk
window at 800x480 and 1280x800, and finds no clipped or too-small text on any of them."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton
from sessions_support import TARIFF, station_config

from app.config import DatabaseSettings
from app.driver.auth import seed_demo_cards
from app.driver.facade import DriverFacade
from app.runtime.runtime import StationRuntime
from hal.sim.control import SimError
from kiosk_ui.admin.registry import ADMIN_SCREENS
from kiosk_ui.i18n import available_languages
from kiosk_ui.main_thread_gc import collecting_in_main_thread
from kiosk_ui.sim_panel import SimPanel
from launcher.admin_screenshots import ADMIN_SIZES, admin_shot_names
from launcher.screenshots import COMMON_SHOTS, COUNTS, SHOTS, SIZES

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "build" / "screenshots"  # kept after the run for a reviewer; build/ is not in git


def expected_shots(count: int) -> list[str]:
    """The screens the command photographs for a station of count connectors (pick only from two: with
    one the kiosk starts at once; the four-connector station shows every state)."""
    names = [name for name, _ in SHOTS] if count == 4 else list(COMMON_SHOTS)
    return [name for name in names if count > 1 or name != "pick"]


def test_every_screen_at_every_count_language_and_size_unclipped(
    sim_binary: Path,
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "launcher.screenshots", "--out", str(OUT)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=400,  # about 70 s on a two-core machine
        env=os.environ | {"EVSE_SIM": str(sim_binary), "QT_QPA_PLATFORM": "offscreen"},
    )
    languages = [lang.code for lang in available_languages()]
    assert {"en", "ms", "zh_CN"} <= set(languages)
    index = (OUT / "index.html").read_text(encoding="utf-8")
    for count in COUNTS:
        for name in expected_shots(count):
            for language in languages:
                for width, height in SIZES:
                    # The file name carries the window's real size: a screen that needed more room than
                    # the display has would have grown the window and missed its file.
                    path = OUT / f"{name}-{count}c-{language}-{width}x{height}.png"
                    assert path.is_file() and path.stat().st_size > 5000, path
                    image = QImage(str(path))
                    assert (image.width(), image.height()) == (width, height), path
                    assert path.name in index
    # The admin mode in the kiosk window at the admin sizes, on the four-connector station: the PIN pad
    # (empty, then refusing a wrong PIN), every registered screen through the shell signed in as an
    # operator, and the navigation.
    screens = [f"admin-{screen.name}" for screen in ADMIN_SCREENS]
    assert admin_shot_names() == ["admin-pin", "admin-pin_refused", *screens, "admin-navigation"]
    for name in admin_shot_names():
        for language in languages:
            for width, height in ADMIN_SIZES:
                path = OUT / f"{name}-4c-{language}-{width}x{height}.png"
                assert path.is_file() and path.stat().st_size > 5000, path
                assert (QImage(str(path)).width(), QImage(str(path)).height()) == (width, height), path
                assert path.name in index
    for language in ("en", "ms"):
        assert (OUT / f"panel-{language}-900x720.png").is_file()
        # The monthly report of the four-connector station's ledger, its first page at 150 dpi (A4).
        assert (OUT / f"report-4c-{language}-p1-1241x1754.png").is_file()
    # No text cut or too small on any screen (kiosk_ui/layout_check.py): the command exits 1 otherwise.
    clipping = (OUT / "clipping.txt").read_text(encoding="utf-8")
    assert clipping == "", clipping[:4000]
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    print(result.stdout.strip().splitlines()[-1])


@pytest.mark.sim(chargers=2, realtime_factor=4)
def test_the_simulator_panel_drives_the_simulator_and_the_card_reader(realtime_sim, tmp_path, qtbot, qapp):
    """The panel's buttons reach the simulator (plug, fault) and the facade (card taps)."""
    sim = realtime_sim
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)

    async def until(condition: Any, what: str) -> Any:
        started = time.monotonic()
        while not (result := condition()):
            assert time.monotonic() - started < 20.0, f"timed out waiting for {what}"
            await asyncio.sleep(0.05)
        return result

    async def scenario() -> None:
        config = dataclasses.replace(
            station_config(sim),
            database=DatabaseSettings(url=f"sqlite:///{tmp_path / 'l.sqlite3'}"),
            tariff=TARIFF,
        )
        runtime = StationRuntime(config)
        await runtime.start()
        seed_demo_cards(runtime.engine)
        facade = DriverFacade(runtime)
        await facade.start()
        outcomes: list[Any] = []
        unsubscribe = facade.subscribe(lambda e: outcomes.append(getattr(e, "outcome", None)))
        panel = SimPanel(sim.ctl, facade, sim.chargers, refusals=(SimError, OSError))
        panel.show()
        try:
            panel.set_language("ms")
            assert panel.findChild(QPushButton, "sim_plug:1").text() == "Sambungkan"
            qtbot.mouseClick(panel.findChild(QPushButton, "sim_plug:1"), Qt.MouseButton.LeftButton)
            await until(lambda: sim.ctl.call_sync("status", charger=1)["plugged"], "the car on charger 2")
            assert sim.ctl.call_sync("status", charger=1)["soc_pct"] in range(
                30, 40
            )  # the panel's battery level
            qtbot.mouseClick(panel.findChild(QPushButton, "sim_tap_blocked"), Qt.MouseButton.LeftButton)
            await until(
                lambda: any(o and o.reason == "blocked" for o in outcomes), "the blocked card refused"
            )
            qtbot.mouseClick(panel.findChild(QPushButton, "sim_tap_unknown"), Qt.MouseButton.LeftButton)
            await until(
                lambda: any(o and o.reason == "unknown" for o in outcomes), "the unknown card refused"
            )
            qtbot.mouseClick(panel.findChild(QPushButton, "sim_fault:0:ground"), Qt.MouseButton.LeftButton)
            events = lambda: sim.ctl.call_sync("events", charger=0)["events"]  # noqa: E731
            await until(lambda: any(e["value"] == "ground:on" for e in events()), "the ground fault")
            qtbot.mouseClick(panel.findChild(QPushButton, "sim_fault:0:ground"), Qt.MouseButton.LeftButton)
            await until(lambda: any(e["value"] == "ground:off" for e in events()), "the fault cleared")
        finally:
            unsubscribe()
            panel.close_panel()
            await facade.stop()
            await runtime.stop()

    # As the kiosk runs: cycles holding Qt objects are collected here, in the Qt thread, never by a
    # worker thread (the ledger writer) in a later test.
    with collecting_in_main_thread():
        try:
            loop.run_until_complete(scenario())
        finally:
            loop.close()
            asyncio.set_event_loop(None)
