// SPDX-License-Identifier: MIT
// ADB MRIO import on workbooks written here in the release layout (a Legend sheet, then the
// table: 62 economies + RoW x c1-c35, F1-F5, rows r60, r99, r61-r64, trs, r69; invented numbers,
// zero cells left empty), and malformed variants.
#include <boost/test/unit_test.hpp>

#include "io_test_util.h"
#include "irio/io/import_adb.h"
#include "irio/io/xlsx_writer.h"
#include "world_fixtures.h"

using irio::InputError;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;
namespace world = irio::testing::world;

namespace {

const std::size_t G = 63, N = 35, K = 5;
const std::vector<std::string> kRows = {"r60", "r99", "r61", "r62", "r63", "r64", "trs", "r69"};

double z(std::size_t a, std::size_t s, std::size_t b, std::size_t u) {
  if (a == b && s == u) return 2.0 + static_cast<double>(s % 5);
  if (b == (a + 1) % G && u == s) return 0.5;
  return 0.0;
}
double y(std::size_t a, std::size_t s, std::size_t b, std::size_t k) {
  if (b == a && k == 0) return 15.0 + static_cast<double>(s);
  if (b == (a + 2) % G && k == 3) return 1.0;
  return 0.0;
}
double x(std::size_t a, std::size_t s) {
  double t = 0;
  for (std::size_t b = 0; b < G; ++b) {
    t += z(a, s, b, s);
    for (std::size_t k = 0; k < K; ++k) t += y(a, s, b, k);
  }
  return t;
}
double colsum(std::size_t b, std::size_t u) {
  double t = 0;
  for (std::size_t a = 0; a < G; ++a) t += z(a, u, b, u);
  return t;
}

struct Faults {
  std::string skip_row;
  bool bad_fd = false;  // PRC's F4 column coded "F9"
};

void write_adb(const std::string& path, const Faults& f = {}) {
  io::XlsxWriter w(path);
  const std::size_t legend = w.add_sheet("Legend");
  const auto& E = world::kAdb62Economies;
  for (std::size_t a = 0; a < G; ++a) w.write_string(legend, a + 1, 0, E[a]);
  const std::size_t sh = w.add_sheet("ADB MRIO 2021");
  w.write_string(sh, 0, 0, "ADB Multiregional Input-Output Table 2021, in millions of US$ at current prices");
  w.write_string(sh, 1, 0, "62 economies");
  const std::size_t c0 = 3, f0 = c0 + G * N;
  for (std::size_t b = 0; b < G; ++b) {
    for (std::size_t u = 0; u < N; ++u) {
      w.write_string(sh, 4, c0 + b * N + u, world::kAdbIndustryNames[u]);
      w.write_string(sh, 5, c0 + b * N + u, E[b]);
      w.write_string(sh, 6, c0 + b * N + u, "c" + std::to_string(u + 1));
    }
    for (std::size_t k = 0; k < K; ++k) {
      w.write_string(sh, 5, f0 + b * K + k, E[b]);
      w.write_string(sh, 6, f0 + b * K + k, f.bad_fd && E[b] == "PRC" && k == 3 ? "F9" : "F" + std::to_string(k + 1));
    }
  }
  w.write_string(sh, 6, f0 + G * K, "ToT");
  std::size_t row = 7;
  for (std::size_t a = 0; a < G; ++a)
    for (std::size_t s = 0; s < N; ++s, ++row) {
      w.write_string(sh, row, 0, world::kAdbIndustryNames[s]);
      w.write_string(sh, row, 1, E[a]);
      w.write_string(sh, row, 2, "c" + std::to_string(s + 1));
      for (std::size_t b = 0; b < G; ++b) {
        if (const double v = z(a, s, b, s); v != 0) w.write_number(sh, row, c0 + b * N + s, v);
        for (std::size_t k = 0; k < K; ++k)
          if (const double v = y(a, s, b, k); v != 0) w.write_number(sh, row, f0 + b * K + k, v);
      }
      w.write_number(sh, row, f0 + G * K, x(a, s));
    }
  for (const auto& code : kRows) {
    if (code == f.skip_row) continue;
    w.write_string(sh, row, 2, code);
    for (std::size_t b = 0; b < G; ++b)
      for (std::size_t u = 0; u < N; ++u) {
        double v = 0.1;
        if (code == "r60") v = colsum(b, u);
        else if (code == "r69") v = x(b, u);
        else if (code == "r64") v = x(b, u) - colsum(b, u) - 0.5;
        w.write_number(sh, row, c0 + b * N + u, v);
      }
    ++row;
  }
  w.close();
}

bool has_note(const io::WorldImport& w, const std::string& part) {
  for (const auto& n : w.notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_adb)

BOOST_AUTO_TEST_CASE(workbook_with_legend_62_economies) {
  TempDir d;
  write_adb(d.file("ADB-MRIO-2021.xlsx"));
  const io::WorldImport w = io::import_adb(d.file("ADB-MRIO-2021.xlsx"));
  const auto& t = w.table;
  BOOST_TEST(t.labels.regions == world::kAdb62Economies);
  BOOST_TEST(t.labels.num_sectors() == N);
  BOOST_TEST(t.labels.sectors.back() == "c35");
  BOOST_TEST(t.labels.sector_name(13) == "Electrical and optical equipment");
  BOOST_TEST(t.labels.fd_categories == (std::vector<std::string>{"F1", "F2", "F3", "F4", "F5"}));
  BOOST_TEST(t.meta.year == "2021");
  const std::size_t prc = 7, s = 13, i = prc * N + s;
  BOOST_TEST(t.x(static_cast<Eigen::Index>(i)) == x(prc, s));
  BOOST_TEST(t.Z.coeff(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(i)) == z(prc, s, prc, s));
  const irio::tables::Vector resid = t.x - (irio::tables::Vector::Ones(t.Z.rows()).transpose() * t.Z).transpose() -
                                     t.V.colwise().sum().transpose();
  BOOST_TEST(resid.cwiseAbs().maxCoeff() < 1e-9);
  BOOST_TEST(has_note(w, "63 economies (incl. the rest of the world) x 35 industries"));
  BOOST_TEST(has_note(w, "x: row r69 (total output)"));
  BOOST_TEST(has_note(w, "rows not read (totals): 'r60'"));
}

BOOST_AUTO_TEST_CASE(malformed_workbooks_name_what_was_expected) {
  TempDir d;
  Faults f;
  f.skip_row = "r64";
  write_adb(d.file("a.xlsx"), f);
  check_error<InputError>([&] { io::import_adb(d.file("a.xlsx")); },
                          {"a.xlsx, sheet 'ADB MRIO 2021'", "no row 'r64'", "value added"});
  Faults g;
  g.bad_fd = true;
  write_adb(d.file("b.xlsx"), g);
  check_error<InputError>([&] { io::import_adb(d.file("b.xlsx")); },
                          {"b.xlsx, sheet 'ADB MRIO 2021', cell", "'F9' of PRC", "'F4'"});
}

BOOST_AUTO_TEST_CASE(cli_prints_what_the_import_did, *boost::unit_test::precondition(irio::testing::BinaryBuilt())) {
  TempDir d;
  write_adb(d.file("ADB-MRIO-2021.xlsx"));
  std::string out;
  BOOST_TEST(irio::testing::run_irio("import adb '" + d.file("ADB-MRIO-2021.xlsx") + "' -o '" + d.file("a.h5") + "'",
                                     out, d) == 0);
  BOOST_TEST(out.find("note: V: rows r99 taxes less subsidies on products") != std::string::npos, out);
  BOOST_TEST(out.find("63 regions x 35 sectors") != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
