// SPDX-License-Identifier: MIT
// Three-level production-based decomposition (methods.md §5.2, eq. 5.1; WWYZ §4.1 on country tables).
#include "irio/solver/gvc/production.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "irio/solver/gvc/diagnostics.h"
#include "irio/tables/error.h"

namespace irio::solver::gvc {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Matrix cols(std::initializer_list<const Vector*> vs, Index n) {
  Matrix M(n, static_cast<Index>(vs.size()));
  Index c = 0;
  for (const Vector* v : vs) M.col(c++) = *v;
  return M;
}

}  // namespace

const std::vector<std::string>& production_term_names() {
  static const std::vector<std::string> names{"LOC", "NTF", "NVC_S", "NVC_C", "RT",
                                              "GVC_S", "GVC_C", "RT_GVC", "GVC", "OTHER_FD"};
  return names;
}

const std::vector<std::string>& production_split_names() {
  static const std::vector<std::string> names{"RT_a",     "RT_b",     "GVC_S_a",    "GVC_S_b",
                                              "GVC_C_a",  "GVC_C_b",  "RT_GVC_a",   "RT_GVC_b",
                                              "GVC_a",    "GVC_b",    "GVC_C_home", "GVC_C_abroad"};
  return names;
}

ProductionDecomposition three_level_decomposition(const LeontiefModel& m,
                                                  const ProductionOptions& opt) {
  const Index n = m.n();
  const auto& lab = m.labels();
  const auto& table = m.table();
  const Index N = m.num_sectors();
  ProductionDecomposition out;
  out.exogenous_rest_of_world = table.exports.cols() > 0 || table.imports.rows() > 0;
  if (out.exogenous_rest_of_world && lab.num_countries() > 1)
    throw InputError("three-level decomposition: a table with an exogenous rest of the world "
                     "(exports columns / imports rows) must have one endogenous country, found " +
                     std::to_string(lab.num_countries()));
  report_progress(opt.progress, 0.0, "three-level decomposition: final demand classes");

  // Destination classes of final demand (methods.md §0.2): own region R, same country N, abroad F.
  const Matrix Yd = table.final_demand_by_region();
  // Exogenous final demand that is neither domestic nor abroad (CEADs' ERR): its own class y_O.
  out.other_final_demand = table.has_other_final_demand();
  const Vector e_abroad = table.exports_abroad(), e_other = table.other_final_demand();
  Vector yR = Vector::Zero(n), yN = Vector::Zero(n), yF = Vector::Zero(n), yO = Vector::Zero(n);
  for (Index i = 0; i < n; ++i) {
    if (!m.is_active(i)) continue;
    const auto r = static_cast<std::size_t>(i / N);
    for (Index t = 0; t < Yd.cols(); ++t) {
      if (static_cast<std::size_t>(t) == r) yR(i) += Yd(i, t);
      else if (lab.country_of_region[static_cast<std::size_t>(t)] == lab.country_of_region[r]) yN(i) += Yd(i, t);
      else yF(i) += Yd(i, t);
    }
    if (table.exports.cols() > 0) {
      yF(i) += e_abroad(i);  // §5.5: y_F := e^F, exports abroad only
      yO(i) = e_other(i);
    }
  }
  const Vector yC = yR + yN;
  const Vector y = yC + yF + yO;
  const Vector& v = m.v();
  // A_N W, A_F W and their transposes read A in place (no copies of the n x n coefficients).
  auto AN = [&](const Matrix& W) { return multiply_part(m, CoefficientPart::kNational, W); };
  auto AF = [&](const Matrix& W) { return multiply_part(m, CoefficientPart::kForeign, W); };
  auto ANt = [&](const Matrix& W) { return multiply_part_transposed(m, CoefficientPart::kNational, W); };
  auto AFt = [&](const Matrix& W) { return multiply_part_transposed(m, CoefficientPart::kForeign, W); };

  // x = L y (methods.md §4.1: no global solve when the table balances; otherwise solve once).
  const Vector& x = m.model_output();

  // ---- Forward (row sums), eq. (5.1) and sub-splits (5.2): R(10) + C(4) local solves.
  report_progress(opt.progress, 0.1, "three-level decomposition: forward");
  const Matrix LR1 = m.local_solve(Perimeter::kRegion, cols({&yR, &yN, &yF}, n));
  const Matrix LC1 = m.local_solve(Perimeter::kCountry, out.other_final_demand ? cols({&yC, &yF, &yO}, n)
                                                                                : cols({&yC, &yF}, n));
  const Vector LRyR = LR1.col(0), LCyC = LC1.col(0), LCyF = LC1.col(1);
  const Vector xmC = x - LCyC;
  const Matrix G12 = AF(cols({&LCyC, &xmC}, n));  // A_F L_C y_C, A_F (L y - L_C y_C)
  const Matrix LC2 = m.local_solve(Perimeter::kCountry, G12);
  const Vector LCmR = LCyC - LRyR;
  Matrix R2(n, 7);
  R2.leftCols(3) = AN(cols({&LRyR, &LCmR, &LCyF}, n));
  R2.middleCols(3, 2) = G12;
  R2.rightCols(2) = AN(LC2);
  R2 = m.local_solve(Perimeter::kRegion, std::move(R2));

  Matrix& F = out.forward;
  Matrix& Fs = out.forward_split;
  F = Matrix::Constant(n, kNumProductionTerms, kNaN);
  Fs = Matrix::Constant(n, kNumProductionSplits, kNaN);
  F.col(kLoc) = v.cwiseProduct(LRyR);
  F.col(kNtf) = v.cwiseProduct(LR1.col(1));
  F.col(kNvcS) = v.cwiseProduct(R2.col(0));
  F.col(kNvcC) = v.cwiseProduct(R2.col(1));
  if (!out.exogenous_rest_of_world) {
    F.col(kRt) = v.cwiseProduct(LCyF);
    F.col(kGvcS) = v.cwiseProduct(LC2.col(0));
    F.col(kGvcC) = v.cwiseProduct(LC2.col(1));
    Fs.col(kRtA) = v.cwiseProduct(LR1.col(2));
    Fs.col(kRtB) = v.cwiseProduct(R2.col(2));
    Fs.col(kGvcSA) = v.cwiseProduct(R2.col(3));
    Fs.col(kGvcSB) = v.cwiseProduct(R2.col(5));
    Fs.col(kGvcCA) = v.cwiseProduct(R2.col(4));
    Fs.col(kGvcCB) = v.cwiseProduct(R2.col(6));
  } else {
    // §5.5: exports abroad are exogenous; only RT + GVC (first exit, forward) is identified.
    F.col(kRtGvc) = v.cwiseProduct(LCyF);
    Fs.col(kRtGvcA) = v.cwiseProduct(LR1.col(2));
    Fs.col(kRtGvcB) = v.cwiseProduct(R2.col(2));
  }
  // y_O: one endogenous country (§5.5), so L_C = L and v o L_C y_O is all of its value added.
  F.col(kOtherFd) = out.other_final_demand ? Vector(v.cwiseProduct(LC1.col(2))) : Vector(Vector::Zero(n));
  // §5.5 with a user's final / intermediate split of exports: RT and GVC (total) forward.
  const bool export_split = out.exogenous_rest_of_world && opt.export_final_share.size() > 0;
  if (export_split) {
    if (opt.export_final_share.size() != n)
      throw InputError("three-level decomposition: the export split has " +
                       std::to_string(opt.export_final_share.size()) + " values for " + std::to_string(n) +
                       " region-sectors");
    const Vector e_fin = yF.cwiseProduct(opt.export_final_share);
    F.col(kRt) = v.cwiseProduct(m.local_solve(Perimeter::kCountry, Matrix(e_fin)).col(0));
    F.col(kGvc) = F.col(kRtGvc) - F.col(kRt);
  }

  // ---- Backward (column sums): R'(2) + C'(5) + one blocked global transposed solve.
  report_progress(opt.progress, 0.5, "three-level decomposition: backward");
  const Vector a = m.local_solve_transposed(Perimeter::kRegion, Matrix(v)).col(0);   // (v'L_R)'
  const Vector b = m.local_solve_transposed(Perimeter::kCountry, Matrix(v)).col(0);  // (v'L_C)'
  const Vector cin = ANt(Matrix(a)).col(0);
  const Vector c0 = m.local_solve_transposed(Perimeter::kRegion, Matrix(cin)).col(0);  // (v'L_R A_N L_R)'
  const Vector& a_M = m.a_M();
  Matrix H = Matrix::Zero(n, out.exogenous_rest_of_world ? 6 : 4);
  H.leftCols(2) = AFt(cols({&b, &a}, n));
  H.col(3) = cin;
  Matrix HC = m.local_solve_transposed(Perimeter::kCountry, H.leftCols(4));
  const Vector c = HC.col(3);                                                       // (v'L_R A_N L_C)'
  H.col(2) = AFt(Matrix(c)).col(0);
  HC.col(2) = m.local_solve_transposed(Perimeter::kCountry, Matrix(H.col(2))).col(0);
  H.col(3) = v;  // for identity (1.1)
  Vector amR;
  if (out.exogenous_rest_of_world) {
    amR = m.local_solve_transposed(Perimeter::kRegion, Matrix(a_M)).col(0);  // (a_M'L_R)'
    H.col(4) = a_M;
    H.col(5) = ANt(Matrix(amR)).col(0);
  }
  // Columns of HL: (v'L_C A_F L)', (v'L_R A_F L)', (v'L_R A_N L_C A_F L)', (v'L)' [, a_M ...].
  // When 1'A + v' = 1' (residual value added, no exogenous imports), (0.1) and (1.1) give
  // v'L_C A_F L = v'L - v'L_C = 1' - v'L_C, so the global transposed solve is needed only for
  // the "b" split, and not at all on country tables (A_N = 0).
  const Vector colres = (Vector::Ones(n).transpose() * m.A()).transpose() + v + a_M - Vector::Ones(n);
  double premise = 0;
  for (Index j = 0; j < n; ++j)
    if (m.is_active(j)) premise = std::max(premise, std::abs(colres(j)));
  const bool closed_form = !out.exogenous_rest_of_world && premise <= 1e-12;
  const bool has_national = lab.num_countries() < lab.num_regions();
  Matrix HL;
  if (!closed_form) {
    HL = m.solve_transposed(H);
  } else {
    HL = Matrix::Zero(n, 4);
    for (Index j = 0; j < n; ++j)
      if (m.is_active(j)) HL(j, 0) = 1.0 - b(j);
    if (has_national) HL.col(2) = m.solve_transposed(Matrix(H.col(2))).col(0);
    HL.col(1) = HL.col(0) - HL.col(2);
  }

  Matrix& B = out.backward;
  Matrix& Bs = out.backward_split;
  B = Matrix::Constant(n, kNumProductionTerms, kNaN);
  Bs = Matrix::Constant(n, kNumProductionSplits, kNaN);
  B.col(kLoc) = a.cwiseProduct(yR);
  B.col(kNtf) = a.cwiseProduct(yN);
  B.col(kNvcS) = c0.cwiseProduct(yR);
  B.col(kNvcC) = c.cwiseProduct(yC) - c0.cwiseProduct(yR);
  B.col(kRt) = b.cwiseProduct(yF);
  B.col(kOtherFd) = b.cwiseProduct(yO);  // domestic value added in the final production for y_O
  Bs.col(kRtA) = a.cwiseProduct(yF);
  Bs.col(kRtB) = c.cwiseProduct(yF);
  if (!out.exogenous_rest_of_world) {
    B.col(kGvcS) = HC.col(0).cwiseProduct(yC);
    B.col(kGvcC) = HL.col(0).cwiseProduct(y) - HC.col(0).cwiseProduct(yC);
    Bs.col(kGvcSA) = HC.col(1).cwiseProduct(yC);
    Bs.col(kGvcSB) = HC.col(2).cwiseProduct(yC);
    Bs.col(kGvcCA) = HL.col(1).cwiseProduct(y) - HC.col(1).cwiseProduct(yC);
    Bs.col(kGvcCB) = HL.col(2).cwiseProduct(y) - HC.col(2).cwiseProduct(yC);
  } else {
    // §5.5: GVC backward = (a_M' L) o y' (includes returned domestic VA); split a/b by
    // a_M'L = a_M'L_R + a_M'L_R A_N L (A_F = 0).
    B.col(kGvc) = HL.col(4).cwiseProduct(y);
    Bs.col(kGvcA) = amR.cwiseProduct(y);
    Bs.col(kGvcB) = HL.col(5).cwiseProduct(y);
  }
  // Derived split of GVC_C (§4.1): entries of v^ L_C A_F L y^_C with origin and producer in the
  // same country c. Forward: v_i (L_C A_F L [y_C on the rows of c(i)])_i; backward:
  // y_C(j) (sum_{i in c(j)} v_i (L_C A_F L)_ij). S(C) + S'(C) + C(C) + C'(C).
  const bool home_split = opt.split_complex_gvc && !out.exogenous_rest_of_world;
  if (home_split) {
    report_progress(opt.progress, 0.7, "three-level decomposition: GVC_C home / abroad");
    const Units cu = make_units(m, Perimeter::kCountry);
    const Matrix Q = m.local_solve(Perimeter::kCountry, AF(m.solve(place_by_unit(yC, cu))));
    const Matrix T3 = m.solve_transposed(AFt(m.local_solve_transposed(Perimeter::kCountry, place_by_unit(v, cu))));
    const Vector home_f = v.cwiseProduct(own_unit(Q, cu));
    const Vector home_b = own_unit(T3, cu).cwiseProduct(yC);
    Fs.col(kGvcCHome) = home_f;
    Fs.col(kGvcCAbroad) = F.col(kGvcC) - home_f;
    Bs.col(kGvcCHome) = home_b;
    Bs.col(kGvcCAbroad) = B.col(kGvcC) - home_b;
  }
  // Value added implied by x = L y (the table's va when its rows balance, §1.3 x_mode).
  out.va = v.cwiseProduct(x);
  out.y = y;

  // ---- Diagnostics (§6.2 identities 20-21, 3).
  report_progress(opt.progress, 0.8, "three-level decomposition: diagnostics");
  Diagnostics d(n);
  auto rowsum_finite = [](const Matrix& M) {
    Vector s = Vector::Zero(M.rows());
    for (Index j = 0; j < M.cols(); ++j)
      for (Index i = 0; i < M.rows(); ++i)
        if (std::isfinite(M(i, j))) s(i) += M(i, j);
    return s;
  };
  Vector fsum = rowsum_finite(F);
  if (export_split) {  // RT and GVC are parts of RT_GVC: counted once
    fsum -= F.col(kRt) + F.col(kGvc);
    d.check_vectors("5.5: RT + GVC = RT_GVC (forward, export split)", "region_sector", F.col(kRt) + F.col(kGvc),
                    F.col(kRtGvc));
  }
  d.check_vectors("21: sum of forward terms = va", "region_sector", fsum, out.va);
  d.check_vectors("21: sum of backward terms = y", "region_sector", rowsum_finite(B), y);
  d.check_vectors("21: LOC+NTF+NVC_S+NVC_C (forward) = v o L_C y_C", "region_sector",
                  F.leftCols(4).rowwise().sum(), v.cwiseProduct(LCyC));
  d.check_vectors("21: LOC+NTF+NVC_S+NVC_C (backward) = (v'L_C) o y_C'", "region_sector",
                  B.leftCols(4).rowwise().sum(), b.cwiseProduct(yC));
  const int parents[] = {kRt, kGvcS, kGvcC, kRtGvc, kGvc};
  for (int p = 0; p < 5; ++p) {
    const std::string nm = production_term_names()[static_cast<std::size_t>(parents[p])];
    if (std::isnan(F(0, parents[p])) == false || n == 0)
      d.check_vectors("21: " + nm + "_a + " + nm + "_b = " + nm + " (forward)", "region_sector",
                      Fs.col(2 * p) + Fs.col(2 * p + 1), F.col(parents[p]));
    if (n > 0 && !std::isnan(B(0, parents[p])) && !std::isnan(Bs(0, 2 * p)))
      d.check_vectors("21: " + nm + "_a + " + nm + "_b = " + nm + " (backward)", "region_sector",
                      Bs.col(2 * p) + Bs.col(2 * p + 1), B.col(parents[p]));
  }
  // 20: backward GVC total = (1' - v'L_C) o y' (by (1.1); with imports a_M'L o y').
  const Vector gvc_b = out.exogenous_rest_of_world ? Vector(B.col(kGvc))
                                                   : Vector(B.col(kGvcS) + B.col(kGvcC));
  Vector nondom = (Vector::Ones(n) - b).cwiseProduct(y);
  for (Index j = 0; j < n; ++j)
    if (!m.is_active(j)) nondom(j) = gvc_b(j);
  if (!closed_form) {  // with the closed form, 20 holds by construction: check its premise
    d.check_vectors("20: backward GVC = (1' - v'L_C) o y'", "region_sector", gvc_b, nondom);
    Vector vl = HL.col(3);
    if (out.exogenous_rest_of_world) vl += HL.col(4);
    for (Index j = 0; j < n; ++j)
      if (!m.is_active(j)) vl(j) = 1.0;
    d.check_vectors(out.exogenous_rest_of_world ? "3: v'L + a_M'L = 1'" : "3: v'L = 1' (1.1)",
                    "region_sector", vl, Vector::Ones(n));
  } else {
    d.check("3: 1'A + v' = 1' (premise of (1.1), used for the backward GVC)", "region_sector", premise, 1.0);
  }
  if (home_split && y.minCoeff() >= 0 && m.va().minCoeff() >= 0 && m.A().coeffs().minCoeff() >= 0) {
    // The home entries are a subset of the GVC_C entries: both parts are >= 0 on nonnegative data.
    for (int dir = 0; dir < 2; ++dir) {
      const Matrix& S = dir == 0 ? Fs : Bs;
      const char* dn = dir == 0 ? " (forward)" : " (backward)";
      d.check_at_least(std::string("4.1: GVC_C_home >= 0") + dn, "region_sector", S.col(kGvcCHome), 0.0);
      d.check_at_least(std::string("4.1: GVC_C_abroad >= 0") + dn, "region_sector", S.col(kGvcCAbroad), 0.0);
    }
  }
  out.diagnostics = d.table();

  // ---- Tidy output.
  report_progress(opt.progress, 0.9, "three-level decomposition: tidy tables");
  out.terms = tables::TidyTable("three_level_terms", {"region", "sector", "direction", "term", "status"});
  auto& T = out.terms;
  T.set_levels(0, lab.regions);
  T.set_levels(1, lab.sectors);
  T.set_levels(2, {"forward", "backward"});
  std::vector<std::string> all_terms = production_term_names();
  for (const auto& s : production_split_names()) all_terms.push_back(s);
  T.set_levels(3, all_terms);
  if (export_split) T.set_levels(4, {"ok", "not_available", "export_split"});
  else T.set_levels(4, {"ok", "not_available"});
  std::vector<int> shown = out.exogenous_rest_of_world
      ? std::vector<int>{kLoc, kNtf, kNvcS, kNvcC, kRt, kGvcS, kGvcC, kRtGvc, kGvc}
      : std::vector<int>{kLoc, kNtf, kNvcS, kNvcC, kRt, kGvcS, kGvcC};
  if (out.other_final_demand) shown.push_back(kOtherFd);
  std::vector<int> shown_split = out.exogenous_rest_of_world
      ? std::vector<int>{kRtA, kRtB, kGvcSA, kGvcSB, kGvcCA, kGvcCB, kRtGvcA, kRtGvcB, kGvcA, kGvcB}
      : std::vector<int>{kRtA, kRtB, kGvcSA, kGvcSB, kGvcCA, kGvcCB};
  if (home_split) shown_split.insert(shown_split.end(), {kGvcCHome, kGvcCAbroad});
  T.reserve(static_cast<std::size_t>(n) * 2 * (shown.size() + shown_split.size()));
  for (int dir = 0; dir < 2; ++dir) {
    const Matrix& M = dir == 0 ? F : B;
    const Matrix& Ms = dir == 0 ? Fs : Bs;
    for (Index i = 0; i < n; ++i) {
      const auto r = static_cast<std::int32_t>(i / N), s = static_cast<std::int32_t>(i % N);
      auto add = [&](double val, std::int32_t term_code) {
        // A term that the table cannot identify is NaN with status not_available.
        const bool from_split = export_split && dir == 0 && (term_code == kRt || term_code == kGvc);
        T.add_row_codes({r, s, dir, term_code, from_split ? 2 : std::isnan(val) && m.is_active(i) ? 1 : 0}, val);
      };
      for (int t : shown) add(M(i, t), t);
      for (int t : shown_split) add(Ms(i, t), kNumProductionTerms + t);
    }
  }

  // Participation: ratios of sums at region-sector, region and country level (§5.2 indices).
  out.participation = tables::TidyTable("participation", {"scope", "unit", "sector", "indicator"});
  auto& P = out.participation;
  P.set_levels(0, {"region_sector", "region", "country"});
  P.set_levels(3, {"nvc_forward", "gvc_forward", "nvc_backward", "gvc_backward"});
  Matrix num(n, 4);
  num.col(0) = F.col(kNvcS) + F.col(kNvcC);
  num.col(1) = F.col(kGvcS) + F.col(kGvcC);  // NaN with an exogenous rest of the world
  if (export_split) num.col(1) = F.col(kGvc);  // §5.5: identified by the user's export split
  num.col(2) = B.col(kNvcS) + B.col(kNvcC);
  num.col(3) = gvc_b;
  const std::vector<const Vector*> den{&out.va, &out.va, &y, &y};
  const char* ind[] = {"nvc_forward", "gvc_forward", "nvc_backward", "gvc_backward"};
  for (Index i = 0; i < n; ++i)
    for (int k = 0; k < 4; ++k)
      P.add_row({"region_sector", lab.region_of(static_cast<std::size_t>(i)),
                 lab.sector_of(static_cast<std::size_t>(i)), ind[k]},
                ratio(num(i, k), (*den[static_cast<std::size_t>(k)])(i)));
  for (Perimeter p : {Perimeter::kRegion, Perimeter::kCountry}) {
    const Units u = make_units(m, p);
    const char* scope = p == Perimeter::kRegion ? "region" : "country";
    Matrix dens(n, 4);
    for (int k = 0; k < 4; ++k) dens.col(k) = *den[static_cast<std::size_t>(k)];
    const Matrix sn = sum_rows_by_unit(num, u), sd = sum_rows_by_unit(dens, u);
    for (Index k2 = 0; k2 < u.size(); ++k2)
      for (int k = 0; k < 4; ++k)
        P.add_row({scope, u.names[static_cast<std::size_t>(k2)], "all", ind[k]}, ratio(sn(k2, k), sd(k2, k)));
  }
  report_progress(opt.progress, 1.0, "three-level decomposition: done");
  return out;
}

}  // namespace irio::solver::gvc
