"""Benchmark: the web face of the whole station as it ships, with 16 chargers charging.

Run from the repository root: .venv/bin/python tests/benchmarks/bench_web.py [--quick]

The station runs in a child process exactly as the launcher runs a kiosk (launcher.kiosk_host.run_kiosk
on a qasync loop, offscreen Qt, the kiosk window at 800x480): the runtime with its SQLite ledger
holding a generated year of sessions (tests/support/analytics_year.py), OCPP to a Python central
system, the analytics companion, the driver and operator facades, and the web face (launcher/web.py:
the live feed and uvicorn, HTTPS on loopback). 16 simulated chargers each charge a car. This process
is the clients, with an operator's API token:

- REST: GET /api/v1/connectors at 50 requests/s (target p99 <= 20 ms); the first page of a search over
  the year's sessions, GET /api/v1/sessions?last_days=365 (target <= 100 ms).
- Live feed: 200 WebSocket clients on /api/v1/live. A change's delay is from the moment the feed
  publishes it (recorded in the station) to the moment the last of the 200 clients has it (recorded
  here; both CLOCK_MONOTONIC); target p99 <= 250 ms. The station's extra CPU is its CPU over the
  window with the clients less the same window without them (target <= 15 % of a core). The kiosk's
  event loop stalls (a 10 ms precise Qt timer's lateness) over the window stay under 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import ssl
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "support"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_station import cpu_seconds, percentile  # noqa: E402

CHARGERS = 16
CLIENTS = 200
REST_RATE = 50
TIMER_MS = 10
PIN = "482916"
SEQ = re.compile(rb'"seq":(\d+)')


# -- the station (child process) -------------------------------------------------------------------


def child(config_path: str) -> None:
    """The station as run_kiosk runs it, with a probe that reports when it is ready and what it saw."""
    from PySide6.QtCore import Qt, QTimer

    from app.admin import OperatorFacade
    from app.admin.accounts import add_account
    from app.config import load_config
    from app.db import session_factory
    from app.driver import DriverFacade
    from app.live.subscription import Subscription
    from app.runtime import StationRuntime
    from hal.card_readers.base import VirtualCardReader
    from launcher.analytics import AnalyticsSide
    from launcher.headless import ocpp_side
    from launcher.kiosk_host import run_kiosk
    from launcher.web import build_web_side

    config = load_config(Path(config_path))
    runtime = StationRuntime(config, build_central_system=ocpp_side)
    driver = DriverFacade(runtime, card_reader=VirtualCardReader())
    analytics = AnalyticsSide(runtime, config)
    operators = OperatorFacade(runtime, settings=config.admin, analytics=analytics.analytics, driver=driver)
    web = build_web_side(config, driver, operators)
    assert web is not None
    published: dict[int, float] = {}
    offer = Subscription.offer

    def recording_offer(self: Subscription, change: Any) -> bool:
        # The first subscriber offered a change marks the moment the feed published it.
        published.setdefault(change.seq, time.monotonic())
        return offer(self, change)

    Subscription.offer = recording_offer  # type: ignore[method-assign]
    lateness: list[tuple[float, float]] = []
    stop = asyncio.Event()

    async def probe() -> None:
        last = [time.monotonic()]

        def tick() -> None:
            now = time.monotonic()
            lateness.append((now, max(0.0, now - last[0] - TIMER_MS / 1000)))
            last[0] = now

        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(TIMER_MS)
        timer.timeout.connect(tick)
        timer.start()
        while not web.serving:
            await asyncio.sleep(0.05)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not all(c.vehicle_present for c in driver.connectors()):
            await asyncio.sleep(0.1)
        for index, card in enumerate(driver.connectors()):
            await runtime.sessions.authorise(card.connector_id, f"BENCH-{index:02d}")

        def account() -> int:
            with session_factory(runtime.engine)() as db, db.begin():
                view = add_account(
                    db, name="Bench", role="operator", pin=PIN, settings=operators.settings, actor="bench"
                )
                return view.account_id

        number = await runtime.sessions.writer.run(account)
        operator = (await operators.sign_in(number, PIN)).operator
        assert operator is not None and web.server.certificate is not None
        token = await operators.create_api_token(operator, number, "bench", ["read", "control", "manage"])
        print(
            json.dumps(
                {"port": web.server.port, "cert": str(web.server.certificate.cert), "token": token.secret}
            ),
            flush=True,
        )
        waiter = threading.Thread(target=lambda: (sys.stdin.readline(), loop.call_soon_threadsafe(stop.set)))
        waiter.daemon = True
        waiter.start()
        await stop.wait()
        timer.stop()
        charging = sum(1 for c in driver.connectors() if c.state == "charging")
        late = [(at, value) for at, value in lateness if value > 0.001]  # the rest is on time
        print(json.dumps({"lateness": late, "published": published, "charging": charging}), flush=True)
        runtime.stopping.set()

    loop: asyncio.AbstractEventLoop
    probing: list[asyncio.Future[None]] = []

    def shown(_window: object) -> None:
        nonlocal loop
        loop = asyncio.get_running_loop()
        probing.append(asyncio.ensure_future(probe()))

    run_kiosk(
        runtime,
        driver,
        fullscreen=False,
        size=(800, 480),
        argv=["bench"],
        on_shown=shown,
        companions=[analytics],
        operators=operators,
        faces=[web],
    )


# -- the clients (this process) --------------------------------------------------------------------


class Received:
    """Per seq: how many clients have it and when the last one got it."""

    def __init__(self) -> None:
        self.by_seq: dict[int, list[float]] = {}
        self.snapshots = 0
        self.closed = 0

    def got(self, seq: int, at: float) -> None:
        entry = self.by_seq.get(seq)
        if entry is None:
            self.by_seq[seq] = [1, at]
        else:
            entry[0] += 1
            entry[1] = at


async def live_client(
    url: str, context: ssl.SSLContext, token: str, received: Received, stop: asyncio.Event
) -> None:
    import websockets

    async with websockets.connect(
        url, ssl=context, additional_headers={"Authorization": f"Bearer {token}"}, max_size=2**22
    ) as socket:
        first = await socket.recv(decode=False)
        assert b'"snapshot"' in first
        received.snapshots += 1
        while not stop.is_set():
            try:
                message = await asyncio.wait_for(socket.recv(decode=False), 0.5)
            except TimeoutError:
                continue
            except websockets.ConnectionClosed:
                received.closed += 1
                return
            now = time.monotonic()
            for seq in SEQ.findall(message):  # one change, or a frame of several ("changes")
                received.got(int(seq), now)


async def rest_latencies(
    base: str, context: ssl.SSLContext, token: str, path: str, rate: float, seconds: float
) -> list[float]:
    import httpx

    latencies: list[float] = []
    async with httpx.AsyncClient(
        base_url=base, verify=context, headers={"Authorization": f"Bearer {token}"}
    ) as http:
        start = time.monotonic()
        n = 0
        while time.monotonic() - start < seconds:
            due = start + n / rate
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            t0 = time.perf_counter()
            answer = await http.get(path)
            latencies.append((time.perf_counter() - t0) * 1000)
            assert answer.status_code == 200, answer.text
            n += 1
    return latencies


async def measure(window_s: float) -> dict[str, Any]:
    import analytics_year
    from ocpp_peers.peer import STEVE_PATH
    from ocpp_peers.py_csms import PyCsms

    from app.analytics.periods import day_start
    from app.db import check_and_migrate, make_engine
    from hal.sim.control import SimControl, SimulatorProcess

    directory = Path(tempfile.mkdtemp(prefix="bench-web-"))
    result: dict[str, Any] = {}
    try:
        ledger = directory / "ledger.sqlite3"
        engine = make_engine(f"sqlite:///{ledger}")
        check_and_migrate(engine)
        truth = analytics_year.generate(
            engine, end_s=day_start(int(time.time()), 8 * 3600), utc_offset_s=8 * 3600
        )
        engine.dispose()
        result["year_sessions"] = len(truth.sessions)
        csms = PyCsms().start()
        with SimulatorProcess(chargers=CHARGERS) as sim:
            ctl = SimControl(sim.host, sim.ports.control_port).connect()
            for index in range(CHARGERS):
                await ctl.call("plug", charger=index, soc_pct=10)
            lines = [
                'station_name = "bench"',
                "[database]",
                f'url = "sqlite:///{ledger}"',
                "[site]",
                "limit_mA = [{0}, {0}, {0}]".format(CHARGERS * 32000),
                "[kiosk]",
                'card_reader = "virtual"',
                "[tariff]",
                'energy_price_per_kWh = "0.60"',
                "[ocpp]",
                f'url = "{csms.url("", STEVE_PATH).rstrip("/")}"',
                'identity = "WEB-BENCH"',
                f'secrets_dir = "{directory / "secrets"}"',
                "[web]",
                'host = "127.0.0.1"',
                "port = 0",
                f"live_clients = {CLIENTS + 50}",
            ]
            for i, port in enumerate(sim.ports.charger_ports):
                lines += ["[[chargers]]", f'id = "LIVE{i:02d}"', f'link = "tcp://{sim.host}:{port}"']
            site = directory / "site.toml"
            site.write_text("\n".join(lines) + "\n")
            env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
            with open(directory / "stderr.log", "wb") as stderr:
                process = await asyncio.create_subprocess_exec(
                    sys.executable, __file__, "--child", str(site), cwd=REPO, env=env,
                    stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=stderr,
                    limit=1 << 26,  # the report is one line of a few megabytes
                )  # fmt: skip
            assert process.stdout is not None and process.stdin is not None
            try:
                ready = json.loads(await asyncio.wait_for(process.stdout.readline(), 180))
                base = f"https://127.0.0.1:{ready['port']}"
                context = ssl.create_default_context(cafile=ready["cert"])
                token = ready["token"]
                await asyncio.sleep(5.0)  # cars reach full current; OCPP transactions started
                # REST first, without the live clients.
                result["rest_connectors"] = await rest_latencies(
                    base, context, token, "/api/v1/connectors", REST_RATE, min(window_s, 20.0)
                )
                result["rest_sessions"] = await rest_latencies(
                    base, context, token, "/api/v1/sessions?last_days=365&limit=50", 2.0, 10.0
                )
                # The station alone, then with 200 live clients, over windows of the same length.
                cpu0, t0 = cpu_seconds(process.pid), time.monotonic()
                await asyncio.sleep(window_s)
                result["baseline_cpu"] = (cpu_seconds(process.pid) - cpu0) / (time.monotonic() - t0)
                result["baseline_window"] = (t0, time.monotonic())
                received, stop = Received(), asyncio.Event()
                url = f"wss://127.0.0.1:{ready['port']}/api/v1/live"
                clients = [
                    asyncio.create_task(live_client(url, context, token, received, stop))
                    for _ in range(CLIENTS)
                ]
                deadline = time.monotonic() + 60
                while received.snapshots < CLIENTS and time.monotonic() < deadline:
                    await asyncio.sleep(0.1)
                await asyncio.sleep(2.0)
                cpu0, t0 = cpu_seconds(process.pid), time.monotonic()
                await asyncio.sleep(window_s)
                t1 = time.monotonic()
                result["clients_cpu"] = (cpu_seconds(process.pid) - cpu0) / (t1 - t0)
                result["clients_window"] = (t0, t1)
                await asyncio.sleep(1.0)  # what was published in the window has arrived
                stop.set()
                await asyncio.gather(*clients, return_exceptions=True)
                result["snapshots"], result["closed"] = received.snapshots, received.closed
                process.stdin.write(b"stop\n")
                await process.stdin.drain()
                report = json.loads(await asyncio.wait_for(process.stdout.readline(), 60))
                delays = [
                    (received.by_seq[int(seq)][1] - at) * 1000
                    for seq, at in report["published"].items()
                    if t0 <= at <= t1 and int(seq) in received.by_seq
                ]
                full = [
                    seq for seq, at in report["published"].items()
                    if t0 <= at <= t1 and received.by_seq.get(int(seq), [0])[0] >= CLIENTS
                ]  # fmt: skip
                in_window = [s for s, at in report["published"].items() if t0 <= at <= t1]
                result["changes"] = len(in_window)
                result["changes_to_all"] = len(full)
                result["delays"] = delays
                result["charging"] = report["charging"]
                result["stall_clients_ms"] = (
                    max((late for at, late in report["lateness"] if t0 <= at <= t1), default=0.0) * 1000
                )
                b0, b1 = result["baseline_window"]
                result["stall_baseline_ms"] = (
                    max((late for at, late in report["lateness"] if b0 <= at <= b1), default=0.0) * 1000
                )
                await asyncio.wait_for(process.wait(), 60)
            finally:
                if process.returncode is None:
                    process.kill()
                    await process.wait()
                ctl.close()
        csms.close()
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return result


def run(quick: bool = False) -> list[tuple[str, str, str, bool]]:
    """The web face's figures as (figure, measured, target, met)."""
    f = asyncio.run(measure(15.0 if quick else 60.0))
    rest, sessions, delays = f["rest_connectors"], f["rest_sessions"], f["delays"]
    extra = (f["clients_cpu"] - f["baseline_cpu"]) * 100
    p99 = percentile(delays, 0.99)
    streaming = f"{f['charging']} of {CHARGERS} chargers charging"
    return [
        (
            f"REST GET /api/v1/connectors at {REST_RATE}/s ({len(rest)} requests, {streaming})",
            f"median {statistics.median(rest):.1f} ms, p99 {percentile(rest, 0.99):.1f} ms",
            "p99 <= 20 ms",
            percentile(rest, 0.99) <= 20.0,
        ),
        (
            f"REST sessions page over a year ({f['year_sessions']} sessions, {len(sessions)} requests)",
            f"median {statistics.median(sessions):.1f} ms, max {max(sessions):.1f} ms",
            "<= 100 ms",
            max(sessions) <= 100.0,
        ),
        (
            f"live feed: change -> all {CLIENTS} clients ({f['changes']} changes, "
            f"{f['changes_to_all']} reached all, {f['closed']} clients dropped)",
            f"median {statistics.median(delays):.0f} ms, p99 {p99:.0f} ms, max {max(delays):.0f} ms"
            if delays
            else "none",
            "p99 <= 250 ms",
            bool(delays) and p99 <= 250.0 and f["closed"] == 0,
        ),
        (
            f"live feed: the station's extra CPU with {CLIENTS} clients",
            f"{extra:.1f} % of a core (station {f['baseline_cpu'] * 100:.0f} % without clients, "
            f"{f['clients_cpu'] * 100:.0f} % with)",
            "<= 15 % of a core",
            extra <= 15.0,
        ),
        (
            f"kiosk event-loop stall while {CLIENTS} live clients run",
            f"{f['stall_clients_ms']:.0f} ms (without clients {f['stall_baseline_ms']:.0f} ms)",
            "< 50 ms",
            f["stall_clients_ms"] < 50.0,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="15 s windows instead of 60 s")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    for name, value, target, met in run(args.quick):
        print(f"{name}: {value} (target {target}) [{'ok' if met else 'MISSED'}]")


if __name__ == "__main__":
    main()
