"""Finishing every payment a crash, a lost reply or a provider outage left unfinished.

At start-up every non-final payment is taken to a final state (payments.md §4, "Crash recovery"):
the provider's object is found by its stored id, else by repeating the stored call with its stored
key (the provider answers with the object it made), else by the station's reference in its
metadata. What no driver waits for any more is given back; what a session used is settled. The
same pass runs every few seconds afterwards for what the provider could not answer before.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.db import Payment, Receipt, read_only, session_factory
from app.payments import settlement
from app.payments.ledger import get_payment, open_calls, open_refunds, unfinished_payments
from app.payments.qr_flow import record_paid
from app.payments.states import AUTHORISED, AUTHORISING, CANCELLED, CAPTURED, CAPTURING, CREATED
from hal.payments import ProviderError

if TYPE_CHECKING:
    from app.payments.service import PaymentService

log = logging.getLogger(__name__)

PARALLEL = 4  # provider calls in flight during recovery (well inside Stripe's 25 requests/s in test mode)
KEY_LIFETIME = timedelta(hours=23)  # Stripe may prune idempotency keys after 24 hours
UNCLAIMED_AFTER = timedelta(minutes=5)  # an authorised payment no session took is given back after this


async def recover(service: PaymentService) -> int:
    """The start-up pass: every unfinished payment, whoever started it. Returns how many it touched."""
    return await _pass(service, startup=True)


async def finish_pending(service: PaymentService) -> bool:
    """The periodic pass; True while something still waits for the provider."""
    await _pass(service, startup=False)
    rows = await asyncio.to_thread(unfinished_payments, service.engine)
    waiting = [p for p in rows if p.id not in service.active and p.state in (AUTHORISING, CAPTURING)]
    return bool(waiting) or bool(await asyncio.to_thread(open_refunds, service.engine))


async def _pass(service: PaymentService, *, startup: bool) -> int:
    rows = await asyncio.to_thread(unfinished_payments, service.engine)
    queue = iter([p for p in rows if p.id not in service.active])
    touched = 0

    async def worker() -> None:
        # A few workers over one queue, not a task per payment: a thousand payments after an outage
        # start no thousand tasks at once on the loop the kiosk shares.
        nonlocal touched
        for payment in queue:
            try:
                if await _finish(service, payment, startup=startup):
                    touched += 1
            except ProviderError as error:
                service.note_provider(error)
                log.warning("payment %s left for later: %s", payment.id, error)
            except Exception:
                log.exception("payment %s could not be recovered", payment.id)

    await asyncio.gather(*(worker() for _ in range(PARALLEL)))
    for refund in await asyncio.to_thread(open_refunds, service.engine):
        payment = await asyncio.to_thread(get_payment, service.engine, refund.payment_id)
        if payment is None:
            continue
        try:
            if refund.state == "requested":
                await settlement.send_refund(service, refund, payment)
            else:
                await _poll_refund(service, refund.id, refund.provider_refund_id)
        except ProviderError as error:
            service.note_provider(error)
    await _missing_receipts(service)
    return touched


async def _finish(service: PaymentService, payment: Payment, *, startup: bool) -> bool:
    now = service.clock()
    if payment.state == CREATED:
        if startup or now - payment.created_at > UNCLAIMED_AFTER:
            await service.calls.update(payment.id, {"state": CANCELLED})
            return True
        return False
    if payment.state == AUTHORISING:
        if not startup and now - payment.created_at < UNCLAIMED_AFTER:
            return False  # a flow of this process that is still waiting: not ours yet
        return await _abandon(service, payment)
    if payment.state == AUTHORISED and payment.session_id is None:
        stale = payment.authorised_at is None or now - payment.authorised_at > UNCLAIMED_AFTER
        if startup or stale:
            await settlement.release_unused(service, payment, reason="unclaimed")
            return True
        return False
    if payment.state in (AUTHORISED, CAPTURING) and payment.session_id is not None:
        await service.settle(payment)  # does nothing while the session is still open
        return True
    return False


async def _abandon(service: PaymentService, payment: Payment) -> bool:
    """A hold or a page whose driver is gone: find what the provider made of it and give it back."""
    provider = service.provider
    if payment.method == "card_present":
        intent_id = payment.provider_payment_id or await find_intent(service, payment)
        if intent_id is not None:
            await service.calls.update(payment.id, {"provider_payment_id": intent_id})
            refreshed = await asyncio.to_thread(get_payment, service.engine, payment.id)
            assert refreshed is not None
            if payment.reader_id is not None:
                reader = payment.reader_id
                try:
                    await service.calls.run(
                        payment.id,
                        "cancel_action",
                        {"reader": reader},
                        lambda key: provider.cancel_reader_action(reader, key=key),
                    )
                except ProviderError as error:
                    if error.retryable:
                        raise
            await settlement.cancel_hold(service, refreshed, CANCELLED)
        else:
            await service.calls.update(payment.id, {"state": CANCELLED})
        return True
    checkout_id = payment.provider_checkout_id or await _find_checkout(service, payment)
    if checkout_id is None:
        await service.calls.update(payment.id, {"state": CANCELLED})
        return True
    await service.calls.update(payment.id, {"provider_checkout_id": checkout_id})
    page = await service.calls.ask(lambda: provider.checkout(checkout_id))
    if page.status == "open":
        try:
            page = await service.calls.run(
                payment.id,
                "expire_checkout",
                {"checkout": checkout_id},
                lambda key: provider.expire_checkout(checkout_id, key=key),
            )
        except ProviderError as error:
            if error.retryable:
                raise
            page = await service.calls.ask(lambda: provider.checkout(checkout_id))
    if page.intent_id is not None:
        refreshed = await asyncio.to_thread(get_payment, service.engine, payment.id)
        assert refreshed is not None
        await record_paid(service, refreshed, page.intent_id)
        refreshed = await asyncio.to_thread(get_payment, service.engine, payment.id)
        assert refreshed is not None
        if refreshed.state == AUTHORISED:
            await settlement.release_unused(service, refreshed, reason="interrupted")
            return True
    await service.calls.update(payment.id, {"state": CANCELLED})
    return True


async def find_intent(service: PaymentService, payment: Payment) -> str | None:
    """The intent a crash left without its id in the ledger: the create repeated with its key while
    the key lives (the provider returns the same object), else a search by the station's reference."""
    calls = [
        c
        for c in await asyncio.to_thread(open_calls, service.engine, payment.id)
        if c.operation == "create_intent"
    ]
    if calls and service.clock() - calls[-1].started_at < KEY_LIFETIME:
        call = calls[-1]
        metadata = {"payment_ref": payment.payment_ref, "station": service.station_id}
        try:
            intent = await service.calls.run(
                payment.id,
                "create_intent",
                call.request,
                lambda key: service.provider.create_card_present(
                    amount_minor=payment.amount_requested_minor,
                    currency=payment.currency,
                    description=f"EV charging hold {service.station_id}",
                    metadata=metadata,
                    key=key,
                ),
                changes=lambda i: {"provider_payment_id": i.id},
            )
            return intent.id
        except ProviderError as error:
            if error.retryable:
                raise
    found = await service.calls.ask(lambda: service.provider.find_intents(payment.payment_ref))
    return found[0].id if found else None


