// SPDX-License-Identifier: MIT
// Structural decomposition for dual circulation (methods.md §10.4): the final-demand effect split
// by category and by destination (domestic final demand vs exports), the consumption-based
// footprint by destination, tidy keys (region, sector), the report's section titled by years, and
// `irio sda` naming the first label where two tables differ. Checked against an explicit average
// over all k! orders of change (std::next_permutation) with dense inverses, here independent of
// solver::average_over_orders.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <functional>
#include <numeric>
#include <random>

#include "irio/analysis/analysis.h"
#include "irio/analysis/regional.h"
#include "irio/analysis/table_jobs.h"
#include "irio/io/table_store.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace {

using irio::tables::Matrix;
using irio::tables::Vector;
using Index = Eigen::Index;

bool contains(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

/// Three provinces of one country, two sectors, two final-demand categories (hh, gfcf), an export
/// column, an import row and a CO2 satellite; seeded, a different draw per year.
irio::tables::IoTable provinces(unsigned seed, const std::string& year) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.5, 1.5);
  const Index n = 6;
  Matrix Z(n, n), Y(n, 6), E(n, 1);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < n; ++j) Z(i, j) = (i / 2 == j / 2 ? 8.0 : 2.0) * u(rng);
  for (Index i = 0; i < n; ++i) {
    for (Index c = 0; c < 6; ++c) Y(i, c) = (i / 2 == c / 2 ? 30.0 : 4.0) * u(rng);
    E(i, 0) = 10.0 * u(rng);
  }
  auto t = irio::testing::make_table(Z, Y, {"Beijing", "Hebei", "Tianjin"}, {"AGR", "IND"}, {"CHN"}, {0, 0, 0});
  t.labels.fd_categories = {"hh", "gfcf"};
  t.export_labels = {"EX"};
  t.exports = E;
  t.import_labels = {"IM"};
  t.imports = Matrix(1, n);
  for (Index j = 0; j < n; ++j) t.imports(0, j) = 3.0 * u(rng);
  irio::tables::Satellite s;
  s.name = "CO2";
  s.stressors = {"CO2"};
  s.units = {"Mt"};
  s.F = Matrix(1, n);
  for (Index j = 0; j < n; ++j) s.F(0, j) = 5.0 * u(rng);
  t.satellites.push_back(s);
  t.meta.year = year;
  return t;
}

/// The average over all k! orders of change, by std::next_permutation: q(at1) with factor j at its
/// year-1 value where at1[j] = 1; column j of the result is factor j's part.
Matrix all_orders(int k, const std::function<Vector(const std::vector<int>&)>& q, Index rows) {
  std::vector<int> order(static_cast<std::size_t>(k));
  std::iota(order.begin(), order.end(), 0);
  Matrix parts = Matrix::Zero(rows, k);
  int count = 0;
  do {
    std::vector<int> at1(static_cast<std::size_t>(k), 0);
    Vector before = q(at1);
    for (int f : order) {
      at1[static_cast<std::size_t>(f)] = 1;
      const Vector after = q(at1);
      parts.col(f) += after - before;
      before = after;
    }
    ++count;
  } while (std::next_permutation(order.begin(), order.end()));
  return parts / count;
}

Matrix dense_inverse(const irio::solver::LeontiefModel& m) {
  const Index n = m.n();
  return (Matrix::Identity(n, n) - Matrix(m.A())).partialPivLu().solve(Matrix::Identity(n, n));
}

/// Final demand by category summed over destination regions (hh, gfcf), then the export column.
Matrix by_category(const irio::tables::IoTable& t) {
  Matrix Y(6, 3);
  Y.col(0) = t.Y.col(0) + t.Y.col(2) + t.Y.col(4);
  Y.col(1) = t.Y.col(1) + t.Y.col(3) + t.Y.col(5);
  Y.col(2) = t.exports.col(0);
  return Y;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sda_split)

