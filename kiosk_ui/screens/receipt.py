"""Receipt screen: a paid session's receipt as a QR code to scan (its page on the phone), its number,
what was paid and given back, and "E-mail receipt"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from app.driver import PaidSession
from kiosk_ui.qr_code import QrCode
from kiosk_ui.screen import KioskEnv, Screen, button, label

RECEIPT_QR_PX = 200  # at 800x480; grows with the theme's scale


class ReceiptScreen(Screen):
    """Context: session_id, payment (its PaidSession with a receipt), paid (the summary's words of it).
    Apart from the summary: beside the bill's columns a QR code a phone reads does not fit the 7"
    display in Malay or Tamil."""

    name = "receipt"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.qr = QrCode("receipt_qr", round(RECEIPT_QR_PX * env.theme.scale))
        self.title = label("", "title")
        self.title.setObjectName("receipt_title")
        self.number = label("", "large")
        self.number.setObjectName("receipt_number")
        self.paid = label("", "body")
        self.paid.setObjectName("receipt_paid")
        self.email = button()
        self.email.setObjectName("receipt_by_email")
        self.email.clicked.connect(
            lambda: self.go("receipt_email", session_id=self.context.get("session_id"))
        )
        self.back = button("secondary")
        self.back.setObjectName("receipt_back")
        self.back.clicked.connect(lambda: self.go("summary", session_id=self.context.get("session_id")))
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.number)
        text.addWidget(self.paid)
        text.addStretch(1)
        text.addWidget(self.email)
        text.addWidget(self.back)
        layout = QHBoxLayout(self)
        layout.addWidget(self.qr, 5, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(text, 6)

    def enter(self, context: dict[str, Any]) -> None:
        payment: PaidSession | None = context.get("payment")
        self.qr.set_data(payment.receipt_url or "" if payment is not None else "")
        super().enter(context)

    def retranslate(self) -> None:
        payment: PaidSession | None = self.context.get("payment")
        self.title.setText(self.tr("Scan for your receipt"))
        number = payment.receipt_no if payment is not None else None
        self.number.setText(self.tr("Receipt %1").replace("%1", number) if number else "")
        self.paid.setText(self.context.get("paid", ""))
        self.email.setText(self.tr("E-mail receipt"))
        self.back.setText(self.tr("Back"))
