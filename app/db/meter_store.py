"""Meter samples: batched insert, rollups per minute, hour and day, and pruning by a retention policy.

Times are whole seconds since the Unix epoch (UTC). A rollup's energy is the energy delivered inside
its bucket (the rise of the meter register from the last sample before the bucket to the last one in
it), so buckets of any resolution add up to a session's or a year's energy. Day buckets start at the
station's local midnight, given as a fixed UTC offset in whole hours (Malaysia: UTC+8, no daylight
saving), so hours nest in days.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Integer, and_, delete, func, insert, literal_column, select

from app.db.dialect import Db, rowcount, upsert_insert
from app.db.models_logs import MeterRollup, MeterSample, RollupProgress, RollupRegister

MINUTE_S, HOUR_S, DAY_S = 60, 3600, 86400
DEFAULT_UTC_OFFSET_S = 8 * HOUR_S  # Asia/Kuala_Lumpur
_CHUNK_S = HOUR_S  # raw samples are rolled up an hour at a time to bound memory after a long outage


class Sample(NamedTuple):
    """One reading: connector (connectors.id), time, energy register and instantaneous values."""

    connector_id: int
    ts_s: int
    energy_Wh: int
    power_W: int
    current_L1_mA: int
    current_L2_mA: int
    current_L3_mA: int
    voltage_L1_dV: int
    temperature_dC: int | None = None


@dataclass(frozen=True)
class RetentionPolicy:
    """How long each resolution is kept (days); None keeps it for ever. Sizes: docs/database.md. The
    station's defaults are the [ledger] settings' (app/ledger_maintenance.retention_policy)."""

    raw_samples_days: int | None
    minute_rollups_days: int | None
    hour_rollups_days: int | None
    day_rollups_days: int | None = None


def insert_samples(db: Db, samples: Sequence[Sample]) -> None:
    """Inserts a batch in one statement (executemany); a sample already stored (same connector and
    second, e.g. a batch replayed after a crash) is skipped rather than failing the batch."""
    if samples:
        statement = upsert_insert(db, MeterSample).on_conflict_do_nothing()
        db.execute(statement, [s._asdict() for s in samples])


def _progress(db: Db, resolution_s: int) -> int | None:
    return db.execute(
        select(RollupProgress.done_until_s).where(RollupProgress.resolution_s == resolution_s)
    ).scalar()


def _set_progress(db: Db, resolution_s: int, done_until_s: int) -> None:
    statement = upsert_insert(db, RollupProgress).values(resolution_s=resolution_s, done_until_s=done_until_s)
    db.execute(
        statement.on_conflict_do_update(index_elements=["resolution_s"], set_={"done_until_s": done_until_s})
    )


def _floor(ts_s: int, size_s: int, offset_s: int = 0) -> int:
    return (ts_s + offset_s) // size_s * size_s - offset_s


def _registers(db: Db) -> dict[int, int]:
    return {c: e for c, e in db.execute(select(RollupRegister.connector_id, RollupRegister.energy_Wh))}


def _store_registers(db: Db, base: dict[int, int], at_s: dict[int, int]) -> None:
    if not at_s:
        return
    statement = upsert_insert(db, RollupRegister)
    statement = statement.on_conflict_do_update(
        index_elements=["connector_id"],
        set_={"ts_s": statement.excluded.ts_s, "energy_Wh": statement.excluded.energy_Wh},
    )
    db.execute(statement, [{"connector_id": c, "ts_s": t, "energy_Wh": base[c]} for c, t in at_s.items()])


def _minute_rows(samples: Iterable[Any], base: dict[int, int], at_s: dict[int, int]) -> list[dict[str, int]]:
    buckets: dict[tuple[int, int], dict[str, int]] = {}
    for connector_id, ts_s, energy_Wh, power_W in samples:
        previous = base.get(connector_id)
        at_s[connector_id] = ts_s
        # A register that goes down is a replaced or reset meter: that step is no energy.
        delta = energy_Wh - previous if previous is not None and energy_Wh >= previous else 0
        base[connector_id] = energy_Wh
        key = (connector_id, ts_s // MINUTE_S * MINUTE_S)
        bucket = buckets.get(key)
        if bucket is None:
            buckets[key] = {
                "connector_id": connector_id,
                "resolution_s": MINUTE_S,
                "bucket_s": key[1],
                "energy_Wh": delta,
                "energy_register_Wh": energy_Wh,
                "power_max_W": power_W,
                "samples": 1,
            }
        else:
            bucket["energy_Wh"] += delta
            bucket["energy_register_Wh"] = energy_Wh
            bucket["power_max_W"] = max(bucket["power_max_W"], power_W)
            bucket["samples"] += 1
    return list(buckets.values())


def _roll_up_minutes(db: Db, until_s: int) -> int:
    end = _floor(until_s, MINUTE_S)
    start = _progress(db, MINUTE_S)
    if start is None:
        first = db.execute(select(func.min(MeterSample.ts_s))).scalar()
        if first is None:
            return 0
        start = _floor(first, MINUTE_S)
    written = 0
    base = _registers(db)
    at_s: dict[int, int] = {}
    s = MeterSample
    chunk_start = start
    while chunk_start < end:
        chunk_end = min(end, _floor(chunk_start, _CHUNK_S) + _CHUNK_S)
        rows = db.execute(
            select(s.connector_id, s.ts_s, s.energy_Wh, s.power_W)
            .where(s.ts_s >= chunk_start, s.ts_s < chunk_end)
            .order_by(s.ts_s, s.connector_id)
        ).all()
        minute_rows = _minute_rows(rows, base, at_s)
        _replace_rollups(db, MINUTE_S, chunk_start, chunk_end, minute_rows)
        written += len(minute_rows)
        chunk_start = chunk_end
    if end > start:
        _store_registers(db, base, at_s)
        _set_progress(db, MINUTE_S, end)
    return written


def _replace_rollups(db: Db, resolution_s: int, start_s: int, end_s: int, rows: list[dict[str, int]]) -> None:
    """Rewrites a time range of one resolution, so running a rollup twice never counts energy twice."""
    r = MeterRollup
    db.execute(delete(r).where(r.resolution_s == resolution_s, r.bucket_s >= start_s, r.bucket_s < end_s))
    if rows:
        db.execute(insert(r), rows)


def _roll_up_from(db: Db, source_s: int, target_s: int, offset_s: int) -> int:
    """Builds `target_s` buckets from complete `source_s` buckets, in SQL (GROUP BY on the primary key)."""
    source_done = _progress(db, source_s)
    if source_done is None:
        return 0
    end = _floor(source_done, target_s, offset_s)
    start = _progress(db, target_s)
    if start is None:
        first = db.execute(
            select(func.min(MeterRollup.bucket_s)).where(MeterRollup.resolution_s == source_s)
        ).scalar()
        if first is None:
            return 0
        start = _floor(first, target_s, offset_s)
    if end <= start:
        return 0
    r = MeterRollup
    # Floor division of integers; bucket_s + offset is positive after 1970, so truncation is the floor.
    bucket = ((r.bucket_s + offset_s) // target_s) * target_s - offset_s
    grouped = (
        select(
            r.connector_id,
            literal_column(str(target_s), Integer()),
            bucket,
            func.sum(r.energy_Wh),
            func.max(r.energy_register_Wh),
            func.max(r.power_max_W),
            func.sum(r.samples),
        )
        .where(r.resolution_s == source_s, r.bucket_s >= start, r.bucket_s < end)
        .group_by(r.connector_id, bucket)
    )
    db.execute(delete(r).where(r.resolution_s == target_s, r.bucket_s >= start, r.bucket_s < end))
    columns = [
        "connector_id",
        "resolution_s",
        "bucket_s",
        "energy_Wh",
        "energy_register_Wh",
        "power_max_W",
        "samples",
    ]
    db.execute(insert(r).from_select(columns, grouped))
    _set_progress(db, target_s, end)
    # Counted, not rowcount: drivers differ in what they report for INSERT ... SELECT.
    return int(
        db.execute(
            select(func.count())
            .select_from(r)
            .where(r.resolution_s == target_s, r.bucket_s >= start, r.bucket_s < end)
        ).scalar_one()
    )


def roll_up(db: Db, until_s: int, *, utc_offset_s: int = DEFAULT_UTC_OFFSET_S) -> dict[int, int]:
    """Rolls up every complete minute, hour and local day before `until_s`; rows written per resolution.

    Only whole buckets are rolled up and the progress is stored, so calling it every minute is cheap
    and calling it twice changes nothing.
    """
    if utc_offset_s % HOUR_S:
        raise ValueError(f"utc_offset_s: whole hours only (hours must nest in days), got {utc_offset_s}")
    return {
        MINUTE_S: _roll_up_minutes(db, until_s),
        HOUR_S: _roll_up_from(db, MINUTE_S, HOUR_S, 0),
        DAY_S: _roll_up_from(db, HOUR_S, DAY_S, utc_offset_s),
    }


def prune(db: Db, policy: RetentionPolicy, now_s: int) -> dict[str, int]:
    """Deletes data older than the policy keeps, but never what is not rolled up yet; returns counts."""
    counts: dict[str, int] = {}
    minute_done = _progress(db, MINUTE_S) or 0
    if policy.raw_samples_days is not None:
        cutoff = min(now_s - policy.raw_samples_days * DAY_S, minute_done)
        counts["samples"] = rowcount(db.execute(delete(MeterSample).where(MeterSample.ts_s < cutoff))) or 0
    for key, resolution_s, days, rolled_into in (
        ("minute", MINUTE_S, policy.minute_rollups_days, HOUR_S),
        ("hour", HOUR_S, policy.hour_rollups_days, DAY_S),
        ("day", DAY_S, policy.day_rollups_days, None),
    ):
        if days is None:
            continue
        cutoff = now_s - days * DAY_S
        if rolled_into is not None:
            cutoff = min(cutoff, _progress(db, rolled_into) or 0)
        r = MeterRollup
        counts[key] = (
            rowcount(db.execute(delete(r).where(and_(r.resolution_s == resolution_s, r.bucket_s < cutoff))))
            or 0
        )
    return counts


def rollups(db: Db, resolution_s: int, start_s: int, end_s: int) -> list[tuple[int, int, int]]:
    """(connector_id, bucket_s, energy_Wh) of one resolution in [start_s, end_s), by connector then time."""
    r = MeterRollup
    return [
        (c, b, e)
        for c, b, e in db.execute(
            select(r.connector_id, r.bucket_s, r.energy_Wh)
            .where(r.resolution_s == resolution_s, r.bucket_s >= start_s, r.bucket_s < end_s)
            .order_by(r.connector_id, r.bucket_s)
        )
    ]
