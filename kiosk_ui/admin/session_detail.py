"""A session's detail inside the sessions screen: summary (times, energy, cost), meter values (a sparkline
and a small table), transitions, payment with its refunds and receipt number, and for the operator role
the refund: an amount keypad (all that is left by default), a confirmation, the result."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from app.admin import REFUND_REASONS
from kiosk_ui.admin.session_keypad import AMOUNT_KEYS, AMOUNT_MAX, KeyPad
from kiosk_ui.admin.session_texts import (
    amount_text,
    clock_time,
    error_text,
    local_time,
    method_text,
    parse_amount,
    payment_state_text,
    reason_text,
    refund_state_text,
    state_text,
)
from kiosk_ui.i18n import format_duration, format_kw, format_kwh
from kiosk_ui.screen import button, label, set_role, share_width

if TYPE_CHECKING:
    from app.admin import MeterPoint, RefundResult, SessionDetail
    from kiosk_ui.admin.admin_screen import AdminEnv

TABS = ("summary", "meter", "changes", "payment")
SHOWN_TRANSITIONS = 5  # the latest; a long session's pauses would not fit the 800x480 screen
SHOWN_METER_ROWS = 3


class MeterSparkline(QWidget):
    """The session's energy over its time as one line: how it charged (steady, paused, tapered)."""

    def __init__(self, colour: str, height_px: int) -> None:
        super().__init__()
        self.setObjectName("detail_sparkline")
        self.colour = colour
        self.points: list[tuple[float, float]] = []
        self.setMinimumHeight(height_px)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_points(self, points: tuple[MeterPoint, ...]) -> None:
        self.points = [(p.at.timestamp(), float(p.energy_Wh)) for p in points]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if len(self.points) < 2:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.colour), 3))
        (t0, _), (t1, _) = self.points[0], self.points[-1]
        top = max(e for _, e in self.points) or 1.0
        width, height, margin = self.width() - 8, self.height() - 8, 4
        span = (t1 - t0) or 1.0
        line = QPolygonF(
            [
                QPointF(margin + (t - t0) / span * width, margin + height - e / top * height)
                for t, e in self.points
            ]
        )
        painter.drawPolyline(line)
        painter.end()


