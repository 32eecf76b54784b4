"""The chargers: one link task per ESP32, their health, the manager and what it publishes."""

from __future__ import annotations

from app.chargers.events import (
    ConnectorSessionChange,
    ConnectorView,
    FaultEvent,
    LinkEvent,
    SessionEvent,
    StationEvent,
    StatusEvent,
    VehicleEvent,
)
from app.chargers.link_task import LinkState, link_usable
from app.chargers.live_view import render_table
from app.chargers.manager import ChargerManager

__all__ = [
    "ChargerManager",
    "ConnectorSessionChange",
    "ConnectorView",
    "FaultEvent",
    "LinkEvent",
    "LinkState",
    "SessionEvent",
    "StationEvent",
    "StatusEvent",
    "VehicleEvent",
    "link_usable",
    "render_table",
]
