"""Summary screen: an ended session's connector, reference, energy, duration and bill, with the total
largest, a paid session's receipt code, and a reminder to unplug while the car is still there."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from app.driver import PaidSession, PaymentUpdate, SessionSummary
from kiosk_ui.i18n import format_duration, format_kwh
from kiosk_ui.payment_texts import money
from kiosk_ui.qr_code import QrCode
from kiosk_ui.screen import KioskEnv, Screen, button, card_frame, label, set_role, share_width
from kiosk_ui.texts import connector_text, stop_reason_text

log = logging.getLogger(__name__)

PAYMENT_REFRESH_S = 1.0  # how often a settling payment is read again until its receipt exists
SUMMARY_QR_PX = 120  # the receipt's code in the bill's place: a phone reads it from an arm's length


class SummaryScreen(Screen):
    """Context: summary (a SessionSummary) or session_id; the lines are fetched again in the kiosk's
    language, since a SessionEnded event carries them in the station's default language."""

    name = "summary"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.title = label("", "title")
        self.title.setObjectName("summary_title")
        self.reason = label("", "body")
        self.reason.setObjectName("summary_reason")
        self.where = label("", "body")
        self.where.setObjectName("summary_reference")
        self.energy = label("", "large")
        self.energy.setObjectName("summary_energy")
        self.duration = label("", "large")
        self.duration.setObjectName("duration")
        self.lines = label("", "small")
        self.lines.setObjectName("summary_cost")
        self.total = label("", "total")
        self.total.setObjectName("summary_total")
        self.unplug = label("", "error")
        self.unplug.setObjectName("summary_unplug")
        frame = card_frame()
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(8, 4, 8, 4)
        inner.addWidget(self.lines)
        # Once the receipt exists its code takes the fee lines' place (the total stays): the driver
        # scans it here; the button below opens it larger, with the e-mail keyboard.
        self.receipt_qr = QrCode("summary_receipt_qr", round(SUMMARY_QR_PX * env.theme.scale))
        self.receipt_qr.setVisible(False)
        # It grows into the frame's free height (whole-pixel modules: bigger is easier to scan).
        inner.addWidget(self.receipt_qr, 4)
        inner.addStretch(1)
        inner.addWidget(self.total)
        # A paid session: what was taken, what was given back, with which card (across the screen
        # under the columns: in one of them it would push the fee lines out of the 7" display).
        self.paid = label("", "small")
        self.paid.setObjectName("summary_paid")
        self.notice = label("", "body")
        self.notice.setObjectName("summary_notice")
        self.done = button()
        self.done.setObjectName("summary_done")
        self.done.clicked.connect(lambda: self.go("idle"))
        # The body's type ("choice"): the receipt's number on one line beside Done.
        self.receipt = button(
            "choice", icon="qr", icon_px=env.theme.touch_px - 20, icon_colour=env.colour("on_primary")
        )
        self.receipt.setObjectName("summary_receipt")
        self.receipt.clicked.connect(self._open_receipt)
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.reason)
        left.addWidget(self.where)
        left.addWidget(self.energy)
        left.addWidget(self.duration)
        left.addStretch(1)
        body = QHBoxLayout()
        share_width(body, (left, 5), (frame, 6))
        buttons = QHBoxLayout()
        buttons.addWidget(self.receipt, 1)
        buttons.addWidget(self.done, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.addLayout(body, 1)
        layout.addWidget(self.paid)
        layout.addWidget(self.unplug)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.summary: SessionSummary | None = None
        self.payment: PaidSession | None = None
        # A paid session settles after it ends (capture, refund, then the receipt): read again each
        # second until the receipt exists, whether or not the connectors change meanwhile.
        self._settling = QTimer(self)
        self._settling.setInterval(int(PAYMENT_REFRESH_S * 1000))
        self._settling.timeout.connect(self._show_payment)
        self._session_id: int | None = None
        self._fetched = False

    def enter(self, context: dict[str, Any]) -> None:
        self.summary = context.get("summary")
        self._session_id = context.get("session_id", self.summary.session_id if self.summary else None)
        self._fetched = False
        self.payment = None
        super().enter(context)

    def leave(self) -> None:
        self._settling.stop()

    def _fetch(self) -> bool:
        """The summary in the kiosk's language; False while the ledger has not closed the session yet."""
        if self._session_id is None:
            return True
        try:
            self.summary = self.env.facade.summary(self._session_id, self.env.tariff_language)
        except (KeyError, ValueError) as error:  # not ended yet: keep what the event carried, try again
            log.info("summary of session %s not ready: %s", self._session_id, error)
            return False
        return True

    def refresh(self) -> None:
        if not self._fetched:  # the ledger had not closed the session yet: try again
            self.retranslate()
        else:
            self._show_unplug()

    def on_payment_settled(self, update: PaymentUpdate) -> None:
        """The session's payment was captured (or refunded) after the summary showed: its receipt now."""
        if update.session_id is not None and update.session_id == self._session_id:
            self._show_payment()

    def on_session_ended(self, summary: SessionSummary) -> None:
        if summary.session_id == self._session_id:
            self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Session ended"))
        self.done.setText(self.tr("Done"))
        notice = self.context.get("notice", "")
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self._fetched = self._fetch()
        summary = self.summary
        self._show_payment()
        if summary is None:
            return
        locale = self.env.translations.locale
        self.reason.setText(stop_reason_text(summary.stop_reason))
        where = connector_text(summary.connector_label or "?")
        reference = self.tr("Reference %1").replace("%1", summary.reference)
        self.where.setText(f"{where}  ·  {reference}" if summary.reference else where)
        self.energy.setText(self.tr("Energy: %1").replace("%1", format_kwh(summary.energy_Wh, locale)))
        self.duration.setText(
            self.tr("Duration: %1").replace("%1", format_duration(summary.duration_s, locale))
        )
        # The total (the last line) apart and largest: it is what the driver pays.
        self.lines.setText("\n".join(summary.cost_lines[:-1]))
        self.total.setText(summary.cost_lines[-1] if summary.cost_lines else "")
        self._show_unplug()

    def _show_payment(self) -> None:
        """A paid session's settlement and receipt; nothing of it for a session paid by RFID card."""
        summary = self.summary
        payment = summary.payment if summary is not None else None
        if self._session_id is not None:
            payment = self.env.facade.paid_session(self._session_id) or payment
        self.payment = payment
        if payment is not None and payment.receipt_no is None and self.isVisible():
            self._settling.start()
        else:
            self._settling.stop()
        self.paid.setVisible(payment is not None)
        # The payment's line takes a row under the columns: the figures step down to the body type.
        for figure in (self.energy, self.duration):
            set_role(figure, "large" if payment is None else "body")
        receipt_url = payment.receipt_url if payment is not None else None
        if receipt_url:
            self.receipt_qr.set_data(receipt_url)
        self.receipt_qr.setVisible(bool(receipt_url))
        self.lines.setVisible(not receipt_url)
        if payment is None:
            self.receipt.setVisible(False)
            return
        lines = []
        cost = summary.total_minor if summary is not None else payment.captured_minor
        if payment.method in ("fpx", "grabpay"):
            # A top-up is taken whole: what the session cost is paid, the rest goes back (the refund
            # may still be on its way: the amount due back is shown, not the refund's progress).
            paid = min(cost, payment.captured_minor)
            back = max(payment.refunded_minor, payment.captured_minor - paid)
            back_text = self.tr("%1 refunded")
        else:
            paid = payment.captured_minor or cost
            back = max(0, payment.limit_minor - paid)
            back_text = self.tr("%1 released")
        paid_with = self.tr("Paid: %1").replace("%1", money(self.env, paid, payment.currency))
        lines.append(f"{paid_with} ({payment.card_text})" if payment.card_text else paid_with)
        if back > 0 and payment.state != "authorised":
            lines.append(back_text.replace("%1", money(self.env, back, payment.currency)))
        self.paid.setText("  ·  ".join(lines))  # across the screen, under the bill
        # The receipt's number on the button that shows it: the line above has no room left in Tamil.
        number = payment.receipt_no
        self.receipt.setText(self.tr("Receipt %1").replace("%1", number) if number else self.tr("Receipt"))
        self.receipt.setVisible(bool(payment.receipt_url))

    def _open_receipt(self) -> None:
        """The receipt's QR code, number and e-mail on a screen of their own."""
        self.go("receipt", session_id=self._session_id, payment=self.payment, paid=self.paid.text())

    def _show_unplug(self) -> None:
        """While the car is still plugged in: move it, so the next driver can charge."""
        summary = self.summary
        card = next(
            (c for c in self.env.facade.connectors() if summary and c.connector_id == summary.connector_id),
            None,
        )
        plugged = card is not None and card.vehicle_present and card.session_id is None
        self.unplug.setText(self.tr("Please unplug and move your car.") if plugged else "")
        self.unplug.setVisible(plugged)
