"""One connector condition, worded twice: OCPP's StatusNotification and the kiosk's card state agree.

The branches pinned here are those where the OCPP status and the kiosk used to decide differently:
a session waiting for its transaction on a connector set inoperative, a running session whose pilot
state changed before the session service's debounce, and a connector whose charger has not been
identified.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from app.chargers.events import ConnectorSession, ConnectorView
from app.chargers.link_task import LinkState
from app.driver.views import CONNECTOR_STATES, FAULT_KEYS, STATES, connector_state
from app.ocpp.status_map import FAULT_ERROR_CODES, STATUSES, connector_status
from app.ocpp.status_notifier import notification_payload
from app.sessions.connector_condition import FAULT_SEVERITY, Condition, connector_condition, worst_fault
from app.sessions.states import AUTHORISED, CHARGING, SUSPENDED_EV, WAITING_FOR_PLUG
from hal.wire.messages import FaultBit, IecState, StatusFlag, StatusReply

AT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
CHARGE_POINT_STATUSES = {  # OCPP 1.6 section 7.7
    "Available",
    "Preparing",
    "Charging",
    "SuspendedEVSE",
    "SuspendedEV",
    "Finishing",
    "Reserved",
    "Unavailable",
    "Faulted",
}


def view(*, iec: IecState = IecState.A, flags: int = 0, faults: int = 0, **changes: Any) -> ConnectorView:
    status = StatusReply(
        0, iec, flags, faults, (230000,) * 3, (0, 0, 0), 0, 1000, 250, 1000, 0, 0, 60, 0, 0, 0
    )
    base = ConnectorView(
        connector_id="CP00/1",
        charger_id="CP00",
        index=0,
        link_state=LinkState.ONLINE,
        available=faults == 0,
        status=status,
        vehicle_present=iec != IecState.A,
        offered_mA=0,
        measured_mA=(0, 0, 0),
        max_mA=32000,
        site_phases=(0, 1, 2),
        group="",
        priority=0,
        permitted=False,
        transaction_ref=0,
        session=None,
        status_age_s=0.0,
    )
    return replace(base, **changes)


def both(v: ConnectorView | None, **facts: Any) -> tuple[dict[str, Any], tuple[str, str | None]]:
    """The StatusNotification for connector 1 and the kiosk's (state, fault) of the same facts."""
    kwargs: dict[str, Any] = {
        "session_state": None,
        "inoperative": False,
        "reserved": False,
        "finished": False,
    } | facts
    return notification_payload(1, connector_status(v, **kwargs), AT), connector_state(v, **kwargs)


def test_every_condition_has_an_ocpp_status_and_a_kiosk_state() -> None:
    assert set(STATUSES) == set(Condition) and set(STATES) == set(Condition)
    assert set(STATUSES.values()) == CHARGE_POINT_STATUSES
    assert set(STATES.values()) == set(CONNECTOR_STATES)


def test_every_fault_has_a_rank_an_error_code_and_a_fault_key() -> None:
    assert sorted(FAULT_SEVERITY) == sorted(FaultBit) and len(FAULT_SEVERITY) == len(FaultBit)
    assert set(FAULT_ERROR_CODES) == set(FaultBit) and set(FAULT_KEYS) == set(FaultBit)


def test_the_most_severe_fault_is_shown() -> None:
    faults = FaultBit.LOCK_FAULT | FaultBit.RCD_TRIP
    assert worst_fault(faults) is FaultBit.RCD_TRIP and worst_fault(0) is None
    ocpp, kiosk = both(view(iec=IecState.B1, faults=faults))
    assert ocpp == {
        "connectorId": 1,
        "errorCode": "GroundFailure",
        "status": "Faulted",
        "timestamp": AT.isoformat(),
        "info": "residual current device tripped",
    }
    assert kiosk == ("faulted", "residual_current")


@pytest.mark.parametrize("link_state", [LinkState.CONNECTING, LinkState.OFFLINE, LinkState.FAULTY])
def test_a_lost_link_is_faulted_for_ocpp_and_offline_for_the_driver(link_state: LinkState) -> None:
    ocpp, kiosk = both(view(link_state=link_state), session_state=CHARGING)
    assert (ocpp["status"], ocpp["errorCode"], ocpp["info"]) == (
        "Faulted",
        "InternalError",
        f"charger link {link_state.value}",
    )
    assert kiosk == ("offline", "link_lost")
    ocpp, kiosk = both(None)
    assert (ocpp["status"], ocpp["info"], kiosk) == (
        "Faulted",
        "charger link no link",
        ("offline", "link_lost"),
    )


@pytest.mark.parametrize("session_state", [AUTHORISED, WAITING_FOR_PLUG])
def test_inoperative_beats_a_session_still_waiting_for_its_transaction(session_state: str) -> None:
    """The kiosk used to show `preparing` where OCPP said Unavailable: without a transaction, a
    ChangeAvailability to Inoperative takes effect at once (section 5.2), so both say unavailable."""
    ocpp, kiosk = both(view(iec=IecState.B1), session_state=session_state, inoperative=True)
    assert ocpp == {
        "connectorId": 1,
        "errorCode": "NoError",
        "status": "Unavailable",
        "timestamp": AT.isoformat(),
    }
    assert kiosk == ("unavailable", None)
    ocpp, kiosk = both(view(iec=IecState.B1), session_state=session_state)
    assert (ocpp["status"], kiosk) == ("Preparing", ("preparing", None))


