"""Benchmark: analytics on the whole station (OCPP to a central system, the ledger, the driver facade and
the analytics refresher running on simulated chargers) over a ledger that holds a generated year of 16
connectors (tests/support/analytics_year.py, busier than the tests': sessions, payments, samples,
timeline, faults).

Run from the repository root: .venv/bin/python tests/benchmarks/bench_analytics.py [--quick]

- Every dashboard query (usage, revenue, load, uptime, timeline, reliability, maintenance, the report
  rows) run the way a face runs it (a worker thread beside the running station): median and worst.
- The refresh at day rollover (one day rolled up and the models evaluated), and the catch-up of the
  whole year at the first start.
- The monthly PDF report.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "support"))

import analytics_year  # noqa: E402
from ocpp_peers.peer import STEVE_PATH  # noqa: E402
from ocpp_peers.py_csms import PyCsms  # noqa: E402

from app.analytics import SITE, Analytics, Period, Scope, month_period, render_monthly_report  # noqa: E402
from app.analytics.periods import DAY_S, day_start  # noqa: E402
from app.analytics.refresher import AnalyticsRefresher  # noqa: E402
from app.config import ConfiguredCharger, DatabaseSettings, OcppSettings, StationConfig  # noqa: E402
from app.db import check_and_migrate, make_engine  # noqa: E402
from app.driver import DriverFacade  # noqa: E402
from app.runtime import StationRuntime  # noqa: E402
from app.tariffs import tariff_from_dict  # noqa: E402
from hal.card_readers.base import VirtualCardReader  # noqa: E402
from hal.sim.control import SimulatorProcess  # noqa: E402
from launcher.analytics import build_analytics  # noqa: E402
from launcher.headless import ocpp_side  # noqa: E402

CHARGERS = 4
QUERY_TARGET_MS = 200.0
ROLLOVER_TARGET_S = 2.0
REPORT_TARGET_S = 5.0
OFFSET = 8 * 3600
BUSY = 1.6  # over 3 sessions a day per connector: some 19,000 in the year


def config(directory: Path, sim: SimulatorProcess, csms: PyCsms) -> StationConfig:
    chargers = tuple(
        ConfiguredCharger(id=f"LIVE{i:02d}", link=f"tcp://{sim.host}:{port}")
        for i, port in enumerate(sim.ports.charger_ports)
    )
    return StationConfig(
        station_name="bench",
        database=DatabaseSettings(url=f"sqlite:///{directory / 'ledger.sqlite3'}"),
        tariff=tariff_from_dict({"energy_price_per_kWh": "0.60", "session_fee": "1.00"}),
        ocpp=OcppSettings(
            url=csms.url("", STEVE_PATH).rstrip("/"),
            identity="ANALYTICS-CP",
            secrets_dir=str(directory / "s"),
        ),
        chargers=chargers,
    )


def queries(
    analytics: Analytics, year: Period, month: Period, connector: str
) -> dict[str, Callable[[], Any]]:
    """The dashboard's questions: the year and a month of the site, a connector, a charger."""
    charger = connector.split("/", 1)[0]
    return {
        "usage, site, year by month": lambda: analytics.usage(SITE, year, "month"),
        "usage, connector, month by day": lambda: analytics.usage(Scope(connector=connector), month, "day"),
        "revenue, site, year": lambda: analytics.revenue(SITE, year),
        "revenue, charger, month": lambda: analytics.revenue(Scope(charger=charger), month),
        "load (heat maps, peak days, caps), site, year": lambda: analytics.load(year),
        "uptime, site, year": lambda: analytics.uptime(SITE, year),
        "uptime, connector, month": lambda: analytics.uptime(Scope(connector=connector), month),
        "timeline, connector, month": lambda: analytics.timeline(connector, month),
        "reliability, site, year": lambda: analytics.reliability(SITE, year),
        "maintenance (models and open alarms)": analytics.maintenance,
        "day rows (CSV), year": lambda: analytics.day_rows(year),
    }


def exports(analytics: Analytics, year: Period) -> dict[str, Callable[[], Any]]:
    """What a report export reads: a year of sessions, one row each (a file, not a dashboard view)."""
    return {"session rows for the CSV export, year": lambda: analytics.session_rows(year)}


