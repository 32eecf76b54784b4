"""The running station: its runtime composition, clock, event recorder and ledger maintenance."""

from __future__ import annotations

from app.runtime.central_system_port import (
    NO_FLAGS,
    CardAuthorizer,
    CardDecision,
    CentralSystem,
    ConnectorFlags,
)
from app.runtime.clock import StationClock
from app.runtime.event_recorder import EventRecorder
from app.runtime.operator_availability import AvailabilityPlan, Hold, OperatorAvailability
from app.runtime.runtime import StationRuntime, StationRuntimeError

__all__ = [
    "NO_FLAGS",
    "AvailabilityPlan",
    "CardAuthorizer",
    "CardDecision",
    "CentralSystem",
    "ConnectorFlags",
    "EventRecorder",
    "Hold",
    "OperatorAvailability",
    "StationClock",
    "StationRuntime",
    "StationRuntimeError",
]
