"""The fake Stripe's objects and what each call does to them: PaymentIntents with their Charge, Terminal
readers, Checkout Sessions and Refunds, shaped like Stripe's (stripe-openapi-subset.json).

Stripe's test card numbers decide a card presented at a simulated reader or used on a page:
4242 4242 4242 4242 approves, ...9995 insufficient funds, ...0069 expired card, ...0002 a generic
decline (Stripe's "Testing" page). Amounts are integers in minor units, as in the API.
"""

from __future__ import annotations

import itertools
import re
import secrets
import time
from typing import Any

APPROVED = "4242424242424242"
DECLINES = {
    "4000000000009995": ("card_declined", "insufficient_funds", "Your card has insufficient funds."),
    "4000000000000069": ("expired_card", "expired_card", "Your card has expired."),
    "4000000000000002": ("card_declined", "do_not_honor", "Your card was declined."),
}
CAPTURE_WINDOW_S = 2 * 86400  # card-present holds: two days for most networks
PENDING_REFUND_S = 2.0  # FPX and GrabPay refunds are asynchronous


class StripeError(Exception):
    """An API error: HTTP status and Stripe's error object."""

    def __init__(
        self, status: int, code: str, message: str, *, kind: str = "invalid_request_error", **extra: Any
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": {"type": kind, "code": code, "message": message, **extra}}


def _new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"


def _int(value: Any, name: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise StripeError(400, "parameter_invalid_integer", f"Invalid integer: {value}", param=name) from None


class Store:
    """Every object the fake knows; not thread-safe by itself (the server holds its lock)."""

    def __init__(self, base_url: str = "") -> None:
        self.base_url = base_url
        self.intents: dict[str, dict[str, Any]] = {}
        self.charges: dict[str, dict[str, Any]] = {}
        self.readers: dict[str, dict[str, Any]] = {}
        self.checkouts: dict[str, dict[str, Any]] = {}
        self.refunds: dict[str, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []
        self.incremental_supported = True  # what simulated card-present charges say
        self._seq = itertools.count(1)

    # -- payment intents ------------------------------------------------------------------------------

    def create_intent(self, p: dict[str, Any]) -> dict[str, Any]:
        amount = _int(p["amount"], "amount")
        if amount < 1:
            raise StripeError(
                400,
                "parameter_invalid_integer",
                "This value must be greater than or equal to 1.",
                param="amount",
            )
        intent = {
            "id": _new_id("pi"),
            "object": "payment_intent",
            "amount": amount,
            "amount_capturable": 0,
            "amount_received": 0,
            "capture_method": p.get("capture_method", "automatic"),
            "cancellation_reason": None,
            "canceled_at": None,
            "client_secret": None,
            "created": int(time.time()),
            "currency": str(p["currency"]).lower(),
            "description": p.get("description"),
            "last_payment_error": None,
            "latest_charge": None,
            "livemode": False,
            "metadata": dict(p.get("metadata") or {}),
            "payment_method": None,
            "payment_method_types": list(p.get("payment_method_types") or ["card"]),
            "status": "requires_payment_method",
        }
        intent["client_secret"] = f"{intent['id']}_secret_{secrets.token_hex(8)}"
        self.intents[intent["id"]] = intent
        self._event("payment_intent.created", intent)
        return intent

    def intent(self, intent_id: str, expand: list[str] | None = None) -> dict[str, Any]:
        intent = self.intents.get(intent_id)
        if intent is None:
            raise StripeError(
                404, "resource_missing", f"No such payment_intent: '{intent_id}'", param="intent"
            )
        if expand and "latest_charge" in expand and intent["latest_charge"]:
            return {**intent, "latest_charge": self.charges[intent["latest_charge"]]}
        return intent

    def pay_intent(
        self, intent: dict[str, Any], method: str, number: str | None
    ) -> tuple[str, str, str] | None:
        """A payment method used on the intent: the decline (code, decline code, message) or None."""
        number = number or APPROVED
        if number in DECLINES:
            code, decline, message = DECLINES[number]
            intent["last_payment_error"] = {
                "type": "card_error",
                "code": code,
                "decline_code": decline,
                "message": message,
            }
            intent["status"] = "requires_payment_method"
            self._event("payment_intent.payment_failed", intent)
            return code, decline, message
        manual = intent["capture_method"] == "manual" and method in ("card_present", "card")
        details: dict[str, Any] = {"type": method}
        if method in ("card_present", "card"):
            card: dict[str, Any] = {
                "brand": "visa",
                "last4": number[-4:],
                "exp_month": 12,
                "exp_year": 2030,
                "funding": "credit",
            }
            if method == "card_present":
                card.update(
                    capture_before=int(time.time()) + CAPTURE_WINDOW_S,
                    incremental_authorization_supported=self.incremental_supported,
                    read_method="contactless_emv",
                    receipt={
                        "application_preferred_name": "VISA CREDIT",
                        "authorization_code": "123456",
                        "dedicated_file_name": "A0000000031010",
                        "account_type": "credit",
                    },
                )
            details[method] = card
        else:
            details[method] = {"bank": "maybank2u"} if method == "fpx" else {}
        charge = {
            "id": _new_id("ch"),
            "object": "charge",
            "amount": intent["amount"],
            "amount_captured": 0 if manual else intent["amount"],
            "amount_refunded": 0,
            "captured": not manual,
            "created": int(time.time()),
            "currency": intent["currency"],
            "livemode": False,
            "metadata": {},
            "paid": True,
            "payment_intent": intent["id"],
            "payment_method_details": details,
            "refunded": False,
            "status": "succeeded",
        }
        self.charges[charge["id"]] = charge
        intent.update(latest_charge=charge["id"], last_payment_error=None, payment_method=_new_id("pm"))
        if manual:
            intent.update(status="requires_capture", amount_capturable=intent["amount"])
            self._event("payment_intent.amount_capturable_updated", intent)
        else:
            intent.update(status="succeeded", amount_received=intent["amount"])
            self._event("payment_intent.succeeded", intent)
        return None

    def capture(self, intent_id: str, p: dict[str, Any]) -> dict[str, Any]:
        intent = self.intent(intent_id)
        if intent["status"] != "requires_capture":
            raise StripeError(
                400,
                "payment_intent_unexpected_state",
                f"This PaymentIntent could not be captured because it has a status of {intent['status']}.",
            )
        amount = _int(p.get("amount_to_capture", intent["amount_capturable"]), "amount_to_capture")
        if amount > intent["amount_capturable"] or amount < 1:
            raise StripeError(
                400,
                "amount_too_large",
                "The amount to capture is more than the amount capturable.",
                param="amount_to_capture",
            )
        charge = self.charges[intent["latest_charge"]]
        charge.update(amount_captured=amount, captured=True, amount_refunded=charge["amount"] - amount)
        intent.update(status="succeeded", amount_received=amount, amount_capturable=0)
        self._event("payment_intent.succeeded", intent)
        return intent

    def cancel(self, intent_id: str, p: dict[str, Any]) -> dict[str, Any]:
        intent = self.intent(intent_id)
        if intent["status"] in ("succeeded", "canceled"):
            raise StripeError(
                400,
                "payment_intent_unexpected_state",
                f"You cannot cancel this PaymentIntent because it has a status of {intent['status']}.",
            )
        intent.update(
            status="canceled",
            amount_capturable=0,
            canceled_at=int(time.time()),
            cancellation_reason=p.get("cancellation_reason"),
        )
        self._event("payment_intent.canceled", intent)
        return intent

    def increment(self, intent_id: str, p: dict[str, Any]) -> dict[str, Any]:
        intent = self.intent(intent_id)
        amount = _int(p["amount"], "amount")
        charge = self.charges.get(intent["latest_charge"] or "")
        details = (charge or {}).get("payment_method_details", {}).get("card_present", {})
        if intent["status"] != "requires_capture" or not details.get("incremental_authorization_supported"):
            raise StripeError(
                400,
                "payment_intent_unexpected_state",
                "This PaymentIntent does not support incremental authorization.",
            )
        if amount < intent["amount"]:
            raise StripeError(
                400,
                "parameter_invalid_integer",
                "The new amount must be more than the current amount.",
                param="amount",
            )
        intent.update(amount=amount, amount_capturable=amount)
        charge["amount"] = amount  # type: ignore[index]
        return intent

    def search(self, query: str) -> list[dict[str, Any]]:
        match = re.fullmatch(r"metadata\['([^']+)'\]:'([^']*)'", query.strip())
        if match is None:
            raise StripeError(
                400, "parameter_invalid_string", f"Unsupported search query: {query}", param="query"
            )
        key, value = match.groups()
        return [i for i in self.intents.values() if i["metadata"].get(key) == value]

    # -- terminal readers -----------------------------------------------------------------------------

    def register_reader(self, p: dict[str, Any]) -> dict[str, Any]:
        code = p.get("registration_code", "")
        devices = {"simulated-wpe": "bbpos_wisepos_e", "simulated-s700": "stripe_s700"}
        if code not in devices:
            raise StripeError(
                400, "parameter_invalid_string", "Invalid registration code.", param="registration_code"
            )
        reader: dict[str, Any] = {
            "id": _new_id("tmr"),
            "object": "terminal.reader",
            "action": None,
            "device_sw_version": "2.42.0",
            "device_type": devices[code],
            "ip_address": "192.168.2.2",
            "label": p.get("label") or "Simulated reader",
            "livemode": False,
            "location": p.get("location") or "tml_simulated",
            "metadata": dict(p.get("metadata") or {}),
            "serial_number": f"SIM-{next(self._seq):06d}",
            "status": "online",
        }
        self.readers[reader["id"]] = reader
        return reader

    def reader(self, reader_id: str) -> dict[str, Any]:
        reader = self.readers.get(reader_id)
        if reader is None:
            raise StripeError(
                404, "resource_missing", f"No such terminal.reader: '{reader_id}'", param="reader"
            )
        return reader

    def _online(self, reader: dict[str, Any]) -> None:
        if reader["status"] != "online":
            raise StripeError(400, "terminal_reader_offline", "Reader is currently offline.")

    def process(self, reader_id: str, p: dict[str, Any]) -> dict[str, Any]:
        reader = self.reader(reader_id)
        self._online(reader)
        if reader["action"] is not None and reader["action"]["status"] == "in_progress":
            raise StripeError(
                400, "terminal_reader_busy", "Reader is currently busy processing another request."
            )
        intent = self.intent(p["payment_intent"])
        if (
            intent["status"] != "requires_payment_method"
            or "card_present" not in intent["payment_method_types"]
        ):
            raise StripeError(
                400, "payment_intent_unexpected_state", "This PaymentIntent cannot be processed on a reader."
            )
        reader["action"] = {
            "type": "process_payment_intent",
            "status": "in_progress",
            "failure_code": None,
            "failure_message": None,
            "process_payment_intent": {"payment_intent": intent["id"]},
        }
        return reader

    def set_display(self, reader_id: str, p: dict[str, Any]) -> dict[str, Any]:
        reader = self.reader(reader_id)
        self._online(reader)
        if reader["action"] is not None and reader["action"]["status"] == "in_progress":
            raise StripeError(
                400, "terminal_reader_busy", "Reader is currently busy processing another request."
            )
        reader["action"] = {
            "type": "set_reader_display",
            "status": "succeeded",
            "failure_code": None,
            "failure_message": None,
            "set_reader_display": {"cart": p.get("cart"), "type": p.get("type")},
        }
        return reader

    def cancel_action(self, reader_id: str) -> dict[str, Any]:
        reader = self.reader(reader_id)
        self._online(reader)
        action = reader["action"]
        if action is None or action["status"] != "in_progress":
            raise StripeError(
                400, "terminal_reader_action_not_found", "There is no action to cancel on this reader."
            )
        action.update(
            status="failed", failure_code="customer_canceled", failure_message="This action was canceled."
        )
        return reader

    def present(self, reader_id: str, p: dict[str, Any]) -> dict[str, Any]:
        reader = self.reader(reader_id)
        action = reader["action"]
        if action is None or action["status"] != "in_progress" or action["type"] != "process_payment_intent":
            raise StripeError(
                400, "terminal_reader_action_not_found", "The reader has no payment to present a card to."
            )
        number = (p.get("card_present") or {}).get("number")
        intent = self.intent(str(action["process_payment_intent"]["payment_intent"]))
        declined = self.pay_intent(intent, "card_present", number)
        if declined is None:
            action["status"] = "succeeded"
        else:
            # Stripe (API 2026-05-27) also gives the structured error; branch on its code, never the text.
            action.update(
                status="failed",
                failure_code=declined[0],
                failure_message=declined[2],
                api_error={"type": "card_error", "code": declined[0], "decline_code": declined[1]},
            )
        return reader

    # -- checkout sessions ----------------------------------------------------------------------------

    def create_checkout(self, p: dict[str, Any]) -> dict[str, Any]:
        now = int(time.time())
        expires = _int(p.get("expires_at", now + 86400), "expires_at")
        if not now + 1800 <= expires <= now + 86400:
            raise StripeError(
                400,
                "parameter_invalid_integer",
                "The `expires_at` timestamp must be at least 30 minutes and at most 24 hours from now.",
                param="expires_at",
            )
        items = p.get("line_items") or []
        total = sum(
            _int(i["price_data"]["unit_amount"], "unit_amount") * _int(i.get("quantity", 1), "quantity")
            for i in items
        )
        currency = str(items[0]["price_data"]["currency"]) if items else "myr"
        session_id = f"cs_test_{secrets.token_hex(16)}"
        data = p.get("payment_intent_data") or {}
        session = {
            "id": session_id,
            "object": "checkout.session",
            "amount_subtotal": total,
            "amount_total": total,
            "client_reference_id": p.get("client_reference_id"),
            "created": now,
            "currency": currency,
            "expires_at": expires,
            "livemode": False,
            "metadata": dict(p.get("metadata") or {}),
            "mode": p.get("mode"),
            "payment_intent": None,
            "payment_method_types": list(p.get("payment_method_types") or ["card"]),
            "payment_status": "unpaid",
            "status": "open",
            "success_url": p.get("success_url"),
            "url": f"{self.base_url}/pay/{session_id}",
            "_capture_method": data.get("capture_method", "automatic"),
            "_intent_metadata": dict(data.get("metadata") or {}),
        }
        self.checkouts[session_id] = session
        return session

    def checkout(self, session_id: str) -> dict[str, Any]:
        session = self.checkouts.get(session_id)
        if session is None:
            raise StripeError(
                404, "resource_missing", f"No such checkout.session: '{session_id}'", param="session"
            )
        if session["status"] == "open" and time.time() >= session["expires_at"]:
            session["status"] = "expired"
        return session

    def expire_checkout(self, session_id: str) -> dict[str, Any]:
        session = self.checkout(session_id)
        if session["status"] != "open":
            raise StripeError(
                400, "checkout_session_unexpected_state", f"This Checkout Session is {session['status']}."
            )
        session["status"] = "expired"
        return session

    def pay_checkout(
        self, session_id: str, method: str = "card", number: str | None = None
    ) -> dict[str, Any]:
        """The driver pays the page on the phone; a page already expired takes the money anyway (a late
        payment, which the station must give back)."""
        session = self.checkout(session_id)
        if session["payment_intent"] is not None:
            raise StripeError(
                400, "checkout_session_unexpected_state", "This Checkout Session is already paid."
            )
        if method not in session["payment_method_types"]:
            raise StripeError(400, "payment_method_unavailable", f"{method} is not offered on this page.")
        intent = self.create_intent(
            {
                "amount": session["amount_total"],
                "currency": session["currency"],
                "payment_method_types": [method],
                "capture_method": session["_capture_method"] if method == "card" else "automatic",
                "metadata": session["_intent_metadata"],
            }
        )
        declined = self.pay_intent(intent, method, number)
        if declined is not None:
            raise StripeError(402, declined[0], declined[2], kind="card_error", decline_code=declined[1])
        session["payment_intent"] = intent["id"]
        if session["status"] == "open":
            session["status"] = "complete"
        session["payment_status"] = "paid" if intent["status"] == "succeeded" else "unpaid"
        return session

    # -- refunds --------------------------------------------------------------------------------------

    def create_refund(self, p: dict[str, Any]) -> dict[str, Any]:
        intent = self.intent(p["payment_intent"])
        if intent["status"] != "succeeded":
            raise StripeError(400, "charge_not_refundable", "This payment has not been captured.")
        charge = self.charges[intent["latest_charge"]]
        left = charge["amount_captured"] - sum(
            r["amount"]
            for r in self.refunds.values()
            if r["payment_intent"] == intent["id"] and r["status"] != "failed"
        )
        amount = _int(p.get("amount", left), "amount")
        if amount > left or amount < 1:
            raise StripeError(
                400,
                "amount_too_large",
                f"Refund amount ({amount}) is greater than unrefunded amount on charge ({left})",
                param="amount",
            )
        method = charge["payment_method_details"]["type"]
        refund = {
            "id": _new_id("re"),
            "object": "refund",
            "amount": amount,
            "charge": charge["id"],
            "created": int(time.time()),
            "currency": intent["currency"],
            "metadata": dict(p.get("metadata") or {}),
            "payment_intent": intent["id"],
            "reason": p.get("reason"),
            "status": "pending" if method in ("fpx", "grabpay") else "succeeded",
            "_settles_at": time.time() + PENDING_REFUND_S,
        }
        self.refunds[refund["id"]] = refund
        charge["amount_refunded"] += amount
        return refund

    def refund(self, refund_id: str) -> dict[str, Any]:
        refund = self.refunds.get(refund_id)
        if refund is None:
            raise StripeError(404, "resource_missing", f"No such refund: '{refund_id}'", param="refund")
        if refund["status"] == "pending" and time.time() >= refund["_settles_at"]:
            refund["status"] = "succeeded"
        return refund

    def _event(self, kind: str, obj: dict[str, Any]) -> None:
        self.events.append(
            {
                "id": _new_id("evt"),
                "object": "event",
                "type": kind,
                "created": int(time.time()),
                "data": {"object": dict(obj)},
                "livemode": False,
                "api_version": "2023-08-16",
            }
        )


def public(obj: dict[str, Any]) -> dict[str, Any]:
    """The object as the API shows it (the fake's own bookkeeping fields left out)."""
    return {k: v for k, v in obj.items() if not k.startswith("_")}
