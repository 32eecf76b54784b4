"""One connector's condition, decided once: the OCPP status (app/ocpp/status_map.py) and the kiosk's
wording (app/driver/views.py) are each a table over it, so the two can never tell different stories.
"""

from __future__ import annotations

import enum

from app.chargers import ConnectorView, link_usable
from app.sessions.states import (
    AUTHORISED,
    CHARGING,
    FINISHING,
    INTERRUPTED,
    SUSPENDED_EV,
    SUSPENDED_EVSE,
    WAITING_FOR_PLUG,
)
from hal.wire.messages import FaultBit, IecState


class Condition(enum.Enum):
    """What a connector is doing, in the order OCPP 1.6 section 4.9 ranks the statuses."""

    NO_LINK = "no_link"  # the station cannot reach the charger (or has no status of it yet)
    FAULTED = "faulted"  # a latched fault: worst_fault() says which
    PREPARING = "preparing"
    # A session started, the charger not charging yet: its permission or the contactor's close is on
    # the way. OCPP says Preparing until the contactor closes (section 7.7); the driver, whose session
    # has begun, is told it is charging.
    STARTING = "starting"
    CHARGING = "charging"  # contactor closed, the car drawing (section 7.7 Charging)
    SUSPENDED_EV = "suspended_ev"
    SUSPENDED_EVSE = "suspended_evse"
    FINISHING = "finishing"
    UNAVAILABLE = "unavailable"
    RESERVED = "reserved"
    AVAILABLE = "available"


# Latched faults, most severe first: a connector shows one (its OCPP errorCode, its fault screen).
FAULT_SEVERITY: tuple[FaultBit, ...] = (
    FaultBit.WELDED_CONTACTOR,
    FaultBit.RCD_TRIP,
    FaultBit.GROUND_FAULT,
    FaultBit.EMERGENCY_STOP,
    FaultBit.GROSS_OVERCURRENT,
    FaultBit.OVERCURRENT,
    FaultBit.OVERTEMPERATURE,
    FaultBit.OVERVOLTAGE,
    FaultBit.UNDERVOLTAGE,
    FaultBit.CONTACTOR_FEEDBACK,
    FaultBit.LOCK_FAULT,
    FaultBit.DIODE_FAULT,
    FaultBit.PILOT_FAULT,
    FaultBit.VENTILATION_REFUSED,
    FaultBit.PP_FAULT,
    FaultBit.SELF_TEST_FAILED,
)
_PENDING = (AUTHORISED, WAITING_FOR_PLUG)  # a session without a transaction yet
_RUNNING = (CHARGING, SUSPENDED_EV, SUSPENDED_EVSE)


def worst_fault(faults: int) -> FaultBit | None:
    """The most severe latched fault, None without faults."""
    if not faults:  # every connector at every poll: the table only when there is a fault
        return None
    return next((bit for bit in FAULT_SEVERITY if faults & bit), None)


def connector_condition(
    view: ConnectorView | None,
    *,
    session_state: str | None,
    inoperative: bool,
    reserved: bool,
    finished: bool,
) -> Condition:
    """The condition of one connector.

    `session_state`: its open session's (app/sessions/states.py), None without one; `inoperative`: set
    so by the central system (ChangeAvailability); `finished`: a session ended on it while the car is
    still plugged (Finishing until unplugged). No link and faults come first (nobody may try there,
    a technician must see them), then a running transaction, availability (it beats a session still
    waiting for its transaction and a reservation), a plugged car, a reservation.
    """
    if view is None or view.status is None or not link_usable(view.link_state):
        return Condition.NO_LINK
    if worst_fault(view.status.faults) is not None:
        return Condition.FAULTED
    if session_state in _RUNNING:
        return _running(view, session_state)
    if session_state == FINISHING:
        return Condition.FINISHING
    if session_state == INTERRUPTED:  # the link is back, the session not resumed yet
        return Condition.SUSPENDED_EVSE
    if inoperative or not view.available:
        return Condition.UNAVAILABLE
    if session_state in _PENDING:
        return Condition.PREPARING
    if view.vehicle_present:
        return Condition.FINISHING if finished else Condition.PREPARING
    return Condition.RESERVED if reserved else Condition.AVAILABLE


def _running(view: ConnectorView, session_state: str | None) -> Condition:
    """A running transaction's condition from what the charger reports, not from what was asked of it.

    Section 4.9 / 7.7: Charging is the contactor closed with the EV charging; SuspendedEV the EVSE
    offering energy (PWM on, IEC 61851-1 state B2) that the EV does not take; SuspendedEVSE the EVSE
    not offering it (no PWM: states B1/C1/D1, a smart charging limit or the site's power).

    A session that has not drawn its first watt-hour is still starting: until the charger holds the
    start's permission, while the contactor is closing (the diode check), and while the car has not
    yet answered the offer (a car takes a moment to close S2 once the PWM is on; IEC 61851-1 sets no
    bound). Only the session service's debounce (`suspend_debounce_s`) makes such a car SuspendedEV,
    so a start is never reported as a pause.
    """
    assert view.status is not None
    iec_state = view.status.iec_state
    starting = session_state == CHARGING and not _drawn(view)
    if not view.permitted:
        return Condition.STARTING if starting else Condition.SUSPENDED_EVSE
    if iec_state in (IecState.C2, IecState.D2):
        if view.contactor_closed:
            return Condition.CHARGING
        if starting:
            return Condition.STARTING
        # The car asks again after a pause; until the contactor has closed it still takes nothing.
        return Condition.SUSPENDED_EV if session_state == SUSPENDED_EV else Condition.SUSPENDED_EVSE
    if iec_state == IecState.B2:
        return Condition.STARTING if starting else Condition.SUSPENDED_EV
    return Condition.SUSPENDED_EVSE


def _drawn(view: ConnectorView) -> bool:
    """Whether the charger has metered energy for the permission running on the connector."""
    session = view.session
    return session is not None and session.last_energy_Wh > session.started_energy_Wh
