"""Share the site's current between connectors: 6 A or nothing, priority classes, max-min fair per phase.

The load balancer calls allocate() every control cycle. It is pure (no I/O, no clock, no state besides a
cache of the compiled tree). The per-cycle work runs in the native core app/balancing/_allocator (C++,
built from app/balancing/native/ by `./station.sh setup`); the algorithm, its guarantees and why it is
native are described in docs/load-balancing.md, section "Allocation".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

try:
    from app.balancing import _allocator
except ImportError as error:  # one implementation: no slow fallback that could hide a missing build
    raise ImportError(
        "the allocator's native core app/balancing/_allocator is not built: run `./station.sh setup`"
    ) from error

from app.balancing.allocator_tree import PowerNode, compile_tree

__all__ = ["Demand", "MIN_CURRENT_mA", "PowerNode", "STEP_mA", "allocate"]

MIN_CURRENT_mA = 6000  # IEC 61851-1 Annex A: 10 % duty cycle (6 A) is the lowest current a pilot offers
STEP_mA = 100  # allocations are multiples of this (floor), so tiny changes never reach a car
MIN_STEPS = MIN_CURRENT_mA // STEP_mA


@dataclass(frozen=True, slots=True)
class Demand:
    """One connector that wants current now."""

    connector_id: str
    node_id: str  # the node it hangs under (its charger's group, or the site)
    phases: tuple[int, ...]  # site phases it draws on: (0, 1, 2) three-phase, (1,) single-phase on L2...
    max_mA: int  # the most it may get now (charger max, cable PP, claims, reclaim cap); < 6000 -> 0
    priority: int = 0  # higher classes are served first; lower ones get what is left


def allocate(
    nodes: Sequence[PowerNode], demands: Sequence[Demand], admission_order: Sequence[str] = ()
) -> dict[str, int]:
    """mA per connector_id (every demand gets a key): 0 or a multiple of STEP_mA in [6000, max_mA].

    admission_order ranks connectors of one priority class when not all of them can get 6 A (ids not in
    it come after, in input order); the balancer rotates it so that waiting is shared over time.
    Raises ValueError for a tree or demand that cannot be allocated (unknown node, bad phases,
    duplicate connector id): refusing is safer than guessing which limit applies.
    """
    tree = compile_tree(tuple(nodes), STEP_mA, MIN_STEPS)
    return _allocator.allocate(tree.native, demands, admission_order)
