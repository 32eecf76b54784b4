"""The OCPP 1.6J charge point: connection, message handlers, configuration keys and the transaction queue.

Its public face is what the launcher needs: the builder of the station's central-system link (the
runtime and the driver side see it only through app.runtime.central_system_port), and the hook that
sends the analytics' maintenance alarms to it.
"""

from __future__ import annotations

from app.ocpp.central_system import build_central_system, send_maintenance_alarm

__all__ = ["build_central_system", "send_maintenance_alarm"]
