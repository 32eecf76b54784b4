"""Admin sessions screen: the station's sessions newest first with touch filters (today, 7 or 30 days, a
connector, a way of paying, a card number typed on the keypad), a page at a time; a tap opens the
session's detail (kiosk_ui/admin/session_detail.py), where an operator may refund (docs/admin.md)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.admin import SESSION_METHODS, SessionPage, SessionQuery, SessionRow
from kiosk_ui.admin.admin_screen import AdminEnv, AdminScreen, named_button, paged_list
from kiosk_ui.admin.session_detail import SessionDetailPage
from kiosk_ui.admin.session_keypad import CARD_KEYS, CARD_MAX, KeyPad
from kiosk_ui.admin.session_texts import error_text, local_time, method_text, state_text
from kiosk_ui.i18n import format_kwh
from kiosk_ui.screen import label, set_role, share_width

PERIODS = (1, 7, 30)  # days: today, the last 7, the last 30 (local days of the station)
ROWS = 4  # sessions per page: what fits 800x480 under the filters with two lines each


class SessionsScreen(AdminScreen):
    """Context: session_id (optional) opens that session's detail at once."""

    name = "sessions"
    min_role = "viewer"

    def __init__(self, env: AdminEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.days = 7
        self.connector: str | None = None
        self.method: str | None = None
        self.card = ""
        self.offset = 0
        self.connectors: tuple[str, ...] = ()
        self.page: SessionPage | None = None
        self.error = ""
        self._asked = 0  # the latest search; an older one's answer is dropped
        self._loading = False

        self.stack = QStackedWidget()
        # The list with its filters.
        self.period_buttons = {days: named_button(f"sessions_period_{days}", "choice") for days in PERIODS}
        for days, widget in self.period_buttons.items():
            widget.clicked.connect(lambda _=False, d=days: self._set_period(d))
        self.card_button = named_button("sessions_card", "choice")
        self.card_button.clicked.connect(self._ask_card)
        self.connector_button = named_button("sessions_connector", "choice")
        self.connector_button.clicked.connect(self._next_connector)
        self.method_button = named_button("sessions_method", "choice")
        self.method_button.clicked.connect(self._next_method)
        self.newer = named_button("sessions_newer", "choice")
        self.newer.clicked.connect(lambda: self._turn(-ROWS))
        self.older = named_button("sessions_older", "choice")
        self.older.clicked.connect(lambda: self._turn(ROWS))
        self.status = label("", "muted")
        self.status.setObjectName("sessions_status")
        self.rows: list[QPushButton] = []
        for index in range(ROWS):
            row = named_button(f"sessions_row_{index}", "option")
            row.clicked.connect(lambda _=False, i=index: self._open(i))
            self.rows.append(row)
        first = QHBoxLayout()
        share_width(first, *((widget, 1) for widget in (*self.period_buttons.values(), self.card_button)))
        second = QHBoxLayout()
        # The filters share the width (and wrap in it); the paging arrows are beside the list.
        share_width(second, (self.connector_button, 1), (self.method_button, 1))
        listing = QWidget()
        column = QVBoxLayout(listing)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(first)
        column.addLayout(second)
        column.addWidget(self.status)
        # The page's rows scroll under a finger: beside the navigation at 800x480 four two-line rows
        # and the filters above them need more height than there is; the filters keep theirs.
        column.addLayout(paged_list(self.rows, "sessions_rows", self.newer, self.older), 1)
        # The card number keypad.
        self.card_title = label("", None)
        self.card_title.setObjectName("sessions_card_title")
        self.card_text = label("", "large", wrap=False)
        self.card_text.setObjectName("sessions_card_text")
        self.keypad = KeyPad(CARD_KEYS, max(44, env.theme.touch_px - 8), CARD_MAX, "sessions_card_keypad")
        self.keypad.changed.connect(lambda text: self.card_text.setText(text + "|"))
        self.card_clear = named_button("sessions_card_clear", "secondary")
        self.card_clear.clicked.connect(lambda: self.keypad.set_text(""))
        self.card_cancel = named_button("sessions_card_cancel", "secondary")
        self.card_cancel.clicked.connect(lambda: self.stack.setCurrentWidget(listing))
        self.card_search = named_button("sessions_card_search", None)
        self.card_search.clicked.connect(self._search_card)
        card_page = QWidget()
        card_column = QVBoxLayout(card_page)
        card_column.setContentsMargins(0, 0, 0, 0)
        card_column.setSpacing(4)
        card_column.addWidget(self.card_title)
        card_column.addWidget(self.card_text)
        card_column.addWidget(self.keypad)
        answers = QHBoxLayout()
        for widget in (self.card_clear, self.card_cancel, self.card_search):
            answers.addWidget(widget, 1)
        card_column.addLayout(answers)
        card_column.addStretch(1)
        # One session.
        self.detail = SessionDetailPage(env)
        self.detail.back.connect(self._back)

        self.listing, self.card_page = listing, card_page
        for page in (listing, card_page, self.detail):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.stack)

    def title(self) -> str:
        return self.tr("Sessions")

    # -- life cycle ---------------------------------------------------------------------------------

    def enter(self, context: dict[str, Any]) -> None:
        self.context = dict(context)
        session_id = context.get("session_id")
        if session_id is not None:
            self.stack.setCurrentWidget(self.detail)
            self.detail.show_session(int(session_id))
        else:
            self.stack.setCurrentWidget(self.listing)
        operator = self.env.operator
        if operator is not None and not self.connectors:
            self.run(self.env.operators.sessions.choices(operator), self._choices, self._failed)
        self.retranslate()
        self._search()

    def refresh(self) -> None:
        """The shell's tick: the list follows sessions that start and end while it shows."""
        if self.stack.currentWidget() is self.listing and not self._loading:
            self._search()

    # -- searching ----------------------------------------------------------------------------------

    def query(self) -> SessionQuery:
        return SessionQuery(
            last_days=self.days,
            connector=self.connector,
            id_tag=self.card or None,
            method=self.method,
            limit=ROWS,
            offset=self.offset,
        )

    def _search(self) -> None:
        operator = self.env.operator
        if operator is None:
            return
        self._asked += 1
        asked = self._asked
        self._loading = True
        self.run(
            self.env.operators.sessions.search(operator, self.query()),
            lambda page: self._found(asked, page),
            self._failed,
        )

    def _found(self, asked: int, page: SessionPage) -> None:
        if asked != self._asked:
            return
        self._loading = False
        self.page, self.error = page, ""
        self._show_rows()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.error = error_text(error)
        self._show_rows()

    def _choices(self, choices: Any) -> None:
        self.connectors = tuple(choices.connectors)

    def _filters_changed(self) -> None:
        self.offset = 0
        self.retranslate()
        self._search()

    def _set_period(self, days: int) -> None:
        self.days = days
        self._filters_changed()

    def _next_connector(self) -> None:
        options: list[str | None] = [None, *self.connectors]
        self.connector = options[(options.index(self.connector) + 1) % len(options)]
        self._filters_changed()

    def _next_method(self) -> None:
        options: list[str | None] = [None, *SESSION_METHODS]
        self.method = options[(options.index(self.method) + 1) % len(options)]
        self._filters_changed()

    def _turn(self, step: int) -> None:
        if step < 0 and self.offset == 0:
            return
        if step > 0 and (self.page is None or self.page.next_offset is None):
            return
        self.offset = max(0, self.offset + step)
        self._search()

    def _ask_card(self) -> None:
        self.keypad.set_text(self.card)
        self.stack.setCurrentWidget(self.card_page)

    def _search_card(self) -> None:
        self.card = self.keypad.text
        self.stack.setCurrentWidget(self.listing)
        self._filters_changed()

    def _open(self, index: int) -> None:
        if self.page is not None and index < len(self.page.rows):
            self.stack.setCurrentWidget(self.detail)
            self.detail.show_session(self.page.rows[index].session_id)

    def _back(self) -> None:
        self.stack.setCurrentWidget(self.listing)
        self._search()

    # -- texts --------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        names = {1: self.tr("Today"), 7: self.tr("7 days"), 30: self.tr("30 days")}
        for days, widget in self.period_buttons.items():
            widget.setText(names[days])
            set_role(widget, "choice-marked" if days == self.days else "choice")
        self.card_button.setText(self.card or self.tr("Card…"))
        set_role(self.card_button, "choice-marked" if self.card else "choice")
        self.connector_button.setText(self.connector or self.tr("All connectors"))
        set_role(self.connector_button, "choice-marked" if self.connector else "choice")
        self.method_button.setText(method_text(self.method))
        set_role(self.method_button, "choice-marked" if self.method else "choice")
        # Arrows on the page buttons leave the filters the row's width in every language; the words
        # are their tooltips and accessible names.
        self.newer.setText("\u25b2")
        self.older.setText("\u25bc")
        for widget, words in ((self.newer, self.tr("Newer")), (self.older, self.tr("Older"))):
            widget.setToolTip(words)
            widget.setAccessibleName(words)
        self.card_title.setText(self.tr("Card number starts with:"))
        self.card_text.setText(self.keypad.text + "|")
        self.card_clear.setText(self.tr("Clear"))
        self.card_cancel.setText(self.tr("Cancel"))
        self.card_search.setText(self.tr("Search"))
        self.detail.retranslate()
        self._show_rows()

    def _show_rows(self) -> None:
        rows = self.page.rows if self.page is not None else ()
        for index, widget in enumerate(self.rows):
            if index < len(rows):
                widget.setText(self._row_text(rows[index], self.page.time_zone if self.page else "UTC"))
                # The stylesheet's min-height is the button's minimum, which a layout short of room
                # gives it: a row is never lower than its two lines (the list scrolls instead).
                widget.setMinimumHeight(widget.sizeHint().height())
            widget.setVisible(index < len(rows))
        if self.error:
            status = self.error
        elif self.page is None:
            status = self.tr("Loading…")
        elif not rows:
            status = self.tr("No sessions match these filters.")
        else:
            first = self.offset + 1
            status = self.tr("Sessions %1 to %2, newest first").replace("%1", str(first))
            status = status.replace("%2", str(self.offset + len(rows)))
        self.status.setText(status)
        self.newer.setEnabled(self.offset > 0)
        self.older.setEnabled(self.page is not None and self.page.next_offset is not None)

    def _row_text(self, row: SessionRow, zone: str) -> str:
        locale = self.env.kiosk.translations.locale
        kiosk = self.env.kiosk
        when = local_time(row.started_at or row.created_at, zone, locale)
        cost = (
            kiosk.facade.format_money(row.cost_total_minor, row.currency, kiosk.tariff_language)
            if row.cost_total_minor is not None
            else "–"
        )
        who = row.id_tag if row.id_tag else method_text(row.method)
        first = f"{when} · {row.connector} · {state_text(row.state)}"
        return f"{first}\n{format_kwh(row.energy_Wh, locale)} · {cost} · {who}"
