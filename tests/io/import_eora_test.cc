// SPDX-License-Identifier: MIT
// Eora26 import on fixtures written here in the published layout (headerless tab-separated T, FD,
// VA, Q, QY; labels_*.txt in the folder or in indices.zip; 189 countries x 26 sectors + the ROW
// statistical-discrepancy entry; invented numbers), and malformed variants.
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>

#include "io_test_util.h"
#include "irio/io/import_eora.h"
#include "world_fixtures.h"

using irio::InputError;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;
namespace world = irio::testing::world;

namespace {

const std::size_t G = 189, N = 26, K = 6, nT = G * N + 1, nFD = (G + 1) * K;
const std::vector<std::string> kQ = {"Energy Usage (TJ)\tNatural Gas", "Energy Usage (TJ)\tCoal",
                                     "CO2 emissions (Gg)\tTotal", "Employment (1000 persons)\tTotal"};

/// The fixture's values. Index i < G N is (country i / N, sector i % N); nT - 1 is ROW.
double T(std::size_t i, std::size_t j) {
  const std::size_t row = nT - 1;
  if (i == row) return j == row ? 0.0 : 0.1;
  if (j == row) return 0.2;
  if (i == j) return 5.0 + static_cast<double>(i % N % 3);
  if (j / N == (i / N + 1) % G && j % N == i % N) return 1.0;
  return 0.0;
}
double FD(std::size_t i, std::size_t j) {  // column j = country j / K (G = ROW), category j % K
  const std::size_t row = nT - 1, c = j / K, k = j % K;
  if (i == row) return 0.05;
  if (c == G) return k == 0 ? 0.3 : 0.0;
  if (c == i / N && k == 0) return 40.0 + static_cast<double>(i % N);
  if (c == (i / N + 2) % G && k == 3) return 1.0;
  return 0.0;
}
const double kVa[6] = {20, 1, -0.5, 10, 0, 3};

void num(std::string& out, double v, bool first) {
  if (!first) out += '\t';
  if (v == 0) {
    out += '0';
    return;
  }
  char b[32];
  std::snprintf(b, sizeof b, "%.10g", v);
  out += b;
}

std::string matrix_text(std::size_t rows, std::size_t cols, double (*f)(std::size_t, std::size_t)) {
  std::string out;
  out.reserve(rows * cols * 2 + rows);
  for (std::size_t i = 0; i < rows; ++i) {
    for (std::size_t j = 0; j < cols; ++j) num(out, f(i, j), j == 0);
    out += "\t\n";  // Eora's lines end in a tab
  }
  return out;
}

std::string labels_t() {
  std::string s;
  for (const auto& c : world::kEoraCountries)
    for (const auto& sec : world::kEoraSectors) s += c + "\t" + c + "\tIndustries\t" + sec + "\t\n";
  return s + "Rest of the World\tROW\tIndustries\tStatistical Discrepancies\t\n";
}
std::string labels_fd() {
  std::string s;
  for (const auto& c : world::kEoraCountries)
    for (const auto& k : world::kEoraFd) s += c + "\t" + c + "\tFinal Demand\t" + k + "\t\n";
  for (const auto& k : world::kEoraFd) s += "Rest of the World\tROW\tFinal Demand\t" + k + "\t\n";
  return s;
}
std::string labels_va() {
  std::string s;
  for (const auto& v : world::kEoraVa) s += "Primary Inputs\t" + v + "\t\n";
  return s;
}
std::string labels_q() {
  std::string s;
  for (const auto& q : kQ) s += q + "\t\n";
  return s;
}
std::string va_text() {
  std::string out;
  for (std::size_t k = 0; k < 6; ++k) {
    for (std::size_t j = 0; j < nT; ++j) num(out, j == nT - 1 ? 7.0 : kVa[k], j == 0);
    out += "\n";
  }
  return out;
}
std::string q_text() {
  std::string out;
  for (std::size_t k = 0; k < kQ.size(); ++k) {
    for (std::size_t j = 0; j < nT; ++j) num(out, j == nT - 1 ? 100.0 : static_cast<double>(k + 1), j == 0);
    out += "\n";
  }
  return out;
}
std::string qy_text() {
  std::string out;
  for (std::size_t k = 0; k < kQ.size(); ++k) {
    for (std::size_t j = 0; j < nFD; ++j) num(out, j % K == 0 ? 0.5 : 0.0, j == 0);
    out += "\n";
  }
  return out;
}

const std::string& t_text() {
  static const std::string s = matrix_text(nT, nT, T);
  return s;
}

/// Writes the data files of 2015 bp (and the labels unless `labels` is false) into `d`.
void write_folder(const TempDir& d, bool labels = true) {
  d.write("Eora26_2015_bp_T.txt", t_text());
  d.write("Eora26_2015_bp_FD.txt", matrix_text(nT, nFD, FD));
  d.write("Eora26_2015_bp_VA.txt", va_text());
  d.write("Eora26_2015_bp_Q.txt", q_text());
  d.write("Eora26_2015_bp_QY.txt", qy_text());
  if (!labels) return;
  d.write("labels_T.txt", labels_t());
  d.write("labels_FD.txt", labels_fd());
  d.write("labels_VA.txt", labels_va());
  d.write("labels_Q.txt", labels_q());
}

void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& members) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  BOOST_REQUIRE(z != nullptr);
  for (const auto& [name, text] : members) {
    zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
    BOOST_REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
  }
  BOOST_REQUIRE(zip_close(z) == 0);
}

