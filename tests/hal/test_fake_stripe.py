"""The fake Stripe through the real SDK: it refuses what Stripe refuses (checked against Stripe's API
description), replays idempotent requests, and fails on purpose the ways the station must survive."""

from __future__ import annotations

import json
import time
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest
import stripe

from hal.payments import ProviderError
from hal.payments.stripe_provider import StripeProvider

pytest_plugins = ["stripe_fixtures"]


def api(fake, retries: int = 0):
    return stripe.StripeClient("sk_test_x", base_addresses={"api": fake.url}, max_network_retries=retries).v1


def intent_params(**extra):
    return {
        "amount": 5000,
        "currency": "myr",
        "payment_method_types": ["card_present"],
        "capture_method": "manual",
        **extra,
    }


def test_what_stripe_refuses_is_refused_with_stripes_codes(fake_stripe):
    v1 = api(fake_stripe)
    cases = [
        (intent_params(colour="red"), "parameter_unknown", "colour"),
        (intent_params(payment_method_options={"card_present": {"bogus": "1"}}), "parameter_unknown",
         "payment_method_options[card_present][bogus]"),
        ({"currency": "myr"}, "parameter_missing", "amount"),
        (intent_params(amount="12.5"), "parameter_invalid_integer", "amount"),
        (intent_params(capture_method="later"), "parameter_invalid_string", "capture_method"),
    ]  # fmt: skip
    for params, code, param in cases:
        with pytest.raises(stripe.InvalidRequestError) as refused:
            v1.payment_intents.create(params)
        assert (refused.value.code, refused.value.param, refused.value.http_status) == (code, param, 400)
    assert [reason.split()[0] for _, reason in fake_stripe.rejections] == [c[1] for c in cases]
    fake_stripe.rejections.clear()  # expected here: the fixture fails a test that leaves any


def test_an_idempotent_request_is_answered_once(fake_stripe):
    v1 = api(fake_stripe)
    first = v1.payment_intents.create(intent_params(), {"idempotency_key": "pay_1:create_intent:1"})
    again = v1.payment_intents.create(intent_params(), {"idempotency_key": "pay_1:create_intent:1"})
    assert first.id == again.id and len(fake_stripe.store.intents) == 1
    with pytest.raises(stripe.IdempotencyError):
        v1.payment_intents.create(intent_params(amount=6000), {"idempotency_key": "pay_1:create_intent:1"})


def test_injected_failures_reach_the_station_as_the_right_kind(fake_stripe):
    provider = StripeProvider("sk_test_x", api_base=fake_stripe.url, timeout_s=1.0)
    meta = {"payment_ref": "pay_f"}

    def create(key):
        return provider.create_card_present(
            amount_minor=100, currency="MYR", description="t", metadata=meta, key=key
        )

    fake_stripe.fail("^/v1/payment_intents$", status=503, should_retry=False)
    with pytest.raises(ProviderError) as down:
        create("k1")
    assert down.value.kind == "unavailable" and down.value.retryable
    assert fake_stripe.store.intents == {}  # a 5xx that never applied
    fake_stripe.fail("^/v1/payment_intents$", "lose_reply")
    with pytest.raises(ProviderError) as lost:
        create("k2")
    assert lost.value.kind == "unavailable" and len(fake_stripe.store.intents) == 1  # applied, answer lost
    assert create("k2").id in fake_stripe.store.intents and len(fake_stripe.store.intents) == 1  # replay
    fake_stripe.fail("^/v1/payment_intents$", "malformed")
    with pytest.raises(ProviderError) as garbled:
        create("k3")
    assert garbled.value.kind == "malformed"
    fake_stripe.fail("^/v1/payment_intents$", "hang", seconds=2.0)
    started = time.monotonic()
    with pytest.raises(ProviderError) as slow:
        create("k4")
    assert slow.value.kind == "unavailable" and time.monotonic() - started < 1.9


def test_readers_pages_and_refunds_behave_like_stripes(fake_stripe):
    provider = StripeProvider("sk_test_x", api_base=fake_stripe.url)
    reader = fake_stripe.register_reader()
    intent = provider.create_card_present(
        amount_minor=2000, currency="MYR", description="t", metadata={}, key="a"
    )
    assert provider.process_on_reader(reader, intent.id, key="b").status == "in_progress"
    with pytest.raises(ProviderError) as busy:
        other = provider.create_card_present(
            amount_minor=2000, currency="MYR", description="t", metadata={}, key="c"
        )
        provider.process_on_reader(reader, other.id, key="d")
    assert busy.value.kind == "reader_busy"
    fake_stripe.present_card(reader, "4000000000009995")
    action = provider.reader_action(reader)
    assert (action.status, action.failure_code) == ("failed", "insufficient_funds")
    fake_stripe.set_reader_online(reader, False)
    with pytest.raises(ProviderError) as offline:
        provider.process_on_reader(reader, intent.id, key="e")
    assert offline.value.kind == "reader_offline"
    # A page paid through the control endpoint, as the demo's button does it.
    page = provider.create_checkout(
        amount_minor=1000, currency="MYR", methods=("fpx",), hold=False, description="t",
        expires_at=datetime.now(UTC) + timedelta(minutes=40),
        success_url="https://example.invalid/", metadata={"payment_ref": "pay_q"}, key="f",
    )  # fmt: skip
    request = urllib.request.Request(
        f"{fake_stripe.url}/_fake/pay/{page.id}", data=b"method=fpx", method="POST"
    )
    assert json.loads(urllib.request.urlopen(request, timeout=5).read())["status"] == "complete"
    paid = provider.checkout(page.id)
    assert paid.status == "complete" and provider.intent(paid.intent_id).state == "succeeded"
    refund = provider.refund(paid.intent_id, 400, reason="requested_by_customer", metadata={}, key="g")
    assert refund.status == "pending"  # FPX refunds are asynchronous
    with pytest.raises(ProviderError) as too_much:
        provider.refund(paid.intent_id, 601, reason="requested_by_customer", metadata={}, key="h")
    assert (too_much.value.kind, too_much.value.code) == ("invalid", "amount_too_large")
    assert [i.id for i in provider.find_intents("pay_q")] == [paid.intent_id]
    assert [c.id for c in provider.find_checkouts("pay_q")] == [page.id]


def test_a_request_cut_off_before_its_body_is_not_applied(fake_stripe):
    # A station killed between the headers and the body of its request: the server got no request, as
    # a real HTTP server would, so nothing is created, recorded or refused.
    import socket
    from urllib.parse import urlsplit

    where = urlsplit(fake_stripe.url)
    body = b"amount=5000&currency=myr&payment_method_types[0]=card_present"
    with socket.create_connection((where.hostname, where.port)) as sock:
        sock.sendall(
            b"POST /v1/payment_intents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk_test_x\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body[:10]
        )
        sock.shutdown(socket.SHUT_WR)
        assert sock.recv(1024) == b""  # closed without an answer
    assert not fake_stripe.store.intents and fake_stripe.rejections == []
    assert not [r for r in fake_stripe.records if r.path == "/v1/payment_intents"]
