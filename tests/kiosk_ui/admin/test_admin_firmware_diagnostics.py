"""The admin firmware and diagnostics screens on the running station (simulator), driven by taps: the
stick's packages listed with the forged one refused, an Update flashing the simulated charger with the
progress bar filled, the event filters narrowing the list, the self-test's results, the export's path.
Nothing is cut at 800x480 or 1280x800 in any kiosk language."""

from __future__ import annotations

import asyncio
import os
import time
from datetime import timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from firmware_station import esp32_package, firmware_station, make_vendor, signed_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QProgressBar, QWidget

from app.db import log_event, session_factory, utc_now
from kiosk_ui.admin.admin_screen import AdminEnv
from kiosk_ui.admin.diagnostics import DiagnosticsScreen
from kiosk_ui.admin.firmware import FirmwareScreen
from kiosk_ui.admin.registry import ADMIN_SCREENS
from kiosk_ui.i18n import Translations, available_languages
from kiosk_ui.layout_check import layout_problems
from kiosk_ui.screen import KioskEnv
from kiosk_ui.theme import MIN_TEXT_PX, load_theme

pytest_plugins = ["transfer_servers", "admin_qt"]
pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


async def until(condition, what: str, timeout_s: float = 20.0):
    started = time.monotonic()
    while not (result := condition()):
        assert time.monotonic() - started < timeout_s, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)
    return result


def show(screen_class, station, operator, size=(800, 480)):
    theme = load_theme(*size)
    kiosk = KioskEnv(
        facade=station.driver,
        theme=theme,
        translations=Translations(available_languages()),
        plug_timeout_s=60.0,
        message_s=2.0,
    )
    window = QWidget()
    window.setObjectName("admin")
    window.setStyleSheet(theme.stylesheet())
    screen = screen_class(AdminEnv(kiosk, station.operators, operator), window)
    window.resize(*size)
    screen.resize(*size)
    window.show()
    return window, screen, kiosk


def text_of(screen, name) -> str:
    widget = screen.findChild(QLabel, name) or screen.findChild(QAbstractButton, name)
    return widget.text().replace("\n", " ") if widget is not None and widget.isVisible() else ""


def event_lines(screen) -> list[str]:
    """Each entry of the page: its headline, then the log's own words under it."""
    return [
        f"{text_of(screen, f'diagnostics_event_{i}')} {text_of(screen, f'diagnostics_detail_{i}')}".strip()
        for i in range(4)
    ]


async def tap(screen, name: str, qtbot) -> None:
    def ready():
        found = screen.findChild(QAbstractButton, name)
        return found if found is not None and found.isVisible() and found.isEnabled() else None

    qtbot.mouseClick(await until(ready, f"the button {name}"), Qt.MouseButton.LeftButton)


async def fits_everywhere(screen_class, station, operator, prepare) -> None:
    """Every kiosk language at both sizes: no text cut or hidden, none too small."""
    problems = []
    for size in ((800, 480), (1280, 800)):
        window, screen, kiosk = show(screen_class, station, operator, size)
        try:
            await prepare(screen)
            assert len(kiosk.translations.languages) == 4  # English, Malay, Chinese, Tamil built
            for language in kiosk.translations.languages:
                kiosk.translations.set_language(language.code)
                await asyncio.sleep(0.05)
                problems += [f"{size} {language.code}: {p}" for p in layout_problems(window, MIN_TEXT_PX)]
        finally:
            kiosk.translations.uninstall()
            window.close()
            window.deleteLater()
    assert problems == [], "\n".join(problems)


def test_both_screens_are_registered_with_their_roles():
    assert {(s.name, s.min_role) for s in ADMIN_SCREENS} >= {
        ("firmware", "technician"),
        ("diagnostics", "viewer"),
    }


