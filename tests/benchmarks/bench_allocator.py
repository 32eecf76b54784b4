"""Measures allocate() on random three-level trees (site -> feeders -> sub-groups -> connectors).

Run from the repository root: .venv/bin/python tests/benchmarks/bench_allocator.py
run() returns the figures as (figure, measured, target, met) for tests/benchmarks/run_benchmarks.py.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.balancing.allocator import Demand, PowerNode, allocate

RUNS = 200
TARGET_MEDIAN_ms = 1.0
THREE_PHASE = (0, 1, 2)


def random_site(
    rng: random.Random, connectors: int, feeders: int = 10, sub_groups: int = 10
) -> tuple[list[PowerNode], list[Demand], list[str]]:
    """A site whose limits bind at every level: some sub-groups, some feeders and the site itself.

    Mixed three-phase (16 or 32 A) and single-phase connectors on random phases; max values are a mix of
    charger maxima and arbitrary caps (cable, claims, reclaim), some below 6 A; a tenth are priority 1.
    """
    feeders = max(1, min(feeders, connectors // 4))
    sub_groups = max(1, min(sub_groups, connectors // (4 * feeders)))
    leaves = feeders * sub_groups
    per_leaf_mA = (connectors / leaves) * 16000 * 0.6  # a leaf's fair need, per phase, roughly
    nodes = [PowerNode("site", None, _limits(rng, per_leaf_mA * leaves * 0.6))]
    leaf_ids = []
    for f in range(feeders):
        nodes.append(PowerNode(f"f{f}", "site", _limits(rng, per_leaf_mA * sub_groups * 0.8)))
        for s in range(sub_groups):
            nodes.append(PowerNode(f"f{f}s{s}", f"f{f}", _limits(rng, per_leaf_mA)))
            leaf_ids.append(f"f{f}s{s}")
    demands = []
    for i in range(connectors):
        three_phase = rng.random() < 0.4
        phases = THREE_PHASE if three_phase else (rng.randrange(3),)
        # Half at a charger maximum, half capped by a cable, a claim or a reclaim (some below 6 A).
        max_mA = rng.choice((16000, 32000)) if rng.random() < 0.5 else rng.randrange(4000, 32001)
        priority = 1 if rng.random() < 0.1 else 0
        demands.append(Demand(f"c{i}", leaf_ids[i % leaves], phases, max_mA, priority))
    order = [d.connector_id for d in demands]
    rng.shuffle(order)
    return nodes, demands, order


def _limits(rng: random.Random, around_mA: float) -> tuple[int, int, int]:
    """Per-phase limits scattered around a value, so phases and groups bind at different levels."""
    return tuple(int(around_mA * rng.uniform(0.5, 1.5)) for _ in range(3))  # type: ignore[return-value]


def measure(connectors: int, runs: int = RUNS, seed: int = 1) -> tuple[float, float]:
    """Median and p95 in ms of allocate() over `runs` different random sites of this size.

    The balancer passes the same tree every cycle, so each site is allocated once untimed (the tree is
    compiled and cached) and then timed three times; the fastest of the three counts, which filters
    out the moments the scheduler gives the core to another process on this shared machine.
    """
    rng = random.Random(seed)
    times_ms = []
    for _ in range(runs):
        nodes, demands, order = random_site(rng, connectors)
        allocate(nodes, demands, order)
        best_s = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            allocate(nodes, demands, order)
            best_s = min(best_s, time.perf_counter() - start)
        times_ms.append(best_s * 1000)
    times_ms.sort()
    return statistics.median(times_ms), times_ms[int(len(times_ms) * 0.95) - 1]


def run() -> list[tuple[str, str, str, bool]]:
    """The allocation figures as (figure, measured, target, met)."""
    figures = []
    for connectors in (16, 64, 1000):
        median_ms, p95_ms = measure(connectors)
        name = f"allocation, {connectors} connectors, 3-level tree"
        measured = f"median {median_ms:.3f} ms, p95 {p95_ms:.3f} ms"
        if connectors == 1000:
            figures.append(
                (name, measured, f"<= {TARGET_MEDIAN_ms:g} ms median", median_ms <= TARGET_MEDIAN_ms)
            )
        else:
            figures.append((name, measured, "-", True))
    return figures


def main() -> None:
    for name, measured, target, _met in run():
        suffix = f" (target {target})" if target != "-" else ""
        print(f"{name}: {measured}{suffix}")


if __name__ == "__main__":
    main()
