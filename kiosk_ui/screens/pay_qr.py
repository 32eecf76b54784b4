"""Pay by phone screen: a QR code of the payment page, the amount, what happens next and the time left."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from app.driver import QrPayment
from kiosk_ui.payment_texts import money
from kiosk_ui.qr_code import QrCode
from kiosk_ui.screen import KioskEnv, button, label
from kiosk_ui.screens.payment_wait import PaymentWaitScreen

QR_MIN_PX = 180  # at 800x480: a phone a forearm away reads it (grows with the theme's scale)
PREPARING_WAIT_S = 60.0  # until the page exists; then the page's own expiry counts


class PayQrScreen(PaymentWaitScreen):
    """Context: prepaid_minor (None: a card hold made on the phone; an amount: a top-up of it)."""

    name = "pay_qr"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.page: QrPayment | None = None
        self.qr = QrCode("pay_qr_code", round(QR_MIN_PX * env.theme.scale))
        self.title = label("", "title")
        self.title.setObjectName("pay_qr_title")
        self.amount = label("", "headline")
        self.amount.setObjectName("pay_qr_amount")
        self.instruction = label("", "body")
        self.instruction.setObjectName("pay_qr_instruction")
        self.terms = label("", "body")
        self.terms.setObjectName("pay_qr_terms")
        self.countdown_caption = label("", "small")
        self.countdown = label("", "countdown", wrap=False)
        self.countdown.setObjectName("pay_qr_countdown")
        self.cancel_button = button("secondary")
        self.cancel_button.setObjectName("pay_qr_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.title)
        text.addWidget(self.amount)
        text.addWidget(self.instruction)
        text.addWidget(self.terms)
        text.addStretch(1)
        clock = QHBoxLayout()
        clock.addWidget(self.countdown_caption, 1)
        clock.addWidget(self.countdown)
        text.addLayout(clock)
        text.addWidget(self.cancel_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.qr, 5)
        layout.addLayout(text, 6)

    def enter(self, context: dict[str, Any]) -> None:
        self.page = None
        self.qr.set_data("")
        super().enter(context)

    async def _adopt(self) -> int | None:
        page: QrPayment | None = self.context.get("page")
        if page is not None:
            self._show_page(page)
            return page.payment_id
        return None

    async def _request(self) -> int:
        page = await self.env.facade.pay_by_qr(self.context.get("prepaid_minor"))
        self._show_page(page)
        return page.payment_id

    def _show_page(self, page: QrPayment) -> None:
        if self._active:
            self.page = page
            self.qr.set_data(page.url)
            # The page's own expiry: the screen gives up when the provider would.
            self._deadline = time.monotonic() + page.expires_in_s
            self.status = "waiting"
            self.retranslate()

    def _wait_s(self) -> float:
        return PREPARING_WAIT_S

    def _retry_context(self) -> dict[str, Any]:
        return {"prepaid_minor": self.context.get("prepaid_minor")}

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.countdown_caption.setText(self.tr("Time left:"))
        page = self.page
        prepaid = self.context.get("prepaid_minor") is not None
        self.title.setText(self.tr("Pay by phone"))
        if page is None:
            offer = self.env.facade.payment_offer()
            amount_minor = self.context.get("prepaid_minor") or offer.hold_minor
            currency = offer.currency
            self.instruction.setText(self.tr("Preparing the payment page…"))
        else:
            amount_minor, currency, prepaid = page.amount_minor, page.currency, page.prepaid
            self.instruction.setText(
                self.tr("Scan with your phone camera and pay. Charging starts when payment is received.")
            )
        amount = money(self.env, amount_minor, currency)
        self.amount.setText(amount)
        if prepaid:
            self.terms.setText(self.tr("Unused credit is refunded automatically."))
        else:
            self.terms.setText(self.tr("%1 is held; you pay only what you use.").replace("%1", amount))
        self._show_state()

    def _show_state(self) -> None:
        self.countdown.setText(self.countdown_text())
