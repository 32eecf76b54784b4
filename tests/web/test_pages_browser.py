"""The web pages in a real browser (Chromium through Playwright) over HTTPS, on the real station on the
simulator: every page loads without a script error or a Content-Security-Policy violation, the driver
page shows its connector and the price in English and Malay, the dashboard follows a car plugged in
without a reload, and a tariff change goes through the configuration page. Screenshots of every page
at a phone's and a desktop's size go to build/screenshots/web/ (or $SCREENSHOT_DIR)."""

from __future__ import annotations

import asyncio
import json
import os
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from admin_station import PINS
from web_station import WebStation, web_station

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
pytest_plugins = ["stripe_fixtures"]

CHROMIUM = Path("/usr/bin/chromium")
STATIC = Path(__file__).resolve().parents[2] / "web" / "static"
SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1366, "height": 768}}
VIEWS = ("overview", "sessions", "configuration", "firmware", "events", "analytics", "tokens")
WAIT_MS = 10_000


def catalogue(language: str) -> dict[str, str]:
    data: dict[str, str] = json.loads((STATIC / "i18n" / f"{language}.json").read_text(encoding="utf-8"))
    return data


def shots_dir(tmp_path: Path) -> Path:
    # Beside the kiosk's screenshots (build/screenshots/), unless a run names another directory.
    directory = Path(
        os.environ.get("SCREENSHOT_DIR")
        or Path(__file__).resolve().parents[2] / "build" / "screenshots" / "web"
    )
    directory.mkdir(parents=True, exist_ok=True)
    return directory


class Watch:
    """What a page said wrong: script errors, CSP violations and console errors. A refused API call
    (the browser logs "Failed to load resource" for any 4xx) is part of the pages' flows, so it is kept
    apart; anything else fails the test."""

    def __init__(self, web: WebStation) -> None:
        self.problems: list[str] = []
        self.refused: list[str] = []
        # Until the station serves the live feed, the pages' attempts at it fail and they poll instead.
        self.feed_served = any(getattr(r, "path", "") == "/api/v1/live" for r in web.server.app.routes)

    def attach(self, page: Any) -> None:
        page.on("pageerror", lambda error: self.problems.append(f"pageerror: {error}"))
        page.on("console", self._console)

    def _console(self, message: Any) -> None:
        if message.type != "error":
            return
        text, url = message.text, message.location.get("url", "")
        if text.startswith("Failed to load resource") and "/api/v1/" in url:
            self.refused.append(f"{url}: {text}")
        elif not self.feed_served and "/api/v1/live" in text and text.startswith("WebSocket connection"):
            self.refused.append(text)
        else:
            self.problems.append(f"console: {text} ({url})")

    async def violations(self, page: Any) -> list[str]:
        found: list[str] = await page.evaluate("window.__cspViolations || []")
        return found

    async def check(self, page: Any) -> None:
        problems = self.problems + [f"csp: {v}" for v in await self.violations(page)]
        assert not problems, problems


# Recorded by the page itself, whatever the console says (Content Security Policy Level 3, section 5.1).
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


@asynccontextmanager
async def browser_on(web: WebStation) -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield browser
        finally:
            await browser.close()


async def new_page(browser: Any, web: WebStation, size: str, watch: Watch, language: str = "en") -> Any:
    context = await browser.new_context(
        base_url=web.url, ignore_https_errors=True, viewport=SIZES[size], locale="en-GB"
    )
    await context.add_init_script(CSP_LISTENER)
    await context.add_init_script(
        f'if (!localStorage.getItem("evse.language")) localStorage.setItem("evse.language", "{language}");'
    )
    page = await context.new_page()
    page.set_default_timeout(WAIT_MS)
    watch.attach(page)
    return page


async def shoot(page: Any, directory: Path, name: str) -> None:
    await page.screenshot(path=str(directory / f"{name}.png"), full_page=True)


