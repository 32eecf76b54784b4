"""The gesture that opens the admin mode: a finger held still on a corner of the idle screen (nothing
drawn, nothing said), followed through the application's events (docs/admin.md "Screens")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QApplication, QWidget

HOLD_S = 3.0  # a finger held this long on the idle screen's top-left corner


class CornerHold(QObject):
    """The gesture, as an application-wide event filter: a press that stays on the target's top-left
    corner (a touch target's size) for hold_s calls on_hold(); lifting or moving away cancels it.

    Nothing is drawn and nothing is said: a driver who rests a finger there sees nothing happen. The
    release that ends a completed hold is swallowed, so the tile under the finger is not tapped too."""

    def __init__(self, target: QWidget, corner_px: int, hold_s: float, on_hold: Callable[[], bool]) -> None:
        super().__init__(target)
        self.target = target
        self.corner_px = corner_px
        self.on_hold = on_hold
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(hold_s * 1000))
        self.timer.timeout.connect(self._held)
        self.fired = False
        app = QApplication.instance()
        assert app is not None  # a widget exists only inside its application
        app.installEventFilter(self)

    def close(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _in_corner(self, global_point: QPoint) -> bool:
        if not self.target.isVisible():
            return False
        local = self.target.mapFromGlobal(global_point)
        return 0 <= local.x() < self.corner_px and 0 <= local.y() < self.corner_px

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # A touch screen's touches arrive as mouse events too (Qt synthesises them for widgets that
        # take no touch events): both are followed, a repeated start changes nothing.
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self.fired = False
            point = _global_point(event)
            if point is not None and self._in_corner(point) and not self.timer.isActive():
                self.timer.start()
        elif kind in (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate):
            point = _global_point(event)
            if self.timer.isActive() and (point is None or not self._in_corner(point)):
                self.timer.stop()
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self.timer.stop()
            if self.fired:
                return True  # the touch's and its synthesised mouse release alike, until the next press
        return False

    def _held(self) -> None:
        self.fired = self.on_hold()


def _global_point(event: QEvent) -> QPoint | None:
    if isinstance(event, QMouseEvent):
        return event.globalPosition().toPoint()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].globalPosition().toPoint()
    return None
