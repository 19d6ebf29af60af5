// SPDX-License-Identifier: MIT
// Fixtures of the nesting suite: a provincial table cut out of a world table (the members of a
// group become the provinces of one country, the rest of the world exogenous) and the world
// table with the group aggregated to one region, so that nesting the one into the other must give
// back what was cut. The temporary folder is the shared TempDir (tests/support/cli_runner.h).
#pragma once

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "irio/tables/aggregation.h"
#include "irio/tables/grouping.h"
#include "irio/tables/io_table.h"
#include "tests/support/cli_runner.h"  // TempDir

namespace irio::testing {

using tables::Matrix;
using tables::Vector;

/// Position of each of `members` among the regions of `full`.
inline std::vector<Eigen::Index> region_indices(const tables::IoTable& full, const std::vector<std::string>& members) {
  std::vector<Eigen::Index> idx;
  for (const auto& m : members) {
    const int r = tables::Labels::find(full.labels.regions, m);
    BOOST_REQUIRE_MESSAGE(r >= 0, "no region " << m);
    idx.push_back(r);
  }
  return idx;
}

/// The members of `full` as the provinces of one country `country`: their Z and final-demand
/// blocks among themselves, one export column EX (everything they sell outside the group, as
/// inputs and final goods), one import row IM (the inputs they buy outside the group), their
/// value added and output (methods.md §5.5, an inter-provincial table with an exogenous rest of
/// the world).
inline tables::IoTable cut_provinces(const tables::IoTable& full, const std::vector<std::string>& members,
                                     const std::string& country) {
  const auto idx = region_indices(full, members);
  const Eigen::Index N = static_cast<Eigen::Index>(full.labels.num_sectors());
  const Eigen::Index K = static_cast<Eigen::Index>(full.labels.fd_categories.size());
  const Eigen::Index Gp = static_cast<Eigen::Index>(idx.size()), n = Gp * N;
  const Matrix Z = Matrix(full.Z);
  tables::IoTable P;
  P.labels.regions = members;
  P.labels.sectors = full.labels.sectors;
  P.labels.countries = {country};
  P.labels.country_of_region.assign(members.size(), 0);
  P.labels.fd_categories = full.labels.fd_categories;
  P.meta = full.meta;
  P.meta.name = "provinces cut from " + full.meta.name;
  Matrix Zp(n, n), Yp(n, Gp * K);
  std::vector<bool> inside(full.labels.num_regions(), false);
  for (auto r : idx) inside[static_cast<std::size_t>(r)] = true;
  for (Eigen::Index p = 0; p < Gp; ++p)
    for (Eigen::Index q = 0; q < Gp; ++q) {
      Zp.block(p * N, q * N, N, N) = Z.block(idx[p] * N, idx[q] * N, N, N);
      Yp.block(p * N, q * K, N, K) = full.Y.block(idx[p] * N, idx[q] * K, N, K);
    }
  P.exports = Matrix::Zero(n, 1);
  P.imports = Matrix::Zero(1, n);
  for (Eigen::Index p = 0; p < Gp; ++p)
    for (Eigen::Index s = 0; s < static_cast<Eigen::Index>(full.labels.num_regions()); ++s) {
      if (inside[static_cast<std::size_t>(s)]) continue;
      P.exports.middleRows(p * N, N) += Z.block(idx[p] * N, s * N, N, N).rowwise().sum() +
                                        full.Y.block(idx[p] * N, s * K, N, K).rowwise().sum();
      P.imports.middleCols(p * N, N) += Z.block(s * N, idx[p] * N, N, N).colwise().sum();
    }
  P.export_labels = {"EX"};
  P.import_labels = {"IM"};
  P.Z = Zp.sparseView();
  P.Y = Yp;
  const Vector x = full.output();
  P.x.resize(n);
  P.va_components = full.va_components;
  P.V.resize(full.V.rows(), n);
  for (Eigen::Index p = 0; p < Gp; ++p) {
    P.x.segment(p * N, N) = x.segment(idx[p] * N, N);
    if (full.V.rows() > 0) P.V.middleCols(p * N, N) = full.V.middleCols(idx[p] * N, N);
  }
  return P;
}

/// `full` with `members` aggregated to one region `country` (its own country).
inline tables::IoTable world_with_group(const tables::IoTable& full, const std::vector<std::string>& members,
                                        const std::string& country) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& r : full.labels.regions) {
    const bool in = tables::Labels::find(members, r) >= 0;
    pairs.emplace_back(r, in ? country : r);
  }
  tables::IoTable w = tables::aggregate(full, tables::Grouping::from_pairs("group", pairs), tables::Grouping(),
                                        tables::AggregationOptions{true});
  w.labels.set_each_region_own_country();
  return w;
}

/// Three regions P1, P2 (the provinces) and RW, two sectors a, b, one final-demand category.
inline tables::IoTable small_world() {
  Matrix Z(6, 6), Y(6, 3);
  Z << 10, 5, 4, 2, 6, 3,  //
      3, 8, 1, 5, 2, 4,    //
      2, 1, 12, 6, 5, 1,   //
      4, 2, 3, 9, 1, 7,    //
      5, 2, 3, 1, 20, 10,  //
      1, 4, 2, 3, 8, 25;
  Y << 30, 5, 8,  //
      20, 6, 4,   //
      4, 25, 9,   //
      3, 22, 2,   //
      6, 4, 60,   //
      2, 5, 70;
  tables::IoTable t;
  t.labels.regions = {"P1", "P2", "RW"};
  t.labels.sectors = {"a", "b"};
  t.labels.set_each_region_own_country();
  t.labels.fd_categories = {"fd"};
  t.Z = Z.sparseView();
  t.Y = Y;
  t.x = Z.rowwise().sum() + Y.rowwise().sum();
  t.va_components = {"VA"};
  t.V = (t.x.transpose() - Z.colwise().sum());
  t.meta.name = "small";
  return t;
}

/// Largest |a - b| relative to max(1, max |b|).
inline double rel_diff(const Matrix& a, const Matrix& b) {
  BOOST_REQUIRE_EQUAL(a.rows(), b.rows());
  BOOST_REQUIRE_EQUAL(a.cols(), b.cols());
  if (a.size() == 0) return 0;
  return (a - b).cwiseAbs().maxCoeff() / std::max(1.0, b.cwiseAbs().maxCoeff());
}

}  // namespace irio::testing
