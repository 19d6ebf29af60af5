// SPDX-License-Identifier: MIT
// Z stored as CSC (docs/hdf5-schema.md, "Z as CSC"), read straight into the sparse matrix's
// arrays: round trips, columns out of order and duplicates (as scipy allows), and every malformed
// indptr / indices / data with the message that names the dataset and the region-sector.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <random>

#include "io_test_util.h"
#include "irio/io/internal/h5_patch.h"
#include "irio/io/table_store.h"
#include "tests/test_util.h"

using irio::InputError;
using irio::tables::IoTable;
using irio::tables::Matrix;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;
namespace h5p = irio::io::internal;

namespace {

/// The CSC arrays of Z as the writer stores them (explicit zeros left out).
struct Csc {
  std::vector<double> data;
  std::vector<std::int64_t> indices, indptr{0};
};

Csc csc_of(const Matrix& Z) {
  Csc c;
  for (Eigen::Index j = 0; j < Z.cols(); ++j) {
    for (Eigen::Index i = 0; i < Z.rows(); ++i)
      if (Z(i, j) != 0.0) {
        c.data.push_back(Z(i, j));
        c.indices.push_back(i);
      }
    c.indptr.push_back(static_cast<std::int64_t>(c.data.size()));
  }
  return c;
}

/// leather() written with Z as CSC (the density threshold above 1 forces it).
std::string sparse_file(const TempDir& d, const std::string& name, int level = 6) {
  io::WriteOptions o;
  o.sparse_density_threshold = 2.0;
  o.compression_level = level;
  const std::string p = d.file(name);
  io::write_table(irio::testing::leather(), p, o);
  return p;
}

void patch(const std::string& p, const Csc& c) {
  h5p::h5_patch_vector(p, "/core/Z/data", c.data);
  h5p::h5_patch_int64s(p, "/core/Z/indices", c.indices);
  h5p::h5_patch_int64s(p, "/core/Z/indptr", c.indptr);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csc_read)

BOOST_AUTO_TEST_CASE(round_trip_is_exact) {
  TempDir d;
  // A random 12 x 25 table (n = 300, about 8 % dense) with values that do not round in decimal.
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<std::string> regions, sectors;
  for (int r = 0; r < 12; ++r) regions.push_back("R" + std::to_string(r));
  for (int s = 0; s < 25; ++s) sectors.push_back("S" + std::to_string(s));
  Matrix Z = Matrix::Zero(300, 300), Y(300, 12);
  for (Eigen::Index j = 0; j < 300; ++j)
    for (Eigen::Index i = 0; i < 300; ++i)
      if (u(rng) < 0.08) Z(i, j) = u(rng) / 3.0;
  for (Eigen::Index k = 0; k < Y.size(); ++k) Y.data()[k] = 10.0 + u(rng);
  const IoTable t = irio::testing::make_table(Z, Y, regions, sectors);
  for (int level : {0, 1, 6}) {
    io::WriteOptions o;
    o.compression_level = level;
    const std::string p = d.file("t" + std::to_string(level) + ".h5");
    io::write_table(t, p, o);
    const IoTable back = io::read_table(p);
    BOOST_TEST(back.Z.nonZeros() == t.Z.nonZeros());
    BOOST_TEST(back.Z.isCompressed());
    BOOST_TEST((Matrix(back.Z) == Z), "level " << level);
    BOOST_TEST((back.Y == Y));
  }
}

BOOST_AUTO_TEST_CASE(rows_out_of_order_are_sorted_and_duplicates_summed) {
  TempDir d;
  const std::string p = sparse_file(d, "unsorted.h5");
  const Matrix Z = Matrix(irio::testing::leather().Z);
  Csc c = csc_of(Z);
  // Column 1 reversed (scipy allows unsorted indices).
  std::reverse(c.indices.begin() + c.indptr[1], c.indices.begin() + c.indptr[2]);
  std::reverse(c.data.begin() + c.indptr[1], c.data.begin() + c.indptr[2]);
  // Column 4: its first value split in two entries of the same row (summed on reading).
  const auto k = static_cast<std::size_t>(c.indptr[4]);
  const double v = c.data[k];
  c.data[k] = v / 4;
  c.data.insert(c.data.begin() + static_cast<std::ptrdiff_t>(k) + 2, v - v / 4);
  c.indices.insert(c.indices.begin() + static_cast<std::ptrdiff_t>(k) + 2, c.indices[k]);
  for (std::size_t j = 5; j < c.indptr.size(); ++j) ++c.indptr[j];
  patch(p, c);
  const IoTable back = io::read_table(p);
  BOOST_TEST(back.Z.nonZeros() == static_cast<Eigen::Index>(c.data.size()) - 1);
  const Matrix got(back.Z);
  BOOST_TEST((got - Z).cwiseAbs().maxCoeff() <= 1e-14 * Z.maxCoeff());
  for (Eigen::Index j = 0; j < back.Z.outerSize(); ++j) {  // strictly increasing rows
    Eigen::Index prev = -1;
    for (irio::tables::SparseMatrix::InnerIterator it(back.Z, j); it; ++it) {
      BOOST_TEST(it.row() > prev);
      prev = it.row();
    }
  }
}

BOOST_AUTO_TEST_CASE(format_attribute_decides_csc_or_csr) {
  // issue 22: a group whose `format` says csr was read as CSC, i.e. as Z' (the multipliers of the
  // transposed table, exit 0). The CSR arrays of Z are the CSC arrays of Z'.
  TempDir d;
  const Matrix Z = Matrix(irio::testing::leather().Z);
  const std::string p = sparse_file(d, "csr.h5");
  patch(p, csc_of(Matrix(Z.transpose())));
  h5p::h5_patch_string_attr(p, "/core/Z", "format", "csr");
  const Matrix got(io::read_table(p).Z);
  BOOST_TEST((got - Z).cwiseAbs().maxCoeff() == 0.0);
  // Without the attribute the group is CSC (what irio has always written).
  const std::string q = sparse_file(d, "csc.h5");
  h5p::h5_patch_remove_attr(q, "/core/Z", "format");
  BOOST_TEST((Matrix(io::read_table(q).Z) - Z).cwiseAbs().maxCoeff() == 0.0);
  // Any other layout is refused by name.
  h5p::h5_patch_string_attr(q, "/core/Z", "format", "coo");
  check_error<InputError>([&] { io::read_table(q); }, {"csc.h5", "/core/Z", "format = 'coo'", "'csr'"});
  // A CSR row index out of range names the row.
  Csc bad = csc_of(Matrix(Z.transpose()));
  bad.indices[0] = 99;
  patch(p, bad);
  check_error<InputError>([&] { io::read_table(p); }, {"/core/Z/indices", "column index 99", "in row 0"});
}

BOOST_AUTO_TEST_CASE(malformed_indptr_is_refused) {
  TempDir d;
  const Csc good = csc_of(Matrix(irio::testing::leather().Z));
  const std::string p = sparse_file(d, "indptr.h5");
  Csc c = good;
  c.indptr[4] = c.indptr[5] + 1;  // column 3 overshoots, column 4 goes back
  patch(p, c);
  check_error<InputError>([&] { io::read_table(p); },
                          {p, "dataset '/core/Z/indptr' decreases at column 4 (region 'TUR', sector 'Textile')"});
  c = good;
  c.indptr[0] = 1;
  patch(p, c);
  check_error<InputError>([&] { io::read_table(p); }, {p, "'/core/Z/indptr' must have 10 entries from 0"});
  c = good;
  c.indptr.pop_back();
  patch(p, c);
  check_error<InputError>([&] { io::read_table(p); }, {p, "'/core/Z/indptr' must have 10 entries"});
  c = good;
  c.indices.pop_back();
  patch(p, c);
  check_error<InputError>([&] { io::read_table(p); }, {p, "'/core/Z/indices' as many entries as data"});
}

BOOST_AUTO_TEST_CASE(malformed_indices_and_data_are_refused) {
  TempDir d;
  const Csc good = csc_of(Matrix(irio::testing::leather().Z));
  const std::string p = sparse_file(d, "indices.h5");
  Csc c = good;
  c.indices[static_cast<std::size_t>(c.indptr[7])] = 9;  // first entry of column 7
  patch(p, c);
  check_error<InputError>(
      [&] { io::read_table(p); },
      {p, "dataset '/core/Z/indices' has row index 9 outside [0, 9) in column 7 (region 'DEU', sector 'Textile')"});
  c = good;
  c.indices[0] = -1;
  patch(p, c);
  check_error<InputError>([&] { io::read_table(p); }, {p, "row index -1 outside [0, 9) in column 0 (region 'ARG'"});
  c = good;
  c.data[static_cast<std::size_t>(c.indptr[2])] = std::numeric_limits<double>::quiet_NaN();
  patch(p, c);
  check_error<InputError>([&] { io::read_table(p); }, {p, "dataset '/core/Z/data' has a non-finite value",
                                                       "column 2 (region 'ARG', sector 'Transport')"});
  // Indices written as floats are refused as such.
  c = good;
  patch(p, c);
  h5p::h5_patch_vector(p, "/core/Z/indices", std::vector<double>(good.indices.begin(), good.indices.end()));
  check_error<InputError>([&] { io::read_table(p); }, {p, "dataset '/core/Z/indices' must hold integers"});
}

BOOST_AUTO_TEST_SUITE_END()
