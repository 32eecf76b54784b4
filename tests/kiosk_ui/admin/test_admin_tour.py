"""A technician's whole visit on the real station and simulator, through the kiosk window as it ships: the
corner gesture and the PIN, every registered screen reached by the shell's navigation with one real action
on each, the shell's refresh ticking meanwhile without an error, Exit; the tour's audit rows are in the
ledger and the chain holds; every page visited fits 800x480 (docs/admin.md "Screens")."""

from __future__ import annotations

import asyncio
import logging

import admin_kiosk
import pytest
from admin_kiosk import in_shell, kiosk_with_admin, on_driver_idle, press, shows, sign_in, until
from admin_station import PINS
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from app.config import AdminSettings
from app.db import session_factory, verify_audit_chain
from kiosk_ui.admin import registry
from kiosk_ui.admin.analytics_pages import SCREEN_PARTS
from kiosk_ui.layout_check import layout_problems
from kiosk_ui.theme import MIN_TEXT_PX

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)

qt_loop = admin_kiosk.qt_loop
run_async = admin_kiosk.run_async
translations_built = admin_kiosk.translations_built

A, B = "CP00/1", "CP01/1"
TICKS_S = 1.2  # on each screen at least one of the shell's refresh ticks (once a second)
LANGUAGES = ("en", "ms", "zh_CN", "ta")  # every kiosk language


def fits(window) -> list[str]:
    """What the layout check finds in the window as the display paints it (after pending layouts)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    return layout_problems(window, MIN_TEXT_PX)


async def fits_in_every_language(window, qtbot, where: str) -> None:
    """The page on screen in each kiosk language through the header's buttons, then English again; every
    problem found is reported with the page and the language."""
    problems = []
    for language in (*LANGUAGES[1:], LANGUAGES[0]):
        await press(window, f"language:{language}", qtbot)
        await asyncio.sleep(0.1)  # the LanguageChange events and what they repaint
        problems += [f"{where} {language}: {p}" for p in fits(window)]
    assert problems == [], "\n".join(problems)


def test_a_technician_tours_every_screen_and_leaves(realtime_sim, tmp_path, qtbot, run_async, caplog):
    caplog.set_level(logging.WARNING)
    sim = realtime_sim
    stick = tmp_path / "usb"
    stick.mkdir()
    settings = AdminSettings(pin_delay_s=0.3, max_pin_attempts=4, lockout_s=600.0, export_dir=str(stick))
    visited: list[str] = []

    async def scenario():
        options = {"idle_timeout_s": 1.0, "languages": LANGUAGES}
        async with kiosk_with_admin(sim, tmp_path, settings, **options) as (window, station):
            await until(lambda: on_driver_idle(window), "the idle screen")
            # A driver charging on connector 1 while the technician works: never disturbed.
            await sim.ctl.call("plug", charger=0)
            await until(lambda: station.driver.connectors()[0].vehicle_present, "the car at connector 1")
            await station.driver.present_card("DEMO-0001")
            await until(lambda: (s := station.runtime.sessions.open_session(A)) and s[1] == "charging", "A")
            session_id = station.runtime.sessions.open_session(A)[0]
            await until(lambda: on_driver_idle(window), "idle again after the charging screen")

            await sign_in(window, station.accounts["technician"], PINS["technician"], qtbot)
            await until(lambda: in_shell(window), "the shell")
            shell = window.admin.shell
            offered = [screen.name for screen in shell.offered]
            assert offered == [screen.name for screen in registry.ADMIN_SCREENS]  # a technician sees all
            assert shows(window, "Technician One (technician)")  # who is signed in, in the header

            for name in offered:
                await press(window, f"admin_nav:{name}", qtbot)
                await until(lambda n=name: shell.current is shell.built.get(n), f"the {name} screen")
                screen = shell.current
                await asyncio.sleep(TICKS_S)
                await fits_in_every_language(window, qtbot, name)
                # A screen registered later without an action here is visited and checked all the same.
                await ACTIONS.get(name, just_shown)(window, screen, station, qtbot)
                assert fits(window) == [], (name, fits(window))
                assert shell.ticker.isActive() and in_shell(window)  # still ticking, still signed in
                visited.append(name)

            await press(window, "admin_exit", qtbot)
            await until(lambda: on_driver_idle(window), "the driver's idle screen after Exit")
            await until(lambda: audit(station, "admin.sign_out"), "the sign-out's audit row")
            assert station.runtime.sessions.open_session(A) == (session_id, "charging")

            rows = [r for r in station.audit(200) if r["actor"] == "admin:Technician One"]
            account = f"account:{station.accounts['technician']}"
            # The hold's setting is written with its audit row in one transaction (docs/admin.md
            # "Control"); the previews, searches and reads of the tour write nothing.
            assert [(r["action"], r["target"]) for r in rows] == [
                ("admin.sign_in", account),
                ("setting.change", "admin.unavailable"),
                ("control.set_available", f"connector:{B}"),
                ("setting.change", "admin.unavailable"),
                ("control.set_available", f"connector:{B}"),
                ("control.self_test", "charger:CP01"),
                ("diagnostics.self_test", None),
                ("admin.sign_out", account),
            ]
            assert rows[0]["details"]["outcome"] == "ok"
            assert rows[2]["details"] == {"available": False, "reason": "maintenance", "outcome": "accepted"}
            assert rows[4]["details"]["available"] is True
            assert rows[5]["details"]["answer"] == "ok"  # the simulated charger ran its tests
            assert rows[6]["details"]["database"]["passed"] is True
            assert rows[6]["details"]["card_reader"]["passed"] is True  # the kiosk's reader, running
            assert rows[-1]["details"] == {"reason": "exit"}
            with session_factory(station.runtime.engine)() as db:
                report = verify_audit_chain(db)
            assert report.broken_at is None and report.rows >= len(rows)

    run_async(scenario())
    assert visited == [screen.name for screen in registry.ADMIN_SCREENS]
    assert set(ACTIONS) <= set(visited)  # every action above ran
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]


def audit(station, action):
    return [row for row in station.audit(200) if row["action"] == action]


# -- one action per screen --------------------------------------------------------------------------


async def on_overview(window, screen, station, qtbot):
    """No controls: the snapshot repaints on its own and the shell's tick; the charging car is there."""
    seen = screen.refreshes
    await until(lambda: screen.refreshes > seen, "another snapshot")
    await until(lambda: shows(window, "Connector 1 · C: charging"), "connector 1 charging")


