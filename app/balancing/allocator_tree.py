"""The power tree compiled for the allocator: node indices, ancestor chains and capacities in whole steps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.balancing import (
    _allocator,  # a missing build is reported by app/balancing/allocator.py, which imports this first
)

PHASE_COUNT = 3  # site phases L1, L2, L3


@dataclass(frozen=True, slots=True)
class PowerNode:
    """The site (parent None) or a feeder/breaker group with its own limit per site phase."""

    node_id: str
    parent_id: str | None
    limit_mA: tuple[int, int, int]  # per site phase L1, L2, L3


class CompiledTree:
    """The tree as flat lists: constraint c = node_index * 3 + phase, capacity in whole steps.

    Built once per distinct node list (cached), because the balancer passes the same tree every cycle.
    `native` is the same data converted once for the native core (app/balancing/_allocator).
    """

    __slots__ = ("ancestors", "capacity_steps", "index_by_id", "native")

    def __init__(self, nodes: Sequence[PowerNode], step_mA: int, min_steps: int) -> None:
        self.index_by_id: dict[str, int] = {}
        for index, node in enumerate(nodes):
            if node.node_id in self.index_by_id:
                raise ValueError(f"power node {node.node_id!r} is listed twice")
            self.index_by_id[node.node_id] = index
        self.capacity_steps: list[int] = []
        for node in nodes:
            if len(node.limit_mA) != PHASE_COUNT or any(limit < 0 for limit in node.limit_mA):
                raise ValueError(f"power node {node.node_id!r}: limit_mA must be three values >= 0")
            # Allocations are whole steps, so a sum of them fits a limit iff it fits the limit floored
            # to a whole step; working in steps keeps every comparison exact integer arithmetic.
            self.capacity_steps.extend(limit // step_mA for limit in node.limit_mA)
        self.ancestors: list[tuple[int, ...]] = [self._chain(nodes, i) for i in range(len(nodes))]
        self.native = _allocator.compile_tree(
            self.index_by_id, self.ancestors, self.capacity_steps, step_mA, min_steps
        )

    def _chain(self, nodes: Sequence[PowerNode], index: int) -> tuple[int, ...]:
        """The node and all its ancestors up to the root, refusing unknown parents and cycles."""
        chain = [index]
        parent_id = nodes[index].parent_id
        while parent_id is not None:
            parent = self.index_by_id.get(parent_id)
            if parent is None:
                raise ValueError(f"power node {nodes[chain[-1]].node_id!r}: unknown parent {parent_id!r}")
            if parent in chain:
                raise ValueError(f"power node {nodes[index].node_id!r}: its parents form a cycle")
            chain.append(parent)
            parent_id = nodes[parent].parent_id
        return tuple(chain)


@lru_cache(maxsize=8)
def compile_tree(nodes: tuple[PowerNode, ...], step_mA: int, min_steps: int) -> CompiledTree:
    """The compiled tree for this exact node list, reused while the configuration does not change."""
    return CompiledTree(nodes, step_mA, min_steps)
