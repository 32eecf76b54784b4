"""Payments as the payment service keeps them: payments with their state machine, every provider call
(written before it is made, with its idempotency key), refunds, and receipts numbered per station.

The payments and receipts tables of the first revision were never written by any release (no payment
code existed), so they are replaced rather than altered.

Revision ID: 0004_payments
Revises: 0003_ocpp_identities
Create Date: 2026-12-04 15:30:37.693782
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004_payments"
down_revision: str | None = "0003_ocpp_identities"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.drop_table("receipts")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_session_id"))
    op.drop_table("payments")
    op.create_table(
        "payments",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("payment_ref", sa.String(length=40), nullable=False),
        sa.Column("session_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("provider_payment_id", sa.String(length=128), nullable=True),
        sa.Column("provider_checkout_id", sa.String(length=128), nullable=True),
        sa.Column("reader_id", sa.String(length=64), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_requested_minor", sa.BigInteger(), nullable=False),
        sa.Column("amount_authorised_minor", sa.BigInteger(), nullable=False),
        sa.Column("amount_captured_minor", sa.BigInteger(), nullable=False),
        sa.Column("amount_refunded_minor", sa.BigInteger(), nullable=False),
        sa.Column("amount_due_minor", sa.BigInteger(), nullable=True),
        sa.Column("card_brand", sa.String(length=24), nullable=True),
        sa.Column("card_last4", sa.String(length=4), nullable=True),
        sa.Column("incremental_supported", sa.Boolean(), nullable=False),
        sa.Column("capture_before", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failure_code", sa.String(length=64), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("alarm", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("authorised_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('hold', 'prepaid')", name=op.f("ck_payments_kind_known")),
        sa.CheckConstraint(
            "method IN ('card_present', 'card', 'fpx', 'grabpay')", name=op.f("ck_payments_method_known")
        ),
        sa.CheckConstraint(
            "state IN ('created', 'authorising', 'authorised', 'capturing', 'captured', 'cancelled', "
            "'expired', 'failed')",
            name=op.f("ck_payments_state_known"),
        ),
        sa.CheckConstraint(
            "amount_refunded_minor <= amount_captured_minor", name=op.f("ck_payments_refund_within_capture")
        ),
        sa.CheckConstraint(
            "amount_requested_minor > 0 AND amount_authorised_minor >= 0 AND amount_captured_minor >= 0 "
            "AND amount_refunded_minor >= 0",
            name=op.f("ck_payments_amounts_non_negative"),
        ),
        sa.CheckConstraint(
            "card_last4 IS NULL OR length(card_last4) = 4", name=op.f("ck_payments_last4_only")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_payments_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("payment_ref", name=op.f("uq_payments_payment_ref")),
        sa.UniqueConstraint(
            "provider", "provider_payment_id", name=op.f("uq_payments_provider_provider_payment_id")
        ),
        sa.UniqueConstraint("provider_checkout_id", name=op.f("uq_payments_provider_checkout_id")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payments_session_id"), ["session_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payments_state"), ["state"], unique=False)

    op.create_table(
        "payment_calls",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("payment_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("operation", sa.String(length=32), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=128), nullable=False),
        sa.Column(
            "request",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column(
            "result",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "state IN ('started', 'succeeded', 'failed', 'unknown')",
            name=op.f("ck_payment_calls_state_known"),
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_payment_calls_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_calls")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_payment_calls_idempotency_key")),
        sa.UniqueConstraint(
            "payment_id", "operation", "attempt", name=op.f("uq_payment_calls_payment_id_operation_attempt")
        ),
    )
    with op.batch_alter_table("payment_calls", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_calls_payment_id"), ["payment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payment_calls_state"), ["state"], unique=False)

    op.create_table(
        "receipts",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("receipt_no", sa.String(length=48), nullable=False),
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("session_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("payment_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total_minor", sa.BigInteger(), nullable=False),
        sa.Column("tax_minor", sa.BigInteger(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column(
            "document",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("emails_sent", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_receipts_payment_id_payments")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_receipts_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipts")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_receipts_receipt_no")),
        sa.UniqueConstraint("session_id", name=op.f("uq_receipts_session_id")),
        sa.UniqueConstraint("station_id", "seq", name=op.f("uq_receipts_station_id_seq")),
        sa.UniqueConstraint("token", name=op.f("uq_receipts_token")),
    )
    op.create_table(
        "refunds",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("payment_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("provider_refund_id", sa.String(length=128), nullable=True),
        sa.Column("idempotency_key", sa.String(length=128), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "state IN ('requested', 'pending', 'succeeded', 'failed')", name=op.f("ck_refunds_state_known")
        ),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_refunds_amount_positive")),
        sa.ForeignKeyConstraint(["payment_id"], ["payments.id"], name=op.f("fk_refunds_payment_id_payments")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_refunds_idempotency_key")),
        sa.UniqueConstraint("provider_refund_id", name=op.f("uq_refunds_provider_refund_id")),
    )
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refunds_payment_id"), ["payment_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refunds_payment_id"))

    op.drop_table("refunds")
    op.drop_table("receipts")
    with op.batch_alter_table("payment_calls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_calls_state"))
        batch_op.drop_index(batch_op.f("ix_payment_calls_payment_id"))

    op.drop_table("payment_calls")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_state"))
        batch_op.drop_index(batch_op.f("ix_payments_session_id"))

    op.drop_table("payments")
    op.create_table(
        "payments",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("session_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("provider_payment_id", sa.String(length=128), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_authorised_minor", sa.BigInteger(), nullable=False),
        sa.Column("amount_captured_minor", sa.BigInteger(), nullable=False),
        sa.Column("amount_refunded_minor", sa.BigInteger(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "state IN ('created', 'authorised', 'captured', 'voided', 'refunded', 'failed')",
            name=op.f("ck_payments_state_known"),
        ),
        sa.CheckConstraint(
            "amount_authorised_minor >= 0 AND amount_captured_minor >= 0 AND amount_refunded_minor >= 0",
            name=op.f("ck_payments_amounts_non_negative"),
        ),
        sa.CheckConstraint(
            "amount_refunded_minor <= amount_captured_minor", name=op.f("ck_payments_refund_within_capture")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_payments_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint(
            "provider", "provider_payment_id", name=op.f("uq_payments_provider_provider_payment_id")
        ),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payments_session_id"), ["session_id"], unique=False)

    op.create_table(
        "receipts",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("receipt_no", sa.String(length=32), nullable=False),
        sa.Column("session_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("payment_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total_minor", sa.BigInteger(), nullable=False),
        sa.Column("tax_minor", sa.BigInteger(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column(
            "lines",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_receipts_payment_id_payments")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_receipts_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipts")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_receipts_receipt_no")),
        sa.UniqueConstraint("session_id", name=op.f("uq_receipts_session_id")),
    )
