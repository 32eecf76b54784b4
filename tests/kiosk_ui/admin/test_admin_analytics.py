"""The admin mode's analytics screen on the running station, over two generated months of 16 connectors
(tests/support/analytics_year.py): the charts hold the analytics service's values (read back from the
QChart series), the heat map's cells and shades, the alarms with their evidence, money hidden from a
technician, the export button writing the report to the configured folder, and the screen fitting
800x480 and 1280x800 in English and Malay."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import re
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import analytics_year
import pytest
from admin_station import PINS, admin_station
from PySide6.QtCharts import QBarSeries, QLineSeries
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from app.admin import OperatorFacade
from app.analytics import SITE, Analytics, Scope, day_start, month_period
from app.db import check_and_migrate, make_engine
from kiosk_ui.admin.admin_screen import AdminEnv
from kiosk_ui.admin.analytics import PAGES, AnalyticsScreen
from kiosk_ui.admin.analytics_pages import PAGE_PARTS, SCREEN_PARTS, evidence_name
from kiosk_ui.admin.registry import ADMIN_SCREENS
from kiosk_ui.admin.station_texts import alarm_name, alarm_text, fault_name
from kiosk_ui.i18n import Translations, available_languages
from kiosk_ui.layout_check import layout_problems
from kiosk_ui.screen import KioskEnv
from kiosk_ui.theme import MIN_TEXT_PX, load_theme

pytest_plugins = ["admin_qt"]  # the .qm files built, one qasync loop for the module
pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)

OFFSET = 8 * 3600
WAIT_S = 20.0


def complete(screen: AnalyticsScreen) -> bool:
    """Every page's figures are on the screen (the page shown first, then the others)."""
    return screen.figures is not None and screen.figures.parts >= SCREEN_PARTS


async def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def last_month_name(now_s: int) -> str:
    local = time.gmtime(now_s + OFFSET)
    year, month = (local.tm_year - 1, 12) if local.tm_mon == 1 else (local.tm_year, local.tm_mon - 1)
    return f"{year:04d}-{month:02d}"


def bar_values(screen_chart) -> list[float]:
    (series,) = screen_chart.chart().series()
    assert isinstance(series, QBarSeries)
    bar_set = series.barSets()[0]
    return [bar_set.at(i) for i in range(bar_set.count())]


def side_by_side(screen_chart) -> list[tuple[str, float]]:
    """(name, value) of each bar set of one value (the revenue's methods)."""
    (series,) = screen_chart.chart().series()
    return [(bar_set.label(), bar_set.at(0)) for bar_set in series.barSets()]


def line_points(screen_chart) -> dict[str, list[tuple[float, float]]]:
    found = {}
    for series in screen_chart.chart().series():
        assert isinstance(series, QLineSeries)
        found[series.name()] = [(p.x(), p.y()) for p in series.points()]
    return found


