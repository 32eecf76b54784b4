"""Outbox messages can be parked: `outbox.parked_at`, and the pending index sorts parked rows apart.

Revision ID: 0002_outbox_parked
Revises: 0001_initial
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002_outbox_parked"
down_revision: str | None = "0001_initial"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parked_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_index("ix_outbox_pending")
        batch_op.create_index("ix_outbox_pending", ["stream", "delivered_at", "parked_at", "seq"])


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_pending")
        batch_op.create_index("ix_outbox_pending", ["stream", "delivered_at", "seq"])
        batch_op.drop_column("parked_at")
