// SPDX-License-Identifier: MIT
// EXIOBASE 3 import on releases the test writes in the published layout (exiobase_fixture.h):
// pxp with A and x only (3.8: Z = A x̂), zipped and as a folder; ixi with Z; malformed variants
// with the error a user sees; the CLI's report. The full-size generator (49 x 200, ~1100
// stressors) is a disabled case run by hand for the figures of docs/world-tables.md.
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "exiobase_fixture.h"
#include "io_test_util.h"
#include "irio/io/import_exiobase.h"
#include "irio/tables/balance.h"
#include "irio/tables/error.h"

using irio::InputError;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace exio = irio::testing::exio;
namespace fs = std::filesystem;

namespace {

/// Zip the folder `dir` (its files under the folder's own name, as the release zips are laid out).
void zip_folder(const fs::path& dir, const std::string& zip_path) {
  int err = 0;
  zip_t* z = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  BOOST_REQUIRE(z != nullptr);
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    const std::string name = (dir.filename() / fs::relative(e.path(), dir)).generic_string();
    zip_source_t* src = zip_source_file(z, e.path().c_str(), 0, -1);
    BOOST_REQUIRE(src != nullptr);
    BOOST_REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) >= 0);
  }
  BOOST_REQUIRE(zip_close(z) == 0);
}

std::vector<std::string> pick(const std::vector<std::string>& v, std::initializer_list<const char*> names) {
  std::vector<std::string> out(names.begin(), names.end());
  for (const auto& s : out) BOOST_REQUIRE(std::find(v.begin(), v.end(), s) != v.end());
  return out;
}

