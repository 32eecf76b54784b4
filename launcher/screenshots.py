"""Renders every kiosk screen for 1, 2, 4 and 8 connectors, in every complete language, at 800x480, 1280x800
and 1920x1080 to PNGs and an index.html, and lists every clipped or too-small text in clipping.txt.

    .venv/bin/python -m launcher.screenshots --out build/screenshots      (or ./station.sh screenshots)

Offscreen (QT_QPA_PLATFORM=offscreen, no display needed), against the firmware simulator and the real
station: the states on screen are the station's own (a car charging, a car waiting for its card, a
ground fault, a blocked card...), not mock-ups. docs/kiosk.md, "Screenshots".
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import html
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.admin import OperatorFacade
from app.analytics import REPORT_LANGUAGES, render_monthly_report
from app.config import (
    CardTerminal,
    DatabaseSettings,
    KioskSettings,
    LinkSettings,
    PaymentSettings,
    ReceiptParticulars,
    StationConfig,
)
from app.driver import DEMO_BLOCKED_CARD, DEMO_CARDS, DriverFacade, PaymentLimit, seed_demo_cards
from app.runtime import StationRuntime
from hal.card_readers.base import CARD_REMOVED_MID_READ, VirtualCardReader
from hal.payments.stripe_provider import StripeProvider
from hal.sim.control import SimControl, SimError, SimulatorProcess
from hal.sim.fake_stripe import FakeStripe, default_spec_path
from kiosk_ui.app import KioskWindow
from kiosk_ui.i18n import I18N_DIR, available_languages
from kiosk_ui.layout_check import layout_problems
from kiosk_ui.main_thread_gc import collecting_in_main_thread
from kiosk_ui.sim_panel import UNKNOWN_CARD, SimPanel
from kiosk_ui.theme import MIN_TEXT_PX, load_theme
from launcher.admin_screenshots import (
    ADMIN_SETTINGS,
    ADMIN_SIZES,
    admin_shot_names,
    admin_shot_titles,
    shoot_admin_mode,
)
from launcher.analytics import build_analytics
from launcher.demo import demo_config, demo_kiosk_config
from launcher.payments import PaymentSide
from launcher.waiting import WAIT_S, until

SIZES: tuple[tuple[int, int], ...] = ((800, 480), (1280, 800), (1920, 1080))
COUNTS: tuple[int, ...] = (1, 2, 4, 8)
REALTIME_FACTOR = 8  # energy and cost grow visibly within seconds; the host's clocks stay real
DECLINED_CARD = "4000000000009995"  # the fake Stripe's test card declined for insufficient funds
RECEIPTS_BASE = "https://receipts.example.com"  # the receipts' address a site publishes (docs/payments.md)
PHONE_PAGES_BASE = "https://192.168.1.20:8443"  # the web face's address on a site's network (docs/web.md)
# Driver-critical text is at least this tall on the 7" display; larger displays scale it as the theme does.
PANEL_COUNT = 4  # the station whose simulator panel is photographed
# (file stem, what the reviewer sees): the order of the index. Every count shows COMMON_SHOTS (pick only
# with two connectors or more: with one the kiosk starts at once); the four-connector station all of them.
SHOTS = (
    ("idle", "idle: every connector available"),
    ("phone_link", "a free connector's driver page as a QR code (a tap on its tile)"),
    ("pick", "pick a connector (every connector ready)"),
    ("plug", "plug in, with the time left"),
    ("charging", "charging with live values and the cost so far"),
    ("idle_busy", "idle: every connector busy, nothing can start"),
    ("refused_no_connector", "a card accepted, but no connector is free"),
    ("idle_reader_unplugged", "idle with the card reader unplugged"),
    ("reader_problem", "the card was removed before it was read"),
    ("authorise", "authorise: hold your card to the reader"),
    ("refused_blocked", "a blocked card"),
    ("refused_unknown", "an unknown card"),
    ("idle_mixed", "idle: connector 1 charging, 2 waiting for a card, 3 faulted, 4 available"),
    ("summary", "summary after the driver stopped"),
    ("fault", "fault screen (ground fault)"),
    ("fault_session", "a fault during a session: the fault screen with the session's summary"),
    ("summary_unplugged", "summary after the car was unplugged"),
    ("out_of_service", "out of service (every charger's emergency stop pressed)"),
    ("pay_card", "pay by card: the terminal waits for the card"),
    ("pay_declined", "pay by card: the bank declined the card"),
    ("pay_phone", "pay by phone: a card hold or a prepaid top-up"),
    ("pay_qr_hold", "pay by phone: the QR page of a card hold"),
    ("pay_qr_prepaid", "pay by phone: the QR page of a top-up"),
    ("charging_paid", "charging, paid by phone: the cost so far of the amount prepaid"),
    ("charging_limit", "charging, paid: nearly at the limit"),
    ("summary_paid", "summary of a paid session: what was paid and refunded, the receipt's number"),
    ("receipt", "the receipt's QR code, for the phone"),
    ("receipt_email", "the keyboard for e-mailing the receipt"),
)
PAYMENT_SHOTS = (
    "pay_card",
    "pay_declined",
    "pay_phone",
    "pay_qr_hold",
    "pay_qr_prepaid",
    "charging_paid",
    "charging_limit",
    "summary_paid",
    "receipt",
    "receipt_email",
)
COMMON_SHOTS = ("idle", "pick", "plug", "charging", "idle_busy")


@dataclass(frozen=True)
class Shot:
    name: str
    count: int
    language: str
    size: tuple[int, int]
    path: Path


def build_translations() -> None:
    """The .qm files from the .ts files when missing or older (the set-up does the same)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in I18N_DIR.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)


