"""The sessions screens' words: payment methods, session and refund states, refund reasons, the operator
facade's refusal codes (docs/admin.md "Sessions"), local times, and a typed amount read exactly."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.admin import OperationError, PermissionDeniedError


def method_text(method: str | None) -> str:
    """How the session was paid (app.admin SESSION_METHODS); None: any."""
    texts = {
        None: QCoreApplication.translate("SessionTexts", "Any payment"),
        "rfid": QCoreApplication.translate("SessionTexts", "RFID card"),
        "card_present": QCoreApplication.translate("SessionTexts", "Card at the terminal"),
        "card": QCoreApplication.translate("SessionTexts", "Card by QR"),
        "fpx": QCoreApplication.translate("SessionTexts", "FPX"),
        "grabpay": QCoreApplication.translate("SessionTexts", "GrabPay"),
    }
    return texts.get(method, method or "")


def state_text(state: str | None) -> str:
    """A session's state (app.sessions states), or a state filter (open, running, ended)."""
    texts = {
        None: QCoreApplication.translate("SessionTexts", "Any state"),
        "open": QCoreApplication.translate("SessionTexts", "Open"),
        "running": QCoreApplication.translate("SessionTexts", "Charging"),
        "authorised": QCoreApplication.translate("SessionTexts", "Authorised"),
        "waiting_for_plug": QCoreApplication.translate("SessionTexts", "Waiting for the car"),
        "charging": QCoreApplication.translate("SessionTexts", "Charging"),
        "suspended_ev": QCoreApplication.translate("SessionTexts", "Paused by the car"),
        "suspended_evse": QCoreApplication.translate("SessionTexts", "Paused by the station"),
        "finishing": QCoreApplication.translate("SessionTexts", "Stopping"),
        "interrupted": QCoreApplication.translate("SessionTexts", "Charger not answering"),
        "ended": QCoreApplication.translate("SessionTexts", "Ended"),
    }
    return texts.get(state, state or "")


def payment_state_text(state: str) -> str:
    texts = {
        "authorised": QCoreApplication.translate("SessionTexts", "Held"),
        "captured": QCoreApplication.translate("SessionTexts", "Paid"),
        "cancelled": QCoreApplication.translate("SessionTexts", "Released"),
        "expired": QCoreApplication.translate("SessionTexts", "Expired"),
        "failed": QCoreApplication.translate("SessionTexts", "Failed"),
    }
    return texts.get(state, QCoreApplication.translate("SessionTexts", "In progress"))


def refund_state_text(state: str) -> str:
    """A refund's state (app.db REFUND_STATES): requested is one the provider has not answered yet."""
    texts = {
        "succeeded": QCoreApplication.translate("SessionTexts", "Refunded"),
        "pending": QCoreApplication.translate("SessionTexts", "Refund pending at the bank"),
        "requested": QCoreApplication.translate(
            "SessionTexts", "Refund not confirmed yet: the station will try again"
        ),
        "failed": QCoreApplication.translate("SessionTexts", "Refund failed"),
    }
    return texts.get(state, state)


def reason_text(reason: str) -> str:
    """The provider's refund reasons (app.admin REFUND_REASONS)."""
    texts = {
        "requested_by_customer": QCoreApplication.translate("SessionTexts", "Customer asked"),
        "duplicate": QCoreApplication.translate("SessionTexts", "Charged twice"),
        "fraudulent": QCoreApplication.translate("SessionTexts", "Fraud"),
    }
    return texts.get(reason, reason)


def error_text(error: BaseException) -> str:
    """What an operation's refusal means to the person at the screen."""
    if isinstance(error, PermissionDeniedError):
        if error.role is None:
            return QCoreApplication.translate("SessionTexts", "You are signed out. Please sign in again.")
        return QCoreApplication.translate("SessionTexts", "Your role may not do this.")
    code = error.code if isinstance(error, OperationError) else ""
    texts = {
        "refund_above_capture": QCoreApplication.translate(
            "SessionTexts", "That is more than what is left to refund."
        ),
        "nothing_to_refund": QCoreApplication.translate(
            "SessionTexts", "Everything paid was refunded already."
        ),
        "not_captured": QCoreApplication.translate(
            "SessionTexts", "The payment was not taken, so there is nothing to refund."
        ),
        "not_paid": QCoreApplication.translate("SessionTexts", "This session was not paid at the station."),
        "payments_unavailable": QCoreApplication.translate("SessionTexts", "This station takes no payments."),
        "bad_amount": QCoreApplication.translate("SessionTexts", "Please type an amount above zero."),
        "unknown_session": QCoreApplication.translate("SessionTexts", "This session is not in the records."),
        "no_receipt": QCoreApplication.translate("SessionTexts", "This session has no receipt."),
    }
    return texts.get(code, QCoreApplication.translate("SessionTexts", "That did not work. Please try again."))


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
