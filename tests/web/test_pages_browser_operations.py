"""The dashboard's money and firmware operations in a real browser (Chromium through Playwright): an
operator refunds part of a paid session and the refund reaches the Stripe test peer; a technician
uploads a signed package, updates a simulated charger with it and sees an unsigned one refused."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from admin_paid_station import card_session
from firmware_station import esp32_package, firmware_station, make_vendor
from test_pages_browser import (
    PASSWORD,
    browser_on,
    catalogue,
    give_web_password,
    new_page,
    settled,
    shoot,
    shots_dir,
    until,
)
from test_pages_browser import Watch as PageWatch
from web_station import WebStation, web_station

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
pytest_plugins = ["stripe_fixtures"]

ENGLISH = catalogue("en")


async def signed_in_page(browser: Any, web: WebStation, role: str, size: str, watch: PageWatch) -> Any:
    """A page signed in through the sign-in form as the role's account."""
    name = await give_web_password(web, role)
    page = await new_page(browser, web, size, watch)
    await page.goto("/admin/login")
    await page.fill("#name", name)
    await page.fill("#password", PASSWORD)
    await page.click("#sign-in button[type=submit]")
    await page.wait_for_url(re.compile(r"/admin/$"))
    return page


def refunded(fake_stripe: Any) -> list[int]:
    return [r["amount"] for r in fake_stripe.store.refunds.values()]


def test_an_operator_refunds_part_of_a_paid_session_from_the_dashboard(realtime_sim, tmp_path, fake_stripe):
    async def scenario():
        async with (
            web_station(realtime_sim, tmp_path, fake_stripe=fake_stripe) as web,
            browser_on(web) as browser,
        ):
            _, session_id = await card_session(web.station, realtime_sim, fake_stripe, 0)
            shots = shots_dir(tmp_path)
            watch = PageWatch(web)
            page = await signed_in_page(browser, web, "operator", "desktop", watch)
            await page.goto(f"/admin/#/sessions/{session_id}")
            form = page.locator("form.refund")
            await form.wait_for()

            # A malformed amount is the page's own refusal: nothing is asked of the station.
            await form.locator('input[name="amount"]').fill("abc")
            await form.get_by_role("button", name=ENGLISH["sessions.refund"]).click()
            await form.get_by_text(ENGLISH["sessions.refund_amount_bad"]).wait_for()
            assert refunded(fake_stripe) == []

            # RM 0.25 back, after the confirmation dialog.
            await form.locator('input[name="amount"]').fill("0.25")
            await form.locator('select[name="reason"]').select_option("requested_by_customer")
            await form.locator('input[name="note"]').fill("kiosk screen cracked")
            await shoot(page, shots, "admin-refund-desktop-en")
            await form.get_by_role("button", name=ENGLISH["sessions.refund"]).click()
            await page.locator("dialog").get_by_role("button", name=ENGLISH["sessions.refund"]).click()
            await form.locator(".note.ok").wait_for(timeout=20_000)
            assert refunded(fake_stripe) == [25]
            audit = web.station.audit("sessions.refund")
            assert audit and all(row["details"]["amount_minor"] == 25 for row in audit), audit

            # The detail drawn again says what was refunded; the phone's view of the same page.
            await page.reload()
            await page.locator(".payment", has_text="RM 0.25").wait_for()
            phone = await signed_in_page(browser, web, "operator", "phone", watch)
            await phone.goto(f"/admin/#/sessions/{session_id}")
            await phone.locator("form.refund").wait_for()
            await shoot(phone, shots, "admin-refund-phone-en")
            await watch.check(page)
            await watch.check(phone)

    asyncio.run(scenario())


def test_a_technician_flashes_a_signed_package_and_an_unsigned_one_is_refused(realtime_sim, tmp_path):
    vendor = make_vendor(tmp_path)
    (tmp_path / "other").mkdir()
    other = make_vendor(tmp_path / "other")  # a key the station does not trust
    signed = esp32_package(tmp_path, "9.8.7", vendor.private)
    forged = esp32_package(tmp_path / "other", "6.6.6", other.private)

    async def scenario():
        firmware = firmware_station(realtime_sim, tmp_path, vendor)
        async with web_station(realtime_sim, tmp_path, station=firmware) as web, browser_on(web) as browser:
            shots = shots_dir(tmp_path)
            watch = PageWatch(web)
            page = await signed_in_page(browser, web, "technician", "desktop", watch)
            await page.goto("/admin/#/firmware")
            await settled(page)
            row = page.locator("tr", has_text="CP01")
            await row.wait_for()
            before = await row.locator("td").nth(2).text_content()
            file_input = page.locator('input[type="file"][name="package"]')
            upload = page.get_by_role("button", name=ENGLISH["firmware.upload"])

            # A package signed by a key the station does not trust: refused, nothing offered to flash.
            await file_input.set_input_files(str(forged))
            await upload.click()
            refusal = page.locator(".note.error", has_text=forged.name)
            await refusal.wait_for()
            await row.get_by_role("button", name=ENGLISH["firmware.update"]).click()
            await page.get_by_text(ENGLISH["firmware.upload_first"]).wait_for()
            assert not [r for r in web.station.audit(200) if r["action"] == "firmware.update"]

            # The vendor's package: accepted with its version, its upload's bar full, then flashed.
            await file_input.set_input_files(str(signed))
            await upload.click()
            await page.locator(".note.ok", has_text="9.8.7").wait_for()
            assert await page.locator("form progress").evaluate("(bar) => bar.value") == 1
            await shoot(page, shots, "admin-firmware-upload-desktop-en")
            await row.get_by_role("button", name=ENGLISH["firmware.update"]).click()
            await page.locator("dialog").get_by_role("button", name=ENGLISH["firmware.update"]).click()
            await page.locator(".note.ok", has_text="CP01").wait_for(timeout=60_000)
            await until(
                page,
                "() => [...document.querySelectorAll('tr')].some((r) => r.textContent.includes('CP01')"
                " && r.textContent.includes('9.8.7'))",
            )
            assert before != "9.8.7"
            assert [r for r in web.station.audit(200) if r["action"] == "firmware.update"]
            phone = await signed_in_page(browser, web, "technician", "phone", watch)
            await phone.goto("/admin/#/firmware")
            await settled(phone)
            await phone.locator('input[type="file"][name="package"]').set_input_files(str(signed))
            await phone.get_by_role("button", name=ENGLISH["firmware.upload"]).click()
            await phone.locator(".note.ok", has_text="9.8.7").wait_for()
            await shoot(phone, shots, "admin-firmware-upload-phone-en")
            await watch.check(page)
            await watch.check(phone)

    asyncio.run(scenario())
