"""The [payments] part of the station configuration: provider, terminals, hold, top-ups and receipts.

Keys never live here: the provider's secret key is a file in the owner-only secrets directory
(docs/payments.md, "Going live"). Every key has a type, a default, bounds or a pattern and a
description, like every other section.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.config.schema import ConfigError, setting
from app.money import parse_scaled

PROVIDER_PATTERN = r"^(none|stripe)$"
QR_METHOD_PATTERN = r"^(card|fpx|grabpay)$"
READER_ID_PATTERN = r"^[A-Za-z0-9_\-]{1,64}$"
SECRET_KEY_NAME = "stripe_secret_key"  # the file in the secrets directory that holds the provider's key


@dataclass(frozen=True, kw_only=True)
class CardTerminal:
    """A card terminal (a Stripe Terminal reader) and the connectors it serves."""

    reader_id: str = setting(
        doc="The provider's id of the reader, e.g. tmr_FDOt2wlRZEdpd7", pattern=READER_ID_PATTERN
    )
    connectors: tuple[str, ...] = setting(
        (), doc="Connector ids (charger/number, e.g. CP-1/1) it serves; empty: every connector"
    )


@dataclass(frozen=True, kw_only=True)
class ReceiptParticulars:
    """What every receipt prints about the seller (payments.md §4: Service Tax Act 2018 particulars)."""

    operator_name: str = setting("", doc="The operator's registered name; empty: the station's name")
    registration: str = setting("", doc="Business registration number (BRN/SSM), printed when set")
    address: str = setting("", doc="The operator's address, lines separated by newlines")
    tax_registration: str = setting("", doc="SST registration number; tax lines are printed only when set")
    timezone: str = setting("Asia/Kuala_Lumpur", doc="The time zone receipts write times in")
    base_url: str = setting(
        "",
        doc="Public address receipts are fetched from (https://receipts.example.com); empty: the "
        "station serves them on the local network at http://<its address>:<receipt_port>",
        pattern=r"^(https?://[^\s]+)?$",
    )
    port: int = setting(8088, minimum=1, maximum=65535, doc="Port of the station's own receipt server")
    smtp_host: str = setting("", doc="SMTP server that sends e-mailed receipts; empty: no e-mail offered")
    smtp_port: int = setting(587, minimum=1, maximum=65535, doc="SMTP port")
    smtp_starttls: bool = setting(True, doc="Use STARTTLS on the SMTP connection")
    smtp_username: str = setting("", doc="SMTP user; its password is the secrets directory's smtp_password")
    sender: str = setting("", doc="From: address of e-mailed receipts")


@dataclass(frozen=True, kw_only=True)
class PaymentSettings:
    """Payments by bank card at a terminal and by QR page, for drivers without an RFID card."""

    provider: str = setting(
        "none", doc="Payment provider: none (RFID only) or stripe", pattern=PROVIDER_PATTERN
    )
    api_base: str = setting(
        "",
        doc="The provider API's address; empty: the provider's own (set only for a test server)",
        pattern=r"^(https?://[^\s]+)?$",
    )
    secrets_dir: str = setting(
        "", doc="Owner-only directory holding stripe_secret_key; empty: the [ocpp] secrets directory"
    )
    terminals: tuple[CardTerminal, ...] = setting((), doc="Card terminals; none: no 'Pay by card'")
    qr: bool = setting(True, doc="Offer 'Pay by phone (QR)' (a payment page per session)")
    qr_methods: tuple[str, ...] = setting(
        ("card", "fpx", "grabpay"),
        doc="What the QR page may offer: card (held, then captured), fpx and grabpay (prepaid top-up)",
        pattern=QR_METHOD_PATTERN,
    )
    hold: str = setting("50.00", doc='The amount held on a card for a session, e.g. "50.00"')
    topups: tuple[str, ...] = setting(
        ("10.00", "20.00", "50.00"), doc="Prepaid amounts a driver may choose for FPX and GrabPay"
    )
    increment_at_percent: int = setting(
        80, minimum=50, maximum=95, doc="At this share of the hold, ask for more where the card allows"
    )
    stop_margin: str = setting(
        "1.00", doc="Charging stops this far below the hold or the prepaid amount (the last readings' cost)"
    )
    incremental_authorisation: bool = setting(
        False, doc="The account offers incremental authorisation on card-present payments"
    )
    card_timeout_s: float = setting(
        90.0, minimum=20.0, maximum=300.0, doc="How long the terminal waits for a card before giving up"
    )
    qr_timeout_s: float = setting(
        180.0,
        minimum=60.0,
        maximum=1800.0,
        doc="How long the QR screen waits for payment before expiring the page",
    )
    capture_margin_s: float = setting(
        6 * 3600.0,
        minimum=600.0,
        maximum=86400.0,
        doc="A hold is captured (or an alarm raised) this long before the provider's capture_before",
    )
    id_tag: str = setting(
        "PAID",
        doc="The idTag paid sessions carry to the central system (register it there as always accepted)",
        pattern=r"^[A-Za-z0-9_.\-]{1,20}$",
    )
    receipts: ReceiptParticulars = setting(ReceiptParticulars(), doc="Receipt particulars and delivery")

    def __post_init__(self) -> None:
        for name in ("hold", "stop_margin"):
            try:
                value = parse_scaled(getattr(self, name), 2)
            except ValueError as error:
                raise ConfigError(f"{name}: {error}") from None
            if value <= 0:
                raise ConfigError(f"{name}: must be more than zero")
        for text in self.topups:
            try:
                amount = parse_scaled(text, 2)
            except ValueError as error:
                raise ConfigError(f"topups: {error}") from None
            if amount <= 0:
                raise ConfigError(f"topups: {text} must be more than zero")
        if self.provider != "none" and not self.terminals and not self.qr:
            raise ConfigError("payments: a provider without terminals and without qr offers nothing")
        seen = set()
        for terminal in self.terminals:
            if terminal.reader_id in seen:
                raise ConfigError(f"terminals: reader {terminal.reader_id} is listed twice")
            seen.add(terminal.reader_id)

    @property
    def enabled(self) -> bool:
        return self.provider != "none"
