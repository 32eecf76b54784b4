"""One OCPP identity per charger: `chargers.ocpp_identity`, and outbox stream names long enough for
"ocpp/<charger id>".

Revision ID: 0003_ocpp_identities
Revises: 0002_outbox_parked
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003_ocpp_identities"
down_revision: str | None = "0002_outbox_parked"
branch_labels: str | None = None
depends_on: str | None = None


def _stream_length(old: int, new: int) -> None:
    for table in ("outbox", "outbox_streams"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(
                "stream",
                existing_type=sa.String(length=old),
                type_=sa.String(length=new),
                existing_nullable=False,
            )


def upgrade() -> None:
    with op.batch_alter_table("chargers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ocpp_identity", sa.String(length=64), nullable=True))
    _stream_length(32, 64)


def downgrade() -> None:
    _stream_length(64, 32)
    with op.batch_alter_table("chargers", schema=None) as batch_op:
        batch_op.drop_column("ocpp_identity")
