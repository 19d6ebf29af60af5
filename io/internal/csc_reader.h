// SPDX-License-Identifier: MIT
// Z stored as a CSC group (docs/hdf5-schema.md, "Z as CSC") read straight into the sparse
// matrix's own arrays, validated on the way.
#pragma once

#include <hdf5.h>

#include <string>

#include "irio/io/internal/h5.h"
#include "irio/tables/io_table.h"

namespace irio::io::internal {

/// Read the CSC group `path` (members data, indices, indptr; attribute shape checked by the
/// caller) as an n x n matrix, n = labels.size(). `data` and `indices` go straight into the
/// matrix's value and inner-index arrays (no triplets, no second copy): the peak is the final
/// matrix plus `indptr`. Checked before allocating: what the datasets declare against the file
/// (H5Limits), indptr has n + 1 entries from 0 to len(data), never decreasing, and
/// len(indices) = len(data). Checked after reading, column by column: row indices in [0, n),
/// values finite. Rows out of order within a column are sorted and duplicates summed (as scipy
/// allows them); a column already in strictly increasing order, as irio and scipy write it, is
/// left as read. Errors are InputError naming the file, the dataset and the column (and row) as
/// region-sector.
///
/// `outer_is_row` reads the same three arrays as CSR (scipy.sparse.csr_matrix: indptr over rows,
/// indices are column indices): the compressed arrays then hold Z' column by column, which is
/// transposed once at the end; the messages say "row" for the outer index and "column" for the
/// inner one.
tables::SparseMatrix read_csc_z(hid_t file, const std::string& path, const tables::Labels& labels, const H5Reader& r,
                                bool outer_is_row = false);

}  // namespace irio::io::internal