async def on_control(window, screen, station, qtbot):
    """Connector 2 out of service for maintenance, then back: the driver's side follows each time; the
    reasons' page and the charger's self-test results fit too."""
    await press(window, f"control_card:{B}", qtbot)
    await press(window, "control_availability", qtbot)
    await until(lambda: shows(window, "Maintenance"), "the reasons")
    await fits_in_every_language(window, qtbot, "control's reasons")
    await press(window, "control_choice:maintenance", qtbot)
    await until(lambda: "out of service" in screen.result.text(), "the answer")
    await until(lambda: station.driver.connectors()[1].state == "unavailable", "connector 2 unavailable")
    await press(window, "control_availability", qtbot)  # "Put back in service": no reason asked
    await until(lambda: "back in service" in screen.result.text(), "the second answer")
    await until(lambda: station.driver.connectors()[1].state == "available", "connector 2 available")
    await press(window, "control_self_test", qtbot)  # the free charger's: the simulator runs it
    await until(lambda: shows(window, "Done"), "the self-test's results")
    await fits_in_every_language(window, qtbot, "control's self-test")
    await press(window, "control_tests_done", qtbot)


async def on_sessions(window, screen, station, qtbot):
    """The start of the card number typed on the keypad ("D" of DEMO-0001): the charging session."""
    await press(window, "sessions_card", qtbot)
    await press(window, "key:D", qtbot)
    await press(window, "sessions_card_search", qtbot)
    await until(lambda: screen.page is not None and screen.card == "D" and screen.page.rows, "the search")
    assert [row.connector for row in screen.page.rows] == [A]
    assert shows(window, "DEMO-0001")
    await press(window, "sessions_row_0", qtbot)  # its detail
    await until(lambda: screen.detail.detail is not None, "the session's detail")
    for tab in ("summary", "meter", "changes", "payment"):
        await press(window, f"detail_tab_{tab}", qtbot)
        await fits_in_every_language(window, qtbot, f"session's {tab}")
    await press(window, "detail_back", qtbot)


