"""The admin screens' base class and what they share: the operator facade, the signed-in operator,
the kiosk's theme and languages (docs/admin.md "Screens")."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk_ui.screen import button

if TYPE_CHECKING:
    import asyncio

    from app.admin import Operator, OperatorFacade
    from kiosk_ui.screen import KioskEnv

log = logging.getLogger(__name__)


@dataclass
class AdminEnv:
    """The kiosk's environment (driver facade, theme, translations, task spawner) plus the operator
    facade and who is signed in (None on the PIN pad)."""

    kiosk: KioskEnv
    operators: OperatorFacade
    operator: Operator | None = None

    @property
    def theme(self) -> Any:
        return self.kiosk.theme

    @property
    def language(self) -> str:
        return self.kiosk.language

    def spawn(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Runs an operator-facade coroutine on the (qasync) loop from a Qt slot."""
        return self.kiosk.spawn(coroutine)

    def run(
        self,
        coroutine: Coroutine[Any, Any, Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        owner: QObject | None = None,
    ) -> asyncio.Task[Any]:
        """Runs an operation and calls done(result) or failed(error) back on the Qt thread (the loop is
        the Qt thread under qasync), so a screen never blocks while the station works. With an `owner`
        (the screen asking), an answer that comes after Qt deleted it is dropped, not painted."""

        async def wrapped() -> None:
            try:
                result = await coroutine
            except Exception as error:  # PermissionDeniedError, OperationError, a charger that did not answer
                log.warning("admin operation failed: %s", error)
                if _alive(failed, owner):
                    failed(error)
                return
            if _alive(done, owner):
                done(result)

        return self.kiosk.spawn(wrapped())


def named_button(name: str, role: str | None = None) -> QPushButton:
    """A kiosk touch button (kiosk_ui/screen.py) with an object name the tests and the layout check find."""
    widget = button(role)
    widget.setObjectName(name)
    return widget


def _alive(callback: Callable[..., Any], owner: QObject | None) -> bool:
    """False when the owner, or the widget the callback is a method of, was deleted by Qt meanwhile
    (the screen left, the shell cleared): an answer that comes after its screen is gone is dropped."""
    widgets = [w for w in (owner, getattr(callback, "__self__", None)) if isinstance(w, QObject)]
    return all(shiboken6.isValid(widget) for widget in widgets)


class AdminScreen(QWidget):
    """One admin screen. The shell calls enter(context) when it is shown, leave() when another is,
    refresh() on the shell's refresh tick (visible screen only) and retranslate() on a language change."""

    name: ClassVar[str] = ""
    min_role: ClassVar[str] = "viewer"  # the shell offers the screen to this role and above
    navigate = Signal(str, dict)  # (screen name, context); "driver" leaves admin mode

    def __init__(self, env: AdminEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.context: dict[str, Any] = {}
        self.setObjectName(f"admin:{self.name}")

    @classmethod
    async def sample_context(cls, env: AdminEnv) -> dict[str, Any]:
        """A context that shows something meaningful on the demo station, for the screenshots
        (launcher/admin_screenshots.py): a screen about one session returns a session id here. Most
        screens need none."""
        return {}

    def title(self) -> str:
        """The screen's name in the navigation, in the current language (through tr())."""
        return self.name

    def enter(self, context: dict[str, Any]) -> None:
        self.context = dict(context)
        self.retranslate()
        self.refresh()

    def leave(self) -> None:
        """Stops the screen's own timers; nothing on the station is touched by leaving a screen."""

    def refresh(self) -> None:
        """Repaints the values that come from the facades."""

    def retranslate(self) -> None:
        """Sets every visible text through tr() in the current language."""

    def run(
        self,
        coroutine: Coroutine[Any, Any, Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> asyncio.Task[Any]:
        """An operation for this screen (AdminEnv.run): its answer is dropped once the screen is gone."""
        return self.env.run(coroutine, done, failed, owner=self)

    def go(self, screen: str, **context: Any) -> None:
        self.navigate.emit(screen, context)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def scroll_area(page: QWidget, name: str = "") -> QScrollArea:
    """A vertical scroll area over page for a list whose length the display does not bound (events,
    sessions, settings, connectors): the page keeps its laid-out height and a finger drags it (Qt's
    kinetic scrolling on touch events; a mouse click on a button in it stays a click). The controls
    around it keep their size, so a screen fits 800x480 in every language (docs/admin.md "Screens")."""
    if (layout := page.layout()) is not None:
        # The page never smaller than its layout's minimum: a scroll area resizes its page to the
        # viewport and is not told when a row's text grew a line (it would squeeze the rows instead of
        # scrolling); a page with a minimum size tells it by its Resize.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
    area = QScrollArea()
    if name:
        area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(page)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return area


def show_page(stack: QStackedWidget, page: QWidget | int) -> None:
    """Shows a page of stack and sizes the stack to that page alone: a QStackedWidget is otherwise as
    tall as its tallest page (a keypad, a list of results), which squeezes what is beside it in the
    screen even while a short page shows. The pages not shown are left out of its size (Ignored)."""
    shown = stack.widget(page) if isinstance(page, int) else page
    if shown is None:
        raise ValueError(f"no page {page} in the stack")
    for index in range(stack.count()):
        if (widget := stack.widget(index)) is not None:
            policy = QSizePolicy.Policy.Preferred if widget is shown else QSizePolicy.Policy.Ignored
            widget.setSizePolicy(policy, policy)
    stack.setCurrentWidget(shown)
    stack.updateGeometry()


def paged_list(rows: Sequence[QWidget], name: str, newer: QPushButton, older: QPushButton) -> QHBoxLayout:
    """A list's rows in a scroll area (scroll_area) with its paging arrows in a column beside it: the
    arrows keep their place however many lines the rows take (sessions, the event log)."""
    page = QWidget()
    lines = QVBoxLayout(page)
    lines.setContentsMargins(0, 0, 0, 0)
    lines.setSpacing(4)
    for row in rows:
        lines.addWidget(row)
    lines.addStretch(1)
    paging = QVBoxLayout()
    paging.setSpacing(4)
    paging.addWidget(newer)
    paging.addWidget(older)
    paging.addStretch(1)
    line = QHBoxLayout()
    line.addWidget(scroll_area(page, name), 1)
    line.addLayout(paging)
    return line
