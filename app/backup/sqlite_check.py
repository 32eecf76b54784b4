"""Checks a SQLite copy of the ledger: SQLite's integrity check, its schema revision, what it holds.

Run on the backup's own copy (never on the live ledger) before it gets its final name, and on the
unpacked copy a restore is about to put in place. `PRAGMA integrity_check` reads every page and checks
every b-tree, index and constraint (sqlite.org/pragma.html#pragma_integrity_check).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.backup.errors import BackupError

INTEGRITY_ERRORS_SHOWN = 3


@dataclass(frozen=True)
class LedgerFacts:
    """What a checked copy holds, for the operator to recognise it."""

    revision: str | None
    sessions: int | None  # None: no sessions table
    newest_session: str | None  # when the newest session started (UTC), as stored
    size: int

    def summary(self) -> str:
        held = "no sessions table" if self.sessions is None else f"{self.sessions} sessions"
        if self.newest_session:
            held += f", the newest started {self.newest_session[:16]} UTC"
        return held


def _one(connection: sqlite3.Connection, sql: str) -> tuple[object, ...] | None:
    row: tuple[object, ...] | None = connection.execute(sql).fetchone()
    return row


def check_copy(path: Path, what: str) -> LedgerFacts:
    """Integrity, revision and contents of a copy this process owns; BackupError when it is damaged.

    The copy is switched to a rollback journal first, so that it is one self-contained file (the
    station switches its ledger back to WAL when it opens it, app/db/engine.py).
    """
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=DELETE").fetchall()
        problems = [str(row[0]) for row in connection.execute("PRAGMA integrity_check(10)")]
        if problems != ["ok"]:
            shown = "; ".join(problems[:INTEGRITY_ERRORS_SHOWN])
            raise BackupError(f"{what} failed SQLite's integrity check: {shown}")
        tables = {
            str(row[0]) for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = _one(connection, "SELECT version_num FROM alembic_version")
            revision = None if row is None else str(row[0])
        sessions = newest = None
        if "sessions" in tables:
            row = _one(connection, "SELECT count(*), max(started_at) FROM sessions")
            if row is not None:
                sessions = int(str(row[0]))
                newest = None if row[1] is None else str(row[1])
    except sqlite3.DatabaseError as err:
        raise BackupError(f"{what} is damaged: {err}") from None
    finally:
        connection.close()
    return LedgerFacts(revision, sessions, newest, path.stat().st_size)
