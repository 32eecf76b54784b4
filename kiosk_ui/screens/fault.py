"""Fault screen: a connector's fault in plain words, what happened to the session, and the helpline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk_ui.i18n import format_kwh
from kiosk_ui.screen import KioskEnv, Screen, button, icon, label
from kiosk_ui.texts import fault_text


class FaultScreen(Screen):
    """Context: connector_id, and the ended session's summary when the fault ended one."""

    name = "fault"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.title = label("", "huge")
        self.detail = label("", "large")
        self.detail.setObjectName("fault")
        self.session = label("", None)
        self.session.setObjectName("session")
        self.helpline = label("", "large")
        self.helpline.setObjectName("helpline")
        self.done = button()
        self.done.setObjectName("fault_done")
        self.done.clicked.connect(lambda: self.go("idle"))
        top = QHBoxLayout()
        top.addWidget(icon("warning", env.theme.touch_px + 12), 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.detail)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.session, 1)
        layout.addWidget(self.helpline)
        layout.addWidget(self.done)

    def retranslate(self) -> None:
        connector_id = self.context.get("connector_id")
        card = next((c for c in self.env.facade.connectors() if c.connector_id == connector_id), None)
        number = card.label if card is not None else "?"
        self.title.setText(self.tr("Connector %1 has a fault").replace("%1", number))
        self.detail.setText(fault_text(card.fault if card is not None else None))
        summary = self.context.get("summary")
        if summary is not None:
            energy = format_kwh(summary.energy_Wh, self.env.translations.locale)
            lines = [
                self.tr("Your session has ended. You pay only for the energy delivered: %1.").replace(
                    "%1", energy
                )
            ]
            lines += list(summary.cost_lines[-1:])
            self.session.setText("\n".join(lines))
        elif self.context.get("session_id") is not None:
            self.session.setText(self.tr("Your session has ended. You pay only for the energy delivered."))
        else:
            self.session.setText(self.tr("Please use another connector."))
        self.helpline.setText(self.tr("Helpline: %1").replace("%1", self.env.facade.helpline))
        self.done.setText(self.tr("OK"))
