"""The analytics screen's pages drawn from one figure set: which series each chart gets, the summary line
over the chart, the alarm cards (docs/admin.md "Analytics"). Texts in the screen's translation context."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QVBoxLayout

from kiosk_ui.admin.analytics_charts import HOURS, WEEKDAYS
from kiosk_ui.admin.station_texts import alarm_name, alarm_text, fault_name
from kiosk_ui.screen import card_frame, label

if TYPE_CHECKING:
    from app.admin.analytics_view import AnalyticsFigures, Part
    from kiosk_ui.admin.analytics import AnalyticsScreen

DAY_S = 86400
# The bars of the payment methods, in the order the analytics list them (theme colours that keep
# 3:1 against the chart's surface: theme.json icon_contrast_pairs, WCAG 2.2 SC 1.4.11).
METHOD_COLOURS = ("primary", "ok", "warning", "danger", "muted")


def method_name(method: str) -> str:
    names = {
        "rfid": QCoreApplication.translate("AnalyticsScreen", "RFID card"),
        "card_present": QCoreApplication.translate("AnalyticsScreen", "Card at the terminal"),
        "card": QCoreApplication.translate("AnalyticsScreen", "Card on the QR page"),
        "fpx": "FPX",
        "grabpay": "GrabPay",
    }
    return names.get(method, method)


def evidence_name(key: str) -> str:
    """An alarm's evidence item as the report names it (app/analytics/report_texts.py "ev.")."""
    names = {
        "life_used_percent": QCoreApplication.translate("AnalyticsScreen", "life used %"),
        "equivalent_operations": QCoreApplication.translate("AnalyticsScreen", "equivalent operations"),
        "operations": QCoreApplication.translate("AnalyticsScreen", "operations"),
        "unseen_operations": QCoreApplication.translate("AnalyticsScreen", "unseen operations"),
        "rate_per_day": QCoreApplication.translate("AnalyticsScreen", "per day"),
        "replace_by_s": QCoreApplication.translate("AnalyticsScreen", "replace by"),
        "baseline_mC_per_A2": QCoreApplication.translate("AnalyticsScreen", "baseline m°C/A²"),
        "recent_mC_per_A2": QCoreApplication.translate("AnalyticsScreen", "recent m°C/A²"),
        "ratio": QCoreApplication.translate("AnalyticsScreen", "ratio"),
        "code": QCoreApplication.translate("AnalyticsScreen", "fault"),
        "recent_30d": QCoreApplication.translate("AnalyticsScreen", "last 30 days"),
        "usual_30d": QCoreApplication.translate("AnalyticsScreen", "usual per 30 days"),
        "metered_Wh": QCoreApplication.translate("AnalyticsScreen", "metered Wh"),
        "vi_Wh": QCoreApplication.translate("AnalyticsScreen", "V x I Wh"),
        "drift_percent": QCoreApplication.translate("AnalyticsScreen", "drift %"),
        "polls": QCoreApplication.translate("AnalyticsScreen", "polls"),
        "missed_polls": QCoreApplication.translate("AnalyticsScreen", "missed polls"),
        "missed_percent": QCoreApplication.translate("AnalyticsScreen", "missed %"),
        "reconnects": QCoreApplication.translate("AnalyticsScreen", "reconnections"),
        "days": QCoreApplication.translate("AnalyticsScreen", "days"),
    }
    return names.get(key, key)


# The facade's parts (app/admin/analytics_view.py PARTS) each page draws from.
PAGE_PARTS: dict[str, frozenset[Part]] = {
    "usage": frozenset({"usage"}),
    "revenue": frozenset({"revenue"}),
    "heat": frozenset({"load"}),
    "peak": frozenset({"load"}),
    "uptime": frozenset({"uptime", "timeline"}),
    "alarms": frozenset({"maintenance"}),
}
SCREEN_PARTS: frozenset[Part] = frozenset().union(*PAGE_PARTS.values())


def has_page(figures: AnalyticsFigures, page: str) -> bool:
    """True when the figures hold what the page draws."""
    return PAGE_PARTS[page] <= figures.parts


def draw_pages(screen: AnalyticsScreen, figures: AnalyticsFigures, pages: Iterable[str]) -> None:
    """Draws the pages named whose parts the figures hold."""
    drawers: dict[str, Callable[[AnalyticsScreen, AnalyticsFigures], None]] = {
        "usage": draw_usage,
        "revenue": draw_revenue,
        "heat": draw_heat_map,
        "peak": draw_peak,
        "uptime": draw_uptime,
        "alarms": draw_alarms,
    }
    for page in pages:
        if has_page(figures, page):
            drawers[page](screen, figures)


