// app._allocator: the allocator's per-cycle work (grouping, admission, filling) as a CPython extension.
//
// app/balancing/allocator.py compiles and caches the power tree and keeps the public allocate(); this module
// reads the Demand objects directly, groups them, runs allocator_fill.cpp per priority class and
// builds the result dict. docs/load-balancing.md, section "Allocation", explains why it is native.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "allocator_fill.hpp"
#include "demand_fields.hpp"
#include "lookup_tables.hpp"

namespace {

using namespace allocator;

constexpr const char* TREE_CAPSULE = "app._allocator.Tree";

// The power tree as compile_tree() leaves it: what every allocate() call needs, converted once.
struct Tree {
    PyObject* index_by_id;  // strong reference: dict node_id -> node index
    std::vector<int32_t> ancestor_pool;
    std::vector<size_t> ancestor_begin;   // node i's chain (itself first) is [begin[i], begin[i + 1])
    std::vector<int64_t> capacity_steps;  // per constraint c = node_index * 3 + phase
    int64_t step_mA;
    int64_t min_steps;
};

void destroy_tree(PyObject* capsule) {
    auto* tree = static_cast<Tree*>(PyCapsule_GetPointer(capsule, TREE_CAPSULE));
    if (tree == nullptr) return;
    Py_XDECREF(tree->index_by_id);
    delete tree;
}

struct GroupInfo {
    int64_t priority;
    size_t constraint_begin;  // into the constraint pool
    int32_t constraint_count;
    int32_t member_begin;  // into the member buffer
    int32_t member_count;  // connectors with at least 6 A of max
};

// Owned references released on every way out of allocate().
struct OwnedRefs {
    std::vector<PyObject*> refs;
    ~OwnedRefs() {
        for (PyObject* ref : refs) Py_XDECREF(ref);
    }
};

PyObject* compile_tree(PyObject*, PyObject* args) {
    PyObject* index_by_id;
    PyObject* ancestors;
    PyObject* capacity_steps;
    long long step_mA;
    long long min_steps;
    if (!PyArg_ParseTuple(args, "O!O!O!LL:compile_tree", &PyDict_Type, &index_by_id, &PyList_Type, &ancestors,
                          &PyList_Type, &capacity_steps, &step_mA, &min_steps)) {
        return nullptr;
    }
    const Py_ssize_t node_count = PyList_GET_SIZE(ancestors);
    if (PyList_GET_SIZE(capacity_steps) != node_count * PHASE_COUNT || step_mA <= 0 || min_steps <= 0) {
        PyErr_SetString(PyExc_ValueError, "compile_tree: capacity_steps must have three values per node");
        return nullptr;
    }
    auto* tree = new Tree{index_by_id, {}, {0}, {}, step_mA, min_steps};
    Py_INCREF(index_by_id);
    PyObject* capsule = PyCapsule_New(tree, TREE_CAPSULE, destroy_tree);
    if (capsule == nullptr) {
        Py_DECREF(index_by_id);
        delete tree;
        return nullptr;
    }
    for (Py_ssize_t node = 0; node < node_count; ++node) {
        PyObject* chain = PyList_GET_ITEM(ancestors, node);
        if (!PyTuple_Check(chain)) {
            PyErr_SetString(PyExc_TypeError, "compile_tree: every ancestor chain must be a tuple");
            Py_DECREF(capsule);
            return nullptr;
        }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(chain); ++i) {
            long ancestor = PyLong_AsLong(PyTuple_GET_ITEM(chain, i));
            if (ancestor < 0 || ancestor >= node_count) {
                if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "compile_tree: ancestor out of range");
                Py_DECREF(capsule);
                return nullptr;
            }
            tree->ancestor_pool.push_back(static_cast<int32_t>(ancestor));
        }
        tree->ancestor_begin.push_back(tree->ancestor_pool.size());
    }
    for (Py_ssize_t c = 0; c < node_count * PHASE_COUNT; ++c) {
        long long steps = PyLong_AsLongLong(PyList_GET_ITEM(capacity_steps, c));
        if (steps == -1 && PyErr_Occurred()) {
            Py_DECREF(capsule);
            return nullptr;
        }
        tree->capacity_steps.push_back(steps);
    }
    return capsule;
}

