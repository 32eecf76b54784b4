"""Share the site's current between connectors: 6 A or nothing, priority classes, max-min fair per phase.

The load balancer calls allocate() every control cycle. It is pure (no I/O, no clock, no state besides a
cache of the compiled tree). The algorithm and its guarantees are described in docs/load-balancing.md,
section "Allocation".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from app.allocator_fill import Group, Member, fill_class
from app.allocator_tree import PowerNode, compile_tree

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
    tree = compile_tree(tuple(nodes), STEP_mA)
    connector_ids = list(map(attrgetter("connector_id"), demands))
    allocation_mA = dict.fromkeys(connector_ids, 0)
    if len(allocation_mA) != len(connector_ids):
        raise ValueError("every connector_id must appear once in the demands")
    # Order keys: the position in admission_order (its first occurrence), else after it in input order.
    ranked = len(admission_order)
    if ranked:
        rank = dict(zip(connector_ids, range(ranked, ranked + len(connector_ids)), strict=True))
        rank.update(zip(reversed(admission_order), range(ranked - 1, -1, -1), strict=True))
        order_keys: Sequence[int] = list(map(rank.__getitem__, connector_ids))
    else:
        order_keys = range(len(connector_ids))
    # Connectors with the same class, node and phases count against the same constraints, so they are
    # filled as one group: the work per cycle grows with the groups, not connectors times constraints.
    by_key: dict[tuple[int, str, tuple[int, ...]], list[Member]] = {}
    keys = map(attrgetter("priority", "node_id", "phases"), demands)
    maxima_mA = map(attrgetter("max_mA"), demands)
    for connector_id, key, max_mA, order_key in zip(connector_ids, keys, maxima_mA, order_keys, strict=True):
        members = by_key.get(key)
        if members is None:
            members = by_key[key] = []
        members.append((max_mA // STEP_mA, order_key, connector_id))

    classes: dict[int, list[Group]] = {}
    for (priority, node_id, phases), members in by_key.items():
        constraints = tree.constraints(node_id, phases)  # also refuses unknown nodes and bad phases
        members.sort()
        below_6A = bisect_left(members, (MIN_STEPS,))
        if below_6A < len(members):
            classes.setdefault(priority, []).append(
                (constraints, members[below_6A:] if below_6A else members)
            )
    remaining_steps = list(tree.capacity_steps)
    for priority in sorted(classes, reverse=True):
        # Strict priority: a class is filled against what the higher classes left (docs/load-balancing.md).
        fill_class(classes[priority], remaining_steps, MIN_STEPS, STEP_mA, allocation_mA)
    return allocation_mA
