"""The load balancer's control cycle against a scripted charger manager: order of changes and safety."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace

from app.arbitration import Arbiter, Claim, ClaimSource
from app.balancing.balancer import LoadBalancer
from app.config import parse_config
from hal.links.errors import LinkTimeoutError
from hal.wire.messages import IecState


@dataclass
class FakeStatus:
    energy_Wh: int = 0
    faults: int = 0
    iec_state: IecState = IecState.C2  # the car asks for energy


@dataclass
class FakeSession:
    transaction_ref: int
    state: str


@dataclass
class FakeView:
    connector_id: str
    group: str = "site"
    site_phases: tuple[int, ...] = (0, 1, 2)
    priority: int = 0
    available: bool = True
    vehicle_present: bool = True
    offered_mA: int = 0
    measured_mA: tuple[int, int, int] = (0, 0, 0)
    max_mA: int = 32000
    permitted: bool = False
    transaction_ref: int = 0
    session: FakeSession | None = None
    status: FakeStatus = field(default_factory=FakeStatus)
    status_age_s: float = 0.0


class FakeManager:
    """Acknowledges commands at once (like a charger core) and records their order."""

    def __init__(self, views: list[FakeView]) -> None:
        self.views = {v.connector_id: v for v in views}
        self.calls: list[tuple[str, bool, int, int]] = []
        self.unreachable: set[str] = set()

    def connectors(self) -> dict[str, FakeView]:
        return dict(self.views)

    async def apply(
        self, connector_id: str, *, permit: bool, current_limit_mA: int, transaction_ref: int
    ) -> None:
        if connector_id in self.unreachable:
            raise LinkTimeoutError(f"{connector_id}: no reply")
        self.calls.append((connector_id, permit, current_limit_mA, transaction_ref))
        offered = current_limit_mA if permit and current_limit_mA >= 6000 else 0
        self.views[connector_id] = replace(
            self.views[connector_id], permitted=permit, offered_mA=offered, transaction_ref=transaction_ref
        )

    def subscribe(self, callback: object) -> object:
        return lambda: None


def balancer(
    views: list[FakeView], config: dict, clock: list[float]
) -> tuple[LoadBalancer, FakeManager, Arbiter]:
    manager = FakeManager(views)
    arbiter = Arbiter()
    cfg = parse_config({"balancer": {"reclaim_after_s": 5.0}, **config})
    return LoadBalancer(cfg, manager, arbiter, clock=lambda: clock[0]), manager, arbiter


def allow(arbiter: Arbiter, *cids: str) -> None:
    for i, cid in enumerate(cids):
        arbiter.submit(cid, Claim(ClaimSource.PAYMENT, may_charge=True, transaction_ref=100 + i))


def test_decreases_are_acknowledged_before_any_increase() -> None:
    clock = [0.0]
    lb, manager, arbiter = balancer(
        [FakeView("A"), FakeView("B")], {"site": {"limit_mA": [40000] * 3}}, clock
    )
    allow(arbiter, "A")
    asyncio.run(lb.cycle())
    assert manager.views["A"].offered_mA == 32000
    allow(arbiter, "A", "B")
    manager.calls.clear()
    report = asyncio.run(lb.cycle())
    assert [c[0] for c in manager.calls] == ["A", "B"]  # A comes down to 20 A first, then B rises
    assert report.committed_mA == {"A": 20000, "B": 20000}
    assert report.worst_headroom_mA == 0


def test_a_failed_decrease_holds_back_the_increase_it_would_pay_for() -> None:
    clock = [0.0]
    lb, manager, arbiter = balancer(
        [FakeView("A"), FakeView("B")], {"site": {"limit_mA": [40000] * 3}}, clock
    )
    allow(arbiter, "A")
    asyncio.run(lb.cycle())
    allow(arbiter, "A", "B")
    manager.unreachable.add("A")  # A may still be offering 32 A
    report = asyncio.run(lb.cycle())
    assert report.failures.keys() == {"A"}
    assert report.committed_mA["A"] == 32000
    assert report.committed_mA["B"] == 8000  # only what is really free
    assert report.worst_headroom_mA >= 0


class LostReplyManager(FakeManager):
    """For the chargers in `lose_reply` the command is applied but its reply is lost (a timeout on a
    loaded link), and the station's view of the charger is not polled again yet: only `offered`
    knows what each charger really offers."""

    def __init__(self, views: list[FakeView]) -> None:
        super().__init__(views)
        self.lose_reply: set[str] = set()
        self.offered: dict[str, int] = {cid: 0 for cid in self.views}

    async def apply(
        self, connector_id: str, *, permit: bool, current_limit_mA: int, transaction_ref: int
    ) -> None:
        self.offered[connector_id] = current_limit_mA if permit and current_limit_mA >= 6000 else 0
        if connector_id in self.lose_reply:
            raise LinkTimeoutError(f"{connector_id}: no reply within 75 ms")
        await super().apply(
            connector_id, permit=permit, current_limit_mA=current_limit_mA, transaction_ref=transaction_ref
        )


def test_a_rise_whose_reply_was_lost_counts_as_applied() -> None:
    clock = [0.0]
    manager = LostReplyManager([FakeView("A"), FakeView("B", max_mA=16000)])
    arbiter = Arbiter()
    lb = LoadBalancer(
        parse_config({"site": {"limit_mA": [40000] * 3}}), manager, arbiter, clock=lambda: clock[0]
    )
    allow(arbiter, "A", "B")
    assert asyncio.run(lb.cycle()).committed_mA == {"A": 24000, "B": 16000}
    # B's session ends: A rises into the freed 16 A. The charger applies it, but the reply is lost.
    arbiter.release("B", ClaimSource.PAYMENT)
    manager.lose_reply.add("A")
    clock[0] = 1.0
    report = asyncio.run(lb.cycle())
    assert report.failures.keys() == {"A"} and manager.offered["A"] == 32000
    assert report.committed_mA["A"] == 32000  # counted as offered, though never acknowledged
    # B is allowed again (a 16 A car) before A's status is polled: A's share is 24 A again. A must
    # come down before B rises; believing A at 24 A, the balancer would send A nothing and B 16 A.
    allow(arbiter, "A", "B")
    for t in (2.0, 3.0):
        clock[0] = t
        report = asyncio.run(lb.cycle())
        assert sum(manager.offered.values()) <= 40000, manager.offered
        assert report.worst_headroom_mA >= 0
    # The link recovers: the next cycles send A its value again and the shares settle.
    manager.lose_reply.clear()
    for t in (4.0, 5.0):
        clock[0] = t
        report = asyncio.run(lb.cycle())
    assert report.committed_mA == {"A": 24000, "B": 16000} and not report.failures
    assert manager.offered == {"A": 24000, "B": 16000}


def test_an_unreachable_charger_keeps_its_share_until_its_lease_has_expired() -> None:
    clock = [0.0]
    config = {"site": {"limit_mA": [40000] * 3}, "link": {"lease_ms": 3000, "heartbeat_ms": 1000}}
    lb, manager, arbiter = balancer([FakeView("A"), FakeView("B")], config, clock)
    allow(arbiter, "A", "B")
    asyncio.run(lb.cycle())
    manager.views["A"] = replace(manager.views["A"], available=False, offered_mA=0)
    clock[0] = 1.0
    assert asyncio.run(lb.cycle()).committed_mA["B"] == 20000
    clock[0] = 5.5  # lease (3 s) + margin passed: A is at its fail-safe current (0) for sure
    assert asyncio.run(lb.cycle()).committed_mA["B"] == 32000


def test_the_share_kept_for_an_unreachable_charger_is_counted_once() -> None:
    clock = [0.0]
    config = {"site": {"limit_mA": [40000] * 3}, "link": {"lease_ms": 5000, "heartbeat_ms": 1000}}
    lb, manager, arbiter = balancer(
        [FakeView("A"), FakeView("B"), FakeView("C", vehicle_present=False)], config, clock
    )
    allow(arbiter, "A", "B", "C")
    assert asyncio.run(lb.cycle()).committed_mA == {"A": 20000, "B": 20000, "C": 0}
    # A cannot be reached: its 20 A stay reserved. A car arrives at C: B and C share the other 20 A.
    manager.views["A"] = replace(manager.views["A"], available=False)
    manager.views["C"] = replace(manager.views["C"], vehicle_present=True)
    clock[0] = 1.0
    report = asyncio.run(lb.cycle())
    assert report.committed_mA == {"A": 20000, "B": 10000, "C": 10000}
    assert report.worst_headroom_mA == 0


def test_small_rises_wait_but_any_fall_is_applied() -> None:
    clock = [0.0]
    lb, manager, arbiter = balancer([FakeView("A", max_mA=16000)], {"site": {"limit_mA": [40000] * 3}}, clock)
    allow(arbiter, "A")
    asyncio.run(lb.cycle())
    manager.views["A"] = replace(manager.views["A"], max_mA=16500)
    assert asyncio.run(lb.cycle()).committed_mA["A"] == 16000  # +0.5 A: not worth a duty change
    manager.views["A"] = replace(manager.views["A"], max_mA=15800)
    assert asyncio.run(lb.cycle()).committed_mA["A"] == 15800


def test_a_car_drawing_less_is_reclaimed_and_gets_it_back_when_it_asks() -> None:
    clock = [0.0]
    views = [FakeView("A"), FakeView("B")]
    lb, manager, arbiter = balancer(views, {"site": {"limit_mA": [40000] * 3}}, clock)
    allow(arbiter, "A", "B")
    for t in range(8):
        clock[0] = float(t)
        manager.views["A"] = replace(manager.views["A"], measured_mA=(8000, 8000, 8000))
        manager.views["B"] = replace(manager.views["B"], measured_mA=(20000, 20000, 20000))
        report = asyncio.run(lb.cycle())
    assert report.committed_mA["A"] == 10000  # its draw + 2 A margin
    assert report.committed_mA["B"] == 30000
    manager.views["A"] = replace(manager.views["A"], measured_mA=(9800, 9800, 9800))  # near its cap
    asyncio.run(lb.cycle())
    clock[0] = 9.0
    assert asyncio.run(lb.cycle()).committed_mA["A"] == 20000


def test_a_building_meter_lowers_the_site_headroom() -> None:
    clock = [0.0]
    manager = FakeManager([FakeView("A")])
    arbiter = Arbiter()
    cfg = parse_config({"site": {"limit_mA": [40000] * 3}})
    lb = LoadBalancer(
        cfg, manager, arbiter, clock=lambda: clock[0], building_meter=lambda: (25000, 20000, 5000)
    )
    allow(arbiter, "A")
    assert asyncio.run(lb.cycle()).committed_mA["A"] == 15000  # L1 has 40 - 25 A left


def test_an_ended_session_is_never_permitted_again_by_the_balancer() -> None:
    clock = [0.0]
    lb, manager, arbiter = balancer([FakeView("A")], {}, clock)
    allow(arbiter, "A")
    asyncio.run(lb.cycle())
    # The charger rebooted: no permission any more, and the link layer ended the session.
    clock[0] = 1.0
    manager.views["A"] = replace(
        manager.views["A"], permitted=False, offered_mA=0, session=FakeSession(100, "ended"), status_age_s=0.0
    )
    manager.calls.clear()
    report = asyncio.run(lb.cycle())
    assert not any(permit for _, permit, _, _ in manager.calls)
    assert report.committed_mA["A"] == 0
    # A new authorisation (a new ref) charges again.
    arbiter.submit("A", Claim(ClaimSource.PAYMENT, may_charge=True, transaction_ref=101))
    assert asyncio.run(lb.cycle()).committed_mA["A"] == 32000


def test_the_winning_claim_explains_the_balancers_decision() -> None:
    clock = [0.0]
    lb, _manager, arbiter = balancer(
        [FakeView("A"), FakeView("B")], {"site": {"limit_mA": [40000] * 3}}, clock
    )
    allow(arbiter, "A", "B")
    arbiter.submit("A", Claim(ClaimSource.ADMIN, max_current_mA=32000, reason="technician"))
    asyncio.run(lb.cycle())
    control = arbiter.resolve("A")
    assert control.max_current_mA.value == 20000
    assert control.max_current_mA.claim.source is ClaimSource.LOAD_BALANCER
    assert "share of the power tree" in control.explain()[1]


def test_a_car_behind_its_schedule_gets_what_it_needs_first() -> None:
    clock = [0.0]
    lb, manager, arbiter = balancer(
        [FakeView("A"), FakeView("B")], {"site": {"limit_mA": [30000] * 3}}, clock
    )
    allow(arbiter, "A", "B")
    assert asyncio.run(lb.cycle()).committed_mA == {"A": 15000, "B": 15000}
    # B must take 27.6 kWh in 2 h: 27600 Wh / 2 h / (230 V * 3) = 20 A, more than its fair share.
    lb.set_schedule("B", departure=7200.0, energy_wanted_Wh=27600)
    clock[0] = 1.0
    report = asyncio.run(lb.cycle())
    assert report.committed_mA["B"] >= 20000
    assert report.committed_mA["A"] == 30000 - report.committed_mA["B"]
    # Once the energy is in, the schedule ends and the shares are equal again.
    manager.views["B"] = replace(manager.views["B"], status=FakeStatus(energy_Wh=27600))
    clock[0] = 2.0
    asyncio.run(lb.cycle())
    assert "B" not in lb.schedules


def test_fair_rotation_lets_a_waiting_car_charge_in_turn() -> None:
    clock = [0.0]
    views = [FakeView("A"), FakeView("B"), FakeView("C")]
    config = {"site": {"limit_mA": [13000] * 3}, "balancer": {"rotation_s": 60}}
    lb, _manager, arbiter = balancer(views, config, clock)
    for i, cid in enumerate("ABC"):
        arbiter.submit(cid, Claim(ClaimSource.PAYMENT, may_charge=True, transaction_ref=100 + i))
    first = {cid for cid, mA in asyncio.run(lb.cycle()).committed_mA.items() if mA}
    assert len(first) == 2  # 13 A gives 6 A to two cars only
    waiting = ({"A", "B", "C"} - first).pop()
    clock[0] = 61.0
    asyncio.run(lb.cycle())  # decreases for the rotated-out car go first...
    clock[0] = 62.0
    report = asyncio.run(lb.cycle())  # ...then the waiting car rises into the freed headroom
    assert report.committed_mA[waiting] >= 6000
    assert report.worst_headroom_mA >= 0
