"""Local days, weeks and months at the station's fixed UTC offset, in epoch seconds (docs/analytics.md)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from app.analytics.figures import Granularity, Period

DAY_S = 86400
HOUR_S = 3600
# 1970-01-01 was a Thursday: weekday 3 with Monday = 0.
_EPOCH_WEEKDAY = 3
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def utc(ts_s: int) -> datetime:
    """Epoch seconds as an aware UTC datetime (the ledger's timestamp columns)."""
    return datetime.fromtimestamp(ts_s, UTC)


def day_start(ts_s: int, utc_offset_s: int) -> int:
    """The local midnight at or before `ts_s`."""
    return (ts_s + utc_offset_s) // DAY_S * DAY_S - utc_offset_s


def local_weekday_hour(ts_s: int, utc_offset_s: int) -> tuple[int, int]:
    """(weekday 0 = Monday .. 6, hour 0..23) of `ts_s` in local time."""
    local = ts_s + utc_offset_s
    return (local // DAY_S + _EPOCH_WEEKDAY) % 7, local % DAY_S // HOUR_S


def month_start(year: int, month: int, utc_offset_s: int) -> int:
    return int(datetime(year, month, 1, tzinfo=UTC).timestamp()) - utc_offset_s


def month_period(month: str, utc_offset_s: int) -> Period:
    """The local days of a month given as "YYYY-MM"; ValueError names what is wrong."""
    match = _MONTH.match(month)
    if match is None:
        raise ValueError(f"month {month!r}: expected YYYY-MM, e.g. 2026-11")
    year, number = int(match.group(1)), int(match.group(2))
    if not 1 <= number <= 12 or year < 1970:
        raise ValueError(f"month {month!r}: no such month")
    following = (year + 1, 1) if number == 12 else (year, number + 1)
    return Period(month_start(year, number, utc_offset_s), month_start(*following, utc_offset_s))


def months_ending(period_end_s: int, count: int, utc_offset_s: int) -> Period:
    """The `count` whole months ending at `period_end_s` (a local month start): the rolling window."""
    local = datetime.fromtimestamp(period_end_s + utc_offset_s, UTC)
    index = local.year * 12 + local.month - 1 - count
    return Period(month_start(index // 12, index % 12 + 1, utc_offset_s), period_end_s)


def days(period: Period) -> range:
    return range(period.start_s, period.end_s, DAY_S)


def bucket_start(ts_s: int, granularity: Granularity, utc_offset_s: int) -> int:
    """The local start of the hour, day, ISO week (Monday) or month that holds `ts_s`."""
    if granularity == "hour":
        return ts_s // HOUR_S * HOUR_S  # whole-hour offsets: local hours are UTC hours
    day = day_start(ts_s, utc_offset_s)
    if granularity == "day":
        return day
    if granularity == "week":
        weekday, _ = local_weekday_hour(day, utc_offset_s)
        return day - weekday * DAY_S
    local = datetime.fromtimestamp(ts_s + utc_offset_s, UTC)
    return month_start(local.year, local.month, utc_offset_s)


def next_bucket(start_s: int, granularity: Granularity, utc_offset_s: int) -> int:
    if granularity == "hour":
        return start_s + HOUR_S
    if granularity == "day":
        return start_s + DAY_S
    if granularity == "week":
        return start_s + 7 * DAY_S
    local = datetime.fromtimestamp(start_s + utc_offset_s, UTC)
    following = (local.year + 1, 1) if local.month == 12 else (local.year, local.month + 1)
    return month_start(*following, utc_offset_s)


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    """Seconds [a0, a1) and [b0, b1) share."""
    return max(0, min(a1, b1) - max(a0, b0))
