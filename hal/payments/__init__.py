"""Payment providers: the interface the payment service calls (base) and Stripe, the first acquirer."""

from __future__ import annotations

from hal.payments.base import (
    ERROR_KINDS,
    Capabilities,
    PaymentProvider,
    ProviderCheckout,
    ProviderError,
    ProviderIntent,
    ProviderRefund,
    ReaderAction,
)

__all__ = [
    "ERROR_KINDS",
    "Capabilities",
    "PaymentProvider",
    "ProviderCheckout",
    "ProviderError",
    "ProviderIntent",
    "ProviderRefund",
    "ReaderAction",
]
