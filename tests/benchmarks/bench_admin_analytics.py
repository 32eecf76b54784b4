"""Benchmark: the admin mode's analytics charts over a year of data, on the whole station as it ships.

Run from the repository root: .venv/bin/python tests/benchmarks/bench_admin_analytics.py [--quick]

The measurement runs in a child process (offscreen Qt, qasync as the kiosk runs it): the station (OCPP
to the Python central system, the ledger, the driver facade, the analytics refresher) on four simulated
chargers, over a ledger that holds a generated year of 16 more connectors
(tests/support/analytics_year.py at bench_analytics.py's traffic), with the operator facade and the
analytics screen at 800x480 signed in as an operator (revenue shown too).

- Page shown painted (the target): from the screen's call of the operation (a period or scope chosen)
  to the page on screen painted with the new figures: the facade's queries of that page on a worker
  thread, its charts drawn, a synchronous repaint once they are on the screen. Per period and scope,
  after one warm-up: median and worst (the verdict is on the worst).
- Every page drawn: from the same call to the other pages' figures (a second call, made once the
  shown page is painted) drawn into their charts.
- Page switch: a page button's work, from the tap to that page painted (figures already drawn).
- The longest event-loop stall meanwhile (a 10 ms precise Qt timer's lateness): the loop is the Qt
  thread, so this is what a technician's touch waits for at worst.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "support"))

PAINT_TARGET_MS = 500.0
SWITCH_TARGET_MS = 100.0
STALL_TARGET_MS = 500.0  # the drawing runs on the loop: never longer than the paint target
OFFSET = 8 * 3600
BUSY = 1.6
CHARGERS = 4
RESULT = "result:"
CASES = (
    ("last_12_months", None),
    ("last_month", None),
    ("this_month", None),
    ("last_12_months", "connector"),
    ("last_month", "charger"),
)


async def _measure(directory: Path, rounds: int) -> dict[str, Any]:
    """In the child: the station, the facade, the screen; the timings."""
    import asyncio

    import analytics_year
    from bench_analytics import config as station_config
    from ocpp_peers.py_csms import PyCsms
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer

    from app.admin import OperatorFacade
    from app.admin.accounts import add_account
    from app.admin.analytics_view import SITE, Scope
    from app.analytics.periods import day_start
    from app.analytics.refresher import AnalyticsRefresher
    from app.config import AdminSettings
    from app.db import check_and_migrate, make_engine, session_factory
    from app.driver import DriverFacade
    from app.runtime import StationRuntime
    from hal.card_readers.base import VirtualCardReader
    from hal.sim.control import SimulatorProcess
    from kiosk_ui.admin.admin_screen import AdminEnv
    from kiosk_ui.admin.analytics import PAGES, AnalyticsScreen
    from kiosk_ui.i18n import Translations, available_languages
    from kiosk_ui.screen import KioskEnv
    from kiosk_ui.theme import load_theme
    from launcher.analytics import build_analytics
    from launcher.headless import ocpp_side

    results: dict[str, Any] = {"paint": {}, "query": {}, "switch": [], "stalls": []}
    today = day_start(int(time.time()), OFFSET)
    engine = make_engine(f"sqlite:///{directory / 'ledger.sqlite3'}")
    check_and_migrate(engine)
    truth = analytics_year.generate(engine, end_s=today, utc_offset_s=OFFSET, busy=BUSY)
    results["sessions"] = len(truth.sessions)
    engine.dispose()
    csms = PyCsms().start()
    try:
        with SimulatorProcess(chargers=CHARGERS) as sim:
            config = station_config(directory, sim, csms)
            runtime = StationRuntime(config, build_central_system=ocpp_side)
            analytics = build_analytics(runtime, config)
            analytics.sample_interval_s = truth.sample_interval_s
            refresher = AnalyticsRefresher(analytics, runtime.clock)
            await runtime.start()
            driver = DriverFacade(runtime, card_reader=VirtualCardReader())
            await driver.start()
            await refresher.start()
            try:
                while refresher.last is None:
                    await asyncio.sleep(0.05)
                settings = AdminSettings()
                with session_factory(runtime.engine)() as db, db.begin():
                    number = add_account(
                        db, name="Bench", role="operator", pin="482916", settings=settings, actor="console"
                    ).account_id
                operators = OperatorFacade(runtime, settings=settings, analytics=analytics)
                operator = (await operators.sign_in(number, "482916")).operator
                assert operator is not None
                theme = load_theme(800, 480)
                env = AdminEnv(
                    KioskEnv(driver, theme, Translations(available_languages()), 6.0, 2.0), operators
                )
                env.operator = operator
                screen = AnalyticsScreen(env)
                screen.setStyleSheet(theme.stylesheet())
                screen.resize(800, 480)
                screen.show()
                screen.enter({})
                choices = await operators.analytics.scopes(operator)
                scopes = {
                    None: SITE,
                    "connector": Scope(connector=choices.connectors[0]),
                    "charger": Scope(charger=choices.chargers[0]),
                }
                shown: list[float] = []
                everything: list[float] = []
                drawn = results.setdefault("draw", [])
                original_show, original_add = screen.show_figures, screen.add_figures

                def timed_show(figures: Any) -> None:  # the drawing's own time, on the loop
                    began = time.perf_counter()
                    original_show(figures)
                    drawn.append((time.perf_counter() - began) * 1000)

                def timed_add(figures: Any) -> None:
                    began = time.perf_counter()
                    original_add(figures)
                    drawn.append((time.perf_counter() - began) * 1000)

                screen.show_figures = timed_show  # type: ignore[method-assign]
                screen.add_figures = timed_add  # type: ignore[method-assign]
                screen.figures_shown.connect(lambda: shown.append(time.perf_counter()))
                screen.all_shown.connect(lambda: everything.append(time.perf_counter()))

                # The loop's lateness: a precise 10 ms timer, as bench_kiosk.py measures it.
                clock = QElapsedTimer()
                last = [0]
                timer = QTimer()
                timer.setTimerType(Qt.TimerType.PreciseTimer)

                def tick() -> None:
                    now = clock.elapsed()
                    results["stalls"].append(now - last[0] - 10)
                    last[0] = now

                timer.timeout.connect(tick)
                await asyncio.sleep(0.5)  # the first figures (this month, the site) are in
                clock.start()
                timer.start(10)
                await asyncio.sleep(3.0)  # the station alone first: its own stalls, for comparison
                results["idle_stall"] = max(results["stalls"], default=0)
                results["stalls"] = []
                for period, scope_kind in CASES:
                    name = f"{period.replace('_', ' ')}, {scope_kind or 'site'}"
                    times, whole = [], []
                    for round_no in range(rounds + 1):  # the first is a warm-up
                        screen.show_page(PAGES[round_no % 4])
                        screen.scope = scopes[scope_kind]
                        before, before_all = len(shown), len(everything)
                        began = time.perf_counter()
                        screen.choose_period(period)  # the facade's call, as a tap on the period does
                        while len(shown) == before:
                            await asyncio.sleep(0.001)
                        screen.repaint()  # the visible page painted with the figures
                        painted = time.perf_counter()
                        while len(everything) == before_all:  # then the other pages' figures, drawn
                            await asyncio.sleep(0.001)
                        if round_no:
                            times.append((painted - began) * 1000)
                            whole.append((time.perf_counter() - began) * 1000)
                    results["paint"][name] = times
                    results.setdefault("whole", {})[name] = whole
                    queries = []
                    for _ in range(rounds):  # the facade's part alone: the queries on worker threads
                        began = time.perf_counter()
                        await operators.analytics.figures(operator, period, scopes[scope_kind])
                        queries.append((time.perf_counter() - began) * 1000)
                    results["query"][name] = queries
                for _ in range(rounds):
                    for page in PAGES:
                        began = time.perf_counter()
                        screen.page_buttons[page].click()
                        screen.repaint()
                        results["switch"].append((time.perf_counter() - began) * 1000)
                        await asyncio.sleep(0.01)
                timer.stop()
                screen.close()
            finally:
                await refresher.stop()
                await driver.stop()
                await runtime.stop()
    finally:
        csms.close()
    return results


def child(quick: bool) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)  # closing the screen at the end must not stop the loop
    loop = qasync.QEventLoop(app)
    (REPO / "build").mkdir(exist_ok=True)
    directory = Path(tempfile.mkdtemp(prefix="bench-admin-analytics-", dir=REPO / "build"))
    try:
        results = loop.run_until_complete(_measure(directory, 3 if quick else 8))
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    print(RESULT + json.dumps(results), flush=True)


def run(quick: bool = False) -> list[tuple[str, str, str, bool]]:
    """The figures as (figure, measured, target, met), from a child process."""
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    command = [sys.executable, __file__, "--child"] + (["--quick"] if quick else [])
    out = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900, cwd=REPO)
    lines = [line for line in out.stdout.splitlines() if line.startswith(RESULT)]
    if not lines:
        tail = (out.stderr or out.stdout).strip().splitlines()[-3:]
        return [("admin analytics charts painted", f"failed: {' | '.join(tail)}", "-", False)]
    results = json.loads(lines[-1][len(RESULT) :])
    rows: list[tuple[str, str, str, bool]] = []
    for name, values in results["paint"].items():
        median = statistics.median(values)
        query = statistics.median(results["query"][name])
        whole = results["whole"][name]
        rows.append(
            (
                f"admin analytics: period chosen -> the page shown painted, a year x 16 connectors "
                f"({results['sessions']} sessions), station running, 800x480: {name} ({len(values)} runs)",
                f"median {median:.0f} ms, worst {max(values):.0f} ms",
                f"<= {PAINT_TARGET_MS:.0f} ms",
                max(values) <= PAINT_TARGET_MS,
            )
        )
        rows.append(
            (
                f"admin analytics: period chosen -> every page drawn: {name}",
                f"median {statistics.median(whole):.0f} ms, worst {max(whole):.0f} ms (every page's "
                f"queries in one call: median {query:.0f} ms)",
                "-",
                True,
            )
        )
    switch = results["switch"]
    rows.append(
        (
            f"admin analytics: page button -> page painted ({len(switch)} taps)",
            f"median {statistics.median(switch):.0f} ms, worst {max(switch):.0f} ms",
            f"<= {SWITCH_TARGET_MS:.0f} ms",
            statistics.median(switch) <= SWITCH_TARGET_MS,
        )
    )
    draw = results["draw"]
    rows.append(
        (
            f"admin analytics: figures drawn into the pages' charts, on the loop ({len(draw)} answers)",
            f"median {statistics.median(draw):.0f} ms, worst {max(draw):.0f} ms",
            "-",
            True,
        )
    )
    stall = max(results["stalls"], default=0)
    rows.append(
        (
            "admin analytics: longest event-loop stall while choosing periods and pages",
            f"{stall:.0f} ms (the station alone, 3 s before: {results['idle_stall']:.0f} ms)",
            f"<= {STALL_TARGET_MS:.0f} ms",
            stall <= STALL_TARGET_MS,
        )
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.quick)
        return
    for name, measured, target, met in run(args.quick):
        print(f"{name}: {measured} (target {target}) [{'ok' if met else 'MISSED'}]", flush=True)


if __name__ == "__main__":
    main()
