"""Phone page screen: a free connector's QR code, the same as the sticker on its charger, which opens its
driver page on the phone (price, pay and start, follow, stop, receipt: docs/web.md "Driver page")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk_ui.qr_code import QrCode
from kiosk_ui.screen import KioskEnv, Screen, button, label
from kiosk_ui.texts import connector_text

PHONE_QR_PX = 200  # at 800x480, as the receipt's: a phone a forearm away reads it; grows with the scale


class PhoneLinkScreen(Screen):
    """Context: connector_id. Opened by tapping a free connector's tile on the idle screen; back to idle
    once the connector is taken or its page is gone (the web face stopped)."""

    name = "phone_link"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.qr = QrCode("phone_link_qr", round(PHONE_QR_PX * env.theme.scale))
        self.title = label("", "title")
        self.title.setObjectName("phone_link_title")
        self.connector = label("", "large")
        self.connector.setObjectName("phone_link_connector")
        self.price = label("", "body")
        self.price.setObjectName("phone_link_price")
        self.instruction = label("", "body")
        self.instruction.setObjectName("phone_link_instruction")
        self.back = button("secondary")
        self.back.setObjectName("phone_link_back")
        self.back.clicked.connect(lambda: self.go("idle"))
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.connector)
        text.addWidget(self.price)
        text.addWidget(self.instruction)
        text.addStretch(1)
        text.addWidget(self.back)
        layout = QHBoxLayout(self)
        layout.addWidget(self.qr, 5, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(text, 6)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Charge from your phone"))
        self.instruction.setText(
            self.tr("Scan with your phone camera: pay and start, follow and stop your charge on the phone.")
        )
        self.price.setText(self.env.facade.price_headline(self.env.tariff_language))
        self.back.setText(self.tr("Back"))

    def refresh(self) -> None:
        connector_id = self.context.get("connector_id", "")
        card = next((c for c in self.env.facade.connectors() if c.connector_id == connector_id), None)
        url = self.env.facade.phone.page_url(connector_id)
        # A connector a session could start on now (free, or a car plugged in and waiting for a card).
        ready = connector_id in self.env.facade.ready_connectors()
        if card is None or url is None or not ready:
            self.go("idle")
            return
        self.connector.setText(connector_text(card.label))
        if self.qr.data != url:
            self.qr.set_data(url)
