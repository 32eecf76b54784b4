"""The driver kiosk when its card reader fails: unplugged, a card pulled away mid-read, lost mid-session."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
import test_kiosk_flow
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractButton, QWidget
from sessions_support import TARIFF, station_config
from sqlalchemy import select
from test_kiosk_flow import (
    HELPLINE,
    PLUG_TIMEOUT_S,
    TIMING,
    ended_session,
    energy_shown,
    on_screen,
    shows,
    tap,
    texts,
    until,
    value,
)

from app.config import DatabaseSettings, KioskSettings
from app.db.engine import session_factory
from app.db.models import ChargingSession
from app.db.models_station import IdTag
from app.driver.facade import DriverFacade
from app.runtime.runtime import StationRuntime
from hal.card_readers.base import CARD_REMOVED_MID_READ, VirtualCardReader
from kiosk_ui.app import KioskWindow
from kiosk_ui.layout_check import layout_problems
from kiosk_ui.theme import MIN_TEXT_PX, load_theme

# The set-up of tests/kiosk_ui/test_kiosk_flow.py: one qasync loop for the module, the .qm files built.
qt_loop = test_kiosk_flow.qt_loop
run_async = test_kiosk_flow.run_async
translations_built = test_kiosk_flow.translations_built

CARD = "04A1B2C3D4E5F6"  # a UID as the reader reports it, on the station's local list
# The kiosk's own words for the reader problems (kiosk_ui/texts.py reader_text) and the idle screen's.
UNPLUGGED = {
    "en": "The card reader is not working. Charging cannot start now.",
    "ms": "Pembaca kad tidak berfungsi. Pengecasan tidak boleh dimulakan sekarang.",
}
REMOVED_EARLY = "The card was removed too soon. Hold it still and try again."
HOW_TO_START = "Tap your card to start"
CANNOT_START = "Cannot start now"  # the free connector's tile while no card can be read


@contextlib.asynccontextmanager
async def kiosk_with_reader(
    sim: Any, tmp_path: Path
) -> AsyncIterator[tuple[KioskWindow, StationRuntime, VirtualCardReader]]:
    """The kiosk of tests/kiosk_ui/test_kiosk_flow.py, its facade reading cards from a virtual reader (no
    debounce: each tap of a test is meant)."""
    database = DatabaseSettings(url=f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    config = dataclasses.replace(station_config(sim), database=database, tariff=TARIFF)
    runtime = StationRuntime(config, timing=TIMING)
    reader = VirtualCardReader(debounce_s=0.0)
    await runtime.start()
    with session_factory(runtime.engine).begin() as db:
        db.add(IdTag(id_tag=CARD, status="Accepted"))
    settings = KioskSettings(helpline=HELPLINE, languages=("en", "ms"))
    facade = DriverFacade(runtime, card_reader=reader, kiosk=settings)
    await facade.start()
    view = KioskWindow(
        facade,
        theme=load_theme(800, 480),
        plug_timeout_s=PLUG_TIMEOUT_S,
        message_s=2.0,
        idle_timeout_s=30.0,
    )
    view.resize(800, 480)
    view.show()
    try:
        yield view, runtime, reader
    finally:
        view.close_kiosk()
        view.close()
        view.deleteLater()
        await facade.stop()
        await runtime.stop()


def ledger_sessions(runtime: StationRuntime) -> list[tuple[Any, ...]]:
    """Every session row of the ledger, as the facts that matter here."""
    with session_factory(runtime.engine)() as db:
        rows = db.scalars(select(ChargingSession).order_by(ChargingSession.id)).all()
        return [(r.id, r.id_tag, r.state, r.energy_Wh, r.ended_at) for r in rows]


def start_button(window: KioskWindow) -> QAbstractButton:
    return window.findChild(QAbstractButton, "start")


def on_charging(window: KioskWindow) -> bool:
    return window.current_screen().name == "charging"


def squeezed(window: KioskWindow) -> list[str]:
    """Texts of the window cut on screen at 800x480, or too small (kiosk_ui/layout_check.py), once the
    layouts have caught up with the texts just set."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    return layout_problems(window, MIN_TEXT_PX)


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_an_unplugged_reader_is_shown_on_idle_until_it_is_back(realtime_sim, tmp_path, qtbot, run_async):
    async def scenario() -> None:
        async with kiosk_with_reader(realtime_sim, tmp_path) as (window, runtime, reader):
            await on_screen(window, "idle", "Available", HOW_TO_START)
            assert start_button(window).isVisible()
            assert not squeezed(window), squeezed(window)
            reader.unplug()
            await on_screen(window, "idle", UNPLUGGED["en"], f"Helpline: {HELPLINE}", CANNOT_START)
            # No start is offered, not even a disabled one, and no tile says "Available".
            assert not start_button(window).isVisible()
            assert not shows(window, "Available"), texts(window)
            assert not shows(window, HOW_TO_START), texts(window)
            assert not squeezed(window), squeezed(window)
            await tap(window, "language:ms", qtbot)  # the message is translated like the rest
            await on_screen(window, "idle", UNPLUGGED["ms"], "Talian bantuan", "Tidak boleh mula sekarang")
            assert not squeezed(window), squeezed(window)
            await tap(window, "language:en", qtbot)
            await on_screen(window, "idle", UNPLUGGED["en"])
            assert ledger_sessions(runtime) == []
            reader.plug()
            await on_screen(window, "idle", HOW_TO_START, "Available")
            assert start_button(window).isVisible()
            assert not shows(window, UNPLUGGED["en"]) and not shows(window, CANNOT_START), texts(window)
            reader.tap(CARD)  # and cards are read again
            await on_screen(window, "plug", "Plug in at connector 1")
            assert [row[1] for row in ledger_sessions(runtime)] == [CARD]

    run_async(scenario())


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_a_card_removed_mid_read_is_explained_and_opens_nothing(realtime_sim, tmp_path, qtbot, run_async):
    async def scenario() -> None:
        async with kiosk_with_reader(realtime_sim, tmp_path) as (window, runtime, reader):
            await on_screen(window, "idle", "Available", HOW_TO_START)
            before = ledger_sessions(runtime)
            reader.fail("the card left before its UID was read", CARD_REMOVED_MID_READ)
            await on_screen(window, "authorise", REMOVED_EARLY, HELPLINE)
            assert ledger_sessions(runtime) == before == []
            assert window.env.facade.pending_card() is None  # no half-authorised card waits either
            await on_screen(window, "idle", HOW_TO_START)  # the message goes away by itself
            assert start_button(window).isVisible()  # the reader itself is fine
            assert ledger_sessions(runtime) == before
            reader.tap(CARD)  # the driver holds the card still this time
            await on_screen(window, "plug", "Plug in at connector 1")
            [(_, tag, state, _, ended_at)] = ledger_sessions(runtime)
            assert (tag, ended_at) == (CARD, None) and state != "ended"

    run_async(scenario())


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_a_reader_unplugged_mid_session_leaves_the_session_running(realtime_sim, tmp_path, qtbot, run_async):
    sim = realtime_sim

    async def scenario() -> None:
        async with kiosk_with_reader(sim, tmp_path) as (window, runtime, reader):
            await on_screen(window, "idle", "Available", HOW_TO_START)
            reader.tap(CARD)
            await on_screen(window, "plug", "Plug in at connector 1")
            session_id = window.screens["plug"].context["session_id"]
            await sim.ctl.call("plug", charger=0)
            await on_screen(window, "charging", "Charging", "Stop charging")
            await until(lambda: energy_shown(window), "energy on screen")
            reader.unplug()  # delivered at once: the kiosk has had its say when this returns
            at_unplug = value(window, "value:energy")
            # The driver stays on the live values while the energy keeps rising.
            await until(
                lambda: not on_charging(window) or value(window, "value:energy") != at_unplug,
                "the energy to rise on screen",
            )
            assert on_charging(window), texts(window)
            # The hint no longer offers the card: Stop and unplugging still end the session.
            assert shows(window, "To stop: press Stop or unplug."), texts(window)
            assert not shows(window, "tap your card"), texts(window)
            await asyncio.sleep(2.5)  # longer than a message screen stays (message_s): nothing took over
            assert on_charging(window), texts(window)
            [(row_id, tag, state, _, ended_at)] = ledger_sessions(runtime)
            assert (row_id, tag, ended_at) == (session_id, CARD, None) and state != "ended"
            assert window.findChild(QWidget, "stop").isVisible()
            await tap(window, "stop", qtbot)  # the card cannot be read: the on-screen Stop still works
            await on_screen(window, "summary", "Session ended", "You stopped charging.", "Total: RM")
            row = ended_session(runtime, session_id)
            assert row.energy_Wh > 0 and row.cost_total_minor > 0 and row.stop_reason == "Local"
            await tap(window, "summary_done", qtbot)
            await on_screen(window, "idle", UNPLUGGED["en"])  # still unplugged: idle says so
            assert not start_button(window).isVisible()

    run_async(scenario())
