// SPDX-License-Identifier: MIT
// Three-level production decomposition (methods.md §5.2): §7.4 WWYZ values on leather, §7.6 values,
// §7.5 proportional-split invariance, a dense (5.1) oracle and the §6.2 identities 20-21.
#include <random>

#include "gvc_test_util.h"
#include "irio/solver/gvc/production.h"
#include "irio/solver/gvc/production_groups.h"
#include "irio/tables/error.h"

namespace irio::testing {
namespace gvc = solver::gvc;
using solver::LeontiefModel;
using solver::Perimeter;

namespace {

/// Dense reference of (5.1): returns n x 7 forward (row sums) and backward (column sums).
void dense_three_level(const LeontiefModel& m, Matrix& Fw, Matrix& Bw) {
  const Index n = m.n();
  const Matrix A = Matrix(m.A());
  const Matrix A_R = Matrix(m.A_within(Perimeter::kRegion)), A_C = Matrix(m.A_within(Perimeter::kCountry));
  const Matrix A_N = A_C - A_R, A_F = A - A_C;
  const Matrix L = dense_leontief(A), LR = dense_leontief(A_R), LC = dense_leontief(A_C);
  const auto& lab = m.labels();
  const Matrix Yd = m.table().final_demand_by_region();
  const Index N = m.num_sectors();
  Vector yR = Vector::Zero(n), yN = Vector::Zero(n), yF = Vector::Zero(n);
  for (Index i = 0; i < n; ++i)
    for (Index t = 0; t < Yd.cols(); ++t) {
      const auto r = static_cast<std::size_t>(i / N);
      if (static_cast<std::size_t>(t) == r) yR(i) += Yd(i, t);
      else if (lab.country_of_region[static_cast<std::size_t>(t)] == lab.country_of_region[r]) yN(i) += Yd(i, t);
      else yF(i) += Yd(i, t);
    }
  const Vector yC = yR + yN, y = yC + yF;
  const auto V = m.v().asDiagonal();
  std::vector<Matrix> T{V * LR * yR.asDiagonal(),
                        V * LR * yN.asDiagonal(),
                        V * LR * A_N * LR * yR.asDiagonal(),
                        V * LR * A_N * (LC * yC.asDiagonal() - LR * yR.asDiagonal()),
                        V * LC * yF.asDiagonal(),
                        V * LC * A_F * LC * yC.asDiagonal(),
                        V * LC * A_F * (L * y.asDiagonal() - LC * yC.asDiagonal())};
  Fw.resize(n, 7);
  Bw.resize(n, 7);
  for (int k = 0; k < 7; ++k) {
    Fw.col(k) = T[static_cast<std::size_t>(k)].rowwise().sum();
    Bw.col(k) = T[static_cast<std::size_t>(k)].colwise().sum().transpose();
  }
}

void check_against_dense(const tables::IoTable& t, double rel, solver::ModelOptions mo = {},
                         bool identities_hold = true) {
  LeontiefModel m(t, mo);
  const auto r = gvc::three_level_decomposition(m);
  Matrix Fw, Bw;
  dense_three_level(m, Fw, Bw);
  const double scale = std::max(1.0, m.va().cwiseAbs().maxCoeff());
  BOOST_CHECK_SMALL((r.forward.leftCols(7) - Fw).cwiseAbs().maxCoeff() / scale, rel);
  BOOST_CHECK_SMALL((r.backward.leftCols(7) - Bw).cwiseAbs().maxCoeff() / scale, rel);
  for (std::size_t i = 0; i < r.diagnostics.num_rows(); ++i) {
    const bool pass = r.diagnostics.key(3, i) == "true";
    if (identities_hold) {
      BOOST_CHECK_MESSAGE(pass, r.diagnostics.key(0, i) << ": residual " << r.diagnostics.value(i));
    } else if (r.diagnostics.key(0, i) == "3: v'L = 1' (1.1)") {
      BOOST_CHECK_MESSAGE(!pass, "supplied value added: (1.1) must be reported as failing");
      BOOST_CHECK_GT(r.diagnostics.value(i), 0.05);
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(production)

BOOST_AUTO_TEST_CASE(leather_equals_wwyz_values_7_4) {
  const auto t = leather();
  LeontiefModel m(t);
  const auto r = gvc::three_level_decomposition(m);
  // Country table: the national terms vanish (§5.2 property 2).
  BOOST_CHECK_SMALL(r.forward.middleCols(1, 3).cwiseAbs().maxCoeff(), 1e-13);
  BOOST_CHECK_SMALL(r.backward.middleCols(1, 3).cwiseAbs().maxCoeff(), 1e-13);
  const double fwd0[] = {21.121962, 13.158495, 8.200036, 9.819507};
  const double fwd8[] = {33.595206, 28.188649, 4.239635, 4.476509};
  const double bwd0[] = {19.099965, 12.881372, 1.809611, 2.209052};
  const int cols[] = {gvc::kLoc, gvc::kRt, gvc::kGvcS, gvc::kGvcC};
  for (int k = 0; k < 4; ++k) {
    GVC_CHECK_CLOSE(r.forward(0, cols[k]), fwd0[k], 1e-6);
    GVC_CHECK_CLOSE(r.forward(8, cols[k]), fwd8[k], 1e-6);
    GVC_CHECK_CLOSE(r.backward(0, cols[k]), bwd0[k], 1e-6);
  }
  const double pf[] = {0.344542, 0.451661, 0.122395, 0.317087, 0.375487, 0.142904, 0.134371, 0.168844, 0.123633};
  const double pb[] = {0.111630, 0.243180, 0.325274, 0.183676, 0.209629, 0.345221, 0.162717, 0.190890, 0.366404};
  for (std::size_t i = 0; i < 9; ++i) {
    const std::string reg = t.labels.region_of(i), sec = t.labels.sector_of(i);
    GVC_CHECK_CLOSE(r.participation.find({"region_sector", reg, sec, "gvc_forward"}), pf[i], 2e-6);
    GVC_CHECK_CLOSE(r.participation.find({"region_sector", reg, sec, "gvc_backward"}), pb[i], 2e-6);
  }
  // Region aggregate is a ratio of sums, not an average of ratios.
  const double num = r.forward.block(0, gvc::kGvcS, 3, 2).sum();
  GVC_CHECK_CLOSE(r.participation.find({"region", "ARG", "all", "gvc_forward"}), num / m.va().head(3).sum(), 1e-13);
  GVC_CHECK_CLOSE(r.terms.find({"ARG", "Agriculture", "forward", "GVC_S", "ok"}), 8.200036, 1e-6);
  check_against_dense(t, 1e-13);
}

BOOST_AUTO_TEST_CASE(provincial_values_7_6) {
  const auto t = provincial_7_6();
  LeontiefModel m(t);
  const auto r = gvc::three_level_decomposition(m);
  const double fwd[6][7] = {{34.682723, 6.837734, 5.335163, 1.285330, 10.441582, 4.703831, 0.713637},
                            {26.887448, 4.685503, 5.350357, 1.286681, 10.380485, 4.698851, 0.710676},
                            {41.488911, 5.670446, 3.120546, 1.257650, 12.294407, 6.223489, 0.944550},
                            {31.487665, 3.582856, 2.798534, 1.151549, 7.541963, 4.724603, 0.712829},
                            {144.853276, 0, 0, 0, 10.414209, 8.625768, 3.106746},
                            {142.565924, 0, 0, 0, 9.070231, 9.067616, 3.296230}};
  for (int i = 0; i < 6; ++i)
    for (int k = 0; k < 7; ++k) GVC_CHECK_CLOSE(r.forward(i, k), fwd[i][k], 1e-6);
  const double bwd[] = {33.892234, 6.778447, 2.606957, 1.020772, 9.228835, 3.436726, 1.036028};
  for (int k = 0; k < 7; ++k) GVC_CHECK_CLOSE(r.backward(0, k), bwd[k], 1e-6);
  GVC_CHECK_CLOSE(r.backward.row(0).head(7).sum(), 58.0, 1e-12);
  GVC_CHECK_CLOSE(r.forward_split(0, gvc::kRtA), 8.991817, 1e-6);
  GVC_CHECK_CLOSE(r.forward_split(0, gvc::kRtB), 1.449765, 1e-6);
  GVC_CHECK_CLOSE(r.forward_split(0, gvc::kGvcSA), 3.903439, 1e-6);
  GVC_CHECK_CLOSE(r.forward_split(0, gvc::kGvcSB), 0.800392, 1e-6);
  GVC_CHECK_CLOSE(r.forward_split(0, gvc::kGvcCA), 0.592470, 1e-6);
  GVC_CHECK_CLOSE(r.forward_split(0, gvc::kGvcCB), 0.121167, 1e-6);
  const double nvc[] = {0.103445, 0.122908, 0.061665, 0.075963};
  const double gvcf[] = {0.084648, 0.100176, 0.100958, 0.104566, 0.070255, 0.075389};
  for (std::size_t i = 0; i < 6; ++i) {
    const std::string reg = t.labels.region_of(i), sec = t.labels.sector_of(i);
    if (i < 4) GVC_CHECK_CLOSE(r.participation.find({"region_sector", reg, sec, "nvc_forward"}), nvc[i], 2e-6);
    GVC_CHECK_CLOSE(r.participation.find({"region_sector", reg, sec, "gvc_forward"}), gvcf[i], 2e-6);
  }
  check_against_dense(t, 1e-13);
}

BOOST_AUTO_TEST_CASE(proportional_split_invariance_7_5) {
  const auto base = leather();
  const auto split = leather_split(0.4);
  LeontiefModel mb(base), ms(split);
  const auto rb = gvc::three_level_decomposition(mb);
  const auto rs = gvc::three_level_decomposition(ms);
  // Aggregate the split table's forward and backward terms to (country, sector).
  const int country_of_new[] = {0, 1, 2, 0};
  for (int dir = 0; dir < 2; ++dir) {
    const Matrix& S = dir == 0 ? rs.forward : rs.backward;
    const Matrix& Bm = dir == 0 ? rb.forward : rb.backward;
    Matrix agg = Matrix::Zero(9, 7);
    for (int p = 0; p < 4; ++p) agg.middleRows(country_of_new[p] * 3, 3) += S.block(p * 3, 0, 3, 7);
    Matrix want(9, 4), got(9, 4);
    want << Bm.col(gvc::kLoc), Bm.col(gvc::kRt), Bm.col(gvc::kGvcS), Bm.col(gvc::kGvcC);
    got << agg.leftCols(4).rowwise().sum(), agg.col(gvc::kRt), agg.col(gvc::kGvcS), agg.col(gvc::kGvcC);
    BOOST_CHECK_SMALL((want - got).cwiseAbs().maxCoeff(), 1e-12);
  }
  check_against_dense(split, 1e-13);
}

BOOST_AUTO_TEST_CASE(random_provincial_mrio_matches_dense) {
  // 3 countries: country 0 with 3 regions, country 1 with 2, country 2 with 1; N = 4.
  std::mt19937 gen;
  std::uniform_real_distribution<double> U(0.0, 1.0);
  const int G = 6, N = 4, n = G * N;
  Matrix Z(n, n), Y(n, G);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) Z(i, j) = (i / N == j / N ? 10.0 : 2.0) * U(gen);
    for (int r = 0; r < G; ++r) Y(i, r) = (i / N == r ? 40.0 : 5.0) * U(gen);
  }
  const auto t = make_table(Z, Y, {"a1", "a2", "a3", "b1", "b2", "c"}, {"s1", "s2", "s3", "s4"}, {"A", "B", "C"},
                            {0, 0, 0, 1, 1, 2});
  check_against_dense(t, 1e-12);
  // Supplied value added != column residual: v'L != 1', so the backward terms take the
  // global-solve path instead of the (1.1) closed form.
  auto ts = t;
  ts.va_components = {"va"};
  ts.V = (0.9 * ts.value_added_residual()).transpose();
  solver::ModelOptions mo;
  mo.va_mode = solver::ModelOptions::VaMode::kSupplied;
  check_against_dense(ts, 1e-12, mo, false);
}

BOOST_AUTO_TEST_CASE(complex_gvc_home_abroad_split_matches_dense) {
  // methods.md §4.1 optional split: the entries of v^ L_C A_F L y^_C with origin and producer in the
  // same country. 3 countries of 3, 2 and 1 regions, N = 3.
  std::mt19937 gen(7);
  std::uniform_real_distribution<double> U(0.0, 1.0);
  const int G = 6, N = 3, n = G * N;
  Matrix Z(n, n), Y(n, G);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) Z(i, j) = (i / N == j / N ? 10.0 : 2.0) * U(gen);
    for (int r = 0; r < G; ++r) Y(i, r) = (i / N == r ? 40.0 : 5.0) * U(gen);
  }
  const std::vector<int> country{0, 0, 0, 1, 1, 2};
  const auto t = make_table(Z, Y, {"a1", "a2", "a3", "b1", "b2", "c"}, {"s1", "s2", "s3"}, {"A", "B", "C"}, country);
  LeontiefModel m(t);
  gvc::ProductionOptions o;
  o.split_complex_gvc = true;
  const auto r = gvc::three_level_decomposition(m, o);
  const Matrix A = Matrix(m.A()), A_C = Matrix(m.A_within(Perimeter::kCountry)), A_F = A - A_C;
  const Matrix L = dense_leontief(A), LC = dense_leontief(A_C);
  Vector yC = Vector::Zero(n);
  for (int i = 0; i < n; ++i)
    for (int c = 0; c < G; ++c)
      if (country[static_cast<std::size_t>(c)] == country[static_cast<std::size_t>(i / N)]) yC(i) += Y(i, c);
  Matrix H = m.v().asDiagonal() * LC * A_F * L * yC.asDiagonal();
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      if (country[static_cast<std::size_t>(i / N)] != country[static_cast<std::size_t>(j / N)]) H(i, j) = 0.0;
  const double scale = m.va().cwiseAbs().maxCoeff();
  BOOST_CHECK_SMALL((r.forward_split.col(gvc::kGvcCHome) - H.rowwise().sum()).cwiseAbs().maxCoeff() / scale, 1e-12);
  BOOST_CHECK_SMALL(
      (r.backward_split.col(gvc::kGvcCHome) - H.colwise().sum().transpose()).cwiseAbs().maxCoeff() / scale, 1e-12);
  BOOST_CHECK_SMALL(
      (r.forward_split.col(gvc::kGvcCHome) + r.forward_split.col(gvc::kGvcCAbroad) - r.forward.col(gvc::kGvcC))
              .cwiseAbs()
              .maxCoeff() /
          scale,
      1e-12);
  BOOST_CHECK_GT(r.forward_split.col(gvc::kGvcCHome).sum(), 0.0);
  BOOST_CHECK_GT(r.forward_split.col(gvc::kGvcCAbroad).minCoeff(), 0.0);
  for (std::size_t i = 0; i < r.diagnostics.num_rows(); ++i)
    BOOST_CHECK_MESSAGE(r.diagnostics.key(3, i) == "true", r.diagnostics.key(0, i));
  // In the tidy table only when asked for.
  BOOST_CHECK(std::isfinite(r.terms.find({"a1", "s1", "forward", "GVC_C_home", "ok"})));
  const auto plain = gvc::three_level_decomposition(m);
  BOOST_CHECK(std::isnan(plain.terms.find({"a1", "s1", "forward", "GVC_C_home", "ok"})));
  BOOST_CHECK(std::isnan(plain.forward_split(0, gvc::kGvcCHome)));
}

BOOST_AUTO_TEST_CASE(groups_are_ratios_of_sums) {
  // Grouping the §7.6 provinces by country must reproduce the decomposition's own country-level
  // participation, and the identity grouping its region-level participation (ratios of sums).
  const auto t = provincial_7_6();
  LeontiefModel m(t);
  const auto d = gvc::three_level_decomposition(m);
  const auto by_country = tables::Grouping::from_pairs("country", {{"P1", "CN"}, {"P2", "CN"}, {"RW", "RW"}});
  const auto by_region = tables::Grouping::identity("region", t.labels.regions);
  for (const auto* g : {&by_country, &by_region}) {
    const auto gc = gvc::group_three_level(m, d, *g);
    for (std::size_t k = 0; k < gc.groups.size(); ++k)
      for (int c = 0; c < 4; ++c) {
        const double want = d.participation.find(
            {g->name(), gc.groups[k], "all", gvc::grouped_participation_names()[static_cast<std::size_t>(c)]});
        BOOST_CHECK_MESSAGE(
            std::abs(gc.participation(static_cast<Index>(k), c) - want) <= 1e-14 * std::max(1.0, std::abs(want)),
            g->name() << " " << gc.groups[k] << " " << c << ": " << gc.participation(static_cast<Index>(k), c) << " vs "
                      << want);
      }
    // Term sums over the groups equal the sums over all rows.
    BOOST_CHECK_SMALL((gc.forward.colwise().sum() - d.forward.colwise().sum()).leftCols(7).cwiseAbs().maxCoeff(),
                      1e-10);
  }
  auto terms = gvc::chains_by_group_table();
  auto part = gvc::participation_by_group_table();
  gvc::append_grouped(gvc::group_three_level(m, d, by_country), terms, part);
  BOOST_CHECK_EQUAL(part.num_rows(), 2u * 4u);
  // Every term but OTHER_FD, which is written only for tables with an ERR-type column.
  BOOST_CHECK_EQUAL(terms.num_rows(), 2u * 2u * static_cast<std::size_t>(gvc::kNumProductionTerms - 1));
  // A grouping that misses a region is an input error naming it.
  const auto partial = tables::Grouping::from_pairs("partial", {{"P1", "CN"}});
  BOOST_CHECK_THROW(gvc::group_three_level(m, d, partial), irio::InputError);
}

BOOST_AUTO_TEST_CASE(exogenous_rest_of_world) {
  // §7.6's CN block with RW made exogenous: exports = sales to RW, imports = RW's sales to CN.
  const auto full = provincial_7_6();
  const Matrix Zf = Matrix(full.Z);
  tables::IoTable t =
      make_table(Zf.topLeftCorner(4, 4), full.Y.topLeftCorner(4, 2), {"P1", "P2"}, {"a", "b"}, {"CN"}, {0, 0});
  t.export_labels = {"RW"};
  t.exports = Zf.block(0, 4, 4, 2).rowwise().sum() + full.Y.block(0, 2, 4, 1);
  t.import_labels = {"imports"};
  t.imports = Zf.block(4, 0, 2, 4).colwise().sum();
  LeontiefModel m(t);
  const auto r = gvc::three_level_decomposition(m);
  BOOST_CHECK(r.exogenous_rest_of_world);
  for (int i = 0; i < 4; ++i) {
    BOOST_CHECK(std::isnan(r.forward(i, gvc::kRt)));
    BOOST_CHECK(std::isnan(r.forward(i, gvc::kGvcS)));
    BOOST_CHECK(std::isnan(r.backward(i, gvc::kGvcC)));
    BOOST_CHECK(std::isfinite(r.forward(i, gvc::kRtGvc)));
  }
  BOOST_CHECK(std::isnan(r.terms.find({"P1", "a", "forward", "RT", "not_available"})));
  BOOST_CHECK(std::isnan(r.terms.find({"P1", "a", "forward", "RT", "ok"})));  // no such row
  for (std::size_t i = 0; i < r.diagnostics.num_rows(); ++i)
    BOOST_CHECK_MESSAGE(r.diagnostics.key(3, i) == "true", r.diagnostics.key(0, i)
                                                               << ": residual " << r.diagnostics.value(i));
  // The §5.5 closed forms: backward GVC = (a_M'L) o y'; forward RT+GVC = v^ L e^F.
  const Matrix A = Matrix(m.A());
  const Matrix L = dense_leontief(A);
  const Vector e = t.exports.col(0);
  const Vector fwd = m.v().cwiseProduct(L * e);
  const Vector bwd = (L.transpose() * m.a_M()).cwiseProduct(r.y);
  for (int i = 0; i < 4; ++i) {
    GVC_CHECK_CLOSE(r.forward(i, gvc::kRtGvc), fwd(i), 1e-12);
    GVC_CHECK_CLOSE(r.backward(i, gvc::kGvc), bwd(i), 1e-12);
  }
  // The NVC terms equal those of the endogenous (§7.6) table: other provinces are endogenous.
  // (Foreign feedback is lost, so LOC etc. differ; only check finite and nonnegative.)
  BOOST_CHECK(r.forward.leftCols(4).minCoeff() >= 0);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio::testing
