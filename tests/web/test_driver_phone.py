"""A driver's phone over HTTPS: scan the connector's QR, pay on the checkout page (the real Stripe SDK
against the fake Stripe), the session starts on that connector, the phone follows and stops it with
its own link and gets the receipt; another link reaches nothing."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

import pytest
from paid_station import payment_rows
from sessions_support import wait_until
from sqlalchemy import select
from web_station import web_station

from app.db import PhoneLink, read_only, session_factory

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
pytest_plugins = ["stripe_fixtures"]


def links(engine):
    with session_factory(read_only(engine))() as db:
        return [
            (r.connector_name, r.state, r.session_id, r.secret_hash) for r in db.scalars(select(PhoneLink))
        ]


def test_a_phone_pays_charges_stops_and_gets_its_receipt(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario():
        async with web_station(sim, tmp_path, fake_stripe=fake_stripe) as web, web.client() as http:
            engine = web.station.runtime.engine
            await sim.ctl.call("plug", charger=1)
            await wait_until(lambda: web.station.driver.connectors()[1].vehicle_present, 10, "car plugged")
            answer = await http.post("/api/v1/drive", json={"connector": "CP01/1", "language": "ms"})
            assert answer.status_code == 201, answer.text
            started = answer.json()
            link = urlsplit(started["link"])
            secret = link.path.rsplit("/", 1)[1]
            assert link.path == f"/s/{secret}" and len(secret) == 32
            assert started["amount_minor"] == 2000 and started["currency"] == "MYR"
            # The checkout page sends the phone back to its own link once paid.
            created = next(r for r in fake_stripe.records if r.path == "/v1/checkout/sessions")
            assert created.params["success_url"] == started["link"]
            [(connector, state, session_id, stored)] = links(engine)
            assert (connector, state, session_id) == ("CP01/1", "awaiting_payment", None)
            assert secret not in stored  # only its hash is kept
            waiting = (await http.get(f"/api/v1/drive/{secret}")).json()
            assert waiting["state"] == "awaiting_payment" and waiting["connector_id"] == "CP01/1"

            fake_stripe.pay_checkout(fake_stripe.open_checkouts()[0], "card")
            await wait_until(lambda: links(engine)[0][1] == "started", 15, "session started")
            await wait_until(lambda: web.station.driver.connectors()[1].energy_Wh > 100, 30, "charging")
            charging = (await http.get(f"/api/v1/drive/{secret}")).json()
            assert charging["state"] == "charging" and charging["energy_Wh"] > 100
            assert charging["limit_minor"] == 2000 and charging["cost_lines"]

            # Another session's link, or a made-up one, reaches nothing and changes nothing.
            other = "A" * 32
            assert (await http.get(f"/api/v1/drive/{other}")).json()["error"]["code"] == "link_invalid"
            assert (await http.post(f"/api/v1/drive/{other}/stop")).status_code == 404
            assert web.station.driver.connectors()[1].state == "charging"

            stopped = (await http.post(f"/api/v1/drive/{secret}/stop")).json()
            assert stopped["state"] == "ended" and stopped["reason"] == "Local"
            await wait_until(lambda: payment_rows(engine)[0].state == "captured", 15, "captured")
            ended = (await http.get(f"/api/v1/drive/{secret}")).json()
            assert (
                ended["receipt_url"] and ended["cost_minor"] == payment_rows(engine)[0].amount_captured_minor
            )
            assert any("RM" in line for line in ended["cost_lines"])

    asyncio.run(scenario())


def test_a_phone_cannot_start_on_a_busy_connector_nor_flood_the_provider(realtime_sim, tmp_path, fake_stripe):
    async def scenario():
        async with web_station(realtime_sim, tmp_path, fake_stripe=fake_stripe) as web, web.client() as http:
            unknown = await http.post("/api/v1/drive", json={"connector": "CP09/1"})
            assert unknown.status_code == 409 and unknown.json()["error"]["code"] == "connector_unavailable"
            bad = await http.post("/api/v1/drive", json={"connector": "../../etc"})
            assert bad.status_code == 422 and bad.json()["error"]["fields"][0]["field"] == "connector"
            # Five starts per address in ten minutes, the refused one above included.
            codes = []
            for _ in range(5):
                answer = await http.post("/api/v1/drive", json={"connector": "CP00/1"})
                codes.append(answer.status_code)
            assert codes == [201] * 4 + [429]
            assert int(answer.headers["retry-after"]) > 500
            assert len([r for r in fake_stripe.records if r.path == "/v1/checkout/sessions"]) == 4

    asyncio.run(scenario())
