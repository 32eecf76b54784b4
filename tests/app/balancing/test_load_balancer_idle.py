"""Idle release against a scripted charger manager: a paused car's share goes to a car that waits."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from test_load_balancer import FakeStatus, FakeView, allow, balancer

from app.balancing.policies import IdleRelease
from hal.wire.messages import IecState

IDLE = {"balancer": {"reclaim_after_s": 5.0, "idle_release_s": 10.0}}


def paused(view: FakeView) -> FakeView:
    """B2 when offered (B1 when not), drawing nothing."""
    return replace(view, status=FakeStatus(iec_state=IecState.B2), measured_mA=(0, 0, 0))


def test_a_paused_car_gives_its_share_to_a_waiting_car_and_gets_it_back_first_when_it_asks() -> None:
    clock = [0.0]
    views = [paused(FakeView("A")), FakeView("B"), FakeView("C", vehicle_present=False)]
    lb, manager, arbiter = balancer(views, {"site": {"limit_mA": [13000] * 3}, **IDLE}, clock)
    allow(arbiter, "A", "B", "C")
    assert asyncio.run(lb.cycle()).committed_mA == {"A": 6500, "B": 6500, "C": 0}
    manager.views["C"] = replace(manager.views["C"], vehicle_present=True)  # 6 A more does not fit
    for t in range(1, 11):  # the balancer first saw A's offer at t = 1
        clock[0] = float(t)
        assert asyncio.run(lb.cycle()).committed_mA["C"] == 0
    clock[0] = 11.0  # A has been offered 6.5 A for 10 s and drew nothing
    report = asyncio.run(lb.cycle())
    assert report.committed_mA == {"A": 0, "B": 6500, "C": 6500}
    assert "paused" in arbiter.resolve("A").explain()[1]
    # A closes S2 without PWM (C1): it asks again, and comes before the others.
    manager.views["A"] = replace(manager.views["A"], status=FakeStatus(iec_state=IecState.C1))
    clock[0] = 12.0
    report = asyncio.run(lb.cycle())  # one car gives way (first), and A rises into its headroom
    assert report.committed_mA["A"] == 6500
    assert sorted(report.committed_mA.values()) == [0, 6500, 6500]
    assert report.worst_headroom_mA >= 0


def test_an_idle_car_in_a_higher_class_still_gives_way() -> None:
    clock = [0.0]
    views = [paused(FakeView("A", priority=10)), FakeView("B", vehicle_present=False)]
    lb, manager, arbiter = balancer(views, {"site": {"limit_mA": [10000] * 3}, **IDLE}, clock)
    allow(arbiter, "A", "B")
    asyncio.run(lb.cycle())
    manager.views["B"] = replace(manager.views["B"], vehicle_present=True)
    for t in (1.0, 11.0):
        clock[0] = t
        report = asyncio.run(lb.cycle())
    assert report.committed_mA == {"A": 0, "B": 10000}


def test_an_idle_car_keeps_its_share_while_nobody_waits() -> None:
    clock = [0.0]
    views = [paused(FakeView("A")), FakeView("B")]
    lb, _manager, arbiter = balancer(views, {"site": {"limit_mA": [40000] * 3}, **IDLE}, clock)
    allow(arbiter, "A", "B")
    for t in (0.0, 1.0, 11.0, 21.0):
        clock[0] = t
        report = asyncio.run(lb.cycle())
    assert report.committed_mA == {"A": 20000, "B": 20000}


def test_a_car_offered_nothing_is_never_found_idle() -> None:
    """In B1 a car may be waiting for the PWM: it cannot show whether it would take current."""
    idle = IdleRelease(10.0)
    for t in range(0, 100, 10):
        idle.observe("A", offered_mA=0, asking=False, now=float(t))
    assert not idle.is_idle("A")
    idle.observe("A", offered_mA=6000, asking=False, now=100.0)
    idle.observe("A", offered_mA=6000, asking=False, now=109.0)
    assert not idle.is_idle("A")
    idle.observe("A", offered_mA=6000, asking=False, now=110.0)
    assert idle.is_idle("A")
    assert idle.observe("A", offered_mA=0, asking=True, now=111.0)  # it asks again
    assert not idle.is_idle("A")
