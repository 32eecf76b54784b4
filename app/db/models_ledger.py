"""Ledger models of sessions: sessions with their transitions and cost lines (payments: models_payments)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, BigId, utc_now

# OCPP 1.6 §7.39 Reason: the stop reasons a StopTransaction.req may carry.
STOP_REASONS = (
    "EmergencyStop",
    "EVDisconnected",
    "HardReset",
    "Local",
    "Other",
    "PowerLoss",
    "Reboot",
    "Remote",
    "SoftReset",
    "UnlockCommand",
    "DeAuthorized",
)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class ChargingSession(Base):
    """One charging session: who, where, meter at start and stop, the tariff frozen at the start, the cost.

    `state` belongs to the session state machine (app/); the ledger only records it. Each transition
    is also a row of session_transitions, written before the side effect it causes.
    """

    __tablename__ = "sessions"
    __table_args__ = (
        # Mixed-case column names are quoted: PostgreSQL folds bare identifiers to lower case.
        CheckConstraint(f"stop_reason IS NULL OR {_one_of('stop_reason', STOP_REASONS)}", name="stop_reason"),
        CheckConstraint(
            '"meter_stop_Wh" IS NULL OR "meter_stop_Wh" >= "meter_start_Wh"', name="meter_monotonic"
        ),
        CheckConstraint('"energy_Wh" IS NULL OR "energy_Wh" >= 0', name="energy_non_negative"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # Station-local reference, also sent to the ESP32 with the permit: one session per reference.
    transaction_ref: Mapped[int] = mapped_column(BigInteger, unique=True)
    # OCPP 1.6 StartTransaction.conf transactionId; NULL until the CSMS answered (offline start).
    csms_transaction_id: Mapped[int | None] = mapped_column(unique=True)
    connector_id: Mapped[int] = mapped_column(ForeignKey("connectors.id"), index=True)
    id_tag: Mapped[str | None] = mapped_column(String(20))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    state: Mapped[str] = mapped_column(String(24), index=True)
    stop_reason: Mapped[str | None] = mapped_column(String(16))
    meter_start_Wh: Mapped[int | None] = mapped_column(BigInteger)
    meter_stop_Wh: Mapped[int | None] = mapped_column(BigInteger)
    energy_Wh: Mapped[int | None] = mapped_column(BigInteger)
    tariff_id: Mapped[int | None] = mapped_column(ForeignKey("tariffs.id"))
    # tariff_to_dict(tariff) of the tariff in force at the start (docs/tariffs.md): never changes.
    tariff: Mapped[dict[str, Any]]
    currency: Mapped[str] = mapped_column(String(3))
    cost_total_minor: Mapped[int | None] = mapped_column(BigInteger)
    cost_tax_minor: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Indexed: the analytics select sessions by the period their transaction started in.
    started_at: Mapped[datetime | None] = mapped_column(index=True)
    stopped_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class SessionTransition(Base):
    """One state change of a session, in order: the audit trail a restart resumes from."""

    __tablename__ = "session_transitions"

    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True)
    from_state: Mapped[str | None] = mapped_column(String(24))
    to_state: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime]
    meter_Wh: Mapped[int | None] = mapped_column(BigInteger)
    reason: Mapped[str | None] = mapped_column(String(64))


class SessionCostLine(Base):
    """One line of a session's final cost (energy, time, session fee, idle fee, tax...), in minor units."""

    __tablename__ = "session_cost_lines"

    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    description: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[str | None] = mapped_column(String(40))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
