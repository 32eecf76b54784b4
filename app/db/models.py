"""Every ledger model in one namespace, so Base.metadata holds the whole schema (Alembic's target)."""

from __future__ import annotations

from app.db.base import Base
from app.db.models_admin import ADMIN_ROLES, AdminAccount, ApiToken, WebSession
from app.db.models_analytics import (
    ALARM_KINDS,
    CONNECTOR_STATES,
    EXCLUSION_REASONS,
    BalancerCap,
    ConnectorDay,
    ConnectorStateSpan,
    ContactorOperation,
    LinkDay,
    MaintenanceAlarm,
    SiteDay,
    UptimeExclusion,
)
from app.db.models_ledger import STOP_REASONS, ChargingSession, SessionCostLine, SessionTransition
from app.db.models_logs import (
    ROLLUP_RESOLUTIONS_S,
    AuditLogEntry,
    EventLogEntry,
    MeterRollup,
    MeterSample,
    OutboxMessage,
    OutboxStream,
    RollupProgress,
    RollupRegister,
)
from app.db.models_payments import (
    PAYMENT_KINDS,
    PAYMENT_METHODS,
    PAYMENT_STATES,
    PHONE_LINK_STATES,
    Payment,
    PaymentCall,
    PhoneLink,
    Receipt,
    Refund,
)
from app.db.models_station import (
    AUTHORIZATION_STATUSES,
    AuthCacheEntry,
    Charger,
    Connector,
    IdTag,
    RuntimeSetting,
    TariffRecord,
    User,
)

metadata = Base.metadata

__all__ = [
    "ADMIN_ROLES",
    "ALARM_KINDS",
    "AUTHORIZATION_STATUSES",
    "CONNECTOR_STATES",
    "EXCLUSION_REASONS",
    "PAYMENT_KINDS",
    "PAYMENT_METHODS",
    "PAYMENT_STATES",
    "PHONE_LINK_STATES",
    "ROLLUP_RESOLUTIONS_S",
    "STOP_REASONS",
    "AdminAccount",
    "ApiToken",
    "AuditLogEntry",
    "AuthCacheEntry",
    "BalancerCap",
    "Base",
    "Charger",
    "ChargingSession",
    "Connector",
    "ConnectorDay",
    "ConnectorStateSpan",
    "ContactorOperation",
    "EventLogEntry",
    "IdTag",
    "LinkDay",
    "MaintenanceAlarm",
    "MeterRollup",
    "MeterSample",
    "OutboxMessage",
    "OutboxStream",
    "Payment",
    "PaymentCall",
    "PhoneLink",
    "Receipt",
    "Refund",
    "RollupProgress",
    "RollupRegister",
    "RuntimeSetting",
    "SessionCostLine",
    "SessionTransition",
    "SiteDay",
    "TariffRecord",
    "UptimeExclusion",
    "User",
    "WebSession",
    "metadata",
]
