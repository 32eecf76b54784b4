"""Authorise screen: hold your card to the reader (with the price); or why a card was not accepted, could
not be read, or could not start, each with its own title and icon."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk_ui.screen import KioskEnv, PricePanel, Screen, button, icon, label
from kiosk_ui.texts import helpline_text, reader_text, refusal_text


class AuthoriseScreen(Screen):
    """Context: outcome (a refused/busy/error CardOutcome), reader_problem (a message key) or error;
    none of them: the invitation to tap."""

    name = "authorise"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.icon = icon("card", env.theme.touch_px + 24, env.colour("text"))
        self.title = label("", "title")
        self.title.setObjectName("authorise_title")
        self.message = label("", "large")
        self.message.setObjectName("authorise_message")
        self.hint = label("", "body")
        self.hint.setObjectName("authorise_hint")
        self.price = PricePanel(env, full=False)
        self.back = button("secondary")
        self.back.setObjectName("authorise_back")
        self.back.clicked.connect(lambda: self.go("idle"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.go("idle"))
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(self.title)
        text.addWidget(self.message)
        text.addWidget(self.hint)
        text.addWidget(self.price)
        text.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.back)

    def enter(self, context: dict[str, Any]) -> None:
        super().enter(context)
        if "outcome" in context or "reader_problem" in context or "error" in context:
            # A result message stays a while, then the kiosk is ready for the next driver.
            self._timer.start(int(self.env.message_s * 1000))

    def leave(self) -> None:
        self._timer.stop()

    def retranslate(self) -> None:
        self.back.setText(self.tr("Back"))
        outcome = self.context.get("outcome")
        problem = self.context.get("reader_problem")
        error = self.context.get("error")
        helpline = helpline_text(self.env.facade.helpline)
        self.price.setVisible(False)
        if outcome is not None and outcome.kind == "busy":
            self._show("busy", "warning", self.tr("No connector is free"), refusal_text(outcome.reason), "")
        elif outcome is not None:
            self._show(
                "refused",
                "danger",
                self.tr("Card not accepted"),
                refusal_text(outcome.reason),
                "\n".join(t for t in (self.tr("Try another card."), helpline) if t),
            )
        elif problem is not None:
            self._show("card", "danger", self.tr("Card not read"), reader_text(problem), helpline)
        elif error is not None:
            self._show(
                "warning",
                "danger",
                self.tr("Charging could not start"),
                self.tr("This connector is no longer free. Tap your card again to choose another."),
                helpline,
            )
        else:
            self._show(
                "card",
                "text",
                self.tr("Hold your card to the reader"),
                self.tr("The reader is below the screen, marked with the card symbol."),
                "",
            )
            self.price.setVisible(True)
            self.price.retranslate()

    def _show(self, icon_name: str, colour: str, title: str, message: str, hint: str) -> None:
        self.icon.set_icon(icon_name, self.env.colour(colour))
        self.title.setText(title)
        self.message.setText(message)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
