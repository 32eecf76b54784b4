"""The CSV reports: one row per session, one row per connector per local day (docs/analytics.md, "Reports").

RFC 4180 through the csv module (CRLF line ends, quotes where needed), UTF-8, a header row; times in
ISO 8601 local time with the station's offset, energy in kWh with 3 decimals, money as decimal text
in the currency's major unit (app.money), so a spreadsheet reads every value without guessing.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import TextIO

from app.analytics.figures import DayRow, SessionRow
from app.money import minor_digits, scaled_to_text

SESSION_COLUMNS = (
    "session_id",
    "transaction_ref",
    "connector",
    "started_at",
    "stopped_at",
    "id_tag",
    "method",
    "energy_kWh",
    "gross",
    "tax",
    "idle_fee",
    "refunded",
    "currency",
    "stop_reason",
)
DAY_COLUMNS = (
    "day",
    "connector",
    "sessions",
    "energy_kWh",
    "charging_h",
    "idle_h",
    "known_h",
    "outage_h",
    "excluded_h",
    "uptime_percent",
    "faults",
    "gross",
)


def local_iso(ts_s: int, utc_offset_s: int) -> str:
    """2026-11-03T14:05:00+08:00: the local time with its offset (ISO 8601)."""
    zone = timezone(timedelta(seconds=utc_offset_s))
    return datetime.fromtimestamp(ts_s, UTC).astimezone(zone).isoformat()


def local_date(day_s: int, utc_offset_s: int) -> str:
    """The local date of a local midnight: 2026-11-03."""
    return datetime.fromtimestamp(day_s + utc_offset_s, UTC).date().isoformat()


def kwh(energy_Wh: int) -> str:
    return scaled_to_text(energy_Wh, 3)


def hours(seconds: int) -> str:
    # Seconds as hours to the second: 3 decimals keep 3.6 s steps, enough for a spreadsheet.
    return f"{seconds / 3600:.3f}"


def money_text(amount_minor: int, currency: str) -> str:
    """An amount in the currency's major unit as plain decimal text (1234 sen -> "12.34")."""
    return scaled_to_text(amount_minor, minor_digits(currency))


def session_record(row: SessionRow, utc_offset_s: int) -> list[str]:
    return [
        str(row.session_id),
        str(row.transaction_ref),
        row.connector,
        local_iso(row.started_at_s, utc_offset_s),
        "" if row.stopped_at_s is None else local_iso(row.stopped_at_s, utc_offset_s),
        row.id_tag or "",
        row.method,
        kwh(row.energy_Wh),
        money_text(row.gross_minor, row.currency),
        money_text(row.tax_minor, row.currency),
        money_text(row.idle_fee_minor, row.currency),
        money_text(row.refunded_minor, row.currency),
        row.currency,
        row.stop_reason or "",
    ]


def day_record(row: DayRow, utc_offset_s: int, currency: str) -> list[str]:
    return [
        local_date(row.day_s, utc_offset_s),
        row.connector,
        str(row.sessions),
        kwh(row.energy_Wh),
        hours(row.charging_s),
        hours(row.idle_s),
        hours(row.known_s),
        hours(row.outage_s),
        hours(row.excluded_s),
        f"{row.uptime_percent:.4f}",
        str(row.faults),
        money_text(row.gross_minor, currency),
    ]


def write_sessions(rows: Iterable[SessionRow], utc_offset_s: int, out: TextIO) -> int:
    """The session rows to an open text stream (opened with newline=""); the number of rows written."""
    writer = csv.writer(out)
    writer.writerow(SESSION_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(session_record(row, utc_offset_s))
        count += 1
    return count


def write_days(rows: Iterable[DayRow], utc_offset_s: int, out: TextIO, currency: str = "MYR") -> int:
    """The day rows to an open text stream (opened with newline=""); the number of rows written."""
    writer = csv.writer(out)
    writer.writerow(DAY_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(day_record(row, utc_offset_s, currency))
        count += 1
    return count


def save_sessions(rows: Iterable[SessionRow], utc_offset_s: int, path: Path) -> int:
    # newline="": the csv module writes RFC 4180's CRLF itself (Python docs, csv module footnote).
    with path.open("w", encoding="utf-8", newline="") as out:
        return write_sessions(rows, utc_offset_s, out)


def save_days(rows: Iterable[DayRow], utc_offset_s: int, path: Path, currency: str = "MYR") -> int:
    with path.open("w", encoding="utf-8", newline="") as out:
        return write_days(rows, utc_offset_s, out, currency)
