"""The admin sessions screen on the running paid station: the touch filters narrow the list the ledger
holds, a session's detail shows its meter values, transitions, payment and receipt number, and an
operator refunds part of a card payment on the amount keypad through the fake Stripe; a technician sees
no refund button. Nothing is cut at 800x480 or 1280x800 in any language."""

from __future__ import annotations

import asyncio
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
from admin_paid_station import admin_paid_station, card_session, rfid_session
from driver_station import READER_CARD
from paid_station import payment_rows, receipt_rows, refund_rows
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from sessions_support import wait_until

from app.money import format_money
from kiosk_ui.admin.admin_screen import AdminEnv
from kiosk_ui.admin.registry import ADMIN_SCREENS
from kiosk_ui.admin.sessions import SessionsScreen
from kiosk_ui.i18n import Translations, available_languages
from kiosk_ui.layout_check import layout_problems
from kiosk_ui.screen import KioskEnv
from kiosk_ui.theme import MIN_TEXT_PX, load_theme

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
pytest_plugins = ["stripe_fixtures", "admin_qt"]


async def until(condition, what: str, timeout_s: float = 20.0):
    """Lets the loop run until condition() is true; its value."""
    started = time.monotonic()
    while not (result := condition()):
        assert time.monotonic() - started < timeout_s, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)
    return result


def screen_for(station, operator, size=(800, 480)):
    theme = load_theme(*size)
    kiosk = KioskEnv(
        facade=station.driver,
        theme=theme,
        translations=Translations(available_languages()),
        plug_timeout_s=60.0,
        message_s=2.0,
    )
    env = AdminEnv(kiosk, station.operators, operator)
    window = QWidget()
    window.setObjectName("admin")
    window.setStyleSheet(theme.stylesheet())
    screen = SessionsScreen(env, window)
    window.resize(*size)
    screen.resize(*size)
    window.show()
    return window, screen, kiosk


async def problems(window) -> list[str]:
    """Cut or too small text once Qt has laid the window out again (a new text relays it later)."""
    await asyncio.sleep(0.05)
    return layout_problems(window, MIN_TEXT_PX)


def visible_text(screen, name) -> str:
    widget = screen.findChild(QLabel, name) or screen.findChild(QAbstractButton, name)
    return widget.text().replace("\n", " ") if widget is not None and widget.isVisible() else ""


def rows(screen) -> list[str]:
    return [row.text().replace("\n", " ") for row in screen.rows if row.isVisible()]


async def tap(screen, name: str, qtbot, within=None) -> None:
    def ready():
        found = (within or screen).findChild(QAbstractButton, name)
        return found if found is not None and found.isVisible() and found.isEnabled() else None

    qtbot.mouseClick(await until(ready, f"the button {name}"), Qt.MouseButton.LeftButton)


async def type_keys(screen, keypad, keys: str, qtbot) -> None:
    for key in keys:
        await tap(screen, f"key:{key}", qtbot, within=keypad)


