"""Real-browser tests of the dashboard's refund and firmware update, checked at Stripe, ledger, simulator."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from admin_paid_station import card_session
from firmware_station import firmware_station, vendor_and_packages
from sessions_support import wait_until
from sqlalchemy import select
from test_pages_browser import (
    PASSWORD,
    Watch,
    browser_on,
    catalogue,
    give_web_password,
    new_page,
    settled,
    shoot,
    shots_dir,
)
from web_station import WebStation, web_station

from app.admin.firmware import key_id
from app.db import Payment, Refund, session_factory

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
pytest_plugins = ["stripe_fixtures"]

ENGLISH = catalogue("en")
CHARGER, CHARGER_INDEX = "CP01", 1  # the simulated charger the firmware test flashes


async def signed_in_page(browser: Any, web: WebStation, role: str, size: str, watch: Watch) -> Any:
    """A page signed in through the sign-in form as the role's account."""
    name = await give_web_password(web, role)
    page = await new_page(browser, web, size, watch)
    await page.goto("/admin/login")
    await page.fill("#name", name)
    await page.fill("#password", PASSWORD)
    await page.click("#sign-in button[type=submit]")
    await page.wait_for_url(re.compile(r"/admin/$"))
    return page


async def text_of(locator: Any) -> str:
    """An element's words as a reader sees them (Intl's no-break spaces as spaces)."""
    return " ".join((await locator.text_content() or "").split())


def ledger(web: WebStation, session_id: int) -> tuple[Payment, list[Refund]]:
    """The session's payment and its refunds, as the ledger holds them."""
    with session_factory(web.station.runtime.engine)() as db:
        payment = db.scalars(select(Payment).where(Payment.session_id == session_id)).one()
        refunds = list(db.scalars(select(Refund).where(Refund.payment_id == payment.id)))
        db.expunge_all()
        return payment, refunds


def test_an_operator_refunds_part_of_a_paid_session_from_the_dashboard(realtime_sim, tmp_path, fake_stripe):
    async def scenario():
        async with (
            web_station(realtime_sim, tmp_path, fake_stripe=fake_stripe) as web,
            browser_on(web) as browser,
        ):
            _, session_id = await card_session(web.station, realtime_sim, fake_stripe, 0)
            await wait_until(lambda: ledger(web, session_id)[0].state == "captured", 20, "captured")
            payment, _ = ledger(web, session_id)
            captured = payment.amount_captured_minor
            assert captured >= 2, captured  # room for a partial refund
            part = captured // 2
            shots = shots_dir(tmp_path)
            watch = Watch(web)
            page = await signed_in_page(browser, web, "operator", "desktop", watch)
            sent: list[Any] = []
            page.on("request", lambda r: r.url.endswith(f"/sessions/{session_id}/refund") and sent.append(r))

            # From the list to the session's detail.
            await page.goto("/admin/#/sessions")
            await settled(page)
            first_cell = page.locator("td:first-child", has_text=re.compile(rf"^{session_id}$"))
            await page.locator("tr.clickable", has=first_cell).click()
            await page.wait_for_url(re.compile(rf"#/sessions/{session_id}$"))
            form = page.locator("form.refund")
            await form.wait_for()
            amount = form.locator('input[name="amount"]')
            refund_button = form.get_by_role("button", name=ENGLISH["sessions.refund"])

            # A malformed amount is the page's own refusal: nothing asked of the station or of Stripe.
            await amount.fill("abc")
            await refund_button.click()
            error = form.locator(".note.error")
            await error.wait_for()
            assert await text_of(error) == ENGLISH["sessions.refund_amount_bad"]
            assert await page.locator("dialog").count() == 0
            assert not sent and not fake_stripe.store.refunds
            assert ledger(web, session_id)[1] == []
            assert not web.station.audit("sessions.refund")

            # Half the capture back, with a reason and a note, after the confirmation dialog.
            shown = f"{part // 100}.{part % 100:02d}"
            await amount.fill(shown)
            await form.locator('select[name="reason"]').select_option("duplicate")
            await form.locator('input[name="note"]').fill("charged twice at the terminal")
            await shoot(page, shots, "admin-refund-desktop-en")
            await refund_button.click()
            dialog = page.locator("dialog")
            assert shown in await text_of(dialog) and str(session_id) in await text_of(dialog)
            await dialog.get_by_role("button", name=ENGLISH["sessions.refund"]).click()
            # The detail is drawn again with the outcome beside the payment and its new figures.
            done = page.locator(".payment .note.ok")
            await done.wait_for(timeout=20_000)
            await page.locator(".payment", has_text=f"refunded RM {shown}").wait_for()
            expected = ENGLISH["sessions.refund_done"].format(
                amount=f"RM {shown}", state=ENGLISH["refund_state.succeeded"]
            )
            assert await text_of(done) == expected

            # What crossed the boundary: the page's request, the Stripe peer's refund, the ledger, the audit.
            [request] = sent
            assert request.post_data_json == {
                "amount_minor": part,
                "reason": "duplicate",
                "note": "charged twice at the terminal",
            }
            [stripe_refund] = fake_stripe.store.refunds.values()
            assert stripe_refund["amount"] == part and stripe_refund["reason"] == "duplicate"
            assert stripe_refund["payment_intent"] == payment.provider_payment_id
            payment_after, [row] = ledger(web, session_id)
            assert (row.amount_minor, row.reason, row.state) == (part, "duplicate", "succeeded")
            assert row.provider_refund_id == stripe_refund["id"]
            assert row.requested_by == "admin:Operator One"
            assert payment_after.amount_refunded_minor == part
            assert payment_after.amount_captured_minor == captured
            [asked] = web.station.audit("sessions.refund")
            assert asked["details"]["amount_minor"] == part and asked["target"] == f"session:{session_id}"
            [answer] = web.station.audit("sessions.refund_answer")
            assert answer["details"]["provider_refund_id"] == stripe_refund["id"]

            # Loaded afresh, the detail says the same; the phone's view of the form.
            await page.reload()
            await page.locator(".payment", has_text=f"refunded RM {shown}").wait_for()
            phone = await signed_in_page(browser, web, "operator", "phone", watch)
            await phone.goto(f"/admin/#/sessions/{session_id}")
            await phone.locator("form.refund").wait_for()
            await shoot(phone, shots, "admin-refund-phone-en")
            await watch.check(page)
            await watch.check(phone)

    asyncio.run(scenario())


