// One priority class of the allocator: admission at 6 A, then discrete max-min fair water-filling.
//
// Plain C++17 without Python: the extension module (allocator_module.cpp) turns the demands into
// groups and hands every class to fill_class(). All quantities are whole steps (STEP_mA), so every
// comparison is exact integer arithmetic; docs/load-balancing.md, section "Allocation", explains the
// algorithm and its guarantees.
#pragma once

#include <cstdint>
#include <vector>

namespace allocator {

constexpr int PHASE_COUNT = 3;  // site phases L1, L2, L3

// Floor division, as Python's //: capacities and limits are never negative, but a wrong sign must
// not turn into a larger share.
inline int64_t floor_div(int64_t a, int64_t b) {
    const int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// One connector of a group.
struct Member {
    int64_t max_steps;
    int64_t order_key;  // unique: its position in the admission order, or after it in input order
    int32_t demand;     // index into the demand list, and into value_steps
};

// Connectors of one class under one node on the same phases: they count against exactly the same
// (node, phase) constraints, so they rise together and are handled as one unit. Both arrays are
// owned by the caller (one flat buffer each per call: no allocation per group).
struct Group {
    const int32_t* constraints;  // constraint c = node_index * 3 + phase
    int32_t constraint_count;
    Member* members;  // sorted by (max_steps, order_key); every max_steps >= min_steps
    int32_t member_count;
};

// Allocates one class from `remaining` (steps per constraint, reduced in place) into value_steps
// (steps per demand; members left out keep their value). `groups` is consumed: admission filters
// the members in place and drops the groups left empty.
void fill_class(std::vector<Group>& groups, std::vector<int64_t>& remaining, int64_t min_steps,
                std::vector<int64_t>& value_steps);

}  // namespace allocator