class Camera:
    """Grabs the kiosk windows (one per size) in each language; every PNG is recorded as a Shot, and the
    layout checker's findings on it as problems."""

    def __init__(
        self, out: Path, count: int, windows: list[KioskWindow], languages: list[str], only: set[str]
    ) -> None:
        self.out = out
        self.count = count
        self.windows = windows
        self.languages = languages
        self.only = only
        self.shots: list[Shot] = []
        self.problems: list[str] = []
        # The display's size per window: a screen needing more grows its window (its minimum size), and
        # the grown window must not carry over to the next screen.
        self.sizes = [(window.width(), window.height()) for window in windows]

    async def take(self, name: str) -> None:
        if self.only and name not in self.only:
            return
        for language in self.languages:
            # One translator per window; after all switched, each window's newest translator is this one.
            for window in self.windows:
                window.set_language(language)
            await asyncio.sleep(0.3)  # LanguageChange events and a facade refresh are delivered
            for window in self.windows:
                refresh = getattr(shown_screen(window), "refresh", None)
                if refresh is not None:  # the PIN pad has nothing to fetch
                    refresh()
            for window, display in zip(self.windows, self.sizes, strict=True):
                window.resize(*display)  # Qt keeps it at least the screen's minimum size
            await asyncio.sleep(0)  # the layouts settle before they are measured
            settle_layouts()
            for window, display in zip(self.windows, self.sizes, strict=True):
                size = (window.width(), window.height())
                # The file name carries the window's real size: a grown window misses its expected file.
                path = self.out / f"{name}-{self.count}c-{language}-{size[0]}x{size[1]}.png"
                if not grab(window).save(str(path)):
                    raise OSError(f"cannot write {path}")
                self.shots.append(Shot(name, self.count, language, size, path))
                if size != display:
                    self.problems.append(
                        f"{path.name}: {shown_screen(window).objectName() or name} needs "
                        f"{size[0]}x{size[1]}, more than the {display[0]}x{display[1]} display"
                    )
                min_px = round(MIN_TEXT_PX * window.theme.scale)
                self.problems.extend(f"{path.name}: {p}" for p in layout_problems(window, min_px))

    def show(self, screen: str, context: dict[str, Any] | None = None) -> None:
        for window in self.windows:
            window.show_screen(screen, context or {})

    async def shown_by_kiosk(self, screen: str) -> None:
        """Waits until every window shows screen by itself (after the station's own event)."""
        await until(
            lambda: all(w.current_screen().name == screen for w in self.windows), f"the {screen} screen"
        )


def shown_screen(window: KioskWindow) -> QWidget:
    """What the window shows under its header: the driver's screen, or in admin mode the PIN pad or the
    shell's current screen."""
    admin = window.admin
    if admin is not None and admin.active:
        shell = admin.shell
        if admin.currentWidget() is shell and shell.current is not None:
            return shell.current
        return admin.pad if admin.currentWidget() is admin.pad else shell
    return window.current_screen()


