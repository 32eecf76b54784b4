"""Measures the station's performance figures and, with --write-docs, records them in docs/benchmarks.md.

Run from the repository root: .venv/bin/python tests/benchmarks/run_benchmarks.py [--write-docs] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import inspect
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from hal.board.charger_board import ChargerSettings  # noqa: E402
from hal.board.wire_board import WireChargerBoard  # noqa: E402
from hal.links.tcp import TcpTransport  # noqa: E402
from hal.sim.control import SimControl, SimulatorProcess  # noqa: E402
from hal.wire.codec import decode_frame, decode_message, encode_frame  # noqa: E402
from hal.wire.messages import CRC_SIZE, HEADER_SIZE, StatusReply, StatusRequest  # noqa: E402

BUILD_DIR = Path(os.environ.get("EVSE_BUILD_DIR", REPO / "build" / "firmware"))
DOC = REPO / "docs" / "benchmarks.md"
BEGIN, END = "<!-- benchmark-figures:begin -->", "<!-- benchmark-figures:end -->"
SIM_SIZES = (16, 32, 64, 128)
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Figure:
    name: str
    value: str
    target: str
    met: bool | None  # None: could not be measured

    @property
    def verdict(self) -> str:
        if self.target == "-":
            return "info"  # a figure without a target
        return {True: "ok", False: "MISSED", None: "not measured"}[self.met]

    def line(self) -> str:
        return f"{self.name}: {self.value} (target {self.target}) [{self.verdict}]"


def find_bench_core() -> Path | None:
    for candidate in (BUILD_DIR / "tests" / "bench_core", BUILD_DIR / "bench_core"):
        if candidate.is_file():
            return candidate
    return None


def bench_core_tick() -> Figure:
    """(1) ns per ChargerCore tick, from the firmware's bench_core program (Release build).

    bench_core prints "core_tick_ns_per_tick=<float>"."""
    target = "<= 5000 ns per tick"
    binary = find_bench_core()
    if binary is None:
        subprocess.run(["cmake", "--build", str(BUILD_DIR), "--target", "bench_core"], capture_output=True)
        binary = find_bench_core()
    if binary is None:
        return Figure("core tick cost", "bench_core not built", target, None)
    out = subprocess.run([str(binary)], capture_output=True, text=True, timeout=300).stdout
    match = re.search(r"ns_per_tick\s*=\s*([\d.]+)", out)
    if match is None:
        return Figure("core tick cost", f"unparsed output: {out.strip()[:80]!r}", target, None)
    ns = float(match.group(1))
    return Figure("core tick cost", f"{ns:.0f} ns per tick", target, ns <= 5000)


def bench_codec(frames: int) -> Figure:
    """(2) STATUS_REPLY encode + decode_frame + decode_message, one thread (one core)."""
    msg = StatusReply(
        0,
        5,
        0x1F,
        0,
        (230150, 229870, 231020),
        (15980, 16020, 15890),
        11034,
        1234567,
        412,
        267,
        16000,
        32,
        86400,
        4321,
        65535,
        0xDEADBEEF,
    )
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        for seq in range(frames):
            frame, _ = decode_frame(encode_frame(msg, seq & 0xFFFF))
            decode_message(frame)
        best = max(best, frames / (time.perf_counter() - start))
    return Figure(
        "Python codec, STATUS_REPLY encode+decode", f"{best:,.0f} per s", ">= 100,000 per s", best >= 100_000
    )


def i2c_poll_bits(request_bytes: int, reply_bytes: int) -> int:
    """Bit times of one status poll as hal.I2cTransport does it: a write transaction then a read
    transaction; 9 bits per byte (8 data + ACK), each with its address byte, and one bit time
    each for their START and STOP."""
    return (1 + request_bytes + 1 + reply_bytes) * 9 + 4


def bench_i2c_budget(chargers: int = 16, poll_hz: int = 10) -> list[Figure]:
    """(3) bytes per status poll and the bus share it costs."""
    request = HEADER_SIZE + StatusRequest.SIZE + CRC_SIZE
    reply = HEADER_SIZE + StatusReply.SIZE + CRC_SIZE
    bits = i2c_poll_bits(request, reply)
    figures = [
        Figure(
            "bytes per status poll",
            f"{request} + {reply} = {request + reply} bytes ({bits} bit times on I2C)",
            "-",
            True,
        )
    ]
    for clock_hz in (100_000, 400_000):
        share = bits * chargers * poll_hz / clock_hz * 100
        target = "<= 30 %" if clock_hz == 400_000 else "-"
        met = share <= 30 if clock_hz == 400_000 else True
        figures.append(
            Figure(
                f"I2C share, {chargers} chargers at {poll_hz} Hz, {clock_hz // 1000} kHz",
                f"{share:.1f} %",
                target,
                met,
            )
        )
    return figures


async def _tcp_latencies(port: int, requests: int) -> list[float]:
    board = WireChargerBoard(TcpTransport("127.0.0.1", port), timeout_s=1.0)
    await board.identify()
    latencies = []
    for _ in range(requests):
        start = time.perf_counter()
        await board.status(0)
        latencies.append((time.perf_counter() - start) * 1000.0)
    await board.close()
    return latencies


def bench_tcp_latency(requests: int) -> list[Figure]:
    """(4) STATUS request/response round trips to a realtime simulator over loopback."""
    with SimulatorProcess(1) as sim:
        lat = sorted(asyncio.run(_tcp_latencies(sim.ports.charger_ports[0], requests)))
    p50 = statistics.median(lat)
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
    return [
        Figure(f"TCP status round trip p50 ({requests} requests)", f"{p50:.3f} ms", "-", True),
        Figure(
            f"TCP status round trip p99 ({requests} requests)",
            f"{p99:.3f} ms (max {lat[-1]:.3f} ms)",
            "<= 5 ms",
            p99 <= 5.0,
        ),
    ]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


async def _load_sim(sim: SimulatorProcess, seconds: float, poll_hz: float) -> tuple[float, int]:
    ctl = SimControl(sim.host, sim.ports.control_port).connect()
    boards = [WireChargerBoard(TcpTransport(sim.host, p), timeout_s=1.0) for p in sim.ports.charger_ports]
    for i, board in enumerate(boards):
        await board.configure(ChargerSettings(lease_ms=600_000))
        ctl.call_sync("plug", charger=i)
        await board.permit(0, 16000, 1000 + i)
    await asyncio.sleep(1.0)  # let every car reach C2 and ramp up
    charging = sum(1 for i in range(len(boards)) if ctl.call_sync("status", charger=i)["iec_state"] == "C2")
    stop_at = time.monotonic() + seconds

    async def poll(board: WireChargerBoard, phase: float) -> None:
        await asyncio.sleep(phase)
        next_at = time.monotonic()
        while time.monotonic() < stop_at:
            await board.status(0)
            next_at += 1.0 / poll_hz
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))

    cpu0, wall0 = cpu_seconds(sim.pid), time.monotonic()
    await asyncio.gather(*(poll(b, i / len(boards) / poll_hz) for i, b in enumerate(boards)))
    share = (cpu_seconds(sim.pid) - cpu0) / (time.monotonic() - wall0) * 100
    for board in boards:
        await board.close()
    ctl.close()
    return share, charging


def bench_sim_capacity(seconds: float, poll_hz: float = 5.0) -> list[Figure]:
    """(5) CPU share of one realtime simulator process serving N charging chargers polled at 5 Hz."""
    figures, best = [], 0
    for n in SIM_SIZES:
        with SimulatorProcess(n) as sim:
            share, charging = asyncio.run(_load_sim(sim, seconds, poll_hz))
        figures.append(
            Figure(
                f"simulator CPU, {n} chargers ({charging} in C2), polled at {poll_hz:g} Hz",
                f"{share:.1f} % of a core",
                "-",
                True,
            )
        )
        if share <= 25.0:
            best = n
    figures.append(
        Figure("chargers one simulator serves within 25 % of a core", f"{best}", ">= 64", best >= 64)
    )
    return figures


def machine() -> str:
    model = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in Path("/proc/cpuinfo").read_text().splitlines()
            if ln.startswith("model name")
        ),
        platform.processor(),
    )
    return f"{os.cpu_count()} cores, {model}, Linux {platform.release()}, Python {platform.python_version()}"


def write_docs(figures: list[Figure], command: str) -> None:
    rows = ["| figure | measured | target | verdict |", "|---|---|---|---|"]
    rows += [f"| {f.name} | {f.value} | {f.target} | {f.verdict} |" for f in figures]
    block = "\n".join(
        [BEGIN, f"Measured {time.strftime('%Y-%m-%d')} on {machine()} with `{command}`.", "", *rows, END]
    )
    text = DOC.read_text() if DOC.is_file() else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    DOC.write_text(head + block + rest.split(END, 1)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write-docs", action="store_true", help="update the table in docs/benchmarks.md")
    parser.add_argument(
        "--quick", action="store_true", help="shorter runs (for a smoke test; figures are noisier)"
    )
    args = parser.parse_args()
    figures: list[Figure] = []

    def report(new: Figure | list[Figure]) -> None:
        for f in new if isinstance(new, list) else [new]:
            print(f.line(), flush=True)
            figures.append(f)

    report(bench_core_tick())
    report(bench_codec(50_000 if args.quick else 300_000))
    report(bench_i2c_budget())
    report(bench_tcp_latency(1000 if args.quick else 5000))
    report(bench_sim_capacity(2.0 if args.quick else 10.0))
    # The station's own figures (allocator, charger manager, load balancer, ledger, OCPP, kiosk, admin
    # mode and its overview, the web face, the whole station under load), each from its module; those with a
    # shorter run take --quick.
    for module in (
        "bench_allocator",
        "bench_manager",
        "bench_load_balancing",
        "bench_ledger",
        "bench_ocpp_queue",
        "bench_ocpp",
        "bench_kiosk",
        "bench_admin_overview",
        "bench_payments",
        "bench_analytics",
        "bench_admin",
        "bench_admin_analytics",
        "bench_web",
        "bench_station",
        "bench_appliance",
    ):
        measure = importlib.import_module(module).run
        quick = {"quick": args.quick} if "quick" in inspect.signature(measure).parameters else {}
        report([Figure(*row) for row in measure(**quick)])
    if args.write_docs:
        write_docs(
            figures,
            ".venv/bin/python tests/benchmarks/run_benchmarks.py --write-docs"
            + (" --quick" if args.quick else ""),
        )
        print(f"updated {DOC.relative_to(REPO)}")


if __name__ == "__main__":
    main()
