"""A PostgreSQL ledger: pg_dump backup and pg_restore round trip on a real server, with the same refusals
as SQLite (a database in use, a newer schema, an unreachable server)."""

from __future__ import annotations

import itertools
import os
import subprocess
from typing import TYPE_CHECKING

import psycopg
from backup_support import add_sessions, app_main, populate, session_rows, write_site
from sqlalchemy import text

from app.backup.pg_tools import pg_program
from app.db.engine import make_engine
from app.db.schema_guard import check_and_migrate, head_revision

if TYPE_CHECKING:
    from db_fixtures import PostgresServer

pytest_plugins = ["db_fixtures"]  # postgres_server: a real server started once per run
_numbers = itertools.count(1)


def _database(server: PostgresServer, sessions: int) -> tuple[str, int]:
    url = server.create_database(f"backup_{os.getpid()}_{next(_numbers)}")
    return url, populate(url, sessions)


def _sql(url: str, statement: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return set(
                connection.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                ).scalars()
            )
    finally:
        engine.dispose()


def test_a_pg_dump_backup_restores_the_database_as_it_was(postgres_server, tmp_path, capsys) -> None:
    url, connector = _database(postgres_server, sessions=10)
    backups = tmp_path / "backups"
    site = write_site(tmp_path, url, backups)
    result = app_main(capsys, "backup", "--config", str(site))
    assert result.returncode == 0, result.stderr
    (backup,) = backups.glob("ledger-*.pgdump")
    assert f"to {backup}" in result.stdout and "schema 0008_phone_links (this release's)" in result.stdout
    assert backup.read_bytes().startswith(b"PGDMP") and backup.stat().st_mode & 0o777 == 0o640
    before = session_rows(url)

    # After the backup: more sessions, and a table a later release's migration would have added.
    engine = make_engine(url)
    add_sessions(engine, connector, 11, 5)
    engine.dispose()
    _sql(url, "CREATE TABLE later_feature (id integer PRIMARY KEY); INSERT INTO later_feature VALUES (1)")
    after = session_rows(url)

    # Refused while the station (any other client) is connected.
    info = postgres_server
    with psycopg.connect(
        f"host={info.host} port={info.port} user=ledger dbname={url.rsplit('/', 1)[1]}"
    ) as other:
        result = app_main(capsys, "restore", str(backup), "--config", str(site), "--yes")
        assert result.returncode == 2
        assert f"is in use by pid {other.info.backend_pid}" in result.stderr, result.stderr
        assert "systemctl stop evse-station" in result.stderr
    assert session_rows(url) == after

    result = app_main(capsys, "restore", str(backup), "--config", str(site), "--yes")
    assert result.returncode == 0, result.stderr
    assert session_rows(url) == before  # exactly the backup's rows: 10 sessions
    assert "later_feature" not in _tables(url)
    assert "dropped the tables the backup does not have: public.later_feature" in result.stdout
    (aside,) = backups.glob("ledger-before-restore-*.pgdump")
    assert f"kept the current database as {aside}" in result.stdout
    listing = subprocess.run(
        [str(pg_program("pg_restore")), "--list", str(aside)], capture_output=True, text=True
    )
    assert "TABLE public later_feature" in listing.stdout  # the replaced database, kept whole
    # The station starts on it: the schema is this release's, nothing to migrate.
    engine = make_engine(url)
    try:
        report = check_and_migrate(engine)
        assert report.from_revision == report.to_revision == head_revision()
    finally:
        engine.dispose()


def test_a_dump_of_a_newer_schema_is_refused_and_the_database_untouched(
    postgres_server, tmp_path, capsys
) -> None:
    url, _connector = _database(postgres_server, sessions=3)
    site = write_site(tmp_path, url, tmp_path / "backups")
    _sql(url, "UPDATE alembic_version SET version_num = '0042_from_the_future'")
    result = app_main(capsys, "backup", "--config", str(site))  # a backup is still taken: it is the data
    assert result.returncode == 0, result.stderr
    assert "newer than this release's" in result.stdout
    (backup,) = (tmp_path / "backups").glob("ledger-*.pgdump")
    _sql(url, "DELETE FROM session_transitions WHERE session_id = 3")
    before = session_rows(url)
    result = app_main(capsys, "restore", str(backup), "--config", str(site), "--yes")
    assert result.returncode == 2
    assert "is at schema revision '0042_from_the_future', which this software does not know" in result.stderr
    assert session_rows(url) == before
    assert list((tmp_path / "backups").glob("ledger-before-restore-*")) == []


def test_an_unreachable_server_and_a_damaged_dump_are_refused(postgres_server, tmp_path, capsys) -> None:
    url, _connector = _database(postgres_server, sessions=1)
    backups = tmp_path / "backups"
    closed = url.replace(f":{postgres_server.port}/", ":1/")
    result = app_main(capsys, "backup", "--config", str(write_site(tmp_path, closed, backups)))
    assert result.returncode == 2
    assert "dumping the ledger database" in result.stderr and "pg_dump exit 1" in result.stderr, result.stderr
    assert [p.name for p in backups.iterdir() if p.name != ".lock"] == []

    site = write_site(tmp_path, url, backups)
    assert app_main(capsys, "backup", "--config", str(site)).returncode == 0
    (backup,) = backups.glob("ledger-*.pgdump")
    cut = tmp_path / "cut.pgdump"
    cut.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    before = session_rows(url)
    result = app_main(capsys, "restore", str(cut), "--config", str(site), "--yes")
    assert result.returncode == 2 and "reading the dump" in result.stderr, result.stderr
    assert session_rows(url) == before
    sqlite_backup = tmp_path / "x.sqlite3"
    sqlite_backup.write_bytes(b"SQLite format 3\x00" + bytes(100))
    result = app_main(capsys, "restore", str(sqlite_backup), "--config", str(site), "--yes")
    assert result.returncode == 2 and "but the configured ledger is PostgreSQL" in result.stderr
