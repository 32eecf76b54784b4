"""Settling a paid session: capture its cost from the hold (the rest released), cancel a hold when
nothing was delivered, refund the unused part of a prepayment; refunds on request; raising a hold.

The amount is the session's cost from its frozen tariff, as the ledger has it (app/sessions): the
screen, the receipt and the provider see the same sen. A capture is never more than the hold
(payments.md §2: amount_to_capture <= amount_capturable); what the hold did not cover is kept as
amount_due_minor. Nothing delivered means the hold is cancelled, never a zero capture.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select

from app.db import ChargingSession, Payment, PaymentCall, read_only, session_factory
from app.payments.ledger import (
    RefundRefusedError,
    create_refund,
    finish_refund,
    get_payment,
    refunds_of,
)
from app.payments.states import AUTHORISED, CANCELLED, CAPTURED, CAPTURING, EXPIRED
from hal.payments import ProviderError, ProviderIntent, ProviderRefund

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from app.db import Refund
    from app.payments.service import PaymentService

log = logging.getLogger(__name__)

MAX_INCREMENTS = 10  # Stripe: at most 10 incremental authorisations per PaymentIntent
STATION = "station"  # Refund.requested_by of the station's own refunds (prepaid remainder, late payment)


def _session_due(engine: Engine, session_id: int) -> tuple[int, int] | None:
    """(energy_Wh, cost_total_minor) of an ended session; None while it is open."""
    with session_factory(read_only(engine))() as db:
        row = db.get(ChargingSession, session_id)
        if row is None or row.ended_at is None:
            return None
        return row.energy_Wh or 0, row.cost_total_minor or 0


async def settle(service: PaymentService, payment: Payment) -> None:
    """Finishes an ended session's payment; a ProviderError leaves it for the retries."""
    if payment.session_id is None or payment.state not in (AUTHORISED, CAPTURING):
        return
    due = await asyncio.to_thread(_session_due, service.engine, payment.session_id)
    if due is None:
        return
    energy_Wh, cost_minor = due
    delivered = energy_Wh > 0 and cost_minor > 0
    if payment.kind == "prepaid":
        await _settle_prepaid(service, payment, cost_minor if delivered else 0)
    elif not delivered:
        await cancel_hold(service, payment, CANCELLED)
    else:
        await _capture(service, payment, cost_minor)


async def _capture(service: PaymentService, payment: Payment, cost_minor: int) -> None:
    intent_id = payment.provider_payment_id
    assert intent_id is not None
    amount = min(cost_minor, payment.amount_authorised_minor)
    if payment.state == CAPTURING:
        # A capture was asked before (the reply lost, the station stopped): what is the intent now?
        current = await service.calls.ask(lambda: service.provider.intent(intent_id))
        if current.state == "succeeded":
            await _captured(service, payment, current, cost_minor)
            return
        if current.state == "cancelled":
            # The hold lapsed (or was released) before its capture: the money cannot be collected.
            await service.calls.update(
                payment.id, {"state": EXPIRED, "alarm": "hold_lapsed", "amount_due_minor": cost_minor}
            )
            log.error("payment %s: hold lapsed before capture of %s", payment.id, cost_minor)
            return
    intent = await service.calls.run(
        payment.id,
        "capture",
        {"intent": intent_id, "amount": amount},
        lambda key: service.provider.capture(intent_id, amount, key=key),
        state=CAPTURING,
    )
    service.note_provider(None)
    await _captured(service, payment, intent, cost_minor)


async def _captured(
    service: PaymentService, payment: Payment, intent: ProviderIntent, cost_minor: int
) -> None:
    captured = intent.amount_received_minor
    await service.calls.update(
        payment.id, {"state": CAPTURED, "amount_captured_minor": captured, "amount_due_minor": cost_minor}
    )
    await service.issue_receipt(payment.id)


async def cancel_hold(
    service: PaymentService, payment: Payment, state: str, alarm: str | None = None
) -> None:
    intent_id = payment.provider_payment_id
    if intent_id is not None:
        try:
            await service.calls.run(
                payment.id,
                "cancel",
                {"intent": intent_id},
                lambda key: service.provider.cancel(intent_id, key=key),
            )
        except ProviderError as error:
            if error.kind != "invalid":
                raise
            current = await service.calls.ask(lambda: service.provider.intent(intent_id))
            if current.state not in ("cancelled", "failed"):
                raise
    changes: dict[str, object] = {"state": state, "amount_due_minor": 0}
    if alarm is not None:
        changes["alarm"] = alarm
    await service.calls.update(payment.id, changes)


async def _settle_prepaid(service: PaymentService, payment: Payment, used_minor: int) -> None:
    used = min(used_minor, payment.amount_captured_minor)
    if payment.state == AUTHORISED:
        payment = await service.calls.update(payment.id, {"state": CAPTURING, "amount_due_minor": used_minor})
    remainder = payment.amount_captured_minor - used
    if remainder > 0:
        await _refund_once(
            service, payment, remainder, reason="requested_by_customer", note="unused prepaid credit"
        )
    await service.calls.update(payment.id, {"state": CAPTURED if used > 0 else CANCELLED})
    if used > 0:
        await service.issue_receipt(payment.id)


async def _refund_once(
    service: PaymentService, payment: Payment, amount: int, *, reason: str, note: str
) -> None:
    """The station's own refund of a payment, asked for at most once (a repeat finds the row)."""
    existing = [
        r
        for r in await asyncio.to_thread(refunds_of, service.engine, payment.id)
        if r.requested_by == STATION
    ]
    row = existing[0] if existing else None
    if row is None:
        row = await service.writer.run(
            create_refund,
            service.engine,
            payment.id,
            amount,
            reason=reason,
            note=note,
            requested_by=STATION,
            at=service.clock(),
        )
    if row.state in ("requested",):
        await send_refund(service, row, payment)


