"""The ledger's periodic job: meter rollups, retention pruning and old outbox messages, off the loop."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine

from app.background_tasks import BackgroundTasks
from app.config import LedgerSettings
from app.db import HOUR_S, RetentionPolicy, outbox, prune, roll_up, session_factory, utc_now

log = logging.getLogger(__name__)


def retention_policy(settings: LedgerSettings) -> RetentionPolicy:
    """The configured retention; 0 days means keep for ever."""

    def days(value: int) -> int | None:
        return value or None

    return RetentionPolicy(
        raw_samples_days=days(settings.raw_samples_days),
        minute_rollups_days=days(settings.minute_rollups_days),
        hour_rollups_days=days(settings.hour_rollups_days),
        day_rollups_days=days(settings.day_rollups_days),
    )


@dataclass
class MaintenanceReport:
    """What the last run did (shown to technicians; asserted by the tests)."""

    runs: int = 0
    failures: int = 0
    last_run_at: datetime | None = None
    last_duration_s: float = 0.0
    rolled_up: dict[int, int] = field(default_factory=dict)  # resolution_s -> rows written, last run
    pruned: dict[str, int] = field(default_factory=dict)  # table -> rows deleted, last run
    last_error: str | None = None


class LedgerMaintenance:
    """Rolls up complete buckets and prunes by the retention policy every `maintenance_interval_s`.

    Each run is two short transactions in a worker thread, so the event loop (the charger links and
    the screens) never waits for it. roll_up() works in whole buckets and records its progress, so a
    run after a long outage catches up and a repeated run writes nothing.
    """

    def __init__(
        self, engine: Engine, settings: LedgerSettings, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.clock = clock
        self.policy = retention_policy(settings)
        self.report = MaintenanceReport()
        self._task = BackgroundTasks("ledger maintenance", log)
        self._lock = asyncio.Lock()

    def start(self) -> None:
        self._task.start(self._run(), name="ledger-maintenance")

    async def stop(self) -> None:
        await self._task.close()

    async def run_once(self) -> MaintenanceReport:
        """One run now (also what the periodic task does); failures are logged and counted, not raised."""
        async with self._lock:
            started = time.monotonic()
            now = self.clock()
            try:
                rolled, pruned = await asyncio.to_thread(self._maintain, now)
            except Exception as err:  # a full disk or a lost database must not stop the station
                self.report.failures += 1
                self.report.last_error = f"{type(err).__name__}: {err}"
                log.exception("ledger maintenance failed")
            else:
                self.report.rolled_up, self.report.pruned = rolled, pruned
                self.report.last_error = None
            self.report.runs += 1
            self.report.last_run_at = now
            self.report.last_duration_s = time.monotonic() - started
            return self.report

    def _maintain(self, now: datetime) -> tuple[dict[int, int], dict[str, int]]:
        now_s = int(now.timestamp())
        factory = session_factory(self.engine)
        with factory.begin() as db:
            rolled = roll_up(db, now_s, utc_offset_s=self.settings.utc_offset_h * HOUR_S)
        with factory.begin() as db:
            pruned = prune(db, self.policy, now_s)
            delivered_before = now - timedelta(days=self.settings.delivered_messages_days)
            pruned["outbox"] = outbox.prune_delivered(db, delivered_before=delivered_before)
        return rolled, pruned

    async def _run(self) -> None:
        while True:
            await self.run_once()
            await asyncio.sleep(self.settings.maintenance_interval_s)
