"""Entering and leaving admin mode: the PIN pad, then the shell, the card reader taken from the driver
flow meanwhile, the inactivity timeout and the sign-out (docs/admin.md "Screens")."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QStackedWidget

from kiosk_ui.admin.admin_screen import AdminEnv
from kiosk_ui.admin.pin_pad import PinPad
from kiosk_ui.admin.shell import AdminShell

if TYPE_CHECKING:
    from app.admin import Operator, OperatorFacade
    from kiosk_ui.screen import KioskEnv

log = logging.getLogger(__name__)


class AdminMode(QStackedWidget):
    """The PIN pad and the shell, one page each; the window shows it in place of the driver's screens.

    open() is the gesture's doing; `left(reason)` tells the window to show the driver's idle screen
    again. While it shows, every card tapped comes here (DriverFacade.capture_cards), not to the driver
    flow: the pad takes it as the second factor, the shell ignores it. Sessions are never touched."""

    left = Signal(str)  # "cancel", "exit", "timeout"
    entered = Signal()  # a right PIN: the shell shows, someone is signed in
    card = Signal(str)  # a card's UID, queued to the Qt thread whichever thread the reader used

    def __init__(
        self, kiosk: KioskEnv, operators: OperatorFacade, idle_timeout_s: float | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("admin")
        self.env = AdminEnv(kiosk, operators)
        self.pad = PinPad(self.env)
        self.shell = AdminShell(self.env)
        self.addWidget(self.pad)
        self.addWidget(self.shell)
        self.active = False
        self._release_cards: Callable[[], None] | None = None
        timeout = operators.settings.idle_timeout_s if idle_timeout_s is None else idle_timeout_s
        self.inactivity = QTimer(self)
        self.inactivity.setSingleShot(True)
        self.inactivity.setInterval(int(timeout * 1000))
        self.inactivity.timeout.connect(lambda: self.leave("timeout"))
        self.pad.signed_in.connect(self._signed_in)
        self.pad.cancelled.connect(lambda: self.leave("cancel"))
        self.shell.exit_requested.connect(lambda: self.leave("exit"))
        self.card.connect(self._on_card)

    @property
    def operator(self) -> Operator | None:
        return self.env.operator

    def open(self) -> None:
        """The PIN pad, the card reader taken from the driver flow, the inactivity timer started."""
        self.active = True
        self._release_cards = self.env.kiosk.facade.capture_cards(self.card.emit)
        self.pad.reset()
        self.pad.retranslate()
        self.setCurrentWidget(self.pad)
        self.inactivity.start()
        log.info("admin mode: PIN pad opened")

    def touched(self) -> None:
        """Any touch while admin mode shows restarts its inactivity timer."""
        if self.active:
            self.inactivity.start()

    def retranslate(self) -> None:
        self.pad.retranslate()
        self.shell.retranslate()

    def _signed_in(self, operator: Operator) -> None:
        self.env.operator = operator
        log.info("admin mode: %s signed in (%s)", operator.name, operator.role)
        self.setCurrentWidget(self.shell)
        self.shell.open(operator)
        self.inactivity.start()
        self.entered.emit()

    def _on_card(self, uid: str) -> None:
        if self.active and self.currentWidget() is self.pad:
            self.pad.take_card(uid)
        # In the shell a card means nothing: it is neither a driver's start nor a stop.

    def leave(self, reason: str) -> None:
        """Back to the driver: the operator signed out (audited with the reason), the reader given back."""
        if not self.active:
            return
        self.active = False
        self.inactivity.stop()
        operator, self.env.operator = self.env.operator, None
        self.shell.clear()
        self.pad.reset()
        self.setCurrentWidget(self.pad)
        self.close_reader()
        if operator is not None:
            self.env.run(
                self.env.operators.sign_out(operator, reason),
                lambda _: None,
                lambda error: log.error("sign-out of %s not recorded: %s", operator.name, error),
            )
        log.info("admin mode left (%s)", reason)
        self.left.emit(reason)

    def close_reader(self) -> None:
        if self._release_cards is not None:
            self._release_cards()
            self._release_cards = None
