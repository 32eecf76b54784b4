"""Shared fixtures: the simulator binary, stepped and realtime simulators with a control client."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import figures
import pytest

from hal.sim.control import BUILD_HINT, SimControl, SimPorts, SimulatorProcess, find_sim_binary

pytest_plugins = ["ocpp_peers.fixtures"]

DEFAULT_CHARGERS = 2


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sim(chargers=2, phases=None, tick_ms=None, realtime_factor=None, extra_args=None): options "
        "of the stepped_sim / realtime_sim fixtures",
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Prints the figures the tests measured, so every run of the test command shows them."""
    for section, lines in figures.SECTIONS.items():
        terminalreporter.write_sep("-", section)
        for line in lines:
            terminalreporter.write_line(line)


@dataclass
class RunningSim:
    """A started simulator: its process, ports and a connected control client."""

    process: SimulatorProcess
    ports: SimPorts
    ctl: SimControl
    host: str = "127.0.0.1"

    @property
    def chargers(self) -> int:
        return len(self.ports.charger_ports)

    def charger_port(self, index: int) -> int:
        return self.ports.charger_ports[index]

    def step(self, ms: int) -> int:
        """Advances simulated time (stepped mode); returns the new now_ms."""
        return int(self.ctl.call_sync("step", ms=ms)["now_ms"])


@pytest.fixture(autouse=True)
def cyclic_garbage_collected_in_the_main_thread() -> Iterator[None]:
    """Once Qt is loaded, reference cycles are collected between tests, in the main thread, only.

    Python collects in whichever thread allocates past the threshold; a worker thread (the ledger
    writer, a to_thread pool) collecting a cycle that holds a Qt object with a live timer destroys it
    outside its thread, and the process crashes in the next event dispatch. The kiosk itself avoids
    this the same way (kiosk_ui/main_thread_gc.py).
    """
    if "PySide6.QtCore" not in sys.modules:
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if was_enabled:
            gc.enable()


@pytest.fixture(scope="session")
def sim_binary() -> Path:
    """The evse-sim binary; the run fails (not skips) when it is missing, because CI must build it."""
    binary = find_sim_binary()
    if not binary.is_file():
        pytest.fail(
            f"simulator binary {binary} is missing; build it first (from the repository root): "
            f"{BUILD_HINT}  (or point EVSE_SIM at a built evse-sim)",
            pytrace=False,
        )
    return binary


def _run_sim(request: pytest.FixtureRequest, binary: Path, stepped: bool) -> Iterator[RunningSim]:
    marker = request.node.get_closest_marker("sim")
    opts = dict(marker.kwargs) if marker else {}
    process = SimulatorProcess(
        opts.pop("chargers", DEFAULT_CHARGERS),
        stepped=stepped,
        binary=binary,
        phases=opts.pop("phases", None),
        tick_ms=opts.pop("tick_ms", None),
        realtime_factor=opts.pop("realtime_factor", None),
        extra_args=opts.pop("extra_args", None),
    )
    if opts:
        pytest.fail(f"unknown sim marker options: {sorted(opts)}", pytrace=False)
    ports = process.start()
    ctl = SimControl(process.host, ports.control_port).connect()
    try:
        yield RunningSim(process, ports, ctl, process.host)
    finally:
        ctl.close()
        code = process.stop()
        if code not in (0, None, -15):
            print(f"evse-sim exited with {code}; its last output:\n{process.output_tail()}")


@pytest.fixture
def stepped_sim(request: pytest.FixtureRequest, sim_binary: Path) -> Iterator[RunningSim]:
    """A simulator in --stepped mode (time moves only on "step"); options via @pytest.mark.sim(...)."""
    yield from _run_sim(request, sim_binary, stepped=True)


@pytest.fixture
def realtime_sim(request: pytest.FixtureRequest, sim_binary: Path) -> Iterator[RunningSim]:
    """A simulator on the monotonic clock; options via @pytest.mark.sim(...)."""
    yield from _run_sim(request, sim_binary, stepped=False)
