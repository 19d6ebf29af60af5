// SPDX-License-Identifier: MIT
// WIOD 2016 import on workbooks written here in the release's xlsx layout (44 countries x 56
// industries, CONS_h ... INVEN, the TOT rows II_fob ... GO; invented numbers, zero cells left
// empty), and malformed variants.
#include <boost/test/unit_test.hpp>

#include "io_test_util.h"
#include "irio/io/import_wiod2016.h"
#include "irio/io/xlsx_writer.h"
#include "world_fixtures.h"

using irio::InputError;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;
namespace world = irio::testing::world;

namespace {

const std::size_t G = 44, N = 56, K = 5;
const std::vector<std::string> kTot = {"II_fob", "TXSP", "EXP_adj", "PURR", "PURNR", "VA", "IntTTM", "GO"};
const double kSmall[] = {0, 0.3, 0.1, 0.05, -0.05, 0, 0.02};  // TXSP .. IntTTM besides VA

double z(std::size_t a, std::size_t s, std::size_t b, std::size_t u) {
  if (a == b && s == u) return 4.0 + static_cast<double>(s % 3);
  if (b == (a + 1) % G && u == s) return 1.0;
  return 0.0;
}
double y(std::size_t a, std::size_t s, std::size_t b, std::size_t k) {
  if (b == a && k == 0) return 20.0 + static_cast<double>(s);
  if (b == a && k == 4) return -0.25;
  if (b == (a + 7) % G && k == 3) return 1.5;
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
  std::string skip_tot_row;      // leave out this TOT row
  std::string rename_fd_of_usa;  // USA's GFCF column gets this code
};

void write_wiot(const std::string& path, const Faults& f = {}) {
  io::XlsxWriter w(path);
  const std::size_t sh = w.add_sheet("2014");
  const auto& C = world::kWiod2016Countries;
  const auto& I = world::kWiod2016Industries;
  w.write_string(sh, 0, 0, "World Input-Output Table, current prices, in millions of US$");
  std::size_t col = 4;
  for (std::size_t b = 0; b < G; ++b)
    for (std::size_t u = 0; u < N; ++u, ++col) {
      w.write_string(sh, 2, col, I[u]);
      w.write_string(sh, 3, col, "industry " + I[u]);
      w.write_string(sh, 4, col, C[b]);
      w.write_string(sh, 5, col, "c" + std::to_string(u + 1));
    }
  for (std::size_t b = 0; b < G; ++b)
    for (std::size_t k = 0; k < K; ++k, ++col) {
      const std::string code = C[b] == "USA" && k == 3 && !f.rename_fd_of_usa.empty() ? f.rename_fd_of_usa
                                                                                      : world::kWiod2016Fd[k];
      w.write_string(sh, 2, col, code);
      w.write_string(sh, 4, col, C[b]);
      w.write_string(sh, 5, col, "c" + std::to_string(N + k + 1));
    }
  const std::size_t go_col = col;
  w.write_string(sh, 2, go_col, "GO");
  w.write_string(sh, 4, go_col, "TOT");
  std::size_t row = 6;
  const std::size_t fd0 = 4 + G * N;
  for (std::size_t a = 0; a < G; ++a)
    for (std::size_t s = 0; s < N; ++s, ++row) {
      w.write_string(sh, row, 0, I[s]);
      w.write_string(sh, row, 1, "industry " + I[s]);
      w.write_string(sh, row, 2, C[a]);
      w.write_string(sh, row, 3, "c" + std::to_string(s + 1));
      for (std::size_t b = 0; b < G; ++b) {
        if (const double v = z(a, s, b, s); v != 0) w.write_number(sh, row, 4 + b * N + s, v);
        for (std::size_t k = 0; k < K; ++k)
          if (const double v = y(a, s, b, k); v != 0) w.write_number(sh, row, fd0 + b * K + k, v);
      }
      w.write_number(sh, row, go_col, x(a, s));
    }
  for (std::size_t k = 0; k < kTot.size(); ++k) {
    if (kTot[k] == f.skip_tot_row) continue;
    w.write_string(sh, row, 0, kTot[k]);
    w.write_string(sh, row, 2, "TOT");
    w.write_string(sh, row, 3, "r" + std::to_string(64 + k));
    for (std::size_t b = 0; b < G; ++b)
      for (std::size_t u = 0; u < N; ++u) {
        double v = 0;
        if (kTot[k] == "II_fob") v = colsum(b, u);
        else if (kTot[k] == "GO") v = x(b, u);
        else if (kTot[k] == "VA") v = x(b, u) - colsum(b, u) - 0.42;
        else v = kSmall[k];
        w.write_number(sh, row, 4 + b * N + u, v);
      }
    if (kTot[k] == "TXSP")
      for (std::size_t j = 0; j < G * K; ++j) w.write_number(sh, row, fd0 + j, 0.2);
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

BOOST_AUTO_TEST_SUITE(import_wiod2016)

BOOST_AUTO_TEST_CASE(workbook_in_the_release_layout) {
  TempDir d;
  write_wiot(d.file("WIOT2014_Nov16_ROW.xlsx"));
  const io::WorldImport w = io::import_wiod2016(d.file("WIOT2014_Nov16_ROW.xlsx"));
  const auto& t = w.table;
  BOOST_TEST(t.labels.regions == world::kWiod2016Countries);
  BOOST_TEST(t.labels.sectors == world::kWiod2016Industries);
  BOOST_TEST(t.labels.fd_categories == world::kWiod2016Fd);
  BOOST_TEST(t.meta.year == "2014");
  BOOST_TEST(t.va_components.size() == 6u);
  const std::size_t chn = 7, s = 17, i = chn * N + s;
  BOOST_TEST(t.x(static_cast<Eigen::Index>(i)) == x(chn, s));
  BOOST_TEST(t.Z.coeff(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(i)) == z(chn, s, chn, s));
  BOOST_TEST(t.Y(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(chn * K + 4)) == -0.25);
  const irio::tables::Vector resid = t.x - (irio::tables::Vector::Ones(t.Z.rows()).transpose() * t.Z).transpose() -
                                     t.V.colwise().sum().transpose();
  BOOST_TEST(resid.cwiseAbs().maxCoeff() < 1e-9);
  BOOST_TEST(has_note(w, "44 countries x 56 industries"));
  BOOST_TEST(has_note(w, "row II_fob (total intermediate consumption) agrees with the column sums of Z to 0"));
  BOOST_TEST(has_note(w, "not part of the table"));
  // A folder with the year finds the workbook.
  io::Wiod2016ImportOptions o;
  o.year = "2014";
  BOOST_TEST(io::import_wiod2016(d.path().string(), o).table.x.sum() == t.x.sum());
}

BOOST_AUTO_TEST_CASE(malformed_workbooks_name_the_cell_and_what_was_expected) {
  TempDir d;
  Faults f;
  f.rename_fd_of_usa = "GFCX";
  write_wiot(d.file("fd.xlsx"), f);
  check_error<InputError>([&] { io::import_wiod2016(d.file("fd.xlsx")); },
                          {"fd.xlsx, sheet '2014', cell", "'GFCX'", "final-demand code", "'GFCF'"});
  Faults g;
  g.skip_tot_row = "VA";
  write_wiot(d.file("va.xlsx"), g);
  check_error<InputError>([&] { io::import_wiod2016(d.file("va.xlsx")); }, {"va.xlsx", "no row 'VA' of country TOT"});
  check_error<InputError>([&] { io::import_wiod2016(d.file("WIOT2014_Nov16_ROW.xlsb")); },
                          {"binary workbook (.xlsb)", ".xlsx"});
}

BOOST_AUTO_TEST_CASE(cli_prints_what_the_import_did, *boost::unit_test::precondition(irio::testing::BinaryBuilt())) {
  TempDir d;
  write_wiot(d.file("WIOT2014_Nov16_ROW.xlsx"));
  std::string out;
  BOOST_TEST(irio::testing::run_irio(
                 "import wiod2016 '" + d.file("WIOT2014_Nov16_ROW.xlsx") + "' -o '" + d.file("w.h5") + "'", out, d) ==
             0);
  BOOST_TEST(out.find("note: ") != std::string::npos, out);
  BOOST_TEST(out.find("'TXSP', 'EXP_adj', 'PURR', 'PURNR', 'VA', 'IntTTM'") != std::string::npos, out);
  BOOST_TEST(out.find("44 regions x 56 sectors") != std::string::npos, out);
  BOOST_TEST(irio::testing::run_irio(
                 "import wiod2016 '" + d.file("WIOT2014_Nov16_ROW.xlsx") + "' --sheet 2015 -o '" + d.file("x.h5") + "'",
                 out, d) == 2);
  BOOST_TEST(out.find("2015") != std::string::npos, out);
  BOOST_TEST(!std::filesystem::exists(d.file("x.h5")));
}

BOOST_AUTO_TEST_SUITE_END()
