"""The daily rollups: one connector_days row per connector and day, one site_days row per day.

Computed from the ledger's raw records over a range of whole local days; the refresh stores them for
finished days and the queries compute the current day the same way on the fly (docs/analytics.md).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from statistics import median
from typing import Any

from sqlalchemy import and_, func, or_, select

from app.analytics.periods import DAY_S, day_start, overlap, utc
from app.analytics.wear import operation_wear
from app.config import AnalyticsSettings
from app.db import (
    BalancerCap,
    ChargingSession,
    ConnectorStateSpan,
    ContactorOperation,
    Db,
    EventLogEntry,
    MeterRollup,
    MeterSample,
    UptimeExclusion,
    epoch_s,
)

OUTAGE_STATES = ("faulted", "offline", "unavailable")
STATE_COLUMNS = {s: f"{s}_s" for s in ("available", "reserved", "occupied", "charging", *OUTAGE_STATES)}
# Fault kinds the maintenance models follow (event log codes = the firmware's FaultBit names).
FAULT_COLUMNS = {
    "RCD_TRIP": "rcd_trips",
    "GROUND_FAULT": "ground_faults",
    "PILOT_FAULT": "pilot_faults",
    "WELDED_CONTACTOR": "welded_contactors",
}
Rows = dict[tuple[int, int], dict[str, Any]]
# Samples further apart than this many sample periods are a gap, not one interval (link loss).
GAP_INTERVALS = 2.5


@dataclass(frozen=True)
class DayInputs:
    """What a day's computation needs besides the ledger."""

    connectors: dict[int, str]  # connectors.id -> name
    utc_offset_s: int
    now_s: int
    sample_interval_s: float
    settings: AnalyticsSettings


def _empty_day(connector_id: int, day: int) -> dict[str, Any]:
    row: dict[str, Any] = {"connector_id": connector_id, "day_s": day, "sessions": 0, "energy_Wh": 0}
    row |= {column: 0 for column in STATE_COLUMNS.values()}
    row |= {"unknown_s": 0, "excluded_s": 0, "other_faults": 0}
    row |= {column: 0 for column in FAULT_COLUMNS.values()}
    row |= {"thermal_k_mC_per_A2": None, "thermal_samples": 0, "metered_Wh": 0, "vi_Wh": 0.0}
    row |= {"contactor_cycles": None, "contactor_operations": 0, "contactor_wear": 0.0}
    return row


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _excluded(start: int, end: int, exclusions: list[tuple[int, int]]) -> int:
    return sum(overlap(start, end, e0, e1) for e0, e1 in exclusions)


def _states(db: Db, rows: Rows, d0: int, d1: int, inputs: DayInputs) -> None:
    s = ConnectorStateSpan
    spans = db.execute(
        select(s.connector_id, s.state, s.started_s, s.ended_s).where(
            s.started_s < d1, or_(s.ended_s.is_(None), s.ended_s > d0)
        )
    ).all()
    x = UptimeExclusion
    exclusion_rows = db.execute(
        select(x.connector_id, x.started_s, x.ended_s).where(x.started_s < d1, x.ended_s > d0)
    ).all()
    exclusions: dict[int, list[tuple[int, int]]] = {}
    for connector_id in inputs.connectors:
        exclusions[connector_id] = _merge(
            [(a, b) for c, a, b in exclusion_rows if c is None or c == connector_id]
        )
    covered: dict[tuple[int, int], int] = defaultdict(int)
    for connector_id, state, started, ended in spans:
        if connector_id not in inputs.connectors:
            continue
        end = min(inputs.now_s, ended) if ended is not None else inputs.now_s
        for day in range(max(d0, day_start(started, inputs.utc_offset_s)), min(d1, end), DAY_S):
            seconds = overlap(started, end, day, day + DAY_S)
            if not seconds:
                continue
            row = rows[(connector_id, day)]
            row[STATE_COLUMNS[state]] += seconds
            covered[(connector_id, day)] += seconds
            if state in OUTAGE_STATES:
                lo, hi = max(started, day), min(end, day + DAY_S)
                row["excluded_s"] += _excluded(lo, hi, exclusions[connector_id])
    for key, row in rows.items():
        day_end = min(key[1] + DAY_S, max(inputs.now_s, key[1]))
        row["unknown_s"] = max(0, day_end - key[1] - covered.get(key, 0))


def _sessions_and_energy(db: Db, rows: Rows, d0: int, d1: int, offset: int) -> None:
    c = ChargingSession
    start, end = utc(d0), utc(d1)
    for connector_id, started_s in db.execute(
        select(c.connector_id, epoch_s(c.started_at)).where(c.started_at >= start, c.started_at < end)
    ):
        key = (connector_id, day_start(started_s, offset))
        if key in rows:
            rows[key]["sessions"] += 1
    r = MeterRollup
    for connector_id, bucket_s, energy in db.execute(
        select(r.connector_id, r.bucket_s, r.energy_Wh).where(
            r.resolution_s == 3600, r.bucket_s >= d0, r.bucket_s < d1
        )
    ):
        key = (connector_id, day_start(bucket_s, offset))
        if key in rows:
            rows[key]["energy_Wh"] += energy