def test_every_string_the_pages_use_is_in_both_catalogues():
    english, malay = catalogue("en"), catalogue("ms")
    assert set(english) == set(malay)
    assert all(malay[key].strip() for key in malay)
    used: set[str] = set()
    for path in [*STATIC.glob("*.html"), *STATIC.glob("js/**/*.js")]:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'data-i18n(?:-label|-placeholder)?="([a-z_.]+)"', text))
        used |= set(re.findall(r'\b(?:t|field|button|section)\("([a-z_]+\.[a-z_.]+)"', text))
        used |= set(re.findall(r'\b(?:confirm|note|say)\([^;]*?, "([a-z_]+\.[a-z_]+)"\)', text))
    missing = sorted(key for key in used if key not in english)
    assert not missing, missing
    # No words in the markup itself: every element's text comes from the catalogue.
    for path in STATIC.glob("*.html"):
        body = path.read_text(encoding="utf-8").split("<body", 1)[1]
        words = re.findall(r">\s*([^<\s][^<]*?)\s*<", body)
        assert not words, (path.name, words)


def test_the_driver_page_shows_its_connector_and_the_price_in_english_and_malay(realtime_sim, tmp_path):
    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, browser_on(web) as browser:
            driver = web.station.driver
            connector = driver.connectors()[0].connector_id
            shots = shots_dir(tmp_path)
            for size in SIZES:
                watch = Watch(web)
                page = await new_page(browser, web, size, watch)
                await page.goto(f"/c/{connector}")
                headline = page.locator("#headline")
                await headline.get_by_text(driver.price_headline("en"), exact=True).wait_for()
                assert await page.locator("#state").text_content() == catalogue("en")["state.available"]
                assert charger_of(connector) in (await page.locator("#connector-name").text_content() or "")
                lines = await page.locator("#price-lines li").all_text_contents()
                assert lines == driver.price_lines("en")
                assert await page.locator("#start").is_enabled()
                await shoot(page, shots, f"driver-{size}-en")

                await page.select_option("#language", "ms")
                await headline.get_by_text(driver.price_headline("ms"), exact=True).wait_for()
                assert await page.locator("#state").text_content() == catalogue("ms")["state.available"]
                assert await page.locator("#price-lines li").all_text_contents() == driver.price_lines("ms")
                assert await page.locator("#start").text_content() == catalogue("ms")["driver.pay_and_start"]
                await shoot(page, shots, f"driver-{size}-ms")

                # Pay and start before the payment route exists: the API's own refusal, in Malay.
                await page.click("#start")
                await page.locator("#outcome .note.error").wait_for()

                # A session link that is not valid says so, in the chosen language.
                await page.goto("/s/not-a-real-session-link")
                await page.get_by_text(catalogue("ms")["drive.not_found"]).wait_for()
                await shoot(page, shots, f"driver-session-{size}-ms")

                await watch.check(page)
                await page.context.close()

    asyncio.run(scenario())


