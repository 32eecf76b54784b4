"""Renders charger snapshots as a text table for the headless station (until the kiosk takes over)."""

from __future__ import annotations

from collections.abc import Iterable

from app.charger_link_task import ChargerSnapshot, LinkState
from hal.wire_messages import FaultBit, IecState, StatusFlag

HEADER = (
    f"{'charger':<10} {'link':<10} {'pilot':<5} {'offer A':>7} {'L1 A':>6} {'L2 A':>6} {'L3 A':>6} "
    f"{'kW':>6} {'kWh':>10} {'degC':>5}  notes"
)


def fault_names(mask: int) -> list[str]:
    return [bit.name or "" for bit in FaultBit if mask & bit]


def render_row(snap: ChargerSnapshot) -> str:
    s = snap.status
    if s is None or snap.link_state is not LinkState.ONLINE:
        return f"{snap.charger_id:<10} {snap.link_state.value:<10} {snap.reason}"
    notes = fault_names(s.faults)
    flags = StatusFlag(s.flags)
    if StatusFlag.LEASE_EXPIRED in flags:
        notes.append("LEASE_EXPIRED")
    if StatusFlag.DERATING in flags:
        notes.append("DERATING")
    if StatusFlag.CONTACTOR_CLOSED in flags:
        notes.append("contactor closed")
    amps = " ".join(f"{i / 1000:6.1f}" for i in s.current_mA)
    return (
        f"{snap.charger_id:<10} {snap.link_state.value:<10} {IecState(s.iec_state).name:<5} "
        f"{s.offered_mA / 1000:7.1f} {amps} {s.power_W / 1000:6.2f} {s.energy_Wh / 1000:10.3f} "
        f"{s.temperature_dC / 10:5.1f}  {', '.join(notes)}"
    )


def render_table(snapshots: Iterable[ChargerSnapshot], title: str) -> str:
    return "\n".join([title, HEADER, *(render_row(s) for s in snapshots)])
