"""The configuration screen on the running station (simulator), driven by taps: a site limit typed on
the keypad, previewed, applied (ledger and balancer), reverted from the history; a value the file's
rules refuse marked with the file's message; a tariff previewed as the driver's price screen by an
operator and locked for a technician; no cut text at 800x480 and 1280x800."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
from admin_station import PINS, admin_station
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from sqlalchemy import select

from app.db import RuntimeSetting, session_factory, verify_audit_chain
from kiosk_ui.admin.admin_screen import AdminEnv
from kiosk_ui.admin.configuration import ConfigurationScreen, follow_kiosk_settings
from kiosk_ui.admin.registry import ADMIN_SCREENS
from kiosk_ui.app import KioskWindow
from kiosk_ui.i18n import Translations, available_languages
from kiosk_ui.layout_check import layout_problems
from kiosk_ui.screen import KioskEnv
from kiosk_ui.theme import MIN_TEXT_PX, load_theme

pytest_plugins = ["admin_qt"]  # the .qm files built, one qasync loop for the module
pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


async def until(condition: Callable[[], Any], what: str, timeout_s: float = 15.0) -> Any:
    started = time.monotonic()
    while not (result := condition()):
        if time.monotonic() - started > timeout_s:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)
    return result


def find(screen: QWidget, name: str) -> Any:
    return screen.findChild(QWidget, name)


def texts(screen: QWidget) -> list[str]:
    return [
        w.text().replace("\n", " ")
        for w in screen.findChildren(QWidget)
        if isinstance(w, QLabel | QAbstractButton) and w.isVisible() and w.text()
    ]


async def tap(screen: QWidget, name: str) -> None:
    widget = await until(lambda: find(screen, name), name)
    assert widget.isEnabled(), f"{name} is disabled"
    widget.click()
    await asyncio.sleep(0)


async def type_in(screen: ConfigurationScreen, value_button: str, digits: str) -> None:
    await tap(screen, value_button)
    await until(screen.typing, "the keypad")
    for key in "\u232b" * 12 + digits:
        screen.keypad.keys[key].click()
    screen.keypad.ok.click()


def open_screen(station: Any, role: str, operator: Any, size: tuple[int, int]) -> ConfigurationScreen:
    theme = load_theme(*size)
    kiosk = KioskEnv(station.driver, theme, Translations(available_languages(wanted=("en", "ms"))), 60.0, 2.0)
    screen = ConfigurationScreen(AdminEnv(kiosk, station.operators, operator))
    screen.setStyleSheet(theme.stylesheet())
    screen.resize(*size)
    screen.show()
    screen.enter({})
    return screen


def fits(screen: QWidget) -> bool:
    """No cut or too small text; a row scrolled out of the settings' viewport is not cut, it is below."""
    # Laid out as the display paints it: an answer that marked a group a moment ago (its frame is
    # thicker) has asked for a layout that the next turn of the loop would do.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    scrolled = ("hidden", "window")  # clipped by the viewport or placed below it: the list scrolls there
    problems = [
        p
        for p in layout_problems(screen, MIN_TEXT_PX)
        if not (p.startswith("qt_scrollarea_viewport") and p.endswith(scrolled))
    ]
    assert problems == [], "\n".join(problems)
    return True


def stored(station: Any) -> dict[str, Any]:
    with session_factory(station.runtime.engine)() as db:
        return {row.key: row.value for row in db.scalars(select(RuntimeSetting))}


def test_a_site_limit_typed_previewed_applied_and_reverted(realtime_sim, tmp_path, qt_loop):
    assert ConfigurationScreen in ADMIN_SCREENS and ConfigurationScreen.min_role == "technician"

    async def scenario() -> None:
        async with admin_station(realtime_sim, tmp_path) as station:
            tech = (
                await station.operators.sign_in(station.accounts["technician"], PINS["technician"])
            ).operator
            screen = open_screen(station, "technician", tech, (800, 480))
            try:
                await until(lambda: find(screen, "setting:site.limit_mA"), "the site settings")
                assert fits(screen)
                for phase in range(3):
                    await type_in(screen, f"value:site.limit_mA:{phase}", "20")
                assert screen.edits == {"site.limit_mA": [20000, 20000, 20000]}
                await tap(screen, "config:preview")
                change = await until(lambda: find(screen, "change:site.limit_mA"), "the confirmation")
                assert (
                    change.text()
                    == "Site limit per phase: 63 A / 63 A / 63 A \u2192 20 A / 20 A / 20 A (now)"
                )
                assert "Checked: nothing has changed yet." in texts(screen) and stored(station) == {}
                screen.refresh()  # the shell's refresh tick: the confirmation stays
                await asyncio.sleep(0.3)
                assert screen.stack.currentIndex() == 1 and find(screen, "change:site.limit_mA") is change
                await tap(screen, "config:apply")
                await until(lambda: screen.status.text().startswith("Applied now: Site limit"), "the result")
                assert stored(station)["config.site.limit_mA"] == [20000, 20000, 20000]
                assert station.runtime.station.balancer.tree.nodes["site"].limit_mA == (20000, 20000, 20000)
                applied = next(r for r in station.audit() if r["action"] == "config.apply")
                assert applied["actor"] == "admin:Technician One"

                await tap(screen, "group:history")
                await tap(screen, f"revert:{applied['id']}")
                await until(
                    lambda: any(f"Undoes change {applied['id']}" in t for t in texts(screen)), "the revert"
                )
                assert stored(station)["config.site.limit_mA"] == [63000] * 3
                assert station.runtime.station.balancer.tree.nodes["site"].limit_mA == (63000, 63000, 63000)
                with session_factory(station.runtime.engine)() as db:
                    assert verify_audit_chain(db).intact
            finally:
                screen.close()
                screen.deleteLater()

    qt_loop.run_until_complete(scenario())