async def on_configuration(window, screen, station, qtbot):
    """The idle timeout one step up, previewed (nothing changes), then discarded."""
    for group in ("chargers", "prices", "history", "kiosk"):
        await press(window, f"group:{group}", qtbot)
        await asyncio.sleep(0.1)
        await fits_in_every_language(window, qtbot, f"configuration's {group}")
    await press(window, "value:kiosk.idle_timeout_s", qtbot)  # the keypad
    await until(screen.typing, "the keypad")
    await fits_in_every_language(window, qtbot, "configuration's keypad")
    qtbot.mouseClick(screen.keypad.cancel, Qt.MouseButton.LeftButton)  # (other keypads have a "key:cancel")
    await until(lambda: screen.stack.currentIndex() == 0, "the settings again")
    await press(window, "step:kiosk.idle_timeout_s:up", qtbot)
    await press(window, "config:preview", qtbot)
    await until(lambda: shows(window, "Apply these changes?"), "the preview")
    assert shows(window, "now")
    await fits_in_every_language(window, qtbot, "configuration's preview")
    await press(window, "config:discard", qtbot)
    await until(lambda: not screen.edits, "the edit dropped")


async def on_firmware(window, screen, station, qtbot):
    """Each charger's version in turn; the stick read, refused on a station without a vendor key (no
    package could be checked, so none is offered)."""
    await until(lambda: shows(window, "Charger CP00") and shows(window, "Firmware 0.1.0"), "the first one")
    await press(window, "firmware_charger", qtbot)
    await until(lambda: shows(window, "Charger CP01"), "the second charger")
    await press(window, "firmware_scan", qtbot)
    await until(lambda: shows(window, "No vendor key is set up: packages cannot be checked."), "the refusal")


async def on_diagnostics(window, screen, station, qtbot):
    """The station's self-test: four checks with their verdicts, then back to the log."""
    await press(window, "diagnostics_self_test", qtbot)
    await until(lambda: shows(window, "Database: pass"), "the self-test's results")
    await fits_in_every_language(window, qtbot, "diagnostics' self-test")
    await press(window, "diagnostics_back", qtbot)


async def on_analytics(window, screen, station, qtbot):
    """Each chart page in turn over this month's figures, then the last 12 months of one charger: every
    page laid out in every language, the answer of the last choice on screen."""
    await until(lambda: screen.figures is not None and screen.figures.parts >= SCREEN_PARTS, "the figures")
    for page in screen.page_buttons:
        await press(window, f"analytics_page:{page}", qtbot)
        await until(lambda p=page: screen.page == p, f"the {page} page")
        await fits_in_every_language(window, qtbot, f"analytics' {page}")
    for _ in range(2):  # this month -> last month -> the last 12 months
        await press(window, "analytics_period", qtbot)
    await press(window, "analytics_scope_next", qtbot)  # the first charger
    await until(
        lambda: (
            screen.figures is not None
            and screen.figures.period_name == "last_12_months"
            and screen.figures.parts >= SCREEN_PARTS
        ),
        "12 months",
    )
    assert screen.scope.charger is not None
    assert fits(window) == []


ACTIONS = {
    "analytics": on_analytics,
    "overview": on_overview,
    "control": on_control,
    "sessions": on_sessions,
    "configuration": on_configuration,
    "firmware": on_firmware,
    "diagnostics": on_diagnostics,
}


async def just_shown(window, screen, station, qtbot):
    assert screen.isVisible()