BOOST_AUTO_TEST_CASE(final_demand_by_category_and_destination_against_all_orders) {
  const irio::Analysis a0(provinces(1, "2012")), a1(provinces(2, "2017"));
  const std::array<const irio::solver::LeontiefModel*, 2> m{&a0.model(), &a1.model()};
  const std::array<Matrix, 2> L{dense_inverse(*m[0]), dense_inverse(*m[1])};
  const std::array<Vector, 2> v{m[0]->v(), m[1]->v()};
  const std::array<Matrix, 2> Yc{by_category(a0.table()), by_category(a1.table())};
  // Factors: technology (0), hh (1), gfcf (2), exports (3), value-added coefficients (4).
  const Matrix ref = all_orders(
      5,
      [&](const std::vector<int>& at1) {
        Vector y = Vector::Zero(6);
        for (int c = 0; c < 3; ++c) y += Yc[static_cast<std::size_t>(at1[static_cast<std::size_t>(c + 1)])].col(c);
        return Vector(v[static_cast<std::size_t>(at1[4])].cwiseProduct(L[static_cast<std::size_t>(at1[0])] * y));
      },
      6);
  irio::SdaRequest req;
  req.quantity = "value_added";
  req.fd_split = irio::SdaFinalDemandSplit::kCategory;
  const auto r = irio::sda(a0, a1, req);
  BOOST_REQUIRE_EQUAL(r.decompositions.size(), 1u);
  const auto& d = r.decompositions[0];
  const std::vector<std::string> factors{"technology", "fd_hh", "fd_gfcf", "fd_EX", "va_coefficients"};
  BOOST_CHECK(d.factors == factors);
  const double scale = d.q1.cwiseAbs().maxCoeff();
  BOOST_CHECK_SMALL((d.parts - ref).cwiseAbs().maxCoeff() / scale, 1e-12);
  BOOST_CHECK_SMALL((d.parts.rowwise().sum() - (d.q1 - d.q0)).cwiseAbs().maxCoeff() / scale, 1e-12);
  // The tidy table: region and sector columns, a region-sector's part as the oracle's.
  const auto& t = r.tables.front();
  BOOST_CHECK(t.key_columns() == (std::vector<std::string>{"quantity", "scope", "region", "sector", "factor"}));
  BOOST_CHECK_CLOSE(t.find({"value_added", "region_sector", "Hebei", "IND", "fd_EX"}), ref(3, 3), 1e-9);
  BOOST_CHECK_CLOSE(t.find({"value_added", "region", "Hebei", "(all)", "fd_hh"}), ref(2, 1) + ref(3, 1), 1e-9);
  BOOST_CHECK_CLOSE(t.find({"value_added", "total", "all", "(all)", "change"}), d.q1.sum() - d.q0.sum(), 1e-9);

  // By destination: domestic final demand (both categories) and exports; output has no intensity.
  const Matrix ref_dest = all_orders(
      3,
      [&](const std::vector<int>& at1) {
        const auto& dom = Yc[static_cast<std::size_t>(at1[1])];
        const Vector y = dom.col(0) + dom.col(1) + Yc[static_cast<std::size_t>(at1[2])].col(2);
        return Vector(L[static_cast<std::size_t>(at1[0])] * y);
      },
      6);
  req.quantity = "output";
  req.fd_split = irio::SdaFinalDemandSplit::kDestination;
  const auto rd = irio::sda(a0, a1, req);
  const auto& dd = rd.decompositions[0];
  BOOST_CHECK(dd.factors == (std::vector<std::string>{"technology", "fd_domestic", "fd_exports"}));
  BOOST_CHECK_SMALL((dd.parts - ref_dest).cwiseAbs().maxCoeff() / dd.q1.cwiseAbs().maxCoeff(), 1e-12);
  // Not for participation (the chain numerators are not linear in one final-demand vector).
  req.quantity = "participation";
  BOOST_CHECK_THROW(irio::sda(a0, a1, req), irio::InputError);
}