def test_a_phone_pays_charges_stops_and_gets_its_receipt(realtime_sim, tmp_path, fake_stripe):
    """Scan -> pay through the fake Stripe -> charge -> stop -> receipt, in the browser, against the
    real driver API; screenshots of the session page at both sizes."""
    sim = realtime_sim

    async def scenario():
        async with web_station(sim, tmp_path, fake_stripe=fake_stripe) as web, browser_on(web) as browser:
            driver = web.station.driver
            await sim.ctl.call("plug", charger=1)
            for _ in range(100):
                if driver.connectors()[1].vehicle_present:
                    break
                await asyncio.sleep(0.1)
            connector = driver.connectors()[1].connector_id
            shots = shots_dir(tmp_path)
            watch = Watch(web)
            page = await new_page(browser, web, "phone", watch)
            await page.goto(f"/c/{connector}")
            await page.locator("#start").wait_for()
            await until(page, "() => !document.querySelector('#start').disabled")
            await shoot(page, shots, "driver-plugged-phone-en")
            await watch.check(page)
            async with page.expect_request(lambda r: r.url.startswith(fake_stripe.url)):
                await page.click("#start")  # the page goes to the checkout the station opened
            [checkout] = fake_stripe.open_checkouts()
            paid = fake_stripe.pay_checkout(checkout, "card")
            created = next(r for r in fake_stripe.records if r.path == "/v1/checkout/sessions")
            link = created.params["success_url"]
            assert link.startswith(f"{web.url}/s/") and paid
            # The checkout sends the phone back to its own link.
            watch = Watch(web)
            page = await new_page(browser, web, "phone", watch)
            await page.goto(link)
            charging = catalogue("en")["phone.charging"]
            await page.locator("#state", has_text=charging).wait_for(timeout=30_000)
            await until(page, "() => document.querySelector('#energy').textContent !== '0.000 kWh'")
            # The hold caps the session, and the page says so with the amount the checkout held.
            english = catalogue("en")
            secret = link.rsplit("/", 1)[1]
            async with web.client() as http:
                running = (await http.get(f"/api/v1/drive/{secret}")).json()
            assert running["limit_minor"] > 0
            await page.locator("#limit", has_text=f"RM {running['limit_minor'] / 100:.2f}").wait_for()
            assert await page.locator("#cost-label").text_content() == english["drive.cost"]
            await shoot(page, shots, "driver-session-charging-phone-en")
            desktop = await new_page(browser, web, "desktop", watch)
            await desktop.goto(link)
            await desktop.locator("#state", has_text=charging).wait_for()
            await shoot(desktop, shots, "driver-session-charging-desktop-en")
            await page.click("#stop")
            await page.get_by_text(catalogue("en")["drive.stopped"]).wait_for()
            await page.locator("#state", has_text=catalogue("en")["phone.ended"]).wait_for(timeout=20_000)
            await page.locator("#receipt").wait_for(timeout=20_000)
            async with web.client() as http:
                view = (await http.get(f"/api/v1/drive/{secret}")).json()
            assert view["state"] == "ended" and view["receipt_url"]
            assert await page.locator("#receipt").get_attribute("href") == view["receipt_url"]
            # Finished: the figure is the bill, with the summary's lines, and no cap any more.
            assert await page.locator("#cost-label").text_content() == english["drive.total"]
            await until(
                page,
                "(n) => document.querySelectorAll('#cost-lines li').length === n",
                len(view["cost_lines"]),
            )
            assert await page.locator("#cost-lines li").all_text_contents() == view["cost_lines"]
            assert view["cost_lines"] and await page.locator("#limit").is_hidden()
            # The big figure is the billed energy, to the same watt-hour.
            energy = (await page.locator("#energy").text_content() or "").removesuffix(" kWh")
            assert any(line.startswith(f"Energy {energy} kWh") for line in view["cost_lines"]), energy
            await shoot(page, shots, "driver-session-ended-phone-en")
            # In Malay: the bill's label in the driver's words (the lines are the station's, in the
            # language the session was paid in).
            await page.select_option("#language", "ms")
            await page.locator("#cost-label", has_text=catalogue("ms")["drive.total"]).wait_for()
            # The page's own note is said again in the language chosen.
            await page.get_by_text(catalogue("ms")["drive.stopped"]).wait_for()
            await shoot(page, shots, "driver-session-ended-phone-ms")
            await watch.check(page)
            await watch.check(desktop)

    asyncio.run(scenario())


def charger_of(connector: str) -> str:
    return connector.split("/")[0]


PASSWORD = "correct horse battery staple 42"


async def give_web_password(web: WebStation, role: str = "operator") -> str:
    """The account's web password, set through the operator facade as an operator would; its name."""
    operators = web.station.operators
    account = web.station.accounts[role]
    signed = await operators.sign_in(web.station.accounts["operator"], PINS["operator"])
    assert signed.operator is not None
    await operators.set_web_password(signed.operator, account, PASSWORD)
    await operators.sign_out(signed.operator)
    return f"{role.title()} One"


