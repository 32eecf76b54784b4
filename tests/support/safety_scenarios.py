"""Helpers for the simulated-time safety tests: a charging session rig and a table of measured figures."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hal.board.charger_board import ChargerSettings
from hal.board.wire_board import WireChargerBoard
from hal.links.tcp import TcpTransport
from hal.wire.messages import StatusReply

if TYPE_CHECKING:
    from conftest import RunningSim

LONG_LEASE_MS = 600_000  # long enough that no test but the lease tests sees an expiry


@dataclass(frozen=True)
class Figure:
    """One measured figure: what was measured, in simulated ms (or mA), against which limit."""

    name: str
    value: float
    unit: str
    limit: str


@dataclass
class FigureTable:
    """The figures of one test session, printed as a table at the end."""

    figures: list[Figure] = field(default_factory=list)

    def record(self, name: str, value: float, unit: str, limit: str) -> None:
        self.figures.append(Figure(name, value, unit, limit))
        print(f"[safety] {name}: {value:g} {unit} (limit {limit})")

    def render(self) -> str:
        if not self.figures:
            return ""
        width = max(len(f.name) for f in self.figures)
        lines = ["", "Safety timing in simulated time (IEC 61851-1 Table A.6 and the supervisor):"]
        lines.append(f"  {'figure':<{width}}  {'measured':>12}  limit")
        for f in self.figures:
            lines.append(f"  {f.name:<{width}}  {f.value:>9g} {f.unit:<2}  {f.limit}")
        return "\n".join(lines)


class ChargingRig:
    """One simulated charger driven through the real hal: WireChargerBoard over TcpTransport for the
    wire protocol, the control channel for the plant (car, faults) and for simulated time."""

    def __init__(self, sim: RunningSim, index: int = 0) -> None:
        self.sim = sim
        self.index = index
        self.board = WireChargerBoard(TcpTransport(sim.host, sim.charger_port(index)))

    # -- simulated time and plant -------------------------------------------------------------
    def ctl(self, cmd: str, **args: Any) -> dict[str, Any]:
        return self.sim.ctl.call_sync(cmd, charger=self.index, **args)

    def now(self) -> int:
        return int(self.sim.ctl.call_sync("time")["now_ms"])

    def step(self, ms: int) -> int:
        return self.sim.step(ms)

    def sim_status(self) -> dict[str, Any]:
        return self.ctl("status")

    def events(self, since_ms: int = 0) -> list[dict[str, Any]]:
        return list(self.ctl("events", since_ms=since_ms)["events"])

    def first_event(self, kind: str, since_ms: int, value: Any = None) -> dict[str, Any] | None:
        for event in self.events(since_ms):
            if (
                event["kind"] == kind
                and event["t_ms"] >= since_ms
                and (value is None or event["value"] == value)
            ):
                return event
        return None

    def event_time(self, kind: str, since_ms: int, value: Any = None) -> int:
        event = self.first_event(kind, since_ms, value)
        assert event is not None, f"no {kind}={value} event since {since_ms} ms: {self.events(since_ms)}"
        return int(event["t_ms"])

    def step_until(
        self, condition: Callable[[dict[str, Any]], bool], limit_ms: int, step_ms: int = 10
    ) -> int:
        """Steps until condition(sim status) holds; returns the simulated time it was first seen."""
        waited = 0
        while waited <= limit_ms:
            status = self.sim_status()
            if condition(status):
                return int(status["now_ms"])
            self.step(step_ms)
            waited += step_ms
        raise AssertionError(f"condition not met within {limit_ms} ms; last status {self.sim_status()}")

    # -- host side ----------------------------------------------------------------------------
    async def status(self) -> StatusReply:
        return await self.board.status(0)

    async def configure(self, **overrides: Any) -> None:
        settings: dict[str, Any] = {"lease_ms": LONG_LEASE_MS, **overrides}
        await self.board.configure(ChargerSettings(**settings))

    async def start_charging(self, current_mA: int = 16000, transaction_ref: int = 1, **plug: Any) -> int:
        """Plugs a car in, permits charging and steps until the car draws current; returns now_ms."""
        self.ctl("plug", **plug)
        self.step(50)
        await self.board.permit(0, current_mA, transaction_ref)
        self.step_until(lambda s: s["contactor"] and s["iec_state"] == "C2", limit_ms=4000, step_ms=50)
        # Let the car's current ramp settle so the supervisor sees a steady draw.
        return self.step(2000)

    async def step_with_heartbeats(
        self, condition: Callable[[dict[str, Any]], bool], limit_ms: int, every_ms: int = 250
    ) -> int:
        """step_until() for a host that is present: a heartbeat before every step keeps the lease."""
        waited = 0
        while waited <= limit_ms:
            status = self.sim_status()
            if condition(status):
                return int(status["now_ms"])
            await self.board.heartbeat()
            self.step(every_ms)
            waited += every_ms
        raise AssertionError(f"condition not met within {limit_ms} ms; last status {self.sim_status()}")

    async def close(self) -> None:
        await self.board.close()


def run_with_rig(sim: RunningSim, scenario: Callable[[ChargingRig], Awaitable[None]]) -> None:
    """Runs one scenario on a ChargingRig of the simulator's first charger, closing the rig after."""

    async def main() -> None:
        rig = ChargingRig(sim)
        try:
            await scenario(rig)
        finally:
            await rig.close()

    asyncio.run(main())
