"""Drivers who pay on their phone: the link between their payment, the connector they chose and the
session it opened, found by the hash of the secret in their link (docs/web.md "Driver page").

Revision ID: 0008_phone_links
Revises: 0007_web_access
Create Date: 2026-12-05 07:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008_phone_links"
down_revision: str | None = "0007_web_access"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "phone_links",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("payment_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("connector_name", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=True),
        sa.Column("session_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "state IN ('awaiting_payment', 'started', 'failed', 'cancelled')",
            name=op.f("ck_phone_links_state_known"),
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_phone_links_payment_id_payments")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_phone_links_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_links")),
        sa.UniqueConstraint("payment_id", name=op.f("uq_phone_links_payment_id")),
        sa.UniqueConstraint("secret_hash", name=op.f("uq_phone_links_secret_hash")),
        sa.UniqueConstraint("session_id", name=op.f("uq_phone_links_session_id")),
    )


def downgrade() -> None:
    op.drop_table("phone_links")
