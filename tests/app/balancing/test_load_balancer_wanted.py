"""The cycle report's wanted current: what each car asking for current could take, idle cars left out."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from test_load_balancer import FakeStatus, FakeView, allow, balancer

from hal.wire.messages import IecState

IDLE = {"balancer": {"reclaim_after_s": 5.0, "idle_release_s": 10.0}}


def test_two_cars_under_a_low_site_limit_want_more_than_their_targets() -> None:
    clock = [0.0]
    views = [FakeView("A"), FakeView("B", max_mA=16000), FakeView("C", vehicle_present=False)]
    lb, _manager, arbiter = balancer(views, {"site": {"limit_mA": [20000] * 3}}, clock)
    allow(arbiter, "A", "B", "C")
    report = asyncio.run(lb.cycle())
    assert report.wanted_mA == {"A": 32000, "B": 16000}  # C has no car: it wants nothing
    assert report.targets_mA["A"] < 32000 and report.targets_mA["B"] < 16000
    assert report.targets_mA["A"] + report.targets_mA["B"] == 20000


def test_an_idle_car_is_not_counted_as_wanting_current() -> None:
    clock = [0.0]
    paused = replace(FakeView("A"), status=FakeStatus(iec_state=IecState.B2))
    lb, _manager, arbiter = balancer(
        [paused, FakeView("B")], {"site": {"limit_mA": [13000] * 3}, **IDLE}, clock
    )
    allow(arbiter, "A", "B")
    assert asyncio.run(lb.cycle()).wanted_mA == {"A": 32000, "B": 32000}
    for t in (1.0, 11.0):  # A is offered current for 10 s and draws none: idle
        clock[0] = t
        report = asyncio.run(lb.cycle())
    assert report.wanted_mA == {"B": 32000}
