"""A connector's OCPP 1.6 status and error code (sections 4.9, 7.6, 7.7) from the manager and sessions."""

from __future__ import annotations

from dataclasses import dataclass

from app.chargers import ConnectorView
from app.sessions import Condition, connector_condition, worst_fault
from hal.wire.messages import FaultBit, StatusFlag

# Latched fault -> ChargePointErrorCode (section 7.6) and info; the severity order is
# app/sessions/connector_condition.FAULT_SEVERITY.
FAULT_ERROR_CODES: dict[FaultBit, tuple[str, str]] = {
    FaultBit.WELDED_CONTACTOR: ("PowerSwitchFailure", "contactor welded"),
    FaultBit.RCD_TRIP: ("GroundFailure", "residual current device tripped"),
    FaultBit.GROUND_FAULT: ("GroundFailure", "protective earth fault"),
    FaultBit.EMERGENCY_STOP: ("OtherError", "emergency stop pressed"),
    FaultBit.GROSS_OVERCURRENT: ("OverCurrentFailure", "gross over-current"),
    FaultBit.OVERCURRENT: ("OverCurrentFailure", "over-current"),
    FaultBit.OVERTEMPERATURE: ("HighTemperature", "over-temperature"),
    FaultBit.OVERVOLTAGE: ("OverVoltage", "grid over-voltage"),
    FaultBit.UNDERVOLTAGE: ("UnderVoltage", "grid under-voltage"),
    FaultBit.CONTACTOR_FEEDBACK: ("PowerSwitchFailure", "contactor feedback disagrees"),
    FaultBit.LOCK_FAULT: ("ConnectorLockFailure", "connector lock failed"),
    FaultBit.DIODE_FAULT: ("EVCommunicationError", "pilot diode missing"),
    FaultBit.PILOT_FAULT: ("EVCommunicationError", "control pilot fault"),
    FaultBit.VENTILATION_REFUSED: ("EVCommunicationError", "vehicle asked for ventilation"),
    FaultBit.PP_FAULT: ("OtherError", "proximity pilot fault"),
    FaultBit.SELF_TEST_FAILED: ("InternalError", "self-test failed"),
}
# Condition -> ChargePointStatus (section 7.7). A lost charger link is Faulted with InternalError: the
# connector cannot be used and the station cannot say why (section 4.9 has no status for it).
STATUSES: dict[Condition, str] = {
    Condition.NO_LINK: "Faulted",
    Condition.FAULTED: "Faulted",
    Condition.PREPARING: "Preparing",
    Condition.STARTING: "Preparing",
    Condition.CHARGING: "Charging",
    Condition.SUSPENDED_EV: "SuspendedEV",
    Condition.SUSPENDED_EVSE: "SuspendedEVSE",
    Condition.FINISHING: "Finishing",
    Condition.UNAVAILABLE: "Unavailable",
    Condition.RESERVED: "Reserved",
    Condition.AVAILABLE: "Available",
}


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
    """The status of one connector: its condition (app/sessions/connector_condition.py) in OCPP's words.

    `finished`: a session ended on it while the car is still plugged (Finishing until unplugged).
    """
    condition = connector_condition(
        view, session_state=session_state, inoperative=inoperative, reserved=reserved, finished=finished
    )
    if condition is Condition.NO_LINK:
        state = "no link" if view is None else view.link_state.value
        return OcppStatus("Faulted", "InternalError", f"charger link {state}")
    assert view is not None and view.status is not None
    if condition is Condition.FAULTED:
        fault = worst_fault(view.status.faults)
        assert fault is not None
        code, info = FAULT_ERROR_CODES[fault]
        return OcppStatus("Faulted", code, info)
    # Derating is a warning: the connector still works, at a lower current (section 7.6 allows an
    # errorCode with any status).
    if view.status.flags & StatusFlag.DERATING:
        return OcppStatus(STATUSES[condition], "HighTemperature", "derating for temperature")
    return OcppStatus(STATUSES[condition])


def charge_point_status(statuses: list[OcppStatus], *, inoperative: bool) -> OcppStatus:
    """Connector 0, the charge point as a whole: Unavailable when set so, Faulted when every connector
    is, Available otherwise (section 4.9 limits connector 0 to these three)."""
    if inoperative:
        return OcppStatus("Unavailable")
    if statuses and all(s.status == "Faulted" for s in statuses):
        return OcppStatus("Faulted", statuses[0].error_code, statuses[0].info)
    return OcppStatus("Available")
