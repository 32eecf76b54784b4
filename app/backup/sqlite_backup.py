"""The backup of a SQLite ledger: an online copy, checked, optionally gzipped, fsynced, then named.

Order, so that a final name only ever holds a complete, checked backup: copy to
`.ledger-<stamp>.sqlite3.partial`, check it (integrity, schema revision), gzip it to
`.ledger-<stamp>.sqlite3.gz.partial`, fsync, rename to `ledger-<stamp>.sqlite3.gz`, fsync the
directory. Any failure removes the partial files and leaves the older backups as they were.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime
from pathlib import Path

from app.backup.durable import describe_os_error, publish, remove_quietly, require_space
from app.backup.errors import BackupError
from app.backup.formats import compress
from app.backup.naming import GZIP_SUFFIX, SQLITE_SUFFIX, backup_name, partial_path
from app.backup.results import TakenBackup
from app.backup.sqlite_check import check_copy
from app.backup.sqlite_copy import STEP_PAGES, STEP_PAUSE_S, copy_online


def ledger_size(ledger: Path) -> int:
    """The ledger's file and its write-ahead log: what a copy may need at most."""
    wal = ledger.with_name(ledger.name + "-wal")
    return ledger.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def backup_sqlite(
    ledger: Path,
    directory: Path,
    moment: datetime,
    *,
    gzip: bool,
    step_pages: int = STEP_PAGES,
    pause_s: float = STEP_PAUSE_S,
) -> TakenBackup:
    """Backs the ledger up into `directory` as `ledger-<stamp>.sqlite3[.gz]`."""
    started = time.monotonic()
    if not ledger.is_file():
        raise BackupError(
            f"no ledger database at {ledger}: nothing to back up (has the station run once here? "
            "is [database] url right?)"
        )
    source_size = ledger_size(ledger)
    require_space(directory, source_size, "a copy of the ledger")
    final = directory / backup_name(moment, GZIP_SUFFIX if gzip else SQLITE_SUFFIX)
    copy = partial_path(directory / backup_name(moment, SQLITE_SUFFIX))
    packed = partial_path(final)
    try:
        try:
            copy_online(ledger, copy, step_pages=step_pages, pause_s=pause_s)
        except sqlite3.Error as err:
            raise BackupError(f"copying the ledger {ledger} into {directory} failed: {err}") from None
        try:
            facts = check_copy(copy, f"the copy of {ledger}")
        except BackupError as err:
            raise BackupError(
                f"{err}: the ledger itself is damaged; no backup was written and none was pruned "
                "(docs/backup.md, 'A damaged ledger')"
            ) from None
        if facts.revision is None:
            raise BackupError(
                f"{ledger} holds no ledger schema (no alembic_version): not the station's ledger"
            )
        if gzip:
            compress(copy, packed, final.name.removesuffix(".gz"))
            publish(packed, final)
        else:
            publish(copy, final)
    except OSError as err:
        raise BackupError(f"writing the backup failed: {describe_os_error(err, directory)}") from None
    finally:
        remove_quietly(copy)
        remove_quietly(packed)
    return TakenBackup(
        path=final,
        source=str(ledger),
        revision=facts.revision,
        size=final.stat().st_size,
        source_size=source_size,
        contents=facts.summary(),
        seconds=time.monotonic() - started,
    )
