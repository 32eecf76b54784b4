"""The overview group of the operator facade: every charger and connector, the load balancer's allocation
and why, the site's phase currents against its limits and the central system's link (docs/admin.md).

A snapshot reads only what the station holds in memory (the charger manager's views and health, the
arbiter's claims, the balancer's last cycle report): no database, no device, no await. The outbox's
counts and the open maintenance alarms are separate reads on a worker thread. The admin screen
takes one every second for up to 16 chargers, so nothing here may grow with the history.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.analytics import Alarm, open_alarms
from app.arbitration import ClaimSource, ConnectorControl
from app.balancing import CycleReport
from app.chargers import ConnectorView, link_usable
from app.db import OutboxMessage
from app.ocpp import central_system_links
from hal.wire.messages import FaultBit, IecState, StatusFlag

if TYPE_CHECKING:
    from app.admin.context import Operator, OperatorContext
    from app.chargers.events import ChargerView

# IEC 61851-1 Annex A: the pilot states; x1/x2 (without/with PWM) are one letter on the overview.
IEC_LETTERS = {
    IecState.A: "A",
    IecState.B1: "B",
    IecState.B2: "B",
    IecState.C1: "C",
    IecState.C2: "C",
    IecState.D1: "D",
    IecState.D2: "D",
    IecState.E: "E",
    IecState.F: "F",
}
# The fault catalogue's codes (docs/fault-catalogue.md) in bit order, as plain ints: a snapshot names the
# latched bits of every connector every second.
FAULT_NAMES = tuple((int(bit), bit.name or "") for bit in FaultBit)
_DERATING = int(StatusFlag.DERATING)
_LEASE_EXPIRED = int(StatusFlag.LEASE_EXPIRED)
_BALANCER = frozenset({ClaimSource.LOAD_BALANCER})
PHASES = 3


@dataclass(frozen=True)
class LinkStatistics:
    """A charger link's figures since the station started (app/chargers/health.py)."""

    polls: int
    missed_polls: int
    bad_frames: int
    reconnects: int  # connections after the first
    retries: int
    timeouts: int
    latency_last_ms: float
    latency_avg_ms: float
    latency_p99_ms: float
    online_ratio: float


@dataclass(frozen=True)
class Allocation:
    """The load balancer's allocation for one connector and why, as a code the screens translate.

    code: offline (its charger is unreachable: what it may still draw stays reserved), fault, no_vehicle,
    not_permitted (no session or claim lets it charge), failed (the charger did not take the last
    command), waiting (no share now), paused (idle car: its share went to a car that waits), rising
    (more is on its way as headroom frees), capped (another source's cap decides: capped_by), max (the
    charger's or cable's maximum), share (its share of what the site and its groups allow), unknown
    (no balancing cycle has run yet)."""

    code: str
    target_mA: int | None  # the allocator's target in the last cycle
    committed_mA: int | None  # what the charger acknowledged last
    wanted_mA: int | None  # the most the car could take (None: not asking)
    capped_by: str | None  # the claim source deciding the cap (ADMIN, OCPP_PROFILE, ...), when code == capped
    reason: str  # the balancer's own sentence (English, for the log and the web)
    explanation: tuple[str, ...]  # the arbiter's resolution, field by field (ConnectorControl.explain)
    failure: str | None = None


@dataclass(frozen=True)
class ConnectorOverview:
    connector_id: str
    charger_id: str
    number: int  # OCPP connector number on its charger, 1-based
    link_state: str
    iec_state: str  # A-F (IEC 61851-1 Annex A), "" while unknown
    pilot: str  # the precise pilot state (C2: charging with PWM), "" while unknown
    vehicle_present: bool
    available: bool
    offered_mA: int
    drawn_mA: tuple[int, int, int]  # per charger phase L1..L3
    site_phases: tuple[int, ...]  # the site phase each charger phase is wired to (0 = L1)
    power_W: int
    energy_Wh: int
    temperature_dC: int | None
    faults: tuple[str, ...]  # latched FaultBit names (docs/fault-catalogue.md)
    derating: bool
    lease_expired: bool
    contactor_closed: bool
    session_state: str | None  # active, interrupted, ended (the link layer's view)
    transaction_ref: int
    status_age_s: float | None
    allocation: Allocation


