"""A free connector's driver page on the kiosk: the tile says it has one, a tap shows its QR code (the
charger's sticker's), read back from the screen's pixels; none without a web face (docs/kiosk.md)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
import test_kiosk_flow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from test_kiosk_flow import kiosk, on_screen, tap, texts, until, value
from test_kiosk_for_drivers import online
from test_kiosk_payments import decoded_qr

from kiosk_ui.qr_code import qr_matrix

qt_loop = test_kiosk_flow.qt_loop
run_async = test_kiosk_flow.run_async
translations_built = test_kiosk_flow.translations_built

BASE = "https://10.20.30.40:8443"


@pytest.mark.sim(chargers=2, realtime_factor=4)
def test_a_free_connector_shows_its_driver_page_and_a_taken_one_does_not(
    realtime_sim, tmp_path, qtbot, run_async
):
    async def scenario() -> None:
        async with kiosk(realtime_sim, tmp_path) as (window, runtime):
            facade = window.env.facade
            await online(window)
            first, second = (c.connector_id for c in facade.connectors())
            idle = window.screens["idle"]
            await until(lambda: len(idle.tiles) == 2, "the idle screen's tiles")

            def tile(connector_id: str) -> QWidget:
                return idle.tiles[connector_id]

            # No web face: no sign on the tiles, and a tap on a free one stays on the idle screen.
            assert not tile(first).phone_icon.isVisible()
            qtbot.mouseClick(tile(first), Qt.MouseButton.LeftButton)
            assert window.current_screen().name == "idle"

            facade.phone.page_base = BASE + "/"
            idle.refresh()
            await until(lambda: tile(first).phone_icon.isVisible(), "the phone sign on a free tile")
            assert tile(second).phone_icon.isVisible()
            qtbot.mouseClick(tile(first), Qt.MouseButton.LeftButton)
            await on_screen(window, "phone_link", "Charge from your phone", "Connector 1")
            screen = window.current_screen()
            # The driver page's address (web/pages.py): /c/<charger>/<connector number>.
            assert first.endswith("/1")
            assert decoded_qr(screen.qr) == qr_matrix(f"{BASE}/c/{first}")
            assert min(screen.qr.width(), screen.qr.height()) >= 180
            # The price before the start, as on the idle screen.
            assert value(window, "phone_link_price") == facade.price_headline("en")
            await tap(window, "language:ms", qtbot)
            await on_screen(window, "phone_link", "Cas dari telefon anda", "Kembali")
            await tap(window, "phone_link_back", qtbot)
            await on_screen(window, "idle")

            # A session on the second connector: its tile loses the sign, and its page closes if shown.
            qtbot.mouseClick(tile(second), Qt.MouseButton.LeftButton)
            await on_screen(window, "phone_link")
            assert decoded_qr(window.current_screen().qr) == qr_matrix(f"{BASE}/c/{second}")
            await runtime.sessions.authorise(second, "DEMO-0002")
            await realtime_sim.ctl.call("plug", charger=1)
            await on_screen(window, "idle")
            await until(lambda: not tile(second).phone_icon.isVisible(), "no phone sign on a taken tile")
            assert tile(first).phone_icon.isVisible(), texts(window)

            # The web face stops: no page to offer.
            facade.phone.page_base = ""
            idle.refresh()
            assert not tile(first).phone_icon.isVisible()

    run_async(scenario())