async def measure(directory: Path, rounds: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    today = day_start(int(time.time()), OFFSET)
    engine = make_engine(f"sqlite:///{directory / 'ledger.sqlite3'}")
    check_and_migrate(engine)
    began = time.perf_counter()
    truth = analytics_year.generate(engine, end_s=today, utc_offset_s=OFFSET, busy=BUSY)
    results["generate_s"] = time.perf_counter() - began
    results["sessions"], results["samples"] = len(truth.sessions), len(truth.samples)
    engine.dispose()
    csms = PyCsms().start()
    try:
        with SimulatorProcess(chargers=CHARGERS) as sim:
            station_config = config(directory, sim, csms)
            runtime = StationRuntime(station_config, build_central_system=ocpp_side)
            analytics = build_analytics(runtime, station_config)
            analytics.sample_interval_s = truth.sample_interval_s
            refresher = AnalyticsRefresher(analytics, runtime.clock)
            await runtime.start()
            facade = DriverFacade(runtime, card_reader=VirtualCardReader())
            await facade.start()
            try:
                began = time.perf_counter()
                await refresher.start()
                while refresher.last is None:
                    await asyncio.sleep(0.01)
                results["catch_up"] = (time.perf_counter() - began, refresher.last.days)
                year = Period(today - 365 * DAY_S, today)
                last_month = datetime.fromtimestamp(today - DAY_S + OFFSET, UTC).strftime("%Y-%m")
                month = month_period(last_month, OFFSET)
                connector = min(truth.connectors.values())
                timings: dict[str, list[float]] = {}
                for name, query in [
                    *queries(analytics, year, month, connector).items(),
                    *exports(analytics, year).items(),
                ]:
                    timings[name] = []
                    for _ in range(rounds):
                        start = time.perf_counter()
                        await asyncio.to_thread(query)
                        timings[name].append(time.perf_counter() - start)
                results["queries"] = timings
                tomorrow = datetime.fromtimestamp(today + DAY_S + 300, UTC)
                start = time.perf_counter()
                report = await asyncio.to_thread(analytics.refresh, tomorrow)
                results["rollover"] = (time.perf_counter() - start, report.days)
                start = time.perf_counter()
                pdf = await asyncio.to_thread(render_monthly_report, analytics, last_month, "bench", "en")
                results["report"] = (time.perf_counter() - start, len(pdf))
            finally:
                await refresher.stop()
                await facade.stop()
                await runtime.stop()
    finally:
        csms.close()
    return results


def figures(results: dict[str, Any]) -> list[tuple[str, str, str, bool]]:
    rows: list[tuple[str, str, str, bool]] = []
    seconds, days = results["catch_up"]
    rows.append(
        (
            f"analytics: first refresh over a generated year of 16 connectors ({days} days rolled up; "
            f"{results['sessions']} sessions, {results['samples']} samples, written in "
            f"{results['generate_s']:.0f} s)",
            f"{seconds:.1f} s",
            "-",
            True,
        )
    )
    for name, values in results["queries"].items():
        median, worst = statistics.median(values) * 1000, max(values) * 1000
        export = name.startswith("session rows")
        target_ms = REPORT_TARGET_S * 1000 if export else QUERY_TARGET_MS
        rows.append(
            (
                f"analytics {'export' if export else 'query'}, a year x 16 connectors, SQLite, "
                f"station running: {name}",
                f"median {median:.0f} ms, worst {worst:.0f} ms",
                f"<= {target_ms / 1000:.0f} s" if export else f"<= {target_ms:.0f} ms",
                median <= target_ms,
            )
        )
    seconds, days = results["rollover"]
    rows.append(
        (
            f"analytics refresh at day rollover ({days} day rolled up, models and alarms evaluated)",
            f"{seconds * 1000:.0f} ms",
            f"<= {ROLLOVER_TARGET_S:.0f} s",
            seconds <= ROLLOVER_TARGET_S,
        )
    )
    seconds, size = results["report"]
    rows.append(
        (
            f"monthly PDF report (English, {size // 1024} KiB)",
            f"{seconds:.2f} s",
            f"<= {REPORT_TARGET_S:.0f} s",
            seconds <= REPORT_TARGET_S,
        )
    )
    return rows


def run(quick: bool = False) -> list[tuple[str, str, str, bool]]:
    (REPO / "build").mkdir(exist_ok=True)
    directory = Path(tempfile.mkdtemp(prefix="bench-analytics-", dir=REPO / "build"))
    try:
        return figures(asyncio.run(measure(directory, 3 if quick else 10)))
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds of each query")
    args = parser.parse_args()
    for name, measured, target, met in run(args.quick):
        print(f"{name}: {measured} (target {target}) [{'ok' if met else 'MISSED'}]", flush=True)


if __name__ == "__main__":
    main()
