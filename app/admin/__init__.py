"""Admin mode's capability: the operator facade, the staff's accounts and PINs, the audited operations
(docs/admin.md). The kiosk's admin screens and the web call OperatorFacade only."""

from app.admin.accounts import AccountError, AccountView
from app.admin.context import OperationError, Operator, PermissionDeniedError
from app.admin.demo import DEMO_ACCOUNT_NAME, DEMO_PIN, seed_demo_account
from app.admin.facade import OperatorFacade
from app.admin.pins import PinRuleError
from app.admin.sign_in import REFUSALS, SignIn

__all__ = [
    "DEMO_ACCOUNT_NAME",
    "DEMO_PIN",
    "REFUSALS",
    "AccountError",
    "AccountView",
    "OperationError",
    "Operator",
    "OperatorFacade",
    "PermissionDeniedError",
    "PinRuleError",
    "SignIn",
    "seed_demo_account",
]
