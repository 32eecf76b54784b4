"""The station under systemd: the liveness monitor wired to the notification socket, when there is one."""

from __future__ import annotations

import os

from app.liveness import LivenessMonitor, LivenessTiming
from app.runtime import StationRuntime
from hal.service_manager import ServiceManagerNotifier, watchdog_interval_s


def service_watchdog(runtime: StationRuntime, *, wait_for_ui: bool = False) -> LivenessMonitor | None:
    """READY=1 and the watchdog's pings (docs/deployment.md), or None when not started by systemd with
    Type=notify ($NOTIFY_SOCKET unset: a terminal, the demo)."""
    notifier = ServiceManagerNotifier()
    if not notifier.enabled:
        return None
    return LivenessMonitor(
        runtime,
        notifier,
        LivenessTiming(watchdog_s=watchdog_interval_s()),
        wait_for_ui=wait_for_ui,
        main_pid=os.getpid(),
    )
