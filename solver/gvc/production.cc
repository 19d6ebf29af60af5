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

// A_N W, A_F W and their transposes read A in place (no copies of the n x n coefficients).
Matrix times_AN(const LeontiefModel& m, const Matrix& W) { return multiply_part(m, CoefficientPart::kNational, W); }
Matrix times_AF(const LeontiefModel& m, const Matrix& W) { return multiply_part(m, CoefficientPart::kForeign, W); }
Matrix times_AN_transposed(const LeontiefModel& m, const Matrix& W) {
  return multiply_part_transposed(m, CoefficientPart::kNational, W);
}
Matrix times_AF_transposed(const LeontiefModel& m, const Matrix& W) {
  return multiply_part_transposed(m, CoefficientPart::kForeign, W);
}

/// Final demand by destination class: own region R, same country N, abroad F (methods.md §0.2),
/// and the exogenous classes of §5.5 (y_F := e^F, other final demand y_O).
struct FinalDemandClasses {
  Vector yR, yN, yF, yO;
  Vector yC;  ///< y_R + y_N
  Vector y;   ///< y_C + y_F + y_O
};

/// Splits the table's final demand into its destination classes (methods.md §0.2, §5.5).
FinalDemandClasses classify_final_demand(const LeontiefModel& m) {
  const Index n = m.n();
  const auto& lab = m.labels();
  const auto& table = m.table();
  const Index N = m.num_sectors();
  const Matrix Yd = table.final_demand_by_region();
  // Exogenous final demand that is neither domestic nor abroad (CEADs' ERR): its own class y_O.
  const Vector e_abroad = table.exports_abroad(), e_other = table.other_final_demand();
  FinalDemandClasses fd;
  fd.yR = Vector::Zero(n);
  fd.yN = Vector::Zero(n);
  fd.yF = Vector::Zero(n);
  fd.yO = Vector::Zero(n);
  for (Index i = 0; i < n; ++i) {
    if (!m.is_active(i)) continue;
    const auto r = static_cast<std::size_t>(i / N);
    for (Index t = 0; t < Yd.cols(); ++t) {
      if (static_cast<std::size_t>(t) == r) fd.yR(i) += Yd(i, t);
      else if (lab.country_of_region[static_cast<std::size_t>(t)] == lab.country_of_region[r]) fd.yN(i) += Yd(i, t);
      else fd.yF(i) += Yd(i, t);
    }
    if (table.exports.cols() > 0) {
      fd.yF(i) += e_abroad(i);  // §5.5: y_F := e^F, exports abroad only
      fd.yO(i) = e_other(i);
    }
  }
  fd.yC = fd.yR + fd.yN;
  fd.y = fd.yC + fd.yF + fd.yO;
  return fd;
}

/// The local solves behind the forward terms of eq. (5.1) and the sub-splits (5.2):
/// R(10) + C(4) local solves.
struct ForwardSolves {
  Matrix LR1;  ///< L_R [y_R, y_N, y_F]
  Matrix LC1;  ///< L_C [y_C, y_F (, y_O)]
  Matrix LC2;  ///< L_C A_F [L_C y_C, L y - L_C y_C]
  /// L_R [A_N L_R y_R, A_N (L_C y_C - L_R y_R), A_N L_C y_F, A_F L_C y_C, A_F (L y - L_C y_C), A_N LC2]
  Matrix R2;
  Vector LRyR, LCyC, LCyF;
};

/// Forward solves (methods.md §5.2, eq. 5.1 and sub-splits 5.2), with x = L y (§4.1).
ForwardSolves forward_solves(const LeontiefModel& m, const FinalDemandClasses& fd, bool other_final_demand) {
  const Index n = m.n();
  // x = L y (methods.md §4.1: no global solve when the table balances; otherwise solve once).
  const Vector& x = m.model_output();
  ForwardSolves fs;
  fs.LR1 = m.local_solve(Perimeter::kRegion, cols({&fd.yR, &fd.yN, &fd.yF}, n));
  fs.LC1 = m.local_solve(Perimeter::kCountry,
                         other_final_demand ? cols({&fd.yC, &fd.yF, &fd.yO}, n) : cols({&fd.yC, &fd.yF}, n));
  fs.LRyR = fs.LR1.col(0);
  fs.LCyC = fs.LC1.col(0);
  fs.LCyF = fs.LC1.col(1);
  const Vector xmC = x - fs.LCyC;
  const Matrix G12 = times_AF(m, cols({&fs.LCyC, &xmC}, n));  // A_F L_C y_C, A_F (L y - L_C y_C)
  fs.LC2 = m.local_solve(Perimeter::kCountry, G12);
  const Vector LCmR = fs.LCyC - fs.LRyR;
  Matrix R2(n, 7);
  R2.leftCols(3) = times_AN(m, cols({&fs.LRyR, &LCmR, &fs.LCyF}, n));
  R2.middleCols(3, 2) = G12;
  R2.rightCols(2) = times_AN(m, fs.LC2);
  fs.R2 = m.local_solve(Perimeter::kRegion, std::move(R2));
  return fs;
}

