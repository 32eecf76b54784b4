"""Pay by card at the terminal, end to end: the real Stripe SDK against the fake Stripe, the driver
facade on the simulator; amounts compared on the provider, in the ledger and in the summary."""

from __future__ import annotations

import asyncio

import pytest
from paid_station import call_rows, paid_station, payment_rows, receipt_rows
from sessions_support import session_row, wait_until

from app.driver import PaymentUnavailableError

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
pytest_plugins = ["stripe_fixtures"]


async def pay_and_wait(facade, events, fake, reader_id, number=None):
    """Pay by card, present the card when the terminal waits, and return the final update."""
    payment_id = await facade.pay_by_card()

    def statuses():
        return [e.status for e in events.of("payment_update") if e.payment_id == payment_id]

    await wait_until(lambda: "waiting" in statuses(), 10, "the kiosk told to ask for the card")
    assert statuses()[:2] == ["preparing", "waiting"]
    assert reader_id in fake.waiting_readers()
    fake.present_card(reader_id, number)
    await wait_until(
        lambda: any(
            e.payment_id == payment_id and e.status not in ("preparing", "waiting")
            for e in events.of("payment_update")
        ),
        10,
        "the payment decided",
    )
    return [e for e in events.of("payment_update") if e.payment_id == payment_id][-1]


def test_card_hold_charge_capture_and_receipt(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_station(sim, tmp_path, fake_stripe) as (runtime, facade, _service, reader_id, events):
            offer = facade.payment_offer()
            assert (offer.card, offer.qr, offer.hold_minor, offer.topups_minor) == (
                True,
                True,
                2000,
                (500, 1000, 2000),
            )
            await sim.ctl.call("plug", charger=0)
            await wait_until(lambda: facade.connectors()[0].vehicle_present, 10, "car plugged")
            update = await pay_and_wait(facade, events, fake_stripe, reader_id)
            assert (update.status, update.id_tag) == ("authorised", "PAID")
            assert "CP00/1" in update.ready_connectors
            [payment] = payment_rows(runtime.engine)
            assert (payment.state, payment.amount_authorised_minor) == ("authorised", 2000)
            assert (payment.card_brand, payment.card_last4) == ("visa", "4242")
            assert payment.capture_before is not None and payment.session_id is None
            # The terminal showed the hold as a cart line.
            display = [r for r in fake_stripe.records if r.path.endswith("/set_reader_display")]
            assert display and display[0].params["cart"]["total"] == "2000"
            session_id = await facade.start_session("CP00/1", "PAID", language="ms")
            assert payment_rows(runtime.engine)[0].session_id == session_id
            await wait_until(lambda: facade.connectors()[0].energy_Wh > 300, 30, "some energy")
            assert facade.paid_session(session_id).limit_minor == 2000
            await facade.stop_session("CP00/1")
            await wait_until(lambda: payment_rows(runtime.engine)[0].state == "captured", 10, "captured")
            row = session_row(runtime.engine, session_id)
            [payment] = payment_rows(runtime.engine)
            intent = fake_stripe.store.intents[payment.provider_payment_id]
            assert row.cost_total_minor > 0
            # The same sen everywhere: the session's cost, the ledger's capture, the provider's.
            assert payment.amount_captured_minor == row.cost_total_minor == intent["amount_received"]
            assert intent["status"] == "succeeded" and intent["amount_capturable"] == 0
            assert payment.amount_due_minor == row.cost_total_minor
            # Every call was written first with its key, and the provider saw exactly those keys.
            calls = call_rows(runtime.engine, payment.id)
            assert [c.operation for c in calls] == ["create_intent", "process", "capture"]
            assert all(c.state == "succeeded" for c in calls)
            sent = {r.idempotency_key for r in fake_stripe.records if r.method == "POST"}
            assert {c.idempotency_key for c in calls} <= sent
            await wait_until(lambda: receipt_rows(runtime.engine), 10, "the receipt issued")
            [receipt] = receipt_rows(runtime.engine)
            assert (receipt.receipt_no, receipt.session_id, receipt.total_minor) == (
                "KL-07-R000001", session_id, row.cost_total_minor,
            )  # fmt: skip
            assert receipt.language == "ms" and receipt.document["card_last4"] == "4242"
            summary = facade.summary(session_id, "en")
            assert summary.payment.captured_minor == row.cost_total_minor
            assert summary.payment.card_text == "Visa \u2022\u2022\u2022\u2022 4242"
            assert summary.payment.receipt_no == "KL-07-R000001"
            assert summary.payment.receipt_url.endswith(f"/r/{receipt.token}")

    asyncio.run(scenario())


def test_declines_say_why_and_nothing_is_held(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_station(sim, tmp_path, fake_stripe) as (runtime, facade, _service, reader_id, events):
            for number, reason in (
                ("4000000000009995", "insufficient_funds"),
                ("4000000000000069", "expired_card"),
                ("4000000000000002", "do_not_honor"),
            ):
                update = await pay_and_wait(facade, events, fake_stripe, reader_id, number)
                assert (update.status, update.reason) == ("declined", reason)
            rows = payment_rows(runtime.engine)
            assert [r.state for r in rows] == ["failed"] * 3
            assert [r.failure_code for r in rows] == ["insufficient_funds", "expired_card", "do_not_honor"]
            assert all(fake_stripe.store.intents[r.provider_payment_id]["status"] == "canceled" for r in rows)
            # Try again: the next card is approved.
            update = await pay_and_wait(facade, events, fake_stripe, reader_id)
            assert update.status == "authorised"

    asyncio.run(scenario())


def test_cancel_and_timeout_release_everything(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_station(sim, tmp_path, fake_stripe, card_timeout_s=20.0) as (
            runtime, facade, _service, reader_id, events,
        ):  # fmt: skip
            payment_id = await facade.pay_by_card()
            await wait_until(lambda: reader_id in fake_stripe.waiting_readers(), 10, "terminal waiting")
            with pytest.raises(PaymentUnavailableError) as busy:
                await facade.pay_by_card()  # the one terminal is taking the first card
            assert busy.value.reason == "reader_busy"
            await facade.cancel_payment(payment_id)
            # The driver may pay again once the kiosk is told the payment was cancelled (the row is
            # written just before the terminal is let go).
            await wait_until(
                lambda: any(
                    e.payment_id == payment_id and e.status == "cancelled"
                    for e in events.of("payment_update")
                ),
                10,
                "the kiosk told",
            )
            assert payment_rows(runtime.engine)[0].state == "cancelled"
            intent = fake_stripe.store.intents[payment_rows(runtime.engine)[0].provider_payment_id]
            assert intent["status"] == "canceled"
            assert fake_stripe.store.readers[reader_id]["action"]["status"] == "failed"  # cancel_action
            # Authorised, but the driver walks away before choosing: the hold is released.
            update = await pay_and_wait(facade, events, fake_stripe, reader_id)
            assert update.status == "authorised"
            facade.cancel_authorisation()
            await wait_until(lambda: payment_rows(runtime.engine)[1].state == "cancelled", 10, "released")
            assert (
                fake_stripe.store.intents[payment_rows(runtime.engine)[1].provider_payment_id]["status"]
                == "canceled"
            )

    asyncio.run(scenario())