async def until(page: Any, expression: str, arg: Any = None) -> None:
    """Waits for a condition evaluated in the page. (Playwright's wait_for_function evaluates a string
    there, which the pages' CSP refuses without 'unsafe-eval'; page.evaluate is not bound by it.)"""
    for _ in range(WAIT_MS // 50):
        if await page.evaluate(expression, arg):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"not true in time: {expression}")


async def settled(page: Any) -> None:
    """The view drawn: its heading there and no "loading" note left."""
    await page.locator("#view h1").first.wait_for()
    loading = catalogue("en")["common.loading"]
    await until(
        page,
        "text => ![...document.querySelectorAll('#view .note')].some(n => n.textContent === text)",
        loading,
    )


def test_the_dashboard_follows_the_station_and_changes_the_tariff(realtime_sim, tmp_path):
    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, browser_on(web) as browser:
            shots = shots_dir(tmp_path)
            english = catalogue("en")
            name = await give_web_password(web)
            watch = Watch(web)
            page = await new_page(browser, web, "desktop", watch)

            # Not signed in: the dashboard sends the browser to the sign-in page.
            await page.goto("/admin/#/configuration")
            await page.wait_for_url(re.compile(r"/admin/login\?next="))
            await shoot(page, shots, "login-desktop-en")
            await page.fill("#name", name)
            await page.fill("#password", "not the password")
            await page.click("#sign-in button[type=submit]")
            await page.locator("#outcome .note.error").wait_for()
            web.station.clock.skip(30)  # past the delay a wrong password earns (docs/web.md)
            await page.fill("#password", PASSWORD)
            await page.click("#sign-in button[type=submit]")
            await page.wait_for_url(re.compile(r"/admin/#/configuration$"))
            await settled(page)

            # The overview shows every charger; a car plugged in appears without a reload.
            await page.goto("/admin/#/overview")
            chargers = {c.connector_id.split("/")[0] for c in web.station.driver.connectors()}
            for charger in chargers:
                await page.locator(f'[data-charger="{charger}"]').wait_for()
            first = web.station.driver.connectors()[0].connector_id
            state = page.locator(f'[data-connector="{first}"] .state')
            await state.get_by_text(english["state.available"], exact=True).wait_for()
            await realtime_sim.ctl.call("plug", charger=0)
            await state.get_by_text(english["state.preparing"], exact=True).wait_for(timeout=15_000)

            # A tariff change: the preview names the bad field, then a good price is applied.
            await page.goto("/admin/#/configuration")
            await settled(page)
            price = page.locator('input[name="tariff.energy_price_per_kWh"]')
            await price.fill("zero point six")
            await page.get_by_role("button", name=english["configuration.preview"]).click()
            error = page.locator('[data-key^="tariff"] .field-error').first
            await error.wait_for()
            assert (await error.text_content() or "").strip()
            await price.fill("0.75")
            await page.get_by_role("button", name=english["configuration.preview"]).click()
            await page.locator(".preview li", has_text="RM 0.75 per kWh").first.wait_for()
            await page.get_by_role("button", name=english["configuration.apply"]).click()
            await page.locator(".outcome .note.applied").wait_for()
            # The price the kiosk and the driver page now show; the preview showed the same words.
            assert web.station.driver.price_lines("en")[0] == "Energy: RM 0.75 per kWh"
            assert any(row["action"] == "config.apply" for row in web.station.audit())

            # A car charging on the second connector: a session to find, and a cost on the overview.
            second = web.station.driver.connectors()[1].connector_id
            await web.station.runtime.sessions.authorise(second, "DEMO-0002")
            await realtime_sim.ctl.call("plug", charger=1, soc_pct=30)
            await page.goto("/admin/#/sessions")
            await settled(page)
            await page.locator("tr.clickable", has_text=second).first.click()
            await page.locator(".detail h2").wait_for()
            await page.wait_for_url(re.compile(r"#/sessions/[0-9]+$"))
            await shoot(page, shots, "admin-session-detail-desktop-en")

            # A token: its secret shown once, then revoked after the confirmation.
            await page.goto("/admin/#/tokens")
            await settled(page)
            await page.fill('input[name="name"]', "billing export")
            await page.get_by_role("button", name=english["tokens.create"]).click()
            secret = await page.locator("input.secret").input_value()
            assert secret.startswith("evse_")
            assert (await web.station.operators.token_operator(secret)) is not None
            await page.get_by_role("button", name=english["tokens.revoke"]).click()
            await page.locator("dialog").get_by_role("button", name=english["tokens.revoke"]).click()
            await page.get_by_text(english["tokens.revoked_now"].format(name="billing export")).wait_for()
            assert await page.locator("input.secret").count() == 0  # shown once: gone from the page
            assert (await web.station.operators.token_operator(secret)) is None

            # Every view at both sizes, with the session the sign-in made.
            state_file = tmp_path / "signed-in.json"
            await page.context.storage_state(path=str(state_file))
            phone_context = await browser.new_context(
                base_url=web.url,
                ignore_https_errors=True,
                viewport=SIZES["phone"],
                storage_state=str(state_file),
            )
            await phone_context.add_init_script(CSP_LISTENER)
            phone = await phone_context.new_page()
            phone.set_default_timeout(WAIT_MS)
            watch.attach(phone)
            for view in VIEWS:
                for size, shown in (("desktop", page), ("phone", phone)):
                    await shown.goto(f"/admin/#/{view}")
                    await settled(shown)
                    if view == "overview":
                        await shown.locator("[data-connector]").first.wait_for()
                    await shoot(shown, shots, f"admin-{view}-{size}-en")
            await phone.goto("/admin/#/overview")
            await phone.click("#menu-toggle")  # on a phone the language switch is in the menu
            await phone.select_option("#language", "ms")
            await phone.locator("#view h1", has_text=catalogue("ms")["nav.overview"]).wait_for()
            await phone.click("#menu-toggle")
            await phone.get_by_role("link", name=catalogue("ms")["nav.sessions"]).wait_for()
            await shoot(phone, shots, "admin-menu-phone-ms")
            await watch.check(page)
            await watch.check(phone)

            # A viewer: no firmware or configuration menu entry, the settings read-only, and a change the
            # page would not offer is refused by the API all the same.
            viewer_name = await give_web_password(web, "viewer")
            viewer = await new_page(browser, web, "desktop", watch)
            await viewer.goto("/admin/login")
            await viewer.fill("#name", viewer_name)
            await viewer.fill("#password", PASSWORD)
            await viewer.click("#sign-in button[type=submit]")
            await viewer.wait_for_url(re.compile(r"/admin/$"))
            await viewer.locator("#who", has_text="viewer").wait_for()
            assert await viewer.locator('#nav a[data-route="configuration"]').is_hidden()
            assert await viewer.locator('#nav a[data-route="sessions"]').is_visible()
            await viewer.goto("/admin/#/configuration")
            await viewer.locator("#view h1", has_text=english["nav.configuration"]).wait_for()
            await viewer.locator("#view .note.error").wait_for()
            assert await viewer.locator("#view input").count() == 0
            await watch.check(viewer)

    asyncio.run(scenario())