/// Forward terms (row sums) of eq. (5.1) and their a/b sub-splits (5.2); on a table with an
/// exogenous rest of the world only RT + GVC (first exit) is identified (§5.5).
void assemble_forward(const Vector& v, const ForwardSolves& fs, ProductionDecomposition& out) {
  const Index n = v.size();
  Matrix& F = out.forward;
  Matrix& Fs = out.forward_split;
  F = Matrix::Constant(n, kNumProductionTerms, kNaN);
  Fs = Matrix::Constant(n, kNumProductionSplits, kNaN);
  F.col(kLoc) = v.cwiseProduct(fs.LRyR);
  F.col(kNtf) = v.cwiseProduct(fs.LR1.col(1));
  F.col(kNvcS) = v.cwiseProduct(fs.R2.col(0));
  F.col(kNvcC) = v.cwiseProduct(fs.R2.col(1));
  if (!out.exogenous_rest_of_world) {
    F.col(kRt) = v.cwiseProduct(fs.LCyF);
    F.col(kGvcS) = v.cwiseProduct(fs.LC2.col(0));
    F.col(kGvcC) = v.cwiseProduct(fs.LC2.col(1));
    Fs.col(kRtA) = v.cwiseProduct(fs.LR1.col(2));
    Fs.col(kRtB) = v.cwiseProduct(fs.R2.col(2));
    Fs.col(kGvcSA) = v.cwiseProduct(fs.R2.col(3));
    Fs.col(kGvcSB) = v.cwiseProduct(fs.R2.col(5));
    Fs.col(kGvcCA) = v.cwiseProduct(fs.R2.col(4));
    Fs.col(kGvcCB) = v.cwiseProduct(fs.R2.col(6));
  } else {
    // §5.5: exports abroad are exogenous; only RT + GVC (first exit, forward) is identified.
    F.col(kRtGvc) = v.cwiseProduct(fs.LCyF);
    Fs.col(kRtGvcA) = v.cwiseProduct(fs.LR1.col(2));
    Fs.col(kRtGvcB) = v.cwiseProduct(fs.R2.col(2));
  }
  // y_O: one endogenous country (§5.5), so L_C = L and v o L_C y_O is all of its value added.
  F.col(kOtherFd) = out.other_final_demand ? Vector(v.cwiseProduct(fs.LC1.col(2))) : Vector(Vector::Zero(n));
}

/// §5.5 with a user's final / intermediate split of exports: RT and GVC (total) forward.
void apply_export_split(const LeontiefModel& m, const Vector& export_final_share, const Vector& yF,
                        ProductionDecomposition& out) {
  const Index n = m.n();
  const Vector& v = m.v();
  Matrix& F = out.forward;
  if (export_final_share.size() != n)
    throw InputError("three-level decomposition: the export split has " + std::to_string(export_final_share.size()) +
                     " values for " + std::to_string(n) + " region-sectors");
  const Vector e_fin = yF.cwiseProduct(export_final_share);
  F.col(kRt) = v.cwiseProduct(m.local_solve(Perimeter::kCountry, Matrix(e_fin)).col(0));
  F.col(kGvc) = F.col(kRtGvc) - F.col(kRt);
}

/// The transposed solves behind the backward terms (column sums): R'(2) + C'(5), and the blocked
/// global transposed solve HL when it is needed (methods.md §5.2; §5.5 with imports).
struct BackwardSolves {
  Vector a;                  ///< (v'L_R)'
  Vector b;                  ///< (v'L_C)'
  Vector c0;                 ///< (v'L_R A_N L_R)'
  Vector c;                  ///< (v'L_R A_N L_C)'
  Vector amR;                ///< (a_M'L_R)', with an exogenous rest of the world only
  Matrix H;                  ///< right-hand sides of the global transposed solve
  Matrix HC;                 ///< L_C' applied to the first four columns of H
  Matrix HL;                 ///< L' H, or its closed form
  double premise = 0;        ///< max |1'A + v' + a_M' - 1'| over the active region-sectors
  bool closed_form = false;  ///< HL from identity (1.1) instead of a global solve
};

