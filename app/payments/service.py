"""The payment service: holds and prepayments for drivers without an RFID card, settled from the ledger.

It takes a hold at a card terminal or through a QR page (app/payments/card_flow.py, qr_flow.py),
ties the payment to the session in the session's own transaction, watches the cost against the hold,
settles at the session's end (capture, release, refund: settlement.py) and finishes at start-up
whatever a crash interrupted (recovery.py). Every provider call is written before it is made
(calls.py). Flows, states and recovery: docs/payments.md.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.background_tasks import BackgroundTasks
from app.config import PaymentSettings
from app.db import ChargingSession, LedgerWriter, Payment, Receipt, Refund
from app.money import minor_digits, parse_scaled
from app.payments import card_flow, qr_flow, recovery, settlement
from app.payments.active import ActivePayment
from app.payments.calls import ProviderCalls
from app.payments.events import (
    LimitNear,
    PaymentEvent,
    PaymentStatus,
    PaymentUnavailableError,
    ReceiptMailUnavailableError,
)
from app.payments.ledger import (
    count_email,
    get_payment,
    payment_of_session,
    receipt_by_token,
    receipt_of_session,
    store_pdf,
)
from app.payments.receipt_mail import ReceiptMailError, valid_email
from app.payments.receipts import issue_receipt
from app.payments.states import AUTHORISED
from app.sessions import ENDED, SessionChange
from hal.listeners import Listeners
from hal.payments import PaymentProvider, ProviderError

if TYPE_CHECKING:
    from app.sessions import SessionService

log = logging.getLogger(__name__)

LIMIT_CHECK_S = 2.0  # a paid session's cost is compared with its hold this often
RETRY_S = (5.0, 10.0, 30.0, 60.0)  # settlement retries while the provider is down, then every minute
STOP_REASON = "Other"  # OCPP 1.6 section 7.39: the station stopped it (the paid amount was reached)


class PaymentService:
    """One per station, on the session service; start() after the sessions, close() before them."""

    def __init__(
        self,
        sessions: SessionService,
        provider: PaymentProvider,
        settings: PaymentSettings,
        *,
        station_id: str,
        station_name: str = "",
        calls: ProviderCalls | None = None,
        poll_s: float = 0.5,
        qr_poll_s: float = 2.0,
    ) -> None:
        self.engine = sessions.engine
        self.sessions = sessions
        self.clock: Callable[[], datetime] = sessions.clock
        self.station_name = station_name
        self.provider = provider
        self.settings = settings
        self.station_id = station_id
        self.currency = sessions.tariff.currency
        digits = minor_digits(self.currency)
        self.hold_minor = parse_scaled(settings.hold, digits)
        self.topups_minor = tuple(parse_scaled(t, digits) for t in settings.topups)
        self.stop_margin_minor = parse_scaled(settings.stop_margin, digits)
        self.writer = LedgerWriter("payments-writer")
        self.calls = calls or ProviderCalls(self.engine, self.writer, provider, self.clock)
        self.poll_s = poll_s
        self.qr_poll_s = qr_poll_s
        self.active: dict[int, ActivePayment] = {}
        self.provider_down_since: float | None = None  # monotonic; set by a call that found it down
        self._listeners: Listeners[PaymentEvent] = Listeners("payment event", log)
        self._tasks = BackgroundTasks("payments", log)
        self._unsubscribe: Callable[[], None] | None = None
        self._warned: set[int] = set()  # sessions told they near their limit
        self._settling: set[int] = set()  # payments being settled now
        self.recovery_done = asyncio.Event()
        self.recovered = 0
        self.language = "en"  # of receipts whose session's language is not known
        self.languages: dict[int, str] = {}  # session id -> the language its driver used
        # Renders a receipt document to PDF bytes (app/payments/receipt_pdf.py); the launcher sets it.
        self.render_pdf: Callable[[dict[str, Any]], bytes] | None = None
        self.local_receipt_base = f"http://localhost:{settings.receipts.port}"
        # Sends (pdf, document, address) by e-mail (app/payments/receipt_mail.py); None: not offered.
        self.send_mail: Callable[[bytes, dict[str, Any], str], None] | None = None

    # -- life cycle ---------------------------------------------------------------------------------

    async def start(self) -> None:
        """Follows the sessions; recovery of interrupted payments runs in the background (the kiosk is
        usable meanwhile) and then the watch loop settles, limits and retries."""
        self._unsubscribe = self.sessions.subscribe(self._on_session_change)
        self._tasks.start(self._recover_then_watch(), name="payments")

    async def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        for active in self.active.values():
            active.cancel.set()
        await self._tasks.close()
        await self.writer.drain()
        self.writer.close()

    def subscribe(self, listener: Callable[[PaymentEvent], None]) -> Callable[[], None]:
        return self._listeners.subscribe(listener)

    def spawn(self, coroutine: Coroutine[Any, Any, None], name: str) -> None:
        """Runs a flow beside the caller; kept, logged when it fails, cancelled by close()."""
        self._tasks.start(coroutine, name=name)

    def publish(self, event: PaymentEvent) -> None:
        self._listeners.emit(event)

    def status(self, payment_id: int, status: str, reason: str | None = None) -> None:
        self.publish(PaymentStatus(payment_id, status, reason))

    # -- what the driver may do ---------------------------------------------------------------------

    def terminal_for(self, connector_id: str | None) -> str | None:
        """The reader serving the connector (any reader when no connector is named)."""
        for terminal in self.settings.terminals:
            if connector_id is None or not terminal.connectors or connector_id in terminal.connectors:
                return terminal.reader_id
        return None

    def terminal_serves(self, reader_id: str, connector_id: str) -> bool:
        return any(
            t.reader_id == reader_id and (not t.connectors or connector_id in t.connectors)
            for t in self.settings.terminals
        )

    def payment_of(self, payment_id: int) -> Payment | None:
        return get_payment(self.engine, payment_id)

    def reader_in_use(self, reader_id: str) -> bool:
        return any(a.reader_id == reader_id for a in self.active.values())

    async def pay_by_card(self, connector_id: str | None = None) -> int:
        """Starts a hold at the terminal; PaymentStatus events follow. PaymentUnavailableError at once
        when no terminal serves the connector or it is taking another card."""
        reader_id = self.terminal_for(connector_id)
        if reader_id is None:
            raise PaymentUnavailableError("not_configured", "no card terminal serves this connector")
        if self.reader_in_use(reader_id):
            raise PaymentUnavailableError("reader_busy", f"terminal {reader_id} is taking another card")
        return await card_flow.start(self, reader_id)

    async def pay_by_qr(
        self, prepaid_minor: int | None = None, *, success_url: str | None = None
    ) -> qr_flow.QrPage:
        """A QR page for a card hold (None) or a prepaid top-up of one of the offered amounts; a phone
        paying for itself names its own `success_url` (the driver page's session link)."""
        if not self.settings.qr:
            raise PaymentUnavailableError("not_configured", "QR payment is not offered")
        if prepaid_minor is not None and prepaid_minor not in self.topups_minor:
            raise PaymentUnavailableError("invalid_amount", f"{prepaid_minor} is not an offered top-up")
        return await qr_flow.start(self, prepaid_minor, success_url)

    async def cancel(self, payment_id: int) -> None:
        """The driver cancelled or walked away: the flow stops and gives back what it took."""
        active = self.active.get(payment_id)
        if active is not None:
            active.cancel.set()
            return
        payment = get_payment(self.engine, payment_id)
        if payment is not None and payment.state == AUTHORISED and payment.session_id is None:
            await settlement.release_unused(self, payment, reason="cancelled")

    def bind_session(self, payment_id: int) -> Callable[[Session, ChargingSession], None]:
        """The write that ties an authorised payment to the session being opened, in its transaction."""

        def bind(db: Session, row: ChargingSession) -> None:
            payment = db.get(Payment, payment_id, with_for_update=True)
            if payment is None or payment.state != AUTHORISED or payment.session_id is not None:
                state = None if payment is None else payment.state
                raise PaymentUnavailableError("not_authorised", f"payment {payment_id} is {state}: pay again")
            payment.session_id = row.id
            payment.updated_at = self.clock()

        return bind

    def payment_of_session(self, session_id: int) -> Payment | None:
        return payment_of_session(self.engine, session_id)

    def receipt_of_session(self, session_id: int) -> Receipt | None:
        return receipt_of_session(self.engine, session_id)

    async def email_receipt(self, session_id: int, address: str) -> None:
        """Sends the session's receipt by e-mail (a worker thread); ValueError for a bad address."""
        if self.send_mail is None:
            raise ReceiptMailUnavailableError("not_configured")
        if not valid_email(address):
            raise ValueError("invalid_address")
        receipt = await asyncio.to_thread(receipt_of_session, self.engine, session_id)
        if receipt is None:
            raise KeyError(f"session {session_id} has no receipt")
        pdf = await self.receipt_pdf(receipt.token)
        assert pdf is not None
        try:
            await asyncio.to_thread(self.send_mail, pdf[1], receipt.document, address)
        except ReceiptMailError as error:
            raise ReceiptMailUnavailableError(error.reason, str(error)) from error
        await self.writer.run(count_email, self.engine, receipt.id)

    # -- receipts -----------------------------------------------------------------------------------

    async def issue_receipt(self, payment_id: int) -> Receipt | None:
        """The session's receipt (numbered now if it has none), with its PDF."""
        payment = await asyncio.to_thread(get_payment, self.engine, payment_id)
        language = self.languages.get(payment.session_id or 0, self.language) if payment else self.language
        row = await self.writer.run(
            issue_receipt,
            self.engine,
            payment_id,
            station_id=self.station_id,
            station_name=self.station_name,
            particulars=self.settings.receipts,
            language=language,
            at=self.clock(),
        )
        if row is not None and row.pdf is None and self.render_pdf is not None:
            pdf = await asyncio.to_thread(self.render_pdf, row.document)
            await self.writer.run(store_pdf, self.engine, row.id, pdf)
            row.pdf = pdf
        return row

    async def receipt_pdf(self, token: str) -> tuple[str, bytes] | None:
        """(receipt number, PDF) for the receipt's web address; None for an unknown token."""
        row = await asyncio.to_thread(receipt_by_token, self.engine, token)
        if row is None:
            return None
        if row.pdf is None and self.render_pdf is not None:
            row.pdf = await asyncio.to_thread(self.render_pdf, row.document)
            await self.writer.run(store_pdf, self.engine, row.id, row.pdf)
        return (row.receipt_no, row.pdf) if row.pdf is not None else None

    def receipt_url(self, token: str) -> str:
        base = self.settings.receipts.base_url or self.local_receipt_base
        return f"{base.rstrip('/')}/r/{token}"

    async def refund(
        self,
        payment_id: int,
        amount_minor: int | None,
        *,
        reason: str,
        note: str,
        requested_by: str,
        record: Callable[[Session, Refund], None] | None = None,
    ) -> Refund:
        """A refund asked by a person (admin mode, web API): full (None) or partial, with a reason;
        `record(db, row)` runs in the transaction that writes the refund row (an audit row)."""
        return await settlement.refund(
            self, payment_id, amount_minor, reason=reason, note=note, requested_by=requested_by, record=record
        )

    # -- following the sessions ---------------------------------------------------------------------

    def _on_session_change(self, change: SessionChange) -> None:
        if change.to_state == ENDED:
            self._warned.discard(change.session_id)
            self._tasks.start(self._settle_session(change.session_id), name=f"settle-{change.session_id}")

    async def _settle_session(self, session_id: int) -> None:
        payment = await asyncio.to_thread(payment_of_session, self.engine, session_id)
        if payment is not None:
            await self.settle(payment)

    async def settle(self, payment: Payment) -> None:
        """Captures, releases or refunds an ended session's payment, once at a time per payment."""
        if payment.id in self._settling:
            return
        self._settling.add(payment.id)
        try:
            await settlement.settle(self, payment)
            settled = await asyncio.to_thread(get_payment, self.engine, payment.id)
            if settled is not None and settled.state != payment.state:
                self.publish(
                    PaymentStatus(payment.id, "settled", settled.state, session_id=settled.session_id)
                )
        except ProviderError as error:
            self.note_provider(error)
            log.warning("payment %s not settled yet (%s): retried later", payment.id, error)
        finally:
            self._settling.discard(payment.id)

    def note_provider(self, error: ProviderError | None) -> None:
        """Keeps whether the provider is reachable (the offer and the retries follow it)."""
        loop_time = asyncio.get_running_loop().time()
        if error is None:
            self.provider_down_since = None
        elif error.kind == "unavailable" and self.provider_down_since is None:
            self.provider_down_since = loop_time

    # -- the watch loop -----------------------------------------------------------------------------

    async def _recover_then_watch(self) -> None:
        try:
            self.recovered = await recovery.recover(self)
        except Exception:
            log.exception("payment recovery failed: it runs again with the watch loop")
        finally:
            self.recovery_done.set()
        retry = 0
        next_retry = 0.0
        while True:
            await asyncio.sleep(LIMIT_CHECK_S)
            try:
                await self._check_limits()
                now = asyncio.get_running_loop().time()
                if now >= next_retry:
                    pending = await recovery.finish_pending(self)
                    retry = retry + 1 if pending else 0
                    next_retry = now + (RETRY_S[min(retry, len(RETRY_S) - 1)] if pending else RETRY_S[0])
            except Exception:
                log.exception("payment watch failed; trying again")

    async def _check_limits(self) -> None:
        for connector_id in list(self.sessions.station.manager.connectors()):
            open_session = self.sessions.open_session(connector_id)
            if open_session is None:
                continue
            session_id = open_session[0]
            payment = await asyncio.to_thread(payment_of_session, self.engine, session_id)
            if payment is None or payment.state != AUTHORISED:
                continue
            cost = self.sessions.running_cost(connector_id)
            if cost is None:
                continue
            await self._limit(payment, session_id, connector_id, cost.total_minor)

    async def _limit(self, payment: Payment, session_id: int, connector_id: str, cost_minor: int) -> None:
        limit = payment.amount_authorised_minor
        near = cost_minor * 100 >= limit * self.settings.increment_at_percent
        deadline = payment.capture_before
        margin = timedelta(seconds=self.settings.capture_margin_s)
        if deadline is not None and self.clock() >= deadline - margin:
            log.warning("payment %s: capture deadline near, the session is stopped to capture", payment.id)
            await self._stop(payment, session_id, connector_id, cost_minor)
            return
        if near and settlement.may_increment(self, payment):
            try:
                payment = await settlement.increment(self, payment)
                limit = payment.amount_authorised_minor
                near = cost_minor * 100 >= limit * self.settings.increment_at_percent
            except ProviderError as error:
                log.info("payment %s: no incremental authorisation (%s)", payment.id, error)
        if cost_minor >= limit - self.stop_margin_minor:
            await self._stop(payment, session_id, connector_id, cost_minor)
        elif near and session_id not in self._warned:
            self._warned.add(session_id)
            self.publish(LimitNear(payment.id, session_id, connector_id, limit, cost_minor, stopping=False))

    async def _stop(self, payment: Payment, session_id: int, connector_id: str, cost_minor: int) -> None:
        limit = payment.amount_authorised_minor
        self.publish(LimitNear(payment.id, session_id, connector_id, limit, cost_minor, stopping=True))
        await self.sessions.stop(connector_id, STOP_REASON)
