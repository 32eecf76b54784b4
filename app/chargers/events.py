"""What the charger manager publishes: connector and charger snapshots, sessions and events."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from app.chargers.health import ChargerHealth
from app.chargers.link_task import LinkState
from hal.wire.messages import IdentifyReply, StatusFlag, StatusReply


@dataclass(frozen=True, slots=True)
class ConnectorSession:
    """The permission running on a connector, as far as the link layer knows."""

    transaction_ref: int
    started_energy_Wh: int  # charger's lifetime counter when it started
    last_energy_Wh: int  # last reading (kept while interrupted)
    state: str  # "active" | "interrupted" | "ended"
    end_reason: str | None  # OCPP 1.6 stop reason: "EVDisconnected", "PowerLoss", "Reboot", "Local", ...


class StationEventKind(StrEnum):
    """StationEvent.kind: which event it is (consumers match on the event's class; logs print the kind)."""

    STATUS = "status"
    LINK = "link"
    FAULT = "fault"
    SESSION = "session"
    VEHICLE = "vehicle"


class ConnectorSessionChange(StrEnum):
    """SessionEvent.change: what happened to the connector's session."""

    STARTED = "started"
    INTERRUPTED = "interrupted"
    RESUMED = "resumed"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class StatusEvent:
    """A charger was polled; its connectors' views are fresh."""

    charger_id: str
    connector_ids: tuple[str, ...]
    kind: Literal[StationEventKind.STATUS] = StationEventKind.STATUS


@dataclass(frozen=True, slots=True)
class LinkEvent:
    """A charger's link changed state."""

    charger_id: str
    old: LinkState
    new: LinkState
    reason: str
    kind: Literal[StationEventKind.LINK] = StationEventKind.LINK


@dataclass(frozen=True, slots=True)
class FaultEvent:
    """Latched faults (FaultBit masks) appeared or went on a connector."""

    connector_id: str
    raised: int
    cleared: int
    kind: Literal[StationEventKind.FAULT] = StationEventKind.FAULT


@dataclass(frozen=True, slots=True)
class SessionEvent:
    """A session started, was interrupted, resumed or ended (session.end_reason says why)."""

    connector_id: str
    change: ConnectorSessionChange
    session: ConnectorSession
    kind: Literal[StationEventKind.SESSION] = StationEventKind.SESSION


@dataclass(frozen=True, slots=True)
class VehicleEvent:
    """A vehicle arrived at (pilot left A) or left (pilot back to A) a connector."""

    connector_id: str
    arrived: bool
    kind: Literal[StationEventKind.VEHICLE] = StationEventKind.VEHICLE


StationEvent = StatusEvent | LinkEvent | FaultEvent | SessionEvent | VehicleEvent


@dataclass(frozen=True, slots=True)
class ConnectorView:
    """One connector as the load balancer and the screens see it at one instant."""

    connector_id: str  # f"{charger_id}/{n}", n = 1.. (OCPP connector ids are 1-based)
    charger_id: str
    index: int  # wire connector index, n - 1
    link_state: LinkState
    available: bool  # link ONLINE or DEGRADED, identity read, no latched fault
    status: StatusReply | None
    vehicle_present: bool  # pilot in B, C or D
    offered_mA: int  # what the charger offers now (0 if unavailable)
    measured_mA: tuple[int, int, int]  # per SITE phase L1..L3, mapped through the wiring
    max_mA: int  # min(config max, identity max, cable PP ampacity if > 0)
    site_phases: tuple[int, ...]
    group: str
    priority: int
    permitted: bool
    transaction_ref: int
    session: ConnectorSession | None
    status_age_s: float
    # Commanded closed and, where the charger has an auxiliary contact, read closed by it: energy can flow.
    contactor_closed: bool = False

    @property
    def contactor_open(self) -> bool:
        """The latest status shows the contactor commanded open and its auxiliary contact open: no
        energy flows any more, so the meter reading in that status is final."""
        if self.status is None:
            return False
        return not self.status.flags & (StatusFlag.CONTACTOR_CLOSED | StatusFlag.CONTACTOR_FEEDBACK)


@dataclass(frozen=True, slots=True)
class ChargerView:
    """One charger: its link state with the reason, identity and health."""

    charger_id: str
    link_state: LinkState
    reason: str
    state_age_s: float
    identity: IdentifyReply | None
    connector_ids: tuple[str, ...]
    health: ChargerHealth
    link_name: str
