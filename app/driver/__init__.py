"""The driver's side of the station: the facade the kiosk calls, its views and card authorisation."""

from __future__ import annotations

from app.driver.auth import DEMO_BLOCKED_CARD, DEMO_CARDS, seed_demo_cards
from app.driver.facade import DriverFacade, PaymentUnavailableError, ReceiptEmailError
from app.driver.payment_views import (
    PAYMENT_STATUSES,
    PaidSession,
    PaymentLimit,
    PaymentOffer,
    PaymentUpdate,
    QrPayment,
)
from app.driver.phone import PHONE_STATES, PhoneStart, PhoneUnavailableError, PhoneView
from app.driver.views import (
    CONNECTOR_STATES,
    CardOutcome,
    CardTapped,
    ConnectorCard,
    ConnectorsChanged,
    DriverEvent,
    LiveConnector,
    ReaderProblem,
    RunningCost,
    SessionEnded,
    SessionSummary,
)

__all__ = [
    "CONNECTOR_STATES",
    "DEMO_BLOCKED_CARD",
    "DEMO_CARDS",
    "PAYMENT_STATUSES",
    "PHONE_STATES",
    "CardOutcome",
    "CardTapped",
    "ConnectorCard",
    "ConnectorsChanged",
    "DriverEvent",
    "DriverFacade",
    "LiveConnector",
    "PaidSession",
    "PaymentLimit",
    "PaymentOffer",
    "PaymentUnavailableError",
    "PaymentUpdate",
    "PhoneStart",
    "PhoneUnavailableError",
    "PhoneView",
    "QrPayment",
    "ReaderProblem",
    "ReceiptEmailError",
    "RunningCost",
    "SessionEnded",
    "SessionSummary",
    "seed_demo_cards",
]
