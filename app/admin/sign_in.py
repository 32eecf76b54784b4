"""Entering admin mode: a staff number and a PIN (and the account's card where it has one), with the
wrong-PIN delay and lockout of app/admin/pins.py; every attempt is audited, the PIN never."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.admin.accounts import attempt_state
from app.admin.context import Operator, OperatorContext
from app.admin.pins import after_wrong_pin, hash_pin, needs_rehash, pin_matches, refusal_before_checking
from app.db import AdminAccount, append_audit, session_factory

# What a refused sign-in tells the person at the screen. "wrong" covers an unknown staff number and a
# disabled account too, so the pad never tells which accounts exist.
REFUSALS = ("wrong", "wait", "locked", "card_needed")


@dataclass(frozen=True)
class SignIn:
    """The answer to one attempt: the operator, or why not and when to try again."""

    operator: Operator | None
    refusal: str = ""  # one of REFUSALS when operator is None
    retry_after_s: float = 0.0  # "wait" and "locked": how long before the next try is checked
    attempts_left: int | None = None  # "wrong" on a known account: tries before the lockout


@dataclass(frozen=True)
class _Known:
    pin_hash: str | None
    card_tag: str | None
    disabled: bool
    name: str = ""
    role: str = ""


async def sign_in(context: OperatorContext, account_id: int, pin: str, card_tag: str | None = None) -> SignIn:
    """Checks one attempt; a right one returns a signed-in Operator (context.signed_in holds it)."""
    settings = context.settings

    def load(db: Session) -> tuple[_Known | None, SignIn | None]:
        row = db.get(AdminAccount, account_id)
        if row is None:
            return None, None
        known = _Known(row.pin_hash, row.card_tag, row.disabled_at is not None, row.name, row.role)
        reason, seconds = refusal_before_checking(attempt_state(row), context.now(), settings)
        return known, SignIn(None, reason, seconds) if reason else None

    known, early = await context.read(load)
    target = f"account:{account_id}"
    if early is not None:
        await context.audit("kiosk", "admin.sign_in", target, {"outcome": early.refusal})
        return early
    # argon2 takes tens of milliseconds of CPU: a worker thread, never the loop (the Qt thread).
    right = await asyncio.to_thread(pin_matches, known.pin_hash if known else None, pin)
    if known is None or known.disabled:
        outcome = "unknown_account" if known is None else "disabled"
        await context.audit("kiosk", "admin.sign_in", target, {"outcome": outcome})
        return SignIn(None, "wrong")
    card_right = known.card_tag is None or (card_tag is not None and card_tag.upper() == known.card_tag)
    if right and known.card_tag is not None and card_tag is None:
        await context.audit("kiosk", "admin.sign_in", target, {"outcome": "card_needed"})
        return SignIn(None, "card_needed")

    def record(db: Session) -> SignIn:
        row = db.get(AdminAccount, account_id)
        assert row is not None  # accounts are disabled, never deleted
        now = context.now()
        if right and card_right:
            row.failed_attempts, row.last_failed_at, row.locked_until = 0, None, None
            if needs_rehash(row.pin_hash):
                row.pin_hash = hash_pin(pin)  # the parameters were raised since it was set
            append_audit(
                db,
                actor=f"admin:{row.name}",
                action="admin.sign_in",
                target=target,
                details={"outcome": "ok", "card": row.card_tag is not None},
            )
            operator = Operator(row.id, row.name, row.role, now, context.new_token())
            return SignIn(operator)
        state = after_wrong_pin(attempt_state(row), now, settings)
        row.failed_attempts, row.last_failed_at, row.locked_until = (
            state.failed_attempts,
            state.last_failed_at,
            state.locked_until,
        )
        outcome = "wrong_card" if right else "wrong_pin"
        append_audit(
            db,
            actor="kiosk",
            action="admin.sign_in",
            target=target,
            details={
                "outcome": outcome,
                "failures": state.failed_attempts,
                "locked": state.locked_until is not None,
            },
        )
        if state.locked_until is not None:
            return SignIn(None, "locked", settings.lockout_s)
        return SignIn(None, "wrong", attempts_left=settings.max_pin_attempts - state.failed_attempts)

    def write() -> SignIn:
        with session_factory(context.runtime.engine)() as db, db.begin():
            return record(db)

    result = await context.runtime.sessions.writer.run(write)
    if result.operator is not None:
        context.signed_in[result.operator.token] = result.operator
    return result


async def sign_out(context: OperatorContext, operator: Operator, reason: str) -> None:
    """Ends a sign-in ("exit", "timeout"); a second call for the same one does nothing."""
    if context.signed_in.pop(operator.token, None) is not None:
        await context.audit(
            operator.actor, "admin.sign_out", f"account:{operator.account_id}", {"reason": reason}
        )
