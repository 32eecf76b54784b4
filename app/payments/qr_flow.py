"""Pay by phone: a Checkout Session made for this session only, drawn as a QR code, polled until paid.

payments.md §3: cards are held (manual capture) and captured at the end; FPX and GrabPay cannot hold,
so the driver prepays a top-up and the unused part is refunded. Stripe's shortest expiry is 30
minutes, so the kiosk expires the page itself when the driver leaves; a payment that still arrives
after that (a late payment) never starts a session: it is released or refunded and flagged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from app.payments.active import ActivePayment
from app.payments.events import PaymentUnavailableError
from app.payments.facts import intent_facts
from app.payments.ledger import create_payment, get_payment
from app.payments.settlement import give_back_late, release_unused
from app.payments.states import AUTHORISED, AUTHORISING, CANCELLED, EXPIRED, FAILED
from hal.payments import ProviderCheckout, ProviderError

if TYPE_CHECKING:
    from app.db import Payment
    from app.payments.service import PaymentService

log = logging.getLogger(__name__)

PROVIDER_MIN_EXPIRY = timedelta(minutes=31)  # Checkout: expires_at at least 30 minutes ahead
LATE_WATCH_S = 120.0  # after the kiosk expired a page, it is still checked this long for a late payment


@dataclass(frozen=True)
class QrPage:
    payment_id: int
    url: str
    amount_minor: int
    currency: str
    prepaid: bool
    expires_in_s: int


async def start(service: PaymentService, prepaid_minor: int | None, success_url: str | None = None) -> QrPage:
    """Writes the payment, creates its page (awaited: the QR needs its address) and starts the watch.
    `success_url`: where the page sends the phone once paid (the driver page's session link)."""
    provider = service.provider
    hold = prepaid_minor is None
    methods = ("card",) if hold else tuple(m for m in service.settings.qr_methods if m != "card")
    if not methods or (hold and "card" not in service.settings.qr_methods):
        raise PaymentUnavailableError("not_configured", "this way to pay by phone is not offered")
    amount = service.hold_minor if prepaid_minor is None else prepaid_minor
    payment = await service.writer.run(
        create_payment,
        service.engine,
        provider=provider.name,
        method=methods[0],
        kind="hold" if hold else "prepaid",
        currency=service.currency,
        amount_minor=amount,
        reader_id=None,
        at=service.clock(),
    )
    active = ActivePayment(payment.id)
    service.active[payment.id] = active
    metadata = {"payment_ref": payment.payment_ref, "station": service.station_id}
    expires_at = service.clock() + PROVIDER_MIN_EXPIRY
    success_url = success_url or service.settings.receipts.base_url or "https://example.invalid/thank-you"
    try:
        page = await service.calls.run(
            payment.id,
            "create_checkout",
            {"amount": amount, "currency": service.currency, "methods": list(methods), "hold": hold},
            lambda key: provider.create_checkout(
                amount_minor=amount,
                currency=service.currency,
                methods=methods,
                hold=hold,
                description=f"EV charging {service.station_id}",
                expires_at=expires_at,
                success_url=success_url,
                metadata=metadata,
                key=key,
            ),
            state=AUTHORISING,
            changes=lambda c: {"provider_checkout_id": c.id},
        )
    except ProviderError as error:
        service.active.pop(payment.id, None)
        service.note_provider(error)
        if not error.retryable:
            await service.calls.update(
                payment.id, {"state": FAILED, "failure_code": error.code or error.kind}
            )
        raise PaymentUnavailableError("provider_down", str(error)) from error
    service.note_provider(None)
    timeout = service.settings.qr_timeout_s
    service.spawn(_watch(service, payment, active, page, timeout), name=f"qr-{payment.id}")
    return QrPage(payment.id, page.url, amount, service.currency, not hold, int(timeout))


async def _watch(
    service: PaymentService, payment: Payment, active: ActivePayment, page: ProviderCheckout, timeout_s: float
) -> None:
    provider = service.provider
    deadline = asyncio.get_running_loop().time() + timeout_s
    outcome, reason = "failed", None
    try:
        while True:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(service.qr_poll_s):
                    await active.cancel.wait()
            if active.cancel.is_set() or asyncio.get_running_loop().time() >= deadline:
                walked_away = not active.cancel.is_set()
                outcome = await _close_page(
                    service, payment.id, page.id, EXPIRED if walked_away else CANCELLED
                )
                reason = "timeout" if walked_away else None
                break
            try:
                current = await service.calls.ask(lambda: provider.checkout(page.id))
            except ProviderError as error:
                if not error.retryable:
                    raise
                continue
            if current.status == "expired":
                await service.calls.update(payment.id, {"state": EXPIRED})
                outcome = "expired"
                break
            if current.status == "complete" and current.intent_id is not None:
                outcome, reason = await record_paid(service, payment, current.intent_id)
                break
    except Exception:
        log.exception("QR payment %s failed", payment.id)
        outcome = "failed"
    finally:
        service.active.pop(payment.id, None)
    service.status(payment.id, outcome, reason)


async def record_paid(service: PaymentService, payment: Payment, intent_id: str) -> tuple[str, str | None]:
    """The page was paid: the money is held (card) or received (prepaid)."""
    intent = await service.calls.ask(lambda: service.provider.intent(intent_id))
    facts = intent_facts(intent)
    facts["method"] = intent.method if intent.method in ("card", "fpx", "grabpay") else payment.method
    if payment.kind == "prepaid" and intent.state == "succeeded":
        facts["amount_authorised_minor"] = intent.amount_received_minor
        facts["amount_captured_minor"] = intent.amount_received_minor
    elif payment.kind != "hold" or intent.state != "authorised":
        log.warning(
            "QR payment %s: page complete but intent %s is %s", payment.id, intent.id, intent.provider_status
        )
        return "failed", intent.provider_status
    await service.calls.update(payment.id, {"state": AUTHORISED, **facts})
    return "authorised", None


async def _close_page(service: PaymentService, payment_id: int, checkout_id: str, state: str) -> str:
    """Expires the page; one paid in the meantime is given back at once (the driver has gone)."""
    provider = service.provider
    try:
        page = await service.calls.run(
            payment_id,
            "expire_checkout",
            {"checkout": checkout_id},
            lambda key: provider.expire_checkout(checkout_id, key=key),
        )
    except ProviderError as error:
        if error.kind != "invalid":
            log.warning("payment %s: page not expired now (%s); retried later", payment_id, error)
            return "unavailable"
        page = await service.calls.ask(lambda: provider.checkout(checkout_id))
    if page.status == "complete" and page.intent_id is not None:
        payment = await asyncio.to_thread(get_payment, service.engine, payment_id)
        assert payment is not None
        await record_paid(service, payment, page.intent_id)
        payment = await asyncio.to_thread(get_payment, service.engine, payment_id)
        if payment is not None and payment.state == AUTHORISED:
            await release_unused(service, payment, reason="late")
        return "cancelled"
    await service.calls.update(payment_id, {"state": state})
    service.spawn(watch_late(service, payment_id, checkout_id), name=f"late-{payment_id}")
    return "cancelled" if state == CANCELLED else "expired"


async def watch_late(service: PaymentService, payment_id: int, checkout_id: str) -> None:
    """A page paid just as it was expired: the payment is given back and flagged, never charged."""
    until = asyncio.get_running_loop().time() + LATE_WATCH_S
    while asyncio.get_running_loop().time() < until:
        await asyncio.sleep(max(service.qr_poll_s, 5.0))
        with contextlib.suppress(ProviderError):
            page = await service.calls.ask(lambda: service.provider.checkout(checkout_id))
            if page.intent_id is not None:  # paid, whatever the page's status says
                await give_back_late(service, payment_id, page.intent_id)
                return
