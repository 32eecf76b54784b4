"""Admin mode's capability: the operator facade, the staff's accounts and PINs, the audited operations
(docs/admin.md). The kiosk's admin screens and the web call OperatorFacade only."""

from app.admin.accounts import AccountError, AccountView
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
from app.admin.facade import OperatorFacade
from app.admin.pins import PinRuleError
from app.admin.sign_in import REFUSALS, SignIn

__all__ = [
    "REFUSALS",
    "AccountError",
    "AccountView",
    "Applied",
    "ConfigurationOperations",
    "ConfigurationView",
    "HistoryEntry",
    "KioskSettingsChanged",
    "OperationError",
    "Operator",
    "OperatorFacade",
    "PendingChange",
    "PermissionDeniedError",
    "PinRuleError",
    "Preview",
    "SettingView",
    "SignIn",
    "with_stored_overrides",
]
