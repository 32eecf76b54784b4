"""Fault screen: a connector's fault in plain words, the bill of the session it ended (in the driver's
language), where to charge instead, and the helpline."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from app.driver import SessionSummary
from kiosk_ui.i18n import format_kwh
from kiosk_ui.screen import KioskEnv, Screen, button, card_frame, icon, label, share_width
from kiosk_ui.texts import fault_text, helpline_text, with_number

log = logging.getLogger(__name__)


class FaultScreen(Screen):
    """Context: connector_id, and session_id (or the ended session's summary) when the fault ended one."""

    name = "fault"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.title = label("", "title")
        self.title.setObjectName("fault_title")
        self.detail = label("", "large")
        self.detail.setObjectName("fault")
        self.session = label("", "body")
        self.session.setObjectName("session")
        self.lines = label("", "small")
        self.lines.setObjectName("fault_cost")
        self.total = label("", "large")
        self.total.setObjectName("fault_total")
        self.advice = label("", "large")
        self.advice.setObjectName("advice")
        self.helpline = label("", "body")
        self.helpline.setObjectName("helpline")
        self.done = button()
        self.done.setObjectName("fault_done")
        self.done.clicked.connect(lambda: self.go("idle"))
        self._bill: tuple[str, SessionSummary] | None = None
        self.bill = card_frame()
        bill = QVBoxLayout(self.bill)
        bill.setContentsMargins(8, 4, 8, 4)
        bill.addWidget(self.session)
        bill.addWidget(self.lines)
        bill.addWidget(self.total)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.detail)
        text.addWidget(self.advice)
        text.addWidget(self.helpline)
        text.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(
            icon("state_fault", env.theme.touch_px, env.colour("danger")), 0, Qt.AlignmentFlag.AlignTop
        )
        share_width(top, (text, 5), (self.bill, 5))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top, 1)
        layout.addWidget(self.done)

    def enter(self, context: dict[str, Any]) -> None:
        self._bill = None
        super().enter(context)

    def _summary(self) -> SessionSummary | None:
        """The ended session's bill in the kiosk's language (an event carries the station's default),
        read from the ledger once per language."""
        summary = self.context.get("summary")
        session_id = self.context.get("session_id", summary.session_id if summary is not None else None)
        if session_id is None:
            return None
        language = self.env.tariff_language
        if self._bill is not None and self._bill[0] == language:
            return self._bill[1]
        try:
            fetched = self.env.facade.summary(session_id, language)
        except (KeyError, ValueError):  # not closed in the ledger yet: the next refresh tries again
            return summary
        self._bill = (language, fetched)
        return fetched

    def refresh(self) -> None:
        self.retranslate()

    def on_session_ended(self, summary: SessionSummary) -> None:
        """The fault's session was closed in the ledger: its bill can be read now (the connector may
        not change again to trigger a refresh)."""
        if summary.session_id == self.context.get("session_id"):
            self.context["summary"] = summary
            self.retranslate()

    def retranslate(self) -> None:
        connector_id = self.context.get("connector_id")
        card = next((c for c in self.env.facade.connectors() if c.connector_id == connector_id), None)
        number = card.label if card is not None else "?"
        self.title.setText(with_number(self.tr("Connector %1 has a fault"), number))
        self.detail.setText(fault_text(card.fault if card is not None else None))
        summary = self._summary()
        self.bill.setVisible(summary is not None or self.context.get("session_id") is not None)
        if summary is not None:
            energy = format_kwh(summary.energy_Wh, self.env.translations.locale)
            self.session.setText(
                self.tr("Your session has ended. Delivered before the fault: %1.").replace("%1", energy)
            )
            self.lines.setText("\n".join(summary.cost_lines[:-1]))
            self.total.setText(summary.cost_lines[-1] if summary.cost_lines else "")
        else:
            self.session.setText(self.tr("Your session has ended."))
            self.lines.setText("")
            self.total.setText("")
        others = [c for c in self.env.facade.ready_connectors() if c != connector_id]
        if others:
            self.advice.setText(self.tr("Please use another connector."))
        else:
            self.advice.setText(self.tr("No other connector is free now."))
        help_text = helpline_text(self.env.facade.helpline)
        self.helpline.setText(help_text)
        self.helpline.setVisible(bool(help_text))
        self.done.setText(self.tr("OK"))
