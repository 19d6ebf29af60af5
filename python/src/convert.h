// SPDX-License-Identifier: MIT
// Conversions from irio's C++ results to plain Python objects for the `irio` Python package:
// tidy tables as column dicts of NumPy arrays (the pure-Python layer makes DataFrames of them),
// the balance report, labels and metadata as dicts, and the full matrices of a model as NumPy
// arrays formed only on request (python/irio/__init__.py documents the Python side).
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "irio/analysis/analysis.h"
#include "irio/tables/tidy_table.h"

namespace irio::python {

namespace py = pybind11;

/// {"name", "key_columns", "value_column", "codes": [int32 arrays], "levels": [[str]],
/// "values": float64 array}: a tidy table without a Python object per row.
py::dict tidy_to_dict(const tables::TidyTable& t);
/// One dict per table, in order.
py::list tidy_list(const std::vector<tables::TidyTable>& tables);
/// The same, finished as the CLI finishes them (irio::finish_results: the name columns sector_name,
/// region_name, ...; NumericalError for an infinite value).
py::list tidy_list(std::vector<tables::TidyTable> tables, const tables::IoTable& table);

/// The balance check (methods.md §1.3) as a dict: status, brief, report (the text `irio check`
/// prints), findings [(severity, check, message)], the worst residuals and the offender lists.
py::dict balance_to_dict(const tables::BalanceReport& r, const tables::Labels& labels);

/// Labels and metadata of a table: regions, sectors, countries, country_of_region, fd_categories,
/// va_components, export/import labels, satellites {name: {stressors, units}}, meta {...}.
py::dict table_description(const tables::IoTable& t);

/// The matrices `matrix_names()` lists: Z, Y, V, x, A, L, B, G.
const std::vector<std::string>& matrix_names();
/// Bytes the matrix `name` takes as a float64 array (InputError for an unknown name).
std::size_t matrix_bytes(const Analysis& a, const std::string& name);
/// The matrix `name` as a NumPy array (float64; vectors 1-D). L and G are formed by solves with
/// the model's factorization, `block` columns at a time (methods.md §1.1, §1.2), never by an
/// explicit inverse. InputError, naming the estimate, when it needs more than `max_bytes`.
py::array matrix(const Analysis& a, const std::string& name, std::size_t max_bytes, long block = 256);

}  // namespace irio::python
