"""Summary screen: an ended session's connector, reference, energy, duration and bill, with the total
largest, and a reminder to unplug while the car is still there."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from app.driver import SessionSummary
from kiosk_ui.i18n import format_duration, format_kwh
from kiosk_ui.screen import KioskEnv, Screen, button, card_frame, label, share_width
from kiosk_ui.texts import connector_text, stop_reason_text

log = logging.getLogger(__name__)


class SummaryScreen(Screen):
    """Context: summary (a SessionSummary) or session_id; the lines are fetched again in the kiosk's
    language, since a SessionEnded event carries them in the station's default language."""

    name = "summary"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.title = label("", "title")
        self.title.setObjectName("summary_title")
        self.reason = label("", "body")
        self.reason.setObjectName("summary_reason")
        self.where = label("", "body")
        self.where.setObjectName("summary_reference")
        self.energy = label("", "large")
        self.energy.setObjectName("summary_energy")
        self.duration = label("", "large")
        self.duration.setObjectName("duration")
        self.lines = label("", "small")
        self.lines.setObjectName("summary_cost")
        self.total = label("", "total")
        self.total.setObjectName("summary_total")
        self.unplug = label("", "error")
        self.unplug.setObjectName("summary_unplug")
        frame = card_frame()
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(8, 4, 8, 4)
        inner.addWidget(self.lines)
        inner.addStretch(1)
        inner.addWidget(self.total)
        self.done = button()
        self.done.setObjectName("summary_done")
        self.done.clicked.connect(lambda: self.go("idle"))
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.reason)
        left.addWidget(self.where)
        left.addWidget(self.energy)
        left.addWidget(self.duration)
        left.addStretch(1)
        body = QHBoxLayout()
        share_width(body, (left, 5), (frame, 6))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.addLayout(body, 1)
        layout.addWidget(self.unplug)
        layout.addWidget(self.done)
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
        else:
            self._show_unplug()

    def on_session_ended(self, summary: SessionSummary) -> None:
        if summary.session_id == self._session_id:
            self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Session ended"))
        self.done.setText(self.tr("Done"))
        self._fetched = self._fetch()
        summary = self.summary
        if summary is None:
            return
        locale = self.env.translations.locale
        self.reason.setText(stop_reason_text(summary.stop_reason))
        where = connector_text(summary.connector_label or "?")
        reference = self.tr("Reference %1").replace("%1", summary.reference)
        self.where.setText(f"{where}  ·  {reference}" if summary.reference else where)
        self.energy.setText(self.tr("Energy: %1").replace("%1", format_kwh(summary.energy_Wh, locale)))
        self.duration.setText(
            self.tr("Duration: %1").replace("%1", format_duration(summary.duration_s, locale))
        )
        # The total (the last line) apart and largest: it is what the driver pays.
        self.lines.setText("\n".join(summary.cost_lines[:-1]))
        self.total.setText(summary.cost_lines[-1] if summary.cost_lines else "")
        self._show_unplug()

    def _show_unplug(self) -> None:
        """While the car is still plugged in: move it, so the next driver can charge."""
        summary = self.summary
        card = next(
            (c for c in self.env.facade.connectors() if summary and c.connector_id == summary.connector_id),
            None,
        )
        plugged = card is not None and card.vehicle_present and card.session_id is None
        self.unplug.setText(self.tr("Please unplug and move your car.") if plugged else "")
        self.unplug.setVisible(plugged)
