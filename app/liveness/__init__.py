"""The station's liveness towards the service manager: READY=1 when up, WATCHDOG=1 while it works."""

from __future__ import annotations

from app.liveness.monitor import LivenessMonitor, LivenessTiming, ServiceNotifier

__all__ = ["LivenessMonitor", "LivenessTiming", "ServiceNotifier"]