def settle_layouts() -> None:
    """Lays out now what a text changed since the last turn of the loop (a screen that refreshes itself,
    like the admin overview, may have just set a longer text): the grab and the layout check then see
    the geometry the display will paint, not the one before. Only layout requests are delivered (a
    resized page may ask again, hence the rounds): no timer or task runs in the middle of a shot."""
    for _ in range(4):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def grab(widget: QWidget) -> Any:
    """The widget as the display would show it (rendered now; the caller let the loop run first)."""
    return widget.grab()


@dataclass
class Station:
    """One simulator's station as the capture drives it: its control link, facade, reader and camera."""

    ctl: SimControl
    facade: DriverFacade
    reader: VirtualCardReader
    camera: Camera
    ids: list[str]
    cards: list[str] = dataclasses.field(default_factory=lambda: list(DEMO_CARDS))
    # The simulated provider's actions, as the demo's panel has them: a card at the terminal
    # (card_ok, card_declined), the latest QR page paid (qr_card, qr_fpx). Empty: no payments.
    pay: Mapping[str, Callable[[], Awaitable[object]]] = dataclasses.field(default_factory=dict)

    def card(self, connector_id: str) -> Any:
        return next(c for c in self.facade.connectors() if c.connector_id == connector_id)

    async def open_session(self, connector_id: str) -> int:
        """A fresh card tapped and a session opened on connector_id (the flow opens it itself when only
        that connector is ready)."""
        tag = self.cards.pop(0)
        outcome = await self.facade.present_card(tag)
        assert outcome.kind == "authorised" and connector_id in outcome.ready_connectors, outcome
        # The flow opens it by itself where the choice is obvious (one ready connector, or the one car
        # plugged in: kiosk_ui/flow.py); otherwise the driver picks, as here.
        with contextlib.suppress(TimeoutError):
            await until(lambda: self.card(connector_id).session_id, "the flow's own start", 1.5)
        if self.card(connector_id).session_id is None:
            return await self.facade.start_session(connector_id, tag)
        session: int = await until(lambda: self.card(connector_id).session_id, f"a session on {connector_id}")
        return session

    async def plug(self, index: int, soc_pct: int = 40) -> None:
        await self.ctl.call("plug", charger=index, soc_pct=soc_pct)
        await until(lambda: self.card(self.ids[index]).vehicle_present, f"the car on {self.ids[index]}")

    async def reset(self) -> None:
        """Every session stopped, every car gone, every fault cleared: all connectors available."""
        for index, cid in enumerate(self.ids):
            if self.card(cid).session_id is not None:
                await self.facade.stop_session(cid)
            await self.ctl.call("unplug", charger=index)
            await self.ctl.call("fault", charger=index, kind="ground", active=False)
        await until(lambda: all(c.state == "available" for c in self.facade.connectors()), "all available")
        self.cards = list(DEMO_CARDS)


# One function per station state: each brings the station there and photographs what the kiosk shows.


async def shoot_idle(st: Station, full: bool) -> None:
    """Idle with the web face's driver pages offered (the tiles' phone sign), and one connector's page."""
    st.facade.phone.page_base = PHONE_PAGES_BASE
    st.camera.show("idle")
    await st.camera.take("idle")
    if full:
        st.camera.show("phone_link", {"connector_id": st.ids[0]})
        await st.camera.take("phone_link")
        st.camera.show("idle")


async def shoot_pick_plug_charging(st: Station) -> None:
    """The card with every connector ready (pick, from two connectors), then plug-in and charging."""
    first = st.ids[0]
    st.camera.show("idle")
    session = await st.open_session(first)
    if len(st.ids) > 1:
        await st.camera.take("pick")
    # Each window's flow reacts to the card; with one connector one of them opens the session and the
    # others are refused: every window is put on the screen the driver's own window shows.
    st.camera.show("plug", {"connector_id": first, "session_id": session})
    await st.camera.take("plug")
    await st.plug(0, soc_pct=35)
    await until(lambda: st.card(first).energy_Wh >= 50, "energy on the first connector")
    st.camera.show("charging", {"connector_id": first, "session_id": session, "own": True})
    await until(lambda: st.facade.running_cost_lines(first, "en"), "the cost so far")
    await asyncio.sleep(1.2)  # the screen fetches the cost once a second
    await st.camera.take("charging")