bool has_note(const io::WorldImport& w, const std::string& part) {
  for (const auto& n : w.notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_eora)

BOOST_AUTO_TEST_CASE(folder_drops_the_discrepancy_and_keeps_q_as_satellite) {
  TempDir d;
  write_folder(d);
  const io::WorldImport w = io::import_eora26(d.path().string());
  const auto& t = w.table;
  BOOST_TEST(t.labels.num_regions() == G);
  BOOST_TEST(t.labels.num_sectors() == N);
  BOOST_TEST(t.labels.regions.back() == "ZWE");
  BOOST_TEST(t.labels.sectors[20] == "Finacial Intermediation and Business Activities");
  BOOST_TEST(t.labels.fd_categories == world::kEoraFd);
  BOOST_TEST(t.va_components == world::kEoraVa);
  BOOST_TEST(t.meta.year == "2015");
  // Z and Y are T and FD without ROW; x is the row total without ROW's column.
  const std::size_t i = 39 * N + 4;  // CHN, Food & Beverages
  BOOST_TEST(t.Z.coeff(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(i)) == T(i, i));
  double x = 0;
  for (std::size_t j = 0; j + 1 < nT; ++j) x += T(i, j);
  for (std::size_t j = 0; j < G * K; ++j) x += FD(i, j);
  BOOST_TEST(t.x(static_cast<Eigen::Index>(i)) == x, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(t.Y.cols() == static_cast<Eigen::Index>(G * K));
  BOOST_TEST(t.V(2, 0) == -0.5);
  // Q and QY as the satellite "Q" with units from the labels.
  BOOST_REQUIRE(t.satellites.size() == 1u);
  const auto& q = t.satellites[0];
  BOOST_TEST(q.stressors[0] == "Energy Usage | Natural Gas");
  BOOST_TEST(q.units[0] == "TJ");
  BOOST_TEST(q.units[3] == "1000 persons");
  BOOST_TEST(q.F.cols() == static_cast<Eigen::Index>(G * N));
  BOOST_TEST(q.F(2, 0) == 3.0);
  BOOST_TEST(q.F_Y.cols() == static_cast<Eigen::Index>(G * K));
  BOOST_TEST(q.F_Y(0, 0) == 0.5);
  // What was dropped is reported: ROW's purchases from industries 0.2 x 4914, its sales 0.1 x 4914.
  BOOST_TEST(has_note(
      w,
      "dropped the rest-of-world entry ROW (1 statistical-discrepancy row and column of T, 6 final-demand columns)"));
  BOOST_TEST(has_note(w, "its sales to industries 491.4"));
  BOOST_TEST(has_note(w, "its purchases from industries 982.8"));
  BOOST_TEST(has_note(w, "satellite 'Q': 4 stressors"));
  BOOST_TEST(has_note(w, "units: USD thousand"));
}

BOOST_AUTO_TEST_CASE(zip_with_labels_in_indices_zip) {
  TempDir d;
  write_zip(d.file("Eora26_2015_bp.zip"), {{"Eora26_2015_bp_T.txt", t_text()},
                                           {"Eora26_2015_bp_FD.txt", matrix_text(nT, nFD, FD)},
                                           {"Eora26_2015_bp_VA.txt", va_text()}});
  write_zip(d.file("indices.zip"),
            {{"labels_T.txt", labels_t()}, {"labels_FD.txt", labels_fd()}, {"labels_VA.txt", labels_va()}});
  const io::WorldImport w = io::import_eora26(d.file("Eora26_2015_bp.zip"));
  BOOST_TEST(w.table.n() == G * N);
  BOOST_TEST(w.table.satellites.empty());
  BOOST_TEST(has_note(w, "no Q file: no satellites"));
  // The folder holding the zip, with --year, finds it too.
  io::EoraImportOptions o;
  o.year = "2015";
  BOOST_TEST(io::import_eora26(d.path().string(), o).table.x.sum() == w.table.x.sum());
}

BOOST_AUTO_TEST_CASE(malformed_files_name_the_line_and_what_was_expected) {
  {
    TempDir d;
    write_folder(d);
    // A short line in T.
    std::string t = t_text();
    const auto p = t.find('\n', t.find('\n') + 1);  // end of line 2
    const auto q = t.rfind('\t', p - 2);
    t.erase(q, p - q);
    d.write("Eora26_2015_bp_T.txt", t);
    check_error<InputError>([&] { io::import_eora26(d.path().string()); },
                            {"Eora26_2015_bp_T.txt:2:", "4914 values, expected 4915", "labels_T.txt has 4915 entries"});
  }
  {
    TempDir d;
    write_folder(d);
    // A category that the first country does not have.
    std::string fd = labels_fd();
    const auto p = fd.find("USA\tFinal Demand\tChanges in inventories P.52");
    fd.replace(p + 17, std::string("Changes in inventories P.52").size(), "Changes in inventory P.52");
    d.write("labels_FD.txt", fd);
    check_error<InputError>(
        [&] { io::import_eora26(d.path().string()); },
        {"labels_FD.txt: entry", "USA", "'Changes in inventory P.52'", "'Household final consumption P.3h'"});
  }
  {
    TempDir d;
    write_folder(d, false);
    check_error<InputError>([&] { io::import_eora26(d.path().string()); }, {"no labels_T.txt", "indices.zip"});
  }
}

BOOST_AUTO_TEST_CASE(cli_prints_what_the_import_did, *boost::unit_test::precondition(irio::testing::BinaryBuilt())) {
  TempDir d;
  write_folder(d);
  std::string out;
  BOOST_TEST(irio::testing::run_irio("import eora26 '" + d.path().string() + "' -o '" + d.file("e.h5") + "'", out, d) ==
             0);
  BOOST_TEST(out.find("note: dropped the rest-of-world entry ROW") != std::string::npos, out);
  BOOST_TEST(out.find("189 regions x 26 sectors") != std::string::npos, out);
  BOOST_TEST(out.find("1 satellites") != std::string::npos, out);
  BOOST_TEST(irio::testing::run_irio("import eora26 '" + d.path().string() + "' --price pp -o '" + d.file("p.h5") + "'",
                                     out, d) == 2);
  BOOST_TEST(out.find("no file Eora26_<year>_pp_T.txt") != std::string::npos, out);
  BOOST_TEST(!std::filesystem::exists(d.file("p.h5")));
}

BOOST_AUTO_TEST_SUITE_END()
