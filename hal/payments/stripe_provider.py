"""Stripe as a payment provider: Terminal server-driven readers, Checkout Sessions, PaymentIntents, Refunds.

The official `stripe` SDK does the HTTP; this module only maps the station's calls to Stripe's and
Stripe's objects and errors back (payments.md §2-§4; stripe-openapi-subset.json for every field).
Blocking: the payment service calls it on a worker thread. The SDK's own network retries are off:
the service decides when to repeat a call, always with the key it stored first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, cast

import stripe

from hal.payments.base import (
    Capabilities,
    IntentState,
    ProviderCheckout,
    ProviderError,
    ProviderIntent,
    ProviderRefund,
    ReaderAction,
)

log = logging.getLogger(__name__)

# PaymentIntent.status -> the station's view (Stripe API: "PaymentIntent lifecycle").
_INTENT_STATES: dict[str, IntentState] = {
    "requires_payment_method": "pending",
    "requires_confirmation": "pending",
    "requires_action": "pending",
    "processing": "pending",
    "requires_capture": "authorised",
    "succeeded": "succeeded",
    "canceled": "cancelled",
}


def _get(obj: Any, *path: str) -> Any:
    """A nested field of a Stripe object or dict, None when any step is missing."""
    for name in path:
        if obj is None:
            return None
        try:
            obj = obj[name]
        except (KeyError, TypeError, IndexError):
            return None
    return obj


def _time(value: Any) -> datetime | None:
    return datetime.fromtimestamp(int(value), UTC) if isinstance(value, int) else None


class StripeProvider:
    """The station's PaymentProvider on a Stripe account (test or live keys)."""

    name = "stripe"

    def __init__(
        self,
        secret_key: str,
        *,
        api_base: str | None = None,
        timeout_s: float = 15.0,
        incremental_authorisation: bool = False,
        qr_methods: tuple[str, ...] = ("card",),
    ) -> None:
        if not secret_key.startswith(("sk_", "rk_")):
            raise ValueError("the Stripe secret key must start with sk_ or rk_ (a restricted key: rk_)")
        self.test_mode = "_test_" in secret_key
        self.capabilities = Capabilities(
            card_present=True, incremental_authorisation=incremental_authorisation, qr_methods=qr_methods
        )
        self._client = stripe.StripeClient(
            secret_key,
            base_addresses={"api": api_base} if api_base else None,
            max_network_retries=0,
            http_client=stripe.new_default_http_client(timeout=timeout_s),
        )
        self._v1 = self._client.v1

    # -- card present (Terminal, server-driven) -------------------------------------------------------

    def create_card_present(
        self, *, amount_minor: int, currency: str, description: str, metadata: Mapping[str, str], key: str
    ) -> ProviderIntent:
        params: Any = {
            "amount": amount_minor,
            "currency": currency.lower(),
            "payment_method_types": ["card_present"],
            "capture_method": "manual",
            "description": description,
            "metadata": dict(metadata),
        }
        if self.capabilities.incremental_authorisation:
            params["payment_method_options"] = {
                "card_present": {"request_incremental_authorization_support": True}
            }
        return self._intent(
            self._call(lambda: self._v1.payment_intents.create(params, {"idempotency_key": key}))
        )

    def show_hold(self, reader_id: str, *, label: str, amount_minor: int, currency: str, key: str) -> None:
        cart: Any = {
            "currency": currency.lower(),
            "line_items": [{"description": label[:100], "amount": amount_minor, "quantity": 1}],
            "total": amount_minor,
        }
        self._call(
            lambda: self._v1.terminal.readers.set_reader_display(
                reader_id, {"type": "cart", "cart": cart}, {"idempotency_key": key}
            )
        )

    def process_on_reader(self, reader_id: str, intent_id: str, *, key: str) -> ReaderAction:
        reader = self._call(
            lambda: self._v1.terminal.readers.process_payment_intent(
                reader_id, {"payment_intent": intent_id}, {"idempotency_key": key}
            )
        )
        return self._reader(reader)

    def reader_action(self, reader_id: str) -> ReaderAction:
        return self._reader(self._call(lambda: self._v1.terminal.readers.retrieve(reader_id)))

    def cancel_reader_action(self, reader_id: str, *, key: str) -> ReaderAction:
        return self._reader(
            self._call(
                lambda: self._v1.terminal.readers.cancel_action(reader_id, {}, {"idempotency_key": key})
            )
        )

    def present_test_card(self, reader_id: str, card_number: str | None = None) -> ReaderAction:
        if not self.test_mode:
            raise ProviderError("invalid", "a test card can only be presented with test keys")
        params: Any = {"type": "card_present"}
        if card_number:
            params["card_present"] = {"number": card_number}
        return self._reader(
            self._call(
                lambda: self._v1.test_helpers.terminal.readers.present_payment_method(reader_id, params)
            )
        )

    # -- QR: Checkout Sessions ------------------------------------------------------------------------

    def create_checkout(
        self,
        *,
        amount_minor: int,
        currency: str,
        methods: tuple[str, ...],
        hold: bool,
        description: str,
        expires_at: datetime,
        success_url: str,
        metadata: Mapping[str, str],
        key: str,
    ) -> ProviderCheckout:
        params: Any = {
            "mode": "payment",
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": currency.lower(),
                        "unit_amount": amount_minor,
                        "product_data": {"name": description[:250]},
                    },
                }
            ],
            "payment_method_types": list(methods),
            "expires_at": int(expires_at.timestamp()),
            "success_url": success_url,
            "client_reference_id": metadata.get("payment_ref", ""),
            "metadata": dict(metadata),
            "payment_intent_data": {
                "capture_method": "manual" if hold else "automatic",
                "metadata": dict(metadata),
            },
        }
        return self._checkout(
            self._call(lambda: self._v1.checkout.sessions.create(params, {"idempotency_key": key}))
        )

    def checkout(self, checkout_id: str) -> ProviderCheckout:
        return self._checkout(self._call(lambda: self._v1.checkout.sessions.retrieve(checkout_id)))

    def expire_checkout(self, checkout_id: str, *, key: str) -> ProviderCheckout:
        return self._checkout(
            self._call(lambda: self._v1.checkout.sessions.expire(checkout_id, {}, {"idempotency_key": key}))
        )

    # -- the payment itself ---------------------------------------------------------------------------

    def intent(self, intent_id: str) -> ProviderIntent:
        return self._intent(
            self._call(lambda: self._v1.payment_intents.retrieve(intent_id, {"expand": ["latest_charge"]}))
        )

    def increment(self, intent_id: str, amount_minor: int, *, key: str) -> ProviderIntent:
        self._call(
            lambda: self._v1.payment_intents.increment_authorization(
                intent_id, {"amount": amount_minor}, {"idempotency_key": key}
            )
        )
        return self.intent(intent_id)

    def capture(self, intent_id: str, amount_minor: int, *, key: str) -> ProviderIntent:
        self._call(
            lambda: self._v1.payment_intents.capture(
                intent_id, {"amount_to_capture": amount_minor}, {"idempotency_key": key}
            )
        )
        return self.intent(intent_id)

    def cancel(self, intent_id: str, *, key: str) -> ProviderIntent:
        self._call(
            lambda: self._v1.payment_intents.cancel(
                intent_id, {"cancellation_reason": "abandoned"}, {"idempotency_key": key}
            )
        )
        return self.intent(intent_id)

    def refund(
        self, intent_id: str, amount_minor: int, *, reason: str, metadata: Mapping[str, str], key: str
    ) -> ProviderRefund:
        params: Any = {
            "payment_intent": intent_id,
            "amount": amount_minor,
            "metadata": dict(metadata),
        }
        if reason in ("duplicate", "fraudulent", "requested_by_customer"):
            params["reason"] = reason
        return self._refund(self._call(lambda: self._v1.refunds.create(params, {"idempotency_key": key})))

    def refund_status(self, refund_id: str) -> ProviderRefund:
        return self._refund(self._call(lambda: self._v1.refunds.retrieve(refund_id)))

    # -- recovery -------------------------------------------------------------------------------------

    def find_intents(self, payment_ref: str) -> list[ProviderIntent]:
        # Search is eventually consistent (payments.md §4): recovery uses it only when no id was kept
        # and repeating the create with the stored key could not answer.
        query = f"metadata['payment_ref']:'{payment_ref}'"
        found = self._call(lambda: self._v1.payment_intents.search({"query": query, "limit": 10}))
        return [self._intent(item) for item in _get(found, "data") or []]

    def find_checkouts(self, payment_ref: str) -> list[ProviderCheckout]:
        # Checkout Sessions have no search: the recent ones, filtered by the station's reference.
        listed = self._call(lambda: self._v1.checkout.sessions.list({"limit": 100}))
        return [
            self._checkout(item)
            for item in _get(listed, "data") or []
            if _get(item, "metadata", "payment_ref") == payment_ref
        ]

    # -- mapping --------------------------------------------------------------------------------------

    def _call(self, call: Callable[[], Any]) -> Any:
        """The call's answer as plain dicts and lists (the SDK's objects are not dicts)."""
        try:
            answer = call()
            return answer.to_dict() if hasattr(answer, "to_dict") else answer
        except stripe.CardError as error:
            raise ProviderError("declined", str(error.user_message or error), code=_decline(error)) from error
        except (stripe.APIConnectionError, stripe.RateLimitError) as error:
            raise ProviderError("unavailable", str(error)) from error
        except stripe.APIError as error:  # 5xx, or an answer the SDK could not read
            kind = "malformed" if error.http_status is None or error.http_status < 500 else "unavailable"
            raise ProviderError(kind, str(error)) from error
        except stripe.InvalidRequestError as error:
            code = error.code
            if code in ("terminal_reader_busy", "terminal_reader_timeout"):
                raise ProviderError("reader_busy", str(error), code=code) from error
            if code in ("terminal_reader_offline",):
                raise ProviderError("reader_offline", str(error), code=code) from error
            raise ProviderError("invalid", str(error), code=code) from error
        except stripe.StripeError as error:  # authentication, permission, idempotency conflicts
            raise ProviderError("invalid", str(error), code=error.code) from error
        except (ValueError, KeyError, TypeError) as error:  # a body that is not the JSON it should be
            raise ProviderError("malformed", f"unreadable provider answer: {error}") from error

    def _intent(self, obj: Any) -> ProviderIntent:
        intent_id, status = _get(obj, "id"), _get(obj, "status")
        if not isinstance(intent_id, str) or status not in _INTENT_STATES:
            raise ProviderError("malformed", f"not a payment intent: id={intent_id!r} status={status!r}")
        charge = _get(obj, "latest_charge")
        details = _get(charge, "payment_method_details") if not isinstance(charge, str) else None
        method = _get(details, "type") or next(iter(_get(obj, "payment_method_types") or []), None)
        card = _get(details, "card_present") or _get(details, "card")
        failure = _get(obj, "last_payment_error", "decline_code") or _get(obj, "last_payment_error", "code")
        last4 = _get(card, "last4")
        return ProviderIntent(
            id=intent_id,
            state=_INTENT_STATES[status],
            provider_status=status,
            currency=str(_get(obj, "currency") or "").upper(),
            amount_minor=int(_get(obj, "amount") or 0),
            amount_capturable_minor=int(_get(obj, "amount_capturable") or 0),
            amount_received_minor=int(_get(obj, "amount_received") or 0),
            method=method,
            card_brand=_get(card, "brand"),
            card_last4=last4 if isinstance(last4, str) and len(last4) == 4 and last4.isdigit() else None,
            capture_before=_time(_get(card, "capture_before")),
            incremental_supported=bool(_get(card, "incremental_authorization_supported")),
            failure_code=failure,
            metadata={str(k): str(v) for k, v in (_get(obj, "metadata") or {}).items()},
        )

    def _reader(self, obj: Any) -> ReaderAction:
        reader_id = _get(obj, "id")
        if not isinstance(reader_id, str):
            raise ProviderError("malformed", "not a terminal reader")
        action = _get(obj, "action")
        online = _get(obj, "status") != "offline"
        if action is None:
            return ReaderAction(reader_id, "idle", online=online)
        status = _get(action, "status")
        if status not in ("in_progress", "succeeded", "failed"):
            raise ProviderError("malformed", f"unknown reader action status {status!r}")
        # Branch on the code, never on the message (payments.md §2, reader action failures).
        code = _get(action, "api_error", "decline_code") or _get(action, "api_error", "code")
        return ReaderAction(
            reader_id,
            cast(Any, status),
            intent_id=_get(action, "process_payment_intent", "payment_intent"),
            failure_code=code or _get(action, "failure_code"),
            failure_message=_get(action, "failure_message"),
            online=online,
        )

    def _checkout(self, obj: Any) -> ProviderCheckout:
        checkout_id, status = _get(obj, "id"), _get(obj, "status")
        expires = _time(_get(obj, "expires_at"))
        if (
            not isinstance(checkout_id, str)
            or status not in ("open", "complete", "expired")
            or expires is None
        ):
            raise ProviderError("malformed", f"not a checkout session: id={checkout_id!r} status={status!r}")
        return ProviderCheckout(
            id=checkout_id,
            url=str(_get(obj, "url") or ""),
            status=status,
            paid=status == "complete",
            intent_id=_get(obj, "payment_intent"),
            expires_at=expires,
        )

    def _refund(self, obj: Any) -> ProviderRefund:
        refund_id, status = _get(obj, "id"), _get(obj, "status")
        if not isinstance(refund_id, str) or status not in (
            "pending",
            "succeeded",
            "failed",
            "canceled",
            "requires_action",
        ):
            raise ProviderError("malformed", f"not a refund: id={refund_id!r} status={status!r}")
        return ProviderRefund(
            id=refund_id,
            intent_id=str(_get(obj, "payment_intent") or ""),
            amount_minor=int(_get(obj, "amount") or 0),
            status=status,
        )


def _decline(error: stripe.CardError) -> str:
    """The bank's decline code when Stripe gives one (insufficient_funds, do_not_honor), else its code."""
    body = error.json_body if isinstance(error.json_body, dict) else {}
    detail = body.get("error") or {}
    return str(detail.get("decline_code") or error.code or "card_declined")
