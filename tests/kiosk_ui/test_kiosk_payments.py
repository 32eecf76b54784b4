"""The kiosk's payment screens as a driver without an RFID card meets them: the pay buttons and the hold
on idle, the card terminal's instruction, a decline in Malay, the QR code of the payment page (decoded
back from the pixels on screen), the paid bill with its receipt code, and the e-mail keyboard.

The station and its simulator are real. The first tests drive the payment screens through a stand-in of
the facade's payment side (StandInPayments, publishing the updates the payment service would) to reach
every state at will; the last ones run the real payment service through the real Stripe SDK against the
fake Stripe (tests/support/paid_station.py), a driver paying as on the street."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterator
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
import test_kiosk_flow
from paid_station import paid_station
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from test_kiosk_flow import CARD, kiosk, on_screen, shows, tap, texts, until

from app.driver import (
    PaidSession,
    PaymentLimit,
    PaymentOffer,
    PaymentUnavailableError,
    PaymentUpdate,
    QrPayment,
)
from app.driver.facade import DriverFacade, _Pending
from kiosk_ui.app import KioskWindow
from kiosk_ui.layout_check import layout_problems
from kiosk_ui.qr_code import QrCode, qr_matrix
from kiosk_ui.theme import MIN_TEXT_PX, load_theme

pytest_plugins = ["stripe_fixtures"]

# The set-up of tests/kiosk_ui/test_kiosk_flow.py: one qasync loop for the module, the .qm files built.
qt_loop = test_kiosk_flow.qt_loop
run_async = test_kiosk_flow.run_async
translations_built = test_kiosk_flow.translations_built

PAGE_URL = "https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ0123456789#fidkdWxOYHwnPyd1blpxYHZxWjA0"
DECLINED_CARD = "4000000000009995"  # the fake Stripe's card declined for insufficient funds
RECEIPT_URL = "https://station.example/receipts/7f3c2a9e41b04d8c"
OFFER = PaymentOffer(
    card=True,
    qr=True,
    currency="MYR",
    hold_minor=5000,
    topups_minor=(1000, 2000, 5000),
    qr_methods=("card", "fpx", "grabpay"),
)


class StandInPayments:
    """The facade's payment methods over a real station: what the kiosk asked for is recorded, and the
    test publishes the updates the payment service would."""

    def __init__(self, facade: DriverFacade, offer: PaymentOffer = OFFER) -> None:
        self.facade = facade
        self.offer = offer
        self.next_id = 41
        self.cancelled: list[int] = []
        self.requested: list[Any] = []
        self.paid: dict[int, PaidSession] = {}
        self.emailed: list[tuple[int, str]] = []
        self.unavailable: str | None = None
        facade.payment_offer = lambda: self.offer  # type: ignore[method-assign]
        facade.pay_by_card = self.pay_by_card  # type: ignore[method-assign]
        facade.pay_by_qr = self.pay_by_qr  # type: ignore[method-assign]
        facade.cancel_payment = self.cancel_payment  # type: ignore[method-assign]
        facade.paid_session = self.paid.get  # type: ignore[method-assign,assignment]
        facade.email_receipt = self.email_receipt  # type: ignore[method-assign]

    async def pay_by_card(self, connector_id: str | None = None) -> int:
        await asyncio.sleep(0.05)
        if self.unavailable:
            raise PaymentUnavailableError(self.unavailable)
        self.next_id += 1
        self.requested.append(("card", connector_id))
        return self.next_id

    async def pay_by_qr(self, prepaid_minor: int | None = None) -> QrPayment:
        await asyncio.sleep(0.05)
        self.next_id += 1
        self.requested.append(("qr", prepaid_minor))
        amount = prepaid_minor if prepaid_minor is not None else self.offer.hold_minor
        return QrPayment(self.next_id, PAGE_URL, amount, "MYR", prepaid_minor is not None, 300)

    async def cancel_payment(self, payment_id: int) -> None:
        self.cancelled.append(payment_id)

    async def email_receipt(self, session_id: int, address: str) -> None:
        if "@" not in address:
            raise ValueError(address)
        self.emailed.append((session_id, address))

    def publish(self, status: str, reason: str | None = None) -> None:
        self.facade._publish(PaymentUpdate(self.next_id, status, reason))

    def authorise(self, id_tag: str = CARD) -> None:
        """What the facade does with an authorised payment: the tag waits for a connector choice."""
        self.facade._pending = _Pending(id_tag, None, time.monotonic() + 60.0, self.next_id)
        ready = tuple(self.facade.ready_connectors())
        self.facade._publish(PaymentUpdate(self.next_id, "authorised", None, id_tag, ready))


def decoded_qr(widget: QrCode) -> list[list[bool]]:
    """The QR code read back from the widget's own pixels: the dark symbol's bounds, the module size from
    the top-left finder pattern (seven modules wide, ISO/IEC 18004 section 6.3.3), then each module's
    centre sampled."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)

    def dark(x: int, y: int) -> bool:
        return image.pixelColor(x, y).lightness() < 128

    points = [(x, y) for y in range(image.height()) for x in range(image.width()) if dark(x, y)]
    assert points, "no QR code on screen"
    left = min(x for x, _ in points)
    top = min(y for _, y in points)
    right = max(x for x, _ in points)
    finder = 0
    while dark(left + finder, top):
        finder += 1
    module = finder / 7
    count = round((right - left + 1) / module)
    # The quiet zone: light all around, at least four modules.
    assert all(not dark(left - d, top + 3) for d in range(1, int(4 * module)))
    return [
        [dark(int(left + (x + 0.5) * module), int(top + (y + 0.5) * module)) for x in range(count)]
        for y in range(count)
    ]