async def shoot_idle_busy(st: Station, refuse: bool) -> None:
    """Every connector in a session: nothing can start (and, when refuse, a card tapped anyway)."""
    for index, cid in enumerate(st.ids):
        if st.card(cid).session_id is None:
            await st.plug(index)
            await st.open_session(cid)
    await until(lambda: not st.facade.ready_connectors(), "every connector busy")
    st.camera.show("idle")
    await st.camera.take("idle_busy")
    if refuse:
        await st.facade.present_card(st.cards.pop(0))  # the flow shows the refusal on every window
        await st.camera.shown_by_kiosk("authorise")
        await st.camera.take("refused_no_connector")


async def shoot_reader(st: Station) -> None:
    """The reader unplugged (idle says so), then a card pulled away before its UID was read."""
    st.camera.show("idle")
    st.reader.unplug()
    await until(lambda: not dict(st.facade.payment_methods()).get("card", True), "the reader gone")
    await asyncio.sleep(0.2)
    await st.camera.take("idle_reader_unplugged")
    st.reader.plug()
    await until(lambda: dict(st.facade.payment_methods()).get("card", False), "the reader back")
    st.camera.show("idle")
    st.reader.fail("the card left before its UID was read", CARD_REMOVED_MID_READ)
    await st.camera.shown_by_kiosk("authorise")
    await st.camera.take("reader_problem")


async def shoot_cards(st: Station) -> None:
    st.camera.show("authorise")
    await st.camera.take("authorise")
    await st.facade.present_card(DEMO_BLOCKED_CARD)  # the flow shows the refusal on every window
    await asyncio.sleep(0.2)
    await st.camera.take("refused_blocked")
    await st.facade.present_card(UNKNOWN_CARD)
    await asyncio.sleep(0.2)
    await st.camera.take("refused_unknown")


async def shoot_mixed_and_endings(st: Station) -> None:
    """Connector 1 charging, 2 a car waiting, 3 a ground fault, 4 available; then the sessions' ends."""
    c1, c2, c3, c4 = st.ids[:4]
    await st.plug(0, soc_pct=35)
    session1 = await st.open_session(c1)
    await st.plug(1, soc_pct=60)
    await st.ctl.call("fault", charger=2, kind="ground", active=True)
    await until(lambda: st.card(c1).energy_Wh >= 20, "energy on connector 1")
    await until(lambda: st.card(c3).state == "faulted", "the fault on connector 3")
    st.camera.show("idle")
    await st.camera.take("idle_mixed")
    st.camera.show("fault", {"connector_id": c3})
    await st.camera.take("fault")
    # The driver stops: the charging screen moves on to the summary by itself.
    st.camera.show("charging", {"connector_id": c1, "session_id": session1, "own": True})
    await st.facade.stop_session(c1)
    await st.camera.shown_by_kiosk("summary")
    await st.camera.take("summary")
    # A fault while charging: the charging screen shows the fault, with the session's summary.
    await st.plug(3)
    session4 = await st.open_session(c4)
    await until(lambda: st.card(c4).energy_Wh > 0, "energy on connector 4")
    st.camera.show("charging", {"connector_id": c4, "session_id": session4, "own": True})
    await st.ctl.call("fault", charger=3, kind="ground", active=True)
    await st.camera.shown_by_kiosk("fault")
    await asyncio.sleep(0.5)  # the session's end (and its summary) reaches the fault screen
    await st.camera.take("fault_session")
    # The driver walked away (idle is showing) and comes back to unplug: the kiosk brings the bill up.
    await st.open_session(c2)
    await until(lambda: st.card(c2).energy_Wh > 0, "energy on connector 2")
    st.camera.show("idle")
    await st.ctl.call("unplug", charger=1)
    await st.camera.shown_by_kiosk("summary")
    await st.camera.take("summary_unplugged")


