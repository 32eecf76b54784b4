"""Authorise screen: hold your card to the reader; shows why a card was refused or could not be read."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk_ui.screen import KioskEnv, Screen, button, icon, label
from kiosk_ui.texts import reader_text, refusal_text


class AuthoriseScreen(Screen):
    """Context: outcome (a refused/busy/error CardOutcome), reader_problem (a message key) or error."""

    name = "authorise"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.title = label("", "huge")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label("", "error")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = label("", "muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back = button("secondary")
        self.back.setObjectName("authorise_back")
        self.back.clicked.connect(lambda: self.go("idle"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.go("idle"))
        card_icon = icon("card", env.theme.touch_px * 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card_icon)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addWidget(self.back)

    def enter(self, context: dict[str, Any]) -> None:
        super().enter(context)
        if "outcome" in context or "reader_problem" in context or "error" in context:
            # A result message stays a while, then the kiosk is ready for the next driver.
            self._timer.start(int(self.env.message_s * 1000))

    def leave(self) -> None:
        self._timer.stop()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Hold your card to the reader"))
        self.back.setText(self.tr("Back"))
        outcome = self.context.get("outcome")
        problem = self.context.get("reader_problem")
        error = self.context.get("error")
        if outcome is not None:
            self.message.setText(refusal_text(outcome.reason))
            self.hint.setText(
                self.tr("Try another card, or call the helpline: %1").replace("%1", self.env.facade.helpline)
            )
        elif problem is not None:
            self.message.setText(reader_text(problem))
            self.hint.setText(self.tr("Helpline: %1").replace("%1", self.env.facade.helpline))
        elif error is not None:
            self.message.setText(self.tr("Charging could not start on this connector."))
            self.hint.setText(self.tr("Helpline: %1").replace("%1", self.env.facade.helpline))
        else:
            self.message.setText("")
            self.hint.setText(self.tr("The reader is below the screen, marked with the card symbol."))
