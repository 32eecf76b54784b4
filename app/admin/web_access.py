"""Signing in to the web with a password: its rules, the throttle, and the browser sessions it opens
(docs/web.md "Accounts, sessions and tokens").

The password is the admin mode's account's second secret, separate from the PIN (argon2id, the same
parameters). Throttling follows NIST SP 800-63B section 5.2.2 and OWASP ASVS V2.2.1: a wrong password
makes the next attempt on that account wait 1 s, doubling up to 60 s, and a right one clears it; there
is no lockout, so the right password always gets in after the wait. One client address that keeps
failing across accounts waits likewise (kept in memory, bounded). Unknown names are checked against a
decoy hash, so the answer and its timing never tell which accounts exist.

A session is found by the SHA-256 of its cookie; it ends after `web_session_idle_s` without a request
and `web_session_max_s` after it began, on sign-out, on a password change and when its account is
disabled. Its Operator carries the account's current role.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.admin.context import OperationError, Operator, OperatorContext, PermissionDeniedError
from app.admin.pins import hash_pin, needs_rehash, pin_matches
from app.db import AdminAccount, WebSession, append_audit, session_factory

MIN_PASSWORD = 10
MAX_PASSWORD = 128
FIRST_DELAY_S = 1.0
MAX_DELAY_S = 60.0
# One address: this many wrong passwords within the window, then it waits as an account does.
ADDRESS_FREE_FAILURES = 10
ADDRESS_WINDOW_S = 600.0
ADDRESSES_KEPT = 4096
ADDRESS_PARALLEL = 4  # attempts from one address checked at once; more wait
CACHE_S = 5.0  # a session is read from the ledger again after this long (revocations here are at once)
TOUCH_S = 60.0  # last_seen_at is written at most this often
SECRET_BYTES = 32


def secret_hash(secret: str) -> str:
    """SHA-256 hex: the secrets are 256 random bits, so a fast hash cannot be reversed by guessing
    (unlike a password, which needs argon2)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def check_new_password(password: str, account_name: str) -> None:
    """NIST SP 800-63B section 5.1.1.2: long enough, not absurdly long, not trivially guessable."""
    if len(password) < MIN_PASSWORD:
        raise OperationError("password_too_short", f"a web password has at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise OperationError("password_too_long", f"a web password has at most {MAX_PASSWORD} characters")
    if len(set(password)) <= 2 or password.casefold() == account_name.casefold():
        raise OperationError("password_weak", "the password is too easy to guess")


async def require_full_role(
    context: OperatorContext, operator: Operator, account_id: int, action: str
) -> str:
    """The account's name, refusing someone acting on their own credentials with less than their
    account's role: a read-only token may not mint itself a stronger token or a password."""

    def read(db: Session) -> tuple[str, str] | None:
        row = db.get(AdminAccount, account_id)
        return None if row is None else (row.name, row.role)

    found = await context.read(read)
    if found is None:
        raise OperationError("unknown_account", f"no account {account_id}")
    name, role = found
    if account_id == operator.account_id and operator.role != role:
        raise PermissionDeniedError(action, role, operator.role)
    return name


def throttle_delay(failures: int) -> float:
    return 0.0 if failures <= 0 else min(MAX_DELAY_S, FIRST_DELAY_S * 2.0 ** (failures - 1))


def store_web_password(db: Session, account_id: int, password_hash: str | None, now: datetime) -> None:
    """Sets (None: removes) an account's web password; its throttle clears and its sessions end. The
    caller audits it."""
    row = db.get(AdminAccount, account_id)
    if row is None:
        raise OperationError("unknown_account", f"no account {account_id}")
    row.web_password_hash = password_hash
    row.web_failed_attempts, row.web_last_failed_at = 0, None
    db.execute(
        update(WebSession)
        .where(WebSession.account_id == account_id, WebSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )


@dataclass(frozen=True)
class WebSignIn:
    operator: Operator | None
    session_secret: str = field(default="", repr=False)
    csrf_token: str = field(default="", repr=False)
    refusal: str = ""  # "wrong" or "wait"
    retry_after_s: float = 0.0


@dataclass(frozen=True)
class WebSessionView:
    operator: Operator
    csrf_token: str = field(repr=False)
    expires_at: datetime


@dataclass
class _Cached:
    view: WebSessionView
    session_id: int
    checked: float  # time.monotonic() of the last ledger read
    touched: float  # of the last last_seen_at written
    seen: datetime  # the station clock at the last request (the idle timeout counts from it)


class AddressThrottle:
    """Wrong passwords per client address in a sliding window, for a bounded number of addresses."""

    def __init__(self) -> None:
        self._failures: OrderedDict[str, list[float]] = OrderedDict()

    def wait(self, address: str, now: float) -> float:
        times = [t for t in self._failures.get(address, []) if now - t < ADDRESS_WINDOW_S]
        beyond = len(times) - ADDRESS_FREE_FAILURES + 1
        if beyond <= 0:
            return 0.0
        return max(0.0, times[-1] + throttle_delay(beyond) - now)

    def failed(self, address: str, now: float) -> None:
        times = [t for t in self._failures.pop(address, []) if now - t < ADDRESS_WINDOW_S]
        self._failures[address] = [*times, now][-64:]
        while len(self._failures) > ADDRESSES_KEPT:
            self._failures.popitem(last=False)


class UnknownNames:
    """Wrong attempts on names that are no account, kept like an account's (in memory, bounded), so
    that the wait after them never tells an unknown name from a real one."""

    def __init__(self) -> None:
        self._failures: OrderedDict[str, tuple[int, datetime]] = OrderedDict()

    def wait(self, name: str, now: datetime) -> float:
        failures, last = self._failures.get(name, (0, now))
        return max(0.0, (last + timedelta(seconds=throttle_delay(failures)) - now).total_seconds())

    def failed(self, name: str, now: datetime) -> int:
        failures = self._failures.pop(name, (0, now))[0] + 1
        self._failures[name] = (failures, now)
        while len(self._failures) > ADDRESSES_KEPT:
            self._failures.popitem(last=False)
        return failures


class WebAccess:
    """The web's sign-in and sessions for one station (the operator facade holds one)."""

    def __init__(self, context: OperatorContext) -> None:
        self.context = context
        self.addresses = AddressThrottle()
        self.unknown = UnknownNames()
        self._sessions: dict[str, _Cached] = {}  # by session hash
        # Attempts being checked now, by name and by address: a burst sent at once would otherwise all
        # pass the wait before the first wrong password is counted.
        self._names_checking: set[str] = set()
        self._address_checking: dict[str, int] = {}

    # -- signing in -------------------------------------------------------------------------------------

    async def sign_in(self, name: str, password: str, client: str) -> WebSignIn:
        address, key = client[:64], name[:64].casefold()
        busy = key in self._names_checking or self._address_checking.get(address, 0) >= ADDRESS_PARALLEL
        if busy:
            await self.context.audit("web", "web.sign_in", None, {"outcome": "busy", "client": address})
            return WebSignIn(None, refusal="wait", retry_after_s=1.0)
        self._names_checking.add(key)
        self._address_checking[address] = self._address_checking.get(address, 0) + 1
        try:
            return await self._sign_in(name[:64], unicodedata.normalize("NFKC", password), address, key)
        finally:
            self._names_checking.discard(key)
            left = self._address_checking.pop(address, 1) - 1
            if left > 0:
                self._address_checking[address] = left

    async def _sign_in(self, name: str, password: str, address: str, key: str) -> WebSignIn:
        context, now = self.context, self.context.now()
        wait = max(self.addresses.wait(address, time.monotonic()), self.unknown.wait(key, now))
        if wait > 0:
            await context.audit("web", "web.sign_in", None, {"outcome": "wait", "client": address})
            return WebSignIn(None, refusal="wait", retry_after_s=wait)

        def load(db: Session) -> tuple[int, str | None, bool, float] | None:
            row = db.scalar(select(AdminAccount).where(AdminAccount.name == name))
            if row is None:
                return None
            waited = 0.0
            if row.web_last_failed_at is not None:
                ready = row.web_last_failed_at + timedelta(seconds=throttle_delay(row.web_failed_attempts))
                waited = max(0.0, (ready - now).total_seconds())
            return row.id, row.web_password_hash, row.disabled_at is not None, waited

        known = await context.read(load)
        target = f"account:{known[0]}" if known else None
        if known is not None and known[3] > 0:
            await context.audit("web", "web.sign_in", target, {"outcome": "wait", "client": address})
            return WebSignIn(None, refusal="wait", retry_after_s=known[3])
        # argon2 takes tens of milliseconds of CPU: a worker thread, never the loop.
        right = await asyncio.to_thread(pin_matches, known[1] if known else None, password)
        if known is None or known[2] or not right:
            self.addresses.failed(address, time.monotonic())
            if known is None:
                self.unknown.failed(key, now)
            outcome = "unknown_account" if known is None else "disabled" if known[2] else "wrong_password"
            if known is not None and not known[2]:
                await self._record_failure(known[0], outcome, address)
            else:
                await context.audit("web", "web.sign_in", target, {"outcome": outcome, "client": address})
            return WebSignIn(None, refusal="wrong")
        return await self._open(known[0], password, address)

    async def _record_failure(self, account_id: int, outcome: str, address: str) -> None:
        now = self.context.now()

        def write() -> None:
            with session_factory(self.context.runtime.engine)() as db, db.begin():
                row = db.get(AdminAccount, account_id)
                assert row is not None
                row.web_failed_attempts += 1
                row.web_last_failed_at = now
                details = {"outcome": outcome, "client": address, "failures": row.web_failed_attempts}
                append_audit(
                    db, actor="web", action="web.sign_in", target=f"account:{account_id}", details=details
                )

        await self.context.runtime.sessions.writer.run(write)

    async def _open(self, account_id: int, password: str, address: str) -> WebSignIn:
        context = self.context
        now = context.now()
        secret, csrf = secrets.token_urlsafe(SECRET_BYTES), secrets.token_urlsafe(SECRET_BYTES)
        expires = now + timedelta(seconds=context.settings.web_session_max_s)

        def write() -> tuple[Operator, int]:
            with session_factory(context.runtime.engine)() as db, db.begin():
                row = db.get(AdminAccount, account_id)
                assert row is not None  # accounts are disabled, never deleted
                row.web_failed_attempts, row.web_last_failed_at = 0, None
                if row.web_password_hash and needs_rehash(row.web_password_hash):
                    row.web_password_hash = hash_pin(password)
                # Sessions long over are forgotten as new ones begin (no task needed for it).
                db.execute(delete(WebSession).where(WebSession.expires_at < now - timedelta(days=7)))
                session = WebSession(
                    session_hash=secret_hash(secret),
                    account_id=row.id,
                    csrf_token=csrf,
                    client=address,
                    created_at=now,
                    last_seen_at=now,
                    expires_at=expires,
                )
                db.add(session)
                db.flush()
                append_audit(
                    db,
                    actor=f"admin:{row.name}",
                    action="web.sign_in",
                    target=f"account:{row.id}",
                    details={"outcome": "ok", "client": address},
                )
                return Operator(row.id, row.name, row.role, now, context.new_token()), session.id

        operator, session_id = await context.runtime.sessions.writer.run(write)
        context.signed_in[operator.token] = operator
        tick = time.monotonic()
        self._sessions[secret_hash(secret)] = _Cached(
            WebSessionView(operator, csrf, expires), session_id, tick, tick, now
        )
        return WebSignIn(operator, secret, csrf)

    # -- sessions -----------------------------------------------------------------------------------------

    async def session(self, secret: str) -> WebSessionView | None:
        """The signed-in browser behind a cookie, None when it is not (any more)."""
        key = secret_hash(secret)
        tick, now = time.monotonic(), self.context.now()
        cached = self._sessions.get(key)
        idle = self.context.settings.web_session_idle_s
        if cached is not None and (now - cached.seen).total_seconds() > idle:
            await self._end(key, "idle")
            return None
        if cached is None or tick - cached.checked > CACHE_S:
            fresh = await self._reload(key, cached)
            if fresh is None:
                return None
            cached = fresh
        if now >= cached.view.expires_at:
            await self._end(key, "expired")
            return None
        cached.seen = now
        if tick - cached.touched > TOUCH_S:
            cached.touched = tick
            await self._touch(cached.session_id, now)
        return cached.view

    async def _reload(self, key: str, cached: _Cached | None) -> _Cached | None:
        """Reads the session and its account again: revoked, expired, idle (across a restart), disabled
        or a changed role are all seen here."""
        idle = timedelta(seconds=self.context.settings.web_session_idle_s)
        now = self.context.now()

        def read(db: Session) -> tuple[WebSession, AdminAccount] | None:
            found = db.execute(
                select(WebSession, AdminAccount)
                .join(AdminAccount, AdminAccount.id == WebSession.account_id)
                .where(WebSession.session_hash == key)
            ).first()
            if found is None:
                return None
            session, account = found
            db.expunge_all()
            return session, account

        found = await self.context.read(read)
        usable = (
            found is not None
            and found[0].revoked_at is None
            and found[0].expires_at > now
            and (cached is not None or now - found[0].last_seen_at <= idle)
            and found[1].disabled_at is None
            and found[1].web_password_hash is not None
        )
        if not usable or found is None:
            self._forget(key)
            return None
        session, account = found
        tick = time.monotonic()
        if cached is not None and cached.view.operator.role == account.role:
            cached.checked = tick
            return cached
        if cached is not None:  # the role changed: the old sign-in is gone with it
            self.context.signed_in.pop(cached.view.operator.token, None)
        operator = Operator(
            account.id, account.name, account.role, session.created_at, self.context.new_token()
        )
        self.context.signed_in[operator.token] = operator
        fresh = _Cached(
            WebSessionView(operator, session.csrf_token, session.expires_at),
            session.id,
            tick,
            cached.touched if cached else tick,
            cached.seen if cached else session.last_seen_at,
        )
        self._sessions[key] = fresh
        return fresh

    async def _touch(self, session_id: int, now: datetime) -> None:
        def write() -> None:
            with session_factory(self.context.runtime.engine)() as db, db.begin():
                db.execute(update(WebSession).where(WebSession.id == session_id).values(last_seen_at=now))

        await self.context.runtime.sessions.writer.run(write)

    async def sign_out(self, operator: Operator) -> None:
        key = next((k for k, c in self._sessions.items() if c.view.operator.token == operator.token), None)
        if key is not None:
            await self._end(key, "sign_out")

    async def _end(self, key: str, reason: str) -> None:
        cached = self._sessions.get(key)
        self._forget(key)
        if cached is None:
            return
        now = self.context.now()
        operator = cached.view.operator

        def write() -> None:
            with session_factory(self.context.runtime.engine)() as db, db.begin():
                session = db.get(WebSession, cached.session_id)
                if session is not None and session.revoked_at is None:
                    session.revoked_at = now
                append_audit(
                    db,
                    actor=operator.actor,
                    action="web.sign_out",
                    target=f"account:{operator.account_id}",
                    details={"reason": reason},
                )

        await self.context.runtime.sessions.writer.run(write)

    def _forget(self, key: str) -> None:
        cached = self._sessions.pop(key, None)
        if cached is not None:
            self.context.signed_in.pop(cached.view.operator.token, None)

    def forget_account(self, account_id: int) -> None:
        """Ends this process's cached sessions of an account at once (its password changed, it was
        disabled); the ledger's rows are revoked by the caller in its transaction."""
        for key in [k for k, c in self._sessions.items() if c.view.operator.account_id == account_id]:
            self._forget(key)

    # -- the password -------------------------------------------------------------------------------------

    async def set_password(self, operator: Operator, account_id: int, password: str) -> None:
        """Any operator for any account; everyone else only for their own. Other sessions end."""
        context = self.context
        if account_id != operator.account_id:
            context.require(operator, "operator", "account.set_password")
        else:
            context.require(operator, "viewer", "account.set_password")
        name = await require_full_role(context, operator, account_id, "account.set_password")
        password = unicodedata.normalize("NFKC", password)
        check_new_password(password, name)
        hashed = await asyncio.to_thread(hash_pin, password)
        now = context.now()

        await context.audited(
            operator,
            "account.set_password",
            f"account:{account_id}",
            lambda db: store_web_password(db, account_id, hashed, now),
        )
        self.forget_account(account_id)