async def shoot_out_of_service(st: Station) -> None:
    for index in range(len(st.ids)):
        await st.ctl.call("fault", charger=index, kind="estop", active=True)
    await until(lambda: not st.facade.ready_connectors(), "every connector out of service")
    await until(lambda: all(c.state == "faulted" for c in st.facade.connectors()), "every fault")
    st.camera.show("out_of_service")
    await st.camera.take("out_of_service")


async def shoot_payments(st: Station) -> None:
    """A driver without an RFID card: the terminal waiting and a decline, the phone's choice and its two
    QR pages, a prepaid session charging and near its limit, its bill with the receipt, the keyboard."""
    c1 = st.ids[0]
    windows = st.camera.windows
    payment_id = await st.facade.pay_by_card()
    # Every window shows the one payment (each asking for its own would find the terminal busy).
    st.camera.show("pay_card", {"payment_id": payment_id, "status": "waiting"})
    await st.camera.take("pay_card")
    await st.pay["card_declined"]()  # the terminal waits for the card, the bank declines it
    await st.camera.shown_by_kiosk("pay_result")
    await st.camera.take("pay_declined")
    st.camera.show("pay_phone")
    await st.camera.take("pay_phone")
    page = await st.facade.pay_by_qr(None)
    st.camera.show("pay_qr", {"page": page})
    await st.camera.take("pay_qr_hold")
    await st.facade.cancel_payment(page.payment_id)
    st.camera.show("idle")
    offer = st.facade.payment_offer()
    page = await st.facade.pay_by_qr(offer.topups_minor[0])
    st.camera.show("pay_qr", {"page": page})
    await st.camera.take("pay_qr_prepaid")
    # The car is plugged in first: once the page is paid, the flow opens the session there by itself.
    await st.plug(0, soc_pct=35)
    await st.pay["qr_fpx"]()
    session: int = await until(lambda: st.card(c1).session_id, "the paid session")
    await until(lambda: st.card(c1).energy_Wh >= 50, "energy on the paid session")
    st.camera.show("charging", {"connector_id": c1, "session_id": session, "own": True})
    await until(lambda: st.facade.running_cost_lines(c1, "en"), "the cost so far")
    await asyncio.sleep(1.2)  # the screen fetches the cost once a second
    await st.camera.take("charging_paid")
    # What the payment service announces near the limit (a top-up lasts longer than a screenshot run).
    running = st.facade.running_cost(c1, "en")
    cost = running.total_minor if running is not None else 0
    st.facade._publish(PaymentLimit(session, c1, page.amount_minor, cost, False, page.currency))
    await asyncio.sleep(0.2)
    await st.camera.take("charging_limit")
    await st.facade.stop_session(c1)
    await st.camera.shown_by_kiosk("summary")

    def receipt_shown() -> bool:
        payments = [w.screens["summary"].payment for w in windows]  # type: ignore[attr-defined]
        return all(p is not None and p.receipt_url for p in payments)

    await until(receipt_shown, "the paid session's receipt")
    await st.camera.take("summary_paid")
    for window in windows:
        window.screens["summary"].receipt.click()  # type: ignore[attr-defined]
    await st.camera.shown_by_kiosk("receipt")
    await st.camera.take("receipt")
    st.camera.show("receipt_email", {"session_id": session})
    for window in windows:
        for key in "ali.hassan@example.com":
            window.screens["receipt_email"].keyboard.press(key)  # type: ignore[attr-defined]
    await st.camera.take("receipt_email")
    await st.ctl.call("unplug", charger=0)
    await until(lambda: st.card(c1).state == "available", "the paid connector free again")
    st.camera.show("idle")


