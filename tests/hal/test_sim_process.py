"""The simulator process and its control client: ready line, stepped time, errors, clean stop."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import RunningSim
from safety_scenarios import ChargingRig

from hal.board.wire_board import WireChargerBoard
from hal.links.tcp import TcpTransport
from hal.sim.control import SimControl, SimError, SimulatorProcess
from hal.wire.messages import Capability

HW_MAX_CURRENT_mA = 32000  # every simulated charger's hardware maximum (docs/simulator.md)


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


@pytest.mark.sim(chargers=3)
def test_status_all_is_every_chargers_status_at_one_instant(stepped_sim: RunningSim) -> None:
    ctl = stepped_sim.ctl
    ctl.call_sync("plug", charger=1)
    stepped_sim.step(5000)
    every = ctl.call_sync("status_all")
    singles = [ctl.call_sync("status", charger=i) for i in range(3)]
    assert [c["now_ms"] for c in every["chargers"]] == [every["now_ms"]] * 3
    for one, single in zip(every["chargers"], singles, strict=True):
        assert one == {k: v for k, v in single.items() if k != "ok"}  # time stood still in between
    assert [c["plugged"] for c in every["chargers"]] == [False, True, False]
    with pytest.raises(SimError):
        ctl.call_sync("status_all", charger=0)  # no arguments


@pytest.mark.sim(chargers=2)
def test_a_car_that_asks_without_pwm_waits_in_c1(stepped_sim: RunningSim) -> None:
    """IEC 61851-1 Annex A: a car may close S2 while no PWM is offered (C1); by default it waits in B1."""
    ctl = stepped_sim.ctl
    ctl.call_sync("plug", charger=0, asks_without_pwm=True)
    ctl.call_sync("plug", charger=1, asks_without_pwm=None)  # null: the default
    stepped_sim.step(100)
    states = [c["iec_state"] for c in ctl.call_sync("status_all")["chargers"]]
    assert states == ["C1", "B1"]
    ctl.call_sync("car", charger=0, request="pause")  # S2 open again
    stepped_sim.step(100)
    assert ctl.call_sync("status", charger=0)["iec_state"] == "B1"
    ctl.call_sync("car", charger=0, request="charge")
    stepped_sim.step(100)
    assert ctl.call_sync("status", charger=0)["iec_state"] == "C1"
    with pytest.raises(SimError, match="true or false"):
        ctl.call_sync("plug", charger=0, asks_without_pwm=1)


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


@pytest.fixture
def tethered_sim(sim_binary: Path) -> Iterator[RunningSim]:
    """Two stepped chargers: 0 a socket outlet, 1 with a fixed cable (--tethered 1)."""
    with (
        SimulatorProcess(2, stepped=True, binary=sim_binary, extra_args=["--tethered", "1"]) as process,
        SimControl(process.host, process.ports.control_port) as ctl,
    ):
        yield RunningSim(process, process.ports, ctl, process.host)


def test_tethered_charger_has_no_pp_limit_and_is_offered_the_full_permit(tethered_sim: RunningSim) -> None:
    async def scenario() -> None:
        socket_rig, tethered_rig = ChargingRig(tethered_sim, 0), ChargingRig(tethered_sim, 1)
        try:
            assert (await socket_rig.board.identify()).capabilities & Capability.SOCKET_PP
            assert not (await tethered_rig.board.identify()).capabilities & Capability.SOCKET_PP
            await tethered_rig.configure()
            await tethered_rig.start_charging(HW_MAX_CURRENT_mA)  # plugged without pp_ohm
            status = await tethered_rig.status()
            # IEC 61851-1 Annex A: 32 A is duty 53.3 %, which the car reads back as 31.98 A.
            assert status.pp_ampacity_A == 0
            assert HW_MAX_CURRENT_mA - 100 <= status.offered_mA <= HW_MAX_CURRENT_mA
            assert min(status.current_mA) >= HW_MAX_CURRENT_mA - 100
            assert tethered_rig.first_event("plug", 0, value=0) is not None
        finally:
            await socket_rig.close()
            await tethered_rig.close()

    asyncio.run(scenario())


def test_pp_ohm_must_match_the_charger_kind(tethered_sim: RunningSim) -> None:
    ctl = tethered_sim.ctl
    with pytest.raises(SimError, match="tethered: its fixed cable has no PP resistor"):
        ctl.call_sync("plug", charger=1, pp_ohm=220)
    with pytest.raises(SimError, match="socket charger: a cable has a PP resistor"):
        ctl.call_sync("plug", charger=0, pp_ohm=0)
    assert not ctl.call_sync("status", charger=0)["plugged"]
    assert not ctl.call_sync("status", charger=1)["plugged"]
    ctl.call_sync("plug", charger=1, pp_ohm=0)  # 0 says the same as omitting it
    ctl.call_sync("plug", charger=0, pp_ohm=1500)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2", "--tethered names charger 2 but chargers are 0..1"),
        ("0,0", "--tethered must be"),
        ("0,", "--tethered must be"),
        ("some", "--tethered must be"),
    ],
)
def test_bad_tethered_list_refuses_to_start(sim_binary: Path, value: str, message: str) -> None:
    run = subprocess.run(
        [str(sim_binary), "--chargers", "2", "--tethered", value], capture_output=True, text=True, timeout=10
    )
    assert run.returncode == 2
    assert message in run.stderr


def test_tethered_all_builds_every_charger_without_socket_pp(sim_binary: Path) -> None:
    async def capabilities(process: SimulatorProcess) -> list[int]:
        boards = [WireChargerBoard(TcpTransport(process.host, p)) for p in process.ports.charger_ports]
        found = [(await b.identify()).capabilities for b in boards]
        for b in boards:
            await b.close()
        return found

    with SimulatorProcess(3, stepped=True, binary=sim_binary, extra_args=["--tethered", "all"]) as process:
        assert not any(c & Capability.SOCKET_PP for c in asyncio.run(capabilities(process)))