/// Local transposed solves of the backward side (methods.md §5.2): a, b, c0, c, HC and the
/// right-hand sides H of the global solve (with a_M for §5.5).
BackwardSolves backward_local_solves(const LeontiefModel& m, bool exogenous_rest_of_world) {
  const Index n = m.n();
  const Vector& v = m.v();
  BackwardSolves bs;
  bs.a = m.local_solve_transposed(Perimeter::kRegion, Matrix(v)).col(0);   // (v'L_R)'
  bs.b = m.local_solve_transposed(Perimeter::kCountry, Matrix(v)).col(0);  // (v'L_C)'
  const Vector cin = times_AN_transposed(m, Matrix(bs.a)).col(0);
  bs.c0 = m.local_solve_transposed(Perimeter::kRegion, Matrix(cin)).col(0);  // (v'L_R A_N L_R)'
  const Vector& a_M = m.a_M();
  Matrix& H = bs.H;
  H = Matrix::Zero(n, exogenous_rest_of_world ? 6 : 4);
  H.leftCols(2) = times_AF_transposed(m, cols({&bs.b, &bs.a}, n));
  H.col(3) = cin;
  bs.HC = m.local_solve_transposed(Perimeter::kCountry, H.leftCols(4));
  bs.c = bs.HC.col(3);  // (v'L_R A_N L_C)'
  H.col(2) = times_AF_transposed(m, Matrix(bs.c)).col(0);
  bs.HC.col(2) = m.local_solve_transposed(Perimeter::kCountry, Matrix(H.col(2))).col(0);
  H.col(3) = v;  // for identity (1.1)
  if (exogenous_rest_of_world) {
    bs.amR = m.local_solve_transposed(Perimeter::kRegion, Matrix(a_M)).col(0);  // (a_M'L_R)'
    H.col(4) = a_M;
    H.col(5) = times_AN_transposed(m, Matrix(bs.amR)).col(0);
  }
  return bs;
}

/// The global transposed solve HL = L'H, or its closed form by identities (0.1) and (1.1)
/// (methods.md §5.2, §6.2 identity 3).
void backward_global_solve(const LeontiefModel& m, bool exogenous_rest_of_world, BackwardSolves& bs) {
  const Index n = m.n();
  const auto& lab = m.labels();
  const Vector& v = m.v();
  const Vector& a_M = m.a_M();
  // Columns of HL: (v'L_C A_F L)', (v'L_R A_F L)', (v'L_R A_N L_C A_F L)', (v'L)' [, a_M ...].
  // When 1'A + v' = 1' (residual value added, no exogenous imports), (0.1) and (1.1) give
  // v'L_C A_F L = v'L - v'L_C = 1' - v'L_C, so the global transposed solve is needed only for
  // the "b" split, and not at all on country tables (A_N = 0).
  const Vector colres = (Vector::Ones(n).transpose() * m.A()).transpose() + v + a_M - Vector::Ones(n);
  double premise = 0;
  for (Index j = 0; j < n; ++j)
    if (m.is_active(j)) premise = std::max(premise, std::abs(colres(j)));
  bs.premise = premise;
  bs.closed_form = !exogenous_rest_of_world && premise <= 1e-12;
  const bool has_national = lab.num_countries() < lab.num_regions();
  Matrix& HL = bs.HL;
  if (!bs.closed_form) {
    HL = m.solve_transposed(bs.H);
  } else {
    HL = Matrix::Zero(n, 4);
    for (Index j = 0; j < n; ++j)
      if (m.is_active(j)) HL(j, 0) = 1.0 - bs.b(j);
    if (has_national) HL.col(2) = m.solve_transposed(Matrix(bs.H.col(2))).col(0);
    HL.col(1) = HL.col(0) - HL.col(2);
  }
}

/// Backward terms (column sums) of eq. (5.1) and their a/b sub-splits (5.2); GVC backward with
/// an exogenous rest of the world as in §5.5.
void assemble_backward(const FinalDemandClasses& fd, const BackwardSolves& bs, ProductionDecomposition& out) {
  const Index n = fd.y.size();
  const Vector &yR = fd.yR, &yN = fd.yN, &yC = fd.yC, &yF = fd.yF, &yO = fd.yO, &y = fd.y;
  const Vector &a = bs.a, &b = bs.b, &c0 = bs.c0, &c = bs.c;
  const Matrix &HC = bs.HC, &HL = bs.HL;
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
    Bs.col(kGvcA) = bs.amR.cwiseProduct(y);
    Bs.col(kGvcB) = HL.col(5).cwiseProduct(y);
  }
}

