"""The CSV reports parsed back with the csv module: header, local ISO 8601 times, kWh and money as text."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from app.analytics.figures import DayRow, SessionRow
from app.analytics.report_csv import (
    DAY_COLUMNS,
    SESSION_COLUMNS,
    save_days,
    save_sessions,
    write_sessions,
)

OFFSET = 8 * 3600
START = int(datetime(2026, 11, 3, 6, 5, 0, tzinfo=UTC).timestamp())  # 14:05 local


def session(**changes: object) -> SessionRow:
    values: dict[str, object] = {
        "session_id": 7,
        "transaction_ref": 1007,
        "connector": "CP-01/1",
        "started_at_s": START,
        "stopped_at_s": START + 5400,
        "id_tag": "04A1B2C3",
        "method": "card_present",
        "energy_Wh": 12_345,
        "gross_minor": 123_456,
        "tax_minor": 6_988,
        "idle_fee_minor": 0,
        "refunded_minor": 50,
        "currency": "MYR",
        "stop_reason": "EVDisconnected",
    }
    values.update(changes)
    return SessionRow(**values)  # type: ignore[arg-type]


def test_sessions_round_trip(tmp_path: Path) -> None:
    rows = [
        session(),
        # A running session, a name with a comma and a quote, a tag-less wallet payment in yen.
        session(
            session_id=8,
            connector='Bay "A", left',
            stopped_at_s=None,
            id_tag=None,
            method="grabpay",
            energy_Wh=0,
            gross_minor=500,
            currency="JPY",
            stop_reason=None,
        ),
    ]
    path = tmp_path / "sessions.csv"
    assert save_sessions(rows, OFFSET, path) == 2
    raw = path.read_bytes()
    assert b"\r\n" in raw  # RFC 4180 line ends
    with path.open(encoding="utf-8", newline="") as f:
        parsed = list(csv.reader(f))
    assert tuple(parsed[0]) == SESSION_COLUMNS
    first = dict(zip(SESSION_COLUMNS, parsed[1], strict=True))
    assert first == {
        "session_id": "7",
        "transaction_ref": "1007",
        "connector": "CP-01/1",
        "started_at": "2026-11-03T14:05:00+08:00",
        "stopped_at": "2026-11-03T15:35:00+08:00",
        "id_tag": "04A1B2C3",
        "method": "card_present",
        "energy_kWh": "12.345",
        "gross": "1234.56",
        "tax": "69.88",
        "idle_fee": "0.00",
        "refunded": "0.50",
        "currency": "MYR",
        "stop_reason": "EVDisconnected",
    }
    second = dict(zip(SESSION_COLUMNS, parsed[2], strict=True))
    assert second["connector"] == 'Bay "A", left'
    assert second["stopped_at"] == "" and second["id_tag"] == "" and second["stop_reason"] == ""
    assert second["energy_kWh"] == "0.000"
    assert second["gross"] == "500"  # yen have no minor unit
    local = datetime.fromisoformat(first["started_at"])
    assert local.utcoffset() == timedelta(hours=8) and int(local.timestamp()) == START


def test_days_round_trip(tmp_path: Path) -> None:
    day = int(datetime(2026, 11, 2, tzinfo=timezone(timedelta(hours=8))).timestamp())
    rows = [
        DayRow(day, "CP-01/1", 3, 24_518, 7200, 1800, 86400, 7200, 3600, 2, 3456),
        DayRow(day + 86400, "CP-01/1", 0, 0, 0, 0, 0, 0, 0, 0, 0),
    ]
    path = tmp_path / "days.csv"
    assert save_days(rows, OFFSET, path) == 2
    with path.open(encoding="utf-8", newline="") as f:
        parsed = list(csv.DictReader(f))
    assert tuple(parsed[0]) == DAY_COLUMNS
    assert parsed[0] == {
        "day": "2026-11-02",
        "connector": "CP-01/1",
        "sessions": "3",
        "energy_kWh": "24.518",
        "charging_h": "2.000",
        "idle_h": "0.500",
        "known_h": "24.000",
        "outage_h": "2.000",
        "excluded_h": "1.000",
        "uptime_percent": "95.8333",  # (86400 - (7200 - 3600)) / 86400
        "faults": "2",
        "gross": "34.56",
    }
    assert parsed[1]["day"] == "2026-11-03" and parsed[1]["uptime_percent"] == "100.0000"


def test_text_stream_and_utf8() -> None:
    out = io.StringIO(newline="")
    write_sessions([session(id_tag="Siti Nurhaliza ✓")], OFFSET, out)
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert row["id_tag"] == "Siti Nurhaliza ✓"
