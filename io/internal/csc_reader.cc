// SPDX-License-Identifier: MIT
// read_csc_z: a CSC group read into Eigen's compressed storage (see csc_reader.h).
#include "irio/io/internal/csc_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

#include "irio/tables/error.h"

namespace irio::io::internal {

namespace {

using Index = tables::SparseMatrix::StorageIndex;

std::string where(const tables::Labels& labels, std::size_t j) {
  return std::to_string(j) + (j < labels.size() ? " (" + labels.describe(j) + ")" : std::string());
}

/// Sort every column by row and sum duplicates, compacting the arrays in place; returns the new
/// number of non-zeros. Only called when some column is out of order.
std::size_t canonicalise(Index* outer, Index* inner, double* values, std::size_t n) {
  std::vector<std::pair<Index, double>> col;
  Index w = 0;
  for (std::size_t j = 0; j < n; ++j) {
    const Index begin = outer[j], end = outer[j + 1];
    outer[j] = w;
    col.clear();
    for (Index k = begin; k < end; ++k) col.emplace_back(inner[k], values[k]);
    std::stable_sort(col.begin(), col.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < col.size(); ++k) {
      if (k > 0 && col[k].first == col[k - 1].first) {
        values[w - 1] += col[k].second;  // duplicate entries are summed (scipy's sum_duplicates)
        continue;
      }
      inner[w] = col[k].first;
      values[w] = col[k].second;
      ++w;
    }
  }
  outer[n] = w;
  return static_cast<std::size_t>(w);
}

}  // namespace

tables::SparseMatrix read_csc_z(hid_t file, const std::string& path, const tables::Labels& labels, const H5Reader& r,
                                bool outer_is_row) {
  const std::string outer_word = outer_is_row ? "row" : "column";
  const std::string inner_word = outer_is_row ? "column" : "row";
  const std::size_t n = labels.size();
  const auto nn = static_cast<Index>(n);
  const auto indptr = h5_read_int64s(file, path + "/indptr", r);
  // Sizes first (declared against the file by h5_checked_length), so nothing below allocates more
  // than the file can hold.
  const std::size_t nnz = h5_checked_length(file, path + "/data", r, sizeof(double), false);
  const std::size_t nidx = h5_checked_length(file, path + "/indices", r, sizeof(Index), true);
  if (indptr.size() != n + 1 || nidx != nnz || indptr.front() != 0 || indptr.back() != static_cast<std::int64_t>(nnz))
    throw InputError(r.file + ": dataset '" + path + "/indptr' must have " + std::to_string(n + 1) +
                     " entries from 0 to len(data) = " + std::to_string(nnz) + ", and '" + path +
                     "/indices' as many entries as data (it has " + std::to_string(nidx) + ")");
  // Every column pointer within [0, len(data)] and non-decreasing, checked before any is used as an
  // index: a pointer that overshoots and comes back (0 100 5 5 5 with 5 values) passes the checks
  // of the first and last entries above but would read past the data.
  for (std::size_t j = 0; j < n; ++j)
    if (indptr[j + 1] < indptr[j] || indptr[j + 1] > indptr.back())
      throw InputError(r.file + ": dataset '" + path + "/indptr' " +
                       (indptr[j + 1] < indptr[j] ? "decreases" : "exceeds len(data) = " + std::to_string(nnz)) +
                       " at " + outer_word + " " + where(labels, j));

  tables::SparseMatrix Z(nn, nn);
  Z.resizeNonZeros(static_cast<Index>(nnz));
  Index* outer = Z.outerIndexPtr();
  Index* inner = Z.innerIndexPtr();
  double* values = Z.valuePtr();
  std::copy(indptr.begin(), indptr.end(), outer);
  h5_read_doubles_into(file, path + "/data", r, values);
  if constexpr (std::is_same_v<Index, std::int64_t>) {
    h5_read_int64s_into(file, path + "/indices", r, inner);
  } else {
    std::vector<std::int64_t> tmp(nnz);
    h5_read_int64s_into(file, path + "/indices", r, tmp.data());
    std::copy(tmp.begin(), tmp.end(), inner);
  }

  bool sorted = true;
  for (std::size_t j = 0; j < n; ++j) {
    Index prev = -1;
    for (Index k = outer[j]; k < outer[j + 1]; ++k) {
      const Index i = inner[k];
      if (i < 0 || i >= nn)
        throw InputError(r.file + ": dataset '" + path + "/indices' has " + inner_word + " index " + std::to_string(i) +
                         " outside [0, " + std::to_string(n) + ") in " + outer_word + " " + where(labels, j));
      if (!std::isfinite(values[k]))
        throw InputError(r.file + ": dataset '" + path + "/data' has a non-finite value (" + std::to_string(values[k]) +
                         ") at " + inner_word + " " + where(labels, static_cast<std::size_t>(i)) + ", " + outer_word +
                         " " + where(labels, j));
      if (i <= prev) sorted = false;
      prev = i;
    }
  }
  if (!sorted) Z.resizeNonZeros(static_cast<Index>(canonicalise(outer, inner, values, n)));
  if (outer_is_row) return tables::SparseMatrix(Z.transpose());  // the arrays held Z' by columns
  return Z;
}

}  // namespace irio::io::internal
