"""SQLite ledger durability: WAL and synchronous=FULL on every connection; a full disk corrupts nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import OperationalError

from app.db.engine import make_engine, read_only, session_factory
from app.db.event_log import log_event
from app.db.models import ChargingSession, EventLogEntry
from app.db.schema_guard import check_and_migrate

# The fixtures (add_connectors).
pytest_plugins = ["db_fixtures"]

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def sqlite_ledger(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    check_and_migrate(engine)
    yield engine
    engine.dispose()


def test_every_sqlite_connection_has_wal_full_sync_and_foreign_keys(sqlite_ledger):
    # Several pooled connections, each freshly opened, must carry the settings (they are per connection);
    # read-only transactions run side by side, which WAL allows.
    connections = [read_only(sqlite_ledger).connect() for _ in range(3)]
    try:
        for connection in connections:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # 2 = FULL
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    finally:
        for connection in connections:
            connection.close()


def test_readers_run_beside_a_writer_that_holds_the_lock(sqlite_ledger, add_connectors):
    """A write transaction takes the lock at BEGIN (IMMEDIATE); a reader still sees the last commit."""
    add_connectors(sqlite_ledger, 1)
    with sqlite_ledger.begin() as writer:
        writer.execute(
            text("INSERT INTO chargers (id, link, created_at) VALUES ('CP-09', 'tcp://x:1', '2026')")
        )
        with read_only(sqlite_ledger).connect() as reader:
            assert (
                reader.execute(text("SELECT count(*) FROM chargers")).scalar() == 1
            )  # not the uncommitted one
    with read_only(sqlite_ledger).connect() as reader:
        assert reader.execute(text("SELECT count(*) FROM chargers")).scalar() == 2


def test_foreign_keys_are_enforced(sqlite_ledger):
    with pytest.raises(Exception, match="FOREIGN KEY"), sqlite_ledger.begin() as connection:
        connection.execute(
            text('INSERT INTO rollup_registers (connector_id, ts_s, "energy_Wh") VALUES (999, 0, 0)')
        )


def _session(ref: int, connector_id: int) -> ChargingSession:
    return ChargingSession(
        transaction_ref=ref,
        connector_id=connector_id,
        state="ended",
        stop_reason="Local",
        meter_start_Wh=1000 * ref,
        meter_stop_Wh=1000 * ref + 500,
        energy_Wh=500,
        tariff={"energy_price_per_kWh": "0.60"},
        currency="MYR",
        cost_total_minor=30,
        cost_tax_minor=2,
        started_at=T0,
    )


def test_full_disk_during_a_write_fails_cleanly_and_keeps_the_ledger_intact(sqlite_ledger, add_connectors):
    """PRAGMA max_page_count caps the file as a full SD card would: the failing transaction is rolled
    back whole, every earlier commit is still there, integrity_check is ok and writing works again
    once there is space."""
    (connector,) = add_connectors(sqlite_ledger, 1)
    sessions = session_factory(sqlite_ledger)
    with sessions.begin() as db:
        db.add_all(_session(ref, connector) for ref in range(1, 51))

    def cap_file(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 4}")

    event.listen(sqlite_ledger, "connect", cap_file)
    sqlite_ledger.dispose()  # new connections get the cap
    with pytest.raises(OperationalError, match="database or disk is full"), sessions.begin() as db:
        db.add_all(_session(ref, connector) for ref in range(51, 61))  # fits...
        for n in range(2000):  # ...but this does not
            log_event(db, kind="event", severity="info", code="TEST", message="x" * 500, at=T0)
            if n % 100 == 0:
                db.flush()
    event.remove(sqlite_ledger, "connect", cap_file)
    sqlite_ledger.dispose()

    with sessions() as db:
        assert db.scalar(select(func.count()).select_from(ChargingSession)) == 50
        assert db.scalar(select(func.count()).select_from(EventLogEntry)) == 0
        assert db.scalar(select(func.sum(ChargingSession.energy_Wh))) == 50 * 500
    with sqlite_ledger.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
    with sessions.begin() as db:  # space again: the ledger carries on
        db.add(_session(51, connector))
    with sessions() as db:
        assert db.scalar(select(func.count()).select_from(ChargingSession)) == 51
