"""The audit log of administrative actions: append-only, newest first when read."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.db.base import utc_now
from app.db.dialect import Db
from app.db.models_logs import AuditLogEntry


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
    row = {"at": at or utc_now(), "actor": actor, "action": action, "target": target, "details": details}
    return int(
        db.execute(AuditLogEntry.__table__.insert().values(row).returning(AuditLogEntry.id)).scalar_one()
    )


def recent_audit(db: Db, *, limit: int = 100, actor: str | None = None) -> list[dict[str, Any]]:
    """The newest entries, newest first, optionally of one actor."""
    query = select(AuditLogEntry.__table__).order_by(AuditLogEntry.id.desc()).limit(limit)
    if actor is not None:
        query = query.where(AuditLogEntry.actor == actor)
    return [dict(row._mapping) for row in db.execute(query)]