def test_the_firmware_screen_updates_a_simulated_charger_from_the_stick(
    qt_loop, qtbot, realtime_sim, tmp_path
):
    vendor = make_vendor(tmp_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    esp32_package(stick, "1.4.0", vendor.private)
    esp32_package(stick, "6.6.6", Ed25519PrivateKey.generate(), name="forged.tar.gz")

    async def scenario():
        async with firmware_station(realtime_sim, tmp_path, vendor, export_dir=stick) as station:
            tech = await signed_in(station, "technician")
            window, screen, _ = show(FirmwareScreen, station, tech)
            try:
                screen.enter({})
                await until(lambda: "0.1.0" in text_of(screen, "firmware_charger_text"), "the versions")
                assert text_of(screen, "firmware_charger") == "Charger CP00"
                await tap(screen, "firmware_scan", qtbot)
                await until(lambda: text_of(screen, "firmware_package_1"), "the packages")
                assert text_of(screen, "firmware_package_0") == "Update to 1.4.0 (charger-1.4.0.tar.gz)"
                refused = screen.findChild(QAbstractButton, "firmware_package_1")
                assert text_of(screen, "firmware_package_1").startswith("Refused: forged.tar.gz")
                assert not refused.isEnabled()
                assert layout_problems(window, MIN_TEXT_PX) == []
                await tap(screen, "firmware_package_0", qtbot)
                await until(
                    lambda: "now runs firmware 1.4.0" in text_of(screen, "firmware_status"), "the update"
                )
                assert screen.findChild(QProgressBar, "firmware_progress").value() == 100
                await until(lambda: "1.4.0" in text_of(screen, "firmware_charger_text"), "the new version")
                assert (await realtime_sim.ctl.call("status", charger=0))["firmware"] == "1.4.0"
                assert (await realtime_sim.ctl.call("status", charger=1))["firmware"] == "0.1.0"
                assert layout_problems(window, MIN_TEXT_PX) == []
            finally:
                window.close()
                window.deleteLater()

            async def scanned(screen):
                screen.enter({})
                await until(lambda: screen.inventory is not None, "the versions")
                await tap(screen, "firmware_scan", qtbot)
                await until(lambda: text_of(screen, "firmware_package_1"), "the packages")

            await fits_everywhere(FirmwareScreen, station, tech, scanned)
            return station

    station = qt_loop.run_until_complete(scenario())
    updates = [r for r in station.audit() if r["action"] == "firmware.update"]
    assert [(r["details"]["package"], r["details"]["outcome"]) for r in updates] == [
        ("charger-1.4.0.tar.gz", "installed")
    ]


def test_the_firmware_screen_updates_a_charger_from_the_stations_source(
    qt_loop, qtbot, realtime_sim, tmp_path, http_files
):
    vendor = make_vendor(tmp_path)
    package = esp32_package(http_files.root, "3.0.1", vendor.private)
    source = f"{http_files.base_url}/{package.name}"

    async def scenario():
        async with firmware_station(realtime_sim, tmp_path, vendor, source=source) as station:
            tech = await signed_in(station, "technician")
            window, screen, _ = show(FirmwareScreen, station, tech)
            try:
                screen.enter({})
                await until(lambda: "0.1.0" in text_of(screen, "firmware_charger_text"), "the versions")
                await tap(screen, "firmware_charger", qtbot)
                assert text_of(screen, "firmware_charger") == "Charger CP01"
                assert text_of(screen, "firmware_source") == "From the station's source"
                await tap(screen, "firmware_source", qtbot)
                await until(
                    lambda: "CP01 now runs firmware 3.0.1" in text_of(screen, "firmware_status"), "the update"
                )
                assert screen.findChild(QProgressBar, "firmware_progress").value() == 100
                assert (await realtime_sim.ctl.call("status", charger=1))["firmware"] == "3.0.1"
                assert (await realtime_sim.ctl.call("status", charger=0))["firmware"] == "0.1.0"
                # The source gone: refused with its own message, nothing flashed.
                package.unlink()
                await tap(screen, "firmware_source", qtbot)
                await until(
                    lambda: "could not be reached" in text_of(screen, "firmware_status"), "the refusal"
                )
                assert (await realtime_sim.ctl.call("status", charger=1))["firmware"] == "3.0.1"
                assert layout_problems(window, MIN_TEXT_PX) == []
            finally:
                window.close()
                window.deleteLater()

            async def entered(screen):
                screen.enter({})
                await until(lambda: text_of(screen, "firmware_source"), "the source button")

            await fits_everywhere(FirmwareScreen, station, tech, entered)
            return station

    station = qt_loop.run_until_complete(scenario())
    updates = [r for r in station.audit() if r["action"] == "firmware.update"]
    assert [(r["details"]["source"], r["details"]["outcome"]) for r in updates] == [
        (source, "installed"),
        (source, "refused"),
    ]


def test_the_diagnostics_screen_filters_events_self_tests_and_exports(qt_loop, qtbot, realtime_sim, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()

    async def scenario():
        async with firmware_station(
            realtime_sim, tmp_path, make_vendor(tmp_path), export_dir=stick
        ) as station:
            now = utc_now()
            with session_factory(station.runtime.engine)() as db, db.begin():
                log_event(
                    db,
                    kind="fault",
                    severity="error",
                    code="GROUND_FAULT",
                    message="ground fault latched",
                    charger_id="CP01",
                    connector_name="CP01/1",
                    at=now - timedelta(minutes=2),
                )
                log_event(db, kind="event", severity="warning", code="link_offline", message="CP00 link lost",
                          charger_id="CP00", at=now - timedelta(hours=5))  # fmt: skip
                # A code the screen has no name for (a newer station's): shown as it is, nothing hidden.
                log_event(db, kind="event", severity="info", code="vendor_note", message="a vendor's note",
                          charger_id="CP00", at=now - timedelta(hours=4))  # fmt: skip
            viewer = await signed_in(station, "viewer")
            window, screen, kiosk = show(DiagnosticsScreen, station, viewer)
            try:
                screen.enter({})
                await until(lambda: text_of(screen, "diagnostics_event_0"), "the day's events")
                await until(lambda: text_of(screen, "diagnostics_ocpp"), "the OCPP state")
                assert (
                    text_of(screen, "diagnostics_ocpp")
                    == "Central system: none configured · 0 messages queued"
                )
                assert not text_of(screen, "diagnostics_self_test")  # a viewer only looks
                await tap(screen, "diagnostics_kind", qtbot)  # faults only
                await until(lambda: text_of(screen, "diagnostics_kind") == "Faults", "the kind filter")
                await until(
                    lambda: text_of(screen, "diagnostics_event_0").endswith(
                        "CP01/1 · error · Protective earth missing"
                    ),
                    "faults",
                )
                assert text_of(screen, "diagnostics_detail_0") == "ground fault latched"
                assert text_of(screen, "diagnostics_event_1") == ""
                kiosk.translations.set_language("ms")  # the fault's name in Malay, the log's words kept
                await until(
                    lambda: text_of(screen, "diagnostics_event_0").endswith(
                        "CP01/1 · ralat · Bumi pelindung tiada"
                    ),
                    "the fault in Malay",
                )
                assert text_of(screen, "diagnostics_detail_0") == "ground fault latched"
                kiosk.translations.set_language("en")
                await until(lambda: text_of(screen, "diagnostics_kind") == "Faults", "English again")
                await tap(screen, "diagnostics_charger", qtbot)  # CP00: no fault today
                await until(lambda: text_of(screen, "diagnostics_event_0") == "No events.", "CP00's faults")
                await tap(screen, "diagnostics_kind", qtbot)  # CP00's events of the day: its link lost
                await until(
                    lambda: "Charger link lost CP00 link lost" in " ".join(event_lines(screen)), "CP00's"
                )
                assert "warning · Charger link lost" in " ".join(event_lines(screen))
                assert "info · vendor_note a vendor's note" in " ".join(event_lines(screen))
                assert "Protective earth missing" not in " ".join(event_lines(screen))
                kiosk.translations.set_language("ms")  # the headline in Malay, the log's words kept
                await until(
                    lambda: (
                        "amaran · Pautan pengecas terputus CP00 link lost" in " ".join(event_lines(screen))
                    ),
                    "the link in Malay",
                )
                assert "maklumat · vendor_note a vendor's note" in " ".join(event_lines(screen))
                kiosk.translations.set_language("en")
                await until(lambda: "Charger link lost" in " ".join(event_lines(screen)), "English again")
                await tap(screen, "diagnostics_period", qtbot)  # the last day, then the last week
                await until(lambda: text_of(screen, "diagnostics_period") == "Last week", "the week")
                await tap(screen, "diagnostics_period", qtbot)  # five hours ago is not the last hour
                await until(lambda: text_of(screen, "diagnostics_period") == "Last hour", "the hour")
                await until(lambda: "Charger link lost" not in " ".join(event_lines(screen)), "the last hour")
                assert layout_problems(window, MIN_TEXT_PX) == []
            finally:
                window.close()
                window.deleteLater()

            tech = await signed_in(station, "technician")
            window, screen, _ = show(DiagnosticsScreen, station, tech)
            try:
                screen.enter({})
                await tap(screen, "diagnostics_self_test", qtbot)
                await until(lambda: text_of(screen, "diagnostics_check_database"), "the self-test")
                assert text_of(screen, "diagnostics_check_database").startswith("Database: pass")
                assert text_of(screen, "diagnostics_check_csms") == (
                    "Central system: FAIL · no central system is configured"
                )
                assert layout_problems(window, MIN_TEXT_PX) == []
                await tap(screen, "diagnostics_back", qtbot)
                await tap(screen, "diagnostics_export", qtbot)
                await until(lambda: "Written to" in text_of(screen, "diagnostics_status"), "the export")
                [archive] = list(stick.iterdir())
                assert str(archive) in text_of(screen, "diagnostics_status")
            finally:
                window.close()
                window.deleteLater()

            async def listed(screen):
                screen.enter({})
                await until(lambda: text_of(screen, "diagnostics_event_0"), "the events")

            async def tested(screen):
                screen.enter({})
                await tap(screen, "diagnostics_self_test", qtbot)
                await until(lambda: text_of(screen, "diagnostics_check_database"), "the self-test")

            await fits_everywhere(DiagnosticsScreen, station, tech, listed)
            await fits_everywhere(DiagnosticsScreen, station, tech, tested)
            return station

    station = qt_loop.run_until_complete(scenario())
    actions = [r["action"] for r in station.audit() if r["action"].startswith("diagnostics.")]
    assert actions[:2] == ["diagnostics.self_test", "diagnostics.export"]
