"""The audit log's hash chain on both back-ends: appended rows link up, and a changed or deleted row
is found (docs/admin.md "The audit log")."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import text

from app.db import append_audit, session_factory, verify_audit_chain
from app.db.engine import make_engine
from app.db.schema_guard import alembic_config, check_and_migrate

pytest_plugins = ["db_fixtures"]


def write_rows(engine, count):
    with session_factory(engine)() as db, db.begin():
        return [
            append_audit(
                db,
                actor=f"tech{n % 3}",
                action="setting.change",
                target=f"site.limit_{n}",
                details={"old": n, "new": n + 0.5, "why": "ünïcode", "nested": {"b": 1, "a": [1, 2]}},
            )
            for n in range(count)
        ]


def test_appended_rows_form_an_intact_chain(ledger):
    ids = write_rows(ledger, 12)
    with session_factory(ledger)() as db:
        report = verify_audit_chain(db, batch=5)  # batches of 5: the walk carries the link across them
        first = db.execute(text("SELECT prev_hash, row_hash FROM audit_log ORDER BY id LIMIT 2")).all()
    assert (report.rows, report.intact) == (12, True)
    assert len(ids) == 12
    assert first[0][0] == "0" * 64 and first[1][0] == first[0][1]


def test_a_changed_row_is_found(ledger):
    ids = write_rows(ledger, 6)
    with ledger.begin() as connection:
        connection.execute(text("UPDATE audit_log SET actor = 'someone' WHERE id = :id"), {"id": ids[3]})
    with session_factory(ledger)() as db:
        report = verify_audit_chain(db)
    assert (report.broken_at, report.problem) == (ids[3], "modified")


def test_a_deleted_row_is_found_at_the_next(ledger):
    ids = write_rows(ledger, 6)
    with ledger.begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": ids[2]})
    with session_factory(ledger)() as db:
        report = verify_audit_chain(db)
    assert (report.broken_at, report.problem) == (ids[3], "link")


def test_a_rehashed_row_still_breaks_the_link_after_it(ledger):
    """Someone who edits a row and recomputes its hash breaks the next row's link."""
    ids = write_rows(ledger, 5)
    with session_factory(ledger)() as db, db.begin():
        row = db.execute(text("SELECT * FROM audit_log WHERE id = :id"), {"id": ids[1]}).one()
        from app.db.audit_log import audit_row_hash

        forged = audit_row_hash(
            row_id=row.id,
            at=datetime.fromisoformat(str(row.at)).replace(tzinfo=UTC),
            actor="forger",
            action=row.action,
            target=row.target,
            details={"old": 1, "new": 2},
            prev_hash=row.prev_hash,
        )
        db.execute(
            text("UPDATE audit_log SET actor = 'forger', details = :d, row_hash = :h WHERE id = :id"),
            {"d": '{"old": 1, "new": 2}', "h": forged, "id": ids[1]},
        )
    with session_factory(ledger)() as db:
        report = verify_audit_chain(db)
    assert (report.broken_at, report.problem) == (ids[2], "link")


def test_rows_written_before_the_chain_are_chained_by_the_migration(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    config = alembic_config(url=url)
    command.upgrade(config, "0005_analytics")
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            for n in range(3):
                connection.execute(
                    text(
                        "INSERT INTO audit_log (at, actor, action, target, details) "
                        "VALUES (:at, 'ocpp', 'setting.change', :t, :d)"
                    ),
                    {"at": f"2026-11-0{n + 1} 10:00:00.123456", "t": f"key{n}", "d": '{"new": 1}'},
                )
        check_and_migrate(engine)
        write_rows(engine, 2)
        with session_factory(engine)() as db:
            report = verify_audit_chain(db)
    finally:
        engine.dispose()
    assert (report.rows, report.intact) == (5, True)
