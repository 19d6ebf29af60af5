// SPDX-License-Identifier: MIT
// The library's verbs in Python through one binding (verbs.cc).
#pragma once

#include <pybind11/pybind11.h>

#include "irio/analysis/analysis.h"

namespace irio::python {

namespace py = pybind11;

/// `_irio.verbs()` (every verb's declaration as dicts) and `Table.run(verb, options)`.
void bind_verbs(py::module_& m, py::class_<Analysis>& table);

}  // namespace irio::python