@dataclass(frozen=True)
class ChargerOverview:
    charger_id: str
    link_state: str  # connecting, online, degraded, offline, faulty
    link_reason: str
    link_age_s: float
    link_name: str
    firmware: str | None  # major.minor.patch from its identity, None before the first identify
    serial: str | None
    temperature_dC: int | None
    stats: LinkStatistics
    connectors: tuple[ConnectorOverview, ...]


@dataclass(frozen=True)
class NodeLoad:
    """One node of the power tree (the site or a group) against its limits, per site phase."""

    node_id: str
    parent_id: str | None
    limit_mA: tuple[int, int, int]
    drawn_mA: tuple[int, int, int]  # measured now on the connectors below it
    offered_mA: tuple[int, int, int]  # what the balancer has committed below it
    headroom_mA: tuple[int, int, int] | None  # from the last cycle (a lowered site limit counts there)


@dataclass(frozen=True)
class CentralSystemLink:
    identity: str
    connected: bool
    registration: str  # Accepted, Pending, Rejected, Unknown (OCPP 1.6 section 4.2)
    heartbeat_age_s: float | None  # since the last answered Heartbeat; None: none yet


@dataclass(frozen=True)
class Overview:
    at: datetime
    chargers: tuple[ChargerOverview, ...]
    site: NodeLoad
    groups: tuple[NodeLoad, ...]
    central_system: tuple[CentralSystemLink, ...]  # empty: no central system configured
    central_system_configured: bool
    balancer_cycle_age_s: float | None


class _IdleCheck(Protocol):
    def __call__(self, connector_id: str) -> bool: ...


class _Node(Protocol):
    """A power tree node (app/balancing/allocator.py PowerNode)."""

    @property
    def parent_id(self) -> str | None: ...

    @property
    def limit_mA(self) -> tuple[int, int, int]: ...


class OverviewOperations:
    """facade.overview: the overview's snapshot (viewer role)."""

    def __init__(self, context: OperatorContext) -> None:
        self.context = context

    async def snapshot(self, operator: Operator) -> Overview:
        """Every charger and connector, the allocation and its reasons, the site's and groups' loads."""
        self.context.require(operator, "viewer", "overview")
        return self.take()

    async def outbox_counts(self) -> tuple[int, int]:
        """(queued, parked) messages for the central system (no role check: the live feed's slow pass,
        whose subscribers the web checks); one count on a worker thread."""
        return await self.context.read(outbox_counts)

    async def open_alarms(self) -> tuple[Alarm, ...]:
        """The maintenance alarms still open, oldest first (no role check, as outbox_counts)."""
        return tuple(await self.context.read(open_alarms))

    def take(self) -> Overview:
        """The snapshot itself (no role check): for the facade's own operations and the benchmark."""
        runtime = self.context.runtime
        station = runtime.station
        manager, balancer = station.manager, station.balancer
        views = manager.connectors()
        report = balancer.reports[-1] if balancer.reports else None
        arbiter = station.arbiter
        # The whole resolution explains the connector; the others' alone (the balancer's claim left
        # out, as the balancer itself resolves) says which cap the allocation met.
        controls = {cid: (arbiter.resolve(cid), arbiter.resolve(cid, exclude=_BALANCER)) for cid in views}
        chargers = tuple(
            _charger(charger, views, controls, report, balancer.idle.is_idle)
            for charger in manager.chargers().values()
        )
        tree = balancer.tree
        nodes = _node_loads(tree.nodes, tree.chain, views, report)
        central, configured = _central_system(runtime.ocpp)
        return Overview(
            at=self.context.now(),
            chargers=chargers,
            site=nodes["site"],
            groups=tuple(load for node_id, load in nodes.items() if node_id != "site"),
            central_system=central,
            central_system_configured=configured,
            balancer_cycle_age_s=(balancer.clock() - report.at) if report is not None else None,
        )


