"""Admin diagnostics screen: the event log newest first with touch filters (last hour, day or week; faults
or events; one charger), the central system's link and queue, and for a technician the self-test's
results and the export of the diagnostics archive to the USB stick (docs/admin.md "Diagnostics")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk_ui.admin.admin_screen import AdminEnv, AdminScreen, named_button, paged_list
from kiosk_ui.admin.station_texts import event_title
from kiosk_ui.screen import label, set_role, share_width

if TYPE_CHECKING:
    from app.admin import CheckResult, EventView, ExportResult, OcppState

PERIODS = (1, 24, 168)  # hours: the last hour, day, week
KINDS = (None, "fault", "event")
EVENT_ROWS = 4  # event lines per page: what fits 800x480 under the filters
CHECKS = ("network", "csms", "card_reader", "database")


class DiagnosticsScreen(AdminScreen):
    name = "diagnostics"
    min_role = "viewer"

    def __init__(self, env: AdminEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.hours = 24
        self.kind_index = 0
        self.charger_index = 0  # 0: every charger, else chargers[index - 1]
        self.chargers: tuple[str, ...] = ()
        self.offset = 0
        self.events: list[EventView] = []
        self.state: OcppState | None = None
        self.results: list[CheckResult] = []
        self.message = ""
        self.working = False
        self._asked = 0

        # One button per filter, each tap the next choice: three buttons share the row beside the
        # navigation in every language (a button per period did not fit 800x480 in Malay or Tamil).
        self.period_button = named_button("diagnostics_period", "choice")
        self.period_button.clicked.connect(self._next_period)
        self.kind_button = named_button("diagnostics_kind", "choice")
        self.kind_button.clicked.connect(self._next_kind)
        self.charger_button = named_button("diagnostics_charger", "choice")
        self.charger_button.clicked.connect(self._next_charger)
        self.ocpp_text = label("", "small")
        self.ocpp_text.setObjectName("diagnostics_ocpp")
        # An entry: its headline in the screen's language, and under it, small and muted, the log's own
        # words as recorded (in English, as GetDiagnostics uploads them).
        self.rows: list[QLabel] = []
        self.details: list[QLabel] = []
        entries: list[QWidget] = []
        for index in range(EVENT_ROWS):
            row = label("", None)
            row.setObjectName(f"diagnostics_event_{index}")
            detail = label("", "small")
            detail.setObjectName(f"diagnostics_detail_{index}")
            entry = QWidget()
            lines = QVBoxLayout(entry)
            lines.setContentsMargins(0, 0, 0, 0)
            lines.setSpacing(0)
            lines.addWidget(row)
            lines.addWidget(detail)
            self.rows.append(row)
            self.details.append(detail)
            entries.append(entry)
        self.newer = named_button("diagnostics_newer", "choice")
        self.newer.clicked.connect(lambda: self._turn(-EVENT_ROWS))
        self.older = named_button("diagnostics_older", "choice")
        self.older.clicked.connect(lambda: self._turn(EVENT_ROWS))
        self.test_button = named_button("diagnostics_self_test", None)
        self.test_button.clicked.connect(self._self_test)
        self.export_button = named_button("diagnostics_export", None)
        self.export_button.clicked.connect(self._export)
        self.status = label("", "muted")
        self.status.setObjectName("diagnostics_status")

        listing = QWidget()
        column = QVBoxLayout(listing)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        filters = QHBoxLayout()
        share_width(filters, (self.period_button, 1), (self.kind_button, 1), (self.charger_button, 1))
        column.addLayout(filters)
        column.addWidget(self.ocpp_text)
        # The page's lines scroll: an event's message may take three lines in Tamil, and the buttons
        # around them keep their height (the arrows page through the log, the finger within a page).
        column.addLayout(paged_list(entries, "diagnostics_events", self.newer, self.older), 1)
        actions = QHBoxLayout()
        share_width(actions, (self.test_button, 1), (self.export_button, 1))
        column.addLayout(actions)
        column.addWidget(self.status)

        # The self-test's results.
        results = QWidget()
        result_column = QVBoxLayout(results)
        result_column.setContentsMargins(0, 0, 0, 0)
        result_column.setSpacing(4)
        self.results_title = label("", "title")
        self.results_title.setObjectName("diagnostics_results_title")
        result_column.addWidget(self.results_title)
        self.check_rows: dict[str, QLabel] = {}
        for name in CHECKS:
            row = label("", None)
            row.setObjectName(f"diagnostics_check_{name}")
            self.check_rows[name] = row
            result_column.addWidget(row)
        self.back_button = named_button("diagnostics_back", "secondary")
        self.back_button.clicked.connect(self._back)
        result_column.addWidget(self.back_button)
        result_column.addStretch(1)

        self.stack = QStackedWidget()
        self.listing, self.results_page = listing, results
        self.stack.addWidget(listing)
        self.stack.addWidget(results)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.stack)

    def title(self) -> str:
        return self.tr("Diagnostics")

    # -- life cycle ---------------------------------------------------------------------------------

    def enter(self, context: dict[str, Any]) -> None:
        self.context = dict(context)
        self.stack.setCurrentWidget(self.listing)
        if not self.chargers:
            chargers = {c.connector_id.split("/")[0] for c in self.env.kiosk.facade.connectors()}
            self.chargers = tuple(sorted(chargers))
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        """The link state and the events as they are now (the shell's refresh tick)."""
        operator = self.env.operator
        if operator is None:
            return
        self.run(self.env.operators.diagnostics.ocpp_state(operator), self._state, self._failed)
        self._search()

    def _search(self) -> None:
        operator = self.env.operator
        if operator is None:
            return
        self._asked += 1
        asked = self._asked
        kind = KINDS[self.kind_index]
        charger = self.chargers[self.charger_index - 1] if self.charger_index else None
        query = self.env.operators.diagnostics.events(
            operator,
            since=datetime.now(UTC) - timedelta(hours=self.hours),
            kind=kind,
            charger_id=charger,
            limit=200,
        )
        self.run(query, lambda events: self._found(asked, events), self._failed)

    def _found(self, asked: int, events: list[EventView]) -> None:
        if asked != self._asked:
            return  # an older search answered after a newer one was asked
        self.events = events
        self.offset = min(self.offset, max(0, (len(events) - 1) // EVENT_ROWS * EVENT_ROWS))
        self.retranslate()

    def _state(self, state: OcppState) -> None:
        self.state = state
        self.retranslate()

    # -- filters ------------------------------------------------------------------------------------

    def _next_period(self) -> None:
        self.hours, self.offset = PERIODS[(PERIODS.index(self.hours) + 1) % len(PERIODS)], 0
        self.retranslate()
        self._search()

    def _next_kind(self) -> None:
        self.kind_index, self.offset = (self.kind_index + 1) % len(KINDS), 0
        self.retranslate()
        self._search()

    def _next_charger(self) -> None:
        self.charger_index, self.offset = (self.charger_index + 1) % (len(self.chargers) + 1), 0
        self.retranslate()
        self._search()

    def _back(self) -> None:
        self.stack.setCurrentWidget(self.listing)

    def _turn(self, rows: int) -> None:
        self.offset = max(0, min(self.offset + rows, max(0, len(self.events) - 1)))
        self.retranslate()

    # -- technician actions -------------------------------------------------------------------------

    def _may_act(self) -> bool:
        return self.env.operator is not None and self.env.operator.may("technician")

    def _self_test(self) -> None:
        if not self._may_act() or self.working or self.env.operator is None:
            return
        self.working = True
        self.message = self.tr("Running the self-test…")
        self.retranslate()
        self.run(self.env.operators.diagnostics.self_test(self.env.operator), self._tested, self._failed)

    def _tested(self, results: list[CheckResult]) -> None:
        self.working = False
        self.results = results
        self.message = ""
        self.stack.setCurrentWidget(self.results_page)
        self.retranslate()

    def _export(self) -> None:
        if not self._may_act() or self.working or self.env.operator is None:
            return
        self.working = True
        self.message = self.tr("Writing the diagnostics archive…")
        self.retranslate()
        self.run(self.env.operators.diagnostics.export(self.env.operator), self._exported, self._failed)

    def _exported(self, result: ExportResult) -> None:
        self.working = False
        size = f"{max(1, round(result.size / 1024))} kB"
        self.message = self.tr("Written to %1 (%2).").replace("%1", result.path).replace("%2", size)
        self.retranslate()

    def _failed(self, error: BaseException) -> None:
        self.working = False
        code = getattr(error, "code", "") or type(error).__name__
        texts = {
            "no_export_drive": self.tr("No USB stick found. Insert one and try again."),
            "export_dir_missing": self.tr("The USB folder is missing."),
            "export_dir_unwritable": self.tr("The USB stick cannot be written to."),
            "export_failed": self.tr("Writing to the USB stick failed."),
            "PermissionDeniedError": self.tr("Your role may not do this."),
        }
        self.message = texts.get(code, self.tr("The operation failed (%1).").replace("%1", code))
        self.retranslate()

    # -- texts --------------------------------------------------------------------------------------

    def _check_name(self, name: str) -> str:
        return {
            "network": self.tr("Network"),
            "csms": self.tr("Central system"),
            "card_reader": self.tr("Card reader"),
            "database": self.tr("Database"),
        }.get(name, name)

    def _severity(self, severity: str) -> str:
        return {
            "info": self.tr("info"),
            "warning": self.tr("warning"),
            "error": self.tr("error"),
            "critical": self.tr("critical"),
        }.get(severity, severity)

    def _ocpp_text(self) -> str:
        state = self.state
        if state is None:
            return ""
        if not state.configured:
            link = self.tr("Central system: none configured")
        elif not state.links or not all(link.connected for link in state.links):
            link = self.tr("Central system: not connected")
        elif all(link.registered for link in state.links):
            ages = [link.heartbeat_age_s for link in state.links if link.heartbeat_age_s is not None]
            link = self.tr("Central system: connected and registered")
            if ages:
                link += " · " + self.tr("heartbeat %1 s ago").replace("%1", str(round(min(ages))))
        else:
            link = self.tr("Central system: connected, not registered")
        queue = self.tr("%1 messages queued").replace("%1", str(state.queued))
        return f"{link} · {queue}"

    def retranslate(self) -> None:
        periods = {1: self.tr("Last hour"), 24: self.tr("Last day"), 168: self.tr("Last week")}
        self.period_button.setText(periods[self.hours])
        kinds = {None: self.tr("All kinds"), "fault": self.tr("Faults"), "event": self.tr("Events")}
        self.kind_button.setText(kinds[KINDS[self.kind_index]])
        charger = self.chargers[self.charger_index - 1] if self.charger_index else None
        self.charger_button.setText(charger or self.tr("All chargers"))
        self.ocpp_text.setText(self._ocpp_text())
        shown = self.events[self.offset : self.offset + EVENT_ROWS]
        for index, (row, detail) in enumerate(zip(self.rows, self.details, strict=True)):
            if index < len(shown):
                event = shown[index]
                where = event.connector_name or event.charger_id or self.tr("station")
                when = event.at.astimezone().strftime("%d.%m %H:%M")
                title = event_title(event.code)
                row.setText(f"{when} · {where} · {self._severity(event.severity)} · {title}")
                detail.setText(event.message)
            else:
                row.setText(self.tr("No events.") if index == 0 and not self.events else "")
                detail.setText("")
            row.setVisible(bool(row.text()))
            detail.setVisible(bool(detail.text()))
        # Arrows, not words: the list's direction reads the same in every language and fits a narrow key.
        self.newer.setText("▲")
        self.newer.setAccessibleName(self.tr("Newer"))
        self.newer.setEnabled(self.offset > 0)
        self.older.setText("▼")
        self.older.setAccessibleName(self.tr("Older"))
        self.older.setEnabled(self.offset + EVENT_ROWS < len(self.events))
        technician = self._may_act()
        self.test_button.setText(self.tr("Run self-test"))
        self.export_button.setText(self.tr("Export diagnostics"))
        for widget in (self.test_button, self.export_button):
            widget.setVisible(technician)
            widget.setEnabled(not self.working)
        self.status.setText(self.message)
        self.results_title.setText(self.tr("Self-test"))
        found = {r.name: r for r in self.results}
        for name, row in self.check_rows.items():
            result = found.get(name)
            if result is None:
                row.setText("")
                continue
            verdict = self.tr("pass") if result.passed else self.tr("FAIL")
            row.setText(f"{self._check_name(name)}: {verdict} · {result.detail}")
            set_role(row, "muted" if result.passed else "error")
        self.back_button.setText(self.tr("Back"))
