"""Start-up schema check: refuse a newer database, back up a SQLite file, apply pending migrations."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from app.db.base import utc_now
from app.db.engine import sqlite_path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# PostgreSQL advisory lock (any constant): two processes starting at once migrate one after the other.
_MIGRATION_LOCK_KEY = 0x4C454447  # "LEDG"


class DatabaseTooNewError(RuntimeError):
    """The database was migrated by a newer version of the software; this one must not touch it."""


@dataclass(frozen=True)
class MigrationReport:
    """What the start-up check did: the revisions before and after, and the backup it made (if any)."""

    from_revision: str | None
    to_revision: str
    backup_path: Path | None

    @property
    def migrated(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config(
    connection: Connection | None = None, url: str | None = None, migrations_dir: Path = MIGRATIONS_DIR
) -> Config:
    """An Alembic configuration for the ledger's migrations, without an alembic.ini file."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision(migrations_dir: Path = MIGRATIONS_DIR) -> str:
    """The newest schema revision this code knows."""
    head = ScriptDirectory.from_config(alembic_config(migrations_dir=migrations_dir)).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations in {migrations_dir}")
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at; None for an empty database."""
    return MigrationContext.configure(connection).get_current_revision()


def too_new_message(database_revision: str, code_revision: str) -> str:
    """The refusal text, one place so the tests and the docs quote the same words."""
    return (
        f"the ledger database is at schema revision {database_revision!r}, which this software does not know "
        f"(its newest revision is {code_revision!r}): the database was migrated by a newer version. "
        "Install that version or newer; refusing to start rather than write to a newer schema."
    )


def backup_sqlite(path: Path, revision: str | None, now: datetime) -> Path:
    """A consistent copy of a SQLite ledger next to it, named with the UTC time and the revision it holds.

    sqlite3's online backup copies committed pages, including those still in the WAL, which a file
    copy would miss (sqlite.org/backup.html).
    """
    target = path.with_name(f"{path.name}.backup-{now.strftime('%Y%m%dT%H%M%SZ')}-{revision or 'empty'}")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def check_and_migrate(
    engine: Engine, *, now: datetime | None = None, migrations_dir: Path = MIGRATIONS_DIR
) -> MigrationReport:
    """Refuses (DatabaseTooNewError) a database newer than the code; otherwise upgrades it to the head.

    Before changing a SQLite file that holds data, it is backed up next to itself. The whole upgrade
    runs in one transaction (SQLite and PostgreSQL both have transactional DDL), so a crash during a
    migration leaves the previous schema, never half of a new one. `migrations_dir` is for tests.
    """
    head = head_revision(migrations_dir)
    scripts = ScriptDirectory.from_config(alembic_config(migrations_dir=migrations_dir))
    known = {rev.revision for rev in scripts.walk_revisions()}
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
        current = current_revision(connection)
        if current is not None and current not in known:
            raise DatabaseTooNewError(too_new_message(current, head))
        if current == head:
            return MigrationReport(current, head, None)
        backup = None
        path = sqlite_path(str(engine.url))
        if path is not None and current is not None:
            backup = backup_sqlite(path, current, now or utc_now())
        command.upgrade(alembic_config(connection, migrations_dir=migrations_dir), "head")
    return MigrationReport(current, head, backup)
