"""Payment result screen: a payment that did not go through (declined, cancelled, timed out, not
possible), why in the driver's words, and "Try again" or "Back"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk_ui.payment_texts import result_text
from kiosk_ui.screen import KioskEnv, Screen, button, icon, label
from kiosk_ui.texts import helpline_text


class PaymentResultScreen(Screen):
    """Context: status, reason (app/driver/payment_views.py), retry (the payment screen to try again)
    and retry_context. Nothing was taken: the screen says so, then inactivity returns to idle."""

    name = "pay_result"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.icon = icon("refused", env.theme.touch_px + 24, env.colour("danger"))
        self.title = label("", "title")
        self.title.setObjectName("pay_result_title")
        self.message = label("", "large")
        self.message.setObjectName("pay_result_message")
        self.hint = label("", "body")
        self.hint.setObjectName("pay_result_hint")
        self.retry = button()
        self.retry.setObjectName("pay_result_retry")
        self.retry.clicked.connect(self._retry)
        self.back = button("secondary")
        self.back.setObjectName("pay_result_back")
        self.back.clicked.connect(lambda: self.go("idle"))
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(self.title)
        text.addWidget(self.message)
        text.addWidget(self.hint)
        text.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back, 1)
        buttons.addWidget(self.retry, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)

    def _retry(self) -> None:
        self.go(self.context.get("retry") or "idle", **(self.context.get("retry_context") or {}))

    def retranslate(self) -> None:
        status = self.context.get("status", "failed")
        title, message = result_text(status, self.context.get("reason"))
        self.title.setText(title)
        self.message.setText(message)
        hint = helpline_text(self.env.facade.helpline) if status in ("unavailable", "failed") else ""
        if status == "declined":
            hint = "\n".join(t for t in (self.tr("Try another card or pay by phone."), hint) if t)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.icon.set_icon("refused" if status == "declined" else "warning", self.env.colour("danger"))
        self.retry.setText(self.tr("Try again"))
        self.back.setText(self.tr("Back"))
