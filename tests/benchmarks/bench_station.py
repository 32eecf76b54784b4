"""Benchmark: the whole station (OCPP, ledger, driver facade) with 16 and 64 simulated chargers at 5 Hz.

Run from the repository root: .venv/bin/python tests/benchmarks/bench_station.py [--quick] [--sizes 16,64]
[--profile DIR]

The station is tests/benchmarks/station_process.py in its own process: StationRuntime and the
DriverFacade wired as the launcher wires them, on a realtime simulator (evse-sim) with N chargers polled
at 5 Hz, against the Python test central system on 127.0.0.1. Cars arrive at random: a car plugs in,
after a random pause its driver authorises (a card at the kiosk, or RemoteStartTransaction from the
central system), it charges a while and leaves (a card tap, RemoteStopTransaction, or just unplugging).

Figures per N, over a steady window (60 s; 20 s with --quick) after a warm-up:
- CPU: utime + stime of the station process from /proc/<pid>/stat over the window, as a fraction of one
  core (CPU seconds, so other processes on the machine do not inflate it);
- links: whether any charger link went degraded or offline (the event log's link_* rows);
- OCPP delivery: for every transaction message queued in the window (the ledger's outbox, created_at),
  until the central system received it (its frame log), max and p99; a message still undelivered
  at the end counts with its age so far;
- authorisation -> first current: from the card tap or the RemoteStartTransaction until the simulator
  reports current flowing on that charger (its control channel, polled every 20 ms), p50 and p90.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "support"))

from ocpp_peers.peer import STEVE_PATH  # noqa: E402
from ocpp_peers.py_csms import PyCsms  # noqa: E402
from sqlalchemy import create_engine, select  # noqa: E402

from app.db.models import ChargingSession, Connector, EventLogEntry, OutboxMessage  # noqa: E402
from app.sessions import tx_messages  # noqa: E402
from hal.sim.control import SimControl, SimulatorProcess  # noqa: E402

IDENTITY = "LOAD-CP"
SIZES = (16, 64)
POLL_HZ = 5.0
CPU_TARGETS = {16: 0.10, 64: 0.25}  # fraction of one core
DELIVERY_TARGET_S = 1.0
START_P90_TARGET_S = 2.0
IDLE_S = (2.0, 20.0)  # a charger stays free this long between cars
PAUSE_S = (0.5, 4.0)  # plugged in, then the driver authorises
CHARGE_S = (15.0, 45.0)
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
TRANSACTION_ACTIONS = ("StartTransaction", "MeterValues", "StopTransaction")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else float("nan")


def site_file(directory: Path, sim: SimulatorProcess, csms: PyCsms, chargers: int) -> Path:
    lines = [
        'station_name = "load"',
        "[database]",
        f'url = "sqlite:///{directory / "ledger.sqlite3"}"',
        "[link]",
        f"poll_hz = {POLL_HZ}",
        "[site]",
        # Room for every car: the figure is the station's work, not the wait for a share of the site.
        "limit_mA = [{0}, {0}, {0}]".format(min(2_000_000, chargers * 32000)),
        "[kiosk]",
        'card_reader = "virtual"',
        "[tariff]",
        'energy_price_per_kWh = "0.60"',
        "[ocpp]",
        f'url = "{csms.url("", STEVE_PATH).rstrip("/")}"',
        f'identity = "{IDENTITY}"',
        f'secrets_dir = "{directory / "secrets"}"',
    ]
    for i, port in enumerate(sim.ports.charger_ports):
        lines += ["[[chargers]]", f'id = "CP{i:02d}"', f'link = "tcp://{sim.host}:{port}"']
    path = directory / "site.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


class StationChild:
    """tests/benchmarks/station_process.py as a child process: commands in, lines out."""

    def __init__(self, config: Path, stderr: Path, profile: Path | None) -> None:
        self.config, self.stderr_path, self.profile = config, stderr, profile
        self.lines: list[str] = []
        self.changed = asyncio.Event()
        self.proc: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        args = [str(Path(__file__).with_name("station_process.py")), "--config", str(self.config)]
        if self.profile is not None:
            args += ["--profile", str(self.profile)]
        with open(self.stderr_path, "ab") as stderr:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, *args, cwd=REPO, stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE, stderr=stderr,
            )  # fmt: skip
        self._reader = asyncio.create_task(self._read())

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    async def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        async for raw in self.proc.stdout:
            self.lines.append(raw.decode().strip())
            self.changed.set()
        self.changed.set()

    async def wait_line(self, predicate: Any, timeout: float, since: int = 0) -> str:
        deadline = time.monotonic() + timeout
        index = since
        while True:
            while index < len(self.lines):
                index += 1
                if predicate(self.lines[index - 1]):
                    return self.lines[index - 1]
            left = deadline - time.monotonic()
            if left <= 0 or (self.proc is not None and self.proc.returncode is not None):
                tail = self.stderr_path.read_text(errors="replace")[-2000:]
                if self.proc is not None and self.proc.returncode is not None:
                    raise RuntimeError(f"station ended: stderr:\n{tail}")
                raise TimeoutError(f"station: no expected line within {timeout} s")
            self.changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), min(left, 0.5))

    async def send(self, command: str) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(command.encode() + b"\n")
        await self.proc.stdin.drain()

    async def quit(self) -> None:
        assert self.proc is not None
        with contextlib.suppress(ConnectionError):
            await self.send("quit")
        try:
            await asyncio.wait_for(self.proc.wait(), 30)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()
        if self._reader is not None:
            await self._reader


@dataclass
class Run:
    """What one run of N chargers measured."""

    chargers: int
    window_s: float = 0.0
    cpu_s: float = 0.0
    link_events: list[str] = field(default_factory=list)
    starts: list[float] = field(default_factory=list)  # authorisation -> first current, s
    failed_starts: int = 0
    delivery: list[float] = field(default_factory=list)  # queued -> received, s
    undelivered: int = 0
    messages: int = 0


class Cars:
    """The random pattern of cars and drivers, one task per charger."""

    def __init__(
        self, station: StationChild, csms: PyCsms, ctl: SimControl, numbers: dict[str, int], seed: int
    ) -> None:
        self.station, self.csms, self.ctl = station, csms, ctl
        self.names = sorted(numbers, key=lambda name: numbers[name])
        self.numbers = numbers
        self.rng = random.Random(seed)
        self.latencies: list[tuple[float, float]] = []  # (authorised at, latency)
        self.failed = 0
        self.stopping = False
        self.cards = 0

    async def run(self) -> None:
        await asyncio.gather(*(self._charger(index) for index in range(len(self.names))))

    async def _charger(self, index: int) -> None:
        rng = random.Random(self.rng.random())
        name = self.names[index]
        await asyncio.sleep(rng.uniform(0.0, IDLE_S[1]))
        while not self.stopping:
            await self.ctl.call("plug", charger=index, soc_pct=rng.randint(10, 60), battery_wh=60000)
            await asyncio.sleep(rng.uniform(*PAUSE_S))
            self.cards += 1
            tag = f"LOAD{self.cards:05d}"
            by_card = rng.random() < 0.5
            begin = time.monotonic()
            started = await self._authorise(name, tag, by_card)
            current = started and await self._first_current(index, 15.0)
            if current:
                self.latencies.append((begin, time.monotonic() - begin))
            else:
                self.failed += 1
            await asyncio.sleep(rng.uniform(*CHARGE_S))
            ending = rng.random()
            if started and ending < 0.4 and by_card:
                await self.station.send(f"tap {tag}")
            elif started and ending < 0.7:
                await self._remote_stop(tag)
            await asyncio.sleep(rng.uniform(0.5, 3.0))
            await self.ctl.call("unplug", charger=index)
            await asyncio.sleep(rng.uniform(*IDLE_S))

    async def _authorise(self, name: str, tag: str, by_card: bool) -> bool:
        if by_card:
            mark = len(self.station.lines)
            await self.station.send(f"card {name} {tag}")
            try:
                line = await self.station.wait_line(
                    lambda ln: ln.split()[:2] in (["started", name], ["refused", name]), 30.0, mark
                )
            except TimeoutError:
                return False
            return line.startswith("started")
        payload = {"connectorId": self.numbers[name], "idTag": tag}
        try:
            answer = await self.csms.call_async("RemoteStartTransaction", payload, timeout=30.0)
        except Exception:
            return False
        return answer.get("status") == "Accepted"

    async def _first_current(self, index: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = await self.ctl.call("status", charger=index)
            if max(status["current_mA"]) > 0:
                return True
            await asyncio.sleep(0.02)
        return False

    async def _remote_stop(self, tag: str) -> None:
        def transaction_id() -> int | None:
            for frame in self.csms.log.select(direction="from_cp", action="StartTransaction"):
                if frame.is_call and frame.payload.get("idTag") == tag:
                    answer = self.csms.log.response_to(frame)
                    if answer is not None and answer.is_response:
                        return answer.payload.get("transactionId")
            return None

        found = await asyncio.to_thread(transaction_id)
        if found is not None:
            with contextlib.suppress(Exception):
                await self.csms.call_async("RemoteStopTransaction", {"transactionId": found}, timeout=30.0)


def _delivery(db_url: str, csms: PyCsms, since: datetime, until: datetime, run: Run) -> None:
    """Queued (outbox created_at) to received (the CSMS's frame log), for messages queued in the window."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as db:
            rows = db.execute(
                select(OutboxMessage.kind, OutboxMessage.payload, OutboxMessage.created_at).order_by(
                    OutboxMessage.seq
                )
            ).all()
            ids = dict(db.execute(select(ChargingSession.id, ChargingSession.csms_transaction_id)).all())
    finally:
        engine.dispose()
    wall_minus_monotonic = time.time() - time.monotonic()
    now = time.time()
    frames = [
        f for f in csms.log.select(direction="from_cp", calls_only=True) if f.action in TRANSACTION_ACTIONS
    ]
    position = 0
    for kind, payload, created_at in rows:
        if kind not in tx_messages.KINDS:
            continue  # e.g. the transaction data a StopTransaction carries, not a message of its own
        session_id = tx_messages.session_id_of(payload)
        try:
            request = tx_messages.to_request(kind, payload, ids.get(session_id) if session_id else None)
        except tx_messages.NoTransactionIdError:
            position = len(frames)  # its StartTransaction was not confirmed: this one was not sent
            request = tx_messages.OcppRequest(kind, payload)
        if request is None:
            continue
        queued = created_at.replace(tzinfo=UTC) if created_at.tzinfo is None else created_at
        received = None
        while position < len(frames):
            frame = frames[position]
            position += 1
            if (frame.action, frame.payload) == (request.action, request.payload):
                received = frame.at + wall_minus_monotonic
                break
        if not since <= queued <= until:
            continue
        run.messages += 1
        if received is None:
            run.undelivered += 1
            run.delivery.append(now - queued.timestamp())
        else:
            run.delivery.append(max(0.0, received - queued.timestamp()))
        if received is None:
            position = len(frames)  # the queue sends in order: nothing after it was delivered either


async def measure(chargers: int, window_s: float, directory: Path, profile: Path | None) -> Run:
    run = Run(chargers)
    # Every car's polls and calls run in worker threads: enough of them that none waits for another.
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=2 * chargers + 8))
    with SimulatorProcess(chargers) as sim:
        ctl = SimControl(sim.host, sim.ports.control_port).connect()
        csms = PyCsms().start()
        station = StationChild(site_file(directory, sim, csms, chargers), directory / "stderr.log", profile)
        try:
            await station.start()
            await station.wait_line(lambda ln: ln == "online", 60.0)
            db_url = f"sqlite:///{directory / 'ledger.sqlite3'}"
            engine = create_engine(db_url)
            with engine.connect() as db:
                numbers = dict(db.execute(select(Connector.name, Connector.ocpp_connector_id)).all())
            engine.dispose()
            cars = Cars(station, csms, ctl, numbers, seed=chargers)
            driving = asyncio.create_task(cars.run())
            await asyncio.sleep(min(20.0, window_s / 2))  # warm-up: links online, first cars in
            since = datetime.now(UTC)
            cpu0, wall0 = cpu_seconds(station.pid), time.monotonic()
            first_latency = len(cars.latencies)
            await asyncio.sleep(window_s)
            run.cpu_s, run.window_s = cpu_seconds(station.pid) - cpu0, time.monotonic() - wall0
            until = datetime.now(UTC)
            cars.stopping = True
            await asyncio.sleep(5.0)  # what was queued in the window has had 5 s to arrive
            run.starts = [lat for _, lat in cars.latencies[first_latency:]]
            run.failed_starts = cars.failed
            _delivery(db_url, csms, since, until, run)
            driving.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await driving
        finally:
            await station.quit()
            csms.close()
            ctl.close()
        engine = create_engine(db_url)
        with engine.connect() as db:
            run.link_events = [
                f"{charger} {code}"
                for charger, code in db.execute(
                    select(EventLogEntry.charger_id, EventLogEntry.code).where(
                        EventLogEntry.code.in_(("link_degraded", "link_offline", "link_faulty"))
                    )
                )
            ]
        engine.dispose()
    return run


