"""Database URL -> engine: SQLite with WAL, synchronous=FULL, foreign keys, busy timeout; or PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.config import DEFAULT_LEDGER_URL

DEFAULT_URL = DEFAULT_LEDGER_URL
READ_ONLY_OPTION = "ledger_read_only"
BUSY_TIMEOUT_MS = 5000  # another process (the admin tool, a backup) may hold the write lock briefly


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, None for PostgreSQL or an in-memory SQLite database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers never block the writer and a commit is one append to the log (sqlite.org/wal.html).
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: the WAL is fsynced at every commit, so a committed session or payment survives power loss;
    # NORMAL would only guarantee consistency, not durability, of the last commits (sqlite.org/pragma.html).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    if connection.get_execution_options().get(READ_ONLY_OPTION):
        connection.exec_driver_sql("BEGIN")  # WAL: a reader sees a snapshot and blocks nobody
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def read_only(engine: Engine) -> Engine:
    """The same engine (and pool) for transactions that only read: on SQLite they start with a plain BEGIN,
    so readers (kiosk, admin, reports) run beside the writer instead of waiting for its lock."""
    return engine.execution_options(**{READ_ONLY_OPTION: True})


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for a ledger URL: `sqlite:///path/file.sqlite3` (default back-end) or `postgresql+psycopg://...`.

    SQLite's parent directory is created. Transactions on SQLite start with BEGIN IMMEDIATE, so a
    transaction that will write takes the write lock at its start and never fails half-way on a lock
    upgrade (SQLITE_BUSY_SNAPSHOT); use `read_only(engine)` for transactions that only read.
    PostgreSQL keeps its default READ COMMITTED.
    """
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        # The driver's own transaction handling is switched off; BEGIN is issued below (SQLAlchemy docs,
        # "Serializable isolation / Savepoints / Transactional DDL" for pysqlite).
        engine = create_engine(url, connect_args={"isolation_level": None}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if backend == "postgresql":
        return create_engine(url, pool_pre_ping=True, **kwargs)
    raise ValueError(
        f"database URL {parsed.render_as_string(hide_password=True)}: only sqlite and postgresql"
    )


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """ORM sessions on the engine; objects stay readable after commit (the ledger hands them to callers)."""
    return sessionmaker(engine, expire_on_commit=False)
