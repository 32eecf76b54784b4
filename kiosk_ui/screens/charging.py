"""Charging screen: live energy, power, elapsed time, cost so far and state, with one stop button."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from app.driver import ConnectorCard, PaidSession, PaymentLimit, RunningCost, SessionSummary
from kiosk_ui.i18n import format_clock, format_kw, format_kwh
from kiosk_ui.icons import IconLabel
from kiosk_ui.payment_texts import money
from kiosk_ui.screen import KioskEnv, Screen, button, card_frame, label, set_role, share_width
from kiosk_ui.texts import connector_text, state_look

COST_REFRESH_S = 1.0


class ChargingScreen(Screen):
    """Context: connector_id, session_id, own (the driver came through the card flow, so the stop button
    is shown; a session opened from the idle screen is stopped only with its card).

    There is one way to stop and no "done": leaving this screen never stops the session, so the driver
    is told that charging goes on when they walk away, and the screen returns to idle by itself."""

    name = "charging"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        # Wrapping (its number is glued to its word): a wrapped label measures its height for the font
        # in force, which changes with the language's script (kiosk_ui/i18n.py).
        self.title = label("", "title")
        self.title.setObjectName("charging_title")
        self.state_icon = IconLabel("state_charging", env.colour("ok"), env.theme.px("body") + 6)
        self.state = label("", "status-ok")
        self.state.setObjectName("charging_state")
        self.values: dict[str, tuple[Any, Any]] = {}
        # The three figures side by side across the screen, the bill and the stop under them: each
        # column keeps room for words that wrap (Malay, Tamil) without squeezing the figures.
        figures = QHBoxLayout()
        figures.setSpacing(6)
        for key in ("energy", "power", "elapsed"):
            frame = card_frame()
            inner = QVBoxLayout(frame)
            inner.setContentsMargins(8, 2, 8, 2)
            inner.setSpacing(0)  # the CJK and Tamil fonts' taller lines must still fit 800x480
            caption, value = label("", "small"), label("", "huge", wrap=False)
            value.setObjectName(f"value:{key}")
            inner.addWidget(caption)
            inner.addWidget(value)
            self.values[key] = (caption, value)
            share_width(figures, (frame, 1))
        self.cost = label("", "small")
        self.cost.setObjectName("cost")
        self.total = label("", "large")
        self.total.setObjectName("cost_total")
        cost_frame = card_frame()
        cost_layout = QVBoxLayout(cost_frame)
        cost_layout.setContentsMargins(8, 4, 8, 4)
        cost_layout.setSpacing(0)
        cost_layout.addWidget(self.cost)
        cost_layout.addStretch(1)
        cost_layout.addWidget(self.total)
        # A paid session: how much of what was held (or prepaid) the cost so far has used.
        self.paid = label("", "small")
        self.paid.setObjectName("charging_paid")
        self.paid.setVisible(False)
        cost_layout.addWidget(self.paid)
        self.hint = label("", "small")
        self.hint.setObjectName("charging_hint")
        self.idle_notice = label("", "error")
        self.idle_notice.setObjectName("idle_fee_notice")
        self.idle_notice.setVisible(False)
        self.stop = button("danger")
        self.stop.setObjectName("stop")
        self.stop.clicked.connect(self._stop)
        self.back = button("secondary")
        self.back.setObjectName("charging_back")
        self.back.clicked.connect(lambda: self.go("idle"))
        right = QVBoxLayout()
        right.addWidget(self.hint)
        right.addWidget(self.idle_notice)
        self.limit_notice = label("", "error")
        self.limit_notice.setObjectName("charging_limit")
        self.limit_notice.setVisible(False)
        right.addWidget(self.limit_notice)
        right.addStretch(1)
        right.addWidget(self.stop)
        right.addWidget(self.back)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.state_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.state)
        body = QHBoxLayout()
        share_width(body, (cost_frame, 6), (right, 5))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(figures)
        layout.addLayout(body, 1)
        self._stopping = False
        self._cost_at = 0.0
        self._running: RunningCost | None = None
        self._payment: PaidSession | None = None
        self._limit: PaymentLimit | None = None

    def enter(self, context: dict[str, Any]) -> None:
        self._stopping = False
        self._cost_at = 0.0
        self._running = None
        self._limit = None
        session_id = context.get("session_id")
        self._payment = self.env.facade.paid_session(session_id) if session_id is not None else None
        self.cost.setText("")
        self.total.setText("")
        super().enter(context)

    def _card(self) -> ConnectorCard | None:
        wanted = self.context.get("connector_id")
        return next((c for c in self.env.facade.connectors() if c.connector_id == wanted), None)

    def refresh(self) -> None:
        card = self._card()
        if card is None:
            return
        if card.state == "faulted":
            self.go("fault", connector_id=card.connector_id, session_id=self.context.get("session_id"))
            return
        locale = self.env.translations.locale
        now = time.monotonic()
        if card.session_id is not None and now - self._cost_at >= COST_REFRESH_S:
            # The running cost is computed from the ledger: once a second is plenty for the driver. The
            # energy figure comes from the same reading as the billed line, so the two always agree.
            running = self.env.facade.running_cost(card.connector_id, self.env.tariff_language)
            if running is not None:
                self._running = running
                self.cost.setText("\n".join(running.lines[:-1]))
                self.total.setText(running.lines[-1] if running.lines else "")
                self._show_paid(running.total_minor)
            self._cost_at = now if running is not None else 0.0
        energy = self._running.energy_Wh if self._running is not None else 0
        self.values["energy"][1].setText(format_kwh(energy, locale))
        self.values["power"][1].setText(format_kw(card.power_W, locale))
        self.values["elapsed"][1].setText(format_clock(card.elapsed_s))
        look = state_look(card)
        self.state.setText(look.text)
        set_role(self.state, look.role)
        self.state_icon.set_icon(look.icon, self.env.colour(look.role))
        self._show_idle_fee(look.key)

    def _show_paid(self, cost_minor: int) -> None:
        payment = self._payment
        self.paid.setVisible(payment is not None)
        if payment is None:
            return
        so_far = money(self.env, cost_minor, payment.currency)
        limit = money(self.env, payment.limit_minor, payment.currency)
        if payment.method in ("fpx", "grabpay"):
            text = self.tr("%1 of %2 prepaid")
        else:
            text = self.tr("%1 of %2 held")
        self.paid.setText(text.replace("%1", so_far).replace("%2", limit))

    def on_payment_limit(self, limit: PaymentLimit) -> None:
        """The paid session nears (or reached) what was held or prepaid: the driver is told before the
        station stops it, and why it stopped."""
        if limit.session_id != self.context.get("session_id"):
            return
        self._limit = limit
        self._show_limit()

    def _show_limit(self) -> None:
        limit = self._limit
        if limit is None:
            self.limit_notice.setVisible(False)
            return
        amount = money(self.env, limit.limit_minor, limit.currency)
        if limit.stopping:
            text = self.tr("Charging stopped: the %1 limit was reached")
        else:
            text = self.tr("Nearly at your %1 limit: charging will stop at the limit")
        self.limit_notice.setText(text.replace("%1", amount))
        self.limit_notice.setVisible(True)
        self.hint.setVisible(False)

    def _show_idle_fee(self, state: str) -> None:
        """While the car takes no power by its own choice (full, or its own limit) the idle fee's clock
        runs (docs/tariffs.md): the driver is told when it starts, or that it runs."""
        running = self._running
        left = running.idle_free_left_s if running is not None else None
        if state != "paused_by_car" or left is None or not self.context.get("own"):
            self.idle_notice.setVisible(False)
            self.hint.setVisible(self._limit is None)
            self._show_limit()
            return
        if left > 0:
            minutes = self.env.translations.locale.toString((left + 59) // 60)
            text = self.tr(
                "Your car is not taking power: the idle fee starts in %1 min. Please unplug when done."
            )
            self.idle_notice.setText(text.replace("%1", minutes))
        else:
            self.idle_notice.setText(
                self.tr("Your car is not taking power: the idle fee is running. Please unplug and move.")
            )
        self.idle_notice.setVisible(True)
        self.hint.setVisible(False)
        self.limit_notice.setVisible(False)  # one notice at a time: the room is the hint's

    def on_session_ended(self, summary: SessionSummary) -> None:
        if summary.session_id != self.context.get("session_id"):
            return
        card = self._card()
        if card is not None and card.state == "faulted":
            self.go("fault", connector_id=card.connector_id, session_id=summary.session_id, summary=summary)
        else:
            self.go("summary", summary=summary)

    def _stop(self) -> None:
        if self._stopping:
            return
        self._stopping = True
        self.stop.setEnabled(False)
        self.stop.setText(self.tr("Stopping..."))

        async def stop() -> None:
            summary = await self.env.facade.stop_session(self.context["connector_id"])
            if summary is not None and self.isVisible():
                self.go("summary", summary=summary)

        self.env.spawn(stop())

    def retranslate(self) -> None:
        self._cost_at = 0.0  # the cost lines come in the new language at the next refresh
        card = self._card()
        self.title.setText(connector_text(card.label if card is not None else "?"))
        self.values["energy"][0].setText(self.tr("Energy"))
        self.values["power"][0].setText(self.tr("Power"))
        self.values["elapsed"][0].setText(self.tr("Time"))
        own = bool(self.context.get("own"))
        self.stop.setVisible(own)
        self.stop.setEnabled(not self._stopping)
        self.stop.setText(self.tr("Stopping...") if self._stopping else self.tr("Stop charging"))
        # Someone else's session, opened from a tile: a way back. The driver's own has only Stop.
        self.back.setVisible(not own)
        self.back.setText(self.tr("Back"))
        # Without a working reader a card cannot stop the session: the hint says what still can.
        reader_ok = dict(self.env.facade.payment_methods()).get("card", False)
        if own and reader_ok:
            self.hint.setText(
                self.tr("To stop: press Stop, tap your card or unplug. You may leave: charging goes on.")
            )
        elif own:
            self.hint.setText(self.tr("To stop: press Stop or unplug. You may leave: charging goes on."))
        elif reader_ok:
            self.hint.setText(self.tr("To stop, tap the card that started this session."))
        else:
            self.hint.setText(
                self.tr("The card reader is not working. Unplugging the car ends this session.")
            )
