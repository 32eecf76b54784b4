// Reading the fields of the Demand objects passed to app._allocator.allocate (stable C API only).
#pragma once

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdint>

namespace allocator {

// The Demand fields in the order the module reads them.
enum Field { CONNECTOR_ID, NODE_ID, PHASES, MAX_MA, PRIORITY, FIELD_COUNT };

// Interns the field names; false with an exception set if that failed (module import).
bool init_demand_fields();

// A new reference to one field of a demand, or nullptr with an exception set.
PyObject* read_field(PyObject* demand, Field field);

// An int field as int64, or false with an exception set.
bool read_int(PyObject* demand, Field field, int64_t* out);

// The phase tuple as a code (two bits per position, 0 = absent), or -1 if it is not a tuple of
// distinct values 0..2.
int32_t phase_code(PyObject* phases);

}  // namespace allocator
