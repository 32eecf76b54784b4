"""A QR code drawn crisp: qrcode's module matrix painted as whole-pixel black squares on white with a
quiet zone, scaled to the room the widget has."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

# ISO/IEC 18004:2015 section 6.3.8: a light margin four modules wide around the symbol, without which
# phone cameras often fail to find the finder patterns.
QUIET_MODULES = 4


def qr_matrix(data: str) -> list[list[bool]]:
    """The symbol's modules (True: dark), without the quiet zone; error correction M (15 %), enough for
    a screen that may carry smudges or glare."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]


class QrCode(QWidget):
    """Paints one QR code, as large as fits, each module the same whole number of pixels (a scaled image
    would blur module edges and give modules of unequal width, which cheap phone cameras misread)."""

    def __init__(self, name: str, min_px: int) -> None:
        super().__init__()
        self.setObjectName(name)
        self.data = ""
        self.matrix: list[list[bool]] = []
        self.min_px = min_px
        self.setMinimumSize(min_px, min_px)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, data: str) -> None:
        self.data = data
        self.matrix = qr_matrix(data) if data else []
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.min_px, self.min_px)

    def symbol_rect(self) -> tuple[QRect, int]:
        """Where the symbol (without its quiet zone) is drawn, and the pixels per module."""
        count = len(self.matrix)
        if count == 0:
            return QRect(), 0
        side = min(self.width(), self.height())
        module = max(1, side // (count + 2 * QUIET_MODULES))
        drawn = module * count
        left = (self.width() - drawn) // 2
        top = (self.height() - drawn) // 2
        return QRect(left, top, drawn, drawn), module

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.matrix:
            return
        symbol, module = self.symbol_rect()
        quiet = module * QUIET_MODULES
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(symbol.adjusted(-quiet, -quiet, quiet, quiet), QColor(Qt.GlobalColor.white))
        black = QColor(Qt.GlobalColor.black)
        for y, row in enumerate(self.matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        symbol.left() + x * module, symbol.top() + y * module, module, module, black
                    )
        painter.end()
