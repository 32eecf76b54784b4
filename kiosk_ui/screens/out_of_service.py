"""Out-of-service screen: no connector can charge now; the helpline, and back to idle when one can."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk_ui.screen import KioskEnv, Screen, icon, label
from kiosk_ui.texts import USABLE_STATES, helpline_text


class OutOfServiceScreen(Screen):
    name = "out_of_service"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.title = label("", "huge")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = label("", "large")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.helpline = label("", "large")
        self.helpline.setObjectName("helpline")
        self.helpline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(icon("state_unavailable", env.theme.touch_px * 2, env.colour("danger")))
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.helpline)
        layout.addStretch(1)

    def refresh(self) -> None:
        if any(card.state in USABLE_STATES for card in self.env.facade.connectors()):
            self.go("idle")

    def retranslate(self) -> None:
        self.title.setText(self.tr("Out of service"))
        self.detail.setText(self.tr("This station cannot charge right now. We are sorry."))
        self.helpline.setText(helpline_text(self.env.facade.helpline))
        self.helpline.setVisible(bool(self.env.facade.helpline))
