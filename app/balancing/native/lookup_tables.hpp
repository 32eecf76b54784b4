// Per-call lookup tables of app._allocator: connector ids, groups, and node ids already seen.
#pragma once

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdint>
#include <vector>

namespace allocator {

inline uint64_t mix(uint64_t x) {  // splitmix64 finaliser: spreads small keys over the table
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

inline size_t table_size_for(size_t count) {
    size_t size = 16;
    while (size < 2 * count) size *= 2;
    return size;
}

// Connector ids -> demand index, by Python equality (open addressing on the ids' own hashes).
class IdTable {
   public:
    explicit IdTable(size_t count) : slots_(table_size_for(count), {0, -1}) {}

    // The demand index of id, or -1; -2 with an exception set if comparing failed.
    int32_t find(PyObject* id, Py_hash_t hash, const std::vector<PyObject*>& ids) const {
        for (size_t at = mix(static_cast<uint64_t>(hash)) & mask();; at = (at + 1) & mask()) {
            const Slot& slot = slots_[at];
            if (slot.index < 0) return -1;
            if (slot.hash != hash) continue;
            int equal = PyObject_RichCompareBool(ids[slot.index], id, Py_EQ);
            if (equal < 0) return -2;
            if (equal) return slot.index;
        }
    }

    void insert(Py_hash_t hash, int32_t index) {
        size_t at = mix(static_cast<uint64_t>(hash)) & mask();
        while (slots_[at].index >= 0) at = (at + 1) & mask();
        slots_[at] = {hash, index};
    }

   private:
    struct Slot {
        Py_hash_t hash;
        int32_t index;
    };
    size_t mask() const { return slots_.size() - 1; }
    std::vector<Slot> slots_;
};

// (priority, node, phases) -> group index: connectors with the same key count against the same
// constraints. Phases are a code of the exact tuple, because (0, 1, 2) and (1, 2, 0) are distinct
// groups (same constraints, kept apart as in the reference order of groups).
class GroupTable {
   public:
    explicit GroupTable(size_t count) : slots_(table_size_for(count), {0, 0, 0, -1}) {}

    // The slot's group index (-1 when new: the caller stores the new index through the pointer).
    int32_t* find(int64_t priority, int32_t node, int32_t phase_code) {
        uint64_t hash = mix(static_cast<uint64_t>(priority) * 0x9e3779b97f4a7c15ULL ^
                            (static_cast<uint64_t>(node) << 8 | static_cast<uint64_t>(phase_code)));
        for (size_t at = hash & (slots_.size() - 1);; at = (at + 1) & (slots_.size() - 1)) {
            Slot& slot = slots_[at];
            if (slot.group < 0) {
                slot.priority = priority;
                slot.node = node;
                slot.phase_code = phase_code;
                return &slot.group;
            }
            if (slot.priority == priority && slot.node == node && slot.phase_code == phase_code) {
                return &slot.group;
            }
        }
    }

   private:
    struct Slot {
        int64_t priority;
        int32_t node;
        int32_t phase_code;
        int32_t group;
    };
    std::vector<Slot> slots_;
};

// node_id -> node index for the node_id objects already seen in this call: the demands of one
// charger share one node_id string, so most lookups skip the dict (a hit is by identity).
class NodeCache {
   public:
    int32_t* find(PyObject* node_id) {
        Slot& slot = slots_[(reinterpret_cast<uintptr_t>(node_id) >> 4) % SIZE];
        if (slot.node_id == node_id) return &slot.node;
        slot.node_id = node_id;
        slot.node = -1;
        return &slot.node;
    }

   private:
    static constexpr size_t SIZE = 251;  // prime, so that aligned addresses spread
    struct Slot {
        PyObject* node_id = nullptr;
        int32_t node = -1;
    };
    Slot slots_[SIZE];
};

}  // namespace allocator
