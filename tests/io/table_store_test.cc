// SPDX-License-Identifier: MIT
// HDF5 table store: dense and sparse round trips, atomic/overwrite rules, every bad-input message.
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "io_test_util.h"
#include "irio/io/internal/h5_patch.h"
#include "irio/io/table_store.h"
#include "tests/test_util.h"

using irio::InputError;
using irio::OutputError;
using irio::tables::IoTable;
using irio::tables::Matrix;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;
namespace h5p = irio::io::internal;

namespace {

/// leather() with every optional part filled: countries, V, x, exports, imports, two satellites.
IoTable full_table() {
  IoTable t = irio::testing::leather();
  t.labels.countries = {"AMERICA", "EUROPE"};
  t.labels.country_of_region = {0, 1, 1};
  t.labels.fd_categories = {"fd"};
  t.meta = {"leather", "2020", "USD", "basic prices", "decompr", {"created", "edited: ünïcode"}};
  const auto n = static_cast<Eigen::Index>(t.n());
  t.va_components = {"wages", "profits"};
  t.V = Matrix::Zero(2, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    t.V(0, j) = 1.5 + 0.1 * static_cast<double>(j);
    t.V(1, j) = 2.0 / 3.0 * static_cast<double>(j);
  }
  t.x = t.row_total();
  t.export_labels = {"ROW"};
  t.exports = Matrix::Constant(n, 1, 0.25);
  t.import_labels = {"imports"};
  t.imports = Matrix::Constant(1, n, 0.125);
  t.x = t.row_total();
  irio::tables::Satellite co2{
      "CO2", {"CO2", "CH4"}, {"kt", "t"}, Matrix::Random(2, n).cwiseAbs(), Matrix::Random(2, 3).cwiseAbs()};
  irio::tables::Satellite jobs{"employment", {"persons"}, {"1000 persons"}, Matrix::Ones(1, n), Matrix(1, 0)};
  t.satellites = {co2, jobs};
  return t;
}

void check_equal(const IoTable& a, const IoTable& b) {
  BOOST_TEST(a.labels.regions == b.labels.regions);
  BOOST_TEST(a.labels.sectors == b.labels.sectors);
  BOOST_TEST(a.labels.countries == b.labels.countries);
  BOOST_TEST(a.labels.country_of_region == b.labels.country_of_region);
  BOOST_TEST(a.labels.fd_categories == b.labels.fd_categories);
  BOOST_TEST(a.meta.name == b.meta.name);
  BOOST_TEST(a.meta.year == b.meta.year);
  BOOST_TEST(a.meta.unit == b.meta.unit);
  BOOST_TEST(a.meta.price_basis == b.meta.price_basis);
  BOOST_TEST(a.meta.source == b.meta.source);
  BOOST_TEST(a.meta.history == b.meta.history);
  BOOST_TEST((Matrix(a.Z) == Matrix(b.Z)));
  BOOST_TEST((a.Y == b.Y));
  BOOST_TEST(a.va_components == b.va_components);
  BOOST_TEST((a.V == b.V));
  BOOST_TEST((a.x == b.x));
  BOOST_TEST(a.export_labels == b.export_labels);
  BOOST_TEST((a.exports == b.exports));
  BOOST_TEST(a.import_labels == b.import_labels);
  BOOST_TEST((a.imports == b.imports));
  BOOST_REQUIRE_EQUAL(a.satellites.size(), b.satellites.size());
  for (std::size_t s = 0; s < a.satellites.size(); ++s) {
    const auto& sa = a.satellites[s];
    const auto* sb = b.satellite(sa.name);
    BOOST_REQUIRE(sb != nullptr);
    BOOST_TEST(sa.stressors == sb->stressors);
    BOOST_TEST(sa.units == sb->units);
    BOOST_TEST((sa.F == sb->F));
    BOOST_TEST((sa.F_Y.rows() == sb->F_Y.rows() && sa.F_Y.cols() == sb->F_Y.cols() && sa.F_Y == sb->F_Y));
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(table_store)

BOOST_AUTO_TEST_CASE(round_trip_dense_and_sparse) {
  TempDir dir;
  const IoTable t = full_table();
  io::WriteOptions dense;
  dense.sparse_density_threshold = 0.0;  // never sparse
  io::write_table(t, dir.file("dense.h5"), dense);
  check_equal(t, io::read_table(dir.file("dense.h5")));
  io::WriteOptions sparse;
  sparse.sparse_density_threshold = 2.0;  // always sparse
  io::write_table(t, dir.file("sparse.h5"), sparse);
  check_equal(t, io::read_table(dir.file("sparse.h5")));
  // Z's row indices are stored as scipy writes them (int32) and unfiltered, like the values
  // (docs/hdf5-schema.md; docs/performance.md "Table files"): reading them costs no inflate.
  const auto indices = h5p::h5_stored_as(dir.file("sparse.h5"), "/core/Z/indices");
  BOOST_TEST(indices.type_class == "int");
  BOOST_TEST(indices.bytes == 4u);
  BOOST_TEST(indices.filters == 0);
  const auto values = h5p::h5_stored_as(dir.file("sparse.h5"), "/core/Z/data");
  BOOST_TEST(values.type_class == "float");
  BOOST_TEST(values.bytes == 8u);
  BOOST_TEST(values.filters == 0);
  // The sparse file stores Z as a CSC group: removing /core/Z/indptr must be reported by name.
  h5p::h5_patch_remove(dir.file("sparse.h5"), "/core/Z/indptr");
  check_error<InputError>([&] { io::read_table(dir.file("sparse.h5")); },
                          {dir.file("sparse.h5"), "missing dataset '/core/Z/indptr'"});
}

BOOST_AUTO_TEST_CASE(display_names_round_trip_and_v1_files_read) {
  TempDir dir;
  IoTable t = full_table();
  const std::size_t G = t.labels.num_regions(), N = t.labels.num_sectors();
  t.labels.region_names.assign(G, "Région");  // names may repeat and need not be ASCII
  t.labels.region_names[0] = "First region";
  for (std::size_t i = 0; i < N; ++i) t.labels.sector_names.push_back("Sector " + std::to_string(i + 1));
  t.labels.fd_category_names = {"Final demand"};
  const std::string p = dir.file("names.h5");
  io::write_table(t, p);
  IoTable r = io::read_table(p);
  check_equal(t, r);
  BOOST_TEST(r.labels.region_names == t.labels.region_names);
  BOOST_TEST(r.labels.sector_names == t.labels.sector_names);
  BOOST_TEST(r.labels.fd_category_names == t.labels.fd_category_names);
  BOOST_TEST(r.labels.sector_name(1) == "Sector 2");
  BOOST_TEST(r.labels.region_names_differ());

  // A version 1 file (no name datasets) still reads; accessors fall back to the codes.
  const std::string v1 = dir.file("v1.h5");
  const IoTable plain = full_table();  // (satellites are random: one instance)
  io::write_table(plain, v1);
  h5p::h5_patch_root_int_attr(v1, "irio_schema_version", 1);
  const IoTable old = io::read_table(v1);
  check_equal(plain, old);
  BOOST_TEST(old.labels.sector_names.empty());
  BOOST_TEST(old.labels.sector_name(0) == old.labels.sectors[0]);
  BOOST_TEST(!old.labels.region_names_differ());

  // Names that do not match their codes in number are refused, naming the dataset.
  h5p::h5_patch_strings(p, "/labels/sector_names", {"only one"});
  check_error<InputError>([&] { io::read_table(p); }, {"'/labels/sector_names' has 1 names"});
  // ... and so is a table in memory with too few names.
  IoTable bad = full_table();
  bad.labels.region_names = {"x"};
  check_error<InputError>([&] { io::write_table(bad, dir.file("bad.h5")); }, {"1 region names for 3 region codes"});
}

BOOST_AUTO_TEST_CASE(minimal_table_round_trip) {
  TempDir dir;
  const IoTable t = irio::testing::miller_blair_2x2();
  io::write_table(t, dir.file("mb.h5"));
  const IoTable r = io::read_table(dir.file("mb.h5"));
  check_equal(t, r);
  BOOST_TEST(r.x.size() == 0);  // x not supplied stays absent: output() = row sums
  BOOST_TEST(r.output()(1) == 2000.0);
}

BOOST_AUTO_TEST_CASE(writer_rules) {
  TempDir dir;
  const IoTable t = irio::testing::miller_blair_2x2();
  const std::string p = dir.file("t.h5");
  io::write_table(t, p);
  check_error<OutputError>([&] { io::write_table(t, p); }, {"'" + p + "' exists", "overwrite"});
  io::WriteOptions ow;
  ow.overwrite = true;
  io::write_table(t, p, ow);
  ow.inputs = {p};
  check_error<OutputError>([&] { io::write_table(t, p, ow); }, {"refusing to overwrite the input file"});
  check_error<OutputError>([&] { io::write_table(t, dir.file("no/such/dir/t.h5")); }, {"does not exist"});
  io::WriteOptions bad_level;
  bad_level.compression_level = 12;
  check_error<OutputError>([&] { io::write_table(t, dir.file("lvl.h5"), bad_level); },
                           {"compression_level must be in 0..9, got 12"});
  // A table that fails validation is not written and leaves no temporary file behind.
  IoTable bad = t;
  bad.Y.resize(2, 3);
  check_error<InputError>([&] { io::write_table(bad, dir.file("bad.h5")); }, {"dataset 'Y'"});
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    (void)e;
    ++files;
  }
  BOOST_TEST(files == 1u);
  BOOST_TEST(!std::filesystem::exists(dir.file("bad.h5")));
}

BOOST_AUTO_TEST_CASE(bad_inputs_are_named) {
  TempDir dir;
  const IoTable t = full_table();
  io::WriteOptions dense;
  dense.sparse_density_threshold = 0.0;
  auto fresh = [&](const std::string& name) {
    const std::string p = dir.file(name);
    io::write_table(t, p, dense);
    return p;
  };
  auto expect = [&](const std::string& p, const std::vector<std::string>& parts) {
    std::vector<std::string> all{p};
    all.insert(all.end(), parts.begin(), parts.end());
    check_error<InputError>([&] { io::read_table(p); }, all);
  };
  expect(dir.file("missing.h5"), {"does not exist"});
  expect(dir.write("text.h5", "region,sector\n"), {"is not an HDF5 file"});
  const std::string empty = dir.file("empty.h5");
  h5p::h5_patch_create_empty(empty);
  expect(empty, {"not an irio table", "irio_schema_version"});

  std::string p = fresh("newer.h5");
  h5p::h5_patch_root_int_attr(p, "irio_schema_version", 3);
  expect(p, {"schema version 3", "reads version 2"});

  p = fresh("noY.h5");
  h5p::h5_patch_remove(p, "/core/Y");
  expect(p, {"missing dataset '/core/Y'"});
  p = fresh("noregions.h5");
  h5p::h5_patch_remove(p, "/labels/regions");
  expect(p, {"missing dataset '/labels/regions'"});
  p = fresh("noF.h5");
  h5p::h5_patch_remove(p, "/satellites/CO2/F");
  expect(p, {"missing dataset '/satellites/CO2/F'"});

  p = fresh("shapeY.h5");
  h5p::h5_patch_matrix(p, "/core/Y", Matrix::Ones(9, 2));
  expect(p, {"dataset '/core/Y' has shape (9 x 2), expected (9 x 3"});
  p = fresh("shapeZ.h5");
  h5p::h5_patch_matrix(p, "/core/Z", Matrix::Ones(9, 8));
  expect(p, {"dataset '/core/Z' has shape (9 x 8), expected (9 x 9"});
  p = fresh("shapeV.h5");
  h5p::h5_patch_matrix(p, "/core/V", Matrix::Ones(3, 9));
  expect(p, {"dataset '/core/V' has shape (3 x 9), expected (2 x 9"});
  p = fresh("shapex.h5");
  h5p::h5_patch_vector(p, "/core/x", {1, 2, 3});
  expect(p, {"dataset '/core/x' must be a vector of 9 entries"});

  p = fresh("dup.h5");
  h5p::h5_patch_strings(p, "/labels/sectors", {"Agriculture", "Textile", "Agriculture"});
  expect(p, {"dataset '/labels/sectors' has the duplicate label 'Agriculture'"});
  p = fresh("dupfd.h5");
  h5p::h5_patch_strings(p, "/labels/regions", {"ARG", "", "DEU"});
  expect(p, {"dataset '/labels/regions' has an empty label"});

  p = fresh("nanY.h5");
  Matrix Y = t.Y;
  Y(4, 1) = std::numeric_limits<double>::quiet_NaN();
  h5p::h5_patch_matrix(p, "/core/Y", Y);
  expect(p, {"dataset '/core/Y' has a non-finite value", "region 'TUR', sector 'Textile'"});
  p = fresh("infZ.h5");
  Matrix Z(t.Z);
  Z(0, 2) = std::numeric_limits<double>::infinity();
  h5p::h5_patch_matrix(p, "/core/Z", Z);
  expect(p, {"dataset 'Z' has a non-finite value", "column region 'ARG', sector 'Transport'"});
  p = fresh("nanF.h5");
  Matrix F = t.satellites[0].F;
  F(1, 0) = std::numeric_limits<double>::quiet_NaN();
  h5p::h5_patch_matrix(p, "/satellites/CO2/F", F);
  expect(p, {"dataset '/satellites/CO2/F' has a non-finite value"});

  p = fresh("negx.h5");
  std::vector<double> x(t.x.data(), t.x.data() + t.x.size());
  x[5] = -1.0;
  h5p::h5_patch_vector(p, "/core/x", x);
  expect(p, {"dataset '/core/x' has negative gross output", "region 'TUR', sector 'Transport'"});

  p = fresh("kappa.h5");
  h5p::h5_patch_matrix(p, "/labels/country_of_region", Matrix::Zero(1, 2));
  expect(p, {"dataset '/labels/country_of_region' must hold integers"});
}

BOOST_AUTO_TEST_CASE(sparse_csc_is_validated) {
  TempDir dir;
  io::WriteOptions sparse;
  sparse.sparse_density_threshold = 2.0;
  const std::string p = dir.file("csc.h5");
  io::write_table(irio::testing::leather(), p, sparse);
  h5p::h5_patch_vector(p, "/core/Z/data", {1.0, 2.0});
  check_error<InputError>([&] { io::read_table(p); }, {p, "'/core/Z/indptr' must have 10 entries"});
}

BOOST_AUTO_TEST_SUITE_END()
