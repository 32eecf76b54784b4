"""Payments for drivers without an RFID card: holds at a card terminal, QR pages, settlement from the
ledger, refunds, receipts, and recovery of whatever a crash interrupted (docs/payments.md)."""

from __future__ import annotations

from app.payments.events import (
    LimitNear,
    PaymentEvent,
    PaymentStatus,
    PaymentUnavailableError,
    ReceiptMailUnavailableError,
)
from app.payments.ledger import RefundRefusedError
from app.payments.qr_flow import QrPage
from app.payments.service import PaymentService

__all__ = [
    "LimitNear",
    "PaymentEvent",
    "PaymentService",
    "PaymentStatus",
    "PaymentUnavailableError",
    "QrPage",
    "ReceiptMailUnavailableError",
    "RefundRefusedError",
]
