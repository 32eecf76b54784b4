"""A touch numeric keypad for admin settings: digits, a decimal point where the value allows one, erase,
OK and Cancel, with keys sized for a finger (the kiosk has no system keyboard)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk_ui.keyboard import BACKSPACE
from kiosk_ui.screen import button, label

KEYS = ("789", "456", "123", ".0" + BACKSPACE)
MAX_LENGTH = 12


class NumericKeypad(QWidget):
    """`accepted` carries the typed text on OK; `cancelled` on Cancel. `start(title, text, decimal)`."""

    accepted = Signal(str)
    cancelled = Signal()

    def __init__(self, key_px: int) -> None:
        super().__init__()
        self.text = ""
        self.decimal = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = label("", "muted")
        self.display: QLabel = label("", "large", wrap=False)
        self.display.setObjectName("keypad:display")
        # The value's name and what is typed on one line above the keys: the keypad fits the height
        # left under the kiosk's header and the admin shell's navigation at 800x480.
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.display)
        layout.addLayout(heading)
        grid = QGridLayout()
        grid.setSpacing(4)
        self.keys: dict[str, QPushButton] = {}
        for row, keys in enumerate(KEYS):
            for column, key in enumerate(keys):
                widget = button("option")
                widget.setText(key)
                widget.setObjectName(f"key:{key}")
                widget.setMinimumHeight(key_px)
                widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                widget.clicked.connect(lambda _=False, k=key: self.press(k))
                self.keys[key] = widget
                grid.addWidget(widget, row, column)
        self.ok = button()
        self.ok.setObjectName("key:ok")
        self.ok.clicked.connect(lambda: self.accepted.emit(self.text))
        self.cancel = button("secondary")
        self.cancel.setObjectName("key:cancel")
        self.cancel.clicked.connect(self.cancelled.emit)
        for widget in (self.ok, self.cancel):
            widget.setMinimumHeight(key_px)
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        grid.addWidget(self.ok, 0, 3, 2, 1)
        grid.addWidget(self.cancel, 2, 3, 2, 1)
        layout.addLayout(grid, 1)

    def start(self, title: str, text: str, *, decimal: bool) -> None:
        self.title.setText(title)
        self.text, self.decimal = text, decimal
        self.keys["."].setEnabled(decimal)
        self.display.setText(text)

    def set_labels(self, ok: str, cancel: str) -> None:
        self.ok.setText(ok)
        self.cancel.setText(cancel)

    def press(self, key: str) -> None:
        if key == BACKSPACE:
            self.text = self.text[:-1]
        elif key == "." and (not self.decimal or "." in self.text):
            return
        elif len(self.text) < MAX_LENGTH:
            self.text += key
        self.display.setText(self.text)
