"""Admin mode's capability: the operator facade, the staff's accounts and PINs, the audited operations
(docs/admin.md). The kiosk's admin screens and the web call OperatorFacade only."""

from app.admin.accounts import AccountError, AccountView
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
from app.admin.facade import OperatorFacade
from app.admin.pins import PinRuleError
from app.admin.sign_in import REFUSALS, SignIn

__all__ = [
    "REASONS",
    "REFUSALS",
    "AccountError",
    "AccountView",
    "AvailabilityResult",
    "CommandResult",
    "ControlConnector",
    "ControlOperations",
    "OperationError",
    "Operator",
    "OperatorFacade",
    "PermissionDeniedError",
    "PinRuleError",
    "SelfTestItem",
    "SelfTestResult",
    "SignIn",
    "StopResult",
]
