"""The contactor wear model: one operation's share of the rated electrical durability (docs/analytics.md)."""

from __future__ import annotations

from app.config import AnalyticsSettings


def operation_wear(break_current_mA: int, settings: AnalyticsSettings) -> float:
    """Equivalent rated operations of breaking `break_current_mA` once.

    IEC 60947-4-1 rates a contactor's electrical durability at its rated current (AC-1) and its
    mechanical durability without load; between them the data sheet's curve is approximated by a power
    of the current, and no operation wears less than a mechanical one.
    """
    ratio = max(0, break_current_mA) / 1000 / settings.contactor_rated_current_A
    floor = settings.contactor_rated_operations / settings.contactor_mechanical_operations
    return max(float(ratio**settings.contactor_wear_exponent), floor)
