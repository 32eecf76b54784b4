"""The driver's phone: pay on a checkout page for the connector whose QR code was scanned; the session
starts there once the money is held; the phone follows and stops it through a link whose secret only
it holds (docs/web.md "Driver page").

The secret (192 random bits) is never stored: the ledger keeps its SHA-256, which is enough to find
the link and useless to anyone reading the database. A link without a known secret answers nothing,
so another driver's session can neither be seen nor stopped.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlalchemy import select

from app.db import PhoneLink, read_only, session_factory, utc_now
from app.payments import PaymentUnavailableError
from app.sessions import SessionRefusedError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.driver.facade import DriverFacade

log = logging.getLogger(__name__)

# What the phone shows (PhoneView.state).
PHONE_STATES = (
    "awaiting_payment",  # the checkout page is open
    "waiting_for_car",  # paid; plug in
    "charging",
    "paused",  # the car or the station is not drawing now (SuspendedEV / SuspendedEVSE)
    "ended",  # the summary and, once the payment is settled, the receipt
    "failed",  # nothing was charged (reason: declined, expired, connector_taken, ...)
    "cancelled",
)
_FAILED_PAYMENT = {"declined", "cancelled", "expired", "unavailable", "failed"}
SECRET_BYTES = 24


class PhoneUnavailableError(RuntimeError):
    """A phone cannot start here now; `code`: payments_unavailable or connector_unavailable."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class PhoneStart:
    secret: str  # goes into the phone's link only; never stored, never logged
    checkout_url: str
    amount_minor: int  # the hold
    currency: str
    expires_in_s: int


@dataclass(frozen=True)
class PhoneView:
    """The phone's own session, in what it may see: no card, no other driver."""

    state: str  # one of PHONE_STATES
    connector_id: str
    connector_label: str
    reason: str | None
    energy_Wh: int
    power_W: int
    elapsed_s: int
    cost_minor: int | None
    currency: str
    limit_minor: int | None  # the money held: the session stops before it
    cost_lines: tuple[str, ...]  # the summary's, once ended, in the phone's language
    receipt_url: str | None


