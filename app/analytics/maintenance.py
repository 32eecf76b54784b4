"""The predictive-maintenance models over the daily rollups, and the alarm each one's rule raises.

Models, inputs and thresholds: docs/analytics.md "Predictive maintenance"; the thresholds are the
[analytics] settings.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from statistics import median
from typing import Any

from sqlalchemy import func, select

from app.analytics.daily import FAULT_COLUMNS
from app.analytics.figures import (
    ContactorWear,
    FaultTrend,
    LinkHealth,
    MeterPlausibility,
    ThermalTrend,
)
from app.analytics.periods import DAY_S, local_weekday_hour
from app.config import AnalyticsSettings
from app.db import ConnectorDay, ContactorOperation, Db, LinkDay

RECENT_DAYS = 30  # contactor rate, faults, meter
USUAL_DAYS = 180  # the faults' usual rate, before the recent days
THERMAL_RECENT_DAYS = 7
THERMAL_BASELINE_DAYS = 28  # ending THERMAL_BASELINE_GAP_DAYS before the last day
THERMAL_BASELINE_GAP_DAYS = 28
THERMAL_MIN_DAYS = 3
THERMAL_WEEKS = 26
LINK_DAYS = 7


@dataclass(frozen=True)
class Finding:
    """A model's rule holding for one subject: what the alarm will say and its evidence."""

    kind: str
    subject: str
    message: str
    evidence: dict[str, Any]


def contactor_wear(
    db: Db, names: dict[int, str], end_s: int, settings: AnalyticsSettings, offset: int
) -> tuple[ContactorWear, ...]:
    d = ConnectorDay
    totals = {
        c: (float(w or 0), int(n or 0))
        for c, w, n in db.execute(
            select(d.connector_id, func.sum(d.contactor_wear), func.sum(d.contactor_operations))
            .where(d.day_s < end_s)
            .group_by(d.connector_id)
        )
    }
    recent = {
        c: float(w or 0)
        for c, w in db.execute(
            select(d.connector_id, func.sum(d.contactor_wear))
            .where(d.day_s >= end_s - RECENT_DAYS * DAY_S, d.day_s < end_s)
            .group_by(d.connector_id)
        )
    }
    o = ContactorOperation
    recorded = dict(
        db.execute(select(o.connector_id, func.count()).where(o.at_s < end_s).group_by(o.connector_id)).all()
    )
    out = []
    for connector_id, name in sorted(names.items(), key=lambda item: item[1]):
        wear, operations = totals.get(connector_id, (0.0, 0))
        seen = int(recorded.get(connector_id, 0))
        rate = recent.get(connector_id, 0.0) / RECENT_DAYS
        rated = settings.contactor_rated_operations
        replace_by = None
        if wear >= rated:
            replace_by = end_s - DAY_S
        elif rate > 0:
            replace_by = end_s - DAY_S + math.ceil((rated - wear) / rate) * DAY_S
        out.append(
            ContactorWear(
                connector=name,
                operations=seen,
                unseen_operations=max(0, operations - seen),
                wear=wear,
                life_used_percent=100.0 * wear / rated,
                rate_per_day=rate,
                replace_by_s=replace_by,
            )
        )
    return tuple(out)


def _daily_k(db: Db, start_s: int, end_s: int) -> dict[int, list[tuple[int, float]]]:
    d = ConnectorDay
    out: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for connector_id, day, k in db.execute(
        select(d.connector_id, d.day_s, d.thermal_k_mC_per_A2)
        .where(d.day_s >= start_s, d.day_s < end_s, d.thermal_k_mC_per_A2.is_not(None))
        .order_by(d.connector_id, d.day_s)
    ):
        out[connector_id].append((day, float(k or 0.0)))
    return out


def thermal(db: Db, names: dict[int, str], end_s: int, offset: int) -> tuple[ThermalTrend, ...]:
    start = end_s - max(THERMAL_WEEKS * 7, THERMAL_BASELINE_DAYS + THERMAL_BASELINE_GAP_DAYS) * DAY_S
    daily = _daily_k(db, start, end_s)
    baseline_end = end_s - THERMAL_BASELINE_GAP_DAYS * DAY_S
    baseline_start = baseline_end - THERMAL_BASELINE_DAYS * DAY_S
    recent_start = end_s - THERMAL_RECENT_DAYS * DAY_S
    out = []
    for connector_id, name in sorted(names.items(), key=lambda item: item[1]):
        values = daily.get(connector_id, [])
        baseline = [k for day, k in values if baseline_start <= day < baseline_end]
        recent = [k for day, k in values if recent_start <= day < end_s]
        weeks: dict[int, list[float]] = defaultdict(list)
        for day, k in values:
            weekday, _ = local_weekday_hour(day, offset)
            weeks[day - weekday * DAY_S].append(k)
        out.append(
            ThermalTrend(
                connector=name,
                baseline_k=median(baseline) if len(baseline) >= THERMAL_MIN_DAYS else None,
                recent_k=median(recent) if len(recent) >= THERMAL_MIN_DAYS else None,
                weekly=tuple((week, median(ks)) for week, ks in sorted(weeks.items())),
            )
        )
    return tuple(out)


