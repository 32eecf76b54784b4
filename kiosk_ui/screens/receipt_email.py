"""E-mail receipt screen: the driver types an address on the kiosk's own keyboard; the receipt is sent
and the summary comes back saying where to (masked), or this screen says why it was not."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout

from app.driver import ReceiptEmailError
from kiosk_ui.keyboard import EmailKeyboard
from kiosk_ui.payment_texts import email_error_text, masked_address
from kiosk_ui.screen import KioskEnv, Screen, button, label

log = logging.getLogger(__name__)


class ReceiptEmailScreen(Screen):
    """Context: session_id (the paid session whose receipt is sent)."""

    name = "receipt_email"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.title = label("", "body")
        self.title.setObjectName("email_title")
        self.address = label("", "large", wrap=False)
        self.address.setObjectName("email_address")
        # Its own share of the row whatever it holds: a long address is elided, never widens the screen.
        self.address.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status = label("", "error")
        self.status.setObjectName("email_status")
        self.keyboard = EmailKeyboard(max(44, env.theme.touch_px - 8))
        self.keyboard.changed.connect(self._typed)
        self.ok = button()
        self.ok.setObjectName("email_ok")
        self.ok.clicked.connect(self._send)
        self.cancel = button("secondary")
        self.cancel.setObjectName("email_cancel")
        self.cancel.clicked.connect(self._back)
        top = QHBoxLayout()
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.title)
        text.addWidget(self.address)
        top.addLayout(text, 1)
        top.addWidget(self.cancel)
        top.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.keyboard, 1)
        self._sending = False
        self._error = ""

    def enter(self, context: dict[str, Any]) -> None:
        self._sending = False
        self._error = ""
        self.keyboard.clear()
        super().enter(context)

    def _typed(self, text: str) -> None:
        self._error = ""
        self._show_address()
        self._show_status()

    def _show_address(self) -> None:
        """The address with a bar where the next key goes; a long one shows its end, where the driver
        is typing."""
        metrics = self.address.fontMetrics()
        room = max(1, self.address.width())
        self.address.setText(metrics.elidedText(self.keyboard.text + "|", Qt.TextElideMode.ElideLeft, room))

    def _back(self) -> None:
        self.go("summary", session_id=self.context.get("session_id"))

    def _send(self) -> None:
        if self._sending or not self.keyboard.text or self.context.get("session_id") is None:
            return
        self._sending = True
        self._show_status()
        self.env.spawn(self._deliver(self.keyboard.text))

    async def _deliver(self, address: str) -> None:
        session_id: int = self.context["session_id"]
        try:
            await self.env.facade.email_receipt(session_id, address)
        except ValueError:
            self._error = "invalid"
        except ReceiptEmailError as error:
            self._error = error.reason or "failed"
        except Exception:  # the driver is told it did not go; the log keeps the detail
            log.exception("receipt of session %s not e-mailed", session_id)
            self._error = "failed"
        self._sending = False
        if self._error or not self.isVisible():
            self._show_status()
            return
        sent = self.tr("Receipt sent to %1").replace("%1", masked_address(address))
        self.go("summary", session_id=session_id, notice=sent)

    def _show_status(self) -> None:
        if self._sending:
            text = self.tr("Sending…")
        elif self._error:
            text = email_error_text(self._error)
        else:
            text = ""
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.ok.setEnabled(not self._sending)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your e-mail address for the receipt:"))
        self.ok.setText(self.tr("OK"))
        self.cancel.setText(self.tr("Cancel"))
        self._show_address()
        self._show_status()
