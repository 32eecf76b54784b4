"""Pay by phone: a checkout page per session, a card held or a top-up prepaid (FPX, GrabPay), the
limit, the unused credit refunded, a late payment given back; the real SDK against the fake Stripe."""

from __future__ import annotations

import asyncio

import pytest
from paid_station import paid_station, payment_rows, receipt_rows, refund_rows
from sessions_support import session_row, wait_until

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
pytest_plugins = ["stripe_fixtures"]


def last_status(events, payment_id):
    found = [e for e in events.of("payment_update") if e.payment_id == payment_id]
    return found[-1].status if found else None


def test_phone_card_hold_is_captured_for_the_cost(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_station(sim, tmp_path, fake_stripe) as (runtime, facade, _service, _reader, events):
            page = await facade.pay_by_qr()
            assert (page.amount_minor, page.prepaid, page.currency) == (2000, False, "MYR")
            created = next(r for r in fake_stripe.records if r.path == "/v1/checkout/sessions")
            assert created.params["payment_method_types"] == ["card"]
            assert created.params["payment_intent_data"]["capture_method"] == "manual"
            assert page.url.endswith(created.params and fake_stripe.open_checkouts()[0])
            fake_stripe.pay_checkout(fake_stripe.open_checkouts()[0], "card")
            await wait_until(lambda: last_status(events, page.payment_id) == "authorised", 10, "held")
            await sim.ctl.call("plug", charger=1)
            await wait_until(lambda: facade.connectors()[1].vehicle_present, 10, "car plugged")
            session_id = await facade.start_session("CP01/1", "PAID")
            await wait_until(lambda: facade.connectors()[1].energy_Wh > 200, 30, "some energy")
            await sim.ctl.call("unplug", charger=1)
            await wait_until(lambda: receipt_rows(runtime.engine), 15, "captured and receipted")
            [payment] = payment_rows(runtime.engine)
            cost = session_row(runtime.engine, session_id).cost_total_minor
            intent = fake_stripe.store.intents[payment.provider_payment_id]
            assert (payment.method, payment.kind, payment.state) == ("card", "hold", "captured")
            assert payment.amount_captured_minor == cost == intent["amount_received"] > 0

    asyncio.run(scenario())


def test_prepaid_top_up_stops_at_the_credit_and_refunds_the_rest(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        # A small top-up (the session fee with tax is RM 1.08) so that the car reaches it within seconds.
        async with paid_station(sim, tmp_path, fake_stripe, topups=("1.50", "10.00"), stop_margin="0.05") as (
            runtime,
            facade,
            _service,
            _reader,
            events,
        ):
            page = await facade.pay_by_qr(150)
            assert (page.amount_minor, page.prepaid) == (150, True)
            created = next(r for r in fake_stripe.records if r.path == "/v1/checkout/sessions")
            assert created.params["payment_method_types"] == ["fpx", "grabpay"]
            fake_stripe.pay_checkout(fake_stripe.open_checkouts()[0], "fpx")
            await wait_until(lambda: last_status(events, page.payment_id) == "authorised", 10, "paid")
            [payment] = payment_rows(runtime.engine)
            assert (payment.method, payment.amount_captured_minor) == ("fpx", 150)
            await sim.ctl.call("plug", charger=0)
            await wait_until(lambda: facade.connectors()[0].vehicle_present, 10, "car plugged")
            session_id = await facade.start_session("CP00/1", "PAID")
            # The station stops the session just below the prepaid credit, and tells the driver.
            await wait_until(
                lambda: session_row(runtime.engine, session_id).ended_at is not None, 90, "stopped"
            )
            limits = events.of("payment_limit")
            assert limits and limits[-1].stopping and limits[-1].limit_minor == 150
            assert session_row(runtime.engine, session_id).stop_reason == "Other"
            await wait_until(lambda: receipt_rows(runtime.engine), 15, "settled")
            cost = session_row(runtime.engine, session_id).cost_total_minor
            [payment] = payment_rows(runtime.engine)
            assert 150 - 5 - 10 <= cost <= 150 and payment.state == "captured"
            [refund] = refund_rows(runtime.engine)
            assert (refund.amount_minor, refund.requested_by) == (150 - cost, "station")
            # FPX refunds are asynchronous: pending at first, then polled until they succeed.
            await wait_until(
                lambda: refund_rows(runtime.engine)[0].state == "succeeded", 30, "the refund confirmed"
            )
            assert payment_rows(runtime.engine)[0].amount_refunded_minor == 150 - cost
            assert fake_stripe.store.refunds[refund.provider_refund_id]["amount"] == 150 - cost

    asyncio.run(scenario())


def test_a_page_left_alone_expires_and_a_late_payment_is_given_back(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_station(sim, tmp_path, fake_stripe) as (runtime, facade, _service, _reader, events):
            page = await facade.pay_by_qr(1000)
            checkout = fake_stripe.open_checkouts()[0]
            await facade.cancel_payment(page.payment_id)  # the driver walks away
            await wait_until(lambda: last_status(events, page.payment_id) == "cancelled", 10, "expired")
            assert fake_stripe.store.checkouts[checkout]["status"] == "expired"
            # The phone pays anyway, a moment later: no session may start, the money goes back.
            fake_stripe.pay_checkout(checkout, "grabpay")
            await wait_until(lambda: refund_rows(runtime.engine), 30, "the late payment refunded")
            [payment] = payment_rows(runtime.engine)
            assert (payment.state, payment.alarm, payment.session_id) == ("cancelled", "late_payment", None)
            [refund] = refund_rows(runtime.engine)
            assert refund.amount_minor == 1000
            assert not any(e.status == "authorised" for e in events.of("payment_update"))

    asyncio.run(scenario())
