"""The ledger schema on both back-ends: migrations match the models, newer databases refused, backups."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from app.db.engine import make_engine, sqlite_path
from app.db.models import metadata
from app.db.schema_guard import (
    MIGRATIONS_DIR,
    DatabaseTooNewError,
    check_and_migrate,
    head_revision,
    too_new_message,
)

# The ledger fixtures (db_url over SQLite and PostgreSQL, ledger, postgres_server).
pytest_plugins = ["db_fixtures"]

FUTURE_REVISION = "9999_from_the_future"


def test_migrations_create_every_table_and_match_the_models(ledger):
    """The first revision creates every model's table, and autogenerate finds nothing left to migrate
    (what `alembic check` does), on both back-ends."""
    tables = set(inspect(ledger).get_table_names())
    assert set(metadata.tables) <= tables
    with ledger.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_start_up_twice_changes_nothing(db_url):
    engine = make_engine(db_url)
    try:
        first = check_and_migrate(engine)
        again = check_and_migrate(engine)
    finally:
        engine.dispose()
    assert (first.from_revision, first.to_revision, first.migrated) == (None, head_revision(), True)
    assert (again.from_revision, again.migrated, again.backup_path) == (head_revision(), False, None)


def test_database_newer_than_the_code_is_refused_with_both_revisions(ledger):
    with ledger.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": FUTURE_REVISION})
    with pytest.raises(DatabaseTooNewError) as refused:
        check_and_migrate(ledger)
    assert str(refused.value) == (
        f"the ledger database is at schema revision '{FUTURE_REVISION}', which this software does not know "
        f"(its newest revision is '{head_revision()}'): the database was migrated by a newer version. "
        "Install that version or newer; refusing to start rather than write to a newer schema."
    )
    assert str(refused.value) == too_new_message(FUTURE_REVISION, head_revision())
    with ledger.connect() as connection:  # and it wrote nothing
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == FUTURE_REVISION


NEXT_REVISION = '''"""A later revision, for the test: one more table."""

import sqlalchemy as sa
from alembic import op

revision = "0002_test_next"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_marker", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table("test_marker")
'''


def test_pending_migration_is_applied_after_a_sqlite_backup(db_url, tmp_path):
    """A database at the current head meets code with one more revision: on SQLite the file is copied
    next to itself (named with the UTC time and the old revision) before the upgrade, and the copy
    holds the old schema and the data; PostgreSQL is upgraded in place (its backups are the operator's)."""
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "0002_test_next.py").write_text(NEXT_REVISION.format(head=head_revision()))
    engine = make_engine(db_url)
    try:
        check_and_migrate(engine)
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO chargers (id, link, created_at) VALUES ('CP-01', 'tcp://10.0.0.2:7000', :t)"
                ),
                {"t": datetime(2026, 1, 1, tzinfo=UTC)},
            )
        report = check_and_migrate(
            engine, now=datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC), migrations_dir=migrations
        )
        assert (report.from_revision, report.to_revision) == (head_revision(), "0002_test_next")
        assert "test_marker" in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    if engine.dialect.name != "sqlite":
        assert report.backup_path is None
        return
    path = sqlite_path(db_url)
    assert report.backup_path == path.with_name(f"ledger.sqlite3.backup-20260304T050607Z-{head_revision()}")
    copy = sqlite3.connect(report.backup_path)
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]
        assert copy.execute("SELECT id FROM chargers").fetchall() == [("CP-01",)]
        assert copy.execute("SELECT count(*) FROM sqlite_master WHERE name = 'test_marker'").fetchone() == (
            0,
        )
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        copy.close()
