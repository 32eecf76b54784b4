"""Renders the charger manager's connector views as a text table for the headless station."""

from __future__ import annotations

from app.chargers.events import ConnectorView
from app.chargers.link_task import link_usable
from app.chargers.manager import ChargerManager
from hal.wire.messages import FaultBit, IecState, StatusFlag

HEADER = (
    f"{'connector':<12} {'link':<10} {'pilot':<5} {'offer A':>7} {'L1 A':>6} {'L2 A':>6} {'L3 A':>6} "
    f"{'kW':>6} {'kWh':>10} {'degC':>5}  notes"
)


def fault_names(mask: int) -> list[str]:
    return [bit.name or "" for bit in FaultBit if mask & bit]


def render_row(view: ConnectorView, reason: str, session_note: str = "") -> str:
    s = view.status
    if s is None or not link_usable(view.link_state):
        return f"{view.connector_id:<12} {view.link_state.value:<10} {reason}"
    notes = fault_names(s.faults)
    flags = StatusFlag(s.flags)
    if StatusFlag.LEASE_EXPIRED in flags:
        notes.append("LEASE_EXPIRED")
    if StatusFlag.DERATING in flags:
        notes.append("DERATING")
    if StatusFlag.CONTACTOR_CLOSED in flags:
        notes.append("contactor closed")
    if view.session is not None:
        notes.append(f"session {view.session.transaction_ref} {view.session.state}")
    if session_note:
        notes.append(session_note)
    if reason:
        notes.append(reason)
    # Measured current per site phase, so the columns add up to the site's load.
    amps = " ".join(f"{i / 1000:6.1f}" for i in view.measured_mA)
    return (
        f"{view.connector_id:<12} {view.link_state.value:<10} {IecState(s.iec_state).name:<5} "
        f"{s.offered_mA / 1000:7.1f} {amps} {s.power_W / 1000:6.2f} {s.energy_Wh / 1000:10.3f} "
        f"{s.temperature_dC / 10:5.1f}  {', '.join(notes)}"
    )


def render_table(manager: ChargerManager, title: str, session_notes: dict[str, str] | None = None) -> str:
    """The table; `session_notes` adds what the ledger says per connector (session, cost so far)."""
    reasons = {cid: view.reason for cid, view in manager.chargers().items()}
    notes = session_notes or {}
    rows = [
        render_row(v, reasons[v.charger_id], notes.get(v.connector_id, ""))
        for v in manager.connectors().values()
    ]
    return "\n".join([title, HEADER, *rows])
