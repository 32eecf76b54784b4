"""Wiring of the analytics: the recorder of the live records (a companion started after the runtime and
stopped before it, while the ledger writer still runs) and the hook that sends maintenance alarms to the
central system when one is connected (docs/analytics.md)."""

from __future__ import annotations

from app.analytics import Alarm, AnalyticsRecorder
from app.ocpp import send_maintenance_alarm
from app.runtime import StationRuntime


class AnalyticsSide:
    """The station's analytics recorder, and where its maintenance alarms go."""

    def __init__(self, runtime: StationRuntime) -> None:
        self.runtime = runtime
        self.recorder = AnalyticsRecorder.for_runtime(runtime)

    async def start(self) -> None:
        await self.recorder.start()

    async def stop(self) -> None:
        await self.recorder.stop()

    def alarm_changed(self, alarm: Alarm) -> None:
        """A maintenance alarm raised or cleared by the analytics' refresh: to the central system as
        DataTransfer (app/ocpp/maintenance_alarms.py); the ledger keeps it either way."""
        send_maintenance_alarm(self.runtime.ocpp, alarm)
