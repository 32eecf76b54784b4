"""Ledgers for the backup tests: a migrated SQLite ledger with sessions and meter samples, its rows read
back, the `python -m app` commands run as the operator runs them."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from app.db.engine import make_engine, session_factory
from app.db.models import ChargingSession, RuntimeSetting, SessionTransition
from app.db.schema_guard import check_and_migrate
from app.tariffs import tariff_from_dict, tariff_to_dict

REPO = Path(__file__).resolve().parents[3]
TARIFF = tariff_to_dict(tariff_from_dict({"energy_price_per_kWh": "0.60", "session_fee": "1.00"}))
T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
COUNTER = "backup-test-sessions"  # a runtime setting the writer sets in each session's transaction


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def add_sessions(engine: Engine, connector_id: int, first_ref: int, count: int) -> None:
    """Each session in its own transaction, with its first transition and the counter: a backup that
    holds a session without its transition or counter was not taken at one commit."""
    sessions = session_factory(engine)
    for ref in range(first_ref, first_ref + count):
        with sessions.begin() as db:
            row = ChargingSession(
                transaction_ref=ref,
                connector_id=connector_id,
                state="charging",
                meter_start_Wh=1000 + ref,
                tariff=TARIFF,
                currency="MYR",
                started_at=T0 + timedelta(minutes=ref),
            )
            db.add(row)
            db.flush()
            db.add(SessionTransition(session_id=row.id, seq=1, from_state=None, to_state="charging", at=T0))
            db.merge(RuntimeSetting(key=COUNTER, value=ref, updated_by="test"))


def add_samples(path: Path, connector_id: int, count: int) -> None:
    """Meter samples written straight into the file: megabytes of ledger in a fraction of a second."""
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.executemany(
            'INSERT INTO meter_samples (ts_s, connector_id, "energy_Wh", "power_W", "current_L1_mA", '
            '"current_L2_mA", "current_L3_mA", "voltage_L1_dV", "temperature_dC") '
            "VALUES (?, ?, ?, 7200, 16000, 16000, 16000, 2300, 312)",
            ((1_790_000_000 + i * 10, connector_id, 5000 + i * 20) for i in range(count)),
        )


def populate(url: str, sessions: int) -> int:
    """Migrates the ledger at `url`; one connector (its id is returned) and `sessions` sessions in it."""
    from db_fixtures import create_connectors  # imported once pytest has loaded it as a plugin

    engine = make_engine(url)
    try:
        check_and_migrate(engine)
        (connector,) = create_connectors(engine, 1)
        add_sessions(engine, connector, 1, sessions)
    finally:
        engine.dispose()
    return connector


def new_ledger(path: Path, *, sessions: int = 0, samples: int = 0) -> int:
    """A migrated ledger: one connector (its id is returned), `sessions` sessions, `samples` meter samples."""
    connector = populate(sqlite_url(path), sessions)
    if samples:
        add_samples(path, connector, samples)
    return connector


def session_rows(url: str) -> list[tuple[object, ...]]:
    """Every session, in id order, as plain tuples."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            table = ChargingSession.__table__
            return [tuple(row) for row in connection.execute(select(table).order_by(table.c.id))]
    finally:
        engine.dispose()


def ledger_counts(url: str) -> tuple[int, int, int | None]:
    """(sessions, transitions, the counter setting)."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            sessions = connection.execute(select(func.count()).select_from(ChargingSession)).scalar_one()
            transitions = connection.execute(select(func.count()).select_from(SessionTransition)).scalar_one()
            counter = connection.execute(
                select(RuntimeSetting.value).where(RuntimeSetting.key == COUNTER)
            ).scalar()
            return sessions, transitions, counter
    finally:
        engine.dispose()


def committed_sessions(path: Path) -> int:
    """Sessions committed in the live ledger now (a plain reader: it never blocks the writer)."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return int(connection.execute("SELECT count(*) FROM sessions").fetchone()[0])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_site(tmp: Path, url: str, backup_dir: Path | None = None, extra: str = "") -> Path:
    site = tmp / "site.toml"
    lines = ["[database]", f'url = "{url}"', "[backup]"]
    if backup_dir is not None:
        lines.append(f'dir = "{backup_dir}"')
    site.write_text("\n".join(lines) + "\n" + extra)
    return site


def app_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "app", *args]


@dataclass(frozen=True)
class Outcome:
    """A command's exit code and output, in-process or from a child."""

    returncode: int
    stdout: str
    stderr: str


def app_main(capsys: pytest.CaptureFixture[str], *args: str) -> Outcome:
    """`python -m app ARGS` in this process (stdin is no terminal under pytest), as the operator sees it."""
    from app.__main__ import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return Outcome(code, out, err)


def run_app(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`python -m app ARGS` in a child process, from the repository, stdin not a terminal."""
    return subprocess.run(
        app_command(*args),
        cwd=REPO,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