def _charger(
    charger: ChargerView,
    views: Mapping[str, ConnectorView],
    controls: Mapping[str, tuple[ConnectorControl, ConnectorControl]],
    report: CycleReport | None,
    is_idle: _IdleCheck,
) -> ChargerOverview:
    health = charger.health
    identity = charger.identity
    firmware = serial = None
    if identity is not None:
        firmware = f"{identity.firmware_major}.{identity.firmware_minor}.{identity.firmware_patch}"
        serial = identity.serial.rstrip(b"\0").decode("ascii", errors="replace")
    stats = LinkStatistics(
        polls=health.polls,
        missed_polls=health.missed_polls,
        bad_frames=health.bad_frames,
        reconnects=max(0, health.connects - 1),
        retries=health.retries,
        timeouts=health.timeouts,
        latency_last_ms=health.latency_last_ms,
        latency_avg_ms=health.latency_avg_ms,
        latency_p99_ms=health.latency_p99_ms,
        online_ratio=health.online_ratio,
    )
    connectors = tuple(
        _connector(views[cid], *controls[cid], report, is_idle)
        for cid in charger.connector_ids
        if cid in views
    )
    return ChargerOverview(
        charger_id=charger.charger_id,
        link_state=charger.link_state.value,
        link_reason=charger.reason,
        link_age_s=charger.state_age_s,
        link_name=charger.link_name,
        firmware=firmware,
        serial=serial,
        temperature_dC=health.temperature_dC,
        stats=stats,
        connectors=connectors,
    )


def _connector(
    view: ConnectorView,
    control: ConnectorControl,
    others: ConnectorControl,
    report: CycleReport | None,
    is_idle: _IdleCheck,
) -> ConnectorOverview:
    status = view.status
    faults: tuple[str, ...] = ()
    drawn = (0, 0, 0)
    if status is not None:
        faults = tuple(name for bit, name in FAULT_NAMES if status.faults & bit)
        drawn = status.current_mA
    pilot = ""
    if status is not None and status.iec_state != IecState.UNKNOWN:
        pilot = IecState(status.iec_state).name or ""
    return ConnectorOverview(
        connector_id=view.connector_id,
        charger_id=view.charger_id,
        number=view.index + 1,
        link_state=view.link_state.value,
        iec_state=IEC_LETTERS.get(IecState(status.iec_state), "") if status is not None else "",
        pilot=pilot,
        vehicle_present=view.vehicle_present,
        available=view.available,
        offered_mA=status.offered_mA if status is not None else 0,
        drawn_mA=drawn,
        site_phases=view.site_phases,
        power_W=status.power_W if status is not None else 0,
        energy_Wh=status.energy_Wh if status is not None else 0,
        temperature_dC=status.temperature_dC if status is not None else None,
        faults=faults,
        derating=status is not None and bool(status.flags & _DERATING),
        lease_expired=status is not None and bool(status.flags & _LEASE_EXPIRED),
        contactor_closed=view.contactor_closed,
        session_state=view.session.state if view.session is not None else None,
        transaction_ref=view.transaction_ref,
        status_age_s=view.status_age_s if math.isfinite(view.status_age_s) else None,
        allocation=_allocation(view, faults, control, others, report, is_idle),
    )


