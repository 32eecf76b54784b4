"""A touch keypad for what the sessions screen has typed: a card number (hexadecimal, as readers report
a card's UID) and a refund amount (digits and the decimal point); fingertip-sized keys, no system
keyboard (the kiosk has none)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from kiosk_ui.keyboard import BACKSPACE
from kiosk_ui.screen import button

CARD_KEYS = ("0123456789", "ABCDEF" + BACKSPACE)
AMOUNT_KEYS = ("12345", "67890", "." + BACKSPACE)
CARD_MAX = 20  # OCPP 1.6 IdToken: CiString20Type
AMOUNT_MAX = 10


class KeyPad(QWidget):
    """Keys in rows filling the width; `changed` carries the text typed so far."""

    changed = Signal(str)

    def __init__(self, rows: tuple[str, ...], key_px: int, max_length: int, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.text = ""
        self.max_length = max_length
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for row, keys in enumerate(rows):
            for column, key in enumerate(keys):
                grid.addWidget(self._key(key, key_px), row, column)

    def _key(self, key: str, key_px: int) -> QPushButton:
        widget = button("choice")
        widget.setObjectName(f"key:{key}")
        widget.setText(key)
        widget.setMinimumSize(key_px, key_px)
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        widget.clicked.connect(lambda _=False, k=key: self.press(k))
        self.keys[key] = widget
        return widget

    def press(self, key: str) -> None:
        if key == BACKSPACE:
            self.text = self.text[:-1]
        elif key == "." and "." in self.text:
            return
        elif len(self.text) < self.max_length:
            self.text += key
        self.changed.emit(self.text)

    def set_text(self, text: str) -> None:
        self.text = text[: self.max_length]
        self.changed.emit(self.text)
