"""`python -m app report` as a child process against a SQLite ledger made by the project's migrations:
it writes the PDF and both CSVs from the ledger's rows, and refuses a bad month, an unwritable path, a
missing database and a database not at the schema's head with exit code 2 and one line, no traceback."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from db_fixtures import create_connectors
from pypdf import PdfReader
from sqlalchemy import insert, text

from app.config import REPO_ROOT
from app.db import ChargingSession, ConnectorStateSpan, check_and_migrate, make_engine, session_factory

OFFSET = 8 * 3600
DAY0 = int(datetime(2026, 11, 2, tzinfo=UTC).timestamp()) - OFFSET  # Monday 2 November, local midnight


def at(hours: float) -> int:
    return DAY0 + int(hours * 3600)


def dt(ts_s: int) -> datetime:
    return datetime.fromtimestamp(ts_s, UTC)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A configuration file and its ledger: one connector, one paid-by-RFID session on 2 November."""
    ledger = tmp_path / "ledger.sqlite3"
    engine = make_engine(f"sqlite:///{ledger}")
    check_and_migrate(engine)
    (connector,) = create_connectors(engine, 1)
    with session_factory(engine).begin() as db:
        db.execute(
            insert(ConnectorStateSpan),
            [
                {"connector_id": connector, "state": s, "detail": d, "started_s": a, "ended_s": b}
                for s, d, a, b in [
                    ("available", None, at(0), at(8)),
                    ("charging", None, at(8), at(10)),
                    ("faulted", "GROUND_FAULT", at(10), at(11)),
                    ("available", None, at(11), at(24)),
                ]
            ],
        )
        db.add(
            ChargingSession(
                transaction_ref=41,
                connector_id=connector,
                id_tag="CARD-1",
                state="ended",
                stop_reason="EVDisconnected",
                meter_start_Wh=1000,
                meter_stop_Wh=1000 + 14_720,
                energy_Wh=14_720,
                tariff={},
                currency="MYR",
                cost_total_minor=1152,
                cost_tax_minor=65,
                started_at=dt(at(8)),
                stopped_at=dt(at(10)),
                ended_at=dt(at(10)),
            )
        )
    engine.dispose()
    config = tmp_path / "site.toml"
    config.write_text(f'station_name = "Stesen Ujian"\n[database]\nurl = "sqlite:///{ledger}"\n')
    return config


def report(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "report", *map(str, args)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_writes_the_pdf_and_the_csvs(site: Path, tmp_path: Path) -> None:
    pdf, sessions, days = tmp_path / "out.pdf", tmp_path / "s.csv", tmp_path / "d.csv"
    done = report(
        "--month", "2026-11", "--pdf", pdf, "--csv-sessions", sessions, "--csv-days", days,
        "--language", "ms", "--config", site,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"wrote {pdf}" in done.stdout and f"wrote {sessions}: 1 sessions" in done.stdout
    extracted = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "Laporan bulanan" in extracted and "Stesen Ujian" in extracted
    assert "14.720 kWh" in extracted and "RM 11.52" in extracted
    # One connector, its timeline known on 2 November only: 1 h faulted in 24 h known.
    assert "95.83 %" in extracted
    with sessions.open(encoding="utf-8", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["started_at"] == "2026-11-02T08:00:00+08:00" and row["energy_kWh"] == "14.720"
    assert row["gross"] == "11.52" and row["method"] == "rfid" and row["connector"] == "CP-01/1"
    with days.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    nov2 = next(r for r in rows if r["day"] == "2026-11-02")
    # The day's energy is the meter rollups' (none written here); sessions and money are the ledger's.
    assert nov2["sessions"] == "1" and nov2["energy_kWh"] == "0.000"
    assert nov2["charging_h"] == "2.000" and nov2["outage_h"] == "1.000" and nov2["gross"] == "11.52"


@pytest.mark.parametrize(
    ("month", "expected"), [("2026-13", "no such month"), ("Nov 2026", "expected YYYY-MM")]
)
def test_bad_month_exits_2(site: Path, tmp_path: Path, month: str, expected: str) -> None:
    done = report("--month", month, "--pdf", tmp_path / "out.pdf", "--config", site)
    assert done.returncode == 2
    assert expected in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out.pdf").exists()


def test_unwritable_path_exits_2(site: Path, tmp_path: Path) -> None:
    done = report("--month", "2026-11", "--pdf", tmp_path / "missing" / "out.pdf", "--config", site)
    assert done.returncode == 2
    assert "does not exist" in done.stderr and "Traceback" not in done.stderr


def test_no_database_exits_2(tmp_path: Path) -> None:
    config = tmp_path / "site.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "none.sqlite3"}"\n')
    done = report("--month", "2026-11", "--pdf", tmp_path / "out.pdf", "--config", config)
    assert done.returncode == 2
    assert "no ledger database" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "none.sqlite3").exists()  # not created by the attempt


def test_old_schema_is_refused_not_migrated(site: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite3"
    engine = make_engine(f"sqlite:///{ledger}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    engine.dispose()
    done = report("--month", "2026-11", "--pdf", tmp_path / "out.pdf", "--config", site)
    assert done.returncode == 2
    assert "'0001'" in done.stderr and "never changes the database" in done.stderr
    engine = make_engine(f"sqlite:///{ledger}")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0001"
    engine.dispose()
