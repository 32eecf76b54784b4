"""Shared by the admin kiosk tests: the kiosk window with its admin mode over the admin station
(tests/support/admin_station.py) on the simulator, one qasync loop per module, and a finger's moves:
the corner hold, the PIN pad's keys."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

from admin_qt import qt_loop, run_async, translations_built  # noqa: F401  # fixtures test modules take from here
from admin_station import AdminStation, admin_station
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from app.config import AdminSettings
from kiosk_ui.app import KioskWindow
from kiosk_ui.theme import load_theme

HOLD_S = 0.4  # the tests' gesture: the kiosk's is 3 s (kiosk_ui/admin/gesture.py HOLD_S)
WAIT_S = 20.0  # generous: the machine runs other work beside the tests


@contextlib.asynccontextmanager
async def kiosk_with_admin(
    sim: Any,
    tmp_path: Path,
    settings: AdminSettings | None = None,
    *,
    card_for_operator: bool = False,
    **window: Any,
) -> AsyncIterator[tuple[KioskWindow, AdminStation]]:
    """The admin station with its kiosk at 800x480, the admin mode on its operator facade; `window`:
    KioskWindow's options over the tests' own."""
    async with admin_station(sim, tmp_path, settings, card_for_operator=card_for_operator) as station:
        options: dict[str, Any] = {
            "theme": load_theme(800, 480),
            "plug_timeout_s": 30.0,
            "message_s": 2.0,
            "idle_timeout_s": 30.0,
            "admin_hold_s": HOLD_S,
        }
        view = KioskWindow(station.driver, operators=station.operators, **(options | window))
        view.resize(800, 480)
        view.show()
        try:
            yield view, station
        finally:
            view.close_kiosk()
            view.close()
            view.deleteLater()


async def until(condition: Callable[[], Any], what: str, timeout_s: float = WAIT_S) -> Any:
    started = time.monotonic()
    while not (result := condition()):
        if time.monotonic() - started > timeout_s:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)
    return result


def texts(window: QWidget) -> list[str]:
    """Every text visible now (labels and buttons)."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and isinstance(widget, QLabel | QAbstractButton) and widget.text():
            found.extend(line for line in widget.text().replace("\n", " ").split("\n") if line)
    return found


def shows(window: QWidget, text: str) -> bool:
    return any(text in line for line in texts(window))


def in_admin(window: KioskWindow) -> bool:
    return window.admin is not None and window.admin.active and window.body.currentWidget() is window.admin


def on_pad(window: KioskWindow) -> bool:
    return in_admin(window) and window.admin is not None and window.admin.currentWidget() is window.admin.pad


def in_shell(window: KioskWindow) -> bool:
    return (
        in_admin(window) and window.admin is not None and window.admin.currentWidget() is window.admin.shell
    )


def on_driver_idle(window: KioskWindow) -> bool:
    return window.body.currentWidget() is window.stack and window.current_screen().name == "idle"


def message(window: KioskWindow) -> str:
    return window.findChild(QLabel, "pin_message").text()


async def hold_corner(window: KioskWindow, seconds: float) -> None:
    """A finger on the idle screen's top-left corner for `seconds`, then lifted: Qt mouse events through
    the application (its event filters see them, as they see a touch screen's synthesised ones)."""
    idle = window.screens["idle"]
    spot = QPoint(4, 4)
    QTest.mousePress(idle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    await asyncio.sleep(seconds)
    QTest.mouseRelease(idle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    await asyncio.sleep(0.05)


def key_enabled(window: KioskWindow, key: str) -> bool:
    target = window.findChild(QAbstractButton, f"pin_key:{key}")
    return target is not None and target.isVisible() and target.isEnabled()


async def press(window: KioskWindow, object_name: str, qtbot: Any) -> None:
    """A tap on a visible, enabled button (a real press and release)."""

    def ready() -> QAbstractButton | None:
        target = window.findChild(QAbstractButton, object_name)
        return target if target is not None and target.isVisible() and target.isEnabled() else None

    qtbot.mouseClick(await until(ready, f"the button {object_name}"), Qt.MouseButton.LeftButton)


async def type_digits(window: KioskWindow, digits: str, qtbot: Any, *, confirm: bool = True) -> None:
    for digit in digits:
        await press(window, f"pin_key:{digit}", qtbot)
    if confirm:
        await press(window, "pin_key:ok", qtbot)


async def sign_in(window: KioskWindow, staff_number: int, pin: str, qtbot: Any) -> None:
    """The gesture, then the staff number and the PIN typed on the pad."""
    await hold_corner(window, HOLD_S + 0.2)
    await until(lambda: on_pad(window), "the PIN pad")
    await type_digits(window, str(staff_number), qtbot)
    await type_digits(window, pin, qtbot)
