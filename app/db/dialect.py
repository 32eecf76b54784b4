"""What repositories share: the handle they take (ORM session or connection) and the upsert INSERT."""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Connection, CursorResult, Result
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

# Repositories run inside the caller's transaction: the caller commits the fact and its log together.
Db = Session | Connection


def dialect_name(db: Db) -> str:
    return db.dialect.name if isinstance(db, Connection) else db.get_bind().dialect.name


def rowcount(result: Result[*tuple[Any, ...]]) -> int:
    """The rows an UPDATE or DELETE matched. Those statements give a CursorResult, but Session.execute()
    is typed to return a plain Result, since a session cannot promise a cursor for every statement."""
    assert isinstance(result, CursorResult), "an UPDATE or DELETE gives a CursorResult"
    return result.rowcount


def upsert_insert(db: Db, model: Any) -> Any:
    """INSERT with ON CONFLICT support (both SQLite and PostgreSQL spell it the same in SQL)."""
    return (postgresql.insert if dialect_name(db) == "postgresql" else sqlite.insert)(model)


class epoch_s(FunctionElement[int]):  # noqa: N801 - SQL functions read as functions
    """Whole seconds since the Unix epoch of a UTC timestamp column, computed by the database (floored):
    a query over many rows then never builds a datetime per row."""

    type = BigInteger()
    inherit_cache = True


@compiles(epoch_s, "sqlite")
def _epoch_s_sqlite(element: epoch_s, compiler: Any, **kw: Any) -> str:
    # UtcDateTime stores UTC text on SQLite; strftime('%s') reads it as UTC and drops the fraction.
    return f"CAST(strftime('%s', {compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(epoch_s, "postgresql")
def _epoch_s_postgresql(element: epoch_s, compiler: Any, **kw: Any) -> str:
    return f"CAST(floor(extract(epoch FROM {compiler.process(element.clauses, **kw)})) AS BIGINT)"
