"""The analytics group of the operator facade: the figures of a period and scope for the admin mode's
charts, and the monthly report (PDF and the two CSVs) exported to a USB stick (docs/admin.md).

The figures are the analytics capability's own (docs/analytics.md); nothing is computed here but which
period and scope to ask for. Every query blocks on the database, so it runs on a worker thread, never
on the loop (the kiosk's Qt thread). Money is for the operator role only: a viewer or a technician
gets the same figures with `revenue` None (docs/admin.md "Analytics").
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from app.admin.context import OperationError, Operator, OperatorContext
from app.admin.usb_drive import usb_directory
from app.analytics import (
    SITE,
    Granularity,
    Load,
    Maintenance,
    Period,
    Reliability,
    Revenue,
    Scope,
    StateSpan,
    UnknownScopeError,
    Uptime,
    Usage,
)
from app.analytics.periods import month_period, month_start, months_ending

if TYPE_CHECKING:
    from app.analytics import Analytics

Part = Literal["usage", "revenue", "load", "uptime", "reliability", "timeline", "maintenance"]
PARTS: tuple[Part, ...] = ("usage", "revenue", "load", "uptime", "reliability", "timeline", "maintenance")
PeriodName = Literal["this_month", "last_month", "last_12_months"]
PERIODS: tuple[PeriodName, ...] = ("this_month", "last_month", "last_12_months")
REPORT_LANGUAGES = ("en", "ms")  # app/analytics/report_texts.py; any other language gets English


@dataclass(frozen=True)
class ScopeChoices:
    """What the scope selector offers: the site, each charger, each connector."""

    chargers: tuple[str, ...]
    connectors: tuple[str, ...]


@dataclass(frozen=True)
class MonthUptime:
    """One month's uptime (23 CFR 680.116(b), over the month's known time) for the uptime line."""

    month_start_s: int
    percent: float
    known_s: int


@dataclass(frozen=True)
class AnalyticsFigures:
    """What the analytics screen draws for one period and scope: the parts asked for (`parts`), each
    other one None. A screen asks for the page it shows first and the rest after it is painted."""

    period_name: PeriodName
    period: Period
    scope: Scope
    parts: frozenset[Part]
    granularity: Granularity  # of usage.series: day for a month, month for 12 months
    usage: Usage | None
    revenue: Revenue | None  # also None below the operator role (no money on a technician's screen)
    load: Load | None  # heat map of the scope's connectors; peak days of the site against its limit
    uptime: Uptime | None  # the period's
    uptime_12_months: Uptime | None  # the 12 months ending with the period
    uptime_months: tuple[MonthUptime, ...]  # the 12 months ending with the period, oldest first
    reliability: Reliability | None
    timeline: tuple[StateSpan, ...]  # the connector's state timeline; empty for a charger or the site
    maintenance: Maintenance | None  # the models' findings and the open alarms with their evidence
    utc_offset_s: int
    site_limit_W: int

    def merged(self, other: AnalyticsFigures) -> AnalyticsFigures:
        """These figures with the parts `other` holds (of the same period and scope) taken from it."""
        if (other.period, other.scope) != (self.period, self.scope):
            raise ValueError("figures of another period or scope cannot be merged")
        fields: dict[str, object] = {"parts": self.parts | other.parts}
        for part, names in _PART_FIELDS.items():
            if part in other.parts:
                fields.update({name: getattr(other, name) for name in names})
        return replace(self, **fields)  # type: ignore[arg-type]


# The fields of AnalyticsFigures each part fills.
_PART_FIELDS: dict[str, tuple[str, ...]] = {
    "usage": ("usage",),
    "revenue": ("revenue",),
    "load": ("load",),
    "uptime": ("uptime", "uptime_12_months", "uptime_months"),
    "reliability": ("reliability",),
    "timeline": ("timeline",),
    "maintenance": ("maintenance",),
}


@dataclass(frozen=True)
class ExportResult:
    """The files written to the stick, in the order PDF, sessions CSV, days CSV."""

    month: str
    directory: str
    paths: tuple[str, ...]
    sizes: tuple[int, ...]


def _local_month(ts_s: int, offset_s: int) -> tuple[int, int]:
    local = datetime.fromtimestamp(ts_s + offset_s, UTC)
    return local.year, local.month


def period_of(name: str, now_s: int, offset_s: int) -> Period:
    """The local days of "this_month", "last_month" or "last_12_months" (ending with this month)."""
    year, month = _local_month(now_s, offset_s)
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    this_month = Period(month_start(year, month, offset_s), month_start(*following, offset_s))
    if name == "this_month":
        return this_month
    if name == "last_month":
        previous = (year - 1, 12) if month == 1 else (year, month - 1)
        return Period(month_start(*previous, offset_s), this_month.start_s)
    if name == "last_12_months":
        return months_ending(this_month.end_s, 12, offset_s)
    raise OperationError("bad_period", f"period: one of {', '.join(PERIODS)}, got {name!r}")


def _months(end_s: int, offset_s: int) -> list[Period]:
    """The 12 whole months ending at `end_s` (a local month start), oldest first."""
    starts = [months_ending(end_s, back, offset_s).start_s for back in range(12, 0, -1)]
    return [Period(start, end) for start, end in zip(starts, [*starts[1:], end_s], strict=True)]


class AnalyticsOperations:
    """`facade.analytics`: the figures (viewer and above, money for operators) and the report export
    (technician and above)."""

    def __init__(self, context: OperatorContext) -> None:
        self.context = context

    def _service(self) -> Analytics:
        if self.context.analytics is None:
            raise OperationError("analytics_unavailable", "this station runs without its analytics")
        return self.context.analytics

    def _now_s(self, analytics: Analytics) -> int:
        return int(analytics.clock().timestamp())

    async def scopes(self, operator: Operator) -> ScopeChoices:
        self.context.require(operator, "viewer", "analytics.view")
        analytics = self._service()

        def query() -> ScopeChoices:
            return ScopeChoices(tuple(analytics.chargers()), tuple(analytics.connectors()))

        return await asyncio.to_thread(query)

    async def figures(
        self,
        operator: Operator,
        period: PeriodName = "this_month",
        scope: Scope = SITE,
        parts: frozenset[Part] | None = None,
    ) -> AnalyticsFigures:
        """The figures of a named period and a scope: every part, or those of `parts` (the others None,
        uptime_months and timeline empty); revenue only for the operator role."""
        self.context.require(operator, "viewer", "analytics.view")
        analytics = self._service()
        asked = frozenset(PARTS) if parts is None else parts
        if unknown := sorted(set(asked) - set(PARTS)):
            raise OperationError("bad_parts", f"unknown parts: {', '.join(unknown)}", parts=unknown)
        with_money = operator.may("operator")
        offset = analytics.utc_offset_s
        chosen = period_of(period, self._now_s(analytics), offset)
        granularity: Granularity = "month" if period == "last_12_months" else "day"
        months = _months(chosen.end_s, offset)

        # One worker thread for all of them: the queries are mostly Python over the rows, so threads
        # side by side would only share the GIL with each other and with the loop (the Qt thread);
        # measured slower and with longer loop stalls (tests/benchmarks/bench_admin_analytics.py).
        def query() -> tuple[
            Usage | None,
            Revenue | None,
            Load | None,
            list[Uptime],
            Reliability | None,
            tuple[StateSpan, ...],
            Maintenance | None,
        ]:
            return (
                analytics.usage(scope, chosen, granularity) if "usage" in asked else None,
                analytics.revenue(scope, chosen) if with_money and "revenue" in asked else None,
                analytics.load(chosen, scope) if "load" in asked else None,
                [analytics.uptime(scope, month) for month in months] if "uptime" in asked else [],
                analytics.reliability(scope, chosen) if "reliability" in asked else None,
                analytics.timeline(scope.connector, chosen)
                if scope.connector and "timeline" in asked
                else (),
                analytics.maintenance() if "maintenance" in asked else None,
            )

        try:
            usage, revenue, load, uptimes, reliability, timeline, found = await asyncio.to_thread(query)
        except UnknownScopeError as err:
            raise OperationError("unknown_scope", str(err), scope=scope.label) from None
        # Uptime adds up day by day (docs/analytics.md "Uptime"): the 12 months' is the sum of the
        # months', and a month period's is its month's; no query is run twice.
        year = _summed(scope, Period(months[0].start_s, chosen.end_s), uptimes) if uptimes else None
        return AnalyticsFigures(
            period_name=period,
            period=chosen,
            scope=scope,
            parts=asked,
            granularity=granularity,
            usage=usage,
            revenue=revenue,
            load=load,
            uptime=(year if period == "last_12_months" else uptimes[-1]) if uptimes else None,
            uptime_12_months=year,
            uptime_months=tuple(
                MonthUptime(month.start_s, uptime.percent, uptime.known_s)
                for month, uptime in zip(months, uptimes, strict=True)
            )
            if uptimes
            else (),
            reliability=reliability,
            timeline=timeline,
            maintenance=found,
            utc_offset_s=offset,
            site_limit_W=analytics.site_limit_W,
        )

    async def export_report(
        self, operator: Operator, month: str, directory: str | None = None, language: str = "en"
    ) -> ExportResult:
        """Writes the month's report PDF and its sessions and days CSVs (the files `python -m app report`
        writes) to `directory`, else `[admin] export_dir`, else the first USB drive under /media.
        Audited with the files written, or with the refusal."""
        self.context.require(operator, "technician", "analytics.export")
        analytics = self._service()
        try:
            period = month_period(month, analytics.utc_offset_s)
        except ValueError as err:
            raise OperationError("bad_month", str(err), month=month) from None
        language = language if language in REPORT_LANGUAGES else "en"
        try:
            folder = await asyncio.to_thread(
                usb_directory, self.context.settings.export_dir, directory, writable=True
            )
            written = await asyncio.to_thread(self._write, analytics, month, period, folder, language)
        except OperationError as err:
            await self.context.audit(
                operator.actor, "analytics.export", f"month:{month}", {"outcome": err.code, **err.details}
            )
            raise
        paths = tuple(str(path) for path, _ in written)
        sizes = tuple(size for _, size in written)
        await self.context.audit(
            operator.actor,
            "analytics.export",
            f"month:{month}",
            {"outcome": "ok", "language": language, "files": [Path(p).name for p in paths], "bytes": sizes},
        )
        return ExportResult(month, str(folder), paths, sizes)

    def _write(
        self, analytics: Analytics, month: str, period: Period, folder: Path, language: str
    ) -> list[tuple[Path, int]]:
        """On a worker thread: the three files, as the report command writes them (app/analytics/cli.py)."""
        # reportlab is loaded only when a report is made, as the package does (app/analytics/__init__.py).
        from app.analytics.report_csv import save_days, save_sessions
        from app.analytics.report_pdf import render_monthly_report
        from app.analytics.report_texts import text

        config = self.context.runtime.config
        station = getattr(config, "station_name", "") or text(language, "station_fallback")
        offset = analytics.utc_offset_s
        pdf_path = folder / f"report-{month}-{language}.pdf"
        sessions_path = folder / f"sessions-{month}.csv"
        days_path = folder / f"days-{month}.csv"
        try:
            pdf = render_monthly_report(analytics, month, station, language)
            pdf_path.write_bytes(pdf)
            save_sessions(analytics.session_rows(period), offset, sessions_path)
            save_days(analytics.day_rows(period), offset, days_path, analytics.currency)
            # A stick pulled out right after the button shows "done" must still hold whole files.
            for path in (pdf_path, sessions_path, days_path):
                with path.open("rb") as handle:
                    os.fsync(handle.fileno())
        except OSError as err:
            raise OperationError("export_failed", f"writing to {folder} failed: {err}") from None
        return [(path, path.stat().st_size) for path in (pdf_path, sessions_path, days_path)]


def _summed(scope: Scope, period: Period, parts: list[Uptime]) -> Uptime:
    """The uptime of consecutive periods together: their known, outage, excluded and state seconds."""
    states: dict[str, int] = {}
    for part in parts:
        for state, seconds in part.state_s.items():
            states[state] = states.get(state, 0) + seconds
    return Uptime(
        scope=scope,
        period=period,
        known_s=sum(p.known_s for p in parts),
        outage_s=sum(p.outage_s for p in parts),
        excluded_s=sum(p.excluded_s for p in parts),
        state_s=states,
    )


__all__ = [
    "PARTS",
    "PERIODS",
    "SITE",
    "AnalyticsFigures",
    "AnalyticsOperations",
    "ExportResult",
    "MonthUptime",
    "Part",
    "PeriodName",
    "Scope",
    "ScopeChoices",
    "period_of",
]
