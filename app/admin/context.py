"""What every group of operator operations shares: the station, the signed-in operators, role checks
and the one way an operation writes (its change and its audit row in one transaction, off the loop)."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.orm import Session

from app.admin.accounts import role_rank
from app.config import AdminSettings
from app.db import append_audit, read_only, session_factory, utc_now

if TYPE_CHECKING:
    from app.analytics import Analytics
    from app.payments import PaymentService
    from app.runtime import StationRuntime

T = TypeVar("T")


class PermissionDeniedError(PermissionError):
    """The operator's role may not do this, or the operator is no longer signed in."""

    def __init__(self, action: str, needed: str, role: str | None) -> None:
        super().__init__(f"{action} needs the {needed} role" if role else f"{action}: not signed in")
        self.action, self.needed, self.role = action, needed, role


class OperationError(RuntimeError):
    """An operation that could not be done, with a machine code the faces translate (docs/admin.md)."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class Operator:
    """A signed-in person: what every operation takes as its first argument (the acting account)."""

    account_id: int
    name: str
    role: str
    signed_in_at: datetime
    token: str = field(repr=False)  # which sign-in this is; a copy made up elsewhere is refused

    @property
    def actor(self) -> str:
        """How the audit log and the event log name this person."""
        return f"admin:{self.name}"

    def may(self, role: str) -> bool:
        return role_rank(self.role) >= role_rank(role)


@dataclass
class OperatorContext:
    """The station and its capabilities as the operations see them, and the signed-in operators."""

    runtime: StationRuntime
    settings: AdminSettings
    payments: PaymentService | None = None
    analytics: Analytics | None = None
    now: Callable[[], datetime] = utc_now
    signed_in: dict[str, Operator] = field(default_factory=dict)

    def new_token(self) -> str:
        return secrets.token_urlsafe(24)

    def require(self, operator: Operator, role: str, action: str) -> None:
        """Refuses an operator who is not signed in (any more) or whose role is below `role`."""
        current = self.signed_in.get(operator.token)
        if current is None or current.account_id != operator.account_id:
            raise PermissionDeniedError(action, role, None)
        if not current.may(role):
            raise PermissionDeniedError(action, role, current.role)

    async def audited(
        self,
        operator: Operator,
        action: str,
        target: str | None,
        change: Callable[[Session], T],
        details: Callable[[T], dict[str, Any] | None] | dict[str, Any] | None = None,
    ) -> T:
        """Runs `change(db)` and appends its audit row in one transaction on the ledger's writer thread.

        `details` may be computed from the change's result (the old value read in the transaction)."""

        def write() -> T:
            with session_factory(self.runtime.engine)() as db, db.begin():
                result = change(db)
                described = details(result) if callable(details) else details
                append_audit(db, actor=operator.actor, action=action, target=target, details=described)
                return result

        return await self.runtime.sessions.writer.run(write)

    async def audit(
        self, actor: str, action: str, target: str | None, details: dict[str, Any] | None
    ) -> None:
        """An audit row alone (a sign-in attempt, a command sent to a charger and its answer)."""

        def write() -> None:
            with session_factory(self.runtime.engine)() as db, db.begin():
                append_audit(db, actor=actor, action=action, target=target, details=details)

        await self.runtime.sessions.writer.run(write)

    async def read(self, query: Callable[[Session], T]) -> T:
        """Runs a read-only query off the loop (a worker thread, never the Qt thread)."""

        def run() -> T:
            with session_factory(read_only(self.runtime.engine))() as db:
                return query(db)

        return await asyncio.to_thread(run)
