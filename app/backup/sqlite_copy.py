"""An online copy of the SQLite ledger while the station writes to it: SQLite's backup API, in steps.

The ledger runs in WAL mode (app/db/engine.py), where a reader never blocks the writer
(sqlite.org/wal.html, "Concurrency"). The copy opens one read transaction first and keeps it for
every step, so all steps read the same snapshot: the copy is the ledger exactly as it was at one
commit, and the station's commits during the copy neither block nor restart it. (Without that
pinned snapshot, sqlite3_backup_step restarts from the first page whenever another process
commits between two steps, sqlite.org/c3ref/backup_finish.html, and on a busy station a long copy
might never finish.) Stepping with a pause between steps leaves the SD card's bandwidth to the
station's own fsyncs. The one cost: the WAL cannot be checkpointed past the snapshot until the copy
ends, so it grows by what the station writes meanwhile.

A ledger not in WAL mode (a copy a technician made) is copied step by step without a pinned
snapshot, so each step holds the shared lock only briefly.
"""

from __future__ import annotations

import sqlite3
import time
import urllib.parse
from pathlib import Path

from app.backup.errors import BackupError

STEP_PAGES = 256  # 1 MiB per step at SQLite's default 4 KiB page
STEP_PAUSE_S = 0.01
BUSY_TIMEOUT_S = 30.0  # the station's writer holds its lock for one commit at a time
# A copy that needs this many times the steps of one pass has been restarting (see above): given up.
RESTARTS_ALLOWED = 4


def open_existing(path: Path, timeout_s: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """A connection to an existing database file; mode=rw never creates an empty one by mistake."""
    uri = "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=rw"
    return sqlite3.connect(uri, uri=True, timeout=timeout_s, isolation_level=None)


def copy_online(
    ledger: Path, target: Path, *, step_pages: int = STEP_PAGES, pause_s: float = STEP_PAUSE_S
) -> None:
    """Copies the ledger's committed state at one instant to `target` (a new file)."""

    steps = 0

    def pace(_status: int, remaining: int, total: int) -> None:
        nonlocal steps
        steps += 1
        if steps > RESTARTS_ALLOWED * (total // step_pages + 1):
            raise BackupError(
                f"the copy of {ledger} restarted again and again: another process keeps changing it "
                "and it is not in WAL mode; stop that process or switch the file to WAL"
            )
        if remaining and pause_s:
            time.sleep(pause_s)

    source = open_existing(ledger)
    try:
        wal = str(source.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"
        if wal:
            # A read transaction starts at its first read: from here every step sees this snapshot.
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        destination = sqlite3.connect(target, isolation_level=None)
        try:
            source.backup(destination, pages=step_pages, progress=pace)
        finally:
            destination.close()
        if wal:
            source.execute("COMMIT")
    finally:
        source.close()
