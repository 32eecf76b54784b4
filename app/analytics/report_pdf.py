"""The monthly report as PDF: usage, revenue, load heat map, uptime per connector and maintenance alarms.

Built with reportlab's platypus (flowing tables and paragraphs) and reportlab.graphics (bar charts, the
heat map's shaded rectangles and legend). Blocking and CPU-bound: callers run it in a worker thread.
It only reads figures through a `ReportSource` (the `Analytics` service or anything with its methods);
every figure is defined in docs/analytics.md. reportlab's invariant mode fixes the creation date and
document id, so the same figures and `prepared_at` give the same bytes.

Fonts: the project's TrueType Latin fonts (Noto Sans, else DejaVu Sans, as the receipts use), embedded
as subsets: they cover Malay and the report's symbols (°, ², ×).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.analytics.figures import (
    SITE,
    Load,
    Maintenance,
    Period,
    Reliability,
    Revenue,
    Scope,
    Uptime,
    Usage,
)
from app.analytics.periods import DAY_S, month_period, months_ending
from app.analytics.report_csv import local_date
from app.analytics.report_texts import text
from app.money import format_money, format_number, minor_digits

FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/truetype/dejavu"))
LATIN_FONTS = (("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"), ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))
REGULAR, BOLD = "Report-Sans", "Report-Sans-Bold"
WIDTH = A4[0] - 36 * mm  # the frame's width inside the margins
INK = colors.HexColor("#1f3b57")
BAR = colors.HexColor("#2e7d9a")
GRID = colors.HexColor("#b8c4cf")


class ReportSource(Protocol):
    """What the report reads: the `Analytics` service's queries (app/analytics/service.py)."""

    utc_offset_s: int

    def usage(self, scope: Scope, period: Period, granularity: Any = None) -> Usage: ...
    def revenue(self, scope: Scope, period: Period) -> Revenue: ...
    def load(self, period: Period) -> Load: ...
    def uptime(self, scope: Scope, period: Period) -> Uptime: ...
    def reliability(self, scope: Scope, period: Period) -> Reliability: ...
    def maintenance(self) -> Maintenance: ...
    def connectors(self) -> list[str]: ...


_lock = threading.Lock()


def _register_fonts() -> None:
    """Registers the Latin pair once; reportlab's font registry is process-wide (renders run in workers)."""
    with _lock:
        if REGULAR in pdfmetrics.getRegisteredFontNames():
            return
        for regular, bold in LATIN_FONTS:
            paths = [next((d / f for d in FONT_DIRS if (d / f).is_file()), None) for f in (regular, bold)]
            if paths[0] is not None and paths[1] is not None:
                pdfmetrics.registerFont(TTFont(REGULAR, str(paths[0])))
                pdfmetrics.registerFont(TTFont(BOLD, str(paths[1])))
                pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)
                return
        raise RuntimeError("no Latin TrueType font for reports (install fonts-noto-core or fonts-dejavu)")


@dataclass(frozen=True)
class _Fmt:
    """Numbers, money, times and durations as the report writes them in one language."""

    language: str
    currency: str
    utc_offset_s: int

    def t(self, key: str, **values: Any) -> str:
        return text(self.language, key, **values)

    def kwh(self, energy_Wh: float) -> str:
        return f"{format_number(round(energy_Wh), 3, self.language)} kWh"

    def money(self, amount_minor: float) -> str:
        return format_money(round(amount_minor), self.currency, self.language)

    def percent(self, value: float, places: int = 2) -> str:
        return f"{format_number(round(value * 10**places), places, self.language)} %"

    def hours(self, seconds: float) -> str:
        return f"{format_number(round(seconds / 36), 2, self.language)} h"

    def minutes(self, seconds: float) -> str:
        return f"{format_number(round(seconds / 6), 1, self.language)} min"

    def day(self, day_s: int) -> str:
        return local_date(day_s, self.utc_offset_s)

    def time(self, ts_s: int) -> str:
        local = datetime.fromtimestamp(ts_s + self.utc_offset_s, UTC)
        return local.strftime("%Y-%m-%d %H:%M")

    def offset(self) -> str:
        sign = "+" if self.utc_offset_s >= 0 else "-"
        hours, rest = divmod(abs(self.utc_offset_s), 3600)
        return f"{sign}{hours}" + (f":{rest // 60:02d}" if rest else "")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12, textColor=colors.black)
    return {
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=18, leading=22, textColor=INK),
        "subtitle": ParagraphStyle("subtitle", base, fontName=BOLD, fontSize=12, leading=16),
        "h1": ParagraphStyle(
            "h1", base, fontName=BOLD, fontSize=13, leading=17, textColor=INK, spaceBefore=10, spaceAfter=4
        ),
        "h2": ParagraphStyle("h2", base, fontName=BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=2),
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#444")),
        "cell": ParagraphStyle("cell", base, fontSize=8, leading=10),
    }


