"""Pay by card screen: the card terminal asked for a hold; tap or insert the card, with the amount held
and the time left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk_ui.payment_texts import money
from kiosk_ui.screen import KioskEnv, button, icon, label
from kiosk_ui.screens.payment_wait import PaymentWaitScreen

CARD_WAIT_S = 90.0  # how long the terminal waits for the card before the hold is given up


class PayCardScreen(PaymentWaitScreen):
    """Context: connector_id (optional: a connector already chosen)."""

    name = "pay_card"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.icon = icon("bank_card", env.theme.touch_px + 40, env.colour("primary"))
        self.title = label("", "title")
        self.title.setObjectName("pay_card_title")
        self.instruction = label("", "large")
        self.instruction.setObjectName("pay_card_instruction")
        self.hold = label("", "body")
        self.hold.setObjectName("pay_card_hold")
        self.countdown_caption = label("", "body")
        self.countdown = label("", "countdown", wrap=False)
        self.countdown.setObjectName("pay_card_countdown")
        self.cancel_button = button("secondary")
        self.cancel_button.setObjectName("pay_card_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(self.title)
        text.addWidget(self.instruction)
        text.addWidget(self.hold)
        text.addStretch(1)
        clock = QHBoxLayout()
        clock.addWidget(self.countdown_caption, 1)
        clock.addWidget(self.countdown)
        text.addLayout(clock)
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.cancel_button)

    async def _request(self) -> int:
        return await self.env.facade.pay_by_card(self.context.get("connector_id"))

    def _wait_s(self) -> float:
        return CARD_WAIT_S

    def _retry_context(self) -> dict[str, object]:
        return {"connector_id": self.context.get("connector_id")}

    def retranslate(self) -> None:
        offer = self.env.facade.payment_offer()
        self.title.setText(self.tr("Pay by card"))
        held = money(self.env, offer.hold_minor, offer.currency)
        self.hold.setText(self.tr("%1 is held; you pay only what you use.").replace("%1", held))
        self.countdown_caption.setText(self.tr("Time left:"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._show_state()

    def _show_state(self) -> None:
        if self.status == "preparing" or self.payment_id is None:
            self.instruction.setText(self.tr("Preparing the card terminal…"))
        else:
            self.instruction.setText(self.tr("Tap or insert your card on the reader"))
        self.countdown.setText(self.countdown_text())
