"""API tokens for integrations (Home Assistant, a fleet system): scoped, revocable, expiring, stored as
the SHA-256 of their secret only (docs/web.md "Accounts, sessions and tokens").

A token acts as its account, never above it: its role is the lower of the account's current role and
what its scopes allow (read: viewer, control: technician, manage: operator). The secret is shown once,
at creation, and looks like `evse_...` so a leaked one is recognisable in a log or a repository.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.admin.accounts import role_rank
from app.admin.context import OperationError, Operator, OperatorContext
from app.admin.web_access import CACHE_S, TOUCH_S, require_full_role, secret_hash
from app.db import ADMIN_ROLES, AdminAccount, ApiToken, session_factory

SCOPES = {"read": "viewer", "control": "technician", "manage": "operator"}
PREFIX = "evse_"
MAX_TOKENS_PER_ACCOUNT = 20


@dataclass(frozen=True)
class ApiTokenView:
    token_id: int
    account_id: int
    name: str
    scopes: list[str]
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None


@dataclass(frozen=True)
class CreatedToken:
    token: ApiTokenView
    secret: str = field(repr=False)


@dataclass
class _Cached:
    operator: Operator
    token_id: int
    expires_at: datetime | None
    checked: float
    used: float


def scope_role(scopes: list[str]) -> str:
    return max((SCOPES[s] for s in scopes), key=role_rank)


def token_audit_details(view: ApiTokenView) -> dict[str, object]:
    """What the audit log keeps of a new token: never its secret."""
    expires = view.expires_at.isoformat() if view.expires_at else None
    return {"token": view.token_id, "name": view.name, "scopes": view.scopes, "expires_at": expires}


def insert_token(
    db: Session,
    *,
    account_id: int,
    name: str,
    scopes: list[str],
    expires_at: datetime | None,
    actor: str,
    now: datetime,
) -> tuple[ApiTokenView, str]:
    """Writes a new token of an account (the caller audits it): its view and the secret, shown once."""
    unknown = sorted(set(scopes) - set(SCOPES))
    if not scopes or unknown:
        raise OperationError("scope_unknown", f"scopes: one or more of {', '.join(SCOPES)}")
    name = name.strip()[:64]
    if not name:
        raise OperationError("invalid", "a token needs a name")
    account = db.get(AdminAccount, account_id)
    if account is None:
        raise OperationError("unknown_account", f"no account {account_id}")
    if role_rank(scope_role(scopes)) > role_rank(account.role):
        raise OperationError("scope_exceeds_role", f"{account.role} may not hold {' '.join(scopes)}")
    live = db.scalars(
        select(ApiToken.id).where(ApiToken.account_id == account_id, ApiToken.revoked_at.is_(None))
    ).all()
    if len(live) >= MAX_TOKENS_PER_ACCOUNT:
        raise OperationError("busy", f"at most {MAX_TOKENS_PER_ACCOUNT} tokens per account")
    secret = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(
        account_id=account_id,
        name=name,
        token_hash=secret_hash(secret),
        scopes=" ".join(sorted(set(scopes), key=list(SCOPES).index)),
        created_at=now,
        created_by=actor,
        expires_at=expires_at,
    )
    db.add(row)
    db.flush()
    return _view(row), secret


def list_tokens(db: Session, account_id: int | None = None) -> list[ApiTokenView]:
    statement = select(ApiToken).order_by(ApiToken.id)
    if account_id is not None:
        statement = statement.where(ApiToken.account_id == account_id)
    return [_view(row) for row in db.scalars(statement)]


def _view(row: ApiToken) -> ApiTokenView:
    return ApiTokenView(
        row.id,
        row.account_id,
        row.name,
        row.scopes.split(),
        row.created_at,
        row.expires_at,
        row.last_used_at,
        row.revoked_at,
    )


class ApiTokens:
    """The tokens of one station (the operator facade holds one)."""

    def __init__(self, context: OperatorContext) -> None:
        self.context = context
        self._cache: dict[str, _Cached] = {}

    async def create(
        self, operator: Operator, account_id: int, name: str, scopes: list[str], expires_days: int | None
    ) -> CreatedToken:
        context = self.context
        if account_id != operator.account_id:
            context.require(operator, "operator", "token.create")
        else:
            context.require(operator, "viewer", "token.create")
        await require_full_role(context, operator, account_id, "token.create")
        now = context.now()
        expires = now + timedelta(days=expires_days) if expires_days else None
        made: list[str] = []

        def change(db: Session) -> ApiTokenView:
            view, secret = insert_token(
                db,
                account_id=account_id,
                name=name,
                scopes=scopes,
                expires_at=expires,
                actor=operator.actor,
                now=now,
            )
            made.append(secret)
            return view

        view = await context.audited(
            operator, "token.create", f"account:{account_id}", change, token_audit_details
        )
        return CreatedToken(view, made[0])

    async def list(self, operator: Operator, account_id: int | None = None) -> list[ApiTokenView]:
        """An operator sees every account's tokens (or one account's); others their own only."""
        context = self.context
        if account_id is None and operator.may("operator"):
            wanted = None
        else:
            wanted = account_id if account_id is not None else operator.account_id
            if wanted != operator.account_id:
                context.require(operator, "operator", "token.list")
        context.require(operator, "viewer", "token.list")

        return await context.read(lambda db: list_tokens(db, wanted))

    async def revoke(self, operator: Operator, token_id: int) -> None:
        context = self.context
        context.require(operator, "viewer", "token.revoke")
        now = context.now()

        def change(db: Session) -> int:
            row = db.get(ApiToken, token_id)
            if row is None:
                raise OperationError("unknown_token", f"no token {token_id}")
            if row.account_id != operator.account_id and not operator.may("operator"):
                raise OperationError("unknown_token", f"no token {token_id}")  # others' tokens do not exist
            if row.revoked_at is None:
                row.revoked_at = now
            return row.account_id

        await context.audited(operator, "token.revoke", f"token:{token_id}", change)
        for key in [k for k, c in self._cache.items() if c.token_id == token_id]:
            self._forget(key)

    def forget_account(self, account_id: int) -> None:
        for key in [k for k, c in self._cache.items() if c.operator.account_id == account_id]:
            self._forget(key)

    def _forget(self, key: str) -> None:
        cached = self._cache.pop(key, None)
        if cached is not None:
            self.context.signed_in.pop(cached.operator.token, None)

    async def operator(self, secret: str) -> Operator | None:
        """The Operator a token acts as, None for an unknown, revoked or expired one or a disabled account."""
        if not secret.startswith(PREFIX) or len(secret) > 128:
            return None
        key = secret_hash(secret)
        tick, now = time.monotonic(), self.context.now()
        cached = self._cache.get(key)
        if cached is None or tick - cached.checked > CACHE_S:
            cached = await self._reload(key)
            if cached is None:
                return None
        if cached.expires_at is not None and now >= cached.expires_at:
            self._forget(key)
            return None
        if tick - cached.used > TOUCH_S:
            cached.used = tick
            await self._touch(cached.token_id, now)
        return cached.operator

    async def _reload(self, key: str) -> _Cached | None:
        def read(db: Session) -> tuple[int, str, datetime | None, int, str, str, bool] | None:
            found = db.execute(
                select(ApiToken, AdminAccount)
                .join(AdminAccount, AdminAccount.id == ApiToken.account_id)
                .where(ApiToken.token_hash == key)
            ).first()
            if found is None or found[0].revoked_at is not None:
                return None
            token, account = found
            return (token.id, token.scopes, token.expires_at, account.id, account.name, account.role,
                    account.disabled_at is not None)  # fmt: skip

        found = await self.context.read(read)
        previous = self._cache.get(key)
        if found is None or found[6]:
            self._forget(key)
            return None
        token_id, scopes, expires, account_id, name, account_role, _disabled = found
        role = min(account_role, scope_role(scopes.split()), key=role_rank)
        assert role in ADMIN_ROLES
        tick = time.monotonic()
        if previous is not None and previous.operator.role == role:
            previous.checked = tick
            return previous
        self._forget(key)
        operator = Operator(account_id, name, role, self.context.now(), self.context.new_token())
        self.context.signed_in[operator.token] = operator
        fresh = _Cached(operator, token_id, expires, tick, previous.used if previous else 0.0)
        self._cache[key] = fresh
        return fresh

    async def _touch(self, token_id: int, now: datetime) -> None:
        def write() -> None:
            with session_factory(self.context.runtime.engine)() as db, db.begin():
                db.execute(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=now))

        await self.context.runtime.sessions.writer.run(write)