/// Derived split of GVC_C (§4.1): entries of v^ L_C A_F L y^_C with origin and producer in the
/// same country c. Forward: v_i (L_C A_F L [y_C on the rows of c(i)])_i; backward:
/// y_C(j) (sum_{i in c(j)} v_i (L_C A_F L)_ij). S(C) + S'(C) + C(C) + C'(C).
void split_complex_gvc_home(const LeontiefModel& m, const Vector& yC, ProductionDecomposition& out) {
  const Vector& v = m.v();
  const Units cu = make_units(m, Perimeter::kCountry);
  const Matrix Q = m.local_solve(Perimeter::kCountry, times_AF(m, m.solve(place_by_unit(yC, cu))));
  const Matrix T3 =
      m.solve_transposed(times_AF_transposed(m, m.local_solve_transposed(Perimeter::kCountry, place_by_unit(v, cu))));
  const Vector home_f = v.cwiseProduct(own_unit(Q, cu));
  const Vector home_b = own_unit(T3, cu).cwiseProduct(yC);
  out.forward_split.col(kGvcCHome) = home_f;
  out.forward_split.col(kGvcCAbroad) = out.forward.col(kGvcC) - home_f;
  out.backward_split.col(kGvcCHome) = home_b;
  out.backward_split.col(kGvcCAbroad) = out.backward.col(kGvcC) - home_b;
}

/// Row sums over the finite entries (a term the table cannot identify is NaN).
Vector rowsum_finite(const Matrix& M) {
  Vector s = Vector::Zero(M.rows());
  for (Index j = 0; j < M.cols(); ++j)
    for (Index i = 0; i < M.rows(); ++i)
      if (std::isfinite(M(i, j))) s(i) += M(i, j);
  return s;
}

/// §6.2 identity 21: the terms add up to va and y, the first four to the national V_D, and each
/// a/b sub-split to its term (with the export split of §5.5, RT + GVC = RT_GVC).
void check_identity_21(const ProductionDecomposition& out, const FinalDemandClasses& fd, const Vector& v,
                       const Vector& LCyC, const Vector& b, bool export_split, Diagnostics& d) {
  const Index n = v.size();
  const Matrix &F = out.forward, &Fs = out.forward_split, &B = out.backward, &Bs = out.backward_split;
  Vector fsum = rowsum_finite(F);
  if (export_split) {  // RT and GVC are parts of RT_GVC: counted once
    fsum -= F.col(kRt) + F.col(kGvc);
    d.check_vectors("5.5: RT + GVC = RT_GVC (forward, export split)", "region_sector", F.col(kRt) + F.col(kGvc),
                    F.col(kRtGvc));
  }
  d.check_vectors("21: sum of forward terms = va", "region_sector", fsum, out.va);
  d.check_vectors("21: sum of backward terms = y", "region_sector", rowsum_finite(B), fd.y);
  d.check_vectors("21: LOC+NTF+NVC_S+NVC_C (forward) = v o L_C y_C", "region_sector", F.leftCols(4).rowwise().sum(),
                  v.cwiseProduct(LCyC));
  d.check_vectors("21: LOC+NTF+NVC_S+NVC_C (backward) = (v'L_C) o y_C'", "region_sector", B.leftCols(4).rowwise().sum(),
                  b.cwiseProduct(fd.yC));
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
}

/// Backward GVC total: GVC_S + GVC_C, or GVC with an exogenous rest of the world (§5.5).
Vector backward_gvc_total(const ProductionDecomposition& out) {
  const Matrix& B = out.backward;
  return out.exogenous_rest_of_world ? Vector(B.col(kGvc)) : Vector(B.col(kGvcS) + B.col(kGvcC));
}

