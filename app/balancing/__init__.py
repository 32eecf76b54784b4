"""Load balancing: the site's power tree, the allocator and its policies, the balancer task."""

from __future__ import annotations

from app.balancing.allocator import MIN_CURRENT_mA
from app.balancing.balancer import BuildingMeter, CycleReport, LoadBalancer

__all__ = [
    "BuildingMeter",
    "CycleReport",
    "LoadBalancer",
    "MIN_CURRENT_mA",
]
