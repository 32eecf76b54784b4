"""Admin mode's capability: the operator facade, the staff's accounts and PINs, the audited operations
(docs/admin.md). The kiosk's admin screens and the web call OperatorFacade only."""

from app.admin.accounts import AccountError, AccountView
from app.admin.api_tokens import SCOPES, ApiTokenView, CreatedToken
from app.admin.configuration import ConfigurationOperations
from app.admin.configuration_store import with_stored_overrides
from app.admin.configuration_views import (
    Applied,
    ConfigurationView,
    HistoryEntry,
    KioskSettingsChanged,
    PendingChange,
    Preview,
    SettingView,
)
from app.admin.context import OperationError, Operator, PermissionDeniedError
from app.admin.control import (
    REASONS,
    AvailabilityResult,
    CommandResult,
    ControlConnector,
    ControlOperations,
    SelfTestItem,
    SelfTestResult,
    StopResult,
)
from app.admin.demo import DEMO_ACCOUNT_NAME, DEMO_PIN, DEMO_WEB_PASSWORD, seed_demo_account
from app.admin.diagnostics import CheckResult, EventView, ExportResult, LinkView, OcppState
from app.admin.facade import OperatorFacade
from app.admin.firmware import (
    ChargerFirmware,
    FirmwareInventory,
    FirmwareProgress,
    FirmwareResult,
    FirmwareSetup,
    PackageView,
)
from app.admin.overview import Allocation, ChargerOverview, ConnectorOverview, NodeLoad, Overview
from app.admin.pins import PinRuleError
from app.admin.session_views import (
    REFUND_REASONS,
    SESSION_METHODS,
    SESSION_STATE_FILTERS,
    CostLineView,
    MeterPoint,
    PaymentView,
    ReceiptView,
    RefundResult,
    RefundView,
    SessionChoices,
    SessionDetail,
    SessionPage,
    SessionQuery,
    SessionRow,
    TransitionView,
)
from app.admin.sign_in import REFUSALS, SignIn
from app.admin.web_access import WebSessionView, WebSignIn

__all__ = [
    "DEMO_ACCOUNT_NAME",
    "DEMO_PIN",
    "DEMO_WEB_PASSWORD",
    "REASONS",
    "REFUND_REASONS",
    "REFUSALS",
    "SCOPES",
    "SESSION_METHODS",
    "SESSION_STATE_FILTERS",
    "AccountError",
    "AccountView",
    "Allocation",
    "ApiTokenView",
    "Applied",
    "AvailabilityResult",
    "ChargerFirmware",
    "ChargerOverview",
    "CheckResult",
    "CommandResult",
    "ConfigurationOperations",
    "ConfigurationView",
    "ConnectorOverview",
    "ControlConnector",
    "ControlOperations",
    "CostLineView",
    "CreatedToken",
    "EventView",
    "ExportResult",
    "FirmwareInventory",
    "FirmwareProgress",
    "FirmwareResult",
    "FirmwareSetup",
    "HistoryEntry",
    "KioskSettingsChanged",
    "LinkView",
    "MeterPoint",
    "NodeLoad",
    "OcppState",
    "OperationError",
    "Operator",
    "OperatorFacade",
    "Overview",
    "PackageView",
    "PaymentView",
    "PendingChange",
    "PermissionDeniedError",
    "PinRuleError",
    "Preview",
    "ReceiptView",
    "RefundResult",
    "RefundView",
    "SelfTestItem",
    "SelfTestResult",
    "SessionChoices",
    "SessionDetail",
    "SessionPage",
    "SessionQuery",
    "SessionRow",
    "SettingView",
    "SignIn",
    "StopResult",
    "TransitionView",
    "WebSessionView",
    "WebSignIn",
    "seed_demo_account",
    "with_stored_overrides",
]