def test_refusals_and_the_tariffs_price_screen(realtime_sim, tmp_path, qt_loop):
    async def scenario() -> None:
        async with admin_station(realtime_sim, tmp_path) as station:
            tech = (
                await station.operators.sign_in(station.accounts["technician"], PINS["technician"])
            ).operator
            boss = (await station.operators.sign_in(station.accounts["operator"], PINS["operator"])).operator
            screen = open_screen(station, "technician", tech, (800, 480))
            try:
                await until(lambda: screen.settings, "the settings")
                await tap(screen, "group:kiosk")
                await type_in(screen, "value:kiosk.idle_timeout_s", "5")
                await tap(screen, "group:site")  # the refusal brings its group back on screen
                await tap(screen, "config:preview")
                error = await until(lambda: find(screen, "error:kiosk.idle_timeout_s"), "the field's message")
                assert (
                    error.text() == "kiosk.idle_timeout_s: 5.0 is below the minimum 10.0"
                )  # the file's words
                assert fits(screen)
                await tap(screen, "config:discard")
                await tap(screen, "group:prices")
                locked = await until(lambda: find(screen, "value:tariff:energy_price_per_kWh"), "the tariff")
                assert not locked.isEnabled() and "Only an operator may change this." in texts(screen)
            finally:
                screen.close()
                screen.deleteLater()

            screen = open_screen(station, "operator", boss, (1280, 800))
            try:
                await until(lambda: screen.settings, "the settings")
                await tap(screen, "group:prices")
                await type_in(screen, "value:tariff:energy_price_per_kWh", "0.90")
                await tap(screen, "config:preview")
                prices = await until(lambda: find(screen, "prices:ms"), "the price screen in Malay")
                assert find(screen, "prices:en") is not None
                assert "RM 0.90 per kWh" in texts(screen)
                assert any("RM 0.90" in t and t != "RM 0.90 per kWh" for t in texts(prices))
                assert fits(screen)
                await tap(screen, "config:apply")
                await until(lambda: screen.status.text().startswith("Applied now: Tariff"), "the result")
                assert stored(station)["config.tariff"]["energy_price_per_kWh"] == "0.9000"
                assert station.driver.price_lines("en")[0] == "Energy: RM 0.90 per kWh"
            finally:
                screen.close()
                screen.deleteLater()

    qt_loop.run_until_complete(scenario())


def test_every_group_fits_in_every_language(realtime_sim, tmp_path, qt_loop):
    async def scenario() -> None:
        async with admin_station(realtime_sim, tmp_path) as station:
            boss = (await station.operators.sign_in(station.accounts["operator"], PINS["operator"])).operator
            for size in ((800, 480), (1280, 800)):
                theme = load_theme(*size)
                translations = Translations(available_languages(wanted=("en", "ms", "zh_CN", "ta")))
                kiosk = KioskEnv(station.driver, theme, translations, 60.0, 2.0)
                screen = ConfigurationScreen(AdminEnv(kiosk, station.operators, boss))
                screen.setStyleSheet(theme.stylesheet())
                screen.resize(*size)
                screen.show()
                screen.enter({})
                try:
                    await until(lambda s=screen: s.settings, "the settings")
                    for language in ("en", "ms", "zh_CN", "ta"):
                        translations.set_language(language)
                        for group in ("site", "chargers", "prices", "kiosk"):
                            await tap(screen, f"group:{group}")
                            await asyncio.sleep(0.05)
                            assert fits(screen), (language, group, size)
                finally:
                    translations.set_language("en")  # the translator is the application's
                    screen.close()
                    screen.deleteLater()

    qt_loop.run_until_complete(scenario())


def test_kiosk_settings_follow_a_live_change(realtime_sim, tmp_path, qt_loop):
    async def scenario() -> None:
        async with admin_station(realtime_sim, tmp_path) as station:
            tech = (
                await station.operators.sign_in(station.accounts["technician"], PINS["technician"])
            ).operator
            window = KioskWindow(station.driver, theme=load_theme(800, 480))
            window.resize(800, 480)
            window.show()
            try:
                stop_window = follow_kiosk_settings(window, station.operators)
                stop_driver = station.operators.configuration.follow_driver(station.driver)
                ms = find(window, "language:ms")
                assert ms.isVisible() and window.inactivity.interval() == 60000
                await station.operators.configuration.apply(
                    tech,
                    {"kiosk.idle_timeout_s": 90.0, "kiosk.languages": ["ms"], "kiosk.default_language": "ms"},
                )
                assert window.inactivity.interval() == 90000 and window.default_language == "ms"
                assert not find(window, "language:en").isVisible() and ms.isVisible()
                assert window.translations.current.code == "ms"
                assert station.driver.kiosk.idle_timeout_s == 90.0
                assert station.driver.kiosk.languages == ("ms",)
                stop_window()
                stop_driver()
            finally:
                window.close_kiosk()
                window.close()
                window.deleteLater()

    qt_loop.run_until_complete(scenario())
