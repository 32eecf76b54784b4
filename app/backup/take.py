"""One backup run: the directory prepared and locked, the ledger backed up, then old backups pruned.

Pruning runs only after a new backup exists under its final name, so a run that fails (a full disk,
a damaged ledger, an unreachable server) never deletes an older backup.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from app.backup.dir_lock import directory_lock
from app.backup.durable import prepare_directory, remove_quietly
from app.backup.errors import BackupError
from app.backup.naming import PARTIAL_NAME, stamp
from app.backup.pg_ledger import backup_postgres
from app.backup.results import TakenBackup
from app.backup.retention import prune
from app.backup.sqlite_backup import backup_sqlite
from app.backup.sqlite_copy import STEP_PAGES, STEP_PAUSE_S
from app.db.base import utc_now
from app.db.engine import sqlite_path


@dataclass(frozen=True)
class BackupRun:
    """What a run did: the new backup and the old ones it deleted."""

    backup: TakenBackup
    pruned: list[Path]


def _clear_leftovers(directory: Path) -> None:
    """Partial files of a run that was killed or lost power (the lock says none is running now)."""
    for path in directory.iterdir():
        if PARTIAL_NAME.match(path.name):
            remove_quietly(path)


def _fresh_moment(directory: Path, clock: Callable[[], datetime]) -> datetime:
    """Now, or the next second when a backup of this second already exists (names are per second)."""
    moment = clock()
    while any(path.name.startswith(f"ledger-{stamp(moment)}") for path in directory.iterdir()):
        time.sleep(0.2)
        moment = clock()
    return moment


def take_backup(
    url: str,
    directory: Path,
    *,
    keep_days: int,
    gzip: bool,
    clock: Callable[[], datetime] = utc_now,
    step_pages: int = STEP_PAGES,
    pause_s: float = STEP_PAUSE_S,
) -> BackupRun:
    """Backs up the ledger at `url` into `directory` and prunes; BackupError with the reason otherwise."""
    backend = make_url(url).get_backend_name()
    ledger = sqlite_path(url)
    if backend == "sqlite" and ledger is None:
        raise BackupError("the ledger is an in-memory SQLite database: there is nothing on disk to back up")
    if backend not in ("sqlite", "postgresql"):
        raise BackupError(f"cannot back up a {backend} database: only SQLite and PostgreSQL")
    prepare_directory(directory)
    with directory_lock(directory):
        _clear_leftovers(directory)
        moment = _fresh_moment(directory, clock)
        if ledger is not None:
            taken = backup_sqlite(
                ledger, directory, moment, gzip=gzip, step_pages=step_pages, pause_s=pause_s
            )
        else:
            taken = backup_postgres(url, directory, moment)
        pruned = prune(directory, keep_days, moment)
    return BackupRun(taken, pruned)
