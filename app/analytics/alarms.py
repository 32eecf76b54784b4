"""Maintenance alarms: raise what the models find, clear what they no longer find, in the event log too."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.analytics.figures import Alarm
from app.analytics.maintenance import Finding
from app.db import Db, MaintenanceAlarm, epoch_s, log_event


def to_alarm(row: MaintenanceAlarm) -> Alarm:
    return Alarm(
        kind=row.kind,
        subject=row.subject,
        raised_at_s=int(row.raised_at.timestamp()),
        cleared_at_s=int(row.cleared_at.timestamp()) if row.cleared_at is not None else None,
        message=row.message,
        evidence=dict(row.evidence),
    )


def open_alarms(db: Db) -> list[Alarm]:
    a = MaintenanceAlarm
    rows = db.execute(
        select(a.kind, a.subject, epoch_s(a.raised_at), a.message, a.evidence)
        .where(a.cleared_at.is_(None))
        .order_by(a.raised_at, a.id)
    )
    return [
        Alarm(kind, subject, raised, None, message, dict(evidence))
        for kind, subject, raised, message, evidence in rows
    ]


def _where(subject: str) -> tuple[str | None, str | None]:
    """(charger id, connector name) of an alarm's subject for the event log."""
    connector = subject.split(" ", 1)[0]
    if "/" in connector:
        return connector.split("/", 1)[0], connector
    return connector, None


def synchronise(db: Session, found: list[Finding], now: datetime) -> tuple[list[Alarm], list[Alarm]]:
    """Raises new findings and clears open alarms no longer found; (raised, cleared). An open alarm
    still found keeps its row and gets the latest evidence."""
    a = MaintenanceAlarm
    open_rows = {
        (row.kind, row.subject): row for row in db.execute(select(a).where(a.cleared_at.is_(None))).scalars()
    }
    raised: list[Alarm] = []
    cleared: list[Alarm] = []
    for finding in found:
        row = open_rows.pop((finding.kind, finding.subject), None)
        if row is not None:
            row.evidence = finding.evidence
            row.message = finding.message
            continue
        row = MaintenanceAlarm(
            kind=finding.kind,
            subject=finding.subject,
            raised_at=now,
            cleared_at=None,
            message=finding.message,
            evidence=finding.evidence,
        )
        db.add(row)
        charger_id, connector = _where(finding.subject)
        log_event(
            db,
            kind="event",
            severity="warning",
            code=f"maintenance_{finding.kind}",
            message=finding.message,
            charger_id=charger_id,
            connector_name=connector,
            details=finding.evidence,
            at=now,
        )
        db.flush()
        raised.append(to_alarm(row))
    for row in open_rows.values():
        row.cleared_at = now
        charger_id, connector = _where(row.subject)
        log_event(
            db,
            kind="event",
            severity="info",
            code=f"maintenance_{row.kind}_cleared",
            message=f"{row.subject}: {row.kind} alarm cleared",
            charger_id=charger_id,
            connector_name=connector,
            details=None,
            at=now,
        )
        db.flush()
        cleared.append(to_alarm(row))
    return raised, cleared