def test_filters_detail_and_a_refund_on_the_keypad(realtime_sim, tmp_path, qtbot, run_async, fake_stripe):
    sim = realtime_sim
    assert SessionsScreen in ADMIN_SCREENS and SessionsScreen.min_role == "viewer"

    async def scenario() -> None:
        async with admin_paid_station(sim, tmp_path, fake_stripe) as station:
            engine = station.runtime.engine
            rfid = await rfid_session(station, sim, 1, READER_CARD)
            payment_id, paid = await card_session(station, sim, fake_stripe, 0)
            await wait_until(lambda: receipt_rows(engine), 15, "captured and the receipt issued")
            captured = payment_rows(engine)[0].amount_captured_minor
            boss = await station.sign_in("operator")
            window, screen, _ = screen_for(station, boss)
            try:
                screen.enter({})
                await until(lambda: len(rows(screen)) == 2, "both sessions listed")
                assert "CP00/1" in rows(screen)[0] and "Card at the terminal" in rows(screen)[0]
                assert READER_CARD in rows(screen)[1] and "CP01/1" in rows(screen)[1]
                assert await problems(window) == []

                # Filters: the way of paying (any -> RFID card), a connector, a card number's start.
                await tap(screen, "sessions_method", qtbot)
                await until(lambda: visible_text(screen, "sessions_method") == "RFID card", "rfid filter")
                await until(lambda: len(rows(screen)) == 1 and READER_CARD in rows(screen)[0], "rfid only")
                await tap(screen, "sessions_method", qtbot)
                await until(
                    lambda: len(rows(screen)) == 1 and "Card at the terminal" in rows(screen)[0], "card"
                )
                for _ in range(4):  # card, fpx, grabpay, then any again
                    await tap(screen, "sessions_method", qtbot)
                assert screen.method is None
                await until(lambda: screen.connectors == ("CP00/1", "CP01/1"), "the connectors")
                await tap(screen, "sessions_connector", qtbot)  # CP00/1
                await until(lambda: len(rows(screen)) == 1 and "CP00/1" in rows(screen)[0], "CP00/1 only")
                await tap(screen, "sessions_connector", qtbot)
                await tap(screen, "sessions_connector", qtbot)  # all again
                await tap(screen, "sessions_card", qtbot)
                await type_keys(screen, screen.keypad, "04A1", qtbot)
                assert visible_text(screen, "sessions_card_text") == "04A1|"
                assert await problems(window) == []
                await tap(screen, "sessions_card_search", qtbot)
                await until(lambda: len(rows(screen)) == 1 and READER_CARD in rows(screen)[0], "the card's")
                await tap(screen, "sessions_card", qtbot)
                await tap(screen, "sessions_card_clear", qtbot)
                await tap(screen, "sessions_card_search", qtbot)
                await tap(screen, "sessions_period_1", qtbot)
                await until(lambda: len(rows(screen)) == 2, "both again")

                # The paid session's detail.
                await tap(screen, "sessions_row_0", qtbot)
                await until(lambda: screen.detail.detail is not None, "the detail loaded")
                ref = screen.detail.detail.row.transaction_ref
                assert visible_text(screen, "detail_title") == f"Session {ref} · CP00/1"
                cost = format_money(captured, "MYR", "en")
                assert cost in visible_text(screen, "detail_figures")
                await tap(screen, "detail_tab_meter", qtbot)
                assert len(screen.detail.sparkline.points) >= 3
                assert "kWh" in visible_text(screen, "detail_meter_table")
                await tap(screen, "detail_tab_changes", qtbot)
                assert "Charging" in visible_text(screen, "detail_changes")
                assert "Ended" in visible_text(screen, "detail_changes")
                await tap(screen, "detail_tab_payment", qtbot)
                receipt_no = receipt_rows(engine)[0].receipt_no
                assert f"Receipt {receipt_no}" in visible_text(screen, "detail_payment")
                assert "•• 4242" in visible_text(screen, "detail_payment")
                assert await problems(window) == []

                # A refund of RM 0.50 on the keypad: all that is left is offered first.
                await tap(screen, "detail_refund", qtbot)
                left = f"{captured // 100}.{captured % 100:02d}"
                assert visible_text(screen, "refund_amount") == f"{left}|"
                for _ in left:
                    await tap(screen, "key:\u232b", qtbot, within=screen.detail.keypad)
                await type_keys(screen, screen.detail.keypad, "9999", qtbot)
                assert not screen.detail.amount_next.isEnabled()  # more than the capture: no next step
                for _ in "9999":
                    await tap(screen, "key:\u232b", qtbot, within=screen.detail.keypad)
                await type_keys(screen, screen.detail.keypad, "0.5", qtbot)
                assert await problems(window) == []
                await tap(screen, "refund_next", qtbot)
                assert "RM 0.50" in visible_text(screen, "refund_question")
                assert refund_rows(engine) == []  # nothing before the confirmation
                await tap(screen, "refund_confirm", qtbot)
                await until(
                    lambda: "Refunded: RM 0.50" in visible_text(screen, "detail_result"), "the result"
                )
                [refund] = refund_rows(engine)
                assert (refund.amount_minor, refund.state, refund.payment_id) == (50, "succeeded", payment_id)
                assert fake_stripe.store.refunds[refund.provider_refund_id]["amount"] == 50
                [asked] = station.audit("sessions.refund")
                assert (asked["actor"], asked["details"]["refund_id"]) == ("admin:Operator One", refund.id)
                [audit] = station.audit("sessions.refund_answer")
                assert (audit["actor"], audit["target"]) == ("admin:Operator One", f"session:{paid}")
                assert audit["details"]["provider_refund_id"] == refund.provider_refund_id
                await until(lambda: "Refunded: RM 0.50" in visible_text(screen, "detail_payment"), "reloaded")

                # Every language at both sizes: the list, the payment tab, the amount keypad.
                for size in ((800, 480), (1280, 800)):
                    other, big, _ = screen_for(station, boss, size)
                    try:
                        big.enter({"session_id": paid})
                        await until(lambda: big.detail.detail is not None, "detail")  # noqa: B023
                        for language in [lang.code for lang in available_languages()]:
                            big.env.kiosk.translations.set_language(language)
                            for tab in ("summary", "meter", "changes", "payment"):
                                big.detail.show_tab(tab)
                                assert await problems(other) == [], (language, size, tab)
                            big.detail._ask_amount()
                            assert await problems(other) == [], (language, size, "amount")
                            big.detail._confirm()
                            assert await problems(other) == [], (language, size, "confirm")
                            big.detail.back.emit()
                            await until(lambda: big.page is not None and rows(big), "list")  # noqa: B023
                            assert await problems(other) == [], (language, size, "list")
                            big._ask_card()
                            assert await problems(other) == [], (language, size, "card")
                            big.enter({"session_id": paid})
                            await until(lambda: big.detail.detail is not None, "detail")  # noqa: B023
                        big.env.kiosk.translations.set_language("en")
                    finally:
                        other.close()
                        other.deleteLater()

                # A technician sees the detail but no refund button.
                tech = await station.sign_in("technician")
                other, tech_screen, _ = screen_for(station, tech)
                try:
                    tech_screen.enter({"session_id": paid})
                    await until(lambda: tech_screen.detail.detail is not None, "detail")
                    tech_screen.detail.show_tab("payment")
                    assert tech_screen.detail.refund_button.isHidden()
                finally:
                    other.close()
                    other.deleteLater()
                assert rfid  # listed above
            finally:
                window.close()
                window.deleteLater()

    run_async(scenario())
