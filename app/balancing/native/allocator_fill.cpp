// One priority class of the allocator: admission, progressive filling, the remainders and the top-up.
#include "allocator_fill.hpp"

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

namespace allocator {
namespace {

// A heap event: a group's next max (key = -1 - group) or a constraint's level (key = constraint).
// Ordered by (value, key), so at one value the groups' maxima come before the constraints.
struct Event {
    int64_t value;
    int64_t key;
    bool operator>(const Event& other) const {
        return value != other.value ? value > other.value : key > other.key;
    }
};
using EventHeap = std::priority_queue<Event, std::vector<Event>, std::greater<Event>>;

// What the filling decided per group.
struct Levels {
    std::vector<int64_t> frozen_at_max;  // how many members (smallest max first) froze at their max
    std::vector<int64_t> level;          // the level at which the others froze
    std::vector<int64_t> extra;          // how many of those get one step of the remainder more
};

// A connector still below its max after the filling.
struct OpenMember {
    int64_t value_steps;
    int64_t order_key;
    int64_t max_steps;
    int32_t demand;
};

struct OpenGroup {
    const int32_t* constraints;
    int32_t constraint_count;
    OpenMember* members;  // in one buffer per class
    int32_t member_count;
};

// Moves the members still below their max to the front (in order); returns the end of them.
OpenMember* below_max_first(OpenMember* members, int64_t count) {
    return std::remove_if(members, members + count,
                          [](const OpenMember& m) { return m.value_steps >= m.max_steps; });
}

bool by_value_then_order(const OpenMember& a, const OpenMember& b) {
    return a.value_steps != b.value_steps ? a.value_steps < b.value_steps : a.order_key < b.order_key;
}

// The connectors that get at least min_steps: all if they fit, else greedily in admission order.
// Greedy in order gives the maximal admitted set in that order: a connector is skipped only when 6 A
// does not fit on one of its (node, phase) constraints after everyone before it was admitted.
void admit(std::vector<Group>& groups, const std::vector<int64_t>& remaining, int64_t min_steps) {
    const size_t constraint_count = remaining.size();
    std::vector<int64_t> needed(constraint_count, 0);
    for (const Group& group : groups) {
        for (int32_t i = 0; i < group.constraint_count; ++i) {
            needed[group.constraints[i]] += group.member_count;
        }
    }
    // Only an overfull constraint (6 A for everyone under it does not fit) can turn anyone away: a
    // constraint with room for all of them keeps room for each in turn. So only connectors under an
    // overfull constraint go through the ordered check, and only against their overfull constraints.
    std::vector<char> overfull(constraint_count, 0);
    bool any_overfull = false;
    for (size_t c = 0; c < constraint_count; ++c) {
        overfull[c] = remaining[c] < needed[c] * min_steps;
        any_overfull = any_overfull || overfull[c];
    }
    if (!any_overfull) return;

    std::vector<int64_t> spare(remaining);
    int64_t open_count = 0;  // overfull constraints that still have room for 6 A
    for (size_t c = 0; c < constraint_count; ++c) {
        if (overfull[c] && spare[c] >= min_steps) ++open_count;
    }
    std::vector<int32_t> check_pool;  // per group, its overfull constraints
    std::vector<size_t> check_begin(groups.size() + 1, 0);
    std::vector<char> admitted;  // per member, groups one after the other
    std::vector<size_t> admitted_begin(groups.size() + 1, 0);
    struct Queued {
        int64_t order_key;
        int32_t group;
        int32_t member;
    };
    std::vector<Queued> in_order;
    for (size_t g = 0; g < groups.size(); ++g) {
        const Group& group = groups[g];
        check_begin[g] = check_pool.size();
        bool all_open = true;
        for (int32_t i = 0; i < group.constraint_count; ++i) {
            int32_t c = group.constraints[i];
            if (overfull[c]) {
                check_pool.push_back(c);
                all_open = all_open && spare[c] >= min_steps;
            }
        }
        const bool has_check = check_pool.size() > check_begin[g];
        admitted_begin[g] = admitted.size();
        admitted.resize(admitted.size() + group.member_count, has_check ? 0 : 1);
        if (has_check && all_open) {
            for (int32_t m = 0; m < group.member_count; ++m) {
                in_order.push_back({group.members[m].order_key, static_cast<int32_t>(g),
                                    static_cast<int32_t>(m)});
            }
        }
    }
    check_begin[groups.size()] = check_pool.size();
    // Order keys are unique, so this is the admission order.
    std::sort(in_order.begin(), in_order.end(),
              [](const Queued& a, const Queued& b) { return a.order_key < b.order_key; });
    for (const Queued& queued : in_order) {
        const int32_t* check = check_pool.data() + check_begin[queued.group];
        const int32_t* check_end = check_pool.data() + check_begin[queued.group + 1];
        bool fits = true;
        for (const int32_t* c = check; c != check_end; ++c) {
            if (spare[*c] < min_steps) {
                fits = false;
                break;
            }
        }
        if (!fits) continue;
        for (const int32_t* c = check; c != check_end; ++c) {
            spare[*c] -= min_steps;
            if (spare[*c] < min_steps) --open_count;
        }
        admitted[admitted_begin[queued.group] + queued.member] = 1;
        if (open_count == 0) break;  // every overfull constraint is full: nobody left in the queue fits
    }
    // Filtering keeps the members sorted by (max_steps, order_key); empty groups drop out.
    size_t kept_groups = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
        Member* members = groups[g].members;
        int32_t kept = 0;
        for (int32_t m = 0; m < groups[g].member_count; ++m) {
            if (admitted[admitted_begin[g] + m]) members[kept++] = members[m];
        }
        groups[g].member_count = kept;
        if (kept) {
            if (kept_groups != g) groups[kept_groups] = groups[g];
            ++kept_groups;
        }
    }
    groups.resize(kept_groups);
}

// Gives the steps a full constraint has left (fewer than the connectors that froze on it) to them:
// one step each, where every other constraint of theirs has room beyond the current level for its
// still-rising connectors. Leaving the remainder for later would let connectors on other constraints
// rise into it and take it from the ones it belongs to.
void share_remainder(int32_t full, int64_t current, const std::vector<int32_t>& just_frozen,
                     const std::vector<Group>& groups, Levels& levels, std::vector<int64_t>& remaining,
                     const std::vector<int64_t>& count, EventHeap& heap) {
    for (int32_t index : just_frozen) {
        const Group& group = groups[index];
        const int64_t size = group.member_count;
        int64_t at_level = levels.frozen_at_max[index];
        while (at_level < size && group.members[at_level].max_steps <= current) {
            ++at_level;  // members whose max is the level cannot take a step more
        }
        int64_t room = INT64_MAX;
        for (int32_t i = 0; i < group.constraint_count; ++i) {
            int32_t c = group.constraints[i];
            room = std::min(room, remaining[c] - current * count[c]);
        }
        const int64_t steps = std::min(room, size - at_level);
        if (steps <= 0) continue;
        levels.extra[index] = steps;
        for (int32_t i = 0; i < group.constraint_count; ++i) {
            int32_t c = group.constraints[i];
            remaining[c] -= steps;
            if (count[c]) {
                // Its level may drop (never below the current one): its heap entry must not be
                // later than its true level, or a later event could overrun it.
                heap.push({floor_div(remaining[c], count[c]), c});
            }
        }
        if (!remaining[full]) return;
    }
}

// Progressive filling: raise every unfrozen connector together; freeze at its max or a full limit.
// Events come from one heap in rising order: a group's next max, or a constraint's level
// remaining / unfrozen count. A constraint's level only rises as connectors freeze below it, so a
// stale entry is pushed back with its new level (lazy update). Whole groups freeze at once (batch
// freezing). `remaining` is reduced in place.
Levels water_fill(const std::vector<Group>& groups, std::vector<int64_t>& remaining) {
    const size_t group_count = groups.size();
    const size_t constraint_count = remaining.size();
    std::vector<int64_t> unfrozen(group_count);
    std::vector<int64_t> count(constraint_count, 0);  // unfrozen connectors per constraint
    // The groups under each constraint, in group order (compressed rows).
    std::vector<int32_t> groups_at_begin(constraint_count + 1, 0);
    for (const Group& group : groups) {
        for (int32_t i = 0; i < group.constraint_count; ++i) ++groups_at_begin[group.constraints[i] + 1];
    }
    for (size_t c = 0; c < constraint_count; ++c) groups_at_begin[c + 1] += groups_at_begin[c];
    std::vector<int32_t> groups_at(groups_at_begin[constraint_count]);
    std::vector<int32_t> cursor(groups_at_begin.begin(), groups_at_begin.end() - 1);
    std::vector<Event> events;
    events.reserve(group_count + constraint_count);
    int64_t still_rising = 0;
    for (size_t g = 0; g < group_count; ++g) {
        const Group& group = groups[g];
        const int64_t size = group.member_count;
        unfrozen[g] = size;
        still_rising += size;
        for (int32_t i = 0; i < group.constraint_count; ++i) {
            int32_t c = group.constraints[i];
            count[c] += size;
            groups_at[cursor[c]++] = static_cast<int32_t>(g);
        }
        events.push_back({group.members[0].max_steps, -1 - static_cast<int64_t>(g)});
    }
    for (size_t c = 0; c < constraint_count; ++c) {
        if (count[c]) events.push_back({floor_div(remaining[c], count[c]), static_cast<int64_t>(c)});
    }
    EventHeap heap(std::greater<Event>(), std::move(events));

    Levels levels{std::vector<int64_t>(group_count, 0), std::vector<int64_t>(group_count, 0),
                  std::vector<int64_t>(group_count, 0)};
    std::vector<int32_t> just_frozen;
    while (still_rising) {
        const Event event = heap.top();
        heap.pop();
        if (event.key < 0) {
            const int32_t index = static_cast<int32_t>(-1 - event.key);
            if (!unfrozen[index]) continue;
            const Group& group = groups[index];
            const int64_t member_count = group.member_count;
            const int64_t first = levels.frozen_at_max[index];
            int64_t end = first;
            while (end < member_count && group.members[end].max_steps == event.value) ++end;
            const int64_t size = end - first;
            levels.frozen_at_max[index] = end;
            unfrozen[index] -= size;
            still_rising -= size;
            const int64_t used = event.value * size;
            for (int32_t i = 0; i < group.constraint_count; ++i) {
                int32_t c = group.constraints[i];
                remaining[c] -= used;
                count[c] -= size;
            }
            if (unfrozen[index]) heap.push({group.members[end].max_steps, event.key});
            continue;
        }
        const int32_t key = static_cast<int32_t>(event.key);
        if (!count[key]) continue;
        const int64_t current = floor_div(remaining[key], count[key]);
        if (current > event.value) {
            heap.push({current, key});
            continue;
        }
        just_frozen.clear();
        for (int32_t at = groups_at_begin[key]; at < groups_at_begin[key + 1]; ++at) {
            const int32_t index = groups_at[at];
            const int64_t size = unfrozen[index];
            if (!size) continue;
            unfrozen[index] = 0;
            still_rising -= size;
            levels.level[index] = current;
            just_frozen.push_back(index);
            const int64_t used = current * size;
            const Group& group = groups[index];
            for (int32_t i = 0; i < group.constraint_count; ++i) {
                int32_t c = group.constraints[i];
                remaining[c] -= used;
                count[c] -= size;
            }
        }
        if (remaining[key]) share_remainder(key, current, just_frozen, groups, levels, remaining, count, heap);
    }
    return levels;
}

// Hands out the steps still free, one step per connector per pass, lowest value first. Passes
// repeat until no connector below its max can be raised by a step (work-conserving). Within a group
// the lowest values go first, then admission order, and a group is only raised again after all of
// its members were, so members of a group stay within one step of each other.
void top_up(std::vector<OpenGroup>& open_groups, std::vector<int64_t>& remaining,
            std::vector<int64_t>& value_steps) {
    while (!open_groups.empty()) {
        size_t still_open = 0;
        for (size_t g = 0; g < open_groups.size(); ++g) {
            OpenGroup& group = open_groups[g];
            int64_t spare = INT64_MAX;
            for (int32_t i = 0; i < group.constraint_count; ++i) {
                spare = std::min(spare, remaining[group.constraints[i]]);
            }
            if (spare <= 0) continue;  // top-ups only use capacity, so this group can never rise again
            OpenMember* members = group.members;
            const int64_t size = group.member_count;
            const bool all_raised = spare >= size;
            if (!all_raised) std::sort(members, members + size, by_value_then_order);
            const int64_t raised = all_raised ? size : spare;
            for (int64_t m = 0; m < raised; ++m) {
                value_steps[members[m].demand] = ++members[m].value_steps;
            }
            for (int32_t i = 0; i < group.constraint_count; ++i) remaining[group.constraints[i]] -= raised;
            if (!all_raised) continue;  // a constraint of this group is now full
            group.member_count = static_cast<int32_t>(below_max_first(members, size) - members);
            if (!group.member_count) continue;
            if (still_open != g) open_groups[still_open] = group;
            ++still_open;
        }
        open_groups.resize(still_open);
    }
}

}  // namespace

