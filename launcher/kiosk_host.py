"""The kiosk's host: the station and its driver facade on a qasync loop inside Qt, the window shown.

The composition root's part of the kiosk: kiosk_ui draws, this starts and stops the station around it.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk_ui.app import KioskWindow, fit_to_screen
from kiosk_ui.main_thread_gc import LONG_LIVED_AFTER_MS, MainThreadCollector
from kiosk_ui.theme import load_theme

if TYPE_CHECKING:
    from app.admin import OperatorFacade
    from app.driver import DriverFacade
    from app.runtime import StationRuntime
    from launcher.payments import Companion


def run_kiosk(
    runtime: StationRuntime,
    facade: DriverFacade,
    *,
    fullscreen: bool = True,
    size: tuple[int, int] | None = None,
    argv: list[str] | None = None,
    on_shown: Callable[[KioskWindow], None] | None = None,
    companions: Sequence[Companion] = (),
    operators: OperatorFacade | None = None,
    faces: Sequence[Companion] = (),
) -> int:
    """Starts the runtime and the facade on a qasync loop inside Qt, shows the kiosk and runs until the
    window closes, SIGTERM/SIGINT, or the runtime asks to stop (an OCPP reset); returns the exit code.

    on_shown(window) runs once the kiosk is shown, on the running loop: the demo opens its simulator
    panel there, the benchmarks watch the first paint. `companions` (the payment side) start after the
    runtime and before the facade, and stop in the reverse order. `operators`: the operator facade that
    the admin mode signs in to (None: the kiosk has no admin mode). `faces` (the web face) start after
    the facade and stop before it."""
    import qasync

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or ["kiosk"])
    app.setQuitOnLastWindowClosed(False)  # the loop ends after the facade and runtime stopped, not before
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    done = asyncio.Event()
    collector = MainThreadCollector()

    async def main() -> int:
        await runtime.start()
        started: list[Companion] = []
        started_faces: list[Companion] = []
        try:
            for companion in companions:
                await companion.start()
                started.append(companion)
            await facade.start()
            for face in faces:
                await face.start()
                started_faces.append(face)
            screen = QGuiApplication.primaryScreen()
            window = KioskWindow(
                facade,
                theme=load_theme(
                    *(size or (screen.geometry().width(), screen.geometry().height())),
                    physical_dpi=screen.physicalDotsPerInch(),
                ),
                operators=operators,
            )
            window.destroyed.connect(done.set)
            if fullscreen:
                # No pointer on a kiosk: cage draws none without a mouse, but a technician's mouse
                # plugged in must not leave an arrow over the driver's screen.
                app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
                fit_to_screen(window)
            else:
                window.resize(*(size or (800, 480)))
                window.show()
            if on_shown is not None:
                on_shown(window)
            # Once the first screen has painted, what is alive lives as long as the kiosk.
            QTimer.singleShot(LONG_LIVED_AFTER_MS, collector.freeze_long_lived)
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(sig, done.set)
            app.lastWindowClosed.connect(done.set)  # the window closed: stop in order, then end the loop
            stopping = asyncio.ensure_future(runtime.stopping.wait())
            stopping.add_done_callback(lambda _: done.set())
            await done.wait()
            stopping.cancel()
            signed_in = window.admin.operator if window.admin is not None else None
            window.close_kiosk()
            window.close()
            if operators is not None and signed_in is not None:
                # The station stops with someone in admin mode: their sign-in ends in the audit log too.
                await operators.sign_out(signed_in, "shutdown")
        finally:
            for face in reversed(started_faces):
                await face.stop()
            await facade.stop()
            for companion in reversed(started):
                await companion.stop()
            await runtime.stop()
        return 0

    try:
        with loop:
            collector.start()
            try:
                code: int = loop.run_until_complete(main())  # qasync has no type information
                return code
            finally:
                collector.stop()
    finally:
        asyncio.set_event_loop(None)
