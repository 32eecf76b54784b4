"""Pay by phone, the choice: a card hold made on the phone, or a prepaid top-up by online banking or
GrabPay (methods that cannot hold money), with the amounts to choose from."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

from kiosk_ui.payment_texts import money
from kiosk_ui.screen import KioskEnv, Screen, button, card_frame, label, share_width


class PayPhoneScreen(Screen):
    """Shown when the QR page may be paid both ways (PaymentOffer.qr_methods), or by top-up only."""

    name = "pay_phone"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.title = label("", "title")
        self.title.setObjectName("pay_phone_title")
        self.hold_frame = card_frame()
        self.hold_button = button(
            icon="bank_card", icon_px=env.theme.touch_px - 16, icon_colour=env.colour("on_primary")
        )
        self.hold_button.setObjectName("pay_phone_hold")
        self.hold_button.clicked.connect(lambda: self.go("pay_qr", prepaid_minor=None))
        self.hold_terms = label("", "small")
        self.hold_terms.setObjectName("pay_phone_hold_terms")
        hold = QVBoxLayout(self.hold_frame)
        hold.setContentsMargins(8, 6, 8, 6)
        hold.addWidget(self.hold_button)
        hold.addWidget(self.hold_terms)
        hold.addStretch(1)
        self.topup_frame = card_frame()
        self.topup_title = label("", "body")
        self.topup_title.setObjectName("pay_phone_topup_title")
        self.topup_terms = label("", "small")
        self.topup_terms.setObjectName("pay_phone_topup_terms")
        self.topup_row = QHBoxLayout()
        self.topup_buttons: list[QPushButton] = []
        topup = QVBoxLayout(self.topup_frame)
        topup.setContentsMargins(8, 6, 8, 6)
        topup.addWidget(self.topup_title)
        topup.addLayout(self.topup_row)
        topup.addWidget(self.topup_terms)
        topup.addStretch(1)
        self.back = button("secondary")
        self.back.setObjectName("pay_phone_back")
        self.back.clicked.connect(lambda: self.go("idle"))
        self.options = QHBoxLayout()
        share_width(self.options, (self.hold_frame, 1), (self.topup_frame, 1))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.options, 1)
        layout.addWidget(self.back)

    def _set_topups(self, amounts: tuple[int, ...], currency: str) -> None:
        if [b.property("amount") for b in self.topup_buttons] != list(amounts):
            for old in self.topup_buttons:
                old.setParent(None)
            self.topup_buttons = []
            for amount in amounts:
                choice = button()
                choice.setObjectName(f"topup:{amount}")
                choice.setProperty("amount", amount)
                choice.clicked.connect(lambda _=False, a=amount: self.go("pay_qr", prepaid_minor=a))
                self.topup_row.addWidget(choice)
                self.topup_buttons.append(choice)
        for choice in self.topup_buttons:
            # Whole amounts as the top-up buttons of e-wallets show them ("RM 20").
            text = money(self.env, int(choice.property("amount")), currency)
            choice.setText(text.removesuffix(".00"))

    def retranslate(self) -> None:
        offer = self.env.facade.payment_offer()
        self.title.setText(self.tr("Pay by phone: choose how"))
        self.back.setText(self.tr("Back"))
        held = money(self.env, offer.hold_minor, offer.currency)
        self.hold_button.setText(self.tr("Card (hold %1)").replace("%1", held))
        self.hold_terms.setText(self.tr("%1 is held; you pay only what you use.").replace("%1", held))
        self.hold_frame.setVisible("card" in offer.qr_methods)
        names = {"fpx": self.tr("Online banking"), "grabpay": "GrabPay"}
        methods = [names[m] for m in offer.qr_methods if m in names]
        self.topup_title.setText(self.tr("%1 (prepay)").replace("%1", " / ".join(methods)))
        self.topup_terms.setText(self.tr("Unused credit is refunded automatically."))
        self.topup_frame.setVisible(bool(methods) and bool(offer.topups_minor))
        self._set_topups(offer.topups_minor, offer.currency)