async def _find_checkout(service: PaymentService, payment: Payment) -> str | None:
    found = await service.calls.ask(lambda: service.provider.find_checkouts(payment.payment_ref))
    return found[0].id if found else None


async def _poll_refund(service: PaymentService, refund_id: int, provider_refund_id: str | None) -> None:
    from app.payments.ledger import finish_refund

    if provider_refund_id is None:
        return
    answer = await service.calls.ask(lambda: service.provider.refund_status(provider_refund_id))
    if answer.status == "pending":
        return
    state = "succeeded" if answer.status == "succeeded" else "failed"
    await service.writer.run(
        finish_refund,
        service.engine,
        refund_id,
        state=state,
        provider_refund_id=answer.id,
        error=None,
        at=service.clock(),
    )


async def _missing_receipts(service: PaymentService) -> None:
    """A captured session whose receipt a crash kept from being written gets it now."""

    def missing() -> list[int]:
        with session_factory(read_only(service.engine))() as db:
            issued = select(Receipt.payment_id).where(Receipt.payment_id.is_not(None))
            return list(
                db.scalars(
                    select(Payment.id).where(
                        Payment.state == CAPTURED,
                        Payment.session_id.is_not(None),
                        Payment.amount_captured_minor > Payment.amount_refunded_minor,
                        Payment.id.not_in(issued),
                    )
                )
            )

    for payment_id in await asyncio.to_thread(missing):
        await service.issue_receipt(payment_id)
