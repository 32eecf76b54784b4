"""The load balancer: each control cycle turns claims and charger states into current limits.

Every cycle it reads the chargers (ChargerManager snapshots) and the claims of the other sources
(Arbiter, without its own), allocates the site's power over the power tree (allocator), and applies
the result so that the offered current never exceeds a limit at any moment: decreases first, and an
increase only into headroom that acknowledged decreases have freed. Its own decisions go back to the
Arbiter as LOAD_BALANCER claims with the reason, for the admin screen and the log. See
docs/load-balancing.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from app.arbitration import Arbiter, Claim, ClaimSource
from app.balancing.allocator import Demand, MIN_CURRENT_mA, STEP_mA, allocate
from app.balancing.policies import (
    IDLE_CLASS,
    SCHEDULE_BOOST,
    ChargingSchedule,
    FairRotation,
    HeadroomReclaim,
    IdleRelease,
    needed_current_mA,
)
from app.balancing.power_tree import PHASES, PowerTree, build_power_tree, phase_tuple
from app.chargers import FaultEvent, LinkEvent, SessionEvent, StationEvent, VehicleEvent
from app.config import StationConfig
from hal.links.errors import CommandRefused, LinkError
from hal.listeners import Listeners
from hal.wire.messages import IecState

log = logging.getLogger(__name__)

HYSTERESIS_mA = 1000  # smaller rises are not worth a duty-cycle change (the car is paced 5 s each)
LOCAL_REF_BASE = 0x7000_0000  # transaction refs the station makes up for permissions without one
# IEC 61851-1 Annex A: S2 closed (C or D, with or without PWM) is a car asking for energy.
ASKING_STATES = frozenset({IecState.C1, IecState.C2, IecState.D1, IecState.D2})
DRAWING_mA = 500  # above a meter's noise: the car takes current, whatever the last pilot reading said

BuildingMeter = Callable[[], tuple[int, int, int] | None]  # site import per phase incl. the chargers


class ManagerLike(Protocol):
    """What the balancer needs of app.chargers.manager.ChargerManager."""

    def connectors(self) -> dict[str, Any]: ...
    async def apply(
        self, connector_id: str, *, permit: bool, current_limit_mA: int, transaction_ref: int
    ) -> None: ...
    def subscribe(self, callback: Callable[[Any], None]) -> Callable[[], None]: ...


@dataclass(frozen=True)
class CycleReport:
    """One control cycle: what was asked, what is now committed, and the tightest headroom."""

    at: float
    targets_mA: dict[str, int]
    committed_mA: dict[str, int]
    headroom_mA: dict[tuple[str, int], int]  # limit - committed offer, per (node, phase)
    failures: dict[str, str] = field(default_factory=dict)
    # The most each car asking for current could take (its demand's cap); idle cars are left out, so a
    # target below this means the balancer holds the car back (docs/analytics.md, balancer caps).
    wanted_mA: dict[str, int] = field(default_factory=dict)

    @property
    def worst_headroom_mA(self) -> int:
        return min(self.headroom_mA.values())


@dataclass
class _Committed:
    """What a connector's charger acknowledged last: the offer that may be flowing now."""

    limit_mA: int = 0
    permitted: bool = False
    transaction_ref: int = 0
    offline_since: float | None = None
    sent_at: float = float("-inf")  # when the charger last acknowledged a command of ours
    resend: bool = False  # back from offline: send the target even if it equals limit_mA


