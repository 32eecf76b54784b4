"""What the kiosk sees of payments: the offer before a driver commits, a payment in progress, its events.

Frozen dataclasses the driver facade returns (app/driver/facade.py); amounts are integer minor units
and the kiosk writes them with the facade's money formatting. The flows: docs/payments.md.
"""

from __future__ import annotations

from dataclasses import dataclass

# PaymentUpdate.status values, in the order a payment usually meets them.
PAYMENT_STATUSES = (
    "preparing",  # the station is asking the provider for the hold or the QR page
    "waiting",  # the terminal waits for the card, or the QR page waits to be paid
    "authorised",  # the money is held (or prepaid): pick a connector and charge
    "declined",  # the card or the bank said no (reason: the provider's decline code)
    "cancelled",  # the driver cancelled, or walked away (the hold was released, the page expired)
    "expired",  # the terminal or the page timed out
    "unavailable",  # the provider or the terminal cannot be reached (reason: reader_offline, reader_busy...)
    "failed",  # something else went wrong: nothing was charged
    "settled",  # the session ended and its payment is final (reason: captured, cancelled...): the
    # summary's amounts and receipt are ready (facade.paid_session(session_id))
)
# Why a payment is not offered now (PaymentOffer.card_reason / qr_reason).
UNAVAILABLE_REASONS = ("not_configured", "provider_down", "reader_offline", "no_connector")


@dataclass(frozen=True)
class PaymentOffer:
    """How a driver without an RFID card may pay now, and for how much: shown before they commit."""

    card: bool  # "Pay by card" at the terminal
    qr: bool  # "Pay by phone (QR)"
    currency: str
    hold_minor: int  # what a card hold (terminal or phone) takes; the rest is released at the end
    topups_minor: tuple[int, ...]  # prepaid amounts for methods that cannot hold (FPX, GrabPay)
    qr_methods: tuple[str, ...]  # "card" and/or "fpx", "grabpay"
    card_reason: str | None = None  # one of UNAVAILABLE_REASONS when card is False
    qr_reason: str | None = None


@dataclass(frozen=True)
class QrPayment:
    """A QR page made for one session: draw `url` as a QR code."""

    payment_id: int
    url: str
    amount_minor: int
    currency: str
    prepaid: bool  # True: a top-up paid now, the unused part refunded; False: a card hold
    expires_in_s: int  # the kiosk gives up (and expires the page) after this


@dataclass(frozen=True)
class PaymentUpdate:
    """A driver event: a payment's status changed."""

    payment_id: int
    status: str  # one of PAYMENT_STATUSES
    reason: str | None = None
    # authorised: the tag the session will carry; the kiosk starts it with start_session(connector, id_tag)
    id_tag: str | None = None
    ready_connectors: tuple[str, ...] = ()
    session_id: int | None = None  # settled: the session it paid for
    kind: str = "payment_update"  # DriverEventKind.PAYMENT_UPDATE


@dataclass(frozen=True)
class PaymentLimit:
    """A driver event: a paid session nears or reached what was held or prepaid."""

    session_id: int
    connector_id: str
    limit_minor: int
    cost_minor: int
    stopping: bool  # True: charging stops now (no more can be held); False: raised, or close to it
    currency: str
    kind: str = "payment_limit"  # DriverEventKind.PAYMENT_LIMIT


@dataclass(frozen=True)
class PaidSession:
    """How a session was paid, for the charging and summary screens (None for RFID sessions)."""

    method: str  # card_present, card, fpx, grabpay
    state: str  # the payment's ledger state (captured, capturing, cancelled...)
    currency: str
    limit_minor: int  # the hold (after any increment) or the prepaid amount
    captured_minor: int
    refunded_minor: int
    card_text: str  # "Visa •••• 4242", or "" when the provider did not tell
    receipt_no: str | None = None
    receipt_url: str | None = None  # what the summary's QR code opens