def _table(rows: Sequence[Sequence[Any]], widths: Sequence[float], header: bool = True) -> Table:
    table = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=1 if header else 0)
    style = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        style += [
            ("FONT", (0, 0), (-1, 0), BOLD, 8.5),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ]
    else:
        style.append(("ALIGN", (1, 0), (1, -1), "RIGHT"))
    table.setStyle(TableStyle(style))
    return table


def _two_lines(label: str, width: int = 14) -> str:
    """`label` broken at the space nearest its middle when it is longer than `width` characters."""
    if len(label) <= width or " " not in label:
        return label
    spaces = [i for i, c in enumerate(label) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return f"{label[:cut]}\n{label[cut + 1 :]}"


def _bar_chart(labels: list[str], values: list[float], width: float, height: float) -> Drawing:
    """A vertical bar chart (reportlab.graphics) with the values' axis from 0."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 28
    chart.width, chart.height = width - 44, height - 38
    chart.data = [values or [0.0]]
    # A long name goes on two lines, so neighbouring bars' names never run into each other.
    chart.categoryAxis.categoryNames = [_two_lines(label) for label in labels] or [""]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.dy = -2
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.25
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barSpacing = 0.5
    drawing.add(chart)
    return drawing


def _shade(fraction: float) -> colors.Color:
    """White for nothing to the report's ink for the busiest cell."""
    f = max(0.0, min(1.0, fraction))
    return colors.Color(1 - f * (1 - INK.red), 1 - f * (1 - INK.green), 1 - f * (1 - INK.blue))


def _heat_map(load: Load, fmt: _Fmt) -> Drawing:
    """7 x 24 shaded rectangles (weekday x local hour, mean power) with a five-step legend below."""
    cell_w, cell_h, left, legend_h = 6.2 * mm, 5.5 * mm, 14 * mm, 16 * mm
    top = 7 * cell_h + 5 * mm
    drawing = Drawing(left + 24 * cell_w + 4, top + legend_h)
    peak = max((c.mean_power_W for c in load.heat_map), default=0.0)
    days = fmt.t("weekdays").split(",")
    for cell in load.heat_map:
        x = left + cell.hour * cell_w
        y = legend_h + (6 - cell.weekday) * cell_h
        fill = _shade(cell.mean_power_W / peak if peak > 0 else 0.0)
        drawing.add(Rect(x, y, cell_w, cell_h, fillColor=fill, strokeColor=colors.white, strokeWidth=0.5))
    # A frame, so an empty month still shows the grid's extent.
    drawing.add(
        Rect(left, legend_h, 24 * cell_w, 7 * cell_h, fillColor=None, strokeColor=GRID, strokeWidth=0.5)
    )
    for weekday, name in enumerate(days):
        y = legend_h + (6 - weekday) * cell_h + cell_h / 2 - 2.5
        drawing.add(String(left - 2, y, name, fontName=REGULAR, fontSize=7, textAnchor="end"))
    for hour in range(0, 24, 3):
        x = left + hour * cell_w + cell_w / 2
        drawing.add(
            String(
                x, legend_h + 7 * cell_h + 2, f"{hour:02d}", fontName=REGULAR, fontSize=7, textAnchor="middle"
            )
        )
    drawing.add(
        String(
            left - 2, legend_h + 7 * cell_h + 2, fmt.t("hour"), fontName=REGULAR, fontSize=7, textAnchor="end"
        )
    )
    steps = 5
    for step in range(steps + 1):
        x = left + step * 4 * cell_w
        fraction = step / steps
        drawing.add(
            Rect(x, 7 * mm, 4 * cell_w, 4 * mm, fillColor=_shade(fraction), strokeColor=GRID, strokeWidth=0.3)
        )
        label = f"{format_number(round(peak * fraction), 3, fmt.language)} kW"
        drawing.add(
            String(x + 2 * cell_w, 2 * mm, label, fontName=REGULAR, fontSize=6.5, textAnchor="middle")
        )
    return drawing


def _fault_name(fmt: _Fmt, code: str) -> str:
    """The fault's name in the report's language; a code the texts do not know stays as it is."""
    name = fmt.t(f"fault.{code}")
    return code if name == f"fault.{code}" else name


def _usage_part(
    fmt: _Fmt, usage: Usage, reliability: Reliability, st: dict[str, ParagraphStyle]
) -> list[Any]:
    t = fmt.t
    faults = (
        ", ".join(f"{_fault_name(fmt, code)} {count}" for code, count in sorted(reliability.faults.items()))
        or "0"
    )
    rows = [
        [t("sessions"), str(usage.sessions)],
        [t("energy"), fmt.kwh(usage.energy_Wh)],
        [t("charging_time"), fmt.hours(usage.charging_s)],
        [t("idle_time"), fmt.hours(usage.idle_s)],
        [t("occupancy"), fmt.percent(usage.occupancy_percent, 1)],
        [t("length_mean"), f"{fmt.minutes(usage.length_mean_s)} / {fmt.minutes(usage.length_p90_s)}"],
        [t("energy_mean"), f"{fmt.kwh(usage.energy_mean_Wh)} / {fmt.kwh(usage.energy_p90_Wh)}"],
        [t("unique_cards"), str(usage.unique_cards)],
        [t("unique_payers"), str(usage.unique_payers)],
        [t("success"), fmt.percent(reliability.success_percent, 1)],
        [t("faults"), faults],
    ]
    series = list(usage.series)
    labels = [fmt.day(b.start_s)[-2:] for b in series]
    values = [b.energy_Wh / 1000 for b in series]
    return [
        Paragraph(t("usage"), st["h1"]),
        _table(rows, [WIDTH * 0.55, WIDTH * 0.45], header=False),
        KeepTogether([Paragraph(t("energy_per_day"), st["h2"]), _bar_chart(labels, values, WIDTH, 55 * mm)]),
    ]


def _revenue_part(fmt: _Fmt, revenue: Revenue, st: dict[str, ParagraphStyle]) -> list[Any]:
    t = fmt.t
    rows = [
        [t("gross"), fmt.money(revenue.gross_minor)],
        [t("tax"), fmt.money(revenue.tax_minor)],
        [t("net"), fmt.money(revenue.net_minor)],
        [t("refunds"), fmt.money(revenue.refunds_minor)],
        [t("price_per_kwh"), fmt.money(revenue.price_per_kWh_minor)],
        [t("idle_fees"), fmt.money(revenue.idle_fee_minor)],
    ]
    methods = [m for m in revenue.by_method if m.sessions or m.gross_minor]
    by_method = [[t("method"), t("sessions"), t("energy"), t("gross")]] + [
        [t(f"method.{m.method}"), str(m.sessions), fmt.kwh(m.energy_Wh), fmt.money(m.gross_minor)]
        for m in methods
    ]
    unit = 10 ** minor_digits(revenue.currency)
    chart = _bar_chart(
        [t(f"method.{m.method}") for m in methods],
        [m.gross_minor / unit for m in methods],
        WIDTH * 0.8,
        50 * mm,
    )
    return [
        Paragraph(t("revenue"), st["h1"]),
        _table(rows, [WIDTH * 0.55, WIDTH * 0.45], header=False),
        Spacer(1, 3 * mm),
        _table(by_method, [WIDTH * 0.4, WIDTH * 0.15, WIDTH * 0.2, WIDTH * 0.25]),
        KeepTogether([Paragraph(t("by_method", currency=revenue.currency), st["h2"]), chart]),
    ]


def _load_part(fmt: _Fmt, load: Load, st: dict[str, ParagraphStyle]) -> list[Any]:
    t = fmt.t
    parts: list[Any] = [
        Paragraph(t("load"), st["h1"]),
        Paragraph(t("heat_map"), st["h2"]),
        _heat_map(load, fmt),
    ]
    top = max(load.peak_days, key=lambda d: d.peak_W, default=None)
    if top is not None and top.peak_W > 0:
        value = t(
            "peak_value",
            power=f"{format_number(top.peak_W, 3, fmt.language)} kW",
            day=fmt.day(top.day_s),
            percent=fmt.percent(top.peak_percent, 1),
        )
        parts.append(Paragraph(f"{escape(t('peak'))}: {escape(value)}", st["body"]))
    parts.append(Paragraph(f"{escape(t('capped'))}: {escape(fmt.hours(load.capped_s))}", st["body"]))
    return [KeepTogether(parts)]


def _uptime_part(
    fmt: _Fmt, rows: list[tuple[str, Uptime, Uptime]], st: dict[str, ParagraphStyle]
) -> list[Any]:
    t = fmt.t
    table = [[t("connector"), t("month_uptime"), t("rolling_uptime"), t("outage"), t("excluded")]] + [
        [
            name,
            fmt.percent(month.percent),
            fmt.percent(year.percent),
            fmt.hours(month.outage_s),
            fmt.hours(month.excluded_s),
        ]
        for name, month, year in rows
    ]
    return [
        Paragraph(t("uptime"), st["h1"]),
        _table(table, [WIDTH * 0.28, WIDTH * 0.18, WIDTH * 0.18, WIDTH * 0.18, WIDTH * 0.18]),
        Paragraph(escape(t("uptime_note")), st["small"]),
    ]


def _evidence(fmt: _Fmt, evidence: dict[str, object]) -> str:
    parts = []
    for key, value in evidence.items():
        if key.endswith("_s") and isinstance(value, int):
            shown = fmt.day(value)
        elif value is None:
            shown = fmt.t("none")
        else:
            shown = str(value)
        parts.append(f"{fmt.t(f'ev.{key}')}: {shown}")
    return "; ".join(parts)


def _maintenance_part(fmt: _Fmt, maintenance: Maintenance, st: dict[str, ParagraphStyle]) -> list[Any]:
    t = fmt.t
    parts: list[Any] = [
        Paragraph(t("maintenance"), st["h1"]),
        Paragraph(escape(t("as_of", day=fmt.day(maintenance.as_of_s))), st["small"]),
    ]
    if maintenance.alarms:
        cell = st["cell"]
        rows: list[list[Any]] = [[t("alarm"), t("subject"), t("raised"), t("evidence")]]
        for alarm in maintenance.alarms:
            evidence = _evidence(fmt, alarm.evidence)
            if fmt.language == "en" and alarm.message:
                evidence = f"{alarm.message}. {evidence}"
            rows.append(
                [
                    Paragraph(escape(t(f"alarm.{alarm.kind}")), cell),
                    Paragraph(escape(alarm.subject), cell),
                    fmt.time(alarm.raised_at_s),
                    Paragraph(escape(evidence), cell),
                ]
            )
        table = _table(rows, [WIDTH * 0.17, WIDTH * 0.16, WIDTH * 0.17, WIDTH * 0.5])
        table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "LEFT")]))
        parts.append(table)
    else:
        parts.append(Paragraph(escape(t("no_alarms")), st["body"]))
    if maintenance.contactors:
        parts.append(Paragraph(t("contactors"), st["h2"]))
        rows = [[t("connector"), t("life_used"), t("replace_by")]] + [
            [
                c.connector,
                fmt.percent(c.life_used_percent, 1),
                fmt.day(c.replace_by_s) if c.replace_by_s is not None else t("none"),
            ]
            for c in maintenance.contactors
        ]
        parts.append(_table(rows, [WIDTH * 0.4, WIDTH * 0.3, WIDTH * 0.3]))
    return parts