class LoadBalancer:
    def __init__(
        self,
        config: StationConfig,
        manager: ManagerLike,
        arbiter: Arbiter,
        *,
        building_meter: BuildingMeter | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config
        self.manager = manager
        self.arbiter = arbiter
        self.building_meter = building_meter
        self.clock = clock
        self.tree = build_power_tree(config)
        self.reclaim = HeadroomReclaim(config.balancer.reclaim_after_s, config.balancer.reclaim_margin_mA)
        self.rotation = FairRotation(config.balancer.rotation_s)
        self.idle = IdleRelease(config.balancer.idle_release_s)
        self.schedules: dict[str, ChargingSchedule] = {}
        self.reports: list[CycleReport] = []  # the last few, for tests and the admin screen
        self._committed: dict[str, _Committed] = {}
        self._local_refs: dict[str, int] = {}
        self._ended_refs: set[int] = set()  # a transaction ref is used once: never re-permit an ended one
        self._next_local_ref = LOCAL_REF_BASE
        self._wake = asyncio.Event()
        self._cycle_lock = asyncio.Lock()
        # A listener's exception reaches the caller of cycle(); run() logs it with the cycle's own.
        self._listeners: Listeners[CycleReport] = Listeners("cycle report", log, propagate=True)
        self._external_site_limits: dict[str, tuple[int, int, int]] = {}

    # -- inputs from other parts of the station ------------------------------------------------
    def set_schedule(self, connector_id: str, departure: float, energy_wanted_Wh: int) -> None:
        """Scheduled charging: energy_wanted_Wh by departure (monotonic clock seconds)."""
        view = self.manager.connectors()[connector_id]
        energy = view.status.energy_Wh if view.status is not None else 0
        self.schedules[connector_id] = ChargingSchedule(departure, energy_wanted_Wh, energy)
        self.wake()

    def clear_schedule(self, connector_id: str) -> None:
        self.schedules.pop(connector_id, None)

    def set_external_site_limit(self, source: str, limit_mA: tuple[int, int, int] | None) -> None:
        """A cap on the site limit per phase from outside (OCPP ChargePointMaxProfile); None withdraws it.
        The lowest of all caps and the configured limit applies."""
        if limit_mA is None:
            self._external_site_limits.pop(source, None)
        else:
            self._external_site_limits[source] = limit_mA
        self.wake()

    def set_site_limit(self, limit_mA: tuple[int, int, int]) -> None:
        """A new configured site limit per phase (the admin mode's configuration, live): the next
        cycle, run now, lowers the offers first where they no longer fit (IEC 61851-1: a lower
        offer is followed within the pilot's response time). External caps still apply below it."""
        self.tree = self.tree.with_site_limit(limit_mA)
        self.wake()

    def wake(self) -> None:
        """Run the next cycle now (a car arrived, a claim changed) instead of at the next tick."""
        self._wake.set()

    def subscribe(self, listener: Callable[[CycleReport], None]) -> Callable[[], None]:
        return self._listeners.subscribe(listener)

    # -- the loop --------------------------------------------------------------------------------
    async def run(self) -> None:
        unsubscribe_manager = self.manager.subscribe(self._on_station_event)
        unsubscribe_claims = self.arbiter.subscribe(self._on_claims_changed)
        period = self.config.balancer.cycle_ms / 1000
        try:
            while True:
                self._wake.clear()
                try:
                    await self.cycle()
                except Exception:  # a bug in one cycle must not stop site protection
                    log.exception("load balancing cycle failed")
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(period):
                        await self._wake.wait()
        finally:
            unsubscribe_manager()
            unsubscribe_claims()

    def _on_station_event(self, event: StationEvent) -> None:
        match event:
            case VehicleEvent() | LinkEvent() | FaultEvent() | SessionEvent():
                self.wake()

    def _on_claims_changed(self, control: Any) -> None:
        winner = control.max_current_mA.claim
        if winner is None or winner.source is not ClaimSource.LOAD_BALANCER:
            self.wake()

    async def cycle(self) -> CycleReport:
        async with self._cycle_lock:
            report = await self._cycle()
        self.reports = [*self.reports[-99:], report]
        self._listeners.emit(report)
        return report

    async def _cycle(self) -> CycleReport:
        now = self.clock()
        views = self.manager.connectors()
        controls = {cid: self.arbiter.resolve(cid, exclude={ClaimSource.LOAD_BALANCER}) for cid in views}
        tree = self._tree_now(views)
        reservations = []
        demands: list[Demand] = []
        for cid, view in views.items():
            committed = self._committed.setdefault(cid, _Committed())
            if not view.available:
                reserved = self._offline_reservation(committed, now)
                if reserved:
                    reservations.append((view.group, view.site_phases, reserved))
                self.reclaim.forget(cid)
                continue
            if committed.offline_since is not None:
                self._back_online(committed, now)
            self._believe_charger(committed, view, now)
            drawn = max(view.measured_mA[p] for p in view.site_phases)
            self.reclaim.observe(cid, view.offered_mA, drawn, view.offered_mA > 0 and drawn > 0, now)
            demand = self._demand(cid, view, controls[cid], now)
            if demand is None:
                self.idle.forget(cid)
                continue
            asking = view.status.iec_state in ASKING_STATES or drawn >= DRAWING_mA
            if self.idle.observe(cid, view.offered_mA, asking, now):
                self.rotation.to_front(cid)
            demands.append(demand)
        # The allocator shares what the unreachable chargers leave; the headroom checks below count
        # their reservations as loads on the whole tree instead (counting them in both would hold
        # back every rise by what they reserve, and starve a car that fits).
        targets = self._allocate(tree.reduced(reservations), demands)
        active = [d.connector_id for d in demands if not self.idle.is_idle(d.connector_id)]
        admitted = {cid for cid, mA in targets.items() if mA > 0}
        self.rotation.update(active, admitted, now)
        failures = await self._apply(views, controls, targets, tree, reservations)
        committed_loads = [
            (views[cid].group, views[cid].site_phases, c.limit_mA)
            for cid, c in self._committed.items()
            if cid in views and views[cid].available
        ] + reservations
        headroom = tree.headroom(tree.sums(committed_loads))
        wanted = {d.connector_id: d.max_mA for d in demands if not self.idle.is_idle(d.connector_id)}
        return CycleReport(
            now,
            targets,
            {cid: c.limit_mA for cid, c in self._committed.items()},
            headroom,
            failures,
            wanted,
        )

    # -- pieces of a cycle -----------------------------------------------------------------------
    def _allocate(self, tree: PowerTree, demands: list[Demand]) -> dict[str, int]:
        """The allocation, with idle (paused) cars giving way to cars that wait for 6 A.

        Idle cars come last in the admission order, so within a class a waiting car is admitted before
        them and only as many of them give up their share as needed. If a car still waits while an
        idle car holds current (the idle car is in a higher class), the idle cars drop below every
        class and keep only what nobody else can use.
        """
        idle = {d.connector_id for d in demands if self.idle.is_idle(d.connector_id)}
        order = [cid for cid in self.rotation.order if cid not in idle]
        # Among idle cars, those still holding a share come first, so the same ones keep theirs from
        # cycle to cycle rather than the PWM moving between them.
        order += sorted(
            (d.connector_id for d in demands if d.connector_id in idle),
            key=lambda cid: self._committed[cid].limit_mA == 0,
        )
        nodes = tree.node_list()
        targets = allocate(nodes, demands, order)
        if not any(targets[cid] for cid in idle):
            return targets
        if not any(
            targets[d.connector_id] == 0 and d.max_mA >= MIN_CURRENT_mA
            for d in demands
            if d.connector_id not in idle
        ):
            return targets
        demoted = [replace(d, priority=IDLE_CLASS) if d.connector_id in idle else d for d in demands]
        return allocate(nodes, demoted, order)

    def _tree_now(self, views: dict[str, Any]) -> PowerTree:
        """The tree, its site limit capped from outside and lowered by what the building draws (metered)."""
        site = self.tree.nodes["site"].limit_mA
        for cap in self._external_site_limits.values():
            site = phase_tuple(min(site[p], cap[p]) for p in range(PHASES))
        tree = self.tree if site == self.tree.nodes["site"].limit_mA else self.tree.with_site_limit(site)
        if self.building_meter is None:
            return tree
        total = self.building_meter()
        if total is None:
            return tree
        ev = [0] * PHASES
        for view in views.values():
            for phase in range(PHASES):
                ev[phase] += view.measured_mA[phase]
        building = [max(0, total[p] - ev[p]) for p in range(PHASES)]
        return self.tree.with_site_limit(phase_tuple(max(0, site[p] - building[p]) for p in range(PHASES)))

    def _believe_charger(self, committed: _Committed, view: Any, now: float) -> None:
        """A status read after our last command is the truth: a charger that lost its permission
        (the car left, it rebooted) offers nothing, and one that offers more than we think (a
        fail-safe current) is counted at what it offers."""
        if view.status is None or now - view.status_age_s <= committed.sent_at:
            return
        if view.session is not None and view.session.state == "ended":
            self._ended_refs.add(view.session.transaction_ref)
        if not view.permitted:
            committed.limit_mA = view.offered_mA
        committed.permitted = view.permitted
        committed.transaction_ref = view.transaction_ref
        committed.limit_mA = max(committed.limit_mA, view.offered_mA)

    def _back_online(self, committed: _Committed, now: float) -> None:
        """A charger that was away past its lease was counted at the fail-safe current, and its link
        lowered it to that before acknowledging the expiry (ChargerLinkTask): believe the same, and
        send the target again in any case, since the charger may hold less than was committed."""
        away_s = now - (committed.offline_since or now)
        if away_s >= self._lease_margin_s() and committed.permitted:
            committed.limit_mA = min(committed.limit_mA, self.config.link.failsafe_current_mA)
        committed.offline_since = None
        committed.resend = committed.permitted

    def _lease_margin_s(self) -> float:
        return self.config.link.lease_ms / 1000 + 1.0

    def _offline_reservation(self, committed: _Committed, now: float) -> int:
        """An unreachable charger may still be charging until its lease expires, then at the fail-safe
        current: keep that much for it, so the others never get power it could still be using."""
        if committed.limit_mA == 0:
            return 0
        if committed.offline_since is None:
            committed.offline_since = now
        if now - committed.offline_since < self._lease_margin_s():
            return committed.limit_mA
        return min(committed.limit_mA, self.config.link.failsafe_current_mA)

    def _demand(self, cid: str, view: Any, control: Any, now: float) -> Demand | None:
        if not (control.may_charge.value and view.vehicle_present and view.status and not view.status.faults):
            return None
        cap = view.max_mA
        if control.max_current_mA.value is not None:
            cap = min(cap, int(control.max_current_mA.value))
        reclaimed = self.reclaim.cap(cid)
        if reclaimed is not None:
            cap = min(cap, reclaimed)
        priority = (
            view.priority if control.charging_priority.value is None else int(control.charging_priority.value)
        )
        schedule = self.schedules.get(cid)
        if schedule is not None:
            needed = needed_current_mA(schedule, view.status.energy_Wh, len(view.site_phases), now)
            if needed == 0:
                del self.schedules[cid]
            elif needed >= self._committed[cid].limit_mA:
                # Behind schedule: first in line for what it needs (and no more, so others still charge).
                priority += SCHEDULE_BOOST
                cap = min(cap, max(MIN_CURRENT_mA, needed))
        return Demand(cid, view.group, view.site_phases, cap, priority)

    def _transaction_ref(self, cid: str, control: Any) -> int:
        """The session's ref from the claim that granted the permission, else one the station makes
        up for this permission (kept until the permission is withdrawn)."""
        if control.transaction_ref.value is not None:
            return int(control.transaction_ref.value)
        if not control.may_charge.value:
            self._local_refs.pop(cid, None)
            return 0
        if cid not in self._local_refs:
            self._local_refs[cid] = self._next_local_ref
            self._next_local_ref += 1
        return self._local_refs[cid]

    async def _apply(
        self,
        views: dict[str, Any],
        controls: dict[str, Any],
        targets: dict[str, int],
        tree: PowerTree,
        reservations: list[tuple[str, tuple[int, ...], int]],
    ) -> dict[str, str]:
        """Decreases first; then increases into the headroom the committed offers leave."""
        failures: dict[str, str] = {}
        plans = {}
        for cid, view in views.items():
            if not view.available:
                continue
            control = controls[cid]
            ref = self._transaction_ref(cid, control)
            permit = bool(control.may_charge.value) and ref not in self._ended_refs
            target = targets.get(cid, 0) if permit else 0
            committed = self._committed[cid]
            if 0 < target - committed.limit_mA < HYSTERESIS_mA and committed.limit_mA >= MIN_CURRENT_mA:
                target = committed.limit_mA
            plans[cid] = (permit, target)
        decreases = [cid for cid, (permit, target) in plans.items() if self._lowers(cid, permit, target)]
        await asyncio.gather(
            *(self._send(cid, *plans[cid], controls[cid], views, failures) for cid in decreases)
        )
        # Increases go into the headroom left by what is committed (acknowledged) now and by what
        # the unreachable chargers may still be offering; `tree` is the whole tree, not reduced.
        loads = [
            (views[cid].group, views[cid].site_phases, self._committed[cid].limit_mA) for cid in plans
        ] + reservations
        room = tree.headroom(tree.sums(loads))
        increases = []
        for cid, (permit, target) in plans.items():
            if cid in decreases:
                continue
            committed = self._committed[cid]
            rise = target - committed.limit_mA
            if rise > 0:
                view = views[cid]
                keys = [(node, p) for node in tree.chain[view.group] for p in view.site_phases]
                fits = min(room[k] for k in keys)
                granted = committed.limit_mA + max(0, min(rise, fits)) // STEP_mA * STEP_mA
                if granted < MIN_CURRENT_mA:
                    granted = committed.limit_mA
                for k in keys:
                    room[k] -= granted - committed.limit_mA
                target = granted
            if permit != committed.permitted or target != committed.limit_mA or committed.resend:
                increases.append((cid, permit, target))
        await asyncio.gather(
            *(self._send(cid, p, t, controls[cid], views, failures) for cid, p, t in increases)
        )
        for cid in plans:
            c = self._committed[cid]
            self.arbiter.submit(
                cid,
                Claim(
                    ClaimSource.LOAD_BALANCER, max_current_mA=c.limit_mA, reason=self._reason(cid, targets, c)
                ),
            )
        return failures

    def _lowers(self, cid: str, permit: bool, target: int) -> bool:
        committed = self._committed[cid]
        return target < committed.limit_mA or (committed.permitted and not permit)

    async def _send(
        self,
        cid: str,
        permit: bool,
        target: int,
        control: Any,
        views: dict[str, Any],
        failures: dict[str, str],
    ) -> None:
        committed = self._committed[cid]
        ref = self._transaction_ref(cid, control) if permit else committed.transaction_ref
        try:
            await self.manager.apply(cid, permit=permit, current_limit_mA=target, transaction_ref=ref)
        except (LinkError, CommandRefused) as err:
            failures[cid] = str(err)
            log.warning("%s: could not apply %s A (%s)", cid, target / 1000, err)
            if isinstance(err, LinkError):
                # No reply is not "not applied": the command may have arrived and its reply got lost.
                # A rise is counted as applied until a send is acknowledged, so its headroom is never
                # given to another charger meanwhile; a failed fall keeps the higher value anyway.
                committed.limit_mA = max(committed.limit_mA, target if permit else 0)
                committed.resend = True
            return
        committed.limit_mA = target if permit else 0
        committed.resend = False
        committed.permitted = permit
        committed.transaction_ref = ref if permit else 0
        committed.sent_at = self.clock()

    def _reason(self, cid: str, targets: dict[str, int], committed: _Committed) -> str:
        target = targets.get(cid, 0)
        if committed.limit_mA < target:
            return f"rising to {target / 1000:.1f} A as headroom frees"
        if target == 0 and self.idle.is_idle(cid):
            return "no share now (paused: its share went to a car that waits; back when it asks)"
        if target == 0:
            return "no share now (waiting for its turn or not charging)"
        return f"share of the power tree: {target / 1000:.1f} A"
