"""Turns the driver facade's events into Qt signals, so screens connect slots instead of listeners."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.driver import (
    CardTapped,
    ConnectorsChanged,
    PaymentLimit,
    PaymentUpdate,
    ReaderProblem,
    SessionEnded,
)

if TYPE_CHECKING:
    from app.driver import DriverEvent, DriverFacade


class FacadeBridge(QObject):
    """Subscribes to the facade once; each event kind becomes one signal. The listener runs on the asyncio
    loop, which qasync runs in the Qt thread; a signal emitted from another thread is queued by Qt."""

    connectors_changed = Signal()
    card_tapped = Signal(object)  # CardOutcome
    session_ended = Signal(object)  # SessionSummary
    reader_problem = Signal(str)  # message key
    payment_update = Signal(object)  # PaymentUpdate
    payment_limit = Signal(object)  # PaymentLimit

    def __init__(self, facade: DriverFacade, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = facade.subscribe(self._on_event)

    def _on_event(self, event: DriverEvent) -> None:
        match event:
            case ConnectorsChanged():
                self.connectors_changed.emit()
            case CardTapped(outcome=outcome):
                self.card_tapped.emit(outcome)
            case SessionEnded(summary=summary):
                self.session_ended.emit(summary)
            case ReaderProblem(message_key=message_key):
                self.reader_problem.emit(message_key)
            case PaymentUpdate():
                self.payment_update.emit(event)
            case PaymentLimit():
                self.payment_limit.emit(event)

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
