"""Whole paid sessions through the kiosk's screens, as a driver does them: by card at the terminal in
English and by a card held on a QR page in Malay. The amount on the summary, in the ledger, in the
receipt PDF and at the provider is the same to the sen."""

from __future__ import annotations

import io

import pytest
import test_kiosk_flow
from paid_station import payment_rows, receipt_rows
from pypdf import PdfReader
from PySide6.QtWidgets import QWidget
from sessions_support import session_row
from test_kiosk_flow import on_screen, shows, tap, until
from test_kiosk_payments import decoded_qr, fits, paid_kiosk

from app.money import format_money
from kiosk_ui.qr_code import qr_matrix

pytest_plugins = ["stripe_fixtures"]

# The set-up of tests/kiosk_ui/test_kiosk_flow.py: one qasync loop for the module, the .qm files built.
qt_loop = test_kiosk_flow.qt_loop
run_async = test_kiosk_flow.run_async
translations_built = test_kiosk_flow.translations_built


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


async def charge_and_stop(window, facade, qtbot) -> str:
    """Charges for a moment on the charging screen, then Stop; the connector."""
    connector = window.screens["charging"].context["connector_id"]
    card = lambda: next(c for c in facade.connectors() if c.connector_id == connector)  # noqa: E731
    await until(lambda: card().energy_Wh > 100, "energy delivered")
    await tap(window, "stop", qtbot)
    return connector


def same_sen_everywhere(window, facade, fake, language: str, paid_words: str) -> None:
    engine = facade.runtime.engine
    [payment] = payment_rows(engine)
    [receipt] = receipt_rows(engine)
    cost = session_row(engine, receipt.session_id).cost_total_minor
    intent = fake.store.intents[payment.provider_payment_id]
    assert cost > 0 and payment.state == "captured"
    assert payment.amount_captured_minor == cost == intent["amount_received"] == receipt.total_minor
    amount = format_money(cost, "MYR", language)
    assert shows(window, f"{paid_words}: {amount}")  # on the summary
    text = pdf_text(receipt.pdf)
    assert amount in text and receipt.receipt_no in text  # in the receipt PDF
    assert "4242" in text and "4242424242424242" not in text
    # The summary shows the receipt's code in the bill's place: it opens this very receipt.
    assert decoded_qr(window.screens["summary"].receipt_qr) == qr_matrix(
        facade.paid_session(receipt.session_id).receipt_url
    )


def receipt_code_shown(window) -> bool:
    """The summary paints the receipt's code a refresh after it shows the paid amount."""
    try:
        decoded_qr(window.screens["summary"].receipt_qr)
    except AssertionError:
        return False
    return True


def car_seen(facade, index: int) -> bool:
    return facade.connectors()[index].vehicle_present


@pytest.mark.sim(chargers=2, realtime_factor=4)
def test_a_whole_card_session_at_the_terminal_in_english(
    realtime_sim, tmp_path, qtbot, run_async, fake_stripe
):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_kiosk(sim, tmp_path, fake_stripe) as (window, facade, reader_id):
            await sim.ctl.call("plug", charger=0)
            # The driver pays once the station has seen the car (a poll later); paying before that asks
            # which connector, as it should, and this test is about the session, not that race.
            await until(lambda: car_seen(facade, 0), "the car seen at connector 1")
            await on_screen(window, "idle", "Pay by card", "RM 20.00 is held")
            await tap(window, "idle_pay_card", qtbot)
            await on_screen(window, "pay_card", "Tap or insert your card on the reader")
            await until(lambda: reader_id in fake_stripe.waiting_readers(), "the terminal waiting")
            fake_stripe.present_card(reader_id)
            await on_screen(window, "charging", "of RM 20.00 held")
            await charge_and_stop(window, facade, qtbot)
            await on_screen(window, "summary", "Session ended")
            await until(
                lambda: [r for r in receipt_rows(facade.runtime.engine) if r.pdf], "the receipt issued"
            )
            await until(lambda: shows(window, "Paid: RM"), "the paid amount on the summary")
            await until(lambda: receipt_code_shown(window), "the receipt's code on the summary")
            same_sen_everywhere(window, facade, fake_stripe, "en", "Paid")

    run_async(scenario())


@pytest.mark.sim(chargers=2, realtime_factor=4)
def test_a_whole_card_hold_on_the_phone_in_malay(realtime_sim, tmp_path, qtbot, run_async, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        async with paid_kiosk(sim, tmp_path, fake_stripe) as (window, facade, _reader_id):
            await sim.ctl.call("plug", charger=1)
            await until(lambda: car_seen(facade, 1), "the car seen at connector 2")
            await tap(window, "language:ms", qtbot)
            await tap(window, "idle_pay_qr", qtbot)
            await on_screen(window, "pay_phone")
            await tap(window, "pay_phone_hold", qtbot)
            await on_screen(window, "pay_qr", "RM 20.00")
            screen = window.screens["pay_qr"]
            await until(lambda: screen.page is not None, "the payment page")
            fake_stripe.pay_checkout(fake_stripe.open_checkouts()[-1], "card")
            await on_screen(window, "charging")
            await charge_and_stop(window, facade, qtbot)
            await on_screen(window, "summary")
            await until(
                lambda: [r for r in receipt_rows(facade.runtime.engine) if r.pdf], "the receipt issued"
            )
            await until(lambda: shows(window, "Dibayar: RM"), "the paid amount on the summary")
            await until(lambda: receipt_code_shown(window), "the receipt's code on the summary")
            same_sen_everywhere(window, facade, fake_stripe, "ms", "Dibayar")
            assert receipt_rows(facade.runtime.engine)[0].language == "ms"
            assert "Resit" in pdf_text(receipt_rows(facade.runtime.engine)[0].pdf)

    run_async(scenario())


@pytest.mark.sim(chargers=2, realtime_factor=4)
def test_a_broken_rfid_reader_still_lets_drivers_pay(realtime_sim, tmp_path, qtbot, run_async, fake_stripe):
    async def scenario() -> None:
        async with paid_kiosk(realtime_sim, tmp_path, fake_stripe) as (window, facade, _reader_id):
            await on_screen(window, "idle", "Pay by card")
            facade._reader.unplug()  # the RFID reader's cable pulled (the station's virtual reader)
            await on_screen(window, "idle", "The card reader is not working: pay by card or by phone below.")
            for name in ("idle_pay_card", "idle_pay_qr"):
                pay = window.findChild(QWidget, name)
                assert pay.isVisible() and pay.isEnabled(), name
            assert not window.findChild(QWidget, "start").isVisible()
            await fits(window)
            await tap(window, "language:ms", qtbot)
            await on_screen(
                window, "idle", "Pembaca kad tidak berfungsi: bayar dengan kad atau telefon di bawah."
            )
            await fits(window)
            await tap(window, "idle_pay_card", qtbot)
            await on_screen(window, "pay_card")

    run_async(scenario())
