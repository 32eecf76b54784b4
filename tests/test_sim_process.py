"""The simulator process and its control client: ready line, stepped time, errors, clean stop."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from hal.simulator import SimControl, SimError, SimulatorProcess
from hal.tcp_transport import TcpTransport
from hal.wire_charger_board import WireChargerBoard

if TYPE_CHECKING:
    from conftest import RunningSim


@pytest.mark.sim(chargers=3, phases="3,1")
def test_ready_line_reports_one_port_per_charger_and_phases_cycle(stepped_sim: RunningSim) -> None:
    ports = stepped_sim.ports
    assert ports.stepped and len(ports.charger_ports) == 3
    assert len({ports.control_port, ports.i2c_port, *ports.charger_ports}) == 5

    async def phases_of_each() -> list[int]:
        boards = [WireChargerBoard(TcpTransport(stepped_sim.host, p)) for p in ports.charger_ports]
        phases = [(await b.identify()).phases for b in boards]
        for b in boards:
            await b.close()
        return phases

    assert asyncio.run(phases_of_each()) == [3, 1, 3]  # --phases cycles over the chargers


def test_stepped_time_moves_only_on_step(stepped_sim: RunningSim) -> None:
    t0 = stepped_sim.ctl.call_sync("time")["now_ms"]
    assert stepped_sim.ctl.call_sync("time")["now_ms"] == t0
    assert stepped_sim.step(250) == t0 + 250
    assert stepped_sim.ctl.call_sync("time")["now_ms"] == t0 + 250


def test_control_errors_raise_sim_error(stepped_sim: RunningSim) -> None:
    with pytest.raises(SimError):
        stepped_sim.ctl.call_sync("no_such_command")
    with pytest.raises(SimError):
        stepped_sim.ctl.call_sync("plug", charger=99)
    # The channel stays usable after an error, from async code as well.
    assert asyncio.run(stepped_sim.ctl.call("time"))["ok"] is True


def test_realtime_clock_advances(realtime_sim: RunningSim) -> None:
    t0 = realtime_sim.ctl.call_sync("time")["now_ms"]
    asyncio.run(asyncio.sleep(0.1))
    assert realtime_sim.ctl.call_sync("time")["now_ms"] >= t0 + 50


def test_sigterm_stops_the_simulator_cleanly(sim_binary: Path) -> None:
    sim = SimulatorProcess(1, binary=sim_binary)
    ports = sim.start()
    with SimControl(sim.host, ports.control_port) as ctl:
        ctl.call_sync("time")
    assert sim.stop() == 0, sim.output_tail()


def test_missing_binary_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SimError, match="not found; build it"):
        SimulatorProcess(1, binary=tmp_path / "evse-sim").start()
