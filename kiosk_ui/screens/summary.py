"""Summary screen: energy, duration and the cost lines of an ended session, and the receipt option."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from app.driver import SessionSummary
from kiosk_ui.i18n import format_duration, format_kwh
from kiosk_ui.screen import KioskEnv, Screen, button, card_frame, label
from kiosk_ui.texts import stop_reason_text

log = logging.getLogger(__name__)


class SummaryScreen(Screen):
    """Context: summary (a SessionSummary) or session_id; the lines are fetched again in the kiosk's
    language, since a SessionEnded event carries them in the station's default language."""

    name = "summary"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.title = label("", "huge")
        self.reason = label("", "muted")
        self.energy = label("", "large")
        self.energy.setObjectName("summary_energy")
        self.duration = label("", "large")
        self.duration.setObjectName("duration")
        self.lines = label("")
        self.lines.setObjectName("summary_cost")
        frame = card_frame()
        inner = QVBoxLayout(frame)
        inner.addWidget(self.lines)
        self.receipt = button("secondary")
        self.receipt.setObjectName("receipt")
        self.receipt.setEnabled(False)  # receipts (e-mail / QR) come with the payment issue
        self.done = button()
        self.done.setObjectName("summary_done")
        self.done.clicked.connect(lambda: self.go("idle"))
        figures = QHBoxLayout()
        figures.addWidget(self.energy)
        figures.addWidget(self.duration)
        buttons = QHBoxLayout()
        buttons.addWidget(self.receipt, 1)
        buttons.addWidget(self.done, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.reason)
        layout.addLayout(figures)
        layout.addWidget(frame, 1)
        layout.addLayout(buttons)
        self.summary: SessionSummary | None = None
        self._session_id: int | None = None
        self._fetched = False

    def enter(self, context: dict[str, Any]) -> None:
        self.summary = context.get("summary")
        self._session_id = context.get("session_id", self.summary.session_id if self.summary else None)
        self._fetched = False
        super().enter(context)

    def _fetch(self) -> bool:
        """The summary in the kiosk's language; False while the ledger has not closed the session yet."""
        if self._session_id is None:
            return True
        try:
            self.summary = self.env.facade.summary(self._session_id, self.env.tariff_language)
        except (KeyError, ValueError) as error:  # not ended yet: keep what the event carried, try again
            log.info("summary of session %s not ready: %s", self._session_id, error)
            return False
        return True

    def refresh(self) -> None:
        if not self._fetched:  # the ledger had not closed the session yet: try again
            self.retranslate()

    def on_session_ended(self, summary: SessionSummary) -> None:
        if summary.session_id == self._session_id:
            self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Charging complete"))
        self.receipt.setText(self.tr("Receipt: coming soon"))
        self.done.setText(self.tr("Done"))
        self._fetched = self._fetch()
        summary = self.summary
        if summary is None:
            return
        locale = self.env.translations.locale
        self.reason.setText(stop_reason_text(summary.stop_reason))
        self.energy.setText(self.tr("Energy: %1").replace("%1", format_kwh(summary.energy_Wh, locale)))
        self.duration.setText(
            self.tr("Duration: %1").replace("%1", format_duration(summary.duration_s, locale))
        )
        self.lines.setText("\n".join(summary.cost_lines))
