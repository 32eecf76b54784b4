"""The payment provider interface: what the payment service asks of an acquirer, in the station's terms.

A provider wraps one vendor's API or SDK (Stripe first: hal/payments/stripe_provider.py); the rules
(when to hold, capture, cancel, refund, how to recover) live in app/payments. Every method blocks
(network I/O): the service calls them on a worker thread, never on the event loop. Every call that
changes something takes the idempotency key the service wrote to the ledger before the call, so a
call repeated after a crash is the same call at the provider (docs/payments.md, "Recovery").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

# What a provider's payment is, in the station's words (the provider's own status is kept beside it).
IntentState = Literal["pending", "authorised", "succeeded", "cancelled", "failed"]
# ProviderError.kind: what the service does about it.
ERROR_KINDS = (
    "declined",  # the card or the bank said no: tell the driver, let them try again
    "unavailable",  # network, timeout, 5xx, rate limit: the call may or may not have happened; retry
    "reader_busy",  # the card terminal is doing something else
    "reader_offline",  # the card terminal cannot be reached by the provider
    "invalid",  # the provider refused the request (a state conflict or the station's bug): no retry
    "malformed",  # the provider answered something the station cannot read: treat as unknown
)


class ProviderError(Exception):
    """A provider call that did not give an answer the station can use."""

    def __init__(self, kind: str, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.code = code  # the provider's code (insufficient_funds, expired_card, amount_too_large...)

    @property
    def retryable(self) -> bool:
        return self.kind in ("unavailable", "malformed")


@dataclass(frozen=True)
class Capabilities:
    """What this provider and account can do (incremental authorisation may not be offered in Malaysia)."""

    card_present: bool = True
    incremental_authorisation: bool = False
    qr_methods: tuple[str, ...] = ("card",)  # what a QR checkout page may offer: card, fpx, grabpay


@dataclass(frozen=True)
class ProviderIntent:
    """A payment at the provider (a Stripe PaymentIntent), mapped to what the station needs."""

    id: str
    state: IntentState
    provider_status: str
    currency: str
    amount_minor: int  # asked for (the hold, after increments)
    amount_capturable_minor: int  # still held and capturable
    amount_received_minor: int  # captured or paid
    method: str | None = None  # card_present, card, fpx, grabpay
    card_brand: str | None = None
    card_last4: str | None = None
    capture_before: datetime | None = None
    incremental_supported: bool = False
    failure_code: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReaderAction:
    """What the card terminal is doing: the action on it and how it went."""

    reader_id: str
    status: Literal["idle", "in_progress", "succeeded", "failed"]
    intent_id: str | None = None
    failure_code: str | None = None
    failure_message: str | None = None
    online: bool = True


@dataclass(frozen=True)
class ProviderCheckout:
    """A hosted payment page for one session (a Stripe Checkout Session): what the QR code opens."""

    id: str
    url: str
    status: Literal["open", "complete", "expired"]
    paid: bool  # a payment was taken (paid, or held on a card)
    intent_id: str | None
    expires_at: datetime


@dataclass(frozen=True)
class ProviderRefund:
    id: str
    intent_id: str
    amount_minor: int
    status: Literal["pending", "succeeded", "failed", "canceled", "requires_action"]


class PaymentProvider(Protocol):
    """One acquirer. Amounts are integer minor units; metadata carries the station's payment reference."""

    name: str
    capabilities: Capabilities

    def create_card_present(
        self, *, amount_minor: int, currency: str, description: str, metadata: Mapping[str, str], key: str
    ) -> ProviderIntent:
        """A manual-capture payment for a card at a terminal: the hold to be authorised."""
        ...

    def show_hold(self, reader_id: str, *, label: str, amount_minor: int, currency: str, key: str) -> None:
        """Shows the hold on the terminal's display as a cart line (best effort)."""
        ...

    def process_on_reader(self, reader_id: str, intent_id: str, *, key: str) -> ReaderAction:
        """Asks the terminal to take the card for the payment."""
        ...

    def reader_action(self, reader_id: str) -> ReaderAction: ...

    def cancel_reader_action(self, reader_id: str, *, key: str) -> ReaderAction: ...

    def present_test_card(self, reader_id: str, card_number: str | None = None) -> ReaderAction:
        """Test mode only: a card tapped on a simulated terminal (the demo's button)."""
        ...

    def create_checkout(
        self,
        *,
        amount_minor: int,
        currency: str,
        methods: tuple[str, ...],
        hold: bool,
        description: str,
        expires_at: datetime,
        success_url: str,
        metadata: Mapping[str, str],
        key: str,
    ) -> ProviderCheckout: ...

    def checkout(self, checkout_id: str) -> ProviderCheckout: ...

    def expire_checkout(self, checkout_id: str, *, key: str) -> ProviderCheckout: ...

    def intent(self, intent_id: str) -> ProviderIntent: ...

    def increment(self, intent_id: str, amount_minor: int, *, key: str) -> ProviderIntent:
        """Raises the hold to amount_minor (the new total); ProviderError "declined" leaves the old one."""
        ...

    def capture(self, intent_id: str, amount_minor: int, *, key: str) -> ProviderIntent:
        """Captures amount_minor of the hold; the rest is released."""
        ...

    def cancel(self, intent_id: str, *, key: str) -> ProviderIntent:
        """Releases a hold (or abandons an unpaid payment)."""
        ...

    def refund(
        self, intent_id: str, amount_minor: int, *, reason: str, metadata: Mapping[str, str], key: str
    ) -> ProviderRefund: ...

    def refund_status(self, refund_id: str) -> ProviderRefund: ...

    def find_intents(self, payment_ref: str) -> list[ProviderIntent]:
        """The provider's payments carrying this station payment reference (recovery when no id was kept)."""
        ...

    def find_checkouts(self, payment_ref: str) -> list[ProviderCheckout]: ...