def render_monthly_report(
    source: ReportSource,
    month: str,
    station_name: str,
    language: str = "en",
    *,
    prepared_at: datetime | None = None,
) -> bytes:
    """The report of `month` ("2026-11") as PDF bytes; ValueError for a malformed month."""
    _register_fonts()
    offset = source.utc_offset_s
    period = month_period(month, offset)
    year = months_ending(period.end_s, 12, offset)
    usage = source.usage(SITE, period, "day")
    revenue = source.revenue(SITE, period)
    fmt = _Fmt(language if language in ("en", "ms") else "en", revenue.currency, offset)
    st = _styles()
    uptimes = [
        (name, source.uptime(Scope(connector=name), period), source.uptime(Scope(connector=name), year))
        for name in source.connectors()
    ]
    uptimes.append((fmt.t("site"), source.uptime(SITE, period), source.uptime(SITE, year)))
    names = fmt.t("months").split(",")
    title_month = f"{names[int(month[5:7]) - 1]} {month[:4]}"
    prepared = prepared_at or datetime.now(UTC)
    story: list[Any] = [
        Paragraph(escape(fmt.t("title")), st["title"]),
        Paragraph(escape(fmt.t("subtitle", station=station_name, month=title_month)), st["subtitle"]),
        Paragraph(
            escape(
                fmt.t(
                    "generated",
                    start=fmt.day(period.start_s),
                    end=fmt.day(period.end_s - DAY_S),
                    offset=fmt.offset(),
                    now=fmt.time(int(prepared.timestamp())),
                )
            ),
            st["small"],
        ),
        *_usage_part(fmt, usage, source.reliability(SITE, period), st),
        *_revenue_part(fmt, revenue, st),
        *_load_part(fmt, source.load(period), st),
        *_uptime_part(fmt, uptimes, st),
        *_maintenance_part(fmt, source.maintenance(), st),
    ]

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillGray(0.4)
        canvas.drawString(18 * mm, 10 * mm, f"{station_name} · {fmt.t('title')} {month}")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, fmt.t("page", number=doc.page))
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=f"{fmt.t('title')} {month}",
        author=station_name,
        invariant=1,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
