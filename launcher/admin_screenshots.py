"""The admin screens' part of the screenshots (launcher/screenshots.py): every screen of ADMIN_SCREENS, in
every kiosk language, at 800x480 and 1280x800, signed in as an operator (so every control shows) on the
simulated station, with the same layout check as the driver's screens (docs/admin.md, "Screenshots").

Each screen is shown alone in a window of the display's size with the kiosk's theme (AdminHost): the
admin screens are laid out for the whole display, and the languages switch through the kiosk window of
that size. A screen that needs a context to show something (a session's detail) gives one with
AdminScreen.sample_context.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.admin import Operator, OperatorFacade
from app.admin.accounts import add_account
from app.analytics import Analytics
from app.db import session_factory
from kiosk_ui.admin.admin_screen import AdminEnv, AdminScreen
from kiosk_ui.admin.registry import ADMIN_SCREENS

if TYPE_CHECKING:
    from app.runtime import StationRuntime
    from kiosk_ui.app import KioskWindow
    from kiosk_ui.theme import Theme
    from launcher.screenshots import Camera

CameraFactory = Callable[[list["AdminHost"]], "Camera"]
ADMIN_SIZES: tuple[tuple[int, int], ...] = ((800, 480), (1280, 800))
PREFIX = "admin-"
STAFF_NAME = "Screenshot Operator"
STAFF_PIN = "583920"  # the PIN rules' shape (docs/admin.md "PIN policy"); the ledger is a throwaway one
SETTLE_S = 1.2  # a screen's first answers from the facade (the overview refreshes once a second)


def admin_shot_names(screens: Sequence[type[AdminScreen]] = ADMIN_SCREENS) -> list[str]:
    """The screenshots' names of the admin screens, in the navigation's order."""
    return [f"{PREFIX}{screen.name}" for screen in screens]


async def signed_in_operator(runtime: StationRuntime) -> tuple[OperatorFacade, Operator]:
    """An operator account made as `python -m app admin add-user` makes one, signed in."""
    # With the station's analytics, as the launcher builds the facade: the analytics screen has figures.
    operators = OperatorFacade(runtime, analytics=Analytics.for_config(runtime.engine, runtime.config))

    def make() -> int:
        with session_factory(runtime.engine)() as db, db.begin():
            view = add_account(
                db,
                name=STAFF_NAME,
                role="operator",
                pin=STAFF_PIN,
                settings=operators.settings,
                actor="console",
            )
            return view.account_id

    number = await asyncio.to_thread(make)
    result = await operators.sign_in(number, STAFF_PIN)
    if result.operator is None:
        raise RuntimeError(f"the screenshots' operator could not sign in: {result.refusal}")
    return operators, result.operator


class AdminHost(QWidget):
    """A display-sized window holding one admin screen, driven by the camera as a kiosk window is: its
    language is the kiosk window's (one translator for the application), its theme that window's."""

    def __init__(self, kiosk: KioskWindow, screen: AdminScreen) -> None:
        super().__init__()
        self.kiosk = kiosk
        self.theme: Theme = kiosk.theme
        self.admin_screen = screen
        self.setObjectName("admin")
        self.setStyleSheet(self.theme.stylesheet())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(screen)
        self.resize(kiosk.width(), kiosk.height())
        self.move(kiosk.x(), kiosk.y() + kiosk.height())  # below its kiosk window, covering none

    def set_language(self, code: str) -> None:
        self.kiosk.set_language(code)

    def current_screen(self) -> AdminScreen:
        return self.admin_screen

    def show_screen(self, name: str, context: dict[str, object] | None = None) -> None:
        """The camera's way to put up a driver's screen: an admin host shows its one screen."""
        if name != self.admin_screen.name:
            raise ValueError(f"an admin host shows {self.admin_screen.name}, not {name}")


async def shoot_admin_screens(
    runtime: StationRuntime, kiosks: Sequence[KioskWindow], camera_for: CameraFactory
) -> None:
    """Each admin screen photographed as `admin-<name>` in a host per kiosk window (the admin sizes)."""
    operators, operator = await signed_in_operator(runtime)
    try:
        for screen_class, name in zip(ADMIN_SCREENS, admin_shot_names(), strict=True):
            screens = [screen_class(AdminEnv(kiosk.env, operators, operator)) for kiosk in kiosks]
            context = await screen_class.sample_context(screens[0].env)
            hosts = [AdminHost(kiosk, screen) for kiosk, screen in zip(kiosks, screens, strict=True)]
            camera = camera_for(hosts)
            if camera.only and name not in camera.only:
                for host in hosts:
                    host.deleteLater()
                continue
            for host, screen in zip(hosts, screens, strict=True):
                host.show()
                screen.enter(context)
            await asyncio.sleep(SETTLE_S)
            try:
                await camera.take(name)
            finally:
                for host, screen in zip(hosts, screens, strict=True):
                    screen.leave()
                    host.close()
                    host.deleteLater()
    finally:
        await operators.sign_out(operator, "exit")