# The feed's side of a WebSocket, scripted in the page (the station's /api/v1/live endpoint is built
# apart): records each connection's address and lets the test send the feed's messages or drop it.
SCRIPTED_FEED = """
window.__sockets = [];
class ScriptedSocket extends EventTarget {
  constructor(url) {
    super();
    this.url = url;
    this.readyState = 0;
    window.__sockets.push(this);
    setTimeout(() => { this.readyState = 1; this.dispatchEvent(new Event("open")); }, 10);
  }
  send() {}
  close(code) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.dispatchEvent(new CloseEvent("close", { code: code || 1006 }));
  }
  feed(message) { this.dispatchEvent(new MessageEvent("message", { data: JSON.stringify(message) })); }
}
ScriptedSocket.OPEN = 1;
window.WebSocket = ScriptedSocket;
"""


def test_a_page_catches_up_after_a_drop_with_its_last_seq_and_epoch(realtime_sim, tmp_path):
    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, browser_on(web) as browser:
            english = catalogue("en")
            connector = web.station.driver.connectors()[0].connector_id
            watch = Watch(web)
            page = await new_page(browser, web, "phone", watch)
            await page.context.add_init_script(SCRIPTED_FEED)
            await page.goto(f"/c/{connector}")
            await until(page, "() => window.__sockets.length === 1 && window.__sockets[0].readyState === 1")
            first = await page.evaluate("window.__sockets[0].url")
            assert first.startswith("wss://") and "connector=" + connector.replace("/", "%2F") in first
            assert "since=" not in first

            def item(state: str, available: bool) -> dict[str, Any]:
                return {
                    "id": connector,
                    "charger": charger_of(connector),
                    "number": 1,
                    "state": state,
                    "available": available,
                    "max_power_W": 22000,
                    "price": None,
                }

            await page.evaluate(
                "m => window.__sockets[0].feed(m)",
                {
                    "type": "snapshot",
                    "epoch": "E1",
                    "seq": 40,
                    "items": [{"kind": "connector", "id": connector, "data": item("available", True)}],
                },
            )
            # Two changes the station batched into one frame ("changes"): the last one is shown.
            await page.evaluate(
                "m => window.__sockets[0].feed(m)",
                {
                    "type": "changes",
                    "changes": [
                        {
                            "type": "change",
                            "epoch": "E1",
                            "seq": seq,
                            "kind": "connector",
                            "id": connector,
                            "data": item(shown, True),
                        }
                        for seq, shown in ((41, "unavailable"), (42, "preparing"))
                    ],
                },
            )
            state = page.locator("#state")
            await state.get_by_text(english["state.preparing"], exact=True).wait_for()

            # The link drops: the page reconnects asking for what came after seq 42 of run E1.
            await page.evaluate("window.__sockets[0].close(1006)")
            await until(page, "() => window.__sockets.length === 2")
            again = await page.evaluate("window.__sockets[1].url")
            assert "since=42" in again and "epoch=E1" in again and "connector=" in again
            await page.evaluate(
                "m => window.__sockets[1].feed(m)",
                {
                    "type": "change",
                    "epoch": "E1",
                    "seq": 43,
                    "kind": "connector",
                    "id": connector,
                    "data": item("charging", False),
                },
            )
            await state.get_by_text(english["state.charging"], exact=True).wait_for()
            assert await page.locator("#start").is_disabled()
            await watch.check(page)

    asyncio.run(scenario())


