"""What the sessions group of the operator facade returns: a search's query and page, a session's detail
(meter values, transitions, cost lines, payments, refunds, receipt) and a refund's result. Frozen
dataclasses, never ORM rows, so a screen or the web can keep them after the database session closed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# How a session was paid: "rfid" is a session with no payment bound (a card on the station's list or
# the central system's), the others are app.db PAYMENT_METHODS (card_present: the terminal; card, fpx,
# grabpay: the QR page).
SESSION_METHODS = ("rfid", "card_present", "card", "fpx", "grabpay")
# The state filter: "open" is every state but ended, "running" the states in which the car may draw
# current (app.sessions RUNNING_STATES: charging, suspended by the car or by the station), "ended".
SESSION_STATE_FILTERS = ("open", "running", "ended")
# The provider's refund reasons (Stripe's Refund.reason); the person's own words go in the note.
REFUND_REASONS = ("requested_by_customer", "duplicate", "fraudulent")
MAX_PAGE = 200


@dataclass(frozen=True)
class SessionQuery:
    """A search of the sessions. Days are local days in the station's time zone, both ends included;
    `last_days` (1: today, 7: today and the six days before) is the touch filters' shortcut and wins
    over `from_day`/`to_day`. `id_tag` matches a prefix; `connector` is a connector's name ("CP00/1")."""

    from_day: date | None = None
    to_day: date | None = None
    last_days: int | None = None
    connector: str | None = None
    id_tag: str | None = None
    method: str | None = None
    state: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class SessionRow:
    """One session in a search's page."""

    session_id: int
    transaction_ref: int
    connector: str
    id_tag: str | None  # None for a paid session: its tag is the station's own, not a driver's card
    method: str  # one of SESSION_METHODS
    state: str
    created_at: datetime
    started_at: datetime | None
    stopped_at: datetime | None
    energy_Wh: int
    cost_total_minor: int | None
    currency: str
    refunded_minor: int
    stop_reason: str | None


@dataclass(frozen=True)
class SessionPage:
    rows: tuple[SessionRow, ...]
    offset: int
    next_offset: int | None  # None on the last page
    time_zone: str = "UTC"  # the station's (IANA name): the zone the days were read in and times shown


@dataclass(frozen=True)
class SessionChoices:
    """What the search's filters offer: the station's connectors and the methods and states."""

    connectors: tuple[str, ...]
    methods: tuple[str, ...] = SESSION_METHODS
    states: tuple[str, ...] = SESSION_STATE_FILTERS


@dataclass(frozen=True)
class MeterPoint:
    """A meter value of the session: energy delivered since its start, the power then (None when it
    comes from a minute rollup, which keeps the minute's maximum only: `power_max_W`)."""

    at: datetime
    energy_Wh: int
    power_W: int | None
    power_max_W: int | None = None


@dataclass(frozen=True)
class TransitionView:
    seq: int
    at: datetime
    from_state: str | None
    to_state: str
    meter_Wh: int | None
    reason: str | None


@dataclass(frozen=True)
class CostLineView:
    kind: str
    description: str
    quantity: str | None
    amount_minor: int


@dataclass(frozen=True)
class RefundView:
    refund_id: int
    amount_minor: int
    state: str  # requested, pending, succeeded, failed (app.db REFUND_STATES)
    reason: str
    note: str
    requested_by: str
    requested_at: datetime
    finished_at: datetime | None
    provider_refund_id: str | None


@dataclass(frozen=True)
class PaymentView:
    payment_id: int
    method: str
    kind: str  # hold (a card) or prepaid (a QR page's top-up)
    state: str
    provider: str
    currency: str
    authorised_minor: int
    captured_minor: int
    refunded_minor: int
    refundable_minor: int  # captured less every refund not failed (those in flight count)
    card_brand: str | None
    card_last4: str | None
    created_at: datetime
    finished_at: datetime | None
    refunds: tuple[RefundView, ...]


@dataclass(frozen=True)
class ReceiptView:
    receipt_no: str
    issued_at: datetime
    total_minor: int
    tax_minor: int
    url: str | None  # the receipt's web address (docs/receipts.md); None without the payment service
    token: str = field(repr=False)  # the secret part of that address


@dataclass(frozen=True)
class SessionDetail:
    row: SessionRow
    meter_start_Wh: int | None
    meter_stop_Wh: int | None
    cost_tax_minor: int | None
    minor_digits: int  # of the session's currency: how a typed amount is read
    meter: tuple[MeterPoint, ...]
    transitions: tuple[TransitionView, ...]
    cost_lines: tuple[CostLineView, ...]
    payments: tuple[PaymentView, ...]
    receipt: ReceiptView | None
    time_zone: str = "UTC"

    @property
    def payment(self) -> PaymentView | None:
        """The payment bound to the session (the latest, should it hold a failed one before)."""
        return self.payments[-1] if self.payments else None


@dataclass(frozen=True)
class RefundResult:
    """A refund as the payment service left it: succeeded, pending (an asynchronous method such as
    FPX), or requested (the provider did not answer: the service retries it)."""

    refund_id: int
    payment_id: int
    session_id: int | None
    amount_minor: int
    currency: str
    state: str
    provider_refund_id: str | None
    error: str | None
