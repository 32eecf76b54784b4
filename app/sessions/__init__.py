"""Charging sessions: the service that opens and closes them, their states and the ledger."""

from __future__ import annotations

from app.sessions.connector_condition import Condition, connector_condition, worst_fault
from app.sessions.ledger import (
    CHARGER_STREAM_PREFIX,
    OUTBOX_STREAM,
    SessionRefusedError,
    enqueue_meter_values,
    ocpp_stream,
    session_cost,
)
from app.sessions.service import SessionChange, SessionService, SessionTiming, host_boot_time
from app.sessions.states import ENDED, FINISHING, RUNNING_STATES

__all__ = [
    "CHARGER_STREAM_PREFIX",
    "ENDED",
    "FINISHING",
    "OUTBOX_STREAM",
    "RUNNING_STATES",
    "Condition",
    "SessionChange",
    "SessionRefusedError",
    "SessionService",
    "SessionTiming",
    "connector_condition",
    "enqueue_meter_values",
    "host_boot_time",
    "ocpp_stream",
    "session_cost",
    "worst_fault",
]
