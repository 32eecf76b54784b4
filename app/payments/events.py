"""What the payment service publishes: a payment's status for the driver, and a paid session's limit."""

from __future__ import annotations

from dataclasses import dataclass


class PaymentUnavailableError(RuntimeError):
    """A payment that cannot even start (no terminal, the terminal busy or offline, the provider down)."""

    def __init__(self, reason: str, message: str = "") -> None:
        super().__init__(message or reason)
        self.reason = reason


class ReceiptMailUnavailableError(RuntimeError):
    """E-mailed receipts are not offered (no SMTP server configured) or the mail could not be sent."""

    def __init__(self, reason: str, message: str = "") -> None:
        super().__init__(message or reason)
        self.reason = reason


@dataclass(frozen=True)
class PaymentStatus:
    """A payment's status changed (app/driver/payment_views.PAYMENT_STATUSES)."""

    payment_id: int
    status: str
    reason: str | None = None
    session_id: int | None = None  # "settled": the session whose payment it is


@dataclass(frozen=True)
class LimitNear:
    """A paid session nears (stopping=False) or reached (True) what was held or prepaid."""

    payment_id: int
    session_id: int
    connector_id: str
    limit_minor: int
    cost_minor: int
    stopping: bool


PaymentEvent = PaymentStatus | LimitNear