def _faults(db: Db, rows: Rows, d0: int, d1: int, inputs: DayInputs) -> None:
    by_name = {name: connector_id for connector_id, name in inputs.connectors.items()}
    e = EventLogEntry
    for code, name, at_s in db.execute(
        select(e.code, e.connector_name, epoch_s(e.at)).where(
            e.kind == "fault", e.at >= utc(d0), e.at < utc(d1)
        )
    ):
        connector_id = by_name.get(name or "")
        if connector_id is None:
            continue
        row = rows.get((connector_id, day_start(at_s, inputs.utc_offset_s)))
        if row is not None:
            row[FAULT_COLUMNS.get(code, "other_faults")] += 1


def _samples(db: Db, rows: Rows, d0: int, d1: int, inputs: DayInputs) -> None:
    """Thermal k and the meter's plausibility pair from the raw samples inside sessions."""
    c = ChargingSession
    sessions: dict[int, list[tuple[int, int]]] = defaultdict(list)
    first_start = d0
    for connector_id, started, stopped_s in db.execute(
        select(c.connector_id, epoch_s(c.started_at), epoch_s(c.stopped_at)).where(
            c.started_at.is_not(None),
            c.started_at < utc(d1),
            or_(c.stopped_at.is_(None), c.stopped_at >= utc(d0)),
        )
    ):
        stopped = stopped_s if stopped_s is not None else inputs.now_s
        sessions[connector_id].append((started, stopped))
        first_start = min(first_start, started)
    if not sessions:
        return
    settle_s = inputs.settings.thermal_settle_minutes * 60
    min_mA = inputs.settings.thermal_min_current_A * 1000
    gap_s = GAP_INTERVALS * inputs.sample_interval_s
    m = MeterSample
    # From a little before the earliest session: its ambient is the last sample at or before its start.
    since = first_start - int(gap_s) - 1
    samples: dict[int, list[Any]] = defaultdict(list)
    for sample in db.execute(
        select(
            m.connector_id,
            m.ts_s,
            m.energy_Wh,
            m.current_L1_mA,
            m.current_L2_mA,
            m.current_L3_mA,
            m.voltage_L1_dV,
            m.temperature_dC,
        )
        .where(m.ts_s >= since, m.ts_s < d1, m.connector_id.in_(list(sessions)))
        .order_by(m.connector_id, m.ts_s)
    ):
        samples[sample[0]].append(sample)
    ks: dict[tuple[int, int], list[float]] = defaultdict(list)
    for connector_id, spans in sessions.items():
        series = samples.get(connector_id, [])
        times = [row[1] for row in series]
        for started, stopped in spans:
            _session_samples(series, times, started, stopped, d0, inputs, rows, ks, settle_s, min_mA, gap_s)
    for key, values in ks.items():
        rows[key]["thermal_k_mC_per_A2"] = median(values)
        rows[key]["thermal_samples"] = len(values)


def _session_samples(
    series: list[Any],
    times: list[int],
    started: int,
    stopped: int,
    d0: int,
    inputs: DayInputs,
    rows: Rows,
    ks: dict[tuple[int, int], list[float]],
    settle_s: int,
    min_mA: float,
    gap_s: float,
) -> None:
    first = bisect_left(times, started)
    last = bisect_right(times, stopped)
    ambient_index = bisect_right(times, started) - 1
    ambient = series[ambient_index][7] if ambient_index >= 0 else None
    previous = None
    for index in range(first, last):
        sample = series[index]
        _, ts_s, energy, i1, i2, i3, volts_dV, temperature = sample
        day = day_start(ts_s, inputs.utc_offset_s)
        row = rows.get((sample[0], day)) if ts_s >= d0 else None
        if row is not None and previous is not None and ts_s - previous[1] <= gap_s:
            rise = energy - previous[2]
            if rise >= 0:
                row["metered_Wh"] += rise
                row["vi_Wh"] += volts_dV / 10 * (i1 + i2 + i3) / 1000 * (ts_s - previous[1]) / 3600
        previous = sample
        current = max(i1, i2, i3)
        if (
            row is not None
            and ambient is not None
            and temperature is not None
            and ts_s - started >= settle_s
            and current >= min_mA
        ):
            amps = current / 1000
            ks[(sample[0], day)].append((temperature - ambient) * 100 / (amps * amps))


