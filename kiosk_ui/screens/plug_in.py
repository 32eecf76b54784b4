"""Plug-in screen: which connector to plug into, with the time left before the authorisation lapses."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from app.driver import ConnectorCard, SessionSummary
from kiosk_ui.screen import KioskEnv, Screen, button, icon, label
from kiosk_ui.texts import with_number


class PlugInScreen(Screen):
    """Context: connector_id, session_id. The session service ends an authorisation that sees no car
    within sessions.plug_timeout_s; this screen counts down the same time and shows the ending."""

    name = "plug"
    timed = True  # the countdown is the screen's own clock (the inactivity timer waits)

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.title = label("", "huge")
        self.title.setObjectName("plug_title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = label("", "large")
        self.hint.setObjectName("plug_hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown_caption = label("", "body")
        self.countdown_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = label("", "countdown", wrap=False)
        self.countdown.setObjectName("countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cancel = button("secondary")
        self.cancel.setObjectName("plug_cancel")
        self.cancel.clicked.connect(self._cancel)
        self._deadline = 0.0
        self.timed_out = False
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._on_tick)
        self._leave_timer = QTimer(self)
        self._leave_timer.setSingleShot(True)
        self._leave_timer.timeout.connect(lambda: self.go("idle"))
        self.icon = icon("plug", env.theme.touch_px, env.colour("text"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.icon)
        row.addStretch(1)
        clock = QHBoxLayout()
        clock.addStretch(1)
        clock.addWidget(self.countdown_caption)
        clock.addWidget(self.countdown)
        clock.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(clock)
        layout.addStretch(1)
        layout.addWidget(self.cancel)

    def enter(self, context: dict[str, Any]) -> None:
        self.timed_out = False
        self._deadline = time.monotonic() + self.env.plug_timeout_s
        self._tick.start()
        super().enter(context)

    def leave(self) -> None:
        self._tick.stop()
        self._leave_timer.stop()

    def _card(self) -> ConnectorCard | None:
        wanted = self.context.get("connector_id")
        return next((c for c in self.env.facade.connectors() if c.connector_id == wanted), None)

    def refresh(self) -> None:
        card = self._card()
        if self.timed_out or card is None:
            return
        if card.state == "faulted":
            self.go("fault", connector_id=card.connector_id, session_id=self.context.get("session_id"))
        elif card.vehicle_present and card.session_id == self.context.get("session_id"):
            self.go("charging", connector_id=card.connector_id, session_id=card.session_id, own=True)

    def on_session_ended(self, summary: SessionSummary) -> None:
        if summary.session_id != self.context.get("session_id"):
            return
        self.timed_out = True
        self._tick.stop()
        self.retranslate()
        self._leave_timer.start(int(self.env.message_s * 1000))

    def _on_tick(self) -> None:
        left = self._deadline - time.monotonic()
        if left < -5.0:  # the ending was not reported: do not keep the driver waiting
            self.go("idle")
            return
        self._show_countdown(max(0, int(left + 0.999)))

    def _show_countdown(self, seconds: int) -> None:
        minutes, rest = divmod(seconds, 60)
        self.countdown.setText(f"{minutes}:{rest:02d}")

    def _cancel(self) -> None:
        connector_id = self.context.get("connector_id")
        if connector_id and not self.timed_out:
            self.env.spawn(self.env.facade.stop_session(connector_id))
        self.go("idle")

    def retranslate(self) -> None:
        card = self._card()
        number = card.label if card is not None else "?"
        self.cancel.setText(self.tr("OK") if self.timed_out else self.tr("Cancel"))
        if self.timed_out:
            self.icon.set_icon("state_unavailable", self.env.colour("danger"))
            self.title.setText(self.tr("No car was plugged in"))
            self.hint.setText(self.tr("Nothing was charged. Tap your card to start again."))
            self.countdown.setText("")
            self.countdown_caption.setText("")
            return
        self.icon.set_icon("plug", self.env.colour("text"))
        self.title.setText(with_number(self.tr("Plug in at connector %1"), number))
        self.hint.setText(self.tr("Charging starts by itself when the cable is in the car."))
        self.countdown_caption.setText(self.tr("Time left to plug in:"))
        self._show_countdown(max(0, int(self._deadline - time.monotonic() + 0.999)))
