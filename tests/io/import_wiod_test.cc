// SPDX-License-Identifier: MIT
// WIOD 2013-release import on the real 2011 and 1995 tables: shape, zero-output sectors, residual
// value added, balance-report findings (tests/data/README.md figures), EU grouping, HDF5 size.
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "io_test_util.h"
#include "irio/io/import_wiod.h"
#include "irio/io/table_store.h"
#include "irio/tables/balance.h"
#include "tests/test_util.h"

using irio::InputError;
using irio::tables::IoTable;
using irio::tables::Severity;
using irio::testing::check_error;
using irio::testing::test_data;
namespace io = irio::io;

namespace {
const std::string kDir = test_data("wiod2013");

const IoTable& wiod2011() {
  static const IoTable t = io::import_wiod(kDir);
  return t;
}

const irio::tables::Finding* finding(const irio::tables::BalanceReport& r, const std::string& check) {
  for (const auto& f : r.findings)
    if (f.check == check) return &f;
  return nullptr;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(import_wiod)

BOOST_AUTO_TEST_CASE(shape_and_labels_2011) {
  const IoTable& t = wiod2011();
  BOOST_TEST(t.n() == 1435u);
  BOOST_TEST(t.labels.num_regions() == 41u);
  BOOST_TEST(t.labels.num_sectors() == 35u);
  BOOST_TEST(t.labels.num_countries() == 41u);
  BOOST_TEST(t.labels.fd_categories.size() == 5u);
  BOOST_TEST(t.Y.cols() == 205);
  BOOST_TEST(t.labels.regions.front() == "AUS");
  BOOST_TEST(t.labels.regions.back() == "RoW");
  BOOST_TEST(t.labels.sectors[13] == "c14");
  BOOST_TEST(t.meta.unit == "USD million");
  BOOST_TEST(t.meta.year == "2011");
  // Spot values from the files: Z(AUS_c1, AUS_c1) = 8732, F(AUS_c2, AUS_FD5) = -516, x(AUS_c2) = 266955.
  BOOST_TEST(t.Z.coeff(0, 0) == 8732.0);
  BOOST_TEST(t.Y(1, 4) == -516.0);
  BOOST_TEST(t.x(1) == 266955.0);
}

BOOST_AUTO_TEST_CASE(display_names_from_the_code_lists) {
  // sectors.csv, countries.csv and final_demand.csv carry a `name` column beside the code.
  const auto& labels = wiod2011().labels;
  BOOST_TEST(labels.sector_names.size() == labels.sectors.size());
  BOOST_TEST(labels.region_names.size() == labels.regions.size());
  BOOST_TEST(labels.fd_category_names.size() == labels.fd_categories.size());
  BOOST_TEST(labels.sector_name(13) == "Electrical and optical equipment");
  BOOST_TEST(labels.sector_name(0) == "Agriculture, hunting, forestry and fishing");  // quoted comma
  BOOST_TEST(labels.region_name(static_cast<std::size_t>(irio::tables::Labels::find(labels.regions, "CHN"))) ==
             "China");
  BOOST_TEST(labels.region_name(labels.regions.size() - 1) == "Rest of the world");
  BOOST_TEST(labels.fd_category_name(0) == "Final consumption expenditure by households");
  // ... and they survive the HDF5 file.
  irio::testing::TempDir dir;
  io::write_table(wiod2011(), dir.file("w.h5"));
  const IoTable r = io::read_table(dir.file("w.h5"));
  BOOST_TEST(r.labels.sector_names == labels.sector_names);
  BOOST_TEST(r.labels.region_names == labels.region_names);
  BOOST_TEST(r.labels.fd_category_names == labels.fd_category_names);
}

BOOST_AUTO_TEST_CASE(zero_output_and_residual_value_added) {
  const IoTable& t = wiod2011();
  std::size_t zero = 0;
  for (Eigen::Index i = 0; i < t.x.size(); ++i) zero += t.x(i) == 0.0 ? 1 : 0;
  BOOST_TEST(zero == 22u);
  // V holds va = x' - 1'Z (methods.md §0.2): the column identity closes exactly.
  BOOST_TEST(t.va_components == std::vector<std::string>{"value_added_residual"});
  const auto res = (t.value_added_residual() - t.value_added_supplied()).cwiseAbs().maxCoeff();
  BOOST_TEST(res == 0.0);
}

BOOST_AUTO_TEST_CASE(balance_report_findings) {
  const auto rep = irio::tables::check_balance(wiod2011());
  BOOST_TEST(rep.zero_output.size() == 22u);
  // Cells are rounded to integers: rows balance to within ~100, weighted relative mismatch ~4e-4.
  BOOST_TEST(rep.weighted_row_rel > 1e-4);
  BOOST_TEST(rep.weighted_row_rel < 1e-3);
  BOOST_TEST(rep.max_row_abs <= 150.0);
  BOOST_TEST(rep.max_col_abs == 0.0);
  BOOST_TEST((rep.status == Severity::kWarning));
  const auto* row = finding(rep, "row balance");
  BOOST_REQUIRE(row != nullptr);
  BOOST_TEST((row->severity == Severity::kWarning));
  const auto* zero = finding(rep, "zero output");
  BOOST_REQUIRE(zero != nullptr);
  BOOST_TEST(zero->message.find("22 region-sectors have zero output") != std::string::npos);
  BOOST_TEST(rep.negative_final_demand > 0u);  // inventory draw-downs, e.g. AUS_c2 FD5 = -516
}

BOOST_AUTO_TEST_CASE(year_1995_and_eu_grouping) {
  io::WiodImportOptions o;
  o.year = "1995";
  o.group_eu = true;
  const IoTable t = io::import_wiod(kDir, o);
  std::size_t zero = 0;
  for (Eigen::Index i = 0; i < t.x.size(); ++i) zero += t.x(i) == 0.0 ? 1 : 0;
  BOOST_TEST(zero == 18u);
  BOOST_TEST(t.labels.num_countries() == 15u);  // 27 EU members -> "EU27", 14 others own countries
  const int eu = irio::tables::Labels::find(t.labels.countries, "EU27");
  BOOST_REQUIRE(eu >= 0);
  std::size_t members = 0;
  for (int c : t.labels.country_of_region) members += c == eu ? 1 : 0;
  BOOST_TEST(members == 27u);
  const int deu = irio::tables::Labels::find(t.labels.regions, "DEU");
  BOOST_TEST(t.labels.country_of_region[static_cast<std::size_t>(deu)] == eu);
}

BOOST_AUTO_TEST_CASE(hdf5_round_trip_is_small) {
  irio::testing::TempDir dir;
  const std::string p = dir.file("wiod2011.h5");
  io::write_table(wiod2011(), p);
  BOOST_TEST(std::filesystem::file_size(p) < 5u * 1024 * 1024);
  const IoTable r = io::read_table(p);
  BOOST_TEST((r.Y == wiod2011().Y));
  BOOST_TEST((r.x == wiod2011().x));
  BOOST_TEST((irio::tables::Matrix(r.Z) == irio::tables::Matrix(wiod2011().Z)));
}

BOOST_AUTO_TEST_CASE(bad_wiod_inputs) {
  io::WiodImportOptions o;
  o.year = "2030";
  check_error<InputError>([&] { io::import_wiod(kDir, o); }, {"has no table for year '2030'"});
  check_error<InputError>([&] { io::import_wiod("/nonexistent/wiod"); },
                          {"WIOD folder '/nonexistent/wiod' does not exist"});
  irio::testing::TempDir d;
  namespace fs = std::filesystem;
  for (const char* f : {"sectors.csv", "final_demand.csv", "wiot_2011_F.csv.gz", "wiot_2011_x.csv"})
    fs::copy_file(kDir + "/" + f, d.file(f));
  fs::copy_file(kDir + "/wiot_2011_Z.csv.gz", d.file("wiot_2011_Z.csv.gz"));
  d.write("countries.csv", "code,name,group\nAUS,Australia,\n");
  check_error<InputError>([&] { io::import_wiod(d.path().string()); },
                          {"wiot_2011_Z.csv.gz: 1435 x 1435 data cells, expected 35 x 35"});
}

BOOST_AUTO_TEST_SUITE_END()