async def fits(window: KioskWindow) -> None:
    """No text cut or too small on the current screen, once its layout has settled."""
    await asyncio.sleep(0.1)
    problems = layout_problems(window, round(MIN_TEXT_PX * window.theme.scale))
    assert not problems, (window.current_screen().name, problems)


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_idle_offers_card_and_phone_with_the_hold(realtime_sim, tmp_path, qtbot, run_async):
    async def scenario() -> None:
        async with kiosk(realtime_sim, tmp_path) as (window, _):
            # No payments configured: nothing shown, nothing said.
            await on_screen(window, "idle", "Tap your card to start")
            assert not shows(window, "Pay by card") and not shows(window, "held")
            payments = StandInPayments(window.env.facade)
            window.show_screen("idle", {})
            await on_screen(
                window,
                "idle",
                "Pay by card",
                "Pay by phone (QR)",
                "Card payments: RM 50.00 is held, you pay only what you use",
            )
            await fits(window)
            # Configured but the provider is down: greyed, with the reason.
            payments.offer = PaymentOffer(
                False, False, "MYR", 5000, (), ("card",), "provider_down", "provider_down"
            )
            window.show_screen("idle", {})
            await on_screen(window, "idle", "Card and phone payments are not working at the moment.")
            assert not window.findChild(QWidget, "idle_pay_card").isEnabled()

    run_async(scenario())


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_pay_by_card_waits_for_the_card_then_plug_in(realtime_sim, tmp_path, qtbot, run_async):
    async def scenario() -> None:
        async with kiosk(realtime_sim, tmp_path) as (window, _):
            payments = StandInPayments(window.env.facade)
            window.show_screen("idle", {})
            await tap(window, "idle_pay_card", qtbot)
            await on_screen(window, "pay_card", "Pay by card", "RM 50.00 is held; you pay only what you use.")
            await until(lambda: payments.requested, "the hold asked for")
            payments.publish("waiting")
            await on_screen(window, "pay_card", "Tap or insert your card on the reader", "1:")
            assert window.current_screen().timed
            await fits(window)
            payments.authorise()
            await on_screen(window, "plug", "Plug in at connector 1")  # one connector: no choice
            assert not payments.cancelled  # the authorised payment is the session's now

    run_async(scenario())


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_a_declined_card_says_why_in_malay_and_offers_another_try(realtime_sim, tmp_path, qtbot, run_async):
    async def scenario() -> None:
        async with kiosk(realtime_sim, tmp_path) as (window, _):
            payments = StandInPayments(window.env.facade)
            await tap(window, "language:ms", qtbot)
            await tap(window, "idle_pay_card", qtbot)
            await on_screen(window, "pay_card", "Bayar dengan kad")
            await until(lambda: payments.requested, "the hold asked for")
            payments.publish("declined", "insufficient_funds")
            await on_screen(window, "pay_result", "Pembayaran ditolak", "baki tidak mencukupi")
            await fits(window)
            await tap(window, "pay_result_retry", qtbot)
            await on_screen(window, "pay_card", "Bayar dengan kad")
            await until(lambda: len(payments.requested) == 2, "a second hold asked for")
            await tap(window, "pay_card_cancel", qtbot)
            await on_screen(window, "idle")
            await until(lambda: payments.cancelled == [payments.next_id], "the hold given back")
            # A terminal that cannot be reached: said before anything is asked of the driver.
            payments.unavailable = "reader_offline"
            await tap(window, "idle_pay_card", qtbot)
            await on_screen(window, "pay_result", "Terminal kad tidak berfungsi.")

    run_async(scenario())


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_pay_by_phone_shows_the_page_as_a_qr_code(realtime_sim, tmp_path, qtbot, run_async):
    async def scenario() -> None:
        async with kiosk(realtime_sim, tmp_path) as (window, _):
            payments = StandInPayments(window.env.facade)
            window.show_screen("idle", {})
            await tap(window, "idle_pay_qr", qtbot)
            await on_screen(window, "pay_phone", "Card (hold RM 50.00)", "Online banking / GrabPay (prepay)")
            await fits(window)
            await tap(window, "topup:2000", qtbot)
            await on_screen(
                window,
                "pay_qr",
                "RM 20.00",
                "Scan with your phone camera and pay. Charging starts when payment is received.",
                "Unused credit is refunded automatically.",
                "4:",  # the page's own expiry (300 s) counts down
            )
            assert payments.requested == [("qr", 2000)]
            qr = window.findChild(QrCode, "pay_qr_code")
            assert min(qr.width(), qr.height()) >= 180
            assert decoded_qr(qr) == qr_matrix(PAGE_URL)
            await fits(window)
            payments.publish("expired")
            await on_screen(window, "pay_result", "Time ran out")
            await tap(window, "pay_result_back", qtbot)
            await on_screen(window, "idle")
            await tap(window, "idle_pay_qr", qtbot)
            await tap(window, "pay_phone_hold", qtbot)
            await on_screen(window, "pay_qr", "RM 50.00 is held; you pay only what you use.")
            await until(lambda: payments.requested[-1] == ("qr", None), "a page with a card hold asked for")
            # A page already asked for (a second display of the kiosk) is shown, not asked for again.
            asked = len(payments.requested)
            page = QrPayment(7, RECEIPT_URL, 3000, "MYR", True, 120)
            window.show_screen("pay_qr", {"page": page})
            await on_screen(window, "pay_qr", "RM 30.00", "2:00")
            assert decoded_qr(window.screens["pay_qr"].qr) == qr_matrix(RECEIPT_URL)
            assert len(payments.requested) == asked

    run_async(scenario())


