"""localstripe as a second, independent Stripe peer: what it supports, through the real SDK.

It serves PaymentIntents with manual capture, partial capture, cancel and refunds (test-peers.md);
Terminal, Checkout, increments and search are the project's own fake's (test_fake_stripe.py).
"""

from __future__ import annotations

import warnings
from typing import Any

import stripe

# The fixtures live in tests/support, imported by bare name like the other helpers.
pytest_plugins = ["localstripe_server"]


def client(peer: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return stripe.StripeClient("sk_test_x", base_addresses={"api": peer.url}, max_network_retries=0).v1


def held(api: Any, amount: int = 5000) -> Any:
    intent = api.payment_intents.create(
        {
            "amount": amount,
            "currency": "myr",
            "capture_method": "manual",
            "payment_method_types": ["card"],
            "payment_method": "pm_card_visa",
            "metadata": {"session_id": "S1"},
        }
    )
    assert intent.status == "requires_confirmation"
    return api.payment_intents.confirm(intent.id)


def test_manual_capture_partial_then_refund(localstripe: Any) -> None:
    api = client(localstripe)
    intent = held(api)
    assert intent.status == "requires_capture"
    intent = api.payment_intents.capture(intent.id, {"amount_to_capture": 3000})
    assert intent.status == "succeeded"
    # localstripe embeds the charge and refunds the uncaptured rest on it.
    charge = intent.to_dict()["latest_charge"]
    assert charge["amount_refunded"] == 2000
    refund = api.refunds.create({"payment_intent": intent.id, "amount": 1000})
    assert (refund.status, refund.amount) == ("succeeded", 1000)
    assert api.payment_intents.retrieve(intent.id).metadata["session_id"] == "S1"


def test_cancel_a_hold(localstripe: Any) -> None:
    api = client(localstripe)
    intent = held(api)
    assert api.payment_intents.cancel(intent.id).status == "canceled"
    assert api.payment_intents.retrieve(intent.id).status == "canceled"


def test_the_store_is_cleared_between_tests(localstripe: Any) -> None:
    assert client(localstripe).payment_intents.list().data == []


def test_the_station_provider_captures_cancels_and_refunds_on_localstripe(localstripe: Any) -> None:
    """The station's Stripe provider (hal/payments/stripe_provider.py) against an independent server:
    the capture and the refunds the settlement makes, and a released hold, mapped back the same way."""
    from hal.payments.stripe_provider import StripeProvider

    provider = StripeProvider("sk_test_x", api_base=localstripe.url)
    api = client(localstripe)
    first = held(api, 2000)
    seen = provider.intent(first.id)
    assert (seen.state, seen.amount_minor, seen.currency) == ("authorised", 2000, "MYR")
    captured = provider.capture(first.id, 1234, key="pay_ls:capture:1")
    assert (captured.state, captured.provider_status) == ("succeeded", "succeeded")
    # localstripe refuses a refund's `reason` (a quirk of it, test-peers.md): none is sent.
    refund = provider.refund(first.id, 234, reason="", metadata={"payment_ref": "pay_ls"}, key="k1")
    assert (refund.status, refund.amount_minor, refund.intent_id) == ("succeeded", 234, first.id)
    assert provider.refund_status(refund.id).status == "succeeded"
    second = held(api, 2000)
    api.payment_intents.cancel(
        second.id
    )  # localstripe refuses `cancellation_reason`, which the provider sends
    assert provider.intent(second.id).state == "cancelled"
