"""Load and peak hours of the site; uptime, timeline and reliability of a scope (docs/analytics.md)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import func, or_, select

from app.analytics.daily import OUTAGE_STATES, STATE_COLUMNS
from app.analytics.figures import (
    ConnectorCaps,
    HeatCell,
    Load,
    Period,
    Reliability,
    Scope,
    SitePeakDay,
    StateSpan,
    Uptime,
)
from app.analytics.periods import HOUR_S, local_weekday_hour, overlap, utc
from app.db import BalancerCap, ChargingSession, ConnectorStateSpan, Db, EventLogEntry, MeterRollup, epoch_s

# OCPP 1.6 section 7.39: stop reasons that mean the session did not end as the driver meant it to.
ABNORMAL_STOPS = frozenset({"EmergencyStop", "PowerLoss", "Reboot", "HardReset", "SoftReset", "Other"})


def _hour_occurrences(period: Period, offset: int) -> Counter[tuple[int, int]]:
    counts: Counter[tuple[int, int]] = Counter()
    for hour in range(period.start_s, period.end_s, HOUR_S):
        counts[local_weekday_hour(hour, offset)] += 1
    return counts


def heat_map(
    db: Db, connector_ids: list[int], period: Period, offset: int, now_s: int
) -> tuple[HeatCell, ...]:
    r = MeterRollup
    energy: Counter[tuple[int, int]] = Counter()
    for bucket_s, watt_hours in db.execute(
        select(r.bucket_s, func.sum(r.energy_Wh))
        .where(
            r.resolution_s == HOUR_S,
            r.bucket_s >= period.start_s,
            r.bucket_s < period.end_s,
            r.connector_id.in_(connector_ids),
        )
        .group_by(r.bucket_s)
    ):
        energy[local_weekday_hour(bucket_s, offset)] += int(watt_hours)
    c = ChargingSession
    session_seconds: defaultdict[tuple[int, int], int] = defaultdict(int)
    for started_s, stopped_s in db.execute(
        select(epoch_s(c.started_at), epoch_s(c.stopped_at)).where(
            c.connector_id.in_(connector_ids),
            c.started_at.is_not(None),
            c.started_at < utc(period.end_s),
            or_(c.stopped_at.is_(None), c.stopped_at > utc(period.start_s)),
        )
    ):
        start = max(started_s, period.start_s)
        end = min(stopped_s if stopped_s is not None else now_s, period.end_s)
        hour = start // HOUR_S * HOUR_S
        while hour < end:
            session_seconds[local_weekday_hour(hour, offset)] += overlap(start, end, hour, hour + HOUR_S)
            hour += HOUR_S
    occurrences = _hour_occurrences(period, offset)
    cells = []
    for weekday in range(7):
        for hour_of_day in range(24):
            key = (weekday, hour_of_day)
            count = occurrences[key]
            cells.append(
                HeatCell(
                    weekday,
                    hour_of_day,
                    energy[key],
                    energy[key] / count if count else 0.0,
                    session_seconds[key] / (HOUR_S * count) if count else 0.0,
                )
            )
    return tuple(cells)


def caps(db: Db, names: dict[int, str], period: Period, now_s: int) -> tuple[ConnectorCaps, ...]:
    b = BalancerCap
    counts: Counter[int] = Counter()
    seconds: Counter[int] = Counter()
    for connector_id, started, ended in db.execute(
        select(b.connector_id, b.started_s, b.ended_s).where(
            b.connector_id.in_(list(names)),
            b.started_s < period.end_s,
            or_(b.ended_s.is_(None), b.ended_s > period.start_s),
        )
    ):
        if period.start_s <= started < period.end_s:
            counts[connector_id] += 1
        seconds[connector_id] += overlap(started, ended if ended is not None else now_s, *_bounds(period))
    return tuple(ConnectorCaps(names[c], counts[c], seconds[c]) for c in sorted(names, key=names.__getitem__))


def _bounds(period: Period) -> tuple[int, int]:
    return period.start_s, period.end_s


def load(
    db: Db,
    scope: Scope,
    names: dict[int, str],
    period: Period,
    site: list[dict[str, Any]],
    offset: int,
    now_s: int,
) -> Load:
    return Load(
        period=period,
        scope=scope,
        heat_map=heat_map(db, list(names), period, offset, now_s),
        peak_days=tuple(
            SitePeakDay(s["day_s"], s["peak_W"], s["peak_at_s"], s["limit_W"], s["max_concurrent"])
            for s in site
        ),
        caps=caps(db, names, period, now_s),
    )


def uptime(scope: Scope, period: Period, totals: dict[str, int]) -> Uptime:
    state_s = {state: totals[column] for state, column in STATE_COLUMNS.items()}
    return Uptime(
        scope=scope,
        period=period,
        known_s=sum(state_s.values()),
        outage_s=sum(state_s[state] for state in OUTAGE_STATES),
        excluded_s=totals["excluded_s"],
        state_s=state_s,
    )


def timeline(db: Db, connector_id: int, period: Period, now_s: int) -> tuple[StateSpan, ...]:
    s = ConnectorStateSpan
    spans = db.execute(
        select(s.state, s.detail, s.started_s, s.ended_s)
        .where(
            s.connector_id == connector_id,
            s.started_s < period.end_s,
            or_(s.ended_s.is_(None), s.ended_s > period.start_s),
        )
        .order_by(s.started_s, s.id)
    ).all()
    out = []
    for state, detail, started, ended in spans:
        start = max(started, period.start_s)
        end = min(ended if ended is not None else now_s, period.end_s)
        if end > start:
            out.append(StateSpan(state, detail, start, end))
    return tuple(out)


def reliability(db: Db, scope: Scope, names: dict[int, str], period: Period) -> Reliability:
    c = ChargingSession
    started = successful = 0
    for energy, stopped_at, reason in db.execute(
        select(c.energy_Wh, c.stopped_at, c.stop_reason).where(
            c.connector_id.in_(list(names)),
            c.started_at >= utc(period.start_s),
            c.started_at < utc(period.end_s),
        )
    ):
        started += 1
        if (
            (energy or 0) > 0
            and stopped_at is not None
            and reason is not None
            and reason not in ABNORMAL_STOPS
        ):
            successful += 1
    e = EventLogEntry
    faults = {
        code: int(count)
        for code, count in db.execute(
            select(e.code, func.count())
            .where(
                e.kind == "fault",
                e.connector_name.in_(list(names.values())),
                e.at >= utc(period.start_s),
                e.at < utc(period.end_s),
            )
            .group_by(e.code)
        )
    }
    return Reliability(scope=scope, period=period, sessions=started, successful=successful, faults=faults)
