"""External caps on the balancer's site limit (OCPP ChargePointMaxProfile): the lowest per phase applies."""

from __future__ import annotations

import asyncio

from test_load_balancer import FakeManager, FakeView, allow, balancer

from app.arbitration import Arbiter
from app.balancing.balancer import LoadBalancer
from app.config import parse_config


def test_an_external_cap_lowers_the_site_limit_until_it_is_withdrawn() -> None:
    clock = [0.0]
    lb, _manager, arbiter = balancer(
        [FakeView("A"), FakeView("B")], {"site": {"limit_mA": [64000] * 3}}, clock
    )
    allow(arbiter, "A", "B")
    assert asyncio.run(lb.cycle()).committed_mA == {"A": 32000, "B": 32000}
    lb.set_external_site_limit("ocpp", (20000, 20000, 20000))
    assert lb._tree_now({}).nodes["site"].limit_mA == (20000, 20000, 20000)
    report = asyncio.run(lb.cycle())
    assert report.committed_mA == {"A": 10000, "B": 10000}
    assert report.worst_headroom_mA == 0
    lb.set_external_site_limit("ocpp", None)
    assert asyncio.run(lb.cycle()).committed_mA == {"A": 32000, "B": 32000}


def test_the_lowest_cap_per_phase_applies_and_never_raises_the_configured_limit() -> None:
    clock = [0.0]
    lb, _manager, _arbiter = balancer([FakeView("A")], {"site": {"limit_mA": [40000, 40000, 40000]}}, clock)
    lb.set_external_site_limit("ocpp", (30000, 16000, 50000))
    lb.set_external_site_limit("grid operator", (25000, 25000, 25000))
    assert lb._tree_now({}).nodes["site"].limit_mA == (25000, 16000, 25000)
    lb.set_external_site_limit("grid operator", None)
    assert lb._tree_now({}).nodes["site"].limit_mA == (30000, 16000, 40000)


def test_a_cap_combines_with_the_building_meter() -> None:
    manager = FakeManager([FakeView("A")])
    arbiter = Arbiter()
    config = parse_config({"site": {"limit_mA": [40000] * 3}})
    lb = LoadBalancer(
        config, manager, arbiter, clock=lambda: 0.0, building_meter=lambda: (10000, 10000, 10000)
    )
    lb.set_external_site_limit("ocpp", (30000, 30000, 30000))
    allow(arbiter, "A")
    assert asyncio.run(lb.cycle()).committed_mA["A"] == 20000  # 30 A cap - 10 A the building draws
