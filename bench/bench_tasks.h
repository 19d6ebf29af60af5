// SPDX-License-Identifier: MIT
// Benchmark tasks: each computes one result with irio's public API and with the peers' method
// (the full dense inverse (I - A)^{-1} by LAPACK, then the matrix products).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "irio/tables/io_table.h"

namespace irio::bench {

struct Task {
  std::string name;
  std::string description;
  std::string baseline_name;
  std::function<tables::Matrix(const tables::IoTable&)> run_irio;
  std::function<tables::Matrix(const tables::IoTable&)> run_baseline;
};

const Task* find_task(const std::string& name);
std::string task_names();

/// The peers' method: dense L = (I - A)^{-1} by dgetrf + dgetri (what pymrio/decompr do).
tables::Matrix dense_leontief_inverse(const tables::IoTable& t);

/// Dense inverse of I - A restricted to each index set (the block-diagonal local inverses),
/// placed in an n x n matrix; one partial-pivoting LU per block.
tables::Matrix block_inverse(const tables::Matrix& A, const std::vector<std::vector<Eigen::Index>>& blocks);

}  // namespace irio::bench