def station_version(web: WebStation) -> str:
    """The version the charger identified with, as the station holds it."""
    identity = web.station.runtime.station.manager.chargers()[CHARGER].identity
    return f"{identity.firmware_major}.{identity.firmware_minor}.{identity.firmware_patch}"


def firmware_updates(web: WebStation) -> list[dict[str, Any]]:
    return [row for row in web.station.audit(200) if row["action"] == "firmware.update"]


def test_a_technician_flashes_a_signed_package_and_a_wrongly_signed_one_is_refused(realtime_sim, tmp_path):
    vendor, signed, forged = vendor_and_packages(tmp_path)  # forged: signed by a key not trusted

    async def scenario():
        firmware = firmware_station(realtime_sim, tmp_path, vendor)
        async with web_station(realtime_sim, tmp_path, station=firmware) as web, browser_on(web) as browser:

            async def sim_version() -> str:
                return str((await realtime_sim.ctl.call("status", charger=CHARGER_INDEX))["firmware"])

            shots = shots_dir(tmp_path)
            watch = Watch(web)
            page = await signed_in_page(browser, web, "technician", "desktop", watch)
            await page.goto("/admin/#/firmware")
            await settled(page)
            row = page.locator("tr", has=page.locator("td:first-child", has_text=CHARGER))
            version = row.locator(f'td[data-label="{ENGLISH["firmware.version"]}"]')
            await version.wait_for()
            before = await sim_version()
            assert before != "9.8.7" and station_version(web) == before
            assert await text_of(version) == before
            file_input = page.locator('input[type="file"][name="package"]')
            upload = page.get_by_role("button", name=ENGLISH["firmware.upload"])
            bar = page.locator("form progress")
            assert await bar.is_hidden()

            # The vendor's package: uploaded (the bar shown and full) and found well signed.
            await file_input.set_input_files(str(signed))
            await upload.click()
            verdict = page.locator("form .note.ok")
            await verdict.wait_for()
            words = await text_of(verdict)
            assert words.startswith(f"{signed.name}: valid, version 9.8.7 for esp32,"), words
            assert words.endswith(f"signed by {key_id(vendor.private.public_key())}"), words
            assert await bar.is_visible() and await bar.evaluate("(b) => b.value") == 1
            await shoot(page, shots, "admin-firmware-upload-desktop-en")

            # The update of the simulated charger, followed to its end.
            await row.get_by_role("button", name=ENGLISH["firmware.update"]).click()
            await page.locator("dialog").get_by_role("button", name=ENGLISH["firmware.update"]).click()
            finished = page.locator(".note.ok", has_text=f"{CHARGER}: version")
            await finished.wait_for(timeout=60_000)
            assert await text_of(finished) == ENGLISH["firmware.done"].format(
                charger=CHARGER, version="9.8.7", reported="9.8.7"
            )
            await page.locator("td", has_text=re.compile(r"^9\.8\.7$")).first.wait_for()
            assert await text_of(version) == "9.8.7"
            assert station_version(web) == "9.8.7" and await sim_version() == "9.8.7"
            [flashed] = firmware_updates(web)
            assert flashed["target"] == f"charger:{CHARGER}" and flashed["details"]["version"] == "9.8.7"

            # A package signed by a key the station does not trust: refused, and nothing changes.
            await file_input.set_input_files(str(forged))
            await upload.click()
            refusal = page.locator("form .note.error")
            await refusal.wait_for()
            assert (await text_of(refusal)).startswith(f"{forged.name}: refused."), await text_of(refusal)
            assert await page.locator("form .note.ok").count() == 0
            await row.get_by_role("button", name=ENGLISH["firmware.update"]).click()
            await page.get_by_text(ENGLISH["firmware.upload_first"]).wait_for()
            assert await page.locator("dialog").count() == 0
            assert await text_of(version) == "9.8.7"
            assert station_version(web) == "9.8.7" and await sim_version() == "9.8.7"
            assert len(firmware_updates(web)) == 1

            phone = await signed_in_page(browser, web, "technician", "phone", watch)
            await phone.goto("/admin/#/firmware")
            await settled(phone)
            await phone.locator('input[type="file"][name="package"]').set_input_files(str(signed))
            await phone.get_by_role("button", name=ENGLISH["firmware.upload"]).click()
            await phone.locator("form .note.ok", has_text="9.8.7").wait_for()
            await shoot(phone, shots, "admin-firmware-upload-phone-en")
            await watch.check(page)
            await watch.check(phone)

    asyncio.run(scenario())
