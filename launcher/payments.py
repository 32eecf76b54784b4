"""Wiring of the payment side: the provider from the configuration and the secrets directory, the
payment service, its receipt renderer and mailer, and the station's receipt web server.

Built only when [payments] provider is set; the demo builds it against the simulated provider
(launcher/demo_payments.py). docs/payments.md, "Going live", says how a site sets it up.
"""

from __future__ import annotations

import logging
from typing import Protocol

from app.config import StationConfig, state_path
from app.config.payments import SECRET_KEY_NAME
from app.ocpp.secrets import SecretStore, SecretStoreError
from app.payments import PaymentService
from app.runtime import StationRuntime
from hal.payments import PaymentProvider
from hal.payments.stripe_provider import StripeProvider

log = logging.getLogger(__name__)


class Companion(Protocol):
    """Something that runs beside the station: started after the runtime, stopped before it."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class PaymentConfigError(RuntimeError):
    """Payments are configured but cannot be used (no key, a key others can read); says what to do."""


def secret_key(config: StationConfig) -> str:
    """The provider's secret key from the owner-only secrets directory, never from the config file."""
    directory = state_path(config.payments.secrets_dir or config.ocpp.secrets_dir, "secrets")
    try:
        key = SecretStore(directory).get(SECRET_KEY_NAME)
    except SecretStoreError as error:
        raise PaymentConfigError(str(error)) from None
    if not key:
        raise PaymentConfigError(
            f"payments.provider is {config.payments.provider!r} but {directory / SECRET_KEY_NAME} is "
            "missing: store the key with `python -m launcher.payment_key --dir DIR` (docs/payments.md)"
        )
    return key


def build_provider(config: StationConfig, key: str | None = None) -> PaymentProvider:
    settings = config.payments
    return StripeProvider(
        key or secret_key(config),
        api_base=settings.api_base or None,
        incremental_authorisation=settings.incremental_authorisation,
        qr_methods=tuple(settings.qr_methods),
    )


class PaymentSide:
    """The payment service and what serves its receipts, as one companion of the station."""

    def __init__(self, runtime: StationRuntime, provider: PaymentProvider, config: StationConfig) -> None:
        station_id = config.kiosk.station_id or config.ocpp.identity or "STATION"
        self.service = PaymentService(
            runtime.sessions,
            provider,
            config.payments,
            station_id=station_id,
            station_name=config.station_name,
        )
        self.service.language = config.kiosk.default_language

    async def start(self) -> None:
        await self.service.start()

    async def stop(self) -> None:
        await self.service.close()


def build_payment_side(
    runtime: StationRuntime, config: StationConfig, provider: PaymentProvider | None = None
) -> PaymentSide | None:
    """The payment side when [payments] names a provider; None for an RFID-only station."""
    if not config.payments.enabled:
        return None
    return PaymentSide(runtime, provider or build_provider(config), config)
