"""The operator facade: every action a technician or operator takes, for the kiosk's admin mode and the
web alike (docs/admin.md). Each operation takes the acting Operator first, checks its role, writes its
audit row in the transaction of the change, and returns a result a screen can show.

Qt-free; it runs on the station's asyncio loop. The operations are grouped by what they act on, one
module each (control, sessions, configuration, firmware, diagnostics, analytics, overview); this class
signs people in and out and holds the groups.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.orm import Session

from app.admin.accounts import AccountView, add_account, list_accounts, set_disabled, set_pin, unlock
from app.admin.analytics_view import AnalyticsOperations
from app.admin.api_tokens import ApiTokens, ApiTokenView, CreatedToken
from app.admin.configuration import ConfigurationOperations
from app.admin.context import Operator, OperatorContext
from app.admin.control import ControlOperations
from app.admin.diagnostics import DiagnosticsOperations
from app.admin.firmware import FirmwareOperations, FirmwareSetup
from app.admin.overview import OverviewOperations
from app.admin.session_records import SessionOperations
from app.admin.sign_in import SignIn, sign_in, sign_out
from app.admin.web_access import WebAccess, WebSessionView, WebSignIn
from app.config import AdminSettings
from app.db import session_factory, utc_now

if TYPE_CHECKING:
    from app.analytics import Analytics
    from app.driver import DriverFacade
    from app.payments import PaymentService
    from app.runtime import StationRuntime

T = TypeVar("T")


class OperatorFacade:
    """What the admin mode and the web call; one per station, built by the launcher."""

    def __init__(
        self,
        runtime: StationRuntime,
        *,
        settings: AdminSettings | None = None,
        payments: PaymentService | None = None,
        analytics: Analytics | None = None,
        now: Callable[[], datetime] = utc_now,
        driver: DriverFacade | None = None,
        firmware: FirmwareSetup | None = None,
    ) -> None:
        settings = settings or getattr(runtime.config, "admin", None) or AdminSettings()
        self.context = OperatorContext(runtime, settings, payments=payments, analytics=analytics, now=now)
        self.settings = settings
        self.sessions = SessionOperations(self.context)  # search, detail, receipt, refund
        self.configuration = ConfigurationOperations(self.context)
        self.control = ControlOperations(self.context)  # technician: the chargers and connectors
        # `firmware`: where the key, the flashers and the kept images are (default: [ocpp.firmware]);
        # `driver`: the kiosk's driver facade, whose card reader the self-test checks.
        self.firmware = FirmwareOperations(self.context, firmware)
        self.diagnostics = DiagnosticsOperations(self.context, driver)
        self.overview = OverviewOperations(self.context)
        self.analytics = AnalyticsOperations(self.context)  # figures and report export (analytics_view)
        self.web = WebAccess(self.context)  # the web's passwords and browser sessions
        self.tokens = ApiTokens(self.context)  # integrations' API tokens

    # -- signing in and out -------------------------------------------------------------------------

    async def sign_in(self, account_id: int, pin: str, card_tag: str | None = None) -> SignIn:
        """One attempt at the PIN pad; the delay and lockout of docs/admin.md "PIN policy" apply."""
        return await sign_in(self.context, account_id, pin, card_tag)

    async def sign_out(self, operator: Operator, reason: str = "exit") -> None:
        """Leaves admin mode ("exit", "timeout"); sessions in progress are not touched."""
        await sign_out(self.context, operator, reason)

    def is_signed_in(self, operator: Operator) -> bool:
        return operator.token in self.context.signed_in

    # -- accounts (operator role) -------------------------------------------------------------------

    async def accounts(self, operator: Operator) -> list[AccountView]:
        self.context.require(operator, "operator", "accounts")
        return await self.context.read(list_accounts)

    async def add_account(
        self, operator: Operator, name: str, role: str, pin: str, card_tag: str | None = None
    ) -> AccountView:
        self.context.require(operator, "operator", "account.add")

        def write() -> AccountView:
            from app.db import session_factory

            with session_factory(self.context.runtime.engine)() as db, db.begin():
                return add_account(
                    db,
                    name=name,
                    role=role,
                    pin=pin,
                    settings=self.settings,
                    actor=operator.actor,
                    card_tag=card_tag,
                )

        return await self.context.runtime.sessions.writer.run(write)

    async def set_account_pin(self, operator: Operator, account_id: int, pin: str) -> None:
        """Any operator for any account; everyone else only for their own."""
        if account_id != operator.account_id:
            self.context.require(operator, "operator", "account.set_pin")
        else:
            self.context.require(operator, "viewer", "account.set_pin")
        await self._write(
            lambda db: set_pin(db, account_id, pin, settings=self.settings, actor=operator.actor)
        )

    async def set_account_disabled(self, operator: Operator, account_id: int, disabled: bool) -> None:
        self.context.require(operator, "operator", "account.disable")
        await self._write(lambda db: set_disabled(db, account_id, disabled, actor=operator.actor))
        if disabled:  # its web sessions and tokens end at once here (the ledger is read again anyway)
            self.web.forget_account(account_id)
            self.tokens.forget_account(account_id)

    # -- the web (docs/web.md "Accounts, sessions and tokens") ---------------------------------------

    async def web_sign_in(self, name: str, password: str, client: str) -> WebSignIn:
        """One attempt at the web's sign-in; the throttle of app/admin/web_access.py applies."""
        return await self.web.sign_in(name, password, client)

    async def web_session(self, session_secret: str) -> WebSessionView | None:
        return await self.web.session(session_secret)

    async def web_sign_out(self, operator: Operator) -> None:
        await self.web.sign_out(operator)

    async def set_web_password(self, operator: Operator, account_id: int, password: str) -> None:
        await self.web.set_password(operator, account_id, password)

    async def create_api_token(
        self,
        operator: Operator,
        account_id: int,
        name: str,
        scopes: list[str],
        expires_days: int | None = None,
    ) -> CreatedToken:
        return await self.tokens.create(operator, account_id, name, scopes, expires_days)

    async def api_tokens(self, operator: Operator, account_id: int | None = None) -> list[ApiTokenView]:
        return await self.tokens.list(operator, account_id)

    async def revoke_api_token(self, operator: Operator, token_id: int) -> None:
        await self.tokens.revoke(operator, token_id)

    async def token_operator(self, secret: str) -> Operator | None:
        return await self.tokens.operator(secret)

    async def unlock_account(self, operator: Operator, account_id: int) -> None:
        self.context.require(operator, "operator", "account.unlock")
        await self._write(lambda db: unlock(db, account_id, actor=operator.actor))

    async def _write(self, change: Callable[[Session], T]) -> T:
        """An account change (which writes its own audit row) in one transaction on the writer thread."""

        def write() -> T:
            with session_factory(self.context.runtime.engine)() as db, db.begin():
                return change(db)

        return await self.context.runtime.sessions.writer.run(write)