def draw_usage(screen: AnalyticsScreen, figures: AnalyticsFigures) -> None:
    """Energy per day (a month) or per month (12 months), in kWh."""
    if figures.usage is None:
        return
    offset = figures.utc_offset_s
    series = figures.usage.series
    if figures.granularity == "month":
        categories = [screen.month_name(b.start_s, offset) for b in series]
        title = QCoreApplication.translate("AnalyticsScreen", "Energy per month (kWh)")
    else:
        categories = [str((b.start_s - figures.period.start_s) // DAY_S + 1) for b in series]
        title = QCoreApplication.translate("AnalyticsScreen", "Energy per day (kWh)")
    screen.usage_chart.bars(
        title,
        categories,
        [b.energy_Wh / 1000 for b in series],
        screen.locale().name(),
        every=5 if len(series) > 12 else 1,
    )


def draw_revenue(screen: AnalyticsScreen, figures: AnalyticsFigures) -> None:
    """Gross per payment method; nothing but a note below the operator role."""
    revenue = figures.revenue
    screen.revenue_chart.setVisible(revenue is not None)
    screen.revenue_legend.setVisible(revenue is not None)
    screen.no_money.setVisible(revenue is None)
    if revenue is None:
        screen.no_money.setText(
            QCoreApplication.translate("AnalyticsScreen", "Revenue is shown to operators only.")
        )
        return
    title = QCoreApplication.translate("AnalyticsScreen", "Gross by payment method (%1)")
    locale = screen.locale()
    bars = [
        (method_name(m.method), METHOD_COLOURS[i % len(METHOD_COLOURS)], m.gross_minor / 100)
        for i, m in enumerate(revenue.by_method)
    ]
    screen.revenue_chart.side_by_side(title.replace("%1", revenue.currency), bars, locale.name())
    colours = screen.env.theme.colours
    screen.revenue_legend.setText(
        "&nbsp;&nbsp; ".join(
            f'<span style="color:{colours[colour]}">\u25a0</span>&nbsp;{escape(name)}&nbsp;'
            f"{locale.toString(value, 'f', 2)}"
            for name, colour, value in bars
        )
    )


def heat_values(figures: AnalyticsFigures) -> list[list[float]]:
    """The heat map's cells: mean power in kW, weekday-major (docs/analytics.md "energy heat map")."""
    values = [[0.0] * HOURS for _ in range(WEEKDAYS)]
    for cell in figures.load.heat_map if figures.load is not None else ():
        values[cell.weekday][cell.hour] = cell.mean_power_W / 1000
    return values


def draw_heat_map(screen: AnalyticsScreen, figures: AnalyticsFigures) -> None:
    screen.heat_map.set_values(heat_values(figures), screen.weekday_names())


def draw_peak(screen: AnalyticsScreen, figures: AnalyticsFigures) -> None:
    """The site's highest demand of each day against the site limit, in kW."""
    if figures.load is None:
        return
    days = figures.load.peak_days
    start = figures.period.start_s
    peaks = [((d.day_s - start) / DAY_S + 1, d.peak_W / 1000) for d in days]
    count = max(1.0, figures.period.seconds / DAY_S)
    limit = figures.site_limit_W / 1000
    top = max([limit, *(p for _, p in peaks)]) * 1.1
    screen.peak_chart.lines(
        QCoreApplication.translate("AnalyticsScreen", "Site peak per day against the limit (kW)"),
        [
            (QCoreApplication.translate("AnalyticsScreen", "Peak"), "primary", peaks),
            (
                QCoreApplication.translate("AnalyticsScreen", "Limit"),
                "danger",
                [(1.0, limit), (count, limit)],
            ),
        ],
        screen.locale().name(),
        x_range=(1.0, count),
        y_range=(0.0, top if top > 0 else 1.0),
    )


def draw_uptime(screen: AnalyticsScreen, figures: AnalyticsFigures) -> None:
    """Uptime of each of the 12 months ending with the period (23 CFR 680.116(b)), and a connector's
    state timeline under it."""
    months = figures.uptime_months
    points = [(float(i + 1), m.percent) for i, m in enumerate(months) if m.known_s > 0]
    low = min((p for _, p in points), default=99.0)
    bottom = max(0.0, min(99.0, float(int(low)) - 1.0))
    screen.uptime_chart.lines(
        QCoreApplication.translate("AnalyticsScreen", "Uptime per month (%)"),
        [(QCoreApplication.translate("AnalyticsScreen", "Uptime"), "ok", points)],
        screen.locale().name(),
        x_range=(1.0, 12.0),
        y_range=(bottom, 100.0),
        y_format="%.1f",
        # Every other month named, the period's own last: twelve names do not fit a 7" chart's width.
        x_labels=[
            screen.month_name(m.month_start_s, figures.utc_offset_s) if i % 2 == 1 else "\u200b" * (i + 1)
            for i, m in enumerate(months)
        ],
    )
    connector = figures.scope.connector is not None
    screen.timeline.setVisible(connector)
    screen.timeline_caption.setVisible(connector)
    screen.timeline.set_spans(
        [(s.state, s.start_s, s.end_s) for s in figures.timeline],
        figures.period.start_s,
        figures.period.end_s,
    )


def evidence_lines(screen: AnalyticsScreen, evidence: dict[str, object], offset: int) -> list[str]:
    locale = screen.locale()
    lines = []
    for key, value in sorted(evidence.items()):
        if key.endswith("_s") and isinstance(value, int):  # a local day, as the report shows it
            shown = screen.day_text(value, offset)
        elif isinstance(value, float):
            shown = locale.toString(value, "f", 2)
        elif isinstance(value, int):
            shown = locale.toString(value)
        elif key == "code":  # a fault_rise alarm's latched fault (docs/fault-catalogue.md)
            shown = fault_name(str(value))
        else:
            shown = str(value)
        lines.append(f"{evidence_name(key)}: {shown}")
    return lines


def draw_alarms(screen: AnalyticsScreen, figures: AnalyticsFigures) -> None:
    """The open alarms with their evidence, then the contactors nearest the end of their life."""
    layout = screen.alarm_list
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
    offset = figures.utc_offset_s
    maintenance = figures.maintenance
    if maintenance is None:
        return
    for alarm in maintenance.alarms:
        raised = QCoreApplication.translate("AnalyticsScreen", "Raised %1")
        finding = alarm_text(alarm.kind, alarm.subject, alarm.evidence, alarm.message, screen.locale())
        lines = [finding, raised.replace("%1", screen.day_text(alarm.raised_at_s, offset))]
        subject = alarm.subject
        if isinstance(code := alarm.evidence.get("code"), str):  # "CP01/1 GROUND_FAULT": name the fault
            subject = subject.replace(code, fault_name(code))
        layout.addWidget(
            alarm_card(
                f"{alarm_name(alarm.kind)}: {subject}",
                lines + evidence_lines(screen, alarm.evidence, offset),
            )
        )
    if not maintenance.alarms:
        layout.addWidget(alarm_card(QCoreApplication.translate("AnalyticsScreen", "No open alarms"), []))
    worn = sorted(maintenance.contactors, key=lambda c: -c.life_used_percent)[:3]
    for wear in worn:
        text = QCoreApplication.translate("AnalyticsScreen", "%1 % of its life used; replace by %2")
        by = screen.day_text(wear.replace_by_s, offset) if wear.replace_by_s is not None else "-"
        line = text.replace("%1", screen.locale().toString(wear.life_used_percent, "f", 1)).replace("%2", by)
        title = QCoreApplication.translate("AnalyticsScreen", "Contactor %1").replace("%1", wear.connector)
        layout.addWidget(alarm_card(title, [line]))
    layout.addStretch(1)


def summary(screen: AnalyticsScreen, figures: AnalyticsFigures, page: str) -> str:
    """The line over the chart: the page's headline figures in the screen's language; empty while the
    page's figures are on their way."""
    if not has_page(figures, page):
        return ""
    locale = screen.locale()
    usage = figures.usage
    if page == "usage" and usage is not None:
        text = QCoreApplication.translate("AnalyticsScreen", "%1 sessions, %2 kWh, occupied %3 %")
        return (
            text.replace("%1", locale.toString(usage.sessions))
            .replace("%2", locale.toString(usage.energy_Wh / 1000, "f", 1))
            .replace("%3", locale.toString(usage.occupancy_percent, "f", 1))
        )
    if page == "revenue":
        revenue = figures.revenue
        if revenue is None:
            return ""
        text = QCoreApplication.translate("AnalyticsScreen", "Gross %1, net %2, refunds %3 (%4)")
        return (
            text.replace("%1", locale.toString(revenue.gross_minor / 100, "f", 2))
            .replace("%2", locale.toString(revenue.net_minor / 100, "f", 2))
            .replace("%3", locale.toString(revenue.refunds_minor / 100, "f", 2))
            .replace("%4", revenue.currency)
        )
    if page == "heat":
        return QCoreApplication.translate(
            "AnalyticsScreen", "Mean power by weekday and hour (kW): tap a cell"
        )
    if page == "peak" and figures.load is not None:
        days = figures.load.peak_days
        if not days:
            return ""
        top = max(days, key=lambda d: d.peak_W)
        text = QCoreApplication.translate("AnalyticsScreen", "Highest %1 kW on %2: %3 % of the limit")
        return (
            text.replace("%1", locale.toString(top.peak_W / 1000, "f", 1))
            .replace("%2", screen.day_text(top.day_s, figures.utc_offset_s))
            .replace("%3", locale.toString(top.peak_percent, "f", 1))
        )
    if page == "uptime" and figures.uptime is not None and figures.uptime_12_months is not None:
        text = QCoreApplication.translate("AnalyticsScreen", "Uptime %1 %, last 12 months %2 %")
        return text.replace("%1", locale.toString(figures.uptime.percent, "f", 2)).replace(
            "%2", locale.toString(figures.uptime_12_months.percent, "f", 2)
        )
    if page != "alarms" or figures.maintenance is None:
        return ""
    text = QCoreApplication.translate("AnalyticsScreen", "%1 open alarms")
    return text.replace("%1", locale.toString(len(figures.maintenance.alarms)))


def alarm_card(title: str, lines: list[str]) -> QFrame:
    """One alarm or finding as a card: its title and its evidence, one line each."""
    frame = card_frame()
    layout = QVBoxLayout(frame)
    layout.addWidget(label(title, "large"))
    for line in lines:
        layout.addWidget(label(line, "small"))
    return frame
