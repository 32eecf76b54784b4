"""The admin screens' part of the screenshots (launcher/screenshots.py): every screen of ADMIN_SCREENS, in
every kiosk language, at 800x480 and 1280x800, signed in as an operator (so every control shows) on the
simulated station, with the same layout check as the driver's screens (docs/admin.md, "Screenshots").

A screen is hosted in the kiosk window's body under its header, where the admin mode shows it; a screen
that needs a context to show something (a session's detail) gives one with AdminScreen.sample_context.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.admin import Operator, OperatorFacade
from app.admin.accounts import add_account
from app.db import session_factory
from kiosk_ui.admin.admin_screen import AdminEnv, AdminScreen
from kiosk_ui.admin.registry import ADMIN_SCREENS

if TYPE_CHECKING:
    from app.runtime import StationRuntime
    from kiosk_ui.app import KioskWindow
    from launcher.screenshots import Camera

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
    operators = OperatorFacade(runtime)

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


def host(window: KioskWindow, screen: AdminScreen) -> None:
    """Shows an admin screen in the window's body in place of the driver's screens."""
    window.current_screen().leave()
    window.stack.addWidget(screen)
    window.stack.setCurrentWidget(screen)


def unhost(window: KioskWindow, screen: AdminScreen) -> None:
    screen.leave()
    window.stack.removeWidget(screen)
    screen.deleteLater()
    window.show_screen("idle", {})


async def shoot_admin_screens(runtime: StationRuntime, camera: Camera) -> None:
    """Each admin screen photographed by `camera` (its windows: the admin sizes) as `admin-<name>`."""
    operators, operator = await signed_in_operator(runtime)
    windows = camera.windows
    try:
        for screen_class, name in zip(ADMIN_SCREENS, admin_shot_names(), strict=True):
            if camera.only and name not in camera.only:
                continue
            screens = [screen_class(AdminEnv(window.env, operators, operator)) for window in windows]
            context = await screen_class.sample_context(screens[0].env)
            for window, screen in zip(windows, screens, strict=True):
                host(window, screen)
                screen.enter(context)
            await asyncio.sleep(SETTLE_S)
            try:
                await camera.take(name)
            finally:
                for window, screen in zip(windows, screens, strict=True):
                    unhost(window, screen)
    finally:
        await operators.sign_out(operator, "exit")