@pytest.mark.sim(chargers=1, realtime_factor=4)
def test_a_paid_session_shows_its_limit_then_the_receipt_and_mails_it(
    realtime_sim, tmp_path, qtbot, run_async
):
    sim = realtime_sim

    async def scenario() -> None:
        async with kiosk(sim, tmp_path) as (window, _):
            payments = StandInPayments(window.env.facade)
            await sim.ctl.call("plug", charger=0)
            await tap(window, "idle_pay_card", qtbot)
            await until(lambda: payments.requested, "the hold asked for")
            connector = window.env.facade.connectors()[0].connector_id

            payments.authorise()
            await on_screen(window, "charging", "Charging")
            session_id = window.screens["charging"].context["session_id"]
            held = PaidSession(
                "card_present", "authorised", "MYR", 5000, 0, 0, "Visa \u2022\u2022\u2022\u2022 4242"
            )
            payments.paid[session_id] = held
            window.show_screen("charging", {"connector_id": connector, "session_id": session_id, "own": True})
            await on_screen(window, "charging", "of RM 50.00 held")
            window.env.facade._publish(PaymentLimit(session_id, connector, 5000, 4700, False, "MYR"))
            await on_screen(
                window, "charging", "Nearly at your RM 50.00 limit: charging will stop at the limit"
            )
            await fits(window)
            payments.paid[session_id] = PaidSession(
                "card_present",
                "captured",
                "MYR",
                5000,
                1230,
                0,
                "Visa \u2022\u2022\u2022\u2022 4242",
                "R-000123",
                RECEIPT_URL,
            )
            await window.env.facade.stop_session(connector)
            await on_screen(
                window,
                "summary",
                "Paid: RM 12.30 (Visa \u2022\u2022\u2022\u2022 4242)",
                "RM 37.70 released",
                "Receipt R-000123",
            )
            await fits(window)
            await tap(window, "summary_receipt", qtbot)
            await on_screen(window, "receipt", "Scan for your receipt", "Receipt R-000123")
            receipt_qr = window.screens["receipt"].qr
            assert min(receipt_qr.width(), receipt_qr.height()) >= 180
            assert decoded_qr(receipt_qr) == qr_matrix(RECEIPT_URL)
            await fits(window)
            await tap(window, "receipt_by_email", qtbot)
            await on_screen(window, "receipt_email", "OK", "Cancel")
            keys = window.screens["receipt_email"].keyboard.keys
            assert all(k.height() >= 44 and k.width() >= 44 for k in keys.values())
            await fits(window)
            for key in "ali@example.com":
                await tap(window, f"key:{key}", qtbot)
            assert window.screens["receipt_email"].keyboard.text == "ali@example.com"
            await tap(window, "email_ok", qtbot)
            await on_screen(window, "summary", "Receipt sent to a***@example.com")
            assert payments.emailed == [(session_id, "ali@example.com")]
            # An address the station refuses: said on the keyboard screen, in the driver's language.
            await tap(window, "summary_receipt", qtbot)
            await tap(window, "receipt_by_email", qtbot)
            await tap(window, "key:x", qtbot)
            await tap(window, "email_ok", qtbot)
            await on_screen(window, "receipt_email", "This is not a valid e-mail address.")

    run_async(scenario())