void fill_class(std::vector<Group>& groups, std::vector<int64_t>& remaining, int64_t min_steps,
                std::vector<int64_t>& value_steps) {
    admit(groups, remaining, min_steps);
    if (groups.empty()) return;
    const Levels levels = water_fill(groups, remaining);
    std::vector<OpenGroup> open_groups;
    size_t open_total = 0;
    for (const Group& group : groups) open_total += group.member_count;
    std::vector<OpenMember> open_buffer(open_total);
    OpenMember* open_end = open_buffer.data();
    for (size_t g = 0; g < groups.size(); ++g) {
        const Group& group = groups[g];
        const int64_t member_count = group.member_count;
        const int64_t at_max = levels.frozen_at_max[g];
        for (int64_t m = 0; m < at_max; ++m) value_steps[group.members[m].demand] = group.members[m].max_steps;
        if (at_max == member_count) continue;
        const int64_t level = levels.level[g];
        OpenMember* open = open_end;
        for (int64_t m = at_max; m < member_count; ++m) {
            const Member& member = group.members[m];
            value_steps[member.demand] = level;
            if (member.max_steps > level) *open_end++ = {level, member.order_key, member.max_steps, member.demand};
        }
        if (levels.extra[g]) {
            // The remainder steps go in admission order.
            std::sort(open, open_end,
                      [](const OpenMember& a, const OpenMember& b) { return a.order_key < b.order_key; });
            const int64_t raised = std::min(levels.extra[g], static_cast<int64_t>(open_end - open));
            for (int64_t m = 0; m < raised; ++m) value_steps[open[m].demand] = ++open[m].value_steps;
            open_end = below_max_first(open, open_end - open);
        }
        if (open_end != open) {
            open_groups.push_back(
                {group.constraints, group.constraint_count, open, static_cast<int32_t>(open_end - open)});
        }
    }
    if (!open_groups.empty()) top_up(open_groups, remaining, value_steps);
}

}  // namespace allocator