async def shoot_admin(st: Station, runtime: StationRuntime, operators: OperatorFacade) -> None:
    """The admin mode (launcher/admin_screenshots.py) in the kiosk windows of the admin sizes, on a station
    with something to show: connector 1 charging, 2 a car waiting for its card, 3 its emergency stop
    pressed, 4 available. (The emergency stop clears itself once released with no car there; a ground
    fault would stay latched for a technician, docs/fault-catalogue.md.)"""
    c1, _, c3 = st.ids[:3]
    await st.plug(0, soc_pct=35)
    await st.open_session(c1)
    await st.plug(1, soc_pct=60)
    await st.ctl.call("fault", charger=2, kind="estop", active=True)
    # Generous: on a loaded machine the first current can take a few balancer cycles.
    await until(lambda: st.card(c1).energy_Wh > 0, "energy on connector 1", 2 * WAIT_S)
    await until(lambda: st.card(c3).state != "available", "the emergency stop on connector 3")
    main = st.camera
    st.camera.show("idle")  # the gesture opens the admin mode from the idle screen only
    windows = [w for w, size in zip(main.windows, main.sizes, strict=True) if size in ADMIN_SIZES]
    camera = Camera(main.out, main.count, windows, main.languages, main.only)
    await shoot_admin_mode(runtime, operators, windows, camera)
    main.shots.extend(camera.shots)
    main.problems.extend(camera.problems)
    await st.ctl.call("fault", charger=2, kind="estop", active=False)
    await st.reset()


async def shoot_report(runtime: StationRuntime, config: StationConfig, camera: Camera) -> None:
    """This month's report from the station's own ledger (the sessions the shots made), each page rendered
    to PNG at 150 dpi by pdfium, in each language the report has (docs/analytics.md, "Reports")."""
    import pypdfium2

    analytics = build_analytics(runtime, config)
    now = runtime.clock()
    month = datetime.fromtimestamp(now.timestamp() + analytics.utc_offset_s, UTC).strftime("%Y-%m")
    for language in [code for code in camera.languages if code in REPORT_LANGUAGES]:
        pdf = await asyncio.to_thread(
            render_monthly_report, analytics, month, config.station_name, language, prepared_at=now
        )
        document = pypdfium2.PdfDocument(pdf)
        try:
            for number in range(len(document)):
                page = document[number]
                image = page.render(scale=150 / 72).to_pil()
                page.close()
                size = (image.width, image.height)
                path = camera.out / f"report-{camera.count}c-{language}-p{number + 1}-{size[0]}x{size[1]}.png"
                image.save(path)
                camera.shots.append(Shot("report", camera.count, language, size, path))
        finally:
            document.close()


def payment_actions(stripe: FakeStripe, reader_id: str) -> dict[str, Callable[[], Awaitable[object]]]:
    """What a driver does on the provider's side: a card at the terminal, the newest QR page paid."""

    async def card(number: str | None) -> object:
        await until(lambda: reader_id in stripe.waiting_readers(), "the terminal waiting for the card")
        return await asyncio.to_thread(stripe.present_card, reader_id, number)

    async def page(method: str) -> object:
        checkout = await until(lambda: stripe.open_checkouts(), "an open payment page")
        return await asyncio.to_thread(stripe.pay_checkout, checkout[-1], method)

    return {
        "card_ok": lambda: card(None),
        "card_declined": lambda: card(DECLINED_CARD),
        "qr_card": lambda: page("card"),
        "qr_fpx": lambda: page("fpx"),
    }


def wanted(only: set[str], *names: str) -> bool:
    return not only or any(name in only for name in names)


