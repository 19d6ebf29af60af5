// SPDX-License-Identifier: MIT
// FIGARO import on fixtures written here in Eurostat's layouts with the 2023 edition's label sets
// (46 areas incl. FIGW1 x 64 industries or CPA products, P3_S13 ... P5M, rows W2_D1 ...; invented
// numbers): the matrix file (ixi) and the flat file (pxp), and malformed variants.
#include <boost/test/unit_test.hpp>
#include <cstdio>

#include "io_test_util.h"
#include "irio/io/import_figaro.h"
#include "world_fixtures.h"

using irio::InputError;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;
namespace world = irio::testing::world;

namespace {

const std::size_t G = 46, N = 64, K = 5;

double z(std::size_t a, std::size_t s, std::size_t b, std::size_t u) {
  if (a == b && s == u) return 3.0 + static_cast<double>(s % 4);
  if (b == (a + 1) % G && u == s) return 1.0;
  return 0.0;
}
double y(std::size_t a, std::size_t s, std::size_t b, std::size_t k) {
  if (b == a && k == 1) return 30.0 + static_cast<double>(s);
  if (b == a && k == 4) return -0.5;
  if (b == (a + 5) % G && k == 3) return 2.0;
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
double va(std::size_t v, std::size_t b, std::size_t u) {
  if (v == 0) return 10.0;
  if (v == 1) return 0.5;
  if (v == 2) return 0.2;
  double col = 0;
  for (std::size_t a = 0; a < G; ++a) col += z(a, u, b, u);
  return x(b, u) - col - 10.7;
}

void put(std::string& out, double v) {
  if (v == 0) {
    out += ",0";
    return;
  }
  char b[32];
  std::snprintf(b, sizeof b, ",%.10g", v);
  out += b;
}

/// The matrix file (industry by industry).
const std::string& matrix_text() {
  static const std::string text = [] {
    const auto& A = world::kFigaroAreas;
    const auto& I = world::kFigaroIndustries;
    std::string out = "rowLabels";
    for (const auto& a : A)
      for (const auto& i : I) out += "," + a + "_" + i;
    for (const auto& a : A)
      for (const auto& k : world::kFigaroFd) out += "," + a + "_" + k;
    out += "\n";
    for (std::size_t a = 0; a < G; ++a)
      for (std::size_t s = 0; s < N; ++s) {
        out += A[a] + "_" + I[s];
        for (std::size_t b = 0; b < G; ++b)
          for (std::size_t u = 0; u < N; ++u) put(out, z(a, s, b, u));
        for (std::size_t b = 0; b < G; ++b)
          for (std::size_t k = 0; k < K; ++k) put(out, y(a, s, b, k));
        out += "\n";
      }
    for (std::size_t v = 0; v < 4; ++v) {
      out += "W2_" + world::kFigaroVa[v];
      for (std::size_t b = 0; b < G; ++b)
        for (std::size_t u = 0; u < N; ++u) put(out, va(v, b, u));
      for (std::size_t b = 0; b < G * K; ++b) put(out, v == 1 ? 0.1 : 0.0);
      out += "\n";
    }
    return out;
  }();
  return text;
}

/// The flat file (product by product), nonzero cells only.
std::string flat_text() {
  const auto& A = world::kFigaroAreas;
  const auto& I = world::kFigaroIndustries;
  std::string out = "icioParam,refArea,rowPi,counterpartArea,colPi,obsValue\n";
  auto line = [&](const std::string& ra, const std::string& rp, const std::string& ca, const std::string& cp,
                  double v) {
    if (v == 0) return;
    out += "PXP," + ra + "," + rp + "," + ca + "," + cp;
    put(out, v);
    out += "\n";
  };
  for (std::size_t a = 0; a < G; ++a)
    for (std::size_t s = 0; s < N; ++s) {
      for (std::size_t b = 0; b < G; ++b) {
        line(A[a], "CPA_" + I[s], A[b], "CPA_" + I[s], z(a, s, b, s));
        for (std::size_t k = 0; k < K; ++k) line(A[a], "CPA_" + I[s], A[b], world::kFigaroFd[k], y(a, s, b, k));
      }
    }
  for (std::size_t v = 0; v < 4; ++v)
    for (std::size_t b = 0; b < G; ++b)
      for (std::size_t u = 0; u < N; ++u) line("W2", world::kFigaroVa[v], A[b], "CPA_" + I[u], va(v, b, u));
  return out;
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const auto p = s.find(from);
  BOOST_REQUIRE(p != std::string::npos);
  return s.replace(p, from.size(), to);
}

bool has_note(const io::WorldImport& w, const std::string& part) {
  for (const auto& n : w.notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_figaro)

BOOST_AUTO_TEST_CASE(matrix_file_industry_by_industry) {
  TempDir d;
  const std::string f = d.write("matrix_eu-ic-io_ind-by-ind_23ed_2021.csv", matrix_text());
  const io::WorldImport w = io::import_figaro(f);
  const auto& t = w.table;
  BOOST_TEST(t.labels.regions == world::kFigaroAreas);
  BOOST_TEST(t.labels.sectors == world::kFigaroIndustries);  // C31_32, J59_60 split at the first '_'
  BOOST_TEST(t.labels.fd_categories == world::kFigaroFd);
  BOOST_TEST(t.va_components == world::kFigaroVa);
  BOOST_TEST(t.meta.year == "2021");
  BOOST_TEST(t.meta.unit == "EUR million");
  const std::size_t de = 11, c20 = 10, i = de * N + c20;
  BOOST_TEST(t.x(static_cast<Eigen::Index>(i)) == x(de, c20));
  BOOST_TEST(t.Z.coeff(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(i)) == z(de, c20, de, c20));
  BOOST_TEST(t.Y(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(de * K + 4)) == -0.5);
  // The value-added rows close the columns: x = 1'Z + 1'V.
  const irio::tables::Vector resid = t.x - (irio::tables::Vector::Ones(t.Z.rows()).transpose() * t.Z).transpose() -
                                     t.V.colwise().sum().transpose();
  BOOST_TEST(resid.cwiseAbs().maxCoeff() < 1e-9);
  BOOST_TEST(has_note(w, "industry-by-industry matrix file, 46 areas x 64 industries"));
  BOOST_TEST(has_note(w, "taxes on final products, 23)"));  // 0.1 x 46 x 5
}

BOOST_AUTO_TEST_CASE(flat_file_product_by_product_gives_the_same_table) {
  TempDir d;
  const std::string flat = d.write("flatfile_eu-ic-io_prod-by-prod_23ed_2021.csv", flat_text());
  const io::WorldImport w = io::import_figaro(flat);
  const auto& t = w.table;
  BOOST_TEST(t.labels.num_regions() == G);
  BOOST_TEST(t.labels.sectors[21] == "CPA_C31_32");
  BOOST_TEST(t.labels.fd_categories == world::kFigaroFd);
  BOOST_TEST(has_note(w, "product-by-product flat file"));
  const auto m = io::import_figaro(d.write("matrix_2021.csv", matrix_text())).table;
  BOOST_TEST((t.x - m.x).cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST((t.V - m.V).cwiseAbs().maxCoeff() < 1e-9);
}

BOOST_AUTO_TEST_CASE(malformed_files_name_the_row_or_column) {
  TempDir d;
  {
    const std::string f = d.write("fd.csv", replace_once(matrix_text(), ",AT_P3_S14,", ",AT_P3_S41,"));
    check_error<InputError>([&] { io::import_figaro(f); }, {"fd.csv:", "'AT_P3_S41'", "final-demand code", "'P3_S14'"});
  }
  {
    const std::string& m = matrix_text();
    const auto a = m.find("\nDE_C20,");
    const auto b = m.find('\n', a + 1);
    const std::string f = d.write("row.csv", m.substr(0, a) + m.substr(b));
    check_error<InputError>([&] { io::import_figaro(f); }, {"row.csv", "no row 'DE_C20'"});
  }
  {
    const std::string f = d.write("flat.csv", replace_once(flat_text(), "obsValue", "OBS_VALUE"));
    check_error<InputError>([&] { io::import_figaro(f); }, {"flat.csv:1:", "no column 'obsValue'", "'OBS_VALUE'"});
  }
}

BOOST_AUTO_TEST_SUITE_END()
