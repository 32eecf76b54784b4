"""The daily rollups as stored: what is refreshed, reading day rows for a period, and writing them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, insert, select

from app.analytics.daily import DayInputs, connector_days, site_days
from app.analytics.figures import Period
from app.analytics.periods import DAY_S, day_start
from app.db import (
    ChargingSession,
    ConnectorDay,
    ConnectorStateSpan,
    ContactorOperation,
    Db,
    MeterSample,
    SiteDay,
    epoch_s,
)


def refreshed_until(db: Db) -> int | None:
    """The local midnight after the last day rolled up, None before the first refresh."""
    last = db.execute(select(func.max(SiteDay.day_s))).scalar()
    return None if last is None else int(last) + DAY_S


def first_record_day(db: Db, utc_offset_s: int) -> int | None:
    """The local day of the ledger's earliest record the analytics read."""
    candidates = [
        db.execute(select(func.min(ConnectorStateSpan.started_s))).scalar(),
        db.execute(select(func.min(epoch_s(ChargingSession.started_at)))).scalar(),
        db.execute(select(func.min(MeterSample.ts_s))).scalar(),
        db.execute(select(func.min(ContactorOperation.at_s))).scalar(),
    ]
    known = [int(c) for c in candidates if c is not None]
    return day_start(min(known), utc_offset_s) if known else None


def _split(db: Db, period: Period, inputs: DayInputs) -> tuple[int, int]:
    """Where the period's stored days end and where the days computed on the fly (up to today) end."""
    done = refreshed_until(db) or period.start_s
    stored_end = min(period.end_s, max(done, period.start_s))
    live_end = min(period.end_s, day_start(inputs.now_s, inputs.utc_offset_s) + DAY_S)
    return stored_end, live_end


def day_rows(db: Db, period: Period, inputs: DayInputs) -> list[dict[str, Any]]:
    """connector_days rows of the period: stored for refreshed days, computed for the others up to now."""
    stored_end, live_end = _split(db, period, inputs)
    rows: list[dict[str, Any]] = []
    if stored_end > period.start_s:
        table = ConnectorDay.__table__
        result = db.execute(
            select(table).where(
                table.c.day_s >= period.start_s,
                table.c.day_s < stored_end,
                table.c.connector_id.in_(list(inputs.connectors)),
            )
        )
        keys = list(result.keys())
        rows = [dict(zip(keys, row, strict=True)) for row in result.all()]
    if live_end > stored_end:
        rows += connector_days(db, stored_end, live_end, inputs)
    return rows


def day_sums(db: Db, period: Period, inputs: DayInputs, columns: list[str]) -> dict[int, dict[str, int]]:
    """Per local day, the sums over the scope's connectors of connector_days columns: summed by the
    database for the refreshed days, computed like day_rows for the others."""
    stored_end, live_end = _split(db, period, inputs)
    days: dict[int, dict[str, int]] = {}
    if stored_end > period.start_s:
        table = ConnectorDay.__table__
        for day_s, *sums in db.execute(
            select(table.c.day_s, *[func.coalesce(func.sum(table.c[name]), 0) for name in columns])
            .where(
                table.c.day_s >= period.start_s,
                table.c.day_s < stored_end,
                table.c.connector_id.in_(list(inputs.connectors)),
            )
            .group_by(table.c.day_s)
        ):
            days[int(day_s)] = {name: int(value) for name, value in zip(columns, sums, strict=True)}
    if live_end > stored_end:
        for row in connector_days(db, stored_end, live_end, inputs):
            day = days.setdefault(row["day_s"], dict.fromkeys(columns, 0))
            for name in columns:
                day[name] += row[name]
    return days


def day_totals(db: Db, period: Period, inputs: DayInputs, columns: list[str]) -> dict[str, int]:
    """The sums of connector_days columns over the whole period (day_sums added up)."""
    totals = dict.fromkeys(columns, 0)
    for day in day_sums(db, period, inputs, columns).values():
        for name in columns:
            totals[name] += day[name]
    return totals


def site_rows(db: Db, period: Period, inputs: DayInputs, limit_W: int) -> list[dict[str, Any]]:
    """site_days rows of the period, stored or computed like day_rows."""
    stored_end, live_end = _split(db, period, inputs)
    columns = [c for c in SiteDay.__table__.c if c.name != "refreshed_at"]
    rows = [
        dict(row._mapping)
        for row in db.execute(
            select(*columns).where(SiteDay.day_s >= period.start_s, SiteDay.day_s < stored_end)
        )
    ]
    if live_end > stored_end:
        live = connector_days(db, stored_end, live_end, inputs)
        rows += site_days(db, stored_end, live_end, inputs, limit_W, live)
    return sorted(rows, key=lambda row: row["day_s"])


def store_days(db: Db, d0: int, d1: int, inputs: DayInputs, limit_W: int) -> int:
    """Computes and stores [d0, d1), replacing what was there; the number of days written."""
    if d1 <= d0:
        return 0
    connector_rows = connector_days(db, d0, d1, inputs)
    site = site_days(db, d0, d1, inputs, limit_W, connector_rows)
    db.execute(delete(ConnectorDay).where(ConnectorDay.day_s >= d0, ConnectorDay.day_s < d1))
    db.execute(delete(SiteDay).where(SiteDay.day_s >= d0, SiteDay.day_s < d1))
    if connector_rows:
        db.execute(insert(ConnectorDay), connector_rows)
    db.execute(insert(SiteDay), site)
    return (d1 - d0) // DAY_S
