"""One priority class of the allocator: admission at 6 A, then discrete max-min fair water-filling.

All quantities are whole steps (STEP_mA) so every comparison is exact integer arithmetic; the
algorithm is explained in docs/load-balancing.md, section "Allocation".
"""

from __future__ import annotations

from heapq import heapify, heappop, heappush

# (max_steps, order_key, connector_id): sorted, a group's smallest max comes first, ties in admission order.
Member = tuple[int, int, str]
# Connectors of one class under one node on the same phases, with the (node, phase) constraints they
# all count against (their node and its ancestors); members sorted, every max at least 6 A.
Group = tuple[tuple[int, ...], list[Member]]
# A connector still below its max after the filling: [value_steps, order_key, max_steps, connector_id].
OpenMember = list


def fill_class(
    groups: list[Group], remaining: list[int], min_steps: int, step_mA: int, allocation_mA: dict[str, int]
) -> None:
    """Allocates one class from `remaining` (steps per constraint, reduced in place) into allocation_mA."""
    admitted = admit(groups, remaining, min_steps)
    if not admitted:
        return
    frozen_at_max, level, extra = water_fill(admitted, remaining)
    open_groups: list[tuple[tuple[int, ...], list[OpenMember]]] = []
    for index, (constraints, members) in enumerate(admitted):
        count_at_max = frozen_at_max[index]
        if count_at_max:
            allocation_mA.update({m[2]: m[0] * step_mA for m in members[:count_at_max]})
            if count_at_max == len(members):
                continue
            members = members[count_at_max:]
        group_level = level[index]
        allocation_mA.update(dict.fromkeys([m[2] for m in members], group_level * step_mA))
        below_max = [
            [group_level, key, max_steps, cid] for max_steps, key, cid in members if max_steps > group_level
        ]
        if extra[index]:
            below_max.sort(key=lambda m: m[1])  # the remainder steps go in admission order
            for member in below_max[: extra[index]]:
                member[0] += 1
                allocation_mA[member[3]] = member[0] * step_mA
            below_max = [m for m in below_max if m[0] < m[2]]
        if below_max:
            open_groups.append((constraints, below_max))
    if open_groups:
        top_up(open_groups, remaining, step_mA, allocation_mA)


def admit(groups: list[Group], remaining: list[int], min_steps: int) -> list[Group]:
    """The connectors that get at least min_steps: all if they fit, else greedily in admission order.

    Greedy in order gives the maximal admitted set in that order: a connector is skipped only when
    6 A does not fit on one of its (node, phase) constraints after everyone before it was admitted.
    """
    needed = [0] * len(remaining)
    for constraints, members in groups:
        count = len(members)
        for c in constraints:
            needed[c] += count
    # Only an overfull constraint (6 A for everyone under it does not fit) can turn anyone away: a
    # constraint with room for all of them keeps room for each in turn. So only connectors under an
    # overfull constraint go through the ordered check, and only against their overfull constraints.
    overfull = [room < count * min_steps for count, room in zip(needed, remaining, strict=True)]
    if not any(overfull):
        return groups
    spare = list(remaining)
    full_count = 0
    open_count = 0
    for c, is_overfull in enumerate(overfull):
        if is_overfull:
            if spare[c] < min_steps:
                full_count += 1
            else:
                open_count += 1
    admitted: list[Group] = []
    checks: list[tuple[int, ...]] = []
    in_order: list[tuple[int, int, Member]] = []
    for index, (constraints, members) in enumerate(groups):
        check = tuple(c for c in constraints if overfull[c])
        checks.append(check)
        if not check:
            admitted.append((constraints, members))
            continue
        admitted.append((constraints, []))
        if all(spare[c] >= min_steps for c in check):
            in_order.extend((member[1], index, member) for member in members)
    in_order.sort()
    for _, index, member in in_order:
        check = checks[index]
        for c in check:
            if spare[c] < min_steps:
                break
        else:
            for c in check:
                spare[c] -= min_steps
                if spare[c] < min_steps:
                    open_count -= 1
            admitted[index][1].append(member)
            if not open_count:
                break  # every overfull constraint is full: nobody left in the queue fits
    for _, members in admitted:
        members.sort()  # water_fill wants the smallest max first
    return [group for group in admitted if group[1]]


