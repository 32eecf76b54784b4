"""The payment rows: written before each provider call and completed after it, in one transaction each.

Synchronous functions, run on the ledger's writer thread (app/db/writer.py) so that commits keep their
order and never block the event loop. A call's idempotency key is `<payment ref>:<operation>:<attempt>`
(payments.md §4): repeating a call after a crash repeats the same request at the provider.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.db import Payment, PaymentCall, Receipt, Refund, log_event, read_only, session_factory
from app.payments.states import FINAL_STATES, check_transition


@dataclass(frozen=True)
class CallTicket:
    """A provider call written to the ledger before it is made."""

    call_id: int
    payment_id: int
    operation: str
    attempt: int
    key: str


def new_payment_ref() -> str:
    """A station-wide unique reference: the stem of idempotency keys and the provider's metadata."""
    return f"pay_{secrets.token_hex(10)}"


def create_payment(
    engine: Engine,
    *,
    provider: str,
    method: str,
    kind: str,
    currency: str,
    amount_minor: int,
    reader_id: str | None,
    at: datetime,
) -> Payment:
    with session_factory(engine).begin() as db:
        row = Payment(
            payment_ref=new_payment_ref(),
            provider=provider,
            method=method,
            kind=kind,
            state="created",
            currency=currency,
            amount_requested_minor=amount_minor,
            amount_authorised_minor=0,
            amount_captured_minor=0,
            amount_refunded_minor=0,
            reader_id=reader_id,
            created_at=at,
            updated_at=at,
        )
        db.add(row)
        db.flush()
        db.expunge(row)
        return row


def begin_call(
    engine: Engine,
    payment_id: int,
    operation: str,
    request: dict[str, Any],
    at: datetime,
    *,
    new_attempt: bool = False,
    state: str | None = None,
) -> CallTicket:
    """Records the call about to be made (and the payment's new state, if any). The same operation is
    repeated with the same key unless `new_attempt` (a new request: another increment, a retry after
    the provider definitely refused)."""
    with session_factory(engine).begin() as db:
        payment = db.get(Payment, payment_id, with_for_update=True)
        if payment is None:
            raise KeyError(f"payment {payment_id}")
        last = db.scalar(
            select(PaymentCall)
            .where(PaymentCall.payment_id == payment_id, PaymentCall.operation == operation)
            .order_by(PaymentCall.attempt.desc())
            .limit(1)
        )
        if last is not None and not new_attempt and last.state in ("started", "unknown"):
            ticket = CallTicket(last.id, payment_id, operation, last.attempt, last.idempotency_key)
        else:
            attempt = 1 if last is None else last.attempt + 1
            key = f"{payment.payment_ref}:{operation}:{attempt}"
            call = PaymentCall(
                payment_id=payment_id,
                operation=operation,
                attempt=attempt,
                idempotency_key=key,
                request=request,
                state="started",
                started_at=at,
            )
            db.add(call)
            db.flush()
            ticket = CallTicket(call.id, payment_id, operation, attempt, key)
        if state is not None and state != payment.state:
            check_transition(payment.state, state)
            payment.state = state
            payment.updated_at = at
        return ticket


def finish_call(
    engine: Engine,
    ticket: CallTicket,
    outcome: str,
    at: datetime,
    *,
    result: dict[str, Any] | None = None,
    error: str | None = None,
    payment: dict[str, Any] | None = None,
) -> Payment:
    """Records a call's outcome ("succeeded", "failed", or "unknown" when the provider may or may not
    have done it) and the payment's new facts, together."""
    with session_factory(engine).begin() as db:
        call = db.get(PaymentCall, ticket.call_id)
        row = db.get(Payment, ticket.payment_id, with_for_update=True)
        if call is None or row is None:
            raise KeyError(f"call {ticket.call_id} of payment {ticket.payment_id}")
        call.state = outcome
        call.result = result
        call.error = error
        call.finished_at = None if outcome == "unknown" else at
        _apply(row, payment or {}, at)
        if error is not None and outcome != "succeeded":
            row.last_error = error[:2000]
        db.flush()
        db.expunge(row)
        return row


# Payment alarms a person must act on, as the event log says them (the operator's screens read it).
ALARMS = {
    "hold_lapsed": "the hold lapsed before its capture: the session's cost was not collected",
    "late_payment": "a QR page was paid after it expired: the payment was given back",
}


def update_payment(engine: Engine, payment_id: int, changes: dict[str, Any], at: datetime) -> Payment:
    """Applies `changes` (a state checked by the state machine); a new alarm also goes to the event log,
    in the same transaction."""
    with session_factory(engine).begin() as db:
        row = db.get(Payment, payment_id, with_for_update=True)
        if row is None:
            raise KeyError(f"payment {payment_id}")
        alarm = changes.get("alarm")
        if alarm and alarm != row.alarm:
            log_event(
                db.connection(),
                kind="event",
                severity="error",
                code=f"payment_{alarm}",
                message=ALARMS.get(alarm, alarm),
                details={"payment_id": row.id, "payment_ref": row.payment_ref, "session_id": row.session_id},
                at=at,
            )
        _apply(row, changes, at)
        db.flush()
        db.expunge(row)
        return row


def _apply(row: Payment, changes: dict[str, Any], at: datetime) -> None:
    state = changes.get("state")
    if state is not None and state != row.state:
        check_transition(row.state, state)
        if state in FINAL_STATES:
            row.finished_at = at
        if state == "authorised":
            row.authorised_at = at
    for name, value in changes.items():
        setattr(row, name, value)
    row.updated_at = at


def get_payment(engine: Engine, payment_id: int) -> Payment | None:
    with session_factory(read_only(engine))() as db:
        row = db.get(Payment, payment_id)
        if row is not None:
            db.expunge(row)
        return row


