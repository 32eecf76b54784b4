"""The allocator's guarantees, proven on generated power trees and cross-checked with an exact reference."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import figures
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.balancing.allocator import Demand, MIN_CURRENT_mA, PowerNode, STEP_mA, allocate

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tests" / "benchmarks"))
from bench_allocator import measure

PHASE_SETS = [(0, 1, 2), (1, 2, 0), (0,), (1,), (2,), (0, 2)]
# One limit in ten is 0 and one in ten below 6 A (admission); the rest leave room for sharing.
LIMIT = st.integers(0, 9).flatmap(
    lambda k: st.just(0) if k == 0 else st.integers(1, 7000) if k == 1 else st.integers(6000, 200000)
)
MAX_mA = st.one_of(st.integers(0, 6100), st.integers(6000, 40000), st.sampled_from([16000, 32000]))
EXAMPLES = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def sites(draw: st.DrawFn, max_demands: int = 14) -> tuple[list[PowerNode], list[Demand], list[str]]:
    """A tree of depth 1..4 with random fan-out and limits, demands anywhere in it, an admission order."""
    depth = draw(st.integers(1, 4))
    nodes = [PowerNode("site", None, draw(st.tuples(LIMIT, LIMIT, LIMIT)))]
    level = ["site"]
    for d in range(1, depth):
        next_level = []
        for parent in level:
            for k in range(draw(st.integers(0 if d > 1 else 1, 3))):
                node_id = f"{parent}.{k}"
                nodes.append(PowerNode(node_id, parent, draw(st.tuples(LIMIT, LIMIT, LIMIT))))
                next_level.append(node_id)
        level = next_level or level
    node_ids = [n.node_id for n in nodes]
    count = draw(st.integers(0, max_demands))
    demands = [
        Demand(
            f"c{i}",
            draw(st.sampled_from(node_ids)),
            draw(st.sampled_from(PHASE_SETS)),
            draw(MAX_mA),
            draw(st.sampled_from([0, 0, 0, 1, 2])),
        )
        for i in range(count)
    ]
    order = draw(st.permutations([d.connector_id for d in demands]))
    order = order[: draw(st.integers(0, len(order)))]
    return nodes, demands, order


# --- helpers: the limits as plain (node, phase) sets, checked without the allocator's own code ---


def ancestors(nodes: list[PowerNode], node_id: str) -> list[str]:
    parent_of = {n.node_id: n.parent_id for n in nodes}
    chain = [node_id]
    while parent_of[chain[-1]] is not None:
        chain.append(parent_of[chain[-1]])
    return chain


def constraints_of(nodes: list[PowerNode], demand: Demand) -> set[tuple[str, int]]:
    return {(a, p) for a in ancestors(nodes, demand.node_id) for p in demand.phases}


def spare_mA(
    nodes: list[PowerNode], demands: list[Demand], alloc: dict[str, int]
) -> dict[tuple[str, int], int]:
    """Limit minus the sum of allocations under it, per (node, phase)."""
    spare = {(n.node_id, p): n.limit_mA[p] for n in nodes for p in range(3)}
    for demand in demands:
        for c in constraints_of(nodes, demand):
            spare[c] -= alloc[demand.connector_id]
    return spare


def fits(nodes: list[PowerNode], spare: dict[tuple[str, int], int], demand: Demand, extra_mA: int) -> bool:
    return all(spare[c] >= extra_mA for c in constraints_of(nodes, demand))


def order_key(order: list[str], demands: list[Demand]) -> dict[str, int]:
    rank = {cid: i for i, cid in enumerate(order)}
    return {d.connector_id: rank.get(d.connector_id, len(order) + i) for i, d in enumerate(demands)}


# --- guarantees 1, 2 and 6 ---


@EXAMPLES
@given(sites())
def test_limits_never_exceeded_and_values_are_valid(site):
    nodes, demands, order = site
    alloc = allocate(nodes, demands, order)
    assert set(alloc) == {d.connector_id for d in demands}
    for (node_id, phase), spare in spare_mA(nodes, demands, alloc).items():
        assert spare >= 0, f"{node_id} L{phase + 1} over its limit by {-spare} mA"
    for demand in demands:
        value = alloc[demand.connector_id]
        assert value % STEP_mA == 0
        assert value == 0 or MIN_CURRENT_mA <= value <= demand.max_mA


@EXAMPLES
@given(sites())
def test_work_conserving(site):
    """No admitted connector below its max could take one more step; nobody left out could get 6 A."""
    nodes, demands, order = site
    alloc = allocate(nodes, demands, order)
    spare = spare_mA(nodes, demands, alloc)
    for demand in demands:
        value = alloc[demand.connector_id]
        if value and value + STEP_mA <= demand.max_mA:
            assert not fits(nodes, spare, demand, STEP_mA), (
                f"{demand.connector_id} could take {STEP_mA} mA more"
            )
        if not value and demand.max_mA >= MIN_CURRENT_mA:
            assert not fits(nodes, spare, demand, MIN_CURRENT_mA), f"{demand.connector_id} could get 6 A"


# --- guarantees 3 and 4 ---


@EXAMPLES
@given(sites())
def test_lower_classes_do_not_change_what_higher_classes_get(site):
    nodes, demands, order = site
    alloc = allocate(nodes, demands, order)
    for priority in {d.priority for d in demands}:
        upper = [d for d in demands if d.priority >= priority]
        upper_alloc = allocate(nodes, upper, order)
        assert upper_alloc == {d.connector_id: alloc[d.connector_id] for d in upper}


@EXAMPLES
@given(sites())
def test_admission_is_greedy_in_priority_then_admission_order(site):
    """Per class, the connectors that get current are exactly those a greedy 6 A pass in order admits,
    against what the higher classes left; when all fit at 6 A, all are admitted."""
    nodes, demands, order = site
    alloc = allocate(nodes, demands, order)
    rank = order_key(order, demands)
    for priority in sorted({d.priority for d in demands}, reverse=True):
        higher = [d for d in demands if d.priority > priority]
        spare = spare_mA(nodes, higher, alloc)
        candidates = sorted(
            (d for d in demands if d.priority == priority and d.max_mA >= MIN_CURRENT_mA),
            key=lambda d: rank[d.connector_id],
        )
        expected = set()
        for demand in candidates:
            if fits(nodes, spare, demand, MIN_CURRENT_mA):
                expected.add(demand.connector_id)
                for c in constraints_of(nodes, demand):
                    spare[c] -= MIN_CURRENT_mA
        assert {d.connector_id for d in candidates if alloc[d.connector_id]} == expected


def test_rotating_the_admission_order_rotates_who_waits():
    nodes = [PowerNode("site", None, (13000, 13000, 13000))]
    demands = [Demand(f"c{i}", "site", (0,), 32000) for i in range(3)]
    assert allocate(nodes, demands, ["c0", "c1", "c2"]) == {"c0": 6500, "c1": 6500, "c2": 0}
    assert allocate(nodes, demands, ["c2", "c0", "c1"]) == {"c0": 6500, "c1": 0, "c2": 6500}
    assert allocate(nodes, demands, ["c1"]) == {"c0": 6500, "c1": 6500, "c2": 0}  # the rest in input order


# --- guarantee 5: max-min fairness ---


@EXAMPLES
@given(sites())
def test_same_node_same_phases_same_class_get_equal_shares(site):
    nodes, demands, order = site
    alloc = allocate(nodes, demands, order)
    below_max: dict[tuple, list[int]] = {}
    for d in demands:
        value = alloc[d.connector_id]
        if value and value + STEP_mA <= d.max_mA:
            below_max.setdefault((d.node_id, frozenset(d.phases), d.priority), []).append(value)
    for values in below_max.values():
        assert max(values) - min(values) <= STEP_mA


def reference_fill(
    capacity: dict[tuple[str, int], Fraction], members: dict[str, tuple[set, Fraction]]
) -> dict[str, Fraction]:
    """Exact progressive filling, one connector at a time: obviously correct, slow (quadratic)."""
    level: dict[str, Fraction] = {}
    rising = dict(members)
    while rising:
        frozen_use = {c: sum((level[i] for i in level if c in members[i][0]), Fraction(0)) for c in capacity}
        events = [m for _, m in rising.values()]
        saturation = {}
        for c, cap in capacity.items():
            n = sum(1 for cons, _ in rising.values() if c in cons)
            if n:
                saturation[c] = (cap - frozen_use[c]) / n
        t = min(events + list(saturation.values()))
        full = {c for c, s in saturation.items() if s == t}
        for cid, (cons, max_steps) in list(rising.items()):
            if max_steps == t or cons & full:
                level[cid] = t
                del rising[cid]
    return level


@settings(max_examples=300, deadline=None)
@given(sites(max_demands=10))
def test_matches_exact_max_min_fair_reference(site):
    """Per class, against the exact continuous max-min fair shares of the admitted connectors: every
    allocation is within a step of its exact share (the floor to whole steps and the top-up)."""
    nodes, demands, order = site
    alloc = allocate(nodes, demands, order)
    for priority in {d.priority for d in demands}:
        others = [d for d in demands if d.priority != priority]
        spare = spare_mA(nodes, [d for d in others if d.priority > priority], alloc)
        capacity = {c: Fraction(s // STEP_mA) for c, s in spare.items()}
        admitted = [d for d in demands if d.priority == priority and alloc[d.connector_id]]
        members = {
            d.connector_id: (constraints_of(nodes, d), Fraction(d.max_mA // STEP_mA)) for d in admitted
        }
        exact = reference_fill(capacity, members)
        for cid, share in exact.items():
            assert abs(alloc[cid] / STEP_mA - share) < 1, (
                f"{cid}: {alloc[cid]} mA, exact {float(share)} steps"
            )


def test_three_phase_connector_gets_the_same_on_each_phase_and_frees_the_rest():
    # L1 is tight: the three-phase car is held to the L1 share; the L2 car takes what L2 still has.
    nodes = [PowerNode("site", None, (20000, 40000, 40000))]
    demands = [
        Demand("tri", "site", (0, 1, 2), 32000),
        Demand("l1", "site", (0,), 32000),
        Demand("l2", "site", (1,), 32000),
    ]
    assert allocate(nodes, demands) == {"tri": 10000, "l1": 10000, "l2": 30000}


def test_feeder_bottleneck_leaves_the_rest_of_the_site_to_others():
    nodes = [PowerNode("site", None, (60000,) * 3), PowerNode("feeder", "site", (16000,) * 3)]
    demands = [
        Demand("a", "feeder", (0,), 32000),
        Demand("b", "feeder", (0,), 32000),
        Demand("c", "site", (0,), 32000),
    ]
    assert allocate(nodes, demands) == {"a": 8000, "b": 8000, "c": 32000}


def test_priority_class_first_then_the_rest():
    nodes = [PowerNode("site", None, (40000,) * 3)]
    demands = [Demand("vip", "site", (0,), 32000, priority=1), Demand("std", "site", (0,), 32000)]
    assert allocate(nodes, demands) == {"vip": 32000, "std": 8000}


def test_below_6A_and_odd_values_round_down_to_steps():
    nodes = [PowerNode("site", None, (6099 * 2, 50000, 50000))]
    demands = [
        Demand("a", "site", (0,), 32000),
        Demand("b", "site", (0,), 32000),
        Demand("c", "site", (1,), 5999),
    ]
    assert allocate(nodes, demands) == {"a": 6100, "b": 6000, "c": 0}


# --- refused input ---


@pytest.mark.parametrize(
    ("nodes", "demands", "message"),
    [
        ([PowerNode("site", None, (1, 1, 1))], [Demand("a", "nowhere", (0,), 16000)], "unknown power node"),
        ([PowerNode("site", None, (1, 1, 1))], [Demand("a", "site", (3,), 16000)], "phases"),
        ([PowerNode("site", None, (1, 1, 1))], [Demand("a", "site", (0, 0), 16000)], "phases"),
        ([PowerNode("site", None, (1, 1, 1))], [Demand("a", "site", (0,), 1)] * 2, "connector_id"),
        ([PowerNode("site", None, (1, 1, 1))] * 2, [], "listed twice"),
        ([PowerNode("site", "x", (1, 1, 1))], [], "unknown parent"),
        ([PowerNode("a", "b", (1, 1, 1)), PowerNode("b", "a", (1, 1, 1))], [], "cycle"),
        ([PowerNode("site", None, (1, -1, 1))], [], "limit_mA"),
    ],
)
def test_refuses_input_it_cannot_allocate(nodes, demands, message):
    with pytest.raises(ValueError, match=message):
        allocate(nodes, demands)


# --- the native core: how it reads its input, and a missing build ---


class DuckDemand:
    """Not a Demand, no slots: the native core must read it through ordinary attribute access."""

    def __init__(self, demand: Demand) -> None:
        self.connector_id = demand.connector_id
        self.node_id = demand.node_id
        self.phases = demand.phases
        self.max_mA = demand.max_mA
        self.priority = demand.priority


@settings(max_examples=50, deadline=None)
@given(sites())
def test_any_object_with_the_demand_fields_gives_the_same_allocation(site):
    nodes, demands, order = site
    expected = allocate(nodes, demands, order)
    mixed = [DuckDemand(d) if i % 2 else d for i, d in enumerate(demands)]
    assert allocate(nodes, mixed, order) == expected
    assert allocate(nodes, tuple(demands), tuple(order)) == expected


# CPython-internal names (descriptor internals, object layout, private API) that a Python upgrade
# may change without notice; the native core uses the documented C API only.
INTERNAL_C_API = ("structmember.h", "PyMemberDescr", "d_member", "->tp_", "->ob_", "_Py", "cpython/")


def test_the_native_core_uses_only_the_documented_c_api():
    native = Path(__file__).resolve().parents[3] / "app" / "balancing" / "native"
    found = [
        f"{source.name}: {name}"
        for source in sorted([*native.glob("*.cpp"), *native.glob("*.hpp")])
        for name in INTERNAL_C_API
        if name in source.read_text()
    ]
    assert found == []


def test_phases_that_are_not_a_tuple_are_refused():
    nodes = [PowerNode("site", None, (16000,) * 3)]
    with pytest.raises(ValueError, match="phases"):
        allocate(nodes, [Demand("a", "site", [0], 16000)])  # type: ignore[arg-type]


def test_a_missing_native_core_says_how_to_build_it():
    code = "import sys; sys.modules['app.balancing._allocator'] = None; import app.balancing.allocator"
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert result.returncode != 0
    assert "ImportError" in result.stderr
    assert "./station.sh setup" in result.stderr


def test_speed_on_a_1000_connector_site():
    """Reports the time on this machine; the benchmark script measures the full figure on 200 sites."""
    median_ms, p95_ms = measure(1000, runs=15, seed=7)
    figures.report(
        "allocator",
        f"allocation, 1000 connectors, 3-level tree: median {median_ms:.2f} ms, p95 {p95_ms:.2f} ms",
    )
