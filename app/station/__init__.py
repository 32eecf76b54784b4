"""The controlled site: the chargers and the load balancer under one arbiter."""

from __future__ import annotations

from app.station.site import Station

__all__ = [
    "Station",
]
