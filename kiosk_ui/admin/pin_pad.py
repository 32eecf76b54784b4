"""The admin mode's PIN pad: the staff number, then the PIN (masked) on a large numeric keypad, and the
staff card where the account has one; it shows why a sign-in was refused (docs/admin.md "Screens")."""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk_ui.screen import button, label

if TYPE_CHECKING:
    from app.admin import SignIn
    from kiosk_ui.admin.admin_screen import AdminEnv

ERASE = "erase"
MASK = "\u2022"  # a bullet per PIN digit: how many were typed, never which
STAFF_DIGITS = 6  # staff numbers are the accounts' numbers: far fewer than a million
PIN_DIGITS = 12  # the longest PIN the accounts accept (app/admin/pins.py)
WAIT_TICK_MS = 200


class PinPad(QWidget):
    """Staff number, OK, PIN, OK. `signed_in(Operator)` on a right PIN, `cancelled` on Cancel.

    Every answer comes from OperatorFacade.sign_in, which applies the wrong-PIN delay and the lockout;
    the pad only shows them (and keeps its keys off for the delay, so a finger cannot waste a try)."""

    signed_in = Signal(object)  # app.admin.Operator
    cancelled = Signal()

    def __init__(self, env: AdminEnv) -> None:
        super().__init__()
        self.env = env
        self.setObjectName("admin:pin_pad")
        self.step = "staff"  # or "pin"
        self.staff = ""
        self.pin = ""
        self.card: str | None = None  # a staff card tapped while the pad shows (its UID)
        self.waiting_for_card = False  # the account needs its card: the PIN goes again once tapped
        self.busy = False  # an answer is awaited
        self.wait_until = 0.0  # monotonic: keys off until then ("wait N s")
        self._message = ("", 0.0)  # (kind, seconds): kept so a language change can re-say it
        self._generation = 0  # answers to an attempt made before a reset are dropped

        self.title = label("", "title")
        self.prompt = label("", "large")
        self.prompt.setObjectName("pin_prompt")
        self.entry = label("", "huge", wrap=False)
        self.entry.setObjectName("pin_entry")
        self.entry.setMinimumHeight(env.theme.px("huge") + 16)
        self.message = label("", "notice")
        self.message.setObjectName("pin_message")
        self.card_note = label("", "muted")
        self.card_note.setObjectName("pin_card")
        self.cancel = button("secondary")
        self.cancel.setObjectName("pin_cancel")
        self.cancel.clicked.connect(self.cancelled.emit)

        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.prompt)
        left.addWidget(self.entry)
        left.addWidget(self.message)
        left.addWidget(self.card_note)
        left.addStretch(1)
        left.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignLeft)

        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(6)
        layout_keys = ("1", "2", "3", "4", "5", "6", "7", "8", "9", ERASE, "0", "ok")
        for index, key in enumerate(layout_keys):
            grid.addWidget(self._key(key), index // 3, index % 3)

        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.addLayout(left, 1)
        row.addLayout(grid, 1)

        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(WAIT_TICK_MS)
        self.wait_timer.timeout.connect(self._tick_wait)
        self.reset()

    def _key(self, key: str) -> QPushButton:
        widget = button("secondary" if key == ERASE else ("" if key == "ok" else "option"))
        widget.setObjectName(f"pin_key:{key}")
        side = self.env.theme.touch_px + 8  # digits wider than the minimum: a quick, sure thumb
        widget.setMinimumSize(side, side)
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if key.isdigit():
            widget.setText(key)
            widget.setStyleSheet(f"font-size: {self.env.theme.px('huge')}px;")
        elif key == ERASE:
            widget.setText("\u232b")  # the erase-to-the-left symbol keyboards print on that key
        widget.clicked.connect(lambda _=False, k=key: self.press(k))
        self.keys[key] = widget
        return widget

    # -- what the person does -----------------------------------------------------------------------

    def reset(self) -> None:
        """Back to the staff number with nothing typed, no card, no message (opening, Cancel, leaving)."""
        self._generation += 1
        self.step, self.staff, self.pin, self.card = "staff", "", "", None
        self.waiting_for_card = self.busy = False
        self.wait_until = 0.0
        self.wait_timer.stop()
        self._say("", 0.0)
        self._show()

    def press(self, key: str) -> None:
        if not self._keys_on():
            return
        if key == "ok":
            self.confirm()
        elif key == ERASE:
            if self.step == "pin" and not self.pin:
                self.step = "staff"  # erasing past the PIN goes back to the staff number
            elif self.step == "pin":
                self.pin = self.pin[:-1]
            else:
                self.staff = self.staff[:-1]
        elif self.step == "staff" and len(self.staff) < STAFF_DIGITS:
            self.staff += key
        elif self.step == "pin" and len(self.pin) < PIN_DIGITS:
            self.pin += key
        self._show()

    def confirm(self) -> None:
        if self.step == "staff" and self.staff:
            self.step = "pin"
            self._say("", 0.0)
        elif self.step == "pin" and self.pin:
            self._submit()
        self._show()

    def take_card(self, uid: str) -> None:
        """A card tapped on the reader while the pad shows: the account's second factor."""
        self.card = uid
        if self.waiting_for_card and self.pin:
            self._submit()
        self._show()

    # -- the answer ---------------------------------------------------------------------------------

    def _submit(self) -> None:
        self.busy, self.waiting_for_card = True, False
        self._say("checking", 0.0)
        generation = self._generation
        attempt = self.env.operators.sign_in(int(self.staff), self.pin, self.card)
        self.env.run(
            attempt,
            lambda result: self._answer(result, generation),
            lambda error: self._failed(error, generation),
        )

    def _answer(self, result: SignIn, generation: int) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            # The pad was reset (Cancel, timeout) or deleted (the window closed) while the answer was on
            # its way: a sign-in that came too late is ended at once, so no one stays signed in behind
            # the driver's screen.
            if result.operator is not None:
                self.env.run(self.env.operators.sign_out(result.operator, "cancel"), _ignore, _ignore)
            return
        self.busy = False
        if result.operator is not None:
            self.reset()
            self.signed_in.emit(result.operator)
            return
        if result.refusal == "card_needed":
            self.waiting_for_card = True  # the PIN is kept until the card comes, then tried again
            self._say("card_needed", 0.0)
            self._show()
            return
        self.card = None  # a refused card is not offered again with the next PIN
        if result.refusal == "wait":
            self.pin = ""
            self._start_wait(result.retry_after_s)
        elif result.refusal == "locked":
            self.step, self.staff, self.pin = "staff", "", ""
            self._say("locked", result.retry_after_s)
        else:
            self.pin = ""
            left = result.attempts_left
            self._say("wrong" if left is None else "wrong_left", float(left or 0))
        self._show()

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return
        self.busy, self.pin = False, ""
        self._say("failed", 0.0)
        self._show()

    def _start_wait(self, seconds: float) -> None:
        self.wait_until = time.monotonic() + seconds
        self._say("wait", seconds)
        self.wait_timer.start()

    def _tick_wait(self) -> None:
        left = self.wait_until - time.monotonic()
        if left <= 0:
            self.wait_timer.stop()
            self.wait_until = 0.0
            self._say("again", 0.0)
        else:
            self._say("wait", left)
        self._show()

    # -- showing ------------------------------------------------------------------------------------

    @property
    def message_kind(self) -> str:
        """What the message line says, language aside: "", "checking", "wrong", "wrong_left", "wait",
        "again", "locked", "card_needed" or "failed"."""
        return self._message[0]

    def _keys_on(self) -> bool:
        return not self.busy and not self.waiting_for_card and self.wait_until == 0.0

    def _say(self, kind: str, seconds: float) -> None:
        self._message = (kind, seconds)
        self.message.setText(self._message_text())
        self.message.setVisible(bool(self.message.text()))

    def _message_text(self) -> str:
        kind, seconds = self._message
        if kind == "checking":
            return self.tr("Checking\u2026")
        if kind == "wrong":
            return self.tr("Wrong staff number or PIN.")
        if kind == "wrong_left":
            return self.tr("Wrong PIN. Tries left before the lock: %1").replace("%1", str(int(seconds)))
        if kind == "wait":
            return self.tr("Wait %1 s before the next try.").replace("%1", str(math.ceil(seconds)))
        if kind == "again":
            return self.tr("Enter the PIN again.")
        if kind == "locked":
            minutes = str(max(1, math.ceil(seconds / 60)))
            return self.tr("This account is locked for %1 min.").replace("%1", minutes)
        if kind == "card_needed":
            return self.tr("Tap your staff card on the reader.")
        if kind == "failed":
            return self.tr("Signing in is not possible now. Try again.")
        return ""

    def _show(self) -> None:
        on = self._keys_on()
        for key, widget in self.keys.items():
            widget.setEnabled(on and (key != "ok" or bool(self.pin if self.step == "pin" else self.staff)))
        if self.step == "staff":
            self.prompt.setText(self.tr("Staff number"))
            self.entry.setText(self.staff)
        else:
            self.prompt.setText(self.tr("PIN"))
            self.entry.setText(MASK * len(self.pin))
        self.card_note.setText(self.tr("Staff card read.") if self.card else "")
        self.card_note.setVisible(bool(self.card))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff sign-in"))
        self.keys["ok"].setText(self.tr("OK"))
        self.cancel.setText(self.tr("Cancel"))
        self.message.setText(self._message_text())
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _ignore(_: object) -> None:
    """A late sign-out's answer: nothing to show (a failure is logged by AdminEnv.run)."""
