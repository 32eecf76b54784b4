"""The ledger's first schema: every table of issue 4 (stations, sessions, money, meter data, logs, outbox).

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("target", sa.String(length=128), nullable=True),
        sa.Column(
            "details",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "auth_cache_entries",
        sa.Column("id_tag", sa.String(length=20), nullable=False),
        sa.Column("parent_id_tag", sa.String(length=20), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("expiry_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cached_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('Accepted', 'Blocked', 'Expired', 'Invalid', 'ConcurrentTx')",
            name=op.f("ck_auth_cache_entries_status_known"),
        ),
        sa.PrimaryKeyConstraint("id_tag", name=op.f("pk_auth_cache_entries")),
    )
    op.create_table(
        "chargers",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("link", sa.String(length=200), nullable=False),
        sa.Column("serial_number", sa.String(length=64), nullable=True),
        sa.Column("firmware_version", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chargers")),
    )
    op.create_table(
        "event_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("charger_id", sa.String(length=32), nullable=True),
        sa.Column("connector_name", sa.String(length=40), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column(
            "details",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.CheckConstraint("kind IN ('fault', 'event')", name=op.f("ck_event_log_kind_known")),
        sa.CheckConstraint(
            "severity IN ('info', 'warning', 'error', 'critical')", name=op.f("ck_event_log_severity_known")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_log")),
    )
    with op.batch_alter_table("event_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_log_at"), ["at"], unique=False)
        batch_op.create_index("ix_event_log_charger_at", ["charger_id", "at"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("stream", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column(
            "payload",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("dedupe_key", sa.String(length=128), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("available_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claim_token", sa.String(length=36), nullable=True),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_outbox_dedupe_key")),
        sa.UniqueConstraint("stream", "seq", name=op.f("uq_outbox_stream_seq")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_pending", ["stream", "delivered_at", "seq"], unique=False)

    op.create_table(
        "outbox_streams",
        sa.Column("stream", sa.String(length=32), nullable=False),
        sa.Column("next_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("stream", name=op.f("pk_outbox_streams")),
    )
    op.create_table(
        "rollup_progress",
        sa.Column("resolution_s", sa.Integer(), nullable=False),
        sa.Column("done_until_s", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("resolution_s", name=op.f("pk_rollup_progress")),
    )
    op.create_table(
        "runtime_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column(
            "value",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_runtime_settings")),
    )
    op.create_table(
        "tariffs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column(
            "definition",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tariffs")),
        sa.UniqueConstraint("name", "valid_from", name=op.f("uq_tariffs_name_valid_from")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("fleet", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "connectors",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("charger_id", sa.String(length=32), nullable=False),
        sa.Column("connector_no", sa.Integer(), nullable=False),
        sa.Column("ocpp_connector_id", sa.Integer(), nullable=False),
        sa.Column("phases", sa.Integer(), nullable=False),
        sa.Column("max_current_mA", sa.Integer(), nullable=False),
        sa.CheckConstraint("connector_no >= 1", name=op.f("ck_connectors_connector_no_positive")),
        sa.CheckConstraint("ocpp_connector_id >= 1", name=op.f("ck_connectors_ocpp_connector_id_positive")),
        sa.ForeignKeyConstraint(
            ["charger_id"], ["chargers.id"], name=op.f("fk_connectors_charger_id_chargers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_connectors")),
        sa.UniqueConstraint("charger_id", "connector_no", name=op.f("uq_connectors_charger_id_connector_no")),
        sa.UniqueConstraint("name", name=op.f("uq_connectors_name")),
        sa.UniqueConstraint("ocpp_connector_id", name=op.f("uq_connectors_ocpp_connector_id")),
    )
    op.create_table(
        "id_tags",
        sa.Column("id_tag", sa.String(length=20), nullable=False),
        sa.Column("user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("parent_id_tag", sa.String(length=20), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("expiry_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("list_version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('Accepted', 'Blocked', 'Expired', 'Invalid', 'ConcurrentTx')",
            name=op.f("ck_id_tags_status_known"),
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_id_tags_user_id_users")),
        sa.PrimaryKeyConstraint("id_tag", name=op.f("pk_id_tags")),
    )
    op.create_table(
        "meter_rollups",
        sa.Column("resolution_s", sa.Integer(), nullable=False),
        sa.Column("bucket_s", sa.BigInteger(), nullable=False),
        sa.Column("connector_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("energy_Wh", sa.BigInteger(), nullable=False),
        sa.Column("energy_register_Wh", sa.BigInteger(), nullable=False),
        sa.Column("power_max_W", sa.Integer(), nullable=False),
        sa.Column("samples", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "resolution_s IN (60, 3600, 86400)", name=op.f("ck_meter_rollups_resolution_known")
        ),
        sa.ForeignKeyConstraint(
            ["connector_id"], ["connectors.id"], name=op.f("fk_meter_rollups_connector_id_connectors")
        ),
        sa.PrimaryKeyConstraint("resolution_s", "bucket_s", "connector_id", name=op.f("pk_meter_rollups")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "meter_samples",
        sa.Column("ts_s", sa.BigInteger(), nullable=False),
        sa.Column("connector_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("energy_Wh", sa.BigInteger(), nullable=False),
        sa.Column("power_W", sa.Integer(), nullable=False),
        sa.Column("current_L1_mA", sa.Integer(), nullable=False),
        sa.Column("current_L2_mA", sa.Integer(), nullable=False),
        sa.Column("current_L3_mA", sa.Integer(), nullable=False),
        sa.Column("voltage_L1_dV", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["connector_id"], ["connectors.id"], name=op.f("fk_meter_samples_connector_id_connectors")
        ),
        sa.PrimaryKeyConstraint("ts_s", "connector_id", name=op.f("pk_meter_samples")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "rollup_registers",
        sa.Column("connector_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("ts_s", sa.BigInteger(), nullable=False),
        sa.Column("energy_Wh", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["connector_id"], ["connectors.id"], name=op.f("fk_rollup_registers_connector_id_connectors")
        ),
        sa.PrimaryKeyConstraint("connector_id", name=op.f("pk_rollup_registers")),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("transaction_ref", sa.BigInteger(), nullable=False),
        sa.Column("csms_transaction_id", sa.Integer(), nullable=True),
        sa.Column("connector_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("id_tag", sa.String(length=20), nullable=True),
        sa.Column("user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("stop_reason", sa.String(length=16), nullable=True),
        sa.Column("meter_start_Wh", sa.BigInteger(), nullable=True),
        sa.Column("meter_stop_Wh", sa.BigInteger(), nullable=True),
        sa.Column("energy_Wh", sa.BigInteger(), nullable=True),
        sa.Column("tariff_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "tariff",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("cost_total_minor", sa.BigInteger(), nullable=True),
        sa.Column("cost_tax_minor", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "stop_reason IS NULL OR stop_reason IN ('EmergencyStop', 'EVDisconnected', 'HardReset', 'Local', "
            "'Other', 'PowerLoss', 'Reboot', 'Remote', 'SoftReset', 'UnlockCommand', 'DeAuthorized')",
            name=op.f("ck_sessions_stop_reason"),
        ),
        sa.CheckConstraint(
            '"energy_Wh" IS NULL OR "energy_Wh" >= 0', name=op.f("ck_sessions_energy_non_negative")
        ),
        sa.CheckConstraint(
            '"meter_stop_Wh" IS NULL OR "meter_stop_Wh" >= "meter_start_Wh"',
            name=op.f("ck_sessions_meter_monotonic"),
        ),
        sa.ForeignKeyConstraint(
            ["connector_id"], ["connectors.id"], name=op.f("fk_sessions_connector_id_connectors")
        ),
        sa.ForeignKeyConstraint(["tariff_id"], ["tariffs.id"], name=op.f("fk_sessions_tariff_id_tariffs")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_sessions_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sa.UniqueConstraint("csms_transaction_id", name=op.f("uq_sessions_csms_transaction_id")),
        sa.UniqueConstraint("transaction_ref", name=op.f("uq_sessions_transaction_ref")),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sessions_connector_id"), ["connector_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sessions_state"), ["state"], unique=False)

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
        "session_cost_lines",
        sa.Column("session_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.String(length=40), nullable=True),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_session_cost_lines_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("session_id", "line_no", name=op.f("pk_session_cost_lines")),
    )
    op.create_table(
        "session_transitions",
        sa.Column("session_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("from_state", sa.String(length=24), nullable=True),
        sa.Column("to_state", sa.String(length=24), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meter_Wh", sa.BigInteger(), nullable=True),
        sa.Column("reason", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_session_transitions_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("session_id", "seq", name=op.f("pk_session_transitions")),
    )
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


def downgrade() -> None:
    op.drop_table("receipts")
    op.drop_table("session_transitions")
    op.drop_table("session_cost_lines")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_session_id"))

    op.drop_table("payments")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_state"))
        batch_op.drop_index(batch_op.f("ix_sessions_connector_id"))

    op.drop_table("sessions")
    op.drop_table("rollup_registers")
    op.drop_table("meter_samples")
    op.drop_table("meter_rollups")
    op.drop_table("id_tags")
    op.drop_table("connectors")
    op.drop_table("users")
    op.drop_table("tariffs")
    op.drop_table("runtime_settings")
    op.drop_table("rollup_progress")
    op.drop_table("outbox_streams")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_pending")

    op.drop_table("outbox")
    with op.batch_alter_table("event_log", schema=None) as batch_op:
        batch_op.drop_index("ix_event_log_charger_at")
        batch_op.drop_index(batch_op.f("ix_event_log_at"))

    op.drop_table("event_log")
    op.drop_table("chargers")
    op.drop_table("auth_cache_entries")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
