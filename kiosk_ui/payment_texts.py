"""Driver-facing words of payments several screens share: why a payment was not taken or is not offered,
amounts in the tariff's language, and an e-mail address shown masked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from kiosk_ui.screen import KioskEnv


def money(env: KioskEnv, amount_minor: int, currency: str) -> str:
    """An amount as the price lines write it ("RM 50.00"), in the language of the tariff texts."""
    return env.facade.format_money(amount_minor, currency, env.tariff_language)


def unavailable_text(reason: str | None) -> str:
    """Why a way to pay is not offered now or could not start (app/driver/payment_views.py
    UNAVAILABLE_REASONS, the terminal's reader_busy)."""
    texts = {
        "provider_down": QCoreApplication.translate(
            "PaymentTexts", "Card and phone payments are not working at the moment."
        ),
        "reader_offline": QCoreApplication.translate("PaymentTexts", "The card terminal is not working."),
        "reader_busy": QCoreApplication.translate(
            "PaymentTexts", "The card terminal is busy. Please try again in a moment."
        ),
        "no_connector": QCoreApplication.translate(
            "Texts", "Every connector is in use. Please wait until one is free."
        ),
        "not_configured": QCoreApplication.translate("PaymentTexts", "This way to pay is not offered here."),
    }
    return texts.get(
        reason or "", QCoreApplication.translate("PaymentTexts", "Payment is not possible at the moment.")
    )


def decline_text(reason: str | None) -> str:
    """What a bank's decline code means for the driver (the provider's codes; every other one is a plain
    "declined", as the card's bank gives no more to the station)."""
    texts = {
        "insufficient_funds": QCoreApplication.translate(
            "PaymentTexts", "Your bank declined the payment: not enough funds."
        ),
        "expired_card": QCoreApplication.translate("PaymentTexts", "This card has expired."),
        "card_declined": QCoreApplication.translate("PaymentTexts", "Your bank declined the payment."),
        "incorrect_pin": QCoreApplication.translate("PaymentTexts", "The PIN was not correct."),
    }
    return texts.get(
        reason or "", QCoreApplication.translate("PaymentTexts", "Your bank declined the payment.")
    )


def result_text(status: str, reason: str | None) -> tuple[str, str]:
    """A payment that did not go through: its title and the reason, for the result screen."""
    if status == "declined":
        return QCoreApplication.translate("PaymentTexts", "Payment declined"), decline_text(reason)
    if status == "cancelled":
        return QCoreApplication.translate("PaymentTexts", "Payment cancelled"), QCoreApplication.translate(
            "PaymentTexts", "Nothing was charged."
        )
    if status == "expired":
        return QCoreApplication.translate("PaymentTexts", "Time ran out"), QCoreApplication.translate(
            "PaymentTexts", "The payment was not completed in time. Nothing was charged."
        )
    if status == "unavailable":
        return QCoreApplication.translate("PaymentTexts", "Payment not possible"), unavailable_text(reason)
    return QCoreApplication.translate("PaymentTexts", "Payment failed"), QCoreApplication.translate(
        "PaymentTexts", "Something went wrong. Nothing was charged."
    )


def email_error_text(reason: str | None) -> str:
    """Why a receipt could not be e-mailed (app/driver ReceiptEmailError.reason)."""
    if reason == "invalid":
        return QCoreApplication.translate("PaymentTexts", "This is not a valid e-mail address.")
    if reason == "not_configured":
        return QCoreApplication.translate(
            "PaymentTexts", "Receipts cannot be e-mailed from this station. Scan the code instead."
        )
    return QCoreApplication.translate(
        "PaymentTexts", "The receipt could not be sent. Please scan the code instead."
    )


def masked_address(address: str) -> str:
    """An address shown back to the driver with all but its first letter hidden ("a***@example.com"):
    the screen is public and the next driver should not read it."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"
