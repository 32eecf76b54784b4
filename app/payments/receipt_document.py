"""What a paid session's receipt prints, decided by the payment service and checked once here.

The renderer (receipt_pdf) and the mailer (receipt_mail) take a ReceiptDocument and decide nothing:
every text is already in the driver's language and every amount already computed. The checks below
make an inconsistent or unsafe receipt impossible to build rather than to print: amounts that do not
add up, a tax line without a tax registration, or card data beyond brand and last four digits
(PCI DSS v4.0 req. 3.4.1 allows at most the first six and last four digits to be displayed; the
station shows only the last four). See docs/receipts.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.money import minor_digits

from .receipt_texts import LANGUAGES

PAYMENT_METHODS = ("card_present", "card", "fpx", "grabpay")
CARD_METHODS = ("card_present", "card")

# Bounds that keep the one-page receipt one page and every field a field, not a document.
MAX_TEXT = 200
MAX_LINES = 30
MAX_REFUNDS = 10

# A primary account number is 8 to 19 digits (ISO/IEC 7812-1); card numbers in use are 13 or more.
# A run of that many digits, even split by spaces or hyphens, is refused in every text field, so a
# misplaced PAN cannot reach a PDF or an e-mail. A run glued to a letter is an identifier, not a PAN
# (an SST registration number reads "W10-1808-32000123").
_PAN_LIKE = re.compile(r"(?<![A-Za-z0-9])\d(?:[ -]?\d){12,}")
_LAST4 = re.compile(r"\d{4}")
_BRAND = re.compile(r"[A-Za-z][A-Za-z .&-]{0,23}")
_AUTH_CODE = re.compile(r"[A-Za-z0-9]{0,12}")
_PROVIDER_REF = re.compile(r"[A-Za-z0-9_]{0,255}")


@dataclass(frozen=True)
class Refund:
    """One refund as the receipt lists it: when, how much (minor units), why (in the driver's language)."""

    at: datetime
    amount_minor: int
    reason: str = ""


@dataclass(frozen=True)
class ReceiptDocument:
    """Everything one receipt prints. Refunds are listed one by one; `refunded_minor` is their sum.

    Amounts are integers in the currency's minor unit. `subtotal_minor` is the sum of the cost lines
    (a line may be negative, e.g. a cap at the maximum charge). With tax added on top
    (`tax_inclusive` False) the total is subtotal + tax; with prices that include the tax, the total
    equals the subtotal and `tax_minor` is the share of it that is tax. `authorised_minor` is the
    card hold or the prepaid amount; 0 when the method has no separate hold (it is then not printed).
    """

    receipt_no: str
    issued_at: datetime
    timezone: str
    language: str
    operator_name: str
    operator_registration: str
    operator_address: str
    tax_registration: str
    tax_rate_text: str
    station_id: str
    station_name: str
    connector_label: str
    session_reference: str
    started_at: datetime
    stopped_at: datetime
    energy_Wh: int
    meter_start_Wh: int | None
    meter_stop_Wh: int | None
    tariff_lines: tuple[str, ...]
    cost_lines: tuple[tuple[str, int], ...]
    subtotal_minor: int
    tax_minor: int
    total_minor: int
    currency: str
    payment_method: str
    card_brand: str | None
    card_last4: str | None
    authorised_minor: int
    captured_minor: int
    refunds: tuple[Refund, ...]
    provider_reference: str
    tax_inclusive: bool = False
    authorisation_code: str = ""
    helpline: str = ""

    @property
    def refunded_minor(self) -> int:
        return sum(refund.amount_minor for refund in self.refunds)

    @property
    def paid_minor(self) -> int:
        """What the driver is out of pocket: captured less refunded."""
        return self.captured_minor - self.refunded_minor

    def __post_init__(self) -> None:
        self._check_texts()
        self._check_times()
        self._check_energy()
        self._check_amounts()
        self._check_payment()

    def _check_texts(self) -> None:
        if not self.receipt_no or not re.fullmatch(r"[A-Za-z0-9-]{1,40}", self.receipt_no):
            raise ValueError(f"receipt_no must be 1-40 letters, digits or hyphens, got {self.receipt_no!r}")
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, got {self.language!r}")
        if not self.operator_name.strip():
            raise ValueError("operator_name is required")
        if self.tax_rate_text and not self.tax_registration:
            raise ValueError("tax_rate_text without tax_registration: only a registered operator charges SST")
        if len(self.tariff_lines) > MAX_LINES or len(self.cost_lines) > MAX_LINES:
            raise ValueError(f"at most {MAX_LINES} tariff lines and {MAX_LINES} cost lines")
        if len(self.operator_address.splitlines()) > 6:
            raise ValueError("operator_address has more than 6 lines")
        fields = {
            "operator_name": self.operator_name,
            "operator_registration": self.operator_registration,
            "operator_address": self.operator_address,
            "tax_registration": self.tax_registration,
            "tax_rate_text": self.tax_rate_text,
            "station_id": self.station_id,
            "station_name": self.station_name,
            "connector_label": self.connector_label,
            "session_reference": self.session_reference,
            "helpline": self.helpline,
        }
        fields.update({f"tariff_lines[{i}]": line for i, line in enumerate(self.tariff_lines)})
        fields.update({f"cost_lines[{i}]": line for i, (line, _) in enumerate(self.cost_lines)})
        fields.update({f"refunds[{i}].reason": r.reason for i, r in enumerate(self.refunds)})
        for name, value in fields.items():
            if not isinstance(value, str):
                raise TypeError(f"{name} must be a str")
            limit = MAX_TEXT * 2 if name == "operator_address" else MAX_TEXT
            if len(value) > limit:
                raise ValueError(f"{name} is longer than {limit} characters")
            if _PAN_LIKE.search(value):
                raise ValueError(f"{name} holds a run of 13 or more digits, like a card number")

    def _check_times(self) -> None:
        for name in ("issued_at", "started_at", "stopped_at"):
            moment: datetime = getattr(self, name)
            if moment.tzinfo is None or moment.utcoffset() is None:
                raise ValueError(f"{name} must be an aware datetime")
        if self.stopped_at < self.started_at:
            raise ValueError("stopped_at is before started_at")
        for refund in self.refunds:
            if refund.at.tzinfo is None or refund.at.utcoffset() is None:
                raise ValueError("a refund's time must be an aware datetime")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown timezone {self.timezone!r}") from None

    def _check_energy(self) -> None:
        _non_negative("energy_Wh", self.energy_Wh)
        if (self.meter_start_Wh is None) != (self.meter_stop_Wh is None):
            raise ValueError("meter_start_Wh and meter_stop_Wh are given together or not at all")
        if self.meter_start_Wh is not None and self.meter_stop_Wh is not None:
            _non_negative("meter_start_Wh", self.meter_start_Wh)
            _non_negative("meter_stop_Wh", self.meter_stop_Wh)
            if self.meter_stop_Wh < self.meter_start_Wh:
                raise ValueError("meter_stop_Wh is below meter_start_Wh")

    def _check_amounts(self) -> None:
        minor_digits(self.currency)  # ValueError for an unknown currency
        for name in ("subtotal_minor", "tax_minor", "total_minor"):
            _non_negative(name, getattr(self, name))
        for _, amount in self.cost_lines:
            _integer("a cost line's amount", amount)
        if sum(amount for _, amount in self.cost_lines) != self.subtotal_minor:
            raise ValueError("subtotal_minor is not the sum of the cost lines")
        if self.tax_minor and not self.tax_registration:
            raise ValueError("tax_minor without tax_registration: only a registered operator charges SST")
        expected = self.subtotal_minor if self.tax_inclusive else self.subtotal_minor + self.tax_minor
        if self.total_minor != expected:
            raise ValueError(f"total_minor {self.total_minor} does not add up (expected {expected})")
        if self.tax_inclusive and self.tax_minor > self.total_minor:
            raise ValueError("included tax exceeds the total")

    def _check_payment(self) -> None:
        if self.payment_method not in PAYMENT_METHODS:
            raise ValueError(f"payment_method must be one of {PAYMENT_METHODS}, got {self.payment_method!r}")
        if self.payment_method not in CARD_METHODS and (self.card_brand or self.card_last4):
            raise ValueError(f"{self.payment_method} is not a card payment: no card brand or last 4")
        if self.card_last4 is not None and not _LAST4.fullmatch(self.card_last4):
            raise ValueError("card_last4 must be exactly 4 digits")
        if self.card_brand is not None and not _BRAND.fullmatch(self.card_brand):
            raise ValueError("card_brand must be a brand name (letters, up to 24 characters)")
        if not _AUTH_CODE.fullmatch(self.authorisation_code):
            raise ValueError("authorisation_code must be up to 12 letters or digits")
        # A provider's id ("pi_3Mtw...") is random base62 after its prefix and may hold a long run of
        # digits by chance; only a reference that is nothing but digits could be a card number.
        if not _PROVIDER_REF.fullmatch(self.provider_reference) or _PAN_LIKE.fullmatch(
            self.provider_reference
        ):
            raise ValueError("provider_reference must be the provider's id (letters, digits, underscores)")
        for name in ("authorised_minor", "captured_minor"):
            _non_negative(name, getattr(self, name))
        if len(self.refunds) > MAX_REFUNDS:
            raise ValueError(f"at most {MAX_REFUNDS} refunds")
        for refund in self.refunds:
            _non_negative("a refund's amount", refund.amount_minor)
        # A hold caps the capture; without a hold (0) there is nothing to compare against.
        if self.authorised_minor and self.captured_minor > self.authorised_minor:
            raise ValueError("captured_minor exceeds authorised_minor")
        if self.refunded_minor > self.captured_minor:
            raise ValueError("refunds exceed captured_minor")


def _integer(name: str, value: object) -> None:
    # bool is an int subclass; True sen is a bug, not an amount.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int")


def _non_negative(name: str, value: object) -> None:
    _integer(name, value)
    assert isinstance(value, int)
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")
