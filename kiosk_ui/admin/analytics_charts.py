"""The analytics screen's drawings in the kiosk's theme: bar and line charts (QtCharts), the weekday x hour
heat map and a connector's state timeline (painted: QtCharts has neither), numbers in the screen's
language through QLocale (docs/admin.md "Analytics")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk_ui.theme import Theme

WEEKDAYS = 7
HOURS = 24
# A timeline state's theme colour: up in green or blue, outage in the warning and danger colours
# (the state names of docs/analytics.md "State timeline").
STATE_COLOURS = {
    "available": "ok",
    "reserved": "ok",
    "occupied": "primary",
    "charging": "primary",
    "faulted": "danger",
    "offline": "warning",
    "unavailable": "disabled",
}


def mix(low: str, high: str, fraction: float) -> QColor:
    """The colour `fraction` of the way from `low` to `high` (both "#RRGGBB")."""
    a, b = QColor(low), QColor(high)
    f = max(0.0, min(1.0, fraction))
    return QColor(
        round(a.red() + (b.red() - a.red()) * f),
        round(a.green() + (b.green() - a.green()) * f),
        round(a.blue() + (b.blue() - a.blue()) * f),
    )


def _font(theme: Theme, role: str = "small", bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(theme.px(role))
    font.setBold(bold)
    return font


class ChartPanel(QChartView):
    """One chart that is cleared and drawn again for each figure set (one chart object for the screen's
    life: no chart is made per refresh)."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # a figure shows at once
        chart.legend().setVisible(False)
        chart.setBackgroundBrush(QColor(theme.colours["surface"]))
        chart.setBackgroundRoundness(float(theme.radius_px))
        chart.setTitleFont(_font(theme, "small", bold=True))
        chart.setTitleBrush(QColor(theme.colours["text"]))
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setLocalizeNumbers(True)
        super().__init__(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)

    def _clear(self, title: str, locale_name: str) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()
        chart.setTitle(title)
        chart.setLocale(QLocale(locale_name))
        return chart

    def _axis_style(self, axis: QBarCategoryAxis | QValueAxis) -> None:
        axis.setLabelsFont(_font(self.theme))
        axis.setLabelsColor(QColor(self.theme.colours["text"]))
        axis.setLinePenColor(QColor(self.theme.colours["border"]))
        axis.setGridLineColor(QColor(self.theme.colours["secondary"]))

    def _value_axis(self, top: float, label_format: str) -> QValueAxis:
        axis = QValueAxis()
        top = top if top > 0 else 1.0
        axis.setRange(0.0, top)
        # Four steps of a small range need decimals: "0.25", not "0 0 1 1 1".
        axis.setLabelFormat("%.2f" if top < 4 and label_format == "%.0f" else label_format)
        axis.setTickCount(5)
        self._axis_style(axis)
        return axis

    def bars(
        self,
        title: str,
        categories: Sequence[str],
        values: Sequence[float],
        locale_name: str,
        *,
        label_format: str = "%.0f",
        colour: str = "primary",
        every: int = 1,
    ) -> QBarSeries:
        """A bar per category; `every` > 1 leaves the other categories' labels empty (31 days do not
        fit under a 7" screen's chart), the bars stay."""
        chart = self._clear(title, locale_name)
        bar_set = QBarSet(title)
        bar_set.append([float(v) for v in values])
        bar_set.setColor(QColor(self.theme.colours[colour]))
        bar_set.setBorderColor(QColor(self.theme.colours[colour]))
        series = QBarSeries()
        series.append(bar_set)
        series.setBarWidth(0.8)
        if every > 1:
            # One label every `every` bars, each given the width of those bars (a bar category axis
            # squeezes every label into its own bar's width and elides "16" to "...").
            chart.addSeries(series)
            names = QCategoryAxis()
            names.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
            for index in range(0, len(categories), every):
                names.append(categories[index], float(index))
            names.setRange(-0.5, len(categories) - 0.5)
            self._axis_style(names)
            chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
            series.attachAxis(names)
        else:
            self._attach(chart, series, list(categories))
        self._amounts(chart, series, max(values, default=0.0), label_format)
        return series

    def side_by_side(
        self,
        title: str,
        bars: Sequence[tuple[str, str, float]],
        locale_name: str,
        *,
        label_format: str = "%.0f",
    ) -> QBarSeries:
        """One bar each of (name, theme colour, value), side by side without names under them: long
        names (payment methods in Tamil) do not fit under a bar, so the screen lists them in its own
        wrapping legend in the same colours."""
        chart = self._clear(title, locale_name)
        series = QBarSeries()
        for name, colour, value in bars:
            bar_set = QBarSet(name)
            bar_set.append(float(value))
            bar_set.setColor(QColor(self.theme.colours[colour]))
            bar_set.setBorderColor(QColor(self.theme.colours[colour]))
            series.append(bar_set)
        series.setBarWidth(0.9)
        self._attach(chart, series, [" "])
        self._amounts(chart, series, max((v for _, _, v in bars), default=0.0), label_format)
        return series

    def _attach(self, chart: QChart, series: QBarSeries, categories: list[str]) -> None:
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(categories)
        self._axis_style(names)
        chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)

    def _amounts(self, chart: QChart, series: QBarSeries, top: float, label_format: str) -> None:
        amounts = self._value_axis(top * 1.1, label_format)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(amounts)

    def lines(
        self,
        title: str,
        series_values: Sequence[tuple[str, str, Sequence[tuple[float, float]]]],
        locale_name: str,
        *,
        x_range: tuple[float, float],
        y_range: tuple[float, float],
        x_format: str = "%.0f",
        y_format: str = "%.0f",
        x_ticks: int = 5,
        x_labels: Sequence[str] = (),
    ) -> list[QLineSeries]:
        """Lines of (name, theme colour, points) over shared axes; the legend shows with two or more.
        `x_labels` name the whole x values 1, 2, ... (months) instead of numbers."""
        chart = self._clear(title, locale_name)
        axis_x: QValueAxis
        if x_labels:
            named = QCategoryAxis()
            named.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
            for number, text in enumerate(x_labels, start=1):
                named.append(text, float(number))
            axis_x = named
        else:
            axis_x = QValueAxis()
            axis_x.setLabelFormat(x_format)
            axis_x.setTickCount(x_ticks)
        axis_x.setRange(*x_range)
        self._axis_style(axis_x)
        axis_y = QValueAxis()
        axis_y.setRange(*y_range)
        axis_y.setLabelFormat(y_format)
        axis_y.setTickCount(5)
        self._axis_style(axis_y)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        made = []
        for name, colour, points in series_values:
            series = QLineSeries()
            series.setName(name)
            series.append([QPointF(x, y) for x, y in points])
            series.setPen(QPen(QColor(self.theme.colours[colour]), 3))
            series.setPointsVisible(len(points) <= 31)
            chart.addSeries(series)
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
            made.append(series)
        legend = chart.legend()
        legend.setVisible(len(made) > 1)
        legend.setFont(_font(self.theme))
        legend.setLabelColor(QColor(self.theme.colours["text"]))
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        return made