def faults(db: Db, names: dict[int, str], end_s: int) -> tuple[FaultTrend, ...]:
    d = ConnectorDay
    recent_start = end_s - RECENT_DAYS * DAY_S
    usual_start = recent_start - USUAL_DAYS * DAY_S
    columns = [getattr(d, column) for column in FAULT_COLUMNS.values()]
    sums: dict[tuple[int, bool], list[int]] = {}
    for is_recent, (start, end) in ((True, (recent_start, end_s)), (False, (usual_start, recent_start))):
        for connector_id, *counts in db.execute(
            select(d.connector_id, *[func.sum(c) for c in columns])
            .where(d.day_s >= start, d.day_s < end)
            .group_by(d.connector_id)
        ):
            sums[(connector_id, is_recent)] = [int(c or 0) for c in counts]
    out = []
    for connector_id, name in sorted(names.items(), key=lambda item: item[1]):
        recent = sums.get((connector_id, True), [0] * len(columns))
        usual = sums.get((connector_id, False), [0] * len(columns))
        for index, code in enumerate(FAULT_COLUMNS):
            out.append(FaultTrend(name, code, recent[index], usual[index] * RECENT_DAYS / USUAL_DAYS))
    return tuple(out)


def meters(db: Db, names: dict[int, str], end_s: int) -> tuple[MeterPlausibility, ...]:
    d = ConnectorDay
    sums = {
        c: (int(m or 0), float(v or 0))
        for c, m, v in db.execute(
            select(d.connector_id, func.sum(d.metered_Wh), func.sum(d.vi_Wh))
            .where(d.day_s >= end_s - RECENT_DAYS * DAY_S, d.day_s < end_s)
            .group_by(d.connector_id)
        )
    }
    return tuple(
        MeterPlausibility(name, *sums.get(connector_id, (0, 0.0)))
        for connector_id, name in sorted(names.items(), key=lambda item: item[1])
    )


def links(db: Db, chargers: list[str], end_s: int) -> tuple[LinkHealth, ...]:
    k = LinkDay
    sums = {
        c: (int(p or 0), int(m or 0), int(r or 0), int(n or 0))
        for c, p, m, r, n in db.execute(
            select(
                k.charger_id,
                func.sum(k.polls),
                func.sum(k.missed_polls),
                func.sum(k.reconnects),
                func.count(),
            )
            .where(k.day_s >= end_s - LINK_DAYS * DAY_S, k.day_s < end_s)
            .group_by(k.charger_id)
        )
    }
    return tuple(LinkHealth(c, *sums.get(c, (0, 0, 0, 0))) for c in sorted(chargers))


def findings(
    contactors: tuple[ContactorWear, ...],
    thermals: tuple[ThermalTrend, ...],
    fault_trends: tuple[FaultTrend, ...],
    meter_checks: tuple[MeterPlausibility, ...],
    link_checks: tuple[LinkHealth, ...],
    settings: AnalyticsSettings,
) -> list[Finding]:
    """Every alarm rule that holds now (docs/analytics.md)."""
    out: list[Finding] = []
    for wear in contactors:
        if wear.life_used_percent >= settings.contactor_alarm_percent:
            out.append(
                Finding(
                    "contactor_wear",
                    wear.connector,
                    f"{wear.connector}: contactor at {wear.life_used_percent:.1f} % of its rated life",
                    {
                        "life_used_percent": round(wear.life_used_percent, 2),
                        "equivalent_operations": round(wear.wear, 1),
                        "operations": wear.operations,
                        "unseen_operations": wear.unseen_operations,
                        "rate_per_day": round(wear.rate_per_day, 3),
                        "replace_by_s": wear.replace_by_s,
                    },
                )
            )
    for trend in thermals:
        ratio = trend.ratio
        if ratio is not None and ratio >= settings.thermal_drift_factor:
            out.append(
                Finding(
                    "thermal_drift",
                    trend.connector,
                    f"{trend.connector}: temperature rise per A^2 is {ratio:.2f} x its baseline "
                    "(check the terminals' torque)",
                    {
                        "baseline_mC_per_A2": round(trend.baseline_k or 0, 3),
                        "recent_mC_per_A2": round(trend.recent_k or 0, 3),
                        "ratio": round(ratio, 3),
                    },
                )
            )
    for fault in fault_trends:
        minimum = 1 if fault.code == "WELDED_CONTACTOR" else settings.fault_alarm_count
        if fault.recent >= minimum and fault.recent >= settings.fault_alarm_factor * fault.usual:
            out.append(
                Finding(
                    "fault_rise",
                    f"{fault.connector} {fault.code}",
                    f"{fault.connector}: {fault.recent} x {fault.code} in 30 days "
                    f"(usually {fault.usual:.1f})",
                    {"code": fault.code, "recent_30d": fault.recent, "usual_30d": round(fault.usual, 2)},
                )
            )
    for meter in meter_checks:
        drift = meter.drift_percent
        if (
            drift is not None
            and meter.vi_Wh >= settings.meter_drift_min_kWh * 1000
            and abs(drift) > settings.meter_drift_percent
        ):
            out.append(
                Finding(
                    "meter_drift",
                    meter.connector,
                    f"{meter.connector}: meter and V x I differ by {drift:+.1f} % over 30 days",
                    {
                        "metered_Wh": meter.metered_Wh,
                        "vi_Wh": round(meter.vi_Wh, 1),
                        "drift_percent": round(drift, 2),
                    },
                )
            )
    for link in link_checks:
        if link.days and (
            link.missed_percent > settings.link_missed_percent
            or link.reconnects_per_day > settings.link_reconnects_per_day
        ):
            out.append(
                Finding(
                    "link_health",
                    link.charger,
                    f"charger {link.charger}: {link.missed_percent:.2f} % polls missed, "
                    f"{link.reconnects_per_day:.1f} reconnections a day over {link.days} days",
                    {
                        "polls": link.polls,
                        "missed_polls": link.missed_polls,
                        "missed_percent": round(link.missed_percent, 3),
                        "reconnects": link.reconnects,
                        "days": link.days,
                    },
                )
            )
    return out
