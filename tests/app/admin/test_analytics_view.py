"""The analytics group of the operator facade on the running station, over two generated months of 16
connectors (tests/support/analytics_year.py) in its ledger: the figures are the analytics service's for
the same period and scope, money only for operators, the report exported to a folder (its PDF holds the
month's kWh, its CSVs the month's sessions and connector days) and audited, refusals with their codes."""

from __future__ import annotations

import asyncio
import csv
import io
import re
import time
from datetime import UTC, datetime

import analytics_year
import pytest
from admin_station import PINS, admin_station
from pypdf import PdfReader

from app.admin import OperationError, OperatorFacade, PermissionDeniedError
from app.admin.analytics_view import PARTS, period_of
from app.analytics import SITE, Analytics, Scope, day_start, month_period
from app.analytics.periods import DAY_S, months_ending
from app.db import check_and_migrate, make_engine, session_factory, verify_audit_chain

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)

OFFSET = 8 * 3600


def last_month_name(now_s: int) -> str:
    local = datetime.fromtimestamp(now_s + OFFSET, UTC)
    year, month = (local.year - 1, 12) if local.month == 1 else (local.year, local.month - 1)
    return f"{year:04d}-{month:02d}"


async def analytics_station(sim, tmp_path):
    """The admin station with two generated months in its ledger (written before it starts, as a station
    that has run for them) and a facade that has its analytics."""
    engine = make_engine(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")  # the ledger admin_station opens
    check_and_migrate(engine)
    today = day_start(int(time.time()), OFFSET)
    truth = analytics_year.generate(engine, end_s=today, utc_offset_s=OFFSET, days=62, busy=0.4)
    engine.dispose()
    station_cm = admin_station(sim, tmp_path)
    station = await station_cm.__aenter__()
    engine = station.runtime.engine
    analytics = Analytics.for_config(engine, station.runtime.config, station.runtime.clock)
    analytics.sample_interval_s = truth.sample_interval_s
    await asyncio.to_thread(analytics.refresh)
    facade = OperatorFacade(station.runtime, settings=station.operators.settings, analytics=analytics)
    return station_cm, station, facade, analytics, truth


async def signed_in(facade, station, role):
    result = await facade.sign_in(station.accounts[role], PINS[role])
    assert result.operator is not None
    return result.operator


def test_figures_are_the_analytics_of_the_period_and_money_is_for_operators(realtime_sim, tmp_path):
    async def scenario():
        station_cm, station, facade, analytics, _truth = await analytics_station(realtime_sim, tmp_path)
        try:
            operator = await signed_in(facade, station, "operator")
            technician = await signed_in(facade, station, "technician")
            viewer = await signed_in(facade, station, "viewer")
            now_s = int(analytics.clock().timestamp())
            month = month_period(last_month_name(now_s), OFFSET)
            figures = await facade.analytics.figures(operator, "last_month", SITE)
            assert figures.period == month == period_of("last_month", now_s, OFFSET)
            assert figures.usage == analytics.usage(SITE, month, "day")
            assert figures.usage.sessions > 100 and len(figures.usage.series) == month.seconds // DAY_S
            assert figures.revenue == analytics.revenue(SITE, month)
            assert figures.revenue.gross_minor > 0 and figures.revenue.by_method
            assert figures.load == analytics.load(month)
            assert len(figures.load.heat_map) == 168
            assert figures.uptime == analytics.uptime(SITE, month)
            year = months_ending(month.end_s, 12, OFFSET)
            assert figures.uptime_12_months == analytics.uptime(SITE, year)
            assert (
                len(figures.uptime_months) == 12 and figures.uptime_months[-1].month_start_s == month.start_s
            )
            assert figures.uptime_months[-1].percent == analytics.uptime(SITE, month).percent
            assert figures.reliability == analytics.reliability(SITE, month)
            assert figures.maintenance.alarms == analytics.maintenance().alarms
            assert {a.kind for a in figures.maintenance.alarms} >= {"fault_rise"}  # the injected RCD burst
            assert figures.timeline == ()
            assert figures.parts == frozenset(PARTS)

            # Some parts only (a screen's page first): the others are not computed, and the rest merged
            # in gives the whole figures.
            first = await facade.analytics.figures(operator, "last_month", SITE, frozenset({"usage"}))
            assert first.usage == figures.usage and first.parts == {"usage"}
            assert (first.revenue, first.load, first.uptime, first.maintenance) == (None, None, None, None)
            assert first.uptime_months == ()
            rest = await facade.analytics.figures(operator, "last_month", SITE, frozenset(PARTS) - {"usage"})
            assert rest.usage is None and first.merged(rest) == figures
            with pytest.raises(OperationError) as bad:
                await facade.analytics.figures(operator, "last_month", SITE, frozenset({"usage", "weather"}))
            assert bad.value.code == "bad_parts"

            # A connector's scope: its usage and its state timeline; twelve months by month.
            connector = Scope(connector=analytics_year.TRIPPING)
            one = await facade.analytics.figures(viewer, "last_12_months", connector)
            whole = period_of("last_12_months", now_s, OFFSET)
            assert one.granularity == "month" and one.usage == analytics.usage(connector, whole, "month")
            assert one.timeline == analytics.timeline(analytics_year.TRIPPING, whole)
            assert any(span.state == "faulted" for span in one.timeline)

            # Money is the operator's: the technician and the viewer see the rest, not the revenue.
            assert one.revenue is None
            tech = await facade.analytics.figures(technician, "last_month", Scope(charger="CP-02"))
            assert tech.revenue is None and tech.usage == analytics.usage(
                Scope(charger="CP-02"), month, "day"
            )

            with pytest.raises(OperationError) as unknown:
                await facade.analytics.figures(viewer, "last_month", Scope(connector="CP-99/1"))
            assert unknown.value.code == "unknown_scope"
            choices = await facade.analytics.scopes(viewer)
            assert len(choices.connectors) == 16 + 2 and "CP-08" in choices.chargers  # the two live ones too

            # A station without its analytics says so, with a code the screen translates.
            bare = OperatorFacade(station.runtime, settings=station.operators.settings)
            alone = await signed_in(bare, station, "viewer")
            with pytest.raises(OperationError) as missing:
                await bare.analytics.figures(alone, "this_month")
            assert missing.value.code == "analytics_unavailable"
            await facade.sign_out(viewer)
            with pytest.raises(PermissionDeniedError):
                await facade.analytics.figures(viewer, "this_month")
        finally:
            await station_cm.__aexit__(None, None, None)

    asyncio.run(scenario())


def test_the_monthly_report_is_exported_to_the_folder_and_audited(realtime_sim, tmp_path):
    async def scenario():
        station_cm, station, facade, analytics, truth = await analytics_station(realtime_sim, tmp_path)
        try:
            technician = await signed_in(facade, station, "technician")
            viewer = await signed_in(facade, station, "viewer")
            name = last_month_name(int(analytics.clock().timestamp()))
            month = month_period(name, OFFSET)
            stick = tmp_path / "stick"
            stick.mkdir()
            with pytest.raises(PermissionDeniedError):
                await facade.analytics.export_report(viewer, name, str(stick))
            result = await facade.analytics.export_report(technician, name, str(stick), "ms")
            assert [p.rsplit("/", 1)[1] for p in result.paths] == [
                f"report-{name}-ms.pdf",
                f"sessions-{name}.csv",
                f"days-{name}.csv",
            ]
            pdf, sessions_csv, days_csv = (stick / p.rsplit("/", 1)[1] for p in result.paths)
            text = re.sub(
                r"\s+",
                " ",
                "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages),
            )
            energy = sum(
                s["energy_Wh"]
                for s in truth.sessions
                if month.start_s <= int(s["started_at"].timestamp()) < month.end_s
            )
            assert energy > 0 and f"{energy / 1000:,.3f} kWh" in text
            assert "Laporan bulanan" in text  # the Malay title
            rows = list(csv.DictReader(io.StringIO(sessions_csv.read_text(encoding="utf-8"))))
            assert len(rows) == analytics.usage(SITE, month).sessions
            assert round(sum(float(r["energy_kWh"]) for r in rows) * 1000) == energy
            days = list(csv.DictReader(io.StringIO(days_csv.read_text(encoding="utf-8"))))
            assert len(days) == len(analytics.day_rows(month)) and days[0]["day"].startswith(name)

            # Refusals: a missing folder, one nothing can be written in, a malformed month.
            for folder, code in (
                (tmp_path / "gone", "export_dir_missing"),
                ("/proc", "export_dir_unwritable"),
            ):
                with pytest.raises(OperationError) as refused:
                    await facade.analytics.export_report(technician, name, str(folder))
                assert refused.value.code == code
            with pytest.raises(OperationError) as bad:
                await facade.analytics.export_report(technician, "2026-13", str(stick))
            assert bad.value.code == "bad_month"

            exports = [row for row in station.audit() if row["action"] == "analytics.export"]
            assert [(r["actor"], r["target"], r["details"]["outcome"]) for r in exports] == [
                ("admin:Technician One", f"month:{name}", "ok"),
                ("admin:Technician One", f"month:{name}", "export_dir_missing"),
                ("admin:Technician One", f"month:{name}", "export_dir_unwritable"),
            ]
            assert exports[0]["details"]["files"] == [p.rsplit("/", 1)[1] for p in result.paths]
            assert exports[0]["details"]["bytes"] == [p.stat().st_size for p in (pdf, sessions_csv, days_csv)]
            with session_factory(station.runtime.engine)() as db:
                assert verify_audit_chain(db).intact
        finally:
            await station_cm.__aexit__(None, None, None)

    asyncio.run(scenario())


def test_an_unknown_period_is_refused():
    with pytest.raises(OperationError) as bad:
        period_of("next_year", 0, OFFSET)
    assert bad.value.code == "bad_period"
