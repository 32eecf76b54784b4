"""The admin mode's part of the screenshots (launcher/screenshots.py): the real kiosk window in admin mode,
as a technician sees it, in every kiosk language at 800x480 and 1280x800 (docs/admin.md, "Screenshots").

Each window opens its admin mode as the corner gesture does (KioskWindow.open_admin), is photographed on
the PIN pad, empty and after a wrong PIN, then signs in on the pad's keys as an operator (so every
control shows) and shows each screen its role is offered through the shell (AdminShell.show_screen):
the kiosk's header with the languages, the shell's navigation and the screen, under the same layout
check as the driver's screens. The last shot is the navigation after a tap on its last entry; Exit
ends it. A screen that needs a context to show something gives one with AdminScreen.sample_context.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.admin.accounts import add_account
from app.config import AdminSettings
from app.db import session_factory
from kiosk_ui.admin.admin_screen import AdminScreen
from kiosk_ui.admin.registry import ADMIN_SCREENS
from launcher.waiting import until

if TYPE_CHECKING:
    from app.admin import OperatorFacade
    from app.runtime import StationRuntime
    from kiosk_ui.admin.mode import AdminMode
    from kiosk_ui.app import KioskWindow
    from launcher.screenshots import Camera

ADMIN_SIZES: tuple[tuple[int, int], ...] = ((800, 480), (1280, 800))
PREFIX = "admin-"
PAD_SHOTS = ("pin", "pin_refused")  # the PIN pad empty, then after a wrong PIN
NAVIGATION_SHOT = "navigation"  # the shell after a tap on the navigation's last entry
# One account per window (names are unique); the names a Malaysian site's staff may have.
STAFF_NAMES = ("Aminah Rahman", "Lim Wei Ling", "Kavitha Raman")
STAFF_PIN = "583920"  # the PIN rules' shape (docs/admin.md "PIN policy"); the ledger is a throwaway one
WRONG_PIN = "246801"
# Four tries before the lock: the refusal's shot says "3" tries left. No timeout during a run.
ADMIN_SETTINGS = AdminSettings(max_pin_attempts=4, idle_timeout_s=3600.0)
SETTLE_S = 1.2  # a screen's first answers from the facade (the overview refreshes once a second)


def admin_shot_names(screens: Sequence[type[AdminScreen]] = ADMIN_SCREENS) -> list[str]:
    """The admin shots' names in the order they are taken: the pad's, each screen's, the navigation."""
    names = [*PAD_SHOTS, *(screen.name for screen in screens), NAVIGATION_SHOT]
    return [f"{PREFIX}{name}" for name in names]


def admin_shot_titles(screens: Sequence[type[AdminScreen]] = ADMIN_SCREENS) -> dict[str, str]:
    """What the index says above each admin shot."""
    titles = {
        f"{PREFIX}pin": "admin mode: the PIN pad (after the corner gesture)",
        f"{PREFIX}pin_refused": "admin mode: the PIN pad after a wrong PIN",
        f"{PREFIX}{NAVIGATION_SHOT}": "admin mode: the shell's navigation, its last entry tapped",
    }
    for screen in screens:
        titles[f"{PREFIX}{screen.name}"] = f"admin mode: the {screen.name} screen"
    return titles


async def make_accounts(runtime: StationRuntime, operators: OperatorFacade, count: int) -> list[int]:
    """One operator account per window (their wrong PINs are counted apart), made as
    `python -m app admin add-user` makes one; their staff numbers."""

    def make() -> list[int]:
        numbers = []
        with session_factory(runtime.engine)() as db, db.begin():
            for index in range(count):
                view = add_account(
                    db,
                    name=STAFF_NAMES[index % len(STAFF_NAMES)]
                    + (f" {index + 1}" if index >= len(STAFF_NAMES) else ""),
                    role="operator",
                    pin=STAFF_PIN,
                    settings=operators.settings,
                    actor="console",
                )
                numbers.append(view.account_id)
        return numbers

    return await asyncio.to_thread(make)


def _admin(window: KioskWindow) -> AdminMode:
    if window.admin is None:
        raise RuntimeError("the screenshots' kiosk window has no admin mode (no operator facade)")
    return window.admin


def _type(window: KioskWindow, digits: str) -> None:
    """Digits and OK tapped on the PIN pad's own keys."""
    pad = _admin(window).pad
    for key in [*digits, "ok"]:
        pad.keys[key].click()


async def shoot_admin_mode(
    runtime: StationRuntime, operators: OperatorFacade, windows: Sequence[KioskWindow], camera: Camera
) -> None:
    """The PIN pad, every screen through the shell, the navigation; each window signed out by Exit."""
    numbers = await make_accounts(runtime, operators, len(windows))
    for window in windows:
        if not window.open_admin():
            raise RuntimeError("the admin mode did not open from the idle screen")
    await camera.take(f"{PREFIX}pin")
    for window, number in zip(windows, numbers, strict=True):
        _type(window, str(number))
        _type(window, WRONG_PIN)
    await until(
        lambda: all(_admin(w).pad.message_kind == "wrong_left" for w in windows), "the wrong PIN's answer"
    )
    await camera.take(f"{PREFIX}pin_refused")
    # A wrong PIN makes the account wait before its next try (docs/admin.md "PIN policy").
    await asyncio.sleep(operators.settings.pin_delay_s + 0.2)
    for window in windows:
        _type(window, STAFF_PIN)
    await until(
        lambda: all(_admin(w).currentWidget() is _admin(w).shell for w in windows), "the signed-in shell"
    )
    shells = [_admin(window).shell for window in windows]
    for screen_class in shells[0].offered:
        name = f"{PREFIX}{screen_class.name}"
        if camera.only and name not in camera.only:
            continue
        context = await screen_class.sample_context(_admin(windows[0]).env)
        for shell in shells:
            shell.show_screen(screen_class.name, context)
        await asyncio.sleep(SETTLE_S)
        await camera.take(name)
    if shells[0].offered:
        last = shells[0].offered[-1].name
        for shell in shells:
            shell.nav_buttons[last].click()  # a tap on the navigation: the marking moves there
        await asyncio.sleep(SETTLE_S)
        await camera.take(f"{PREFIX}{NAVIGATION_SHOT}")
    for shell in shells:
        shell.exit.click()
    await until(lambda: not any(w.admin_active() for w in windows), "the driver's screen after Exit")
