"""An on-screen keyboard for an e-mail address: digits, a QWERTY layout and the characters addresses use,
with keys large enough for a finger (the kiosk has no system keyboard)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from kiosk_ui.screen import button

ROWS = ("1234567890", "qwertyuiop", "asdfghjkl-", "zxcvbnm_.@")
BACKSPACE = "\u232b"  # the erase-to-the-left symbol keyboards print on that key
DOMAIN = ".com"
MAX_LENGTH = 254  # RFC 5321 section 4.5.3.1.3: the longest address a mail path carries


class EmailKeyboard(QWidget):
    """Keys in a grid that fills the width; `changed` carries the text typed so far."""

    changed = Signal(str)

    def __init__(self, key_px: int) -> None:
        super().__init__()
        self.text = ""
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for row, keys in enumerate(ROWS):
            for column, key in enumerate(keys):
                grid.addWidget(self._key(key, key_px), row, column)
        last = len(ROWS)
        grid.addWidget(self._key(DOMAIN, key_px), last, 0, 1, 3)
        grid.addWidget(self._key(BACKSPACE, key_px), last, 7, 1, 3)

    def _key(self, key: str, key_px: int) -> QPushButton:
        widget = button("choice")  # the narrower padding: ten keys across 800 px
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
        elif len(self.text) + len(key) <= MAX_LENGTH:
            self.text += key
        self.changed.emit(self.text)

    def clear(self) -> None:
        self.text = ""
        self.changed.emit(self.text)
