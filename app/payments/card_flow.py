"""Pay by card at a terminal (Stripe Terminal, server-driven): create the hold, hand it to the reader,
wait for the card, and give everything back when the driver cancels, walks away or is declined.

payments.md §2: PaymentIntent card_present with manual capture, process_payment_intent, poll the
reader's action until it succeeds or fails, confirm the intent is requires_capture; abort with
cancel_action and cancel the intent.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from app.payments.active import ActivePayment
from app.payments.facts import intent_facts
from app.payments.ledger import create_payment, get_payment
from app.payments.recovery import find_intent
from app.payments.states import AUTHORISED, AUTHORISING, CANCELLED, EXPIRED, FAILED
from hal.payments import ProviderError, ReaderAction

if TYPE_CHECKING:
    from app.db import Payment
    from app.payments.service import PaymentService

log = logging.getLogger(__name__)


async def start(service: PaymentService, reader_id: str) -> int:
    """Writes the payment and starts its flow; the payment id."""
    payment = await service.writer.run(
        create_payment,
        service.engine,
        provider=service.provider.name,
        method="card_present",
        kind="hold",
        currency=service.currency,
        amount_minor=service.hold_minor,
        reader_id=reader_id,
        at=service.clock(),
    )
    active = ActivePayment(payment.id, reader_id=reader_id)
    service.active[payment.id] = active
    service.status(payment.id, "preparing")
    service.spawn(_run(service, payment, active), name=f"card-{payment.id}")
    return payment.id


async def _run(service: PaymentService, payment: Payment, active: ActivePayment) -> None:
    try:
        outcome, reason = await _take_hold(service, payment, active)
    except ProviderError as error:
        service.note_provider(error)
        log.warning("card payment %s: %s", payment.id, error)
        outcome, reason = "unavailable", error.kind if error.kind != "unavailable" else "provider_down"
        if error.kind in ("reader_busy", "reader_offline"):
            reason = error.kind
        await _give_back(service, payment.id, active, FAILED, failure=error.code or error.kind)
    except Exception:
        log.exception("card payment %s failed", payment.id)
        outcome, reason = "failed", None
        await _give_back(service, payment.id, active, FAILED, failure="station")
    finally:
        service.active.pop(payment.id, None)
    service.status(payment.id, outcome, reason)


async def _take_hold(
    service: PaymentService, payment: Payment, active: ActivePayment
) -> tuple[str, str | None]:
    provider = service.provider
    reader = active.reader_id
    assert reader is not None
    metadata = {"payment_ref": payment.payment_ref, "station": service.station_id}
    intent = await service.calls.run(
        payment.id,
        "create_intent",
        {"amount": payment.amount_requested_minor, "currency": payment.currency, "method": "card_present"},
        lambda key: provider.create_card_present(
            amount_minor=payment.amount_requested_minor,
            currency=payment.currency,
            description=f"EV charging hold {service.station_id}",
            metadata=metadata,
            key=key,
        ),
        state=AUTHORISING,
        changes=lambda i: {"provider_payment_id": i.id},
    )
    service.note_provider(None)
    with contextlib.suppress(ProviderError):  # the cart line is a courtesy: the reader still takes the card
        await service.calls.ask(
            lambda: provider.show_hold(
                reader,
                label="EV charging (hold)",
                amount_minor=payment.amount_requested_minor,
                currency=payment.currency,
                key=f"{payment.payment_ref}:display:1",
            )
        )
    await service.calls.run(
        payment.id,
        "process",
        {"reader": reader, "intent": intent.id},
        lambda key: provider.process_on_reader(reader, intent.id, key=key),
    )
    service.status(payment.id, "waiting")
    deadline = asyncio.get_running_loop().time() + service.settings.card_timeout_s
    action: ReaderAction | None = None
    while True:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(service.poll_s):
                await active.cancel.wait()
        if active.cancel.is_set():
            await _give_back(service, payment.id, active, CANCELLED)
            return "cancelled", None
        if asyncio.get_running_loop().time() >= deadline:
            await _give_back(service, payment.id, active, EXPIRED)
            return "expired", "timeout"
        try:
            action = await service.calls.ask(lambda: provider.reader_action(reader))
        except ProviderError as error:
            if not error.retryable:
                raise
            continue  # a missed poll: the next one asks again until the deadline
        if action.status == "failed":
            code = action.failure_code or "card_declined"
            await _give_back(service, payment.id, active, FAILED, failure=code)
            return "declined", code
        if action.status == "succeeded" or action.status == "idle":
            break
    current = await service.calls.ask(lambda: provider.intent(intent.id))
    if current.state != "authorised":
        await _give_back(
            service, payment.id, active, FAILED, failure=current.failure_code or current.provider_status
        )
        return "declined", current.failure_code or "card_declined"
    await service.calls.update(payment.id, {"state": AUTHORISED, **intent_facts(current)})
    return "authorised", None


async def _give_back(
    service: PaymentService, payment_id: int, active: ActivePayment, state: str, *, failure: str | None = None
) -> None:
    """Stops the reader and cancels the intent (a hold taken meanwhile is released), then records the
    end. A provider that cannot be reached leaves the payment to the retries (recovery.py)."""
    provider = service.provider
    payment = await asyncio.to_thread(get_payment, service.engine, payment_id)
    if payment is None:
        return
    try:
        if payment.provider_payment_id is None and payment.state == AUTHORISING:
            # The create's answer was lost or unreadable: the same request again finds what it made.
            found = await find_intent(service, payment)
            payment = await asyncio.to_thread(get_payment, service.engine, payment_id)
            if payment is None:
                return
            if found is not None and payment.provider_payment_id is None:
                payment = await service.calls.update(payment_id, {"provider_payment_id": found})
        if active.reader_id is not None and payment.provider_payment_id is not None:
            reader = active.reader_id
            with contextlib.suppress(ProviderError):
                await service.calls.run(
                    payment_id,
                    "cancel_action",
                    {"reader": reader},
                    lambda key: provider.cancel_reader_action(reader, key=key),
                )
        if payment.provider_payment_id is not None:
            intent_id = payment.provider_payment_id
            await service.calls.run(
                payment_id,
                "cancel",
                {"intent": intent_id},
                lambda key: provider.cancel(intent_id, key=key),
            )
        await service.calls.update(payment_id, {"state": state, "failure_code": failure})
    except ProviderError as error:
        if error.kind == "invalid":  # already cancelled or never confirmed: nothing is held
            await service.calls.update(payment_id, {"state": state, "failure_code": failure})
        else:
            log.warning("payment %s: could not cancel now (%s); retried later", payment_id, error)
