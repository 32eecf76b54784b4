"""Wiring of the analytics: the recorder of the live records and the refresh task (one companion, started
after the runtime and stopped before it, while the ledger writer still runs), the queries' service, and
the maintenance alarms sent to the central system when one is connected (docs/analytics.md)."""

from __future__ import annotations

from app.analytics import Alarm, Analytics, AnalyticsRecorder
from app.analytics.refresher import AnalyticsRefresher
from app.config import StationConfig
from app.ocpp import send_maintenance_alarm
from app.runtime import StationRuntime


def build_analytics(runtime: StationRuntime, config: StationConfig) -> Analytics:
    return Analytics.for_config(runtime.engine, config, runtime.clock)


class AnalyticsSide:
    """The station's analytics: the recorder, the refresher, and where the maintenance alarms go."""

    def __init__(self, runtime: StationRuntime, config: StationConfig) -> None:
        self.runtime = runtime
        self.analytics = build_analytics(runtime, config)
        self.recorder = AnalyticsRecorder.for_runtime(runtime)
        self.refresher = AnalyticsRefresher(self.analytics, runtime.clock)
        self.refresher.alarms.subscribe(self.alarm_changed)

    async def start(self) -> None:
        await self.recorder.start()
        await self.refresher.start()

    async def stop(self) -> None:
        await self.refresher.stop()
        await self.recorder.stop()

    def alarm_changed(self, alarm: Alarm) -> None:
        """A maintenance alarm raised or cleared by the refresh: to the central system as DataTransfer
        (app/ocpp/maintenance_alarms.py); the ledger keeps it either way."""
        send_maintenance_alarm(self.runtime.ocpp, alarm)
