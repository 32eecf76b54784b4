"""The [analytics] section: the ratings and thresholds of the predictive-maintenance models."""

from __future__ import annotations

from dataclasses import dataclass

from app.config.schema import setting


@dataclass(frozen=True, kw_only=True)
class AnalyticsSettings:
    """Inputs of the maintenance models (docs/analytics.md "Predictive maintenance")."""

    contactor_rated_operations: int = setting(
        100000,
        minimum=1000,
        maximum=100000000,
        doc="Contactor electrical durability at its rated current, AC-1 (IEC 60947-4-1; the data sheet)",
    )
    contactor_rated_current_A: float = setting(
        40.0, minimum=6.0, maximum=500.0, doc="The current the rated durability is given for (AC-1 Ie)"
    )
    contactor_mechanical_operations: int = setting(
        1000000,
        minimum=1000,
        maximum=1000000000,
        doc="Mechanical durability (operations without load): the floor of an operation's wear",
    )
    contactor_wear_exponent: float = setting(
        2.0,
        minimum=1.0,
        maximum=4.0,
        doc="Wear of one operation = (current broken / rated current) ^ this (the data sheet's curve)",
    )
    contactor_alarm_percent: float = setting(
        80.0, minimum=10.0, maximum=100.0, doc="Alarm when this share of the contactor's life is used"
    )
    thermal_drift_factor: float = setting(
        1.2,
        minimum=1.05,
        maximum=5.0,
        doc="Alarm when a connector's temperature rise per A^2 over the last week exceeds its baseline "
        "by this factor",
    )
    thermal_min_current_A: float = setting(
        10.0, minimum=1.0, maximum=80.0, doc="Samples below this current are too cool to judge the rise"
    )
    thermal_settle_minutes: int = setting(
        20, minimum=0, maximum=240, doc="Samples this soon after a session starts are not at steady state"
    )
    fault_alarm_count: int = setting(
        3, minimum=1, maximum=1000, doc="Alarm when a connector latches this many faults of a kind in 30 days"
    )
    fault_alarm_factor: float = setting(
        2.0, minimum=1.0, maximum=100.0, doc="... and that is this many times its usual 30-day count"
    )
    meter_drift_percent: float = setting(
        3.0, minimum=0.5, maximum=50.0, doc="Alarm when the meter and V x I disagree by more over 30 days"
    )
    meter_drift_min_kWh: float = setting(
        20.0, minimum=1.0, maximum=100000.0, doc="The 30 days' energy needed before the meter is judged"
    )
    link_missed_percent: float = setting(
        1.0, minimum=0.01, maximum=100.0, doc="Alarm when more of a charger's polls fail over 7 days"
    )
    link_reconnects_per_day: float = setting(
        3.0, minimum=0.1, maximum=1000.0, doc="Alarm when a charger reconnects more often (7-day mean)"
    )
