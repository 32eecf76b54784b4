// Reading the fields of the Demand objects: straight from the slots for Demand, getattr otherwise.
#include "demand_fields.hpp"

#include <structmember.h>

#include "allocator_fill.hpp"

namespace allocator {
namespace {

const char* const FIELD_NAMES[FIELD_COUNT] = {"connector_id", "node_id", "phases", "max_mA", "priority"};
PyObject* field_names[FIELD_COUNT];  // interned at import

// Where a Demand type keeps its fields. Demand is a slots dataclass, so its fields sit at fixed
// offsets in the object; reading them there skips the attribute lookup, which was most of the cost
// of a call. Any other type falls back to the generic getattr.
struct DemandLayout {
    PyTypeObject* type = nullptr;  // strong reference
    bool direct = false;
    Py_ssize_t offset[FIELD_COUNT] = {};
};
DemandLayout layout;

void learn_layout(PyTypeObject* type) {
    Py_INCREF(type);
    Py_XSETREF(layout.type, type);
    layout.direct = type->tp_getattro == PyObject_GenericGetAttr;
    for (int f = 0; f < FIELD_COUNT && layout.direct; ++f) {
        PyObject* descriptor = PyObject_GetAttr(reinterpret_cast<PyObject*>(type), field_names[f]);
        if (descriptor == nullptr) {
            PyErr_Clear();
            layout.direct = false;
            break;
        }
        // A slot is a member descriptor holding an object reference; a data descriptor on the type
        // wins over an instance dict, so the slot is what getattr would read.
        if (Py_IS_TYPE(descriptor, &PyMemberDescr_Type)) {
            PyMemberDef* member = reinterpret_cast<PyMemberDescrObject*>(descriptor)->d_member;
            if (member->type == T_OBJECT_EX) {
                layout.offset[f] = member->offset;
            } else {
                layout.direct = false;
            }
        } else {
            layout.direct = false;
        }
        Py_DECREF(descriptor);
    }
}

}  // namespace

PyObject* read_field(PyObject* demand, Field field) {
    if (Py_TYPE(demand) != layout.type) learn_layout(Py_TYPE(demand));
    if (!layout.direct) return PyObject_GetAttr(demand, field_names[field]);
    PyObject* value = *reinterpret_cast<PyObject**>(reinterpret_cast<char*>(demand) + layout.offset[field]);
    if (value == nullptr) {
        PyErr_Format(PyExc_AttributeError, "demand has no %s", FIELD_NAMES[field]);
        return nullptr;
    }
    Py_INCREF(value);
    return value;
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
