"""The operator's actions over HTTPS, signed in with a password (on SQLite and PostgreSQL ledgers):
each is the admin mode's own operation, so it changes the simulated charger and the ledger and leaves
its audit row; a browser's change without its CSRF token, a role below the action, and a token of
too small a scope are refused and change nothing."""

from __future__ import annotations

import asyncio

import pytest
from admin_paid_station import card_session
from firmware_station import firmware_station, vendor_and_packages
from sessions_support import wait_until
from web_station import web_station

from app.db import session_factory, verify_audit_chain

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
pytest_plugins = ["stripe_fixtures", "db_fixtures"]


def actions(station, name):
    return [row for row in station.audit(200) if row["action"] == name]


def test_a_technician_takes_a_connector_out_of_service_and_back(realtime_sim, tmp_path, db_url):
    async def scenario():
        async with (
            web_station(realtime_sim, tmp_path, db_url=db_url) as web,
            web.signed_in("technician") as (http, csrf),
        ):
            me = (await http.get("/api/v1/auth/me")).json()
            assert (me["name"], me["role"], me["via"]) == ("Technician One", "technician", "session")
            path = "/api/v1/connectors/CP01/1/availability"
            # A browser's change without its CSRF token, or from another origin: refused, nothing done.
            assert (await http.post(path, json={"available": False})).status_code == 403
            foreign = {**csrf, "Origin": "https://evil.example"}
            assert (await http.post(path, json={"available": False}, headers=foreign)).status_code == 403
            assert not actions(web.station, "control.set_available")
            answer = await http.post(path, json={"available": False, "reason": "maintenance"}, headers=csrf)
            assert answer.status_code == 200, answer.text
            assert answer.json() == {
                "connector_id": "CP01/1",
                "available": False,
                "outcome": "accepted",
                "reason": "maintenance",
            }
            rows = {c["connector_id"]: c for c in (await http.get("/api/v1/control/connectors")).json()}
            assert rows["CP01/1"]["unavailable"] and rows["CP01/1"]["reason"] == "maintenance"
            public = (await http.get("/api/v1/connectors/CP01/1")).json()
            assert public["state"] == "unavailable" and not public["available"]
            [row] = actions(web.station, "control.set_available")
            assert row["actor"] == "admin:Technician One" and row["target"] == "connector:CP01/1"
            await http.post(path, json={"available": True}, headers=csrf)
            await wait_until(lambda: web.station.driver.connectors()[1].state == "available", 10, "back")
            with session_factory(web.station.runtime.engine)() as db:
                assert verify_audit_chain(db).intact

    asyncio.run(scenario())


def test_a_viewer_reads_but_may_not_act(realtime_sim, tmp_path, db_url):
    async def scenario():
        async with (
            web_station(realtime_sim, tmp_path, db_url=db_url) as web,
            web.signed_in("viewer") as (http, csrf),
        ):
            overview = (await http.get("/api/v1/overview")).json()
            assert [c["charger_id"] for c in overview["chargers"]] == ["CP00", "CP01"]
            assert (await http.get("/api/v1/events", params={"limit": 5})).status_code == 200
            refused = await http.post("/api/v1/chargers/CP00/restart", headers=csrf)
            assert refused.status_code == 403
            assert refused.json()["error"] == {
                "code": "role_needed",
                "message": "Your role may not do this.",
                "details": {"needed": "technician"},
            }
            assert not actions(web.station, "control.restart_charger")

    asyncio.run(scenario())


