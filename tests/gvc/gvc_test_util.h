// SPDX-License-Identifier: MIT
// Helpers of the gvc suite: dense oracles (tiny tables only), CSV readers for the decompr
// outputs, the methods.md §7.5/§7.6 constructed tables, and a loader for the WIOD 2013 gz CSVs.
#pragma once

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "../test_util.h"
#include "irio/solver/leontief_model.h"
#include "irio/tables/tidy_table.h"

// LAPACK's general solve (OpenBLAS on Debian), for dense_leontief below.
extern "C" void dgesv_(const int* n, const int* nrhs, double* a, const int* lda, int* ipiv, double* b, const int* ldb,
                       int* info);

namespace irio::testing {

using tables::Matrix;
using tables::Vector;
using Index = Eigen::Index;

/// Every row of a §6.2 diagnostics table passes (column 3 "true"); `what` names the run.
inline void check_identities_pass(const tables::TidyTable& d, const std::string& what) {
  BOOST_CHECK_MESSAGE(d.num_rows() > 0, what << ": no diagnostics");
  for (std::size_t i = 0; i < d.num_rows(); ++i)
    BOOST_CHECK_MESSAGE(d.key(3, i) == "true", what << ": " << d.key(0, i) << " [" << d.key(1, i) << "] residual "
                                                    << d.value(i) << " > " << d.key(2, i));
}

/// Dense (I - M)^{-1}: test oracle only (never in solver/). LAPACK's dgesv rather than Eigen's LU:
/// the same partial-pivoting algorithm, but the library is not instrumented, so under the
/// sanitizers the WIOD-size oracles (n = 1435, 8 GFLOP each) take a second instead of a minute.
inline Matrix dense_leontief(const Matrix& A) {
  const int n = static_cast<int>(A.rows());
  Matrix M = Matrix::Identity(n, n) - A;
  Matrix X = Matrix::Identity(n, n);
  std::vector<int> ipiv(static_cast<std::size_t>(n));
  int info = 0;
  if (n > 0) dgesv_(&n, &n, M.data(), &n, ipiv.data(), X.data(), &n, &info);
  BOOST_REQUIRE_MESSAGE(info == 0, "dense_leontief: dgesv info " << info << " (I - A singular?)");
  return X;
}

/// |a - b| <= rel * max(|a|, |b|, floor).
inline bool close(double a, double b, double rel, double floor = 1.0) {
  return std::abs(a - b) <= rel * std::max({std::abs(a), std::abs(b), floor});
}

#define GVC_CHECK_CLOSE(a, b, rel)                             \
  BOOST_CHECK_MESSAGE(::irio::testing::close((a), (b), (rel)), \
                      #a " = " << (a) << " vs " #b " = " << (b) << " (rel " << (rel) << ")")

/// Split a CSV line (double quotes allowed, no embedded commas in quoted fields needed here).
inline std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool q = false;
  for (char ch : line) {
    if (ch == '"') q = !q;
    else if (ch == ',' && !q) {
      out.push_back(cur);
      cur.clear();
    } else if (ch != '\r') cur += ch;
  }
  out.push_back(cur);
  return out;
}

/// A CSV file as header + rows of strings.
struct Csv {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  int col(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    BOOST_FAIL("column " << name << " not found");
    return -1;
  }
  double num(std::size_t row, const std::string& name) const {
    return std::stod(rows[row][static_cast<std::size_t>(col(name))]);
  }
};

inline Csv read_csv_stream(std::istream& in) {
  Csv c;
  std::string line;
  if (std::getline(in, line)) c.header = split_csv(line);
  while (std::getline(in, line))
    if (!line.empty()) c.rows.push_back(split_csv(line));
  return c;
}

inline Csv read_csv(const std::string& path) {
  std::ifstream f(path);
  BOOST_REQUIRE_MESSAGE(f.good(), "cannot open " << path);
  return read_csv_stream(f);
}

inline std::string decompr(const std::string& file) {
  return validation_data("decompr_leather/decompr_outputs/" + file);
}

/// decompr country names -> the fixture's region codes.
inline std::string leather_code(const std::string& country) {
  if (country == "Argentina") return "ARG";
  if (country == "Turkey") return "TUR";
  if (country == "Germany") return "DEU";
  return country;
}
inline std::string leather_sector(const std::string& s) {
  if (s == "Textile_and_Leather") return "Textile";
  if (s == "Transport_Equipment") return "Transport";
  return s;
}

/// methods.md §7.6: CN = provinces P1, P2; RW; N = 2.
inline tables::IoTable provincial_7_6() {
  Matrix Z(6, 6), Y(6, 3);
  Z << 20, 10, 6, 4, 3, 2, 8, 25, 5, 7, 2, 4, 4, 3, 30, 12, 5, 3, 2, 6, 9, 22, 1, 6, 3, 2, 4, 3, 60, 30, 2, 4, 3, 5, 25,
      70;
  Y << 40, 8, 10, 35, 6, 12, 7, 50, 14, 5, 45, 9, 6, 5, 150, 4, 6, 160;
  return make_table(Z, Y, {"P1", "P2", "RW"}, {"a", "b"}, {"CN", "RW"}, {0, 0, 1});
}

/// methods.md §7.5 / §6.1: leather with ARG split into two provinces (alpha = 0.4 / 0.6);
/// regions ARG1, TUR, DEU, ARG2 with kappa = (0, 1, 2, 0).
inline tables::IoTable leather_split(double alpha = 0.4) {
  const tables::IoTable base = leather();
  const Matrix Z0 = Matrix(base.Z), Y0 = base.Y;
  const int N = 3, G = 4;
  const int orig[] = {0, 1, 2, 0};
  const double w[] = {alpha, 1.0, 1.0, 1.0 - alpha};
  Matrix Z(G * N, G * N), Y(G * N, G);
  for (int p = 0; p < G; ++p)
    for (int i = 0; i < N; ++i) {
      for (int q = 0; q < G; ++q) {
        for (int j = 0; j < N; ++j) Z(p * N + i, q * N + j) = Z0(orig[p] * N + i, orig[q] * N + j) * w[p] * w[q];
        Y(p * N + i, q) = Y0(orig[p] * N + i, orig[q]) * w[p] * w[q];
      }
    }
  return make_table(Z, Y, {"ARG1", "TUR", "DEU", "ARG2"}, {"Agriculture", "Textile", "Transport"},
                    {"ARG", "TUR", "DEU"}, {0, 1, 2, 0});
}

/// Read a gz CSV with a header row and a label column into a dense matrix (through gzip -dc,
/// so that the gvc suite needs no zlib link).
inline Matrix read_gz_matrix(const std::string& path, std::vector<std::string>* row_labels = nullptr,
                             std::vector<std::string>* col_labels = nullptr) {
  const std::string cmd = "gzip -dc '" + path + "'";
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
  BOOST_REQUIRE_MESSAGE(p, "cannot run " << cmd);
  std::string text;
  char buf[1 << 16];
  std::size_t k;
  while ((k = std::fread(buf, 1, sizeof buf, p.get())) > 0) text.append(buf, k);
  std::istringstream in(text);
  Csv c = read_csv_stream(in);
  BOOST_REQUIRE(!c.rows.empty());
  Matrix M(static_cast<Eigen::Index>(c.rows.size()), static_cast<Eigen::Index>(c.header.size() - 1));
  for (std::size_t r = 0; r < c.rows.size(); ++r) {
    if (row_labels) row_labels->push_back(c.rows[r][0]);
    for (std::size_t j = 1; j < c.header.size(); ++j)
      M(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(j - 1)) = std::strtod(c.rows[r][j].c_str(), nullptr);
  }
  if (col_labels) col_labels->assign(c.header.begin() + 1, c.header.end());
  return M;
}

/// WIOD 2013 release, year `year` (41 regions x 35 sectors, 5 final-demand categories). x is
/// left empty (x = row sums) so that the identities are exact on the rounded data. With
/// `group_eu`, the 27 EU members form one country "EU27" (countries.csv, column group).
inline tables::IoTable wiod(const std::string& year, bool group_eu) {
  const std::string dir = test_data("wiod2013/");
  tables::IoTable t;
  Csv countries = read_csv(dir + "countries.csv");
  Csv sectors = read_csv(dir + "sectors.csv");
  Csv fd = read_csv(dir + "final_demand.csv");
  for (auto& r : countries.rows) t.labels.regions.push_back(r[0]);
  for (auto& r : sectors.rows) t.labels.sectors.push_back(r[0]);
  for (auto& r : fd.rows) t.labels.fd_categories.push_back(r[0]);
  if (!group_eu) {
    t.labels.set_each_region_own_country();
  } else {
    for (auto& r : countries.rows) {
      const std::string c = r.size() > 2 && !r[2].empty() ? r[2] : r[0];
      int idx = tables::Labels::find(t.labels.countries, c);
      if (idx < 0) {
        idx = static_cast<int>(t.labels.countries.size());
        t.labels.countries.push_back(c);
      }
      t.labels.country_of_region.push_back(idx);
    }
  }
  Matrix Z = read_gz_matrix(dir + "wiot_" + year + "_Z.csv.gz");
  std::vector<std::string> fd_cols;
  t.Y = read_gz_matrix(dir + "wiot_" + year + "_F.csv.gz", nullptr, &fd_cols);
  BOOST_REQUIRE_EQUAL(fd_cols.size(), t.num_fd_columns());
  BOOST_REQUIRE_EQUAL(fd_cols[1], t.labels.regions[0] + "_" + t.labels.fd_categories[1]);
  BOOST_REQUIRE_EQUAL(fd_cols.back(), t.labels.regions.back() + "_" + t.labels.fd_categories.back());
  // Sectors with published output 0 keep integer-rounding residue in their rows (e.g. a -1
  // inventory change of LUX c5 in 2011): zero those rows so that x = Z 1 + Y 1 >= 0.
  const Csv xs = read_csv(dir + "wiot_" + year + "_x.csv");
  BOOST_REQUIRE_EQUAL(xs.rows.size(), t.labels.size());
  for (std::size_t i = 0; i < xs.rows.size(); ++i)
    if (std::stod(xs.rows[i][1]) == 0.0) {
      Z.row(static_cast<Eigen::Index>(i)).setZero();
      t.Y.row(static_cast<Eigen::Index>(i)).setZero();
    }
  BOOST_REQUIRE_EQUAL(Z.rows(), static_cast<Eigen::Index>(t.labels.size()));
  BOOST_REQUIRE_EQUAL(t.Y.cols(), static_cast<Eigen::Index>(t.num_fd_columns()));
  t.Z = Z.sparseView();
  t.V.resize(0, Z.cols());
  t.meta.name = "wiod" + year;
  return t;
}

}  // namespace irio::testing