def _contactors(db: Db, rows: Rows, d0: int, d1: int, inputs: DayInputs) -> None:
    o = ContactorOperation
    # The record just before the range tells whether the counter jumped across its start.
    last_before = dict(
        db.execute(
            select(o.connector_id, func.max(o.cycles)).where(o.at_s < d0).group_by(o.connector_id)
        ).all()
    )
    operations = db.execute(
        select(o.connector_id, o.at_s, o.cycles, o.break_current_mA)
        .where(o.at_s >= d0, o.at_s < d1)
        .order_by(o.connector_id, o.at_s, o.id)
    ).all()
    previous: dict[int, int | None] = {c: last_before.get(c) for c in inputs.connectors}
    for connector_id, at_s, cycles, current_mA in operations:
        row = rows.get((connector_id, day_start(at_s, inputs.utc_offset_s)))
        if row is None:
            continue
        before = previous.get(connector_id)
        # Operations the station did not see count at the rated current (docs/analytics.md).
        unseen = cycles - 1 if before is None else max(0, cycles - before - 1)
        row["contactor_wear"] += unseen + operation_wear(current_mA, inputs.settings)
        row["contactor_operations"] += 1 + unseen
        row["contactor_cycles"] = max(row["contactor_cycles"] or 0, cycles)
        previous[connector_id] = cycles


def connector_days(db: Db, d0: int, d1: int, inputs: DayInputs) -> list[dict[str, Any]]:
    """connector_days rows for every connector and local day in [d0, d1)."""
    rows = {(c, day): _empty_day(c, day) for c in inputs.connectors for day in range(d0, d1, DAY_S)}
    if not rows:
        return []
    _states(db, rows, d0, d1, inputs)
    _sessions_and_energy(db, rows, d0, d1, inputs.utc_offset_s)
    _faults(db, rows, d0, d1, inputs)
    _samples(db, rows, d0, d1, inputs)
    _contactors(db, rows, d0, d1, inputs)
    return list(rows.values())


def site_days(
    db: Db, d0: int, d1: int, inputs: DayInputs, limit_W: int, connector_rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """site_days rows for every local day in [d0, d1)."""
    offset = inputs.utc_offset_s
    out: dict[int, dict[str, Any]] = {
        day: {
            "day_s": day,
            "energy_Wh": 0,
            "peak_W": 0,
            "peak_at_s": None,
            "limit_W": limit_W,
            "sessions": 0,
            "max_concurrent": 0,
            "caps": 0,
            "capped_s": 0,
        }
        for day in range(d0, d1, DAY_S)
    }
    for row in connector_rows:
        out[row["day_s"]]["energy_Wh"] += row["energy_Wh"]
        out[row["day_s"]]["sessions"] += row["sessions"]
    r = MeterRollup
    # The site's demand in a minute: each connector's highest power sample in it, summed (energy per
    # minute would lump a longer sample interval's energy into one minute).
    minute_power = select(r.bucket_s, func.sum(r.power_max_W)).where(
        r.resolution_s == 60, r.bucket_s >= d0, r.bucket_s < d1
    )
    for bucket_s, power in db.execute(minute_power.group_by(r.bucket_s).order_by(r.bucket_s)):
        site = out[day_start(bucket_s, offset)]
        watts = int(power)
        if watts > site["peak_W"]:
            site["peak_W"], site["peak_at_s"] = watts, bucket_s
    _concurrency(db, out, d0, d1, inputs)
    b = BalancerCap
    for started, ended in db.execute(
        select(b.started_s, b.ended_s).where(b.started_s < d1, or_(b.ended_s.is_(None), b.ended_s > d0))
    ):
        end = ended if ended is not None else inputs.now_s
        if d0 <= started < d1:
            out[day_start(started, offset)]["caps"] += 1
        for day in range(max(d0, day_start(started, offset)), min(d1, end), DAY_S):
            out[day]["capped_s"] += overlap(started, end, day, day + DAY_S)
    return list(out.values())


def _concurrency(db: Db, out: dict[int, dict[str, Any]], d0: int, d1: int, inputs: DayInputs) -> None:
    s = ConnectorStateSpan
    edges: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for started, ended in db.execute(
        select(s.started_s, s.ended_s).where(
            and_(s.state == "charging", s.started_s < d1, or_(s.ended_s.is_(None), s.ended_s > d0))
        )
    ):
        end = ended if ended is not None else inputs.now_s
        for day in range(max(d0, day_start(started, inputs.utc_offset_s)), min(d1, end), DAY_S):
            lo, hi = max(started, day), min(end, day + DAY_S)
            if hi > lo:
                edges[day] += [(lo, 1), (hi, -1)]
    for day, events in edges.items():
        running = peak = 0
        for _, step in sorted(events):  # an end sorts before a start at the same second
            running += step
            peak = max(peak, running)
        out[day]["max_concurrent"] = peak
