"""What the two payment screens (terminal and QR) share: one payment asked for on entry, its updates,
a countdown of the screen's own, and the payment given back when the driver cancels or walks away."""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QTimer

from app.driver import PaymentUnavailableError, PaymentUpdate
from kiosk_ui.screen import KioskEnv, Screen

log = logging.getLogger(__name__)

# Results that end a payment without money taken: the result screen says why (payment_result.py).
UNSUCCESSFUL = ("declined", "cancelled", "expired", "unavailable", "failed")


class PaymentWaitScreen(Screen):
    """Subclasses ask for the payment (`_request`), say what the countdown is (`_wait_s`) and show the
    states (`_show_state`). The flow passes every PaymentUpdate to `on_payment_update`; an authorised
    payment is the flow's to continue (pick or plug in), like an accepted card."""

    timed = True  # the countdown is the screen's own clock (the inactivity timer waits)

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.payment_id: int | None = None
        self.status = "preparing"
        self._active = False  # this screen's payment is in progress (not given back, not authorised)
        self._deadline = 0.0
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._on_tick)

    # -- for the subclasses ---------------------------------------------------------------------------

    async def _request(self) -> int:
        """Asks the facade for the payment; its id."""
        raise NotImplementedError

    async def _adopt(self) -> int | None:
        """A payment already asked for (context payment_id: a second display of the same kiosk shows
        the one payment, as the screenshots' windows do); None: ask for one."""
        payment_id: int | None = self.context.get("payment_id")
        return payment_id

    def _wait_s(self) -> float:
        raise NotImplementedError

    def _show_state(self) -> None:
        """Shows self.status (preparing or waiting) and the countdown's seconds."""

    def _retry_context(self) -> dict[str, Any]:
        """What "Try again" on the result screen brings back to this screen."""
        return {}

    # -- life cycle ------------------------------------------------------------------------------------

    def enter(self, context: dict[str, Any]) -> None:
        self.payment_id = None
        self.status = context.get("status", "preparing")
        self._active = True
        self._deadline = time.monotonic() + self._wait_s()
        self._tick.start()
        super().enter(context)
        self.env.spawn(self._start())

    async def _start(self) -> None:
        try:
            payment_id = await self._adopt() or await self._request()
        except PaymentUnavailableError as error:
            log.info("payment not started: %s", error.reason)
            if self._active:
                self._finish("unavailable", error.reason)
            return
        except Exception:  # the provider call failed in a way the service did not classify
            log.exception("payment not started")
            if self._active:
                self._finish("failed", None)
            return
        if not self._active or (self.payment_id is not None and self.payment_id != payment_id):
            # The driver cancelled (or walked away) while the station was still asking: give it back.
            self.env.spawn(self.env.facade.cancel_payment(payment_id))
            return
        self.payment_id = payment_id
        self._show_state()

    def leave(self) -> None:
        self._tick.stop()
        self._give_back()

    def _give_back(self) -> None:
        """Cancels the payment unless it was authorised or already ended."""
        if self._active:
            self._active = False
            if self.payment_id is not None:
                self.env.spawn(self.env.facade.cancel_payment(self.payment_id))

    def cancel(self) -> None:
        self._give_back()
        self.go("idle")

    def _on_tick(self) -> None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            log.info("payment %s: no answer within %.0f s, given back", self.payment_id, self._wait_s())
            self._give_back()
            self._finish("expired", None)
            return
        self._show_state()

    def seconds_left(self) -> int:
        return max(0, int(self._deadline - time.monotonic() + 0.999))

    def countdown_text(self) -> str:
        minutes, rest = divmod(self.seconds_left(), 60)
        return f"{minutes}:{rest:02d}"

    # -- updates ---------------------------------------------------------------------------------------

    def on_payment_update(self, update: PaymentUpdate) -> bool:
        """Whether the update is this screen's payment (its result screen is shown here; an authorised
        one is left to the flow)."""
        if not self._active:
            return False
        if self.payment_id is None:
            self.payment_id = update.payment_id  # the update came before pay_by_... returned
        if update.payment_id != self.payment_id:
            return False
        if update.status == "authorised":
            self._active = False  # the session will carry it: leaving must not give it back
            self._tick.stop()
        elif update.status in UNSUCCESSFUL:
            self._active = False
            self._finish(update.status, update.reason)
        else:
            self.status = update.status
            self._show_state()
        return True

    def _finish(self, status: str, reason: str | None) -> None:
        self._tick.stop()
        self.go(
            "pay_result", status=status, reason=reason, retry=self.name, retry_context=self._retry_context()
        )
