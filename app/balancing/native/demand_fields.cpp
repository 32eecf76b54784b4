// Reading the fields of the Demand objects through the stable C API (getattr on interned names).
#include "demand_fields.hpp"

#include "allocator_fill.hpp"

namespace allocator {
namespace {

const char* const FIELD_NAMES[FIELD_COUNT] = {"connector_id", "node_id", "phases", "max_mA", "priority"};
PyObject* field_names[FIELD_COUNT];  // interned at import

}  // namespace

PyObject* read_field(PyObject* demand, Field field) {
    // The documented attribute protocol only: reading slots at offsets taken from member descriptors
    // (CPython internals) was faster but could break silently with a Python upgrade.
    return PyObject_GetAttr(demand, field_names[field]);
}

bool read_int(PyObject* demand, Field field, int64_t* out) {
    PyObject* value = read_field(demand, field);
    if (value == nullptr) return false;
    *out = PyLong_AsLongLong(value);
    Py_DECREF(value);
    return !(*out == -1 && PyErr_Occurred());
}

int32_t phase_code(PyObject* phases) {
    if (!PyTuple_Check(phases)) return -1;
    const Py_ssize_t count = PyTuple_GET_SIZE(phases);
    if (count < 1 || count > PHASE_COUNT) return -1;
    int32_t code = 0;
    int seen = 0;
    for (Py_ssize_t i = 0; i < count; ++i) {
        PyObject* item = PyTuple_GET_ITEM(phases, i);
        if (!PyLong_Check(item)) return -1;
        int overflow = 0;
        long phase = PyLong_AsLongAndOverflow(item, &overflow);
        if (overflow || phase < 0 || phase >= PHASE_COUNT || (seen & (1 << phase))) {
            PyErr_Clear();
            return -1;
        }
        seen |= 1 << phase;
        code |= static_cast<int32_t>(phase + 1) << (2 * i);
    }
    return code;
}

bool init_demand_fields() {
    for (int f = 0; f < FIELD_COUNT; ++f) {
        field_names[f] = PyUnicode_InternFromString(FIELD_NAMES[f]);
        if (field_names[f] == nullptr) return false;
    }
    return true;
}

}  // namespace allocator