async def capture(
    sim: SimulatorProcess,
    out: Path,
    count: int,
    languages: list[str],
    sizes: tuple[tuple[int, int], ...],
    only: set[str],
) -> Camera:
    """Drives one station through its states (SHOTS) and photographs each."""
    ctl = SimControl(sim.host, sim.ports.control_port).connect()
    ledger = Path(tempfile.mkdtemp(prefix="kiosk-shots-")) / "ledger.sqlite3"
    # Payments through the real Stripe SDK against the fake Stripe on loopback, with one terminal: the
    # payment screens show the station's own payments, as the card screens show its own cards.
    stripe = FakeStripe(default_spec_path())
    stripe.start()
    reader_id = stripe.register_reader("Kiosk terminal")
    config = demo_config(StationConfig(), sim.ports.charger_ports, sim.host)
    config = dataclasses.replace(
        config,
        database=DatabaseSettings(url=f"sqlite:///{ledger}"),
        # Heartbeats well inside the lease while the simulator runs faster than real time.
        link=LinkSettings(heartbeat_ms=200, lease_ms=8000),
        kiosk=KioskSettings(languages=tuple(languages), default_language=languages[0]),
        payments=PaymentSettings(
            provider="stripe",
            api_base=stripe.url,
            terminals=(CardTerminal(reader_id=reader_id),),
            receipts=ReceiptParticulars(base_url=RECEIPTS_BASE),
        ),
    )
    config = demo_kiosk_config(config)  # the demo's site name, station ID and helpline
    runtime = StationRuntime(config)
    await runtime.start()
    seed_demo_cards(runtime.engine)
    provider = StripeProvider(
        "sk_test_screenshots", api_base=stripe.url, qr_methods=config.payments.qr_methods
    )
    payment_side = PaymentSide(runtime, provider, config)
    await payment_side.start()
    # A virtual reader: the capture unplugs it and fails a read as a real one would (no debounce: each
    # of its events is meant).
    reader = VirtualCardReader(debounce_s=0.0)
    facade = DriverFacade(runtime, card_reader=reader, kiosk=config.kiosk, payments=payment_side.service)
    await facade.start()
    # The admin mode's facade, as the launcher builds it beside the driver's (refunds through the same
    # payments; the self-test sees the same reader).
    # With the station's analytics too, as the launcher builds it: the analytics screen has figures.
    operators = OperatorFacade(
        runtime,
        settings=ADMIN_SETTINGS,
        payments=payment_side.service,
        analytics=build_analytics(runtime, config),
        driver=facade,
    )
    windows = []
    x = 0
    for width, height in sizes:
        window = KioskWindow(
            facade,
            theme=load_theme(width, height),
            message_s=3600.0,
            idle_timeout_s=3600.0,
            operators=operators,
        )
        window.resize(width, height)
        window.move(x, 0)  # side by side, none covering another
        x += width
        window.show()
        windows.append(window)
    camera = Camera(out, count, windows, languages, only)
    panel = SimPanel(ctl, facade, count, poll_status=False, refusals=(SimError, OSError))
    try:
        ids = [card.connector_id for card in facade.connectors()]
        assert len(ids) == count, ids  # one connector per simulated charger
        st = Station(ctl, facade, reader, camera, ids, pay=payment_actions(stripe, reader_id))
        await until(lambda: all(c.state == "available" for c in facade.connectors()), "chargers online")
        full = count == 4
        if wanted(only, "idle", "phone_link"):
            await shoot_idle(st, full)
        if wanted(only, "pick", "plug", "charging"):
            await shoot_pick_plug_charging(st)
        if wanted(only, "idle_busy", "refused_no_connector"):
            await shoot_idle_busy(st, refuse=full)
        if full:
            await st.reset()
            if wanted(only, *admin_shot_names()):
                await shoot_admin(st, runtime, operators)
            if wanted(only, "idle_reader_unplugged", "reader_problem"):
                await shoot_reader(st)
            if wanted(only, "authorise", "refused_blocked", "refused_unknown"):
                await shoot_cards(st)
            if st.pay and wanted(only, *PAYMENT_SHOTS):
                await shoot_payments(st)
            if wanted(only, "idle_mixed", "fault", "summary", "fault_session", "summary_unplugged"):
                await shoot_mixed_and_endings(st)
            if wanted(only, "out_of_service"):
                await shoot_out_of_service(st)
            if wanted(only, "report"):
                await shoot_report(runtime, config, camera)
        if count == PANEL_COUNT and wanted(only, "panel"):
            await panel._refresh_status()
            panel.resize(900, 720)
            panel.show()
            for code in ("en", "ms"):
                panel.set_language(code)
                path = out / f"panel-{code}-900x720.png"
                grab(panel).save(str(path))
                camera.shots.append(Shot("panel", count, code, (900, 720), path))
    finally:
        panel.close_panel()
        for window in windows:
            window.close_kiosk()
            window.close()
            window.deleteLater()
        panel.deleteLater()
        await facade.stop()
        await payment_side.stop()
        await runtime.stop()
        stripe.stop()
        ctl.close()
        await asyncio.sleep(0.1)  # the deferred deletions run while the loop still turns
    return camera