def _allocation(
    view: ConnectorView,
    faults: tuple[str, ...],
    control: ConnectorControl,
    others: ConnectorControl,
    report: CycleReport | None,
    is_idle: _IdleCheck,
) -> Allocation:
    """Why the connector gets what it gets, in the order the balancer decides it (docs/load-balancing.md):
    reachability, faults, a car, a permission, then the allocation against the caps and the tree."""
    cid = view.connector_id
    balancer_claim = control.max_current_mA.claim
    reason = ""
    if balancer_claim is not None and balancer_claim.source is ClaimSource.LOAD_BALANCER:
        reason = balancer_claim.reason
    target = report.targets_mA.get(cid) if report is not None else None
    committed = report.committed_mA.get(cid) if report is not None else None
    wanted = report.wanted_mA.get(cid) if report is not None else None
    failure = report.failures.get(cid) if report is not None else None

    def result(code: str, capped_by: str | None = None) -> Allocation:
        return Allocation(
            code, target, committed, wanted, capped_by, reason, tuple(control.explain()), failure
        )

    if not link_usable(view.link_state) or view.status is None:
        return result("offline")
    if faults:
        return result("fault")
    if not view.vehicle_present:
        return result("no_vehicle")
    if not control.may_charge.value:
        return result("not_permitted")
    if failure:
        return result("failed")
    if report is None or target is None:
        return result("unknown")
    if committed is not None and committed < target:
        return result("rising")
    if target == 0:
        return result("paused" if is_idle(cid) else "waiting")
    # The car got all it could take: the others' cap (the balancer's own left out) or the hardware's.
    if wanted is not None and target >= wanted:
        cap = others.max_current_mA.claim
        if cap is not None and cap.max_current_mA is not None and cap.max_current_mA <= view.max_mA:
            return result("capped", cap.source.name)
        return result("max")
    return result("share")


def _node_loads(
    nodes: Mapping[str, _Node],
    chain: Mapping[str, tuple[str, ...]],
    views: Mapping[str, ConnectorView],
    report: CycleReport | None,
) -> dict[str, NodeLoad]:
    drawn = {node_id: [0, 0, 0] for node_id in nodes}
    offered = {node_id: [0, 0, 0] for node_id in nodes}
    committed = report.committed_mA if report is not None else {}
    for view in views.values():
        for node_id in chain.get(view.group, ("site",)):
            for phase in range(PHASES):
                drawn[node_id][phase] += view.measured_mA[phase]
            for phase in view.site_phases:
                offered[node_id][phase] += committed.get(view.connector_id, 0) if view.available else 0
    loads = {}
    for node_id, node in nodes.items():
        headroom = None
        if report is not None and (node_id, 0) in report.headroom_mA:
            headroom = _triple(report.headroom_mA[node_id, p] for p in range(PHASES))
        loads[node_id] = NodeLoad(
            node_id=node_id,
            parent_id=node.parent_id,
            limit_mA=_triple(node.limit_mA),
            drawn_mA=_triple(drawn[node_id]),
            offered_mA=_triple(offered[node_id]),
            headroom_mA=headroom,
        )
    return loads


def outbox_counts(db: Session) -> tuple[int, int]:
    """(queued, parked): undelivered messages for the central system, and those of them held for an
    operator after the central system kept refusing them."""
    undelivered = OutboxMessage.delivered_at.is_(None)
    queued = db.scalar(select(func.count()).where(undelivered, OutboxMessage.parked_at.is_(None)))
    parked = db.scalar(select(func.count()).where(undelivered, OutboxMessage.parked_at.is_not(None)))
    return int(queued or 0), int(parked or 0)


def _triple(values: Iterable[int]) -> tuple[int, int, int]:
    a, b, c = values
    return a, b, c


def _central_system(ocpp: object | None) -> tuple[tuple[CentralSystemLink, ...], bool]:
    """The OCPP link of each charge point identity the station runs (one, or one per charger)."""
    if ocpp is None:
        return (), False
    links = tuple(
        CentralSystemLink(link.identity, link.connected, link.registration, link.heartbeat_age_s)
        for link in central_system_links(ocpp)
    )
    return links, True
