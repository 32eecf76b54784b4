"""The hold as a limit: raised by incremental authorisation where the card allows, otherwise the
session stopped before it with the driver told; nothing delivered means the hold is cancelled, not a
zero capture; a bad payment configuration is refused with the key named."""

from __future__ import annotations

import asyncio

import pytest
from paid_station import call_rows, paid_station, payment_rows
from sessions_support import session_row, wait_until
from test_payment_failures import statuses

from app.config import ConfigError, parse_config

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
pytest_plugins = ["stripe_fixtures"]


async def held(facade, events, fake, reader_id):
    payment_id = await facade.pay_by_card()
    await wait_until(lambda: "waiting" in statuses(events, payment_id), 10, "terminal waiting")
    fake.present_card(reader_id)
    await wait_until(lambda: "authorised" in statuses(events, payment_id), 10, "authorised")
    return payment_id


def test_a_hold_near_its_limit_is_raised_where_the_card_allows(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        # RM 1.50 holds: the session fee with tax (RM 1.08) is already 72 %; 80 % comes in seconds.
        async with paid_station(
            sim, tmp_path, fake_stripe, hold="1.50", stop_margin="0.05", incremental_authorisation=True
        ) as (runtime, facade, service, reader_id, events):
            service.provider.capabilities = type(service.provider.capabilities)(
                incremental_authorisation=True
            )
            payment_id = await held(facade, events, fake_stripe, reader_id)
            await sim.ctl.call("plug", charger=0)
            await wait_until(lambda: facade.connectors()[0].vehicle_present, 10, "car plugged")
            session_id = await facade.start_session("CP00/1", "PAID")
            await wait_until(
                lambda: payment_rows(runtime.engine)[0].amount_authorised_minor == 300, 60, "raised"
            )
            intent = fake_stripe.store.intents[payment_rows(runtime.engine)[0].provider_payment_id]
            assert (intent["amount"], intent["amount_capturable"]) == (300, 300)
            assert [c.operation for c in call_rows(runtime.engine, payment_id)].count("increment") >= 1
            # Charging goes on past the first hold, under the raised one.
            await wait_until(
                lambda: (facade.connectors()[0].cost_minor or 0) > 160, 60, "past the first hold"
            )
            await facade.stop_session("CP00/1")
            await wait_until(lambda: payment_rows(runtime.engine)[0].state == "captured", 15, "captured")
            cost = session_row(runtime.engine, session_id).cost_total_minor
            assert cost > 150 and payment_rows(runtime.engine)[0].amount_captured_minor == cost

    asyncio.run(scenario())


def test_without_increments_the_session_stops_before_the_hold(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_station(sim, tmp_path, fake_stripe, hold="1.50", stop_margin="0.05") as (
            runtime, facade, _service, reader_id, events,
        ):  # fmt: skip
            await held(facade, events, fake_stripe, reader_id)
            await sim.ctl.call("plug", charger=0)
            await wait_until(lambda: facade.connectors()[0].vehicle_present, 10, "car plugged")
            session_id = await facade.start_session("CP00/1", "PAID")
            await wait_until(
                lambda: session_row(runtime.engine, session_id).ended_at is not None, 90, "stopped"
            )
            warned = events.of("payment_limit")
            assert [w.stopping for w in warned][:1] == [False] and warned[-1].stopping  # told, then stopped
            await wait_until(lambda: payment_rows(runtime.engine)[0].state == "captured", 15, "captured")
            cost = session_row(runtime.engine, session_id).cost_total_minor
            [payment] = payment_rows(runtime.engine)
            assert 140 <= cost <= 150 and payment.amount_captured_minor == cost == payment.amount_due_minor
            assert "increment" not in [c.operation for c in call_rows(runtime.engine, payment.id)]

    asyncio.run(scenario())


def test_nothing_delivered_cancels_the_hold(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_station(sim, tmp_path, fake_stripe) as (runtime, facade, _service, reader_id, events):
            payment_id = await held(facade, events, fake_stripe, reader_id)
            session_id = await facade.start_session("CP01/1", "PAID")  # the driver never plugs in
            await facade.stop_session("CP01/1")
            await wait_until(lambda: payment_rows(runtime.engine)[0].state == "cancelled", 15, "released")
            assert session_row(runtime.engine, session_id).energy_Wh == 0
            intent = fake_stripe.store.intents[payment_rows(runtime.engine)[0].provider_payment_id]
            assert intent["status"] == "canceled" and intent["amount_received"] == 0
            assert "capture" not in [c.operation for c in call_rows(runtime.engine, payment_id)]
            # The kiosk hears of it just after the ledger has it (the event follows the commit).
            await wait_until(lambda: "settled" in statuses(events, payment_id), 10, "the driver told")

    asyncio.run(scenario())


@pytest.mark.parametrize(
    ("payments", "named"),
    [
        ({"hold": "50.001"}, "payments: hold: 50.001 has more than 2 decimal places"),
        ({"hold": "0"}, "payments: hold: must be more than zero"),
        ({"provider": "paypal"}, "payments.provider: 'paypal' is not valid"),
        ({"topups": ["10", "-5"]}, "payments: topups: -5 must be more than zero"),
        ({"terminals": [{"reader_id": "tmr_1"}, {"reader_id": "tmr_1"}]}, "reader tmr_1 is listed twice"),
        ({"qr_methods": ["touchngo"]}, "payments.qr_methods[0]: 'touchngo' is not valid"),
        ({"receipts": {"base_url": "ftp://x"}}, "payments.receipts.base_url"),
        ({"secret_key": "sk_live_x"}, "payments: unknown key(s) secret_key"),  # keys never in the file
    ],
)
def test_a_bad_payment_configuration_names_its_key(payments, named):
    with pytest.raises(ConfigError) as refused:
        parse_config({"payments": payments})
    assert named in str(refused.value)