def write_index(out: Path, shots: list[Shot], problems: list[str]) -> Path:
    """index.html: a part per connector count, a section per screen, a row per language."""
    titles = (
        dict(SHOTS)
        | {
            "panel": "the simulator panel (demo mode)",
            "report": "the monthly report (PDF pages) from this station's ledger, rendered by pdfium",
        }
        | admin_shot_titles()
    )
    clipped = {line.split(":", 1)[0] for line in problems}
    parts = [
        "<!doctype html><meta charset='utf-8'><title>Kiosk screenshots</title>",
        "<style>body{font-family:sans-serif;margin:1em}img{border:1px solid #888;margin:4px;"
        "vertical-align:top}td{vertical-align:top}.clip img{border:3px solid #c00}</style>",
        "<h1>Kiosk screenshots</h1>",
        f"<p>{len(shots)} images rendered offscreen against the simulator, "
        f"{time.strftime('%Y-%m-%d %H:%M')}. Shown at a third of their size; click one for the file. "
        f"{len(problems)} layout problems in <a href='clipping.txt'>clipping.txt</a> "
        "(their images framed in red).</p>",
    ]
    for count in dict.fromkeys(shot.count for shot in shots):
        parts.append(f"<h2 id='c{count}'>{count} connector{'s' if count > 1 else ''}</h2>")
        of_count = [s for s in shots if s.count == count]
        for name in dict.fromkeys(shot.name for shot in of_count):
            parts.append(f"<h3 id='c{count}-{name}'>{html.escape(titles.get(name, name))}</h3><table>")
            for language in dict.fromkeys(s.language for s in of_count if s.name == name):
                row = [s for s in of_count if s.name == name and s.language == language]
                cells = "".join(
                    f"<td{' class=clip' if s.path.name in clipped else ''}><a href='{s.path.name}'>"
                    f"<img src='{s.path.name}' width='{s.size[0] // 3}' "
                    f"alt='{name} {language} {s.size[0]}x{s.size[1]}'></a><br>{s.size[0]}x{s.size[1]}</td>"
                    for s in row
                )
                parts.append(f"<tr><th>{language}</th>{cells}</tr>")
            parts.append("</table>")
    index = out / "index.html"
    index.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return index


def run(
    out: Path,
    languages: list[str] | None = None,
    sizes: tuple[tuple[int, int], ...] = SIZES,
    only: set[str] | None = None,
    counts: tuple[int, ...] = COUNTS,
) -> tuple[list[Shot], list[str]]:
    """One simulator per connector count; the screenshots into out, index.html and clipping.txt.

    The shots and the layout problems found on them."""
    import qasync

    build_translations()
    out.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    own_app = existing is None
    app = existing if isinstance(existing, QApplication) else QApplication(["kiosk-screenshots"])
    app.setQuitOnLastWindowClosed(False)
    codes = languages or [lang.code for lang in available_languages()]
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    shots: list[Shot] = []
    problems: list[str] = []
    try:
        with loop, collecting_in_main_thread():
            for count in counts:
                with SimulatorProcess(chargers=count, realtime_factor=REALTIME_FACTOR) as sim:
                    camera = loop.run_until_complete(capture(sim, out, count, codes, sizes, only or set()))
                shots.extend(camera.shots)
                problems.extend(camera.problems)
    finally:
        asyncio.set_event_loop(None)
        if own_app:
            # Qt's objects are destroyed here, in the Qt thread, not in whatever order the
            # interpreter's teardown frees modules.
            app.shutdown()
    (out / "clipping.txt").write_text("".join(f"{line}\n" for line in problems), encoding="utf-8")
    write_index(out, shots, problems)
    return shots, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk-screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("build/screenshots"), help="output directory")
    parser.add_argument("--languages", help="comma-separated language codes (default: every complete one)")
    parser.add_argument(
        "--only",
        help="comma-separated screen names (default: all): " + ", ".join([*dict(SHOTS), *admin_shot_names()]),
    )
    parser.add_argument(
        "--counts",
        default=",".join(map(str, COUNTS)),
        help="comma-separated connector counts, one simulated station each (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    shots, problems = run(
        args.out,
        languages=args.languages.split(",") if args.languages else None,
        only=set(args.only.split(",")) if args.only else None,
        counts=tuple(int(c) for c in args.counts.split(",")),
    )
    took = time.monotonic() - started
    print(f"{len(shots)} screenshots in {args.out} ({took:.1f} s): {args.out / 'index.html'}")
    if problems:
        images = len({line.split(":", 1)[0] for line in problems})
        print(f"{len(problems)} layout problems in {images} screenshots: {args.out / 'clipping.txt'}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
