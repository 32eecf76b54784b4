"""A connector's OCPP 1.6 status and error code (sections 4.9, 7.6, 7.7) from the manager and sessions."""

from __future__ import annotations

from dataclasses import dataclass

from app.chargers.events import ConnectorView
from app.chargers.link_task import LinkState
from app.sessions.states import (
    AUTHORISED,
    CHARGING,
    FINISHING,
    INTERRUPTED,
    SUSPENDED_EV,
    SUSPENDED_EVSE,
    WAITING_FOR_PLUG,
)
from hal.wire.messages import FaultBit, IecState, StatusFlag

# Latched fault -> ChargePointErrorCode (section 7.6), most severe first: a connector shows one code.
FAULT_ERROR_CODES: tuple[tuple[FaultBit, str, str], ...] = (
    (FaultBit.WELDED_CONTACTOR, "PowerSwitchFailure", "contactor welded"),
    (FaultBit.RCD_TRIP, "GroundFailure", "residual current device tripped"),
    (FaultBit.GROUND_FAULT, "GroundFailure", "protective earth fault"),
    (FaultBit.EMERGENCY_STOP, "OtherError", "emergency stop pressed"),
    (FaultBit.GROSS_OVERCURRENT, "OverCurrentFailure", "gross over-current"),
    (FaultBit.OVERCURRENT, "OverCurrentFailure", "over-current"),
    (FaultBit.OVERTEMPERATURE, "HighTemperature", "over-temperature"),
    (FaultBit.OVERVOLTAGE, "OverVoltage", "grid over-voltage"),
    (FaultBit.UNDERVOLTAGE, "UnderVoltage", "grid under-voltage"),
    (FaultBit.CONTACTOR_FEEDBACK, "PowerSwitchFailure", "contactor feedback disagrees"),
    (FaultBit.LOCK_FAULT, "ConnectorLockFailure", "connector lock failed"),
    (FaultBit.DIODE_FAULT, "EVCommunicationError", "pilot diode missing"),
    (FaultBit.PILOT_FAULT, "EVCommunicationError", "control pilot fault"),
    (FaultBit.VENTILATION_REFUSED, "EVCommunicationError", "vehicle asked for ventilation"),
    (FaultBit.PP_FAULT, "OtherError", "proximity pilot fault"),
    (FaultBit.SELF_TEST_FAILED, "InternalError", "self-test failed"),
)
_SESSION_STATUS = {
    AUTHORISED: "Preparing",
    WAITING_FOR_PLUG: "Preparing",
    FINISHING: "Finishing",
    INTERRUPTED: "SuspendedEVSE",
}
_RUNNING = (CHARGING, SUSPENDED_EV, SUSPENDED_EVSE)


@dataclass(frozen=True)
class OcppStatus:
    """What one StatusNotification.req says (info is CiString50, section 4.9)."""

    status: str
    error_code: str = "NoError"
    info: str | None = None


def connector_status(
    view: ConnectorView | None,
    *,
    session_state: str | None,
    inoperative: bool,
    reserved: bool,
    finished: bool,
) -> OcppStatus:
    """The status of one connector.

    `finished`: a session ended on it while the car is still plugged (Finishing until unplugged).
    Faults beat availability (a technician must see them), availability beats a reservation.
    """
    if view is None or view.link_state not in (LinkState.ONLINE, LinkState.DEGRADED) or view.status is None:
        state = "no link" if view is None else view.link_state.value
        return OcppStatus("Faulted", "InternalError", f"charger link {state}")
    faults = view.status.faults
    if faults:  # computed for every connector at every poll: the table only when there is a fault
        for bit, code, info in FAULT_ERROR_CODES:
            if faults & bit:
                return OcppStatus("Faulted", code, info)
    warning = "HighTemperature" if view.status.flags & StatusFlag.DERATING else "NoError"
    warning_info = "derating for temperature" if warning != "NoError" else None
    if session_state in _RUNNING:
        return OcppStatus(_running_status(view, session_state), warning, warning_info)
    if session_state in _SESSION_STATUS:
        status = _SESSION_STATUS[session_state]
        if status == "Preparing" and inoperative:
            status = "Unavailable"
        return OcppStatus(status, warning, warning_info)
    if inoperative:
        return OcppStatus("Unavailable", warning, warning_info)
    if view.vehicle_present:
        return OcppStatus("Finishing" if finished else "Preparing", warning, warning_info)
    if reserved:
        return OcppStatus("Reserved", warning, warning_info)
    return OcppStatus("Available", warning, warning_info)


def _running_status(view: ConnectorView, session_state: str | None) -> str:
    """A running transaction's status from what the charger reports, not from what was asked of it.

    Section 4.9 / 7.7: Charging is the contactor closed with the EV charging; SuspendedEV the EVSE
    offering energy (PWM on, IEC 61851-1 state B2) that the EV does not take; SuspendedEVSE the EVSE
    not offering it (no PWM: states B1/C1/D1, a smart charging limit or the site's power). Until the
    charger holds the start's permission, or while the contactor is still closing (the diode check),
    the connector is Preparing.
    """
    assert view.status is not None
    iec_state = view.status.iec_state
    # Before the first close the session is still in its first state (CHARGING); after a pause it is
    # not, and the connector waiting for the EVSE again is SuspendedEVSE rather than Preparing.
    waiting = "Preparing" if session_state == CHARGING else "SuspendedEVSE"
    if not view.permitted:
        return waiting
    if iec_state in (IecState.C2, IecState.D2):
        return "Charging" if view.contactor_closed else waiting
    if iec_state == IecState.B2:
        return "SuspendedEV"
    return "SuspendedEVSE"


def charge_point_status(statuses: list[OcppStatus], *, inoperative: bool) -> OcppStatus:
    """Connector 0, the charge point as a whole: Unavailable when set so, Faulted when every connector
    is, Available otherwise (section 4.9 limits connector 0 to these three)."""
    if inoperative:
        return OcppStatus("Unavailable")
    if statuses and all(s.status == "Faulted" for s in statuses):
        return OcppStatus("Faulted", statuses[0].error_code, statuses[0].info)
    return OcppStatus("Available")
