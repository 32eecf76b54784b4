"""Benchmark: RemoteStartTransaction to contactor closed; the OCPP side's CPU and memory at idle over a day.

Run from the repository root: .venv/bin/python tests/benchmarks/bench_ocpp.py [--quick]
The station is the real service (`python -m launcher --config site.toml`) in its own process, on one
simulated charger (evse-sim, real time), against the Python test central system on 127.0.0.1.

- Remote start: the car is plugged in and its connector has been Preparing for 1 to 3 s (random: a
  driver plugs in, then starts from the operator's app); the clock starts when the CSMS
  sends RemoteStartTransaction and stops when the simulator reports its contactor commanded closed
  (polled on its control channel every 2 ms). The car is unplugged and plugged again between starts.
  The permission reaches the charger with the load balancer's next control cycle (balancer.cycle_ms,
  1000 ms by default), so the figure is spread over one cycle; a second, shorter set of starts runs
  with cycle_ms = 250 to show it.
- Idle: three runs of the same station, each measured after a warm-up from /proc/PID/stat (user +
  system CPU) and /proc/PID/status (VmRSS): (A) without OCPP, (B) with OCPP at the default intervals
  (HeartbeatInterval 300 s, ClockAlignedDataInterval 900 s, WebSocketPingInterval 60 s), (C) with OCPP
  and time compressed 300 times (heartbeat every 1 s, clock-aligned values every 3 s) for 288 s, which
  holds the heartbeats and clock-aligned MeterValues of a whole day (pings every 1 s: 1/5 of a day's).
  OCPP CPU per day = (B - A) per second x 86,400 (what runs all the time) + (C - B over the same
  length) (the day's periodic messages). Memory: VmRSS of B minus A, and the growth during C.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "support"))

from ocpp_peers.peer import STEVE_PATH  # noqa: E402
from ocpp_peers.py_csms import PyCsms  # noqa: E402

from hal.sim.control import SimControl, SimulatorProcess  # noqa: E402

IDENTITY = "BENCH-CP"
TARGET_START_S = 1.0
DAY_S = 86_400
PLUGGED_BEFORE_S = (1.0, 3.0)  # the driver plugs in, then starts from the operator's app
FAST_CYCLE_MS = 250  # a second set of starts with balancer.cycle_ms at this
COMPRESSION = 300  # HeartbeatInterval 300 s -> 1 s
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def rss_MB(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def site_file(
    directory: Path, sim: SimulatorProcess, csms: PyCsms | None, name: str, extra: str = ""
) -> Path:
    ocpp = ""
    if csms is not None:
        base = csms.url("", STEVE_PATH).rstrip("/")
        ocpp = f'[ocpp]\nurl = "{base}"\nidentity = "{IDENTITY}"\nsecrets_dir = "{directory / "secrets"}"\n'
    path = directory / f"{name}.toml"
    path.write_text(
        f'station_name = "bench"\n[database]\nurl = "sqlite:///{directory / name}.sqlite3"\n'
        f'[[chargers]]\nid = "CP00"\nlink = "tcp://{sim.host}:{sim.ports.charger_ports[0]}"\n'
        f'[tariff]\nenergy_price_per_kWh = "0.60"\n{extra}{ocpp}'
    )
    return path


class Station:
    """The station service as a child process (stdout discarded: it prints a status table each second)."""

    def __init__(self, config: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "launcher", "--config", str(config)],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def measure(self, seconds: float) -> tuple[float, float, float]:
        """(CPU seconds used, VmRSS MB before, VmRSS MB after) over `seconds` of wall time."""
        pid = self.proc.pid
        rss0, cpu0 = rss_MB(pid), cpu_seconds(pid)
        time.sleep(seconds)
        if self.proc.poll() is not None:
            raise RuntimeError(f"the station ended: {self.proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        return cpu_seconds(pid) - cpu0, rss0, rss_MB(pid)


def _wait_status(csms: PyCsms, status: str, since: int) -> None:
    csms.wait_for("StatusNotification", lambda p: p["connectorId"] == 1 and p["status"] == status, 30, since)


def _contactor(ctl: SimControl, closed: bool, timeout_s: float) -> float:
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        if ctl.call_sync("status", charger=0)["contactor"] is closed:
            return time.perf_counter()
        time.sleep(0.002)
    raise RuntimeError(f"contactor not {'closed' if closed else 'open'} within {timeout_s} s")


def remote_starts(csms: PyCsms, ctl: SimControl, starts: int) -> list[float]:
    rng = random.Random(5)  # the driver's pause after plugging in: spread over the balancer's cycle
    latencies = []
    for i in range(starts):
        since = len(csms.frames)
        ctl.call_sync("plug", charger=0)
        _wait_status(csms, "Preparing", since)
        time.sleep(rng.uniform(*PLUGGED_BEFORE_S))
        since = len(csms.frames)
        begin = time.perf_counter()
        answer = csms.call("RemoteStartTransaction", {"connectorId": 1, "idTag": f"BENCH{i:03d}"})
        if answer != {"status": "Accepted"}:
            raise RuntimeError(f"RemoteStartTransaction answered {answer}")
        latencies.append(_contactor(ctl, True, 10.0) - begin)
        start = csms.wait_for("StartTransaction", timeout=10, since=since)
        transaction_id = csms.response_to(start).payload["transactionId"]
        csms.call("RemoteStopTransaction", {"transactionId": transaction_id})
        csms.wait_for("StopTransaction", timeout=15, since=since)
        since = len(csms.frames)
        ctl.call_sync("unplug", charger=0)
        _wait_status(csms, "Available", since)
    return latencies


def run(quick: bool = False) -> list[tuple[str, str, str, bool]]:
    """The figures as (figure, measured, target, met)."""
    window_s = 15.0 if quick else 60.0
    day_fraction = 0.1 if quick else 1.0
    compressed_s = DAY_S / COMPRESSION * day_fraction
    starts = 5 if quick else 20
    (REPO / "build").mkdir(exist_ok=True)
    directory = Path(tempfile.mkdtemp(prefix="bench-ocpp-", dir=REPO / "build"))
    try:
        with SimulatorProcess(1) as sim:
            ctl = SimControl(sim.host, sim.ports.control_port).connect()
            try:
                # (A) no OCPP
                station = Station(site_file(directory, sim, None, "a"))
                time.sleep(5.0)
                cpu_a, _, rss_a = station.measure(window_s)
                station.stop()
                # (B) OCPP at the default intervals, then the remote starts
                csms = PyCsms().start()
                try:
                    station = Station(site_file(directory, sim, csms, "b"))
                    csms.wait_for("BootNotification", timeout=30)
                    time.sleep(5.0)
                    cpu_b, _, rss_b = station.measure(window_s)
                    latencies = remote_starts(csms, ctl, starts)
                    station.stop()
                finally:
                    csms.close()
                # the same starts with a faster balancer cycle
                csms = PyCsms().start()
                try:
                    faster = f"[balancer]\ncycle_ms = {FAST_CYCLE_MS}\n"
                    station = Station(site_file(directory, sim, csms, "d", faster))
                    csms.wait_for("BootNotification", timeout=30)
                    fast_latencies = remote_starts(csms, ctl, max(3, starts // 2))
                    station.stop()
                finally:
                    csms.close()
                # (C) OCPP with the periodic messages of a day compressed
                csms = PyCsms().start()
                try:
                    csms.set_boot("Accepted", 300 // COMPRESSION)
                    station = Station(site_file(directory, sim, csms, "c"))
                    csms.wait_for("BootNotification", timeout=30)
                    for key, value in (
                        ("ClockAlignedDataInterval", 900 // COMPRESSION),
                        ("WebSocketPingInterval", 1),
                    ):
                        csms.call("ChangeConfiguration", {"key": key, "value": str(value)})
                    time.sleep(5.0)
                    since = len(csms.frames)
                    cpu_c, rss_c0, rss_c1 = station.measure(compressed_s)
                    heartbeats = len([f for f in csms.call_frames("Heartbeat") if f.seq >= since])
                    clock_values = len([f for f in csms.call_frames("MeterValues") if f.seq >= since])
                    station.stop()
                finally:
                    csms.close()
            finally:
                ctl.close()
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    always_per_s = (cpu_b - cpu_a) / window_s
    periodic_s = cpu_c - cpu_b / window_s * compressed_s
    day_cpu_s = always_per_s * DAY_S + periodic_s / day_fraction
    median, worst = statistics.median(latencies), max(latencies)
    what = f"{day_fraction:g} of a day" if day_fraction < 1 else "a day"
    return [
        (
            f"RemoteStartTransaction to contactor closed, median of {starts} (simulator, real time)",
            f"{median * 1000:.0f} ms (max {worst * 1000:.0f} ms)",
            f"<= {TARGET_START_S:g} s",
            worst <= TARGET_START_S,
        ),
        (
            f"RemoteStartTransaction to contactor closed with balancer.cycle_ms = {FAST_CYCLE_MS}, "
            f"median of {len(fast_latencies)}",
            f"{statistics.median(fast_latencies) * 1000:.0f} ms (max {max(fast_latencies) * 1000:.0f} ms)",
            "-",
            True,
        ),
        (
            f"OCPP side CPU at idle over a day ({what} of heartbeats and clock-aligned values "
            f"compressed {COMPRESSION}x: {heartbeats} Heartbeat, {clock_values} MeterValues)",
            f"{day_cpu_s:.0f} CPU s per day ({day_cpu_s / DAY_S * 100:.2f} % of a core); "
            f"always-on {always_per_s * 1000:.1f} ms/s, periodic messages {periodic_s / day_fraction:.1f} s",
            "-",
            True,
        ),
        (
            "OCPP side resident memory at idle (VmRSS with OCPP minus without; growth over the day)",
            f"{rss_b - rss_a:+.1f} MB ({rss_b:.1f} MB total); {rss_c1 - rss_c0:+.1f} MB over the day",
            "-",
            True,
        ),
    ]


def main() -> None:
    for name, measured, target, met in run("--quick" in sys.argv):
        suffix = f" (target {target}) [{'ok' if met else 'MISSED'}]" if target != "-" else ""
        print(f"{name}: {measured}{suffix}", flush=True)


if __name__ == "__main__":
    main()