BOOST_AUTO_TEST_CASE(consumption_based_footprint_by_destination_against_all_orders) {
  const irio::Analysis a0(provinces(3, "2012")), a1(provinces(4, "2017"));
  const std::array<const irio::solver::LeontiefModel*, 2> m{&a0.model(), &a1.model()};
  const std::array<Matrix, 2> L{dense_inverse(*m[0]), dense_inverse(*m[1])};
  std::array<Vector, 2> e;
  std::array<Matrix, 2> Yd;  // destinations: the three provinces, then exports
  std::array<double, 2> s{};
  for (std::size_t t = 0; t < 2; ++t) {
    const auto& tab = t == 0 ? a0.table() : a1.table();
    e[t] = tab.satellites[0].F.row(0).transpose().cwiseQuotient(tab.output());
    Yd[t] = Matrix(6, 4);
    Yd[t] << tab.final_demand_by_region(), tab.exports;
    s[t] = Yd[t].sum();
  }
  // Factors: technology, level, mix, intensity.
  const Matrix ref = all_orders(
      4,
      [&](const std::vector<int>& at1) {
        const auto T = static_cast<std::size_t>(at1[0]), lv = static_cast<std::size_t>(at1[1]),
                   mx = static_cast<std::size_t>(at1[2]), in = static_cast<std::size_t>(at1[3]);
        return Vector((e[in].transpose() * L[T] * (s[lv] * Yd[mx] / s[mx])).transpose());
      },
      4);
  irio::SdaRequest req;
  req.quantity = "footprint_cba:CO2";
  const auto r = irio::sda(a0, a1, req);
  BOOST_REQUIRE_EQUAL(r.quantities.size(), 1u);
  BOOST_CHECK_EQUAL(r.quantities[0], "cba:CO2/CO2");
  const auto& d = r.decompositions[0];
  BOOST_CHECK_SMALL((d.parts - ref).cwiseAbs().maxCoeff() / d.q1.cwiseAbs().maxCoeff(), 1e-12);
  // q1 is the consumption-based account S L y_d (without final demand's own emissions).
  const Vector q1 = (e[1].transpose() * L[1] * Yd[1]).transpose();
  BOOST_CHECK_SMALL((d.q1 - q1).cwiseAbs().maxCoeff() / q1.cwiseAbs().maxCoeff(), 1e-12);
  const auto& t = r.tables.front();
  BOOST_CHECK_CLOSE(t.find({"cba:CO2/CO2", "region", "Tianjin", "(all)", "technology"}), ref(2, 0), 1e-9);
  BOOST_CHECK_CLOSE(t.find({"cba:CO2/CO2", "abroad", "exports", "(all)", "fd_mix"}), ref(3, 2), 1e-9);
  BOOST_CHECK_CLOSE(t.find({"cba:CO2/CO2", "total", "all", "(all)", "change"}), q1.sum() - d.q0.sum(), 1e-9);
}

BOOST_FIXTURE_TEST_CASE(cli_tidy_keys_labels_and_report_title, CliDir) {
  irio::io::write_table(provinces(1, "2012"), file("t0.h5"));
  irio::io::write_table(provinces(2, "2017"), file("t1.h5"));
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("sda t0.h5 t1.h5 --fd-split destination -o s.csv", out) == 0, out);
  const std::string s = read("s.csv");
  BOOST_CHECK_MESSAGE(s.rfind("quantity,scope,region,sector,factor,value\n", 0) == 0, s.substr(0, 200));
  BOOST_CHECK(contains(s, "\nvalue_added,region_sector,Beijing,AGR,fd_domestic,"));
  BOOST_CHECK(contains(s, "\nvalue_added,total,all,(all),fd_exports,"));
  BOOST_CHECK(!contains(s, "Beijing/AGR"));
  BOOST_CHECK_MESSAGE(contains(out, "fd_exports"), out);
  BOOST_REQUIRE_MESSAGE(run("sda t0.h5 t1.h5 --quantity footprint_cba:CO2 -o c.csv", out) == 0, out);
  BOOST_CHECK(contains(read("c.csv"), "\ncba:CO2/CO2,abroad,exports,(all),fd_level,"));
  BOOST_CHECK_EQUAL(run("sda t0.h5 t1.h5 --quantity participation --fd-split category -o p.csv", out), 2);

  // Two tables whose second sector differs: the message names it.
  auto other = provinces(2, "2017");
  other.labels.sectors = {"AGR", "MAN"};
  irio::io::write_table(other, file("t2.h5"));
  BOOST_CHECK_EQUAL(run("sda t0.h5 t2.h5 -o bad.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "sector 2 is 'IND' in the first table and 'MAN' in the second"), out);

  // The report's SDA section is titled by the tables' years, not their file names.
  std::ofstream(file("g.csv")) << "member,group\nBeijing,North\nHebei,North\nTianjin,South\n";
  BOOST_REQUIRE_MESSAGE(run("report t1.h5 --groups g.csv --compare t0.h5 -q -o r.html", out) == 0, out);
  const std::string html = read("r.html");
  BOOST_CHECK(contains(html, "Change from 2012 to 2017"));
  BOOST_CHECK(!contains(html, "Change from t0.h5"));
}

BOOST_AUTO_TEST_SUITE_END()
