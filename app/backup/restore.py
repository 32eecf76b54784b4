"""One restore: the backup file found and recognised, matched to the configured back-end, then restored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from app.backup.durable import prepare_directory
from app.backup.errors import BackupError
from app.backup.formats import BackupKind, kind_of
from app.backup.pg_ledger import restore_postgres
from app.backup.sqlite_restore import restore_sqlite
from app.db.base import utc_now
from app.db.engine import sqlite_path


def locate(file: Path, directory: Path) -> Path:
    """The backup as given, or by its bare name in the backup directory."""
    if file.is_file():
        return file
    in_directory = directory / file.name
    if file.parent == Path(".") and in_directory.is_file():
        return in_directory
    raise BackupError(f"no backup file {file} (nor {in_directory})")


def restore_backup(
    url: str,
    file: Path,
    directory: Path,
    *,
    say: Callable[[str], None],
    confirm: Callable[[str], bool],
    clock: Callable[[], datetime] = utc_now,
) -> None:
    """Restores the ledger at `url` from `file`; BackupError with the reason when refused or failed."""
    backup = locate(file, directory)
    kind = kind_of(backup)
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        ledger = sqlite_path(url)
        if ledger is None:
            raise BackupError(
                "the configured ledger is an in-memory SQLite database: nothing to restore into"
            )
        if kind is BackupKind.PGDUMP:
            raise BackupError(f"{backup} is {kind.value}, but the configured ledger is SQLite ({ledger})")
        restore_sqlite(backup, kind, ledger, clock(), say=say, confirm=confirm)
        return
    if backend != "postgresql":
        raise BackupError(f"cannot restore into a {backend} database: only SQLite and PostgreSQL")
    if kind is not BackupKind.PGDUMP:
        raise BackupError(f"{backup} is {kind.value}, but the configured ledger is PostgreSQL")
    prepare_directory(directory)  # the current database's dump goes there first
    restore_postgres(url, backup, directory, clock(), say=say, confirm=confirm)
