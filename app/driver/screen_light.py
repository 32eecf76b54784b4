"""The screen's backlight: full while a driver is at the kiosk or a session runs, dimmed when idle.

A panel at full light all night wears its backlight and dazzles in a dark car park; a blank one looks
like a dead station. So the screen dims after [kiosk] dim_after_s without a touch, a card or a session,
never goes dark, and the next touch or card brings it back at once (docs/deployment.md).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from app.config import KioskSettings

log = logging.getLogger(__name__)

CHECK_S = 1.0  # how often idleness is judged; a touch brightens at once, not at the next check


class ScreenLight:
    """Decides the backlight level and writes it through `backlight` (hal's sysfs writer) off the loop."""

    def __init__(
        self,
        settings: Callable[[], KioskSettings],
        backlight: Callable[[int], object],
        busy: Callable[[], bool],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._settings = settings  # read live: admin mode may change the brightness while it runs
        self._backlight = backlight
        self._busy = busy
        self._clock = clock
        self._last_activity = clock()
        self.level: int | None = None  # the last level written (None: not yet)
        self._writing: asyncio.Task[None] | None = None

    def touched(self) -> None:
        """A touch, a key or a card: the driver is here."""
        self._last_activity = self._clock()
        if self.level != self._settings().brightness_percent:
            self._apply_soon()

    def wanted(self) -> int:
        settings = self._settings()
        if self._busy():
            self._last_activity = self._clock()  # the idle time counts from the session's end
            return settings.brightness_percent
        idle = self._clock() - self._last_activity >= settings.dim_after_s
        return min(settings.dim_percent, settings.brightness_percent) if idle else settings.brightness_percent

    async def run(self) -> None:
        while True:
            await self.apply()
            await asyncio.sleep(CHECK_S)

    async def apply(self) -> None:
        want = self.wanted()
        if want == self.level:
            return
        try:
            # A sysfs write: quick, but a file write all the same, so not on the kiosk's Qt thread.
            await asyncio.to_thread(self._backlight, want)
        except (OSError, ValueError) as err:
            log.warning("backlight not set to %d%%: %s", want, err)
            return
        log.info(
            "screen %s (%d%%)", "dimmed" if want < self._settings().brightness_percent else "bright", want
        )
        self.level = want

    def _apply_soon(self) -> None:
        if self._writing is None or self._writing.done():
            self._writing = asyncio.ensure_future(self.apply())
