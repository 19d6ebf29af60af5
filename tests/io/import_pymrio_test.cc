// SPDX-License-Identifier: MIT
// pymrio import: the bundled test MRIO must reproduce pymrio 0.6.3's own Z, Y, x and extension
// inputs (pymrio_outputs/, written by pymrio itself), and the saved-folder layout must read too.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>

#include "io_test_util.h"
#include "irio/io/csv_reader.h"
#include "irio/io/import_csv.h"
#include "irio/io/import_pymrio.h"
#include "irio/io/internal/wide_matrix.h"
#include "irio/io/table_store.h"
#include "tests/test_util.h"

using irio::InputError;
using irio::tables::IoTable;
using irio::tables::Matrix;
using irio::testing::check_error;
using irio::testing::validation_data;
using irio::testing::TempDir;
namespace io = irio::io;

namespace {

const std::string kRaw = validation_data("pymrio_test/raw");
std::string out(const std::string& f) { return validation_data("pymrio_test/pymrio_outputs/" + f); }

/// pymrio's frozen outputs (pandas layout, comma-separated) read through the wide-CSV importer.
IoTable pymrio_reference() {
  io::CsvImportOptions o;
  o.Z = out("Z.csv");
  o.Y = out("Y.csv");
  o.satellites = {{"Emissions", out("Emissions__F.csv")}, {"Factor Inputs", out("Factor_Inputs__F.csv")}};
  return io::import_csv(o);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_pymrio)

BOOST_AUTO_TEST_CASE(test_mrio_reproduces_pymrio_outputs) {
  const IoTable t = io::import_pymrio(kRaw);
  BOOST_TEST(t.labels.num_regions() == 6u);
  BOOST_TEST(t.labels.num_sectors() == 8u);
  BOOST_TEST(t.labels.fd_categories.size() == 7u);
  BOOST_TEST(t.labels.sectors[2] == "manufactoring");
  BOOST_TEST(t.meta.name == "testmrio");
  BOOST_TEST(t.meta.unit == "Mill USD");
  const IoTable ref = pymrio_reference();
  BOOST_TEST(t.labels.regions == ref.labels.regions);
  BOOST_TEST(t.labels.sectors == ref.labels.sectors);
  BOOST_TEST(t.labels.fd_categories == ref.labels.fd_categories);
  BOOST_TEST((Matrix(t.Z) == Matrix(ref.Z)));  // exactly: same decimal text, same doubles
  BOOST_TEST((t.Y == ref.Y));

  // x = Z 1 + Y 1 against pymrio's x.csv (48 rows region,sector,indout), to the last bits.
  const auto xs = io::read_csv(out("x.csv"));
  BOOST_REQUIRE_EQUAL(xs.rows.size(), 49u);
  const auto x = t.output();
  for (std::size_t r = 1; r < xs.rows.size(); ++r) {
    const int reg = irio::tables::Labels::find(t.labels.regions, xs.cell(r, 0));
    const int sec = irio::tables::Labels::find(t.labels.sectors, xs.cell(r, 1));
    BOOST_REQUIRE(reg >= 0 && sec >= 0);
    const double want = xs.number(r, 2);
    const double got =
        x(static_cast<Eigen::Index>(t.labels.index(static_cast<std::size_t>(reg), static_cast<std::size_t>(sec))));
    BOOST_TEST(std::abs(got - want) <= 4 * std::numeric_limits<double>::epsilon() * std::abs(want),
               xs.cell(r, 0) << "/" << xs.cell(r, 1) << ": " << got << " vs " << want);
  }

  // Extensions: F, F_Y and units as pymrio holds them.
  const auto* em = t.satellite("Emissions");
  const auto* fi = t.satellite("Factor Inputs");
  BOOST_REQUIRE(em != nullptr);
  BOOST_REQUIRE(fi != nullptr);
  BOOST_TEST(em->stressors == (std::vector<std::string>{"emission_type1/air", "emission_type2/water"}));
  BOOST_TEST(em->units == (std::vector<std::string>{"kg", "kg"}));
  BOOST_TEST(fi->stressors == std::vector<std::string>{"Value Added"});
  BOOST_TEST(fi->units == std::vector<std::string>{"Mill USD"});
  BOOST_TEST((em->F == ref.satellite("Emissions")->F));
  BOOST_TEST((fi->F == ref.satellite("Factor Inputs")->F));
  BOOST_TEST(fi->F_Y.cols() == 0);
  const auto fy = irio::io::internal::read_wide(out("Emissions__F_Y.csv"), 2, 2, "F_Y");
  BOOST_REQUIRE_EQUAL(em->F_Y.cols(), 42);
  for (Eigen::Index c = 0; c < 42; ++c) {
    const auto reg = static_cast<std::size_t>(c) / 7;
    BOOST_TEST(fy.col_keys[static_cast<std::size_t>(c)][0] == t.labels.regions[reg]);
  }
  BOOST_TEST((em->F_Y == fy.values));  // pymrio's column order is region-major (region, category) too
}

BOOST_AUTO_TEST_CASE(saved_layout_folder) {
  // A folder as IOSystem.save_all(table_format="txt") lays it out, built from pymrio's own files.
  TempDir dir;
  namespace fs = std::filesystem;
  fs::copy_file(out("Z.csv"), dir.file("Z.txt"));
  fs::copy_file(out("Y.csv"), dir.file("Y.txt"));
  dir.write("file_parameters.json",
            R"({"name": "testmrio", "systemtype": "IOSystem", "files": {
                "Z": {"name": "Z.txt", "nr_index_col": "2", "nr_header": "2"},
                "Y": {"name": "Y.txt", "nr_index_col": "2", "nr_header": "2"}}})");
  fs::create_directory(dir.file("emissions"));
  fs::copy_file(out("Emissions__F.csv"), dir.file("emissions/F.txt"));
  fs::copy_file(out("Emissions__F_Y.csv"), dir.file("emissions/F_Y.txt"));
  fs::copy_file(out("Emissions__unit.csv"), dir.file("emissions/unit.txt"));
  dir.write("emissions/file_parameters.json",
            R"({"name": "Emissions", "systemtype": "Extension", "files": {
                "F": {"name": "F.txt", "nr_index_col": "2", "nr_header": "2"},
                "F_Y": {"name": "F_Y.txt", "nr_index_col": "2", "nr_header": "2"},
                "unit": {"name": "unit.txt", "nr_index_col": "2", "nr_header": "1"}}})");
  const IoTable saved = io::import_pymrio(dir.path().string());
  const IoTable raw = io::import_pymrio(kRaw);
  BOOST_TEST(saved.meta.name == "testmrio");
  BOOST_TEST((Matrix(saved.Z) == Matrix(raw.Z)));
  BOOST_TEST((saved.Y == raw.Y));
  const auto* e = saved.satellite("Emissions");
  BOOST_REQUIRE(e != nullptr);
  BOOST_TEST(e->stressors == raw.satellite("Emissions")->stressors);
  BOOST_TEST(e->units == raw.satellite("Emissions")->units);
  BOOST_TEST((e->F == raw.satellite("Emissions")->F));
  BOOST_TEST((e->F_Y == raw.satellite("Emissions")->F_Y));
}

