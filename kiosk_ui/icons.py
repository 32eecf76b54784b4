"""The kiosk's icons in one colour: tinted pixmaps, button icons, a label, and which icon each state shows."""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QWidget

from kiosk_ui.theme import ICONS

# Every SVG in assets/icons draws with "currentColor" only, so one icon serves any background: the
# screen picks a colour that reaches 3:1 against it (WCAG 2.2 SC 1.4.11, theme.icon_contrast_pairs).
CURRENT_COLOUR = "currentColor"


@cache
def _svg_text(name: str) -> str:
    path = ICONS / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"no icon {name!r} in {ICONS}")
    return path.read_text(encoding="utf-8")


def _screen_ratio() -> float:
    """The primary screen's device pixel ratio: a pixmap drawn at it stays sharp on a high-DPI panel."""
    screen = QGuiApplication.primaryScreen() if QGuiApplication.instance() is not None else None
    return screen.devicePixelRatio() if screen is not None else 1.0


def _colour_name(colour: str) -> str:
    parsed = QColor(colour)
    if not parsed.isValid():
        raise ValueError(f"not a colour: {colour!r}")
    return parsed.name()  # "#rrggbb": what every SVG renderer reads


def svg_data(name: str, colour: str) -> bytes:
    """The icon's SVG with currentColor replaced by the colour (a "#RRGGBB" or an SVG colour name)."""
    return _svg_text(name).replace(CURRENT_COLOUR, _colour_name(colour)).encode("utf-8")


@lru_cache(maxsize=512)
def _render(name: str, colour: str, size_px: int, ratio: float) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg_data(name, colour)))
    if not renderer.isValid():
        raise ValueError(f"icon {name!r} is not a valid SVG")
    side = max(1, round(size_px * ratio))
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def icon_pixmap(name: str, colour: str, size_px: int) -> QPixmap:
    """The icon in one colour, size_px logical pixels square (drawn at the primary screen's pixel ratio).
    Cached by (name, colour, size) and the ratio: the same request returns the same pixmap; never
    change it. Needs a QGuiApplication; call it from the GUI thread only (pixmaps belong to it)."""
    if size_px <= 0:
        raise ValueError(f"icon size must be positive, not {size_px}")
    return _render(name, _colour_name(colour), size_px, _screen_ratio())


def tinted_icon(name: str, colour: str, size_px: int, disabled_colour: str | None = None) -> QIcon:
    """A QIcon for a button (set the button's iconSize to size_px). Qt's own disabled look greys the icon
    down, which would vanish on the disabled button's light background: disabled_colour, when given,
    draws the disabled state in a colour chosen for it (theme on_disabled)."""
    icon = QIcon(icon_pixmap(name, colour, size_px))
    if disabled_colour is not None:
        icon.addPixmap(icon_pixmap(name, disabled_colour, size_px), QIcon.Mode.Disabled)
    return icon


class IconLabel(QLabel):
    """An icon in one colour at a fixed size; set_icon changes it (a tile whose state changed)."""

    def __init__(self, name: str, colour: str, size_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size_px = size_px
        self._name = ""
        self._colour = ""
        self.setFixedSize(size_px, size_px)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_icon(name, colour)

    @property
    def icon_name(self) -> str:
        return self._name

    @property
    def colour(self) -> str:
        return self._colour

    def set_icon(self, name: str, colour: str) -> None:
        if (name, colour) == (self._name, self._colour):
            return  # refresh() runs up to ten times a second: repaint only on a change
        self.setPixmap(icon_pixmap(name, colour, self._size_px))
        self._name, self._colour = name, colour
