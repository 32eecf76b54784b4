"""Ledger models of what accumulates: meter samples and rollups, event log, outbox, audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, BigId, utc_now

ROLLUP_RESOLUTIONS_S = (60, 3600, 86400)  # minute, hour, day


class MeterSample(Base):
    """One meter reading of a connector at the configured interval.

    The time key is whole seconds since the Unix epoch (UTC), not a timestamp type: this is the table
    that grows, and an integer key is the smallest and fastest on both back-ends (docs/database.md).
    On SQLite the table has no rowid: the primary key is the row's storage order.
    """

    __tablename__ = "meter_samples"
    __table_args__ = ({"sqlite_with_rowid": False},)

    # Time first: new samples append at the end of the b-tree, and time ranges (rollups, pruning) are
    # one contiguous index range.
    ts_s: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    connector_id: Mapped[int] = mapped_column(ForeignKey("connectors.id"), primary_key=True)
    # The meter's energy register (cumulative, IEC 62053-21 active energy import).
    energy_Wh: Mapped[int] = mapped_column(BigInteger)
    power_W: Mapped[int]
    current_L1_mA: Mapped[int]
    current_L2_mA: Mapped[int]
    current_L3_mA: Mapped[int]
    voltage_L1_dV: Mapped[int]
    # The connector's hottest sensor [0.1 degC]; NULL in rows from before it was sampled.
    temperature_dC: Mapped[int | None]


class MeterRollup(Base):
    """Energy and power of one connector over a minute, hour or day bucket (start in epoch seconds, UTC).

    `energy_Wh` is the energy delivered inside the bucket, so buckets add up; day buckets start at the
    station's local midnight (docs/database.md).
    """

    __tablename__ = "meter_rollups"
    __table_args__ = (
        CheckConstraint("resolution_s IN (60, 3600, 86400)", name="resolution_known"),
        {"sqlite_with_rowid": False},
    )

    # Resolution, then time: a year of day buckets is one short index range, whatever the minute rows.
    resolution_s: Mapped[int] = mapped_column(primary_key=True)
    bucket_s: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    connector_id: Mapped[int] = mapped_column(ForeignKey("connectors.id"), primary_key=True)
    energy_Wh: Mapped[int] = mapped_column(BigInteger)
    energy_register_Wh: Mapped[int] = mapped_column(BigInteger)  # the register at the bucket's last sample
    power_max_W: Mapped[int]
    samples: Mapped[int]


class RollupProgress(Base):
    """Up to which time (exclusive, epoch seconds) each resolution has been rolled up."""

    __tablename__ = "rollup_progress"

    resolution_s: Mapped[int] = mapped_column(primary_key=True)
    done_until_s: Mapped[int] = mapped_column(BigInteger)


class RollupRegister(Base):
    """Each connector's meter register at the last sample rolled up: the base of the next minute's energy,
    so the next roll-up needs no search back through the samples."""

    __tablename__ = "rollup_registers"

    connector_id: Mapped[int] = mapped_column(ForeignKey("connectors.id"), primary_key=True)
    ts_s: Mapped[int] = mapped_column(BigInteger)
    energy_Wh: Mapped[int] = mapped_column(BigInteger)


class EventLogEntry(Base):
    """A fault or event of the station or a charger (docs/fault-catalogue.md codes), append-only."""

    __tablename__ = "event_log"
    __table_args__ = (
        CheckConstraint("kind IN ('fault', 'event')", name="kind_known"),
        CheckConstraint("severity IN ('info', 'warning', 'error', 'critical')", name="severity_known"),
        Index("ix_event_log_charger_at", "charger_id", "at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    kind: Mapped[str] = mapped_column(String(8))
    severity: Mapped[str] = mapped_column(String(8))
    code: Mapped[str] = mapped_column(String(64))
    charger_id: Mapped[str | None] = mapped_column(String(32))
    connector_name: Mapped[str | None] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    details: Mapped[dict[str, Any] | None]


class OutboxStream(Base):
    """The next ordering key of each outbox stream: its row lock serialises enqueuers, so messages become
    visible in the order of their keys."""

    __tablename__ = "outbox_streams"

    stream: Mapped[str] = mapped_column(String(64), primary_key=True)
    next_seq: Mapped[int] = mapped_column(BigInteger)


class OutboxMessage(Base):
    """A message that must be delivered (OCPP StartTransaction/StopTransaction/MeterValues, receipts...),
    in order per stream, with its delivery attempts.

    `attempts` counts the tries the receiver refused plus the one in flight (a try that never reached
    it is given back uncounted). A message the receiver keeps refusing is parked (`parked_at`): it no
    longer holds up the stream, stays in the table for an operator, and can be put back (unpark).
    """

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("stream", "seq"),
        # Enqueuing the same logical message twice (a retried transaction) yields one row.
        UniqueConstraint("dedupe_key"),
        # The head of a stream is the first row of this index range: delivered and parked rows sort apart.
        Index("ix_outbox_pending", "stream", "delivered_at", "parked_at", "seq"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    stream: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]]
    dedupe_key: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    available_at: Mapped[datetime] = mapped_column(default=utc_now)
    attempts: Mapped[int] = mapped_column(default=0)
    claim_token: Mapped[str | None] = mapped_column(String(36))
    claimed_until: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    parked_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)


class AuditLogEntry(Base):
    """One administrative action (who, what, on what, before and after), append-only and hash-chained
    (app/db/audit_log.py: each row's hash covers its fields and the previous row's hash)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str | None] = mapped_column(String(128))
    details: Mapped[dict[str, Any] | None]
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    row_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