def payment_of_session(engine: Engine, session_id: int) -> Payment | None:
    with session_factory(read_only(engine))() as db:
        row = db.scalar(select(Payment).where(Payment.session_id == session_id).limit(1))
        if row is not None:
            db.expunge(row)
        return row


def unfinished_payments(engine: Engine) -> list[Payment]:
    """Every payment not in a final state, oldest first: what recovery finishes."""
    with session_factory(read_only(engine))() as db:
        rows = list(
            db.scalars(select(Payment).where(Payment.state.not_in(sorted(FINAL_STATES))).order_by(Payment.id))
        )
        for row in rows:
            db.expunge(row)
        return rows


def open_calls(engine: Engine, payment_id: int) -> list[PaymentCall]:
    """The payment's calls whose outcome is not known (a crash or a lost reply came between)."""
    with session_factory(read_only(engine))() as db:
        rows = list(
            db.scalars(
                select(PaymentCall)
                .where(PaymentCall.payment_id == payment_id, PaymentCall.state.in_(("started", "unknown")))
                .order_by(PaymentCall.id)
            )
        )
        for row in rows:
            db.expunge(row)
        return rows


def refunds_of(engine: Engine, payment_id: int) -> list[Refund]:
    with session_factory(read_only(engine))() as db:
        rows = list(db.scalars(select(Refund).where(Refund.payment_id == payment_id).order_by(Refund.id)))
        for row in rows:
            db.expunge(row)
        return rows


class RefundRefusedError(ValueError):
    """A refund the ledger does not allow (more than what was captured and not yet refunded)."""


def create_refund(
    engine: Engine,
    payment_id: int,
    amount_minor: int,
    *,
    reason: str,
    note: str,
    requested_by: str,
    at: datetime,
    record: Callable[[Session, Refund], None] | None = None,
) -> Refund:
    """Records a refund before it is asked of the provider; refuses one over what is left to refund
    (counting refunds not yet confirmed, so two hands cannot refund the same money twice).

    `record(db, row)` runs in the same transaction once the row has its id: the operator facade writes
    the refund's audit row there, so the request and its record commit together."""
    if amount_minor <= 0:
        raise RefundRefusedError("a refund must be more than zero")
    with session_factory(engine).begin() as db:
        payment = db.get(Payment, payment_id, with_for_update=True)
        if payment is None:
            raise KeyError(f"payment {payment_id}")
        if payment.state != "captured" and payment.kind != "prepaid":
            raise RefundRefusedError(
                f"payment {payment_id} is {payment.state}: only captured money is refunded"
            )
        promised = db.scalar(
            select(func.coalesce(func.sum(Refund.amount_minor), 0)).where(
                Refund.payment_id == payment_id, Refund.state != "failed"
            )
        )
        left = payment.amount_captured_minor - int(promised or 0)
        if amount_minor > left:
            raise RefundRefusedError(
                f"refund of {amount_minor} is more than the {left} left to refund on payment {payment_id}"
            )
        count = (
            db.scalar(select(func.count()).select_from(Refund).where(Refund.payment_id == payment_id)) or 0
        )
        row = Refund(
            payment_id=payment_id,
            amount_minor=amount_minor,
            reason=reason,
            note=note[:500],
            requested_by=requested_by[:64],
            state="requested",
            idempotency_key=f"{payment.payment_ref}:refund:{count + 1}",
            requested_at=at,
        )
        db.add(row)
        db.flush()
        if record is not None:
            record(db, row)
        db.expunge(row)
        return row


def finish_refund(
    engine: Engine,
    refund_id: int,
    *,
    state: str,
    provider_refund_id: str | None,
    error: str | None,
    at: datetime,
) -> Refund:
    """Records the provider's answer; a succeeded refund adds to the payment's refunded amount once."""
    with session_factory(engine).begin() as db:
        row = db.get(Refund, refund_id, with_for_update=True)
        if row is None:
            raise KeyError(f"refund {refund_id}")
        payment = db.get(Payment, row.payment_id, with_for_update=True)
        assert payment is not None
        if state == "succeeded" and row.state != "succeeded":
            payment.amount_refunded_minor += row.amount_minor
            payment.updated_at = at
        row.state = state
        if provider_refund_id is not None:
            row.provider_refund_id = provider_refund_id
        row.last_error = error
        if state in ("succeeded", "failed"):
            row.finished_at = at
        db.flush()
        db.expunge(row)
        return row


def open_refunds(engine: Engine) -> list[Refund]:
    with session_factory(read_only(engine))() as db:
        rows = list(
            db.scalars(select(Refund).where(Refund.state.in_(("requested", "pending"))).order_by(Refund.id))
        )
        for row in rows:
            db.expunge(row)
        return rows


def receipt_of_session(engine: Engine, session_id: int) -> Receipt | None:
    with session_factory(read_only(engine))() as db:
        row = db.scalar(select(Receipt).where(Receipt.session_id == session_id))
        if row is not None:
            db.expunge(row)
        return row


def receipt_by_token(engine: Engine, token: str) -> Receipt | None:
    with session_factory(read_only(engine))() as db:
        row = db.scalar(select(Receipt).where(Receipt.token == token))
        if row is not None:
            db.expunge(row)
        return row


def store_pdf(engine: Engine, receipt_id: int, pdf: bytes) -> None:
    with session_factory(engine).begin() as db:
        row = db.get(Receipt, receipt_id)
        if row is not None and row.pdf is None:
            row.pdf = pdf


def count_email(engine: Engine, receipt_id: int) -> None:
    with session_factory(engine).begin() as db:
        row = db.get(Receipt, receipt_id)
        if row is not None:
            row.emails_sent += 1