@pytest.mark.parametrize("size", [(800, 480), (1280, 800), (1920, 1080)])
@pytest.mark.sim(chargers=1, realtime_factor=1)
def test_the_payment_screens_fit_every_display_and_language(realtime_sim, tmp_path, qtbot, run_async, size):
    async def scenario() -> None:
        settings = {"languages": ("en", "ms", "zh_CN", "ta")}
        async with kiosk(realtime_sim, tmp_path, settings, theme=load_theme(*size)) as (window, _):
            window.resize(*size)
            payments = StandInPayments(window.env.facade)
            for language in ("en", "ms", "zh_CN", "ta"):
                window.set_language(language)
                for name, context in (
                    ("idle", {}),
                    ("pay_card", {}),
                    ("pay_phone", {}),
                    ("pay_qr", {"prepaid_minor": 2000}),
                    (
                        "pay_result",
                        {"status": "declined", "reason": "insufficient_funds", "retry": "pay_card"},
                    ),
                    ("pay_result", {"status": "unavailable", "reason": "reader_busy", "retry": "pay_card"}),
                    ("receipt_email", {"session_id": 1}),
                ):
                    window.show_screen(name, context)
                    await asyncio.sleep(0.15)
                    assert (window.width(), window.height()) == size, name
                    problems = layout_problems(window, round(MIN_TEXT_PX * window.theme.scale))
                    assert not problems, (language, name, problems, texts(window))
                window.show_screen("idle", {})
            assert payments.requested

    run_async(scenario())


@pytest.mark.parametrize("size", [(800, 480), (1280, 800), (1920, 1080)])
@pytest.mark.sim(chargers=8, realtime_factor=1)
def test_idle_with_payments_fits_eight_connectors(realtime_sim, tmp_path, qtbot, run_async, size):
    async def scenario() -> None:
        settings = {"languages": ("en", "ms", "zh_CN", "ta")}
        async with kiosk(realtime_sim, tmp_path, settings, theme=load_theme(*size)) as (window, _):
            window.resize(*size)
            StandInPayments(window.env.facade)
            await until(lambda: len(window.env.facade.connectors()) == 8, "eight connectors")
            for language in ("en", "ms", "zh_CN", "ta"):
                window.set_language(language)
                window.show_screen("idle", {})
                await on_screen(window, "idle")
                await asyncio.sleep(0.15)
                assert window.findChild(QWidget, "idle_pay_qr").isVisible()
                problems = layout_problems(window, round(MIN_TEXT_PX * window.theme.scale))
                assert not problems, (language, problems)

    run_async(scenario())


