"""When the provider, the terminal or a person gets it wrong: an outage during charging, a capture
whose reply is lost, an unreadable answer, a terminal offline, a refund above the capture. Nothing
is charged twice, nothing is lost, and the driver and the ledger are told."""

from __future__ import annotations

import asyncio

import pytest
from paid_station import call_rows, paid_station, payment_rows, receipt_rows, refund_rows
from sessions_support import session_row, wait_until

from app.payments import RefundRefusedError

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
pytest_plugins = ["stripe_fixtures"]


def statuses(events, payment_id):
    return [e.status for e in events.of("payment_update") if e.payment_id == payment_id]


async def authorised_session(facade, events, fake, reader_id, sim, charger=0):
    """A card hold at the terminal and a session charging under it; (payment id, session id)."""
    payment_id = await facade.pay_by_card()
    await wait_until(lambda: "waiting" in statuses(events, payment_id), 10, "terminal waiting")
    fake.present_card(reader_id)
    await wait_until(lambda: "authorised" in statuses(events, payment_id), 10, "authorised")
    await sim.ctl.call("plug", charger=charger)
    connector = f"CP{charger:02d}/1"
    await wait_until(lambda: facade.connectors()[charger].vehicle_present, 10, "car plugged")
    session_id = await facade.start_session(connector, "PAID")
    await wait_until(lambda: facade.connectors()[charger].energy_Wh > 100, 30, "charging")
    return payment_id, session_id


def applied(fake, suffix):
    return [r for r in fake.records if r.path.endswith(suffix) and r.status == 200 and not r.replay]


def test_an_outage_while_charging_ends_in_one_capture_later(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_station(sim, tmp_path, fake_stripe) as (runtime, facade, service, reader_id, events):
            payment_id, session_id = await authorised_session(facade, events, fake_stripe, reader_id, sim)
            # The provider goes down for every call: charging goes on under the hold already taken.
            fake_stripe.fail(".*", status=503, count=10_000, method="POST")
            fake_stripe.fail(".*", status=503, count=10_000, method="GET")
            energy = facade.connectors()[0].energy_Wh
            await wait_until(lambda: facade.connectors()[0].energy_Wh > energy + 100, 30, "still charging")
            await facade.stop_session("CP00/1")

            # The capture's call row is written before the request goes out and completed after it:
            # wait for the first capture attempt to come back, not merely to start.
            def first_capture():
                rows = [r for r in call_rows(runtime.engine, payment_id) if r.operation == "capture"]
                return rows[0] if rows and rows[0].state != "started" else None

            await wait_until(first_capture, 10, "capture tried")
            assert payment_rows(runtime.engine)[0].state == "capturing"
            assert first_capture().state == "unknown"
            assert service.provider_down_since is not None
            offer = facade.payment_offer()  # new drivers are told, before anything is held
            assert (offer.card, offer.card_reason, offer.qr_reason) == (
                False,
                "provider_down",
                "provider_down",
            )
            fake_stripe.failures.clear()  # the provider is back: the retries capture
            await wait_until(lambda: payment_rows(runtime.engine)[0].state == "captured", 30, "captured")
            cost = session_row(runtime.engine, session_id).cost_total_minor
            assert payment_rows(runtime.engine)[0].amount_captured_minor == cost
            assert len(applied(fake_stripe, "/capture")) == 1
            await wait_until(lambda: receipt_rows(runtime.engine), 10, "receipt")
            assert facade.payment_offer().card

    asyncio.run(scenario())


def test_a_lost_capture_reply_is_not_a_second_capture(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_station(sim, tmp_path, fake_stripe) as (runtime, facade, _service, reader_id, events):
            payment_id, session_id = await authorised_session(facade, events, fake_stripe, reader_id, sim)
            fake_stripe.fail("/capture$", "lose_reply")  # applied at the provider, the answer never arrives
            await facade.stop_session("CP00/1")
            await wait_until(lambda: payment_rows(runtime.engine)[0].state == "captured", 30, "captured")
            cost = session_row(runtime.engine, session_id).cost_total_minor
            [payment] = payment_rows(runtime.engine)
            assert payment.amount_captured_minor == cost
            assert len([r for r in fake_stripe.records if r.path.endswith("/capture")]) == 1
            capture_calls = [c for c in call_rows(runtime.engine, payment_id) if c.operation == "capture"]
            assert [c.state for c in capture_calls] == ["unknown"]  # the retry found it done, no 2nd call

    asyncio.run(scenario())


def test_unreadable_answer_and_offline_terminal_hold_nothing(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_station(sim, tmp_path, fake_stripe) as (runtime, facade, _service, reader_id, events):
            fake_stripe.fail("^/v1/payment_intents$", "malformed")  # created, but the answer is garbage
            first = await facade.pay_by_card()
            await wait_until(lambda: statuses(events, first)[-1:] == ["unavailable"], 10, "told")
            await wait_until(lambda: payment_rows(runtime.engine)[0].state == "failed", 10, "closed")
            # The intent the garbled answer hid was found again (same key) and cancelled.
            [intent] = fake_stripe.store.intents.values()
            assert intent["status"] == "canceled"
            assert payment_rows(runtime.engine)[0].provider_payment_id == intent["id"]
            fake_stripe.set_reader_online(reader_id, False)
            second = await facade.pay_by_card()
            await wait_until(lambda: statuses(events, second)[-1:] == ["unavailable"], 10, "told")
            assert [e.reason for e in events.of("payment_update") if e.payment_id == second][
                -1
            ] == "reader_offline"
            assert all(i["status"] != "requires_capture" for i in fake_stripe.store.intents.values())

    asyncio.run(scenario())


def test_refunds_partial_full_and_too_much(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_station(sim, tmp_path, fake_stripe) as (runtime, facade, service, reader_id, events):
            payment_id, _session = await authorised_session(facade, events, fake_stripe, reader_id, sim)
            await facade.stop_session("CP00/1")
            await wait_until(lambda: payment_rows(runtime.engine)[0].state == "captured", 15, "captured")
            captured = payment_rows(runtime.engine)[0].amount_captured_minor
            with pytest.raises(RefundRefusedError):
                await service.refund(
                    payment_id, captured + 1, reason="requested_by_customer", note="", requested_by="ops:aina"
                )
            part = await service.refund(
                payment_id, 50, reason="requested_by_customer", note="slow charging", requested_by="ops:aina"
            )
            assert (part.state, part.amount_minor, part.requested_by, part.note) == (
                "succeeded",
                50,
                "ops:aina",
                "slow charging",
            )
            rest = await service.refund(
                payment_id, None, reason="duplicate", note="", requested_by="ops:aina"
            )
            assert rest.amount_minor == captured - 50
            with pytest.raises(RefundRefusedError):
                await service.refund(payment_id, 1, reason="duplicate", note="", requested_by="ops:aina")
            assert payment_rows(runtime.engine)[0].amount_refunded_minor == captured
            at_provider = sorted(r["amount"] for r in fake_stripe.store.refunds.values())
            assert at_provider == sorted([50, captured - 50])
            assert {r.provider_refund_id for r in refund_rows(runtime.engine)} == set(
                fake_stripe.store.refunds
            )

    asyncio.run(scenario())
