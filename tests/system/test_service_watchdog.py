"""The watchdog contract with systemd, on a notification socket the test owns: READY=1 after the ledger
and the first polls, WATCHDOG=1 at a third of WatchdogSec, and no ping once the event loop freezes, a
charger's poll task dies or the ledger is locked (docs/deployment.md, "The watchdog contract")."""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sessions_support import TARIFF

from app.config import ConfiguredCharger, DatabaseSettings, LinkSettings, StationConfig
from app.db.schema_guard import head_revision
from app.liveness import LivenessMonitor, LivenessTiming
from app.runtime.runtime import StationRuntime
from hal.service_manager import ServiceManagerNotifier

REPO = Path(__file__).resolve().parents[2]
WATCHDOG_S = 3.0


class NotifySocket:
    """What systemd's end of NOTIFY_SOCKET receives: (monotonic time, {key: value}) per datagram."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.settimeout(0.1)
        self.messages: list[tuple[float, dict[str, str]]] = []
        self.malformed: list[list[str]] = []
        self._lock = threading.Lock()
        self._stop = False
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while not self._stop:
            try:
                data = self.sock.recv(4096)
            except TimeoutError:
                continue
            # sd_notify(3): newline-separated assignments; a line without "=" is a sender's bug.
            lines = data.decode().splitlines()
            if not all("=" in line for line in lines):
                self.malformed.append(lines)
                continue
            fields = dict(line.split("=", 1) for line in lines)
            with self._lock:
                self.messages.append((time.monotonic(), fields))

    def times(self, key: str, since: float = 0.0) -> list[float]:
        with self._lock:
            return [t for t, fields in self.messages if key in fields and t >= since]

    def fields(self, key: str) -> dict[str, str]:
        """The first message that carried `key`, whole."""
        with self._lock:
            return next(fields for _, fields in self.messages if key in fields)

    def statuses(self, since: float = 0.0) -> list[str]:
        with self._lock:
            return [fields["STATUS"] for t, fields in self.messages if "STATUS" in fields and t >= since]

    def wait_for(self, key: str, timeout_s: float, since: float = 0.0) -> float:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            found = self.times(key, since)
            if found:
                return found[0]
            time.sleep(0.01)
        raise AssertionError(f"no {key} within {timeout_s} s; received {self.messages}")

    def close(self) -> None:
        self._stop = True
        self._thread.join()
        self.sock.close()


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[NotifySocket]:
    receiver = NotifySocket(tmp_path / "notify.sock")
    yield receiver
    receiver.close()
    assert not receiver.malformed, receiver.malformed


def longest_gap(times: list[float], start: float, end: float) -> float:
    """The longest stretch between start and end without a ping."""
    points = [start, *(t for t in times if start < t < end), end]
    return max(b - a for a, b in itertools.pairwise(points))


@pytest.mark.sim(chargers=2)
def test_ready_after_ledger_and_polls_then_pings_stop_while_the_ledger_is_locked(
    realtime_sim, tmp_path: Path, notify_socket: NotifySocket
) -> None:
    sim = realtime_sim
    ledger = tmp_path / "ledger.sqlite3"
    chargers = "".join(
        f'[[chargers]]\nid = "CP-{i}"\nlink = "tcp://{sim.host}:{port}"\n'
        for i, port in enumerate(sim.ports.charger_ports)
    )
    site = tmp_path / "site.toml"
    site.write_text(
        f'[database]\nurl = "sqlite:///{ledger}"\n{chargers}[tariff]\nenergy_price_per_kWh = "1.00"\n'
        "[web]\nenabled = false\n"
    )
    env = {
        **os.environ,
        "NOTIFY_SOCKET": str(notify_socket.path),
        "WATCHDOG_USEC": str(int(WATCHDOG_S * 1_000_000)),
        "PYTHONUNBUFFERED": "1",
    }
    started = time.monotonic()
    # The unit's way of running a site's station without a screen (systemd/kiosk-session.sh).
    station = subprocess.Popen(
        [sys.executable, "-m", "launcher", "--headless", "--config", str(site)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ready = notify_socket.wait_for("READY", 30.0)
        print(f"\nprocess start -> READY=1: {ready - started:.2f} s")
        # READY=1 came after the migration (the ledger is at this release's head) and once both chargers
        # had been polled (STATUS counts them online).
        with sqlite3.connect(ledger) as db:
            assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
        assert notify_socket.statuses()[0] == "2 of 2 chargers online"
        # The station names itself the main process (under cage, systemd's would be the compositor).
        assert notify_socket.fields("READY")["MAINPID"] == str(station.pid)

        time.sleep(3.5)
        pings = notify_socket.times("WATCHDOG", since=ready)
        intervals = [b - a for a, b in itertools.pairwise(pings)]
        assert len(pings) >= 3, pings
        assert all(0.7 * WATCHDOG_S / 3 < i < 1.5 * WATCHDOG_S / 3 for i in intervals), intervals

        # Another process takes the ledger's exclusive lock: the station's writes (and its probe) wait.
        locker = sqlite3.connect(ledger, timeout=0.1, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")
        locked_at = time.monotonic()
        time.sleep(WATCHDOG_S * 2)
        last_ping = max(notify_socket.times("WATCHDOG"))
        # The last ping left no later than the ledger-stall limit (half of WatchdogSec) plus one interval
        # after the lock; since then, more than WatchdogSec without one: systemd would restart it.
        assert last_ping - locked_at < WATCHDOG_S, (last_ping - locked_at, notify_socket.messages)
        assert time.monotonic() - last_ping > WATCHDOG_S
        assert any(s.startswith("watchdog held: ledger:") for s in notify_socket.statuses(since=locked_at))
        locker.execute("ROLLBACK")
        locker.close()

        # The lock gone, the station pings again (without systemd here, it was never restarted).
        released = time.monotonic()
        notify_socket.wait_for("WATCHDOG", 2 * WATCHDOG_S, since=released)
        assert notify_socket.statuses(since=released)[-1] == "2 of 2 chargers online"

        station.send_signal(signal.SIGTERM)
        assert station.wait(timeout=30) == 0
        notify_socket.wait_for("STOPPING", 1.0)
    finally:
        if station.poll() is None:
            station.kill()
            station.wait()
        assert station.stderr is not None
        stderr = station.stderr.read()
    assert "service watchdog: not pinging: ledger:" in stderr, stderr


def station_config(sim, ledger: Path) -> StationConfig:
    chargers = tuple(
        ConfiguredCharger(id=f"CP-{i}", link=f"tcp://{sim.host}:{port}")
        for i, port in enumerate(sim.ports.charger_ports)
    )
    return StationConfig(
        link=LinkSettings(poll_hz=5),
        chargers=chargers,
        database=DatabaseSettings(url=f"sqlite:///{ledger}"),
        tariff=TARIFF,
    )


async def run_monitored(sim, ledger: Path, notify_path: Path, trouble) -> LivenessMonitor:  # type: ignore[no-untyped-def]
    """The station in this process with its monitor on the test's socket; `trouble(runtime)` runs once
    the monitor pings, then the station runs on for 2 x WatchdogSec."""
    runtime = StationRuntime(station_config(sim, ledger))
    notifier = ServiceManagerNotifier({"NOTIFY_SOCKET": str(notify_path)})
    monitor = LivenessMonitor(runtime, notifier, LivenessTiming(watchdog_s=WATCHDOG_S))
    async with runtime:
        await monitor.start()
        while monitor.pings < 2:
            await asyncio.sleep(0.05)
        trouble(runtime)
        await asyncio.sleep(2 * WATCHDOG_S)
        await monitor.stop()
    return monitor


@pytest.mark.sim(chargers=2)
def test_a_frozen_event_loop_sends_no_ping(realtime_sim, tmp_path: Path, notify_socket: NotifySocket) -> None:
    froze: list[float] = []

    def freeze(runtime: StationRuntime) -> None:
        def block() -> None:
            froze.append(time.monotonic())
            time.sleep(WATCHDOG_S + 1.0)  # the loop's thread stuck, as in a blocking call gone wrong

        asyncio.get_running_loop().call_soon(block)

    asyncio.run(run_monitored(realtime_sim, tmp_path / "ledger.sqlite3", notify_socket.path, freeze))
    pings = notify_socket.times("WATCHDOG")
    assert longest_gap(pings, froze[0], froze[0] + WATCHDOG_S + 1.0) > WATCHDOG_S, pings
    assert max(pings) > froze[0] + WATCHDOG_S  # and it pings again once the loop turns


@pytest.mark.sim(chargers=2)
def test_a_dead_poll_task_stops_the_pings(realtime_sim, tmp_path: Path, notify_socket: NotifySocket) -> None:
    killed: list[float] = []

    def kill_poll_task(runtime: StationRuntime) -> None:
        task = runtime.station.manager.link_task("CP-1")
        assert task._task is not None
        task._task.cancel()  # as if it had ended by a bug
        killed.append(time.monotonic())

    asyncio.run(run_monitored(realtime_sim, tmp_path / "ledger.sqlite3", notify_socket.path, kill_poll_task))
    pings = notify_socket.times("WATCHDOG")
    # At most the ping already on its way; none after one interval.
    assert not [t for t in pings if t > killed[0] + WATCHDOG_S / 3 + 0.2], (killed, pings)
    assert "watchdog held: charger CP-1: its poll task has ended" in notify_socket.statuses(since=killed[0])
    assert notify_socket.times("STOPPING")
