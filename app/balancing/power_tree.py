"""The site's power tree (site, feeder groups, chargers as leaves) and the sums checked against it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.balancing.allocator import PowerNode
from app.config import StationConfig

SITE = "site"
PHASES = 3


def phase_tuple(values: Iterable[int]) -> tuple[int, int, int]:
    """Per-phase values (L1, L2, L3) as the three-value tuple the limits are typed as."""
    l1, l2, l3 = values
    return l1, l2, l3


@dataclass(frozen=True)
class PowerTree:
    """Nodes by id, each node's chain up to the site, and per-phase limits."""

    nodes: dict[str, PowerNode]
    chain: dict[str, tuple[str, ...]]  # node id -> itself and every ancestor up to the site

    def node_list(self) -> list[PowerNode]:
        return list(self.nodes.values())

    def sums(self, loads: Iterable[tuple[str, tuple[int, ...], int]]) -> dict[tuple[str, int], int]:
        """Current per (node, site phase) of loads given as (node the load hangs under, phases, mA)."""
        totals = {(node, phase): 0 for node in self.nodes for phase in range(PHASES)}
        for node_id, phases, current_mA in loads:
            for node in self.chain[node_id]:
                for phase in phases:
                    totals[node, phase] += current_mA
        return totals

    def headroom(self, sums: dict[tuple[str, int], int]) -> dict[tuple[str, int], int]:
        """Limit minus load for every (node, phase); negative means a limit is exceeded."""
        return {key: self.nodes[key[0]].limit_mA[key[1]] - value for key, value in sums.items()}

    def with_site_limit(self, limit_mA: tuple[int, int, int]) -> PowerTree:
        """The same tree with another site limit (a building meter lowering the headroom)."""
        nodes = dict(self.nodes)
        nodes[SITE] = PowerNode(SITE, None, limit_mA)
        return PowerTree(nodes, self.chain)

    def reduced(self, reservations: Iterable[tuple[str, tuple[int, ...], int]]) -> PowerTree:
        """The tree with current already spoken for (a charger that may still be drawing) taken off."""
        used = self.sums(reservations)
        nodes = {
            node_id: PowerNode(
                node_id,
                node.parent_id,
                phase_tuple(max(0, node.limit_mA[p] - used[node_id, p]) for p in range(PHASES)),
            )
            for node_id, node in self.nodes.items()
        }
        return PowerTree(nodes, self.chain)


def build_power_tree(config: StationConfig) -> PowerTree:
    nodes = {SITE: PowerNode(SITE, None, config.site.limit_mA)}
    parents: dict[str, str | None] = {SITE: None}
    for group in config.groups:
        nodes[group.id] = PowerNode(group.id, group.parent, group.limit_mA)
        parents[group.id] = group.parent
    chain: dict[str, tuple[str, ...]] = {}
    for node_id in nodes:
        path: list[str] = []
        node: str | None = node_id
        while node is not None:
            path.append(node)
            node = parents[node]
        chain[node_id] = tuple(path)
    return PowerTree(nodes, chain)