/// §6.2 identities 20 (backward GVC total = (1' - v'L_C) o y', by (1.1); with imports a_M'L o y')
/// and 3 (v'L = 1'), or with the closed form of the backward solve the premise of (1.1).
void check_identities_20_and_3(const LeontiefModel& m, const ProductionDecomposition& out, const Vector& y,
                               const BackwardSolves& bs, const Vector& gvc_b, Diagnostics& d) {
  const Index n = m.n();
  Vector nondom = (Vector::Ones(n) - bs.b).cwiseProduct(y);
  for (Index j = 0; j < n; ++j)
    if (!m.is_active(j)) nondom(j) = gvc_b(j);
  if (!bs.closed_form) {  // with the closed form, 20 holds by construction: check its premise
    d.check_vectors("20: backward GVC = (1' - v'L_C) o y'", "region_sector", gvc_b, nondom);
    Vector vl = bs.HL.col(3);
    if (out.exogenous_rest_of_world) vl += bs.HL.col(4);
    for (Index j = 0; j < n; ++j)
      if (!m.is_active(j)) vl(j) = 1.0;
    d.check_vectors(out.exogenous_rest_of_world ? "3: v'L + a_M'L = 1'" : "3: v'L = 1' (1.1)", "region_sector", vl,
                    Vector::Ones(n));
  } else {
    d.check("3: 1'A + v' = 1' (premise of (1.1), used for the backward GVC)", "region_sector", bs.premise, 1.0);
  }
}

/// §4.1 home / abroad split of GVC_C: both parts are >= 0 on nonnegative data.
void check_home_split_signs(const LeontiefModel& m, const ProductionDecomposition& out, const Vector& y,
                            Diagnostics& d) {
  if (!(y.minCoeff() >= 0 && m.va().minCoeff() >= 0 && m.A().coeffs().minCoeff() >= 0)) return;
  // The home entries are a subset of the GVC_C entries: both parts are >= 0 on nonnegative data.
  for (int dir = 0; dir < 2; ++dir) {
    const Matrix& S = dir == 0 ? out.forward_split : out.backward_split;
    const char* dn = dir == 0 ? " (forward)" : " (backward)";
    d.check_at_least(std::string("4.1: GVC_C_home >= 0") + dn, "region_sector", S.col(kGvcCHome), 0.0);
    d.check_at_least(std::string("4.1: GVC_C_abroad >= 0") + dn, "region_sector", S.col(kGvcCAbroad), 0.0);
  }
}

/// The terms shown in the tidy table: those the table identifies (§5.2; §5.5 with an exogenous
/// rest of the world), OTHER_FD with an ERR-type column, the home split when asked for.
void shown_terms(const ProductionDecomposition& out, bool home_split, std::vector<int>& shown,
                 std::vector<int>& shown_split) {
  shown = out.exogenous_rest_of_world ? std::vector<int>{kLoc, kNtf, kNvcS, kNvcC, kRt, kGvcS, kGvcC, kRtGvc, kGvc}
                                      : std::vector<int>{kLoc, kNtf, kNvcS, kNvcC, kRt, kGvcS, kGvcC};
  if (out.other_final_demand) shown.push_back(kOtherFd);
  shown_split = out.exogenous_rest_of_world
                    ? std::vector<int>{kRtA, kRtB, kGvcSA, kGvcSB, kGvcCA, kGvcCB, kRtGvcA, kRtGvcB, kGvcA, kGvcB}
                    : std::vector<int>{kRtA, kRtB, kGvcSA, kGvcSB, kGvcCA, kGvcCB};
  if (home_split) shown_split.insert(shown_split.end(), {kGvcCHome, kGvcCAbroad});
}

/// Tidy table of the terms of eq. (5.1) and the sub-splits (5.2), by region, sector, direction
/// and term, with the status of each value (ok / not_available / export_split, §5.5).
void tidy_terms(const LeontiefModel& m, bool export_split, bool home_split, ProductionDecomposition& out) {
  const Index n = m.n();
  const Index N = m.num_sectors();
  const auto& lab = m.labels();
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
  std::vector<int> shown, shown_split;
  shown_terms(out, home_split, shown, shown_split);
  T.reserve(static_cast<std::size_t>(n) * 2 * (shown.size() + shown_split.size()));
  for (int dir = 0; dir < 2; ++dir) {
    const Matrix& M = dir == 0 ? out.forward : out.backward;
    const Matrix& Ms = dir == 0 ? out.forward_split : out.backward_split;
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
}

/// Participation: ratios of sums at region-sector, region and country level (§5.2 indices).
void participation_table(const LeontiefModel& m, const Vector& gvc_b, bool export_split, ProductionDecomposition& out) {
  const Index n = m.n();
  const auto& lab = m.labels();
  const Matrix &F = out.forward, &B = out.backward;
  out.participation = tables::TidyTable("participation", {"scope", "unit", "sector", "indicator"});
  auto& P = out.participation;
  P.set_levels(0, {"region_sector", "region", "country"});
  P.set_levels(3, {"nvc_forward", "gvc_forward", "nvc_backward", "gvc_backward"});
  Matrix num(n, 4);
  num.col(0) = F.col(kNvcS) + F.col(kNvcC);
  num.col(1) = F.col(kGvcS) + F.col(kGvcC);    // NaN with an exogenous rest of the world
  if (export_split) num.col(1) = F.col(kGvc);  // §5.5: identified by the user's export split
  num.col(2) = B.col(kNvcS) + B.col(kNvcC);
  num.col(3) = gvc_b;
  const std::vector<const Vector*> den{&out.va, &out.va, &out.y, &out.y};
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
}

}  // namespace