def test_the_api_page_draws_every_operation_of_the_description(realtime_sim, tmp_path):
    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, browser_on(web) as browser:
            async with web.client() as http:
                description = (await http.get("/api/v1/openapi.json")).json()
            operations = [
                (method, path)
                for path, item in description["paths"].items()
                for method in item
                if method in ("get", "post", "put", "patch", "delete")
            ]
            shots = shots_dir(tmp_path)
            watch = Watch(web)
            for size in ("desktop", "phone"):
                page = await new_page(browser, web, size, watch)
                await page.goto("/api/v1/docs")
                await page.locator(".operation").first.wait_for()
                drawn = await page.locator(".operation").evaluate_all(
                    "(all) => all.map((s) => [s.dataset.method, s.dataset.path])"
                )
                assert sorted(map(tuple, drawn)) == sorted(operations)
                connectors = page.locator('.operation[data-method="get"][data-path="/api/v1/connectors"]')
                assert "200" in (await connectors.text_content() or "")
                assert "/api/v1/live" in (await page.locator("#about").text_content() or "")
                # The first screen only: the whole page is tens of thousands of pixels tall.
                await page.screenshot(path=str(shots / f"api-docs-{size}-en.png"))
                await watch.check(page)
            await page.select_option("#language", "ms")
            await page.locator("h1", has_text=catalogue("ms")["apidocs.title"]).wait_for()
            await watch.check(page)

    asyncio.run(scenario())
