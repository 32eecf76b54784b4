"""The sessions screens' words: payment methods, session and refund states, refund reasons, the operator
facade's refusal codes (docs/admin.md "Sessions"), local times, and a typed amount read exactly."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.admin import OperationError, PermissionDeniedError

CONTEXT = "SessionTexts"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def method_text(method: str | None) -> str:
    """How the session was paid (app.admin SESSION_METHODS); None: any."""
    texts = {
        None: _t("Any payment"),
        "rfid": _t("RFID card"),
        "card_present": _t("Card at the terminal"),
        "card": _t("Card by QR"),
        "fpx": _t("FPX"),
        "grabpay": _t("GrabPay"),
    }
    return texts.get(method, method or "")


def state_text(state: str | None) -> str:
    """A session's state (app.sessions states), or a state filter (open, running, ended)."""
    texts = {
        None: _t("Any state"),
        "open": _t("Open"),
        "running": _t("Charging"),
        "authorised": _t("Authorised"),
        "waiting_for_plug": _t("Waiting for the car"),
        "charging": _t("Charging"),
        "suspended_ev": _t("Paused by the car"),
        "suspended_evse": _t("Paused by the station"),
        "finishing": _t("Stopping"),
        "interrupted": _t("Charger not answering"),
        "ended": _t("Ended"),
    }
    return texts.get(state, state or "")


def payment_state_text(state: str) -> str:
    texts = {
        "authorised": _t("Held"),
        "captured": _t("Paid"),
        "cancelled": _t("Released"),
        "expired": _t("Expired"),
        "failed": _t("Failed"),
    }
    return texts.get(state, _t("In progress"))


def refund_state_text(state: str) -> str:
    """A refund's state (app.db REFUND_STATES): requested is one the provider has not answered yet."""
    texts = {
        "succeeded": _t("Refunded"),
        "pending": _t("Refund pending at the bank"),
        "requested": _t("Refund not confirmed yet: the station will try again"),
        "failed": _t("Refund failed"),
    }
    return texts.get(state, state)


def reason_text(reason: str) -> str:
    """The provider's refund reasons (app.admin REFUND_REASONS)."""
    texts = {
        "requested_by_customer": _t("Customer asked"),
        "duplicate": _t("Charged twice"),
        "fraudulent": _t("Fraud"),
    }
    return texts.get(reason, reason)


def error_text(error: BaseException) -> str:
    """What an operation's refusal means to the person at the screen."""
    if isinstance(error, PermissionDeniedError):
        if error.role is None:
            return _t("You are signed out. Please sign in again.")
        return _t("Your role may not do this.")
    code = error.code if isinstance(error, OperationError) else ""
    texts = {
        "refund_above_capture": _t("That is more than what is left to refund."),
        "nothing_to_refund": _t("Everything paid was refunded already."),
        "not_captured": _t("The payment was not taken, so there is nothing to refund."),
        "not_paid": _t("This session was not paid at the station."),
        "payments_unavailable": _t("This station takes no payments."),
        "bad_amount": _t("Please type an amount above zero."),
        "unknown_session": _t("This session is not in the records."),
        "no_receipt": _t("This session has no receipt."),
    }
    return texts.get(code, _t("That did not work. Please try again."))


def local_time(at: datetime | None, zone: str, locale: QLocale, *, seconds: bool = False) -> str:
    """A ledger time (UTC) in the station's time zone: the date in the language's short form and the
    24-hour time."""
    if at is None:
        return "–"
    moment = at.astimezone(ZoneInfo(zone))
    day = locale.toString(QDate(moment.year, moment.month, moment.day), QLocale.FormatType.ShortFormat)
    clock = moment.strftime("%H:%M:%S" if seconds else "%H:%M")
    return f"{day} {clock}"


def clock_time(at: datetime, zone: str) -> str:
    return at.astimezone(ZoneInfo(zone)).strftime("%H:%M:%S")


def parse_amount(text: str, digits: int) -> int | None:
    """A typed amount ("4.5") in minor units (450); None when it is not one (more decimals than the
    currency has, or nothing typed). Exact: never through a binary float."""
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    scaled = value.scaleb(digits)
    if not value.is_finite() or scaled != scaled.to_integral_value():
        return None
    return int(scaled)


def amount_text(amount_minor: int, digits: int) -> str:
    """Minor units as the keypad shows them ("4.50"): no symbol, no grouping."""
    if digits == 0:
        return str(amount_minor)
    whole, part = divmod(amount_minor, 10**digits)
    return f"{whole}.{part:0{digits}d}"
