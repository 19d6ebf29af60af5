// SPDX-License-Identifier: MIT
// Import of pymrio text folders: the saved layout (file_parameters.json, IOSystem.save_all with
// table_format="txt") and the layout of pymrio's bundled test MRIO (trade_flows_Z.txt, ...).
#pragma once

#include <string>

#include "irio/tables/io_table.h"

namespace irio::io {

/// Read a pymrio folder into a table: Z, Y (x is left empty: pymrio's x = Z 1 + Y 1), every
/// extension as a satellite with F, F_Y and units. Multi-level stressor indices (stressor,
/// compartment) are joined with '/', e.g. "emission_type1/air". Each region is its own country.
/// Throws InputError naming the folder/file when neither layout is recognised or a file is bad.
tables::IoTable import_pymrio(const std::string& dir);

}  // namespace irio::io