def test_a_tariff_change_is_checked_applied_and_reverted(realtime_sim, tmp_path, db_url):
    async def scenario():
        async with (
            web_station(realtime_sim, tmp_path, db_url=db_url) as web,
            web.signed_in("operator") as (http, csrf),
        ):
            settings = (await http.get("/api/v1/configuration")).json()["settings"]
            tariff = next(s for s in settings if s["key"] == "tariff")
            bad = {"changes": {"tariff": {**tariff["value"], "energy_price_per_kWh": "-1"}}}
            preview = (await http.post("/api/v1/configuration/preview", json=bad, headers=csrf)).json()
            assert not preview["valid"] and preview["preview"]["errors"]
            refused = await http.post("/api/v1/configuration", json=bad, headers=csrf)
            assert refused.status_code == 422 and refused.json()["error"]["fields"]
            good = {"changes": {"tariff": {**tariff["value"], "energy_price_per_kWh": "1.23"}}}
            preview = (await http.post("/api/v1/configuration/preview", json=good, headers=csrf)).json()
            assert preview["valid"] and any(
                "1.23" in line for line in preview["preview"]["price_lines"]["en"]
            )
            applied = (await http.post("/api/v1/configuration", json=good, headers=csrf)).json()
            price = (await http.get("/api/v1/tariff")).json()
            assert any("1.23" in line for line in price["lines"])
            [entry, *_] = (await http.get("/api/v1/configuration/history")).json()
            assert entry["change_id"] == applied["change_id"] and entry["actor"] == "admin:Operator One"
            revert = f"/api/v1/configuration/history/{applied['change_id']}/revert"
            assert (await http.post(revert, headers=csrf)).status_code == 200
            price = (await http.get("/api/v1/tariff")).json()
            assert not any("1.23" in line for line in price["lines"])

    asyncio.run(scenario())


def test_an_operator_refunds_a_paid_session(realtime_sim, tmp_path, fake_stripe):
    async def scenario():
        async with web_station(realtime_sim, tmp_path, fake_stripe=fake_stripe) as web:
            payment_id, session_id = await card_session(web.station, realtime_sim, fake_stripe, 0)
            async with web.signed_in("operator") as (http, csrf):
                page = (await http.get("/api/v1/sessions", params={"method": "card_present"})).json()
                assert [r["session_id"] for r in page["rows"]] == [session_id]
                detail = (await http.get(f"/api/v1/sessions/{session_id}")).json()
                captured = detail["payments"][-1]["captured_minor"]
                assert captured > 0
                refund = await http.post(
                    f"/api/v1/sessions/{session_id}/refund", json={"amount_minor": 1}, headers=csrf
                )
                assert refund.status_code == 200, refund.text
                assert (
                    fake_stripe.store.refunds
                    and sum(r["amount"] for r in fake_stripe.store.refunds.values()) == 1
                )
                too_much = await http.post(
                    f"/api/v1/sessions/{session_id}/refund", json={"amount_minor": captured}, headers=csrf
                )
                assert too_much.status_code == 409
                pdf = await http.get(f"/api/v1/sessions/{session_id}/receipt.pdf")
                assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
                assert payment_id

    asyncio.run(scenario())


def test_a_signed_package_is_uploaded_and_flashed_an_unsigned_one_refused(realtime_sim, tmp_path):
    vendor, signed, forged = vendor_and_packages(tmp_path)  # forged: signed by a key not trusted

    async def scenario():
        async with (
            web_station(
                realtime_sim, tmp_path, station=firmware_station(realtime_sim, tmp_path, vendor)
            ) as web,
            web.signed_in("technician") as (http, csrf),
        ):
            files = {"package": ("charger.tar.gz", forged.read_bytes(), "application/gzip")}
            refused = (await http.post("/api/v1/firmware/packages", files=files, headers=csrf)).json()
            assert not refused["valid"] and refused["reason"]
            files = {"package": ("../../charger.tar.gz", signed.read_bytes(), "application/gzip")}
            accepted = (await http.post("/api/v1/firmware/packages", files=files, headers=csrf)).json()
            assert accepted["valid"] and accepted["version"] == "9.8.7"
            assert accepted["file_name"] == "charger.tar.gz"  # the client's path is never used
            job = await http.post(
                "/api/v1/chargers/CP01/firmware",
                json={"package_id": accepted["package_id"]},
                headers=csrf,
            )
            assert job.status_code == 202, job.text
            job_id = job.json()["job_id"]

            async def finished():
                return (await http.get(f"/api/v1/firmware/jobs/{job_id}")).json()

            for _ in range(300):
                state = await finished()
                if state["state"] != "running":
                    break
                await asyncio.sleep(0.1)
            assert state["state"] == "done" and state["version"] == "9.8.7", state
            assert actions(web.station, "firmware.update")
            unknown = await http.post(
                "/api/v1/chargers/CP09/firmware",
                json={"package_id": accepted["package_id"]},
                headers=csrf,
            )
            assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "unknown_charger"

    asyncio.run(scenario())
