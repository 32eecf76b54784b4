"""Ledger models of money: payments at a provider, every call made to it, refunds and receipts.

The rules that write them live in app/payments (docs/payments.md). Card data never reaches the
station (PCI DSS): a payment keeps the provider's ids, the card brand and its last four digits only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, BigId, Json, utc_now

# The payment state machine (app/payments/states.py says which transitions are allowed and why).
PAYMENT_STATES = (
    "created",
    "authorising",
    "authorised",
    "capturing",
    "captured",
    "cancelled",
    "expired",
    "failed",
)
PAYMENT_METHODS = ("card_present", "card", "fpx", "grabpay")
PAYMENT_KINDS = ("hold", "prepaid")
CALL_STATES = ("started", "succeeded", "failed", "unknown")
REFUND_STATES = ("requested", "pending", "succeeded", "failed")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Payment(Base):
    """One way a driver pays for one session: a hold on a card, or a prepaid amount (FPX, GrabPay)."""

    __tablename__ = "payments"
    __table_args__ = (
        UniqueConstraint("provider", "provider_payment_id"),
        CheckConstraint(_one_of("state", PAYMENT_STATES), name="state_known"),
        CheckConstraint(_one_of("method", PAYMENT_METHODS), name="method_known"),
        CheckConstraint(_one_of("kind", PAYMENT_KINDS), name="kind_known"),
        CheckConstraint(
            "amount_requested_minor > 0 AND amount_authorised_minor >= 0 AND amount_captured_minor >= 0 "
            "AND amount_refunded_minor >= 0",
            name="amounts_non_negative",
        ),
        CheckConstraint("amount_refunded_minor <= amount_captured_minor", name="refund_within_capture"),
        CheckConstraint("card_last4 IS NULL OR length(card_last4) = 4", name="last4_only"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # The station's own reference: the stem of every idempotency key and the provider's metadata.
    payment_ref: Mapped[str] = mapped_column(String(40), unique=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id"), index=True)
    provider: Mapped[str] = mapped_column(String(32))
    method: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(8))
    state: Mapped[str] = mapped_column(String(16), index=True)
    provider_payment_id: Mapped[str | None] = mapped_column(String(128))
    provider_checkout_id: Mapped[str | None] = mapped_column(String(128), unique=True)
    reader_id: Mapped[str | None] = mapped_column(String(64))
    currency: Mapped[str] = mapped_column(String(3))
    amount_requested_minor: Mapped[int] = mapped_column(BigInteger)
    amount_authorised_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    amount_captured_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    amount_refunded_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    # The session's cost the capture was for: more than the hold shows what the station did not collect.
    amount_due_minor: Mapped[int | None] = mapped_column(BigInteger)
    card_brand: Mapped[str | None] = mapped_column(String(24))
    card_last4: Mapped[str | None] = mapped_column(String(4))
    incremental_supported: Mapped[bool] = mapped_column(default=False)
    capture_before: Mapped[datetime | None]
    failure_code: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str | None] = mapped_column(Text)
    # Why a person must look at it (a hold that can no longer be captured, a late payment refunded).
    alarm: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    authorised_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class PaymentCall(Base):
    """One call to the provider, written before it is made and completed after: what recovery repeats.

    The idempotency key is deterministic (payment reference, operation, attempt), so a call repeated
    after a crash is the same call to the provider, never a second charge.
    """

    __tablename__ = "payment_calls"
    __table_args__ = (
        UniqueConstraint("payment_id", "operation", "attempt"),
        CheckConstraint(_one_of("state", CALL_STATES), name="state_known"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), index=True)
    operation: Mapped[str] = mapped_column(String(32))
    attempt: Mapped[int] = mapped_column(Integer)
    idempotency_key: Mapped[str] = mapped_column(String(128), unique=True)
    request: Mapped[dict[str, Any]] = mapped_column(Json)  # amounts and ids only, never card data
    state: Mapped[str] = mapped_column(String(12), index=True)
    result: Mapped[dict[str, Any] | None] = mapped_column(Json)
    error: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(default=utc_now)
    finished_at: Mapped[datetime | None]


class Refund(Base):
    """Money given back: who asked, when, why, how much, and the provider's refund id."""

    __tablename__ = "refunds"
    __table_args__ = (
        UniqueConstraint("provider_refund_id"),
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint(_one_of("state", REFUND_STATES), name="state_known"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), index=True)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    # The provider's reason (requested_by_customer, duplicate, fraudulent) and the person's words.
    reason: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(String(500), default="")
    requested_by: Mapped[str] = mapped_column(String(64))  # "station" for automatic refunds
    state: Mapped[str] = mapped_column(String(12))
    provider_refund_id: Mapped[str | None] = mapped_column(String(128))
    idempotency_key: Mapped[str] = mapped_column(String(128), unique=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    requested_at: Mapped[datetime] = mapped_column(default=utc_now)
    finished_at: Mapped[datetime | None]


class Receipt(Base):
    """A paid session's receipt, numbered without gaps per station; the document and its PDF are kept
    so it can be printed again exactly as it was issued."""

    __tablename__ = "receipts"
    __table_args__ = (UniqueConstraint("station_id", "seq"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(48), unique=True)
    station_id: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(BigInteger)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"), unique=True)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    # The secret part of the receipt's web address (a phone fetches /r/<token>): not guessable.
    token: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(default=utc_now)
    currency: Mapped[str] = mapped_column(String(3))
    total_minor: Mapped[int] = mapped_column(BigInteger)
    tax_minor: Mapped[int] = mapped_column(BigInteger)
    language: Mapped[str] = mapped_column(String(8), default="en")
    document: Mapped[dict[str, Any]] = mapped_column(Json)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    emails_sent: Mapped[int] = mapped_column(Integer, default=0)


PHONE_LINK_STATES = ("awaiting_payment", "started", "failed", "cancelled")


class PhoneLink(Base):
    """A driver who pays on their phone for one connector: their payment, the session it opened, and
    the hash of the secret in their link (docs/web.md "Driver page"). The secret itself is never kept:
    only that phone can follow and stop the session."""

    __tablename__ = "phone_links"
    __table_args__ = (CheckConstraint(_one_of("state", PHONE_LINK_STATES), name="state_known"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 hex of the link's secret
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), unique=True)
    connector_name: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8), default="en")
    state: Mapped[str] = mapped_column(String(20), default="awaiting_payment")
    reason: Mapped[str | None] = mapped_column(String(40))  # why it failed or was cancelled
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