const std::vector<std::string>& production_term_names() {
  static const std::vector<std::string> names{"LOC",   "NTF",   "NVC_S",  "NVC_C", "RT",
                                              "GVC_S", "GVC_C", "RT_GVC", "GVC",   "OTHER_FD"};
  return names;
}

const std::vector<std::string>& production_split_names() {
  static const std::vector<std::string> names{"RT_a",    "RT_b",    "GVC_S_a",    "GVC_S_b",
                                              "GVC_C_a", "GVC_C_b", "RT_GVC_a",   "RT_GVC_b",
                                              "GVC_a",   "GVC_b",   "GVC_C_home", "GVC_C_abroad"};
  return names;
}

ProductionDecomposition three_level_decomposition(const LeontiefModel& m, const ProductionOptions& opt) {
  const Index n = m.n();
  const auto& lab = m.labels();
  const auto& table = m.table();
  ProductionDecomposition out;
  out.exogenous_rest_of_world = table.exports.cols() > 0 || table.imports.rows() > 0;
  if (out.exogenous_rest_of_world && lab.num_countries() > 1)
    throw InputError(
        "three-level decomposition: a table with an exogenous rest of the world "
        "(exports columns / imports rows) must have one endogenous country, found " +
        std::to_string(lab.num_countries()));
  report_progress(opt.progress, 0.0, "three-level decomposition: final demand classes");
  out.other_final_demand = table.has_other_final_demand();
  const FinalDemandClasses fd = classify_final_demand(m);
  const Vector& v = m.v();

  // ---- Forward (row sums), eq. (5.1) and sub-splits (5.2).
  report_progress(opt.progress, 0.1, "three-level decomposition: forward");
  const ForwardSolves fs = forward_solves(m, fd, out.other_final_demand);
  assemble_forward(v, fs, out);
  const bool export_split = out.exogenous_rest_of_world && opt.export_final_share.size() > 0;
  if (export_split) apply_export_split(m, opt.export_final_share, fd.yF, out);

  // ---- Backward (column sums): R'(2) + C'(5) + one blocked global transposed solve.
  report_progress(opt.progress, 0.5, "three-level decomposition: backward");
  BackwardSolves bs = backward_local_solves(m, out.exogenous_rest_of_world);
  backward_global_solve(m, out.exogenous_rest_of_world, bs);
  assemble_backward(fd, bs, out);
  const bool home_split = opt.split_complex_gvc && !out.exogenous_rest_of_world;
  if (home_split) {
    report_progress(opt.progress, 0.7, "three-level decomposition: GVC_C home / abroad");
    split_complex_gvc_home(m, fd.yC, out);
  }
  // Value added implied by x = L y (the table's va when its rows balance, §1.3 x_mode).
  out.va = v.cwiseProduct(m.model_output());
  out.y = fd.y;

  // ---- Diagnostics (§6.2 identities 20-21, 3).
  report_progress(opt.progress, 0.8, "three-level decomposition: diagnostics");
  Diagnostics d(n);
  check_identity_21(out, fd, v, fs.LCyC, bs.b, export_split, d);
  const Vector gvc_b = backward_gvc_total(out);
  check_identities_20_and_3(m, out, fd.y, bs, gvc_b, d);
  if (home_split) check_home_split_signs(m, out, fd.y, d);
  out.diagnostics = d.table();

  // ---- Tidy output.
  report_progress(opt.progress, 0.9, "three-level decomposition: tidy tables");
  tidy_terms(m, export_split, home_split, out);
  participation_table(m, gvc_b, export_split, out);
  report_progress(opt.progress, 1.0, "three-level decomposition: done");
  return out;
}

}  // namespace irio::solver::gvc
