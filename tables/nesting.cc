// SPDX-License-Identifier: MIT
// Nesting a provincial table into a world table: methods.md §5.1 (Meng, Wang & Koopman 2013,
// IDE-JETRO DP 424; Meng, Yamano et al. 2016), steps 0-5 of methods.md §5.6, documented in nesting.h.
#include "irio/tables/nesting.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include "irio/tables/error.h"

namespace irio::tables {
namespace {

using Index = Eigen::Index;

std::string list_some(const std::vector<std::string>& v, std::size_t k = 10) {
  std::string s;
  for (std::size_t i = 0; i < v.size() && i < k; ++i) s += (i ? ", " : "") + v[i];
  if (v.size() > k) s += ", ... (" + std::to_string(v.size()) + " in all)";
  return s;
}

/// Shares of each column of `w` (rows = provinces) over the provinces; a column whose weights do
/// not give shares (sum <= 0 or a negative entry) takes the column of `fallback` instead, and its
/// index is added to `fell_back`. `fallback` columns that fail too are split equally.
Matrix shares_by_column(const Matrix& w, const Matrix& fallback, std::vector<Index>* fell_back) {
  Matrix s = Matrix::Zero(w.rows(), w.cols());
  auto usable = [](const auto& col) { return col.sum() > 0 && col.minCoeff() >= 0; };
  for (Index j = 0; j < w.cols(); ++j) {
    if (usable(w.col(j))) {
      s.col(j) = w.col(j) / w.col(j).sum();
      continue;
    }
    if (fell_back) fell_back->push_back(j);
    if (usable(fallback.col(j))) s.col(j) = fallback.col(j) / fallback.col(j).sum();
    else s.col(j).setConstant(1.0 / static_cast<double>(w.rows()));
  }
  return s;
}

std::string sector_list(const std::vector<Index>& idx, const std::vector<std::string>& sectors) {
  std::vector<std::string> names;
  for (Index i : idx) names.push_back(sectors[static_cast<std::size_t>(i)]);
  return list_some(names);
}

}  // namespace

std::string NestOptions::validate() const {
  if (country.empty()) return "the country to replace (--country) is empty";
  if (export_key == ExportKey::kFile && key_weights.empty())
    return "the export key file (--key-file) gives no weights: it needs rows region,sector,weight with a weight > 0";
  if (export_key != ExportKey::kFile && !key_weights.empty())
    return "key weights were given, but the export key is '" + std::string(enum_name(export_key)) + "'";
  return ras.validate();
}

Matrix concordance_matrix(const SectorConcordance& c, const std::vector<std::string>& provincial_sectors,
                          const std::vector<std::string>& world_sectors, const Vector& country_output) {
  const Index Nw = static_cast<Index>(world_sectors.size()), Np = static_cast<Index>(provincial_sectors.size());
  Matrix S = Matrix::Zero(Nw, Np);
  std::vector<std::vector<const SectorLink*>> by_sector(static_cast<std::size_t>(Np));
  for (const auto& l : c.links) {
    const int a = Labels::find(provincial_sectors, l.provincial);
    if (a < 0)
      throw InputError(c.source + ":" + std::to_string(l.line) + ": provincial sector '" + l.provincial +
                       "' is not a sector of the provincial table (nearest: " +
                       Labels::nearest(provincial_sectors, l.provincial) + ")");
    if (Labels::find(world_sectors, l.world) < 0)
      throw InputError(c.source + ":" + std::to_string(l.line) + ": world sector '" + l.world +
                       "' is not a sector of the world table (nearest: " + Labels::nearest(world_sectors, l.world) +
                       ")");
    by_sector[static_cast<std::size_t>(a)].push_back(&l);
  }
  std::vector<std::string> missing;
  for (Index a = 0; a < Np; ++a) {
    const auto& links = by_sector[static_cast<std::size_t>(a)];
    if (links.empty()) {
      missing.push_back(provincial_sectors[static_cast<std::size_t>(a)]);
      continue;
    }
    const bool weighted = !std::isnan(links.front()->weight);
    double wsum = 0, xsum = 0;
    for (const auto* l : links) {
      if (std::isnan(l->weight) == weighted)
        throw InputError(c.source + ":" + std::to_string(l->line) + ": provincial sector '" + l->provincial +
                         "' has lines with and without a weight: give every line a weight or none");
      const Index b = Labels::find(world_sectors, l->world);
      wsum += weighted ? l->weight : 0.0;
      xsum += std::max(0.0, country_output(b));
    }
    if (weighted && std::abs(wsum - 1.0) > 1e-9)
      throw InputError(c.source + ": the weights of provincial sector '" +
                       provincial_sectors[static_cast<std::size_t>(a)] + "' sum to " + std::to_string(wsum) +
                       ", not 1");
    for (const auto* l : links) {
      const Index b = Labels::find(world_sectors, l->world);
      double w = l->weight;
      if (!weighted)  // split by the country's output of the world sectors (equally if none)
        w = xsum > 0 ? std::max(0.0, country_output(b)) / xsum : 1.0 / static_cast<double>(links.size());
      S(b, a) += w;
    }
  }
  if (!missing.empty()) throw InputError(c.source + ": provincial sectors with no world sector: " + list_some(missing));
  return S;
}

namespace {

/// What every step of the nesting needs: the two tables, the options, the country's region rc in
/// the world table and the dimensions (methods.md §5.6).
struct NestContext {
  const IoTable& P;
  const IoTable& W;
  const NestOptions& opt;
  const std::string& ps;  ///< where the provincial table comes from
  const std::string& ws;  ///< where the world table comes from
  Index rc;               ///< the country's region in the world table
  Index Gp, Np, Gw, N, K, Kp;
  Index c0;   ///< first row of the country in the world table
  Index nc;   ///< province-sectors in the world sectors, Gp N
  Index yc0;  ///< the country's final-demand columns in the world table
  Matrix Zw;
  Vector xw, xc;

