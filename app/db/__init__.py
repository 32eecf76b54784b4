"""The station ledger: SQLAlchemy models, the engine for a database URL, start-up migrations and repositories.

See docs/database.md. Typical start-up:

    engine = make_engine(url)
    report = check_and_migrate(engine)   # DatabaseTooNewError when the database is newer than the code
"""

from __future__ import annotations

from app.db.engine import DEFAULT_URL, make_engine, session_factory, sqlite_path
from app.db.schema_guard import DatabaseTooNewError, MigrationReport, check_and_migrate, head_revision

__all__ = [
    "DEFAULT_URL",
    "DatabaseTooNewError",
    "MigrationReport",
    "check_and_migrate",
    "head_revision",
    "make_engine",
    "session_factory",
    "sqlite_path",
]
