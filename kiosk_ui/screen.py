"""The screens' base class (lifecycle enter / leave / retranslate / refresh) and their shared helpers."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget

from app.background_tasks import BackgroundTasks
from kiosk_ui.i18n import Translations
from kiosk_ui.theme import Theme, icon_path

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

    def spawn(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Runs a facade coroutine on the (qasync) loop from a Qt slot, keeping the task referenced."""
        return self._tasks.start(coroutine)  # a failure is logged there


class Screen(QWidget):
    """One kiosk screen. The window calls enter(context) when it is shown, leave() when another is shown,
    refresh() when connectors changed (visible screen only) and retranslate() on a language change."""

    name: ClassVar[str] = ""
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


def button(role: str | None = None, icon: str | None = None, icon_px: int = 0) -> QPushButton:
    widget = QPushButton()
    if role:
        widget.setProperty("role", role)
    if icon:
        widget.setIcon(QIcon(icon_path(icon)))
        if icon_px:
            widget.setIconSize(QSize(icon_px, icon_px))
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch screen: no focus rectangles
    return widget


def icon(name: str, size_px: int) -> QSvgWidget:
    widget = QSvgWidget(icon_path(name))
    widget.setFixedSize(size_px, size_px)
    return widget


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
