"""Wiring of the payment side: the provider from the configuration and the secrets directory, the
payment service, its receipt renderer and mailer, and the station's receipt web server.

Built only when [payments] provider is set; the demo builds it against the simulated provider
(launcher/demo_payments.py). docs/payments.md, "Going live", says how a site sets it up.
"""

from __future__ import annotations

import contextlib
import logging
import socket
from typing import Any, Protocol

from app.config import StationConfig, state_path
from app.config.payments import SECRET_KEY_NAME
from app.ocpp.secrets import SecretStore, SecretStoreError
from app.payments import PaymentService
from app.payments.receipt_mail import ReceiptMailSettings, send_receipt
from app.payments.receipts import receipt_from_document, render_document
from app.runtime import StationRuntime
from hal.payments import PaymentProvider
from hal.payments.stripe_provider import StripeProvider
from web.receipt_server import Fetch, ReceiptServer

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


def local_address() -> str:
    """The address phones on the station's network reach it at (the interface of the default route)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))  # no packet is sent: this only picks the route's interface
        return str(probe.getsockname()[0])
    return "127.0.0.1"


class PaymentSide:
    """The payment service and the server its receipts are fetched from, as one companion."""

    def __init__(self, runtime: StationRuntime, provider: PaymentProvider, config: StationConfig) -> None:
        station_id = config.kiosk.station_id or config.ocpp.identity or "STATION"
        settings = config.payments
        self.service = PaymentService(
            runtime.sessions, provider, settings, station_id=station_id, station_name=config.station_name
        )
        self.service.language = config.kiosk.default_language
        self.service.render_pdf = render_document
        receipts = settings.receipts
        if receipts.smtp_host and receipts.sender:
            mail = ReceiptMailSettings(
                host=receipts.smtp_host,
                port=receipts.smtp_port,
                starttls=receipts.smtp_starttls,
                username=receipts.smtp_username,
                password=smtp_password(config) if receipts.smtp_username else "",
                sender=receipts.sender,
            )

            def send(pdf: bytes, document: dict[str, Any], address: str) -> None:
                send_receipt(pdf, receipt_from_document(document), address, mail)

            self.service.send_mail = send
        self.port = receipts.port
        self.fetch: Fetch | None = None  # set by the launcher: the driver facade's receipt_pdf
        self._server: ReceiptServer | None = None

    async def start(self) -> None:
        await self.service.start()
        if self.fetch is not None:
            self._server = ReceiptServer(self.fetch, "0.0.0.0", self.port)
            try:
                await self._server.start()
            except OSError as error:  # the port is taken: receipts stay printable from the ledger
                log.error("receipt server not started on port %d: %s", self.port, error)
                self._server = None
            else:
                self.service.local_receipt_base = f"http://{local_address()}:{self._server.port}"

    async def stop(self) -> None:
        if self._server is not None:
            await self._server.close()
        await self.service.close()


def smtp_password(config: StationConfig) -> str:
    """The SMTP password from the secrets directory (never the configuration file)."""
    directory = state_path(config.payments.secrets_dir or config.ocpp.secrets_dir, "secrets")
    try:
        return SecretStore(directory).get("smtp_password") or ""
    except SecretStoreError as error:
        raise PaymentConfigError(str(error)) from None


def build_payment_side(
    runtime: StationRuntime, config: StationConfig, provider: PaymentProvider | None = None
) -> PaymentSide | None:
    """The payment side when [payments] names a provider; None for an RFID-only station."""
    if not config.payments.enabled:
        return None
    return PaymentSide(runtime, provider or build_provider(config), config)