@dataclass(frozen=True)
class _Link:
    link_id: int
    payment_id: int
    connector_id: str
    language: str
    state: str
    reason: str | None
    session_id: int | None


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class PhoneSessions:
    """The phone flows of one station; the driver facade routes its payments' events here."""

    def __init__(self, facade: DriverFacade) -> None:
        self.facade = facade
        self._awaiting: dict[int, str] = {}  # payment id -> connector, for the payment events
        # Where phones reach the web face's driver pages ("https://10.0.0.5:8443"); set by the launcher
        # once the web server listens; empty: no web face, so the kiosk offers no phone page.
        self.page_base = ""

    def page_url(self, connector_id: str) -> str | None:
        """The driver page of a connector ("SIM-00/1" -> <base>/c/SIM-00/1), as printed on the charger's
        QR sticker and shown by the kiosk; None without a web face."""
        if not self.page_base:
            return None
        charger, _, number = connector_id.partition("/")
        return f"{self.page_base.rstrip('/')}/c/{quote(charger, safe='')}/{quote(number, safe='')}"

    @property
    def _engine(self) -> Engine:
        return self.facade.runtime.engine

    async def load(self) -> None:
        """At start: the links whose payment is still open (a restart while a phone was paying)."""
        rows = await asyncio.to_thread(self._read_awaiting)
        self._awaiting = dict(rows)

    def _read_awaiting(self) -> list[tuple[int, str]]:
        with session_factory(read_only(self._engine))() as db:
            query = select(PhoneLink.payment_id, PhoneLink.connector_name).where(
                PhoneLink.state == "awaiting_payment"
            )
            return [(p, c) for p, c in db.execute(query)]

    def claims(self, payment_id: int) -> bool:
        return payment_id in self._awaiting

    async def start(self, connector_id: str, language: str, link_base: str) -> PhoneStart:
        """A checkout page for a hold, whose success page is the phone's own session link."""
        facade = self.facade
        payments = facade.payments
        if payments is None or not facade.payment_offer().qr:
            raise PhoneUnavailableError("payments_unavailable", "paying by phone is not offered now")
        if connector_id not in facade.ready_connectors(payments.settings.id_tag):
            raise PhoneUnavailableError("connector_unavailable", f"{connector_id} cannot start a session now")
        secret = secrets.token_urlsafe(SECRET_BYTES)
        try:
            page = await payments.pay_by_qr(None, success_url=f"{link_base.rstrip('/')}/s/{secret}")
        except PaymentUnavailableError as error:
            raise PhoneUnavailableError("payments_unavailable", str(error)) from error
        language = language if language in facade.tariff_languages else facade.kiosk.default_language

        def write() -> None:
            with session_factory(self._engine)() as db, db.begin():
                db.add(
                    PhoneLink(
                        secret_hash=secret_hash(secret),
                        payment_id=page.payment_id,
                        connector_name=connector_id,
                        language=language,
                        state="awaiting_payment",
                    )
                )

        await facade.runtime.sessions.writer.run(write)
        self._awaiting[page.payment_id] = connector_id
        return PhoneStart(secret, page.url, page.amount_minor, page.currency, page.expires_in_s)

    async def paid(self, payment_id: int) -> None:
        """The money is held: the session opens on the chosen connector, or the hold is given back."""
        connector_id = self._awaiting.pop(payment_id, None)
        link = await self._find(payment_id=payment_id)
        if connector_id is None or link is None:
            return
        try:
            session_id = await self.facade.open_paid_session(connector_id, payment_id, link.language)
        except (SessionRefusedError, PaymentUnavailableError) as error:
            log.warning(
                "phone payment %d: the session could not start on %s: %s", payment_id, connector_id, error
            )
            await self._update(link.link_id, state="failed", reason="connector_taken")
            assert self.facade.payments is not None
            await self.facade.payments.cancel(payment_id)  # nothing is charged for a session never started
            return
        await self._update(link.link_id, state="started", session_id=session_id)

    async def payment_ended(self, payment_id: int, status: str) -> None:
        """The checkout page was declined, cancelled or expired before any session."""
        if status not in _FAILED_PAYMENT or self._awaiting.pop(payment_id, None) is None:
            return
        link = await self._find(payment_id=payment_id)
        if link is not None:
            await self._update(
                link.link_id, state="cancelled" if status == "cancelled" else "failed", reason=status
            )

    async def view(self, secret: str) -> PhoneView | None:
        link = await self._find(secret=secret)
        return None if link is None else await self._view(link)

    async def stop(self, secret: str) -> PhoneView | None:
        """Stops the link's own session (reason Local), or cancels a payment not made yet."""
        link = await self._find(secret=secret)
        if link is None:
            return None
        if link.state == "awaiting_payment" and self.facade.payments is not None:
            self._awaiting.pop(link.payment_id, None)
            await self.facade.payments.cancel(link.payment_id)
            await self._update(link.link_id, state="cancelled", reason="driver")
        elif link.session_id is not None and self._open_here(link):
            await self.facade.stop_session(link.connector_id)
        refreshed = await self._find(secret=secret)
        return None if refreshed is None else await self._view(refreshed)

    # -- reading and writing the links --------------------------------------------------------------

    def _open_here(self, link: _Link) -> bool:
        open_session = self.facade.runtime.sessions.open_session(link.connector_id)
        return open_session is not None and open_session[0] == link.session_id

    async def _view(self, link: _Link) -> PhoneView:
        facade = self.facade
        card = next((c for c in facade.connectors() if c.connector_id == link.connector_id), None)
        label = card.label if card is not None else link.connector_id
        currency = facade.runtime.sessions.tariff.currency
        # Ledger reads on a worker thread, never on the loop (the kiosk's Qt thread).
        paid = await asyncio.to_thread(facade.paid_session, link.session_id) if link.session_id else None
        limit = paid.limit_minor if paid is not None else None
        blank = PhoneView(
            link.state, link.connector_id, label, link.reason, 0, 0, 0, None, currency, limit, (), None
        )
        if link.state != "started" or link.session_id is None:
            return blank
        if self._open_here(link) and card is not None and card.session_id == link.session_id:
            state = {"charging": "charging", "suspended_ev": "paused", "suspended_evse": "paused"}.get(
                card.state, "waiting_for_car" if card.energy_Wh == 0 else "charging"
            )
            return PhoneView(
                state,
                link.connector_id,
                label,
                None,
                card.energy_Wh,
                card.power_W,
                card.elapsed_s,
                card.cost_minor,
                card.currency,
                limit,
                tuple(facade.running_cost_lines(link.connector_id, link.language)),
                None,
            )
        summary = await asyncio.to_thread(facade.summary, link.session_id, link.language)
        return PhoneView(
            "ended",
            link.connector_id,
            label,
            summary.stop_reason,
            summary.energy_Wh,
            0,
            summary.duration_s,
            summary.total_minor,
            summary.currency,
            limit,
            summary.cost_lines,
            paid.receipt_url if paid is not None else None,
        )

    async def _find(self, *, secret: str | None = None, payment_id: int | None = None) -> _Link | None:
        def read() -> _Link | None:
            with session_factory(read_only(self._engine))() as db:
                query = select(PhoneLink)
                if secret is not None:
                    query = query.where(PhoneLink.secret_hash == secret_hash(secret))
                else:
                    query = query.where(PhoneLink.payment_id == payment_id)
                row = db.scalars(query).first()
                if row is None:
                    return None
                return _Link(
                    row.id,
                    row.payment_id,
                    row.connector_name,
                    row.language,
                    row.state,
                    row.reason,
                    row.session_id,
                )

        return await asyncio.to_thread(read)

    async def _update(self, link_id: int, **changes: object) -> None:
        def write() -> None:
            with session_factory(self._engine)() as db, db.begin():
                row = db.get(PhoneLink, link_id)
                if row is not None:
                    for name, value in changes.items():
                        setattr(row, name, value)
                    row.updated_at = utc_now()

        await self.facade.runtime.sessions.writer.run(write)
