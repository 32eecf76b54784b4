"""The station ledger: SQLAlchemy models, the engine for a database URL, start-up migrations and repositories.

See docs/database.md. Typical start-up:

    engine = make_engine(url)
    report = check_and_migrate(engine)   # DatabaseTooNewError when the database is newer than the code"""

from __future__ import annotations

from app.db.audit_log import AuditChainReport, append_audit, recent_audit, verify_audit_chain
from app.db.base import utc_now
from app.db.dialect import Db, epoch_s, upsert_insert
from app.db.engine import DEFAULT_URL, make_engine, read_only, session_factory, sqlite_path
from app.db.event_log import log_event
from app.db.meter_store import HOUR_S, RetentionPolicy, Sample, insert_samples, prune, roll_up
from app.db.models import (
    ADMIN_ROLES,
    EXCLUSION_REASONS,
    AdminAccount,
    ApiToken,
    AuditLogEntry,
    BalancerCap,
    Charger,
    ChargingSession,
    Connector,
    ConnectorDay,
    ConnectorStateSpan,
    ContactorOperation,
    LinkDay,
    MaintenanceAlarm,
    MeterRollup,
    MeterSample,
    OutboxMessage,
    OutboxStream,
    Payment,
    PaymentCall,
    PhoneLink,
    Receipt,
    Refund,
    SessionCostLine,
    SessionTransition,
    SiteDay,
    UptimeExclusion,
    WebSession,
)
from app.db.models_logs import EventLogEntry
from app.db.models_station import AUTHORIZATION_STATUSES, AuthCacheEntry, IdTag, RuntimeSetting
from app.db.schema_guard import (
    DatabaseTooNewError,
    MigrationReport,
    check_and_migrate,
    current_revision,
    head_revision,
)
from app.db.settings_store import get_setting, set_setting
from app.db.writer import LedgerWriter

__all__ = [
    "ADMIN_ROLES",
    "AUTHORIZATION_STATUSES",
    "DEFAULT_URL",
    "EXCLUSION_REASONS",
    "HOUR_S",
    "AdminAccount",
    "ApiToken",
    "AuditChainReport",
    "AuditLogEntry",
    "AuthCacheEntry",
    "BalancerCap",
    "Charger",
    "ChargingSession",
    "Connector",
    "ConnectorDay",
    "ConnectorStateSpan",
    "ContactorOperation",
    "DatabaseTooNewError",
    "Db",
    "EventLogEntry",
    "IdTag",
    "LedgerWriter",
    "LinkDay",
    "MaintenanceAlarm",
    "MeterRollup",
    "MeterSample",
    "MigrationReport",
    "OutboxMessage",
    "OutboxStream",
    "Payment",
    "PaymentCall",
    "PhoneLink",
    "Receipt",
    "Refund",
    "RetentionPolicy",
    "RuntimeSetting",
    "Sample",
    "SessionCostLine",
    "SessionTransition",
    "SiteDay",
    "UptimeExclusion",
    "WebSession",
    "append_audit",
    "check_and_migrate",
    "current_revision",
    "epoch_s",
    "get_setting",
    "head_revision",
    "insert_samples",
    "log_event",
    "make_engine",
    "prune",
    "read_only",
    "recent_audit",
    "roll_up",
    "session_factory",
    "set_setting",
    "sqlite_path",
    "upsert_insert",
    "utc_now",
    "verify_audit_chain",
]
