"""Benchmark: the admin overview's refresh with 16 chargers streaming values, and the event loop meanwhile.

Run from the repository root: .venv/bin/python tests/benchmarks/bench_admin_overview.py [--quick]

The measurement runs in a child process (offscreen Qt, QT_QPA_PLATFORM=offscreen, a qasync loop as the
kiosk runs it) against a realtime simulator with 16 chargers: the station (StationRuntime with its
ledger), the driver facade and the kiosk window at 800x480, the operator facade with an operator signed
in, and the overview screen (kiosk_ui/admin/overview.py) shown in the window's body, refreshing once a
second by its own timer while every charger charges (a session authorised on each). Figures:

- Enter: from the screen's enter() to its first paint with the 16 charger cards built and filled.
- Snapshot: the facade's side of a refresh (OverviewOperations.take: the manager's views, health, the
  arbiter's resolution, the balancer's report), per tick.
- Refresh: snapshot + the texts written into the same labels (the screen's _show), per tick.
- Stall: a 10 ms precise Qt timer records how late each timeout comes over the run (60 s; 15 s with
  --quick); the figure is the largest lateness (target <= 50 ms, issue 16). The same is measured first
  with the driver's idle screen shown instead, as a baseline: on a machine shared with other work the
  process is sometimes not scheduled at all, which no screen can help.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
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

from hal.sim.control import SimulatorProcess  # noqa: E402

CHARGERS = 16
TIMER_MS = 10
STALL_TARGET_MS = 50.0
PIN = "583920"


def _env() -> dict[str, str]:
    return os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}


def _config(ports: list[int], host: str, ledger: str) -> Any:
    from app.config import DatabaseSettings, LinkSettings, StationConfig
    from launcher.demo import demo_config

    config = demo_config(StationConfig(), tuple(ports), host)
    return dataclasses.replace(
        config,
        database=DatabaseSettings(url=f"sqlite:///{ledger}"),
        link=LinkSettings(lease_ms=8000),
        # Room for every car: the figure is the overview's work, not the wait for a share of the site.
        site=dataclasses.replace(config.site, limit_mA=(CHARGERS * 32_000,) * 3),
    )


async def lateness_over(seconds: float) -> list[tuple[float, float]]:
    """(when, how late) of each timeout of a 10 ms precise Qt timer over `seconds`: the event loop's
    stalls, each ending at `when` (time.perf_counter())."""
    from PySide6.QtCore import Qt, QTimer

    lateness: list[tuple[float, float]] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        lateness.append((now, max(0.0, now - last[0] - TIMER_MS / 1000)))
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TIMER_MS)
    timer.timeout.connect(tick)
    last[0] = time.perf_counter()
    timer.start()
    await asyncio.sleep(seconds)
    timer.stop()
    return lateness


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else float("nan")


async def _measure(
    ports: list[int], host: str, ledger: str, ctl_port: int, seconds: float, collector: Any
) -> dict:
    from PySide6.QtCore import QEvent, QObject

    from app.admin import OperatorFacade
    from app.admin.accounts import add_account
    from app.db import session_factory
    from app.driver.facade import DriverFacade
    from app.runtime.runtime import StationRuntime
    from hal.sim.control import SimControl
    from kiosk_ui.admin.admin_screen import AdminEnv
    from kiosk_ui.admin.overview import OverviewScreen
    from kiosk_ui.app import KioskWindow
    from kiosk_ui.theme import load_theme

    ctl = SimControl(host, ctl_port).connect()
    runtime = StationRuntime(_config(ports, host, ledger))
    await runtime.start()
    facade = DriverFacade(runtime)
    await facade.start()
    operators = OperatorFacade(runtime)
    with session_factory(runtime.engine)() as db, db.begin():
        number = add_account(
            db, name="Bench", role="operator", pin=PIN, settings=operators.settings, actor="console"
        ).account_id
    operator = (await operators.sign_in(number, PIN)).operator
    assert operator is not None
    window = KioskWindow(facade, theme=load_theme(800, 480), idle_timeout_s=3600.0, message_s=3600.0)
    window.resize(800, 480)
    window.show()
    screen = OverviewScreen(AdminEnv(window.env, operators, operator))
    try:
        deadline = time.monotonic() + 30
        while not all(c.state == "available" for c in facade.connectors()) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        connectors = [card.connector_id for card in facade.connectors()]
        for index, connector_id in enumerate(connectors):
            await ctl.call("plug", charger=index, soc_pct=20)
            await runtime.sessions.authorise(connector_id, f"BENCH-{index:02d}")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if all(c.state == "charging" and c.power_W > 0 for c in facade.connectors()):
                break
            await asyncio.sleep(0.2)
        charging = sum(1 for c in facade.connectors() if c.state == "charging" and c.power_W > 0)
        collector.freeze_long_lived()  # as run_kiosk does once the kiosk is up

        # The same run with the driver's idle screen shown: what the station and the machine alone
        # stall the loop by (the machine may be shared), to read the overview's figure against.
        collector.longest_s = 0.0
        c0 = time.thread_time()
        baseline = [late for _, late in await lateness_over(seconds)]
        baseline_cpu_ms_per_s = (time.thread_time() - c0) * 1000 / seconds

        # Enter: until the first paint after the cards were built and filled.
        painted: list[float] = []

        class Watch(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and screen.cards and not painted:
                    painted.append(time.perf_counter())
                return False

        watch = Watch()
        screen.installEventFilter(watch)
        started = time.perf_counter()
        window.stack.addWidget(screen)
        window.stack.setCurrentWidget(screen)
        screen.enter({})
        deadline = time.monotonic() + 10
        while not painted and time.monotonic() < deadline:
            await asyncio.sleep(0.001)
        enter_ms = (painted[0] - started) * 1000 if painted else float("inf")
        cards = len(screen.cards)
        baseline_gc_ms = collector.longest_s * 1000
        collector.longest_s = 0.0

        # Per tick: the facade's snapshot, and the snapshot plus the texts written in place.
        snapshots: list[float] = []
        refreshes: list[float] = []
        cpu: list[float] = []  # the Qt thread's CPU time per refresh (time.thread_time), not wall time
        refresh_starts: list[float] = []
        take = operators.overview.take
        show = screen._show

        def timed_take() -> Any:
            t0 = time.perf_counter()
            refresh_starts.append(t0)
            c0 = time.thread_time()
            result = take()
            snapshots.append((time.perf_counter() - t0) * 1000)
            cpu.append(time.thread_time() - c0)
            return result

        def timed_show(snapshot: Any) -> None:
            t0, c0 = time.perf_counter(), time.thread_time()
            show(snapshot)
            refreshes.append(snapshots[-1] + (time.perf_counter() - t0) * 1000)
            cpu[-1] += time.thread_time() - c0

        operators.overview.take = timed_take  # type: ignore[method-assign]
        screen._show = timed_show  # type: ignore[method-assign]

        c0 = time.thread_time()
        ticks = await lateness_over(seconds)
        cpu_ms_per_s = (time.thread_time() - c0) * 1000 / seconds
        lateness = [late for _, late in ticks]
        # The stalls an overview refresh was part of: it started within the stalled gap (its layout and
        # paint follow in the same turn of the loop).
        during = [
            late
            for end, late in ticks
            if any(end - late - TIMER_MS / 1000 - 0.005 <= start <= end for start in refresh_starts)
        ]
        still_charging = sum(1 for c in facade.connectors() if c.state == "charging")
    finally:
        screen.leave()
        window.close_kiosk()
        window.close()
        await operators.sign_out(operator)
        await facade.stop()
        await runtime.stop()
        ctl.close()
    return {
        "enter_ms": enter_ms,
        "cards": cards,
        "charging": min(charging, still_charging),
        "snapshot_median_ms": statistics.median(snapshots),
        "snapshot_max_ms": max(snapshots),
        "refresh_median_ms": statistics.median(refreshes),
        "refresh_p99_ms": percentile(refreshes, 0.99),
        "refresh_max_ms": max(refreshes),
        "refreshes": len(refreshes),
        "refresh_cpu_median_ms": statistics.median(cpu) * 1000,
        "refresh_cpu_max_ms": max(cpu) * 1000,
        "cpu_ms_per_s": cpu_ms_per_s,
        "baseline_cpu_ms_per_s": baseline_cpu_ms_per_s,
        "stall_ms": max(lateness) * 1000,
        "stall_refresh_ms": max(during, default=0.0) * 1000,
        "stalls_with_refresh": len(during),
        "stall_p99_ms": percentile(lateness, 0.99) * 1000,
        "ticks": len(lateness),
        "seconds": seconds,
        "gc_longest_ms": collector.longest_s * 1000,
        "baseline_stall_ms": max(baseline) * 1000,
        "baseline_p99_ms": percentile(baseline, 0.99) * 1000,
        "baseline_ticks": len(baseline),
        "baseline_gc_ms": baseline_gc_ms,
    }


def child(ports: list[int], host: str, ledger: str, ctl_port: int, seconds: float) -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    from kiosk_ui.main_thread_gc import collecting_in_main_thread

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop, collecting_in_main_thread() as collector:
        result = loop.run_until_complete(_measure(ports, host, ledger, ctl_port, seconds, collector))
    print(json.dumps(result), flush=True)


def measure(seconds: float) -> dict[str, Any]:
    directory = Path(tempfile.mkdtemp(prefix="bench-admin-overview-"))
    try:
        with SimulatorProcess(chargers=CHARGERS) as sim:
            args = ["--child", "--host", sim.host, "--ledger", str(directory / "ledger.sqlite3")]
            args += ["--ports", ",".join(str(p) for p in sim.ports.charger_ports)]
            args += ["--control-port", str(sim.ports.control_port), "--seconds", str(seconds)]
            result = subprocess.run(
                [sys.executable, __file__, *args],
                cwd=REPO,
                env=_env(),
                capture_output=True,
                text=True,
                timeout=seconds + 180,
            )
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"the overview child failed: {result.stderr[-3000:]}")
    return json.loads(lines[-1])


def run(quick: bool = False) -> list[tuple[str, str, str, bool]]:
    """The admin overview's figures as (figure, measured, target, met)."""
    f = measure(15.0 if quick else 60.0)
    streaming = f"{f['charging']} of {CHARGERS} chargers charging"
    return [
        (
            f"admin overview entered -> {f['cards']} charger cards painted",
            f"{f['enter_ms']:.0f} ms",
            "-",
            True,
        ),
        (
            f"admin overview snapshot (facade), {streaming} ({f['refreshes']} ticks)",
            f"median {f['snapshot_median_ms']:.2f} ms, max {f['snapshot_max_ms']:.2f} ms",
            "-",
            True,
        ),
        (
            f"admin overview refresh per tick (snapshot + texts in place), {streaming}",
            f"CPU median {f['refresh_cpu_median_ms']:.1f} ms, max {f['refresh_cpu_max_ms']:.1f} ms; "
            f"wall median {f['refresh_median_ms']:.1f} ms, p99 {f['refresh_p99_ms']:.1f} ms",
            "-",
            True,
        ),
        (
            "Qt thread CPU with the overview shown / with the idle screen (layout and paint included)",
            f"{f['cpu_ms_per_s']:.0f} / {f['baseline_cpu_ms_per_s']:.0f} ms per s",
            "-",
            True,
        ),
        (
            f"admin overview shown: longest event-loop stall with a refresh in it, {streaming} "
            f"({f['stalls_with_refresh']} such ticks over {f['seconds']:.0f} s)",
            f"{f['stall_refresh_ms']:.1f} ms",
            f"<= {STALL_TARGET_MS:g} ms",
            f["stall_refresh_ms"] <= STALL_TARGET_MS,
        ),
        (
            f"admin overview shown: longest event-loop stall over {f['seconds']:.0f} s, {streaming}",
            f"{f['stall_ms']:.1f} ms (p99 {f['stall_p99_ms']:.1f} ms, {f['ticks']} ticks; longest "
            f"garbage collection {f['gc_longest_ms']:.0f} ms)",
            f"<= {STALL_TARGET_MS:g} ms",
            f["stall_ms"] <= STALL_TARGET_MS,
        ),
        (
            f"the same with the driver's idle screen instead (baseline, {f['seconds']:.0f} s)",
            f"{f['baseline_stall_ms']:.1f} ms (p99 {f['baseline_p99_ms']:.1f} ms, "
            f"{f['baseline_ticks']} ticks; longest garbage collection {f['baseline_gc_ms']:.0f} ms)",
            "-",
            True,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a 15 s run instead of 60 s")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--ports", default="", help=argparse.SUPPRESS)
    parser.add_argument("--host", default="127.0.0.1", help=argparse.SUPPRESS)
    parser.add_argument("--ledger", default="", help=argparse.SUPPRESS)
    parser.add_argument("--control-port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=60.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        ports = [int(p) for p in args.ports.split(",") if p]
        child(ports, args.host, args.ledger, args.control_port, args.seconds)
        return
    for name, value, target, met in run(args.quick):
        print(f"{name}: {value} (target {target}) [{'ok' if met else 'MISSED'}]")


if __name__ == "__main__":
    main()
