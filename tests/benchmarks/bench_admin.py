"""Benchmark: entering the admin mode, from the PIN's OK tapped to the first admin screen painted.

Run from the repository root: .venv/bin/python tests/benchmarks/bench_admin.py [--quick]

A child process (offscreen Qt, QT_QPA_PLATFORM=offscreen) runs the whole station on 16 realtime
simulated chargers, 15 of them charging, with the kiosk and its admin mode on the operator facade
(as launcher/kiosk_host.py builds them). Each run: the PIN pad opened, the staff number and the PIN
typed, then a mouse press and release posted to OK; the time until the first paint event of the
shell's first screen (the overview when the registry has it, else the first registered screen, else
the shell's placeholder). That span holds the argon2id check on a worker thread, the account's read,
the audit row committed on the ledger's writer thread, the shell filled and the screen built and
painted. Median and worst over the runs; every run signs out (audited) before the next.
"""

from __future__ import annotations

import argparse
import asyncio
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_kiosk import _station  # noqa: E402

from hal.sim.control import SimulatorProcess  # noqa: E402

CHARGERS = 16
ENTER_TARGET_MS = 300.0


def _env() -> dict[str, str]:
    return os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}


async def _measure(ports: list[int], host: str, ledger: str, ctl_port: int, runs: int) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication, QWidget

    from app.admin import DEMO_PIN, OperatorFacade, seed_demo_account
    from app.config import AdminSettings
    from app.driver import DriverFacade
    from app.runtime import StationRuntime
    from hal.sim.control import SimControl
    from kiosk_ui.app import KioskWindow
    from kiosk_ui.theme import load_theme

    ctl = SimControl(host, ctl_port).connect()
    runtime = StationRuntime(_station(ports, host, ledger, site_limit_mA=CHARGERS * 32_000))
    await runtime.start()
    facade = DriverFacade(runtime)
    await facade.start()
    settings = AdminSettings()
    operators = OperatorFacade(runtime, settings=settings)
    number = await runtime.sessions.writer.run(lambda: seed_demo_account(runtime.engine, settings))
    window = KioskWindow(
        facade, theme=load_theme(800, 480), idle_timeout_s=3600.0, message_s=3600.0, operators=operators
    )
    window.resize(800, 480)
    window.show()
    assert window.admin is not None
    admin = window.admin
    shell = admin.shell
    times: list[float] = []
    first = ""
    try:
        deadline = time.monotonic() + 30
        while not all(c.state == "available" for c in facade.connectors()) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        connectors = [card.connector_id for card in facade.connectors()]
        for index, connector_id in enumerate(connectors[:-1]):  # one free: idle offers a start
            await ctl.call("plug", charger=index, soc_pct=20)
            await runtime.sessions.authorise(connector_id, f"BENCH-{index:02d}")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if sum(1 for c in facade.connectors() if c.state == "charging") == len(connectors) - 1:
                break
            await asyncio.sleep(0.2)
        charging = sum(1 for c in facade.connectors() if c.state == "charging")

        painted: list[float] = []

        class Watch(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and not painted and shell.isVisible():
                    page = shell.pages.currentWidget()
                    if isinstance(watched, QWidget) and (watched is page or page.isAncestorOf(watched)):
                        painted.append(time.perf_counter())
                return False

        watch = Watch()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(watch)
        for _ in range(runs):
            while window.current_screen().name != "idle":
                await asyncio.sleep(0.05)
            assert window.open_admin(), "the PIN pad did not open"
            await asyncio.sleep(0.1)  # the pad painted, as a person's finger would find it
            for digit in str(number):
                admin.pad.press(digit)
            admin.pad.press("ok")
            for digit in DEMO_PIN:
                admin.pad.press(digit)
            ok = admin.pad.keys["ok"]
            centre = QPointF(ok.rect().center())
            painted.clear()
            started = time.perf_counter()
            for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
                QCoreApplication.postEvent(
                    ok,
                    QMouseEvent(
                        kind,
                        centre,
                        centre,
                        Qt.MouseButton.LeftButton,
                        Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier,
                    ),
                )
            deadline = time.monotonic() + 10
            while not painted and time.monotonic() < deadline:
                await asyncio.sleep(0.001)
            times.append((painted[0] - started) * 1000 if painted else float("inf"))
            first = shell.current.name if shell.current is not None else "the shell's placeholder"
            await asyncio.sleep(0.3)
            admin.leave("exit")
            await asyncio.sleep(0.3)
        app.removeEventFilter(watch)
    finally:
        window.close_kiosk()
        window.close()
        await facade.stop()
        await runtime.stop()
        ctl.close()
    return {
        "median_ms": statistics.median(times),
        "max_ms": max(times),
        "runs": len(times),
        "charging": charging,
        "first": first,
    }


def child(ports: list[int], host: str, ledger: str, ctl_port: int, runs: int) -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    from kiosk_ui.main_thread_gc import collecting_in_main_thread

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop, collecting_in_main_thread():
        result = loop.run_until_complete(_measure(ports, host, ledger, ctl_port, runs))
    print(json.dumps(result), flush=True)


def measure(runs: int) -> dict[str, Any]:
    directory = Path(tempfile.mkdtemp(prefix="bench-admin-"))
    try:
        with SimulatorProcess(chargers=CHARGERS) as sim:
            args = ["--child", "--host", sim.host, "--ledger", str(directory / "ledger.sqlite3")]
            args += ["--ports", ",".join(str(p) for p in sim.ports.charger_ports)]
            args += ["--control-port", str(sim.ports.control_port), "--runs", str(runs)]
            result = subprocess.run(
                [sys.executable, __file__, *args],
                cwd=REPO,
                env=_env(),
                capture_output=True,
                text=True,
                timeout=300,
            )
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"the admin child failed: {result.stderr[-3000:]}")
    return json.loads(lines[-1])


def run(quick: bool = False) -> list[tuple[str, str, str, bool]]:
    """The admin mode's figures as (figure, measured, target, met)."""
    figures = measure(5 if quick else 15)
    return [
        (
            f"admin: PIN entered to the first admin screen ({figures['first']}) painted, "
            f"{figures['charging']} of {CHARGERS} chargers charging ({figures['runs']} runs)",
            f"median {figures['median_ms']:.0f} ms, worst {figures['max_ms']:.0f} ms",
            f"<= {ENTER_TARGET_MS:g} ms",
            figures["max_ms"] <= ENTER_TARGET_MS,
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--ports", default="", help=argparse.SUPPRESS)
    parser.add_argument("--host", default="127.0.0.1", help=argparse.SUPPRESS)
    parser.add_argument("--ledger", default="", help=argparse.SUPPRESS)
    parser.add_argument("--control-port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=15, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(
            [int(p) for p in args.ports.split(",") if p], args.host, args.ledger, args.control_port, args.runs
        )
    else:
        for name, value, target, met in run(args.quick):
            print(f"{name}: {value} (target {target}) [{'ok' if met else 'MISSED'}]")


if __name__ == "__main__":
    main()
