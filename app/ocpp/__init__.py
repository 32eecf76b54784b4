"""The OCPP 1.6J charge point: connection, message handlers, configuration keys and the transaction queue.

Its public face is what the launcher needs: the builder of the station's central-system link (the
runtime and the driver side see it only through app.runtime.central_system_port), and the hook that
sends the analytics' maintenance alarms to it; for the admin mode, the charge points' link states and
the GetDiagnostics archive.
"""

from __future__ import annotations

from app.ocpp.central_system import (
    ChargePointLink,
    build_central_system,
    central_system_links,
    diagnostics_archive,
    send_maintenance_alarm,
)
from app.ocpp.diagnostics import REDACTED, DiagnosticsUploader, redact

__all__ = [
    "REDACTED",
    "ChargePointLink",
    "DiagnosticsUploader",
    "build_central_system",
    "central_system_links",
    "diagnostics_archive",
    "redact",
    "send_maintenance_alarm",
]
