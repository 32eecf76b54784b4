"""The tariff engine's public face: the validated tariff, its plain form, the cost and the driver's lines."""

from __future__ import annotations

from app.tariffs.cost import CostBreakdown, EnergyLine, SessionUsage, UsageError, compute_cost, window_at
from app.tariffs.display import cost_lines, price_lines
from app.tariffs.messages import text
from app.tariffs.model import DEFAULT_SST_RATE_bp, Tariff, TariffError, TouWindow
from app.tariffs.plain_form import tariff_from_dict, tariff_to_dict

__all__ = [
    "CostBreakdown",
    "DEFAULT_SST_RATE_bp",
    "EnergyLine",
    "SessionUsage",
    "Tariff",
    "TariffError",
    "TouWindow",
    "UsageError",
    "compute_cost",
    "cost_lines",
    "price_lines",
    "tariff_from_dict",
    "tariff_to_dict",
    "text",
    "window_at",
]
