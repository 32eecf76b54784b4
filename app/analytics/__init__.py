"""Analytics: usage, revenue, load and peak hours, uptime and predictive maintenance over the ledger.

Read-only except for its own rollups and alarms and the live records it keeps (docs/analytics.md).
`Analytics` answers the queries (blocking: faces call it from a worker thread); `AnalyticsRecorder`
keeps the state timeline, contactor operations, balancer caps and link health as they happen;
`AnalyticsRefresher` rolls complete days up and evaluates the maintenance models at local midnight.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.analytics.alarms import open_alarms
from app.analytics.figures import (
    SITE,
    Alarm,
    ConnectorCaps,
    ContactorWear,
    DayRow,
    FaultTrend,
    Granularity,
    HeatCell,
    LinkHealth,
    Load,
    Maintenance,
    MeterPlausibility,
    MethodRevenue,
    Period,
    RefreshReport,
    Reliability,
    Revenue,
    Scope,
    SessionRow,
    SitePeakDay,
    StateSpan,
    ThermalTrend,
    Uptime,
    Usage,
    UsageBucket,
)
from app.analytics.periods import day_start, month_period
from app.analytics.recorder import AnalyticsRecorder, RecorderTiming
from app.analytics.service import Analytics, UnknownScopeError

if TYPE_CHECKING:
    from app.analytics.report_pdf import ReportSource, render_monthly_report
    from app.analytics.report_texts import LANGUAGES as REPORT_LANGUAGES

# The report's names load reportlab: only when asked for (PEP 562), not with the running station.
_REPORT_NAMES = {
    "ReportSource": ("app.analytics.report_pdf", "ReportSource"),
    "render_monthly_report": ("app.analytics.report_pdf", "render_monthly_report"),
    "REPORT_LANGUAGES": ("app.analytics.report_texts", "LANGUAGES"),
}


def __getattr__(name: str) -> Any:
    if name not in _REPORT_NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module, attribute = _REPORT_NAMES[name]
    return getattr(importlib.import_module(module), attribute)


__all__ = [
    "REPORT_LANGUAGES",
    "SITE",
    "Alarm",
    "Analytics",
    "AnalyticsRecorder",
    "ConnectorCaps",
    "ContactorWear",
    "DayRow",
    "FaultTrend",
    "Granularity",
    "HeatCell",
    "LinkHealth",
    "Load",
    "Maintenance",
    "MeterPlausibility",
    "MethodRevenue",
    "Period",
    "RecorderTiming",
    "RefreshReport",
    "Reliability",
    "ReportSource",
    "Revenue",
    "Scope",
    "SessionRow",
    "SitePeakDay",
    "StateSpan",
    "ThermalTrend",
    "UnknownScopeError",
    "Uptime",
    "Usage",
    "UsageBucket",
    "day_start",
    "month_period",
    "open_alarms",
    "render_monthly_report",
]