def water_fill(groups: list[Group], remaining: list[int]) -> tuple[list[int], list[int], list[int]]:
    """Progressive filling: raise every unfrozen connector together; freeze at its max or a full limit.

    Events are taken from one heap in rising order: a group's next max, or a constraint's level
    remaining // unfrozen_count. A constraint's level only rises as connectors freeze below it, so a
    stale heap entry is simply pushed back with its new level (lazy update). Whole groups freeze at
    once (batch freezing), which keeps the cost near (groups + constraints) * log, not connectors *
    constraints. Returns per group: how many members (smallest max first) froze at their max, the
    level at which the others froze, and how many of those get one step of the remainder more.
    `remaining` is reduced in place.
    """
    unfrozen: list[int] = []
    count = [0] * len(remaining)  # unfrozen connectors per constraint
    groups_at: list[list[int]] = [[] for _ in remaining]
    heap: list[tuple[int, int]] = []
    for index, (constraints, members) in enumerate(groups):
        size = len(members)
        unfrozen.append(size)
        for c in constraints:
            count[c] += size
            groups_at[c].append(index)
        heap.append((members[0][0], -1 - index))  # negative keys: a group's next max
    heap.extend((remaining[c] // size, c) for c, size in enumerate(count) if size)
    heapify(heap)
    frozen_at_max = [0] * len(groups)
    level = [0] * len(groups)
    extra = [0] * len(groups)
    still_rising = sum(unfrozen)
    while still_rising:
        value, key = heappop(heap)
        if key < 0:
            index = -1 - key
            if not unfrozen[index]:
                continue
            constraints, members = groups[index]
            first = end = frozen_at_max[index]
            while end < len(members) and members[end][0] == value:
                end += 1
            size = end - first
            frozen_at_max[index] = end
            unfrozen[index] -= size
            still_rising -= size
            used = value * size
            for c in constraints:
                remaining[c] -= used
                count[c] -= size
            if unfrozen[index]:
                heappush(heap, (members[end][0], key))
            continue
        size = count[key]
        if not size:
            continue
        current = remaining[key] // size
        if current > value:
            heappush(heap, (current, key))
            continue
        just_frozen = []
        for index in groups_at[key]:
            size = unfrozen[index]
            if size:
                unfrozen[index] = 0
                still_rising -= size
                level[index] = current
                just_frozen.append(index)
                used = current * size
                for c in groups[index][0]:
                    remaining[c] -= used
                    count[c] -= size
        if remaining[key]:
            share_remainder(key, current, just_frozen, groups, frozen_at_max, remaining, count, extra, heap)
    return frozen_at_max, level, extra


def share_remainder(
    full: int,
    current: int,
    just_frozen: list[int],
    groups: list[Group],
    frozen_at_max: list[int],
    remaining: list[int],
    count: list[int],
    extra: list[int],
    heap: list[tuple[int, int]],
) -> None:
    """Gives the steps a full constraint has left (fewer than the connectors that froze on it) to them.

    One step each, where every other constraint of theirs has room beyond the current level for its
    still-rising connectors. Leaving the remainder for later would let connectors on other constraints
    rise into it and take it from the ones it belongs to.
    """
    for index in just_frozen:
        constraints, members = groups[index]
        at_level = frozen_at_max[index]
        while at_level < len(members) and members[at_level][0] <= current:
            at_level += 1  # members whose max is the level cannot take a step more
        room = min(remaining[c] - current * count[c] for c in constraints)
        steps = min(room, len(members) - at_level)
        if steps > 0:
            extra[index] = steps
            for c in constraints:
                remaining[c] -= steps
                if count[c]:
                    # Its level may drop (never below the current one): its heap entry must not be
                    # later than its true level, or a later event could overrun it.
                    heappush(heap, (remaining[c] // count[c], c))
            if not remaining[full]:
                return


def top_up(
    open_groups: list[tuple[tuple[int, ...], list[OpenMember]]],
    remaining: list[int],
    step_mA: int,
    allocation_mA: dict[str, int],
) -> None:
    """Hands out the steps still free, one step per connector per pass, lowest value first.

    Passes repeat until no connector below its max can be raised by a step (work-conserving). Within
    a group the lowest values go first, then admission order, and a group is only raised again after
    all of its members were, so members of a group stay within one step of each other.
    """
    while open_groups:
        still_open: list[tuple[tuple[int, ...], list[OpenMember]]] = []
        for constraints, members in open_groups:
            spare = min(remaining[c] for c in constraints)
            if spare <= 0:
                continue  # top-ups only use capacity, so this group can never rise again
            if spare < len(members):
                members.sort()
                raised = members[:spare]
            else:
                raised = members
            for member in raised:
                member[0] += 1
                allocation_mA[member[3]] = member[0] * step_mA
            for c in constraints:
                remaining[c] -= len(raised)
            if raised is members:
                below_max = [m for m in members if m[0] < m[2]]
                if below_max:
                    still_open.append((constraints, below_max))
        open_groups = still_open