def figures_in(text: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", text)


def visible_texts(widget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisible() and w.text()]


def test_the_charts_show_the_figures_of_the_chosen_period(realtime_sim, tmp_path, run_async):
    engine = make_engine(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    check_and_migrate(engine)
    today = day_start(int(time.time()), OFFSET)
    truth = analytics_year.generate(engine, end_s=today, utc_offset_s=OFFSET, days=62, busy=0.4)
    engine.dispose()
    stick = tmp_path / "stick"
    stick.mkdir()

    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            runtime = station.runtime
            analytics = Analytics.for_config(runtime.engine, runtime.config, runtime.clock)
            analytics.sample_interval_s = truth.sample_interval_s
            await asyncio.to_thread(analytics.refresh)
            settings = dataclasses.replace(station.operators.settings, export_dir=str(stick))
            facade = OperatorFacade(runtime, settings=settings, analytics=analytics)
            operator = (await facade.sign_in(station.accounts["operator"], PINS["operator"])).operator
            translations = Translations(available_languages())
            theme = load_theme(800, 480)
            kiosk = KioskEnv(station.driver, theme, translations, 6.0, 2.0)
            screen = AnalyticsScreen(AdminEnv(kiosk, facade, operator))
            screen.setStyleSheet(theme.stylesheet())
            screen.resize(800, 480)
            screen.show()
            try:
                assert AnalyticsScreen in ADMIN_SCREENS and AnalyticsScreen.min_role == "viewer"
                screen.enter({})
                await wait_until(lambda: complete(screen), "this month's figures")
                # The page shown is painted from the first answer, which holds its figures alone; the
                # other pages' come in a second one.
                painted: list[frozenset[str]] = []
                screen.figures_shown.connect(lambda: painted.append(screen.figures.parts))
                QTest.mouseClick(screen.period_button, Qt.MouseButton.LeftButton)  # this month -> last month
                await wait_until(
                    lambda: complete(screen) and screen.figures.period_name == "last_month",
                    "last month's figures",
                )
                assert painted == [PAGE_PARTS["usage"]]
                month = month_period(last_month_name(int(time.time())), OFFSET)
                assert screen.figures.period == month

                # Usage: one bar per day, the day's kWh.
                usage = analytics.usage(SITE, month, "day")
                assert bar_values(screen.usage_chart) == pytest.approx(
                    [b.energy_Wh / 1000 for b in usage.series]
                )
                assert (
                    len(usage.series) == month.seconds // 86400 and sum(b.energy_Wh for b in usage.series) > 0
                )

                # Revenue by method, in the currency's major unit, named in the screen's language.
                revenue = analytics.revenue(SITE, month)
                names = {
                    "rfid": "RFID card",
                    "card_present": "Card at the terminal",
                    "card": "Card on the QR page",
                }
                expected = [(names.get(m.method, m.method), m.gross_minor / 100) for m in revenue.by_method]
                shown = side_by_side(screen.revenue_chart)
                assert [n for n, _ in shown] == [
                    n.replace("fpx", "FPX").replace("grabpay", "GrabPay") for n, _ in expected
                ]
                assert [v for _, v in shown] == pytest.approx([v for _, v in expected])
                assert len(shown) >= 3 and "RFID card" in screen.revenue_legend.text()

                # The heat map: every cell the mean power in kW; the busiest drawn in the primary colour.
                load = analytics.load(month)
                for cell in load.heat_map:
                    assert screen.heat_map.cell_value(cell.weekday, cell.hour) == pytest.approx(
                        cell.mean_power_W / 1000
                    )
                busiest = max(load.heat_map, key=lambda c: c.mean_power_W)
                assert busiest.mean_power_W > 0
                shade = screen.heat_map.shade(busiest.weekday, busiest.hour)
                assert shade == QColor(theme.colours["primary"])
                quietest = min(load.heat_map, key=lambda c: c.mean_power_W)
                assert screen.heat_map.shade(quietest.weekday, quietest.hour) != shade
                screen.show_page("heat")
                await asyncio.sleep(0.05)
                centre = screen.heat_map.cell_rect(busiest.weekday, busiest.hour).center().toPoint()
                QTest.mouseClick(screen.heat_map, Qt.MouseButton.LeftButton, pos=centre)
                locale = QLocale("en_GB")
                assert locale.toString(busiest.mean_power_W / 1000, "f", 1) in screen.status.text()
                assert f"{busiest.hour:02d}:00" in screen.status.text()

                # The site's peak per day against its limit.
                lines = line_points(screen.peak_chart)
                assert [y for _, y in lines["Peak"]] == pytest.approx(
                    [d.peak_W / 1000 for d in load.peak_days]
                )
                assert [y for _, y in lines["Limit"]] == pytest.approx([analytics.site_limit_W / 1000] * 2)

                # Uptime: 12 months, the last the period's (23 CFR 680.116(b)).
                (uptime_line,) = line_points(screen.uptime_chart).values()
                assert uptime_line[-1][1] == pytest.approx(analytics.uptime(SITE, month).percent)
                assert uptime_line[-1][1] < 100.0

                # The open alarms with their evidence.
                screen.show_page("alarms")
                await asyncio.sleep(0.05)
                shown = " ".join(visible_texts(screen.pages["alarms"]))
                alarms = analytics.maintenance().alarms
                assert alarms
                for alarm in alarms:
                    # A fault_rise alarm names its fault ("CP-07/2 RCD_TRIP": "Residual current trip").
                    code = alarm.evidence.get("code")
                    subject = alarm.subject.replace(code, fault_name(code)) if code else alarm.subject
                    assert f"{alarm_name(alarm.kind)}: {subject}" in shown
                    # The finding in the screen's words from its evidence, with the recorded sentence's
                    # figures ("CP-03/2: contactor at 84.7 % of its rated life").
                    finding = alarm_text(alarm.kind, alarm.subject, alarm.evidence, "", QLocale("en_GB"))
                    assert finding and finding in shown
                    recorded = alarm.message.replace("A^2", "A²")  # the log's ASCII, the screen's square
                    assert figures_in(recorded) == figures_in(finding), (recorded, finding)
                    for key in alarm.evidence:
                        assert f"{evidence_name(key)}:" in shown
                assert f"More faults than usual: {analytics_year.TRIPPING} Residual current trip" in shown
                assert "fault: Residual current trip" in shown
                assert {a.kind for a in alarms} >= {"contactor_wear", "thermal_drift", "fault_rise"}
                assert f"{len(alarms)} open alarms" in screen.summary.text()

                # A connector: its own figures and its state timeline.
                target = Scope(connector=analytics_year.TRIPPING)
                while screen.scope != target:
                    before = screen.scope
                    screen.step_scope(1)
                    assert screen.scope != before
                await wait_until(
                    lambda: complete(screen) and screen.figures.scope == target, "the connector's figures"
                )
                assert bar_values(screen.usage_chart) == pytest.approx(
                    [b.energy_Wh / 1000 for b in analytics.usage(target, month, "day").series]
                )
                assert screen.timeline.spans and any(
                    state == "faulted" for state, _, _ in screen.timeline.spans
                )

                # Export to the configured folder, with the files named on the screen.
                QTest.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
                await wait_until(lambda: "Written to stick" in screen.status.text(), "the export")
                name = last_month_name(int(time.time()))
                assert sorted(p.name for p in stick.iterdir()) == [
                    f"days-{name}.csv",
                    f"report-{name}-en.pdf",
                    f"sessions-{name}.csv",
                ]

                # Fits both screens in every kiosk language, nothing cut: a screen built for each display
                # (its theme's sizes), showing these figures.
                for size in ((800, 480), (1280, 800)):
                    sized = load_theme(*size)
                    other = AnalyticsScreen(
                        AdminEnv(KioskEnv(station.driver, sized, translations, 6.0, 2.0), facade, operator)
                    )
                    other.setStyleSheet(sized.stylesheet())
                    other.resize(*size)
                    other.show()
                    other.scope = target
                    other.period = "last_month"  # the figures shown are last month's
                    try:
                        for language in ("en", "ms", "zh_CN", "ta"):
                            translations.set_language(language)
                            other.retranslate()  # as the LanguageChange event does, without waiting for it
                            other.show_figures(screen.figures)
                            if language == "ms":
                                assert other.period_button.text().replace("\n", " ") == "Bulan lepas"
                            for page in PAGES:
                                other.show_page(page)
                                await asyncio.sleep(0.05)
                                assert (other.width(), other.height()) == size, (language, page)
                                # The alarm list scrolls: what is scrolled out of its viewport is not cut.
                                problems = [
                                    p
                                    for p in layout_problems(other, MIN_TEXT_PX)
                                    if not (
                                        p.startswith("qt_scrollarea_viewport")
                                        and ("hidden" in p or "outside the" in p)
                                    )
                                ]
                                assert problems == [], "\n".join([language, str(size), page, *problems])
                    finally:
                        translations.set_language("en")
                        other.close()
                        other.deleteLater()

                # A technician sees the same figures but no money.
                technician = (
                    await facade.sign_in(station.accounts["technician"], PINS["technician"])
                ).operator
                screen.env.operator = technician
                screen.scope = SITE
                screen.enter({})
                await wait_until(
                    lambda: complete(screen) and screen.figures.revenue is None, "the technician's figures"
                )
                screen.show_page("revenue")
                await asyncio.sleep(0.05)
                assert not screen.revenue_chart.isVisible() and screen.no_money.isVisible()
                assert "operators only" in screen.no_money.text()
                assert screen.export_button.isVisible()  # a technician exports
                viewer = (await facade.sign_in(station.accounts["viewer"], PINS["viewer"])).operator
                screen.env.operator = viewer
                screen.enter({})
                assert not screen.export_button.isVisible()
            finally:
                screen.close()
                screen.deleteLater()
                translations.uninstall()

    run_async(scenario())
