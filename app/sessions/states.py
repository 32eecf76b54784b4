"""The charging session's states, the transitions allowed between them and the OCPP 1.6 stop reasons."""

from __future__ import annotations

from hal.wire.messages import IecState

AUTHORISED = "authorised"
WAITING_FOR_PLUG = "waiting_for_plug"
CHARGING = "charging"
SUSPENDED_EV = "suspended_ev"  # the car stopped drawing (full or paused): OCPP 1.6 SuspendedEV
SUSPENDED_EVSE = "suspended_evse"  # the station offers no current now (load balancing): SuspendedEVSE
FINISHING = "finishing"  # a stop was decided; the charger has not confirmed it yet
INTERRUPTED = "interrupted"  # the charger's link is lost; the session waits for it
ENDED = "ended"

# States in which the connector holds the session's permission (the payment claim is submitted).
RUNNING_STATES = frozenset({CHARGING, SUSPENDED_EV, SUSPENDED_EVSE})
OPEN_STATES = frozenset({AUTHORISED, WAITING_FOR_PLUG, FINISHING, INTERRUPTED} | RUNNING_STATES)

# Allowed transitions. A running state to itself records a fact without a change of state: the
# charger confirmed the permission, or the session resumed after a station restart (the claim is
# submitted again). Every open state may end directly (the car left, the charger rebooted, a timeout).
TRANSITIONS: dict[str | None, frozenset[str]] = {
    None: frozenset({AUTHORISED}),
    AUTHORISED: frozenset({WAITING_FOR_PLUG, CHARGING, ENDED}),
    WAITING_FOR_PLUG: frozenset({CHARGING, ENDED}),
    CHARGING: frozenset({CHARGING, SUSPENDED_EV, SUSPENDED_EVSE, FINISHING, INTERRUPTED, ENDED}),
    SUSPENDED_EV: frozenset({CHARGING, SUSPENDED_EV, SUSPENDED_EVSE, FINISHING, INTERRUPTED, ENDED}),
    SUSPENDED_EVSE: frozenset({CHARGING, SUSPENDED_EV, SUSPENDED_EVSE, FINISHING, INTERRUPTED, ENDED}),
    INTERRUPTED: frozenset({CHARGING, ENDED}),
    FINISHING: frozenset({ENDED}),
    ENDED: frozenset(),
}

# OCPP 1.6 §7.39 Reason values this station gives when it ends a session.
STOP_REASONS = (
    "Local",
    "Remote",
    "EVDisconnected",
    "PowerLoss",
    "Reboot",
    "EmergencyStop",
    "DeAuthorized",
    "HardReset",
    "SoftReset",
    "UnlockCommand",
    "Other",
)


class SessionStateError(RuntimeError):
    """A transition the state machine does not allow (a bug, or a second writer on the ledger)."""


def check_transition(from_state: str | None, to_state: str) -> None:
    """Raises SessionStateError unless from_state -> to_state is allowed."""
    if to_state not in TRANSITIONS.get(from_state, frozenset()):
        raise SessionStateError(f"session transition {from_state} -> {to_state} is not allowed")


def check_stop_reason(reason: str) -> None:
    if reason not in STOP_REASONS:
        raise ValueError(f"stop reason {reason!r}: one of {', '.join(STOP_REASONS)} (OCPP 1.6 §7.39)")


def running_state_for(iec_state: int) -> str:
    """The running state a pilot state shows (IEC 61851-1 Annex A): C2/D2 the car draws, B2 current is
    offered but the car does not take it (SuspendedEV), x1 states no current is offered (SuspendedEVSE)."""
    if iec_state in (IecState.C2, IecState.D2):
        return CHARGING
    if iec_state == IecState.B2:
        return SUSPENDED_EV
    return SUSPENDED_EVSE
