// SPDX-License-Identifier: MIT
// pymrio-compatible satellite accounts computed with solves only (methods.md §2.3).
#include "irio/solver/footprints.h"

#include <algorithm>
#include <utility>

#include "irio/tables/diagnostics.h"
#include "irio/tables/error.h"

namespace irio::solver {

namespace {

/// F_Y summed over each region's final-demand categories (k_F x G; zeros without F_Y).
Matrix fy_by_region(const tables::Satellite& sat, Index kF, Index G) {
  Matrix FY_reg = Matrix::Zero(kF, G);
  if (sat.F_Y.cols() > 0) {
    const Index K = sat.F_Y.cols() / std::max<Index>(G, 1);
    for (Index r = 0; r < G; ++r) FY_reg.col(r) = sat.F_Y.middleCols(r * K, K).rowwise().sum();
  }
  return FY_reg;
}

/// The per-capita accounts: the regional ones over each region's population (none without one).
void per_capita(FootprintAccounts& a, const Vector& population) {
  if (population.size() == 0) return;
  const auto inv = population.cwiseInverse().asDiagonal();
  a.D_cba_cap = a.D_cba_reg * inv;
  a.D_pba_cap = a.D_pba_reg * inv;
  a.D_imp_cap = a.D_imp_reg * inv;
  a.D_exp_cap = a.D_exp_reg * inv;
}

/// FootprintOptions::regions_only: every regional account from one block of forward solves,
/// whatever k_F: X^d = L Y^d and, with exogenous exports (other final demand), L e_r for each
/// region's own exports (L e_O,r), so that
///   D_cba_reg[:, r] = S X^d[:, r] + F_Y^r          D_pba_reg[:, r] = S^r x^r + F_Y^r
///   D_imp_reg[:, r] = S X^d[:, r] - S^r (X^d[:, r])^r
///   D_exp_reg[:, r] = S^r (x^r - (X^d[:, r])^r)     D_abroad_reg[:, r] = S L e_r
/// with x = L (Y^d 1 + e + e_O) (methods.md §2.3, "Solves per account"). `a` holds S.
FootprintAccounts regional_accounts(const LeontiefModel& model, const tables::Satellite& sat,
                                    const FootprintOptions& opt, FootprintAccounts a) {
  const auto& t = model.table();
  const Index n = model.n(), G = model.num_regions(), N = model.num_sectors(), kF = sat.F.rows();
  const Matrix Yd_summed = t.labels.fd_categories.size() == 1 ? Matrix() : t.final_demand_by_region();
  const Matrix& Yd = t.labels.fd_categories.size() == 1 ? t.Y : Yd_summed;
  const bool abroad = t.exports.cols() > 0, other = t.has_other_final_demand();
  const Index c_abroad = G, c_other = G + (abroad ? G : 0);
  Matrix rhs(n, c_other + (other ? G : 0));
  rhs.leftCols(G) = Yd;
  auto by_own_region = [&](const Vector& v, Index c0) {
    rhs.middleCols(c0, G).setZero();
    for (Index r = 0; r < G; ++r) rhs.block(r * N, c0 + r, N, 1) = v.segment(r * N, N);
  };
  if (abroad) by_own_region(t.exports_abroad(), c_abroad);
  if (other) by_own_region(t.other_final_demand(), c_other);
  a.forward_rhs = rhs.cols();
  const Matrix X = model.solve(std::move(rhs));
  const Vector x = X.rowwise().sum();
  const Matrix SX = a.S * X;  // k_F x (G, G, G): every regional account is a sum of these
  const Matrix FY_reg = fy_by_region(sat, kF, G);
  a.D_cba_reg = SX.leftCols(G) + FY_reg;
  a.D_pba_reg = FY_reg;
  a.D_imp_reg = SX.leftCols(G);
  a.D_exp_reg = Matrix::Zero(kF, G);
  for (Index r = 0; r < G; ++r) {
    const auto Sr = a.S.middleCols(r * N, N);
    a.D_pba_reg.col(r) += Sr * x.segment(r * N, N);
    a.D_imp_reg.col(r) -= Sr * X.col(r).segment(r * N, N);
    a.D_exp_reg.col(r) = Sr * (x.segment(r * N, N) - X.col(r).segment(r * N, N));
  }
  if (abroad) a.D_abroad_reg = SX.middleCols(c_abroad, G);
  if (other) a.D_other_fd_reg = SX.middleCols(c_other, G);
  per_capita(a, opt.population);
  a.S.resize(0, 0);  // by region only: no account by sector
  return a;
}

}  // namespace

FootprintAccounts compute_footprints(const LeontiefModel& model, const tables::Satellite& sat,
                                     const FootprintOptions& opt) {
  const auto& t = model.table();
  const Index n = model.n(), G = model.num_regions(), N = model.num_sectors();
  const Index kF = sat.F.rows();
  if (sat.F.cols() != n)
    throw InputError("satellite '" + sat.name + "': F has " + std::to_string(sat.F.cols()) + " columns, expected " +
                     std::to_string(n));
  const Index GK = static_cast<Index>(t.num_fd_columns());
  if (sat.F_Y.cols() != 0 && (sat.F_Y.cols() != GK || sat.F_Y.rows() != kF))
    throw InputError("satellite '" + sat.name + "': F_Y is " + std::to_string(sat.F_Y.rows()) + " x " +
                     std::to_string(sat.F_Y.cols()) + ", expected " + std::to_string(kF) + " x " + std::to_string(GK));
  if (opt.population.size() != 0) {
    if (opt.population.size() != G)
      throw InputError("population has " + std::to_string(opt.population.size()) +
                       " entries, expected one per region (" + std::to_string(G) + ")");
    for (Index r = 0; r < G; ++r)
      if (!(opt.population(r) > 0))
        throw InputError("population of region '" + model.labels().regions[static_cast<std::size_t>(r)] + "' is " +
                         std::to_string(opt.population(r)) +
                         ": a population must be > 0 (give one in the population file, --population)");
  }
  FootprintAccounts a;
  const Vector xinv = tables::safe_reciprocal(model.x());
  a.S = sat.F * xinv.asDiagonal();  // S = F x^+ (§2.3)
  for (Index j : model.zero_output()) a.S.col(j).setZero();
  if (opt.regions_only) return regional_accounts(model, sat, opt, std::move(a));
  if (sat.F_Y.cols() > 0) {
    const Vector ytot = t.Y.colwise().sum().transpose();
    a.S_Y = sat.F_Y * tables::safe_reciprocal(ytot).asDiagonal();
  }

  // Transposed solves: M = S L (k_F columns). D_imp at sector detail needs either the per-region
  // rows M_r = (S restricted to region r's columns) L (k_F G transposed columns, replacing M's; S is
  // the sum of its restrictions, so M = sum_r M_r needs no solve of its own), or, region by region,
  // X_r = L Y_diag_r (N forward columns per region, n in all): the cheaper count wins.
  const bool by_rows = opt.imports_by_sector && (opt.imports_route == ImportsRoute::kRegionRows ||
                                                 (opt.imports_route == ImportsRoute::kAuto && kF * G <= n));
  const bool by_products = opt.imports_by_sector && !by_rows;
  a.imports_by_products = by_products;
  const Index kM = by_rows ? kF * G : kF, kAlso = opt.also_transposed.cols();
  if (kAlso > 0 && opt.also_transposed.rows() != n)
    throw InputError("footprints: the extra coefficient rows have " + std::to_string(opt.also_transposed.rows()) +
                     " entries, expected " + std::to_string(n));
  // The forward block's columns: X^d = L Y^d (G), then one column each for the exports to an
  // exogenous rest of the world and for ERR-type final demand (tables::is_other_final_demand),
  // then M_down's k_F columns.
  const bool abroad = t.exports.cols() > 0, other = t.has_other_final_demand();
  const Index c_abroad = G, c_other = G + (abroad ? 1 : 0), c_down = c_other + (other ? 1 : 0);
  const Index forward = c_down + (opt.downstream ? kF : 0);
  // Every right-hand side of the request, for the cost model: the transposed block, the forward
  // block and, for D_imp by product, n forward columns in batches.
  const auto plan = model.plan_solves(kM + kAlso + forward + (by_products ? n : 0));
  Matrix rhs = Matrix::Zero(n, kM + kAlso);
  if (by_rows)
    for (Index r = 0; r < G; ++r) rhs.block(r * N, kF * r, N, kF) = a.S.transpose().middleRows(r * N, N);
  else rhs.leftCols(kF) = a.S.transpose();
  if (kAlso > 0) rhs.rightCols(kAlso) = opt.also_transposed;
  a.transposed_rhs = rhs.cols();
  Matrix ML = model.solve_transposed(std::move(rhs));  // no second copy
  if (kAlso > 0) a.also_solved = ML.rightCols(kAlso);
  a.M = Matrix::Zero(kF, n);
  for (Index r = 0; kF > 0 && r < kM / kF; ++r) a.M += ML.middleCols(kF * r, kF).transpose();

  // One block of forward solves: X^d = L Y^d (S(G)); with an exogenous rest of the world its final
  // demand, the exports e, is one more destination column: x = L (Y^d 1 + e) = X^d 1 + L e
  // (pymrio's x_tot when e = 0); M_down's k_F columns L (x o s_q) join the same block.
  // Y^d = Y summed over final-demand categories; with one category Y itself (no n x G copy).
  const Matrix Yd_summed = t.labels.fd_categories.size() == 1 ? Matrix() : t.final_demand_by_region();
  const Matrix& Yd = t.labels.fd_categories.size() == 1 ? t.Y : Yd_summed;
  // ERR-type columns are a destination of their own, not abroad.
  Matrix rhs_y(n, forward);
  rhs_y.leftCols(G) = Yd;
  if (abroad) rhs_y.col(c_abroad) = t.exports_abroad();
  if (other) rhs_y.col(c_other) = t.other_final_demand();
  if (opt.downstream) rhs_y.rightCols(kF) = model.x().asDiagonal() * a.S.transpose();
  const Vector e = abroad ? Vector(rhs_y.col(c_abroad)) : Vector();
  const Vector e_other = other ? Vector(rhs_y.col(c_other)) : Vector();
  a.forward_rhs = rhs_y.cols();
  const Matrix Xall = model.solve(std::move(rhs_y));
  const auto Xd = Xall.leftCols(G);  // a view: X^d is n x G, as large as Y
  const Vector xL = Xall.leftCols(c_down).rowwise().sum();

  a.D_cba = Matrix::Zero(kF, n);
  if (opt.imports_by_sector) a.D_imp = Matrix::Zero(kF, n);
  for (Index r = 0; r < G; ++r) {
    const Matrix Mr = by_rows ? Matrix(ML.middleCols(kF * r, kF).transpose()) : Matrix();
    for (Index s = 0; s < G; ++s)
      for (Index j = 0; j < N; ++j) {
        const double y = Yd(s * N + j, r);
        if (y == 0.0) continue;
        a.D_cba.col(r * N + j) += a.M.col(s * N + j) * y;
        if (by_rows) a.D_imp.col(r * N + j) += (a.M.col(s * N + j) - Mr.col(s * N + j)) * y;
      }
  }
  if (by_products) {
    // X_r = L Y_diag_r, column (r, j) holding Y^d[(s, j), r] in rows (s, j) (pymrio's diagonalised
    // final demand); D_imp[:, (r, j)] = S X_r[:, j] less its rows in r. Regions in batches of about
    // 256 MiB of right-hand sides (a batch this large goes to the dense LU, which later batches reuse).
    const Index per = std::clamp<Index>((Index{256} << 20) / std::max<Index>(1, n * N * 8), 1, std::max<Index>(G, 1));
    for (Index r0 = 0; r0 < G; r0 += per) {
      const Index nr = std::min(per, G - r0);
      Matrix Yb = Matrix::Zero(n, nr * N);
      for (Index q = 0; q < nr; ++q)
        for (Index s = 0; s < G; ++s)
          for (Index j = 0; j < N; ++j) Yb(s * N + j, q * N + j) = Yd(s * N + j, r0 + q);
      a.forward_rhs += Yb.cols();
      const Matrix Xb = model.solve(std::move(Yb));
      for (Index q = 0; q < nr; ++q) {
        const Index r = r0 + q;
        a.D_imp.middleCols(r * N, N) = a.S * Xb.middleCols(q * N, N) -
                                       a.S.middleCols(r * N, N) * Xb.block(r * N, q * N, N, N);
      }
    }
  }
  a.D_pba = a.S * xL.asDiagonal();
  // Produced in s for every destination but s itself, the rest of the world included.
  Vector x_exp(n);
  for (Index s = 0; s < G; ++s) x_exp.segment(s * N, N) = xL.segment(s * N, N) - Xd.col(s).segment(s * N, N);
  a.D_exp = a.S * x_exp.asDiagonal();
  if (abroad) a.D_abroad = a.M * e.asDiagonal();  // M e-hat: the rest of the world's D_cba
  if (other) a.D_other_fd = a.M * e_other.asDiagonal();

  // Regional totals (+ direct final-demand use F_Y for cba and pba, as pymrio does).
  auto by_region = [&](const Matrix& D) {
    Matrix R = Matrix::Zero(kF, G);
    for (Index r = 0; r < G; ++r) R.col(r) = D.middleCols(r * N, N).rowwise().sum();
    return R;
  };
  const Matrix FY_reg = fy_by_region(sat, kF, G);
  a.D_cba_reg = by_region(a.D_cba) + FY_reg;
  a.D_pba_reg = by_region(a.D_pba) + FY_reg;
  if (opt.imports_by_sector) {
    a.D_imp_reg = by_region(a.D_imp);
  } else {
    // What r's final demand draws from other regions: S X^d[:, r] less its rows in r, where
    // S X^d[:, r] = S L Y^d[:, r] = (M Y^d)[:, r] is r's D_cba before F_Y.
    a.D_imp_reg = by_region(a.D_cba);
    for (Index r = 0; r < G; ++r) a.D_imp_reg.col(r) -= a.S.middleCols(r * N, N) * Xd.col(r).segment(r * N, N);
  }
  a.D_exp_reg = by_region(a.D_exp);
  if (abroad) a.D_abroad_reg = by_region(a.D_abroad);
  if (other) a.D_other_fd_reg = by_region(a.D_other_fd);
  per_capita(a, opt.population);
  if (opt.downstream) {
    // M_down = S (G - I)' : row q = (x^-1 L (x o s_q))' - s_q'  (methods.md §2.3), from the forward block.
    const Matrix GS = xinv.asDiagonal() * Xall.rightCols(kF);
    a.M_down = (GS - a.S.transpose()).transpose();
    for (Index j : model.zero_output()) a.M_down.col(j).setZero();
  }
  return a;
}

FootprintAccounts characterise_accounts(const FootprintAccounts& a, const tables::Characterisation& c) {
  if (c.regionalised())
    throw InputError("regionalised characterisation factors: compute the footprints of the characterised satellite");
  const Matrix& C = c.factors;
  const Index kF = a.D_cba_reg.rows();  // S is empty with regions_only
  if (C.cols() != kF)
    throw InputError("characterisation: factors for " + std::to_string(C.cols()) + " stressors, the satellite has " +
                     std::to_string(kF));
  // Every account is k_F x (something): the impacts' is C times it; an empty account stays empty.
  const auto apply = [&C](const Matrix& D) { return D.size() == 0 ? Matrix(0, D.cols()) : Matrix(C * D); };
  FootprintAccounts out;
  for (auto [to, from] : {std::pair{&out.S, &a.S},
                          {&out.S_Y, &a.S_Y},
                          {&out.M, &a.M},
                          {&out.M_down, &a.M_down},
                          {&out.D_cba, &a.D_cba},
                          {&out.D_pba, &a.D_pba},
                          {&out.D_imp, &a.D_imp},
                          {&out.D_exp, &a.D_exp},
                          {&out.D_cba_reg, &a.D_cba_reg},
                          {&out.D_pba_reg, &a.D_pba_reg},
                          {&out.D_imp_reg, &a.D_imp_reg},
                          {&out.D_exp_reg, &a.D_exp_reg},
                          {&out.D_cba_cap, &a.D_cba_cap},
                          {&out.D_pba_cap, &a.D_pba_cap},
                          {&out.D_imp_cap, &a.D_imp_cap},
                          {&out.D_exp_cap, &a.D_exp_cap},
                          {&out.D_abroad, &a.D_abroad},
                          {&out.D_abroad_reg, &a.D_abroad_reg},
                          {&out.D_other_fd, &a.D_other_fd},
                          {&out.D_other_fd_reg, &a.D_other_fd_reg}})
    *to = apply(*from);
  return out;
}

tables::TidyTable footprints_table(const LeontiefModel& model, const tables::Satellite& sat,
                                   const FootprintAccounts& acc) {
  const auto& lab = model.labels();
  tables::TidyTable t("footprints_" + sat.name, {"region", "sector", "stressor", "account"});
  t.set_levels(0, lab.regions);
  t.set_levels(1, lab.sectors);
  t.set_levels(2, sat.stressors);
  const Index N = model.num_sectors();
  auto add_detail = [&](const char* name, const Matrix& D) {
    if (D.size() == 0) return;
    const std::int32_t acc_code = t.level(3, name);
    for (Index q = 0; q < D.rows(); ++q)
      for (Index j = 0; j < D.cols(); ++j)
        t.add_row_codes({static_cast<std::int32_t>(j / N), static_cast<std::int32_t>(j % N),
                         static_cast<std::int32_t>(q), acc_code},
                        D(q, j));
  };
  auto add_region = [&](const char* name, const Matrix& D) {
    if (D.size() == 0) return;
    const std::int32_t acc_code = t.level(3, name), all = t.level(1, "(all)");
    for (Index q = 0; q < D.rows(); ++q)
      for (Index r = 0; r < D.cols(); ++r)
        t.add_row_codes({static_cast<std::int32_t>(r), all, static_cast<std::int32_t>(q), acc_code}, D(q, r));
  };
  add_detail("S", acc.S);
  add_detail("M", acc.M);
  add_detail("M_down", acc.M_down);
  add_detail("D_cba", acc.D_cba);
  add_detail("D_pba", acc.D_pba);
  add_detail("D_imp", acc.D_imp);
  add_detail("D_exp", acc.D_exp);
  add_detail("D_abroad", acc.D_abroad);
  add_detail("D_other_fd", acc.D_other_fd);
  add_region("D_cba_reg", acc.D_cba_reg);
  add_region("D_pba_reg", acc.D_pba_reg);
  add_region("D_imp_reg", acc.D_imp_reg);
  add_region("D_exp_reg", acc.D_exp_reg);
  add_region("D_abroad_reg", acc.D_abroad_reg);
  add_region("D_other_fd_reg", acc.D_other_fd_reg);
  add_region("D_cba_cap", acc.D_cba_cap);
  add_region("D_pba_cap", acc.D_pba_cap);
  add_region("D_imp_cap", acc.D_imp_cap);
  add_region("D_exp_cap", acc.D_exp_cap);
  return t;
}

}  // namespace irio::solver

