"""The screens' base class (lifecycle enter / leave / retranslate / refresh) and their shared helpers."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.background_tasks import BackgroundTasks
from kiosk_ui.i18n import Translations
from kiosk_ui.icons import IconLabel, tinted_icon
from kiosk_ui.theme import Theme

if TYPE_CHECKING:
    from app.driver import DriverFacade

log = logging.getLogger(__name__)


@dataclass
class KioskEnv:
    """What every screen may use: the facade (the only door into app/), the theme and the languages."""

    facade: DriverFacade
    theme: Theme
    translations: Translations
    plug_timeout_s: float  # the session service's (DriverFacade.plug_timeout_s)
    message_s: float  # how long a result message (refusal, timeout) stays before idle
    _tasks: BackgroundTasks = field(default_factory=lambda: BackgroundTasks("kiosk action", log))

    @property
    def language(self) -> str:
        return self.translations.current.code

    @property
    def tariff_language(self) -> str:
        """The language of the facade's price and cost lines; English where the tariff texts lack one."""
        offered = self.facade.tariff_languages
        return self.language if self.language in offered else "en"

    def colour(self, role: str) -> str:
        """The theme colour of a status role's icon (status-ok -> ok) or of a colour name."""
        name = role.removeprefix("status-")
        return self.theme.colours.get(name, self.theme.colours["text"])

    def spawn(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Runs a facade coroutine on the (qasync) loop from a Qt slot, keeping the task referenced."""
        return self._tasks.start(coroutine)  # a failure is logged there


class Screen(QWidget):
    """One kiosk screen. The window calls enter(context) when it is shown, leave() when another is shown,
    refresh() when connectors changed (visible screen only) and retranslate() on a language change."""

    name: ClassVar[str] = ""
    # A timed step (the plug-in countdown) keeps its own clock: the window's inactivity timer is
    # suspended while it shows, so it never cuts the countdown short.
    timed: ClassVar[bool] = False
    # A screen asks the window to show another screen: (screen name, context).
    navigate = Signal(str, dict)

    def __init__(self, env: KioskEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.context: dict[str, Any] = {}
        self.setObjectName(self.name)

    def enter(self, context: dict[str, Any]) -> None:
        self.context = dict(context)
        self.retranslate()
        self.refresh()

    def leave(self) -> None:
        """Stops the screen's own timers; a running session is never touched by leaving a screen."""

    def refresh(self) -> None:
        """Repaints the values that come from the facade."""

    def retranslate(self) -> None:
        """Sets every visible text through tr() in the current language."""

    def go(self, screen: str, **context: Any) -> None:
        self.navigate.emit(screen, context)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # Only the visible screen refreshes: a hidden screen's refresh may navigate (out-of-service
            # goes to idle once a connector can charge), which would pull the driver off the screen
            # they are on whenever the language changes.
            if self.isVisible():
                self.refresh()
        super().changeEvent(event)


def label(text: str = "", role: str | None = None, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


class WrappingButton(QPushButton):
    """A push button whose words wrap onto more lines when one line is wider than the button (a
    QPushButton never wraps: Malay and Tamil labels are often twice the English width)."""

    def __init__(self) -> None:
        super().__init__()
        self._words = ""

    def setText(self, text: str) -> None:
        self._words = text
        self._wrap()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._wrap()

    def _wrap(self) -> None:
        """Each given line broken at spaces so that it fits the width left by the icon and padding."""
        if self.width() <= 0:
            super().setText(self._words)
            return
        # The hint is as wide as the widest line shown (not the first: once wrapped, the first line may be
        # the short one, and the rest would look like padding and keep it wrapped for good).
        shown = max(self.fontMetrics().horizontalAdvance(line) for line in self.text().split("\n"))
        chrome = self.sizeHint().width() - shown
        room = max(1, self.width() - max(0, chrome))
        metrics = self.fontMetrics()
        lines: list[str] = []
        for given in self._words.split("\n"):
            line = ""
            for word in given.split(" "):
                candidate = f"{line} {word}" if line else word
                if line and metrics.horizontalAdvance(candidate) > room:
                    lines.append(line)
                    line = word
                else:
                    line = candidate
            lines.append(line)
        wrapped = "\n".join(lines)
        if wrapped != self.text():
            super().setText(wrapped)


def button(
    role: str | None = None, icon: str | None = None, icon_px: int = 0, icon_colour: str = ""
) -> QPushButton:
    """A touch button; an icon is tinted to icon_colour (its contrast with the button: theme.json
    icon_contrast_pairs, WCAG 2.2 SC 1.4.11)."""
    widget = WrappingButton()
    if role:
        widget.setProperty("role", role)
    if icon:
        size = icon_px or 32
        widget.setIcon(tinted_icon(icon, icon_colour or "#FFFFFF", size))
        widget.setIconSize(QSize(size, size))
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch screen: no focus rectangles
    return widget


def icon(name: str, size_px: int, colour: str) -> IconLabel:
    return IconLabel(name, colour, size_px)


def share_width(layout: QBoxLayout, *parts: tuple[QWidget | QLayout, int]) -> None:
    """Adds the parts side by side, each with its share of the width whatever its text asks for (the
    text wraps or fits into its share; tests/kiosk_ui check nothing is cut)."""
    for part, stretch in parts:
        host = part if isinstance(part, QWidget) else QWidget()
        if not isinstance(part, QWidget):
            host.setLayout(part)
            part.setContentsMargins(0, 0, 0, 0)
        policy = host.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        host.setSizePolicy(policy)
        layout.addWidget(host, stretch)


def card_frame(role: str = "card") -> QFrame:
    frame = QFrame()
    frame.setProperty("role", role)
    return frame


def set_role(widget: QWidget, role: str) -> None:
    """Changes a styled role at run time (the stylesheet is re-applied to the widget)."""
    if widget.property("role") != role:
        widget.setProperty("role", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.updateGeometry()  # a role's type, padding or border change its size: the layout is told


class PricePanel(QWidget):
    """The price where the driver decides: the energy price in force in large type, then the other
    fees, tax and "the price will not change" (full) or the fee lines only (compact)."""

    def __init__(self, env: KioskEnv, *, full: bool = True, heading: QLabel | None = None) -> None:
        super().__init__()
        self.env = env
        self.full = full
        self.setObjectName("price")
        self.headline = label("", "headline", wrap=heading is None)
        self.headline.setObjectName("price_headline")
        self.lines = label("", "small")
        self.lines.setObjectName("price_lines")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if heading is not None:  # the screen's title on the headline's line: a row saved for buttons
            row = QHBoxLayout()
            row.addWidget(heading, 1)
            row.addWidget(self.headline)
            layout.addLayout(row)
        else:
            layout.addWidget(self.headline)
        layout.addWidget(self.lines)

    def retranslate(self) -> None:
        language = self.env.tariff_language
        self.headline.setText(self.env.facade.price_headline(language))
        lines = self.env.facade.price_lines(language, energy=False)
        if not self.full:
            lines = lines[:-1]  # "the price will not change" is on the idle screen
        self.lines.setText("\n".join(lines))
