"""Runs the analytics refresh at start (catching up) and after each local midnight, off the event loop.

Alarms raised or cleared go to the listeners (the central system's DataTransfer, screens) once their
rows and event log entries are committed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime

from app.analytics.figures import Alarm, RefreshReport
from app.analytics.periods import DAY_S, day_start
from app.analytics.service import Analytics
from app.db import utc_now
from hal.listeners import Listeners

log = logging.getLogger(__name__)

# After midnight the ledger's maintenance must first roll the day's last hour up (it runs every minute
# by default: docs/database.md); the refresh waits this long past midnight.
AFTER_MIDNIGHT_S = 300
RETRY_S = 600  # a refresh that failed (database briefly unwritable) is tried again this much later


class AnalyticsRefresher:
    """The refresh task: start() catches up and schedules; stop() cancels and waits for it."""

    def __init__(self, analytics: Analytics, clock: Callable[[], datetime] = utc_now) -> None:
        self.analytics = analytics
        self.clock = clock
        self.alarms: Listeners[Alarm] = Listeners("analytics alarm", log)
        self.last: RefreshReport | None = None
        self.failures = 0
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="analytics refresh")

    async def stop(self) -> None:
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None

    def seconds_to_next(self) -> float:
        now = self.clock().timestamp()
        next_midnight = day_start(int(now), self.analytics.utc_offset_s) + DAY_S
        return max(1.0, next_midnight + AFTER_MIDNIGHT_S - now)

    async def refresh_now(self) -> RefreshReport:
        report = await asyncio.to_thread(self.analytics.refresh)
        self.last = report
        if report.days or report.raised or report.cleared:
            log.info(
                "analytics: %d day(s) rolled up in %.2f s, %d alarm(s) raised, %d cleared",
                report.days,
                report.duration_s,
                len(report.raised),
                len(report.cleared),
            )
        for alarm in (*report.raised, *report.cleared):
            self.alarms.emit(alarm)
        return report

    async def _run(self) -> None:
        while True:
            try:
                await self.refresh_now()
                delay = self.seconds_to_next()
            except Exception:  # the ledger may be briefly unusable: the next try catches up
                self.failures += 1
                log.exception("analytics refresh failed")
                delay = RETRY_S
            await asyncio.sleep(delay)