class SessionDetailPage(QWidget):
    """Shown by the sessions screen for one session; `back` returns to its list."""

    back = Signal()

    def __init__(self, env: AdminEnv) -> None:
        super().__init__()
        self.setObjectName("session_detail")
        self.env = env
        self.detail: SessionDetail | None = None
        self.session_id: int | None = None
        self.result: RefundResult | None = None
        self.error = ""
        self.tab = "summary"
        self.reason = REFUND_REASONS[0]
        self._busy = False
        theme = env.theme

        self.back_button = self._button("detail_back", "secondary", self.back.emit)
        self.title = label("", "large", wrap=True)
        self.title.setObjectName("detail_title")
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)

        self.tabs: dict[str, QPushButton] = {}
        tab_row = QHBoxLayout()
        for tab in TABS:
            self.tabs[tab] = self._button(
                f"detail_tab_{tab}", "choice", lambda _=False, t=tab: self.show_tab(t)
            )
            # The small type and padding: four Tamil tab names across the screen beside the shell's
            # navigation at 800 px.
            self.tabs[tab].setStyleSheet(f"font-size: {env.theme.px('small')}px; padding: 2px 4px;")
        share_width(tab_row, *((self.tabs[tab], 1) for tab in TABS))

        self.pages = QStackedWidget()
        # Summary: times and state on the left, the figures on the right.
        self.times = label("", None)
        self.times.setObjectName("detail_times")
        self.figures = label("", "large")
        self.figures.setObjectName("detail_figures")
        self.who = label("", None)
        self.who.setObjectName("detail_who")
        summary = QWidget()
        row = QHBoxLayout(summary)
        row.setContentsMargins(0, 0, 0, 0)
        # The labels take the page's height (aligned to the top) rather than a stretch below them: a
        # stacked page does not ask its labels' height for their width, and a wrapped line would be cut.
        right = QVBoxLayout()
        right.addWidget(self.figures)
        right.addWidget(self.who, 1)
        row.addWidget(self.times, 1)
        row.addLayout(right, 1)
        # Meter values.
        self.sparkline = MeterSparkline(theme.colours["primary"], max(60, theme.touch_px + 8))
        self.meter_table = label("", "small")
        self.meter_table.setObjectName("detail_meter_table")
        meter = QWidget()
        column = QVBoxLayout(meter)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.sparkline)
        column.addWidget(self.meter_table, 1)
        # Transitions.
        self.changes = label("", "small")
        self.changes.setObjectName("detail_changes")
        # Payment, receipt, refunds and the refund button.
        self.payment = label("", None)
        self.payment.setObjectName("detail_payment")
        self.refunds = label("", "small")
        self.refunds.setObjectName("detail_refunds")
        self.outcome = label("", "notice")
        self.outcome.setObjectName("detail_result")
        self.refund_button = self._button("detail_refund", "danger", self._ask_amount)
        paid = QWidget()
        paid_row = QHBoxLayout(paid)
        paid_row.setContentsMargins(0, 0, 0, 0)
        paid_text = QVBoxLayout()
        paid_text.addWidget(self.payment)
        paid_text.addWidget(self.refunds, 1)
        paid_side = QVBoxLayout()
        paid_side.addWidget(self.outcome, 1)
        paid_side.addWidget(self.refund_button)
        paid_row.addLayout(paid_text, 3)
        paid_row.addLayout(paid_side, 2)
        # The refund's amount, then its confirmation.
        self.amount_title = label("", None)
        self.amount_title.setObjectName("refund_amount_title")
        self.amount = label("", "large", wrap=False)
        self.amount.setObjectName("refund_amount")
        self.reason_button = self._button("refund_reason", "option", self._next_reason)
        self.keypad = KeyPad(AMOUNT_KEYS, max(44, theme.touch_px - 8), AMOUNT_MAX, "refund_keypad")
        self.keypad.changed.connect(self._typed)
        self.full_button = self._button("refund_full", "secondary", self._full)
        self.amount_cancel = self._button("refund_cancel", "secondary", self._cancel_refund)
        self.amount_next = self._button("refund_next", None, self._confirm)
        amount_page = QWidget()
        amount_column = QVBoxLayout(amount_page)
        amount_column.setContentsMargins(0, 0, 0, 0)
        amount_column.setSpacing(4)
        heading = QHBoxLayout()
        heading_text = QVBoxLayout()
        heading_text.addWidget(self.amount_title)
        heading_text.addWidget(self.amount)
        heading.addLayout(heading_text, 1)
        heading.addWidget(self.reason_button)
        amount_column.addLayout(heading)
        keys_row = QHBoxLayout()
        keys_row.addWidget(self.keypad, 3)
        actions = QVBoxLayout()
        actions.addWidget(self.full_button)
        actions.addWidget(self.amount_cancel)
        actions.addWidget(self.amount_next)
        keys_row.addLayout(actions, 2)
        amount_column.addLayout(keys_row)
        amount_column.addStretch(1)
        self.question = label("", "large")
        self.question.setObjectName("refund_question")
        self.confirm_no = self._button("refund_confirm_cancel", "secondary", self._cancel_refund)
        self.confirm_yes = self._button("refund_confirm", "danger", self._refund)
        confirm_page = QWidget()
        confirm_column = QVBoxLayout(confirm_page)
        confirm_column.setContentsMargins(0, 0, 0, 0)
        confirm_column.addWidget(self.question, 1)
        answers = QHBoxLayout()
        answers.addWidget(self.confirm_no, 1)
        answers.addWidget(self.confirm_yes, 1)
        confirm_column.addLayout(answers)
        self.page_of: dict[str, QWidget] = {
            "summary": summary,
            "meter": meter,
            "changes": self.changes,
            "payment": paid,
            "amount": amount_page,
            "confirm": confirm_page,
        }
        for page in self.page_of.values():
            self.pages.addWidget(page)
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        for text in (self.times, self.figures, self.who, self.meter_table, self.changes, self.payment):
            text.setAlignment(top_left)
        for text in (self.refunds, self.outcome, self.question):
            text.setAlignment(top_left)

        self.status = label("", "notice")
        self.status.setObjectName("detail_status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(tab_row)
        layout.addWidget(self.status)
        layout.addWidget(self.pages, 1)

    @staticmethod
    def _button(name: str, role: str | None, slot: Any) -> QPushButton:
        widget = button(role)
        widget.setObjectName(name)
        widget.clicked.connect(slot)
        return widget

    # -- loading ------------------------------------------------------------------------------------

    def show_session(self, session_id: int, tab: str = "summary") -> None:
        self.session_id, self.detail, self.result, self.error = session_id, None, None, ""
        self.tab = tab
        self._load()
        self.retranslate()

    def _load(self) -> None:
        operator, session_id = self.env.operator, self.session_id
        if operator is None or session_id is None:
            return
        detail = self.env.operators.sessions.detail(operator, session_id)
        self.env.run(detail, self._loaded, self._failed, owner=self)

    def _loaded(self, detail: SessionDetail) -> None:
        if detail.row.session_id != self.session_id:
            return  # an answer for a session no longer shown
        self.detail = detail
        self.retranslate()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.error = error_text(error)
        if self.tab in ("amount", "confirm"):
            self.tab = "payment"
        self.retranslate()

    def show_tab(self, tab: str) -> None:
        self.tab = tab
        self.retranslate()

    # -- refund -------------------------------------------------------------------------------------

    def may_refund(self) -> bool:
        operator, detail = self.env.operator, self.detail
        return (
            operator is not None
            and operator.may("operator")
            and detail is not None
            and detail.payment is not None
            and detail.payment.refundable_minor > 0
        )

    def _ask_amount(self) -> None:
        if not self.may_refund():
            return
        self.result, self.error = None, ""
        self._full()
        self.tab = "amount"
        self.retranslate()

    def _full(self) -> None:
        detail = self.detail
        if detail is not None and detail.payment is not None:
            self.keypad.set_text(amount_text(detail.payment.refundable_minor, detail.minor_digits))

    def _typed(self, text: str) -> None:
        self.amount.setText(text + "|")
        self.amount_next.setEnabled(self._amount() is not None)

    def _amount(self) -> int | None:
        detail = self.detail
        if detail is None or detail.payment is None:
            return None
        amount = parse_amount(self.keypad.text, detail.minor_digits)
        return amount if amount is not None and 0 < amount <= detail.payment.refundable_minor else None

    def _next_reason(self) -> None:
        self.reason = REFUND_REASONS[(REFUND_REASONS.index(self.reason) + 1) % len(REFUND_REASONS)]
        self.retranslate()

    def _confirm(self) -> None:
        if self._amount() is not None:
            self.tab = "confirm"
            self.retranslate()

    def _cancel_refund(self) -> None:
        self.tab = "payment"
        self.retranslate()

    def _refund(self) -> None:
        operator, detail, amount = self.env.operator, self.detail, self._amount()
        if self._busy or operator is None or detail is None or amount is None:
            return
        self._busy = True
        self.confirm_yes.setEnabled(False)
        full = detail.payment is not None and amount == detail.payment.refundable_minor
        coroutine = self.env.operators.sessions.refund(
            operator,
            session_id=detail.row.session_id,
            amount_minor=None if full else amount,  # all that is left: the service reads it in the ledger
            reason=self.reason,
        )
        self.env.run(coroutine, self._refunded, self._failed, owner=self)

    def _refunded(self, result: RefundResult) -> None:
        self._busy = False
        self.result, self.error = result, ""
        self.tab = "payment"
        self._load()
        self.retranslate()

    # -- texts --------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        locale = self.env.kiosk.translations.locale
        self.back_button.setText(self.tr("Back"))
        names = {
            "summary": self.tr("Summary"),
            "meter": self.tr("Meter"),
            "changes": self.tr("States"),
            "payment": self.tr("Payment"),
        }
        for tab, widget in self.tabs.items():
            widget.setText(names[tab])
            set_role(widget, "choice-marked" if tab == self.tab else "choice")
        self.status.setText(self.error)
        self.status.setVisible(bool(self.error))
        self.pages.setCurrentWidget(self.page_of[self.tab])
        detail = self.detail
        if detail is None:
            self.title.setText(self.tr("Loading…"))
            for text in (self.times, self.figures, self.who, self.meter_table, self.changes, self.payment):
                text.setText("")
            self.refunds.setText("")
            self.refund_button.setVisible(False)
            self.outcome.setText("")
            return
        row, zone = detail.row, detail.time_zone
        self.title.setText(
            self.tr("Session %1 · %2").replace("%1", str(row.transaction_ref)).replace("%2", row.connector)
        )
        self._summary(detail, locale)
        self._meter(detail, locale)
        shown = detail.transitions[-SHOWN_TRANSITIONS:]
        lines = [f"{clock_time(t.at, zone)}  {state_text(t.to_state)}" for t in shown]
        if len(detail.transitions) > len(shown):
            more = self.tr("(%1 earlier not shown)").replace("%1", str(len(detail.transitions) - len(shown)))
            lines.insert(0, more)
        self.changes.setText("\n".join(lines))
        self._payment(detail)
        self._refund_texts(detail)

    def _money(self, amount_minor: int, currency: str) -> str:
        kiosk = self.env.kiosk
        return kiosk.facade.format_money(amount_minor, currency, kiosk.tariff_language)

    def _summary(self, detail: SessionDetail, locale: Any) -> None:
        row, zone = detail.row, detail.time_zone
        lines = [
            self.tr("Started: %1").replace("%1", local_time(row.started_at or row.created_at, zone, locale)),
            self.tr("Stopped: %1").replace("%1", local_time(row.stopped_at, zone, locale)),
        ]
        if row.started_at is not None and row.stopped_at is not None:
            seconds = int((row.stopped_at - row.started_at).total_seconds())
            lines.append(self.tr("Duration: %1").replace("%1", format_duration(seconds, locale)))
        lines.append(state_text(row.state))
        self.times.setText("\n".join(lines))
        cost = "–" if row.cost_total_minor is None else self._money(row.cost_total_minor, row.currency)
        self.figures.setText(f"{format_kwh(row.energy_Wh, locale)}\n{cost}")
        who = method_text(row.method)
        if row.id_tag:
            who = f"{who}\n{row.id_tag}"
        self.who.setText(who)

    def _meter(self, detail: SessionDetail, locale: Any) -> None:
        points = detail.meter
        self.sparkline.set_points(points)
        if not points:
            self.meter_table.setText(self.tr("No meter values."))
            return
        count = min(SHOWN_METER_ROWS, len(points))
        picked = [points[round(i * (len(points) - 1) / max(1, count - 1))] for i in range(count)]
        lines = []
        for point in picked:
            power = point.power_W if point.power_W is not None else point.power_max_W
            power_text = format_kw(power, locale) if power is not None else ""
            at = clock_time(point.at, detail.time_zone)
            lines.append(f"{at}   {format_kwh(point.energy_Wh, locale)}   {power_text}")
        self.meter_table.setText("\n".join(lines))

    def _payment(self, detail: SessionDetail) -> None:
        payment, receipt = detail.payment, detail.receipt
        if payment is None:
            self.payment.setText(self.tr("Paid with a card on the station's list: nothing to refund here."))
            self.refunds.setText("")
            return
        card = ""
        if payment.card_last4:
            card = f"{(payment.card_brand or '').title()} •• {payment.card_last4}".strip()
        lines = [
            f"{method_text(payment.method)} {card}".strip(),
            f"{payment_state_text(payment.state)}: {self._money(payment.captured_minor, payment.currency)}",
        ]
        if payment.refunded_minor:
            lines.append(
                self.tr("Refunded: %1").replace("%1", self._money(payment.refunded_minor, payment.currency))
            )
        if receipt is not None:
            lines.append(self.tr("Receipt %1").replace("%1", receipt.receipt_no))
        self.payment.setText("\n".join(lines))
        self.refunds.setText(
            "\n".join(
                f"{refund_state_text(r.state)}: {self._money(r.amount_minor, payment.currency)}"
                for r in payment.refunds[-2:]
            )
        )

    def _refund_texts(self, detail: SessionDetail) -> None:
        self.refund_button.setText(self.tr("Refund…"))
        self.refund_button.setVisible(self.may_refund())
        result = self.result
        if result is not None:
            text = f"{refund_state_text(result.state)}: {self._money(result.amount_minor, result.currency)}"
            self.outcome.setText(text)
        else:
            self.outcome.setText("")
        payment = detail.payment
        if payment is None:
            return
        left = self._money(payment.refundable_minor, payment.currency)
        self.amount_title.setText(self.tr("Amount to refund (at most %1):").replace("%1", left))
        self.amount.setText(self.keypad.text + "|")
        self.reason_button.setText(reason_text(self.reason))
        self.full_button.setText(self.tr("All"))
        self.amount_cancel.setText(self.tr("Cancel"))
        self.amount_next.setText(self.tr("Next"))
        self.amount_next.setEnabled(self._amount() is not None)
        amount = self._amount()
        if amount is not None:
            card = f"•• {payment.card_last4}" if payment.card_last4 else method_text(payment.method)
            self.question.setText(
                self.tr("Refund %1 to %2? Reason: %3. A refund cannot be undone.")
                .replace("%1", self._money(amount, payment.currency))
                .replace("%2", card)
                .replace("%3", reason_text(self.reason))
            )
        self.confirm_no.setText(self.tr("Cancel"))
        self.confirm_yes.setText(self.tr("Refund"))
        self.confirm_yes.setEnabled(not self._busy)