  NestContext(const IoTable& p, const IoTable& w, const NestOptions& o, Index rc_)
      : P(p), W(w), opt(o), ps(o.provinces_source), ws(o.world_source), rc(rc_),
        Gp(static_cast<Index>(p.labels.num_regions())), Np(static_cast<Index>(p.labels.num_sectors())),
        Gw(static_cast<Index>(w.labels.num_regions())), N(static_cast<Index>(w.labels.num_sectors())),
        K(static_cast<Index>(w.labels.fd_categories.size())), Kp(static_cast<Index>(p.labels.fd_categories.size())),
        c0(rc_ * N), nc(Gp * N), yc0(rc_ * K), Zw(Matrix(w.Z)), xw(w.output()), xc(xw.segment(c0, N)) {}

  /// The nested table's region of world region r != rc.
  Index nested_region(Index r) const { return r < rc ? r : r + Gp - 1; }
  /// Gp x N: row p holds province p's segment of a province-sector vector.
  Matrix by_province(const Vector& v) const {
    Matrix m(Gp, N);
    for (Index p = 0; p < Gp; ++p) m.row(p) = v.segment(p * N, N).transpose();
    return m;
  }
};

/// The inputs' preconditions (methods.md §5.6 "Inputs") and the country's region in the world
/// table: a region of that name, or a country with one region.
Index locate_country(const IoTable& P, const IoTable& W, const NestOptions& opt) {
  if (const auto why = opt.validate(); !why.empty()) throw InputError("nest: " + why);
  const auto& ps = opt.provinces_source;
  const auto& ws = opt.world_source;
  const Labels &pl = P.labels, &wl = W.labels;
  if (pl.num_countries() != 1)
    throw InputError(ps + ": the provincial table must hold the regions of one country, found " +
                     std::to_string(pl.num_countries()) + " countries");
  if (W.exports.cols() > 0 || W.imports.rows() > 0)
    throw InputError(ws +
                     ": the world table has an exogenous rest of the world (exports/imports); nest into a "
                     "closed world table");
  if (opt.export_key == ExportKey::kExports && P.exports.cols() == 0)
    throw InputError(ps +
                     ": the provincial table has no export columns: the export key 'exports' needs them "
                     "(use --key output or a key file)");
  // The country's region in the world table: a region of that name, or a country with one region.
  int rc = Labels::find(wl.regions, opt.country);
  if (rc < 0) {
    const int cc = Labels::find(wl.countries, opt.country);
    std::vector<int> regs;
    for (std::size_t r = 0; r < wl.num_regions(); ++r)
      if (cc >= 0 && wl.country_of_region[r] == cc) regs.push_back(static_cast<int>(r));
    if (regs.size() != 1)
      throw InputError(ws + ": '" + opt.country + "' is not a region of the world table" +
                       (regs.size() > 1 ? " (it is a country of several regions)" : "") +
                       " (nearest: " + Labels::nearest(wl.regions, opt.country) + ")");
    rc = regs.front();
  }
  for (const auto& p : pl.regions)
    if (p != wl.regions[static_cast<std::size_t>(rc)] && Labels::find(wl.regions, p) >= 0)
      throw InputError(ps + ": province '" + p + "' has the name of a region of the world table " + ws +
                       "; rename one of them");
  return rc;
}

/// The country's rows and columns in the world sectors: inter-provincial flows, final demand,
/// outputs, value added, exports (for the key) and imported inputs, per province-sector.
struct CountryBlocks {
  Matrix Zc, Yc;
  Vector xprov, vac, ec, mc;
};

/// Step 0 (methods.md §5.6): each province's blocks mapped to the world sectors with S.
CountryBlocks map_provincial_blocks(const NestContext& cx, const Matrix& S) {
  const IoTable& P = cx.P;
  const Index Gp = cx.Gp, Np = cx.Np, N = cx.N, nc = cx.nc;
  const Matrix Zp = Matrix(P.Z);
  const Vector xp = P.output(), vap = P.value_added_residual();
  // Exports for the key: every export column but an error column "ERR" (CEADs), when others exist.
  Vector ep = Vector::Zero(Gp * Np);
  for (Index k = 0; k < P.exports.cols(); ++k)
    if (P.exports.cols() == 1 || k >= static_cast<Index>(P.export_labels.size()) ||
        P.export_labels[static_cast<std::size_t>(k)] != "ERR")
      ep += P.exports.col(k);
  const Vector mp = P.imports.rows() > 0 ? Vector(P.imports.colwise().sum().transpose()) : Vector::Zero(Gp * Np);
  CountryBlocks b{Matrix(nc, nc), Matrix(nc, Gp * cx.Kp), Vector(nc), Vector(nc), Vector(nc), Vector(nc)};
  for (Index p = 0; p < Gp; ++p) {
    for (Index q = 0; q < Gp; ++q)
      b.Zc.block(p * N, q * N, N, N) = S * Zp.block(p * Np, q * Np, Np, Np) * S.transpose();
    b.Yc.middleRows(p * N, N) = S * P.Y.middleRows(p * Np, Np);
    b.xprov.segment(p * N, N) = S * xp.segment(p * Np, Np);
    b.vac.segment(p * N, N) = S * vap.segment(p * Np, Np);
    b.ec.segment(p * N, N) = S * ep.segment(p * Np, Np);
    b.mc.segment(p * N, N) = S * mp.segment(p * Np, Np);
  }
  return b;
}

/// Step 0 (methods.md §5.6): provincial outputs scaled by sector to the country's output in the
/// world table, x^p_i <- x^p_i x^c_i / sum_q x^q_i; the factors are reported.
void scale_to_national(const NestContext& cx, const SectorConcordance& conc, CountryBlocks& b, NestResult& out) {
  const Index Gp = cx.Gp, N = cx.N;
  const Vector& xc = cx.xc;
  Vector scale = Vector::Ones(N);
  {
    std::vector<std::string> uncovered;
    for (Index i = 0; i < N; ++i) {
      double sum = 0;
      for (Index p = 0; p < Gp; ++p) sum += b.xprov(p * N + i);
      if (sum > 0) scale(i) = xc(i) / sum;
      else if (xc(i) != 0) uncovered.push_back(cx.W.labels.sectors[static_cast<std::size_t>(i)]);
    }
    if (!uncovered.empty())
      throw InputError(cx.ps + ": the country '" + cx.opt.country + "' has output in the world table " + cx.ws +
                       " in sectors where the provinces have none (check the sector concordance " + conc.source +
                       "): " + list_some(uncovered));
  }
  for (Index p = 0; p < Gp; ++p)
    for (Index i = 0; i < N; ++i) {
      const Index r = p * N + i;
      b.Zc.row(r) *= scale(i);
      b.Yc.row(r) *= scale(i);
      b.xprov(r) *= scale(i);
      b.ec(r) *= scale(i);
      b.vac(r) *= scale(i);
      b.mc(r) *= scale(i);
    }
  const double lo = scale.minCoeff(), hi = scale.maxCoeff();
  std::ostringstream os;
  os << "provincial outputs scaled to the country's output in the world table, factor " << lo << " to " << hi
     << " by sector";
  if (std::abs(lo - 1) > 1e-9 || std::abs(hi - 1) > 1e-9) out.notes.push_back(os.str());
  out.checks.table().add_row({"scale of provincial outputs to national outputs (min)", "sector", "NA", "info"}, lo);
  out.checks.table().add_row({"scale of provincial outputs to national outputs (max)", "sector", "NA", "info"}, hi);
}

/// Step 0 (methods.md §5.6): provincial final demand in other categories than the world table's
/// is split into its categories by the country's category shares per product.
Matrix final_demand_in_world_categories(const NestContext& cx, const Matrix& Yc, NestResult& out) {
  const Index Gp = cx.Gp, N = cx.N, K = cx.K, Kp = cx.Kp, nc = cx.nc, c0 = cx.c0, yc0 = cx.yc0;
  const IoTable& W = cx.W;
  Matrix Yd(nc, Gp * K);
  if (cx.P.labels.fd_categories == W.labels.fd_categories) {
    Yd = Yc;
    return Yd;
  }
  Matrix g(N, K);  // category shares of the country's domestic final use, per product
  Vector all = Vector::Zero(K);
  for (Index k = 0; k < K; ++k) all(k) = W.Y.block(c0, yc0 + k, N, 1).sum();
  for (Index i = 0; i < N; ++i) {
    const auto row = W.Y.block(c0 + i, yc0, 1, K);
    if (row.sum() != 0) g.row(i) = row / row.sum();
    else if (all.sum() != 0) g.row(i) = all.transpose() / all.sum();
    else g.row(i).setConstant(1.0 / static_cast<double>(K));
  }
  for (Index r = 0; r < nc; ++r)
    for (Index q = 0; q < Gp; ++q) {
      const double tot = Yc.block(r, q * Kp, 1, Kp).sum();
      for (Index k = 0; k < K; ++k) Yd(r, q * K + k) = tot * g(r % N, k);
    }
  out.notes.push_back("provincial final demand (categories " + list_some(cx.P.labels.fd_categories) +
                      ") split into the world table's categories by the country's shares per product");
  return Yd;
}

/// National trade of the country in the world table: exports by product E, imported inputs by
/// using sector Mint (the control totals of steps 2-4, methods.md §5.6).
struct NationalTrade {
  Vector E, Mint;
};

NationalTrade national_trade(const NestContext& cx) {
  const Index N = cx.N, K = cx.K, c0 = cx.c0;
  NationalTrade t{Vector::Zero(N), Vector::Zero(N)};  // exports by product, imports by using sector
  for (Index s = 0; s < cx.Gw; ++s) {
    if (s == cx.rc) continue;
    t.E += cx.Zw.block(c0, s * N, N, N).rowwise().sum() + cx.W.Y.block(c0, s * K, N, K).rowwise().sum();
    t.Mint += cx.Zw.block(s * N, c0, N, N).colwise().sum().transpose();
  }
  return t;
}

/// Step 2 with a key file (methods.md §5.6): the user's weights by province and world sector;
/// every sector the country exports needs one.
Matrix key_file_weights(const NestContext& cx, const Vector& E) {
  const Labels &pl = cx.P.labels, &wl = cx.W.labels;
  const NestOptions& opt = cx.opt;
  Matrix kw = Matrix::Zero(cx.Gp, cx.N);
  for (const auto& a : opt.key_weights) {
    const int p = Labels::find(pl.regions, a.region);
    const int i = Labels::find(wl.sectors, a.sector);
    const std::string at = opt.key_source + ":" + std::to_string(a.line) + ": ";
    if (p < 0)
      throw InputError(at + "region '" + a.region + "' is not a province of " + cx.ps +
                       " (nearest: " + Labels::nearest(pl.regions, a.region) + ")");
    if (i < 0)
      throw InputError(at + "sector '" + a.sector + "' is not a sector of the world table " + cx.ws +
                       " (nearest: " + Labels::nearest(wl.sectors, a.sector) + ")");
    if (!std::isfinite(a.weight) || a.weight < 0)
      throw InputError(at + "the weight of " + a.region + "/" + a.sector + " must be a finite number >= 0");
    kw(p, i) += a.weight;
  }
  std::vector<std::string> uncovered;
  for (Index i = 0; i < cx.N; ++i)
    if (E(i) != 0 && kw.col(i).sum() <= 0) uncovered.push_back(wl.sectors[static_cast<std::size_t>(i)]);
  if (!uncovered.empty())
    throw InputError(opt.key_source + ": no weight for sectors that the country exports: " + list_some(uncovered));
  return kw;
}

/// Step 2 (methods.md §5.6): export keys w (Gp x N), each province's share of the country's
/// exports of a product (or of its output, or a user's key); a product without a usable key falls
/// back to output shares (reported).
Matrix export_key_shares(const NestContext& cx, const CountryBlocks& b, const Vector& E, NestResult& out) {
  const NestOptions& opt = cx.opt;
  const Matrix out_w = cx.by_province(b.xprov);
  Matrix w;
  std::vector<Index> fell;
  if (opt.export_key == ExportKey::kExports) {
    w = shares_by_column(cx.by_province(b.ec).cwiseMax(0.0), out_w, &fell);  // negative net exports: no share
  } else if (opt.export_key == ExportKey::kOutput) {
    w = shares_by_column(out_w, out_w, &fell);
  } else {
    w = shares_by_column(key_file_weights(cx, E), out_w, nullptr);
  }
  std::vector<Index> relevant;
  for (Index i : fell)
    if (E(i) != 0) relevant.push_back(i);
  if (!relevant.empty())
    out.notes.push_back("export key: no usable provincial " + std::string(enum_name(opt.export_key)) + " for sectors " +
                        sector_list(relevant, cx.W.labels.sectors) + "; allocated by output shares");
  return w;
}

/// Step 3 (methods.md §5.6): import keys s (Gp x N) for intermediate imports, province q's share
/// of the country's imported inputs used by sector j; by domestic intermediate inputs where the
/// provincial import row is zero (reported).
Matrix intermediate_import_key(const NestContext& cx, const CountryBlocks& b, const Vector& Mint, NestResult& out) {
  const Index Gp = cx.Gp, N = cx.N;
  Matrix dom_inputs(Gp, N);
  for (Index q = 0; q < Gp; ++q) dom_inputs.row(q) = b.Zc.middleCols(q * N, N).colwise().sum();
  std::vector<Index> fell;
  Matrix s_int = shares_by_column(cx.by_province(b.mc).cwiseMax(0.0), dom_inputs, &fell);
  std::vector<Index> relevant;
  for (Index j : fell)
    if (Mint(j) != 0) relevant.push_back(j);
  if (!relevant.empty())
    out.notes.push_back("import key: no provincial imports for using sectors " +
                        sector_list(relevant, cx.W.labels.sectors) + "; allocated by domestic intermediate inputs");
  return s_int;
}

/// Step 3 (methods.md §5.6): f[k] (Gp x N), province q's share of the country's domestic final
/// use of product i in category k.
std::vector<Matrix> final_import_key(const NestContext& cx, const Matrix& Yd) {
  const Index Gp = cx.Gp, N = cx.N, K = cx.K;
  std::vector<Matrix> f_fin(static_cast<std::size_t>(K));
  Vector tot = Vector::Zero(Gp);
  for (Index q = 0; q < Gp; ++q) tot(q) = Yd.middleCols(q * K, K).sum();
  Matrix fb(Gp, N);
  for (Index i = 0; i < N; ++i) fb.col(i) = tot;
  for (Index k = 0; k < K; ++k) {
    Matrix use = Matrix::Zero(Gp, N);
    for (Index q = 0; q < Gp; ++q)
      for (Index p = 0; p < Gp; ++p)
        for (Index i = 0; i < N; ++i) use(q, i) += Yd(p * N + i, q * K + k);
    f_fin[static_cast<std::size_t>(k)] = shares_by_column(use, fb, nullptr);
  }
  return f_fin;
}

/// The RAS problem of step 4 (methods.md §5.6) on the country's rows [Z^PP | Y^PP | E].
struct RasProblem {
  Matrix A;
  Vector u, v;  ///< row and column targets
};

/// Step 4 (methods.md §5.6): rows [Z^PP | Y^PP | exports by product w^p_i E_i]; row targets the
/// scaled provincial outputs; column targets the domestic inputs, E_i, and final demand scaled by
/// one factor that closes the totals (reported).
RasProblem ras_problem(const NestContext& cx, const CountryBlocks& b, const Matrix& Yd, const Matrix& w,
                       const Matrix& s_int, const NationalTrade& trade, NestResult& out) {
  const Index Gp = cx.Gp, N = cx.N, K = cx.K, nc = cx.nc;
  const Vector &E = trade.E, &Mint = trade.Mint;
  const Index ncol = nc + Gp * K + N;
  RasProblem rp{Matrix::Zero(nc, ncol), b.xprov, Vector(ncol)};
  Matrix& A = rp.A;
  Vector& v = rp.v;
  A.leftCols(nc) = b.Zc;
  A.middleCols(nc, Gp * K) = Yd;
  for (Index p = 0; p < Gp; ++p)
    for (Index i = 0; i < N; ++i) A(p * N + i, nc + Gp * K + i) = w(p, i) * E(i);
  for (Index q = 0; q < Gp; ++q)
    for (Index j = 0; j < N; ++j) v(q * N + j) = b.xprov(q * N + j) - b.vac(q * N + j) - s_int(q, j) * Mint(j);
  v.tail(N) = E;
  const double fd_target = rp.u.sum() - v.head(nc).sum() - E.sum();
  const double fd_now = Yd.sum();
  if (!(fd_now > 0) || !(fd_target > 0))
    throw InputError(cx.ps + ": the provinces' domestic final demand (" + std::to_string(fd_now) +
                     ") cannot absorb the difference to the national totals (needs " + std::to_string(fd_target) +
                     "): the provincial table and the world table's country '" + cx.opt.country +
                     "' disagree too much");
  const Vector fd_cols = Yd.colwise().sum().transpose();
  v.segment(nc, Gp * K) = fd_cols * (fd_target / fd_now);
  if (std::abs(fd_target / fd_now - 1) > 1e-9) {
    std::ostringstream os;
    os << "provincial final demand scaled by " << fd_target / fd_now << " to close the national totals";
    out.notes.push_back(os.str());
  }
  return rp;
}

/// Names of the rows and columns of the RAS problem of step 4, for its error messages.
std::string ras_row_name(const NestContext& cx, std::size_t r) {
  const auto N = static_cast<std::size_t>(cx.N);
  return cx.P.labels.regions[r / N] + "/" + cx.W.labels.sectors[r % N];
}

std::string ras_col_name(const NestContext& cx, std::size_t c) {
  const auto n_c = static_cast<std::size_t>(cx.nc), GK = static_cast<std::size_t>(cx.Gp * cx.K);
  const auto K = static_cast<std::size_t>(cx.K);
  if (c < n_c) return "inputs of " + ras_row_name(cx, c);
  if (c < n_c + GK)
    return "final demand " + cx.P.labels.regions[(c - n_c) / K] + "/" + cx.W.labels.fd_categories[(c - n_c) % K];
  return "exports of " + cx.W.labels.sectors[c - n_c - GK];
}

/// Step 4 (methods.md §5.6; §6.1 RAS / GRAS): a rebalancing that did not converge is a
/// NumericalError naming the worst row and column and one that cannot reach its target.
void require_ras_converged(const NestContext& cx, const RasResult& result) {
  if (result.converged) return;
  std::string msg = "nest: rebalancing the provinces of '" + cx.opt.country + "' did not converge (worst row " +
                    ras_row_name(cx, result.worst_row) + ", worst column " + ras_col_name(cx, result.worst_col) + ")";
  if (!result.infeasible_rows.empty())
    msg += "; row that cannot reach its target (no entry of the needed sign): " +
           ras_row_name(cx, result.infeasible_rows[0]);
  if (!result.infeasible_cols.empty())
    msg += "; column that cannot reach its target (no entry of the needed sign): " +
           ras_col_name(cx, result.infeasible_cols[0]);
  throw NumericalError(msg + "\n" + result.report());
}

/// Step 5, for information (methods.md §5.6): the size of the RAS adjustments.
void report_ras_adjustments(const Matrix& A, NestResult& out) {
  const Matrix& X = out.ras.X;
  double max_rel = 0, abs_change = 0, abs_total = 0;
  for (Index j = 0; j < A.cols(); ++j)
    for (Index i = 0; i < A.rows(); ++i) {
      const double a = A(i, j), x = X(i, j);
      if (a != 0) max_rel = std::max(max_rel, std::abs(x / a - 1));
      abs_change += std::abs(x - a);
      abs_total += std::abs(a);
    }
  auto& t = out.checks.table();
  t.add_row({"RAS: iterations", "country rows", "NA", "info"}, out.ras.iterations);
  t.add_row({"RAS: largest relative change of a cell", "country rows", "NA", "info"}, max_rel);
  t.add_row({"RAS: sum |change| / sum |flows|", "country rows", "NA", "info"},
            abs_total > 0 ? abs_change / abs_total : 0.0);
  t.add_row({"RAS: row multiplier (min)", "country rows", "NA", "info"}, out.ras.r.minCoeff());
  t.add_row({"RAS: row multiplier (max)", "country rows", "NA", "info"}, out.ras.r.maxCoeff());
}

/// Step 4 (methods.md §5.6): RAS on the country's rows; the balanced Z^PP and Y^PP replace the
/// mapped ones, and w^p_i is read off the export columns.
void rebalance(const NestContext& cx, const NationalTrade& trade, const Matrix& s_int, CountryBlocks& b, Matrix& Yd,
               Matrix& w, NestResult& out) {
  const Index Gp = cx.Gp, N = cx.N, K = cx.K, nc = cx.nc;
  const Vector& E = trade.E;
  const RasProblem rp = ras_problem(cx, b, Yd, w, s_int, trade, out);
  out.ras = ras(rp.A, rp.u, rp.v, cx.opt.ras);
  require_ras_converged(cx, out.ras);
  report_ras_adjustments(rp.A, out);
  const Matrix& X = out.ras.X;
  b.Zc = X.leftCols(nc);
  Yd = X.middleCols(nc, Gp * K);
  for (Index i = 0; i < N; ++i)
    if (E(i) != 0)
      for (Index p = 0; p < Gp; ++p) w(p, i) = X(p * N + i, nc + Gp * K + i) / E(i);
}

/// Labels of the nested table: the world table's, with the provinces in place of the country's
/// region, mapping to its country (methods.md §5.6 "Inputs").
void nested_labels(const NestContext& cx, Labels& labels) {
  const Labels &pl = cx.P.labels, &wl = cx.W.labels;
  labels.sectors = wl.sectors;
  labels.sector_names = wl.sector_names;
  labels.countries = wl.countries;
  labels.fd_categories = wl.fd_categories;
  labels.fd_category_names = wl.fd_category_names;
  const int country_index = wl.country_of_region[static_cast<std::size_t>(cx.rc)];
  for (Index r = 0; r < cx.Gw; ++r) {
    const auto ru = static_cast<std::size_t>(r);
    if (r == cx.rc) {
      for (Index p = 0; p < cx.Gp; ++p) {
        labels.regions.push_back(pl.regions[static_cast<std::size_t>(p)]);
        labels.country_of_region.push_back(country_index);
        if (wl.has_region_names() || pl.has_region_names())
          labels.region_names.push_back(pl.region_name(static_cast<std::size_t>(p)));
      }
      continue;
    }
    labels.regions.push_back(wl.regions[ru]);
    labels.country_of_region.push_back(wl.country_of_region[ru]);
    if (wl.has_region_names() || pl.has_region_names()) labels.region_names.push_back(wl.region_name(ru));
  }
}

/// Steps 1-3 with the balanced keys (methods.md §5.6): partner blocks as in the world table,
/// the country's exports split by w, its imports by s (inputs) and f (final), its domestic
/// blocks replaced by the balanced Z^PP, Y^PP. Z is dense here; the caller stores it sparse.
void nested_flows(const NestContext& cx, const Matrix& Zc, const Matrix& Yd, const Matrix& w, const Matrix& s_int,
                  const std::vector<Matrix>& f_fin, Matrix& Z, Matrix& Y) {
  const Index Gp = cx.Gp, Gw = cx.Gw, N = cx.N, K = cx.K, nc = cx.nc, rc = cx.rc;
  const Index G2 = Gw - 1 + Gp, n2 = G2 * N;
  auto nested_region = [&](Index r) { return cx.nested_region(r); };
  Z = Matrix::Zero(n2, n2);
  Y = Matrix::Zero(n2, G2 * K);
  for (Index r = 0; r < Gw; ++r) {
    for (Index s = 0; s < Gw; ++s) {
      const Matrix blk = cx.Zw.block(r * N, s * N, N, N);
      if (r != rc && s != rc) {
        Z.block(nested_region(r) * N, nested_region(s) * N, N, N) = blk;
      } else if (r != rc) {  // imports of the country from r, step 3
        for (Index q = 0; q < Gp; ++q)
          Z.block(nested_region(r) * N, (rc + q) * N, N, N) = blk * s_int.row(q).asDiagonal();
      } else if (s != rc) {  // exports of the country to s, step 2
        for (Index p = 0; p < Gp; ++p) Z.block((rc + p) * N, nested_region(s) * N, N, N) = w.row(p).asDiagonal() * blk;
      }
    }
    for (Index s = 0; s < Gw; ++s) {
      const Matrix yb = cx.W.Y.block(r * N, s * K, N, K);
      if (r != rc && s != rc) {
        Y.block(nested_region(r) * N, nested_region(s) * K, N, K) = yb;
      } else if (r != rc) {
        for (Index q = 0; q < Gp; ++q)
          for (Index k = 0; k < K; ++k)
            Y.block(nested_region(r) * N, (rc + q) * K + k, N, 1) =
                yb.col(k).cwiseProduct(f_fin[static_cast<std::size_t>(k)].row(q).transpose());
      } else if (s != rc) {
        for (Index p = 0; p < Gp; ++p) Y.block((rc + p) * N, nested_region(s) * K, N, K) = w.row(p).asDiagonal() * yb;
      }
    }
  }
  Z.block(rc * N, rc * N, nc, nc) = Zc;
  Y.block(rc * N, rc * K, nc, Gp * K) = Yd;
}

/// Outputs of the nested table: the world table's for the other regions; the provinces' row sums
/// (methods.md §5.6 step 4).
void nested_outputs(const NestContext& cx, IoTable& T) {
  const Index N = cx.N, nc = cx.nc, rc = cx.rc;
  T.x.resize(T.Z.rows());
  for (Index r = 0; r < cx.Gw; ++r)
    if (r != rc) T.x.segment(cx.nested_region(r) * N, N) = cx.xw.segment(r * N, N);
  // The provinces' outputs are their row sums: equal to the targets within the RAS tolerance, and
  // exactly balanced, so that the identities of §6.2 hold to rounding on the nested table.
  T.x.segment(rc * N, nc) = T.row_total().segment(rc * N, nc);
}

/// Value added: the world table's components; a province's by its own components when they are
/// the world's, else by the country's shares in the world table (methods.md §5.6 "Inputs").
void nested_value_added(const NestContext& cx, const Matrix& S, IoTable& T) {
  const IoTable &P = cx.P, &W = cx.W;
  const Index Np = cx.Np, N = cx.N, rc = cx.rc, c0 = cx.c0;
  T.va_components = W.va_components;
  const Index kV = W.V.rows();
  T.V = Matrix::Zero(kV, T.Z.rows());
  if (kV == 0) return;
  const Vector va_nested = T.value_added_residual();
  const bool own = P.V.rows() == kV && P.va_components == W.va_components;
  for (Index r = 0; r < cx.Gw; ++r)
    if (r != rc) T.V.middleCols(cx.nested_region(r) * N, N) = W.V.middleCols(r * N, N);
  for (Index q = 0; q < cx.Gp; ++q)
    for (Index j = 0; j < N; ++j) {
      Vector comp(kV);
      if (own) comp = P.V.middleCols(q * Np, Np) * S.row(j).transpose();
      else comp = W.V.col(c0 + j);
      const double tot = comp.sum();
      if (tot != 0) comp /= tot;
      else comp = Vector::Unit(kV, 0);
      T.V.col((rc + q) * N + j) = comp * va_nested((rc + q) * N + j);
    }
}

/// Satellite accounts (methods.md §5.6 "Satellites"): the world table's, with the country's
/// columns split among the provinces. By stressor and world sector, the key is the provincial
/// table's satellite of the same name and stressors (mapped to world sectors by S), scaled to the
/// world table's national value; without one (or where it is zero for the sector), the provinces'
/// outputs, i.e. the national intensity in every province. Direct final-demand emissions F_Y of the
/// country go to the provinces by their share of each final-demand category. A satellite only the
/// provincial table has is not carried (the other regions have no values for it).
void nested_satellites(const NestContext& cx, const Matrix& S, IoTable& T, NestResult& out) {
  const IoTable &P = cx.P, &W = cx.W;
  const Index N = cx.N, Np = cx.Np, K = cx.K, Gp = cx.Gp, rc = cx.rc, n = T.Z.rows();
  const Matrix xp = cx.by_province(T.x.segment(rc * N, cx.nc));  // Gp x N
  for (const auto& ps : P.satellites) {
    bool in_world = false;
    for (const auto& ws : W.satellites) in_world = in_world || ws.name == ps.name;
    if (!in_world)
      out.notes.push_back("satellite '" + ps.name +
                          "' of the provincial table is not carried: the world table has no values for the other "
                          "regions");
  }
  for (const auto& ws : W.satellites) {
    const Satellite* ps = nullptr;
    for (const auto& c : P.satellites)
      if (c.name == ws.name && c.stressors == ws.stressors) ps = &c;
    Satellite sat;
    sat.name = ws.name;
    sat.stressors = ws.stressors;
    sat.units = ws.units;
    const Index k = ws.F.rows();
    sat.F = Matrix::Zero(k, n);
    for (Index r = 0; r < cx.Gw; ++r)
      if (r != rc) sat.F.middleCols(cx.nested_region(r) * N, N) = ws.F.middleCols(r * N, N);
    Index by_output = 0;
    for (Index q = 0; q < k; ++q)
      for (Index j = 0; j < N; ++j) {
        const double national = ws.F(q, cx.c0 + j);
        Vector key(Gp);
        bool own = ps != nullptr;
        if (own)
          for (Index p = 0; p < Gp; ++p) key(p) = ps->F.row(q).segment(p * Np, Np).dot(S.row(j));
        if (!own || key.minCoeff() < 0 || key.sum() <= 0) {
          key = xp.col(j);
          by_output += national != 0 ? 1 : 0;
        }
        const double tot = key.sum();
        for (Index p = 0; p < Gp; ++p)
          sat.F(q, (rc + p) * N + j) = tot != 0 ? national * key(p) / tot : national / static_cast<double>(Gp);
      }
    // Step 5 for satellites: the provinces' columns add up to the national column.
    Matrix sum = Matrix::Zero(k, N);
    for (Index p = 0; p < Gp; ++p) sum += sat.F.middleCols((rc + p) * N, N);
    const Matrix national = ws.F.middleCols(cx.c0, N);
    out.checks.check_vectors("nest 3: provincial stressors sum to the national column [" + ws.name + "]", "provinces",
                             Eigen::Map<const Vector>(sum.data(), sum.size()),
                             Eigen::Map<const Vector>(national.data(), national.size()));
    const std::string how = ps ? "by the provincial satellite of the same name, scaled to the world table's national "
                                 "values"
                               : "by the provinces' outputs (the national intensity in every province)";
    out.notes.push_back("satellite '" + ws.name + "': the country's stressors are split among the provinces " + how +
                        (ps && by_output > 0 ? "; by output for " + std::to_string(by_output) +
                                                   " stressor-sector cells where it is zero or negative"
                                             : std::string()));
    if (ws.F_Y.cols() == 0) {
      sat.F_Y = Matrix(k, 0);
    } else {
      sat.F_Y = Matrix::Zero(k, T.Y.cols());
      for (Index r = 0; r < cx.Gw; ++r)
        if (r != rc) sat.F_Y.middleCols(cx.nested_region(r) * K, K) = ws.F_Y.middleCols(r * K, K);
      const Eigen::RowVectorXd fd = T.Y.colwise().sum();
      for (Index c = 0; c < K; ++c) {
        double tot = 0;
        for (Index p = 0; p < Gp; ++p) tot += fd((rc + p) * K + c);
        for (Index p = 0; p < Gp; ++p)
          sat.F_Y.col((rc + p) * K + c) = ws.F_Y.col(rc * K + c) *
                                          (tot != 0 ? fd((rc + p) * K + c) / tot : 1.0 / static_cast<double>(Gp));
      }
      out.notes.push_back("satellite '" + ws.name +
                          "': the country's direct final-demand emissions (F_Y) are split among the provinces by "
                          "their share of each final-demand category");
    }
    T.satellites.push_back(std::move(sat));
  }
}

/// Metadata and history of the nested table, and notes on what is not carried over.
void nested_meta(const NestContext& cx, NestResult& out) {
  const IoTable &P = cx.P, &W = cx.W;
  const NestOptions& opt = cx.opt;
  IoTable& T = out.table;
  T.meta = W.meta;
  T.meta.name = (W.meta.name.empty() ? std::string("world") : W.meta.name) + " with " +
                (P.meta.name.empty() ? std::string("provinces") : P.meta.name) + " nested for " + opt.country;
  T.meta.source = W.meta.source + (P.meta.source.empty() ? "" : "; provinces: " + P.meta.source);
  T.meta.history.push_back("nest: " + std::to_string(cx.Gp) + " provinces of " + cx.ps + " nested into " + cx.ws +
                           " in place of " + opt.country + " (export key " + enum_name(opt.export_key) + ", " +
                           to_string(out.ras.method) + ")");
  if (!P.meta.unit.empty() && !W.meta.unit.empty() && P.meta.unit != W.meta.unit)
    out.notes.push_back("the provincial table's unit (" + P.meta.unit + ") differs from the world table's (" +
                        W.meta.unit + "): its values were scaled to the national totals, so shares carry over");
}

/// Step 5 (i) (methods.md §5.6): the province sums of every partner block (intermediate and
/// final, exports and imports) equal the world table's national block.
void check_partner_blocks(const NestContext& cx, const Matrix& Zn, const Matrix& Yn, Diagnostics& d) {
  const Index Gp = cx.Gp, N = cx.N, K = cx.K, rc = cx.rc, c0 = cx.c0, yc0 = cx.yc0;
  const Matrix& Zw = cx.Zw;
  const IoTable& W = cx.W;
  std::vector<double> a1, b1, a2, b2, a3, b3, a4, b4;
  for (Index s = 0; s < cx.Gw; ++s) {
    if (s == rc) continue;
    const Index sn = cx.nested_region(s);
    Matrix ez = Matrix::Zero(N, N), iz = Matrix::Zero(N, N), ey = Matrix::Zero(N, K), iy = Matrix::Zero(N, K);
    for (Index p = 0; p < Gp; ++p) {
      ez += Zn.block((rc + p) * N, sn * N, N, N);
      iz += Zn.block(sn * N, (rc + p) * N, N, N);
      ey += Yn.block((rc + p) * N, sn * K, N, K);
      iy += Yn.block(sn * N, (rc + p) * K, N, K);
    }
    auto put = [](std::vector<double>& dst, const Matrix& m) { dst.insert(dst.end(), m.data(), m.data() + m.size()); };
    put(a1, ez), put(b1, Zw.block(c0, s * N, N, N));
    put(a2, iz), put(b2, Zw.block(s * N, c0, N, N));
    put(a3, ey), put(b3, W.Y.block(c0, s * K, N, K));
    put(a4, iy), put(b4, W.Y.block(s * N, yc0, N, K));
  }
  auto vec = [](const std::vector<double>& vals) {
    return Eigen::Map<const Vector>(vals.data(), static_cast<Index>(vals.size()));
  };
  const std::string sc = "partner blocks of " + cx.opt.country;
  d.check_vectors("nest 1: sum over provinces of intermediate exports = national block", sc, vec(a1), vec(b1));
  d.check_vectors("nest 1: sum over provinces of intermediate imports = national block", sc, vec(a2), vec(b2));
  d.check_vectors("nest 1: sum over provinces of final exports = national block", sc, vec(a3), vec(b3));
  d.check_vectors("nest 1: sum over provinces of final imports = national block", sc, vec(a4), vec(b4));
}

/// Step 5 (ii) (methods.md §5.6): provincial outputs are matched (row sums, and inputs plus value
/// added by column) and sum to the national output.
void check_provincial_outputs(const NestContext& cx, const IoTable& T, const Matrix& Z, const CountryBlocks& b,
                              Diagnostics& d) {
  const Index N = cx.N, nc = cx.nc, rc = cx.rc;
  const Vector rows = T.row_total().segment(rc * N, nc);
  d.check_vectors("nest 2: provincial outputs matched (row sums = x)", "provinces", rows, b.xprov);
  // Inputs (domestic and imported) plus the provinces' value added (the RAS column targets).
  const Vector cols = (Vector::Ones(Z.rows()).transpose() * Z).transpose().segment(rc * N, nc) + b.vac;
  d.check_vectors("nest 2: provincial inputs + value added = x (column sums)", "provinces", cols, b.xprov);
  Vector sum = Vector::Zero(N);
  for (Index p = 0; p < cx.Gp; ++p) sum += b.xprov.segment(p * N, N);
  d.check_vectors("nest 2: provincial outputs sum to the national output", "country", sum, cx.xc);
}

}  // namespace

NestResult nest_table(const IoTable& P, const IoTable& W, const SectorConcordance& conc, const NestOptions& opt) {
  const NestContext cx(P, W, opt, locate_country(P, W, opt));
  NestResult out;

  // ---- Step 0: provincial sectors -> world sectors (S), outputs scaled to national totals.
  const Matrix S = concordance_matrix(conc, P.labels.sectors, W.labels.sectors, cx.xc);
  CountryBlocks blocks = map_provincial_blocks(cx, S);
  scale_to_national(cx, conc, blocks, out);
  // Provincial final demand in the world table's categories.
  Matrix Yd = final_demand_in_world_categories(cx, blocks.Yc, out);
  // National trade of the country in the world table.
  const NationalTrade trade = national_trade(cx);

  // ---- Step 2: export keys w (Gp x N).
  Matrix w = export_key_shares(cx, blocks, trade.E, out);
  // ---- Step 3: import keys s (intermediate, by using sector) and f (final, by product and category).
  const Matrix s_int = intermediate_import_key(cx, blocks, trade.Mint, out);
  const std::vector<Matrix> f_fin = final_import_key(cx, Yd);
  // ---- Step 4: RAS on the country's rows [Z^PP | Y^PP | exports by product].
  rebalance(cx, trade, s_int, blocks, Yd, w, out);

  // ---- Assemble the nested table (steps 1-3 with the balanced keys).
  IoTable& T = out.table;
  nested_labels(cx, T.labels);
  out.provinces = P.labels.regions;
  Matrix Z, Y;
  nested_flows(cx, blocks.Zc, Yd, w, s_int, f_fin, Z, Y);
  T.Z = Z.sparseView();
  T.Y = std::move(Y);
  nested_outputs(cx, T);
  nested_value_added(cx, S, T);
  nested_satellites(cx, S, T, out);
  nested_meta(cx, out);

  // ---- Step 5: checks.
  check_partner_blocks(cx, Z, T.Y, out.checks);
  check_provincial_outputs(cx, T, Z, blocks, out.checks);
  return out;
}

}  // namespace irio::tables