def figures(run: Run) -> list[tuple[str, str, str, bool]]:
    n = run.chargers
    share = run.cpu_s / run.window_s if run.window_s else float("nan")
    target = CPU_TARGETS.get(n, 0.25)
    worst = max(run.delivery, default=float("nan"))
    p99 = percentile(run.delivery, 0.99)
    p50s, p90s = percentile(run.starts, 0.5), percentile(run.starts, 0.9)
    links = ", ".join(sorted(set(run.link_events))[:4]) or "none"
    return [
        (
            f"whole station CPU, {n} chargers at {POLL_HZ:g} Hz, OCPP + ledger + driver facade "
            f"({run.window_s:.0f} s window)",
            f"{share:.3f} of a core ({run.cpu_s:.1f} CPU s)",
            f"<= {target:.2f} of a core",
            share <= target,
        ),
        (
            f"charger links degraded or offline, {n} chargers",
            f"{len(run.link_events)} ({links})",
            "0",
            not run.link_events,
        ),
        (
            f"OCPP transaction message queued -> received by the CSMS, {n} chargers "
            f"({run.messages} messages, {run.undelivered} undelivered)",
            f"max {worst * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms",
            f"<= {DELIVERY_TARGET_S:g} s max",
            bool(run.delivery) and run.undelivered == 0 and worst <= DELIVERY_TARGET_S,
        ),
        (
            f"authorisation -> first current, {n} chargers ({len(run.starts)} starts, "
            f"{run.failed_starts} without current)",
            f"p50 {p50s * 1000:.0f} ms, p90 {p90s * 1000:.0f} ms",
            f"p90 <= {START_P90_TARGET_S:g} s",
            bool(run.starts) and run.failed_starts == 0 and p90s <= START_P90_TARGET_S,
        ),
    ]


def run(
    quick: bool = False, sizes: tuple[int, ...] = SIZES, profile_dir: Path | None = None
) -> list[tuple[str, str, str, bool]]:
    """The figures as (figure, measured, target, met)."""
    rows: list[tuple[str, str, str, bool]] = []
    (REPO / "build").mkdir(exist_ok=True)
    for n in sizes:
        directory = Path(tempfile.mkdtemp(prefix=f"bench-station-{n}-", dir=REPO / "build"))
        try:
            profile = profile_dir / f"station-{n}.pstats" if profile_dir is not None else None
            rows += figures(asyncio.run(measure(n, 20.0 if quick else 60.0, directory, profile)))
        finally:
            shutil.rmtree(directory, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 20 s window instead of 60 s")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="charger counts, e.g. 16,64")
    parser.add_argument("--profile", type=Path, help="write the station's cProfile statistics to this folder")
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(","))
    if args.profile is not None:
        args.profile.mkdir(parents=True, exist_ok=True)
    for name, measured, target, met in run(args.quick, sizes, args.profile):
        print(f"{name}: {measured} (target {target}) [{'ok' if met else 'MISSED'}]", flush=True)


if __name__ == "__main__":
    main()