def test_a_running_session_shows_what_the_charger_does_not_what_was_asked() -> None:
    """The kiosk used to show the session's state, which follows the pilot only after the session
    service's debounce; both now follow what the charger reports (section 7.7). Until the charger has
    closed the contactor OCPP says Preparing and the driver, whose session has begun, charging."""
    before = view(iec=IecState.C1)
    assert (
        connector_condition(before, session_state=CHARGING, inoperative=False, reserved=False, finished=False)
        is Condition.STARTING
    )
    ocpp, kiosk = both(before, session_state=CHARGING)
    assert (ocpp["status"], ocpp["errorCode"], kiosk) == ("Preparing", "NoError", ("charging", None))
    permitted = replace(before, permitted=True, status=replace(before.status, iec_state=IecState.C2))
    ocpp, kiosk = both(permitted, session_state=CHARGING)
    assert (ocpp["status"], kiosk[0]) == ("Preparing", "charging")  # the contactor is still closing
    closed = replace(permitted, contactor_closed=True)
    ocpp, kiosk = both(closed, session_state=CHARGING)
    assert ocpp == {
        "connectorId": 1,
        "errorCode": "NoError",
        "status": "Charging",
        "timestamp": AT.isoformat(),
    }
    assert kiosk == ("charging", None)
    # The car stopped taking current after it drew: SuspendedEV at once, though the session is still
    # `charging` until the session service's debounce has passed.
    drawing = ConnectorSession(7, 1000, 1003, "active", None)
    offered = replace(closed, session=drawing, status=replace(before.status, iec_state=IecState.B2))
    ocpp, kiosk = both(offered, session_state=CHARGING)
    assert (ocpp["status"], kiosk[0]) == ("SuspendedEV", "suspended_ev")
    # After a pause, the connector waiting for the station again is SuspendedEVSE, not Preparing.
    ocpp, kiosk = both(replace(closed, permitted=False), session_state=SUSPENDED_EV)
    assert (ocpp["status"], kiosk[0]) == ("SuspendedEVSE", "suspended_evse")


def test_a_car_that_has_not_answered_the_offer_yet_is_starting_until_the_debounce() -> None:
    """A car closes S2 a moment after the PWM comes on (IEC 61851-1 sets no bound): the start used to
    go out as Preparing -> SuspendedEV -> Charging whenever a poll fell in that moment. Before the
    first watt-hour, B2 is still the start; the session service's debounce makes it SuspendedEV."""
    fresh = ConnectorSession(7, 1000, 1000, "active", None)
    offered = view(iec=IecState.B2, permitted=True, session=fresh)
    ocpp, kiosk = both(offered, session_state=CHARGING)
    assert (ocpp["status"], kiosk[0]) == ("Preparing", "charging")
    ocpp, kiosk = both(offered, session_state=SUSPENDED_EV)
    assert (ocpp["status"], kiosk[0]) == ("SuspendedEV", "suspended_ev")
    # It asks now: still taking nothing while the contactor closes, Charging once it has.
    asking = replace(offered, status=replace(offered.status, iec_state=IecState.C2))
    ocpp, kiosk = both(asking, session_state=SUSPENDED_EV)
    assert (ocpp["status"], kiosk[0]) == ("SuspendedEV", "suspended_ev")
    ocpp, kiosk = both(replace(asking, contactor_closed=True), session_state=SUSPENDED_EV)
    assert (ocpp["status"], kiosk[0]) == ("Charging", "charging")


def test_a_connector_of_an_unidentified_charger_is_unavailable() -> None:
    """OCPP used to call it Available where the kiosk said `unavailable` (the reservations, too, count
    it as unavailable): nobody can start there until the charger is identified."""
    ocpp, kiosk = both(view(available=False))
    assert (ocpp["status"], ocpp["errorCode"], kiosk) == ("Unavailable", "NoError", ("unavailable", None))


def test_derating_is_a_warning_on_the_same_status() -> None:
    v = view(iec=IecState.C2, flags=StatusFlag.DERATING, permitted=True, contactor_closed=True)
    ocpp, kiosk = both(v, session_state=CHARGING)
    assert (ocpp["status"], ocpp["errorCode"], ocpp["info"]) == (
        "Charging",
        "HighTemperature",
        "derating for temperature",
    )
    assert kiosk == ("charging", None)


def test_without_a_session_availability_a_plugged_car_and_a_reservation_in_that_order() -> None:
    idle, plugged = view(), view(iec=IecState.B1)
    assert connector_condition(idle, session_state=None, inoperative=True, reserved=True, finished=False) is (
        Condition.UNAVAILABLE
    )
    cases = [
        (plugged, {"reserved": True, "finished": True}, "Finishing", "finishing"),
        (plugged, {"reserved": True}, "Preparing", "preparing"),
        (idle, {"reserved": True}, "Reserved", "reserved"),
        (idle, {}, "Available", "available"),
    ]
    for v, facts, status, state in cases:
        ocpp, kiosk = both(v, **facts)
        assert (ocpp["status"], kiosk) == (status, (state, None)), facts