bool has_note(const std::vector<std::string>& notes, const std::string& part) {
  for (const auto& n : notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

/// Replace the first occurrence of `from` in the file by `to`.
void edit(const fs::path& file, const std::string& from, const std::string& to) {
  std::ifstream in(file, std::ios::binary);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto p = s.find(from);
  BOOST_REQUIRE_MESSAGE(p != std::string::npos, from << " not in " << file);
  s.replace(p, from.size(), to);
  std::ofstream(file, std::ios::binary) << s;
}

const exio::System& pxp_system() {
  static const exio::System s = exio::make_system(pick(exio::kRegions, {"AT", "CN", "WM"}), exio::kProducts, 11);
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_exiobase)

BOOST_AUTO_TEST_CASE(pxp_zip_with_coefficients_only) {
  TempDir d;
  const exio::System& s = pxp_system();
  const fs::path root = d.path() / "IOT_2022_pxp";
  exio::write_release(s, root);
  const std::string zip = d.file("IOT_2022_pxp.zip");
  zip_folder(root, zip);
  const auto r = irio::io::import_exiobase(zip);
  const auto& t = r.table;

  BOOST_TEST(t.labels.regions == s.regions, boost::test_tools::per_element());
  BOOST_TEST(t.labels.sectors == exio::kProducts, boost::test_tools::per_element());
  BOOST_TEST(t.labels.fd_categories == exio::kCategories, boost::test_tools::per_element());
  BOOST_TEST(t.labels.num_countries() == 3u);
  BOOST_TEST(t.meta.year == "2022");
  BOOST_TEST(t.meta.name == "EXIOBASE 3 pxp");
  BOOST_TEST(t.meta.unit == "M.EUR");

  // Z = A x̂, entry by entry (the text holds the shortest round-trip decimals: no rounding).
  const Eigen::MatrixXd Z = Eigen::MatrixXd(t.Z);
  const Eigen::MatrixXd Zref = s.Z();
  BOOST_TEST((Z - Zref).cwiseAbs().maxCoeff() <= 1e-12 * Zref.cwiseAbs().maxCoeff());
  BOOST_TEST(t.Z.nonZeros() == (s.A.array() != 0).count());
  BOOST_TEST((t.x - s.x).cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST((t.Y - s.Y).cwiseAbs().maxCoeff() == 0.0);

  // V: the nine factor-input rows of satellite/F.txt; the columns close: x' = 1'Z + 1'V.
  BOOST_TEST(t.va_components == exio::kFactorInputs, boost::test_tools::per_element());
  BOOST_TEST((t.V - s.F.topRows(9)).cwiseAbs().maxCoeff() == 0.0);
  const auto balance = irio::tables::check_balance(t);
  BOOST_TEST(irio::tables::to_string(balance.status) == "ok");

  // Both extensions as satellites, with F_Y and units.
  BOOST_REQUIRE(t.satellites.size() == 2u);
  const auto* sat = t.satellite("satellite");
  BOOST_REQUIRE(sat != nullptr);
  BOOST_TEST(sat->stressors == s.stressors, boost::test_tools::per_element());
  BOOST_TEST(sat->units == s.stressor_units, boost::test_tools::per_element());
  BOOST_TEST((sat->F - s.F).cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST((sat->F_Y - s.F_Y).cwiseAbs().maxCoeff() == 0.0);
  const auto* imp = t.satellite("impacts");
  BOOST_REQUIRE(imp != nullptr);
  BOOST_TEST(imp->units == s.impact_units, boost::test_tools::per_element());
  BOOST_TEST((imp->F - s.I).cwiseAbs().maxCoeff() == 0.0);

  // What the import did, in words.
  BOOST_TEST(has_note(r.notes, "EXIOBASE 3 pxp 3.8.2: 3 regions x 200 products (n = 600)"));
  BOOST_TEST(has_note(r.notes, "Z = A x̂"));
  BOOST_TEST(has_note(r.notes, "V = the 9 factor-input rows of satellite 'satellite' (M.EUR)"));
  BOOST_TEST(has_note(r.notes, "final demand: 7 categories per region: Final consumption expenditure by households;"));
  BOOST_TEST(has_note(r.notes, "monetary unit: M.EUR"));
  BOOST_TEST(has_note(r.notes, "satellite 'satellite': 11 stressors (M.EUR, 1000 p., kg), with F_Y"));
  BOOST_TEST(has_note(r.notes, "satellite 'impacts': 2 stressors (kg CO2 eq., M.EUR), with F_Y"));

  // The extracted folder reads the same.
  const auto f = irio::io::import_exiobase(root.string());
  BOOST_TEST((Eigen::MatrixXd(f.table.Z) - Z).cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST(f.table.satellites.size() == 2u);
}

BOOST_AUTO_TEST_CASE(ixi_folder_with_flows) {
  TempDir d;
  const exio::System s = exio::make_system(pick(exio::kRegions, {"US", "WA"}), exio::kIndustries, 3, 0.2);
  exio::WriteOptions o;
  o.write_A = false;
  o.write_Z = true;
  o.extensions = false;
  const fs::path root = d.path() / "IOT_2019_ixi";
  exio::write_release(s, root, o);
  const auto r = irio::io::import_exiobase(root.string(), "2019");
  const auto& t = r.table;
  BOOST_TEST(t.labels.sectors == exio::kIndustries, boost::test_tools::per_element());
  BOOST_TEST(t.meta.name == "EXIOBASE 3 ixi");
  const Eigen::MatrixXd Zref = s.Z();
  BOOST_TEST((Eigen::MatrixXd(t.Z) - Zref).cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST(t.V.rows() == 0);
  BOOST_TEST(t.satellites.empty());
  BOOST_TEST(has_note(r.notes, "2 regions x 163 industries (n = 326)"));
  BOOST_TEST(has_note(r.notes, "Z as read from"));
  BOOST_TEST(has_note(r.notes, "no factor-input rows found in any extension: V is empty"));
  BOOST_TEST(has_note(r.notes, "no extension folders: no satellites"));
}

BOOST_AUTO_TEST_CASE(rows_and_columns_in_another_order) {
  // A file whose columns are not region-major still lands region-major.
  TempDir d;
  exio::System s =
      exio::make_system(pick(exio::kRegions, {"DE", "JP"}), pick(exio::kProducts, {"Wheat", "Pigs", "Stone"}), 5, 0.8);
  const fs::path root = d.path() / "IOT_2011_pxp";
  exio::write_release(s, root);
  // Swap the first two columns of A.txt (labels and values) and the first two data rows.
  std::ifstream in(root / "A.txt");
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  in.close();
  for (auto& l : lines) {
    std::vector<std::string> f;
    std::stringstream ss(l);
    for (std::string c; std::getline(ss, c, '\t');) f.push_back(c);
    while (f.size() < 8) f.push_back("");
    std::swap(f[2], f[3]);
    l.clear();
    for (std::size_t k = 0; k < f.size(); ++k) l += (k ? "\t" : "") + f[k];
  }
  std::swap(lines[3], lines[4]);
  std::ofstream out(root / "A.txt");
  for (const auto& l : lines) out << l << "\n";
  out.close();
  const auto r = irio::io::import_exiobase(root.string());
  BOOST_TEST((Eigen::MatrixXd(r.table.Z) - s.Z()).cwiseAbs().maxCoeff() <= 1e-12);
}

BOOST_AUTO_TEST_CASE(three_letter_region_codes_of_some_3_4_files) {
  // Some 3.4 ixi files carry AUT, CHN, ... where the others have AT, CN, ...: read as one code.
  TempDir d;
  const exio::System s =
      exio::make_system(pick(exio::kRegions, {"AT", "CN"}), pick(exio::kIndustries, {"Pigs farming", "Pulp"}), 4, 0.9);
  const fs::path root = d.path() / "IOT_2011_ixi";
  exio::write_release(s, root);
  auto replace_all = [](std::string& text, const std::string& from, const std::string& to, std::size_t end) {
    for (std::size_t p = text.find(from); p != std::string::npos && p < end; p = text.find(from, p + to.size()))
      text.replace(p, from.size(), to);
  };
  for (const char* f : {"A.txt", "Y.txt"}) {
    std::ifstream in(root / f, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    if (std::string(f) == "A.txt") replace_all(text, "\tAT", "\tAUT", text.find('\n'));  // column labels
    else replace_all(text, "\nAT\t", "\nAUT\t", std::string::npos);                      // row labels
    std::ofstream(root / f, std::ios::binary) << text;
  }
  const auto r = irio::io::import_exiobase(root.string());
  BOOST_TEST(r.table.labels.regions == s.regions, boost::test_tools::per_element());
  BOOST_TEST((Eigen::MatrixXd(r.table.Z) - s.Z()).cwiseAbs().maxCoeff() <= 1e-12);
  BOOST_TEST(has_note(r.notes, "three-letter region codes"));
}

BOOST_AUTO_TEST_CASE(malformed_releases_name_file_row_and_column) {
  const exio::System s = exio::make_system(pick(exio::kRegions, {"AT", "CN"}),
                                           pick(exio::kProducts, {"Paddy rice", "Wheat", "Cattle"}), 2, 0.9);
  auto fresh = [&](const TempDir& d) {
    const fs::path root = d.path() / "IOT_2022_pxp";
    exio::write_release(s, root);
    return root;
  };
  {  // a cell that is not a number
    TempDir d;
    const fs::path root = fresh(d);
    std::ifstream in(root / "A.txt");
    std::string l;
    for (int k = 0; k < 5; ++k) std::getline(in, l);  // 3 header lines, AT/Paddy rice, AT/Wheat
    in.close();
    const auto tab = l.find('\t', l.find('\t') + 1);
    edit(root / "A.txt", l.substr(0, tab + 1), l.substr(0, tab + 1) + "n/a\t");
    // the row now has one cell too many
    check_error<InputError>([&] { irio::io::import_exiobase(root.string()); },
                            {"A.txt:5", "A row 'AT/Wheat' has 9 cells; expected 2 labels and 6 values"});
  }
  {
    TempDir d;
    const fs::path root = fresh(d);
    std::ifstream in(root / "A.txt");
    std::string l;
    for (int k = 0; k < 5; ++k) std::getline(in, l);
    in.close();
    const auto tab = l.find('\t', l.find('\t') + 1);
    const auto tab2 = l.find('\t', tab + 1);
    edit(root / "A.txt", l, l.substr(0, tab + 1) + "1,5e-3" + l.substr(tab2));
    check_error<InputError>([&] { irio::io::import_exiobase(root.string()); },
                            {"A.txt:5", "row 'AT/Wheat', column 'AT/Paddy rice'", "'1,5e-3' is not a finite number"});
  }
  {  // a misspelt column label
    TempDir d;
    const fs::path root = fresh(d);
    edit(root / "A.txt", "\tWheat", "\tWheet");
    check_error<InputError>([&] { irio::io::import_exiobase(root.string()); },
                            {"A.txt", "A column 2 'AT/Wheet' is not a region/sector of Y's rows", "nearest: 'Wheat'"});
  }
  {  // a missing row of Y
    TempDir d;
    const fs::path root = fresh(d);
    std::ifstream in(root / "Y.txt");
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    const auto p = all.find("CN\tCattle\t");
    std::ofstream(root / "Y.txt", std::ios::binary) << all.substr(0, p);
    check_error<InputError>([&] { irio::io::import_exiobase(root.string()); },
                            {"Y.txt", "row 'CN/Cattle' is missing", "5 rows for 2 regions x 3 sectors"});
  }
  {  // F_Y with a category that Y does not have
    TempDir d;
    const fs::path root = fresh(d);
    edit(root / "satellite" / "F_Y.txt", "Changes in valuables", "Changes in valuable");
    check_error<InputError>([&] { irio::io::import_exiobase(root.string()); },
                            {"satellite/F_Y.txt", "category 'Changes in valuable' is not a final-demand category of Y",
                             "nearest: 'Changes in valuables'"});
  }
  {  // parameters without Y, and a listed file that is missing
    TempDir d;
    const fs::path root = fresh(d);
    edit(root / "file_parameters.json", "\"Y\":", "\"Y_\":");
    check_error<InputError>([&] { irio::io::import_exiobase(root.string()); },
                            {"file_parameters.json", "no Y (final demand) listed"});
    edit(root / "file_parameters.json", "\"Y_\":", "\"Y\":");
    fs::remove(root / "x.txt");
    check_error<InputError>([&] { irio::io::import_exiobase(root.string()); }, {"files.x", "names 'x.txt'"});
  }
  {  // not a release at all
    TempDir d;
    d.write("notes.txt", "hello\n");
    check_error<InputError>([&] { irio::io::import_exiobase(d.path().string()); },
                            {"not an EXIOBASE 3 release", "IOSystem"});
    check_error<InputError>([&] { irio::io::import_exiobase(d.file("absent.zip")); }, {"absent.zip", "no such file"});
  }
}

BOOST_AUTO_TEST_CASE(cli_prints_what_the_import_did, *boost::unit_test::precondition(irio::testing::BinaryBuilt())) {
  TempDir d;
  const exio::System s = exio::make_system(pick(exio::kRegions, {"AT", "CN"}),
                                           pick(exio::kProducts, {"Paddy rice", "Wheat", "Cattle"}), 2, 0.9);
  const fs::path root = d.path() / "IOT_2022_pxp";
  exio::write_release(s, root);
  std::string out;
  const int rc = irio::testing::run_irio("import exiobase '" + root.string() + "' -o '" + d.file("t.h5") + "'", out, d);
  BOOST_TEST(rc == 0, out);
  BOOST_TEST(out.find("wrote " + d.file("t.h5") + ": 2 regions x 3 sectors") != std::string::npos, out);
  BOOST_TEST(out.find("note: V = the 9 factor-input rows") != std::string::npos, out);
  BOOST_TEST(out.find("balance check: ok") != std::string::npos, out);
  const int rc2 =
      irio::testing::run_irio("import exiobase '" + d.file("nothing") + "' -o '" + d.file("u.h5") + "'", out, d);
  BOOST_TEST(rc2 == 2, out);
  BOOST_TEST(!fs::exists(d.file("u.h5")));
}

// Full-size generator (not run by ctest): writes 49 regions x 200 products (n = 9800) with A and
// x only and a satellite of ~1100 stressors into $IRIO_EXIOBASE_FULL_DIR/IOT_2022_pxp, for the
// import time and peak memory of docs/world-tables.md:
//   IRIO_EXIOBASE_FULL_DIR=/tmp/exio ./io_test --run_test=import_exiobase/generate_full_size
//   /usr/bin/time -v ./irio import exiobase /tmp/exio/IOT_2022_pxp -o /tmp/exio/t.h5
// The numbers are seeded and not balanced; A has ~`density` non-zeros, as the release's A.
BOOST_AUTO_TEST_CASE(generate_full_size, *boost::unit_test::disabled()) {
  const char* dir = std::getenv("IRIO_EXIOBASE_FULL_DIR");
  BOOST_REQUIRE_MESSAGE(dir != nullptr, "set IRIO_EXIOBASE_FULL_DIR");
  const double density = std::getenv("IRIO_EXIOBASE_DENSITY") ? std::atof(std::getenv("IRIO_EXIOBASE_DENSITY")) : 0.4;
  exio::System s;
  s.regions = exio::kRegions;
  s.sectors = exio::kProducts;
  const auto n = static_cast<Eigen::Index>(s.n());
  const Eigen::Index GK = static_cast<Eigen::Index>(s.regions.size() * exio::kCategories.size());
  std::mt19937 rng(1);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  s.x = Eigen::VectorXd::NullaryExpr(n, [&] { return 10 + 1e4 * u(rng); });
  s.Y = Eigen::MatrixXd::NullaryExpr(n, GK, [&] { return u(rng) < 0.5 ? 0.0 : u(rng) * 10; });
  s.stressors = exio::kFactorInputs;
  s.stressor_units.assign(9, "M.EUR");
  for (int k = 0; s.stressors.size() < 1113; ++k) {
    s.stressors.push_back("Stressor " + std::to_string(k) + " - air");
    s.stressor_units.push_back(k % 2 ? "kg" : "TJ");
  }
  const auto kF = static_cast<Eigen::Index>(s.stressors.size());
  s.F = Eigen::MatrixXd::NullaryExpr(kF, n, [&] { return u(rng) < 0.5 ? 0.0 : u(rng) * 1e3; });
  s.F_Y = Eigen::MatrixXd::NullaryExpr(kF, GK, [&] { return u(rng) < 0.9 ? 0.0 : u(rng) * 1e3; });
  s.impacts = {"Value Added"};
  s.impact_units = {"M.EUR"};
  s.I = s.F.topRows(1);
  s.I_Y = s.F_Y.topRows(1);
  const fs::path root = fs::path(dir) / "IOT_2022_pxp";
  // A is written row by row (no dense 9800 x 9800 in memory) after the rest.
  s.A = Eigen::MatrixXd::Zero(0, 0);
  exio::WriteOptions o;
  o.write_A = false;
  exio::write_release(s, root, o);
  const exio::Labels2 rs = exio::region_sector(s);
  {
    std::ofstream f(root / "A.txt", std::ios::binary);
    std::string out = exio::header({"region", "sector"}, {{"region", rs.a}, {"sector", rs.b}});
    for (Eigen::Index i = 0; i < n; ++i) {
      out += rs.a[static_cast<std::size_t>(i)] + '\t' + rs.b[static_cast<std::size_t>(i)];
      for (Eigen::Index j = 0; j < n; ++j) {
        out += '\t';
        exio::put_number(out, u(rng) < density ? u(rng) * 1e-3 : 0.0);
      }
      out += '\n';
      f << out;
      out.clear();
    }
  }
  // Register A in the parameters.
  edit(root / "file_parameters.json", "\"files\": {\n",
       "\"files\": {\n" + exio::params_entry("A", "A.txt", 2, 2) + ",\n");
  BOOST_TEST_MESSAGE("wrote " << root);
}

BOOST_AUTO_TEST_SUITE_END()
