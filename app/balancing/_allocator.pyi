"""Types of the allocator's native core, the C++ extension built from app/balancing/native/."""

from collections.abc import Sequence
from typing import Protocol, final

class _Demand(Protocol):
    """The fields demand_fields.cpp reads from each app.allocator.Demand."""

    @property
    def connector_id(self) -> str: ...
    @property
    def node_id(self) -> str: ...
    @property
    def phases(self) -> tuple[int, ...]: ...
    @property
    def max_mA(self) -> int: ...
    @property
    def priority(self) -> int: ...

@final
class _Tree:
    """The compiled tree: an opaque capsule only allocate() reads."""

def compile_tree(
    index_by_id: dict[str, int],
    ancestors: list[tuple[int, ...]],
    capacity_steps: list[int],
    step_mA: int,
    min_steps: int,
    /,
) -> _Tree: ...
def allocate(
    tree: _Tree, demands: Sequence[_Demand], admission_order: Sequence[str], /
) -> dict[str, int]: ...