class HeatMap(QWidget):
    """The weekday x hour heat map (7 x 24 cells): each cell shaded from the surface colour to the primary
    colour by its value against the highest; a tap on a cell chooses it (the screen shows its value)."""

    cell_chosen = Signal(int, int)  # (weekday 0 = Monday, hour)

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.theme = theme
        self.values = [[0.0] * HOURS for _ in range(WEEKDAYS)]
        self.day_names = [str(d) for d in range(WEEKDAYS)]
        self.chosen: tuple[int, int] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(7 * 16 + 30)

    def set_values(self, values: Sequence[Sequence[float]], day_names: Sequence[str]) -> None:
        self.values = [list(row) for row in values]
        self.day_names = list(day_names)
        self.chosen = None
        self.update()

    def cell_value(self, weekday: int, hour: int) -> float:
        return self.values[weekday][hour]

    def shade(self, weekday: int, hour: int) -> QColor:
        top = max((v for row in self.values for v in row), default=0.0)
        fraction = self.values[weekday][hour] / top if top > 0 else 0.0
        return mix(self.theme.colours["surface"], self.theme.colours["primary"], fraction)

    def _grid(self) -> tuple[QRectF, float, float]:
        metrics = self.fontMetrics()
        left = max((metrics.horizontalAdvance(n) for n in self.day_names), default=0) + 8
        top = metrics.height() + 4
        area = QRectF(left, top, max(1.0, self.width() - left - 2), max(1.0, self.height() - top - 2))
        return area, area.width() / HOURS, area.height() / WEEKDAYS

    def cell_rect(self, weekday: int, hour: int) -> QRectF:
        area, w, h = self._grid()
        return QRectF(area.left() + hour * w, area.top() + weekday * h, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(_font(self.theme))
        colours = self.theme.colours
        area, w, h = self._grid()
        painter.setPen(QColor(colours["text"]))
        for hour in range(0, HOURS, 3):
            painter.drawText(
                QRectF(area.left() + hour * w, 0, w * 3, area.top()), Qt.AlignmentFlag.AlignLeft, f"{hour}"
            )
        for weekday in range(WEEKDAYS):
            painter.setPen(QColor(colours["text"]))
            painter.drawText(
                QRectF(0, area.top() + weekday * h, area.left() - 4, h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.day_names[weekday] if weekday < len(self.day_names) else "",
            )
            for hour in range(HOURS):
                painter.fillRect(self.cell_rect(weekday, hour), self.shade(weekday, hour))
        painter.setPen(QPen(QColor(colours["border"]), 1))
        painter.drawRect(area)
        if self.chosen is not None:
            painter.setPen(QPen(QColor(colours["text"]), 3))
            painter.drawRect(self.cell_rect(*self.chosen))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        area, w, h = self._grid()
        point = event.position()
        if area.contains(point):
            hour = min(HOURS - 1, int((point.x() - area.left()) / w))
            weekday = min(WEEKDAYS - 1, int((point.y() - area.top()) / h))
            self.chosen = (weekday, hour)
            self.update()
            self.cell_chosen.emit(weekday, hour)
        super().mousePressEvent(event)


class TimelineStrip(QWidget):
    """A connector's state timeline over the period: one coloured stretch per state span."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.theme = theme
        self.spans: list[tuple[str, int, int]] = []  # (state, start_s, end_s)
        self.period = (0, 1)
        self.setFixedHeight(max(24, theme.px("small")))

    def set_spans(self, spans: Sequence[tuple[str, int, int]], start_s: int, end_s: int) -> None:
        self.spans = list(spans)
        self.period = (start_s, max(end_s, start_s + 1))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        start, end = self.period
        scale = self.width() / (end - start)
        painter.fillRect(self.rect(), QColor(self.theme.colours["background"]))  # unknown time
        for state, a, b in self.spans:
            colour = QColor(self.theme.colours[STATE_COLOURS.get(state, "muted")])
            painter.fillRect(QRectF((a - start) * scale, 0, max(1.0, (b - a) * scale), self.height()), colour)
        painter.setPen(QPen(QColor(self.theme.colours["border"]), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()
