"""Predictive-maintenance alarms to the central system as DataTransfer (OCPP 1.6 section 4.3).

OCPP 1.6 has no message for a maintenance forecast, so a raised or cleared alarm goes as a vendor
DataTransfer: vendorId the station's `[ocpp] vendor`, messageId `MaintenanceAlarm`, data the alarm as
JSON (docs/analytics.md, "Predictive maintenance"). The OCPP service sends it while the charge point is
registered and keeps an alarm's latest state until it is registered again
(OcppService.send_maintenance_alarm); the alarm itself is kept in the ledger (maintenance_alarms, the
event log).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from app.analytics import Alarm
from app.ocpp.errors import CsmsCallError

log = logging.getLogger(__name__)

MESSAGE_ID = "MaintenanceAlarm"
VENDOR_ID_MAX = 255  # CiString255Type (section 6.16 DataTransfer.req)


def _iso(epoch_s: int | None) -> str | None:
    if epoch_s is None:
        return None
    return datetime.fromtimestamp(epoch_s, UTC).isoformat().replace("+00:00", "Z")


def alarm_json(alarm: Alarm) -> str:
    """The alarm as the data of the DataTransfer: kind, subject, raised or cleared, message, evidence."""
    return json.dumps(
        {
            "kind": alarm.kind,
            "subject": alarm.subject,
            "state": "raised" if alarm.cleared_at_s is None else "cleared",
            "raisedAt": _iso(alarm.raised_at_s),
            "clearedAt": _iso(alarm.cleared_at_s),
            "message": alarm.message,
            "evidence": alarm.evidence,
        },
        sort_keys=True,
        default=str,  # evidence may hold dates or decimals: as text rather than a failed send
    )


def data_transfer(alarm: Alarm, vendor: str) -> dict[str, Any]:
    """DataTransfer.req's payload for one alarm."""
    return {"vendorId": vendor[:VENDOR_ID_MAX], "messageId": MESSAGE_ID, "data": alarm_json(alarm)}


async def send_alarm(
    send: Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]], payload: dict[str, Any]
) -> None:
    """Sends one DataTransfer; a refusal or a lost link is logged (the ledger keeps the alarm)."""
    try:
        answer = await send("DataTransfer", payload)
    except (CsmsCallError, TimeoutError, ConnectionError) as err:
        log.warning("maintenance alarm not sent to the central system: %s", err)
        return
    if answer.get("status") != "Accepted":
        log.info("the central system answered the maintenance alarm with %s", answer.get("status"))
