// SPDX-License-Identifier: MIT
// Sparse (column-major) times dense block products: Y = A X and Y = A' X. Single-threaded on
// purpose: with OpenBLAS's own threads on a 2-core machine, OpenMP threads here made the
// iteration up to 5x slower under load (docs/performance.md). The right-hand sides are transposed to k x n internally so that each non-zero touches one
// contiguous k-vector; A' X is an inner-product loop over A's columns, so no transposed copy of A
// is ever stored.
#pragma once

#include "irio/tables/io_table.h"

namespace irio::solver::internal {

/// Y = A X (transposed = false) or Y = A' X (transposed = true). X is n x k; Y is resized.
void spmm(const tables::SparseMatrix& A, const tables::Matrix& X, tables::Matrix& Y, bool transposed);

}  // namespace irio::solver::internal
