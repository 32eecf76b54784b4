"""The fault and event log: station and charger faults (docs/fault-catalogue.md codes) and notable events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from app.db.base import utc_now
from app.db.dialect import Db, rowcount
from app.db.models_logs import EventLogEntry

SEVERITIES = ("info", "warning", "error", "critical")


def log_event(
    db: Db,
    *,
    kind: str,
    severity: str,
    code: str,
    message: str,
    charger_id: str | None = None,
    connector_name: str | None = None,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> int:
    """Appends a fault (`kind="fault"`) or an event (`kind="event"`); returns its id."""
    if kind not in ("fault", "event"):
        raise ValueError(f"kind: 'fault' or 'event', got {kind!r}")
    if severity not in SEVERITIES:
        raise ValueError(f"severity: one of {', '.join(SEVERITIES)}, got {severity!r}")
    row = {
        "at": at or utc_now(),
        "kind": kind,
        "severity": severity,
        "code": code,
        "message": message,
        "charger_id": charger_id,
        "connector_name": connector_name,
        "details": details,
    }
    return int(
        db.execute(EventLogEntry.__table__.insert().values(row).returning(EventLogEntry.id)).scalar_one()
    )


def recent_events(
    db: Db, *, limit: int = 100, kind: str | None = None, charger_id: str | None = None
) -> list[dict[str, Any]]:
    """The newest entries first, optionally only faults or events, or those of one charger."""
    query = select(EventLogEntry.__table__).order_by(EventLogEntry.id.desc()).limit(limit)
    if kind is not None:
        query = query.where(EventLogEntry.kind == kind)
    if charger_id is not None:
        query = query.where(EventLogEntry.charger_id == charger_id)
    return [dict(row._mapping) for row in db.execute(query)]


def prune_events(db: Db, *, before: datetime) -> int:
    """Deletes entries older than a time (the retention policy of docs/database.md); returns how many."""
    return rowcount(db.execute(delete(EventLogEntry).where(EventLogEntry.at < before))) or 0
