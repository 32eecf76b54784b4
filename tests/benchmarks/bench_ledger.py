"""Benchmark: SQLite ledger commit latency with synchronous=FULL, meter sample ingest, a year of rollups.

Run from the repository root: .venv/bin/python tests/benchmarks/bench_ledger.py
The database lives under build/ (the real disk, not a tmpfs), so fsync costs what it costs here.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from sqlalchemy import Engine, insert, text, update  # noqa: E402

from app.db.base import utc_now  # noqa: E402
from app.db.engine import make_engine, read_only  # noqa: E402
from app.db.meter_store import DAY_S, MINUTE_S, Sample, insert_samples, roll_up, rollups  # noqa: E402
from app.db.models import Charger, ChargingSession, Connector, RollupProgress, SessionTransition  # noqa: E402
from app.db.outbox import enqueue  # noqa: E402
from app.db.schema_guard import check_and_migrate  # noqa: E402

CONNECTORS = 16
COMMITS = 400
COMMIT_P99_TARGET_ms = 20.0  # issue 4
INGEST_SAMPLES = 160_000
INGEST_BATCH = 1600  # 100 s of 16 connectors at 1 s, one commit
INGEST_TARGET_per_s = 20_000  # issue 4
YEAR_START_S = 1767196800  # 2026-01-01 00:00 in Kuala Lumpur (UTC+8)
DAILY_QUERY_TARGET_ms = 200.0  # issue 4


def _ledger(directory: Path, name: str) -> tuple[Engine, list[int]]:
    engine = make_engine(f"sqlite:///{directory / name}")
    check_and_migrate(engine)
    with engine.begin() as db:
        for n in range(1, CONNECTORS + 1):
            db.execute(insert(Charger).values(id=f"CP-{n:02d}", link=f"tcp://10.0.0.{n}:7000"))
            db.execute(
                insert(Connector).values(
                    id=n, name=f"CP-{n:02d}/1", charger_id=f"CP-{n:02d}", connector_no=1, ocpp_connector_id=n
                )
            )
    return engine, list(range(1, CONNECTORS + 1))


def commit_latency(directory: Path) -> tuple[float, float, float]:
    """One ledger commit as the session state machine will make it: the session row's new state, its
    transition row and the OCPP message it causes, committed with FULL sync. Returns p50, p99, max (ms)."""
    engine, connectors = _ledger(directory, "commits.sqlite3")
    with engine.begin() as db:
        session_id = db.execute(
            insert(ChargingSession)
            .values(
                transaction_ref=1,
                connector_id=connectors[0],
                state="charging",
                meter_start_Wh=0,
                tariff={"energy_price_per_kWh": "0.60"},
                currency="MYR",
            )
            .returning(ChargingSession.id)
        ).scalar_one()
    latencies = []
    for seq in range(1, COMMITS + 1):
        state = "suspended_ev" if seq % 2 else "charging"
        start = time.perf_counter()
        with engine.begin() as db:
            db.execute(update(ChargingSession).where(ChargingSession.id == session_id).values(state=state))
            db.execute(
                insert(SessionTransition).values(
                    session_id=session_id, seq=seq, to_state=state, at=utc_now(), meter_Wh=seq * 10
                )
            )
            enqueue(db, "ocpp", "StatusNotification", {"connectorId": 1, "status": state})
        latencies.append((time.perf_counter() - start) * 1000.0)
    engine.dispose()
    latencies.sort()
    return statistics.median(latencies), latencies[int(len(latencies) * 0.99) - 1], latencies[-1]


def ingest_rate(directory: Path) -> float:
    """Samples per second, inserted in batches of INGEST_BATCH, one FULL-sync commit per batch."""
    engine, connectors = _ledger(directory, "ingest.sqlite3")
    samples = [
        Sample(c, YEAR_START_S + n, 1_000_000 + n * 2, 7200, 31_500, 31_400, 31_600, 2301)
        for n in range(INGEST_SAMPLES // CONNECTORS)
        for c in connectors
    ]
    start = time.perf_counter()
    for offset in range(0, len(samples), INGEST_BATCH):
        with engine.begin() as db:
            insert_samples(db, samples[offset : offset + INGEST_BATCH])
    rate = len(samples) / (time.perf_counter() - start)
    engine.dispose()
    return rate


def year_of_rollups(directory: Path) -> tuple[float, float, int, float]:
    """A year of per-minute rollups for every connector, generated inside SQLite, rolled up into hours
    and days by the ledger's own roll_up; then the daily energy per connector for the year is read.
    Returns (generate + roll up s, query median ms, rows returned, query worst ms)."""
    engine, connectors = _ledger(directory, "year.sqlite3")
    minutes = 365 * DAY_S // MINUTE_S
    end_s = YEAR_START_S + 365 * DAY_S
    start = time.perf_counter()
    with engine.begin() as db:
        # A connector charges 7.2 kW (120 Wh a minute) for 8 hours a day, starting at a different hour each.
        db.execute(
            text(
                "WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < :last) "
                'INSERT INTO meter_rollups (resolution_s, bucket_s, connector_id, "energy_Wh", '
                '"energy_register_Wh", "power_max_W", samples) '
                "SELECT 60, :start + i * 60, c.id, "
                "CASE WHEN ((i / 60) + c.id) % 24 < 8 THEN 120 ELSE 0 END, i * 40, 7200, 60 "
                "FROM m CROSS JOIN connectors AS c"
            ),
            {"last": minutes - 1, "start": YEAR_START_S},
        )
        db.execute(insert(RollupProgress).values(resolution_s=MINUTE_S, done_until_s=end_s))
        roll_up(db, end_s)
    generate_s = time.perf_counter() - start
    engine.dispose()  # the query starts from a fresh connection, as a report would
    query_ms = []
    for _ in range(5):
        reader = read_only(make_engine(str(engine.url)))
        start = time.perf_counter()
        with reader.connect() as db:
            rows = rollups(db, DAY_S, YEAR_START_S, end_s)
        query_ms.append((time.perf_counter() - start) * 1000.0)
        reader.dispose()
    expected = 365 * 8 * 60 * 120
    if len(rows) != 365 * len(connectors) or any(
        sum(e for c, _, e in rows if c == connector) != expected for connector in connectors
    ):
        raise RuntimeError("the year's daily energy does not add up to the generated minutes")
    return generate_s, statistics.median(query_ms), len(rows), max(query_ms)


def run() -> list[tuple[str, str, str, bool]]:
    """The ledger figures as (figure, measured, target, met)."""
    (REPO / "build").mkdir(exist_ok=True)
    directory = Path(tempfile.mkdtemp(prefix="bench-ledger-", dir=REPO / "build"))
    try:
        p50, p99, worst = commit_latency(directory)
        rate = ingest_rate(directory)
        generate_s, query_ms, rows, query_worst_ms = year_of_rollups(directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return [
        (
            f"ledger commit latency, SQLite synchronous=FULL ({COMMITS} commits)",
            f"p50 {p50:.2f} ms",
            "-",
            True,
        ),
        (
            "ledger commit latency p99, SQLite synchronous=FULL",
            f"{p99:.2f} ms (max {worst:.2f} ms)",
            f"<= {COMMIT_P99_TARGET_ms:g} ms",
            p99 <= COMMIT_P99_TARGET_ms,
        ),
        (
            f"meter sample ingest, batches of {INGEST_BATCH}, SQLite",
            f"{rate:,.0f} samples/s",
            f">= {INGEST_TARGET_per_s:,} samples/s",
            rate >= INGEST_TARGET_per_s,
        ),
        (
            f"a year of minute rollups for {CONNECTORS} connectors: generate + roll up to hours and days",
            f"{generate_s:.1f} s",
            "-",
            True,
        ),
        (
            f"daily energy per connector for a year from the rollups ({rows} rows), SQLite",
            f"median {query_ms:.2f} ms, worst {query_worst_ms:.2f} ms",
            f"<= {DAILY_QUERY_TARGET_ms:g} ms",
            query_worst_ms <= DAILY_QUERY_TARGET_ms,
        ),
    ]


def main() -> None:
    for name, measured, target, met in run():
        suffix = f" (target {target}) [{'ok' if met else 'MISSED'}]" if target != "-" else ""
        print(f"{name}: {measured}{suffix}", flush=True)


if __name__ == "__main__":
    main()
