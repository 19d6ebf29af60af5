// SPDX-License-Identifier: MIT
// Loaders for the small published tables in validation/data (each a one-off layout as printed in
// its source), returned as irio tables.
#pragma once

#include <string>

#include "irio/tables/io_table.h"

namespace irio::validation {

/// Miller & Blair (2009) Table 2.3: `miller_blair_2x2/table.csv` (sector,z_1,z_2,f,x).
tables::IoTable miller_blair_table(const std::string& data_dir);

/// Eurostat Manual (2008) Table 15.4, Germany 1995 domestic product-by-product table
/// (`eurostat_germany_1995/Beutel_15_4.csv`). Imported products and net taxes on products are
/// exogenous input rows (IoTable::imports), so the residual value added is GVA (row B1G); the
/// value-added components D1, D29_M_D39, K1, B2N_B3N are V; employment (EMP, thousand persons) is
/// the satellite "employment".
tables::IoTable eurostat_germany_table(const std::string& data_dir);

/// Netherlands 2000 (D'Hernoncourt, Cordier & Hadley 2011): `netherlands_2000/netherlands_2000.csv`.
/// Final demand: final_consumption_private, government, GFCF, exports; imports and net taxes are
/// exogenous rows; V = compensation_employees and the rest of value added ("other_value_added").
tables::IoTable netherlands_table(const std::string& data_dir);

/// decompr's `leather` (3 countries x 3 industries): `decompr_leather/leather_{Z,F,x}.csv`.
tables::IoTable leather_table(const std::string& data_dir);

}  // namespace irio::validation