@contextlib.asynccontextmanager
async def paid_kiosk(sim: Any, tmp_path: Any, fake: Any) -> AsyncIterator[tuple[KioskWindow, Any, str]]:
    """The kiosk at 800x480 on a station taking payments (fake Stripe, one terminal): window, facade,
    the terminal's reader id."""
    async with paid_station(sim, tmp_path, fake) as (_runtime, facade, _service, reader_id, _events):
        window = KioskWindow(facade, theme=load_theme(800, 480), message_s=2.0, idle_timeout_s=30.0)
        window.resize(800, 480)
        window.show()
        try:
            yield window, facade, reader_id
        finally:
            window.close_kiosk()
            window.close()
            window.deleteLater()


@pytest.mark.sim(chargers=2, realtime_factor=4)
def test_a_card_the_bank_declines_at_the_terminal_says_why_in_malay(
    realtime_sim, tmp_path, qtbot, run_async, fake_stripe
):
    async def scenario() -> None:
        async with paid_kiosk(realtime_sim, tmp_path, fake_stripe) as (window, _facade, reader_id):
            await tap(window, "language:ms", qtbot)
            await on_screen(window, "idle", "Bayar dengan kad", "RM 20.00 akan ditahan")
            await tap(window, "idle_pay_card", qtbot)
            await on_screen(window, "pay_card", "Sentuh atau masukkan kad anda pada terminal")
            await until(
                lambda: reader_id in fake_stripe.waiting_readers(), "the terminal waiting for the card"
            )
            await asyncio.to_thread(fake_stripe.present_card, reader_id, DECLINED_CARD)
            await on_screen(window, "pay_result", "Pembayaran ditolak", "baki tidak mencukupi")
            await fits(window)

    run_async(scenario())


@pytest.mark.sim(chargers=2, realtime_factor=4)
def test_a_prepaid_qr_payment_charges_and_ends_with_the_receipt_code(
    realtime_sim, tmp_path, qtbot, run_async, fake_stripe
):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_kiosk(sim, tmp_path, fake_stripe) as (window, facade, _reader_id):
            await sim.ctl.call("plug", charger=0)  # plug first, then pay: the session opens there
            await on_screen(window, "idle", "Pay by phone (QR)")
            await tap(window, "idle_pay_qr", qtbot)
            await on_screen(window, "pay_phone", "Card (hold RM 20.00)")
            await tap(window, "topup:500", qtbot)
            await on_screen(window, "pay_qr", "RM 5.00", "Unused credit is refunded automatically.")
            screen = window.screens["pay_qr"]
            await until(lambda: screen.page is not None, "the payment page")
            assert decoded_qr(screen.qr) == qr_matrix(screen.page.url)
            assert screen.page.url.endswith(fake_stripe.open_checkouts()[-1])
            await asyncio.to_thread(fake_stripe.pay_checkout, fake_stripe.open_checkouts()[-1], "fpx")
            await on_screen(window, "charging", "Charging", "of RM 5.00 prepaid")
            connector = window.screens["charging"].context["connector_id"]
            card = lambda: next(c for c in facade.connectors() if c.connector_id == connector)  # noqa: E731
            await until(lambda: card().energy_Wh > 0, "energy delivered")  # a session with a cost: a receipt
            await until(lambda: facade.running_cost_lines(connector, "en"), "the cost so far")
            await tap(window, "stop", qtbot)
            await on_screen(window, "summary", "Session ended", "Paid: RM", "refunded")
            await until(lambda: window.findChild(QWidget, "summary_receipt").isVisible(), "the receipt")
            await fits(window)
            await tap(window, "summary_receipt", qtbot)
            await on_screen(window, "receipt", "Scan for your receipt")
            payment = window.screens["receipt"].context["payment"]
            assert payment.receipt_url and payment.receipt_no
            assert shows(window, payment.receipt_no)
            assert decoded_qr(window.screens["receipt"].qr) == qr_matrix(payment.receipt_url)
            # This station sends no mail (no SMTP server configured): the driver is told to scan instead.
            await tap(window, "receipt_by_email", qtbot)
            for key in "ali@example.com":
                await tap(window, f"key:{key}", qtbot)
            await tap(window, "email_ok", qtbot)
            await on_screen(window, "receipt_email", "Scan the code instead.")

    run_async(scenario())