async def send_refund(service: PaymentService, row: Refund, payment: Payment) -> Refund:
    """Asks the provider for a recorded refund with its stored key; records the answer."""
    intent_id = payment.provider_payment_id
    assert intent_id is not None
    metadata = {"payment_ref": payment.payment_ref, "refund_id": str(row.id)}
    try:
        answer: ProviderRefund = await service.calls.ask(
            lambda: service.provider.refund(
                intent_id, row.amount_minor, reason=row.reason, metadata=metadata, key=row.idempotency_key
            )
        )
    except ProviderError as error:
        if error.retryable:
            raise
        return await service.writer.run(
            finish_refund, service.engine, row.id, state="failed", provider_refund_id=None,
            error=f"{error.kind}: {error}"[:2000], at=service.clock(),
        )  # fmt: skip
    state = (
        "succeeded"
        if answer.status == "succeeded"
        else "failed"
        if answer.status in ("failed", "canceled")
        else "pending"
    )
    return await service.writer.run(
        finish_refund,
        service.engine,
        row.id,
        state=state,
        provider_refund_id=answer.id,
        error=None,
        at=service.clock(),
    )


async def refund(
    service: PaymentService,
    payment_id: int,
    amount_minor: int | None,
    *,
    reason: str,
    note: str,
    requested_by: str,
    record: Callable[[Session, Refund], None] | None = None,
) -> Refund:
    """A refund asked by a person (the admin mode, the web API): recorded with who, when and why
    before the provider is asked; RefundRefusedError when more than what is left to refund.
    `record(db, row)` runs in the transaction that writes the refund (the caller's audit row)."""
    if reason not in ("requested_by_customer", "duplicate", "fraudulent"):
        raise RefundRefusedError(f"reason {reason!r}: requested_by_customer, duplicate or fraudulent")
    payment = await asyncio.to_thread(get_payment, service.engine, payment_id)
    if payment is None:
        raise KeyError(f"payment {payment_id}")
    if amount_minor is None:
        promised = sum(
            r.amount_minor
            for r in await asyncio.to_thread(refunds_of, service.engine, payment_id)
            if r.state != "failed"
        )
        amount_minor = payment.amount_captured_minor - promised
    row = await service.writer.run(
        create_refund, service.engine, payment_id, amount_minor, reason=reason, note=note,
        requested_by=requested_by, at=service.clock(), record=record,
    )  # fmt: skip
    try:
        return await send_refund(service, row, payment)
    except ProviderError as error:
        service.note_provider(error)
        log.warning("refund %s of payment %s not sent yet (%s): retried later", row.id, payment_id, error)
        return row


async def release_unused(service: PaymentService, payment: Payment, *, reason: str) -> None:
    """An authorised payment no session used (the driver left before choosing, or paid too late)."""
    alarm = "late_payment" if reason == "late" else None
    if payment.kind == "prepaid":
        if payment.amount_captured_minor > 0:
            await _refund_once(
                service, payment, payment.amount_captured_minor, reason="requested_by_customer", note=reason
            )
        await service.calls.update(payment.id, {"state": CANCELLED, **({"alarm": alarm} if alarm else {})})
    else:
        await cancel_hold(service, payment, CANCELLED, alarm)


async def give_back_late(service: PaymentService, payment_id: int, intent_id: str) -> None:
    """A page paid after the kiosk expired it: the hold released or the money refunded, and flagged."""
    payment = await asyncio.to_thread(get_payment, service.engine, payment_id)
    if payment is None:
        return
    intent = await service.calls.ask(lambda: service.provider.intent(intent_id))
    changes: dict[str, object] = {"provider_payment_id": intent_id, "alarm": "late_payment"}
    if payment.kind == "prepaid" or intent.state == "succeeded":
        changes["amount_captured_minor"] = intent.amount_received_minor
        changes["amount_authorised_minor"] = intent.amount_received_minor
    payment = await service.calls.update(payment_id, changes)
    log.warning("payment %s: paid after its page expired; given back", payment_id)
    if intent.state == "authorised":
        await service.calls.run(
            payment_id,
            "cancel",
            {"intent": intent_id},
            lambda key: service.provider.cancel(intent_id, key=key),
        )
    elif intent.state == "succeeded" and intent.amount_received_minor > 0:
        await _refund_once(
            service,
            payment,
            intent.amount_received_minor,
            reason="requested_by_customer",
            note="late payment",
        )


def may_increment(service: PaymentService, payment: Payment) -> bool:
    if not (service.provider.capabilities.incremental_authorisation and payment.incremental_supported):
        return False
    if payment.kind != "hold" or payment.method != "card_present":
        return False
    with session_factory(read_only(service.engine))() as db:
        done = db.scalars(
            select(PaymentCall.id).where(
                PaymentCall.payment_id == payment.id, PaymentCall.operation == "increment"
            )
        ).all()
    return len(done) < MAX_INCREMENTS


async def increment(service: PaymentService, payment: Payment) -> Payment:
    """Raises the hold by another hold amount; a decline keeps the old hold (Stripe)."""
    intent_id = payment.provider_payment_id
    assert intent_id is not None
    new_total = payment.amount_authorised_minor + service.hold_minor
    intent = await service.calls.run(
        payment.id,
        "increment",
        {"intent": intent_id, "amount": new_total},
        lambda key: service.provider.increment(intent_id, new_total, key=key),
    )
    return await service.calls.update(
        payment.id, {"amount_authorised_minor": intent.amount_capturable_minor or new_total}
    )
