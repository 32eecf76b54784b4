"""Admin mode's capability: the operator facade, the staff's accounts and PINs, the audited operations
(docs/admin.md). The kiosk's admin screens and the web call OperatorFacade only."""

from app.admin.accounts import AccountError, AccountView
from app.admin.context import OperationError, Operator, PermissionDeniedError
from app.admin.facade import OperatorFacade
from app.admin.overview import Allocation, ChargerOverview, ConnectorOverview, NodeLoad, Overview
from app.admin.pins import PinRuleError
from app.admin.sign_in import REFUSALS, SignIn

__all__ = [
    "REFUSALS",
    "AccountError",
    "AccountView",
    "Allocation",
    "ChargerOverview",
    "ConnectorOverview",
    "NodeLoad",
    "OperationError",
    "Operator",
    "OperatorFacade",
    "Overview",
    "PermissionDeniedError",
    "PinRuleError",
    "SignIn",
]
