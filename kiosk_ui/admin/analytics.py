"""The admin mode's analytics screen: usage, revenue, peak hours, the site's peak against its limit, uptime
and the maintenance alarms of a chosen period and scope as touch-sized charts, and the monthly report
exported to a USB stick (docs/admin.md "Analytics"). Every figure comes from the operator facade."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QDate, QLocale, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.admin import OperationError, PermissionDeniedError
from app.admin.analytics_view import PERIODS, SITE, Scope
from kiosk_ui.admin.admin_screen import AdminEnv, AdminScreen
from kiosk_ui.admin.analytics_charts import HOURS, WEEKDAYS, ChartPanel, HeatMap, TimelineStrip
from kiosk_ui.admin.analytics_pages import PAGE_PARTS, SCREEN_PARTS, draw_pages, has_page, summary
from kiosk_ui.screen import button, label, set_role

if TYPE_CHECKING:
    from app.admin.analytics_view import AnalyticsFigures, ExportResult, ScopeChoices

PAGES = ("usage", "revenue", "heat", "peak", "uptime", "alarms")
RELOAD_S = 60.0  # the shell's refresh tick reloads figures at most this often: they change by the day


def fill(text: str, *values: str) -> str:
    """Qt's %1, %2... placeholders filled in (the translator keeps them in each language's order)."""
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", value)
    return text


class LineLabel(QLabel):
    """A wrapping label that does not ask its layout for height by width: the screen's box layouts
    would work that height out at a much narrower width than the label gets and grow the whole screen
    past 480 px. Its height is its lines at the width it has (tests/kiosk_ui check nothing is cut)."""

    def __init__(self, role: str) -> None:
        super().__init__()
        if role:
            self.setProperty("role", role)
        self.setWordWrap(True)

    def hasHeightForWidth(self) -> bool:
        return False

    def sizeHint(self) -> QSize:
        # As tall as its lines at its width (QLabel's own hint guesses a narrower, taller shape).
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        # Before the first layout a label is 100 px wide: one line until it has its real width (a
        # stacked page has its width while hidden).
        laid_out = self.width() > 100
        one_line = self.fontMetrics().height()
        lines = QLabel.heightForWidth(self, self.width()) if laid_out else one_line
        self.setMinimumHeight(max(one_line, lines))


class AnalyticsScreen(AdminScreen):
    """Period and scope selectors, one chart page at a time, and the export button."""

    name: ClassVar[str] = "analytics"
    min_role: ClassVar[str] = "viewer"
    figures_shown = Signal()  # the page shown painted with new figures (the benchmark and the tests wait)
    all_shown = Signal()  # every page drawn with them

    def __init__(self, env: AdminEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        theme = env.theme
        self.period = "this_month"
        self.scope: Scope = SITE
        self.choices: list[Scope] = [SITE]
        self.figures: AnalyticsFigures | None = None
        self.loaded_at = 0.0
        self.requested = 0  # the latest figures asked for; earlier answers are not shown
        self.page = "usage"
        self.refused: BaseException | None = None  # the last refusal shown, until figures come

        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.setSpacing(4)
        # Beside the shell's navigation the screen has its height for seven touch targets at 800x480
        # (the navigation's six entries and Exit): the selectors' row and the six pages, one line each
        # in the small type as the navigation's entries (min-height counts the text's box, without the
        # padding and border).
        compact = f"font-size: {theme.px('small')}px; padding: 2px 6px; min-height: {theme.touch_px - 8}px;"
        top_host = QWidget()
        top_host.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        top = QHBoxLayout(top_host)
        top.setContentsMargins(0, 0, 0, 0)
        # One button for the period, each tap the next one (as the diagnostics' filters): three beside
        # the scope did not fit the width in Tamil.
        self.period_button = button("choice")
        self.period_button.setObjectName("analytics_period")
        self.period_button.setStyleSheet(compact)
        self.period_button.clicked.connect(self.next_period)
        top.addWidget(self.period_button, 3)
        self.previous_scope = button("secondary")
        self.previous_scope.setObjectName("analytics_scope_previous")
        self.previous_scope.setText("◀")
        self.previous_scope.clicked.connect(lambda: self.step_scope(-1))
        self.scope_label = LineLabel("small")
        self.scope_label.setMinimumWidth(theme.touch_px * 2)
        self.next_scope = button("secondary")
        self.next_scope.setObjectName("analytics_scope_next")
        self.next_scope.setText("▶")
        self.next_scope.clicked.connect(lambda: self.step_scope(1))
        for arrow in (self.previous_scope, self.next_scope):
            arrow.setStyleSheet(compact)
        top.addWidget(self.previous_scope)
        top.addWidget(self.scope_label, 3)
        top.addWidget(self.next_scope)
        outer.addWidget(top_host)

        body = QHBoxLayout()
        # A fixed-width column: the chart's side gets the rest, so its wrapped texts' heights do not
        # depend on how the buttons' words would like to share the width.
        side_host = QWidget()
        side_host.setFixedWidth(round(theme.touch_px * 3.2))
        side = QVBoxLayout(side_host)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(2)
        self.page_buttons: dict[str, QPushButton] = {}
        for page in PAGES:
            choice = button("option")
            choice.setObjectName(f"analytics_page:{page}")
            choice.setStyleSheet(compact)
            choice.clicked.connect(lambda _=False, p=page: self.show_page(p))
            self.page_buttons[page] = choice
            side.addWidget(choice)
        side.addStretch(1)
        body.addWidget(side_host)

        right = QVBoxLayout()
        self.summary = LineLabel("small")
        right.addWidget(self.summary)
        self.stack = QStackedWidget()
        self.usage_chart = ChartPanel(theme)
        self.revenue_chart = ChartPanel(theme)
        self.no_money = label("", "muted")
        revenue_page = QWidget()
        revenue_layout = QVBoxLayout(revenue_page)
        revenue_layout.setContentsMargins(0, 0, 0, 0)
        revenue_layout.addWidget(self.revenue_chart, 1)
        self.revenue_legend = LineLabel("small")  # the bars' names and amounts, in their colours
        revenue_layout.addWidget(self.revenue_legend)
        revenue_layout.addWidget(self.no_money)
        self.heat_map = HeatMap(theme)
        self.heat_map.cell_chosen.connect(self.show_cell)
        self.peak_chart = ChartPanel(theme)
        self.uptime_chart = ChartPanel(theme)
        self.timeline = TimelineStrip(theme)
        self.timeline_caption = label("", "small")
        uptime_page = QWidget()
        uptime_layout = QVBoxLayout(uptime_page)
        uptime_layout.setContentsMargins(0, 0, 0, 0)
        uptime_layout.addWidget(self.uptime_chart, 1)
        uptime_layout.addWidget(self.timeline_caption)
        uptime_layout.addWidget(self.timeline)
        self.alarm_list = QVBoxLayout()
        alarms_host = QWidget()
        alarms_host.setLayout(self.alarm_list)
        alarms_page = QScrollArea()
        alarms_page.setWidgetResizable(True)
        alarms_page.setWidget(alarms_host)
        self.pages: dict[str, QWidget] = {
            "usage": self.usage_chart,
            "revenue": revenue_page,
            "heat": self.heat_map,
            "peak": self.peak_chart,
            "uptime": uptime_page,
            "alarms": alarms_page,
        }
        for page in PAGES:
            self.stack.addWidget(self.pages[page])
        right.addWidget(self.stack, 1)
        bottom = QHBoxLayout()
        self.status = LineLabel("small")
        bottom.addWidget(self.status, 1)
        self.export_button = button()
        self.export_button.setObjectName("analytics_export")
        self.export_button.setStyleSheet(compact)
        self.export_button.clicked.connect(self.export)
        bottom.addWidget(self.export_button)
        right.addLayout(bottom)
        body.addLayout(right, 1)
        outer.addLayout(body, 1)

    # -- the shell's lifecycle --------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Analytics")

    def enter(self, context: dict[str, Any]) -> None:
        self.loaded_at = 0.0
        operator = self.env.operator
        if operator is not None:
            self.run(self.env.operators.analytics.scopes(operator), self._scopes, self._failed)
        # Exporting is a technician's (docs/admin.md "Analytics"): a viewer is not offered the button.
        self.export_button.setVisible(operator is not None and operator.may("technician"))
        super().enter(context)

    def refresh(self) -> None:
        if time.monotonic() - self.loaded_at >= RELOAD_S:
            self.load()

    def load(self) -> None:
        """Asks the facade for the chosen period and scope: the page shown first, painted as soon as it
        comes; then the other pages' figures, drawn when they come (docs/admin.md "Analytics")."""
        operator = self.env.operator
        if operator is None:
            return
        self.loaded_at = time.monotonic()
        self.status.setText(self.tr("Loading…"))
        set_role(self.status, "small")
        self.requested += 1
        asked = self.requested
        first = PAGE_PARTS[self.page]
        analytics = self.env.operators.analytics
        coroutine = analytics.figures(operator, self.period, self.scope, first)  # type: ignore[arg-type]

        def rest_done(rest: AnalyticsFigures) -> None:
            if asked == self.requested and self.figures is not None:
                self.add_figures(rest)

        def done(figures: AnalyticsFigures) -> None:
            if asked != self.requested:  # an answer to an earlier choice (a quick tapper) is dropped
                return
            self.show_figures(figures)
            # Asked once the first page is painted: the worker thread and the GIL are the first's alone.
            more = analytics.figures(operator, self.period, self.scope, SCREEN_PARTS - first)  # type: ignore[arg-type]
            self.run(more, rest_done, self._failed)

        self.run(coroutine, done, self._failed)

    # -- the controls -------------------------------------------------------------------------------

    def choose_period(self, period: str) -> None:
        self.period = period
        self.period_button.setText(self._period_name())
        self.load()

    def next_period(self) -> None:
        """The period button's tap: the next period of PERIODS, round."""
        self.choose_period(PERIODS[(PERIODS.index(self.period) + 1) % len(PERIODS)])

    def step_scope(self, step: int) -> None:
        index = self.choices.index(self.scope) if self.scope in self.choices else 0
        self.scope = self.choices[(index + step) % len(self.choices)]
        self.scope_label.setText(self._scope_name())
        self.load()

    def show_page(self, page: str) -> None:
        self.page = page
        self.stack.setCurrentWidget(self.pages[page])
        self._mark()
        self._summarise()
        self._say_loading()

    def export(self) -> None:
        operator, figures = self.env.operator, self.figures
        if operator is None or figures is None:
            return
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Writing the report to the USB drive…"))
        coroutine = self.env.operators.analytics.export_report(
            operator, self.report_month(figures), None, self.env.language
        )
        self.run(coroutine, self._exported, self._export_failed)

    def report_month(self, figures: AnalyticsFigures) -> str:
        """The month a report is made of: the chosen month, or the last whole one for 12 months."""
        offset = figures.utc_offset_s
        if figures.period_name != "last_12_months":
            local = datetime.fromtimestamp(figures.period.start_s + offset, UTC)
            return f"{local.year:04d}-{local.month:02d}"
        # The 12 months end with this month, which is not whole yet: the month before it.
        last = datetime.fromtimestamp(figures.period.end_s - 1 + offset, UTC)
        year, month = (last.year, last.month - 1) if last.month > 1 else (last.year - 1, 12)
        return f"{year:04d}-{month:02d}"

    # -- results ------------------------------------------------------------------------------------

    def _scopes(self, choices: ScopeChoices) -> None:
        self.choices = [
            SITE,
            *(Scope(charger=c) for c in choices.chargers),
            *(Scope(connector=c) for c in choices.connectors),
        ]

    def show_figures(self, figures: AnalyticsFigures) -> None:
        """Draws what the figures hold (the page shown first: the one a technician sees is painted
        before the others are drawn)."""
        self.figures, self.refused = figures, None
        self.status.setText("")
        draw_pages(self, figures, [self.page])
        self._summarise()
        self._say_loading()
        self.figures_shown.emit()
        draw_pages(self, figures, [page for page in PAGES if page != self.page])

    def add_figures(self, rest: AnalyticsFigures) -> None:
        """The other pages' figures of the same choice: merged, and only their pages drawn."""
        if self.figures is None:
            self.show_figures(rest)
            return
        if (rest.period, rest.scope) != (self.figures.period, self.figures.scope):
            self.load()  # the local day turned between the two answers: the choice is asked again
            return
        self.figures = self.figures.merged(rest)
        draw_pages(self, self.figures, [page for page in PAGES if PAGE_PARTS[page] & rest.parts])
        self._summarise()
        self._say_loading()
        self.all_shown.emit()

    def _say_loading(self) -> None:
        """ "Loading…" under a page whose figures are still on their way (its charts are the last
        choice's until they come)."""
        if self.figures is not None and self.refused is None:
            self.status.setText("" if has_page(self.figures, self.page) else self.tr("Loading…"))

    def show_cell(self, weekday: int, hour: int) -> None:
        figures = self.figures
        if figures is None or figures.load is None:
            return
        cell = figures.load.heat_map[weekday * HOURS + hour]
        locale = self.locale()
        self.status.setText(
            fill(
                self.tr("%1 %2:00: %3 kW mean power, %4 sessions at a time"),
                locale.dayName(weekday + 1, QLocale.FormatType.LongFormat),
                f"{hour:02d}",
                locale.toString(cell.mean_power_W / 1000, "f", 1),
                locale.toString(cell.mean_sessions, "f", 1),
            )
        )

    def _exported(self, result: ExportResult) -> None:
        self.export_button.setEnabled(True)
        names = ", ".join(path.rsplit("/", 1)[-1] for path in result.paths)
        # The stick's label (its mount point's last part) is what the technician knows it by.
        drive = result.directory.rstrip("/").rsplit("/", 1)[-1]
        self.status.setText(fill(self.tr("Written to %1: %2"), drive, names))
        set_role(self.status, "small")

    def _export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self.refused = error  # said again in the next language chosen
        self.status.setText(self.refusal(error))
        set_role(self.status, "notice")

    def refusal(self, error: BaseException) -> str:
        """A refusal in the screen's language, from its machine code (docs/admin.md)."""
        if isinstance(error, PermissionDeniedError):
            return self.tr("Your role may not do this")
        code = error.code if isinstance(error, OperationError) else ""
        texts = {
            "analytics_unavailable": self.tr("This station runs without its analytics"),
            "no_export_drive": self.tr("No USB drive found: plug one in and try again"),
            "export_dir_missing": self.tr("The export folder is missing: is the USB drive plugged in?"),
            "export_dir_unwritable": self.tr("The USB drive cannot be written: is it full or locked?"),
            "export_failed": self.tr("Writing to the USB drive failed: try another drive"),
            "unknown_scope": self.tr("That charger or connector is no longer known"),
        }
        return texts.get(code, self.tr("The figures could not be read: try again"))

    # -- texts --------------------------------------------------------------------------------------

    def locale(self) -> QLocale:
        return self.env.kiosk.translations.locale

    def month_name(self, month_start_s: int, offset_s: int) -> str:
        local = datetime.fromtimestamp(month_start_s + offset_s, UTC)
        return self.locale().monthName(local.month, QLocale.FormatType.ShortFormat)

    def day_text(self, day_s: int, offset_s: int) -> str:
        local = datetime.fromtimestamp(day_s + offset_s, UTC)
        return self.locale().toString(
            QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat
        )

    def weekday_names(self) -> list[str]:
        return [self.locale().dayName(d + 1, QLocale.FormatType.ShortFormat) for d in range(WEEKDAYS)]

    def _scope_name(self) -> str:
        if self.scope.connector:
            return fill(self.tr("Connector %1"), self.scope.connector)
        if self.scope.charger:
            return fill(self.tr("Charger %1"), self.scope.charger)
        return self.tr("Whole site")

    def _mark(self) -> None:
        for page, choice in self.page_buttons.items():
            set_role(choice, "choice-marked" if page == self.page else "option")

    def _summarise(self) -> None:
        self.summary.setText(summary(self, self.figures, self.page) if self.figures else "")

    def _period_name(self) -> str:
        periods = {
            "this_month": self.tr("This month"),
            "last_month": self.tr("Last month"),
            "last_12_months": self.tr("Last 12 months"),
        }
        return periods[self.period]

    def retranslate(self) -> None:
        self.period_button.setText(self._period_name())
        pages = {
            "usage": self.tr("Usage"),
            "revenue": self.tr("Revenue"),
            "heat": self.tr("Peak hours"),
            "peak": self.tr("Site peak"),
            "uptime": self.tr("Uptime"),
            "alarms": self.tr("Alarms"),
        }
        for page, choice in self.page_buttons.items():
            choice.setText(pages[page])
        self.export_button.setText(self.tr("Export to USB"))
        # On one line where it fits in 40 % of the screen (a two-line button would crowd the 480 px).
        export = self.export_button
        export.ensurePolished()
        metrics = export.fontMetrics()
        shown = max(metrics.horizontalAdvance(line) for line in export.text().split("\n"))
        chrome = export.sizeHint().width() - shown  # padding, border (as WrappingButton works it out)
        wanted = metrics.horizontalAdvance(self.tr("Export to USB")) + chrome + 2
        export.setMinimumWidth(min(wanted, max(1, self.width()) * 2 // 5))
        self.scope_label.setText(self._scope_name())
        self.timeline_caption.setText(self.tr("State timeline"))
        self._mark()
        if self.figures is not None:
            self.show_figures(self.figures)
        elif self.refused is not None:
            self.status.setText(self.refusal(self.refused))