BOOST_AUTO_TEST_CASE(imported_table_survives_hdf5) {
  TempDir dir;
  const IoTable t = io::import_pymrio(kRaw);
  io::write_table(t, dir.file("pymrio.h5"));
  const IoTable r = io::read_table(dir.file("pymrio.h5"));
  BOOST_TEST((Matrix(r.Z) == Matrix(t.Z)));
  BOOST_TEST((r.satellite("Emissions")->F_Y == t.satellite("Emissions")->F_Y));
  BOOST_TEST(r.satellite("Factor Inputs")->units == t.satellite("Factor Inputs")->units);
  BOOST_TEST(r.meta.history.back() == "import pymrio: " + kRaw);
}

BOOST_AUTO_TEST_CASE(bad_folders) {
  TempDir dir;
  check_error<InputError>([&] { io::import_pymrio(dir.file("nope")); }, {"does not exist"});
  check_error<InputError>([&] { io::import_pymrio(dir.path().string()); }, {"is not a pymrio folder"});
  dir.write("file_parameters.json", "{\"files\": {\"Z\": \"Z.txt\"");
  check_error<InputError>([&] { io::import_pymrio(dir.path().string()); }, {"file_parameters.json: invalid JSON"});
  dir.write("file_parameters.json", "{\"files\": {\"Z\": \"Z.txt\"}}");
  check_error<InputError>([&] { io::import_pymrio(dir.path().string()); }, {"no Z and Y files"});
}

BOOST_AUTO_TEST_CASE(hostile_json_is_a_clear_error) {
  namespace fs = std::filesystem;
  // A million nested brackets in metadata.json once overflowed the stack of a recursive parser.
  TempDir raw;
  for (const auto& e : fs::directory_iterator(kRaw)) fs::copy_file(e.path(), raw.file(e.path().filename().string()));
  raw.write("metadata.json", std::string(1000000, '['));
  check_error<InputError>([&] { io::import_pymrio(raw.path().string()); },
                          {"metadata.json: JSON nested deeper than 64 levels"});
  raw.write("metadata.json", R"({"name": "x", "history": ["\uZZZZ"]})");
  check_error<InputError>([&] { io::import_pymrio(raw.path().string()); }, {"metadata.json: invalid JSON at byte"});
  raw.write("metadata.json", R"({"name": "x", "version": 1e400})");  // out of double range (json_fuzz)
  check_error<InputError>([&] { io::import_pymrio(raw.path().string()); }, {"metadata.json: invalid JSON"});

  // Counts in file_parameters.json: non-numeric and negative values name the file and the key
  // (once std::invalid_argument, exit 70, and 18446744073709551615 header rows).
  TempDir dir;
  fs::copy_file(out("Z.csv"), dir.file("Z.txt"));
  fs::copy_file(out("Y.csv"), dir.file("Y.txt"));
  auto params = [&](const std::string& ic, const std::string& hr) {
    dir.write("file_parameters.json", R"({"name": "t", "files": {"Z": {"name": "Z.txt", "nr_index_col": )" + ic +
                                          R"(, "nr_header": )" + hr + R"(}, "Y": {"name": "Y.txt"}}})");
  };
  params("\"two\"", "2");
  check_error<InputError>(
      [&] { io::import_pymrio(dir.path().string()); },
      {"file_parameters.json (files.Z): 'nr_index_col' must be a non-negative integer", "got 'two'"});
  params("2", "\"-1\"");
  check_error<InputError>([&] { io::import_pymrio(dir.path().string()); },
                          {"(files.Z): 'nr_header' must be a non-negative integer", "got '-1'"});
  params("2", "-1");
  check_error<InputError>([&] { io::import_pymrio(dir.path().string()); }, {"'nr_header'", "got '-1'"});
  params("2", "2");  // numbers as JSON numbers read like strings of digits
  BOOST_TEST(io::import_pymrio(dir.path().string()).labels.num_regions() == 6u);
}

BOOST_AUTO_TEST_SUITE_END()
