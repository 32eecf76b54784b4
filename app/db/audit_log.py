"""The audit log of administrative actions: append-only, each row chained to the one before by a hash.

Every row carries `prev_hash` (the previous row's `row_hash`) and `row_hash`, SHA-256 over its own
fields and `prev_hash`. Changing a row breaks its own hash; deleting a row breaks the next row's link;
`verify_audit_chain` finds either (docs/admin.md "The audit log"). The chain is written by the same
transaction as the change it describes, so an action and its record commit or fail together.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text

from app.db.base import utc_now
from app.db.dialect import Db, dialect_name
from app.db.models_logs import AuditLogEntry

GENESIS = "0" * 64  # the prev_hash of the first row
# One constant key for PostgreSQL's transaction-scoped advisory lock: two transactions appending at
# once would both read the same head and fork the chain; the lock orders them.
_PG_CHAIN_LOCK = 0x617564697400


def audit_row_hash(
    *,
    row_id: int,
    at: datetime,
    actor: str,
    action: str,
    target: str | None,
    details: Any,
    prev_hash: str,
) -> str:
    """SHA-256 (hex) of one row's fields in a canonical form both back-ends read back identically."""
    moment = at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    body = json.dumps(
        [row_id, moment, actor, action, target, details, prev_hash],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
        default=str,
    )
    return hashlib.sha256(body.encode()).hexdigest()


def append_audit(
    db: Db,
    *,
    actor: str,
    action: str,
    target: str | None = None,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> int:
    """Records one admin action in the caller's transaction (commit it with the change it describes)."""
    table = AuditLogEntry.__table__
    if dialect_name(db) == "postgresql":
        db.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_CHAIN_LOCK})
    # Insert first: on SQLite the insert takes the database's write lock, so no other writer can
    # append between reading the head and linking to it.
    moment = (at or utc_now()).astimezone(UTC)
    row_id = int(
        db.execute(
            table.insert()
            .values(at=moment, actor=actor, action=action, target=target, details=details)
            .returning(table.c.id)
        ).scalar_one()
    )
    head = db.execute(
        select(table.c.row_hash).where(table.c.id < row_id).order_by(table.c.id.desc()).limit(1)
    ).first()
    prev_hash = GENESIS if head is None or head[0] is None else head[0]
    # The stored form of the moment: microseconds, as both back-ends keep them.
    row_hash = audit_row_hash(
        row_id=row_id,
        at=moment,
        actor=actor,
        action=action,
        target=target,
        details=details,
        prev_hash=prev_hash,
    )
    db.execute(table.update().where(table.c.id == row_id).values(prev_hash=prev_hash, row_hash=row_hash))
    return row_id


def recent_audit(db: Db, *, limit: int = 100, actor: str | None = None) -> list[dict[str, Any]]:
    """The newest entries, newest first, optionally of one actor."""
    query = select(AuditLogEntry.__table__).order_by(AuditLogEntry.id.desc()).limit(limit)
    if actor is not None:
        query = query.where(AuditLogEntry.actor == actor)
    return [dict(row._mapping) for row in db.execute(query)]


@dataclass(frozen=True)
class AuditChainReport:
    """What verify_audit_chain found: `broken_at` is the first row that does not hold (None: all do)."""

    rows: int
    broken_at: int | None = None
    problem: str = ""  # "modified" (the row's own hash) or "link" (a row before it changed or went)

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify_audit_chain(db: Db, *, batch: int = 5000) -> AuditChainReport:
    """Recomputes every row's hash in id order; the first row whose hash or link is wrong is reported."""
    table = AuditLogEntry.__table__
    prev_hash = GENESIS
    count = 0
    last_id = 0
    while True:
        rows = db.execute(select(table).where(table.c.id > last_id).order_by(table.c.id).limit(batch)).all()
        if not rows:
            return AuditChainReport(rows=count)
        for row in rows:
            count += 1
            last_id = row.id
            if row.prev_hash != prev_hash:
                return AuditChainReport(rows=count, broken_at=row.id, problem="link")
            expected = audit_row_hash(
                row_id=row.id,
                at=row.at,
                actor=row.actor,
                action=row.action,
                target=row.target,
                details=row.details,
                prev_hash=row.prev_hash,
            )
            if row.row_hash != expected:
                return AuditChainReport(rows=count, broken_at=row.id, problem="modified")
            prev_hash = row.row_hash