namespace irio::solver {

tables::TidyTable footprint_diagnostics(const LeontiefModel& model, const tables::Satellite& sat,
                                        const FootprintAccounts& acc) {
  // Identity (12) of methods.md §6.2, with the rest of the world as a destination when the table
  // has exogenous exports: world D_cba (+ abroad) = world D_pba; per region D_pba = D_cba - D_imp
  // + D_exp; and D_pba adds up to the direct use F (x = L y: supplied and model output agree).
  tables::Diagnostics d(model.n());
  const std::string tag = "satellite " + sat.name;
  const Index kF = acc.D_cba_reg.rows();
  for (Index q = 0; q < kF; ++q) {
    const std::string scope = tag + ", " + sat.stressors[static_cast<std::size_t>(q)];
    const double cba = acc.D_cba_reg.row(q).sum(), pba = acc.D_pba_reg.row(q).sum();
    const double abroad = (acc.D_abroad_reg.size() ? acc.D_abroad_reg.row(q).sum() : 0.0) +
                          (acc.D_other_fd_reg.size() ? acc.D_other_fd_reg.row(q).sum() : 0.0);
    d.check(acc.D_other_fd_reg.size() ? "12: world D_cba + D_abroad + D_other_fd = world D_pba"
                                      : "12: world D_cba + D_abroad = world D_pba",
            scope, cba + abroad - pba, std::max(std::abs(cba + abroad), std::abs(pba)));
    const Vector closure = (acc.D_cba_reg.row(q) - acc.D_imp_reg.row(q) + acc.D_exp_reg.row(q)).transpose();
    d.check_vectors("12: D_pba = D_cba - D_imp + D_exp per region", scope, acc.D_pba_reg.row(q).transpose(), closure);
  }
  return d.table();
}

}  // namespace irio::solver