PyObject* allocate(PyObject*, PyObject* args) {
    PyObject* capsule;
    PyObject* demand_arg;
    PyObject* order_arg;
    if (!PyArg_ParseTuple(args, "OOO:allocate", &capsule, &demand_arg, &order_arg)) return nullptr;
    auto* tree = static_cast<Tree*>(PyCapsule_GetPointer(capsule, TREE_CAPSULE));
    if (tree == nullptr) return nullptr;
    OwnedRefs owned;
    PyObject* demand_seq = PySequence_Fast(demand_arg, "demands must be a sequence");
    if (demand_seq == nullptr) return nullptr;
    owned.refs.push_back(demand_seq);
    PyObject* order_seq = PySequence_Fast(order_arg, "admission_order must be a sequence");
    if (order_seq == nullptr) return nullptr;
    owned.refs.push_back(order_seq);
    const Py_ssize_t demand_count = PySequence_Fast_GET_SIZE(demand_seq);
    PyObject** demands = PySequence_Fast_ITEMS(demand_seq);
    if (demand_count >= INT32_MAX) return PyErr_NoMemory();

    // Every connector_id once.
    std::vector<PyObject*> ids(demand_count);
    IdTable id_table(demand_count);
    for (Py_ssize_t i = 0; i < demand_count; ++i) {
        PyObject* id = read_field(demands[i], CONNECTOR_ID);
        if (id == nullptr) return nullptr;
        owned.refs.push_back(id);
        ids[i] = id;
        Py_hash_t hash = PyObject_Hash(id);
        if (hash == -1) return nullptr;
        int32_t found = id_table.find(id, hash, ids);
        if (found == -2) return nullptr;
        if (found >= 0) {
            PyErr_SetString(PyExc_ValueError, "every connector_id must appear once in the demands");
            return nullptr;
        }
        id_table.insert(hash, static_cast<int32_t>(i));
    }
    // Order keys: the position in admission_order (its first occurrence), else after it in input order.
    const Py_ssize_t ranked = PySequence_Fast_GET_SIZE(order_seq);
    std::vector<int64_t> order_key(demand_count);
    std::vector<char> in_admission_order(demand_count, 0);
    for (Py_ssize_t i = 0; i < demand_count; ++i) order_key[i] = ranked + i;
    PyObject** order = PySequence_Fast_ITEMS(order_seq);
    for (Py_ssize_t position = 0; position < ranked; ++position) {
        Py_hash_t hash = PyObject_Hash(order[position]);
        if (hash == -1) return nullptr;
        int32_t found = id_table.find(order[position], hash, ids);
        if (found == -2) return nullptr;
        if (found >= 0 && !in_admission_order[found]) {
            in_admission_order[found] = 1;
            order_key[found] = position;
        }
    }

    // Groups by (priority, node, phases) in order of first appearance; members below 6 A get 0.
    const int64_t step_mA = tree->step_mA;
    std::vector<GroupInfo> groups;
    std::vector<int32_t> constraint_pool;
    GroupTable group_table(demand_count);
    NodeCache node_cache;  // its keys stay alive: `owned` holds every node_id until the end
    std::vector<int32_t> group_of(demand_count);
    std::vector<int64_t> max_steps_of(demand_count);
    for (Py_ssize_t i = 0; i < demand_count; ++i) {
        int64_t priority;
        int64_t max_mA;
        if (!read_int(demands[i], PRIORITY, &priority) || !read_int(demands[i], MAX_MA, &max_mA)) return nullptr;
        PyObject* node_id = read_field(demands[i], NODE_ID);
        if (node_id == nullptr) return nullptr;
        owned.refs.push_back(node_id);
        int32_t* cached_node = node_cache.find(node_id);
        if (*cached_node < 0) {
            PyObject* node_index = PyDict_GetItemWithError(tree->index_by_id, node_id);
            if (node_index == nullptr) {
                if (!PyErr_Occurred()) PyErr_Format(PyExc_ValueError, "demand under unknown power node %R", node_id);
                return nullptr;
            }
            *cached_node = static_cast<int32_t>(PyLong_AsLong(node_index));
            if (*cached_node == -1 && PyErr_Occurred()) return nullptr;
        }
        const int32_t node = *cached_node;
        PyObject* phases = read_field(demands[i], PHASES);
        if (phases == nullptr) return nullptr;
        owned.refs.push_back(phases);
        const int32_t code = phase_code(phases);
        if (code < 0) {
            PyErr_Format(PyExc_ValueError, "demand under %R: phases %R must be distinct values 0..2", node_id,
                         phases);
            return nullptr;
        }
        int32_t* group_index = group_table.find(priority, static_cast<int32_t>(node), code);
        if (*group_index < 0) {
            *group_index = static_cast<int32_t>(groups.size());
            GroupInfo group{priority, constraint_pool.size(), 0, 0, 0};
            // Its node and every ancestor, on each of its phases.
            for (size_t a = tree->ancestor_begin[node]; a < tree->ancestor_begin[node + 1]; ++a) {
                for (Py_ssize_t p = 0; p < PyTuple_GET_SIZE(phases); ++p) {
                    const long phase = PyLong_AsLong(PyTuple_GET_ITEM(phases, p));
                    constraint_pool.push_back(tree->ancestor_pool[a] * PHASE_COUNT + static_cast<int32_t>(phase));
                }
            }
            group.constraint_count = static_cast<int32_t>(constraint_pool.size() - group.constraint_begin);
            groups.push_back(std::move(group));
        }
        group_of[i] = *group_index;
        max_steps_of[i] = floor_div(max_mA, step_mA);
        if (max_steps_of[i] >= tree->min_steps) ++groups[*group_index].member_count;
    }
    // Members in one buffer, group after group, each group sorted by (max_steps, order_key).
    int32_t member_total = 0;
    for (GroupInfo& group : groups) {
        group.member_begin = member_total;
        member_total += group.member_count;
        group.member_count = 0;
    }
    std::vector<Member> member_buffer(member_total);
    for (Py_ssize_t i = 0; i < demand_count; ++i) {
        if (max_steps_of[i] < tree->min_steps) continue;
        GroupInfo& group = groups[group_of[i]];
        member_buffer[group.member_begin + group.member_count++] = {max_steps_of[i], order_key[i],
                                                                     static_cast<int32_t>(i)};
    }

    // Strict priority: each class is filled against what the higher classes left.
    std::vector<int32_t> class_order;
    for (size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].member_count) class_order.push_back(static_cast<int32_t>(g));
    }
    std::stable_sort(class_order.begin(), class_order.end(),
                     [&groups](int32_t a, int32_t b) { return groups[a].priority > groups[b].priority; });
    std::vector<int64_t> remaining(tree->capacity_steps);
    std::vector<int64_t> value_steps(demand_count, 0);
    std::vector<Group> one_class;
    for (size_t at = 0; at < class_order.size();) {
        const int64_t priority = groups[class_order[at]].priority;
        one_class.clear();
        for (; at < class_order.size() && groups[class_order[at]].priority == priority; ++at) {
            const GroupInfo& info = groups[class_order[at]];
            Member* members = member_buffer.data() + info.member_begin;
            std::sort(members, members + info.member_count,
                      [](const Member& a, const Member& b) {
                          return a.max_steps != b.max_steps ? a.max_steps < b.max_steps
                                                            : a.order_key < b.order_key;
                      });
            one_class.push_back({constraint_pool.data() + info.constraint_begin, info.constraint_count, members,
                                 info.member_count});
        }
        fill_class(one_class, remaining, tree->min_steps, value_steps);
    }

    // mA per connector_id, in input order, every demand a key.
    PyObject* result = PyDict_New();
    if (result == nullptr) return nullptr;
    for (Py_ssize_t i = 0; i < demand_count; ++i) {
        PyObject* value = PyLong_FromLongLong(value_steps[i] * step_mA);
        if (value == nullptr || PyDict_SetItem(result, ids[i], value) < 0) {
            Py_XDECREF(value);
            Py_DECREF(result);
            return nullptr;
        }
        Py_DECREF(value);
    }
    return result;
}

PyMethodDef methods[] = {
    {"compile_tree", compile_tree, METH_VARARGS,
     "compile_tree(index_by_id, ancestors, capacity_steps, step_mA, min_steps) -> tree\n\n"
     "The power tree in the form allocate() reads: node indices, ancestor chains, capacity in steps."},
    {"allocate", allocate, METH_VARARGS,
     "allocate(tree, demands, admission_order) -> {connector_id: mA}\n\n"
     "One control cycle's allocation; see app.balancing.allocator.allocate for the contract."},
    {nullptr, nullptr, 0, nullptr},
};

PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_allocator", "The allocator's native core (see app/balancing/allocator.py).", -1, methods,
    nullptr, nullptr, nullptr, nullptr,
};

}  // namespace

PyMODINIT_FUNC PyInit__allocator() {
    if (!init_demand_fields()) return nullptr;
    return PyModule_Create(&module_def);
}
